"""PDF documents through pdfplumber: ruled tables as rows, the remaining text as lines."""

from __future__ import annotations

import io
import re
from typing import Any

from ..errors import DocumentError, LimitExceeded
from ..model import ImportLimits, Location
from .base import Item, ReadResult
from .text import read_text


def _outside(bboxes: list[tuple[float, float, float, float]]) -> Any:
    def keep(obj: dict[str, Any]) -> bool:
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in bboxes)

    return keep


_LINE_HYPHEN = re.compile(r"(?<=\w)-\n(?=[a-z])")


def _cell_text(text: str | None) -> str:
    """A cell's text on one line; 'multi-' at the end of a line and 'agency' on the next are one word."""
    return " ".join(_LINE_HYPHEN.sub("-", text or "").split())


def _table_rows(table: Any) -> list[list[str]]:
    """The table's rows; a cell merged down over the rows below (a lead shared by several actions)
    repeats its text in each, as the Word and Excel readers do. pdfplumber gives None for the
    cells a merged cell covers: those under a cell whose box reaches into their row are filled."""
    rows: list[list[str | None]] = table.extract()
    boxes = [row.cells for row in table.rows]
    tops = [row.bbox[1] for row in table.rows]
    out: list[list[str]] = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            if value is None and r < len(boxes) and c < len(boxes[r]) and boxes[r][c] is None:
                above = next((k for k in range(r - 1, -1, -1) if c < len(boxes[k]) and boxes[k][c]), None)
                box = boxes[above][c] if above is not None else None
                if above is not None and box is not None and box[3] > tops[r] + 1:
                    value = rows[above][c]
            cells.append(_cell_text(value))
        out.append(cells)
    return out


def read_pdf(data: bytes, limits: ImportLimits) -> ReadResult:
    try:
        import pdfplumber

        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise DocumentError(f"This PDF file could not be opened ({type(exc).__name__}).") from exc
    items: list[Item] = []
    table_no = 0
    rows_seen = 0
    any_table = False
    text_lines: list[str] = []
    try:
        with pdf:
            if len(pdf.pages) > limits.max_pages:
                raise LimitExceeded(
                    f"This PDF has {len(pdf.pages)} pages, more than the limit of {limits.max_pages}."
                )
            for page_no, page in enumerate(pdf.pages, start=1):
                tables = page.find_tables()
                bboxes = [t.bbox for t in tables]
                body = page.filter(_outside(bboxes)) if bboxes else page
                # text above the first table, then tables in order, then text below
                lines_by_top: list[tuple[float, Item]] = []
                for line in body.extract_text_lines():
                    text_lines.append(line["text"])
                    lines_by_top.append(
                        (line["top"], Item(text=line["text"].strip(), location=Location(page=page_no)))
                    )
                text_lines.append("\f")
                for table in tables:
                    any_table = True
                    table_no += 1
                    rows = _table_rows(table)
                    for r, cells in enumerate(rows):
                        rows_seen += 1
                        if rows_seen > limits.max_rows:
                            raise LimitExceeded(f"This PDF has more than {limits.max_rows} table rows.")
                        lines_by_top.append(
                            (
                                table.bbox[1] + r * 0.001,
                                Item(
                                    text="\t".join(cells),
                                    cells=cells,
                                    table=table_no,
                                    location=Location(page=page_no, table=table_no, row=r + 1),
                                ),
                            )
                        )
                lines_by_top.sort(key=lambda pair: pair[0])
                items.extend(item for _, item in lines_by_top if item.text.strip() or item.cells)
    except LimitExceeded:
        raise
    except Exception as exc:
        raise DocumentError(f"This PDF file could not be read ({type(exc).__name__}).") from exc
    if not any_table:
        # no ruled tables: fall back on the laid-out text
        result = read_text("\n".join(text_lines))
        result.fmt = "pdf"
        return result
    return ReadResult(items=items, fmt="pdf", pages=table_no)
