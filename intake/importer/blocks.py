"""Tables in text extracted one cell after another (``pdftotext`` without ``-layout``): each cell a
block of lines, blocks apart by blank lines, a row's cells in reading order.

The header is a run of blocks that are each one or more header synonyms ('Ref Action required',
'Lead officer', 'RAG' over 'rating'). A line opening with a reference starts a row (the reference
and its action text are printed together); the blocks after it, up to the next reference, are
the row's other cells, which the layout builder places under the header's columns by what they
hold (a date under the due column, 'G' under RAG), so a cell left empty does not shift the rest.
A line above a reference in the same block is a heading across the table (a priority, a finding).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .columns import header_fields_of
from .layout import _LABELLED_GROUP, SECTION_HEADING, heading_like_line
from .model import Location
from .normalise import NOT_A_QUARTER, SECURITY_MARKING, join_lines
from .readers.base import Item
from .synonyms import could_be_header_word, exact_header_field
from .textlayout import DATE_START

_GROUPING = ("section", "question", "group")

_REF_LINE = re.compile(
    r"^((?:[A-Z]{1,6}[-/]?)?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?|[A-Z]{2,6}-\d+|[A-Z]{2,5} \d{1,2}\.\d{1,2}[a-z]?)"
    r"[.)]?\s+(?=[A-Z‘'\"“(])(\S.*)$"
)
# (a quarter's column name, 'Q1' to 'Q4' over a RAG each quarter, is never a reference)
_BARE_REF = re.compile(
    "^"
    + NOT_A_QUARTER
    + r"(?:[A-Z]{1,6}[-/]?)?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?[.)]?$|^[A-Z]{2,6}-\d+$|^[A-Z]{2,5} \d{1,2}\.\d{1,2}[a-z]?$"
)
# a status printed as one word or letter ('G', 'Amber', 'Completed'): on a cell's one line, beside the
# first line of its neighbour, which plain pdftotext runs into one line or one block
_STATUS_WORD = re.compile(r"^(?:[RAGB]|Red|Amber|Green|Blue|Complete|Completed|RED|AMBER|GREEN|BLUE)$")
_FURNITURE = re.compile(
    rf"^(?:{SECURITY_MARKING}\b.*|page \d+(?: of \d+)?|\d{{1,3}})$|\bpage \d+ of \d+$", re.I
)


def _ref_line(line: str) -> re.Match[str] | None:
    """A reference and the text after it ('1.2 Review ...'), not a date ('27 March 2025')."""
    return None if DATE_START.match(line) else _REF_LINE.match(line)


# a line with a number at one end ('1 | Child Exploitation Delivery Plan 2024/25', 'Neglect plan – 3')
_NUMBERED_LINE = re.compile(r"^(\d{1,3})\s*[|–—-]?\s*(\D.*)$|^(.*\D)\s*[|–—-]?\s*(\d{1,3})$")


def _page_numbered_lines(lines: list[str]) -> set[int]:
    """A running header or footer numbered by page: the same words on two pages or more, next to
    the page breaks, with a number at one end that rises from page to page. Its lines are page
    furniture (a numbered heading, 'Area of weakness 2', stands anywhere on its page)."""
    seen: dict[str, list[tuple[int, int]]] = {}
    for i, raw in enumerate(lines):
        if not any("\f" in line for line in lines[max(0, i - 3) : i + 4]):
            continue
        m = _NUMBERED_LINE.match(raw.replace("\f", "").strip())
        if not m:
            continue
        number, words = (m[1], m[2]) if m[1] else (m[4], m[3])
        words = " ".join(words.split()).strip(" |–—-")
        if len(words.split()) >= 3:
            seen.setdefault(words, []).append((i, int(number)))
    found: set[int] = set()
    for occurrences in seen.values():
        numbers = [n for _, n in occurrences]
        if len(numbers) >= 2 and all(b > a for a, b in zip(numbers, numbers[1:], strict=False)):
            found.update(i for i, _ in occurrences)
    return found


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(first line's index, its lines) for each run of non-blank lines; page furniture left out (a
    bare number only next to a page break: elsewhere it is a reference; a running header or footer
    with the page's number)."""
    out: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    running = _page_numbered_lines(lines)
    for i, raw in enumerate([*lines, ""]):
        text = "" if i in running else raw.replace("\f", "").strip()
        if text and _FURNITURE.search(text) and len(text.split()) <= 8:
            near_break = any("\f" in line for line in lines[max(0, i - 1) : i + 3])
            if not text.isdigit() or near_break:
                continue
        if text:
            if not current:
                start = i
            current.append(text)
        elif current:
            out.append((start, current))
            current = []
    return _superscripts_rejoined(out)


_SUPERSCRIPT = re.compile(r"^(?:st|nd|rd|th)$")


def _superscripts_rejoined(blocks: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """A date's ordinal printed raised ('31' / 'st' / 'July 2024') comes out as blocks of its own:
    the number, its suffix and the rest of the date are one line again."""
    out: list[tuple[int, list[str]]] = []
    k = 0
    while k < len(blocks):
        start, lines = blocks[k]
        if out and len(lines) == 1 and _SUPERSCRIPT.match(lines[0]) and out[-1][1][-1][-1:].isdigit():
            joined = out[-1][1][-1] + lines[0]
            rest: list[str] = []
            if k + 1 < len(blocks):
                nxt = blocks[k + 1][1]
                joined, rest = f"{joined} {nxt[0]}", nxt[1:]
                k += 1
            out[-1] = (out[-1][0], [*out[-1][1][:-1], joined, *rest])
        else:
            out.append((start, list(lines)))
        k += 1
    return out


def _header_words(text: str) -> list[tuple[str | None, str]] | None:
    """The columns named in a block of header words printed out of order (narrow header cells
    wrapped into each other: 'Responsible officer Target' / 'BRAG' / 'completion status' / 'date'):
    the longest names first, each field once; None unless every word belongs to a column's name."""
    words = text.split()
    if not words or len(words) > 16 or not all(could_be_header_word(w) for w in words):
        return None
    out: list[tuple[str | None, str]] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + 5), i, -1):
            name = " ".join(words[i:j])
            field = exact_header_field(name)
            if field:
                if field not in [f for f, _ in out]:
                    out.append((field, name))
                i = j
                break
        else:
            i += 1
    return out or None


# two header cells' names are a few words ('Completion Lead officer' / 'date')
_MAX_NAME_LINES = 4
_MAX_NAME_WORDS = 6


def _two_names_side_by_side(lines: list[str]) -> list[tuple[str | None, str]] | None:
    """Two header cells side by side, the left one wrapped ('Completion' / 'date') and the right one
    a single line ('Lead officer'): pdftotext runs both first lines into one ('Completion Lead
    officer') and prints the left cell's next lines after it. Read as the two names in their order,
    only where both are whole column names of different fields."""
    words = lines[0].split() if 2 <= len(lines) <= _MAX_NAME_LINES else []
    rest = " ".join(lines[1:])
    if len(words) > _MAX_NAME_WORDS or len(rest.split()) > _MAX_NAME_WORDS:
        return None  # a line of prose, not two column names run together
    for cut in range(1, len(words)):
        left, right = " ".join([*words[:cut], rest]), " ".join(words[cut:])
        left_field, right_field = exact_header_field(left), exact_header_field(right)
        if left_field and right_field and left_field != right_field:
            return [(left_field, left), (right_field, right)]
    return None


def _two_names_interleaved(lines: list[str]) -> list[tuple[str | None, str]] | None:
    """Two header cells side by side, each wrapped, their lines printed in turn ('RAG' / 'Deadline' /
    'rating': 'RAG rating' beside 'Deadline'). Read as the two names, the one printed first first,
    only where the lines part into two whole column names of different fields in one way alone."""
    if not 3 <= len(lines) <= _MAX_NAME_LINES or any(len(line.split()) > 3 for line in lines):
        return None
    found: list[list[tuple[str | None, str]]] = []
    for mask in range(1 << (len(lines) - 1)):
        # the first line opens the left name; each other line goes to the left name or the right one
        left = [lines[0], *(line for i, line in enumerate(lines[1:]) if not mask >> i & 1)]
        right = [line for i, line in enumerate(lines[1:]) if mask >> i & 1]
        if not right or len(left) == 1 and len(right) == len(lines) - 1:
            continue  # all the lines after the first in one name: a wrapped name beside a short one
        left_field, right_field = exact_header_field(" ".join(left)), exact_header_field(" ".join(right))
        if left_field and right_field and left_field != right_field:
            found.append([(left_field, " ".join(left)), (right_field, " ".join(right))])
    return found[0] if len(found) == 1 else None


_MAX_TITLE_LINES = 3


def header_under_title(
    lines: list[str],
) -> tuple[list[str], list[tuple[str | None, str]] | None]:
    """A block whose last lines name a header's first columns and whose first lines are a title
    printed with it, one line apart (the document's title, or the table's heading 'Priority 1: ...'
    over 'What we will do'): the title's lines and the columns named; ([], None) when none."""
    for cut in range(1, min(len(lines), _MAX_TITLE_LINES + 1)):
        rest = " ".join(lines[cut:])
        if header_fields_of(lines[cut - 1]):
            continue  # a header name itself, not a title
        named = header_fields_of(rest)
        if named is not None:
            return lines[:cut], named
    return [], None


def _names(lines: list[str]) -> list[tuple[str | None, str]] | None:
    text = " ".join(lines)
    named = header_fields_of(text)
    if named is not None and len({field for field, _ in named}) < len(named):
        # a field named twice ('RAG Deadline rating'): two wrapped names printed in turn
        named = _two_names_interleaved(lines) or named
    return named or _two_names_side_by_side(lines) or _header_words(text)


def header_names_gathered(
    blocks: list[tuple[int, list[str]]], lines: list[str]
) -> list[tuple[int, list[str]]]:
    """The blocks with a header's column names printed apart put back after its first names.

    pdftotext prints a header cell whose column is empty under it (a RAG shown by colour) or whose
    name sits lower in the header row later than the rest: among the first row's cells ('Number' /
    'Actions' / '1.1' / 'Audit ...' / 'Status' / ...) or at the page's foot ('RAG' / 'Action owner'
    after the last row). A block of nothing but column names, on the header's page, naming columns
    the header does not yet have, is one of its names; the gathering stops at a name the header
    already has (the header repeated, or another table's) and at the page's end. A heading right
    under the first names ('Priority 1: ...') ends the header: names after it may be a row's cells
    printed column by column (pdfminer), and reading them as the header puts leads on wrong actions."""
    breaks = 0
    page_of_line: list[int] = []
    for line in lines:
        breaks += line.count("\f")
        page_of_line.append(breaks)

    def page(block: tuple[int, list[str]]) -> int:
        return page_of_line[block[0]] if block[0] < len(page_of_line) else breaks

    out = list(blocks)
    k = 0
    while k < len(out):
        named = _names(out[k][1]) or header_under_title(out[k][1])[1]
        if named is None:
            k += 1
            continue
        fields = [f for f, _ in named]
        j = k + 1
        while j < len(out) and (more := _names(out[j][1])) is not None:
            if any(f in fields for f, _ in more):
                break
            fields += [f for f, _ in more]
            j += 1
        if "text" not in fields:
            k = j
            continue
        gathered: list[int] = []
        at = j
        under_heading = False  # a heading right under the header, and no row yet after it
        while at < len(out) and page(out[at]) == page(out[k]):
            # not a date ('Q4 2025/26' reads as the quarter columns' names)
            text = " ".join(out[at][1])
            more = None if any(ch.isdigit() for ch in text) else _names(out[at][1])
            if more is None and not gathered and at == j and _LABELLED_GROUP.match(text):
                # unless the header names a grouping column ('Theme'): the headings are its cells,
                # merged down their rows, printed beside the header's first names
                under_heading = not any(f in _GROUPING for f in fields)
            if under_heading and _opens_row(out[at][1]):
                # rows printed cell after cell (a reference opening each): names after them are
                # the header's, printed at the page's foot ('Priority 1: ...' / '1.1' / ... / 'Due date')
                under_heading = False
            if more is not None and under_heading:
                # names right under the heading, before any row: a row's cells printed column by
                # column (pdfminer) as likely as the header's; reading them as the header puts leads
                # on wrong actions
                break
            if more is not None:
                if any(f in fields for f, _ in more):
                    break
                fields += [f for f, _ in more]
                gathered.append(at)
            at += 1
        if gathered:
            moved = [out[g] for g in gathered]
            keep = set(gathered)
            out[j:at] = moved + [b for g, b in enumerate(out[j:at], start=j) if g not in keep]
        k = j + len(gathered)
    return out


def _headings_over_headers(blocks: list[tuple[int, list[str]]]) -> dict[int, tuple[str, list[int]]]:
    """The heading printed as a block of its own right above each table's header ('Pursue –
    disrupting and prosecuting those who exploit children' over 'Ref', 'Action' ...), by the header's
    block: the section its rows are under, and the blocks it and any running header between take.
    Only where two tables or more have one, as a plan with a table per strand or priority does; one
    line above a single table is as likely the plan's title."""
    counts: dict[str, int] = {}
    for _, lines in blocks:
        if len(lines) == 1:
            counts[lines[0]] = counts.get(lines[0], 0) + 1
    found: dict[int, tuple[str, list[int]]] = {}
    k = 0
    while k < len(blocks):
        header = _header_run(blocks, k)
        if header is None:
            k += 1
            continue
        above = k - 1
        while above >= 0 and len(blocks[above][1]) == 1 and counts[blocks[above][1][0]] > 1:
            above -= 1  # a running header printed on every page ('Wyndham Vale SCP')
        if above >= 0 and len(lines := blocks[above][1]) == 1 and _heading_like(lines[0]):
            found[k] = (lines[0], list(range(above, k)))
        k = header[2]
    return found if len({title for title, _ in found.values()}) >= 2 else {}


def _heading_like(text: str) -> bool:
    """A line that can head a table (``layout.heading_like_line``) and is no cell's value printed
    alone: a reference or a column's name."""
    return heading_like_line(text) and not (
        _BARE_REF.match(text) or _ref_line(text) or header_fields_of(text)
    )


def _opens_row(block: list[str]) -> bool:
    """A block with a line opening a row: a reference alone or before its action text."""
    dated = bool(DATE_START.match(" ".join(block)))
    return not dated and any(_BARE_REF.match(line) or _ref_line(line) for line in block)


def _header_run(
    blocks: list[tuple[int, list[str]]], k: int
) -> tuple[list[str | None], list[str], int, str | None] | None:
    """The header starting at block ``k``: its fields, their names, the block after it, and the
    title printed above it in its first block."""
    fields: list[str | None] = []
    names: list[str] = []
    j = k
    title: str | None = None
    while j < len(blocks):
        named = _names(blocks[j][1])
        if named is None and j == k:
            above, named = header_under_title(blocks[j][1])
            # a heading over the table ('Pursue' over 'Ref'); the document's own title (its first
            # lines) is no section
            title = " ".join(above) if named and above and blocks[j][0] > 0 else None
        if named is None:
            break
        fields += [f for f, _ in named]
        names += [n for _, n in named]
        j += 1
    # the headers of several small tables printed one after another before their cells (a table per
    # action, pdfminer's order): one header
    for period in range(3, len(names) // 2 + 1):
        if len(names) % period == 0 and names == names[:period] * (len(names) // period):
            fields, names = fields[:period], names[:period]
            break
    # one block is a header when it names four columns or more ('Ref Action Lead Due Q1 Q2 Q3 Q4')
    if j - k < (1 if len(fields) >= 4 else 2) or "text" not in fields or len(fields) < 3:
        return None
    # the column of the priorities (themes) the actions sit under, merged down their rows, prints its
    # cell once, as a block above its first row: read as a heading, so no cell of a row
    keep = [i for i, f in enumerate(fields) if f not in _GROUPING]
    fields = [fields[i] for i in keep]
    names = [names[i] for i in keep]
    if "ref" not in fields:
        # no Ref column: each action's reference opens its Action cell
        at = fields.index("text")
        fields.insert(at, "ref")
        names.insert(at, "Ref")
    return fields, names, j, title


def block_items(
    lines: list[str], arrange: Callable[[list[str], list[str | None]], list[str]] | None = None
) -> list[Item]:
    """The tables of a text extracted cell after cell, as a header row and rows; [] when none.
    ``arrange`` places each row's cells under the header's fields (by what they hold)."""
    blocks = header_names_gathered(_blocks(lines), lines)
    titled = _headings_over_headers(blocks)
    taken = {b for _, at in titled.values() for b in at}
    items: list[Item] = []
    k = 0
    table = 0
    header: list[str | None] | None = None
    header_names: set[str] = set()
    header_list: list[str] = []  # the header's names, in order
    row: list[str] | None = None
    row_lines: list[list[str]] = []  # each cell's lines as printed
    row_line = 0

    rows: list[_Row] = []  # each row as printed, placed under its columns once all are read
    spill: list[tuple[list[str], list[int]]] = []  # blocks after the open row had every cell

    spill_open = True

    def flush() -> None:
        nonlocal row, spill, spill_open
        if row is not None and header is not None:
            rows.append(_Row(row, row_lines, header, table, row_line, spill, len(items)))
            items.append(Item(text="", cells=[], table=table))  # placed below
        row = None
        spill = []
        spill_open = True

    while k < len(blocks):
        found = _header_run(blocks, k)
        if found is not None:
            fields, names, after, title = found
            if title is None and k in titled:
                title = titled[k][0]
            if title is not None:
                flush()
                items.append(Item(text=title, heading=2, location=Location(line=blocks[k][0] + 1)))
            repeated = header is not None and fields == header[: len(fields)]  # perhaps cut by a row
            if repeated and title is not None and _rest_printed_before(blocks, k, names, header_list):
                # a new table under its heading with the first columns of the table before it, and
                # its other names printed before the heading: the same columns as that table
                fields, names = list(header or fields), list(header_list)
            if not repeated or title is not None:
                flush()
                table += 1
                header = fields
                header_list = names
                header_names = {name.lower() for name in names}
                items.append(
                    Item(
                        text="\t".join(names),
                        cells=names,
                        table=table,
                        location=Location(line=blocks[k][0] + 1, table=table),
                    )
                )
            k = after  # the header repeated on a new page
            spill_open = False  # blocks after it are the next page's: no pile of this page's cells
            continue
        start, block = blocks[k]
        k += 1
        if header is None or k - 1 in taken:
            continue  # before any table, or the heading of the table below (given with its header)
        if " ".join(block).lower() in header_names:
            continue  # the rest of a header repeated on a new page, printed among the cells
        full = row is not None and len(row) >= len(header)
        # a due date opening with its day ('27 March 2025', or '30' / 'September' / '2025' in a narrow
        # cell) is a cell, not a reference starting a row
        dated = bool(DATE_START.match(" ".join(block))) and not any(
            _BARE_REF.match(line) or _ref_line(line) for line in block[1:]
        )
        opens_row = not dated and any(_BARE_REF.match(line) or _ref_line(line) for line in block)
        if full and not opens_row:
            # the row has a cell for every column: this is text after the table (or cells printed out
            # of order, such as the cells of the rows above piled after this one), not more of the row
            if spill_open:
                spill.append((block, list(range(len(items), len(items) + len(block)))))
            items.extend(
                Item(text=line, location=Location(line=start + 1 + k)) for k, line in enumerate(block)
            )
            continue
        if row is not None and not opens_row and _LABELLED_GROUP.match(" ".join(block)):
            if not _later_group_among_cells(row, blocks, k - 1):
                flush()  # 'Recommendation 2: ...' after a page break: a heading, not the row's last cell
            items.append(_heading(" ".join(block), table, start))
            continue
        if row is not None and _name_over_repeated_header(block, row, header, blocks, k):
            items.append(_heading(block[0], table, start))  # the row goes on after the header
            continue
        cell: list[str] = []
        for offset, line in enumerate(block):
            bare = None if dated else _BARE_REF.match(line)
            m = None if bare or dated else _ref_line(line)
            if bare or m:
                if cell:
                    above = " ".join(cell)
                    opening = m[1] if m else line.rstrip(".)")
                    if (
                        row is None
                        or SECTION_HEADING.match(above)
                        or _LABELLED_GROUP.match(above)
                        or _names_strand_of(above, opening)
                    ):
                        flush()
                        items.append(_heading(above, table, start))  # a heading across the table
                    else:
                        row.append(above)  # the previous row's last cell, printed with this row's start
                        row_lines.append(cell)
                    cell = []
                flush()
                # a reference with its action text, or on its own (the text is the next block)
                row = [m[1], m[2]] if m else [line.rstrip(".)")]
                row_lines = [[row[0]], [m[2]]] if m else [[row[0]]]
                row_line = start + offset + 1
                continue
            if row is not None and len(row) == 2 and not cell and offset > 0:
                row[1] = join_lines([row[1], line])  # the action text goes on under its reference
                row_lines[1].append(line)
                continue
            cell.append(line)
        if cell:
            if row is None:
                items.append(_heading(" ".join(cell), table, start))
            else:
                row.append(join_lines(cell))
                row_lines.append(cell)
    flush()
    dealt = _piled_cells_dealt(rows)
    for raw in rows:
        cells = _status_apart(raw.cells, raw.lines, raw.header)
        if arrange is not None:
            cells = arrange(cells, raw.header)
        width = len(raw.header)
        if len(cells) > width:  # blocks printed out of order: kept, in the last column
            cells[width - 1 :] = [" ".join(cells[width - 1 :])]
        location = Location(line=raw.line, table=raw.table)
        items[raw.at] = Item(text="\t".join(cells), cells=cells, table=raw.table, location=location)
    if dealt:
        items = [item for k, item in enumerate(items) if k not in dealt]
    _rows_over_their_children_as_headings(items)
    items = _numbered_headings_over_their_rows(items)
    _actions_alone_under_their_columns(items, {raw.table: raw.header for raw in rows})
    return items if any(item.cells and len(item.cells) > 2 for item in items) else []


@dataclass
class _Row:
    """A row as printed: its cells (reference, action, then the others in the order printed), each
    cell's lines, the header it is under, and the blocks printed after it once it had every cell."""

    cells: list[str]
    lines: list[list[str]]
    header: list[str | None]
    table: int
    line: int
    spill: list[tuple[list[str], list[int]]]  # each block, and the text items it was read as
    at: int  # the row's place among the items


# rows whose other cells print together after the last of them: a page's rows at most
_MAX_PILED_ROWS = 12
_MAX_PILED_CELLS = 60


def _piled_cells_dealt(rows: list[_Row]) -> set[int]:
    """Rows that have only their first cells (reference and action, perhaps a due date) followed by a
    row with more blocks after it than it has columns: pdftotext printed the rows' other cells (leads,
    dates, statuses, progress) together after the last of them, each row's cells in column order.
    The blocks are dealt back to the rows in order: the cut between one row's cells and the next's
    is where the columns start again, chosen so that every cell fits its column by what it holds
    (a date under the due column, a role under the lead). Only where every block finds such a place;
    otherwise the rows are left as printed. The indices of the text items the blocks had been read as
    are returned (they are cells now)."""
    dealt: set[int] = set()
    for n, last in enumerate(rows):
        header = last.header
        # one block past the row's cells is as likely a stray status at the page's foot
        if len(last.spill) < 2 or header[:2] != ["ref", "text"] or len(header) < 4:
            continue
        first = n
        while (
            first > 0
            and n - first < _MAX_PILED_ROWS
            and rows[first - 1].table == last.table
            and not rows[first - 1].spill
            and len(rows[first - 1].cells) < len(header)
            # a group's number and name ('2' / 'Children who go missing ...') over its rows: a heading
            and not (rows[first - 1].cells[0].isdigit() and _ROW_GROUP.match(rows[first].cells[0]))
        ):
            first -= 1
        run = rows[first:n]
        if not run:
            continue
        pile = [*last.lines[2:], *(block for block, _ in last.spill)]
        if len(pile) > _MAX_PILED_CELLS:
            continue
        cut = _deal(pile, [row.lines[2:] for row in run], header)
        if cut is None:
            continue
        own, shares = cut
        for row, share in zip(run, shares, strict=True):
            row.lines = [*row.lines, *share]
            row.cells = [*row.cells, *(" ".join(lines) for lines in share)]
        last.lines = [*last.lines[:2], *own]
        last.cells = [*last.cells[:2], *(" ".join(lines) for lines in own)]
        for _, at in last.spill:
            dealt.update(at)
        last.spill = []
    return dealt


def _deal(
    pile: list[list[str]], before: list[list[list[str]]], header: list[str | None]
) -> tuple[list[list[str]], list[list[list[str]]]] | None:
    """The pile of blocks printed after the last row of a run cut into: the last row's own first
    cells, then each row's other cells in turn (the last row's too). The best cut by the cells' fit
    to their columns; None where no cut gives each row cells that fit its columns in order, or the
    pile fits as printed (every row of the run already has a lead or date of its own)."""
    from .cells import _kind, _monotone_fit  # cells builds on this module

    kinds = [_kind(field) for field in header[2:]]
    texts = [" ".join(lines) for lines in pile]
    rows = len(before) + 1
    size = len(texts)

    def fit(first: list[str], more: list[str]) -> float | None:
        return _monotone_fit([*first, *more], kinds)

    best: tuple[float, list[int]] | None = None
    # the last row's own first cells: as many blocks as it had before the pile went on
    for own in range(0, min(size, len(kinds)) + 1):
        # cuts[i][p]: the best score of rows 0..i-1 taking blocks own..p-1, and the cut points
        cuts: list[dict[int, tuple[float, list[int]]]] = [{own: (0.0, [])}]
        for i in range(rows):
            mine = [" ".join(lines) for lines in before[i]] if i < rows - 1 else texts[:own]
            reach: dict[int, tuple[float, list[int]]] = {}
            for start, (score, points) in cuts[-1].items():
                ends = range(start, size + 1) if i < rows - 1 else [size]
                for end in ends:
                    if end - start > len(kinds):
                        break
                    got = fit(mine, texts[start:end])
                    if got is None:
                        continue
                    total = score + got
                    if end not in reach or total > reach[end][0]:
                        reach[end] = (total, [*points, end])
            cuts.append(reach)
        if size in cuts[-1] and (best is None or cuts[-1][size][0] > best[0]):
            best = cuts[-1][size]
            best = (best[0], [own, *best[1]])
    if best is None:
        return None
    points = best[1]
    own_cells = pile[: points[0]]
    shares = [pile[points[i] : points[i + 1]] for i in range(rows - 1)]
    last_share = pile[points[rows - 1] :]
    if not any(shares):
        return None
    return [*own_cells, *last_share], shares


# how far before a table's heading the rest of its header may be printed
_NAMES_BEFORE = 8


def _rest_printed_before(
    blocks: list[tuple[int, list[str]]], k: int, names: list[str], before: list[str]
) -> bool:
    """A header at block ``k`` naming only the first columns of the header ``before`` (a table under
    each strand's heading, all with the same columns), where a column name it lacks is printed alone
    in one of the blocks just before it: pdftotext printed the header row's right-hand names first
    ('Lead' / 'Target date' / 'Priority 2: Tackling neglect' / 'No.' / 'Agreed action' / 'Status')."""
    if len(names) >= len(before):
        return False
    missing = {name.lower() for name in before[len(names) :]}
    return any(" ".join(lines).lower() in missing for _, lines in blocks[max(0, k - _NAMES_BEFORE) : k])


def _actions_alone_under_their_columns(items: list[Item], headers: dict[int, list[str | None]]) -> None:
    """A row of only its reference and action (its other cells empty, or printed where they could
    not be placed) given empty cells after them, so that the two are read under the reference and
    action columns: two cells under a wider header are otherwise placed among its columns by
    position, which can put the action under another column and lose the row. Run after the rows
    of only a number and a name are read as headings."""
    for k, item in enumerate(items):
        header = headers.get(item.table or 0)
        if (
            item.bold
            or not item.cells
            or len(item.cells) != 2
            or header is None
            or header[:2] != ["ref", "text"]
        ):
            continue
        cells = [*item.cells, *([""] * (len(header) - 2))]
        items[k] = Item(text="\t".join(cells), cells=cells, table=item.table, location=item.location)


def _later_group_among_cells(row: list[str], blocks: list[tuple[int, list[str]]], k: int) -> bool:
    """A later group's cell ('Priority 2: ...' while row 1.1 has only its reference and text) printed
    between a row's action and its other cells, which come after it (and after any other group's
    cell): the group column's cells, merged down their rows, printed beside the first row of the
    table. The row is not over: its cells follow, and the heading goes over its own rows later."""
    group = _ROW_GROUP.match(row[0]) if len(row) <= 2 else None
    label = _LABELLED_GROUP.match(" ".join(blocks[k][1]))
    if group is None or label is None or not group[1] or not label[1].isdigit():
        return False
    if int(label[1]) <= int(group[1]):
        return False
    after = k + 1
    while after < len(blocks) and _LABELLED_GROUP.match(" ".join(blocks[after][1])):
        after += 1
    return after < len(blocks) and not _opens_row(blocks[after][1]) and _header_run(blocks, after) is None


def _name_over_repeated_header(
    block: list[str], row: list[str], header: list[str | None], blocks: list[tuple[int, list[str]]], k: int
) -> bool:
    """A strand's name alone ('Pursue') right above the header printed again on a new page, where the
    cut row's reference names that strand ('PUR-3') and the name fits none of the row's columns still
    to fill (only the RAG is left): the heading of the rows on that page (a grouping cell printed at
    the page's top), not the cut row's last cell. Where it could be a cell (a lead still to come), it
    is left to the row."""
    from .cells import _fit, _kind  # cells builds on this module

    group = _ROW_GROUP.match(row[0]) if row else None
    letters = group[2] if group else None  # the cut row's strand ('PUR' of 'PUR-3')
    if not letters or len(block) != 1 or not _strand_name(block[0]):
        return False
    if not (_opens_with(block[0], letters) or _holds_in_order(block[0], letters)):
        return False
    if _header_run(blocks, k) is None:
        return False
    still_open = header[len(row) :]
    return bool(still_open) and all(_fit(block[0], _kind(field)) <= 0 for field in still_open)


def _status_apart(row: list[str], lines: list[list[str]], header: list[str | None]) -> list[str]:
    """A row with no status cell under a header with a RAG column whose status word is printed in
    another cell of several lines: a one-line cell sits on its neighbour's first line, so the word
    ends that line ('... team managers G' / 'against the standard.') or stands as a line of the block
    ('Alex Brown (Head of' / 'Green' / 'Service, Front Door)'). The word is taken out as the status
    cell, after the cell it was printed in (or before, where it opens the block). Only where exactly
    one such word is found: otherwise the row is left as printed."""
    if "rag" not in header or len(lines) != len(row) or any(_STATUS_WORD.match(c) for c in row):
        return row
    found: list[tuple[int, str, list[str], bool]] = []  # cell, status, the cell's lines left, before
    for i, cell in enumerate(lines):
        if i == 0 or len(cell) < 2:
            continue
        head, _, last = cell[0].rpartition(" ")
        if head and _STATUS_WORD.match(last):
            found.append((i, last, [head, *cell[1:]], False))
        for k, line in enumerate(cell):
            if _STATUS_WORD.match(line):
                found.append((i, line, cell[:k] + cell[k + 1 :], k == 0))
    if len(found) != 1:
        return row
    i, status, rest, before = found[0]
    parts = [status, " ".join(rest)] if before else [" ".join(rest), status]
    return [*row[:i], *parts, *row[i + 1 :]]


def _rows_over_their_children_as_headings(items: list[Item]) -> None:
    """A row of only a number and text ('1. Management oversight ...': a priority cell merged down
    the table, printed as a block of its own) whose next row is numbered under it ('1.1') is a
    heading across the table, not an action."""
    for k, item in enumerate(items[:-1]):
        nxt = items[k + 1]
        if item.bold or not item.cells or len(item.cells) != 2 or not nxt.cells or len(nxt.cells) < 3:
            continue
        ref = item.cells[0]
        if ref.isdigit() and re.match(rf"{ref}[.a-z]", nxt.cells[0]):
            items[k] = _heading(f"{ref} {item.cells[1]}", item.table or 0, (item.location.line or 1) - 1)


# the group a row's reference puts it in: '2' of '2.1' / '2.1a', 'PRE' of 'PRE-3'
_ROW_GROUP = re.compile(r"^(\d{1,2})[.a-z]|^([A-Z]{2,6})-?\d")
# a strand's name alone ('Prevent', 'Pursue'): what a lettered reference ('PUR-2') may abbreviate
_GROUP_NAME = re.compile(r"^[A-Z][a-z]+(?: [A-Za-z]+){0,2}$")


def _strand_name(text: str) -> bool:
    """A short name that may be a strand's ('Pursue'), not a status ('Green') or a column's name."""
    return bool(_GROUP_NAME.match(text)) and not _STATUS_WORD.match(text) and not header_fields_of(text)


def _names_strand_of(text: str, ref: str) -> bool:
    """A strand's name ('Partnership') printed right above a reference whose letters it opens with or
    holds in order ('PAR-1'): the grouping cell of the rows from there, not the row above's last cell."""
    group = _ROW_GROUP.match(ref)
    letters: str | None = group[2] if group else None
    if not letters or not _strand_name(text):
        return False
    return _opens_with(text, letters) or _holds_in_order(text, letters)


def _row_group(item: Item) -> str | None:
    m = _ROW_GROUP.match(item.cells[0]) if item.cells else None
    return (m[1] or m[2]) if m else None


def _numbered_headings_over_their_rows(items: list[Item]) -> list[Item]:
    """Headings put over the rows their number or name says are theirs: '2. Children's voices ...' or
    'Priority 3: ...' over the rows numbered '2.1', '3.1a'; a strand's name ('Pursue') over rows
    'PUR-1', 'PUR-2'. A grouping cell merged down its rows prints where pdftotext finds it: after its
    rows, among them, or after the table; the rows then fall under the heading before. Only where every
    row's reference names its group, each group's rows come together, and each heading names a group
    (a strand's name only where its letters name one group alone, and every lettered group has one).
    Rows of only a number and text after rows numbered under that number are such a cell; text read as
    a heading between the rows (a cell printed out of place) is then no heading."""
    tables: set[int] = set()
    rows: list[Item] = []
    for item in items:
        if item.cells and not item.bold and item.table:
            if item.table in tables:
                rows.append(item)
            tables.add(item.table)  # a table's first row is its header
    is_row = {id(item) for item in rows}
    numbered = {group for item in rows if (group := _row_group(item)) and group.isdigit()}
    out: list[Item] = []
    for item in items:
        # the grouping cell printed apart from its rows: '2' / 'Children's voices ...' after row 2.5
        # or before row 1.3 (an action numbered 2 among actions 2.1, 2.2 is the group they are in)
        if id(item) in is_row and item.cells and item.cells[0] in numbered and len(item.cells) > 1:
            line = (item.location.line or 1) - 1
            out.append(_heading(f"{item.cells[0]} {item.cells[1]}", item.table or 0, line))
            out.extend(Item(text=cell, location=item.location) for cell in item.cells[2:] if cell)
            is_row.discard(id(item))
            continue
        out.append(item)
    rows = [item for item in rows if id(item) in is_row]
    groups = [_row_group(item) for item in rows]
    runs = [g for k, g in enumerate(groups) if k == 0 or g != groups[k - 1]]
    if not runs or None in runs or len(runs) != len(set(runs)):
        return items  # a row without a group, or a group's rows apart
    out = _labelled_lines_as_headings(out)
    headings = _group_headings(out, {g for g in runs if g}, is_row)
    if headings is None or _all_under(out, headings, is_row):
        return items
    heading_ids = {id(h) for h in headings.values()}
    at = {id(item): k for k, item in enumerate(out)}
    first = min(at[id(rows[0])], *(at[h] for h in heading_ids))
    last = at[id(rows[-1])]
    placed: list[Item] = []
    for k, item in enumerate(out):
        if id(item) in heading_ids:
            continue
        if id(item) in is_row and (group := _row_group(item)):
            heading = headings.pop(group, None)
            if heading is not None and not heading.bold:  # a strand's name printed as a line
                heading = _heading(heading.text, item.table or 0, (heading.location.line or 1) - 1)
            if heading is not None:
                placed.append(heading)
        elif item.bold and first <= k <= last:
            # text between the rows that is not one of their headings: a cell out of place
            placed.extend(Item(text=cell, location=item.location) for cell in item.cells or [] if cell)
            continue
        placed.append(item)
    return placed


def _group_headings(items: list[Item], groups: set[str], is_row: set[int]) -> dict[str, Item] | None:
    """Each group's heading: a numbered heading for a number; for letters, the one strand's name
    (a heading, or a line alone in its block) that opens with them or, failing that, holds them in
    order ('PRP' Prepare). None where a number's heading is printed twice, a heading's number opens no
    row, or a lettered group has no heading of its own."""
    out: dict[str, Item] = {}
    names: list[tuple[str, Item]] = []
    for k, item in enumerate(items):
        text = item.cells[0] if item.bold and item.cells and len(item.cells) == 1 else None
        if text is not None:
            m = SECTION_HEADING.match(text) or _LABELLED_GROUP.match(text)
            if m and m[1].isdigit():
                if m[1] in out or m[1] not in groups:
                    return None
                out[m[1]] = item
                continue
        if item.cells is None and _alone(items, k):
            text = item.text
        if text is not None and id(item) not in is_row and _strand_name(text):
            names.append((text, item))
    lettered = sorted(g for g in groups if not g.isdigit())
    if len(lettered) > 12:
        return None  # strands are a handful: so many lettered groups are references of another kind
    # a name one group's letters alone fit is that group's; then the names left are tried again
    # ('PRE' fits Prevent and Prepare until 'PRP' has taken Prepare)
    progress = True
    while progress:
        progress = False
        for kind in (_opens_with, _holds_in_order):
            for group in lettered:
                if group in out:
                    continue
                taken = {id(h) for h in out.values()}
                found = {text for text, item in names if id(item) not in taken and kind(text, group)}
                if len(found) == 1:
                    name = found.pop()
                    if sum(text == name for text, _ in names) != 1:
                        return None  # the name printed twice: which one heads the rows is unclear
                    out[group] = next(item for text, item in names if text == name)
                    progress = True
    if any(group not in out for group in lettered) or not out:
        return None
    return out


def _alone(items: list[Item], k: int) -> bool:
    """A line of text with no line of text right above or below it (a block of its own)."""
    line = items[k].location.line
    near = [items[j] for j in (k - 1, k + 1) if 0 <= j < len(items)]
    return line is not None and not any(
        item.cells is None and item.location.line in (line - 1, line + 1) for item in near
    )


def _opens_with(name: str, letters: str) -> bool:
    return name.upper().startswith(letters)


def _holds_in_order(name: str, letters: str) -> bool:
    rest = iter(name.upper())
    return name[:1].upper() == letters[:1] and all(letter in rest for letter in letters)


def _labelled_lines_as_headings(items: list[Item]) -> list[Item]:
    """Lines of text (not rows) opening with a labelled number ('Priority 2: Early help is not') and
    the lines after it that go on in lower case ('offered early enough to'): a grouping cell printed
    apart from its rows, read as one heading."""
    out: list[Item] = []
    for item in items:
        last = out[-1] if out else None
        if item.cells is None and _LABELLED_GROUP.match(item.text):
            out.append(_heading(item.text, item.table or 0, (item.location.line or 1) - 1))
            continue
        if (
            item.cells is None
            and item.text[:1].islower()
            and last is not None
            and last.bold
            and last.cells
            and _LABELLED_GROUP.match(last.cells[0])
        ):
            text = f"{last.cells[0]} {item.text}"
            out[-1] = _heading(text, last.table or 0, (last.location.line or 1) - 1)
            continue
        out.append(item)
    return out


def _all_under(items: list[Item], headings: dict[str, Item], is_row: set[int]) -> bool:
    """Every heading is already a heading, right over the first row of its group."""
    first: dict[str, int] = {}  # each group's first row
    rows_before: list[int] = []  # how many rows come before each item
    count = 0
    for k, item in enumerate(items):
        rows_before.append(count)
        if id(item) in is_row:
            count += 1
            if (group := _row_group(item)) is not None:
                first.setdefault(group, k)
    at = {id(item): k for k, item in enumerate(items)}
    return all(
        heading.bold
        and at[id(heading)] < first[group]
        and rows_before[at[id(heading)]] == rows_before[first[group]]
        for group, heading in headings.items()
    )


def _heading(text: str, table: int, line: int) -> Item:
    return Item(
        text=text, cells=[text], bold=True, table=table, location=Location(line=line + 1, table=table)
    )
