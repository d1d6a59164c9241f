"""Plain text, Markdown and HTML-ish text: tab-separated rows, pipe tables, <table> blocks, headings."""

from __future__ import annotations

import re
from dataclasses import replace

from ..columns import table_items
from ..model import Location
from .base import Item, ReadResult
from .htmltable import html_document_lines, looks_like_html_document, parse_html_tables

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__|<b>|<strong>)(.+?)(?:\*\*|__|</b>|</strong>)\s*$", re.I)
_PIPE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
_DASH_ROW = re.compile(r"^[\s\-–|:]+$")
_GRID_BORDER = re.compile(r"^\+(?:[-=:]+\+)+$")


def _grid_rows(lines: list[str], i: int, page: int, table: int, items: list[Item]) -> int:
    """Read the grid table whose top border is line ``i``: each row's cells joined over its lines.
    Returns the index of the first line after the table."""
    row: list[str] | None = None
    row_line = 0

    def flush() -> None:
        nonlocal row
        if row is not None and any(row):
            location = Location(page=page, line=row_line, table=table)
            items.append(Item(text="\t".join(row), cells=row, table=table, location=location))
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


def _looks_laid_out(lines: list[str]) -> bool:
    """Text from a PDF laid out in columns: many lines, almost no cell separators."""
    tabbed = sum(1 for line in lines if "\t" in line or line.lstrip().startswith("|"))
    content = sum(1 for line in lines if line.strip())
    return content > 20 and tabbed < 0.05 * content


def read_text(data: str) -> ReadResult:
    text = data.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html_document(text):
        text = html_document_lines(text)
    lines = text.split("\n")
    laid_out = _looks_laid_out(lines)
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
            for grid in parse_html_tables("\n".join(chunk)):
                table_no += 1
                for r, row in enumerate(grid):
                    items.append(
                        Item(
                            text="\t".join(row),
                            cells=row,
                            table=table_no,
                            location=Location(page=page, line=line_no, table=table_no, row=r + 1),
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
        if "\t" in raw or (stripped.startswith("|") and stripped.count("|") >= 2):
            if _PIPE_SEP.match(stripped) or _DASH_ROW.match(stripped):
                i += 1
                continue
            cells = raw.split("\t") if "\t" in raw else [c.strip() for c in stripped.strip("|").split("|")]
            if not in_table:
                table_no += 1
                in_table = True
            items.append(
                Item(
                    text=raw,
                    cells=cells,
                    table=table_no,
                    location=Location(page=page, line=line_no, table=table_no),
                )
            )
            i += 1
            continue
        if not stripped:
            in_table = False
        if stripped:
            in_table = in_table and len(stripped) < 3
            heading = _HEADING.match(stripped)
            if heading:
                items.append(Item(text=heading[2], heading=len(heading[1]), location=loc))
            else:
                bold = _BOLD_LINE.match(stripped)
                items.append(Item(text=bold[1] if bold else stripped, bold=bool(bold), location=loc))
        i += 1
    return ReadResult(
        items=items, fmt="text", laid_out=laid_out, pages=page, raw_lines=lines if laid_out else []
    )
