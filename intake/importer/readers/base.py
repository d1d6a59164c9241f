"""The common representation every reader produces: an ordered list of rows and text lines."""

from __future__ import annotations

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
    location: Location = field(default_factory=Location)

    @property
    def is_row(self) -> bool:
        return self.cells is not None


@dataclass
class ReadResult:
    items: list[Item]
    fmt: str  # text | docx | xlsx | csv | pdf
    laid_out: bool = False  # text from a PDF laid out in columns, without cell separators
    pages: int = 0
    raw_lines: list[str] = field(default_factory=list)
