"""Text a PDF reader printed column by column (pdfminer.six's ``extract_text``, plain ``pdftotext`` of
browser-made PDFs): a group of rows comes out as all its references, then all its action texts, then
its leads, dates and statuses interleaved. Rows are rebuilt from the order of each column's cells,
only where the counts agree; elsewhere the column is left empty and the import says so."""

from __future__ import annotations

from intake.importer.api import import_document
from intake.importer.columnruns import _apart, _Block, column_run_items

HEADER = "Plan\n\nRef\n\nAction\n\nLead\n\nBy when\n\nRAG\n\n"
TEXTS = (
    "Review the strategy discussion record so that it asks\nwhat the child has said.\n\n"
    "Audit thirty child protection plans each quarter for\nevidence of the child's lived experience.\n\n"
    "Publish the escalation policy for disagreements\nbetween agencies.\n\n"
)


def _text(statuses: str) -> str:
    return (
        HEADER
        + "1. Tackling neglect\n\n1.1\n\n1.2\n\n1.3\n\n"
        + TEXTS
        + "Head of Early Help\n\nJune 2025\n\nDesignated Nurse,\nSafeguarding Children\n\n"
        + statuses
        + "Q2 2025/26\n\nIndependent Scrutineer\n\n31/03/2026\n\n"
    )


def test_rows_printed_column_by_column_get_their_own_leads_and_dates() -> None:
    draft = import_document(_text("Green\n\nAmber\n\nRed\n\n").encode(), filename="plan.txt")
    got = [(a.ref, a.owner, a.due_text, a.rag) for a in draft.actions]
    assert got == [
        ("1.1", "Head of Early Help", "June 2025", "green"),
        ("1.2", "Designated Nurse, Safeguarding Children", "Q2 2025/26", "amber"),
        ("1.3", "Independent Scrutineer", "31/03/2026", "red"),
    ]
    assert draft.actions[1].text.startswith("Audit thirty child protection plans")
    assert [a.section for a in draft.actions] == ["1"] * 3


def test_a_column_whose_count_does_not_match_the_rows_is_left_empty_and_said() -> None:
    # one status cell was empty: which row it belongs to cannot be told, so none is guessed
    draft = import_document(_text("Green\n\nRed\n\n").encode(), filename="plan.txt")
    assert [a.rag for a in draft.actions] == [None, None, None]
    assert [a.owner for a in draft.actions][2] == "Independent Scrutineer"
    assert any("2 were found for 3 actions" in w.message for w in draft.warnings)


def test_rows_printed_one_after_another_are_not_read_as_column_runs() -> None:
    rows = "1.1\n\nReview the record.\n\nHead of Early Help\n\nJune 2025\n\nGreen\n\n"
    rows += "1.2\n\nAudit the plans.\n\nIndependent Scrutineer\n\nMarch 2026\n\nRed\n\n"
    assert column_run_items((HEADER + rows).split("\n")) is None


def test_a_column_whose_name_comes_out_below_its_cells_is_left_empty_and_said() -> None:
    # 'By when' printed after the dates: pdfminer cut that column into pieces printed out of order, so
    # which date is whose cannot be told; the other columns are rebuilt
    text = _text("Green\n\nAmber\n\nRed\n\n").replace("By when\n\n", "", 1) + "By when\n\n"
    draft = import_document(text.encode(), filename="plan.txt")
    got = [(a.ref, a.owner, a.due_text, a.rag) for a in draft.actions]
    assert got == [
        ("1.1", "Head of Early Help", None, "green"),
        ("1.2", "Designated Nurse, Safeguarding Children", None, "amber"),
        ("1.3", "Independent Scrutineer", None, "red"),
    ]
    assert any("before their column's name" in w.message for w in draft.warnings)


def test_column_names_printed_each_above_its_own_cells_are_read_as_one_header() -> None:
    # printed column by column, each column's name comes out at the top of its own cells
    text = (
        "Plan\n\nRef\n\n1.1\n\n1.2\n\n1.3\n\nAction\n\n"
        + TEXTS
        + "Lead\n\nHead of Early Help\n\nDesignated Nurse,\nSafeguarding Children\n\nIndependent Scrutineer\n\n"
        + "By when\n\nJune 2025\n\nQ2 2025/26\n\n31/03/2026\n\n"
    )
    draft = import_document(text.encode(), filename="plan.txt")
    got = [(a.ref, a.owner, a.due_text) for a in draft.actions]
    assert got == [
        ("1.1", "Head of Early Help", "June 2025"),
        ("1.2", "Designated Nurse, Safeguarding Children", "Q2 2025/26"),
        ("1.3", "Independent Scrutineer", "31/03/2026"),
    ]
    assert draft.actions[2].text.startswith("Publish the escalation policy")


def test_without_a_reference_column_rows_are_counted_by_the_references_opening_their_texts() -> None:
    text = (
        "Plan\n\nWhat we will do\n\nAction owner\n\nBy when\n\n"
        "1.1 Review the strategy discussion record so that it asks\nwhat the child has said.\n\n"
        "1.2 Audit thirty child protection plans each quarter.\n\n"
        "Head of Early Help\n\nIndependent Scrutineer\n\nJune 2025\n\n"
        "1.3 Publish the escalation policy for disagreements\nbetween agencies.\n\n"
        "Quality Assurance Manager\n\n31/03/2026\n\n"
        "1.4 Commission the return home interview offer to\nchildren who go missing.\n\n"
        "1.5 Report on the graded care profile so that it is\nused in every neglect case.\n\n"
        "Partnership Business Manager\n\nEnd of October 2025\n\nHead of Service, Front Door\n\nQ2 2025/26\n\n"
    )
    draft = import_document(text.encode(), filename="plan.txt")
    got = [(a.ref, a.owner, a.due_text) for a in draft.actions]
    # 1.1 and 1.2: two leads and one date for two rows: the dates are left empty, not guessed
    assert got == [
        ("1.1", "Head of Early Help", None),
        ("1.2", "Independent Scrutineer", None),
        ("1.3", "Quality Assurance Manager", "31/03/2026"),
        ("1.4", "Partnership Business Manager", "End of October 2025"),
        ("1.5", "Head of Service, Front Door", "Q2 2025/26"),
    ]
    assert (
        draft.actions[0].text
        == "Review the strategy discussion record so that it asks what the child has said."
    )
    assert any("1 were found for 2 actions" in w.message for w in draft.warnings)


def test_an_action_whose_other_cells_could_not_be_matched_is_still_read_by_the_reference_opening_it() -> None:
    # one lead and no date for 1.1 and 1.2: they keep only their texts, and are still actions (not
    # headings numbered '1.1')
    text = (
        "Plan\n\nWhat we will do\n\nAction owner\n\nBy when\n\n"
        "1.1 Review the strategy discussion record so that it asks\nwhat the child has said.\n\n"
        "1.2 Audit thirty child protection plans each quarter\nfor evidence of the lived experience.\n\n"
        "Head of Early Help\n\n"
        "1.3 Publish the escalation policy for disagreements\nbetween agencies.\n\n"
        "Quality Assurance Manager\n\n31/03/2026\n\n"
        "1.4 Commission the return home interview offer to\nchildren who go missing.\n\n"
        "1.5 Report on the graded care profile so that it is\nused in every neglect case.\n\n"
        "Partnership Business Manager\n\nEnd of October 2025\n\nHead of Service, Front Door\n\nQ2 2025/26\n\n"
    )
    draft = import_document(text.encode(), filename="plan.txt")
    got = [(a.ref, a.owner, a.due_text) for a in draft.actions]
    assert got[:3] == [
        ("1.1", None, None),
        ("1.2", None, None),
        ("1.3", "Quality Assurance Manager", "31/03/2026"),
    ]
    assert draft.actions[1].text == (
        "Audit thirty child protection plans each quarter for evidence of the lived experience."
    )


def test_a_date_and_a_lead_run_together_on_one_line_are_cut_into_their_cells() -> None:
    # pdfminer ran a date into the first line of the lead beside it, and a lead into the date beside
    # it; the block '(revised to ...' below a date ending a line may continue it, so that one is kept
    text = (
        HEADER
        + "1. Tackling neglect\n\n1.1\n\n1.2\n\n1.3\n\n"
        + TEXTS
        + "31/01/2026 Head of\nService,\nFront Door\n\nGreen\n\n"
        + "Partnership Training Coordinator End of July 2026\n\nAmber\n\nRed\n\n"
        + "Independent Scrutineer\n\nQ2 2025/26\n\n"
    )
    draft = import_document(text.encode(), filename="plan.txt")
    got = [(a.ref, a.owner, a.due_text, a.rag) for a in draft.actions]
    assert got == [
        ("1.1", "Head of Service, Front Door", "31/01/2026", "green"),
        ("1.2", "Partnership Training Coordinator", "End of July 2026", "amber"),
        ("1.3", "Independent Scrutineer", "Q2 2025/26", "red"),
    ]
    fields: list[str | None] = ["ref", "text", "owner", "due", "rag"]
    line = _Block(line=1, page=1, lines=["Amber August 2026"])
    assert [b.lines for b in _apart(line, None, fields)] == [["Amber"], ["August 2026"]]
    revised = _Block(line=3, page=1, lines=["(revised to", "November 2026)"])
    assert _apart(line, revised, fields) == [line]
    assert _apart(_Block(line=1, page=1, lines=["End of June 2025"]), None, fields)[0].lines == [
        "End of June 2025"
    ]


def test_a_section_name_alone_above_the_header_or_the_header_printed_again_heads_the_rows_below() -> None:
    # 'Pursue' and 'Prevent' stand alone above the column names; the last lead of a group over the
    # header printed again ('Head of Early Help') is still a lead
    rows = (
        "{a}\n\n{b}\n\n"
        "Review the strategy discussion record so that it asks\nwhat the child has said.\n\n"
        "Audit thirty child protection plans each quarter for\nevidence of the child's lived experience.\n\n"
        "Independent Scrutineer\n\nJune 2025\n\nQ2 2025/26\n\nHead of Early Help\n\n"
    )
    text = (
        "Plan\n\nPursue\n\n"
        + HEADER.replace("Plan\n\n", "")
        + rows.format(a="PUR-1", b="PUR-2")
        + "Prevent\n\n"
        + HEADER.replace("Plan\n\n", "")
        + rows.format(a="PRE-1", b="PRE-2")
    )
    draft = import_document(text.encode(), filename="plan.txt")
    got = [(a.ref, a.section, a.owner) for a in draft.actions]
    assert got == [
        ("PUR-1", "Pursue", "Independent Scrutineer"),
        ("PUR-2", "Pursue", "Head of Early Help"),
        ("PRE-1", "Prevent", "Independent Scrutineer"),
        ("PRE-2", "Prevent", "Head of Early Help"),
    ]
