"""LibreOffice plans: spreadsheets (.ods) read as Excel workbooks are and text documents (.odt) as
Word documents are, with merged cells, date cells, RAG by shading only, hidden rows, columns and
sheets; a sheet's million repeated empty rows are skipped, not expanded; damaged, entity-laden and
over-size files are refused. The files are written by hand in ``odf_writer`` (no binary committed)."""

from __future__ import annotations

import io
import re
import time
import zipfile
from types import ModuleType
from typing import Any

import pytest

from intake.importer.api import import_document
from intake.importer.errors import DocumentError, LimitExceeded
from intake.importer.model import ImportLimits
from intake.importer.readers import read_document

from .conftest import gold_action, gold_plan, word_table
from .odf_writer import ods_bytes, odt_bytes, package
from .sheet_plans import tracker_book, tracker_gold


def _sheet(rows: str, columns: str = "") -> bytes:
    """An .ods of one sheet holding these rows (table:table-row elements written by hand)."""
    body = f'<office:body><office:spreadsheet><table:table table:name="Plan">{columns}{rows}'
    return package("spreadsheet", body + "</table:table></office:spreadsheet></office:body>")


def _row(*cells: str, attrs: str = "") -> str:
    inner = "".join(
        f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
        if c
        else "<table:table-cell/>"
        for c in cells
    )
    return f"<table:table-row{attrs}>{inner}</table:table-row>"


def _cells(data: bytes, filename: str = "plan.ods") -> list[list[str]]:
    return [
        item.cells for item in read_document(data, filename, ImportLimits()).items if item.cells is not None
    ]


def _saved(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


HEADER = _row("Ref", "Action", "Lead", "Due by")


# --------------------------------------------------------------------------- whole plans


def test_a_libreoffice_calc_tracker_imports_as_its_gold(scorer: ModuleType) -> None:
    draft = import_document(ods_bytes(tracker_book()), filename="tracker.ods")
    result = scorer.score(draft.to_dict(), tracker_gold("tracker.ods"))
    assert (result["f1"], result["field_mean"]) == (1.0, 1.0), result
    assert draft.actions[0].progress == "Draft shared with the executive group."


def test_the_ods_reader_gives_the_rows_the_xlsx_reader_gives() -> None:
    xlsx = read_document(_saved(tracker_book()), "tracker.xlsx", ImportLimits())
    ods = read_document(ods_bytes(tracker_book()), "tracker.ods", ImportLimits())
    assert ods.fmt == "ods"
    fields = ("cells", "fills", "banner", "hidden", "table", "location", "grid", "merges_shown")
    assert [[getattr(i, f) for f in fields] for i in ods.items] == [
        [getattr(i, f) for f in fields] for i in xlsx.items
    ]


def _word_plan() -> Any:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("Exploitation Delivery Plan 2024", style="Title")
    document.add_heading("1. Child exploitation", 2)
    table = word_table(
        document,
        [
            ["Ref", "Action", "Lead", "Due by", "RAG"],
            ["1.1", "Map exploitation hotspots with the police", "DI Jones", "May 2025", ""],
            ["1.2", "Disrupt county lines activity", "", "31/07/2025", ""],
        ],
    )
    table.cell(1, 2).merge(table.cell(2, 2)).text = "DI Jones"
    for r, colour in ((1, "00B050"), (2, "FF0000")):
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), colour)
        table.cell(r, 4)._tc.get_or_add_tcPr().append(shading)
    document.add_heading("2. Missing children", 2)
    word_table(
        document,
        [
            ["Ref", "Action", "Lead", "Due by", "RAG"],
            ["2.1", "Refresh the missing children protocol", "Service Manager, MASH", "Q3 2025/26", "Amber"],
        ],
    )
    return document


def test_a_libreoffice_writer_plan_imports_as_its_gold(scorer: ModuleType) -> None:
    gold = gold_plan(
        "plan.odt",
        [("1", "Child exploitation", None), ("2", "Missing children", None)],
        [
            gold_action("1.1", "1", "Map exploitation hotspots with the police", "DI Jones", "May 2025",
                        "2025-05-31", "green"),
            gold_action("1.2", "1", "Disrupt county lines activity", "DI Jones", "31/07/2025", "2025-07-31", "red"),
            gold_action("2.1", "2", "Refresh the missing children protocol", "Service Manager, MASH",
                        "Q3 2025/26", "2025-12-31", "amber"),
        ],
    )  # fmt: skip
    draft = import_document(odt_bytes(_word_plan()), filename="plan.odt")
    result = scorer.score(draft.to_dict(), gold)
    assert (result["f1"], result["field_mean"]) == (1.0, 1.0), result
    assert draft.plan.title == "Exploitation Delivery Plan 2024"


def test_the_odt_reader_gives_the_items_the_docx_reader_gives() -> None:
    document = _word_plan()
    docx_items = read_document(_saved(document), "plan.docx", ImportLimits()).items
    odt = read_document(odt_bytes(document), "plan.odt", ImportLimits())
    assert odt.fmt == "odt"
    fields = ("text", "cells", "heading", "fills", "banner", "table", "grid", "merges_shown")
    assert [[getattr(i, f) for f in fields] for i in odt.items] == [
        [getattr(i, f) for f in fields] for i in docx_items
    ]


def test_an_opendocument_file_is_recognised_without_its_name() -> None:
    assert [a.ref for a in import_document(ods_bytes(tracker_book()), filename="upload").actions] == [
        "1.1", "1.2", "2.1", "2.2",
    ]  # fmt: skip
    assert len(import_document(odt_bytes(_word_plan()), filename="upload").actions) == 3


# --------------------------------------------------------------------------- what a cell holds


def test_cell_paragraphs_lists_spaces_dates_and_struck_or_comment_text() -> None:
    styles = (
        '<style:style style:name="gone" style:family="text">'
        '<style:text-properties style:text-line-through-style="solid"/></style:style>'
        '<style:style style:name="month" style:family="table-cell" style:data-style-name="MONTH"/>'
    )
    cell = (
        '<table:table-cell office:value-type="string"><text:p>Refresh the toolkit</text:p>'
        "<text:list><text:list-item><text:p>with<text:s text:c='2'/>schools</text:p></text:list-item>"
        "<text:list-item><text:p>with GPs<text:span text:style-name='gone'> and dentists</text:span>"
        "</text:p></text:list-item></text:list>"
        "<office:annotation><text:p>Check with Jo</text:p></office:annotation></table:table-cell>"
    )
    dates = (
        '<table:table-cell office:value-type="date" office:date-value="2024-03-01" table:style-name="month">'
        "<text:p>Mar-24</text:p></table:table-cell>"
        '<table:table-cell office:value-type="date" office:date-value="2024-06-14T00:00:00">'
        "<text:p>14/06/24</text:p></table:table-cell>"
        '<table:table-cell office:value-type="float" office:value="2"/>'
    )
    body = (
        '<office:body><office:spreadsheet><table:table table:name="Plan">'
        f"{HEADER}<table:table-row><table:table-cell><text:p>1</text:p></table:table-cell>{cell}{dates}"
        "</table:table-row></table:table></office:spreadsheet></office:body>"
    )
    cells = _cells(package("spreadsheet", body, styles))
    assert cells[1] == [
        "1",
        "Refresh the toolkit\n<li>with  schools\n<li>with GPs",
        "March 2024",
        "14 June 2024",
        "2",
    ]


def test_merged_cells_are_shown_in_every_row_and_a_merged_bold_row_is_a_banner() -> None:
    styles = '<style:style style:name="b" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>'  # noqa: E501
    rows = (
        HEADER + '<table:table-row><table:table-cell table:style-name="b" table:number-columns-spanned="4">'
        "<text:p>1. Neglect</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated='3'/>"
        "</table:table-row>"
        "<table:table-row><table:table-cell><text:p>1.1</text:p></table:table-cell><table:table-cell><text:p>Audit"
        '</text:p></table:table-cell><table:table-cell table:number-rows-spanned="2"><text:p>Head of Service'
        "</text:p></table:table-cell><table:table-cell><text:p>May 2025</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>1.2</text:p></table:table-cell><table:table-cell><text:p>Train"
        "</text:p></table:table-cell><table:covered-table-cell/><table:table-cell/></table:table-row>"
    )
    body = f'<office:body><office:spreadsheet><table:table table:name="Plan">{rows}</table:table>'
    items = read_document(package("spreadsheet", body + "</office:spreadsheet></office:body>", styles), "p.ods",
                          ImportLimits()).items  # fmt: skip
    assert [(i.cells, i.banner) for i in items[1:]] == [
        (["1. Neglect"], True),
        (["1.1", "Audit", "Head of Service", "May 2025"], False),
        (["1.2", "Train", "Head of Service"], False),
    ]


def test_rows_hidden_by_hand_are_marked_rows_hidden_by_a_filter_are_read_and_hidden_columns_left_out() -> (
    None
):
    columns = (
        '<table:table-column table:number-columns-repeated="2"/>'
        '<table:table-column table:visibility="collapse"/><table:table-column table:number-columns-repeated="2"/>'
    )
    rows = (
        _row("Ref", "Action", "Helper", "Lead", "Due by")
        + _row("1", "Audit", "x", "QA Lead", "May 2025")
        + _row("2", "Removed", "x", "QA Lead", "May 2025", attrs=' table:visibility="collapse"')
        + _row("3", "Train", "x", "QA Lead", "June 2025", attrs=' table:visibility="filter"')
    )
    items = read_document(_sheet(rows, columns), "plan.ods", ImportLimits()).items
    assert [(i.cells, i.hidden) for i in items] == [
        (["Ref", "Action", "Lead", "Due by"], False),
        (["1", "Audit", "QA Lead", "May 2025"], False),
        (["2", "Removed", "QA Lead", "May 2025"], True),
        (["3", "Train", "QA Lead", "June 2025"], False),
    ]
    assert [a.ref for a in import_document(_sheet(rows, columns), filename="plan.ods").actions] == ["1", "3"]


def test_a_million_repeated_empty_rows_and_columns_are_skipped_not_expanded() -> None:
    rows = (
        HEADER
        + _row("1", "Audit", "QA Lead", "May 2025")
        + '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
        + _row("2", "Train", "QA Lead", "June 2025")
        + '<table:table-row table:number-rows-repeated="2147483647"><table:table-cell/></table:table-row>'
    )
    started = time.perf_counter()
    items = read_document(_sheet(rows), "plan.ods", ImportLimits()).items
    assert time.perf_counter() - started < 2
    assert [(i.cells, i.location.row) for i in items][1:] == [
        (["1", "Audit", "QA Lead", "May 2025"], 2),
        (["2", "Train", "QA Lead", "June 2025"], 1048573),
    ]


def test_a_shaded_empty_rag_cell_at_the_end_of_a_row_is_kept() -> None:
    styles = '<style:style style:name="red" style:family="table-cell"><style:table-cell-properties fo:background-color="#ff0000"/></style:style>'  # noqa: E501
    rows = (
        _row("Ref", "Action", "RAG")
        + "<table:table-row><table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell><text:p>Audit"
        '</text:p></table:table-cell><table:table-cell table:style-name="red" table:number-columns-repeated="9000"/>'
        '<table:table-cell table:number-columns-repeated="7000"/></table:table-row>'
    )
    body = f'<office:body><office:spreadsheet><table:table table:name="Plan">{rows}</table:table>'
    items = read_document(package("spreadsheet", body + "</office:spreadsheet></office:body>", styles), "p.ods",
                          ImportLimits()).items  # fmt: skip
    assert items[1].cells[:3] == ["1", "Audit", ""] and items[1].fills is not None
    assert items[1].fills[2] == "red" and len(items[1].cells) <= 70
    assert (
        import_document(
            package("spreadsheet", body + "</office:spreadsheet></office:body>", styles), filename="p.ods"
        )
        .actions[0]
        .rag
        == "red"
    )


# --------------------------------------------------------------------------- refused


def test_repeated_rows_with_text_count_against_the_row_limit() -> None:
    rows = HEADER + _row("1", "Audit", "QA Lead", "May 2025", attrs=' table:number-rows-repeated="1000000"')
    with pytest.raises(LimitExceeded, match="more than 50000 table rows"):
        import_document(_sheet(rows), filename="plan.ods")


def test_a_sheet_with_too_many_cells_is_refused() -> None:
    row = _row(*(["x"] * 80))
    with pytest.raises(LimitExceeded, match="more than 250 cells"):
        import_document(_sheet(row * 4), filename="plan.ods", limits=ImportLimits(max_rows=5))


def test_an_ods_over_the_row_limit_is_refused() -> None:
    with pytest.raises(LimitExceeded, match="more than 5 table rows"):
        import_document(ods_bytes(tracker_book()), filename="plan.ods", limits=ImportLimits(max_rows=5))


def _zip(entries: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


ENTITIES = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    "<office:document-content xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'>&b;"
    "</office:document-content>"
)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"this is not a zip", "This OpenDocument file is damaged or is not really an OpenDocument file"),
        (_zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), "has no content.xml"),
        (_zip({"content.xml": "<office:document-content><unclosed>"}), "content.xml is not well-formed XML"),
        (_zip({"content.xml": ENTITIES}), "declares XML entities"),
        (
            _zip({"content.xml": "<x xmlns='urn:oasis:names:tc:opendocument:xmlns:office:1.0'/>"}),
            "neither a spreadsheet (.ods) nor a text document (.odt)",
        ),
    ],
    ids=["not-a-zip", "no-content", "malformed", "entities", "no-body"],
)
def test_a_damaged_or_suspicious_opendocument_file_is_refused(data: bytes, says: str) -> None:
    for name in ("plan.ods", "plan.odt"):
        with pytest.raises(DocumentError, match=re.escape(says)):
            import_document(data, filename=name)


def test_an_opendocument_zip_bomb_is_refused_before_decompressing() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        with archive.open("content.xml", "w") as member:
            for _ in range(12):
                member.write(b" " * (1024 * 1024))
    with pytest.raises(LimitExceeded, match="zip bomb"):
        import_document(
            buffer.getvalue(), filename="bomb.ods", limits=ImportLimits(max_uncompressed=10 * 1024 * 1024)
        )


def test_a_truncated_ods_is_a_document_error() -> None:
    data = ods_bytes(tracker_book())
    for cut in (len(data) // 2, len(data) - 30, 200):
        with pytest.raises(DocumentError):
            import_document(data[:cut], filename="plan.ods")
