"""OpenDocument files (LibreOffice): spreadsheets (.ods) read as Excel workbooks are, text documents
(.odt) as Word documents are. Both are zip files of XML; ``content.xml`` holds the sheets or the
body, read with the standard library's parser once the zip has been checked against bombs and the
XML refused if it declares a DTD (no entities, so none to expand or fetch).

A sheet's trailing empty rows and columns are written once with a repeat count (often 1,048,000
rows): empty repeats are skipped, never expanded."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET  # noqa: S405 - DTDs are refused before parsing

from ..errors import DocumentError, LimitExceeded
from ..model import ImportLimits, Location
from .base import Item, ReadResult, rag_colour
from .grid import GridCell, row_item, value_text
from .safezip import check_zip

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
}


def _q(name: str) -> str:
    """'table:table-row' as ElementTree names it."""
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_MAX_COLUMNS = 16_384  # the widest sheet LibreOffice makes; a repeat count beyond it is nonsense
_MAX_TRAILING_SHADED = 64  # trailing empty cells shaded alike, kept for a RAG shown by shading only
# parts of a paragraph that are not its text: comments, footnotes, tracked deletions
_NOT_TEXT = {_q("office:annotation"), _q("text:note"), _q("text:tracked-changes")}
# row groups a table's rows sit in (header rows repeated on each page, outline groups)
_ROW_GROUPS = {_q("table:table-header-rows"), _q("table:table-rows"), _q("table:table-row-group")}
_COLUMN_GROUPS = {
    _q("table:table-header-columns"),
    _q("table:table-columns"),
    _q("table:table-column-group"),
}


@dataclass
class _Style:
    parent: str | None = None
    background: str | None = None
    bold: bool | None = None
    struck: bool | None = None
    data_style: str | None = None
    shown: bool = True  # a table style with table:display="false": a hidden sheet


@dataclass
class _Styles:
    styles: dict[str, _Style] = field(default_factory=dict)
    # a date format: whether it shows the day ('dd/mm/yyyy') or only month and year ('Mar-24')
    date_days: dict[str, bool] = field(default_factory=dict)

    def add(self, root: ET.Element) -> None:
        for element in root.iter(_q("style:style")):
            name = element.get(_q("style:name"))
            if not name:
                continue
            style = _Style(
                parent=element.get(_q("style:parent-style-name")),
                data_style=element.get(_q("style:data-style-name")),
            )
            cell = element.find(_q("style:table-cell-properties"))
            if cell is not None:
                style.background = cell.get(_q("fo:background-color"))
            text = element.find(_q("style:text-properties"))
            if text is not None:
                weight = text.get(_q("fo:font-weight"))
                if weight:
                    style.bold = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
                line = text.get(_q("style:text-line-through-style"))
                if line:
                    style.struck = line != "none"
            sheet = element.find(_q("style:table-properties"))
            if sheet is not None:
                style.shown = sheet.get(_q("table:display")) != "false"
            self.styles[name] = style
        for element in root.iter(_q("number:date-style")):
            name = element.get(_q("style:name"))
            if name:
                self.date_days[name] = element.find(_q("number:day")) is not None

    def _chain(self, name: str | None) -> Iterator[_Style]:
        for _ in range(20):  # a loop of parents in a damaged file ends here
            style = self.styles.get(name or "")
            if style is None:
                return
            yield style
            name = style.parent

    def background(self, name: str | None) -> str | None:
        colour = next((s.background for s in self._chain(name) if s.background), None)
        return rag_colour(colour) if colour and colour != "transparent" else None

    def bold(self, name: str | None) -> bool | None:
        return next((s.bold for s in self._chain(name) if s.bold is not None), None)

    def struck(self, name: str | None) -> bool:
        return bool(next((s.struck for s in self._chain(name) if s.struck is not None), False))

    def shows_day(self, name: str | None) -> bool:
        data_style = next((s.data_style for s in self._chain(name) if s.data_style), None)
        return self.date_days.get(data_style or "", True)

    def shown(self, name: str | None) -> bool:
        return all(s.shown for s in self._chain(name))

    def named(self, name: str | None, wanted: str) -> bool:
        """Whether the style is, or is based on, the style called ``wanted`` ('Title')."""
        return name == wanted or any(s.parent == wanted for s in self._chain(name))


def _count(element: ET.Element, attribute: str) -> int:
    try:
        return max(1, int(element.get(_q(attribute)) or 1))
    except ValueError:
        return 1


# --------------------------------------------------------------------------- text


def _runs(element: ET.Element, styles: _Styles, bold: bool, out: list[tuple[str, bool]], tab: str) -> None:
    """The pieces of a paragraph's text with whether each is bold, struck-through spans left out."""
    if element.text:
        out.append((element.text, bold))
    for child in element:
        if child.tag in _NOT_TEXT:
            pass
        elif child.tag == _q("text:s"):
            out.append((" " * min(_count(child, "text:c"), 100), bold))
        elif child.tag == _q("text:tab"):
            out.append((tab, bold))
        elif child.tag == _q("text:line-break"):
            out.append(("\n", bold))
        else:  # a span, link or field: its own style may be bold or struck through
            name = child.get(_q("text:style-name"))
            if not styles.struck(name):
                own = styles.bold(name)
                _runs(child, styles, bold if own is None else own, out, tab)
        if child.tail:
            out.append((child.tail, bold))


def _paragraph(p: ET.Element, styles: _Styles, bold: bool, tab: str = " ") -> tuple[str, list[bool]]:
    """A paragraph's text and, for each piece with text, whether it is bold."""
    own = styles.bold(p.get(_q("text:style-name")))
    pieces: list[tuple[str, bool]] = []
    _runs(p, styles, bold if own is None else own, pieces, tab)
    return "".join(text for text, _ in pieces), [b for text, b in pieces if text.strip()]


def _list_items(element: ET.Element, styles: _Styles, bold: bool) -> Iterator[tuple[str, list[bool], int]]:
    """A list's paragraphs with their nesting level (0 for the outer items)."""
    for item in element:
        if item.tag not in (_q("text:list-item"), _q("text:list-header")):
            continue
        for child in item:
            if child.tag in (_q("text:p"), _q("text:h")):
                text, bolds = _paragraph(child, styles, bold)
                yield text, bolds, 0
            elif child.tag == _q("text:list"):
                for text, bolds, level in _list_items(child, styles, bold):
                    yield text, bolds, level + 1


def _cell_text(cell: ET.Element, styles: _Styles, bold: bool) -> tuple[str, bool]:
    """A cell's text, its paragraphs one per line (a nested table row by row), and whether all of it
    is bold. Where two or more outer items of a list are in the cell, each is marked ``<li>`` as the
    Word reader marks them (the bullet is drawn, not written)."""
    lines: list[tuple[str, bool]] = []  # (line, an outer list item)
    bolds: list[bool] = []
    for child in cell:
        if child.tag in (_q("text:p"), _q("text:h")):
            text, found = _paragraph(child, styles, bold)
            lines.append((text, False))
            bolds += found
        elif child.tag == _q("text:list"):
            for text, found, level in _list_items(child, styles, bold):
                lines.append((text, level == 0))
                bolds += found
        elif child.tag == _q("table:table"):
            for row in child.iter(_q("table:table-row")):
                inner = [
                    " ".join(_cell_text(c, styles, bold)[0].split()) for c in row.iter(_q("table:table-cell"))
                ]
                lines.append((" ".join(c for c in inner if c), False))
    lines = [(line, item) for line, item in lines if line.strip()]
    marked = sum(item for _, item in lines) >= 2
    text = "\n".join(f"<li>{line}" if marked and item else line for line, item in lines).strip()
    return text, bool(bolds) and all(bolds)


def _value(cell: ET.Element, styles: _Styles, style: str | None, shown: str) -> str:
    """What a cell shows: a date as a date (from its stored value, whatever the locale printed), other
    values as printed in the cell's paragraphs (or from the stored value where none is printed)."""
    kind = cell.get(_q("office:value-type"))
    if kind == "date":
        stored = cell.get(_q("office:date-value")) or ""
        try:
            when = dt.datetime.fromisoformat(stored)
        except ValueError:
            return shown
        return value_text(when, day_shown=styles.shows_day(style))
    if shown or kind is None:
        return shown
    if kind in ("float", "percentage", "currency"):
        try:
            return value_text(float(cell.get(_q("office:value")) or ""))
        except ValueError:
            return ""
    return (cell.get(_q("office:string-value")) or cell.get(_q("office:boolean-value")) or "").strip()


# --------------------------------------------------------------------------- tables


@dataclass
class _Columns:
    """A table's columns as runs (a repeat count of 16,000 is kept as one run, not expanded)."""

    runs: list[tuple[int, int, bool, str | None]] = field(default_factory=list)  # start, end, hidden, style

    @classmethod
    def of(cls, table: ET.Element) -> _Columns:
        columns = cls()
        start = 0

        def walk(parent: ET.Element) -> None:
            nonlocal start
            for child in parent:
                if child.tag == _q("table:table-column"):
                    end = min(start + _count(child, "table:number-columns-repeated"), _MAX_COLUMNS)
                    hidden = child.get(_q("table:visibility"), "visible") != "visible"
                    columns.runs.append((start, end, hidden, child.get(_q("table:default-cell-style-name"))))
                    start = end
                elif child.tag in _COLUMN_GROUPS:
                    walk(child)

        walk(table)
        return columns

    def _run(self, column: int) -> tuple[int, int, bool, str | None] | None:
        return next((run for run in self.runs if run[0] <= column < run[1]), None)

    def hidden(self, column: int) -> bool:
        run = self._run(column)
        return bool(run and run[2])

    def style(self, column: int) -> str | None:
        run = self._run(column)
        return run[3] if run else None


def _rows(table: ET.Element) -> Iterator[ET.Element]:
    for child in table:
        if child.tag == _q("table:table-row"):
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child)


@dataclass
class _Grid:
    """Reads one table's rows into grid cells, carrying merged cells down as the Excel reader does."""

    styles: _Styles
    limits: ImportLimits
    cells_seen: int = 0
    # a cell merged down: column -> (first row below it, last row it covers, its text)
    down: dict[int, tuple[int, int, str]] = field(default_factory=dict)

    def row_cells(self, row: ET.Element, r: int, columns: _Columns) -> list[GridCell]:
        """The row's cells left of its last cell with text or shading, hidden columns left out."""
        out: list[GridCell] = []
        pending: list[
            tuple[GridCell, int, int]
        ] = []  # empty cells not yet known to matter: cell, from, count
        c = 0
        row_style = row.get(_q("table:default-cell-style-name"))
        for element in row:
            if element.tag not in (_q("table:table-cell"), _q("table:covered-table-cell")):
                continue
            repeat = _count(element, "table:number-columns-repeated")
            covered = element.tag == _q("table:covered-table-cell")
            style = element.get(_q("table:style-name")) or row_style or columns.style(c)
            cell = GridCell(fill=self.styles.background(style))
            if not covered:
                text, bold = _cell_text(element, self.styles, bool(self.styles.bold(style)))
                cell.text, cell.bold = _value(element, self.styles, style, text), bold
                cell.spread = _count(element, "table:number-columns-spanned") > 1
                rows_spanned = min(_count(element, "table:number-rows-spanned"), self.limits.max_rows)
                if rows_spanned > 1 and cell.text:
                    self.down[c] = (r + 1, r + rows_spanned - 1, cell.text)
            if not cell.text:
                pending.append((cell, c, repeat))
            else:
                self._place(out, pending, columns)
                pending = []
                self._place(out, [(cell, c, repeat)], columns)
            c += repeat
            if c >= _MAX_COLUMNS:
                break
        # trailing empty cells: kept only where shaded (a RAG shown by colour), and not too many
        shaded = [(cell, start, min(n, _MAX_TRAILING_SHADED)) for cell, start, n in pending if cell.fill]
        if shaded:
            last = shaded[-1]
            self._place(out, [p for p in pending if p[1] < last[1]] + [last], columns)
        for column, (first_row, last_row, text) in list(self.down.items()):
            if r > last_row:
                del self.down[column]
            elif r >= first_row and not columns.hidden(column):
                while len(out) <= column:
                    out.append(GridCell())
                out[column] = GridCell(text=text, fill=out[column].fill)
        return [cell for k, cell in enumerate(out) if not columns.hidden(k)]

    def _place(self, out: list[GridCell], runs: list[tuple[GridCell, int, int]], columns: _Columns) -> None:
        for cell, start, count in runs:
            end = min(start + count, _MAX_COLUMNS)
            self.cells_seen += end - len(out)
            if self.cells_seen > self.limits.max_rows * 50:
                raise LimitExceeded(f"This file's tables have more than {self.limits.max_rows * 50} cells.")
            while len(out) < start:
                out.append(GridCell())
            out.extend(GridCell(cell.text, cell.fill, cell.bold, cell.spread) for _ in range(start, end))

    def rows(self, table: ET.Element, rows_seen: list[int]) -> Iterator[tuple[int, list[GridCell], bool]]:
        """(row number, cells, hidden) for each row with text; a repeated empty row is skipped as a
        whole. ``rows_seen`` counts the rows read against the limit, across tables."""
        columns = _Columns.of(table)
        self.down = {}
        r = 1
        for row in _rows(table):
            repeat = _count(row, "table:number-rows-repeated")
            hidden = row.get(_q("table:visibility"), "visible") == "collapse"  # 'filter': read
            cells = self.row_cells(row, r, columns)
            if any(cell.text for cell in cells):
                times = repeat
            else:  # an empty row is read once, or as far down as a merged cell above reaches
                times = min(repeat, max((last - r + 1 for _, last, _ in self.down.values()), default=1))
            for k in range(times):
                rows_seen[0] += 1
                if rows_seen[0] > self.limits.max_rows:
                    raise LimitExceeded(f"This file has more than {self.limits.max_rows} table rows.")
                if k:
                    cells = self.row_cells(row, r + k, columns)
                yield r + k, cells, hidden
            r += repeat


# --------------------------------------------------------------------------- documents


def _xml(archive: zipfile.ZipFile, member: str, required: bool) -> ET.Element | None:
    try:
        data = archive.read(member)
    except KeyError:
        if required:
            raise DocumentError(f"This OpenDocument file has no {member}: it is damaged.") from None
        return None
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise DocumentError(
            "This OpenDocument file declares XML entities, which it never needs: it was not read."
        )
    try:
        return ET.fromstring(data)  # noqa: S314 - no DTD, so no entities to expand or fetch
    except ET.ParseError as exc:
        raise DocumentError(f"This OpenDocument file is damaged ({member} is not well-formed XML).") from exc


def _spreadsheet(body: ET.Element, styles: _Styles, limits: ImportLimits) -> list[Item]:
    items: list[Item] = []
    grid = _Grid(styles, limits)
    rows_seen = [0]
    table_no = 0
    for table in body.findall(_q("table:table")):
        if not styles.shown(table.get(_q("table:style-name"))):
            continue  # a hidden sheet: the lists behind drop-downs, lookups, old rounds
        table_no += 1
        name = table.get(_q("table:name")) or f"Sheet{table_no}"
        for r, cells, hidden in grid.rows(table, rows_seen):
            item = row_item(cells, table=table_no, location=Location(sheet=name, row=r), hidden=hidden)
            if item is not None:
                items.append(item)
    return items


def _text_body(parent: ET.Element, styles: _Styles, limits: ImportLimits) -> list[Item]:
    """A text document's headings, paragraphs and tables in order, as the Word reader gives them."""
    items: list[Item] = []
    grid = _Grid(styles, limits)
    rows_seen = [0]
    table_no = 0

    def paragraph(element: ET.Element, heading: int) -> None:
        text, bolds = _paragraph(element, styles, False, tab="\t")
        text = text.strip()
        if text:
            if not heading and styles.named(element.get(_q("text:style-name")), "Title"):
                heading = 1
            items.append(
                Item(
                    text=text,
                    heading=heading,
                    bold=bool(bolds) and all(bolds),
                    location=Location(line=len(items) + 1),
                )
            )

    def walk(element: ET.Element) -> None:
        nonlocal table_no
        for child in element:
            if child.tag == _q("text:h"):
                paragraph(child, max(1, min(6, _count(child, "text:outline-level"))))
            elif child.tag == _q("text:p"):
                paragraph(child, 0)
            elif child.tag == _q("text:list"):
                for inner in child.iter():
                    if inner.tag in (_q("text:p"), _q("text:h")):
                        paragraph(inner, 0)
            elif child.tag == _q("table:table"):
                table_no += 1
                for r, cells, _ in grid.rows(child, rows_seen):
                    row = row_item(
                        cells, table=table_no, location=Location(table=table_no, row=r), trim=False
                    )
                    if row is not None:
                        items.append(row)
            elif child.tag == _q("text:section"):
                walk(child)
            # a table of contents repeats the headings; tracked deletions and forms are not the text

    walk(parent)
    return items


def read_odf(data: bytes, limits: ImportLimits) -> ReadResult:
    check_zip(data, limits, "OpenDocument")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            styles = _Styles()
            shared = _xml(archive, "styles.xml", required=False)
            if shared is not None:
                styles.add(shared)
            content = _xml(archive, "content.xml", required=True)
    except (DocumentError, LimitExceeded):
        raise
    except Exception as exc:  # a damaged member: bad CRC, unknown compression, truncated data
        raise DocumentError(
            "This OpenDocument file could not be opened: it may be damaged. Open it, save it again and upload that."
        ) from exc
    assert content is not None
    try:
        styles.add(content)
        body = content.find(_q("office:body"))
        sheets = body.find(_q("office:spreadsheet")) if body is not None else None
        text = body.find(_q("office:text")) if body is not None else None
        if sheets is not None:
            return ReadResult(items=_spreadsheet(sheets, styles, limits), fmt="ods")
        if text is not None:
            return ReadResult(items=_text_body(text, styles, limits), fmt="odt")
    except (DocumentError, LimitExceeded):
        raise
    except Exception as exc:
        raise DocumentError(
            "This OpenDocument file could not be read: it may be damaged. Open it, save it again and upload that."
        ) from exc
    raise DocumentError(
        "This OpenDocument file is neither a spreadsheet (.ods) nor a text document (.odt): "
        "save the plan as .docx or .xlsx."
    )
