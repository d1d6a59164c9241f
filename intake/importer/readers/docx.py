"""Word (.docx) documents: paragraphs and tables in body order, merged cells resolved."""

from __future__ import annotations

import io
from typing import Any

from ..errors import DocumentError, LimitExceeded
from ..model import ImportLimits, Location
from .base import Item, ReadResult, rag_colour
from .safezip import check_zip

_SHADING = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd"
_FILL = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill"


def _shading(tc: Any) -> str | None:
    properties = tc.tcPr
    shading = properties.find(_SHADING) if properties is not None else None
    return rag_colour(shading.get(_FILL)) if shading is not None else None


def _table_rows(table: Any) -> list[tuple[list[str], list[str | None] | None]]:
    """Grid rows, each with its cells' RAG shading (None when no cell has one): a horizontally
    merged cell fills its first column only; a vertically merged cell repeats its text in every
    row it spans (so a merged lead is carried down)."""
    rows: list[tuple[list[str], list[str | None] | None]] = []
    for row in table.rows:
        out: list[str] = []
        fills: list[str | None] = []
        previous = None
        for cell in row.cells:
            tc = cell._tc
            out.append("" if tc is previous else cell.text.strip())
            fills.append(None if tc is previous else _shading(tc))
            previous = tc
        rows.append((out, fills if any(fills) else None))
    return rows


def read_docx(data: bytes, limits: ImportLimits) -> ReadResult:
    check_zip(data, limits, "Word")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on damaged parts
        raise DocumentError(f"This Word file could not be opened ({type(exc).__name__}).") from exc
    items: list[Item] = []
    table_no = 0
    rows_seen = 0
    try:
        body = document.element.body
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                para = Paragraph(child, document)
                text = para.text.strip()
                if not text:
                    continue
                style = (para.style.name if para.style is not None else "") or ""
                level = 0
                if style.lower().startswith("heading"):
                    digits = "".join(ch for ch in style if ch.isdigit())
                    level = int(digits) if digits else 1
                elif style.lower() == "title":
                    level = 1
                runs = [r for r in para.runs if r.text.strip()]
                bold = bool(runs) and all(r.bold for r in runs)
                items.append(
                    Item(text=text, heading=level, bold=bold, location=Location(line=len(items) + 1))
                )
            elif tag == "tbl":
                table_no += 1
                for r, (cells, fills) in enumerate(_table_rows(Table(child, document))):
                    rows_seen += 1
                    if rows_seen > limits.max_rows:
                        raise LimitExceeded(f"This Word file has more than {limits.max_rows} table rows.")
                    items.append(
                        Item(
                            text="\t".join(cells),
                            cells=cells,
                            table=table_no,
                            fills=fills,
                            location=Location(table=table_no, row=r + 1),
                        )
                    )
    except LimitExceeded:
        raise
    except Exception as exc:
        raise DocumentError(f"This Word file could not be read ({type(exc).__name__}).") from exc
    return ReadResult(items=items, fmt="docx")
