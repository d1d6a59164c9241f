"""Plans laid out as real partnerships lay them out, unlike the seed documents: other header words,
title rows, merged cells, several tables or sheets. Each document is built here, in a temporary folder."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from intake.importer.api import import_document
from intake.importer.model import PlanDraft

from .conftest import word_table


def _csv(tmp_path: Path, rows: list[list[str]], name: str = "plan.csv") -> PlanDraft:
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return import_document(path)


def _word(tmp_path: Path, build: Any, name: str = "plan.docx") -> PlanDraft:
    import docx

    document = docx.Document()
    build(document)
    path = tmp_path / name
    document.save(str(path))
    return import_document(path)


def _merge_down(table: Any, col: int, first: int, last: int) -> None:
    text = table.cell(first, col).text
    for r in range(first + 1, last + 1):
        table.cell(r, col).text = ""
    table.cell(first, col).merge(table.cell(last, col)).text = text


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


CSPR_RECOMMENDATION = "Recommendation 1: Partners should ensure the voice of the child is recorded."


def _cspr_plan(document: Any) -> None:
    document.add_heading("Child Safeguarding Practice Review: Child J – Action Plan", level=1)
    rows = [
        ["CSPR Child J – multi-agency action plan", "", "", "", "", "", ""],
        ["Recommendation", "Ref", "Action required", "Lead officer", "Timescale", "RAG rating", "Progress to date"],
        [CSPR_RECOMMENDATION, "1a", "Audit 30 case files for the child's voice.", "Jane Hollis, Head of QA",
         "End of June 2020", "G", "Audit done."],
        [CSPR_RECOMMENDATION, "1b", "Brief frontline practitioners on recording the child's voice.",
         "Jane Hollis, Head of QA", "Q2 2020/21", "Complete", "Four briefings held."],
        ["Recommendation 2: The partnership should seek assurance that neglect is recognised early.", "2a",
         "Launch the neglect toolkit across all agencies.", "Dr Sam Patel, Designated Nurse", "31/03/21", "A",
         "Training of trainers done."],
    ]  # fmt: skip
    table = word_table(document, rows)
    table.cell(0, 0).merge(table.cell(0, 6)).text = rows[0][0]
    _merge_down(table, 0, 2, 3)
    _merge_down(table, 3, 2, 3)


def test_a_numbered_recommendation_cell_is_a_section_named_by_its_number(tmp_path: Path) -> None:
    draft = _word(tmp_path, _cspr_plan)
    assert [(s.ref, s.title) for s in draft.sections] == [
        ("1", "Partners should ensure the voice of the child is recorded."),
        ("2", "The partnership should seek assurance that neglect is recognised early."),
    ]
    assert [(a.ref, a.section) for a in draft.actions] == [("1a", "1"), ("1b", "1"), ("2a", "2")]


def test_a_lead_officer_merged_over_two_actions_is_the_owner_of_both(tmp_path: Path) -> None:
    draft = _word(tmp_path, _cspr_plan)
    assert [a.owner for a in draft.actions][:2] == ["Jane Hollis, Head of QA"] * 2
    assert [str(a.due) for a in draft.actions] == ["2020-06-30", "2020-09-30", "2021-03-31"]
    assert [a.rag for a in draft.actions] == ["green", "complete", "amber"]


def test_a_priority_row_across_a_sheet_names_its_section_without_the_label(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Action No.", "Action", "Lead Officer", "Target Date", "BRAG status"])
    sheet.append(["Priority 1 – Neglect"])
    sheet.merge_cells("A2:E2")
    sheet.append(["1.1a", "Roll out the neglect screening tool.", "Named Nurse", "31/03/24", "Completed"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    draft = import_document(path)
    assert [(s.ref, s.title) for s in draft.sections] == [("1", "Neglect")]
    assert draft.actions[0].section == "1"


def test_a_reference_printed_at_the_start_of_the_action_text_is_the_actions_ref(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.add_paragraph("Membership of the task and finish group")
        word_table(document, [["Name", "Role", "Agency"], ["Ann Bell", "Chair", "LSCB"]])
        document.add_paragraph("Actions")
        word_table(
            document,
            [
                ["Action", "Owner", "Deadline", "Status", "Notes"],
                [
                    "R1 Write to all GP practices about conferences.",
                    "Designated Doctor",
                    "May 2019",
                    "Complete",
                    "",
                ],
                ["R2. Relaunch the escalation policy.", "Business Manager", "Autumn 2019", "Green", ""],
                ["2 schools will pilot the tool.", "Education Lead", "June 2019", "Green", ""],
            ],
        )

    draft = _word(tmp_path, build)
    assert [(a.ref, a.text) for a in draft.actions] == [
        ("R1", "Write to all GP practices about conferences."),
        ("R2", "Relaunch the escalation policy."),
        (None, "2 schools will pilot the tool."),
    ]


def test_a_whole_html_page_with_its_table_inside_other_markup_is_read(tmp_path: Path) -> None:
    page = """<!DOCTYPE html>
<html><head><title>Plan</title><style>td { border: 1px solid }</style></head>
<body><div class="content"><h1>Riverside Safeguarding Children Partnership</h1><p>Improvement plan,
updated 3 March 2023</p><div><table class="plan">
  <tr><th colspan="5">Improvement Plan 2023</th></tr>
  <tr><th>Ref</th><th>What we will do</th><th>Lead officer</th><th>Target date</th><th>RAG rating</th></tr>
  <tr><td colspan="5"><b>1. Leadership and governance</b></td></tr>
  <tr><td>1.1a</td><td><p class="MsoNormal">Refresh the terms
      of reference.</p></td><td rowspan="2">Business Manager</td><td>Ongoing</td><td>On track</td></tr>
  <tr><td>1.1b</td><td>Recruit an independent scrutineer.</td><td>End of April 2023</td><td>Complete</td></tr>
</table></div></div></body></html>"""
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")
    draft = import_document(path)
    assert [(s.ref, s.title) for s in draft.sections] == [("1", "Leadership and governance")]
    got = [(a.ref, a.text, a.owner, str(a.due), a.rag) for a in draft.actions]
    assert got == [
        ("1.1a", "Refresh the terms of reference.", "Business Manager", "None", "green"),
        ("1.1b", "Recruit an independent scrutineer.", "Business Manager", "2023-04-30", "complete"),
    ]
    assert draft.plan.title == "Riverside Safeguarding Children Partnership"


def _strand_workbook(tmp_path: Path, strands: list[str]) -> PlanDraft:
    import openpyxl

    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Cover"
    cover["A1"] = "Child Exploitation Delivery Plan 2023-25"
    for n, strand in enumerate(strands, start=1):
        sheet = book.create_sheet(strand)
        sheet["A1"] = f"{strand} – delivery plan"
        sheet.append([])
        sheet.append(["Ref", "Action", "Lead officer", "Target date", "RAG", "Progress to date", "Notes"])
        sheet.append([f"{strand[:3].upper()}-{n}", f"Deliver the {strand} work.", "Exploitation Lead",
                      "Q2 2024/25", "Green", "Started.", ""])  # fmt: skip
    path = tmp_path / "plan.xlsx"
    book.save(path)
    return import_document(path)


def test_each_sheet_of_a_workbook_with_a_sheet_per_strand_is_a_section(tmp_path: Path) -> None:
    draft = _strand_workbook(tmp_path, ["Prevent", "Protect", "Pursue"])
    assert [s.ref for s in draft.sections] == ["Prevent", "Protect", "Pursue"]
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("PRE-1", "Prevent"),
        ("PRO-2", "Protect"),
        ("PUR-3", "Pursue"),
    ]


def test_a_single_sheet_of_actions_does_not_become_a_section(tmp_path: Path) -> None:
    draft = _strand_workbook(tmp_path, ["Action plan"])
    assert draft.sections == []
    assert draft.actions[0].section is None


def test_each_table_under_its_own_heading_in_a_word_plan_is_a_section(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.add_heading("Delivery plan", level=1)
        for strand in ("Prevent", "Protect"):
            document.add_heading(strand, level=2)
            word_table(
                document,
                [
                    ["Ref", "Action", "Lead", "By when"],
                    [
                        f"{strand[:3].upper()}-1",
                        f"Deliver the {strand} work.",
                        "Exploitation Lead",
                        "June 2024",
                    ],
                ],
            )

    draft = _word(tmp_path, build)
    assert [(a.ref, a.section) for a in draft.actions] == [("PRE-1", "Prevent"), ("PRO-1", "Protect")]


@pytest.mark.filterwarnings("ignore")
def test_a_lead_merged_down_over_two_rows_of_a_pdf_table_is_the_owner_of_both(tmp_path: Path) -> None:
    from weasyprint import HTML

    markup = (
        "<style>table{border-collapse:collapse;font-size:9pt} td,th{border:1px solid black;padding:3px}</style>"
        "<table><tr><th>What we will do</th><th>Responsible agency</th><th>Lead officer</th>"
        "<th>Target date</th><th>RAG rating</th></tr>"
        "<tr><td colspan='5'>1. Leadership and governance</td></tr>"
        "<tr><td>Refresh the partnership's terms of reference and publish them.</td><td>Partnership</td>"
        "<td rowspan='2'>Partnership Business Manager</td><td>Ongoing</td><td>On track</td></tr>"
        "<tr><td>Recruit an independent scrutineer.</td><td>Partnership</td><td>End of April 2023</td>"
        "<td>Complete</td></tr>"
        "<tr><td>Introduce a multi-agency practice standard for chronologies.</td><td>Council</td>"
        "<td>Principal Social Worker</td><td>30/06/23</td><td>Delayed</td></tr></table>"
    )
    path = tmp_path / "plan.pdf"
    HTML(string=markup).write_pdf(path)
    draft = import_document(path)
    got = [(a.section, a.owner, a.agency, str(a.due), a.rag) for a in draft.actions]
    assert got == [
        ("1", "Partnership Business Manager", "Partnership", "None", "green"),
        ("1", "Partnership Business Manager", "Partnership", "2023-04-30", "complete"),
        ("1", "Principal Social Worker", "Council", "2023-06-30", "amber"),
    ]
    assert draft.actions[2].text == "Introduce a multi-agency practice standard for chronologies."


def test_a_word_hyphenated_across_a_line_of_a_pdf_cell_is_kept_whole() -> None:
    from intake.importer.readers.pdf import _cell_text

    assert _cell_text("Introduce a multi-\nagency standard") == "Introduce a multi-agency standard"
    assert _cell_text("Police -\nDCI Smith") == "Police - DCI Smith"
    assert _cell_text(None) == ""


def test_the_organisation_is_not_made_of_neighbouring_table_cells(tmp_path: Path) -> None:
    rows = [
        ["Ref", "Action", "Responsible agency", "Lead officer", "Target date"],
        ["1", "Audit strategy discussions.", "Partnership", "Safeguarding Partnership Manager", "March 2024"],
        ["2", "Name a chair.", "Thurrock", "LSCB", "March 2024"],
    ]
    assert _csv(tmp_path, rows).plan.organisation is None
    titled = _csv(tmp_path, [["Eastbrook Safeguarding Children Partnership"], *rows], name="titled.csv")
    assert titled.plan.organisation == "Eastbrook Safeguarding Children Partnership"


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="{colour}"/>'))


def test_a_status_shown_only_by_the_colour_of_a_word_cell_is_read(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        table = word_table(
            document,
            [
                ["Ref", "Action", "Lead", "By when", "RAG"],
                ["1.1", "Publish the strategy.", "Head of Service", "March 2024", ""],
                ["1.2", "Train the staff.", "Training Lead", "June 2024", ""],
                ["1.3", "Audit the plans.", "QA Lead", "June 2024", ""],
                ["1.4", "Report to the board.", "Business Manager", "July 2024", ""],
                ["1.5", "Review the policy.", "Business Manager", "July 2024", ""],
            ],
        )
        _shade(table.cell(0, 4), "D9D9D9")  # a grey header cell
        for row, colour in zip(range(1, 5), ("FF0000", "FFC000", "00B050", "0070C0"), strict=True):
            _shade(table.cell(row, 4), colour)
        _shade(table.cell(5, 4), "FFFFFF")

    draft = _word(tmp_path, build)
    assert [a.rag for a in draft.actions] == ["red", "amber", "green", "complete", None]


def test_a_status_shown_only_by_the_fill_of_an_excel_cell_is_read(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.styles import PatternFill

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Lead", "By when", "RAG rating"])
    sheet.append(["1", "Publish the strategy.", "Head of Service", "March 2024", None])
    sheet.append(["2", "Train the staff.", "Training Lead", "June 2024", "Red"])
    sheet["E2"].fill = PatternFill("solid", fgColor="FFFFFF00")  # yellow: amber
    sheet["E3"].fill = PatternFill("solid", fgColor="FF00B050")  # the word wins over the colour
    path = tmp_path / "plan.xlsx"
    book.save(path)
    draft = import_document(path)
    assert [a.rag for a in draft.actions] == ["amber", "red"]


# two header rows: a header cell spread over sub-columns named in the row below it
TWO_ROW_TOP = ["Ref", "Action", "Lead", "", "Timescale", "", "Progress", ""]
TWO_ROW_BELOW = ["Ref", "Action", "Agency", "Officer", "Start", "End", "Update", "RAG"]
TWO_ROW_ACTIONS = [
    ["1.1", "Publish the neglect strategy.", "Council", "Head of Early Help", "January 2024", "March 2024",
     "Draft agreed.", "Green"],
    ["1.2", "Train the practitioners in the toolkit.", "ICB", "Designated Nurse", "April 2024", "30/09/2024",
     "Trainers booked.", "Amber"],
]  # fmt: skip


def _assert_two_row_header_read(draft: PlanDraft) -> None:
    got = [
        (a.ref, a.text, a.agency, a.owner, a.due_text, str(a.due), a.progress, a.rag) for a in draft.actions
    ]
    assert got == [
        ("1.1", "Publish the neglect strategy.", "Council", "Head of Early Help", "March 2024", "2024-03-31",
         "Draft agreed.", "green"),
        ("1.2", "Train the practitioners in the toolkit.", "ICB", "Designated Nurse", "30/09/2024", "2024-09-30",
         "Trainers booked.", "amber"),
    ]  # fmt: skip


def test_the_end_of_a_timescale_split_into_start_and_end_in_a_word_table_is_the_due_date(
    tmp_path: Path,
) -> None:
    def build(document: Any) -> None:
        table = word_table(document, [TWO_ROW_TOP, TWO_ROW_BELOW, *TWO_ROW_ACTIONS])
        for col in (2, 4, 6):
            table.cell(0, col).merge(table.cell(0, col + 1)).text = TWO_ROW_TOP[col]
        for col in (0, 1):
            _merge_down(table, col, 0, 1)

    _assert_two_row_header_read(_word(tmp_path, build))


def test_a_header_merged_over_sub_columns_of_an_excel_sheet_is_read_with_them(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (TWO_ROW_TOP, TWO_ROW_BELOW, *TWO_ROW_ACTIONS):
        sheet.append(row)
    for cells in ("A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:H1"):
        sheet.merge_cells(cells)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    _assert_two_row_header_read(import_document(path))


def test_a_csv_with_a_second_header_row_naming_sub_columns_is_read_with_them(tmp_path: Path) -> None:
    below = ["", "", *TWO_ROW_BELOW[2:]]
    _assert_two_row_header_read(_csv(tmp_path, [TWO_ROW_TOP, below, *TWO_ROW_ACTIONS]))


def test_an_html_header_cell_spanning_two_columns_is_read_with_the_sub_headers_below(tmp_path: Path) -> None:
    def cells(row: list[str], tag: str = "td") -> str:
        return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in row) + "</tr>"

    page = (
        "<html><body><h1>Improvement plan</h1><table>"
        "<tr><th rowspan='2'>Ref</th><th rowspan='2'>Action</th><th colspan='2'>Lead</th>"
        "<th colspan='2'>Timescale</th><th colspan='2'>Progress</th></tr>"
        + cells(TWO_ROW_BELOW[2:], "th")
        + "".join(cells(row) for row in TWO_ROW_ACTIONS)
        + "</table></body></html>"
    )
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")
    _assert_two_row_header_read(import_document(path))


def test_tab_separated_text_with_two_header_rows_is_read_with_the_sub_columns(tmp_path: Path) -> None:
    lines = ["Action plan", "", "\t".join(TWO_ROW_TOP), "\t".join(["", "", *TWO_ROW_BELOW[2:]])]
    lines += ["\t".join(row) for row in TWO_ROW_ACTIONS]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _assert_two_row_header_read(import_document(path))


def test_a_label_on_the_second_line_of_a_header_is_not_read_as_a_sub_column() -> None:
    from intake.importer.layout import sub_header_fields

    assert sub_header_fields(["Ref", "Action", "Lead", ""], ["", "", "", "Notes"]) is None
    assert sub_header_fields(["Ref", "Action", "Target"], ["", "", "date"]) is None
    assert (
        sub_header_fields(["Ref", "Action", "Lead", ""], ["1.1", "Publish the strategy.", "Council", "Ann"])
        is None
    )


def test_sub_columns_are_read_in_the_context_of_the_header_cell_over_them() -> None:
    from intake.importer.synonyms import sub_header_field

    assert sub_header_field("Timescale", "Start") == "start"
    assert sub_header_field("Timescale", "End") == "due"
    assert sub_header_field("Target date", "Original") == "due"
    assert sub_header_field("Lead", "Agency") == "agency"
    assert sub_header_field("Lead", "Name") == "owner"
    assert sub_header_field("Progress", "Update") == "progress"
    assert sub_header_field("Progress", "RAG") == "rag"
    assert sub_header_field("RAG", "Previous") == "previous_rag"


@pytest.mark.filterwarnings("ignore")
def test_a_pdf_table_with_a_header_cell_spanning_sub_columns_is_read_with_them(tmp_path: Path) -> None:
    from weasyprint import HTML

    def cells(row: list[str], tag: str = "td") -> str:
        return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in row) + "</tr>"

    markup = (
        "<style>table{border-collapse:collapse;font-size:9pt} td,th{border:1px solid black;padding:3px}</style>"
        "<table><tr><th rowspan='2'>Ref</th><th rowspan='2'>Action</th><th colspan='2'>Lead</th>"
        "<th colspan='2'>Timescale</th><th colspan='2'>Progress</th></tr>"
        + cells(TWO_ROW_BELOW[2:], "th")
        + "".join(cells(row) for row in TWO_ROW_ACTIONS)
        + "</table>"
    )
    path = tmp_path / "plan.pdf"
    HTML(string=markup).write_pdf(path)
    _assert_two_row_header_read(import_document(path))


PLAN_HEADER = ["Ref", "Action", "Lead officer", "Target date", "RAG"]
PLAN_ROW = ["1.1", "Publish the neglect strategy.", "Head of Early Help", "March 2024", "Green"]


def test_a_title_row_merged_across_a_sheet_above_its_header_is_the_plans_title(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B2"] = "Hillshire Safeguarding Children Partnership"
    sheet["B3"] = "Neglect improvement plan"
    sheet["B4"] = "Last updated: 14 March 2024"
    sheet.merge_cells("B2:F2")
    sheet.merge_cells("B3:F3")
    for row in (PLAN_HEADER, PLAN_ROW):
        sheet.append(["", *row])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    draft = import_document(path)
    # the partnership's row above the plan's name is the organisation, not part of the title (as
    # in a Word heading, and as the gold files write a title)
    assert draft.plan.title == "Neglect improvement plan"
    assert draft.plan.organisation == "Hillshire Safeguarding Children Partnership"
    assert str(draft.plan.as_at) == "2024-03-14"
    assert draft.actions[0].ref == "1.1"


def test_a_single_cell_first_row_of_a_csv_file_is_the_plans_title(tmp_path: Path) -> None:
    draft = _csv(tmp_path, [["JTAI written statement of action"], PLAN_HEADER, PLAN_ROW])
    assert draft.plan.title == "JTAI written statement of action"
    assert _csv(tmp_path, [PLAN_HEADER, PLAN_ROW], name="untitled.csv").plan.title is None


def test_a_status_key_or_a_row_after_a_gap_is_not_part_of_the_title(tmp_path: Path) -> None:
    keyed = _csv(tmp_path, [["RAG key"], ["Red", "Off track"], PLAN_HEADER, PLAN_ROW])
    assert keyed.plan.title is None
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Exploitation delivery plan"
    sheet["A3"] = "Prepared by the business unit"
    sheet.append(PLAN_HEADER)
    sheet.append(PLAN_ROW)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    assert import_document(path).plan.title == "Exploitation delivery plan"


def test_a_heading_above_a_word_table_is_the_title_rather_than_the_tables_title_row(tmp_path: Path) -> None:
    draft = _word(tmp_path, _cspr_plan)
    assert draft.plan.title == "Child Safeguarding Practice Review: Child J – Action Plan"


def test_the_merged_title_row_of_a_word_table_opening_the_document_is_the_plans_title(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        table = word_table(document, [["CSPR Child J – action plan", "", "", "", ""], PLAN_HEADER, PLAN_ROW])
        table.cell(0, 0).merge(table.cell(0, 4)).text = "CSPR Child J – action plan"

    assert _word(tmp_path, build).plan.title == "CSPR Child J – action plan"


def test_a_sheet_per_strand_is_a_section_titled_by_the_title_row_above_its_header(tmp_path: Path) -> None:
    draft = _strand_workbook(tmp_path, ["Prevent", "Protect"])
    assert [(s.ref, s.title) for s in draft.sections] == [
        ("Prevent", "Prevent – delivery plan"),
        ("Protect", "Protect – delivery plan"),
    ]
    assert [a.section for a in draft.actions] == ["Prevent", "Protect"]
    assert draft.plan.title == "Child Exploitation Delivery Plan 2023-25"


def test_a_sheet_without_a_title_row_is_a_section_titled_by_its_name(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Prevent"
    book.create_sheet("Protect")
    for sheet in book.worksheets:
        sheet.append(PLAN_HEADER)
        sheet.append(
            [f"{sheet.title[:3].upper()}-1", f"Deliver the {sheet.title} work.", "Lead", "June 2024", "G"]
        )
    path = tmp_path / "plan.xlsx"
    book.save(path)
    assert [(s.ref, s.title) for s in import_document(path).sections] == [
        ("Prevent", "Prevent"),
        ("Protect", "Protect"),
    ]


def test_sheets_left_with_excels_own_names_are_sections_named_by_their_title_rows(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for n, title in enumerate(("Neglect", "Exploitation"), start=1):
        sheet = book.active if n == 1 else book.create_sheet(f"Sheet{n}")
        sheet.append([f"{title} improvement plan"])
        sheet.append(["Last updated: 1 March 2024"])
        sheet.append(PLAN_HEADER)
        sheet.append([f"{n}.1", f"Deliver the {title} work.", "Lead", "June 2024", "G"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    draft = import_document(path)
    assert [(s.ref, s.title) for s in draft.sections] == [
        ("Neglect improvement plan", "Neglect improvement plan"),
        ("Exploitation improvement plan", "Exploitation improvement plan"),
    ]
    assert [a.section for a in draft.actions] == ["Neglect improvement plan", "Exploitation improvement plan"]


def test_a_first_header_row_holding_only_the_spread_header_cells_is_read_with_the_row_below(
    tmp_path: Path,
) -> None:
    top = ["", "", "", "", "Timescale", "", "Progress", ""]
    below = ["Ref", "Action", "Agency", "Lead officer", "Start", "End", "Update", "RAG"]
    _assert_two_row_header_read(_csv(tmp_path, [top, below, *TWO_ROW_ACTIONS]))


def test_a_title_row_above_a_header_is_not_read_as_header_cells_spread_over_it(tmp_path: Path) -> None:
    draft = _csv(tmp_path, [["Action plan", "", ""], ["Ref", "Action", "Lead"], ["1", "Publish it.", "Ann"]])
    assert [(a.ref, a.text, a.owner) for a in draft.actions] == [("1", "Publish it.", "Ann")]


def test_a_first_action_of_short_cells_under_an_unlabelled_column_is_not_read_as_sub_headers(
    tmp_path: Path,
) -> None:
    rows = [["Action", "Lead", ""], ["Audit files", "Ann Bell", "Police"], ["Train staff", "Raj Shah", ""]]
    draft = _csv(tmp_path, rows)
    assert [(a.text, a.owner) for a in draft.actions] == [
        ("Audit files", "Ann Bell"),
        ("Train staff", "Raj Shah"),
    ]


def test_a_two_row_header_repeated_on_the_next_page_is_read_as_the_same_header(tmp_path: Path) -> None:
    below = ["", "", *TWO_ROW_BELOW[2:]]
    draft = _csv(tmp_path, [TWO_ROW_TOP, below, TWO_ROW_ACTIONS[0], TWO_ROW_TOP, below, TWO_ROW_ACTIONS[1]])
    _assert_two_row_header_read(draft)
    assert not draft.warnings


def test_a_recommendation_heading_after_the_title_heading_is_not_part_of_the_title(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.add_heading("Child S review: action plan", 1)
        document.add_heading("Recommendation 1: Improve information sharing", 2)
        word_table(
            document, [["Ref", "Action", "Lead"], ["1.1", "Review the MASH protocol.", "Head of MASH"]]
        )

    draft = _word(tmp_path, build)
    assert draft.plan.title == "Child S review: action plan"
    assert [a.section for a in draft.actions] == ["1"]


def test_a_text_plan_without_headings_takes_its_title_from_the_line_naming_the_plan() -> None:
    text = (
        "Westmoor Safeguarding Children Partnership\n"
        'Child Safeguarding Practice Review "Child R" - Action Plan\n'
        "Updated: 14 March 2024\n\n"
        "Ref\tAction\tLead\tDue\n"
        "1.1\tReview the MASH protocol.\tHead of MASH\tJune 2024\n"
    )
    draft = import_document(text.encode(), filename="plan.txt")
    assert draft.plan.title == 'Child Safeguarding Practice Review "Child R" - Action Plan'
    assert draft.plan.organisation == "Westmoor Safeguarding Children Partnership"


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        (
            "Serious Case Review: Child K - Multi-agency action plan",
            "Serious Case Review: Child K - Multi-agency action plan",
        ),
        ("Purpose: this action plan sets out how we will respond", None),
    ],
)
def test_a_colon_may_part_a_text_plans_name_but_a_label_before_a_sentence_is_not_its_title(
    opening: str, title: str | None
) -> None:
    text = f"{opening}\n\nRef\tAction\tLead\tDue\n1.1\tReview the MASH protocol.\tHead of MASH\tJune 2024\n"
    assert import_document(text.encode(), filename="plan.txt").plan.title == title


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Local Child Safeguarding Practice Review: Child S – action plan", "scr"),
        ("Rapid review of the death of Baby T: action plan", "scr"),
        ("Child S review action plan", "scr"),
        ("Learning review action plan", "scr"),
        ("Joint Targeted Area Inspection action plan", "jtai"),
        ("Child exploitation delivery plan 2024-26", "delivery"),
        ("Neglect strategy action plan (every child a review of their plan)", "other"),
    ],
)
def test_the_kind_of_plan_is_read_from_how_its_title_names_it(title: str, kind: str) -> None:
    text = f"{title}\n\nRef\tAction\tLead\n1.1\tReview the MASH protocol.\tHead of MASH\n"
    assert import_document(text.encode(), filename="plan.txt").plan.kind == kind


def test_the_partnerships_name_as_a_heading_above_the_title_is_its_organisation_not_its_title() -> None:
    text = (
        "## Northmoor Safeguarding Children Partnership\n\n# Neglect strategy action plan 2024-26\n\n"
        "Ref\tAction\tLead\n1.1\tLaunch the neglect toolkit.\tEarly Help Manager\n"
    )
    plan = import_document(text.encode(), filename="plan.md").plan
    assert (plan.title, plan.organisation) == (
        "Neglect strategy action plan 2024-26",
        "Northmoor Safeguarding Children Partnership",
    )


def test_a_partnership_named_in_capitals_is_the_organisation_and_a_business_plan_line_the_title() -> None:
    text = (
        "KINGSVALE SAFEGUARDING CHILDREN'S PARTNERSHIP\n\nBusiness Plan 2023-24\n\n"
        "Ref\tAction\tLead\n1.1\tPublish the annual report.\tBusiness Manager\n"
    )
    plan = import_document(text.encode(), filename="plan.txt").plan
    assert (plan.title, plan.organisation) == (
        "Business Plan 2023-24",
        "Kingsvale Safeguarding Children's Partnership",
    )
