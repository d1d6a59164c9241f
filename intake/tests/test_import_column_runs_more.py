"""More text printed column by column (pdfminer.six's ``extract_text``): tables the first reading of
test_import_column_runs.py could not anchor its rows in. Rows are still rebuilt only where a
column's count of cells agrees with the rows; elsewhere the column is left empty and said."""

from __future__ import annotations

import pytest

from intake.importer.api import import_document
from intake.importer.columnruns import column_run_items
from intake.importer.layout import build_from_items
from intake.importer.model import PlanDraft

TEXTS = (
    "Review the strategy discussion record so that it asks\nwhat the child has said.\n\n"
    "Audit thirty child protection plans each quarter for\nevidence of the child's lived experience.\n\n"
    "Publish the escalation policy for disagreements\nbetween agencies.\n\n"
)
# the three rows' other columns, each printed as a run after the texts
LEADS_AND_DATES = (
    "Head of Early Help\n\nJune 2025\n\nIndependent Scrutineer\n\nQuality Assurance Manager\n\n"
    "May 2026\n\nQ2 2025/26\n\n"
)


def test_a_table_with_no_reference_at_all_is_counted_by_its_action_texts() -> None:
    # the action column's name over its texts, the other names below them; each group's leads and
    # dates after its run of texts (the second group's statuses are one short: left empty)
    text = (
        "Plan\n\nAgreed action\n\n"
        + TEXTS
        + "Lead\n\nBy when\n\nRAG\n\n"
        + "Head of Early Help\n\nJune 2025\n\nGreen\n\nDesignated Nurse,\nSafeguarding Children\n\n"
        + "Q2 2025/26\n\nAmber\n\nIndependent Scrutineer\n\n31/03/2026\n\nRed\n\n"
        + "Commission the return home interview offer to children\nwho go missing.\n\n"
        + "Train practitioners in the graded care profile.\n\n"
        + "April 2026\n\nQuality Assurance Manager\n\nEnd of July 2026\n\nHead of Service, Front Door\n\nAmber\n\n"
    )
    draft = import_document(text.encode(), filename="plan.txt")
    got = [(a.text[:20], a.owner, a.due_text, a.rag) for a in draft.actions]
    assert got == [
        ("Review the strategy ", "Head of Early Help", "June 2025", "green"),
        ("Audit thirty child p", "Designated Nurse, Safeguarding Children", "Q2 2025/26", "amber"),
        ("Publish the escalati", "Independent Scrutineer", "31/03/2026", "red"),
        ("Commission the retur", "Quality Assurance Manager", "April 2026", None),
        ("Train practitioners ", "Head of Service, Front Door", "End of July 2026", None),
    ]
    assert all(a.ref is None for a in draft.actions)
    assert any("1 were found for 2 actions" in w.message for w in draft.warnings)


def test_with_no_reference_the_action_texts_are_told_from_the_progress_by_the_width_below_their_name() -> (
    None
):
    # the cell right below 'Action required' is an action's: the wider prose is the actions', the
    # narrower the progress; a one-line progress that could be either is not taken for an action
    text = (
        "Plan\n\nAction required\n\n"
        "Develop the strategy discussion record so that it asks\nwhat the child has said.\n\n"
        "Publish the domestic abuse notification process so that\nschools hear of incidents before the next school day.\n\n"
        "Comments\n\nLead\n\nBy when\n\n"
        "No update this quarter.\n\nIndependent Scrutineer\n\n7 April 2026\n\n"
        "Delayed by changes in the analyst team;\nnew date agreed.\n\nHead of Early Help\n\n10 June 2026\n\n"
        "Review thirty child protection plans each quarter for\nevidence of the child's lived experience.\n\n"
        "Two of four sessions delivered; police\nattendance lower than planned.\n\n"
        "Education Safeguarding\nLead\n\nEnd of April 2025\n\n"
    )
    draft = import_document(text.encode(), filename="plan.txt")
    got = [(a.text[:20], a.owner, a.due_text, a.progress) for a in draft.actions]
    assert got == [
        ("Develop the strategy", "Independent Scrutineer", "7 April 2026", "No update this quarter."),
        (
            "Publish the domestic",
            "Head of Early Help",
            "10 June 2026",
            "Delayed by changes in the analyst team; new date agreed.",
        ),
        (
            "Review thirty child ",
            "Education Safeguarding Lead",
            "End of April 2025",
            "Two of four sessions delivered; police attendance lower than planned.",
        ),
    ]


def test_rows_printed_one_after_another_that_no_other_reading_reads_are_read_by_the_same_counting() -> None:
    # not clearly column by column (no two action texts in a row), and the column names printed among
    # the cells: no other reading finds an action here, so each text takes the cells after it, where
    # each kind's count agrees (the last line, a date run into a progress, is of no row)
    text = (
        "Actions\n\nAction owner\n\n"
        "Relaunch the strategy discussion record so that it asks what\nthe child has said.\n\n"
        "Deadline\n\nProgress update\n\n"
        "Designated Nurse,\nSafeguarding Children\n\n"
        "Audit the multi-agency training programme for practitioners\nworking with families.\n\n"
        "Partnership Training\nCoordinator\n\n"
        "Introduce the graded care profile so that it is used in every\nneglect case.\n\n"
        "Education Safeguarding\nLead\n\n"
        "Review the strategy discussion record so that it asks what the\nchild has said.\n\n"
        "28 May 2026\n\nTwo of four sessions delivered; police\nattendance lower than planned.\n\n"
        "25 September 2026 Agreed at the executive and in use since\n\n"
    )
    # (the cell-after-cell reading of plain pdftotext text now reads this text first: the counting
    # is what the import falls back on where nothing else reads, so it is asked directly here)
    runs = column_run_items(text.split("\n"), clear_only=False)
    assert runs is not None
    draft = PlanDraft(document="plan.txt")
    build_from_items(draft, runs.items)
    got = [(a.text[:15], a.owner, a.due_text) for a in draft.actions]
    assert got == [
        ("Relaunch the st", "Designated Nurse, Safeguarding Children", None),
        ("Audit the multi", "Partnership Training Coordinator", None),
        ("Introduce the g", "Education Safeguarding Lead", None),
        ("Review the stra", None, "28 May 2026"),
    ]
    assert column_run_items(text.split("\n")) is None  # not read so unless nothing else reads it


@pytest.mark.parametrize(
    "groups",
    [
        # the section row across the table printed with the reference column, before any other
        # cell: the group is one run of three rows, whose texts and leads follow all their references
        "Ref\n\nAction\n\nLead\n\nBy when\n\n1. Tackling neglect\n\n1.1\n\n1.2\n\n2. Missing children\n\n2.1\n\n",
        # pdfminer printed the group column's 'Priority 2: ...' on the line of the reference 2.1 beside it
        "Priority\n\nRef\n\nAction\n\nLead\n\nBy when\n\nPriority 1: Tackling neglect\n\n1.1\n\n1.2\n\n"
        "Priority 2: Missing children 2.1\n\n",
    ],
    ids=["heading among the references", "group cell run into a reference"],
)
def test_a_heading_among_a_groups_references_heads_the_rows_below_it_and_their_cells_come_after(
    groups: str,
) -> None:
    text = "Plan\n\n" + groups + TEXTS + LEADS_AND_DATES
    draft = import_document(text.encode(), filename="plan.txt")
    got = [(a.ref, a.section, a.owner, a.due_text) for a in draft.actions]
    assert got == [
        ("1.1", "1", "Head of Early Help", "June 2025"),
        ("1.2", "1", "Independent Scrutineer", "May 2026"),
        ("2.1", "2", "Quality Assurance Manager", "Q2 2025/26"),
    ]
    assert draft.actions[2].text.startswith("Publish the escalation policy")


def test_a_strand_name_alone_among_the_references_heads_the_rows_whose_references_follow() -> None:
    # the section rows 'Prevent' and 'Protect' across the table printed with the reference column
    text = (
        "Plan\n\nRef\n\nAction\n\nLead\n\nBy when\n\nPrevent\n\nPRE-1\n\nPRE-2\n\nProtect\n\nPRO-1\n\n"
        + TEXTS
        + LEADS_AND_DATES
    )
    draft = import_document(text.encode(), filename="plan.txt")
    got = [(a.ref, a.section, a.owner, a.due_text) for a in draft.actions]
    assert got == [
        ("PRE-1", "Prevent", "Head of Early Help", "June 2025"),
        ("PRE-2", "Prevent", "Independent Scrutineer", "May 2026"),
        ("PRO-1", "Protect", "Quality Assurance Manager", "Q2 2025/26"),
    ]


def test_action_and_progress_columns_whose_longest_lines_differ_little_are_told_apart_by_where_they_wrap() -> (
    None
):
    # the longest lines (26, 29 against 21, 23 characters) are too close to tell the columns apart,
    # but 'Report on the multi-agency' wrapped before 'training': its column is wider than that
    text = (
        "Plan\n\nRef\n\nAction\n\nProgress\n\nLead\n\nBy when\n\n1.1\n\n1.2\n\n"
        "Report on the multi-agency\ntraining programme for\npractitioners working with\nfamilies.\n\n"
        "Recruitment failed\ntwice; interim cover in\nplace three days a\nweek.\n\n"
        "Audit the threshold document\nwith schools, health visitors\nand the police.\n\n"
        "Two of four sessions\ndelivered; police\nattendance lower than\nplanned.\n\n"
        "Head of Early Help\n\nIndependent Scrutineer\n\nJune 2025\n\nMay 2026\n\n"
    )
    draft = import_document(text.encode(), filename="plan.txt")
    got = [(a.ref, a.text[:20], a.progress, a.owner) for a in draft.actions]
    assert got == [
        (
            "1.1",
            "Report on the multi-",
            "Recruitment failed twice; interim cover in place three days a week.",
            "Head of Early Help",
        ),
        (
            "1.2",
            "Audit the threshold ",
            "Two of four sessions delivered; police attendance lower than planned.",
            "Independent Scrutineer",
        ),
    ]


def test_prose_opening_in_lower_case_is_not_taken_for_an_action_text() -> None:
    # the rest of a cell cut by the page break, printed after the next page's references, is as wide
    # as the action texts: it opens in lower case, so it is the rest of a cell, not an action's text
    text = (
        "Plan\n\nRef\n\nAction\n\nLead\n\nBy when\n\nRAG\n\n1.1\n\n1.2\n\n1.3\n\n"
        "the quality assurance subgroup. Progress will be tracked\nmonthly at the partnership executive.\n\n"
        + TEXTS
        + "Head of Early Help\n\nIndependent Scrutineer\n\nQuality Assurance Manager\n\n"
        + "June 2025\n\nMay 2026\n\nQ2 2025/26\n\nGreen\n\nRed\n\nAmber\n\n"
    )
    draft = import_document(text.encode(), filename="plan.txt")
    got = [(a.ref, a.text[:20], a.owner, a.due_text, a.rag) for a in draft.actions]
    assert got == [
        ("1.1", "Review the strategy ", "Head of Early Help", "June 2025", "green"),
        ("1.2", "Audit thirty child p", "Independent Scrutineer", "May 2026", "red"),
        ("1.3", "Publish the escalati", "Quality Assurance Manager", "Q2 2025/26", "amber"),
    ]
