"""Tables in text extracted from a PDF column by column (pdfminer.six's ``extract_text``, plain
``pdftotext`` of browser- or WeasyPrint-made PDFs): each cell a block of lines, blocks apart by blank
lines, and a group of rows printed as runs of one column's cells: all their references, then all
their action texts, then their leads, dates and statuses, one column's cells interleaved with
another's in no fixed way.

What survives such printing is the order of each column's cells: a column is read top to bottom. So
rows are rebuilt as a careful person would: a run of references (``1.1``, ``1.2``, ``1.3`` on blocks
of their own) says how many rows the group has; the blocks up to the next run are sorted by what
they hold (a status word, a due date, a lead's name or job title, prose); and where a kind's count
equals the number of rows, its blocks go to the rows in order. Where it does not (an empty cell, two
cells printed as one block), that column is left empty for the group and the import says so: a lead
on the wrong action is worse than none.

Printed so, each column's name comes out at the top of its own cells: the header is gathered from
names standing in blocks of their own among the first cells. A column whose name comes out below
some of its cells was cut into pieces printed out of order, so it is left empty for that group. In a
table with no reference column, the references opening the action texts ('1.1 Review ...') count
the rows instead; in a table with no reference at all, the action texts themselves do (a run of
them, then their leads, dates and statuses), told from other prose (progress, outcomes) by the width
of the cell printed right below the action column's name. A section's heading printed among a
group's references, before any other cell (a group column or a section row printed with the
reference column), heads the rows whose references follow without breaking the group's run.

Columns of prose are told apart by width: a cell's text wraps at its column's width, so its longest
line is close to it, and a line with the next line's first word added would not have fitted.

The order of a column's cells is not always kept: pdfminer sometimes prints some out of order, or
a cell of the group before among a group's, and where the counts still agree such a cell goes to the
wrong row.

The reading applies only to text it clearly recognises: a header whose column names stand in blocks
of their own, naming an action column and two more, followed by at least one run of two or more
references (or, with no reference at all, of two or more action texts in a row).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .blocks import _BARE_REF, _blocks, _ref_line
from .columns import header_fields_of
from .layout import _LABELLED_GROUP, SECTION_HEADING
from .model import Location
from .normalise import _MONTH, is_undated_ok, looks_like_rag, parse_due
from .owners import RANKS, SECTOR_WORDS, SMALL_WORDS, TITLE_WORDS
from .readers.base import Item

_GROUPING = ("section", "question", "group")
# cells sorted by what they hold: the kind each column's cells are
_KIND_OF_FIELD = {"rag": "rag", "due": "due", "owner": "owner"}
_MAX_DUE_WORDS = 8
_MAX_OWNER_WORDS = 20
_WORD = re.compile(r"[A-Za-z][\w'’&-]*")

# a due date complete in itself (a day, a month or a quarter with its year): where a line holds one
# beside other words, the words are another cell's that pdfminer ran into the same line
_COMPLETE_DUE = (
    r"(?:(?:by|before|end\s+of|mid|w/c|week\s+commencing)\s+)?"
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+(?:19|20)\d\d"
    r"|Q[1-4]\s+(?:19|20)\d\d(?:/\d\d(?:\d\d)?)?"
    r"|\d{1,2}/\d{1,2}/(?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d)"
)
_DUE_FIRST = re.compile(rf"^({_COMPLETE_DUE})\s+(?=\S)(.*)$", re.I)
_DUE_LAST = re.compile(rf"^(.*?\S)\s+({_COMPLETE_DUE})$", re.I)
_CONTINUES = re.compile(r"^(?:[(\[–-]|[a-z])")
# words that run on into the date after them: the date's own ('End of June 2025', 'revised to May 2026')
_INTO_DATE = re.compile(r"\b(?:of|by|before|to|from|in|until|mid|commencing|w/c|and|or|[-–(,])$", re.I)
# a status word beside such a date ('Green 31/10/2026', '28/02/2026 Blue'), never alone: 'Green' and
# 'Blue' beside a lead are more likely a surname
_STATUS_WORD = r"(?:Red|Amber|Green|Blue|Complete|Completed|Done)"
_STATUS_FIRST = re.compile(rf"^({_STATUS_WORD})(?:\s+(.*))?$")


@dataclass
class _Block:
    line: int  # the block's first line, from 1
    page: int
    lines: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass
class _Run:
    """A group of rows: its references, and the blocks printed after them up to the next group."""

    refs: list[_Block] = field(default_factory=list)
    cells: list[_Block] = field(default_factory=list)
    in_text: bool = False  # each reference opens its action's text ('1.1 Review the ...')
    by_text: bool = False  # no reference at all: the "refs" are the action texts themselves
    # columns whose name came out below some of their cells: those cells' order is not the column's
    named_late: set[str] = field(default_factory=set)
    # headings printed among the references, each with the number of references before it
    headings: list[tuple[int, _Block]] = field(default_factory=list)


@dataclass
class ColumnRuns:
    """The rows rebuilt, as a header row, rows and headings, and what could not be rebuilt."""

    items: list[Item]
    warnings: list[tuple[str, int]]


def _header_names(block: _Block) -> list[tuple[str | None, str]] | None:
    return header_fields_of(block.text)


def _is_ref(block: _Block) -> bool:
    return len(block.lines) == 1 and len(block.text) <= 12 and bool(_BARE_REF.match(block.text))


def _opens_with_ref(block: _Block) -> bool:
    """An action's text opening with its reference ('1.2 Review the record ...'), in a table with no
    reference column: not a heading ('1. Tackling neglect') nor a date."""
    return (
        _ref_line(block.lines[0]) is not None
        and not _is_heading(block.text)
        and not _is_due(block.text)
        and len(block.text.split()) >= 3
    )


def _looks_like_action(block: _Block) -> bool:
    """An action's text standing for its row where the table has no reference at all: a sentence
    opening with a capital ('Publish the escalation policy ...'), not a column's name, a date, a lead
    ('Head of Service, Front Door'), a heading or a piece of a wrapped date ('(revised to')."""
    text = block.text
    return (
        len(text.split()) >= 3
        and text[0].isupper()
        and not _names(block)
        and not _is_due(text)
        and not _is_owner(text)
        and not _is_heading(text)
    )


def _is_heading(text: str) -> bool:
    """A section's title across the table or in a grouping column ('1. Tackling neglect', 'Priority 2:
    Neglect'): a numbered title, not a sentence, not a date."""
    if _is_due(text):
        return False
    if _LABELLED_GROUP.match(text) and len(text.split()) <= 80:
        # named by its label, a finding's whole sentence ('Area for improvement 2: Thresholds ... .')
        return True
    if text.endswith(".") or len(text.split()) > 25:
        return False
    return bool(SECTION_HEADING.match(text))


_NUMBER_OPENING = re.compile(r"^(\d{1,2})[.:)]?\s+[A-Z]")


def _numbers_refs_below(block: _Block, after: list[_Block]) -> bool:
    """A numbered text right above references numbered under it ('1. The consistency of management
    oversight ..., so that ... .' over '1.1', '1.2'): the heading of their section, however long."""
    number = _NUMBER_OPENING.match(block.text)
    return (
        number is not None
        and bool(after)
        and _is_ref(after[0])
        and after[0].text.startswith(f"{number[1]}.")
        and len(block.text.split()) <= 80
    )


def _name_alone(block: _Block) -> bool:
    """A section's short name on its own ('Pursue', 'Early help'): a few words on one line, the first
    capitalised, no digits, not a sentence, a status, a date, a column's name or a lead ('Head of
    Early Help', 'Police': the last lead of a page, over the header printed again)."""
    text = block.text
    words = text.split()
    lowered = {w.lower().strip(",") for w in words}
    return (
        len(block.lines) == 1
        and 1 <= len(words) <= 4
        and text[0].isupper()
        and not re.search(r"\d|[.:;,]$", text)
        and not looks_like_rag(text)
        and not _is_due(text)
        and not _names(block)
        and not lowered & (TITLE_WORDS | RANKS)
        and not (len(words) == 1 and lowered & SECTOR_WORDS)
    )


def _header_follows(blocks: list[_Block], k: int) -> bool:
    """Column names start at block ``k``: two in a row, not one column's name printed with its cells."""
    return len(_names(blocks[k])) >= 2 or (
        k + 1 < len(blocks) and bool(_names(blocks[k]) and _names(blocks[k + 1]))
    )


def _is_due(text: str) -> bool:
    words = text.split()
    if not words or len(words) > _MAX_DUE_WORDS or text.endswith("."):
        return False
    return parse_due(text) is not None or is_undated_ok(text)


def _is_owner(text: str) -> bool:
    """Who leads: a short run of names, job titles and agencies, mostly capitalised, not a sentence."""
    words = _WORD.findall(text)
    if not words or len(words) > _MAX_OWNER_WORDS or text.rstrip(")").endswith("."):
        return False
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper())
    return bool(content) and capitalised * 3 >= len(content) * 2


def _kind(block: _Block, fields: list[str | None]) -> str:
    """What a block holds: a status, a due date, a lead, or prose; a kind no column takes (a short
    action that looks like a name) is prose."""
    text = block.text
    if "rag" in fields and len(text.split()) <= 3 and looks_like_rag(text):
        return "rag"
    if "due" in fields and _is_due(text):
        return "due"
    if not re.search(r"[A-Za-z]{3}", text):
        return "fragment"  # a piece of another cell ('2026' of a date wrapped into a lead's block)
    if "owner" in fields and _is_owner(text):
        return "owner"
    return "prose"


def _apart(block: _Block, after: _Block | None, fields: list[str | None]) -> list[_Block]:
    """A block whose first line holds cells of neighbouring columns that pdfminer ran together (a
    complete due date then a lead or a status: '31/01/2026 Head of' over 'Service, Front Door'; a lead
    or status then a complete due date: 'Partnership Training Coordinator End of July 2026'), cut
    into those cells; any other block as it is. Cut only where each piece is plainly of its kind, and
    not where the block ``after`` may continue a date ending the line ('(revised to' below 'May 2026')."""
    if "due" not in fields:
        return [block]
    first, more = block.lines[0], block.lines[1:]
    pieces: list[str] = []
    lead_first = _DUE_FIRST.match(first)
    if lead_first:
        pieces.append(lead_first.group(1))
        rest = lead_first.group(2)
        status = _STATUS_FIRST.match(rest)
        if status and "rag" in fields:
            pieces.append(status.group(1))
            rest = status.group(2) or ""
        owner = [rest, *more] if rest else more
    else:
        lead_last = _DUE_LAST.match(first)
        if lead_last is None or more or (after is not None and _CONTINUES.match(after.lines[0])):
            return [block]  # lines below a date ending the line may continue it ('(revised to ...')
        rest, due = lead_last.group(1), lead_last.group(2)
        if _INTO_DATE.search(rest) or re.fullmatch(_COMPLETE_DUE, first, re.I):
            return [block]
        if re.fullmatch(_STATUS_WORD, rest) and "rag" in fields:
            return [_piece(block, [rest]), _piece(block, [due])]
        owner = [rest]
        pieces.append(due)
    if owner and not ("owner" in fields and _is_owner(" ".join(owner)) and not _is_due(" ".join(owner))):
        return [block]
    cut = [_piece(block, [p]) for p in pieces]
    if not owner:
        return cut
    return [*cut, _piece(block, owner)] if lead_first else [_piece(block, owner), *cut]


def _heading_and_ref(block: _Block) -> list[_Block]:
    """A group column's cell run into the reference beside it ('Priority 3: Learning from reviews 3.1'),
    cut into the heading and the reference; any other block as it is."""
    *words, last = block.lines[-1].split() or [""]
    rest = [*block.lines[:-1], " ".join(words)] if words else block.lines[:-1]
    if not rest or not _BARE_REF.match(last) or not _is_heading(" ".join(rest)):
        return [block]
    return [_piece(block, rest), _piece(block, [last])]


def _next(blocks: list[_Block], k: int) -> _Block | None:
    return blocks[k + 1] if k + 1 < len(blocks) else None


def _piece(block: _Block, lines: list[str]) -> _Block:
    return _Block(line=block.line, page=block.page, lines=lines)


def _pages(lines: list[str]) -> list[int]:
    """The page of each line (a form feed starts a new page)."""
    out: list[int] = []
    page = 1
    for line in lines:
        out.append(page)
        page += line.count("\f")
    return out


_HEADER_REACH = 40  # blocks after a header's first name within which its other names are looked for


def _names(block: _Block) -> list[tuple[str | None, str]]:
    return _header_names(block) or []


def _header_at(blocks: list[_Block], k: int) -> tuple[list[str | None], list[str]] | None:
    """The header whose first column name is block ``k``: its fields and their names. Printed column
    by column, each column's name comes out above its own cells, so the names are gathered from the
    blocks that follow too, up to a column named twice. It must name an action column and two more,
    and start with two names of its own or a name over a run of references."""
    if not _header_names(blocks[k]):
        return None
    fields: list[str | None] = []
    names: list[str] = []
    for block in blocks[k : k + _HEADER_REACH]:
        named = _names(block)
        if any(f in fields for f, _ in named):
            break
        fields += [f for f, _ in named]
        names += [n for _, n in named]
    if "text" not in fields or len(fields) < 3 or len(set(fields)) < len(fields):
        return None
    following = blocks[k + 1 : k + 3]
    # the action column's name printed above its own cells: over a run of references, or in a table
    # with no reference column, of action texts
    over_run = len(following) == 2 and (
        all(_is_ref(b) for b in following)
        or (
            "ref" not in fields
            and _names(blocks[k])[0][0] == "text"
            and all(map(_looks_like_action, following))
        )
    )
    if not (len(_names(blocks[k])) >= 2 or (following and _names(following[0]))) and not over_run:
        return None
    return fields, names


def column_run_items(lines: list[str], clear_only: bool = True) -> ColumnRuns | None:
    """The tables of text printed column by column, rebuilt as rows; None when the text does not
    clearly look so (no header of column names, or no run of two or more rows after it). With
    ``clear_only`` False, also the rows of a header's cells printed one row after another (each row's
    cells after its reference or action text), for text that no other reading could read at all."""
    pages = _pages(lines)
    blocks = _names_cut_from_headings(
        [_Block(line=start + 1, page=pages[start], lines=block) for start, block in _blocks(lines)]
    )
    items: list[Item] = []
    warnings: list[tuple[str, int]] = []
    table = 0
    recognised = False
    k = 0
    read_to = 0  # blocks before this were read into a table
    while k < len(blocks):
        found = _header_at(blocks, k)
        if found is None:
            k += 1
            continue
        fields, names = found
        # a section's name alone just above the header ('Pursue'): the heading of the rows below
        body = [blocks[k - 1]] if k > read_to and _name_alone(blocks[k - 1]) else []
        while k < len(blocks):
            named = _names(blocks[k])
            if any(f not in fields for f, _ in named):
                if any(f in fields for f, _ in named) or len(named) > 1:
                    break  # another table's header
                # a column's name printed with its cells, below the others
                fields.append(named[0][0])
                names.append(named[0][1])
            body.append(blocks[k])  # a name again: the header repeated on a new page, or a marker
            k += 1
        read_to = k
        table += 1
        columns = [(f, n) for f, n in zip(fields, names, strict=True) if f not in _GROUPING]
        # without a reference column, the rows are counted by the references opening their texts; with
        # no reference at all, by the action texts
        in_text = "ref" not in fields
        by_text = in_text and _counted_by_texts(body)
        if in_text and not by_text:
            # each action's reference opens its text: given a column of its own, so that a row whose
            # other cells could not be matched is still read as an action, not as a numbered heading
            columns.insert(0, ("ref", "Ref"))
        read: list[Item] = [
            Item(
                text="\t".join(n for _, n in columns),
                cells=[n for _, n in columns],
                table=table,
                location=Location(line=body[0].line if body else None, table=table),
            )
        ]
        if _read_body(body, [f for f, _ in columns], in_text, by_text, table, read, warnings):
            recognised = True
        items.extend(read)
    if not recognised and (clear_only or len(items) == table):
        return None  # not clearly column by column, or only headers
    return ColumnRuns(items=items, warnings=warnings)


def _names_cut_from_headings(blocks: list[_Block]) -> list[_Block]:
    """A heading printed in one block with the first column's name below it ('5. Action plan' over
    'What we will do'), other names following in blocks of their own: the name is a block of its own."""
    out: list[_Block] = []
    for k, block in enumerate(blocks):
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        if (
            len(block.lines) >= 2
            and after is not None
            and _names(after)
            and not _names(block)
            and header_fields_of(block.lines[-1].strip())
            and _run_of_refs_follows(blocks, k + 1)
        ):
            out.append(_Block(line=block.line, page=block.page, lines=block.lines[:-1]))
            out.append(
                _Block(line=block.line + len(block.lines) - 1, page=block.page, lines=block.lines[-1:])
            )
        else:
            out.append(block)
    return out


_REF_RUN_REACH = 20  # blocks from a header to its first run of references


def _run_of_refs_follows(blocks: list[_Block], k: int) -> bool:
    """Two references in blocks of their own, one after the other, soon after block k: rows printed
    column by column (text printed a row at a time, its cells in reading order, is read otherwise)."""
    near = blocks[k : k + _REF_RUN_REACH]
    return any(_is_ref(a) and _is_ref(b) for a, b in zip(near, near[1:], strict=False))


def _counted_by_texts(body: list[_Block]) -> bool:
    """A table with no reference at all (none in a column of its own, none opening an action's text,
    none standing alone where the Ref column's name was lost): its action texts are the only thing
    left to count its rows by. Only where each column's name stands in a block of its own: names side
    by side on a line are a header laid out in columns ('Action   Completion date   Current'), whose
    rows are read by the laid-out reading."""
    return not any(_opens_with_ref(b) or _is_ref(b) or len(_names(b)) > 1 for b in body)


def _read_body(
    body: list[_Block],
    fields: list[str | None],
    in_text: bool,
    by_text: bool,
    table: int,
    items: list[Item],
    warnings: list[tuple[str, int]],
) -> bool:
    """Read a table's blocks as runs of rows into ``items``; True when some run has two or more
    references (the table was printed column by column)."""
    parts: list[_Run | _Block] = []  # runs, and headings between them
    run: _Run | None = None
    page = body[0].page if body else 0

    def close() -> None:
        nonlocal run
        if run is not None and run.refs:
            parts.append(run)
        elif run is not None and run.cells:
            # the rest of a row cut by a page break, printed before the next page's references: it
            # cannot be told which of the cut row's cells it continues
            warnings.append(
                (
                    f"Text printed before the first {'action' if by_text else 'reference'} of a page (the "
                    f"rest of a row cut by the page break?) was left out: '{_clip(run.cells[0].text)}'.",
                    run.cells[0].line,
                )
            )
        run = None

    kinds: dict[int, str] = {}
    # a section's name alone just above the header or the header printed again ('Pursue' over 'Ref')
    titles = {
        id(b)
        for i, b in enumerate(body)
        if _name_alone(b) and (i + 1 == len(body) or _header_follows(body, i + 1))
    }

    pieces = [
        piece
        for k, whole in enumerate(body)
        for part in _apart(whole, _next(body, k), fields)
        for piece in (_heading_and_ref(part) if "ref" in fields and not in_text else [part])
    ]
    prose_columns = sum(1 for f in fields if f not in ("ref", *_KIND_OF_FIELD))
    # with no reference and other columns of prose, the action texts are told from those by width
    texts_by_width = None
    if by_text and prose_columns > 1:
        texts_by_width = _text_column_below_its_name(pieces, fields, prose_columns)
        if texts_by_width is None:
            return False

    def opens_row(block: _Block) -> bool:
        if by_text:
            return (
                _kind(block, fields) == "prose"
                and _looks_like_action(block)
                and id(block) not in titles
                and (texts_by_width is None or texts_by_width.of(block) == texts_by_width.text)
            )
        return _opens_with_ref(block) if in_text else _is_ref(block)

    for k, block in enumerate(pieces):
        if block.page != page:
            close()
            page = block.page
        if opens_row(block):
            if run is None or run.cells:
                close()
                run = _Run(in_text=in_text and not by_text, by_text=by_text)
            run.refs.append(block)
            continue
        # a strand's name alone right above a reference, not after a row's cells (where it may be the
        # last of them, a lead): a section row across the table printed with the reference column
        above_ref = (
            (run is None or not (run.refs and run.cells))
            and _name_alone(block)
            and k + 1 < len(pieces)
            and opens_row(pieces[k + 1])
        )
        if (
            run is not None
            and run.refs
            and not run.cells
            and id(block) not in titles
            and (_is_heading(block.text) or above_ref)
        ):
            # a heading among the references, before any other cell: the group column, or a section row
            # across the table, printed with the reference column; it heads the rows whose references
            # follow, and their cells come after all of them
            run.headings.append((len(run.refs), block))
            continue
        if (
            _is_heading(block.text)
            or id(block) in titles
            or above_ref
            or _numbers_refs_below(block, pieces[k + 1 :])
        ):
            close()
            parts.append(block)
            continue
        named = _names(block)
        if named:
            if run is not None:
                here = {kinds[id(cell)] for cell in run.cells}
                run.named_late |= {f for f, _ in named if f in _KIND_OF_FIELD and _KIND_OF_FIELD[f] in here}
            continue
        if run is None:
            run = _Run()
        kinds[id(block)] = _kind(block, fields)
        run.cells.append(block)
    close()
    runs = [part for part in parts if isinstance(part, _Run)]
    if prose_columns <= 2:  # a third column of prose (outcomes) may be as narrow as the leads
        _leads_too_long_to_tell(runs, kinds)
    columns = _prose_columns(runs, kinds, prose_columns)
    agencies = _agencies_of_leads([b for r in runs for b in r.cells if kinds[id(b)] == "owner"])
    for part in parts:
        if isinstance(part, _Run):
            rows = _rows(part, fields, table, kinds, columns, warnings, agencies)
            for at in range(len(part.refs) + 1):
                items.extend(_heading(block, table) for k, block in part.headings if k == at)
                items.extend(rows[at : at + 1])
        else:
            items.append(_heading(part, table))
    return any(len(r.refs) >= 2 for r in runs)


_FEW_LEADS_TOO_LONG = 0.3  # of the table's rows


def _leads_too_long_to_tell(runs: list[_Run], kinds: dict[int, str]) -> None:
    """A cell of several lines no wider than the table's leads, and plainly narrower than its other
    prose, is a lead too long to be told by its words (two leads printed as one block): counted with
    the leads where its group's leads fall short, it does not pass for a column of prose of its own
    width."""
    cells = [b for r in runs for b in r.cells]
    leads = [_width(b) for b in cells if kinds[id(b)] == "owner" and len(b.lines) > 1]
    if not leads:
        return
    prose = [b for b in cells if kinds[id(b)] == "prose" and len(b.lines) > 1]

    widths = sorted(_width(b) for b in prose)
    others = len(widths) - 1

    def lead_like(block: _Block) -> bool:
        # sorted once: a long text of many such cells is not read in quadratic time
        wider = len(widths) - bisect_right(widths, _width(block) + _MIN_GAP)
        return others > 0 and _width(block) <= max(leads) + _SLACK and wider >= 0.8 * others

    found = {id(b) for b in prose if lead_like(b)}
    if len(found) > _FEW_LEADS_TOO_LONG * sum(len(r.refs) for r in runs):
        return  # as many as a column's cells: a narrow column of prose (outcomes), not leads
    for run in runs:
        here = [b for b in run.cells if id(b) in found]
        short = len(run.refs) - sum(1 for b in run.cells if kinds[id(b)] == "owner")
        for block in here:
            # a lead where the run's leads fall short; else a cell no column can be sure of, kept out
            # of the widths that tell the columns of prose apart
            kinds[id(block)] = "owner" if len(here) <= short else "fragment"


@dataclass
class _ProseColumns:
    """The columns of prose (action, progress, outcome) told apart by how wide their lines run: a
    cell's text wraps at its column's width, so the longest line of a cell of several lines is
    close to it, and a line with the next line's first word would not fit."""

    cuts: list[float]  # between one column's widths and the next wider one's
    tops: list[int]  # the longest line seen in each column
    text: int | None  # the column of the action texts
    wrapped: bool = False  # cells of several lines measured by where their lines wrap (_wrap_width)
    clearest: float = 0.0  # the narrowest of the gaps cut at

    def of(self, block: _Block) -> int | None:
        """The column of a block of prose; None when it could be in more than one (one short line)."""
        if len(block.lines) > 1:
            width = _wrap_width(block) if self.wrapped else _width(block)
            return sum(1 for cut in self.cuts if width > cut)
        width = _width(block)
        fits = [c for c, top in enumerate(self.tops) if width <= top + _SLACK]
        return fits[0] if len(fits) == 1 else None


_MIN_GAP = 4  # characters between the widest lines of two columns' cells
_SLACK = 2


def _width(block: _Block) -> int:
    return max(len(line) for line in block.lines)


def _wrap_width(block: _Block) -> float:
    """The width of a cell's column as its wrapping tells it: at least its longest line, and less than
    a line with the next line's first word added (that word did not fit); the middle of the two, but
    no more than a short word past the longest line (a long word that did not fit says little). Two
    columns whose longest lines differ by a few characters are told apart by where their lines wrap."""
    longest = _width(block)
    overflows = [
        len(line) + 1 + len(after.split()[0])
        for line, after in zip(block.lines, block.lines[1:], strict=False)
        if after.split()
    ]
    middle = (longest + max(min(overflows, default=longest), longest)) / 2
    return min(middle, longest + _WRAP_REACH)


_WRAP_REACH = 5  # characters: a short word and its space


def _prose_columns(runs: list[_Run], kinds: dict[int, str], count: int) -> _ProseColumns:
    prose = [[b for b in r.cells if kinds[id(b)] == "prose"] for r in runs]
    if count <= 1:
        top = max((_width(b) for blocks in prose for b in blocks), default=0)
        return _ProseColumns(cuts=[], tops=[top], text=0)
    columns = _width_columns([b for blocks in prose for b in blocks], count)
    # the action's column is the one right of the references: the first prose after a run of them
    votes: dict[int, int] = {}
    for blocks in prose:
        first = next((c for c in (columns.of(b) for b in blocks) if c is not None), None)
        if first is not None:
            votes[first] = votes.get(first, 0) + 1
    if votes:
        best = max(votes.values())
        leaders = [c for c, v in votes.items() if v == best]
        columns.text = leaders[0] if len(leaders) == 1 else None
    return columns


def _width_columns(prose: list[_Block], count: int) -> _ProseColumns:
    """``count`` columns of prose told apart by the widths of their cells of several lines, measured by
    their longest lines or, where that tells fewer columns apart (or as many less clearly), by where
    their lines wrap."""
    multi = [b for b in prose if len(b.lines) > 1]
    by_line, by_wrap = _cut_widths(multi, count, wrapped=False), _cut_widths(multi, count, wrapped=True)
    return max(by_line, by_wrap, key=lambda columns: (len(columns.cuts), columns.clearest))


def _cut_widths(multi: list[_Block], count: int, wrapped: bool) -> _ProseColumns:
    """The columns cut at the widest gaps between the cells' widths (fewer cuts where the gaps are too
    narrow to tell)."""
    measured = sorted((_wrap_width(b) if wrapped else _width(b), _width(b)) for b in multi)
    widths = [width for width, _ in measured]
    gaps = sorted(
        (
            (widths[i + 1] - widths[i], i)
            for i in range(len(widths) - 1)
            if widths[i + 1] - widths[i] >= _MIN_GAP
        ),
        reverse=True,
    )[: count - 1]
    at = sorted(i for _, i in gaps)
    cuts = [(widths[i] + widths[i + 1]) / 2 for i in at]
    bounds = [0, *(i + 1 for i in at), len(widths)]
    # a one-line cell is told by the longest line seen in each column
    tops = [
        max(longest for _, longest in measured[a:b])
        for a, b in zip(bounds, bounds[1:], strict=False)
        if b > a
    ]
    clearest = min((gap for gap, _ in gaps), default=0.0)
    return _ProseColumns(cuts=cuts, tops=tops or [0], text=None, wrapped=wrapped, clearest=clearest)


def _text_column_below_its_name(
    pieces: list[_Block], fields: list[str | None], count: int
) -> _ProseColumns | None:
    """In a table with no reference and several columns of prose, the width of the action texts,
    told by the cell printed right below the action column's name (each column's name comes out
    above its own cells); None where the widths do not tell every column of prose apart or that cell
    is not plainly an action's text."""
    prose = [b for b in pieces if not _names(b) and _kind(b, fields) == "prose"]
    columns = _width_columns(prose, count)
    if len(columns.cuts) != count - 1:
        return None
    named = next((k for k, b in enumerate(pieces) if any(f == "text" for f, _ in _names(b))), len(pieces))
    # the first cell below the name, past the other names and a section's row across the table
    below = next((b for b in pieces[named + 1 :] if not _names(b) and not _is_heading(b.text)), None)
    if below is None or _kind(below, fields) != "prose" or not _looks_like_action(below):
        return None
    columns.text = columns.of(below)
    return columns if columns.text is not None else None


def _texts_apart(
    prose: list[_Block], n: int, columns: _ProseColumns
) -> tuple[list[_Block] | None, list[_Block]]:
    """The run's action texts (one per row, in order) and its other prose; None when they cannot be
    told apart for certain."""
    if columns.text is None:
        return None, prose
    # a block opening in lower case is the rest of a cell cut by a page break, not an action's text
    where = [columns.of(b) if not b.text[:1].islower() else -1 for b in prose]
    sure = [b for b, c in zip(prose, where, strict=True) if c == columns.text]
    unsure = [b for b, c in zip(prose, where, strict=True) if c is None]
    if len(sure) == n:
        chosen = {id(b) for b in sure}
    elif len(sure) + len(unsure) == n:
        chosen = {id(b) for b in sure + unsure}
    else:
        return None, prose
    return [b for b in prose if id(b) in chosen], [b for b in prose if id(b) not in chosen]


def _rows(
    run: _Run,
    fields: list[str | None],
    table: int,
    kinds: dict[int, str],
    widths: _ProseColumns,
    warnings: list[tuple[str, int]],
    agencies: frozenset[str] = frozenset(),
) -> list[Item]:
    """The run's rows, each with the cells whose column could be matched to it."""
    n = len(run.refs)
    width = len(fields)
    rows = [[""] * width for _ in range(n)]
    if not run.by_text:
        for row, ref in zip(rows, run.refs, strict=True):
            row[fields.index("ref")] = _ref_of(ref)
    by_kind: dict[str, list[_Block]] = {"rag": [], "due": [], "owner": [], "prose": [], "fragment": []}
    for block in run.cells:
        by_kind[kinds[id(block)]].append(block)
    first, last = (_name_of(run.refs[i], run.by_text) for i in (0, -1))
    span = f"{first} to {last}" if n > 1 else first
    for fld, kind in _KIND_OF_FIELD.items():
        if fld not in fields:
            continue
        found = by_kind[kind]
        if kind == "owner" and len(found) < n:
            found = _leads_apart(found, agencies, n)
        if fld in run.named_late:
            warnings.append(
                (
                    f"The {_CELLS_OF[fld]} of actions {span} were printed apart from their rows, some "
                    "before their column's name, so their order is unknown and they were left empty.",
                    run.refs[0].line,
                )
            )
        elif len(found) == n:
            for row, block in zip(rows, found, strict=True):
                row[fields.index(fld)] = block.text
        elif found:
            warnings.append(
                (
                    f"The {_CELLS_OF[fld]} of actions {span} were printed apart from their rows and "
                    f"{len(found)} were found for {n} actions, so they were left empty rather than guessed.",
                    run.refs[0].line,
                )
            )
    if run.by_text:
        texts: list[str] | None = [block.text for block in run.refs]
        rest = by_kind["prose"]
    elif run.in_text:
        texts = [_after_ref(ref) for ref in run.refs]
        rest = by_kind["prose"]
    else:
        apart, rest = _texts_apart(by_kind["prose"], n, widths)
        texts = None if apart is None else [b.text for b in apart]
    if texts is None:
        warnings.append(
            (
                f"The action texts of actions {span} could not be told apart from the other cells "
                "printed with them, so these actions were left out.",
                run.refs[0].line,
            )
        )
        return []
    text_at = fields.index("text")
    for row, text in zip(rows, texts, strict=True):
        row[text_at] = text
    others = [i for i, f in enumerate(fields) if f not in ("ref", "text", *_KIND_OF_FIELD)]
    if len(others) == 1 and len(rest) == n:
        for row, block in zip(rows, rest, strict=True):
            row[others[0]] = block.text
    elif rest:
        warnings.append(
            (
                f"Some text printed with actions {span} ({len(rest)} cells) could not be matched to its "
                "rows and was left out.",
                run.refs[0].line,
            )
        )
    return [
        Item(
            text="\t".join(row),
            cells=row,
            table=table,
            location=Location(line=ref.line, table=table),
            merges_shown=True,  # a cell left empty is empty (or unknown), never the lead of the row above
        )
        for row, ref in zip(rows, run.refs, strict=True)
    ]


_AGENCY_DASH = re.compile(r"^(.{3,80}?)\s+[–—-]\s+\S")


def _agencies_of_leads(leads: list[_Block]) -> frozenset[str]:
    """The agencies the table's leads name before a dash ('Southshire Police – DCI Sarah Kettle')."""
    return frozenset(m[1] for b in leads if (m := _AGENCY_DASH.match(b.text)) and len(m[1].split()) <= 10)


def _leads_apart(leads: list[_Block], agencies: frozenset[str], n: int) -> list[_Block]:
    """Two leads printed as one block, told apart where a line opens with an agency another lead of
    the table names ('... Mental Health Tactical Lead' | 'Wexcombe Health and Care NHS Foundation
    Trust – Dr Leah Osei'); only where that makes one lead per row."""
    apart: list[_Block] = []
    openings = tuple(f"{agency} " for agency in agencies)
    for block in leads:
        cuts = [
            k
            for k in range(1, len(block.lines))
            if " ".join(block.lines[k:]).startswith(openings)
            and _AGENCY_DASH.match(" ".join(block.lines[:k]))
        ]
        bounds = [0, *cuts, len(block.lines)]
        apart.extend(_piece(block, block.lines[a:b]) for a, b in zip(bounds, bounds[1:], strict=False))
    return apart if len(apart) == n else leads


def _ref_of(block: _Block) -> str:
    """A row's reference: its block's, or the one opening its action's text."""
    opened = _ref_line(block.lines[0])
    return opened.group(1) if opened and len(block.lines) + len(block.text) > 12 else block.text.rstrip(".)")


def _name_of(block: _Block, by_text: bool) -> str:
    """How a warning names a row: by its reference, or where it has none, its action's first words."""
    return f"'{_clip(block.text, 30)}'" if by_text else _ref_of(block)


def _after_ref(block: _Block) -> str:
    """An action's text without the reference opening it."""
    opened = _ref_line(block.lines[0])
    if opened is None:
        return block.text
    return " ".join([opened.group(2), *block.lines[1:]])


# what a warning calls a column's cells
_CELLS_OF = {"rag": "statuses", "due": "due dates", "owner": "leads"}


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _heading(block: _Block, table: int) -> Item:
    return Item(
        text=block.text,
        cells=[block.text],
        bold=True,
        table=table,
        location=Location(line=block.line, table=table),
    )
