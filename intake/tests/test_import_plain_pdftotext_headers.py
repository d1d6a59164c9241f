"""Plans printed as plain ``pdftotext`` text (no -layout): where the table's header is printed, and
how it is read:

- the document's title (or the table's heading) and the header's first name are one block, one line
  apart ('Improvement plan 2025 to 2026' / 'Agreed action'): the header still starts there, the
  document's title is no section, a heading over a later table is;
- a grouping column ('Theme', 'Priority') merged down its rows prints its cell once, as a block above
  its first row: no cell of the rows, so the header leaves it out and the block is a heading;
- a header cell printed apart from the rest (a column empty under it, or a name lower in the header
  row): among the first row's cells ('Number' / 'Actions' / '1.1' / ... / 'Status') or at the page's
  foot ('Owner' / 'By when' after the last row): put back in the header, in the order printed;
- two header cells side by side, the left one wrapped ('Completion' / 'date' beside 'Lead officer'):
  pdftotext runs their first lines together ('Completion Lead officer' / 'date'); read as the two
  names in their order.
"""

from __future__ import annotations

from typing import Any

from intake.importer.api import import_document

TITLE = ["Westbury Safeguarding Children Partnership", "Improvement plan 2025 to 2026"]


def _plan(lines: list[str]) -> dict[str, Any]:
    text = "\n".join(lines) + "\n"
    plan: dict[str, Any] = import_document(text.encode(), filename="plan.txt").to_dict()
    return plan


def _blocks(*cells: str) -> list[str]:
    """Each cell a block of lines ('|' between its lines), a blank line after it."""
    out: list[str] = []
    for cell in cells:
        out += [*cell.split("|"), ""]
    return out


def _fields(action: dict[str, Any]) -> tuple[Any, ...]:
    return (action["ref"], action["section"], action["owner"], action["due_text"])


def test_the_header_printed_under_the_documents_title_is_read_and_the_title_is_no_section() -> None:
    lines = [
        *TITLE,  # the title and 'Agreed action' one block: no blank line between
        *_blocks(
            "Agreed action",
            "By when",
            "Responsible officer",
            "1.1 Train practitioners in supervision records of team managers against the|partnership standard.",
            "Ongoing",
            "Independent Scrutineer / Head of|Service, Front Door",
            "1.2 Publish the threshold document with schools, health visitors and the police.",
            "End of February 2025",
            "Education Safeguarding Lead",
            "1.3 Agree the strategy discussion record so that it asks what the child has said.",
            "6 October 2025",
            "Detective Inspector, Public Protection",
            "1.4 Review the domestic abuse notification process so that schools hear of incidents|before the next school day.",
            "July 2025",
            "Partnership Business Manager",
            "1.5 Relaunch the seven minute briefings published after each rapid review.",
            "Q3 2025/26",
            "Head of Early Help",
        ),
    ]
    plan = _plan(lines)
    assert [_fields(a) for a in plan["actions"]] == [
        ("1.1", None, "Independent Scrutineer / Head of Service, Front Door", "Ongoing"),
        ("1.2", None, "Education Safeguarding Lead", "End of February 2025"),
        ("1.3", None, "Detective Inspector, Public Protection", "6 October 2025"),
        ("1.4", None, "Partnership Business Manager", "July 2025"),
        ("1.5", None, "Head of Early Help", "Q3 2025/26"),
    ]
    assert plan["sections"] == []


def test_a_heading_printed_with_the_header_of_a_table_without_references_is_its_section() -> None:
    table = ("Action", "Lead officer", "Due date")
    plan = _plan(
        [
            *TITLE,
            "",
            "1. Tackling neglect",
            *_blocks(
                *table,
                "Commission the return home interview offer to children who go missing.",
                "Independent Scrutineer",
                "End of November 2026",
                "Review the domestic abuse notification process so that schools hear of|incidents before the next school day.",
                "Partnership Training Coordinator",
                "January 2025",
            ),
            "2. Early help",
            *_blocks(
                *table,
                "Report on supervision records of team managers against the partnership|standard.",
                "Partnership Business Manager",
                "Q2 2026/27",
            ),
        ]
    )
    assert [(s["ref"], s["title"]) for s in plan["sections"]] == [
        ("1", "Tackling neglect"),
        ("2", "Early help"),
    ]
    assert [(a["section"], a["owner"], a["due_text"]) for a in plan["actions"]] == [
        ("1", "Independent Scrutineer", "End of November 2026"),
        ("1", "Partnership Training Coordinator", "January 2025"),
        ("2", "Partnership Business Manager", "Q2 2026/27"),
    ]


def test_a_grouping_columns_cell_printed_above_its_rows_is_their_section_not_a_cell() -> None:
    plan = _plan(
        [
            *TITLE,
            *_blocks(
                "Theme",
                "Ref.",
                "Actions",
                "Due date",
                "Action owner",
                "1. Information sharing|between health|partners is too slow",
                "1.1a",
                "Commission the threshold document with|schools, health visitors and the police.",
                "28/02/2025",
                "Head of|Service,|Front Door",
                "1.1b",
                "Relaunch the seven minute briefings published|after each rapid review.",
                "31/10/2026",
                "Education Safeguarding Lead",
            ),
        ]
    )
    assert [s["ref"] for s in plan["sections"]] == ["1"]
    assert [_fields(a) for a in plan["actions"]] == [
        ("1.1a", "1", "Head of Service, Front Door", "28/02/2025"),
        ("1.1b", "1", "Education Safeguarding Lead", "31/10/2026"),
    ]


def test_header_names_printed_among_the_first_row_and_at_the_pages_foot_are_the_headers() -> None:
    plan = _plan(
        [
            *TITLE,
            *_blocks(
                "Number",
                "Actions",
                "1.1",
                "Audit supervision records of team managers|against the partnership standard.",
                "Status",
                "G",
                "Head of Early Help",
                "September 2026",
                "1.2",
                "Relaunch the seven minute briefings|published after each rapid review.",
                "A",
                "Detective|Inspector, Public|Protection",
                "Ongoing",
                "1.3",
                "Review the return home interview offer to|children who go missing.",
                "R",
                "Designated Nurse",
                "End of March 2026",
                "Owner",
                "By when",
            ),
            "\f",
        ]
    )
    assert [(*_fields(a), a["rag"]) for a in plan["actions"]] == [
        ("1.1", None, "Head of Early Help", "September 2026", "green"),
        ("1.2", None, "Detective Inspector, Public Protection", "Ongoing", "amber"),
        ("1.3", None, "Designated Nurse", "End of March 2026", "red"),
    ]


def test_a_date_after_the_header_is_not_taken_for_a_column_name() -> None:
    plan = _plan(
        [
            *TITLE,
            *_blocks(
                "Ref",
                "Action required",
                "Owner",
                "Deadline",
                "1.1",
                "Train practitioners in a multi-agency meeting for each locality.",
                "Head of Early Help",
                "Q4 2025/26",
                "1.2",
                "Review the threshold document with schools.",
                "Designated Nurse",
                "End of September 2026",
                "1.3",
                "Publish the seven minute briefings.",
                "Independent Scrutineer",
                "March 2026",
                "1.4",
                "Relaunch the escalation policy.",
                "Head of Service, Front Door",
                "Q1 2026/27",
            ),
        ]
    )
    assert [_fields(a) for a in plan["actions"]] == [
        ("1.1", None, "Head of Early Help", "Q4 2025/26"),
        ("1.2", None, "Designated Nurse", "End of September 2026"),
        ("1.3", None, "Independent Scrutineer", "March 2026"),
        ("1.4", None, "Head of Service, Front Door", "Q1 2026/27"),
    ]


def test_names_after_a_heading_right_under_the_header_are_not_gathered_into_it() -> None:
    # pdfminer prints a run of rows column by column: the action texts, then the leads, dates and
    # statuses; read under 'What we will do | Lead | By when | Status' the leads land on wrong actions
    plan = _plan(
        [
            *_blocks(
                "Eastmoor Safeguarding Children Partnership",
                "Business plan 2025 to 2026",
                "What we will do",
                "Priority 1: Tackling neglect",
                "Lead",
                "By when",
                "Status",
                "Launch the refreshed neglect strategy and toolkit with briefings for|schools",
                "Train practitioners in the graded care profile so that it is used in every|neglect case",
                "Head of Early Help",
                "April 2025",
                "Complete",
                "Partnership Training Coordinator",
                "Q2 2025/26",
                "Green",
                "Audit the use of the graded care profile in child in need plans",
                "Quality Assurance Subgroup Chair",
                "December 2025",
                "Amber",
            ),
        ]
    )
    assert not any(a["owner"] == "Training Coordinator" for a in plan["actions"])


def test_two_header_names_run_together_side_by_side_are_read_in_their_order() -> None:
    # 'Completion' / 'date' beside 'Lead officer': pdftotext prints 'Completion Lead officer' / 'date'
    lines = [
        *TITLE,
        *_blocks(
            "Agreed action",
            "Completion Lead officer|date",
            "1.1 Train practitioners in supervision records of team managers against the|partnership standard.",
            "31/05/2025",
            "Independent Scrutineer / Head of|Service, Front Door",
            "1.2 Publish the threshold document with schools, health visitors and the police.",
            "End of February 2025",
            "Education Safeguarding Lead",
            "1.3 Agree the strategy discussion record so that it asks what the child has said.",
            "6 October 2025",
            "Detective Inspector, Public Protection",
            "1.4 Review the domestic abuse notification process so that schools hear of incidents|before the next school day.",
            "Ongoing",
            "Partnership Business Manager",
            "1.5 Relaunch the seven minute briefings published after each rapid review.",
            "Q3 2025/26",
            "Head of Early Help",
        ),
    ]
    plan = _plan(lines)
    assert [_fields(a) for a in plan["actions"]] == [
        ("1.1", None, "Independent Scrutineer / Head of Service, Front Door", "31/05/2025"),
        ("1.2", None, "Education Safeguarding Lead", "End of February 2025"),
        ("1.3", None, "Detective Inspector, Public Protection", "6 October 2025"),
        ("1.4", None, "Partnership Business Manager", "Ongoing"),
        ("1.5", None, "Head of Early Help", "Q3 2025/26"),
    ]


def test_a_ref_and_action_column_named_as_one_is_the_action_column_opening_with_its_reference() -> None:
    # 'Ref / Action' is one column whose cells open with the reference ('R1.1 Refresh ...'); its
    # last word is not the start of 'Action Lead'
    rows = [
        (
            f"R1.{n} Audit a sample of {n}0 case files for the\nreview's learning.",
            f"Service Manager {n}",
            f"Q{n} 2025/26",
            "A",
        )
        for n in range(2, 6)
    ]
    text = "\n\n".join(
        [
            "Ref / Action Lead",
            "Target\ndate",
            "RAG",
            "R1.1 Refresh the neglect strategy to include a section on\nadolescent neglect.",
            "Kate Holloway, Head of Early Help",
            "End of June\n2024",
            "G",
            *(cell for row in rows for cell in row),
        ]
    )
    draft = import_document(text.encode("utf-8"), filename="plan.txt")
    assert [(a.ref, a.text, a.owner, a.due_text, a.rag) for a in draft.actions] == [
        (
            "R1.1",
            "Refresh the neglect strategy to include a section on adolescent neglect.",
            "Kate Holloway, Head of Early Help",
            "End of June 2024",
            "green",
        ),
        *(
            (
                f"R1.{n}",
                f"Audit a sample of {n}0 case files for the review's learning.",
                f"Service Manager {n}",
                f"Q{n} 2025/26",
                "amber",
            )
            for n in range(2, 6)
        ),
    ]
