"""Plan metadata and the RAG scheme, read from the document's text."""

from __future__ import annotations

import re

from .columns import NUMBERED_HEADING
from .model import PlanMeta, RagStatus
from .normalise import clean_text, find_dates, parse_rag
from .readers.base import Item
from .report import appendix_plan_title, is_committee_report

_COLOUR_LINE = re.compile(r"^(red|amber|green|blue|purple|black|grey|gray)\b[\s:–\-=]*(.*)$", re.I)
_COMPLETE_LINE = re.compile(r"^((?:action\s+)?complete(?:d)?|closed|done)\b[\s:–\-=]*(.*)$", re.I)
_AS_AT = re.compile(
    r"\b(?:as at|as of|position (?:as )?at|position on|date of (?:progress )?updates?|updated(?: on)?|last updated|"
    r"last reviewed(?: on)?|reviewed on|date (?:of )?last review(?:ed)?|last review date|"
    r"progress as at|progress at|report date)\s*[:\-]?\s*(.{4,40})",
    re.I,
)
_ORG = re.compile(
    # ('Coldharbour and Wrayford Safeguarding Children Partnership', 'Ashgrove Local Area SEND Partnership')
    r"((?:[A-Z][\w'’&]{0,40}\s+(?:(?:and|&)\s+(?=[A-Z]))?){1,4}(?:Local\s+)?Safeguarding\s+(?:Children(?:'s|’s)?\s+)?"
    r"(?:Partnership|Board)"
    r"|(?:[A-Z][\w'’&]{0,40}\s+){1,3}(?:LSCB|LSCP|SCP|SCB)\b|\b(?:[A-Z][a-z][\w'’]{0,40}\s+){0,3}[A-Z]{2,5}\s+Partnership\b)"
)
# the same name printed in capitals ('KINGSVALE SAFEGUARDING CHILDREN PARTNERSHIP')
_ORG_CAPITALS = re.compile(
    r"((?:[A-Z][A-Z'’&]{0,40}\s+){1,4}(?:LOCAL\s+)?SAFEGUARDING\s+(?:CHILDREN(?:'S|’S)?\s+)?(?:PARTNERSHIP|BOARD))\b"
)
# a line that only names a council or its children's services ('Wexcombe Council Children's Services',
# 'Eastshire County Council'): the organisation of a plan that names no partnership
_COUNCIL_LINE = re.compile(
    r"(?:[A-Z][\w'’&.-]{0,40}\s+){1,4}(?:Council|Children(?:'s|’s)\s+Services)"
    r"(?:\s*[,–-]?\s*Children(?:'s|’s)\s+Services)?"
)
_COUNCIL_LINES = 12  # among the document's first lines
_KEY_WORDS = r"(?:(?:b?rag|progress|status|rating|score|scoring|colour|delivery)\s+){0,3}key"
# ('RAG: R – not on track; A – some delay; ...' names the key by the rating alone)
_INLINE_KEY = re.compile(rf"^(?:{_KEY_WORDS}|b?rag(?:\s+(?:ratings?|status))?)\s*[:\-–]\s*(.+)$", re.I)
# a numbered rating and its colour: '1 = Not started / off track (Red)', '3 Green – on track'
_NUMBER_LINE = re.compile(r"^([1-5])\s*(?:[=:\-–.)]\s*|\s+)(\S.*)$")
_NUMBER_COLOUR = re.compile(
    r"^(red|amber|green|blue|purple)\b[\s:–\-=]*(.*)$|^(.*?)\s*[(\[](red|amber|green|blue|purple)[)\]]\s*(.*)$"
    r"|^(.*?)[\s:–\-=]+(red|amber|green|blue|purple)$",
    re.I,
)
# a key or document-control heading under the title, above the plan's table
_FRONT_MATTER = re.compile(
    rf"^(?:{_KEY_WORDS}\b|contents\b|document control\b|version (?:control|history)\b)", re.I
)
# a line that names the plan in a document without headings: '... Action Plan', 'Neglect improvement plan'
_NAMES_PLAN = re.compile(
    r"\b(?:action|improvement|delivery|development|recovery|business|strategic)\s+plan\b", re.I
)
_PLAN_LABEL = re.compile(r"\b(?:plan for|plan title|title)\s*:\s*(.{4,120})$", re.I)


def item_texts(items: list[Item]) -> list[str]:
    """Each item's cleaned text (cells joined), computed once for the readers below."""
    return [_item_text(item) for item in items]


def _item_text(item: Item) -> str:
    if item.cells is not None:
        return " ".join(c for c in (clean_text(x) for x in item.cells) if c)
    return clean_text(item.text)


def _cells_apart(items: list[Item], texts: list[str], limit: int) -> str:
    """The document's opening text with a table's cells kept apart, so that a name is not made of
    neighbouring cells ('Ann Bell | Chair | LSCB' is not 'Ann Bell Chair LSCB')."""
    parts: list[str] = []
    size = 0
    for item, text in zip(items, texts, strict=False):
        if size > limit:
            break
        if item.cells is not None:
            text = " | ".join(c for c in (clean_text(x) for x in item.cells) if c)
        parts.append(text)
        size += len(text) + 1
    return "\n".join(parts)[:limit]


_TITLE_ROWS = 3
_NOT_TITLE = re.compile(rf"^(?:{_KEY_WORDS}|rag rating|notes?)\b", re.I)


# a title, then a dash or colon and the words dating it ('... – progress as at 31 May 2026')
_DATE_AFTER_TITLE = re.compile(r"^(.*?\S)\s*(?:[–—:|]|\s-)\s*(?:\w+\s+){0,2}$")


def title_row(cells: list[str]) -> str | None:
    """The text of a title row above a table's header: one cell (in Excel or Word often merged across
    the table), not a date line ('Last updated: ...') or a status key; else None."""
    nonempty = [c for c in (clean_text(x) for x in cells) if c]
    if len(nonempty) != 1:
        return None
    text = nonempty[0]
    dated = _AS_AT.search(text)
    head = _DATE_AFTER_TITLE.match(text[: dated.start()]) if dated else None
    if head and len(head[1].split()) >= 3:
        text = head[1]  # 'Hillshire SCP Business Plan 2026-27 – progress as at 31 May 2026': its title
    if (
        len(text) > 200
        or _AS_AT.search(text)
        or _COLOUR_LINE.match(text)
        or _NOT_TITLE.match(text)
        or _INLINE_KEY.match(text)
    ):
        return None
    return text


def _plan_line(items: list[Item], texts: list[str]) -> str | None:
    """In a document without headings, a line among its first few that names the plan
    ('Child Safeguarding Practice Review "Child R" - Action Plan'), before any table."""
    for item, text in list(zip(items, texts, strict=False))[:6]:
        if item.is_row:
            return None
        # a colon may part the plan's name ('Serious Case Review: Child K – action plan'), not
        # a label from a sentence ('Purpose: this action plan sets out ...')
        label_then_sentence = re.search(r":\s*[a-z]", text)
        if text and len(text) <= 160 and not label_then_sentence and _NAMES_PLAN.search(text):
            return text.strip()
    return None


def _without_organisation(run: list[str]) -> list[str]:
    """A title's lines without a line that only names the partnership or council, above or below the
    plan's name ('Hillshire Safeguarding Children Partnership' / 'Neglect improvement plan'): that
    is the organisation. A line naming nothing else is kept: it is all the title there is."""
    kept = [
        line for line in run if not (_ORG.fullmatch(line.strip()) or _COUNCIL_LINE.fullmatch(line.strip()))
    ]
    return kept or run


def _title_rows(items: list[Item]) -> str | None:
    """A document that opens with a table (a sheet, a CSV file): the title rows above its header,
    e.g. 'Hillshire Safeguarding Children Partnership' then 'Neglect improvement plan'. A row that is
    not a title row, a gap or another table ends them."""
    if not items or not items[0].is_row:
        return None
    run: list[str] = []
    first = items[0]
    for rows, item in enumerate(items[:_TITLE_ROWS]):
        lines = _title_lines(item.cells) if item.cells is not None and item.table == first.table else []
        if not lines:
            break
        row, previous = item.location.row, first.location.row
        if rows and row is not None and previous is not None and row != previous + rows:
            break
        if run[-len(lines) :] != lines:  # a merged cell repeated down the rows it covers
            run.extend(lines)
    return " – ".join(_without_organisation(run)) or None


def _title_lines(cells: list[str]) -> list[str]:
    """A title row's text; a title cell of several lines (a merged title block holding the
    partnership, the plan's name, its date and its key) gives those of its lines that title."""
    filled = [c for c in cells if c and c.strip()]
    if len(filled) == 1 and "\n" in filled[0].strip():
        return [line for line in (title_row([part]) for part in filled[0].split("\n")) if line]
    text = title_row(cells)
    return [text] if text else []


_DONE_WORD = re.compile(r"\b(?:complete(?:d)?|achieved)\b", re.I)
# words that, a few words before "complete"/"achieved", say it is not (yet) so
_NOT_YET = re.compile(r"\b(?:not|never|being|be|yet|risk|unlikely|until|cannot|won't|incomplete)\b", re.I)


def means_done(definition: str) -> bool:
    """A key's definition says the action is finished ('Action completed', 'Outcome achieved'),
    not that it may not be ('Delayed or at risk of not being achieved within timescale')."""
    for found in _DONE_WORD.finditer(definition):
        before = definition[: found.start()].split()[-4:]
        if not _NOT_YET.search(" ".join(before)):
            return True
    return False


def _numbered_status(text: str) -> RagStatus | None:
    """A rating numbered in the plan's key ('2 = Started, some slippage (Amber)'): its number is the
    label a status cell gives ('2'), its colour the status."""
    line = _NUMBER_LINE.match(text)
    found = _NUMBER_COLOUR.match(line[2].strip()) if line else None
    if line is None or found is None:
        return None
    word = (found[1] or found[4] or found[7]).lower()
    definition = " ".join(x for x in (found[2], found[3], found[5], found[6]) if x).strip(" -–:=")
    words = len(definition.split())
    if not re.search(r"[a-z]{2}", definition, re.I) or words > 10 or (found[7] and words > 6):
        return None  # a key's definition is short: not an action row numbered 1 and ending 'Green'
    key = {"blue": "complete", "purple": "complete"}.get(word, word)
    done = key == "complete" or means_done(definition)
    return RagStatus(key=key, label=line[1], colour=word, definition=definition, done=done)


_LETTER_KEY = {"r": "red", "a": "amber", "g": "green", "b": "complete", "c": "complete"}
_LETTERS = ("R", "A", "G", "B", "C")
# a key's line by status letter: 'C - Completed', 'R: Not on track' (not 'A' opening a sentence)
_LETTER_LINE = re.compile(r"^([RAGBC])\s*[:=–-]\s*(\S.{1,150})$")
_LABEL_COLOUR = re.compile(r"^(.{2,40}?)\s*[(\[](red|amber|green|blue|purple)[)\]]$", re.I)
# 'Slipping = amber – behind plan, recovery plan in place' (a key of status words written out)
_NAMED_COLOUR = re.compile(
    r"^([A-Za-z][\w ']{1,30}?)\s*(?:=|is)\s*(red|amber|green|blue|purple|grey|gray|black)\b\s*[–—:\-,(]?\s*(.*?)\)?$",
    re.I,
)


def _letter_status(letter: str, definition: str) -> RagStatus:
    """A status by its letter in the plan's key: 'B' (blue) and 'C' (completed) are complete."""
    key = _LETTER_KEY[letter.lower()]
    colour = {"B": "blue", "C": None}.get(letter, key)
    return RagStatus(key=key, label=letter, colour=colour, definition=definition, done=key == "complete")


_KEY_COLOURS = {"red": "red", "amber": "amber", "green": "green", "blue": "complete", "purple": "complete"}
# a key's row for a status with no colour of its own ('Not started | Grey | ...'): part of the key, no status
_UNCOLOURED = re.compile(r"^(?:grey|gray|white|black|none|n/a|[-–—])$", re.I)


def _shaded_status(cells: list[str], fills: list[str | None]) -> RagStatus | None:
    """A key's row of a cell shown only in a status colour (shaded, or a coloured '●') beside
    the status's definition."""
    words = [clean_text(c) for c in cells]
    said = [w for w in words if w]
    colours = [f for w, f in zip(words, fills, strict=False) if not w and f]
    if len(said) != 1 or len(colours) != 1 or len(said[0]) > 200 or not re.search(r"[a-z]{2}", said[0], re.I):
        return None
    word = colours[0].lower()
    if word not in ("red", "amber", "green", "blue", "purple", "grey", "gray", "black", "orange", "yellow"):
        return None
    return _keyed_status(word, word.title(), said[0], {**_COLOUR_KEYS, "orange": "amber", "yellow": "amber"})


# a key's colour and the status it stands for
_COLOUR_KEYS = {"blue": "complete", "purple": "complete", "gray": "grey"}


def _keyed_status(
    word: str, label: str, definition: str, keys: dict[str, str] = _COLOUR_KEYS, done_words: str | None = None
) -> RagStatus:
    """A key's status by its colour: complete where the colour or the words (`done_words`, else the
    definition) say it is done."""
    key = keys.get(word, word)
    done = key == "complete" or means_done(definition if done_words is None else done_words)
    return RagStatus(
        key="complete" if done else key, label=label, colour=word, definition=definition, done=done
    )


def _labelled_status(cells: list[str]) -> RagStatus | None:
    """A key's row of two cells: a status letter ('R', 'B') or a status named with its colour
    ('On track (Green)'), then its definition."""
    nonempty = [c for c in (clean_text(x) for x in cells) if c]
    if (
        len(nonempty) == 3
        and nonempty[1].lower() in _KEY_COLOURS
        and len(re.findall(r"\w+", nonempty[0])) <= 4
    ):
        # 'In progress | Amber | Action under way ...': a status, its colour, what it means
        label, colour, meaning = nonempty
        # 'Complete | Green': done, whatever colour the key paints it
        key = "complete" if parse_rag(label)[0] == "complete" else _KEY_COLOURS[colour.lower()]
        return RagStatus(
            key=key,
            label=label,
            colour=colour.lower(),
            definition=f"{label} – {meaning}",
            done=key == "complete",
        )
    if len(nonempty) != 2 or len(nonempty[1]) > 200 or not re.search(r"[a-z]{2}", nonempty[1], re.I):
        return None
    first, definition = nonempty
    if first in _LETTERS:
        return _letter_status(first, definition)
    named = _LABEL_COLOUR.match(first)
    if named is None or len(named[1].split()) > 5:
        return None
    word = named[2].lower()
    key = {"blue": "complete", "purple": "complete"}.get(word, word)
    return RagStatus(key=key, label=named[1], colour=word, definition=definition, done=key == "complete")


# a symbol standing for a status in a key on one line ('✔ Complete', '● On track', '▲ Some slippage')
_KEY_MARK = re.compile(r"(?:^|\s)([✔✓☑●○◐▲△▼✖✗✘■□◆◇★☆⬤])\s+")


def _marked_key(line: str) -> list[RagStatus]:
    """Statuses keyed as symbols on one line, each symbol then its words: the status its words
    say, labelled by its symbol (so a cell holding the symbol reads as that status). Empty unless
    three or more are read."""
    marks = list(_KEY_MARK.finditer(line))
    found: list[RagStatus] = []
    for k, mark in enumerate(marks):
        words = line[mark.end() : marks[k + 1].start() if k + 1 < len(marks) else len(line)].strip(" ;|,")
        words = re.split(r"\s{3,}", words)[0]  # a last status set apart after spaces, not symbolled
        status, known = parse_rag(words)
        if status is None:  # 'Off track – escalate to the Board': the status before its gloss
            status, known = parse_rag(re.split(r"\s+[–—-]\s+", words)[0])
        if status is not None:
            found.append(
                RagStatus(
                    key=status,
                    label=mark[1],
                    colour="blue" if status == "complete" else status,
                    definition=words,
                    done=status == "complete",
                )
            )
    return found if len(found) >= 3 else []


def read_rag_scheme(items: list[Item], texts: list[str] | None = None) -> list[RagStatus]:
    """The first run of lines/rows defining colours ('Red  Delayed or at risk...')."""
    best: list[RagStatus] = []
    run: list[RagStatus] = []
    texts = texts if texts is not None else item_texts(items)
    rows = [item.cells for item in items] if len(items) == len(texts) else [None] * len(texts)
    shades = [item.fills for item in items] if len(items) == len(texts) else [None] * len(texts)
    for text, cells, fills in zip(texts, rows, shades, strict=True):
        filled_cells = [c for c in cells or [] if c and c.strip()]
        if not best and len(filled_cells) == 1 and "\n" in filled_cells[0].strip():
            # a title block of several lines in one cell, the key among them ('RAG: Red – ... | ...')
            within = read_rag_scheme(
                [], [line.strip() for line in filled_cells[0].split("\n") if line.strip()]
            )
            if len(within) >= 3:
                best = within
                continue
        labelled = _labelled_status(cells) if cells is not None else None
        if labelled is None and cells is not None and fills:
            labelled = _shaded_status(cells, fills)
        filled = [c for c in (clean_text(x) for x in cells or []) if c]
        if labelled is None and len(filled) == 3 and _UNCOLOURED.match(filled[1]):
            continue  # 'Not started | Grey | ...' inside the key: not a status, not its end
        if labelled is not None:
            # a key's row: 'R | Not started ...', 'On track (Green) | Work is progressing as planned'
            run.append(labelled)
            continue
        inline = _INLINE_KEY.match(text) if text and len(text) < 400 else None
        if inline and not best and (marked := _marked_key(inline[1])):
            # 'Key: ✔ Complete – ... ● On track ▲ Some slippage ...': statuses shown as symbols
            best = marked
            continue
        if inline and not best:
            # 'RAG key: Red – off track; Amber – in progress; Green – complete' on one line
            parts = [p.strip() for p in re.split(r"\s*[;|]\s*", inline[1]) if p.strip()]
            on_line = read_rag_scheme([], parts)
            if len(on_line) >= 3:
                best = on_line
                continue
        letter = _LETTER_LINE.match(text) if text and cells is None else None
        if letter and (run or letter[1] == "R") and re.search(r"[a-z]{2}", letter[2], re.I):
            # 'R - Not on track' opens a key written as lines; 'C - Completed' goes on with one
            run.append(_letter_status(letter[1], letter[2].strip()))
            continue
        numbered = _numbered_status(text) if text and len(text) < 200 else None
        if numbered is not None:
            run.append(numbered)
            continue
        named = _NAMED_COLOUR.match(text) if text and len(text) < 300 else None
        if named:
            # 'Slipping = amber – behind plan ...': a status word, the colour it is, what it means
            # done by the status word ('Done = blue'), whatever its definition says
            definition = named[3].strip() or named[1]
            run.append(_keyed_status(named[2].lower(), named[1].strip(), definition, done_words=named[1]))
            continue
        colour = _COLOUR_LINE.match(text) if text and len(text) < 300 else None
        complete = _COMPLETE_LINE.match(text) if text and len(text) < 120 else None
        # a definition says something in words ("Red 6" in a summary table is a count)
        if (
            colour
            and re.search(r"[a-z]{2}", colour[2], re.I)
            and not colour[2].lower().startswith(("amber", "green", "red"))
        ):
            word = colour[1].lower()
            key = _COLOUR_KEYS.get(word, word)
            definition = colour[2].strip().lstrip("|:=–- ")  # "Red | Off track" printed with bars
            done = means_done(definition) or key == "complete"
            run.append(RagStatus(key=key, label=word.title(), colour=word, definition=definition, done=done))
            continue
        if complete and (run or cells is not None):  # a key's table may open with 'Complete'
            said = complete[2].strip() if re.search(r"[a-z]{2}", complete[2], re.I) else text
            run.append(RagStatus(key="complete", label=complete[1], colour=None, definition=said, done=True))
            continue
        if text and text.lower() not in (
            "colour definition",
            "colour",
            "key",
            "rag key",
            "status definition",
        ):
            if len({s.key for s in run}) >= 3 and not best:
                best = run
            run = []
    if len({s.key for s in run}) >= 3 and not best:
        best = run
    seen: set[str] = set()
    out = []
    for status in best:
        if status.key not in seen:
            seen.add(status.key)
            out.append(status)
    return out


def _council_line(texts: list[str]) -> str | None:
    """Among the first lines, one that only names a council or its children's services."""
    for text in texts[:_COUNCIL_LINES]:
        line = text.strip()
        if len(line) <= 90 and _COUNCIL_LINE.fullmatch(line):
            return line
    return None


def read_meta(items: list[Item], laid_out_text: str = "", texts: list[str] | None = None) -> PlanMeta:
    meta = PlanMeta()
    texts = (texts if texts is not None else item_texts(items))[:4000]
    whole = " ".join(texts) if texts else laid_out_text
    # the plan's kind is named in its headings and prose, or a title row: not by an action that
    # mentions a review ('Publish a briefing for every rapid review')
    named = [
        text
        for item, text in zip(items, texts, strict=False)
        if item.cells is None or sum(1 for c in item.cells if c.strip()) <= 1
    ]
    named_text = " ".join(named) if items else whole
    whole_low = named_text.lower()
    if "joint targeted area inspection" in whole_low or re.search(r"\bJTAI\b", named_text):
        meta.kind = "jtai"
    elif re.search(
        r"serious case review|\bSCR\b|practice review|\bL?CSPR\b|(?:case|learning|rapid) review|\b(?-i:Child [A-Z])\b.{0,20}\breview\b",
        named_text,
        re.I,
    ):
        meta.kind = "scr"
    elif "delivery plan" in whole_low:
        meta.kind = "delivery"
    # title: a 'Plan for: X' label, else the run of headings the document opens with
    for text in texts[:400]:
        label = _PLAN_LABEL.search(text) if ":" in text else None
        if label and "plan" in label[1].lower():
            meta.title = label[1].split("  ")[0].strip()
            break
    if meta.title is None and items and is_committee_report(texts, [item.cells for item in items]):
        # a plan carried by a report to a committee: named by its appendix, not by the meeting
        meta.title = appendix_plan_title(texts, [bool(item.heading or item.bold) for item in items])
    if meta.title is None:
        run: list[str] = []
        for item, text in zip(items, texts, strict=False):
            if not text:
                continue
            if (
                item.heading
                and not item.is_row
                and not (run and (NUMBERED_HEADING.match(text) or _FRONT_MATTER.match(text)))
            ):
                run.append(text)
                continue
            if not run and not item.is_row and _ORG.search(text) and len(text.split()) <= 14:
                continue  # the partnership's name above the title, in bold or plain type
            break
        if run:
            meta.title = " – ".join(_without_organisation(run))
    if meta.title is None:
        meta.title = _plan_line(items, texts)
    if meta.title is None:
        meta.title = _title_rows(items)
    head = whole[:20000]
    apart = _cells_apart(items, texts, 20000) if items else head
    org = _ORG.search(apart)
    if org:
        name = org[1]
        tail = name.rsplit("\n", 1)[-1]
        if tail != name and _ORG.fullmatch(tail):
            # the whole name on the last of its lines: the line above ended in capitals ('... Delivery
            # Plan' then 'Rivermouth Safeguarding Children Partnership' is not 'Delivery Plan Rivermouth ...')
            name = tail
        # 'The Brookfield Safeguarding Children Partnership agreed ...': the article is not the name
        meta.organisation = re.sub(r"^The\s+", "", re.sub(r"\s+", " ", name).strip())
    elif capitals := _ORG_CAPITALS.search(apart):
        meta.organisation = " ".join(word.capitalize() for word in capitals[1].split())
    else:
        meta.organisation = _council_line(texts)
    for m in _AS_AT.finditer(head):
        dates = find_dates(m[1])
        if dates:
            meta.as_at = dates[0]
            break
    return meta
