"""Excel (.xlsx) workbooks: every sheet's used range as rows; merged ranges carried down."""

from __future__ import annotations

import io
from typing import Any

from ..errors import DocumentError, LimitExceeded
from ..model import ImportLimits, Location
from .base import Item, ReadResult, rag_colour
from .grid import GridCell, row_item, value_text
from .safezip import check_zip


def _shading(cell: Any) -> str | None:
    """The RAG colour of a cell's solid fill given as a colour value (theme colours are not read)."""
    fill = getattr(cell, "fill", None)
    if fill is None or fill.patternType != "solid" or fill.fgColor is None or fill.fgColor.type != "rgb":
        return None
    return rag_colour(str(fill.fgColor.rgb))


def _hidden_by_hand(dimension: Any) -> bool:
    """A row hidden by hand, not folded away in a collapsed outline group (Data > Group, Subtotal):
    a folded group's rows are part of the plan, only out of sight for now."""
    return bool(getattr(dimension, "hidden", False)) and not getattr(dimension, "outlineLevel", 0)


def _hidden_columns(sheet: Any) -> set[int]:
    """The columns hidden in a sheet (1-based): helper columns or old update rounds nobody sees.
    Columns folded away in a collapsed outline group (earlier quarters grouped under the latest)
    are part of the plan, and read."""
    from openpyxl.utils import column_index_from_string

    hidden: set[int] = set()
    for letter, dimension in sheet.column_dimensions.items():
        if _hidden_by_hand(dimension):
            first = dimension.min or column_index_from_string(letter)
            hidden.update(range(first, (dimension.max or first) + 1))
    return hidden


def _filtered(sheet: Any) -> bool:
    """Whether the sheet's autofilter hides rows (a filter is a view of the plan, not a deletion)."""
    return bool(sheet.auto_filter is not None and sheet.auto_filter.filterColumn)


def read_xlsx(data: bytes, limits: ImportLimits) -> ReadResult:
    check_zip(data, limits, "Excel")
    try:
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged parts
        raise DocumentError(
            "This Excel file could not be opened: it may be damaged, protected by a password or not an "
            "Excel workbook. Open it in Excel, save it again as .xlsx and upload that."
        ) from exc
    items: list[Item] = []
    table_no = 0
    total_rows = 0
    try:
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                continue  # a hidden sheet: the lists behind drop-downs, lookups, old rounds
            if sheet.max_row * max(sheet.max_column, 1) > limits.max_rows * 50:
                raise LimitExceeded(
                    f"Sheet '{sheet.title}' is larger than the limit of {limits.max_rows} rows."
                )
            fill: dict[tuple[int, int], str] = {}
            spread: set[tuple[int, int]] = set()  # cells merged across the next column(s)
            for merged in sheet.merged_cells.ranges:
                first = sheet.cell(merged.min_row, merged.min_col)
                top = value_text(first.value, first.number_format)
                if merged.max_col > merged.min_col:
                    spread.add((merged.min_row, merged.min_col))
                for row in range(merged.min_row + 1, merged.max_row + 1):
                    fill[(row, merged.min_col)] = top
            filled_rows = {row for row, _column in fill}
            table_no += 1
            hidden_columns = _hidden_columns(sheet)
            # rows hidden by hand are marked (the layout skips them: usually removed or archived
            # actions); rows hidden only by an active filter are read like the others
            filtered = _filtered(sheet)
            for r, row in enumerate(sheet.iter_rows(), start=1):
                if r not in filled_rows and all(cell.value is None for cell in row):
                    continue  # an empty row, perhaps formatted far below the plan: not counted, nothing read
                total_rows += 1
                if total_rows > limits.max_rows:
                    raise LimitExceeded(f"This Excel file has more than {limits.max_rows} rows.")
                shown = [(c, cell) for c, cell in enumerate(row, start=1) if c not in hidden_columns]
                item = row_item(
                    [
                        GridCell(
                            text=fill.get((r, c)) or value_text(cell.value, cell.number_format),
                            fill=_shading(cell),
                            bold=bool(getattr(cell.font, "b", False)),
                            struck=bool(getattr(cell.font, "strike", False)),
                            spread=(r, c) in spread,
                            indent=int(getattr(cell.alignment, "indent", 0) or 0),
                        )
                        for c, cell in shown
                    ],
                    table=table_no,
                    location=Location(sheet=sheet.title, row=r),
                    hidden=_hidden_by_hand(sheet.row_dimensions.get(r)) and not filtered,
                )
                if item is not None:
                    items.append(item)
    except LimitExceeded:
        raise
    except Exception as exc:
        raise DocumentError(
            "This Excel file could not be read: it may be damaged. Open it in Excel, save it again as .xlsx and upload that."
        ) from exc
    return ReadResult(items=items, fmt="xlsx")
