"""What the spreadsheet and table readers share: a cell's value as a person sees it, and a grid row
turned into an ``Item`` (Excel .xlsx and .xls, OpenDocument .ods and .odt)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..model import Location
from .base import Item

# a number format's day code ('d', 'dd', 'ddd'), outside quoted text and [colour]/[$-locale] parts
_DAY_CODE = re.compile(r"d", re.I)
_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def shows_day(number_format: str | None) -> bool:
    """Whether a date cell's number format shows the day ('dd/mm/yyyy'), or only the month and year
    ('mmm-yy', 'mmmm yyyy'): a month typed into a date cell is stored as its first day, and read
    by whoever sees the sheet as the month."""
    if not number_format or number_format.lower() == "general":
        return True
    return bool(_DAY_CODE.search(_FORMAT_NOISE.sub("", number_format)))


def value_text(value: Any, number_format: str | None = None, *, day_shown: bool | None = None) -> str:
    """A cell's value as text: a date as '1 March 2024' (or 'March 2024' when its format shows no
    day: ``day_shown`` says so directly where the format is not an Excel number format), a whole
    number without '.0'."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        if day_shown is None:
            day_shown = shows_day(number_format)
        if not day_shown:
            return f"{value:%B %Y}"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return f"{value.day} {value:%B %Y}"
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, int | float) and not isinstance(value, bool) and number_format:
        places = _FIXED_PLACES.match(number_format)
        if places:  # '0.00' shows 1.1 as '1.10' (action 1.10, typed as a number) and 2 as '2.00'
            return f"{value:.{len(places[1])}f}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# a number format with a fixed count of decimal places and nothing else ('0.0', '0.00')
_FIXED_PLACES = re.compile(r"^0\.(0{1,4})$")


@dataclass
class GridCell:
    """One cell of a sheet or table row as the reader found it."""

    text: str = ""
    fill: str | None = None  # the RAG colour its shading shows
    bold: bool = False  # all its text in bold
    spread: bool = False  # merged across the next column(s)
    struck: bool = False  # its text struck through
    indent: int = 0  # its indentation level (a tool's export showing a tree by indenting names)


def row_item(
    cells: list[GridCell],
    *,
    table: int,
    location: Location,
    hidden: bool = False,
    trim: bool = True,
) -> Item | None:
    """A grid row as an ``Item``. ``trim`` (sheets): trailing empty unshaded cells are dropped and a
    row with no text is None; a Word or Writer table keeps every row at its full width. A row whose
    one cell with text is merged across columns or in bold is a banner: a heading across the table."""
    if trim:
        cells = list(cells)
        while cells and not cells[-1].text and not cells[-1].fill:
            cells.pop()
        if not any(cell.text for cell in cells):
            return None
    texts = [cell.text for cell in cells]
    fills = [cell.fill for cell in cells]
    filled = [k for k, text in enumerate(texts) if text]
    banner = len(filled) == 1 and (cells[filled[0]].spread or cells[filled[0]].bold)
    return Item(
        text="\t".join(texts),
        cells=texts,
        table=table,
        fills=fills if any(fills) else None,
        location=location,
        grid=True,
        merges_shown=True,
        banner=banner,
        hidden=hidden,
        struck=all(cells[k].struck for k in filled),
        bold=all(cells[k].bold for k in filled),
        indent=cells[filled[0]].indent if filled else 0,
    )
