"""Cells written to CSV and Excel files are data, never formulas (formula injection): one rule for
every export (the API's CSV, the board pack's workbook, the scorecard's files). Text written into
Excel and Word files holds only characters XML can carry."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl import Workbook

# A spreadsheet runs a cell opening with one of these as a formula (tab and carriage return too,
# which some programs strip before looking).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# What XML 1.0 cannot hold: C0 controls but tab, newline and carriage return, lone surrogates,
# U+FFFE and U+FFFF. Word's manual line break (U+000B) and page break (U+000C) come in with text
# pasted from Word; openpyxl and python-docx refuse the whole file over one of them.
_LINE_BREAKS = re.compile("[\x0b\x0c]")
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    """Text as an Excel cell or a Word run can hold it (Word's breaks as newlines, other control
    characters left out); anything but text as it is."""
    if not isinstance(value, str):
        return value
    return _NOT_XML.sub("", _LINE_BREAKS.sub("\n", value))


def csv_safe(value: Any) -> str:
    """Text for a CSV cell; a formula is kept as text by a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def cell_safe(value: Any) -> Any:
    """A value for a CSV cell: numbers and dates as they are, text as `csv_safe`. Not for an Excel
    cell, where the apostrophe would show: there `xml_safe` and `no_formulas` keep text as text."""
    return csv_safe(xml_safe(value)) if isinstance(value, str) else value


def no_formulas(wb: Workbook) -> None:
    """Every cell is data: a text that openpyxl would store as a formula (=HYPERLINK(...)) is kept
    as text, shown exactly as written and never run by Excel."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
