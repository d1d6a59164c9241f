"""The common representation every reader produces: an ordered list of rows and text lines."""

from __future__ import annotations

import colorsys
from dataclasses import dataclass, field

from ..model import Location


@dataclass
class Item:
    """One table row (``cells`` set) or one line of text (``cells`` None), in reading order."""

    text: str
    cells: list[str] | None = None
    heading: int = 0  # 1..6 for headings
    bold: bool = False
    table: int | None = None  # rows of the same table share this number
    # per cell, the RAG colour its shading shows ('red', 'amber', 'green', 'blue'), when any cell has one
    fills: list[str | None] | None = None
    location: Location = field(default_factory=Location)
    # the cells sit where they do in the document's grid (a Word, Excel or CSV table), so a row is read
    # by position rather than realigned by content
    grid: bool = False
    hidden: bool = False  # a row hidden in its sheet (usually a removed or archived action)
    struck: bool = False  # a sheet row whose every cell with text is struck through: removed, left visible
    # the reader repeats a merged cell's text in every row it spans (Word, Excel, HTML rowspan), so an
    # empty cell is empty, not the lower part of a lead cell merged over the rows above (as in a CSV
    # or text saved from such a table, where the merge is lost)
    merges_shown: bool = False
    # the row's one cell with text is merged across columns or wholly bold: a heading over the rows below
    banner: bool = False
    # the indentation level of the row's first cell with text (Smartsheet shows its tree so)
    indent: int = 0

    @property
    def is_row(self) -> bool:
        return self.cells is not None


@dataclass
class ReadResult:
    items: list[Item]
    fmt: str  # text | docx | odt | xlsx | xls | ods | csv | pdf
    laid_out: bool = False  # text from a PDF laid out in columns, without cell separators
    pages: int = 0
    raw_lines: list[str] = field(default_factory=list)


def rag_colour(hex_colour: str | None) -> str | None:
    """The RAG colour a cell's shading shows ('FF0000' -> 'red', 'FFC000' -> 'amber'), or None
    for white, greys, black and colours outside a RAG scheme."""
    text = (hex_colour or "").strip().lstrip("#")
    if len(text) == 8:
        text = text[2:]  # Excel writes ARGB
    if len(text) != 6:
        return None
    try:
        r, g, b = (int(text[k : k + 2], 16) / 255 for k in (0, 2, 4))
    except ValueError:
        return None
    hue, saturation, value = colorsys.rgb_to_hsv(r, g, b)
    # pale tints count (Office's 'lighter 60%' shades, Excel's good/neutral/bad fills), greys do not
    if saturation < (0.15 if value > 0.85 else 0.3) or value < 0.35:
        return None
    degrees = hue * 360
    if degrees < 18 or degrees >= 340:
        return "red"
    if degrees < 65:
        return "amber"  # orange and yellow
    if degrees < 170:
        return "green"
    if 185 <= degrees < 260:
        return "blue"
    return None
