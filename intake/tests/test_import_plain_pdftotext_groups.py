"""Plans printed as plain ``pdftotext`` text (no -layout) with a grouping column (a finding, a
priority) merged down its rows: pdftotext prints the merged cell where it finds it, which is often
after its rows, among them or after the whole table, not above them. Where every row is numbered
under a group ('2.1', '3.1a'), in order, the group's numbered cell is put back over its rows.
"""

from __future__ import annotations

from typing import Any

from intake.importer.api import import_document
from intake.importer.blocks import block_items
from intake.importer.cells import row_by_content
from intake.importer.layout import build_from_items
from intake.importer.model import PlanDraft


def _actions(blocks: list[str]) -> list[dict[str, Any]]:
    """``blocks``: each a cell's lines ('/' between lines), printed with a blank line between."""
    text = "\n\n".join(block.replace(" / ", "\n") for block in blocks) + "\n"
    actions: list[dict[str, Any]] = import_document(text.encode(), filename="plan.txt").to_dict()["actions"]
    return actions


def _actions_cell_after_cell(blocks: list[str]) -> list[dict[str, Any]]:
    lines = "\n\n".join(block.replace(" / ", "\n") for block in blocks).split("\n")
    draft = PlanDraft(document="plan.txt")
    build_from_items(draft, block_items(lines, row_by_content))
    return [action.to_dict() for action in draft.actions]


def _sections(actions: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    return [(a["ref"], a["section"]) for a in actions]


HEADER = ["Finding", "Ref", "Action", "Due date", "Lead"]


def test_a_group_cell_printed_after_its_rows_heads_them() -> None:
    actions = _actions(
        [
            *HEADER,
            "1. Management oversight of / child protection plans",
            "1.1 Audit supervision records of team managers / against the partnership standard.",
            "16 June 2025",
            "Education Safeguarding Lead",
            "1.2 Review the threshold document with schools, / health visitors and the police.",
            "31/07/2026",
            "Independent Scrutineer",
            "2.1 Relaunch the escalation policy for disagreements / between agencies.",
            "End of July 2025",
            "Head of Service, / Front Door",
            "2.2 Introduce the return home interview offer.",
            "End of April 2025",
            "2. Children's voices are not / consistently heard in strategy / discussions",
            "Quality Assurance Manager",
        ]
    )
    assert _sections(actions) == [("1.1", "1"), ("1.2", "1"), ("2.1", "2"), ("2.2", "2")]
    assert [a["owner"] for a in actions[:3]] == [
        "Education Safeguarding Lead",
        "Independent Scrutineer",
        "Head of Service, Front Door",
    ]


def test_group_cells_printed_after_the_table_head_their_rows() -> None:
    actions = _actions(
        [
            *HEADER,
            "1.1 Audit supervision records of team managers / against the partnership standard.",
            "16 June 2025",
            "Education Safeguarding Lead",
            "1.2 Review the threshold document with schools, / health visitors and the police.",
            "31/07/2026",
            "Independent Scrutineer",
            "2.1 Relaunch the escalation policy.",
            "End of July 2025",
            "Head of Service, / Front Door",
            "2.2 Introduce the return home interview offer.",
            "End of April 2025",
            "Quality Assurance Manager",
            "1 Partners do not understand the impact of domestic abuse",
            "2 Tackling neglect",
        ]
    )
    assert _sections(actions) == [("1.1", "1"), ("1.2", "1"), ("2.1", "2"), ("2.2", "2")]


def test_labelled_group_cells_printed_as_lines_after_rows_head_their_rows() -> None:
    actions = _actions(
        [
            "Westbury Safeguarding Children Partnership / Improvement plan 2025 to 2026",
            *HEADER[1:],
            "Priority 1: Safeguarding adolescents outside the home",
            "1.1 Audit supervision records of team managers / against the partnership standard.",
            "16 June 2025",
            "Education Safeguarding Lead",
            "1.2 Review the threshold document with schools, / health visitors and the police.",
            "31/07/2026",
            "Independent Scrutineer",
            "2.1 Relaunch the escalation policy.",
            "End of July 2025",
            "Head of Service, Front Door",
            "Priority 2: Early help is not / offered early enough to / families with younger / children",
            "Priority 3: Learning from / reviews",
            "3.1 Commission the graded care profile.",
            "Q4 2025/26",
            "Head of Early Help",
        ]
    )
    assert _sections(actions) == [("1.1", "1"), ("1.2", "1"), ("2.1", "2"), ("3.1", "3")]


def test_a_strands_name_printed_after_its_rows_heads_them() -> None:
    actions = _actions(
        [
            "Strand",
            "Action ref",
            "What we will do",
            "Target date",
            "Action owner",
            "Prevent",
            "PRE-1 Audit supervision records of team managers / against the partnership standard.",
            "16 June 2025",
            "Education Safeguarding Lead",
            "PRE-2 Review the threshold document with schools, / health visitors and the police.",
            "31/07/2026",
            "Independent Scrutineer",
            "PRP-1 Relaunch the escalation policy.",
            "End of July 2025",
            "Head of Service, / Front Door",
            "Prepare",
            "PRP-2 Introduce the return home interview offer.",
            "End of April 2025",
            "Quality Assurance Manager",
            "PUR-1 Commission the graded care profile.",
            "Q4 2025/26",
            "Head of Early Help",
            "Pursue",
        ]
    )
    assert _sections(actions) == [
        ("PRE-1", "Prevent"),
        ("PRE-2", "Prevent"),
        ("PRP-1", "Prepare"),
        ("PRP-2", "Prepare"),
        ("PUR-1", "Pursue"),
    ]


def test_a_group_cell_printed_after_the_first_of_its_rows_heads_it_too() -> None:
    actions = _actions(
        [
            *HEADER,
            "1 Information sharing between health partners / and the front door is too slow",
            "1.1a Audit supervision records of team managers / against the partnership standard.",
            "16 June 2025",
            "Education Safeguarding Lead",
            "1.1b Review the threshold document with schools, / health visitors and the police.",
            "31/07/2026",
            "Independent Scrutineer",
            "2.1a Relaunch the escalation policy.",
            "End of July 2025",
            "Head of Service, / Front Door",
            "2 Quality assurance and audit",
            "2.1b Introduce the return home interview offer.",
            "End of April 2025",
            "Quality Assurance Manager",
        ]
    )
    assert _sections(actions) == [("1.1a", "1"), ("1.1b", "1"), ("2.1a", "2"), ("2.1b", "2")]


def test_group_cells_printed_together_before_the_rows_of_the_first_head_their_own_rows() -> None:
    # read cell after cell (block_items) directly: so short a text is also read, with three actions
    # and these sections, as laid out in columns, and that reading wins
    actions = _actions_cell_after_cell(
        [
            *HEADER,
            "1 Safeguarding adolescents outside the home",
            "1.1 Audit supervision records of team managers / against the partnership standard.",
            "16 June 2025",
            "Education Safeguarding Lead",
            "1.2 Review the threshold document with schools, / health visitors and the police.",
            "31/07/2026",
            "Independent Scrutineer",
            "2 Early help is not offered early / enough to families",
            "3 Partners do not understand the / impact of domestic abuse",
            "2.1 Relaunch the escalation policy for / disagreements between agencies.",
            "End of July 2025",
            "Head of Service, / Front Door",
            "2.2 Publish the seven minute briefings / published after each rapid review.",
            "Q2 2025/26",
            "Head of Early Help",
            "3.1 Introduce the return home interview / offer to children who go missing.",
            "End of April 2025",
            "Quality Assurance Manager",
        ]
    )
    assert _sections(actions) == [
        ("1.1", "1"),
        ("1.2", "1"),
        ("2.1", "2"),
        ("2.2", "2"),
        ("3.1", "3"),
    ]


def test_a_strands_name_over_the_header_repeated_on_a_new_page_is_no_cell_of_the_cut_row() -> None:
    # 'Pursue' printed at the new page's top, above the header printed again: the cut row PUR-1 has
    # only its RAG still to come, which 'Pursue' is not
    header = ["Ref", "Agreed action", "Target date", "Lead officer", "RAG rating"]
    actions = _actions_cell_after_cell(
        [
            *header,
            "Prevent",
            "PRE-1 Audit supervision records of team managers / against the partnership standard.",
            "16 June 2025",
            "Education Safeguarding Lead",
            "Green",
            "PRE-2 Review the threshold document with schools, / health visitors and the police.",
            "31/07/2026",
            "Independent Scrutineer",
            "Amber",
            "PUR-1 Report on the graded care profile so that it is used in / every neglect case.",
            "31/05/2026",
            "Head of Early Help",
            "Pursue",
            *header,
            "Red",
            "PUR-2 Relaunch the escalation policy for / disagreements between agencies.",
            "End of July 2025",
            "Head of Service, / Front Door",
            "Green",
        ]
    )
    assert [(a["ref"], a["section"], a["owner"], a["rag"]) for a in actions] == [
        ("PRE-1", "Prevent", "Education Safeguarding Lead", "green"),
        ("PRE-2", "Prevent", "Independent Scrutineer", "amber"),
        ("PUR-1", "Pursue", "Head of Early Help", "red"),
        ("PUR-2", "Pursue", "Head of Service, Front Door", "green"),
    ]
