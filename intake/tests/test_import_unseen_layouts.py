"""Plans laid out as real partnerships lay them out, unlike the seed documents: other header words,
title rows, merged cells, several tables or sheets. Each document is built here, in a temporary folder."""

from __future__ import annotations

import csv
from pathlib import Path

from intake.importer.api import import_document
from intake.importer.model import PlanDraft


def _csv(tmp_path: Path, rows: list[list[str]], name: str = "plan.csv") -> PlanDraft:
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return import_document(path)


TRACKER_HEADER = [
    "Action ID",
    "Area for improvement",
    "Action",
    "Responsible agency",
    "Lead officer",
    "Target date",
    "RAG",
]


def test_action_id_column_is_read_as_the_reference(tmp_path: Path) -> None:
    draft = _csv(
        tmp_path,
        [
            TRACKER_HEADER,
            ["R3.1", "3. Strategy discussions", "Invite health to every strategy discussion.", "ICB",
             "Designated Nurse", "31/03/24", "G"],
            ["R3.2", "3. Strategy discussions", "Audit 20 strategy discussions.", "Council",
             "Head of Safeguarding", "March 2024", "A"],
        ],
    )  # fmt: skip
    assert [a.ref for a in draft.actions] == ["R3.1", "R3.2"]
    assert draft.actions[0].text == "Invite health to every strategy discussion."


def test_responsible_agency_column_is_read_as_agency_not_owner(tmp_path: Path) -> None:
    draft = _csv(
        tmp_path,
        [
            TRACKER_HEADER,
            ["R4.1", "4. Health involvement", "Share a named GP contact for each child.", "ICB",
             "Designated Nurse", "Q4 2023/24", "G"],
        ],
    )  # fmt: skip
    action = draft.actions[0]
    assert action.owner == "Designated Nurse"
    assert action.agency == "ICB"
    assert str(action.due) == "2024-03-31"


def test_a_revised_target_date_column_gives_the_later_due_date(tmp_path: Path) -> None:
    draft = _csv(
        tmp_path,
        [
            [
                "Ref",
                "Action",
                "Lead officer",
                "Original target date",
                "Revised target date",
                "Current status",
            ],
            [
                "1.1",
                "Publish the neglect strategy.",
                "Head of Early Help",
                "March 2023",
                "September 2023",
                "Amber",
            ],
        ],
    )
    action = draft.actions[0]
    assert str(action.due) == "2023-09-30"
    assert action.rag == "amber"


def test_a_workstream_lead_column_is_an_owner_not_a_section(tmp_path: Path) -> None:
    draft = _csv(
        tmp_path,
        [
            ["Ref", "Key tasks", "Workstream lead", "Timescale", "Success criteria"],
            ["2.1", "Train every school DSL in the screening tool.", "Education Safeguarding Lead", "July 2024",
             "All DSLs trained"],
        ],
    )  # fmt: skip
    action = draft.actions[0]
    assert action.owner == "Education Safeguarding Lead"
    assert action.section is None
    assert action.outcome == "All DSLs trained"


def test_a_status_word_takes_the_colour_the_plans_own_key_gives_it(tmp_path: Path) -> None:
    draft = _csv(
        tmp_path,
        [
            ["Colour", "Definition"],
            ["Red", "Delayed"],
            ["Amber", "Started"],
            ["Green", "On track"],
            ["Blue", "Complete"],
            [],
            ["Ref", "Action", "Lead", "By when", "Status"],
            ["1", "Publish the neglect strategy.", "Head of Early Help", "March 2024", "Delayed"],
            ["2", "Train the practitioners.", "Training Lead", "June 2024", "Started"],
            ["3", "Audit the plans.", "QA Lead", "June 2024", "On track"],
        ],
    )
    assert [a.rag for a in draft.actions] == ["red", "amber", "green"]
    assert not draft.warnings
