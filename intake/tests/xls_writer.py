"""Tests only: an openpyxl workbook saved as a legacy Excel (.xls) file with xlwt, keeping what the
.xls reader reads (values, date formats, bold, solid fills, merged ranges, hidden rows, columns and
sheets), so a test builds a sheet once and imports it as both .xlsx and .xls without committing
binary files. xlwt is unmaintained and a dev dependency only."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any


def xls_bytes(book: Any) -> bytes:
    """The workbook (openpyxl) as .xls bytes."""
    import xlwt
    from openpyxl.utils import column_index_from_string

    out = xlwt.Workbook()
    palette: dict[str, int] = {}  # an RGB fill -> the custom palette slot holding it
    styles: dict[tuple[str, bool, int | None], Any] = {}

    def colour(rgb: str) -> int:
        rgb = rgb[-6:].upper()
        if rgb not in palette:
            index = 16 + len(palette)  # slots 16..63 of the workbook's palette
            name = f"plan_colour_{index}"
            xlwt.add_palette_colour(name, index)
            out.set_colour_RGB(index, int(rgb[0:2], 16), int(rgb[2:4], 16), int(rgb[4:6], 16))
            palette[rgb] = index
        return palette[rgb]

    def style(cell: Any) -> Any:
        fill = cell.fill
        solid = fill is not None and fill.patternType == "solid" and fill.fgColor.type == "rgb"
        key = (
            cell.number_format or "General",
            bool(cell.font.b),
            colour(fill.fgColor.rgb) if solid else None,
        )
        if key not in styles:
            made = xlwt.XFStyle()
            made.num_format_str = key[0]
            font = xlwt.Font()
            font.bold = key[1]
            made.font = font
            if key[2] is not None:
                pattern = xlwt.Pattern()
                pattern.pattern = xlwt.Pattern.SOLID_PATTERN
                pattern.pattern_fore_colour = key[2]
                made.pattern = pattern
            alignment = xlwt.Alignment()
            alignment.wrap = 1
            made.alignment = alignment
            styles[key] = made
        return styles[key]

    for sheet in book.worksheets:
        target = out.add_sheet(sheet.title[:31], cell_overwrite_ok=True)
        for row in sheet.iter_rows():
            for cell in row:
                if cell.__class__.__name__ == "MergedCell":
                    continue
                value = cell.value
                if value is None and not (cell.fill is not None and cell.fill.patternType == "solid"):
                    continue
                if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                    value = dt.datetime.combine(value, dt.time())
                target.write(cell.row - 1, cell.column - 1, value if value is not None else "", style(cell))
        for merged in sheet.merged_cells.ranges:
            target.merge(merged.min_row - 1, merged.max_row - 1, merged.min_col - 1, merged.max_col - 1)
        for r, dimension in sheet.row_dimensions.items():
            if dimension.hidden:
                target.row(r - 1).hidden = True
        for letter, dimension in sheet.column_dimensions.items():
            if dimension.hidden:
                first = dimension.min or column_index_from_string(letter)
                for c in range(first, (dimension.max or first) + 1):
                    target.col(c - 1).hidden = True
        if sheet.sheet_state != "visible":
            target.visibility = 1
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
