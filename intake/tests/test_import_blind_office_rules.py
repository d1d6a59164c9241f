"""Rules found by the Word, Excel and PDF plans written blind (``blind/README.md``), each on a
document built here that holds only what the rule is about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

from intake.importer.api import import_document
from intake.importer.layout import is_pointer
from intake.importer.model import PlanDraft
from intake.importer.normalise import parse_due, parse_rag
from intake.importer.readers.wordnumbers import WordNumbers

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER = ["Action", "Lead", "Target date", "RAG"]


def _docx(tmp_path: Path, build: Callable[[Any], None]) -> PlanDraft:
    import docx

    document = docx.Document()
    build(document)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    return import_document(path)


def _xlsx(tmp_path: Path, build: Callable[[Any], None]) -> PlanDraft:
    import openpyxl

    book = openpyxl.Workbook()
    build(book)
    path = tmp_path / "tracker.xlsx"
    book.save(path)
    return import_document(path)


def _written(table: Any, rows: list[list[str]]) -> Any:
    """A Word table with `rows` written into its cells, row by row."""
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    return table


def _numbering(levels: list[tuple[str, str]], restart: bool = False) -> Any:
    """A numbering part with one multi-level list (numId 1) and, with `restart`, a second instance
    of it (numId 2) that starts again at 1."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for k, (fmt, text) in enumerate(levels)
    )
    second = (
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        if restart
        else ""
    )
    return etree.fromstring(
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>{second}</w:numbering>'
    )


def _numbered(level: int, num_id: int = 1) -> Any:
    return etree.fromstring(
        f'<w:p xmlns:w="{W}"><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
        "<w:r><w:t>text</w:t></w:r></w:p>"
    )


# --------------------------------------------------------------------------- Word


def test_word_numbers_are_counted_by_level_as_word_draws_them() -> None:
    numbers = WordNumbers(
        _numbering([("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "%1.%2%3")]), None
    )
    drawn = [numbers.number(_numbered(level)) for level in (0, 1, 1, 2, 2, 0, 1)]
    assert drawn == ["1.", "1.1", "1.2", "1.2a", "1.2b", "2.", "2.1"]


def test_a_list_instance_that_restarts_counts_again_from_its_start() -> None:
    numbers = WordNumbers(_numbering([("upperRoman", "%1)")], restart=True), None)
    drawn = [numbers.number(_numbered(0, num_id)) for num_id in (1, 1, 1, 2, 2)]
    assert drawn == ["I)", "II)", "III)", "I)", "II)"]


def test_bullets_are_no_references() -> None:
    numbers = WordNumbers(_numbering([("bullet", "•")]), None)
    assert numbers.number(_numbered(0)) is None


def _numbered_plan(document: Any) -> None:
    """Areas and actions numbered only by Word's list numbering, as a template's table has them."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    rows = [
        (0, "Early help", "", "", ""),
        (1, "Relaunch the early help assessment", "Head of Early Help", "June 2025", "G"),
        (1, "", "", "", ""),  # a numbered row left empty: its number is taken, it is no action
        (1, "Audit step-down decisions", "Service Manager, QA", "September 2025", "A"),
        (0, "Neglect", "", "", ""),
        (1, "Train staff in the Graded Care Profile", "GCP2 Lead", "March 2026", "R"),
    ]
    table = document.add_table(rows=1 + len(rows), cols=4)
    for cell, name in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = name
    for r, (level, *cells) in enumerate(rows, start=1):
        for cell, value in zip(table.rows[r].cells, cells, strict=True):
            cell.text = value
        first = table.rows[r].cells[0].paragraphs[0]._p
        first.get_or_add_pPr().append(
            parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )
        if level == 0:
            table.rows[r].cells[0].merge(table.rows[r].cells[3])


def test_references_given_only_by_words_numbering_are_read_as_printed(tmp_path: Path) -> None:
    draft = _docx(tmp_path, _numbered_plan)
    assert [(a.ref, a.section, a.text) for a in draft.actions] == [
        ("1.1", "1", "Relaunch the early help assessment"),
        ("1.3", "1", "Audit step-down decisions"),
        ("2.1", "2", "Train staff in the Graded Care Profile"),
    ]
    assert [(s.ref, s.title) for s in draft.sections] == [("1", "Early help"), ("2", "Neglect")]


def _framed_plan(document: Any) -> None:
    """A template's frame: a sidebar cell of headings beside the plan's table nested in the other."""
    frame = document.add_table(rows=1, cols=2)
    frame.rows[0].cells[0].text = "Priority 1"
    frame.rows[0].cells[0].add_paragraph("Lead group: Neglect Subgroup")
    cell = frame.rows[0].cells[1]
    _written(
        cell.add_table(rows=4, cols=4),
        [
            ["Ref", "Action", "Lead", "Target date"],
            ["P1.1", "Refresh the neglect strategy", "Business Manager", "March 2025"],
            ["P1.2", "Audit the use of the neglect toolkit", "QA Lead", "June 2025"],
            ["P1.3", "Publish a seven-minute briefing", "Business Manager", "July 2025"],
        ],
    )


def test_a_plan_table_nested_in_a_layout_table_is_read_as_a_table(tmp_path: Path) -> None:
    draft = _docx(tmp_path, _framed_plan)
    assert [(a.ref, a.owner, a.due) for a in draft.actions] == [
        ("P1.1", "Business Manager", dt.date(2025, 3, 31)),
        ("P1.2", "QA Lead", dt.date(2025, 6, 30)),
        ("P1.3", "Business Manager", dt.date(2025, 7, 31)),
    ]


def test_a_small_log_nested_in_an_update_cell_stays_that_cells_text(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        table = _written(
            document.add_table(rows=3, cols=4),
            [
                ["Ref", "Action", "Lead", "Update"],
                ["1.1", "Refresh the neglect strategy", "Business Manager", ""],
                ["1.2", "Audit the neglect toolkit", "QA Lead", "Audit booked."],
            ],
        )
        log = table.rows[1].cells[3].add_table(rows=2, cols=2)
        log.rows[0].cells[0].text, log.rows[0].cells[1].text = "03/02/2025", "Draft shared."
        log.rows[1].cells[0].text, log.rows[1].cells[1].text = "10/03/2025", "Agreed by the board."

    draft = _docx(tmp_path, build)
    assert [a.ref for a in draft.actions] == ["1.1", "1.2"]
    assert draft.actions[0].progress == "03/02/2025 Draft shared. 10/03/2025 Agreed by the board."


def _form_tables(document: Any) -> None:
    """A two-column form table per action under a heading per theme."""
    for theme, ref, action in (
        ("Children and young people", "CYP1", "Roll out Operation Encompass to early years settings"),
        ("Perpetrators: holding people to account", "PER1", "Commission a perpetrator programme"),
    ):
        document.add_heading(theme, level=2)
        table = document.add_table(rows=4, cols=2)
        for row, (label, value) in zip(
            table.rows,
            [
                ("Action reference", ref),
                ("Action", action),
                ("Lead", "DA Coordinator"),
                ("Target date", "May 2025"),
            ],
            strict=True,
        ):
            row.cells[0].text, row.cells[1].text = label, value


def test_form_tables_read_their_action_reference_and_a_heading_with_a_colon_is_a_theme(
    tmp_path: Path,
) -> None:
    draft = _docx(tmp_path, _form_tables)
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("CYP1", "Children and young people"),
        ("PER1", "Perpetrators: holding people to account"),
    ]


def _second_banner(document: Any) -> None:
    table = document.add_table(rows=4, cols=4)
    for cell, name in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = name
    table.rows[1].cells[0].merge(table.rows[1].cells[3]).text = "Priority 1: Front door"
    table.rows[2].cells[0].merge(table.rows[2].cells[3]).text = (
        "Ofsted recommendation: the consistency of threshold decisions at the front door, including "
        "when children are stepped down to early help"
    )
    for cell, value in zip(
        table.rows[3].cells,
        ["Refresh the threshold document", "Head of Service", "May 2025", "G"],
        strict=True,
    ):
        cell.text = value


def test_a_sentence_across_the_table_under_a_heading_row_says_what_the_section_is_about(
    tmp_path: Path,
) -> None:
    draft = _docx(tmp_path, _second_banner)
    assert [a.text for a in draft.actions] == ["Refresh the threshold document"]
    (section,) = draft.sections
    assert (section.ref, section.title) == ("1", "Front door")
    assert (section.what_needs_to_improve or "").startswith("Ofsted recommendation: the consistency")


# --------------------------------------------------------------------------- Excel


def test_rows_struck_through_in_a_sheet_are_removed_actions(tmp_path: Path) -> None:
    from openpyxl.styles import Font

    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(["Ref", "Action", "Lead", "Due date", "Status"])
        sheet.append(["1.1", "Audit pre-birth assessments", "QA Lead", "June 2025", "On track"])
        sheet.append(
            ["1.2", "Brief midwives on the review", "Named Midwife", "July 2025", "Removed – merged with 1.1"]
        )
        sheet.append(["1.3", "Publish a seven-minute briefing", "Business Manager", "May 2025", "Completed"])
        for cell in sheet[3]:
            cell.font = Font(strike=True)

    draft = _xlsx(tmp_path, build)
    assert [a.ref for a in draft.actions] == ["1.1", "1.3"]
    assert any("1 struck-through row (3)" in w.message for w in draft.warnings)


def test_a_sheet_of_completed_actions_names_the_sections_the_plan_opened_by_number(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        plan = book.active
        plan.title = "Action plan"
        plan.append(["Ref", "Action", "Lead", "Target date", "Date closed", "RAG"])
        plan.append(["Theme 1: Front door and information sharing"])
        plan.append(["DA1.3", "Review triage capacity", "Head of MASH", "December 2025", "", "A"])
        done = book.create_sheet("Completed actions")
        done.append(["Ref", "Theme", "Action", "Lead", "Original target date", "Date closed", "RAG"])
        done.append(
            [
                "DA1.1",
                "Theme 1",
                "Agree a single threshold",
                "Head of MASH",
                "30 June 2025",
                "20 June 2025",
                "Complete",
            ]
        )

    draft = _xlsx(tmp_path, build)
    assert [(a.ref, a.section, a.due) for a in draft.actions] == [
        ("DA1.3", "1", dt.date(2025, 12, 31)),
        ("DA1.1", "1", dt.date(2025, 6, 30)),  # the target, not the day it was closed
    ]


# --------------------------------------------------------------------------- words


def test_pointers_to_where_an_action_went_are_not_actions() -> None:
    for text in (
        "Moved to Priority 3 – see P3.2",
        "Action removed – merged with 2A",
        "Removed",
        "Transferred to the domestic abuse plan",
    ):
        assert is_pointer(text), text
    assert not is_pointer("Move the front door to a single location by March 2025 with staff consulted")


def test_status_words_of_delay_and_a_letter_printed_with_its_word_are_read() -> None:
    assert parse_rag("Some delays") == ("amber", True)
    assert parse_rag("Significant delays") == ("red", True)
    assert parse_rag("G Green") == ("green", True)
    assert parse_rag("R Green") == (None, False)  # two colours: not guessed


def test_a_financial_year_alone_in_a_due_cell_is_due_at_its_end() -> None:
    assert parse_due("2025/26") == dt.date(2026, 3, 31)


CUT_BY_A_PAGE_BREAK = """\
# MASH plan

| Ref | Action | Lead | Target date | RAG | Progress |
|---|---|---|---|---|---|
| 2.1 | Relaunch the continuum of need | WSCP Business Manager | February 2025 | G | Relaunched. |
| 2.2 | Increase health staffing in the MASH so that a nurse is available | Designated Nurse / Head of | April 2025 | R | 21/01/2025: Funding agreed; the |
| | Monday to Friday 8am to 6pm. | Safeguarding, Community Health | | | advert closes on 30/06/2025. |
| 2.3 | Audit a sample of contacts each quarter | MASH Manager | May 2025 | G | Audit done. |
"""


def test_a_row_cut_by_a_page_break_goes_on_where_its_lead_or_update_stops_mid_phrase() -> None:
    draft = import_document(CUT_BY_A_PAGE_BREAK.encode(), filename="plan.md")
    assert [a.ref for a in draft.actions] == ["2.1", "2.2", "2.3"]
    cut = draft.actions[1]
    assert cut.text.endswith("so that a nurse is available Monday to Friday 8am to 6pm.")
    assert cut.owner == "Designated Nurse / Head of Safeguarding, Community Health"
    assert cut.progress == "21/01/2025: Funding agreed; the advert closes on 30/06/2025."
    assert draft.actions[2].owner == "MASH Manager"


# --------------------------------------------------------------------------- the second round


def test_a_planner_export_reads_its_tasks_buckets_and_colour_labels(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(["Plan name", "Early help WSOA"])
        sheet.append(["Date of export", "11/06/2025"])
        sheet.append([])
        sheet.append(
            ["Task ID", "Task Name", "Bucket Name", "Progress", "Priority", "Assigned To", "Created By",
             "Due date", "Late", "Labels", "Description"]
        )  # fmt: skip
        sheet.append(
            ["pTy1", "P1.1 Produce an early help needs analysis", "P1 Understanding need", "In progress",
             "Important", "Tom Fairhurst", "Megan Lloyd", "31/05/2025", "true", "Amber;LA", "Background."]
        )  # fmt: skip
        sheet.append(
            ["pTy2", "P1.2 - Refresh the early help strategy", "P1 Understanding need", "Completed", "Medium",
             "Joanne Whitlock", "Megan Lloyd", "30/09/2025", "false", "Green;LA", ""]
        )  # fmt: skip

    draft = _xlsx(tmp_path, build)
    assert [(a.ref, a.section, a.text, a.owner, a.rag) for a in draft.actions] == [
        ("P1.1", "P1", "Produce an early help needs analysis", "Tom Fairhurst", "amber"),
        ("P1.2", "P1", "Refresh the early help strategy", "Joanne Whitlock", "complete"),
    ]


def test_a_sharepoint_list_export_reads_each_items_title_as_its_action(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(["Title", "Action Ref", "Workstream", "Action Owner", "Target Date", "RAG Status",
                      "Modified", "Modified By", "Item Type", "Path"])  # fmt: skip
        sheet.append(["Publish the protocol", "CK-01", "CSPR Child K", "Farrant, Lisa", dt.datetime(2025, 3, 31),
                      "Complete", dt.datetime(2025, 3, 14, 10, 42), "Pellow, Kerry", "Item", "sites/x/Lists/y"])  # fmt: skip

    (action,) = _xlsx(tmp_path, build).actions
    assert (action.ref, action.text, action.owner, action.due, action.rag) == (
        "CK-01",
        "Publish the protocol",
        "Farrant, Lisa",
        dt.date(2025, 3, 31),
        "complete",
    )


def test_references_typed_as_numbers_read_as_their_format_shows_them(tmp_path: Path) -> None:
    from openpyxl.styles import Font

    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(["Ref", "Action", "Lead", "Quarter due", "RAG"])
        sheet.append([1, "Neglect"])
        sheet["A2"].number_format = "0.0"
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        sheet.append([1.1, "Relaunch the neglect strategy", "Subgroup Chair", "Q1 25/26", "G"])
        sheet.append([1.1, "Audit neglect plans", "QA Lead", "Q3 25/26", "A"])
        sheet["A4"].number_format = "0.00"  # action 1.10 typed as a number
        sheet.append([1.3, "As 1.1 - see above"])

    draft = _xlsx(tmp_path, build)
    assert [(a.ref, a.section, a.due) for a in draft.actions] == [
        ("1.1", "1.0", dt.date(2025, 6, 30)),
        ("1.10", "1.0", dt.date(2025, 12, 31)),
    ]


def test_a_two_row_header_with_a_rag_per_quarter_takes_the_latest_rating(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(["Action", None, None, "By when", "Quarterly RAG", None, None, "Progress", None])
        sheet.append(
            ["Ref", "What", "Who", None, "Q1 24/25", "Q2 24/25", "Q3 24/25", "Update", "Date of update"]
        )
        sheet.merge_cells("A1:C1")
        sheet.merge_cells("E1:G1")
        sheet.merge_cells("H1:I1")
        sheet.append(["1.1", "Refresh the protocol", "Head of Midwifery", "30 September 2024", "G", "B", None,
                      "Signed off.", "20 January 2025"])  # fmt: skip
        sheet.append(["1.2", "Roll out ICON", "Designated Nurse", "Q3 24/25", "A", "A", "G", "Embedded.",
                      "9 January 2025"])  # fmt: skip

    draft = _xlsx(tmp_path, build)
    assert [(a.ref, a.text, a.owner, a.due, a.rag, a.progress) for a in draft.actions] == [
        ("1.1", "Refresh the protocol", "Head of Midwifery", dt.date(2024, 9, 30), "complete", "Signed off."),
        ("1.2", "Roll out ICON", "Designated Nurse", dt.date(2024, 12, 31), "green", "Embedded."),
    ]
    assert draft.actions[1].progress_date == dt.date(2025, 1, 9)  # from 'Date of update', not the due date


def test_one_agencys_sheet_reads_its_actions_under_the_recommendations_by_number(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.title = "Children's Services"
        sheet.append(["Rec no.", "Recommendation", "Ref", "Children's Services action", "Lead", "By when"])
        sheet.append(
            [
                1,
                "The partnership should seek assurance",
                "CS-1",
                "Schools to notify",
                "Head of Service",
                "June 2025",
            ]
        )
        sheet.append([None, None, None, "N/A – no further action for this service"])
        sheet.append(
            [
                2,
                "All agencies should record",
                "CS-2",
                "Audit return interviews",
                "Service Manager",
                "May 2025",
            ]
        )

    draft = _xlsx(tmp_path, build)
    assert [(a.ref, a.section, a.text) for a in draft.actions] == [
        ("CS-1", "1", "Schools to notify"),
        ("CS-2", "2", "Audit return interviews"),
    ]


def test_a_rag_shown_by_a_coloured_dot_or_symbol_is_read_from_its_colour(tmp_path: Path) -> None:
    from docx.oxml import parse_xml
    from docx.shared import RGBColor

    def build(document: Any) -> None:
        table = document.add_table(rows=3, cols=4)
        for cell, name in zip(table.rows[0].cells, ["Ref", "Action", "Lead", "RAG"], strict=True):
            cell.text = name
        for row, (ref, action) in zip(
            table.rows[1:], [("1", "Audit plans"), ("2", "Train staff")], strict=True
        ):
            row.cells[0].text, row.cells[1].text, row.cells[2].text = ref, action, "QA Lead"
        dot = table.rows[1].cells[3].paragraphs[0].add_run("●")
        dot.font.color.rgb = RGBColor(0xFF, 0xC0, 0x00)
        symbol = table.rows[2].cells[3].paragraphs[0].add_run()
        symbol._r.append(parse_xml(f'<w:sym xmlns:w="{W}" w:font="Wingdings" w:char="F06C"/>'))
        symbol.font.color.rgb = RGBColor(0x00, 0xB0, 0x50)

    draft = _docx(tmp_path, build)
    assert [(a.ref, a.rag) for a in draft.actions] == [("1", "amber"), ("2", "green")]
    assert not any("Unknown status" in w.message for w in draft.warnings)


def test_tables_split_per_page_take_their_area_from_the_caption_or_bold_line_above(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        for heading, caption, ref in (
            ("AFI1 – The quality of early help assessments", False, "AFI1.1"),
            ("Table 1: AFI2 – Information sharing at the front door", True, "AFI2.1"),
            ("Table 2: AFI2 – Information sharing at the front door (continued)", True, "AFI2.2"),
        ):
            paragraph = document.add_paragraph()
            paragraph.add_run(heading).bold = not caption
            _written(
                document.add_table(rows=2, cols=3),
                [["Ref", "Action", "Lead(s)"], [ref, f"Action {ref}", "Head of Service"]],
            )

    draft = _docx(tmp_path, build)
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("AFI1.1", "AFI1"),
        ("AFI2.1", "AFI2"),
        ("AFI2.2", "AFI2"),
    ]
    assert [(s.ref, s.title) for s in draft.sections] == [
        ("AFI1", "The quality of early help assessments"),
        ("AFI2", "Information sharing at the front door"),
    ]


def test_a_numbered_action_with_a_list_and_its_own_small_table_of_labels_is_one_record(
    tmp_path: Path,
) -> None:
    def build(document: Any) -> None:
        document.add_heading("Priority 1: Neglect", level=2)
        document.add_paragraph("1.1\tAudit plans open for more than two years, looking at:")
        document.add_paragraph("whether the impact on the child was understood;")
        document.add_paragraph("how escalation was used.")
        document.add_paragraph("Lead: Chair, QA Subgroup")
        document.add_paragraph("Timescale: Q3 2025/26")
        document.add_paragraph("Partners involved: all agencies")
        document.add_paragraph("1.2 Refresh the exploitation arrangements so that every child has a plan.")
        table = document.add_table(rows=2, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Lead", "Detective Superintendent"
        table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Status", "Green"

    draft = _docx(tmp_path, build)
    assert [(a.ref, a.owner, a.due, a.rag) for a in draft.actions] == [
        ("1.1", "Chair, QA Subgroup", dt.date(2025, 12, 31), None),
        ("1.2", "Detective Superintendent", None, "green"),
    ]
    assert draft.actions[0].text.endswith("how escalation was used.")


def test_a_table_of_figures_after_the_plan_is_not_read_as_more_actions(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        _written(
            document.add_table(rows=2, cols=3),
            [["Ref", "Action", "Lead"], ["1a", "Notify schools", "Head of Inclusion"]],
        )
        document.add_paragraph("OFFICIAL")
        _written(
            document.add_table(rows=2, cols=4),
            [["Measure", "Q1 2024/25", "Q2 2024/25", "Target"], ["Permanent exclusions", "9", "4", "–"]],
        )

    draft = _docx(tmp_path, build)
    assert [a.ref for a in draft.actions] == ["1a"]


def test_excels_windows_csv_with_an_area_row_in_the_reference_column_reads_as_written(tmp_path: Path) -> None:
    text = (
        "Stourmere WSOA \u2013 position at 26/02/2025,,,,\r\n\r\n"
        "Ref,Action,Lead,Target date,RAG,Date last reviewed\r\n"
        "PA1,Area for priority action 1: The partnership\u2019s understanding of early help,,,,\r\n"
        'PA1.1,"Map the early help offer, with \u00a3 costs",Head of Early Help \u2013 Ren\u00e9e Achebe,31/03/2025,Amber,24/02/2025\r\n'
    )
    path = tmp_path / "plan.csv"
    path.write_bytes(text.encode("cp1252"))
    draft = import_document(path)
    (action,) = draft.actions
    assert (action.ref, action.section, action.owner, action.due) == (
        "PA1.1",
        "PA1",
        "Head of Early Help \u2013 Ren\u00e9e Achebe",
        dt.date(2025, 3, 31),  # the target, not the day it was last reviewed
    )
    assert [(s.ref, s.title) for s in draft.sections] == [
        ("PA1", "The partnership\u2019s understanding of early help")
    ]


# --------------------------------------------------------------------------- the third round


def test_statuses_with_a_coloured_emoji_are_read_by_their_words_or_colour() -> None:
    assert parse_rag("🟢 On track") == ("green", True)
    assert parse_rag("🟠 Some delay") == ("amber", True)
    assert parse_rag("✅ Complete") == ("complete", True)
    assert parse_rag("🔴") == ("red", True)
    assert parse_rag("⚪ Not started") == (None, True)  # no colour yet, and said so


def test_open_and_closed_tables_on_one_sheet_under_recommendations_listed_above(tmp_path: Path) -> None:
    from openpyxl.styles import Font

    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(["Review recommendations"])
        sheet.append(["Rec 1", "Partners should ensure that practitioners understand learning disability"])
        sheet.append(["Rec 2", "The partnership should seek assurance about pre-birth assessments"])
        sheet.append([])
        for title, header, row in (
            ("OPEN ACTIONS", ["Ref", "Rec", "Action", "Lead", "Target date", "RAG"],
             ["1.2", "Rec 1", "Adopt the toolkit", "Children's Social Care", "June 2025", "A"]),
            ("CLOSED ACTIONS", ["Ref", "Rec", "Action", "Lead", "Original target date", "Date closed"],
             ["2.1", "Rec 2", "Refresh the protocol", "LSCP Business Unit", "31 October 2024", "4 November 2024"]),
        ):  # fmt: skip
            sheet.append([title])
            sheet.cell(sheet.max_row, 1).font = Font(bold=True)
            sheet.append(header)
            sheet.append(row)
            sheet.append([])

    draft = _xlsx(tmp_path, build)
    assert [(a.ref, a.section, a.due, a.rag) for a in draft.actions] == [
        ("1.2", "1", dt.date(2025, 6, 30), "amber"),
        ("2.1", "2", dt.date(2024, 10, 31), "complete"),  # closed: complete, due when it was due
    ]
    assert [(s.ref, s.title) for s in draft.sections][:2] == [
        ("1", "Partners should ensure that practitioners understand learning disability"),
        ("2", "The partnership should seek assurance about pre-birth assessments"),
    ]


def test_a_sheet_area_row_merged_across_with_its_code_opens_that_section(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(["Ref", "Action", None, "Lead(s)", None, "Target date", "Status"])
        sheet.append(["PA1 – Priority action 1: Strengthen the front door response to exploitation"])
        sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=7)
        sheet.append(
            ["PA1.1", "Review MASH screening", None, "Head of MASH", None, "30 April 2025", "✅ Complete"]
        )
        sheet.merge_cells("B3:C3")
        sheet.merge_cells("D3:E3")

    draft = _xlsx(tmp_path, build)
    assert [(a.ref, a.section, a.owner, a.rag) for a in draft.actions] == [
        ("PA1.1", "PA1", "Head of MASH", "complete")
    ]


def _pdf(tmp_path: Path, html: str) -> PlanDraft:
    from weasyprint import HTML

    path = tmp_path / "plan.pdf"
    HTML(string=html).write_pdf(path)
    return import_document(path)


ROWS = [
    ("NEG-01", "Relaunch the Graded Care Profile", "Head of Early Help", "Q3 2025/26", "On track"),
    ("NEG-02", "Train a further 150 practitioners", "Learning Lead", "31/03/2026", "At risk"),
    ("NEG-03", "Produce a neglect toolkit for schools", "Education Lead", "Dec 2025", "Off track"),
]


def _plan_html(table_style: str, cell_style: str, header_style: str) -> str:
    body = "".join(
        "<tr>" + "".join(f'<td style="{cell_style}">{value}</td>' for value in row) + "</tr>" for row in ROWS
    )
    names = "".join(
        f'<th style="{header_style}">{n}</th>'
        for n in ["Ref", "What we will do", "Lead", "By when", "Status"]
    )
    return (
        "<html><body style='font: 10pt sans-serif'><h1>Delivery plan</h1>"
        f'<table style="border-collapse: collapse; width: 100%; {table_style}"><tr>{names}</tr>{body}</table>'
        "</body></html>"
    )


def test_a_pdf_table_ruled_only_across_reads_its_columns_from_the_header(tmp_path: Path) -> None:
    # the header's cells shaded (so drawn with edges), the body ruled by horizontal lines only
    draft = _pdf(
        tmp_path,
        _plan_html(
            "border: 1px solid black",
            "border-bottom: 1px solid black; padding: 4px",
            "background: #ddd; padding: 4px",
        ),
    )
    assert [(a.ref, a.text, a.owner, a.due_text, a.rag) for a in draft.actions] == [
        (ref, text, lead, due, {"On track": "green", "At risk": "amber", "Off track": "red"}[status])
        for ref, text, lead, due, status in ROWS
    ]


def test_a_pdf_table_without_borders_is_read_as_columns_not_as_its_shaded_cells(tmp_path: Path) -> None:
    shaded = "background: #ddd; padding: 6px"
    html = _plan_html("", "padding: 6px", shaded).replace(
        '<td style="padding: 6px">On track', f'<td style="{shaded}">On track'
    )
    draft = _pdf(tmp_path, html)
    assert [a.ref for a in draft.actions] == ["NEG-01", "NEG-02", "NEG-03"]


def test_a_trackers_group_row_gives_the_areas_code_and_a_pointer_row_ends_nothing_but_itself() -> None:
    html = (
        "<table><thead><tr><th>Ref</th><th>Action</th><th>Owner</th><th>Target date</th></tr></thead><tbody>"
        '<tr class="group-row"><td colspan="4">AFI1 Area for improvement 1: Consent and information sharing (2 actions)</td></tr>'
        "<tr><td>AFI1.1</td><td>Agree a consent protocol</td><td>Head of Early Help</td><td>31 Mar 2025</td></tr>"
        "<tr><td>AFI1.2</td><td>As above – covered by AFI1.1</td><td></td><td></td></tr>"
        '<tr class="group-row"><td colspan="4">AFI2 – Area for improvement 2: Step up and step down between early help '
        "and children's social care for children and their families</td></tr>"
        "<tr><td>AFI2.1</td><td>Superseded – merged into AFI1.1</td><td></td><td></td></tr>"
        "<tr><td>AFI2.2</td><td>Audit step-down decisions</td><td>QA Lead</td><td>30 Jun 2025</td></tr>"
        "</tbody></table>"
    )
    draft = import_document(html.encode(), filename="tracker.html")
    assert [(a.ref, a.section) for a in draft.actions] == [("AFI1.1", "AFI1"), ("AFI2.2", "AFI2")]
    assert [(s.ref, s.title) for s in draft.sections][:1] == [("AFI1", "Consent and information sharing")]


# --------------------------------------------------------------------------- the fourth round


def test_bulleted_actions_with_their_own_references_in_one_cell_are_an_action_each(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        table = document.add_table(rows=2, cols=5)
        for cell, name in zip(
            table.rows[0].cells, ["Outcome", "Actions", "Lead", "Timescale", "RAG"], strict=True
        ):
            cell.text = name
        cells = table.rows[1].cells
        cells[0].text = "Leaders understand how much neglect there is"
        first = cells[1].paragraphs[0]
        first.text = "4.1a Develop a neglect dataset for the performance scorecard"
        first.style = document.styles["List Bullet"]
        cells[1].add_paragraph("4.1b Publish an annual neglect profile", style="List Bullet")
        cells[2].text, cells[3].text, cells[4].text = "Head of Business Intelligence", "Q4 2025/26", "Green"

    draft = _docx(tmp_path, build)
    assert [(a.ref, a.text, a.owner, a.due, a.rag) for a in draft.actions] == [
        ("4.1a", "Develop a neglect dataset for the performance scorecard", "Head of Business Intelligence",
         dt.date(2026, 3, 31), "green"),
        ("4.1b", "Publish an annual neglect profile", "Head of Business Intelligence", dt.date(2026, 3, 31), "green"),
    ]  # fmt: skip
    assert any("listed in one cell" in w.message for w in draft.warnings)
