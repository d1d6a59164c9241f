"""Tables in text laid out in columns (``pdftotext -layout``): cells found by where they sit under
the header row's words.

Such text has no cell separators: a row is printed over several lines, each line holding a piece
of every cell at that cell's column, and neighbouring cells may touch (one space apart) where a
long line of text pushes the next column along. So a header row is found by its words (each column
a header synonym), each column starts where its header word does (or where most cells below it
start: a little to the left of a centred header, to the right of a narrow column's header), and
each word of a line below goes to the column it starts in, or the next one where it runs past
where the column's lines end. A line whose reference column holds a reference starts a row;
without a reference column, a line whose action cell opens a sentence after one that closed starts
a row. A line across the whole table (a priority or finding above its actions) comes back as a
one-cell bold row, several such lines in a row as a paragraph of text; page furniture and a header
repeated on a new page are dropped, and a short line just above a header names its table.
Text that runs across the columns (not laid out in them) is left to the line-by-line reading.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from .model import Location
from .normalise import NOT_A_QUARTER, SECURITY_MARKING, looks_like_rag, opens_status, parse_due
from .readers.base import Item
from .synonyms import could_be_header_word, exact_header_field, header_field, section_label_pattern

_WORD = re.compile(r"\S+")
_CHUNK = re.compile(r"\S+(?: \S+)*")  # words one space apart
_REF = re.compile(
    "^" + NOT_A_QUARTER + r"(?:[A-Z]{1,6}[-/ ]?)?\d{1,3}(?:[.\-]\d{1,3}){0,3}[a-zA-Z]?\.?$|^[A-Z]{2,6}-\d+$"
)
_FURNITURE = re.compile(
    rf"^(?:{SECURITY_MARKING}|page \d+(?: of \d+)?|\d{{1,3}}|-\s*\d{{1,3}}\s*-)$"
    r"|\bpage \d+(?: of \d+)?$|^page \d+\b",
    re.I,
)
_OPENS_DUE = re.compile(
    r"^(?:\d|q[1-4]\b|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?!\w)|end\b|by\b|before\b|from\b|"
    r"within\b|ongoing|tbc|tbd|to\b|w/c|immediate|quarterly|monthly|annual|spring|summer|autumn|winter|"
    r"complete|financial\b|fy\b)",
    re.I,
)
# a heading that names its number: 'Area for priority action 1: ...', '2. Strategy meetings ...'
# the code before the area's label and number ('PA1 Priority action 1: Leaders' understanding',
# 'PA1 – Area for priority action 1: Leaders across ...')
CODED_LABELLED = re.compile(
    rf"^([A-Z]{{1,5}}\d{{1,2}})\s*(?:[–—-]\s*)?(?:{section_label_pattern()})\s+\d{{1,2}}\s*[:.–—-]\s*(\S.*)$",
    re.I,
)
NUMBERED_HEADING = re.compile(
    rf"^(?:(?:{section_label_pattern()})\s+\d|\d{{1,2}}(?:\.\d{{1,2}})*[.:)]?\s+[A-Z])", re.I
)
_HYPHEN_END = re.compile(r"(?<=[a-z])-$")
MAX_HEADER_WORDS = 7
PUSH = 8  # how far a cell may be printed left of its column's start, after a long line beside it
SHIFT = 3  # how far a row's cells may sit left of the header's columns (pdftotext places rows apart)
MAX_CROSSING = 0.25  # the share of a table's lines that may run over a column's start


@dataclass
class _Column:
    start: int
    field: str | None
    title: str
    end: int = 10**6  # where the lines of its cells end, at most (set by ``_refine``)


def _words(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m[0]) for m in _WORD.finditer(line)]


def _header_columns(line: str, below: str = "") -> list[_Column] | None:
    """The columns a header line names, or None when it is not a header: its words split into
    runs that are each a header synonym, with an action column and at least three columns. Where
    the line alone names too few, the line below may finish its column names ('Current' over
    'status', 'How will we' over 'know')."""
    found = _header_spans(line)
    if found is None or any(f is None for _, f, _ in found):  # a word naming no column ('Area for')
        found = _wrapped_header_spans(line, below.replace("\f", "")) or found
    return None if found is None else [_Column(start=s, field=f, title=t) for s, f, t in found]


def names_columns(line: str, below: str = "") -> bool:
    """Whether a line (with the line below, where its column names wrap) is a header laid out in columns."""
    return _header_columns(line.replace("\f", ""), below) is not None


@lru_cache(maxsize=4096)
def _wrapped_header_spans(line: str, below: str) -> tuple[tuple[int, str | None, str], ...] | None:
    """A header whose column names wrap onto a second line: each run of words on the second line
    sits under a run of the first, and each run with what is under it names one column. The titles
    are the first line's words (the header's later lines are read by ``_skip_header_lines``)."""
    top = list(_CHUNK.finditer(line))
    under = list(_CHUNK.finditer(below))
    if not 3 <= len(top) <= 12 or not under or len(under) > len(top):
        return None
    if not all(could_be_header_word(w) for m in (*top, *under) for w in m[0].split()):
        return None
    added = [""] * len(top)
    added_at = [0] * len(top)  # where each piece below starts
    for m in under:
        k = next((k for k, t in enumerate(top) if t.start() - 2 <= m.start() <= t.end() + 1), None)
        if k is None or added[k] or len(m[0].split()) > 3:
            return None  # a piece under no column name: not a header's second line
        added[k], added_at[k] = m[0], m.start()
    out: list[tuple[int, str | None, str]] = []
    for t, extra, extra_at in zip(top, added, added_at, strict=True):
        field = exact_header_field(f"{t[0]} {extra}" if extra else t[0])
        if field is None and not extra:  # runs of several names one space apart ('Ref Action')
            named = header_fields_of(t[0])
            if named is None:
                return None
            at = t.start()
            for name_field, name in named:
                out.append((at, name_field, name))
                at += len(name) + 1
            continue
        if field is None:  # several names one space apart, one finished below ('Completion Lead
            # officer' over 'date')
            finished = _names_finished_below(t, extra, extra_at)
            if finished is None:
                return None
            out.extend(finished)
            continue
        out.append((t.start(), field, t[0]))
    fields = [f for _, f, _ in out]
    if "text" not in fields or len(out) < 3 or not any(extra for extra in added):
        return None
    return tuple(out)


def _names_finished_below(
    top: re.Match[str], extra: str, extra_at: int
) -> list[tuple[int, str | None, str]] | None:
    """The columns a run of header names one space apart names when the piece below (at
    ``extra_at``) finishes the name it sits under: (start, field, title) each, else None."""
    words = [(top.start() + w.start(), w[0]) for w in _WORD.finditer(top[0])]
    under = max((k for k, (at, _) in enumerate(words) if at <= extra_at + 2), default=0)
    for a in range(under, -1, -1):
        for b in range(under + 1, len(words) + 1):
            field = exact_header_field(" ".join([*(w for _, w in words[a:b]), extra]))
            before = header_fields_of(" ".join(w for _, w in words[:a])) if a else []
            after = header_fields_of(" ".join(w for _, w in words[b:])) if b < len(words) else []
            if field is None or before is None or after is None:
                continue
            out: list[tuple[int, str | None, str]] = []
            at = 0
            for name_field, name in before:
                out.append((words[at][0], name_field, name))
                at += len(name.split())
            out.append((words[a][0], field, " ".join(w for _, w in words[a:b])))
            at = b
            for name_field, name in after:
                out.append((words[at][0], name_field, name))
                at += len(name.split())
            return out
    return None


def _bracketed(words: list[tuple[int, str]]) -> set[int]:
    """The words of bracketed notes after columns' names ('Progress update (date each entry)'): the
    note's words are no column's name, but the column's name with its note is."""
    inside: set[int] = set()
    opened: int | None = None
    for k, (_, word) in enumerate(words):
        if word.startswith("("):
            opened = k
        if opened is not None and word.endswith(")"):
            inside.update(range(opened, k + 1))
            opened = None
    return inside


@lru_cache(maxsize=4096)
def _header_spans(line: str) -> tuple[tuple[int, str | None, str], ...] | None:
    words = _words(line)
    bracketed = _bracketed(words)
    if not 3 <= len(words) <= 30 or sum(
        1 for k, (_, w) in enumerate(words) if k in bracketed or could_be_header_word(w)
    ) < 0.75 * len(words):
        return None
    n = len(words)
    # best[i]: (words covered by synonyms, -groups) for words[:i], and where its last group starts
    best: list[tuple[int, int] | None] = [None] * (n + 1)
    back = [0] * (n + 1)
    best[0] = (0, 0)
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        for j in range(i + 1, min(n, i + MAX_HEADER_WORDS) + 1):
            if j > i + 1 and words[j - 1][0] - (words[j - 2][0] + len(words[j - 2][1])) > 2:
                break  # a wide gap: a new column
            text = " ".join(w for _, w in words[i:j])
            covered = j - i if exact_header_field(text) else 0
            score = (here[0] + covered, here[1] - 1)
            if best[j] is None or score > best[j]:  # type: ignore[operator]
                best[j] = score
                back[j] = i
    final = best[n]
    if final is None or final[0] < 0.75 * n:
        return None
    columns: list[_Column] = []
    j = n
    while j > 0:
        i = back[j]
        text = " ".join(w for _, w in words[i:j])
        columns.append(_Column(start=words[i][0], field=exact_header_field(text), title=text))
        j = i
    columns.reverse()
    fields = [c.field for c in columns]
    if "text" not in fields or sum(1 for f in fields if f) < 3:
        return None
    return tuple((c.start, c.field, c.title) for c in columns)


def header_fields_of(text: str) -> list[tuple[str | None, str]] | None:
    """(field, name) for each column a run of header words names ('Ref Action required' -> ref,
    text), or None when some of its words name no column."""
    found = _header_fields_of(text)
    return None if found is None else list(found)


# Every reading of a text asks this of the same lines (the table, cell-after-cell, column-run and
# record readers): kept once per line instead of worked out by each.
@lru_cache(maxsize=65536)
def _header_fields_of(text: str) -> tuple[tuple[str | None, str], ...] | None:
    words = text.split()
    n = len(words)
    if not n or n > 12:
        return None
    whole = exact_header_field(text)
    if whole:  # one column's name, however long ('Progress update and evidence of impact')
        return ((whole, " ".join(words)),)
    best: list[int | None] = [None] * (n + 1)  # the fewest columns covering words[:i]
    back = [0] * (n + 1)
    best[0] = 0
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        for j in range(i + 1, min(n, i + MAX_HEADER_WORDS) + 1):
            if exact_header_field(" ".join(words[i:j])):
                stored = best[j]
                if stored is None or here + 1 < stored:
                    best[j], back[j] = here + 1, i
    if best[n] is None:
        return None
    out: list[tuple[str | None, str]] = []
    j = n
    while j > 0:
        i = back[j]
        name = " ".join(words[i:j])
        out.append((exact_header_field(name), name))
        j = i
    return tuple(out[::-1])


def _row_opens(lines: list[str]) -> frozenset[int]:
    """Where a row's lines open a cell: runs of words after a wide gap. pdftotext places each row's
    cells on their own, a few characters from the header's columns, but at one place down the row."""
    return frozenset(
        m.start()
        for line in lines
        for m in _CHUNK.finditer(line)
        if line[max(0, m.start() - 2) : m.start()].strip() == ""
    )


def _open_column(start: int, word: str, k: int, columns: list[_Column], opens: frozenset[int]) -> int | None:
    """The column after ``k`` that a word opens where the row's other lines open that column's cells
    (one space after the cell before it), else None. A word one character off where they open must
    be one that could open the cell: 'at' of 'Agreed at the', one place right of the opening, is not
    (the capital before it, run into the cell before, opens the cell)."""
    if not opens or not {start - 1, start, start + 1} & opens:
        return None
    near = [
        (abs(columns[c].start - start), c)
        for c in range(k + 1, len(columns))
        if columns[c].field != "ref" or _REF.match(word)  # a reference cell opens with a reference
    ]
    best = min(near, default=None)
    if best is None or best[0] > PUSH:
        return None
    return best[1] if start in opens or _opens(columns[best[1]], word) else None


def _assign(
    line: str,
    columns: list[_Column],
    by_start: bool = False,
    opens: frozenset[int] = frozenset(),
    opened: dict[int, int] | None = None,
) -> list[str]:
    """The pieces of a line under each column. A run of words one space apart starts in the column
    its first word starts in (or the next, when it starts past where the column's lines end or the
    column already has a run on this line); where it runs past that column's right edge (a long line of a cell
    pushing the next cell along, or the next cell printed a little to the left), the words beyond
    the edge are the next column's: from a word where the row's other lines (``opens``) open the
    next column's cells (noted in ``opened``: column -> where), or else from the first word past
    the edge that could open its cell."""
    cells = [""] * len(columns)
    for m in _CHUNK.finditer(line):
        k = 0
        for c in range(len(columns)):
            if m.start() >= columns[c].start - 1:
                k = c
        if by_start:  # a header's words sit where their columns start
            for start, word in _words(m[0]):
                k = max(c for c in range(len(columns)) if c == 0 or m.start() + start >= columns[c].start - 1)
                cells[k] = f"{cells[k]} {word}" if cells[k] else word
            continue
        if (
            k + 1 < len(columns)
            and m.start() >= columns[k + 1].start - PUSH
            and (
                cells[k]
                or m.start() > columns[k].end + 1
                # far from this column's start, near the next one's (cells are left-aligned)
                or m.start() - columns[k].start > 3 * (columns[k + 1].start - m.start())
            )
        ):
            k += 1  # the next cell printed a little to the left: past where this column's lines end,
            # by its next column's start, or a second run of words in this column's line
        placed: list[tuple[int, int, str]] = []  # (column, start, word)
        words = [(m.start() + w.start(), m.start() + w.end(), w[0]) for w in _WORD.finditer(m[0])]
        splits: dict[int, int] = {}  # word -> the column it opens, where the row's lines say so
        for i, (start, _, word) in enumerate(words[1:], start=1):
            column = _open_column(start, word, k, columns, opens)
            if column is not None:
                splits[i] = column
        if opened is not None:
            for i, c in splits.items():
                opened.setdefault(c, words[i][0])
        for i, (start, end, word) in enumerate(words):
            k = max(k, splits.get(i, k))
            # not past a column the row's lines say a later word opens
            stop = min((c for at, c in splits.items() if at > i), default=len(columns))
            while (
                k + 1 < stop
                and start > m.start()
                and end > columns[k].end + 1
                and start >= columns[k + 1].start - PUSH
                and _opens(columns[k + 1], word)
            ):
                k += 1
            placed.append((k, start, word))
            if (
                k + 1 < stop
                and start > m.start()
                and end > columns[k].end + 1
                and start >= columns[k + 1].start - PUSH
                and _pull_back(placed, columns, k)
            ):
                k += 1
        _move_touching_words(placed, columns, m.start())
        for k, _, word in placed:
            cells[k] = f"{cells[k]} {word}" if cells[k] else word
    return cells


def _pull_back(placed: list[tuple[int, int, str]], columns: list[_Column], k: int) -> bool:
    """Where the last word placed runs past where column ``k``'s lines end but cannot open the next
    cell ('of' of 'practitioners Head of Early Help'), the next cell opens at an earlier word of the
    run that can: the last one that leaves the words before it within the column's lines, starting
    by the next column ('Head'). Moves those words to column ``k + 1``; whether it found one."""
    _, _, word = placed[-1]
    if _opens(columns[k + 1], word):
        return False
    for n in range(len(placed) - 1, 0, -1):
        column, start, word = placed[n]
        before, before_start, before_word = placed[n - 1]
        if column != k or before != k or start < columns[k + 1].start - PUSH:
            return False
        if before_start + len(before_word) <= columns[k].end + 1 and _opens(columns[k + 1], word):
            placed[n:] = [(k + 1, at, w) for _, at, w in placed[n:]]
            return True
    return False


_DAY = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$|^Q[1-4]$")  # or the quarter before its year ('Q1 | 2025/26')
_YEAR = re.compile(r"^\d{4}(?:[/\-]\d{2,4})?\b")
_MONTH_WORD = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$", re.I)


def _move_touching_words(
    placed: list[tuple[int, int, str]], columns: list[_Column], chunk_start: int
) -> None:
    """Words one space from the next column that still belong to it: a day before the month that
    opens a due cell ('on | 16 July 2026'), a quarter or a month before its year ('for | Q1 2025/26',
    'programme April | 2026'), and a status alone at the end of a line by the status column
    ('managers | G'); and a word run past the due column that belongs to it: the year after its
    month ('December 2025 | Service Manager')."""
    for n in range(len(placed) - 1, 0, -1):  # from the right: 'in 9 July | 2026' moves 'July', then '9'
        (k, start, word), (k_next, _, month) = placed[n - 1], placed[n]
        if (
            k_next == k + 1
            and columns[k_next].field == "due"
            and (
                (_DAY.match(word) and (_MONTH_WORD.match(month) or (word[0] == "Q" and _YEAR.match(month))))
                or (_MONTH_WORD.match(word) and word[:1].isupper() and _YEAR.match(month))
            )
        ):
            placed[n - 1] = (k_next, start, word)
    for n in range(1, len(placed)):  # and a year one space after its month ('December 2025 | Service')
        (k, _, month), (k_next, start, year) = placed[n - 1], placed[n]
        if k_next == k + 1 and columns[k].field == "due" and _MONTH_WORD.match(month) and _YEAR.match(year):
            placed[n] = (k, start, year)
    if placed:
        k, start, word = placed[-1]
        if (
            k + 1 < len(columns)
            and columns[k + 1].field == "rag"
            and start > chunk_start
            and start >= columns[k + 1].start - PUSH
            and word[:1].isupper()  # 'G', 'Amber'; not the article 'a' ending a line
            and looks_like_rag(word)
        ):
            placed[-1] = (k + 1, start, word)


def _opens(column: _Column, text: str) -> bool:
    """Whether ``text`` could open a cell of ``column``: with a capital or a digit, a status
    ('G', 'On' of 'On track') under the status column, a month, 'Q2' or 'End' under the due column,
    a reference under the reference column (not the '3:' of a finding's label 'Priority 3:')."""
    if not (text[:1].isupper() or text[:1].isdigit()):
        return False
    if column.field == "rag":
        return opens_status(text)
    if column.field == "ref":
        return _REF.match(text) is not None
    return column.field != "due" or _OPENS_DUE.match(text) is not None


def _join(old: str, new: str) -> str:
    if not old:
        return new
    if _HYPHEN_END.search(old) and new[:1].islower():
        return old + new  # 'multi-' at the end of a line, 'agency' on the next
    return f"{old} {new}"


def _refine(columns: list[_Column], lines: list[str]) -> None:
    """Move a column's start to where most of the cells below it start (a header printed centred,
    indented or, over a narrow column, to the left of it), and find where the lines of its cells end."""
    starts: Counter[int] = Counter()
    clear: list[tuple[int, int]] = []  # runs of words with wide gaps either side
    for line in lines:
        for m in _CHUNK.finditer(line):
            if m.start() == 0 or line[m.start() - 2 : m.start()] == "  ":
                starts[m.start()] += 1
                if m.end() == len(line.rstrip()) or line[m.end() : m.end() + 2] == "  ":
                    clear.append(m.span())
    for k in range(1, len(columns)):
        low, high = columns[k - 1].start + 2, columns[k].start
        near = [
            (count, s)
            for s, count in starts.items()
            if low <= s < high and high - s <= PUSH and count >= 3 and high - s < s - columns[k - 1].start
        ]  # nearer this column's header than the one before (whose cells may start right of it)
        if near and max(near)[0] > starts[high]:  # more cells start there than under the header
            columns[k].start = max(near)[1]
            continue
        # or right: a narrow column's header printed left of its cells ('Target' over '  September')
        top = min(high + PUSH, columns[k + 1].start - 2) if k + 1 < len(columns) else high + PUSH
        under = sum(starts[x] for x in range(high - 1, high + 2))
        right = [(count, s) for s, count in starts.items() if high + 1 < s <= top and count >= 3]
        if right:
            count, s = max(right)
            if count > under and sum(starts[x] for x in range(high - 1, s)) * 2 < count:
                columns[k].start = s
    for k in range(len(columns) - 1):
        ends = sorted(
            end
            for start, end in clear
            if columns[k].start - 1 <= start < (columns[k].start + columns[k + 1].start) / 2
            and end <= columns[k + 1].start - 1
        )
        columns[k].end = ends[-1] if ends else columns[k + 1].start - 2


def _until_header(lines: list[str], i: int) -> list[str]:
    """The lines from ``i`` up to the next header line (the cells under one header)."""
    out: list[str] = []
    for k in range(i, min(i + 400, len(lines))):
        line = lines[k].replace("\f", "")
        if _header_columns(line, lines[k + 1] if k + 1 < len(lines) else "") is not None:
            break
        out.append(line)
    return out


def is_furniture(text: str) -> bool:
    """A page's furniture: its number ('Page 2 of 3', at a line's end too), a security marking."""
    if not _FURNITURE.search(text):
        return False
    # a running footer naming the plan's version and date before 'Page 2 of 2' is longer
    return len(text.split()) <= (16 if _PAGE_OF.search(text) else 12)


_PAGE_OF = re.compile(r"\bpage \d+ of \d+$", re.I)
_MARKING_ONLY = re.compile(rf"^{SECURITY_MARKING}$", re.I)


def _marked_running_header(text: str) -> bool:
    """A page's running header laid out in parts, one of them its security marking ('OFFICIAL –
    SENSITIVE' at the left, the plan's name at the right): no row of the table holds a marking."""
    parts = [p for p in re.split(r"\s{2,}", text) if p]
    return 2 <= len(parts) <= 3 and len(text.split()) <= 14 and any(_MARKING_ONLY.match(p) for p in parts)


def _spanning(line: str, columns: list[_Column]) -> str | None:
    """A line across the table (a heading row over several columns), else None."""
    chunks = list(_CHUNK.finditer(line))
    if len(chunks) != 1 or len(columns) < 3:
        return None
    text = chunks[0][0]
    # from the first column's edge; or, a sentence of a dozen words, from within the first column
    # (a note set in a little under a slide's table: 'What's different for children: 412 ...')
    if chunks[0].start() > columns[0].start + 1 and (
        chunks[0].start() >= columns[1].start - 1 or len(text.split()) < _PARAGRAPH_WORDS
    ):
        return None
    if _REF.match(text.split()[0]) and not CODED_LABELLED.match(text):  # (not 'PA1 – Area for ... 1: ...')
        return None
    crossed = sum(1 for c in columns[1:] if chunks[0].end() > c.start + 1)
    # under a reference column, which holds nothing but references, one crossing is enough
    return text if crossed >= 2 or (crossed and columns[0].field == "ref") else None


_NUMBERED_ACTION = re.compile(r"^(?:[A-Z]{1,6}[-/]?)?\d{1,3}(?:[.\-]\d{1,3}){1,3}[a-z]?[.)]?\s+[A-Z‘'\"]")
_BARE_NUMBER = re.compile(r"^(\d{1,2})[.):]?$")


def _numbered_heading(line: str, columns: list[_Column], following: list[str]) -> str | None:
    """A heading row numbered like a reference ('1. Leadership and governance'), printed as one
    run of words from the reference column (or the action column, whose cells open with their
    references) into the next column, when the next row's reference is one of its children ('1.1').
    Else None: a bare number and text is an action too."""
    chunks = list(_CHUNK.finditer(line))
    if len(columns) < 3 or columns[0].field not in ("ref", "text") or not chunks:
        return None
    if chunks[0].start() > columns[0].start + 1:
        return None
    if len(chunks) == 2 and _BARE_NUMBER.match(chunks[0][0]) and chunks[1].end() <= columns[1].start + 1:
        # the number set apart from its title as a reference is from its action's text ('2.    Early
        # help'), the title within the action column: the children's references below decide
        text = f"{chunks[0][0]} {chunks[1][0]}"
    elif len(chunks) != 1 or chunks[0].end() <= columns[1].start + 1:
        return None
    else:
        text = chunks[0][0]
    words = text.split()
    number = _BARE_NUMBER.match(words[0])
    if number is None or len(words) < 2:
        return None
    for n, below in enumerate(following):
        first = _CHUNK.search(below.replace("\f", ""))
        if first is None or first.start() > columns[0].start + 1:
            continue
        if names_columns(below, following[n + 1] if n + 1 < len(following) else ""):
            continue  # the header repeated on a new page, between the heading and its first row
        if re.match(rf"{number[1]}[.\-]\d", first[0]):
            return text
        # in a table whose rows hold no references, a titled line above a row opening a sentence
        # (not going on with a sentence, or numbered as the next action would be)
        unnumbered = columns[0].field == "text" and not _REF.match(first[0].split()[0])
        titled = words[1][:1].isupper() and not text.endswith((".", ",", ";"))
        return text if unnumbered and titled and first[0][:1].isupper() else None
    return None


_LABELLED_HEADING = re.compile(
    rf"^(?:{section_label_pattern()})\s+\d{{1,2}}(?:\.\d{{1,2}})?[a-z]?\s*(?:[.:)\-–—]\s*)?(?:[A-Z‘'\"]|$)",
    re.I,
)


def _heading_line(line: str, columns: list[_Column], following: list[str]) -> str | None:
    """A heading alone on its line between the rows, not reaching across the columns: a section's
    label and number ('Priority 1: Pursue'), a bare number and a title ('1. Domestic abuse') where
    the rows' references are not bare numbers, or a title opening in the reference column ('Prevent'),
    which holds only references, just above a row. Else None."""
    chunks = list(_CHUNK.finditer(line))
    if len(chunks) != 1 or len(columns) < 3:
        return None
    text = chunks[0][0]
    # from the first column's edge; or, a sentence of a dozen words, from within the first column
    # (a note set in a little under a slide's table: 'What's different for children: 412 ...')
    if chunks[0].start() > columns[0].start + 1 and (
        chunks[0].start() >= columns[1].start - 1 or len(text.split()) < _PARAGRAPH_WORDS
    ):
        return None
    words = text.split()
    if len(words) > 14 or text.endswith((".", ",", ";")):
        return None
    if _LABELLED_HEADING.match(text):
        return text
    next_ref = ""
    if columns[0].field == "ref":
        for below in following:
            first = _CHUNK.search(below.replace("\f", ""))
            if first is not None:
                if first.start() <= columns[0].start + 1 and first.end() <= columns[1].start + 1:
                    next_ref = first[0]
                break
    number = _BARE_NUMBER.match(words[0])
    if number is not None and len(words) >= 2 and words[1][:1].isupper() and _is_title(" ".join(words[1:])):
        # under a reference column, only where the next row's reference is of another kind ('A1')
        return text if columns[0].field != "ref" or (next_ref and not _BARE_NUMBER.match(next_ref)) else None
    if columns[0].field == "ref" and text[:1].isupper() and not _REF.match(words[0]) and _is_title(text):
        return text if next_ref and _REF.match(next_ref) else None
    return None


def _starts_row(
    cells: list[str],
    fields: list[str | None],
    row: list[str],
    above: list[str],
    after_blank: bool,
    numbered: bool = False,
) -> bool:
    """Whether a line opens a new row. With a reference column, a line whose reference cell holds
    one. Without, a line whose action cell opens a sentence after one that closed, when the line
    also opens another column's cell (cells are printed from their row's top line, so a row's first
    line holds the first line of every cell it has), stands after a blank line, or follows a row
    that has only its action text: a line that only goes on with the action text is a wrapped
    sentence of that cell. Where the table's rows each open with their reference in the action cell
    and the line follows the header repeated on a new page (``numbered``), only a line opening with
    a reference: the rest of a row cut by the page break also opens every cell it has there."""
    if "ref" in fields:
        ref = cells[fields.index("ref")]
        return bool(ref) and bool(_REF.match(ref.split()[0]))
    at = fields.index("text")
    text = cells[at]
    if not text or not (text[0].isupper() or text[0].isdigit() or text[0] in "•‘'\"("):
        return False
    section = cells[fields.index("section")] if "section" in fields else ""
    if section and fields.index("section") == 0 and _opens_cell("section", section, above[0]):
        return True  # a finding or recommendation opens in the first column (lower case, or after
        # its label 'Recommendation 3:' or an 'and', it continues)
    if "rag" in fields:
        rag = fields.index("rag")
        if cells[rag] and looks_like_rag(cells[rag]) and _opens_cell("rag", cells[rag], above[rag]):
            return True  # a status opens ('Action' over 'complete' goes on)
    if _NUMBERED_ACTION.match(text):
        return True  # its reference written in the action cell ('2.3 Audit ...')
    if numbered:
        return False
    previous_text = row[at]
    if previous_text and previous_text.rstrip()[-1:] not in ".;:!?":
        return False
    others = [k for k in range(len(fields)) if k != at]
    if any(cells[k] and not above[k] and _opens_cell(fields[k], cells[k], "") for k in others):
        return True  # a cell opens below a gap in its column
    pieces = [k for k in others if cells[k]]
    opening = [k for k in pieces if _opens_cell(fields[k], cells[k], above[k])]
    if len(opening) >= 2 and len(opening) == len(pieces):
        return True  # every other cell on the line opens a new value, as on a row's top line
    return after_blank or not any(row[k] for k in others)


_GOES_ON = re.compile(r"(?:[,;/&(\-–:]|\b(?:and|or|of|the|for|to|in|with))$", re.I)
_BARE_YEAR = re.compile(r"^\(?\d{4}\)?(?:\s|$)")


def _opens_cell(field: str | None, piece: str, above: str) -> bool:
    """Whether a line's piece of a column opens a new cell rather than going on with the one above
    ('Head of Service' after 'Designated Nurse', not 'Manager' after 'Quality Assurance and')."""
    if not (piece[:1].isupper() or piece[:1].isdigit()) or _GOES_ON.search(above.rstrip()):
        return False
    if above.count("(") > above.count(")"):
        return False  # inside brackets ('(Service' over 'Manager,')
    if field == "due":
        return _OPENS_DUE.match(piece) is not None and not _BARE_YEAR.match(piece)  # '2025' ends 'March'
    if field == "rag":
        return opens_status(piece.split()[0])
    return True


def table_items(lines: list[str]) -> dict[int, tuple[int, list[Item]]]:
    """For each table found in laid-out lines: its first line's index -> (the index after its last
    line, the items it reads as: a header row, then rows)."""
    out: dict[int, tuple[int, list[Item]]] = {}
    lines = without_running_lines(lines)
    i = 0
    n = len(lines)
    table = 0
    previous_end = 0
    counted = pages_before = 0  # the page breaks before line ``counted``
    while i < n:
        columns = _header_columns(lines[i].replace("\f", ""), lines[i + 1] if i + 1 < n else "")
        if columns is None:
            i += 1
            continue
        table += 1
        start = i
        title = _title_above(lines, i, max(previous_end, i - 4), previous_end)
        pages_before += sum(line.count("\f") for line in lines[counted:i])
        counted = i
        items, i = _read_table(lines, i, columns, table, counted, pages_before)
        if items:
            if title is not None:
                # one line, or a heading wrapped onto a second
                text = " ".join(line.replace("\f", "").strip() for line in lines[title:start] if line.strip())
                start = title
                items.insert(0, Item(text=text, heading=2, location=Location(line=title + 1)))
            out[start] = (i, items)
            previous_end = i
        else:
            table -= 1
    return out


_RUNNING_EDGE = 4  # non-blank lines at the top and at the foot of a page
_RUNNING_PAGES = 3


def without_running_lines(lines: list[str]) -> list[str]:
    """The lines with a page's running header or footer blanked ('Ashcombe Borough Council –
    Children's Services Improvement Plan v1.6' at the foot of every page): a line of three words or
    more among the first or last few lines of at least half the pages (three or more), the same on
    each. Left where it stands, it reads as a heading across the table. A header row repeated on each
    page is kept."""
    starts = [0] + [k for k, line in enumerate(lines) if "\f" in line]
    if len(starts) < _RUNNING_PAGES:
        return lines
    pages = [range(a, b) for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
    found: dict[str, set[int]] = {}
    where: dict[str, list[int]] = {}
    for number, page in enumerate(pages):
        filled = [k for k in page if lines[k].strip()]
        for k in {*filled[:_RUNNING_EDGE], *filled[-_RUNNING_EDGE:]}:
            # the page's number after the running text ('... version 3.2    Page 2 of 6') differs
            # or is a bare number set apart at either end ('... Delivery Plan – v2.3      3')
            bare = _BARE_PAGE_NUMBER.sub("", lines[k].replace("\f", "").strip())
            text = _PAGE_NUMBER_AFTER.sub("", " ".join(bare.split()))
            below = lines[k + 1] if k + 1 < len(lines) else ""
            # a header repeated on each page, or its second line, is kept
            header = names_columns(lines[k], below) or (k > 0 and names_columns(lines[k - 1], lines[k]))
            if len(text.split()) >= 3 and not _PAGE_NUMBER.search(text) and not header:
                found.setdefault(text, set()).add(number)
                where.setdefault(text, []).append(k)
    enough = max(_RUNNING_PAGES, len(pages) // 2)
    running = {k for text, ks in where.items() if len(found[text]) >= enough for k in ks}
    if not running:
        return lines
    return ["\f" * lines[k].count("\f") if k in running else line for k, line in enumerate(lines)]


_PAGE_NUMBER = re.compile(r"^page \d+(?: of \d+)?$|\bpage \d+ of \d+$", re.I)
_PAGE_NUMBER_AFTER = re.compile(r"\s+page \d+(?: of \d+)?$", re.I)
_BARE_PAGE_NUMBER = re.compile(r"\s{2,}\d{1,4}$|^\d{1,4}\s{2,}")


def _is_title(text: str) -> bool:
    """A short line on its own that names what follows ('Prevent', 'Priority 2: Neglect')."""
    words = text.split()
    return (
        0 < len(words) <= 8
        and not text.endswith((".", ",", ";"))
        and not _REF.match(words[0])
        and (text[:1].isupper() or text[:1].isdigit())
        and not is_furniture(text)
        and "  " not in text
    )


def _title_above(lines: list[str], i: int, stop: int, table_end: int = 0) -> int | None:
    """The line naming the table whose header is line ``i``: the short line just above it (which
    may follow the last line of the table before, ending at ``table_end``, as a page's top line)."""
    j = i - 1
    while j >= stop and not lines[j].strip():
        j -= 1
    if j < stop:
        return None
    if j - 1 >= stop and _wrapped_heading(lines[j - 1], lines[j]) and _stands_apart(lines, j - 1, table_end):
        return j - 1
    if not _stands_apart(lines, j, table_end):
        return None  # the last line of a paragraph, not a title on its own
    return j if _names_table(lines[j].replace("\f", "").strip()) else None


def _stands_apart(lines: list[str], j: int, table_end: int) -> bool:
    """Whether line ``j`` opens a block: at a page's top, or after a blank line, page furniture or
    the end of the table before."""
    above = j - 1
    return not (
        above >= table_end
        and lines[above].strip()
        and not is_furniture(lines[above].strip())
        and "\f" not in lines[j]
    )


def _wrapped_heading(first: str, second: str) -> bool:
    """A numbered or labelled heading too long for the page, wrapped onto a short second line ('3.
    Early help is not offered early enough to families with younger' over 'children')."""
    first, second = first.replace("\f", "").strip(), second.replace("\f", "").strip()
    if not first or not second or "  " in first or "  " in second or len(first) < 40:
        return False
    if not (NUMBERED_HEADING.match(first) or _LABELLED_HEADING.match(first)) or first.endswith((".", ";")):
        return False
    words = second.split()
    return len(words) <= 6 and not second.endswith((".", ",", ";")) and not _REF.match(words[0])


def _names_table(text: str) -> bool:
    """A title for the table below: a short line, or a numbered heading, which may be a long title
    ('1. Children who go missing from home or care')."""
    numbered = bool(NUMBERED_HEADING.match(text)) and len(text.split()) <= 20 and not text.endswith(".")
    return _is_title(text) or (numbered and "  " not in text)


def _header_item(columns: list[_Column], line_no: int, table: int, page: int) -> Item:
    cells = [c.title for c in columns]
    location = Location(page=page, line=line_no, table=table)
    return Item(text="\t".join(cells), cells=cells, table=table, location=location)


def _read_table(
    lines: list[str], i: int, columns: list[_Column], table: int, first_line: int = 0, pages_before: int = 0
) -> tuple[list[Item], int]:
    n = len(lines)
    page = 1 + sum(line.count("\f") for line in lines[first_line:i]) + pages_before
    items: list[Item] = []
    header_line = i + 1
    i = _skip_header_lines(lines, i + 1, columns)  # by the header's own geometry, then the cells'
    _refine(columns, _until_header(lines, i))
    items.append(_header_item(columns, header_line, table, page))
    fields = [c.field for c in columns]
    header_key = tuple(fields)
    row: list[str] | None = None
    row_line = 0
    blank_run = 0
    above: list[str] = [""] * len(columns)  # the cells of the line above
    lines_read = crossing = 0

    row_lines: list[tuple[str, list[_Column]]] = []  # the current row's lines, under their header's columns
    cut: int | None = None  # how many of the row's lines came before a header repeated on a new page
    rows_started = 0
    refs_in_text = False  # whether every row so far opened with its reference in the action cell

    def flush() -> None:
        nonlocal row
        if row is not None and len(row_lines) > 1:  # read again, where its own lines open cells
            # where the row's lines under each header open cells: a page break moves the columns,
            # so the lines on one page say nothing of where cells open on the other
            opens_under = {
                id(under): _row_opens([line for line, other in row_lines if other is under])
                for _, under in row_lines
            }
            opened: dict[tuple[int, int], int] = {}  # (header, column) -> where the row opens it
            for line, under in row_lines:
                found: dict[int, int] = {}
                _assign(line, under, opens=opens_under[id(under)], opened=found)
                for k, at in found.items():
                    opened.setdefault((id(under), k), at)
            row = [""] * len(columns)
            for line, under in row_lines:
                # the columns where this row's cells open under this header ('End' of 'Amber End
                # of' opens the due cell, so 'October' below it, left of the header's column, is
                # the due cell's too)
                own = [replace(c, start=opened.get((id(under), k), c.start)) for k, c in enumerate(under)]
                cells = _assign(line, own, opens=opens_under[id(under)])
                row = [_join(old, new) if new else old for old, new in zip(row, cells, strict=True)]
        row_lines.clear()
        if row is not None and any(row):
            items.append(
                Item(
                    text="\t".join(row),
                    cells=list(row),
                    table=table,
                    location=Location(page=page, line=row_line, table=table),
                )
            )
        row = None

    while i < n:
        raw = lines[i]
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        text = raw.strip()
        if not text:
            blank_run += 1
            i += 1
            continue
        if is_furniture(text) or _marked_running_header(text):
            i += 1
            continue
        indent = len(raw) - len(raw.lstrip())
        # a title stands apart at the table's left edge (as ``_title_above`` finds it); a short line
        # under another column is a cell's
        apart = blank_run > 0 or "\f" in lines[i]  # after a blank line or at the top of a page
        title_lines = (
            2 if i + 1 < n and _wrapped_heading(raw, lines[i + 1]) else 1 if _names_table(text) else 0
        )
        if title_lines and indent < columns[1].start - 1 and apart:
            k = i + title_lines
            while k < n and not lines[k].strip():
                k += 1
            if (
                k < n
                and _header_columns(lines[k].replace("\f", ""), lines[k + 1] if k + 1 < n else "") is not None
            ):
                break  # the title of the next table
        again = _header_columns(raw, lines[i + 1] if i + 1 < n else "")
        if again is not None:
            j = _skip_header_lines(lines, i + 1, again)
            if tuple(c.field for c in again) != header_key:
                break  # another table
            columns = again  # the header repeated on a new page, perhaps a little moved
            _refine(columns, _until_header(lines, j))
            cut = len(row_lines) if row is not None else None
            i = j
            continue
        following = lines[i + 1 : i + 12]
        across = _spanning(raw, columns) or _numbered_heading(raw, columns, following)
        alone = across is None  # a heading standing alone above rows: the lines after it are rows
        if across is None:
            across = _heading_line(raw, columns, following)
        if across is not None:
            if len(across.split()) > 40 or (blank_run >= 2 and row is not None and len(across.split()) > 25):
                break  # narrative after the table
            block = [across]  # the lines across the table that follow on without a gap
            j = i + 1
            while (
                not alone
                and j < n
                and lines[j].strip()
                and (more := _spanning(lines[j].replace("\f", ""), columns))
                # a heading of its own ('Objective 1.1: ...' under 'Priority 1: ...'), not more of this one
                and not _LABELLED_HEADING.match(more)
            ):
                block.append(more)
                j += 1
            flush()
            cut = None
            joined = " ".join(block)
            if len(block) == 1 or (
                len(block) <= 3 and (NUMBERED_HEADING.match(joined) or CODED_LABELLED.match(joined))
            ):
                cells = [joined] + [""] * (len(columns) - 1)
                items.append(
                    Item(
                        text=joined,
                        cells=cells,
                        bold=True,  # a heading row across the table, as a converter marks it
                        table=table,
                        location=Location(page=page, line=i + 1, table=table),
                    )
                )
            else:  # a paragraph between the rows ('What inspectors found ...'): text, not a heading
                items.extend(
                    Item(text=line, location=Location(page=page, line=i + 1 + k))
                    for k, line in enumerate(block)
                )
            blank_run = 0
            i = j
            continue
        lines_read += 1
        crossing += _crosses(raw, columns)
        cells = _assign(raw, columns)
        if (
            blank_run >= 2
            and row is not None
            and sum(1 for c in cells if c) == 1
            and _last_words(lines, i + 1)
        ):
            break  # a note set apart below the table's last row ('Next review: 21/01/2025'), not a cell
        if (
            blank_run
            and row is not None
            and "ref" in fields
            and _words_under_a_reference(cells, row, fields.index("ref"))
        ):
            # words set apart under the reference column ('Evidence (0)', 'None.'): text between
            # the tables, not the row's reference going on; set further apart, the table is over
            if blank_run >= 2:
                break
            flush()
            j = i
            while (
                j < n
                and lines[j].strip()
                and _words_under_a_reference(
                    _assign(lines[j].replace("\f", ""), columns),
                    [""] * len(columns),
                    fields.index("ref"),
                    alone=True,
                )
            ):
                items.append(Item(text=lines[j].strip(), location=Location(page=page, line=j + 1)))
                j += 1
            blank_run = 0
            i = j
            continue
        if row is not None and sum(1 for c in cells if c) <= 2 and _paragraph_follows(lines, i + 1, columns):
            break  # a numbered heading over a paragraph across the page ('6. Sign-off'): the table is over
        numbered = cut is not None and refs_in_text
        if (
            row is None
            or _starts_row(cells, fields, row, above, blank_run > 0, numbered)
            or (cut is not None and cut == len(row_lines) and _opens_cut_row(cells, fields, row, row_lines))
        ):
            refs_in_text = (rows_started == 0 or refs_in_text) and bool(
                "text" in fields and _NUMBERED_ACTION.match(cells[fields.index("text")])
            )
            rows_started += 1
            carried: list[tuple[str, list[_Column]]] = []
            if cut is not None and cut == len(row_lines):
                # the foot of the page before holds this row's short cells, cut off by the break
                carried = row_lines[_foot_of_cut_row(row_lines, cells) :]
                if carried:
                    del row_lines[-len(carried) :]
                    row = _joined_cells(row_lines, len(columns))
            flush()
            row = list(cells)
            if carried:
                row = _joined_cells([*carried, (raw, columns)], len(columns))
                row_lines.extend(carried)
            row_line = i + 1
        else:
            row = [_join(old, new) if new else old for old, new in zip(row, cells, strict=True)]
        row_lines.append((raw, columns))
        cut = None
        blank_run = 0
        above = cells
        i += 1
    flush()
    if crossing > MAX_CROSSING * lines_read:
        return [], i  # the text runs across the columns: not a table laid out in them
    return items, i


_PARAGRAPH_WORDS = 12


def _words_under_a_reference(cells: list[str], row: list[str], at: int, alone: bool = False) -> bool:
    """A line holding words in the reference column alone, below a row whose reference is whole (or
    `alone`, whatever is above): a reference cell holds a reference, so after a gap these words are
    text between the tables."""
    said = cells[at]
    return (
        bool(said)
        and not any(c for k, c in enumerate(cells) if k != at)
        and not _REF.match(said.split()[0])
        and (alone or (bool(row[at]) and _REF.fullmatch(row[at].strip()) is not None))
    )


def _paragraph_follows(lines: list[str], i: int, columns: list[_Column]) -> bool:
    """The next line is a paragraph's: a dozen words or more in one run (no gap between cells) over
    the starts of three columns or more, not an area's numbered heading across the table."""
    following = lines[i].replace("\f", "") if i < len(lines) else ""
    runs = list(_CHUNK.finditer(following))
    if len(following.split()) < _PARAGRAPH_WORDS or len(runs) != 1:
        return False
    over = sum(1 for c in columns if runs[0].start() <= c.start < runs[0].end())
    heading = NUMBERED_HEADING.match(following.strip()) or CODED_LABELLED.match(following.strip())
    return over >= 3 and not heading


def _last_words(lines: list[str], i: int) -> bool:
    """Nothing but blank lines and page furniture from line i to the end of the text."""
    return all(not line.strip() or is_furniture(line.strip()) for line in lines[i:])


def _opens_cut_row(
    cells: list[str], fields: list[str | None], row: list[str], row_lines: list[tuple[str, list[_Column]]]
) -> bool:
    """Whether the first line after a repeated header opens the row whose short cells the page
    before ended with (a lead, date and status at its foot, as ``_foot_of_cut_row`` finds them): in a
    table without references, its action text opens a sentence after the row above's closed one,
    while its other cells go on with those at the foot."""
    if "ref" in fields or "text" not in fields:
        return False
    text, before = cells[fields.index("text")], row[fields.index("text")].rstrip()
    if not text[:1].isupper() or before[-1:] not in (".", "!", "?"):
        return False
    return _foot_of_cut_row(row_lines, cells) < len(row_lines)


def _joined_cells(row_lines: list[tuple[str, list[_Column]]], count: int) -> list[str]:
    row = [""] * count
    for line, under in row_lines:
        row = [_join(old, new) if new else old for old, new in zip(row, _assign(line, under), strict=True)]
    return row


def _foot_of_cut_row(row_lines: list[tuple[str, list[_Column]]], first: list[str]) -> int:
    """Where the lines at the foot of a page that belong to the row opening on the next page start
    (``len(row_lines)`` where none do). A page break may cut a row so that its short cells (an owner,
    a due date and status) print alone at the foot of the page, above the repeated header, as if they
    went on with the row before. Such lines open a second value in a cell the row before has ended
    (the line above leaves the column empty), or a value in a column it left empty ('G' alone under
    the status column of a row with none), and open or end every other cell they fill; and the next
    row's first line (``first``) leaves those columns empty, or goes on with one of them ('changes in
    the analyst team' below 'Delayed by'): a cell wrapped onto the page's last line is not moved."""
    cells = [_assign(line, under) for line, under in row_lines]
    fields = [c.field for c in row_lines[-1][1]]
    filled = {k for line in cells for k, piece in enumerate(line) if piece}
    if "text" in fields and fields.index("text") not in filled and not any(first[k] for k in filled):
        # no action text at all: short cells alone at the page's foot (under a heading across the
        # table, so with no row above them to go on with), which the next row's first line leaves empty
        return 0
    best = len(row_lines)
    top: dict[int, str] = {}  # column -> its first piece at the foot of the page (from line ``j``)
    for j in range(len(row_lines) - 1, 0, -1):
        for k, piece in enumerate(cells[j]):
            if piece:
                top[k] = piece
        shared = [k for k in top if first[k]]
        if shared and all(
            _opens_cell(fields[k], first[k], _cell_above(cells, len(cells), k)) for k in shared
        ):
            break  # the next row opens its own cells there (not going on with a bracket: '(Service')
        # a second value under a cell the row before has ended, or a value in a column the row
        # before left empty from its first line (its cells open there: this one is another row's)
        ended = [k for k in top if not cells[j - 1][k] or _second_date(fields[k], top[k], cells[:j], k)]
        if ended and all(k in ended or _opens_cell(fields[k], top[k], _cell_above(cells, j, k)) for k in top):
            best = j
    return best


def _cell_above(cells: list[list[str]], j: int, k: int) -> str:
    """Column ``k``'s text on the lines before line ``j`` (a bracket opened lines above goes on)."""
    return " ".join(line[k] for line in cells[:j] if line[k])


def _second_date(field: str | None, piece: str, above: list[list[str]], k: int) -> bool:
    """Whether ``piece`` opens a date below a due cell (column ``k`` of the lines ``above``) that
    already holds a whole one ('31/01/2026' under 'December 2026 (revised to March 2027)'): a due cell
    holds one date, so this is another row's."""
    before = _cell_above(above, len(above), k)
    return (
        field == "due"
        and _opens_cell(field, piece, before)
        and parse_due(piece) is not None
        and parse_due(before) is not None
    )


def _crosses(line: str, columns: list[_Column]) -> bool:
    """Whether a word runs over a column's start (text not laid out in these columns). A word after a
    gap that starts a few characters left of a column's start opens that column's cell: pdftotext
    places each row a little apart from the header. So does one that could open the cell there,
    pushed further left by a long cell before it ('Fewer repeat 31/07/2025' over 'Deadline'), as
    ``_assign`` reads it: prose running across the columns seldom straddles each one so."""
    return any(
        start < c.start - (SHIFT if line[max(0, start - 2) : start] == "  " else 1)
        and start + len(word) > c.start + 1
        and not (start >= c.start - PUSH and _opens(c, word))
        for start, word in _words(line)
        for c in columns[1:]
    )


_SENTENCE_GOES_ON = re.compile(r"[a-z]{2}[.;]\s+[A-Z]")


def _skip_header_lines(lines: list[str], i: int, columns: list[_Column]) -> int:
    """Past the header's second and third lines ('RAG' over 'rating', 'Completion date' over 'and
    key milestones'): lines whose every piece continues its column's header."""
    for _ in range(3):
        if i >= len(lines):
            break
        raw = lines[i].replace("\f", "")
        if not raw.strip():
            break
        cells = _assign(raw, columns, by_start=True)
        if _spanning(raw, columns) or _crosses(raw, columns):
            return i
        named: list[str | None] = []
        for column, piece in zip(columns, cells, strict=True):
            field = header_field(f"{column.title} {piece}") if piece else column.field
            if piece and (
                len(piece.split()) > 3
                or _REF.match(piece.split()[0])
                or parse_due(piece) is not None  # 'May 2026' under 'By when': a cell's, not the name's
                or _SENTENCE_GOES_ON.search(piece)  # 'board. Progress will': a cut row's action text
                or piece.endswith((",", ";"))  # 'and Detective Inspector,': a cut row's lead going on
                or field is None
                or not any(could_be_header_word(w) for w in piece.split())  # 'Prevent': a heading below
            ):
                return i
            named.append(field)
        if "text" not in named:
            return i  # the action column must stay one
        for column, piece, field in zip(columns, cells, named, strict=True):
            if piece:  # 'Responsible' over 'agency' names an agency column, not an owner's
                column.title, column.field = f"{column.title} {piece}", field
        i += 1
    return i
