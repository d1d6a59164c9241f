"""Plans in layouts seen in real published partnership plans, written anew here (no wording copied):

- a Word business plan as document-sharing sites print its text (docsbay, docest: "Foreword ... / 3",
  "Theme 1:" then "Missing Children / 7"): each row on a line, cells separated by ' / ', a cell's
  further paragraphs on lines of their own, a merged row (a theme) a line without separators;
- an Ofsted improvement plan in Word (vdocuments' copy of a council's 2015 plan: "No. | Ofsted Para
  No | Ofsted Area for Improvement | Lead | Action | By When | Progress | R/A/G | Monitoring and
  Evaluation", 'Ongoing' as a timescale);
- an Excel business plan (docstoc's copy of a 2009 trust plan: "Ref | Theme | Directorate | Lead |
  Objective and outcome required | Target end date | Action Plan to achieve objective ...", the date
  column's name over two rows, dates as 'Jun-09').

Each is scored with the shared scorer against gold written by hand following ../shared/gold/README.md."""

from __future__ import annotations

import io
from types import ModuleType
from typing import Any

import docx
import openpyxl

from intake.importer.api import import_document
from intake.importer.synonyms import header_field

from .conftest import gold_action, score_plan

# --------------------------------------------------------------------------- 1. ' / ' between cells

SLASHED = """Upshire Safeguarding Children Board
BUSINESS PLAN 2019/20
Last updated: 14 February 2020
LIST OF CONTENTS
Page
Foreword by the Independent Chair / 2
Theme 1:
Children who go missing / 4
RAG key
R / Not on track, action needed
A / Some slippage, recoverable
G / On track
C / Completed
Theme 1: Children who go missing
Ref / Action / Lead / By when / Progress / RAG
1.1 / Agree a joint protocol for return home interviews across the three districts / Missing Children \
Coordinator / June 2019 / Protocol signed off at Board in July. / C
1.2 / Report the number of repeat missing episodes to each Board meeting / Head of Performance / \
Quarterly / First report received November 2019.
Second report delayed by the new recording system. / A
1.3 / Share police and health information on children missing from education / Police / Health / \
31/03/2020 /  / R
Theme 2: Neglect
2.1 / Launch the graded care profile tool with health visitors and early help workers / Neglect \
Strategy Lead / September 2019 / Tool launched; 40 practitioners trained. / G
2.2 / Audit twenty cases where neglect is the main concern / Quality Assurance Subgroup Chair / \
Q4 2019/20 / Audit planned for February. / A
2.3 / N/A /  /  /  /
"""

SLASHED_GOLD: dict[str, Any] = {
    "document": "slashed.txt",
    "plan": {
        "title": "BUSINESS PLAN 2019/20",
        "organisation": "Upshire Safeguarding Children Board",
        "kind": "other",
        "as_at": "2020-02-14",
    },
    "rag_scheme": {
        "red": "Not on track, action needed",
        "amber": "Some slippage, recoverable",
        "green": "On track",
        "complete": "Completed",
    },
    "sections": [
        {"ref": "1", "title": "Children who go missing", "parent": None},
        {"ref": "2", "title": "Neglect", "parent": None},
    ],
    "actions": [
        gold_action(
            "1.1",
            "1",
            "Agree a joint protocol for return home interviews across the three districts",
            "Missing Children Coordinator",
            "June 2019",
            "2019-06-30",
            "complete",
            "Protocol signed off at Board in July.",
        ),
        gold_action(
            "1.2",
            "1",
            "Report the number of repeat missing episodes to each Board meeting",
            "Head of Performance",
            "Quarterly",
            None,
            "amber",
            "First report received November 2019. Second report delayed by the new recording system.",
        ),
        gold_action(
            "1.3",
            "1",
            "Share police and health information on children missing from education",
            "Police / Health",
            "31/03/2020",
            "2020-03-31",
            "red",
            None,
        ),
        gold_action(
            "2.1",
            "2",
            "Launch the graded care profile tool with health visitors and early help workers",
            "Neglect Strategy Lead",
            "September 2019",
            "2019-09-30",
            "green",
            "Tool launched; 40 practitioners trained.",
        ),
        gold_action(
            "2.2",
            "2",
            "Audit twenty cases where neglect is the main concern",
            "Quality Assurance Subgroup Chair",
            "Q4 2019/20",
            "2020-03-31",
            "amber",
            "Audit planned for February.",
        ),
    ],
}


def test_a_word_table_printed_with_slashes_between_its_cells_is_read_as_a_table(scorer: ModuleType) -> None:
    draft = import_document(SLASHED.encode(), filename="slashed.txt")
    result = score_plan(scorer, draft, SLASHED_GOLD)
    assert result["f1"] == 1.0, result
    assert all(value == 1.0 for value in result["fields"].values()), result
    by_ref = {a.ref: a for a in draft.actions}
    # a cell's second paragraph, printed on a line of its own, stays in that cell
    assert by_ref["1.2"].progress == SLASHED_GOLD["actions"][1]["progress"]
    # a lead written 'Police / Health' is one cell: the date and status after it keep their columns
    assert (by_ref["1.3"].owner, by_ref["1.3"].due_text, by_ref["1.3"].rag) == (
        "Police / Health",
        "31/03/2020",
        "red",
    )
    assert [(s.ref, s.title) for s in draft.sections] == [("1", "Children who go missing"), ("2", "Neglect")]
    assert draft.plan.as_at is not None and draft.plan.as_at.isoformat() == "2020-02-14"


def test_a_key_printed_with_slashes_beside_such_a_table_is_the_plans_rag_scheme() -> None:
    draft = import_document(SLASHED.encode(), filename="slashed.txt")
    scheme = {s.key: s.definition for s in draft.rag_scheme}
    assert scheme["red"] == "Not on track, action needed"
    assert scheme["green"] == "On track"


def test_prose_with_slashes_and_no_header_of_column_names_is_left_as_prose() -> None:
    text = (
        "Notes\nThe board / partnership will meet in June.\nSee the health / police protocol.\n"
        "Ref\tAction\tLead\tBy when\n1.1\tWrite the protocol\tBoard Manager\tJune 2020\n"
    )
    draft = import_document(text.encode(), filename="notes.txt")
    assert [a.ref for a in draft.actions] == ["1.1"]


# --------------------------------------------------------------------------- 2. Ofsted plan, 'R/A/G'

OFSTED_HEADER = [
    "No.",
    "Ofsted Para No",
    "Ofsted Area for Improvement",
    "Lead",
    "Action",
    "By When",
    "Progress",
    "R/A/G",
    "Monitoring and Evaluation",
]
OFSTED_ROWS = [
    ["1.", "14. (52, 101)", "Make sure that caseloads in the assessment teams are manageable",
     "Assistant Director, Safeguarding", "Keep average caseloads in assessment teams below 20 per social worker",
     "Ongoing", "Average caseload was 18 in August.", "G", "Weekly caseload report to heads of service"],
    ["2.", "22.", "Improve the quality of management oversight on children's files",
     "Head of Service, Quality Assurance", "Launch a supervision recording template with a reflective section",
     "July 2019", "Template launched 1 July.", "C", "Monthly audit of 10 files"],
    ["3.", "31. (88)", "Strengthen the response to children who go missing from care", "Head of Children in Care",
     "Offer every child a return home interview within 72 hours", "31/12/2019",
     "62% offered within 72 hours in August.", "R", "Missing children performance report"],
    ["4.", "40.", "Improve the timeliness of initial health assessments", "Designated Nurse, Children in Care",
     "Agree a joint escalation route with the health trust for late assessments", "Q3 2019/20", "", "A",
     "Health subgroup"],
]  # fmt: skip


def _ofsted_docx() -> bytes:
    document = docx.Document()
    for line in (
        "APPENDIX B",
        "OFSTED INSPECTION MARCH 2019 - IMPROVEMENT PLAN",
        "Updated 12 September 2019",
    ):
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=len(OFSTED_HEADER))
    for cell, name in zip(table.rows[0].cells, OFSTED_HEADER, strict=True):
        cell.text = name
    for row in OFSTED_ROWS:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


OFSTED_GOLD: dict[str, Any] = {
    "document": "ofsted.docx",
    "plan": {
        "title": "OFSTED INSPECTION MARCH 2019 - IMPROVEMENT PLAN",
        "organisation": None,
        "kind": "other",
        "as_at": "2019-09-12",
    },
    "rag_scheme": {},
    # each area for improvement has no number of its own: it is named by its text (as 002's strands)
    "sections": [{"ref": row[2], "title": row[2], "parent": None} for row in OFSTED_ROWS],
    "actions": [
        gold_action(row[0].rstrip("."), row[2], row[4], row[3], row[5], due, rag, row[6] or None)
        for row, due, rag in zip(
            OFSTED_ROWS,
            [None, "2019-07-31", "2019-12-31", "2019-12-31"],
            ["green", "complete", "red", "amber"],
            strict=True,
        )
    ],
}


def test_a_status_column_headed_r_a_g_with_slashes_gives_each_actions_rating(scorer: ModuleType) -> None:
    draft = import_document(_ofsted_docx(), filename="ofsted.docx")
    result = score_plan(scorer, draft, OFSTED_GOLD)
    assert result["f1"] == 1.0, result
    assert all(value == 1.0 for value in result["fields"].values()), result


def test_a_header_naming_the_inspection_before_the_column_names_that_column() -> None:
    assert header_field("R/A/G") == "rag"
    assert header_field("B/R/A/G") == "rag"
    assert header_field("R.A.G.") == "rag"
    assert header_field("Ofsted Area for Improvement") == header_field("Area for improvement") == "section"
    assert header_field("JTAI recommendation") == header_field("Recommendation")
    assert header_field("N/A") is None


# --------------------------------------------------------------------------- 3. Excel business plan

TRACKER_ROWS = [
    [1, "Early help", "Children's Services", "Early Help Manager", "Families get help before problems escalate",
     "Jun-19", "Publish a single early help assessment for all agencies", "Assessments started by partners",
     "Partners do not use the new form"],
    [2, "Early help", "Children's Services", "Early Help Manager", "Families get help before problems escalate",
     "Sep-19", "Train 200 practitioners in the early help assessment", "Numbers trained", "Low take-up"],
    [3, "Neglect", "Public Health", "Consultant in Public Health", "Neglect is identified earlier", "Dec-19",
     "Roll out the graded care profile in health visiting", "Profiles completed", "Capacity in health visiting"],
    [4, "Neglect", "Police", "Detective Inspector, Public Protection", "Neglect is identified earlier", "Mar-20",
     "Add neglect indicators to police child concern notifications", "Notifications naming neglect",
     "IT change delayed"],
]  # fmt: skip


def _tracker_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Business Plan"
    sheet.append(["Marlow Vale Safeguarding Children Partnership"])
    sheet.append(["BUSINESS PLAN 2019-20: Detailed Objectives"])
    sheet.append([])
    sheet.append(["Ref", "Theme", "Directorate", "Lead", "Objective and outcome required", "Target",
                  "Action plan to achieve objective", "Supporting indicators", "Risk"])  # fmt: skip
    sheet.append([None, None, None, None, None, "end date", None, None, None])
    for row in TRACKER_ROWS:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


TRACKER_GOLD: dict[str, Any] = {
    "document": "tracker.xlsx",
    "plan": {
        "title": "BUSINESS PLAN 2019-20: Detailed Objectives",
        "organisation": "Marlow Vale Safeguarding Children Partnership",
        "kind": "other",
        "as_at": None,
    },
    "rag_scheme": {},
    # the objective sits in its theme: the objective is the innermost section
    "sections": [
        {"ref": "Early help", "title": "Early help", "parent": None},
        {
            "ref": "Families get help before problems escalate",
            "title": "Families get help before problems escalate",
            "parent": "Early help",
        },
        {"ref": "Neglect", "title": "Neglect", "parent": None},
        {
            "ref": "Neglect is identified earlier",
            "title": "Neglect is identified earlier",
            "parent": "Neglect",
        },
    ],  # fmt: skip
    "actions": [
        gold_action(str(row[0]), str(row[4]), str(row[6]), str(row[3]), str(row[5]), due, None, None)
        for row, due in zip(
            TRACKER_ROWS, ["2019-06-30", "2019-09-30", "2019-12-31", "2020-03-31"], strict=True
        )
    ],
}


def test_an_excel_plan_with_a_two_row_date_header_and_month_year_dates_is_read(scorer: ModuleType) -> None:
    """Every action, its ref, text, lead, 'Jun-19' as 30 June 2019; the two grouping columns ('Theme' |
    'Objective') give a section per theme and inside it a section per objective, which holds the actions."""
    draft = import_document(_tracker_xlsx(), filename="tracker.xlsx")
    result = score_plan(scorer, draft, TRACKER_GOLD)
    assert result["f1"] == 1.0, result
    assert all(value == 1.0 for value in result["fields"].values()), result
    assert [(s.ref, s.title, s.parent) for s in draft.sections] == [
        (s["ref"], s["title"], s["parent"]) for s in TRACKER_GOLD["sections"]
    ]
    assert [a.due_text for a in draft.actions] == ["Jun-19", "Sep-19", "Dec-19", "Mar-20"]


# --------------------------------------------------------------------------- a letter key, a council's name

KEY_ROWS = [["RAG key"], ["R", "Not on track"], ["A", "Some slippage"], ["G", "On track"], ["C", "Completed"]]
PLAN_ROWS = [["Ref", "Action", "Lead", "RAG"], ["1", "Publish the protocol", "Board Manager", "C"]]


def _lettered_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [
        ["Wexcombe Council Children's Services"],
        ["Improvement Plan 2024"],
        [],
        *KEY_ROWS,
        [],
        *PLAN_ROWS,
    ]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _lettered_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Wexcombe Council Children's Services")
    document.add_paragraph("Improvement Plan 2024")
    key = document.add_table(rows=0, cols=2)
    for letter, meaning in KEY_ROWS[1:]:
        cells = key.add_row().cells
        cells[0].text, cells[1].text = letter, meaning
    document.add_paragraph("")
    table = document.add_table(rows=0, cols=4)
    for row in PLAN_ROWS:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _lettered_text() -> bytes:
    lines = ["Wexcombe Council Children's Services", "Improvement Plan 2024", ""]
    lines += ["\t".join(row) for row in [*KEY_ROWS, [""], *PLAN_ROWS]]
    return ("\n".join(lines) + "\n").encode()


def test_a_key_row_c_completed_adds_complete_to_the_rag_scheme_in_excel_word_and_tab_separated_text() -> None:
    for data, name in (
        (_lettered_xlsx(), "k.xlsx"),
        (_lettered_docx(), "k.docx"),
        (_lettered_text(), "k.txt"),
    ):
        draft = import_document(data, filename=name)
        scheme = {s.key: (s.label, s.definition) for s in draft.rag_scheme}
        assert scheme == {
            "red": ("R", "Not on track"),
            "amber": ("A", "Some slippage"),
            "green": ("G", "On track"),
            "complete": ("C", "Completed"),
        }, name
        assert [a.rag for a in draft.actions] == ["complete"], name


def test_a_key_written_as_lines_c_completed_adds_complete_to_the_rag_scheme() -> None:
    draft = import_document(SLASHED.encode(), filename="slashed.txt")
    assert {s.key: s.definition for s in draft.rag_scheme}["complete"] == "Completed"


def test_a_councils_childrens_services_line_is_the_organisation_of_a_plan_naming_no_partnership() -> None:
    for data, name in (
        (_lettered_xlsx(), "k.xlsx"),
        (_lettered_docx(), "k.docx"),
        (_lettered_text(), "k.txt"),
    ):
        draft = import_document(data, filename=name)
        assert draft.plan.organisation == "Wexcombe Council Children's Services", name
        assert draft.plan.title == "Improvement Plan 2024", name
