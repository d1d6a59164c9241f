"""Plans printed as plain ``pdftotext`` text (no -layout): a row's cells one after another, each a
block of lines, a reference starting each row. What that text does to a row, and how it is read:

- a one-line status cell sits beside the first line of its neighbour, and pdftotext runs the two
  together: the status word ends that line ('... team managers G') or stands as a line of the
  neighbour's block ('Alex Brown (Head of' / 'Green' / 'Service, Front Door)');
- a cell left empty prints nothing, so the cells after it are placed under the header's columns by
  what they hold ('Ongoing' is the due cell even when the lead is the next block), and a status word
  printed out of its place (after the progress) is still the status;
- a due date opening with its day ('27 March 2025') is not a reference starting a row.
"""

from __future__ import annotations

from typing import Any

from intake.importer.api import import_document


def _actions(lines: list[str]) -> list[dict[str, Any]]:
    text = "\n".join(lines) + "\n"
    actions: list[dict[str, Any]] = import_document(text.encode(), filename="plan.txt").to_dict()["actions"]
    return actions


def _fields(action: dict[str, Any]) -> tuple[Any, ...]:
    return (action["ref"], action["owner"], action["due_text"], action["rag"])


HEADER = ["Ref", "", "Action", "", "RAG", "", "Lead", "", "Due date", "", "Progress", ""]


def test_a_status_word_run_into_the_first_line_of_the_action_is_the_status() -> None:
    actions = _actions(
        [
            *HEADER,
            "1.1",
            "",
            "Audit supervision records of team managers G",
            "against the partnership standard.",
            "",
            "Head of Early Help",
            "",
            "September 2026",
            "",
            "1.2",
            "",
            "Review the threshold document with schools, Amber",
            "health visitors and the police.",
            "",
            "Independent Scrutineer",
            "",
            "Q1 2025/26",
            "",
            "Draft shared with partners for comment.",
            "",
            "1.3",
            "",
            "Relaunch the seven minute briefings published",
            "after each rapid review.",
            "",
            "Red",
            "",
            "Designated Nurse",
            "",
            "End of March 2026",
            "",
        ]
    )
    assert [a["text"] for a in actions[:2]] == [
        "Audit supervision records of team managers against the partnership standard.",
        "Review the threshold document with schools, health visitors and the police.",
    ]
    assert [_fields(a) for a in actions] == [
        ("1.1", "Head of Early Help", "September 2026", "green"),
        ("1.2", "Independent Scrutineer", "Q1 2025/26", "amber"),
        ("1.3", "Designated Nurse", "End of March 2026", "red"),
    ]


def test_a_status_word_printed_as_a_line_of_the_lead_is_the_status() -> None:
    actions = _actions(
        [
            "Ref",
            "",
            "Action",
            "",
            "Lead",
            "",
            "RAG",
            "",
            "Due date",
            "",
            "1.1",
            "",
            "Audit supervision records of team managers.",
            "",
            "Alex Brown (Head of",
            "Green",
            "Service, Front Door)",
            "",
            "September 2026",
            "",
            "1.2",
            "",
            "Review the threshold document with schools.",
            "",
            "Head of Early Help",
            "",
            "Amber",
            "",
            "Q1 2025/26",
            "",
            "1.3",
            "",
            "Relaunch the seven minute briefings.",
            "",
            "Designated Nurse",
            "",
            "Red",
            "",
            "End of March 2026",
            "",
        ]
    )
    assert [_fields(a) for a in actions] == [
        ("1.1", "Alex Brown (Head of Service, Front Door)", "September 2026", "green"),
        ("1.2", "Head of Early Help", "Q1 2025/26", "amber"),
        ("1.3", "Designated Nurse", "End of March 2026", "red"),
    ]


def test_cells_after_an_empty_one_and_a_status_printed_last_go_under_their_columns() -> None:
    actions = _actions(
        [
            "Action ref",
            "",
            "Actions",
            "",
            "BRAG",
            "",
            "Timescale",
            "",
            "Lead",
            "",
            "Progress update",
            "",
            "1.1a",
            "",
            "Audit the domestic abuse notification process so that",
            "schools hear of incidents before the next school day.",
            "",
            "Ongoing",
            "",
            "Detective Inspector,",
            "Public Protection",
            "",
            "1.1b",
            "",
            "Develop the multi-agency training programme for",
            "practitioners working with families.",
            "",
            "End of August",
            "2026",
            "",
            "Partnership Business",
            "Manager",
            "",
            "Delayed by changes in the analyst",
            "team; new date agreed.",
            "",
            "Complete",
            "",
            "1.1c",
            "",
            "Review the threshold document with schools, health",
            "visitors and the police.",
            "",
            "Red",
            "",
            "Q1 2025/26",
            "",
            "Independent Scrutineer",
            "",
            "Draft shared with partners for comment.",
            "",
        ]
    )
    assert [_fields(a) for a in actions] == [
        ("1.1a", "Detective Inspector, Public Protection", "Ongoing", None),
        ("1.1b", "Partnership Business Manager", "End of August 2026", "complete"),
        ("1.1c", "Independent Scrutineer", "Q1 2025/26", "red"),
    ]
    assert actions[1]["progress"] == "Delayed by changes in the analyst team; new date agreed."


def test_a_due_date_opening_with_its_day_does_not_start_a_row() -> None:
    actions = _actions(
        [
            *HEADER,
            "PUR-1",
            "",
            "Introduce supervision records of team managers",
            "against the partnership standard.",
            "",
            "Complete",
            "",
            "Service Manager,",
            "Adolescent Services",
            "",
            "27 March 2025",
            "",
            "Agreed at the executive and in use",
            "since April.",
            "",
            "PUR-2",
            "",
            "Review the domestic abuse notification process.",
            "",
            "Amber",
            "",
            "Independent Scrutineer",
            "",
            "6 September 2025",
            "",
            "PUR-3",
            "",
            "Publish the multi-agency training programme.",
            "",
            "Green",
            "",
            "Quality Assurance Manager",
            "",
            "End of November 2026",
            "",
        ]
    )
    assert [_fields(a) for a in actions] == [
        ("PUR-1", "Service Manager, Adolescent Services", "27 March 2025", "complete"),
        ("PUR-2", "Independent Scrutineer", "6 September 2025", "amber"),
        ("PUR-3", "Quality Assurance Manager", "End of November 2026", "green"),
    ]
