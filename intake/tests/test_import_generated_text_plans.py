"""Plans drawn by ``plan_generator_text`` (header synonyms, column orders, reference styles, section
forms, due-date and status wordings, several owners, empty cells, 'N/A' rows) in the text forms a
converter writes (tab-separated rows, pipe tables, ``pdftotext -layout`` columns, labelled records),
each scored against the gold the generator writes; and the layouts the generated plans showed the
importer missing, each written out here.

Over seeds 0-449, the laid-out form 448/450 -> 450/450 (test_import_laid_out_columns.py): a section
cell going on after its label ('Recommendation 3:' over 'Leadership and governance') opened a row
beside the action's next sentence (seeds 175, 277; over seeds 450-899 448/450 -> 449/450, 590). Left:
803, a plan of two columns (action and timescale), which no reader takes for a table. The records
form over seeds 0-449 444/450 -> 450/450 (450-899: 445/450 -> 450/450; test_import_records.py): a
record giving only its labelled action, or it and an update, among records with leads and dates,
was not taken for an action (225, 282, 318, 367, 375, 410)."""

from __future__ import annotations

from types import ModuleType

import pytest

from intake.importer.api import import_document
from intake.importer.model import PlanDraft

from .conftest import score_plan
from .plan_generator_text import FORMS, generate_plan


def _import(text: str, name: str = "plan.txt") -> PlanDraft:
    return import_document(text.encode("utf-8"), filename=name)


# --------------------------------------------------------------------------- layouts found by the generator


def test_a_labelled_section_line_between_tab_separated_rows_is_a_section() -> None:
    draft = _import(
        "Ref\tAction\tLead\tBy when\tRAG\n"
        "Area for improvement 1: Child exploitation and missing children\n"
        "1.1\tReview return home interviews.\tHead of Early Help\tMarch 2024\tG\n"
        "Area for improvement 2: Neglect\n"
        "2.1\tRelaunch the Graded Care Profile 2.\tPrincipal Social Worker\tJune 2024\tA\n"
    )
    assert [(a.ref, a.section) for a in draft.actions] == [("1.1", "1"), ("2.1", "2")]
    assert {s.ref: s.title for s in draft.sections}["2"] == "Neglect"


@pytest.mark.parametrize(
    "row",
    [
        "| {title} |  |  |  |  |",  # a pipe table's row merged across it
        "{title}\t\t\t\t",  # a tab-separated row with only its first cell
    ],
)
def test_a_title_alone_in_the_ref_column_of_a_whole_row_is_a_section(row: str) -> None:
    pipe = row.startswith("|")
    header = (
        "| Ref | Action | Owner | Due date | Status |\n|---|---|---|---|---|\n"
        if pipe
        else ("Ref\tAction\tOwner\tDue date\tStatus\n")
    )
    lines = [
        row.format(title="Leadership and governance"),
        "| A1 | Publish the annual report. | Business Manager | May 2024 | Green |"
        if pipe
        else "A1\tPublish the annual report.\tBusiness Manager\tMay 2024\tGreen",
        row.format(title="Prevent"),
        "| A2 | Audit strategy discussions. |  | June 2024 | Red |"
        if pipe
        else "A2\tAudit strategy discussions.\t\tJune 2024\tRed",
    ]
    draft = _import(header + "\n".join(lines) + "\n", "plan.md" if pipe else "plan.txt")
    assert [(a.ref, a.section, a.owner) for a in draft.actions] == [
        ("A1", "Leadership and governance", "Business Manager"),
        ("A2", "Prevent", None),
    ]


def test_a_title_alone_on_a_line_between_tab_separated_rows_with_references_is_a_section() -> None:
    # Word's 'Convert table to text' writes a row merged across the table without tabs
    draft = _import(
        "Ref\tAction\tLead\tBy when\n"
        "Mental health and emotional wellbeing\n"
        "A1\tPublish a briefing on the review.\tDesignated Nurse\tMay 2024\n"
        "Quality assurance and audit\n"
        "A2\tEvaluate the early help assessment tool.\tHead of Early Help\tJune 2024\n"
        "A3\tAudit strategy discussions.\t\tJuly 2024\n"
    )
    assert [(a.ref, a.section, a.owner) for a in draft.actions] == [
        ("A1", "Mental health and emotional wellbeing", "Designated Nurse"),
        ("A2", "Quality assurance and audit", "Head of Early Help"),
        ("A3", "Quality assurance and audit", "Head of Early Help"),
    ]


def test_page_furniture_between_blank_lines_among_tab_separated_rows_is_not_a_section() -> None:
    draft = _import(
        "Ref\tAction\tLead\tBy when\n"
        "1.1\tPublish a briefing on the review.\tDesignated Nurse\tMay 2024\n"
        "\nOFFICIAL\n\n"
        "1.2\tEvaluate the early help assessment tool.\tHead of Early Help\tJune 2024\n"
    )
    assert [(a.ref, a.section) for a in draft.actions] == [("1.1", None), ("1.2", None)]
    assert draft.sections == []


def test_a_short_plan_laid_out_in_columns_is_read_by_its_columns() -> None:
    # a one-page plan from pdftotext -layout: fewer lines than a long plan, and no separators at all
    draft = _import(
        "Ref    Action                                   Lead officer        Target date\n"
        "\n"
        "1.1    Refresh the neglect strategy and         Head of Service     March 2024\n"
        "       publish it on the website.\n"
        "1.2    Audit strategy discussions.              DCI Holt            Q2 2024/25\n"
    )
    assert [(a.ref, a.text, a.owner, str(a.due)) for a in draft.actions] == [
        (
            "1.1",
            "Refresh the neglect strategy and publish it on the website.",
            "Head of Service",
            "2024-03-31",
        ),
        ("1.2", "Audit strategy discussions.", "DCI Holt", "2024-09-30"),
    ]


def test_a_plain_heading_between_blank_lines_over_records_is_their_section() -> None:
    draft = _import(
        "Hillshire Safeguarding Children Partnership\n"
        "Written statement of action\n\n"
        "1. The front door and early help\n\n"
        "Action 1.1\nAction: Review the MASH operating model.\nLead: Service Manager, MASH\nDue: June 2024\n\n"
        "Action 1.2\nAction: Audit strategy discussions.\nLead: DCI Holt\nDue: July 2024\n\n"
        "Quality assurance and audit\n\n"
        "Lead: QA Lead\nAction: Publish the audit programme.\nDue: May 2024\n"
    )
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("1.1", "1"),
        ("1.2", "1"),
        (None, "Quality assurance and audit"),
    ]
    assert {s.ref: s.title for s in draft.sections}["1"] == "The front door and early help"


# --------------------------------------------------------------------------- generated plans

SEEDS_PER_FORM = 12
# plans past the first seeds once read wrong, (form, seed): each now imports as its gold
ONCE_MISREAD = [
    ("layout", 175),
    ("layout", 277),
    ("layout", 290),
    ("layout", 590),
    ("records", 225),
    ("records", 318),
]
# known gaps, (form, seed) -> the F1 and field agreement reached; every other plan scores 1.0 and 1.0.
KNOWN_GAPS: dict[tuple[str, int], tuple[float, float]] = {}


@pytest.mark.parametrize(("form", "seed"), ONCE_MISREAD)
def test_a_generated_plan_once_misread_imports_as_its_gold(scorer: ModuleType, form: str, seed: int) -> None:
    test_a_generated_plan_imports_as_its_gold(scorer, form, seed)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("seed", range(SEEDS_PER_FORM))
def test_a_generated_plan_imports_as_its_gold(scorer: ModuleType, form: str, seed: int) -> None:
    plan = generate_plan(seed, form)
    gold = plan.gold(f"generated-{form}-{seed}." + ("md" if form == "pipe" else "txt"))
    result = score_plan(scorer, plan.render(), gold)
    min_f1, min_fields = KNOWN_GAPS.get((form, seed), (1.0, 1.0))
    assert result["f1"] >= min_f1, (plan.render(), result)
    assert result["field_mean"] >= min_fields, (plan.render(), result)
