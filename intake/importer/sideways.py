"""A plan laid on its side: the field names down the first column ('Action ref', 'Action', 'Lead',
'Target date', 'RAG'), one column per action, a recommendation merged across its actions' columns
above them. Turned the right way up (a header row, a row per action) before it is read as a table.
"""

from __future__ import annotations

from dataclasses import replace

from .readers.base import Item
from .synonyms import exact_header_field, header_field

_MIN_FIELDS = 3  # field names down the side, among them the action's words
_MIN_ACTIONS = 2  # columns of actions beside them


def _field(cells: list[str] | None, exact: bool = False) -> str | None:
    """The field the row's first cell names; `exact`: names exactly ('Action ref', 'Target date'),
    not a label that only opens with one ('Actions done', 'Due dates moved' of a report's summary)."""
    if not cells or not cells[0].strip():
        return None
    return (exact_header_field if exact else header_field)(cells[0].strip())


def _block(rows: list[Item], start: int) -> int:
    """The end (exclusive) of the run of rows from `start` whose first cell names a field."""
    end = start
    while end < len(rows) and _field(rows[end].cells) is not None:
        end += 1
    return end


def _on_its_side(rows: list[Item], start: int, end: int) -> bool:
    fields = [_field(r.cells) for r in rows[start:end]]
    named = {f for f in fields if f}
    exact = {f for r in rows[start:end] if (f := _field(r.cells, exact=True))}
    if len(exact) < _MIN_FIELDS or "text" not in exact or len(named) < len(fields) - 1:
        return False
    texts = rows[start + fields.index("text")].cells or []
    filled = [c for c in texts[1:] if c.strip()]
    # a header row across the top would name fields in its other cells too
    across = max(
        sum(1 for c in (r.cells or [])[1:] if c.strip() and header_field(c.strip())) for r in rows[start:end]
    )
    return len(filled) >= _MIN_ACTIONS and across < _MIN_FIELDS


def rows_turned_upright(items: list[Item]) -> list[Item]:
    """The items with each table laid on its side turned upright (others as they were)."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        item = items[k]
        end = k + 1
        while item.is_row and item.table is not None and end < len(items) and items[end].table == item.table:
            end += 1
        rows = items[k:end]
        turned = (
            _turned(rows) if item.is_row and item.table is not None and all(r.is_row for r in rows) else None
        )
        out.extend(turned if turned is not None else rows)
        k = end
    return out


def _turned(rows: list[Item]) -> list[Item] | None:
    start = 0
    while start < len(rows):
        end = _block(rows, start)
        if end > start and _on_its_side(rows, start, end):
            return rows[:start] + _upright(rows[start:end]) + rows[end:]
        start = end + 1 if end > start else start + 1
    return None


def _upright(block: list[Item]) -> list[Item]:
    width = max(len(r.cells or []) for r in block)
    grid = [(r.cells or []) + [""] * (width - len(r.cells or [])) for r in block]
    fills = [
        (r.fills or []) + [None] * (width - len(r.fills or [])) if r.fills else [None] * width for r in block
    ]
    # a group's name merged across its actions' columns is written in the first of them only
    for r, row in enumerate(block):
        if _field(row.cells) == "section":
            last = ""
            for j in range(1, width):
                if grid[r][j].strip():
                    last = grid[r][j]
                elif any(grid[x][j].strip() for x in range(len(block)) if x != r):
                    grid[r][j] = last
                else:
                    last = ""  # a spacer column between groups
    first = block[0]
    header = replace(first, cells=[g[0] for g in grid], fills=None, text="\t".join(g[0] for g in grid))
    upright = [header]
    for j in range(1, width):
        cells = [g[j] for g in grid]
        if not any(c.strip() for c in cells):
            continue  # a spacer column
        column_fills = [f[j] for f in fills]
        upright.append(
            replace(
                first,
                cells=cells,
                text="\t".join(cells),
                fills=column_fills if any(column_fills) else None,
                banner=False,
            )
        )
    return upright
