"""Legacy Excel (.xls, Excel 97-2003) plans are read as their .xlsx counterparts are: merged leads,
month and day dates, RAG by shading only, hidden rows, columns and sheets, limits, damage. The files
are written by xlwt from a workbook built with openpyxl (``xls_writer``): no binary is committed."""

from __future__ import annotations

import datetime as dt
import io
import re
from types import ModuleType

import pytest

from intake.importer.api import import_document
from intake.importer.errors import DocumentError, LimitExceeded
from intake.importer.model import ImportLimits
from intake.importer.readers import read_document

from .sheet_plans import tracker_book, tracker_gold
from .xls_writer import xls_bytes


def _xlsx_bytes(book: object) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def test_a_legacy_excel_tracker_imports_as_its_gold(scorer: ModuleType) -> None:
    draft = import_document(xls_bytes(tracker_book()), filename="tracker.xls")
    result = scorer.score(draft.to_dict(), tracker_gold("tracker.xls"))
    assert (result["f1"], result["field_mean"]) == (1.0, 1.0), result
    assert [a.progress for a in draft.actions] == [
        "Draft shared with the executive group.", None, "40 staff attended so far.", "Published in April.",
    ]  # fmt: skip


def test_the_xls_reader_gives_the_rows_the_xlsx_reader_gives() -> None:
    xlsx = read_document(_xlsx_bytes(tracker_book()), "tracker.xlsx", ImportLimits())
    xls = read_document(xls_bytes(tracker_book()), "tracker.xls", ImportLimits())
    assert xls.fmt == "xls"
    fields = ("cells", "fills", "banner", "hidden", "table", "location", "grid", "merges_shown")
    assert [[getattr(i, f) for f in fields] for i in xls.items] == [
        [getattr(i, f) for f in fields] for i in xlsx.items
    ]


def test_merged_cells_dates_shading_and_hidden_parts_of_an_xls() -> None:
    items = read_document(xls_bytes(tracker_book()), "tracker.xls", ImportLimits()).items
    rows = {item.cells[0]: item for item in items if item.cells}
    # the lead merged over 1.1 and 1.2 shows in both; the hidden 'Check' column is left out
    assert rows["1.1"].cells == ["1.1", "Refresh the threshold document with partners", "Head of Early Help",
                                 "March 2024", "", "Draft shared with the executive group."]  # fmt: skip
    assert rows["1.2"].cells[2:4] == ["Head of Early Help", "14 June 2024"]
    assert [rows[ref].fills for ref in ("1.1", "1.2")] == [
        [None, None, None, None, "green", None],
        [None, None, None, None, "amber"],  # the empty cells after the last shaded one are left off
    ]
    assert rows["1.3"].hidden and not rows["1.2"].hidden
    assert rows["1. Early help and thresholds"].banner  # merged across the table, in bold
    assert "Lists" not in {item.location.sheet for item in items}  # a hidden sheet


def test_an_xls_is_recognised_without_its_name() -> None:
    draft = import_document(xls_bytes(tracker_book()), filename="tracker")
    assert [a.ref for a in draft.actions] == ["1.1", "1.2", "2.1", "2.2"]


def test_a_date_cell_outside_excels_dates_is_shown_as_its_number() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ref", "Action", "Due by"])
    sheet.append(["1", "Refresh the toolkit", dt.datetime(2025, 1, 31)])
    sheet.append(["2", "Audit", -5])
    sheet.append(["3", "Brief the board", 0.5])
    sheet["C3"].number_format = "dd/mm/yyyy"
    sheet["C4"].number_format = "hh:mm"
    items = read_document(xls_bytes(book), "dates.xls", ImportLimits()).items
    assert [item.cells for item in items][1:] == [
        ["1", "Refresh the toolkit", "31 January 2025"],
        ["2", "Audit", "-5"],
        ["3", "Brief the board", "12:00"],
    ]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "This Excel (.xls) file could not be opened"),
        (b"Ref\tAction\n" * 5 + bytes(range(256)), "not a text document"),
    ],
    ids=["damaged", "not-an-excel-file"],
)
def test_a_damaged_xls_is_refused_with_a_clear_message(data: bytes, says: str) -> None:
    with pytest.raises(DocumentError, match=re.escape(says)):
        import_document(data, filename="plan.xls")


def test_a_truncated_xls_is_a_document_error() -> None:
    data = xls_bytes(tracker_book())
    for cut in (len(data) // 2, len(data) - 700, 1500):
        with pytest.raises(DocumentError):
            import_document(data[:cut], filename="plan.xls")


def test_an_xls_over_the_row_limit_is_refused() -> None:
    with pytest.raises(LimitExceeded, match="more than 5 rows"):
        import_document(xls_bytes(tracker_book()), filename="plan.xls", limits=ImportLimits(max_rows=5))


def test_an_xls_sheet_over_the_cell_limit_is_refused() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ref", "Action"])
    sheet.cell(60, 60, "far away")
    with pytest.raises(LimitExceeded, match="larger than the limit of 50 rows"):
        import_document(xls_bytes(book), filename="plan.xls", limits=ImportLimits(max_rows=50))


def test_an_old_word_file_is_still_refused_with_what_to_save_it_as() -> None:
    word = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "WordDocument".encode("utf-16-le") + b"\0" * 100
    )
    for name in ("plan.doc", "plan"):
        with pytest.raises(DocumentError, match=r"Old Word files \(\.doc, Word 97-2003\) are not supported"):
            import_document(word, filename=name)
