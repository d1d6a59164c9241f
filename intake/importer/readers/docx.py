"""Word (.docx) documents: paragraphs and tables in body order, merged cells resolved."""

from __future__ import annotations

import io
import re
from typing import Any

from ..errors import DocumentError, LimitExceeded
from ..model import ImportLimits, Location
from .base import Item, ReadResult, rag_colour
from .safezip import check_zip
from .wordnumbers import WordNumbers

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SHADING = f"{_W}shd"
_FILL = f"{_W}fill"
_VAL_W = f"{_W}val"
_OFF = ("0", "false", "off", "none")
_LIST_STYLE = re.compile(r"(?i)^list ?(?:bullet|number)\s*([1-9])?$")


def _struck(run: Any) -> bool:
    """Whether a run is struck through (wording removed or superseded, left visible)."""
    properties = run.find(f"{_W}rPr")
    if properties is None:
        return False
    for tag in ("strike", "dstrike"):
        mark = properties.find(f"{_W}{tag}")
        if mark is not None and (mark.get(f"{_W}val") or "true").lower() not in _OFF:
            return True
    return False


def _paragraph_text(p: Any, tab: str = " ", brk: str = " ") -> str:
    """A paragraph's text without its struck-through runs, with the runs of tracked insertions
    (python-docx's ``Paragraph.text`` leaves out runs inside ``w:ins``; deletions hold no w:t)."""
    out: list[str] = []
    for run in p.iter(f"{_W}r"):
        if _struck(run):
            continue
        for part in run:
            if part.tag == f"{_W}t":
                out.append(part.text or "")
            elif part.tag == f"{_W}tab":
                out.append(tab)
            elif part.tag in (f"{_W}br", f"{_W}cr"):
                out.append(brk)
            elif part.tag == f"{_W}noBreakHyphen":
                out.append("-")
    return "".join(out)


def _body_blocks(parent: Any) -> Any:
    """The body's paragraphs and tables in order, including those inside content controls
    (``w:sdt``, common in organisations' Word templates) and custom XML wrappers."""
    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in ("p", "tbl"):
            yield tag, child
        elif tag == "sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_blocks(content)
        elif tag == "customXml":
            yield from _body_blocks(child)


def _list_level(p: Any) -> int | None:
    """The level of a bulleted or numbered paragraph (Word draws its bullet, which is not in its
    text), else None."""
    properties = p.find(f"{_W}pPr")
    if properties is None:
        return None
    numbering = properties.find(f"{_W}numPr")
    if numbering is not None:
        number = numbering.find(f"{_W}numId")
        if number is not None and number.get(f"{_W}val") == "0":
            return None  # numbering switched off
        level = numbering.find(f"{_W}ilvl")
        value = level.get(f"{_W}val") if level is not None else "0"
        return int(value) if value and value.isdigit() else 0
    style = properties.find(f"{_W}pStyle")
    name = (style.get(f"{_W}val") or "") if style is not None else ""
    listed = _LIST_STYLE.match(name)
    return (int(listed[1]) - 1 if listed[1] else 0) if listed else None


def _cell_text(tc: Any, numbers: WordNumbers | None = None) -> str:
    """A cell's text: its paragraphs one per line, struck-through wording left out, and the text of a
    table nested in it row by row (a dated log of updates inside the Update cell). Where two or more
    paragraphs are items of a list, each item at the outer level is marked ``<li>``, for the bullet
    Word draws is not in the text (cleaning the text removes the mark). A cell holding one paragraph
    numbered by Word ('1.2' in the reference column) opens with that number."""
    lines: list[tuple[str, int | None, str | None]] = []

    def paragraph(p: Any) -> tuple[str, int | None, str | None]:
        return _paragraph_text(p), _list_level(p), numbers.number(p) if numbers is not None else None

    for child in tc.iterchildren():
        if child.tag == f"{_W}p":
            lines.append(paragraph(child))
        elif child.tag == f"{_W}tbl":
            for tr in child.iterchildren(f"{_W}tr"):
                cells = [" ".join(_cell_text(inner, numbers).split()) for inner in tr.iterchildren(f"{_W}tc")]
                lines.append((" ".join(c for c in cells if c), None, None))
        elif child.tag == f"{_W}sdt":  # a content control around paragraphs
            lines.extend(paragraph(p) for p in child.iter(f"{_W}p"))
    drawn = [number for _, _, number in lines if number]
    if len(drawn) == 1:
        lines = [(f"{number} {line}" if number else line, level, number) for line, level, number in lines]
    kept = [(line, level) for line, level, _ in lines if line.strip()]
    levels = [level for _, level in kept if level is not None]
    outer = min(levels) if levels else None
    marked = outer is not None and levels.count(outer) >= 2
    return "\n".join(f"<li>{line}" if marked and level == outer else line for line, level in kept).strip()


def _shading(tc: Any) -> str | None:
    properties = tc.tcPr
    shading = properties.find(_SHADING) if properties is not None else None
    return rag_colour(shading.get(_FILL)) if shading is not None else None


# marks that show a status by their colour alone: a dot, a square, a Wingdings symbol
_COLOUR_MARKS = set("●⬤•■▪◼⯀▲◆★⚫○")


def _mark_colour(tc: Any, text: str) -> str | None:
    """The RAG colour of a cell holding only coloured marks ('●' in red, a Wingdings dot in green:
    a status shown by the mark's colour, not the cell's shading), or None."""
    if text and not set(text.replace("\n", "").replace(" ", "")) <= _COLOUR_MARKS:
        return None
    colours = set()
    for run in tc.iter(f"{_W}r"):
        marked = any(
            part.tag == f"{_W}sym" or (part.tag == f"{_W}t" and (part.text or "").strip()) for part in run
        )
        if not marked:
            continue
        properties = run.find(f"{_W}rPr")
        colour = properties.find(f"{_W}color") if properties is not None else None
        colours.add(rag_colour(colour.get(_VAL_W)) if colour is not None else None)
    return colours.pop() if len(colours) == 1 else None


def _wholly_bold(tc: Any) -> bool:
    """Whether every run with text in a cell is bold (set on the run; a bold style is not seen)."""
    runs = [r for r in tc.iter(f"{_W}r") if "".join(t.text or "" for t in r.iter(f"{_W}t")).strip()]
    for run in runs:
        properties = run.find(f"{_W}rPr")
        mark = properties.find(f"{_W}b") if properties is not None else None
        if mark is None or (mark.get(f"{_W}val") or "true").lower() in _OFF:
            return False
    return bool(runs)


def _table_rows(
    table: Any, numbers: WordNumbers | None = None
) -> list[tuple[list[str], list[str | None] | None, bool]]:
    """Grid rows, each with its cells' RAG shading (None when no cell has one) and whether it is a
    heading across the table (its one cell with text merged over columns, or in bold): a
    horizontally merged cell fills its first column only; a vertically merged cell repeats its text
    in every row it spans (so a merged lead is carried down)."""
    rows: list[tuple[list[str], list[str | None] | None, bool]] = []
    texts: dict[Any, str] = {}  # each cell read once: a merged cell's numbers are counted once
    for row in table.rows:
        out: list[str] = []
        fills: list[str | None] = []
        previous = None
        widths: list[int] = []  # how many columns each cell is merged over (0 for those it covers)
        start = 0
        for k, cell in enumerate(row.cells):
            tc = cell._tc
            if tc is previous:
                widths[start] += 1
            else:
                start = k
            widths.append(0 if tc is previous else 1)
            if tc is not previous and tc not in texts:
                texts[tc] = _cell_text(tc, numbers)
            text = texts.get(tc, "")
            fill = None if tc is previous else _shading(tc)
            if tc is not previous and fill is None and (marked := _mark_colour(tc, text)):
                fill, text = marked, ""  # the mark's colour is the status; the mark itself says nothing
            out.append("" if tc is previous else text)
            fills.append(fill)
            previous = tc
        filled = [k for k, text in enumerate(out) if text]
        banner = len(filled) == 1 and (widths[filled[0]] > 1 or _wholly_bold(row.cells[filled[0]]._tc))
        rows.append((out, fills if any(fills) else None, banner))
    return rows


def _numbering(document: Any) -> Any | None:
    """The numbering definitions' element, or None for a document without numbered lists."""
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None


def read_docx(data: bytes, limits: ImportLimits) -> ReadResult:
    check_zip(data, limits, "Word")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on damaged parts
        raise DocumentError(
            "This Word file could not be opened: it may be damaged, protected by a password or not a Word "
            "document. Open it in Word, save it again as .docx and upload that."
        ) from exc
    walk = _WordWalk(document, limits, Paragraph, Table)
    try:
        walk.blocks(document.element.body)
    except LimitExceeded:
        raise
    except Exception as exc:
        raise DocumentError(
            "This Word file could not be read: it may be damaged. Open it in Word, save it again as .docx and upload that."
        ) from exc
    return ReadResult(items=walk.items, fmt="docx")


def _rows_and_columns(tbl: Any) -> tuple[int, int]:
    rows = list(tbl.iterchildren(f"{_W}tr"))
    return len(rows), max((len(list(tr.iterchildren(f"{_W}tc"))) for tr in rows), default=0)


def _holds_plan_tables(tbl: Any) -> bool:
    """A layout table: a cell holds a table with more rows than this one (a template's two-cell
    frame, a sidebar of headings beside the plan's table nested in the other cell). A small table
    in a cell (a dated log in the Update cell) is read as that cell's text instead."""
    outer_rows, _ = _rows_and_columns(tbl)
    for tr in tbl.iterchildren(f"{_W}tr"):
        for tc in tr.iterchildren(f"{_W}tc"):
            for _, inner in _body_blocks(tc):
                if inner.tag == f"{_W}tbl":
                    rows, columns = _rows_and_columns(inner)
                    if rows >= max(3, outer_rows + 1) and columns >= 3:
                        return True
    return False


class _WordWalk:
    """The document's paragraphs and tables as items, in reading order."""

    def __init__(self, document: Any, limits: ImportLimits, paragraph_type: Any, table_type: Any) -> None:
        self.document = document
        self.limits = limits
        self.paragraph_type = paragraph_type
        self.table_type = table_type
        self.numbers = WordNumbers(_numbering(document), document.styles.element)
        self.items: list[Item] = []
        self.table_no = 0
        self.rows_seen = 0

    def blocks(self, parent: Any) -> None:
        for tag, child in _body_blocks(parent):
            if tag == "p":
                self.paragraph(child)
            elif _holds_plan_tables(child):
                # the frame's cells in order: their paragraphs as text, their tables as tables
                for tr in child.iterchildren(f"{_W}tr"):
                    for tc in tr.iterchildren(f"{_W}tc"):
                        self.blocks(tc)
            else:
                self.table(child)

    def paragraph(self, element: Any) -> None:
        para = self.paragraph_type(element, self.document)
        text = _paragraph_text(element, tab="\t", brk="\n").strip()
        number = self.numbers.number(element)
        if not text:
            return
        if number:
            text = f"{number} {text}"
        style = (para.style.name if para.style is not None else "") or ""
        level = 0
        if style.lower().startswith("heading"):
            digits = "".join(ch for ch in style if ch.isdigit())
            level = int(digits) if digits else 1
        elif style.lower() == "title":
            level = 1
        runs = [r for r in para.runs if r.text.strip()]
        bold = bool(runs) and all(r.bold for r in runs)
        self.items.append(
            Item(text=text, heading=level, bold=bold, location=Location(line=len(self.items) + 1))
        )

    def table(self, element: Any) -> None:
        self.table_no += 1
        table_no = self.table_no
        for r, (cells, fills, banner) in enumerate(
            _table_rows(self.table_type(element, self.document), self.numbers)
        ):
            self.rows_seen += 1
            if self.rows_seen > self.limits.max_rows:
                raise LimitExceeded(f"This Word file has more than {self.limits.max_rows} table rows.")
            self.items.append(
                Item(
                    text="\t".join(cells),
                    cells=cells,
                    table=table_no,
                    fills=fills,
                    location=Location(table=table_no, row=r + 1),
                    grid=True,
                    merges_shown=True,
                    banner=banner,
                )
            )
