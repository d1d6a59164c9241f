"""Rules found on Word and Excel plans written blind in the fourteenth session's second round, each
in the smallest document that shows it."""

from __future__ import annotations

import datetime as dt
import io

import docx
import openpyxl
from openpyxl.styles import PatternFill

from intake.importer.api import import_document
from intake.importer.normalise import parse_due

FILLS = {"red": "FFFF0000", "amber": "FFFFC000", "green": "FF00B050"}


def _xlsx(rows: list[list[object]], fills: dict[str, str] | None = None) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    for cell, colour in (fills or {}).items():
        book.active[cell].fill = PatternFill("solid", start_color=FILLS[colour], end_color=FILLS[colour])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_outcome_row_across_a_sheet_heads_its_actions() -> None:
    rows = [
        ["Ref", "Action", "Lead", "Target date", "RAG"],
        ["Outcome 1: Children experiencing neglect are identified early", None, None, None, None],
        ["1.1", "Roll out the graded care profile.", "Early Help Lead", "March 2024", "G"],
        ["Outcome 2: Practitioners understand the lived experience of children", None, None, None, None],
        ["2.1", "Deliver neglect training.", "Training Manager", "June 2024", "A"],
    ]
    draft = import_document(_xlsx(rows), filename="neglect.xlsx")
    assert {a.ref: a.section for a in draft.actions} == {"1.1": "1", "2.1": "2"}


def test_a_rag_column_per_quarter_shown_only_by_colour_takes_the_latest_quarter_coloured() -> None:
    rows = [
        ["Ref", "Action", "Lead", "Target date", "RAG rating 2023/24", None, None, None],
        [None, None, None, None, "Q1", "Q2", "Q3", "Q4"],
        ["1.1", "Roll out the graded care profile.", "Early Help Lead", "March 2024", None, None, None, None],
        ["1.2", "Deliver neglect training.", "Training Manager", "June 2024", None, None, None, None],
    ]
    fills = {"E3": "green", "F3": "amber", "G3": "amber", "E4": "red", "F4": "amber"}
    draft = import_document(_xlsx(rows, fills), filename="quarters.xlsx")
    assert {a.ref: a.rag for a in draft.actions} == {"1.1": "amber", "1.2": "amber"}


def test_a_documents_heading_number_before_an_areas_label_gives_way_to_the_label() -> None:
    """'4. Priority action 1' over actions 1.1, 1.2: the area is 1, not the document's section 4."""
    document = docx.Document()
    for number, title in ((4, "Priority action 1"), (5, "Priority action 2")):
        document.add_heading(f"{number}. {title}", level=2)
        table = document.add_table(rows=0, cols=4)
        for cells in (
            ["Ref", "Action", "Lead", "By when"],
            [f"{number - 3}.1", "Audit strategy meetings.", "Police", "May 2024"],
        ):
            for cell, text in zip(table.add_row().cells, cells, strict=True):
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    draft = import_document(out.getvalue(), filename="wsoa.docx")
    assert {a.ref: a.section for a in draft.actions} == {"1.1": "1", "2.1": "2"}


def test_a_status_opening_the_progress_rates_an_action_with_no_status_of_its_own() -> None:
    text = (
        "<b>Ref</b>\t<b>Action</b>\t<b>Lead</b>\t<b>By when</b>\t<b>Progress</b>\n"
        "1.1\tPublish the neglect strategy.\tBusiness Manager\tBy end of 2023\tGREEN – published in May.\n"
        "1.2\tAudit neglect cases.\tQA Group\tMarch 2024\tAmber: fieldwork delayed.\n"
        "1.3\tTrain practitioners.\tTraining Manager\tJune 2024\tRedesigned the course.\n"
    )
    draft = import_document(text.encode(), filename="plan.txt")
    assert {a.ref: a.rag for a in draft.actions} == {"1.1": "green", "1.2": "amber", "1.3": None}
    assert draft.actions[0].due == dt.date(2023, 12, 31)


def test_a_year_named_as_a_deadline_is_the_years_last_day() -> None:
    assert parse_due("By end of 2023") == dt.date(2023, 12, 31)
    assert parse_due("During 2024") == dt.date(2024, 12, 31)
    assert parse_due("2024") is None  # alone, as often a wrapped date's second line
    assert parse_due("Include within Locality PiP 2020/2021") is None
