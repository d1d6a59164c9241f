"""Legacy Excel (.xls, Excel 97-2003) workbooks, read with xlrd as the .xlsx reader reads a workbook:
every visible sheet's rows, merged ranges carried down, dates as their number format shows them,
bold and solid shading kept, hidden rows marked and hidden columns left out."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from ..errors import DocumentError, LimitExceeded
from ..model import ImportLimits, Location
from .base import Item, ReadResult, rag_colour
from .grid import GridCell, row_item, value_text

_SOLID = 1  # an XF record's fill pattern for a solid background


def _value(book: Any, cell: Any, number_format: str) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            year, month, day, hour, minute, second = xlrd.xldate_as_tuple(cell.value, book.datemode)
            if not year:  # a time of day alone
                return f"{hour:02d}:{minute:02d}"
            return value_text(dt.datetime(year, month, day, hour, minute, second), number_format)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return value_text(cell.value)  # a number outside Excel's dates: shown as the number
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return str(xlrd.error_text_from_code.get(cell.value, ""))
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    return value_text(cell.value)


def _cell(book: Any, cell: Any) -> GridCell:
    """A cell's text, its solid shading's RAG colour and whether its font is bold (from its XF)."""
    xf = book.xf_list[cell.xf_index] if 0 <= cell.xf_index < len(book.xf_list) else None
    if xf is None:
        return GridCell(text=_value(book, cell, "General"))
    number_format = getattr(book.format_map.get(xf.format_key), "format_str", "General")
    background = xf.background
    fill = None
    if background.fill_pattern == _SOLID:
        rgb = book.colour_map.get(background.pattern_colour_index)
        fill = rag_colour("{:02X}{:02X}{:02X}".format(*rgb)) if rgb else None
    font = book.font_list[xf.font_index] if 0 <= xf.font_index < len(book.font_list) else None
    return GridCell(text=_value(book, cell, number_format), fill=fill, bold=bool(font and font.bold))


def read_xls(data: bytes, limits: ImportLimits) -> ReadResult:
    try:
        import xlrd

        # the file's size is already within the limits; a .xls sheet holds at most 65,536 rows
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, on_demand=True, logfile=io.StringIO()
        )  # its warnings on damaged records are not for the web log
    except Exception as exc:  # xlrd raises many kinds on damaged records
        raise DocumentError(
            "This Excel (.xls) file could not be opened: it may be damaged, or "
            "saved in an Excel format older than Excel 97. Save it as .xlsx and import that."
        ) from exc
    items: list[Item] = []
    table_no = 0
    total_rows = 0
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.visibility != 0:
                continue  # a hidden sheet: the lists behind drop-downs, lookups, old rounds
            if sheet.nrows * max(sheet.ncols, 1) > limits.max_rows * 50:
                raise LimitExceeded(
                    f"Sheet '{sheet.name}' is larger than the limit of {limits.max_rows} rows."
                )
            fill: dict[tuple[int, int], str] = {}
            spread: set[tuple[int, int]] = set()  # cells merged across the next column(s)
            for first_row, end_row, first_col, end_col in sheet.merged_cells:
                if first_row >= sheet.nrows or first_col >= sheet.ncols:
                    continue
                top = _cell(book, sheet.cell(first_row, first_col)).text
                if end_col - first_col > 1:
                    spread.add((first_row, first_col))
                for row in range(first_row + 1, end_row):
                    fill[(row, first_col)] = top
            table_no += 1
            hidden_columns = {c for c, info in sheet.colinfo_map.items() if info.hidden}
            shown = [c for c in range(sheet.ncols) if c not in hidden_columns]
            for r in range(sheet.nrows):
                total_rows += 1
                if total_rows > limits.max_rows:
                    raise LimitExceeded(f"This Excel file has more than {limits.max_rows} rows.")
                cells = []
                for c in shown:
                    cell = _cell(book, sheet.cell(r, c))
                    cell.text = fill.get((r, c)) or cell.text
                    cell.spread = (r, c) in spread
                    cells.append(cell)
                info = sheet.rowinfo_map.get(r)
                # a .xls does not say whether a filter or a person hid a row: both are marked hidden
                item = row_item(
                    cells,
                    table=table_no,
                    location=Location(sheet=sheet.name, row=r + 1),
                    hidden=bool(info is not None and info.hidden),
                )
                if item is not None:
                    items.append(item)
            book.unload_sheet(index)
    except LimitExceeded:
        raise
    except Exception as exc:
        raise DocumentError(
            "This Excel (.xls) file could not be read: it may be damaged. Open it in Excel, save it again as .xlsx and upload that."
        ) from exc
    finally:
        book.release_resources()
    return ReadResult(items=items, fmt="xls")
