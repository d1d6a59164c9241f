"""Plans printed as plain ``pdftotext`` text (no -layout), more of what that text does to a table:

- the header's first names, a heading right under them, the rows, and the header's other names
  printed at the page's foot ('Ref' / 'Action required' / 'Priority 1: ...' / '1.1' ... / 'Due date'
  / 'Action owner'): the names after the rows are the header's (names right under the heading,
  before any row, may be a row's cells printed column by column, and are not, unless the header
  names a grouping column: the headings are then its cells, printed beside the first names);
- a grouping column's cells merged down the rows ('Priority 2: ...', 'Priority 3: ...') printed
  between the first row's action and its other cells: the row goes on after them;
- the other cells of a run of rows (leads, dates, statuses) printed together after the last of them,
  each row's cells in column order: dealt back to the rows where every cell then fits its column;
- a table under each strand's heading, all with the same columns, the header row's right-hand names
  printed before the heading ('Lead' / 'Target date' / 'Priority 2: ...' / 'No.' / 'Agreed action'):
  the new table has the columns of the one before;
- a row of only its reference and action (its other cells empty, or printed where they could not be
  placed) is still an action, read under those two columns;
- in a table without references, due dates opening with their day ('4 September' / '2025') do not
  make the table look like one whose rows each open with a reference, nor do the numbered cells of
  a grouping column ('1. Management oversight of child protection plans');
- two wrapped header names side by side whose lines print in turn ('RAG' / 'Deadline' / 'rating'):
  the two names, not 'RAG' and 'rating' as two status columns;
- a strand's name printed in one block with the reference of that strand's first row ('Partnership'
  / 'PAR-1'): the heading of those rows, not the last cell of the row before.
"""

from __future__ import annotations

from typing import Any

from intake.importer.api import import_document

from .test_import_plain_pdftotext_headers import TITLE, _blocks, _plan


def _fields(action: dict[str, Any]) -> tuple[Any, ...]:
    return (action["ref"], action["section"], action["owner"], action["due_text"], action["rag"])


def test_header_names_printed_after_the_rows_below_a_heading_under_the_first_names_are_the_headers() -> None:
    lines = [
        *TITLE,
        *_blocks(
            "Ref",
            "Action required",
            "Priority 1: Safeguarding|adolescents outside the home",
            "1.1",
            "Publish the threshold document with schools, health visitors and the|police.",
            "End of July 2025",
            "Quality Assurance Manager",
            "1.2",
            "Review the return home interview offer to children who go|missing.",
            "February 2025",
            "Designated Nurse,|Safeguarding Children",
            "1.3",
            "Introduce the strategy discussion record so that it asks what|the child has said.",
            "Ongoing",
            "Head of Early Help",
            "Priority 2: Management|oversight of child protection|plans",
            "Due date",
            "Action owner",
        ),
    ]
    actions = _plan(lines)["actions"]
    assert [_fields(a) for a in actions] == [
        ("1.1", "1", "Quality Assurance Manager", "End of July 2025", None),
        ("1.2", "1", "Designated Nurse, Safeguarding Children", "February 2025", None),
        ("1.3", "1", "Head of Early Help", "Ongoing", None),
    ]


def test_later_groups_printed_between_the_first_rows_action_and_its_other_cells_leave_the_row_whole() -> None:
    lines = [
        *TITLE,
        *_blocks(
            "Priority",
            "Agreed action",
            "Timescale",
            "Lead officer",
            "RAG|rating",
            "Priority 1:|Safeguarding|adolescents",
            "1.1 Relaunch the strategy|discussion record so that it|asks what the child has|said.",
            "Priority 2:|Partners do|not|understand",
            "Priority 3:|Quality|assurance",
            "March 2025",
            "Partnership|Business|Manager",
            "Green",
            "1.2 Agree supervision|records of team managers.",
            "August|2025",
            "Quality|Assurance|Manager",
            "Amber",
            "2.1 Develop the strategy|discussion record.",
            "Ongoing",
            "Detective|Inspector",
            "Red",
            "3.1 Review the graded care|profile.",
            "June 2026",
            "Head of Early Help",
            "Green",
        ),
    ]
    actions = _plan(lines)["actions"]
    assert [_fields(a) for a in actions] == [
        ("1.1", "1", "Partnership Business Manager", "March 2025", "green"),
        ("1.2", "1", "Quality Assurance Manager", "August 2025", "amber"),
        ("2.1", "2", "Detective Inspector", "Ongoing", "red"),
        ("3.1", "3", "Head of Early Help", "June 2026", "green"),
    ]
    assert (
        actions[0]["text"]
        == "Relaunch the strategy discussion record so that it asks what the child has said."
    )


def test_the_other_cells_of_a_run_of_rows_printed_together_after_the_last_are_dealt_back_to_each_row() -> (
    None
):
    lines = [
        *TITLE,
        *_blocks(
            "Ref",
            "Action",
            "Lead",
            "Due date",
            "RAG",
            "1.1",
            "Audit the strategy discussion record so that it asks what the|child has said.",
            "1.2",
            "Introduce the graded care profile so that it is used in every|neglect case.",
            "1.3",
            "Report on the multi-agency training programme for|practitioners working with families.",
            "Partnership Training|Coordinator",
            "End of March|2026",
            "Green",
            "Quality Assurance|Manager",
            "December 2025",
            "Head of Early Help",
            "Q3 2025/26",
            "Red",
        ),
    ]
    actions = _plan(lines)["actions"]
    assert [_fields(a) for a in actions] == [
        ("1.1", None, "Partnership Training Coordinator", "End of March 2026", "green"),
        ("1.2", None, "Quality Assurance Manager", "December 2025", None),
        ("1.3", None, "Head of Early Help", "Q3 2025/26", "red"),
    ]


def test_a_table_under_a_new_heading_whose_last_column_names_print_before_the_heading_has_all_the_columns() -> (
    None
):
    lines = [
        *TITLE,
        "",
        *_blocks(
            "Priority 1: Children who go missing from home or care|No.",
            "Agreed action",
            "1.1a",
            "Status",
            "Lead",
            "Target date",
            "Train practitioners in a multi-agency meeting for each locality on children at risk of|exploitation.",
            "Detective Inspector, Public|Protection",
            "17 March 2026",
            "1.1b",
            "Agree supervision records of team managers against the partnership standard.",
            "Partnership Training Coordinator",
            "End of July 2026",
            # the next table's header: its last names first, then its heading and first names
            "Lead",
            "Target date",
            "Priority 2: Tackling neglect|No.",
            "Agreed action",
            "Status",
            "2.1a",
            "Review the graded care profile so that it is used in every neglect case.",
            "Quality Assurance Manager",
            "End of November|2026",
            "2.1b",
            "Publish the threshold document with schools, health visitors and the police.",
            "Green",
            "Head of Early Help",
            "Ongoing",
        ),
    ]
    actions = _plan(lines)["actions"]
    assert [_fields(a) for a in actions] == [
        ("1.1a", "1", "Detective Inspector, Public Protection", "17 March 2026", None),
        ("1.1b", "1", "Partnership Training Coordinator", "End of July 2026", None),
        ("2.1a", "2", "Quality Assurance Manager", "End of November 2026", None),
        ("2.1b", "2", "Head of Early Help", "Ongoing", "green"),
    ]


def test_a_row_of_only_its_reference_and_action_under_a_wide_header_is_still_an_action() -> None:
    lines = [
        *TITLE,
        *_blocks(
            "Ref",
            "Action",
            "Lead",
            "Due date",
            "RAG",
            "Progress",
            "1.1",
            "Audit the strategy discussion record so that it asks what the child has said.",
            "Head of Early Help",
            "March 2026",
            "Green",
            "Draft shared with partners for comment.",
            "1.2",
            "Introduce the graded care profile so that it is used in every neglect case.",
            "1.3",
            "Report on the multi-agency training programme for practitioners.",
            "Quality Assurance Manager",
            "Ongoing",
            "Amber",
            "First audit complete and reported to the subgroup.",
        ),
    ]
    actions = _plan(lines)["actions"]
    assert [(a["ref"], a["text"]) for a in actions] == [
        ("1.1", "Audit the strategy discussion record so that it asks what the child has said."),
        ("1.2", "Introduce the graded care profile so that it is used in every neglect case."),
        ("1.3", "Report on the multi-agency training programme for practitioners."),
    ]
    assert [_fields(a)[3:] for a in actions] == [("March 2026", "green"), (None, None), ("Ongoing", "amber")]


def test_a_table_without_references_whose_due_dates_open_with_their_day_is_read() -> None:
    lines = [
        *TITLE,
        *_blocks(
            "What we will do",
            "Deadline",
            "Lead officer",
            "Current|status",
            "Report on the escalation policy for disagreements between|agencies.",
            "End of July 2025",
            "Head of Service, Front|Door",
            "A",
            "Report on a multi-agency meeting for each locality on|children at risk of exploitation.",
            "4 September|2025",
            "Partnership Training|Coordinator",
            "G",
            "Agree the seven minute briefings published after each rapid|review.",
            "28 January 2025",
            "Quality Assurance Manager",
            "R",
        ),
    ]
    actions = _plan(lines)["actions"]
    assert [_fields(a)[2:] for a in actions] == [
        ("Head of Service, Front Door", "End of July 2025", "amber"),
        ("Partnership Training Coordinator", "4 September 2025", "green"),
        ("Quality Assurance Manager", "28 January 2025", "red"),
    ]


def test_a_table_without_references_under_numbered_group_cells_is_read_by_its_cells() -> None:
    lines = [
        *TITLE,
        *_blocks(
            "Priority",
            "Key actions",
            "Current|status",
            "Action owner",
            "Timescale",
            "1. Management oversight of|child protection plans",
            "Audit the escalation policy for disagreements between|agencies.",
            "Green",
            "Designated Nurse, Safeguarding|Children",
            "June 2026",
            "Review the graded care profile so that it is used in every|neglect case.",
            "Amber",
            "Head of Early Help",
            "End of March 2026",
            "2. Children's voices are not|heard in strategy discussions",
            "Relaunch the strategy discussion record so that it asks what|the child has said.",
            "Red",
            "Quality Assurance Manager",
            "Q3 2025/26",
        ),
    ]
    actions = _plan(lines)["actions"]
    assert [_fields(a)[2:] for a in actions] == [
        ("Designated Nurse, Safeguarding Children", "June 2026", "green"),
        ("Head of Early Help", "End of March 2026", "amber"),
        ("Quality Assurance Manager", "Q3 2025/26", "red"),
    ]
    assert [a["section"] for a in actions] == ["1", "1", "2"]


def test_header_names_after_the_cells_of_a_grouping_column_printed_under_its_first_names_are_the_headers() -> (
    None
):
    lines = [
        *TITLE,
        *_blocks(
            "Theme",
            "Action required",
            # the grouping column's cells, merged down their rows, printed beside the first names
            "Priority 1: Children's|voices are not|heard",
            "Priority 2: Information|sharing is too|slow",
            "BRAG",
            "Lead/s",
            "Timescale",
            "Train practitioners in the strategy discussion record so that it|asks what the child has said.",
            "G",
            "Head of Early Help",
            "July 2026",
            "Audit the escalation policy for disagreements between|agencies.",
            "A",
            "Quality Assurance Manager",
            "End of March 2026",
            "Publish the threshold document with schools, health visitors and|the police.",
            "R",
            "Designated Nurse",
            "Q3 2025/26",
        ),
    ]
    actions = _plan(lines)["actions"]
    assert [_fields(a)[2:] for a in actions] == [
        ("Head of Early Help", "July 2026", "green"),
        ("Quality Assurance Manager", "End of March 2026", "amber"),
        ("Designated Nurse", "Q3 2025/26", "red"),
    ]


def test_two_wrapped_header_names_whose_lines_print_in_turn_are_read_as_the_two_names() -> None:
    lines = [
        *TITLE,
        *_blocks(
            "Key actions",
            "Lead/s",
            "RAG|Deadline|rating",  # 'RAG rating' beside 'Deadline'
            "Publish the escalation policy for disagreements between|agencies.",
            "Head of Service, Front|Door",
            "Amber",
            "Q3 2025/26",
            "Agree the graded care profile so that it is used in every|neglect case.",
            "Quality Assurance|Manager",
            "Green",
            "20 May 2025",
            "Audit a multi-agency meeting for each locality on children at|risk of exploitation.",
            "Head of Early Help",
            "Red",
            "8 April 2025",
        ),
    ]
    actions = _plan(lines)["actions"]
    assert [_fields(a)[2:] for a in actions] == [
        ("Head of Service, Front Door", "Q3 2025/26", "amber"),
        ("Quality Assurance Manager", "20 May 2025", "green"),
        ("Head of Early Help", "8 April 2025", "red"),
    ]


def test_a_strands_name_printed_right_above_a_reference_of_that_strand_heads_its_rows() -> None:
    lines = [
        *TITLE,
        *_blocks(
            "No.",
            "Action required",
            "Owner",
            "Deadline",
            "PRE-1",
            "Train practitioners in the threshold document with schools.",
            "Service Manager,|Adolescent Services",
            "December 2026",
            "PRE-2",
            "Develop a multi-agency meeting for each locality.",
            "Designated Nurse",
            "Ongoing",
            "Prevent",  # the strands' names, printed together after the page's rows
            "Partnership|PAR-1",
            "Publish the return home interview offer to children who go|missing.",
            "Independent Scrutineer",
            "June 2026",
        ),
    ]
    actions = _plan(lines)["actions"]
    assert [_fields(a)[:4] for a in actions] == [
        ("PRE-1", "Prevent", "Service Manager, Adolescent Services", "December 2026"),
        ("PRE-2", "Prevent", "Designated Nurse", "Ongoing"),
        ("PAR-1", "Partnership", "Independent Scrutineer", "June 2026"),
    ]


def test_a_due_dates_day_printed_in_the_leads_place_goes_back_to_the_date() -> None:
    text = "Ref\tAction\tLead\tDue\n1.1\tAudit the front door.\t28\tMay 2026\n1.2\tTrain leads.\tHead of MASH\tJune 2026\n"
    draft = import_document(text.encode(), filename="plan.txt")
    assert [(a.owner, a.due_text) for a in draft.actions] == [
        (None, "28 May 2026"),
        ("Head of MASH", "June 2026"),
    ]
