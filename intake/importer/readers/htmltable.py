"""HTML tables embedded in text (or whole HTML documents), read with the standard library."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TypeVar

from .base import rag_colour

_T = TypeVar("_T")
# a cell's shading as Word's 'Save as Web Page' writes it ('background:#FF0000', 'background:red',
# 'mso-shading'/'mso-pattern' aside) or as an HTML attribute (bgcolor="#FF0000")
_BACKGROUND = re.compile(r"(?:^|;)\s*background(?:-color)?\s*:\s*([#\w]+)", re.I)
_NAMED = {
    "red": "FF0000", "yellow": "FFFF00", "orange": "FFA500", "lime": "00FF00", "green": "008000",
    "blue": "0000FF", "aqua": "00FFFF", "teal": "008080", "olive": "808000", "navy": "000080",
}  # fmt: skip


def _fill(attrs: dict[str, str | None]) -> str | None:
    """The RAG colour a cell's background shows, if any."""
    found = _BACKGROUND.search(attrs.get("style") or "")
    value = (found[1] if found else attrs.get("bgcolor") or "").strip().lower()
    return rag_colour(_NAMED.get(value, value)) if value else None


_SCREEN_READER_ONLY = re.compile(r"\b(?:govuk-visually-hidden|visually-hidden|sr-only|screen-reader-text)\b")


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._stack: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self._spans: list[tuple[int, int]] = []
        self.spans: list[list[list[tuple[int, int]]]] = []
        self._fills: list[list[list[str | None]]] = []
        self.fills: list[list[list[str | None]]] = []
        # per cell of each row: whether it heads the rows below (spans columns or is wholly bold)
        self._heads: list[list[list[bool]]] = []
        self.banners: list[list[bool]] = []
        self._bold = 0  # depth of <b>/<strong> inside the cell
        self._plain = False  # the cell has text outside bold
        self._header_cell = False  # the open cell is a <th>
        self._hidden = False  # inside a header's text for screen readers only ('Progress ' Status)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._stack.append([])
            self.spans.append([])
            self._fills.append([])
            self._heads.append([])
        elif tag == "tr" and self._stack:
            self._stack[-1].append([])
            self.spans[-1].append([])
            self._fills[-1].append([])
            self._heads[-1].append([])
        elif tag in ("td", "th") and self._stack:
            if not self._stack[-1]:
                self._stack[-1].append([])
                self.spans[-1].append([])
                self._fills[-1].append([])
                self._heads[-1].append([])
            self._cell = []
            self._bold = 0
            self._plain = False
            self._header_cell = tag == "th"
            values = dict(attrs)
            self._fills[-1][-1].append(_fill(values))
            try:
                colspan = max(1, min(50, int(values.get("colspan") or 1)))
                rowspan = max(1, min(500, int(values.get("rowspan") or 1)))
            except ValueError:
                colspan = rowspan = 1
            self.spans[-1][-1].append((colspan, rowspan))
        elif (
            tag == "span"
            and self._cell is not None
            and self._header_cell
            and _SCREEN_READER_ONLY.search(dict(attrs).get("class") or "")
        ):
            # a column's name has words for screen readers only: the name as seen is the column's
            self._hidden = True
        elif tag in ("b", "strong") and self._cell is not None:
            self._bold += 1
        elif tag in ("br", "p", "li", "ul", "ol") and self._cell is not None:
            # kept as a tag (cleaning the text makes it a space): a list in a cell is read item by item
            self._cell.append(f" <{'br' if tag == 'p' else tag}> ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._hidden:
            self._hidden = False
        elif tag in ("ul", "ol") and self._cell is not None:
            self._cell.append(f" </{tag}> ")
        elif tag in ("b", "strong") and self._cell is not None:
            self._bold = max(0, self._bold - 1)
        elif tag in ("td", "th") and self._cell is not None and self._stack:
            text = " ".join("".join(self._cell).split())
            self._stack[-1][-1].append(text)
            colspan = self.spans[-1][-1][-1][0] if self.spans[-1][-1] else 1
            self._heads[-1][-1].append(bool(text) and (colspan > 1 or not self._plain))
            self._cell = None
        elif tag == "table" and self._stack:
            rows = self._stack.pop()
            spans = self.spans.pop()
            self.tables.append(_expand(rows, spans, ""))
            self.fills.append(_expand(self._fills.pop(), spans, None))
            # a row whose one cell with text spans columns or is wholly bold: a heading across the table
            self.banners.append(
                [
                    sum(1 for text in row if text) == 1 and any(h for h in heads)
                    for row, heads in zip(rows, self._heads.pop(), strict=False)
                ]
            )

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._hidden:
            self._cell.append(data)
            if not self._bold and data.strip():
                self._plain = True


def _expand(rows: list[list[_T]], spans: list[list[tuple[int, int]]], blank: _T) -> list[list[_T]]:
    """Apply colspan (blank filler) and rowspan (value carried down, like a merged cell)."""
    grid: list[list[_T]] = []
    pending: dict[tuple[int, int], _T] = {}
    for r, row in enumerate(rows):
        out: list[_T] = []
        col = 0
        for c, value in enumerate(row):
            while (r, col) in pending:
                out.append(pending.pop((r, col)))
                col += 1
            colspan, rowspan = spans[r][c] if r < len(spans) and c < len(spans[r]) else (1, 1)
            out.append(value)
            for k in range(1, rowspan):
                pending[(r + k, col)] = value
            out.extend(blank for _ in range(colspan - 1))
            col += colspan
        while (r, col) in pending:
            out.append(pending.pop((r, col)))
            col += 1
        grid.append(out)
    return grid


def parse_html_tables(markup: str) -> list[list[list[str]]]:
    return [grid for grid, _, _ in parse_html_tables_with_fills(markup)]


def parse_html_tables_with_fills(
    markup: str,
) -> list[tuple[list[list[str]], list[list[str | None]], list[bool]]]:
    """Each table's grid of cell texts, with the RAG colour each cell's background shows and, per
    row, whether it is a heading across the table (one cell spanning columns, or in bold)."""
    parser = _TableParser()
    parser.feed(markup)
    parser.close()
    return list(zip(parser.tables, parser.fills, parser.banners, strict=True))


_HTML_DOCUMENT = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<html\b)", re.I)
_BODY = re.compile(r"<body\b", re.I)
_MARKUP_FIRST = re.compile(r"^\s*<(?:meta|link|style|head|div)\b", re.I)
_TABLE_TAG = re.compile(r"<table\b", re.I)
_HIDDEN = re.compile(r"<(head|script|style|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_BLOCK = frozenset(
    ("p", "div", "br", "li", "ul", "ol", "section", "article", "header", "footer", "main", "blockquote",
     "dd", "dt", "dl", "hr", "caption", "title", "body", "html", "nav", "aside", "figure", "pre")
)  # fmt: skip


def looks_like_html_document(text: str) -> bool:
    """A whole HTML page (a plan saved from Word or a website, or a sheet Google Sheets downloads
    'as web page', which opens with its <meta> and <style> and has no <html> or <body>), not
    Markdown with a table in it."""
    head = text[:5000]
    if _HTML_DOCUMENT.match(head) or _BODY.search(head):
        return True  # a page, with or without tables (a website's cards of labelled fields)
    return bool(_TABLE_TAG.search(text)) and bool(_MARKUP_FIRST.match(head))


def html_document_lines(markup: str) -> str:
    """An HTML page as the lines the text reader reads: a heading as '# text', one line per block
    of text, and each table (with any tables inside it) on a line of its own. Line breaks in the
    source mean nothing in HTML, so they are collapsed first."""
    text = " ".join(_HIDDEN.sub(" ", markup).split())
    out: list[str] = []
    depth = 0
    last = 0
    for m in _TAG.finditer(text):
        closing, name = m[1] == "/", m[2].lower()
        if depth:
            if name == "table":
                depth += -1 if closing else 1
                if not depth:
                    out.append(text[last : m.end()])
                    out.append("\n")
                    last = m.end()
            continue
        out.append(text[last : m.start()])
        last = m.end()
        if name == "table" and not closing:
            depth = 1
            out.append("\n")
            last = m.start()
        elif len(name) == 2 and name[0] == "h" and name[1] in "123456":
            out.append("\n" if closing else "\n" + "#" * int(name[1]) + " ")
        elif name == "dt" and closing:
            # a definition list's term labels its description: 'Lead: ...', as a labelled line
            out.append(": ")
        elif name == "dd" and not closing:
            pass
        elif name in _BLOCK:
            out.append("\n")
        elif name in ("b", "strong"):
            out.append(m[0])  # a line wholly in bold is read as a heading-like line
    out.append(text[last:])
    return "\n".join(line.strip() for line in "".join(out).split("\n"))
