"""Tables in text extracted one cell after another (pdfminer, plain ``pdftotext``) with no reference
column to start each row: each cell a block of lines, blocks apart by blank lines, a row's cells in
the header's order, a cell left empty printing nothing, and (pdfminer) a row's one-line cells run
together on one line ('Head of MASH June 2024 G').

The header names the columns and their order (Action | Lead | Timescale | RAG | Progress). The blocks
after it are aligned to that cycle of columns by a small dynamic programme: each block goes to the
next column its content fits (prose to the action, a role or agency to the lead, a date or due phrase
to the timescale, a status word to the RAG), an empty cell skips a column at a cost, a one-line block
may fill several columns at once, and a short block where a row would start is a heading across the
table (or the cell of a grouping column, 'Theme', merged down its rows and printed once).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .blocks import (
    _BARE_REF,
    _STATUS_WORD,
    _blocks,
    _heading,
    _names,
    _ref_line,
    header_names_gathered,
    header_under_title,
)
from .layout import _LABELLED_GROUP, SECTION_HEADING
from .model import Location
from .normalise import is_undated_ok, looks_like_rag, opens_status, parse_due
from .owners import SMALL_WORDS, _tag
from .readers.base import Item
from .synonyms import exact_header_field
from .textlayout import DATE_START

_GROUPING = ("section", "question", "group")
_WHOLE_NUMBER = re.compile(r"^\d{1,2}[.)]?(?:\s|$)")
_ROLE_TAGS = frozenset("TJOARI")
_ACTION_CELLS = ("owner", "due", "rag")
# a short progress cell that is a status rather than a heading
_STATUS_OPENINGS = frozenset({"not", "in", "on", "no", "awaiting", "pending", "ongoing"})
_MAX_SPLIT_WORDS = 24
_SKIP = -1.0  # an empty cell
_SKIP_TEXT = -4.0  # a row without its action: rare
_SKIP_OTHER = -0.5  # progress not yet reported, evidence not yet gathered: common
_SPLIT = -0.5  # for each extra cell one line is cut into
_CONTINUED = -2.0  # a cell printed as two blocks (a blank line inside it)
_NEG = -1e9
_MOVED_STATUS = -0.5  # a status word read out of the place it was printed in


def _header_at(
    blocks: list[tuple[int, list[str]]], k: int
) -> tuple[list[str | None], list[str], int, str | None] | None:
    """The header of a table without a reference column starting at block ``k``: its fields, their
    names, the block after it and the heading printed above it in its first block."""
    fields: list[str | None] = []
    names: list[str] = []
    j = k
    title: str | None = None
    while j < len(blocks):
        named = _names(blocks[j][1])
        if named is None and j == k:
            above, named = header_under_title(blocks[j][1])
            # the document's own title (its first lines) is no section
            title = " ".join(above) if named and above and blocks[j][0] > 0 else None
        if named is None:
            break
        fields += [f for f, _ in named]
        names += [n for _, n in named]
        j += 1
    if "text" not in fields:
        _action_apart(fields, names)
    if j - k < (1 if len(fields) >= 4 else 2) or "text" not in fields or "ref" in fields:
        return None
    if len([f for f in fields if f not in _GROUPING]) < 3 or len(set(fields)) < len(fields):
        return None
    return fields, names, j, title


def _action_apart(fields: list[str | None], names: list[str]) -> None:
    """'Action Lead Timescale ...' read as an 'Action lead' column and no action column: the action
    column and the one after it."""
    for i, name in enumerate(names):
        first, _, rest = name.partition(" ")
        if rest and exact_header_field(first) == "text":
            field = exact_header_field(rest)
            if field and field not in fields[:i] + fields[i + 1 :]:
                fields[i : i + 1] = ["text", field]
                names[i : i + 1] = [first, rest]
                return


@lru_cache(maxsize=8192)
def _fit(text: str, kind: str) -> float:
    """How well ``text`` fits a column of the kind: positive for a good fit, negative for a poor one."""
    words = text.split()
    n = len(words)
    rag = looks_like_rag(text)
    dated = parse_due(text) is not None
    due_like = n <= 8 and (dated or is_undated_ok(text))
    labelled = bool(SECTION_HEADING.match(text) or _LABELLED_GROUP.match(text))
    statusish = n <= 4 and (words[0].lower() in _STATUS_OPENINGS or opens_status(words[0]))
    if kind == "rag":
        # a status word, or a status phrase only the plan's key can colour ('Not started')
        return 3.0 if rag else 1.5 if statusish and not due_like else -6.0
    if kind == "due":
        if not due_like or text[:1].islower():
            return -6.0
        # a date opening the cell ('June 2024', 'End of March 2025', 'Q2 2024/25'), not one after
        # other words ('Safeguarding Children Q2 2024/25': a lead's end and the date)
        return 3.0 if DATE_START.match(text) or not dated else 1.5
    lower = sum(1 for w in words if w[:1].islower() and w.lower() not in SMALL_WORDS)
    if kind == "owner":
        if rag or due_like or n > 14 or text.endswith(".") or lower > n // 4 or text[:1].islower():
            return -4.0
        if DATE_START.match(text):
            return -4.0  # a date's opening ('Q3' over '2024/25'), not a name
        roles = sum(1 for w in words if _tag(w) in _ROLE_TAGS)
        return 1.5 + min(roles, 2) * 0.5
    if kind == "heading":
        if rag or due_like or n > 12 or text.endswith((".", ",", ";")):
            return -4.0
        if labelled:
            return 2.0
        return 1.0 if text[:1].isupper() and not statusish else -2.0
    if rag or due_like:
        return -6.0 if kind == "text" else -2.0
    if kind == "text":
        if n < 3:
            return -3.0
        prose = lower >= max(1, n // 3)
        return 3.0 if prose else 1.0 if lower else -1.0
    # progress, outcome, evidence and columns the header does not name: anything but a heading
    # ('Priority 2: ...', or a short name such as 'Neglect' where a status phrase is not)
    if labelled:
        return -3.0
    if n <= 3 and not text[:1].isdigit() and not statusish:
        return -0.5
    if n < 3:
        return 0.5
    return 3.0 if lower >= max(1, n // 3) else 1.5


def _split_fit(line: str, kinds: list[str]) -> tuple[float, list[str]]:
    """The best cut of one line into one cell per kind (in order), and its score."""
    words = line.split()
    n, m = len(words), len(kinds)
    if m > n:
        return _NEG, []
    best = [[_NEG] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for k in range(1, m + 1):
        for j in range(k, n - (m - k) + 1):
            for i in range(k - 1, j):
                if best[k - 1][i] <= _NEG / 2:
                    continue
                score = best[k - 1][i] + _fit(" ".join(words[i:j]), kinds[k - 1])
                if score > best[k][j]:
                    best[k][j], back[k][j] = score, i
    if best[m][n] <= _NEG / 2:
        return _NEG, []
    cells: list[str] = []
    j = n
    for k in range(m, 0, -1):
        i = back[k][j]
        cells.append(" ".join(words[i:j]))
        j = i
    return best[m][n] + _SPLIT * (m - 1), cells[::-1]


def _kind(field: str | None) -> str:
    if field in ("text", "owner", "due", "rag"):
        return field
    if field == "agency":
        return "owner"
    return "other"


# one step of the alignment: (kind of step, columns it fills, the cells' texts)
_Step = tuple[str, int, list[str]]


def _align(units: list[str], single: list[bool], kinds: list[str]) -> list[tuple[int, _Step]]:
    """Each unit's place in the cycle of columns: (the column it starts at, its step), by the
    best-scoring path; steps are 'cell' (one or more columns), 'heading' and 'more' (the
    previous column's cell continued)."""
    width = len(kinds)
    n = len(units)
    score = [[_NEG] * width for _ in range(n + 1)]
    back: list[list[tuple[int, int, _Step | None]]] = [[(-1, -1, None)] * width for _ in range(n + 1)]
    score[0][0] = 0.0
    for i in range(n + 1):
        # empty cells: move along the row (and on to the next) without using a unit
        for _ in range(2):
            for c in range(width):
                nxt = (c + 1) % width
                if score[i][c] <= _NEG / 2:
                    continue
                cost = _SKIP_TEXT if kinds[c] == "text" else _SKIP_OTHER if kinds[c] == "other" else _SKIP
                if score[i][c] + cost > score[i][nxt]:
                    score[i][nxt] = score[i][c] + cost
                    back[i][nxt] = (i, c, None)
        if i == n:
            break
        unit = units[i]
        for c in range(width):
            here = score[i][c]
            if here <= _NEG / 2:
                continue
            options: list[tuple[float, int, _Step]] = [
                (_fit(unit, kinds[c]), (c + 1) % width, ("cell", 1, [unit]))
            ]
            if single[i] and len(unit.split()) <= _MAX_SPLIT_WORDS:
                for m in range(2, width - c + 1):
                    got, cells = _split_fit(unit, kinds[c : c + m])
                    if cells:
                        options.append((got, (c + m) % width, ("cell", m, cells)))
            if c == 0:
                options.append((_fit(unit, "heading"), 0, ("heading", 0, [unit])))
            previous = kinds[c - 1]
            if i > 0 and previous in ("text", "other"):
                options.append((_fit(unit, previous) + _CONTINUED, c, ("more", 0, [unit])))
            for got, nxt, step in options:
                if here + got > score[i + 1][nxt]:
                    score[i + 1][nxt] = here + got
                    back[i + 1][nxt] = (i, c, step)
    # walk back from the best end
    c = max(range(width), key=lambda col: score[n][col])
    i = n
    path: list[tuple[int, _Step]] = []
    while i > 0 or c != 0:
        pi, pc, taken = back[i][c]
        if pi < 0:
            break
        if taken is not None:
            path.append((pc, taken))
        i, c = pi, pc
    return path[::-1]


def cell_items(lines: list[str]) -> list[Item]:
    """The tables without a reference column of a text extracted cell after cell, as a header row,
    rows and headings; [] when none."""
    blocks = header_names_gathered(_blocks(lines), lines)
    items: list[Item] = []
    k = 0
    table = 0
    while k < len(blocks):
        found = _header_at(blocks, k)
        if found is None:
            k += 1
            continue
        start = blocks[k][0]
        fields, names, k, title = found
        table += 1
        columns = [(f, name) for f, name in zip(fields, names, strict=True) if f not in _GROUPING]
        header_names = {name.lower() for _, name in columns} | {name.lower() for name in names}
        body: list[tuple[int, list[str]]] = []
        while k < len(blocks):
            again = _header_at(blocks, k)
            if again is not None:
                if again[0] != fields or again[3] is not None:
                    break  # another table, or the same columns under a new heading
                k = again[2]  # the header repeated on a new page
                continue
            if " ".join(blocks[k][1]).lower() not in header_names:
                body.append(blocks[k])
            k += 1
        # a due date opening with its day ('4 September' / '2025') opens no row; under a grouping
        # column, a whole number opening a block ('1. Management oversight ...') is a group's cell
        grouped = any(f in _GROUPING for f in fields)
        opened = sum(
            1
            for _, lines in body
            if (_ref_line(lines[0]) or _BARE_REF.match(lines[0]))
            and not (grouped and _WHOLE_NUMBER.match(lines[0]))
        )
        if opened >= 2:
            continue  # each action's reference opens its cell: read by the rows the references start
        if title is not None:
            items.append(Item(text=title, heading=2, location=Location(line=start + 1)))
        items.append(
            Item(
                text="\t".join(n for _, n in columns),
                cells=[n for _, n in columns],
                table=table,
                location=Location(line=body[0][0] if body else None, table=table),
            )
        )
        items.extend(_rows(body, [_kind(f) for f, _ in columns], table))
    return items if sum(1 for item in items if item.cells and len(item.cells) > 1) > 1 else []


def _rows(body: list[tuple[int, list[str]]], kinds: list[str], table: int) -> list[Item]:
    units = [" ".join(lines) for _, lines in body]
    path = _align(units, [len(lines) == 1 for _, lines in body], kinds)
    width = len(kinds)
    out: list[Item] = []
    row: list[str] | None = None
    row_line = 0

    def flush() -> None:
        nonlocal row
        if row is not None:
            # an action has a lead, a date or a status beside it: prose alone (or with more prose in
            # a progress column) is text around the table
            filled = [cell for kind, cell in zip(kinds, row, strict=True) if kind in _ACTION_CELLS and cell]
            text_at = kinds.index("text")
            if row[text_at] and filled:
                out.append(
                    Item(
                        text="\t".join(row),
                        cells=row,
                        table=table,
                        location=Location(line=row_line, table=table),
                    )
                )
            else:
                out.extend(Item(text=cell, location=Location(line=row_line)) for cell in row if cell)
        row = None

    for (start, _), (c, step) in zip(body, path, strict=True):
        kind, span, cells = step
        if kind == "heading":
            flush()
            out.append(_heading(cells[0], table, start))
            continue
        if kind == "more":
            if row is not None:
                at = (c - 1) % width
                row[at] = f"{row[at]} {cells[0]}".strip()
            continue
        if row is None or c <= _last_filled(row):
            flush()
            row = [""] * width
            row_line = start + 1
        for offset in range(span):
            row[c + offset] = cells[offset]
    flush()
    return out


def _last_filled(row: list[str]) -> int:
    return max((i for i, cell in enumerate(row) if cell), default=-1)


def row_by_content(row: list[str], fields: list[str | None]) -> list[str]:
    """A row of a text printed cell after cell (reference, action, then its other cells) placed under
    the header's columns by what its cells hold, where that reads it clearly: an empty cell prints
    nothing, so 'Ongoing' after a status is the due cell even when the lead comes next, and a status
    word printed out of its place (after the progress) is still the status. Every cell must fit the
    column it is placed under; otherwise (or when the row is already full and in order) the row is
    returned as printed."""
    n = len(fields)
    if n < 3 or len(row) < 3 or len(row) > n or fields[:2] != ["ref", "text"]:
        return row
    rest = row[2:]
    status: str | None = None
    words = [k for k, cell in enumerate(rest) if _STATUS_WORD.match(cell)]
    if "rag" in fields and len(words) == 1 and fields.index("rag") - 2 != words[0]:
        status = rest.pop(words[0])
    elif len(row) == n:
        return row
    columns = [j for j in range(2, n) if status is None or fields[j] != "rag"]
    kinds = [_kind(fields[j]) for j in columns]
    placed = _monotone(rest, kinds)
    if placed is None:
        return row
    out = [*row[:2], *([""] * (n - 2))]
    for cell, at in zip(rest, placed, strict=True):
        out[columns[at]] = cell
    if status is not None:
        out[fields.index("rag")] = status
    return out


def _monotone_fit(cells: list[str], kinds: list[str]) -> float | None:
    """How well the cells fit the columns in order (one cell a column); None where they cannot. A
    status word printed out of its place (after the progress) is still the status, as row_by_content
    reads it, at a small cost: cells in their columns' order are the likelier reading."""
    options: list[float] = []
    placed = _monotone(cells, kinds)
    if placed is not None:
        options.append(sum(_fit(cell, kinds[at]) for cell, at in zip(cells, placed, strict=True)))
    words = [k for k, cell in enumerate(cells) if _STATUS_WORD.match(cell)]
    if "rag" in kinds and len(words) == 1:
        rest = [cell for k, cell in enumerate(cells) if k != words[0]]
        others = [kind for kind in kinds if kind != "rag"]
        moved = _monotone(rest, others)
        if moved is not None:
            got = sum(_fit(cell, others[at]) for cell, at in zip(rest, moved, strict=True))
            options.append(got + _fit(cells[words[0]], "rag") + _MOVED_STATUS)
    return max(options, default=None)


def _monotone(cells: list[str], kinds: list[str]) -> list[int] | None:
    """Each cell's column (in order, one cell a column) by the best total fit; None where the best
    places a cell under a column it does not fit."""
    m, n = len(cells), len(kinds)
    if m > n:
        return None
    # best[i][j]: the best score of the first i cells placed within the first j columns
    best = [[_NEG] * (n + 1) for _ in range(m + 1)]
    best[0] = [0.0] * (n + 1)
    for i in range(1, m + 1):
        for j in range(i, n + 1):
            best[i][j] = max(best[i][j - 1], best[i - 1][j - 1] + _fit(cells[i - 1], kinds[j - 1]))
    placed = [0] * m
    j = n
    for i in range(m, 0, -1):
        while j > i and best[i][j] == best[i][j - 1]:
            j -= 1
        placed[i - 1] = j - 1
        if _fit(cells[i - 1], kinds[j - 1]) <= 0:
            return None
        j -= 1
    return placed
