"""Plain text, Markdown and HTML-ish text: tab-separated rows, pipe tables, <table> blocks, headings."""

from __future__ import annotations

import re
from dataclasses import replace

from ..columns import names_columns, table_items
from ..model import Location
from ..normalise import find_dates, looks_like_rag
from ..synonyms import (
    exact_header_field,
    header_field,
    is_column_name,
    label_alone,
    label_with_code,
    section_label_pattern,
)
from .base import Item, ReadResult
from .htmltable import html_document_lines, looks_like_html_document, parse_html_tables_with_fills

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# (a list item wholly bold too: a Notion toggle's title, '- **Strand A – Understanding the problem**')
_BOLD_LINE = re.compile(
    r"^\s*(?:[-*+•]\s+)?(?:\*\*|__|<b>|<strong>)(.+?)(?:\*\*|__|</b>|</strong>)\s*$", re.I
)
# a line opening with a bold label, the rest plain: '**Recommendation 1:** The MSCP should ...'
_BOLD_LABEL_OPENING = re.compile(r"^(?:\*\*|__|<b>|<strong>)(.+?)(?:\*\*|__|</b>|</strong>)\s*(\S.*)$", re.I)
_PIPE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
_DASH_ROW = re.compile(r"^[\s\-–|:]+$")
_GRID_BORDER = re.compile(r"^\+(?:[-=:]+\+)+$")
# pandas' marks for an empty Excel cell (markitdown writes a sheet through pandas), and the names it
# gives columns whose header cell is empty
_DEFAULT_SHEET = re.compile(r"^sheet\s*\d*$", re.I)
_EMPTY_CELL = re.compile(r"^(?:nan|nat|unnamed: \d+)$", re.I)


# a Markdown backslash escape ('1\\. Leadership', 'partnership\\'s'), as pandoc writes them
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def converter_cells(cells: list[str]) -> list[str]:
    """A row of a converter's table as the document holds it: pandas' 'NaN' is an empty cell, and a
    cell merged across the row that docling repeats in every column it spans ('| 1. Leadership |
    1. Leadership | 1. Leadership |') is one cell, in the first column, with the rest empty."""
    return merged_once(["" if _EMPTY_CELL.match(c.strip()) else unescape(c) for c in cells])


def merged_once(cells: list[str]) -> list[str]:
    """A cell merged across a row whose text is repeated in every column it spans (docling's pipe
    tables, and the tab-separated rows of the converter of Word plans) is one cell, in the first column,
    with the rest empty."""
    filled = {c.strip() for c in cells if c.strip()}
    if len(filled) == 1 and cells[0].strip() in filled and sum(1 for c in cells if c.strip()) >= 2:
        return [cells[0], *("" for _ in cells[1:])]
    return cells


def _grid_rows(lines: list[str], i: int, page: int, table: int, items: list[Item]) -> int:
    """Read the grid table whose top border is line ``i``: each row's cells joined over its lines.
    Returns the index of the first line after the table."""
    row: list[str] | None = None
    row_line = 0

    def flush() -> None:
        nonlocal row
        if row is not None and any(row):
            location = Location(page=page, line=row_line, table=table)
            cells = converter_cells(row)
            items.append(Item(text="\t".join(cells), cells=cells, table=table, location=location))
        row = None

    j = i + 1
    while j < len(lines):
        line = lines[j].strip()
        if _GRID_BORDER.match(line):
            flush()
        elif line.startswith("|") and line.endswith("|") and len(line) > 1:
            parts = [c.strip() for c in line[1:-1].split("|")]
            if row is not None and len(parts) == len(row):
                row = [f"{a} {b}".strip() for a, b in zip(row, parts, strict=True)]
            else:
                flush()
                row, row_line = parts, j + 1
        else:
            break
        j += 1
    flush()
    return j


# a numbered line such as '2. Front door and early help': pandoc's plain text writes headings so, and
# Word's 'Convert table to text' a row merged across the table; or one that names its number with a
# section's label ('Priority 2: Neglect', 'Area for improvement 3 – Strategy discussions'), which a
# heading's style told apart from the rows before it lost it
_NUMBERED_LINE = re.compile(
    r"^\d{1,2}(?:\.\d{1,2}){0,2}[.:)]?\s+[A-Z][^.;]{2,100}$"
    rf"|^(?i:{section_label_pattern()})\s+\d{{1,2}}(?:\.\d{{1,2}}){{0,2}}[a-z]?\s*[.:)\-–—]\s*[A-Z].{{2,150}}$"
)


_LINES_TO_TABLE = 4  # a labelled heading over its table, with a short introduction between them


def _numbered_lines_over_tables(items: list[Item]) -> None:
    """A numbered line standing alone right above a table's row is a heading (a section); so is a
    labelled one with its code ('Priority 5 (P5): ...') a few lines above the table's header (with
    'Why this is a priority' and a paragraph between them), in text that marks no headings."""
    for k, item in enumerate(items):
        plain = not item.is_row and not item.heading and not item.bold
        if not plain:
            continue
        after = items[k + 1] if k + 1 < len(items) else None
        if (
            after is not None
            and after.is_row
            and _NUMBERED_LINE.match(item.text)
            or (
                (coded := label_with_code().match(item.text))
                and coded[2][:1].isupper()
                and len(item.text) <= 200
            )
            and any(below.is_row for below in items[k + 1 : k + 1 + _LINES_TO_TABLE])
        ):
            item.bold = True


# a heading's text (a few capitalised words, not a sentence) and a reference cell ('1.2', 'PRO-4', 'A12')
_TITLE_TEXT = re.compile(r"^[A-Z][^.;:!?|\t]*(?:\s+\S+){0,11}$")
_REF_TEXT = re.compile(r"^(?:[A-Z]{1,6}[-/ ]?)?\d{1,3}(?:[.\-]\d{1,3}){0,3}[a-z]?\.?$")


def _next_lines(*items: Item) -> bool:
    """The items are on lines one right after another: a table's rows, no blank line between them
    (page furniture, 'OFFICIAL' or a page number, stands apart from the rows between blank lines)."""
    lines = [item.location.line for item in items]
    return all(a is not None and b is not None and b == a + 1 for a, b in zip(lines, lines[1:], strict=False))


def _title_lines_between_rows(items: list[Item]) -> list[Item]:
    """A title alone on a line right between two whole rows of a tab-separated table, the row below
    opening with its reference, is the table's heading row across it (Word's 'Convert table to text' writes a
    merged row without tabs): it becomes a row with that title in its first cell."""
    out: list[Item] = []
    for k, item in enumerate(items):
        above = out[-1] if out else None
        below = items[k + 1] if k + 1 < len(items) else None
        if (
            above is not None
            and below is not None
            and not item.is_row
            and not item.heading
            and above.cells is not None
            and below.cells is not None
            and len(above.cells) == len(below.cells) >= 3
            and "\t" in above.text
            and "\t" in below.text
            and _REF_TEXT.match(below.cells[0].strip())
            and _TITLE_TEXT.match(item.text)
            and _next_lines(above, item, below)
        ):
            cells = [item.text] + [""] * (len(below.cells) - 1)
            out.append(
                replace(
                    item, cells=cells, table=below.table, location=replace(item.location, table=below.table)
                )
            )
            continue
        out.append(item)
    return out


_DASH_COLUMNS = re.compile(r"^\s*-{2,}(?: +-{2,})+\s*$")
_DASH_RULE = re.compile(r"^\s*-{10,}\s*$")


def _dashed_cells(group: list[str], starts: list[int]) -> list[str]:
    """A row's cells: the text under each run of dashes (from its start to the next one's), joined
    over the row's lines."""
    bounds = [0, *starts[1:], None]
    return [
        " ".join(" ".join(line[bounds[c] : bounds[c + 1]].split()) for line in group)
        .strip()
        .replace("|", "/")
        for c in range(len(starts))
    ]


def pandoc_tables_as_pipes(lines: list[str]) -> list[str]:
    """pandoc's simple and multiline tables (columns shown by runs of dashes under the header, a
    multiline table's rows over several lines, apart by blank lines, between two rules) rewritten as
    pipe-table rows, one line per row, so they are read like any other Markdown table."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _DASH_COLUMNS.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        starts = [m.start() for m in re.finditer(r"-+", lines[i])]
        top = len(out)
        while top > 0 and out[top - 1].strip() and not _DASH_RULE.match(out[top - 1]) and len(out) - top < 3:
            top -= 1
        ruled = top > 0 and bool(_DASH_RULE.match(out[top - 1]))
        if not ruled:
            top = max(top, len(out) - 1)  # a simple table's header is one line
        header = out[top:]
        j = i + 1
        body: list[str] = []
        closed = False
        while j < len(lines):
            if _DASH_RULE.match(lines[j]) or _DASH_COLUMNS.match(lines[j]):
                closed = True
                j += 1
                break
            if (
                not lines[j].strip()
                and not ruled
                and (header or not any(x.strip() for x in lines[j : j + 2]))
            ):
                break
            body.append(lines[j])
            j += 1
        if not (header or closed) or not body:
            out.append(lines[i])
            i += 1
            continue
        if ruled or (closed and any(not line.strip() for line in body)):
            groups: list[list[str]] = [[]]
            for line in body:
                if line.strip():
                    groups[-1].append(line)
                elif groups[-1]:
                    groups.append([])
        else:
            groups = [[line] for line in body if line.strip()]
        del out[top - 1 if ruled else top :]
        if header:
            out.append("| " + " | ".join(_dashed_cells(header, starts)) + " |")
            out.append("|" + "---|" * len(starts))
        out.extend("| " + " | ".join(_dashed_cells(g, starts)) + " |" for g in groups if g)
        out.append("")
        i = j
    return out


_BARE_REF = re.compile(r"^(?:[A-Z]{1,6}[-/]?)?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?[.)]?$|^[A-Z]{2,6}-\d+$")


def cells_per_line_as_pipes(lines: list[str]) -> list[str]:
    """A table written one cell per line (Word's 'Convert table to text' with paragraph marks, a
    table saved as text by LibreOffice): a header of three or more column names, one a line, the
    first naming a reference column; then each row as that many lines (an empty cell an empty
    line), a row starting with its reference. A line where a reference should be is a row merged
    across the table (a section). Rewritten as pipe-table rows; other text is left as it is."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        width = 0
        while i + width < len(lines) and exact_header_field(lines[i + width].strip()):
            width += 1
        if width < 3 or exact_header_field(lines[i].strip()) != "ref":
            out.append(lines[i])
            i += 1
            continue
        rows = [[line.strip() for line in lines[i : i + width]]]
        j = i + width
        while j < len(lines) and lines[j].strip():
            if _BARE_REF.match(lines[j].strip()):
                rows.append([line.strip() for line in lines[j : j + width]])
                j += width
            elif j + 1 < len(lines) and _BARE_REF.match(lines[j + 1].strip()):
                rows.append([lines[j].strip(), *("" for _ in range(width - 1))])
                j += 1
            else:
                break
        if sum(1 for row in rows if row[1:] and any(row[1:])) < 3:  # the header and two rows at least
            out.append(lines[i])
            i += 1
            continue
        for r, row in enumerate(rows):
            out.append("| " + " | ".join(c.replace("|", "/") for c in row) + " |")
            if r == 0:
                out.append("|" + "---|" * width)
        out.append("")
        i = j
    return out


# a list mark and the tab Word writes after it, at the start of a cell's paragraph
_LIST_MARK_TAB = re.compile(r"^([•◦▪·o\-–*]|\d{1,2}[.)]|[a-z][.)])\t")


_BULLET_TAB = re.compile(r"(?<=\t)([•◦▪·])\t")  # a bulleted paragraph opening a cell after the first


def _row_cells(line: str) -> list[str]:
    return [c.strip() for c in _BULLET_TAB.sub(lambda m: m[1] + " ", line).split("\t")]


def _row_line(line: str) -> bool:
    return "\t" in line and bool(_BARE_REF.match(line.split("\t", 1)[0].strip()))


def _heading_between_rows(line: str, after: str) -> bool:
    """A line without tabs right above a row's first line, short, capitalised and not a sentence: a
    row merged across the table ('Learning from local and national reviews'), not the end of the
    cell above."""
    text = line.strip()
    return (
        _row_line(after)
        and 0 < len(text.split()) <= 12
        and text[:1].isupper()
        and not text.endswith((".", ";", ",", ":", "!", "?"))
    )


_BAR = " | "


def bars_as_tabs(lines: list[str]) -> list[str]:
    """A table printed with ' | ' between its cells and no bars at the ends of its lines (a script's
    walk through a Word file's rows): under a header of three or more column names so printed, its
    lines up to a blank line are written with tabs, so that they read as tab-separated rows."""
    out: list[str] = []
    in_table = False
    for line in lines:
        if not line.strip():
            in_table = False
        elif not in_table and _BAR in line and not line.lstrip().startswith("|"):
            cells = [c.strip() for c in line.split(_BAR)]
            named = sum(1 for cell in cells if exact_header_field(cell))
            in_table = (
                len(cells) >= 3 and named >= len(cells) - 1 and "text" in map(exact_header_field, cells)
            )
        out.append(line.replace(_BAR, "\t") if in_table else line)
    return out


def word_text_rows_joined(lines: list[str]) -> list[str]:
    """A table in Word's 'Save as Plain Text': its cells apart by tabs, each further paragraph of a
    cell on a line of its own that goes on from the cell the line above ends in (not, as a
    converter or a PDF tool prints a row's next line, starting again from the first column). Under
    a header of tab-separated column names, each row opening with its reference, the lines of a
    row are joined back into one line of cells; a list mark's tab ('•<tab>') is not a cell's end.
    Left as it is where the lines do not add up to the header's cells."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = lines[i].split("\t")
        named = sum(1 for cell in header if exact_header_field(cell.strip()))
        after = lines[i + 1 : i + 3]
        opens = bool(after) and (
            _row_line(after[0])
            or (len(after) == 2 and _heading_between_rows(after[0], after[1]))
            or ("\t" in after[0] and not after[0].startswith("\t"))  # rows without references
        )
        if len(header) < 3 or named < len(header) - 1 or not opens:
            out.append(lines[i])
            i += 1
            continue
        width = len(header)
        rows: list[list[str]] = []
        joined = False
        j = i + 1
        fits = True
        while j < len(lines) and lines[j].strip():
            line = lines[j]
            whole = bool(rows) and len(rows[-1]) >= width  # the row above has all its cells
            if _row_line(line) or ("\t" in line and not line.startswith("\t") and (not rows or whole)):
                rows.append(_row_cells(line))
            elif j + 1 < len(lines) and _heading_between_rows(line, lines[j + 1]):
                rows.append([line.strip()])
            elif line.startswith("\t") or not rows or len(rows[-1]) == 1:
                fits = False  # a row's next line keeping its columns: not Word's text
                break
            else:
                cells = _row_cells(_LIST_MARK_TAB.sub(lambda m: m[1] + " ", line))
                rows[-1][-1] = f"{rows[-1][-1]} {cells[0]}".strip()
                rows[-1].extend(cells[1:])
                joined = True
            if len(rows[-1]) > width:
                fits = False
                break
            j += 1
        if not fits or not joined:
            out.append(lines[i])
            i += 1
            continue
        out.append(lines[i])
        out.extend("\t".join(row) for row in rows)
        i = j
    return out


_TABLE_TITLE = re.compile(
    r"^(?:(?:theme|priority|area|objective|recommendation|finding|section|strand|outcome)\s+)?"
    r"\d{1,2}(?:\.\d{1,2})?[.:)]?\s*[:\-–]?\s+\S.{2,}$",
    re.I,
)
_SLASH = re.compile(r"(?<=\s)/(?=\s)|^/(?=\s)|(?<=\s)/$")


def _slash_cells(line: str) -> list[str]:
    """The cells of a line whose cells a document-sharing site printed with ' / ' between them
    ('1.1 / Agree a protocol / Coordinator / June 2019 /  / C'); 'N/A' and 'and/or' are not cut."""
    return [c.strip() for c in _SLASH.split(" " + line.strip() + " ")] if "/" in line else [line.strip()]


def _slash_header(line: str) -> int:
    """The number of columns a ' / '-separated header line names (0 if it is not one): three or more
    column names, most of them known, one of them the action's."""
    parts = _slash_cells(line)
    if len(parts) < 3 or any(len(p) > 60 for p in parts):
        return 0
    fields = [header_field(p) for p in parts]
    named = sum(1 for f in fields if f)
    if named < 3 or named < 0.6 * len(parts) or "text" not in fields:
        return 0
    return len(parts)


def _slash_row(parts: list[str], header: list[str]) -> list[str]:
    """A row with more cells than its header (a cell's own ' / ', as in 'Police / Health'): the
    surplus is put back into the cell where the rest then fits its columns best (a date under the
    due column, a status under the status column), else into the action's cell."""
    width = len(header)
    if len(parts) <= width:
        return parts + [""] * (width - len(parts))
    fields = [header_field(h) for h in header]
    extra = len(parts) - width

    def joined(at: int) -> list[str]:
        return [*parts[:at], " / ".join(parts[at : at + extra + 1]), *parts[at + extra + 1 :]]

    def fits(row: list[str]) -> int:
        # a date under the due column, a status (or nothing) under the status column
        due = sum(1 for f, c in zip(fields, row, strict=True) if f == "due" and find_dates(c))
        rag = sum(1 for f, c in zip(fields, row, strict=True) if f == "rag" and (not c or looks_like_rag(c)))
        return due + rag

    def short(at: int) -> bool:
        # the pieces joined are names ('Police / Health'), not parts of a sentence
        return all(len(p.split()) <= 5 for p in parts[at : at + extra + 1])

    first = fields.index("text") if "text" in fields else width - 1
    best = max([first, *range(width)], key=lambda at: (fits(joined(at)), short(at)))
    return joined(best)


def slashed_tables_as_tabs(lines: list[str]) -> list[str]:
    """Tables as document-sharing sites print a Word document's text (docsbay, docest, vdocuments):
    each row on a line, its cells separated by ' / ', an empty cell an empty stretch ('/  /'), a
    cell's further paragraphs on lines of their own before the rest of the row (so a row is the
    lines that, together, hold as many separators as its header), and a row merged across the table
    (a section) a line with no separator. Where such a table has a header of column names, it and the
    short keys beside it ('R / Not on track' on consecutive lines) are rewritten as tab-separated
    rows; text that already has tab-separated or pipe rows is left as it is."""
    if any("\t" in line or line.lstrip().startswith("|") for line in lines):
        return lines
    if not any(_slash_header(line) for line in lines):
        return lines
    out: list[str] = []
    i = 0
    while i < len(lines):
        width = _slash_header(lines[i])
        if not width:
            # a short key or list printed the same way: two or more consecutive lines of as many cells
            parts = _slash_cells(lines[i])
            j = i
            while (
                j < len(lines)
                and len(parts) >= 2
                and len(_slash_cells(lines[j])) == len(parts)
                and len(lines[j]) < 200
            ):
                j += 1
            if j - i >= 2:
                out.extend("\t".join(_slash_cells(line)) for line in lines[i:j])
                i = j
            else:
                out.append(lines[i])
                i += 1
            continue
        header = _slash_cells(lines[i])
        if out and _TABLE_TITLE.match(out[-1].strip()) and len(out[-1]) < 200:
            # the line just above the header names the table's group ('Theme 2: Neglect'): a heading
            out[-1] = "## " + out[-1].strip()
        out.append("\t".join(header))
        j = i + 1
        while j < len(lines) and lines[j].strip() and not _slash_header(lines[j]):
            seps = len(_slash_cells(lines[j])) - 1
            if seps == 0:
                ahead = len(_slash_cells(lines[j + 1])) - 1 if j + 1 < len(lines) else 0
                if ahead >= width - 1 or not (j + 1 < len(lines) and lines[j + 1].strip()):
                    # a row merged across the table (a section), before a whole row
                    out.append(lines[j].strip() + "\t" * (width - 1))
                    j += 1
                    continue
            # a row, its cells' further paragraphs on lines of their own: gather lines until they
            # hold as many separators as the header
            taken = [lines[j].strip()]
            k = j + 1
            while seps < width - 1 and k < len(lines) and lines[k].strip() and not _slash_header(lines[k]):
                seps += len(_slash_cells(lines[k])) - 1
                taken.append(lines[k].strip())
                k += 1
            out.append("\t".join(_slash_row(_slash_cells(" ".join(taken)), header)))
            j = k
        i = j
    return out


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
# wording struck through ('~~Run a neglect conference~~'): removed but left to show what changed, left
# out as Word's struck wording is
_STRUCK = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_STRUCK_CELLS = 2  # cells struck through whole that make a row a removed one


def _pipe_cells(line: str) -> list[str]:
    """The cells of a pipe-table row: '| a | b |' (the outer pipes are optional; a pipe escaped as
    '\\|' is part of its cell)."""
    inner = line[1:] if line.startswith("|") else line
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.strip() for c in _UNESCAPED_PIPE.split(inner)]


def _struck_out(cells: list[str]) -> tuple[list[str], bool]:
    """The cells without their struck-through wording, and whether the row is struck through (two
    cells or more struck whole: an action withdrawn or merged into another)."""
    kept = [_STRUCK.sub("", c).strip() if "~~" in c else c for c in cells]
    whole = sum(1 for c, k in zip(cells, kept, strict=True) if c.strip() and not k)
    return kept, whole >= _STRUCK_CELLS


_COLUMN_GAP = re.compile(r"\s{2,}")


def _laid_out_header(line: str) -> bool:
    """A header row laid out in columns: three or more column names apart by runs of spaces, one of
    them the action's ('Ref    Action    Lead officer    Target date')."""
    parts = _COLUMN_GAP.split(line.strip())
    if len(parts) < 3 or len(parts) > 12:
        return False
    fields = [header_field(part) for part in parts]
    return "text" in fields and sum(1 for f in fields if f) >= 3


def _looks_laid_out(lines: list[str]) -> bool:
    """Text from a PDF laid out in columns: many lines, almost no cell separators; or, however short
    (a one-page plan), no separators at all and a header row laid out in columns."""
    tabbed = sum(1 for line in lines if "\t" in line or line.lstrip().startswith("|"))
    content = sum(1 for line in lines if line.strip())
    if content > 20:
        return tabbed < 0.05 * content
    return not tabbed and any(
        _laid_out_header(line) or names_columns(line, below)
        for line, below in zip(lines, [*lines[1:], ""], strict=True)
    )


def _header_known(cells: list[str]) -> list[str | None]:
    return [header_field(cell.strip()) if cell.strip() else None for cell in cells]


def tab_headers_rejoined(lines: list[str]) -> list[str]:
    """A table's header whose names wrap in narrow columns, printed over two tab-separated lines
    ('Re | Outcome we | Action ... | BRA' over 'f | want | ... | G'): one header line, each name's
    pieces joined by a space or, where only that names a column, run together ('Ref', 'BRAG').
    Every column has a name on the first line (a name spanning sub-columns leaves cells empty
    there). The first line is left blank, so the table starts at the header."""
    out = list(lines)
    for i in range(len(out) - 1):
        top, low = out[i].split("\t"), out[i + 1].split("\t")
        if len(top) < 3 or len(low) < 2 or len(low) > len(top):
            continue
        if not all(cell.strip() for cell in top):
            continue  # a name over sub-columns ('Lead' over 'Agency' | 'Officer'): a two-row header
        if not all(len(cell.split()) <= 3 for cell in low) or not any(cell.strip() for cell in low):
            continue
        before = _header_known(top)
        if "text" not in before and "text" not in _header_known(
            [f"{t} {b}" for t, b in zip(top, low, strict=False)]
        ):
            continue
        joined: list[str] = []
        for k, cell in enumerate(top):
            upper, lower = cell.strip(), low[k].strip() if k < len(low) else ""
            spaced = f"{upper} {lower}".strip()
            glued = f"{upper}{lower}"
            named = bool(lower) and is_column_name(glued) and not is_column_name(spaced)
            joined.append(
                glued if named or (lower and header_field(glued) and not header_field(spaced)) else spaced
            )
        after = _header_known(joined)
        known_before, known_after = sum(1 for f in before if f), sum(1 for f in after if f)
        if known_after >= 3 and known_after > known_before and "text" in after:
            out[i], out[i + 1] = "", "\t".join(joined)
    return out


_NUMBER_OPENING = re.compile(r"^\d{1,2}(?:\.\d{1,2})?\s*[:.)\-–—]")


def label_rows_rejoined(lines: list[str]) -> list[str]:
    """A heading row across the table cut at the columns' edges by a PDF tool ('Priority' | '1: Safer
    adolescents –' | 'exploitation, serious violence and missing'): one line, 'Priority 1: Safer
    adolescents – exploitation, serious violence and missing', read as the heading it is."""
    label = re.compile(rf"^(?:{section_label_pattern()})$", re.I)
    out: list[str] = []
    for line in lines:
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) >= 3 and label.match(cells[0]) and _NUMBER_OPENING.match(cells[1]):
            line = " ".join(cell for cell in cells if cell)
        out.append(line)
    return out


_RULE_MARKS = re.compile(r"[\s_\-—–=|¯~.]*[_\-—–=¯~][\s_\-—–=|¯~.]*")


# a page's marking and number as OCR misreads them ('0FFICIAL', 'Paqe 2 of 3')
_OCR_MARKING = re.compile(r"\b[O0]FF[I1l]C[I1l]AL\b")
_OCR_PAGE = re.compile(r"\bPa[gq]e(?=\s+\d{1,3}\s+[o0]f\s+\d)")


def _ocr_furniture(line: str) -> str:
    if "FF" in line:
        line = _OCR_MARKING.sub("OFFICIAL", line)
    return _OCR_PAGE.sub("Page", line) if "Paqe" in line else line


def read_text(data: str, laid_out_by_reader: bool = False) -> ReadResult:
    """``laid_out_by_reader``: the text is a PDF's words laid out in columns by the PDF reader,
    so it is read as laid out however short it is."""
    text = data.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html_document(text):
        text = html_document_lines(text)
    lines = label_rows_rejoined(
        tab_headers_rejoined(
            cells_per_line_as_pipes(
                pandoc_tables_as_pipes(
                    slashed_tables_as_tabs(word_text_rows_joined(bars_as_tabs(text.split("\n"))))
                )
            )
        )
    )
    laid_out = _looks_laid_out(lines) or (laid_out_by_reader and any(line.strip() for line in lines))
    if laid_out:
        # a scan's ruled lines read by OCR ('_ ___ ______ __', '—— — ——'): no words, a gap between rows
        lines = [
            "" if _RULE_MARKS.fullmatch(line) and len(line.strip()) > 2 else _ocr_furniture(line)
            for line in lines
        ]
    tables = table_items(lines) if laid_out else {}
    items: list[Item] = []
    page = 1
    table_no = 0
    in_table = False
    i = 0
    while i < len(lines):
        if i in tables:  # a table laid out in columns, read by where its cells sit
            end, table_rows = tables[i]
            page += sum(line.count("\f") for line in lines[i:end])
            table_no += 1
            for laid in table_rows:
                if laid.table is not None:
                    laid.table = table_no
                    laid.location = replace(laid.location, table=table_no)
                items.append(laid)
            i = end
            in_table = False
            continue
        raw = lines[i]
        line_no = i + 1
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        stripped = raw.strip()
        loc = Location(page=page, line=line_no)
        if stripped.lower().startswith("<table"):
            j = i
            chunk = []
            while j < len(lines):
                chunk.append(lines[j])
                if "</table>" in lines[j].lower():
                    break
                j += 1
            for grid, fills, banners in parse_html_tables_with_fills("\n".join(chunk)):
                table_no += 1
                for r, (row, shades, banner) in enumerate(zip(grid, fills, banners, strict=True)):
                    items.append(
                        Item(
                            text="\t".join(row),
                            cells=row,
                            fills=shades if any(shades) else None,
                            table=table_no,
                            location=Location(page=page, line=line_no, table=table_no, row=r + 1),
                            merges_shown=True,
                            banner=banner,
                        )
                    )
            i = j + 1
            in_table = False
            continue
        if _GRID_BORDER.match(stripped):
            # a grid table (pandoc, Word to Markdown): the lines between two borders are one row
            table_no += 1
            i = _grid_rows(lines, i, page, table_no, items)
            in_table = False
            continue
        if raw.count("\t") == 1 and _LIST_MARK_TAB.match(raw.lstrip(" ")):
            # a list item as Word saves it as text ('•<tab>a single handover template'), not a row
            raw = raw.replace("\t", " ", 1)
            stripped = raw.strip()
        if "\t" in raw or (stripped.startswith("|") and stripped.count("|") >= 2):
            if _PIPE_SEP.match(stripped) or _DASH_ROW.match(stripped):
                i += 1
                continue
            cells = merged_once(raw.split("\t")) if "\t" in raw else converter_cells(_pipe_cells(stripped))
            cells, struck = _struck_out(cells)
            if not in_table:
                table_no += 1
                in_table = True
            items.append(
                Item(
                    text=raw,
                    cells=cells,
                    table=table_no,
                    location=Location(page=page, line=line_no, table=table_no),
                    struck=struck,
                )
            )
            i += 1
            continue
        if not stripped:
            in_table = False
        if stripped:
            in_table = in_table and len(stripped) < 3
            if not laid_out:
                stripped = unescape(stripped)
            heading = _HEADING.match(stripped)
            if heading and _DEFAULT_SHEET.match(heading[2]):
                pass  # markitdown's heading for a sheet Excel named itself ('## Sheet1'): it names nothing
            elif heading:
                items.append(Item(text=heading[2], heading=len(heading[1]), location=loc))
            else:
                bold = _BOLD_LINE.match(stripped)
                label = None if bold else _BOLD_LABEL_OPENING.match(stripped)
                if label and label_alone().match(label[1].strip()):
                    # '**Recommendation 1:** The MSCP should ...': a section named by its bold label
                    items.append(Item(text=f"{label[1]} {label[2]}", bold=True, location=loc))
                else:
                    items.append(Item(text=bold[1] if bold else stripped, bold=bool(bold), location=loc))
        i += 1
    if not laid_out:
        _numbered_lines_over_tables(items)
        items = _title_lines_between_rows(items)
    return ReadResult(
        items=items, fmt="text", laid_out=laid_out, pages=page, raw_lines=lines if laid_out else []
    )
