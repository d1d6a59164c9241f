"""Layout recognition: header rows, column maps, row alignment, sections and actions from rows."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .bullets import list_items
from .columns import CODED_LABELLED as _CODED_LABELLED
from .meta import item_texts, title_row
from .model import Action, EarlierUpdate, ImportWarning, Location, PlanDraft, Section
from .normalise import (
    MONTH_PATTERN,
    NOT_A_QUARTER,
    SECURITY_MARKING,
    clean_text,
    completion_in_text,
    find_dates,
    is_undated_ok,
    latest_update_date,
    looks_like_rag,
    parse_due,
    parse_rag,
    quote,
    split_at_dates,
)
from .owners import ADDRESS_AFTER_NAME, split_owner
from .readers.base import Item
from .report import is_appendix, is_committee_report, is_report_part
from .synonyms import (
    exact_header_field,
    export_fields,
    fields_beside_each_other,
    header_field,
    is_round_label,
    label_alone,
    label_with_code,
    marks_furniture,
    names_evidence,
    normalise_header,
    one_language_of_two,
    section_label_pattern,
    section_text_label,
    sub_header_field,
    sub_label_field,
)

GROUP_FIELDS = ("section", "question")
_LABELS = section_label_pattern()
# another action's reference in a pointer: '3.1', '1e', 'R2.1', 'PRO-3', 'CSE/M-18'
_POINTED_REF = r"(?:[a-z]{1,6}[-/]?){0,2}\d{1,3}(?:[.\-]\d{1,3}){0,2}[a-z]?"
_SEE_REF = rf"(?:please )?see (?:action |ref\.? |row )?{_POINTED_REF}(?: above| below)?"
POINTERS = re.compile(
    r"^(?:n/?a|none|nil|-+|as above(?:\W+\w+){0,3}|see (?:above|below)|please see (?:above|below)(?:\W+\w+){0,3}|"
    rf"{_SEE_REF}|{_SEE_REF}\s*[-–—:;,(].*|as above\s*[-–—,:;(]?\s*{_SEE_REF}\)?|as above\s*[-–—,:;(]\s*(?:see|covered|included|picked up|merged)\b.*|"
    # 'N/A – covered by action 3.1', 'N/A - transferred to the neglect plan'
    r"n/a\s*[-–—:;(].*|"
    rf"(?:action )?(?:merged|combined) (?:with|into) (?:action )?{_POINTED_REF}\b.*|"
    # 'Moved to Priority 3 – see P3.2', 'Action removed – merged with 2A', 'Transferred to the DA plan'
    r"(?:action )?(?:moved|transferred) to .{1,60}|"
    r"(?:action )?superseded\b.*|"  # 'Superseded – merged into AFI2.2 (agreed at the Board)'
    rf"(?:action )?(?:removed|withdrawn|deleted)(?:\s*[-–—:;,(]\s*.*)?|"
    r"(?:please )?see (?:section|priority|recommendation|rec\.?|finding|objective|theme|appendix|item) "
    r"(?:[A-Z]|\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?)(?: above| below)?|"
    rf"as (?:per|in) (?:action |ref\.? )?{_POINTED_REF}(?: above| below)?|"
    rf"as {_POINTED_REF}(?: above| below)?(?:\s*[-–—:;,(].*)?|"  # 'As 2.5 - see above'
    r"no (?:further )?actions?(?: required| identified| needed)?(?:\s*[–—:;(-].*)?|"
    # 'No action for Wessex Police under this recommendation – ...'
    r"no (?:further )?actions? (?:for|by|from|under) .*|"
    # 'Further actions will be added once the needs assessment is published'
    r"(?:further|more|additional|other) actions? (?:will|to|may) be (?:added|agreed|identified)\b.*|"
    r"not applicable.*|not relevant.*|unable to comment.*|"
    # a form's drop-down answer for none of its actions ('Other / not listed', 'Other (not on the list)')
    r"other\s*(?:[/(–-]\s*)?(?:not listed|not on (?:the|this) list|none of the above)\)?|"
    r"responsibility of .{1,40}|tbc|yes|no|"
    # a tracker's issue closed as a copy of another ('DUPLICATE - see SCP-16', 'Duplicate of 2.3')
    r"duplicate(?: of .{1,40}|\s*[-–—:;,(]\s*.{0,40})?)\W*$",
    re.I,
)
NOT_ACTION = re.compile(
    r"(?:\bnot applicable\b|\bunable to comment\b|\bdoes not feel able to comment\b|"
    r"\bdo(?:es)? not work directly with\b|^no evidence offered\b)",
    re.I,
)
REF_CELL = re.compile(
    "^"
    + NOT_A_QUARTER
    + r"(?:[A-Z]{1,6}[-/ ]?)?\d{1,3}(?:[.\-]\d{1,3}){0,3}[a-z]?\.?$|^[A-Z]{2,6}-\d*$|^[a-z]\)?$"
)
_MARKING_ALONE = re.compile(SECURITY_MARKING, re.I)
# a table's caption before its heading ('Table 2: ...')
_CAPTION = re.compile(r"^(?:table|figure)\s+\d{1,3}\s*[:.–—-]\s*(?=\S)", re.I)
# a heading opening with its area's code ('AFI1 – The quality of early help', 'PA2: Information sharing')
_CODED_HEADING = re.compile(r"^([A-Z]{1,5}\d{1,2})\s*[:.–—-]\s*([A-Z‘'\"“(].*)$")
# a count after an area's title in a tracker's group row ('... sharing (6 actions)')
_ACTION_COUNT = re.compile(r"\s*\(\d+ actions?\)\s*$", re.I)


def coded_heading(text: str) -> tuple[str, str] | None:
    """(code, title) for an area's heading opening with its code: 'AFI1 – The quality of early
    help', 'PA1 Priority action 1: Leaders' understanding (6 actions)'; else None."""
    m = _CODED_LABELLED.match(text) or _CODED_HEADING.match(text)
    if m is None or not m[1][:1].isupper():
        return None
    return m[1], _ACTION_COUNT.sub("", _CONTINUED.sub("", m[2]))


_CONTINUED = re.compile(r"\s*\((?:continued|cont\.?|contd\.?)\)\s*$", re.I)
SECTION_HEADING = re.compile(
    rf"^(?:(?:{_LABELS})\s+)?"
    r"(\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?)[.:)]?\s+(\S.{2,})$",
    re.I,
)
QUESTION_REF = re.compile(r"^(\d{1,2}[a-z])[.):]?\s+(.+)$")
LEADING_REF = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?)[.):]?\s+(.+)$")
_SHORT_WORD = re.compile(r"[A-Za-z]{2,4}")
_LETTERED = re.compile(r"^(\d+(?:\.\d+)*)([a-z])$")
_NUMERIC_REF = re.compile(r"^[\d.]+[a-z]?$")
_LABELLED = re.compile(r"^(.{4,40}?)[:\s]\s*(\S.{10,})$")
_HEADING_LABEL = re.compile(rf"^(?:{_LABELS})\s+\d+(?:\.\d+)*\w*\s*[:.\-–—]?\s*", re.I)
# a grouping cell that names its number with a label: 'Recommendation 1: Partners should...',
# 'Priority 2 – Neglect', 'Finding 3. Strategy discussions'
_LABELLED_GROUP = re.compile(
    rf"^(?:{_LABELS})\s+(?:no\.?\s*)?"
    # or lettered, a capital standing alone: 'Priority action A Leaders should ...' over A1, A2
    r"(\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?|(?-i:[A-Z])(?=[\s.:)\-–—]))"
    r"(?:\s*[.:)\-–—]\s*|\s+)(\S.*)$",
    re.I,
)
# a document's heading number before a numbered area's label ('4. Priority action 1', '5 Area for
# improvement 2: ...'): the area is the label's number
_HEADING_NUMBERED_LABEL = re.compile(rf"^\d{{1,2}}(?:\.\d{{1,2}})*\.?\s+((?:{_LABELS})\s+\d.*)$", re.I)
# a label and a colon opening a cell ('Recommendation: Improve ...', 'Area for improvement – ...')
_LABEL_COLON = re.compile(rf"^(?:{_LABELS})\s*[:–—]\s*(\S.*)$", re.I)
_LABEL_ALONE = label_alone()  # 'Recommendation 1': its title is the paragraph below it
# a heading naming its code after its number: 'Priority 5 (P5): An effective partnership'
_LABEL_CODE = label_with_code()
# a grouping cell lettered 'A. Title' or 'B) Title' (its actions numbered A1, A2 ...)
_LETTERED_GROUP = re.compile(r"^([A-Z])[.)]\s+(\S.{2,})$")
# a heading naming its area by a label and a letter: 'Strand A – Understanding the problem'
_LABEL_LETTER = re.compile(rf"^(?:{_LABELS})\s+([A-Z])\s*[.:)\-–—]\s*(\S.{{2,}})$", re.I)
# a grouping cell opening with a lettered number, 'R1 The Partnership should...' or 'LP2. Learning...'
# over actions R1.1, R1.2 (a capital after it: 'Q1 2024' is a date, not a reference)
_PREFIXED_GROUP = re.compile(r"^([A-Z]{1,3}\d{1,2}(?:\.\d{1,2})?)[.):]?\s+([A-Z‘'\"“(].*)$")
_HEADING_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?[.:)]?\s+")
# an action's own reference printed at the start of its text when the table has no Ref column
OWN_REF_IN_TEXT = re.compile(
    r"^((?:[A-Z]{1,4}[-.]?)?\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?)(?:[.):]\s*|\s+(?:[-–—]\s+)?)(?=[A-Z‘'\"“(])(\S.*)$"
)
# an action cell holding only a reference ('3.3', a row numbered and left empty)
_ONLY_A_REF = re.compile(r"^((?:[A-Z]{1,4}[-.]?)?\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?)[.):]?$")
_NO_DATE = "No date could be read from the due text"
# a lead cell cut off mid-phrase: it goes on in the next row's lead cell
# ('TO' in capitals is a lead's initials, not 'to')
_DANGLING = re.compile(r"(?:\b(?:[Oo]f|[Aa]nd|[Ff]or|[Tt]o|[Tt]he|[Ii]n|[Ww]ith|[Aa]t|[Oo]n|[Bb]y)|[,&–—-])$")
# 'RAG: Amber', 'Status - Green', 'RAG rating: Red' opening a progress cell
_RAG_LABEL_OPENS = re.compile(
    r"^(?:b?rag(?:\s+(?:status|rating))?|status|current\s+status)\s*[:\-–]\s*"
    r"(red|amber|green|blue|complete(?:d)?|on\s+track|off\s+track|not\s+started)\b[\s.;:–-]*",
    re.I,
)
# an owner or a date labelled at the end of an action's cell ('... Lead: Head of Service By: October 2025')
_LABELLED_TAIL = re.compile(
    r"\s(lead(?:\s+(?:officer|agency))?|owner|responsible(?:\s+officer)?|by(?:\s+when)?|due(?:\s+date)?|"
    r"timescale|target(?:\s+date)?|deadline)\s*:\s*",
    re.I,
)
_TAIL_FIELDS = {"lead": "owner", "owner": "owner", "responsible": "owner"}


_LETTER_OPENING = re.compile(r"^\(?([a-z])[).]\s+(\S.*)$", re.S)


def _lettered_actions_numbered(builder: Builder) -> None:
    """Actions without references whose texts open 'a)', 'b)', 'c)' (Word's lettered list in the
    action cell, restarting under each numbered area): action '3b' of area 3, as the plan cites them."""
    by_section: dict[str, list[Action]] = {}
    for action in builder.draft.actions:
        if action.section:
            by_section.setdefault(action.section, []).append(action)
    for section, actions in by_section.items():
        if not re.fullmatch(r"\d{1,2}", section) or any(a.ref for a in actions):
            continue
        letters = [_LETTER_OPENING.match(a.text) for a in actions]
        expected = [chr(ord("a") + k) for k in range(len(actions))]
        if len(actions) < 2 or any(m is None or m[1] != e for m, e in zip(letters, expected, strict=True)):
            continue
        for action, found in zip(actions, letters, strict=True):
            assert found is not None
            action.ref, action.text = f"{section}{found[1]}", found[2].strip()


def _lines_of_combined_cells(values: dict[str, str], raw_values: dict[str, str], header: Header) -> None:
    """Two things in one column, a line each, in a table without a column of the second: an
    'Owner and date' cell whose last line is the date ('Head of Quality Assurance' over 'April
    2025'); an 'Update' cell whose first line is the status alone ('On track' over the update)."""
    owner_lines = [line.strip() for line in raw_values.get("owner", "").split("\n") if line.strip()]
    if not header.has("due") and len(owner_lines) >= 2 and not values.get("due"):
        last = clean_text(owner_lines[-1])
        if (
            len(last.split()) <= 8
            and (parse_due(last) is not None or is_undated_ok(last))
            and not _ORG_WORDS.search(last)
        ):
            values["due"] = last
            values["owner"] = clean_text(" ".join(owner_lines[:-1]))
    update_lines = [line.strip() for line in raw_values.get("progress", "").split("\n") if line.strip()]
    if (
        not header.has("rag")
        and len(update_lines) >= 2
        and not values.get("rag")
        and looks_like_rag(update_lines[0])
    ):
        values["rag"] = clean_text(update_lines[0])
        values["progress"] = clean_text(" ".join(update_lines[1:]))


# words of an organisation or a post, not of a date ('Council', 'Trust', 'Board')
_ORG_WORDS = re.compile(
    r"\b(?:council|trust|board|police|service|services|icb|nhs|partnership|team|school)\b", re.I
)


def _labelled_tails_split(builder: Builder) -> None:
    """An action's cell ending with its lead and date under their labels ('Deliver briefings ...
    Lead: L&D Lead By: December 2025'), in a table without those columns: the action, its lead
    and its due date. Left as it is unless every label names a field the action has not given."""
    for action in builder.draft.actions:
        text = action.text
        parts = list(_LABELLED_TAIL.finditer(text)) if ":" in text else []
        if not parts or not text[: parts[0].start()].strip():
            continue
        found: dict[str, str] = {}
        for k, part in enumerate(parts):
            name = _TAIL_FIELDS.get(part[1].split()[0].lower(), "due_text")
            said = text[part.end() : parts[k + 1].start() if k + 1 < len(parts) else len(text)].strip()
            if not said or getattr(action, name) or name in found:
                found = {}
                break
            found[name] = said
        if found:
            action.text = text[: parts[0].start()].strip()
            if "owner" in found:
                action.owner = found["owner"]
                action.owner_parts = split_owner(found["owner"])
            if "due_text" in found:
                action.due_text = found["due_text"]
                action.due = parse_due(found["due_text"])


_STATUS_OPENS_UPDATE = re.compile(r"^(red|amber|green|blue|complete(?:d)?|[RAGB])\s*[–—:-]\s+\S", re.I)
# a status in brackets closing the update ('... under way. (Amber)', '(Green).'), where no column rates it
_STATUS_CLOSES_UPDATE = re.compile(r"(?<=[.!?;)\s])\s*\(([A-Za-z][A-Za-z ]{0,20})\)\.?\s*$")
# a short title: capitalised words, no sentence (a heading row's text, not a note or an action)
_UNNUMBERED_TITLE = re.compile(r"^[A-Z][^.;:!?]*(?:\s+\S+){0,11}$")
_WHOLLY_BOLD = re.compile(r"^\s*(?:<b>|<strong>|\*\*)[^<*]+(?:</b>|</strong>|\*\*)\s*$", re.I)
BOLD_LEAD = re.compile(r"^\s*(?:<b>|<strong>|\*\*)(.+?)(?:</b>|</strong>|\*\*)", re.I)


# a reference to a numbered action inside a text cell: '1.2 Revise', '2.2. Improve', '11.1Implementation'
# ('5.3 - Review ...': a dash after the number, as a tool's title field is typed)
REF_TOKEN = re.compile(
    r"(?<![\w.])(\d{1,2})\.(\d{1,2})([a-z])?(?!\d)\.?(?:\s+[–—-]\s+|\s+|(?=[A-Z]))(?=[A-Z‘'\"“(•])"
)
BARE_NUMBER = re.compile(r"^\d{1,2}$")
# a sheet's whole number shown with decimals by its number format ('1.0' for priority 1)
_WHOLE_NUMBER_SHOWN = re.compile(r"^\d{1,2}\.0{1,2}$")
NUMBERED = re.compile(r"^(\d{1,2})\.(\d{1,2})$")
# a grouping cell's sentence not yet ended: six words or more, the last not closing it
_SENTENCE_GOES_ON = re.compile(r"^(?:\S+\s+){5,}\S*[^\s.!?:;]$")
# a heading opening with its code: 'P4 Voice & QA', 'Priority 4 – Voice'
_CODE_OPENING = re.compile(r"^(?:[A-Za-z]{1,10}\s?)?(\d{1,2})\b\s*[:.\-–—]?\s*")


def _code_of(heading: str) -> str | None:
    found = _CODE_OPENING.match(heading)
    return found[1] if found else None


# a cell holding only a rating: a letter or a colour ('B', 'Amber', 'Complete')
_RATING_ONLY = re.compile(r"[RAGBC]|red|amber|green|blue|complete(?:d)?", re.I)
# a cell opening with its label: 'What success will look like: victims get help quickly'
_LABEL_SAYS = re.compile(r"^([A-Za-z][^:]{2,50}):\s+\S")
# a text stopping on a word no sentence ends with: the rest of it is on the next line or page
_ENDS_MID_PHRASE = re.compile(
    r"\b(?:the|a|an|to|of|and|or|for|in|on|with|by|at|from|into|that|which|its|their|our|is|are|be|"
    r"including|between|across|within)\s*$",
    re.I,
)
# a heading over the actions already done, moved to the end of the plan ('Completed actions',
# 'Actions completed since the last report', 'Closed actions')
_REC_NUMBER = frozenset(
    {"rec", "rec.", "rec no", "rec no.", "rec number", "recommendation no", "recommendation number"}
)
# a title over the open or the closed actions of a sheet holding both
_OPEN_OR_DONE = re.compile(
    r"^(?:(?:open|current|live|outstanding|completed|closed|finished)\s+actions?|actions?\s+(?:open|closed|completed))"
    r"(?:\s*[(:–-].{0,40})?$",
    re.I,
)
_DONE_HEADING = re.compile(
    r"^(?:\d{1,2}[.:)]?\s+)?(?:(?:completed|closed|finished)\s+(?:actions?|recommendations?)|"
    r"actions?\s+(?:now\s+)?(?:completed|closed))\b.{0,60}$",
    re.I,
)


def split_numbered(
    text: str, major: int | None, last: tuple[int, int] | None, any_order: bool = False
) -> list[tuple[str | None, str]]:
    """Split a cell at the numbered actions it holds: 'Do X 6.2 Do Y', '13.6Update ... 13.7Arrange ...'.

    A noisy extraction merges several rows into one cell, so a reference inside the text starts a
    new action, but only where it continues the sequence (``last`` is the previous action's number,
    ``major`` the section's): 6.1 -> 6.2, or N.1 opening section N. A reference at the very start of
    the cell is the action's own. Text before the first reference comes back with ref None.
    ``any_order``: a reference at the start is the action's own in whatever order the rows come
    (a tool's export sorted newest first, its plan reference typed in the title).
    """
    cuts: list[tuple[int, int, str]] = []
    current = last
    for m in REF_TOKEN.finditer(text):
        number = (int(m[1]), int(m[2]))
        at_start = not text[: m.start()].strip()
        if m[3] and not at_start:
            continue  # '1.1a' style references are only read at the start of a cell
        follows = current is not None and current[0] == number[0] and number[1] == current[1] + 1
        opens = major == number[0] and number[1] == 1 and (current is None or current[0] != number[0])
        leads = at_start and (
            any_order or ((major is None or major == number[0]) and (current is None or number >= current))
        )
        if follows or opens or leads:
            cuts.append((m.start(), m.end(), f"{m[1]}.{m[2]}{m[3] or ''}"))
            current = number
    if not cuts:
        return [(None, text)]
    pieces: list[tuple[str | None, str]] = []
    head = text[: cuts[0][0]].strip()
    if head:
        pieces.append((None, head))
    for k, (_, end, ref) in enumerate(cuts):
        stop = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        pieces.append((ref, text[end:stop].strip()))
    return pieces


def _trimmed(key: tuple[str | None, ...]) -> tuple[str | None, ...]:
    end = len(key)
    while end and key[end - 1] is None:
        end -= 1
    return key[:end]


def banner_title(cells: list[str]) -> str | None:
    """A full-width heading row the extraction cut at the first column ('Eas' | 't Sussex County
    Council', 'Hea' | 'Health'): the heading, else None."""
    nonempty = [c for c in cells if c]
    if len(nonempty) != 2 or cells[0] != nonempty[0] or len(cells) < 2 or cells[1] != nonempty[1]:
        return None
    first, rest = nonempty
    if not _SHORT_WORD.fullmatch(first) or looks_like_ref(first) or len(rest) > 80:
        return None
    for k in range(len(first), 1, -1):  # the cut repeats a few letters: 'Mul' | 'ulti-agency'
        if rest.lower().startswith(first[-k:].lower()):
            return first[:-k] + rest
    return first + rest if rest[:1].islower() else None


_SUB_LABEL_WORDS = 5
_HEADING_WORDS = 12  # a heading row across a table is a title of at most this many words
_PARAGRAPH_WORDS = 6  # a recommendation's words: a sentence, not a name


def _label_like(cell: str) -> bool:
    """A cell that could name a column: short words, no date, no reference."""
    return (
        len(cell) <= 40
        and len(cell.split()) <= _SUB_LABEL_WORDS
        and not find_dates(cell)
        and not looks_like_ref(cell)
        and not any(ch.isdigit() for ch in cell)
    )


def sub_header_fields(parent: list[str], below: list[str]) -> list[str | None] | None:
    """The columns' fields when ``below`` splits header cells of ``parent`` into sub-columns
    ('Timescale' merged over 'Start' | 'End', 'Lead' over 'Agency' | 'Officer'), else None.

    A merged header cell keeps its text in its first column and leaves the others empty (Word,
    Excel, HTML colspan, CSV and text exports alike); a header cell merged down repeats its text in
    the row below (Word, Excel, HTML rowspan) or leaves it empty (CSV). Each sub-column is read in
    the context of its parent (see ``sub_header_field``); the other columns keep their own field."""
    width = max(len(parent), len(below))
    top = parent + [""] * (width - len(parent))
    low = below + [""] * (width - len(below))
    if not any(low) or not all(_label_like(c) or is_round_label(c) for c in low if c):
        return None
    # the header cell over each column (its position): a text carries right over the empty cells
    # after it while the row below names sub-columns there
    over: list[int | None] = []
    for c in range(width):
        left = over[c - 1] if c else None
        if top[c]:
            over.append(c)
        elif left is not None and low[c] and low[c] != top[left]:
            over.append(left)
        else:
            over.append(None)
    # a spread header cell names a sub-column under its own first column too ('Start' under
    # 'Timescale'); a label alone under an empty header cell is that column's own
    over = [
        h if h == c or (h is not None and low[h] and low[h] != top[h]) else None for c, h in enumerate(over)
    ]
    spread = {c for c in range(width) if over[c] is not None and over.count(over[c]) > 1}
    heads = {over[c] for c in spread}
    # each spread header cell has a sub-label that means something under it (short cells of a
    # first action under a header with an unlabelled column are not sub-labels)
    if not heads or not all(
        any(sub_label_field(top[h], low[c]) for c in spread if over[c] == h and low[c] != top[h])
        for h in heads
        if h is not None
    ):
        return None
    fields: list[str | None] = []
    for c in range(width):
        head = over[c]
        if head is None:
            fields.append(header_field(low[c]) if low[c] else None)
        elif c in spread and low[c] and low[c] != top[head]:
            fields.append(sub_header_field(top[head], low[c]))
        else:
            fields.append(header_field(top[head]))
    return fields


def _spread_labels_only(cells: list[str]) -> bool:
    """A first header row holding only the header cells spread over sub-columns (its other labels
    are in the row below): it leaves the first column empty and every cell in it names a field."""
    return (
        bool(cells)
        and not cells[0]
        and any(cells)
        and all(_label_like(c) and header_field(c) for c in cells if c)
    )


def _column_name_like(cell: str) -> bool:
    """A cell that could name a column of any table: a few words, no date, figure or status."""
    return (
        len(cell) <= 40
        and len(cell.split()) <= _SUB_LABEL_WORDS
        and not find_dates(cell)
        and not looks_like_rag(cell)
        and (header_field(cell) is not None or not any(ch.isdigit() for ch in cell))
    )


_SENTENCE = re.compile(r"^\S+(?:\s+\S+){3,}(?<!\bno)(?<!\bref)\.$", re.I | re.S)
# a short name in capitals, not a sentence ('Early help and thresholds', 'Neglect')
_TITLE_LIKE = re.compile(r"^[A-Z][^.:;]*$")
# a RAID log's other kinds of entry
_NOT_AN_ACTION_KIND = re.compile(
    r"(?i)risks?|assumptions?|issues?|dependenc(?:y|ies)|decisions?|opportunit(?:y|ies)"
)
_MEANS = re.compile(r"\S\s+=\s+\w")  # 'grey bar = complete'
# the title of a plan's RAG key ('Key', 'RAG key', 'BRAG rating key:', 'Status key')
_KEY_TITLE = re.compile(
    r"^(?:b?rag\s+|status\s+|colour\s+)?(?:rating\s+)?key\s*(?::|\([^()]{1,80}\))?\s*$", re.I
)
_NOTE_ROW = re.compile(
    r"^(?:notes?|nb|n\.b\.|please note|agreed by|approved by|signed off by|signed by|source|last updated|"
    r"updated by|prepared by)\s*[:\-–—]\s*\S",
    re.I,
)
_STATUS_LETTER = re.compile(r"^[RAGBC]$")
_OPENS_WITH_COLOUR = re.compile(r"^(?:red|amber|green|blue|black|grey|gray|purple)\b", re.I)
_STATUS_NAME = re.compile(r"^(?:red|amber|green|blue|complete(?:d)?|not started|on track|off track)$", re.I)


def _header_beside_the_plan(nonempty: list[str], starts_table: bool) -> bool:
    """A header row of a table that a plan document carries beside the plan: a cell names a column no
    plan table has ('Likelihood', 'Version', 'Protected characteristic', 'Reports to'), or, opening a
    table, its columns are statuses to count actions by ('Priority | Red | Amber | Green | Total')."""
    if len(nonempty) < 2 or not all(_column_name_like(c) or _STATUS_NAME.match(c) for c in nonempty):
        return False
    if any(marks_furniture(c) for c in nonempty):
        return True
    return (
        starts_table
        and not _STATUS_NAME.match(nonempty[0])
        and sum(1 for c in nonempty[1:] if _STATUS_NAME.match(c)) >= 2
    )


_ANSWER = re.compile(r"^(?:yes|no|n/?a|none|tbc|not (?:relevant|applicable)\b.*)$", re.I)


def _header_of_another_table(nonempty: list[str]) -> bool:
    """The first row of a table after the plan's, not as wide as the plan's header, is another
    table's header when it only names columns and names no action column with a lead, date or
    status beside it (a plan table's header)."""
    if len(nonempty) < 3 or not all(_column_name_like(c) and not _ANSWER.match(c) for c in nonempty):
        return False
    fields = {header_field(c) for c in nonempty}
    if "ref" in fields and "text" not in fields and fields & {"progress", "rag"}:
        return False  # a progress table or log after the plan, keyed by the actions' references
    return not ("text" in fields and fields & {"owner", "agency", "due", "rag"})


def is_pointer(text: str) -> bool:
    """Cells that only point elsewhere, or say there is nothing to do (also in two languages, a
    half each: 'Gweler cam 2.3 / See action 2.3')."""
    text = text.strip().strip(".").strip()
    if not text or POINTERS.match(text) or NOT_ACTION.search(text[:160]):
        return True
    halves = re.split(r"\s+/\s+", text)
    return (
        len(halves) == 2
        and all(len(half.split()) <= 8 for half in halves)
        and any(POINTERS.match(half.strip(" .")) for half in halves)
    )


def looks_like_ref(text: str) -> bool:
    return bool(text) and len(text) <= 14 and bool(REF_CELL.match(text.strip()))


# --------------------------------------------------------------------------- alignment


@lru_cache(maxsize=65536)
def _fit(cell: str, fld: str | None) -> float:
    if not cell:
        return 0.0
    words = len(cell.split())
    rag = looks_like_rag(cell)
    ref = looks_like_ref(cell)
    if fld == "rag":
        if rag:
            return 4.0
        # 'RAG and progress' in one column: 'Green – policy relaunched in January'
        return 2.0 if _STATUS_OPENS_UPDATE.match(cell) else -4.0
    if fld == "ref":
        return 4.0 if ref else -3.0
    if rag:
        return -3.0
    if fld in GROUP_FIELDS:
        if QUESTION_REF.match(cell) or LEADING_REF.match(cell):
            return 3.0
        return -1.0 if fld == "question" and words <= 4 else 0.0
    if fld == "agency":
        return 1.0 if words <= 6 else -2.0
    undated = words <= 6 and is_undated_ok(cell)  # 'Ongoing', 'Quarterly (Jul, Oct, Jan, Apr)', 'TBC'
    if fld == "owner":
        if undated:
            return -0.5  # no one leads an action called 'Ongoing'
        if words > 8 and 2 * sum(w[:1].islower() for w in cell.split()) > words:
            # mostly words in lower case: a sentence ('Report the timeliness of ... each quarter'), not who leads
            return -0.5
        return 0.5 if words <= 15 else -0.5
    if fld in ("due", "due_or_evidence", "start", "updated"):
        return 1.5 if find_dates(cell) else 1.0 if undated else 0.0
    if ref:
        return -2.0
    if fld is None:
        return 0.0  # a column without a header: content belongs there only when nothing fits better
    return 1.0 if words > 3 else 0.3


def align(cells: list[str], fields: list[str | None]) -> list[str]:
    """Place a row's cells under the header's columns (see ``place``)."""
    return [" ".join(cells[i] for i in slot if cells[i]) for slot in place(cells, fields)]


def place(cells: list[str], fields: list[str | None]) -> list[list[int]]:
    """For each of the header's columns, the positions of the row's cells that go under it. Rows
    that lost cells (merged cells, page breaks) are aligned by content: each cell goes where it fits
    best, in order. Positions, so that the cleaned and the raw cells of a row are placed alike."""
    n = len(fields)
    if (
        n >= 2
        and fields[0] == "text"
        and "ref" not in fields
        and len(cells) >= 2
        and len(cells) <= n + 1
        and looks_like_ref(cells[0])
        and len(cells[1].split()) >= 3
    ):
        # the action's number drawn by Word's list numbering, a cell of its own in a plain-text
        # save ('1.2<tab>Add a prompt ...' under 'Action'): it opens the action's cell
        return [[0, 1]] + [[k + 1] if k + 1 < len(cells) else [] for k in range(1, n)]
    # the empty cells a row opens with are the columns it leaves empty: a tab-separated row that
    # lost a cell further on keeps its first columns where they are ('' | 'Review ...' | 'June 2024')
    lead = 0
    while lead < min(len(cells), n) - 1 and not cells[lead]:
        lead += 1
    if lead and any(cells[lead:]):
        rest = place(cells[lead:], fields[lead:])
        return [[k] for k in range(lead)] + [[i + lead for i in slot] for slot in rest]
    filled = [k for k, cell in enumerate(cells) if cell]
    at_ref = fields.index("ref") if "ref" in fields else None
    if (
        at_ref is not None
        and len(cells) < n
        and at_ref < len(cells)
        and not cells[at_ref]
        and filled
        and filled[0] < at_ref
        and not looks_like_ref(cells[filled[0]])  # 'PRO-23' | '' | ...: a row shifted left, not kept
        and any(not cells[k] for k in range(filled[0], filled[-1]))
    ):
        # a row's next line, its reference cell empty between filled ones: it keeps its columns (a
        # PDF's line printed with a tab at each column's edge, trailing empty cells left off)
        return [[k] if k < len(cells) else [] for k in range(n)]
    kept = list(range(len(cells)))
    if len(kept) > n:
        # drop empty cells from the right until the row fits, then fold any excess into the last column
        for k in range(len(kept) - 1, -1, -1):
            if len(kept) <= n:
                break
            if not cells[kept[k]]:
                del kept[k]
    slots = [[i] for i in kept]
    if len(slots) > n:
        slots = slots[: n - 1] + [[i for slot in slots[n - 1 :] for i in slot]]
    texts = [" ".join(cells[i] for i in slot if cells[i]) for slot in slots]
    m = len(texts)
    if m == n:
        identity = sum(_fit(c, f) for c, f in zip(texts, fields, strict=True)) + 0.5
        trimmed = list(texts)
        while trimmed and not trimmed[-1]:
            trimmed.pop()
        if len(trimmed) == m or all(_fit(c, f) >= 0 for c, f in zip(texts, fields, strict=True)):
            return slots
        other = _align_short(trimmed, fields)
        score = sum(_fit(trimmed[k], f) for k, f in zip(other, fields, strict=True) if k is not None)
        if score > identity + 0.5:
            return [slots[k] if k is not None else [] for k in other]
        return slots
    return [slots[k] if k is not None else [] for k in _align_short(texts, fields)]


def _align_short(cells: list[str], fields: list[str | None]) -> list[int | None]:
    """For each column, the position of the cell placed under it (None: left empty)."""
    n = len(fields)
    m = len(cells)
    neg = float("-inf")
    dp = [[neg] * (n + 1) for _ in range(m + 1)]
    back: list[list[int]] = [[0] * (n + 1) for _ in range(m + 1)]
    dp[0][0] = 0.0
    seen_content = [False] * (m + 1)
    for i in range(m):
        seen_content[i + 1] = seen_content[i] or bool(cells[i])
    fits = [[_fit(cell, fld) for fld in fields] for cell in cells]
    for i in range(m + 1):
        row, nxt = dp[i], dp[i + 1] if i < m else None
        bonus = 0.3 if not seen_content[i] else -0.3
        for j in range(n + 1):
            here = row[j]
            if here == neg:
                continue
            if j < n:  # skip column j
                if here + bonus > row[j + 1]:
                    row[j + 1] = here + bonus
                    back[i][j + 1] = 1
                if nxt is not None:
                    score = here + fits[i][j]
                    if score > nxt[j + 1]:
                        nxt[j + 1] = score
                        back[i + 1][j + 1] = 2
    out: list[int | None] = [None] * n
    i, j = m, n
    while i > 0 or j > 0:
        if back[i][j] == 2:
            out[j - 1] = i - 1
            i, j = i - 1, j - 1
        else:
            j -= 1
    return out


# --------------------------------------------------------------------------- builder


_TOTAL_ROW = re.compile(r"^(?:grand\s+)?totals?\b\s*:?$|^total (?:number of )?actions\b", re.I)
# a subtotal's label as Excel writes it: the group's name, then the function ('Health Count', 'Grand Total')
_SUBTOTAL_ROW = re.compile(r"^(?:grand|.{1,120}\S)\s+(?:count|total|sum|average|max|min)$", re.I)
_FIGURE = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_CONTINUED_NOTE = re.compile(
    r"^\(?(?:table\s+)?continued\s+(?:on|over(?:leaf)?|from)\b[^.]{0,40}\.?\)?$|^\(?continued\)?$", re.I
)
_TOOL_PLACEHOLDER = re.compile(r"^(?:untitled section|\(?no section\)?|unassigned|no bucket)$", re.I)
# the rating before, in brackets after the rating now ('4 (was 3)', 'Amber (previously Green)')
_WAS_BEFORE = re.compile(r"\s*\((?:was|previously|prev\.?)\b[^)]*\)\s*$", re.I)
# a section's code in a column of its own ('DA01', 'P3', 'THEME-2')
_SECTION_CODE = re.compile(r"[A-Z]{1,6}[-_]?\d{1,3}")
# a row kept in a tool's table to be copied for each new action
_TEMPLATE_ROW = re.compile(r"\((?:duplicate|copy) me\)|^(?:template row|\[template\])", re.I)
# a web address in brackets after a name (a linked record's page)
_LINK_AFTER = re.compile(r"\s*\(https?://[^\s()]+\)")
# a dated update added to a card's description ('**Update 09/06/25:** Final draft agreed ...')
_DESCRIPTION_UPDATE = re.compile(
    r"(?:^|(?<=\s))\*{0,2}update\s+(\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\s*:\s*\*{0,2}\s*", re.I
)
# a tool's list of finished items ('✔ Signed off by Learning & Review Group', 'Done', 'Completed')
_DONE_LIST = re.compile(r"^\W*(?:done|complete(?:d)?|closed|finished|signed[ -]off)\b", re.I)
# a checkbox's ticked value as tools export it (Airtable 'checked', Excel and Sheets 'TRUE')
_TICKED = re.compile(r"checked|true|yes|y|[✓✔☑✅xX]", re.I)
# a tool's workflow state saying the item is finished ('complete' in ClickUp's Status)
_DONE_STATE = re.compile(r"complete|completed|done|closed|resolved|100\s*%", re.I)
# a status taking an action off the plan
_CANCELLED = re.compile(r"(?i)cancell?ed|withdrawn|no longer required|superseded")
# a tool's workflow state taking an item off the board ('Removed' in Azure DevOps)
_REMOVED_STATE = re.compile(r"removed|cut|won'?t do", re.I)
# how a tool closed an item that was never done ('Won't Do', 'Duplicate' in Jira's Resolution)
_UNDONE_RESOLUTION = re.compile(
    r"won['’]?t (?:do|fix)|duplicate|cannot reproduce|declined|rejected|obsolete", re.I
)
# a section's lead named once under its heading ('Strategic lead: Head of Early Help', 'Priority leads: ...')
_SECTION_LEAD = re.compile(
    r"^(?:(?:strategic|priority|theme|strand|workstream|area|accountable|senior|executive)\s+)?"
    r"leads?(?:\s*\(s\))?(?:\s+officers?)?\s*:\s*(\S.{2,200})$",
    re.I,
)
# a comment as Jira exports it: '03/Feb/25 1:45 PM;sarah.whitlock;Blocked: the report ...'
_TOOL_COMMENT = re.compile(r"(?:^|(?<=\s))(\d{1,2}/[A-Za-z]{3}/\d{2,4} \d{1,2}:\d{2}(?:\s?[AP]M)?);[^;\s]*;")


_HISTORY_LABEL = re.compile(
    r"^(?:b?rag|status|rating)\s+(?:history|over time|by month|trend)\b.{0,20}$", re.I
)


def _rating_history(cells: list[str], ref: str | None) -> int:
    """Where a row of an action's ratings month by month starts (the cell after its label), or 0
    when the row is not one: its label and, at most, the action's own reference (merged down)."""
    for k, cell in enumerate(cells):
        if _HISTORY_LABEL.match(cell):
            others = [c for j, c in enumerate(cells) if c and j != k]
            return k + 1 if all(c == ref for c in others) else 0
    return 0


_MONTH_NAME = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s*'?\d{2,4})?$", re.I
)


def _months_under_history(cells: list[str]) -> bool:
    """A header row of a rating history: its label, the months, and at most the reference's name."""
    filled = [c for c in cells if c]
    labels = [c for c in filled if _HISTORY_LABEL.match(c)]
    months = [c for c in filled if _MONTH_NAME.match(c)]
    return len(labels) == 1 and len(months) >= 3 and len(filled) - len(labels) - len(months) <= 1


def _json_comments(progress: str) -> list[tuple[list[dt.date], str]]:
    """(dates, words) of each comment of a JSON list of comments, or [] when it is not one."""
    if not progress.lstrip().startswith("[{"):
        return []
    try:
        listed = json.loads(progress)
    except ValueError:
        return []
    if not isinstance(listed, list) or not all(isinstance(c, dict) for c in listed):
        return []
    found = []
    for comment in listed:
        words = next((str(comment[k]) for k in ("text", "comment", "body", "content") if comment.get(k)), "")
        when = next(
            (str(comment[k]) for k in ("date", "created", "date_created", "created_at") if comment.get(k)), ""
        )
        if words:
            found.append((find_dates(when)[:1], " ".join(words.split())))
    return found


def latest_tool_comment(progress: str) -> str:
    """The words of the latest of the comments a tool's export gives an item ('date;user;words' each,
    in the order made), or of the dated updates added to its description ('**Update 09/06/25:** ...'),
    or the progress as it is when it holds neither."""
    noted = list(_DESCRIPTION_UPDATE.finditer(progress))
    if noted:
        ends = [m.start() for m in noted[1:]] + [len(progress)]
        dated = [
            (find_dates(m[1])[:1], k, progress[m.end() : end].strip())
            for k, (m, end) in enumerate(zip(noted, ends, strict=True))
        ]
        return max(dated)[2] or progress
    listed = _json_comments(progress)
    if listed:
        # a list of comments as JSON ('[{"text": ..., "by": ..., "date": ...}]', ClickUp's export)
        latest = max(range(len(listed)), key=lambda k: (listed[k][0], k))
        return listed[latest][1] or progress
    found = list(_TOOL_COMMENT.finditer(progress))
    if not found or found[0].start() != 0:
        return progress
    ends = [m.start() for m in found[1:]] + [len(progress)]
    comments = [
        (find_dates(m[1])[:1], progress[m.end() : end].strip()) for m, end in zip(found, ends, strict=True)
    ]
    # the latest by its date; of comments the same day, the one made last
    latest = max(range(len(comments)), key=lambda k: (comments[k][0], k))
    return comments[latest][1] or progress


_READ_ME = re.compile(
    r"^\W*(?:read\s?me|how to (?:use|update) this|how this (?:board|plan|list|tracker|sheet) works)\b", re.I
)
_COUNT_LINE = re.compile(
    r"^(?:rows?|records?|items?|actions?|results?)(?:\s+\w+)?\s*:\s*\d[\d,]*\.?$"
    # a report's last line ('*** END OF REPORT - 21 ROWS ***')
    r"|^\W*end of (?:report|file|data|extract|list)\b.{0,40}$",
    re.I,
)


_ROUND_NAME = re.compile(r"\bq[1-4]\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d", re.I)


def _round(cell: str, fld: str | None, index: int) -> tuple[dt.date, int] | None:
    """Where a progress or status column named as an update round ('Update Jan 2024', 'Progress at
    31/03/24', 'Q2 RAG') comes in the order of rounds: by the date its name gives (the last day of
    the period), else by its place; None for other columns."""
    if fld not in ("progress", "rag") or not cell or not _ROUND_NAME.search(cell):
        return None
    dates = find_dates(cell)
    return (max(dates) if dates else dt.date.min, index)


_DAY_OF_MONTH = re.compile(r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?")
_OPENS_WITH_MONTH = re.compile(rf"{MONTH_PATTERN}\b", re.I)


def _earlier_rounds(
    fields: list[str | None],
    values: list[str],
    rounds: list[tuple[dt.date, int] | None],
    latest: dict[str, tuple[tuple[dt.date, int], str]],
) -> list[tuple[dt.date, dict[str, str]]]:
    """A row's update rounds before its latest one, by the dates their columns name: each round's
    progress and status ('Update Jan 2024' with 'RAG Jan 2024'), oldest first. Rounds named
    without a date ('Update 1', 'Q2') cannot be dated, and are left to the latest round alone."""
    if not latest:
        return []
    newest = max(when[0] for when, _value in latest.values())
    by_day: dict[dt.date, dict[str, str]] = {}
    for fld, value, when in zip(fields, values, rounds, strict=True):
        if fld and value and when is not None and dt.date.min < when[0] < newest:
            day = by_day.setdefault(when[0], {})
            day[fld] = f"{day[fld]} {value}" if fld in day else value
    return sorted(by_day.items())


@dataclass
class Header:
    fields: list[str | None]
    key: tuple[str | None, ...]
    # per column named as an update round ('Update Jan 2024', 'RAG at 31/03/24'), its place among them
    rounds: list[tuple[dt.date, int] | None] = field(default_factory=list)
    # per column, whether it is an Evidence column (its words follow the progress as its evidence)
    evidence: list[bool] = field(default_factory=list)
    sheet: str | None = None  # the sheet it heads: a header does not carry over to the next sheet
    updates_only: bool = False  # a table of progress by reference, after the plan (_progress_row)
    exported: bool = False  # a known tool's export (EXPORTS): no merged cells, the tool's own words

    def has(self, fld: str) -> bool:
        return fld in self.fields

    def groups_outcomes(self) -> bool:
        """The Outcome column stands before the Action column ('Priority | Outcome | Action | Lead'):
        an outcome written once (merged down its rows, or left empty below its first) is that of
        every action under it, as a merged lead is every action's lead."""
        return (
            self.has("outcome")
            and self.has("text")
            and self.fields.index("outcome") < self.fields.index("text")
        )


_EVIDENCE_MARKERS = re.compile(
    r"\b(?:to be|target|by (?:the )?end|completion by|ongoing|will be|planned for|deadline|due)\b", re.I
)


_UNDATED_DUE = re.compile(r"(?i)ongoing|tbc|to be (?:confirmed|determined|agreed)")
_COMPLETED = re.compile(r"(?i)\bcomplet(?:e|ed)\b(?! by)")
_TARGET = re.compile(r"(?i)\btarget\b")
_NEXT_SENTENCE = re.compile(r"[.;]\s+\S")
_HEAD_BREAK = re.compile(r"\s*[(:–]\s*")
_ATTACHMENT = re.compile(r"\S+\.(?:docx?|xlsx?|pdf|pptx?|msg)\b", re.I)


# a due date opening a cell, the progress cell beside it printed on the same line ('June 2024 Guide
# published 10 June ...', as a PDF's text gives two cells side by side)
_DUE_THEN_UPDATE = re.compile(
    rf"^((?:(?:end of|by(?: the)?(?: end of)?|before)\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_PATTERN}\.?\s+\d{{4}}"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|Q[1-4]\s+\d{4}(?:/\d{2,4})?)\s+(\S.*)$",
    re.I,
)
# the status cell printed between them ('November 2024 G 64 of 81 managers trained'): a letter or a
# colour in capitals or title case, before words that open a sentence or a figure
_STATUS_BETWEEN = re.compile(r"^([RAGB]|Red|Amber|Green|Blue|Complete|Completed)\s+(?=[A-Z0-9])")
_OPENS_UPDATE = re.compile(r"^(?:[A-Z][a-z]+|\d+)(?:\s+\S+){2,}")


def due_then_update(text: str) -> tuple[str, str, str] | None:
    """(the date, the status or '', the update) where a due cell's text is a date followed by a
    sentence, perhaps with the status cell printed between them."""
    m = _DUE_THEN_UPDATE.match(text)
    if not m:
        return None
    rest, status = m[2], ""
    between = _STATUS_BETWEEN.match(rest)
    if between:
        status, rest = between[1], rest[between.end() :]
    return (m[1], status, rest) if _OPENS_UPDATE.match(rest) else None


def split_due_evidence(text: str) -> tuple[str | None, str | None]:
    """A 'Target date/Evidence' cell: a stated target goes to due_text, evidence to progress."""
    text = " ".join(_ATTACHMENT.sub(" ", text).split())
    if not text:
        return None, None
    words = text.split()
    if _UNDATED_DUE.fullmatch(text.strip(" .")):
        return text, None
    if _COMPLETED.search(text) and not _TARGET.search(text):
        return None, text
    one_sentence = not _NEXT_SENTENCE.search(text.rstrip("."))
    if find_dates(text) and (
        len(words) <= 6 or (len(words) <= 16 and one_sentence and _EVIDENCE_MARKERS.search(text))
    ):
        return text, None
    return None, text


def _group_ref(text: str) -> re.Match[str] | None:
    """A grouping cell's own number and title, where it opens with one."""
    return (
        QUESTION_REF.match(text)
        or LEADING_REF.match(text)
        or _LABELLED_GROUP.match(text)
        or _PREFIXED_GROUP.match(text)
    )


def _heading_line_of_two(raw: str, text: str) -> str | None:
    """The line of a heading cell in two languages, a line each ('Pwynt Dysgu 1: Rhannu ...' over
    'Learning Point 1: Information sharing ...'), that reads as a numbered heading when the whole
    cell does not: the other line is the same heading in a language the importer does not read."""
    if "\n" not in raw.strip() or SECTION_HEADING.match(text) or _group_ref(text):
        return None
    lines = [line for line in (clean_text(x) for x in raw.split("\n")) if line]
    numbered = [line for line in lines if SECTION_HEADING.match(line) or _group_ref(line)]
    return numbered[0] if len(lines) == 2 and len(numbered) == 1 else None


def section_ref_from_cell(raw: str, text: str) -> tuple[str, str]:
    """(ref, title) for a grouping cell: 'Pursue (prosecuting...)' -> ('Pursue', whole text)."""
    m = _group_ref(text)
    if m:
        return m[1], m[2].strip()
    lettered = _LETTERED_GROUP.match(text)
    if lettered:
        return lettered[1], lettered[2].strip()  # 'A. Recognising abuse' over actions A1, A2
    bold = BOLD_LEAD.match(raw)
    if bold and clean_text(bold[1]):
        return clean_text(bold[1]), text
    head = _HEAD_BREAK.split(text, maxsplit=1)[0].strip()
    if head and len(head.split()) <= 5:
        return head, text
    return text[:80], text


@dataclass
class _CutLead:
    """A lead cell printed a line per row: the actions beside its lines, and the actions just above
    its first line that had no lead of their own (nearest first)."""

    rows: list[Action] = field(default_factory=list)
    above: list[Action] = field(default_factory=list)


@dataclass
class Builder:
    draft: PlanDraft
    rows_are_records: bool = False  # a spreadsheet's or CSV's rows (see build_from_items)
    header: Header | None = None
    heading_section: str | None = None
    group: dict[str, str | None] = field(default_factory=dict)
    group_had_ref: bool = False
    agency: str | None = None
    last_action: Action | None = None
    # a row with a reference but no action text (its text on the next page): ref, values, its warning
    pending: tuple[str, dict[str, str], ImportWarning] | None = None
    last_header_key: tuple[str | None, ...] | None = None
    hidden_rows: list[Location] = field(default_factory=list)  # rows hidden in a sheet, not read
    struck_rows: list[Location] = field(default_factory=list)  # rows struck through in a sheet, not read
    last_table: int | None = None  # the table of the row read last
    progress_date: dt.date | None = None  # the date of the update round the row's progress is from
    # the row's dated update rounds before its latest: (date, {"progress": ..., "rag": ...}), oldest first
    earlier_rounds: list[tuple[dt.date, dict[str, str]]] = field(default_factory=list)
    rows_since_header: int = 0
    listings_dropped: bool = False  # actions listed again were read once (_listed_again_dropped)
    # a tool's export numbering its rows by outline ('1', '1.1', '1.1.1'): its summary tasks are sections
    exported_outline: bool = False
    response_log: bool = False  # a form's responses (Microsoft Forms): see _listed_again_dropped
    # 'What needs to improve: ...' under a row of a reference and words alone: (that row, the
    # section field, the words), the area's text once the row proves to head actions
    headed_texts: list[tuple[Action, str, str]] = field(default_factory=list)
    # the rows of one cell above the first header (a title, a key): printed again on each page
    front_rows: set[str] = field(default_factory=set)
    # actions of a tree export and the ID of the item each sits under (_sections_from_parent_ids)
    parents: list[tuple[Action, str]] = field(default_factory=list)
    tree_depth: dict[int, int] = field(
        default_factory=dict
    )  # a table's actions' indentation, its tree shown so
    tree_parents: dict[int, str] = field(default_factory=dict)  # the last section at each indentation
    status_grid: int | None = None  # the table summarising statuses by reference ('Ref | RAG | Ref | RAG')
    grid_statuses: dict[str, str] = field(default_factory=dict)  # its statuses by reference
    section_leads: dict[str, str] = field(default_factory=dict)  # a section's lead named under its heading
    logged_on: dict[int, dt.date] = field(default_factory=dict)  # an action's latest update in a log
    section_ids: dict[str, str] = field(default_factory=dict)  # a tool's ID of a section's row -> its ref
    last_number: tuple[int, int] | None = None  # the last action numbered 'N.M'
    numbered_in_text: bool = False  # the Ref column numbers sections; actions are numbered in their text
    heading_label: str | None = None  # the last heading without a number
    heading_label_after: int = 0  # how many sections were open when it was read
    untitled_section: Section | None = None  # opened by a label alone ('Recommendation 1'), no title yet
    done_heading: bool = False  # the last heading is over actions already completed ('Completed actions')
    table_label: str | None = None  # what names the current table: that heading, else its sheet
    # actions read without a section, with their table's name: when the plan's tables have several
    # names (a sheet or a heading per strand), each name is a section
    unsectioned: list[tuple[Action, str]] = field(default_factory=list)
    # actions read in a section, in a table named by an unnumbered heading under it ('3. Delivery
    # plan' > 'Pursue – disrupting ...' > 'PUR1 ...'): when its tables are a strand each, the strands
    # are its sub-sections (_strands_within_sections)
    headed_within: list[tuple[Action, str]] = field(default_factory=list)
    after_header: list[str] | None = None  # the header row just read: the next row may split its cells
    row_before: tuple[int | None, list[str]] | None = None  # the row just read (its table, its cells)
    headed_tables: set[int] = field(default_factory=set)  # tables whose header row has been read
    title_rows: dict[int, str] = field(default_factory=dict)  # table -> its title row above the header
    label_titles: dict[str, str] = field(default_factory=dict)  # sheet name -> its table's title row
    inherited_owner: set[int] = field(default_factory=set)  # actions (ids) given the lead of the row above
    cut_lead: _CutLead | None = None  # the last lead cell read cut over several rows
    cut_leads: list[_CutLead] = field(default_factory=list)
    # two grouping columns ('Theme' | 'Objective'): the row's outer cell (value, raw), and the section
    # the outer column last opened, which holds the inner column's sections
    row_outer: tuple[str, str] | None = None
    outer_section: str | None = None
    in_report: bool = False  # the plan is carried in a report to a committee: its headings are not sections
    merges_shown: bool = False  # the row being read shows its merged cells (see Item.merges_shown)
    in_key: bool = False  # the rows just read are the plan's RAG key (its title, its statuses)
    group_sections: set[str] = field(default_factory=set)  # sections opened by a grouping column's cell

    def _cut_goes_on(self, previous: Action) -> bool:
        """The action above printed the last line so far of a lead cell cut over rows (its own line)."""
        cell = self.cut_lead
        return cell is not None and bool(cell.rows) and cell.rows[-1] is previous

    # ---------------------------------------------------------------- sections
    def add_section(self, ref: str, title: str, location: Location, parent: str | None = None) -> Section:
        for existing in self.draft.sections:
            if existing.ref == ref:
                if title and len(title) > len(existing.title) and existing.title == existing.ref:
                    existing.title = title
                elif title and title != existing.title and not self._holds_anything(ref):
                    # the number used again by the plan after a report's own part ('4. Key messages'
                    # in the report, 'Recommendation 4: ...' in its appendix): the plan's section,
                    # in the plan's order (after the sections the plan opened before it)
                    existing.title = title
                    existing.location = location
                    self.draft.sections.remove(existing)
                    self.draft.sections.append(existing)
                return existing
        if parent is None:
            parent = self._parent_for(ref)
        section = Section(ref=ref, title=title or ref, parent=parent, location=location)
        self.draft.sections.append(section)
        return section

    def _holds_anything(self, ref: str) -> bool:
        """Whether a section has actions or sections inside it yet."""
        return any(a.section == ref for a in self.draft.actions) or any(
            s.parent == ref for s in self.draft.sections
        )

    def _heading_row(self, ref: str, title: str, location: Location, ends_action: bool = True) -> None:
        """A heading row across a table opens the section of the rows below it (not a section inside
        the last heading's), with no group carried over from above."""
        self.heading_section = None  # so the new section is not put inside the previous heading's
        self.heading_section = self.add_section(ref, title, location).ref
        self.group = {}
        if ends_action:
            self.last_action = None

    def _parent_for(self, ref: str) -> str | None:
        refs = {s.ref for s in self.draft.sections}
        candidates = []
        m = _LETTERED.match(ref)
        if m:
            candidates.append(m[1])
        if "." in ref:
            candidates.append(ref.rsplit(".", 1)[0])
        for cand in candidates:
            if cand in refs:
                return cand
        heading = self.heading_section
        if heading and candidates and _NUMERIC_REF.match(heading):
            # '1b' after the heading '1a', '2.1' under '1': numbered, but not within the heading's number
            return None
        if heading and heading != ref and not (ref.isdigit() and _NUMERIC_REF.match(heading)):
            return heading
        return None

    def current_section(self) -> str | None:
        for fld in GROUP_FIELDS:
            if self.group.get(fld):
                return self.group[fld]
        return self.heading_section

    # ---------------------------------------------------------------- items
    def text_line(self, item: Item) -> None:
        text = clean_text(item.text)
        if not text or _MARKING_ALONE.fullmatch(text):
            return  # nothing, or a page's security marking ('OFFICIAL'), however large its type
        self.after_header = self.row_before = None
        if item.heading:
            self.header = None
            self.heading_label = None if SECTION_HEADING.match(text) else text[:120]
            self.heading_label_after = len(self.draft.sections)
        if item.heading or item.bold:
            self.done_heading = bool(_DONE_HEADING.match(text))
        if _EMPTY_LISTING.search(text):
            # a heading of a listing that lists nothing ('Evidence (0)'): it heads no rows
            self.heading_section = None
            self.group = {}
            self.last_action = None
            return
        lead = _SECTION_LEAD.match(text)
        if lead and self.heading_section and not item.is_row:
            # 'Strategic lead: Head of Early Help' under a priority's heading, the table below with no
            # lead column: the lead of every action of that priority
            self.section_leads[self.heading_section] = lead[1]
            return
        # 'Recommendation: Partners should ...' describes the section; 'Recommendation 2: ...' starts one
        label_match = None if _LABELLED_GROUP.match(text) else _LABELLED.match(text)
        if label_match and section_text_label(label_match[1]) and self.heading_section:
            self._section_text(section_text_label(label_match[1]) or "", label_match[2])
            return
        untitled, self.untitled_section = self.untitled_section, None
        if untitled is not None and not (item.heading or item.bold) and not _LABELLED_GROUP.match(text):
            untitled.title = text  # 'Recommendation 1' in bold, what it recommends in the paragraph below
            return
        if (item.heading or item.bold) and (is_report_part(text) if self.in_report else is_appendix(text)):
            # a committee report's own part ('1. Purpose of the report', 'Financial implications') or
            # its meeting's date: not a section of the plan, and it ends the section above
            self.heading_section = None
            self.group = {}
            self.last_action = None
            return
        caption = _CAPTION.match(text)
        if caption:  # 'Table 2: AFI2 – Information sharing (continued)': the heading of the table below
            text = text[caption.end() :]
        numbered_label = _HEADING_NUMBERED_LABEL.match(text)
        if numbered_label and (item.heading or item.bold):
            # '4. Priority action 1': the document numbers its headings, the plan its areas; the
            # actions 1.1, 1.2 below are the area's, so the area keeps its own number
            text = numbered_label[1]
        # a line that is only a label and its number ('Area of weakness 1') heads a section however
        # it is printed (a PDF's text loses the heading's type size)
        if item.heading or item.bold or caption or _LABEL_ALONE.match(text):
            coded = coded_heading(text)
            if coded and len(text) < 300:
                # 'AFI1 – The quality of early help' over actions AFI1.1, AFI1.2 (again when continued)
                self._heading_row(*coded, item.location)
                return
            alone = _LABEL_ALONE.match(text)
            if alone:
                self._label_alone(alone[1], item.location)
                return
            labelled_code = _LABEL_CODE.match(text)
            if labelled_code:  # 'Priority 5 (P5): An effective partnership' over actions P5.1, P5.2
                self._heading_row(labelled_code[1], labelled_code[2], item.location)
                return
            m = SECTION_HEADING.match(text)
            lettered = None if m else _LABEL_LETTER.match(text)
            if lettered and (item.heading or item.bold) and len(text) < 400 and lettered[1].isupper():
                section = self.add_section(lettered[1], lettered[2], item.location)
                self.heading_section = section.ref
                self.group = {}
                self.last_action = None
            if m and len(text) < 400:
                title = _HEADING_LABEL.sub("", text)
                title = _HEADING_NUMBER.sub("", title)
                section = self.add_section(m[1], title, item.location)
                self.heading_section = section.ref
                self.group = {}
                self.last_action = None

    def _tree_section(self, text: str, level: int, location: Location) -> None:
        """A section of a tree shown by indentation, inside the nearest less indented one."""
        ref, title = section_ref_from_cell(text, text)
        parent = next(
            (self.tree_parents[k] for k in range(level - 1, -1, -1) if k in self.tree_parents), None
        )
        section = self.add_section(ref, title, location, parent=parent)
        section.parent = parent
        self.tree_parents = {k: v for k, v in self.tree_parents.items() if k < level} | {level: section.ref}
        self.heading_section = section.ref
        self.group = {}
        self.last_action = None

    def _label_alone(self, ref: str, location: Location) -> None:
        """'Recommendation 1' alone (a line or a row): the section of what follows, titled by the
        line or row below it unless it has a title already."""
        section = self.add_section(ref, "", location)
        self.heading_section = section.ref
        self.group = {}
        self.last_action = None
        if section.title == section.ref:
            self.untitled_section = section

    def _section_text(self, key: str, text: str) -> None:
        ref = self.current_section()
        for section in self.draft.sections:
            if section.ref == ref:
                old = getattr(section, key)
                setattr(section, key, f"{old} {text}" if old else text)

    def row(self, item: Item) -> None:
        assert item.cells is not None
        raw_cells = item.cells
        cells = [clean_text(c) for c in raw_cells]
        nonempty = [c for c in cells if c]
        if not nonempty:
            return
        if self.header is not None and _TEMPLATE_ROW.search(nonempty[0]) and not looks_like_ref(nonempty[0]):
            return  # a tool's row kept to be copied for a new action ('New action (duplicate me)')
        if len(nonempty) == 1 and item.banner and not cells[0] and self.header is not None:
            # a heading merged across the row from a later column (a 'Done' checkbox column before
            # it): read as a row's heading is, from the first column
            at = cells.index(nonempty[0])
            cells = [*cells[at:], *([""] * at)]
            raw_cells = [*raw_cells[at:], *([""] * at)]
        if item.table is not None and item.table == self.status_grid:
            # a row of a summary of statuses by reference ('1.1 | B | 1.2 | G | ...') above the plan
            for listed_ref, listed_status in zip(cells[::2], cells[1::2], strict=False):
                if listed_ref and listed_status:
                    self.grid_statuses[listed_ref] = listed_status
            return
        if (
            self.header is not None
            and self.last_action is not None
            and item.fills
            and (history := _rating_history(cells, self.last_action.ref))
        ):
            # a row of months coloured by rating under its action ('RAG history' beside the merged
            # reference): no action, the latest coloured month is the action's rating if it has none
            colour = next((c for c in reversed(item.fills[history:]) if c), None)
            if self.last_action.rag is None and colour is not None:
                self.last_action.rag = "complete" if colour == "blue" else colour
            return
        if self.header is not None and _months_under_history(cells):
            return  # the header's second row naming those months ('Ref | RAG history | Apr | May ...')
        # the first row of a table (each row says, whatever returns early below)
        opens_table, self.last_table = item.table is not None and item.table != self.last_table, item.table
        parent, self.after_header = self.after_header, None
        untitled, self.untitled_section = self.untitled_section, None
        if untitled is not None and len(nonempty) == 1 and not _LABEL_SAYS.match(nonempty[0]):
            untitled.title = nonempty[0]  # 'Area of significant weakness 1' over the row naming it
            return
        if len(nonempty) == 1 and (alone := _LABEL_ALONE.match(nonempty[0])):
            # a row of a label and its number alone: the section of the rows below, titled by the next
            self._label_alone(alone[1], item.location)
            return
        before, self.row_before = self.row_before, (item.table, cells)
        self.merges_shown = item.merges_shown
        if parent is not None and self.header is not None:
            split = sub_header_fields(parent, cells)
            if split is not None:  # a second header row naming the sub-columns of the first
                labels = [
                    (cells[k] if k < len(cells) else "") or (parent[k] if k < len(parent) else "")
                    for k in range(len(split))
                ]
                rounds = [
                    _round(label, fld, k) for k, (label, fld) in enumerate(zip(labels, split, strict=True))
                ]
                self.header = Header(
                    fields=split, key=self.header.key, rounds=rounds, sheet=self.header.sheet
                )
                return
        starts_table = before is None or before[0] != item.table
        if _header_beside_the_plan(nonempty, starts_table) or (
            starts_table
            and self.header is not None
            and len(cells) != len(self.header.key)
            and _header_of_another_table(nonempty)
        ):
            # the header of a table beside the plan (a version log, a risk register, a glossary, the
            # board's groups, a count of actions by status): its rows are not actions, nor under the
            # plan's header above it
            self.header = None
            self.group = {}
            self.last_action = None
            self.pending = None
            return
        # a sentence names no column, even when its first word is a column's name ('Task and finish
        # group set up.' in a progress cell, 'Update the toolkit.' in an action cell)
        fields = [
            (header_field(c) or (one_language_of_two(raw) if "\n" in raw else None))
            if c and not _SENTENCE.match(c)
            else None
            for c, raw in zip(cells, raw_cells, strict=True)
        ]
        if fields.count("ref") > 1:
            # 'Ref' and 'Rec' side by side: the recommendation's number is the section, not the reference
            fields = [
                "section" if f == "ref" and normalise_header(c) in _REC_NUMBER else f
                for c, f in zip(cells, fields, strict=True)
            ]
        fields = fields_beside_each_other(cells, fields)
        exported = export_fields(cells, fields)
        fields = exported or fields
        matched = [f for f in fields if f]
        if item.table is not None and len(matched) >= 4 and matched == ["ref", "rag"] * (len(matched) // 2):
            # 'Ref | RAG | Ref | RAG ...': a summary of each action's status, the plan's table below
            # without a status column (_statuses_from_grid)
            self.status_grid = item.table
            return
        if (
            self.draft.actions
            and "ref" in fields
            and "text" not in fields
            and {"rag", "progress"} & set(fields)
            and len(matched) >= 2
            and len(matched) >= 0.6 * len(nonempty)
        ):
            # a table of progress after the plan ('Ref | RAG | Progress update (May 2025)'): its rows
            # give the status and progress of the actions their references name
            self.header = Header(fields=fields, key=tuple(fields), updates_only=True)
            self.header.rounds = [
                _round(c, f, k) for k, (c, f) in enumerate(zip(cells, fields, strict=False))
            ]
            self.last_action = None
            return
        if self.header is not None and self.header.updates_only:
            self._progress_row(cells, item.location)
            return
        if (
            "text" in fields
            and len(matched) >= 2
            and (
                exported is not None
                or len(matched) >= 0.6 * len(nonempty)
                # a tool's wide export: its own columns beside an action, a date and a status
                or (len(matched) >= 4 and bool({"due", "rag"} & set(matched)))
            )
            and not self._reference_under_header(cells, item)
        ):
            if before is not None and before[0] == item.table and _spread_labels_only(before[1]):
                # the row above holds only the header cells spread over this row's sub-columns
                fields = sub_header_fields(before[1], cells) or fields
            key = tuple(fields)
            sheet = item.location.sheet
            self.table_label = self.heading_label or sheet
            if sheet and not self.heading_label and item.table in self.title_rows:
                self.label_titles.setdefault(sheet, self.title_rows[item.table])
            if item.table is not None:
                self.headed_tables.add(item.table)
            self.after_header = cells
            if sheet and self.header is not None and sheet != self.header.sheet:
                # another sheet ('Closed actions' under the same header): its rows are not in the
                # last sheet's last section
                self.heading_section = None
                self.group = {}
                self.outer_section = None
            if self.header is None or key != self.header.key:
                if self.header is None or _trimmed(key) != _trimmed(self.header.key):
                    # a new layout (not the same header with more or fewer empty cells after it)
                    self.last_number = None
                    self.numbered_in_text = False
                if not item.grid:
                    # trailing tabs after a text header name no columns: a row's cell is not put there
                    named = len(cells)
                    while named and not cells[named - 1]:
                        named -= 1
                    fields = fields[:named]
                self.header = Header(fields=fields, key=key, exported=exported is not None)
                names = set(map(normalise_header, cells))
                self.exported_outline = exported is not None and "outline number" in names
                # a form's responses: rows of owners' updates, each action's latest standing
                self.response_log = exported is not None and {"start time", "completion time"} <= names
                self.rows_since_header = 0
                self.group = {}
                self.outer_section = None
                self.agency = None
                self.last_action = None
            self.header.sheet = sheet
            self.header.rounds = [
                _round(c, f, k) for k, (c, f) in enumerate(zip(cells, fields, strict=False))
            ]
            named_evidence = [bool(c) and names_evidence(c) for c in cells]
            others = [f == "progress" and not e for f, e in zip(fields, named_evidence, strict=False)]
            # an Evidence column alone is the plan's progress column, not evidence beside it
            self.header.evidence = named_evidence if any(others) else []
            return
        if self.header is not None and item.location.sheet != self.header.sheet:
            # another sheet (a key, notes, a chart's figures) is not under the last sheet's header
            self.header = None
            self.group = {}
            self.last_action = None
        if item.hidden:
            # a row hidden by hand in a sheet: usually a removed or archived action, which a user who
            # hid it does not expect to see imported (rows hidden only by a filter are not marked)
            self.hidden_rows.append(item.location)
            return
        if item.struck:
            # every cell of the row struck through: an action removed or merged into another, left
            # visible to show what changed (Word's struck wording is left out of the text likewise)
            self.struck_rows.append(item.location)
            return
        depth = self.tree_depth.get(item.table) if item.table is not None else None
        if depth and self.header is not None and item.indent < depth:
            # a row indented less than the actions of a tree shown by indentation (Smartsheet's
            # priorities and objectives over their actions): a section, inside the one above it
            if _ONE_TITLE.match(nonempty[0]):
                self._tree_section(nonempty[0], item.indent, item.location)
            return  # (a note across the sheet, 'READ ME - RAG key: ...', is neither)
        if _TOTAL_ROW.match(nonempty[0]) and cells.index(nonempty[0]) <= 1:
            return  # a 'Total' row under the actions: figures, not an action or the end of one
        if _SUBTOTAL_ROW.match(nonempty[0]) and all(_FIGURE.fullmatch(c) for c in nonempty[1:]):
            # Excel's Data > Subtotal under each group ('Health Count | 5', 'Grand Count | 27'): figures
            return
        if len(nonempty) == 1 and self.header is None and not self.draft.actions:
            self.front_rows.add(normalise_header(nonempty[0]))
        elif len(nonempty) == 1 and normalise_header(nonempty[0]) in self.front_rows:
            return  # the title above the table, repeated on each printed page: not a heading
        if len(nonempty) == 1 and _CONTINUED_NOTE.match(nonempty[0]):
            return  # 'Continued on next page': the page's furniture, neither a heading nor an action
        if len(nonempty) == 1 and _COUNT_LINE.match(nonempty[0]):
            return  # an export's count of its rows ('Rows returned: 24'): neither an action nor a heading
        if (
            len(nonempty) == 2
            and nonempty[1].isdigit()
            and len(nonempty[0].split()) <= 5
            and parse_rag(nonempty[0])[1]
        ):
            return  # 'Red | 3', 'No update yet | 5': a count of actions by status, not an action
        key_title = len(nonempty) == 1 and bool(
            _KEY_TITLE.match(nonempty[0])
            # under a key's title, a line of what marks mean ('grey bar = complete; ◆ = milestone')
            or (self.in_key and _MEANS.search(nonempty[0]))
        )
        column = next(
            k for k, c in enumerate(cells) if c
        )  # a key may stand to the right, under other columns
        if self.header is not None and (key_title or self._key_row(cells[column:], column)):
            # the plan's RAG key under or beside its table ('Red | Off track, needs the board's help'):
            # it defines the statuses (read as the plan's scheme), it is not an action nor the end of one
            self.last_action = None
            self.in_key = True
            return
        self.in_key = False
        pending, self.pending = self.pending, None
        if opens_table and self.header is not None and _figures_header(nonempty):
            # another table's header ('Measure | Q1 2024/25 | Q2 2024/25 | Target'): figures, not more rows
            # of the plan above
            self.header = None
            self.last_action = None
            return
        if item.table is not None and item.table not in self.headed_tables:
            title = title_row(cells)
            if title:
                self.title_rows[item.table] = title  # the last before the header: the table's own
        if self.header is not None and len(nonempty) == 1 and _NOTE_ROW.match(nonempty[0]):
            # 'Note: action A6 was merged into A5 ...', 'Agreed by: QA Subgroup Chair' across the table:
            # about the plan, neither a heading nor an action
            self.draft.warn(
                f"The note {quote(nonempty[0], 60)} was not read as an action or a section.", item.location
            )
            self.last_action = None
            return
        if len(nonempty) == 1 and _EMPTY_LISTING.search(nonempty[0]):
            # a report's listing that lists nothing ('Evidence (0)', then 'None.'): it heads no
            # rows, and the rows above are over
            self.heading_section = None
            self.group = {}
            self.last_action = None
            return
        banner = banner_title(cells)
        if banner is not None:
            # a heading across the whole table (a partner's part of the plan): it groups the sections below
            self._heading_row(banner, banner, item.location, ends_action=False)
            return
        if (
            item.banner
            and len(nonempty) == 1
            and self.heading_section
            and self.last_action is None
            and len(nonempty[0].split()) > _HEADING_WORDS
            and not coded_heading(nonempty[0])
            and not SECTION_HEADING.match(nonempty[0])
            and not any(a.section == self.heading_section for a in self.draft.actions[-1:])
        ):
            # a second row across the table under a heading row, a sentence ('Ofsted recommendation:
            # the consistency of threshold decisions ...'): what the section is about, not an action
            self._section_text("what_needs_to_improve", nonempty[0])
            return
        label = section_text_label(nonempty[0])
        if label and len(set(nonempty)) == 2 and self.heading_section:
            self._section_text(label, nonempty[1])
            return
        labelled = _LABEL_SAYS.match(nonempty[0]) if len(nonempty) == 1 else None
        if (
            labelled
            and self.last_action is not None
            and header_field(_UPDATE_DATED.sub("", labelled[1])) == "progress"
            and not (self.header and self.header.has("progress"))
        ):
            # 'Update (June 2025): ...' in a row across the table under an action, in a table without
            # a progress column: that action's progress
            self._continue(self.last_action, {"progress": clean_text(" ".join(nonempty[0].split()))})
            found = latest_update_date(self.last_action.progress or "")
            self.last_action.progress_date = found or self.last_action.progress_date
            return
        said = section_text_label(labelled[1]) if labelled else None
        if (
            said
            and (self.heading_section or self.last_action is not None)
            and (
                self.last_action is None
                or _bare(self.last_action, self.draft.actions[-2] if len(self.draft.actions) > 1 else None)
            )
        ):
            # 'What needs to improve: ...' across the table under its area's heading: what the area
            # is about, not a section of its own; under a row of a reference and words alone, which
            # may yet prove to head the actions below ('2' over '2.1'), it waits to see which
            text = nonempty[0].partition(":")[2].strip()
            if self.last_action is None:
                self._section_text(said, text)
            else:
                self.headed_texts.append((self.last_action, said, text))
            return
        # ('Outcome 1: Children ... are identified early' heads its actions: a section, below)
        if labelled and header_field(labelled[1]) == "outcome" and not _LABELLED_GROUP.match(nonempty[0]):
            # 'What success will look like: ...' across the table: what the section is for, not an action
            return
        if len(nonempty) == 1 and (item.banner or item.bold) and _OPEN_OR_DONE.match(nonempty[0]):
            # 'OPEN ACTIONS' / 'CLOSED ACTIONS' over a table on one sheet: which the rows are, not a section
            self.done_heading = bool(_DONE_HEADING.match(nonempty[0]))
            self.last_action = None
            return
        if len(nonempty) == 1 and cells[0] and (line := _heading_line_of_two(raw_cells[0], cells[0])):
            cells[0] = nonempty[0] = line  # a heading in Welsh over the same in English
        if len(nonempty) == 1 and cells[0] and not looks_like_ref(cells[0]):
            # (the area's label after its code says so without bold: 'PA1 – Area for priority action 1: ...')
            coded = (
                coded_heading(cells[0])
                if (item.banner or item.bold or _CODED_LABELLED.match(cells[0]))
                else None
            )
            if coded and len(cells[0]) < 400:
                # 'PA1 – Priority action 1: Strengthen ...' across the table, over actions PA1.1, PA1.2
                self._heading_row(*coded, item.location)
                return
            m = SECTION_HEADING.match(cells[0])
            # a finding named by its label may be a long sentence ('Area for improvement 1: The
            # response to children ... is not consistently timely, and ...')
            longest = 400 if _LABELLED_GROUP.match(cells[0]) else 200
            if m and len(cells[0]) < longest and not QUESTION_REF.match(cells[0]):
                self.text_line(Item(text=cells[0], bold=True, location=item.location))
                return
            if (
                self.header is not None
                and (
                    item.bold
                    or item.banner
                    or _WHOLLY_BOLD.match(raw_cells[0])
                    # a name alone under the reference (or grouping) column of a table's grid: no
                    # action's reference, so the heading of the rows below (a CSV shows no bold); or
                    # a short title without a reference in a grid whose actions have references
                    or (
                        item.grid
                        and (
                            self.header.fields[:1] in (["ref"], ["section"])
                            or (
                                self.header.has("ref")
                                and bool(_TITLE_LIKE.match(cells[0]))
                                and len(cells[0].split()) <= 8
                            )
                        )
                    )
                )
                and len(cells[0].split()) <= _HEADING_WORDS
                and not is_pointer(cells[0])
            ):
                # a heading row across the table without a number ('Early identification')
                self._heading_row(cells[0], cells[0], item.location)
                return
            if (
                self.header is not None
                and self.header.fields[:1] == ["ref"]
                and len(cells) >= min(len(self.header.fields), 2)
                and _UNNUMBERED_TITLE.match(cells[0])
                and not is_pointer(cells[0])
                and header_field(cells[0]) is None
            ):
                # a title alone in the Ref column of a whole row (a row merged across the table, its
                # bold lost by the converter: '| Early identification | | | |'): a heading, as a ref
                # column holds nothing else but references
                self._heading_row(cells[0], cells[0], item.location)
                return
        if (
            self.header is not None
            and len(nonempty) == 2
            and cells[0] == nonempty[0]
            and looks_like_ref(cells[0])
        ):
            labelled = _LABELLED_GROUP.match(nonempty[1])
            number = re.search(r"(\d+)$", cells[0])
            if labelled and number and labelled[1] == number[1]:
                # 'PA1 | Area for priority action 1: The partnership's understanding ...': the area
                # itself in the reference and action columns, not an action
                self._heading_row(cells[0], labelled[2], item.location)
                return
            label_colon = _LABEL_COLON.match(nonempty[1])
            if label_colon:
                # 'R1 | Recommendation: Improve management oversight ...' and nothing else: the
                # recommendation its actions R1.1, R1.2 answer, not an action
                self._heading_row(cells[0], label_colon[1], item.location)
                return
        if (
            self.header is not None
            and len(nonempty) == 2
            and (BARE_NUMBER.match(cells[0]) or (item.grid and _WHOLE_NUMBER_SHOWN.match(cells[0])))
            and (item.bold or any(_WHOLLY_BOLD.match(c) for c in raw_cells[1:]))
            and len(nonempty[1].split()) <= 12
        ):
            # '1 | <b>Neglect</b>' and nothing else: a numbered heading over the rows below
            self._heading_row(cells[0], nonempty[1], item.location)
            return
        if self.header is None:
            alone = label_alone().match(cells[0]) if len(nonempty) == 2 and cells[0] else None
            if alone and len(nonempty[1].split()) >= _PARAGRAPH_WORDS:
                # the review's recommendations listed above the plan ('Rec 1 | Partners should ...'):
                # the sections its rows name by number
                self.add_section(alone[1], nonempty[1], item.location)
            return
        header = self.header
        self.rows_since_header += 1
        if len(nonempty) > len(header.fields) + 1:
            self.header = None
            return
        if item.grid and len(cells) <= len(header.fields):
            # a cell of a Word, Excel or CSV table is under the column it sits in ('Immediate' in the
            # due column, 'Not yet due' in the status column stay there)
            slots = [[k] if k < len(cells) else [] for k in range(len(header.fields))]
        else:
            slots = place(cells, header.fields)
        aligned = [" ".join(cells[i] for i in slot if cells[i]) for slot in slots]
        raw_aligned = [" ".join(raw_cells[i] for i in slot if cells[i]) for slot in slots]
        values: dict[str, str] = {}
        raw_values: dict[str, str] = {}
        # a column per update round ('Update Jan 2024' | 'Update Mar 2024', 'Q1 RAG' | 'Q2 RAG'): the
        # latest round with something in it gives the progress (and its date) and the status
        latest: dict[str, tuple[tuple[dt.date, int], str]] = {}
        rounds = (header.rounds + [None] * len(aligned))[: len(aligned)]
        # a column per quarter holding only a rating ('Q1' | 'Q2' | 'Q3' over 'B' | 'G' | 'A', the
        # update in a Progress column of its own): that quarter's status
        fields = [
            "rag" if fld == "progress" and when is not None and _RATING_ONLY.fullmatch(value) else fld
            for fld, value, when in zip(header.fields, aligned, rounds, strict=True)
        ]
        for fld, value, when in zip(fields, aligned, rounds, strict=True):
            if fld and value and when is not None and (fld not in latest or when > latest[fld][0]):
                latest[fld] = (when, value)
        day = latest["progress"][0][0] if "progress" in latest else None
        self.progress_date = day if day != dt.date.min else None
        self.earlier_rounds = _earlier_rounds(fields, aligned, rounds, latest)
        # two grouping columns, an outer ('Theme', 'Priority') and an inner ('Objective') one: each
        # is a section of its own, the inner inside the outer
        grouping = [
            (value, raw)
            for fld, value, raw in zip(header.fields, aligned, raw_aligned, strict=True)
            if fld == "section"
        ]
        self.row_outer = None
        # a grouping column of codes beside one of their names ('DA01' | 'Information sharing: ...',
        # a system's THEME_CD and THEME_DESC): one section, the code its reference
        code_and_name = (
            len(grouping) == 2 and bool(_SECTION_CODE.fullmatch(grouping[0][0])) and " " in grouping[1][0]
        )
        evidence = (header.evidence + [False] * len(aligned))[: len(aligned)]
        cited: list[str] = []
        for fld, value, raw, when, cites in zip(fields, aligned, raw_aligned, rounds, evidence, strict=True):
            if fld == "section" and len(grouping) > 1:
                continue
            if fld in latest and when is not None:
                if when == latest[fld][0]:
                    values[fld] = f"{value} {values[fld]}" if fld in values else value
                continue
            if (
                fld == "rag"
                and value
                and fld in values
                and (either := self._either_status(values[fld], value))
            ):
                # a status column per update round ('RAG Q1' | 'RAG Q2'): the latest; a Status column in
                # words beside a RAG column: the one that rates the action
                values[fld] = either
            elif fld and value:
                if cites:
                    cited.append(value)
                    continue
                if fld == "due" and fld in values and _same_day(values[fld], value):
                    continue  # the date the words beside it mean ('Due (as written)' | 'Due date')
                values[fld] = f"{values[fld]} {value}" if fld in values else value
                raw_values.setdefault(fld, raw)
        if cited:
            # an Evidence column beside the progress column: after the update's words, labelled
            progress = values.get("progress", "")
            ended = progress if not progress or progress[-1:] in ".;:!?" else f"{progress}."
            values["progress"] = f"{ended} Evidence: {' '.join(cited)}".strip()
        if _DAY_OF_MONTH.fullmatch(values.get("owner", "")) and _OPENS_WITH_MONTH.match(
            values.get("due", "")
        ):
            # a due date's day printed in the lead's place ('28' | 'May 2026'): no lead is a day
            values["due"] = f"{values.pop('owner')} {values['due']}"
        if code_and_name:
            values["section"] = raw_values["section"] = f"{grouping[0][0]}: {grouping[1][0]}"
        elif len(grouping) > 1:
            self._nested_groups(grouping, values, raw_values)
        if self.progress_date is None and values.get("progress") and values.get("updated"):
            # a column saying when the update was written ('Date of update')
            self.progress_date = max(find_dates(values["updated"]), default=None)
        if self.progress_date is None and values.get("progress"):
            # one progress cell written as dated updates ('Dec 2022: ... Mar 2023: ...'): the latest's date
            self.progress_date = latest_update_date(values["progress"])
        if item.fills and header.has("rag") and not values.get("rag"):
            # a status shown only by the colour of its cell; with a RAG column per quarter, the
            # latest quarter coloured (the rightmost), as with ratings written in words
            rag_slots = [i for k, fld in enumerate(header.fields) if fld == "rag" for i in slots[k]]
            shown = [item.fills[i] for i in rag_slots if i < len(item.fills)]
            colour = next((c for c in reversed(shown) if c), None)
            # a heading row shaded across the table ('M1  Understand the pattern ...' on green,
            # its other cells empty) is coloured as a heading, not rated
            shaded_across = len(item.fills) >= 3 and len(set(item.fills)) == 1
            heading = not any(values.get(f) for f in ("owner", "due", "progress"))
            if colour and not (shaded_across and heading):
                values["rag"] = colour
        # a merged cell repeated across a row: keep it once
        text = values.get("text", "")
        if text and len(nonempty) > 2 and len(set(nonempty)) <= 2 and sum(c == text for c in cells) >= 3:
            values = {k: v for k, v in values.items() if k in ("text", "agency", *GROUP_FIELDS) or v != text}
        if (
            header.exported
            and (
                _TICKED.fullmatch(values.get("archived", "").strip())
                or _REMOVED_STATE.fullmatch(values.get("completed", "").strip())
                or _UNDONE_RESOLUTION.fullmatch(values.get("resolution", "").strip())
            )
        ) or _CANCELLED.fullmatch(values.get("rag", "").strip()):
            # a tool's archived card or removed item, an action the plan marks cancelled: taken off
            # the plan, not one of its actions (said, so one who wants it can add it by hand)
            self.draft.warn(
                f"{quote(text, 60)} is marked cancelled, archived or removed: not read as an action.",
                item.location,
            )
            return
        if _NOT_AN_ACTION_KIND.fullmatch(values.get("kind", "").strip()):
            return  # a RAID log's risk, issue, decision ...: the log's actions alone are the plan's
        if values.get("owner") and "@" in values["owner"]:
            values["owner"] = ADDRESS_AFTER_NAME.sub("", values["owner"]).strip()
        for name in ("section", "owner"):
            if values.get(name) and "://" in values[name]:
                # a linked record as Notion exports it: 'Pursue - disrupting ... (https://www.notion.so/...)'
                values[name] = _LINK_AFTER.sub("", values[name]).strip()
        ref, pieces, numbered_sections = self._refs(values, text)
        # a list of actions in one cell, each opening with its own reference ('• 4.1a Develop ...
        # • 4.1b Publish ...'): an action per item, each with the row's lead, date and status
        bulleted = _bulleted_refs(raw_values.get("text"))
        if bulleted and not numbered_sections and (not ref or ref == bulleted[0][0]):
            ref, pieces = bulleted[0][0], bulleted
        if numbered_sections:
            # the Ref column holds the section's number and the actions are numbered in their text
            section_cell = values.get("section", "")
            if not LEADING_REF.match(section_cell):
                values["section"] = f"{values['ref']} {section_cell}".strip()
        if ref:
            values["ref"] = ref
        else:
            values.pop("ref", None)
        if (
            item.grid
            and header.has("ref")
            and not ref
            and not numbered_sections
            and _lone_title(values, nonempty)
        ):
            # a Word, Excel or CSV row holding only a short title in the action column, unnumbered among
            # numbered rows: a heading over the rows below (a grid's rows are never cut by a page)
            section_ref, title = section_ref_from_cell(raw_values.get("text", text), text)
            self._heading_row(section_ref, title, item.location)
            return
        if (
            header.has("ref")
            and not values.get("ref")
            and not numbered_sections
            and self.group.get("section")
            and values.get("section")
        ):
            for section in self.draft.sections:  # the grouping cell continues on the next line
                if section.ref == self.group["section"]:
                    section.title = f"{section.title} {values.pop('section')}"
        if (
            not header.has("ref")
            and self.last_action is not None
            and self._continues(values, self.last_action)
        ):
            # no reference column: a row that only goes on in lower case is the row above cut by a page break
            if _cut_mid_sentence(values, self.last_action):
                # its grouping cell goes on too: in lower case the section's title goes on (below);
                # a new sentence is more of what the section says, not a section
                more = [
                    values.pop(f)
                    for f in GROUP_FIELDS
                    if values.get(f) and not values[f][0].islower() and not _group_ref(values[f])
                ]
                if more:
                    self._section_text("what_needs_to_improve", " ".join(more))
            self._groups(values, raw_values, item.location)
            self._continue(self.last_action, {k: v for k, v in values.items() if k not in GROUP_FIELDS})
            return
        if (
            self.last_action is not None
            and not ref
            and len(pieces) == 1
            and self._wrapped_fragment(values, self.last_action)
        ):
            # the last words of the action above wrapped onto a line of their own, with the cells
            # beside them ('Board' | 'Principal Social Worker' | 'Red'): they go on with that action
            self._continue(self.last_action, values)
            return
        if header.exported and _TOOL_PLACEHOLDER.match(values.get("section", "")):
            values.pop("section")  # a tool's name for no section ('Untitled section'): none
        if header.exported and (_READ_ME.match(text) or _READ_ME.match(values.get("section", ""))):
            return  # a tool's task telling its users how to keep the plan ('Read me – ...'): no action
        if header.exported and values.get("progress"):
            values["progress"] = latest_tool_comment(values["progress"])
        done_list = header.exported and bool(_DONE_LIST.match(values.get("section", "")))
        if done_list:
            # a tool's list of finished items ('✔ Signed off by the LRG', 'Done'): done, and in the
            # section its reference is numbered under (_sections_by_reference), not one of its own
            values.pop("section")
            values["completed"] = "true"
        self._groups(values, raw_values, item.location)
        if "agency" in values:
            self.agency = values["agency"]
        if self.rows_since_header == 1 and header.has("ref") and not ref and not numbered_sections:
            return  # the second line of a two-line header row
        if pieces[0][0] is None and len(pieces) > 1 and self.last_action is not None:
            # text before the first numbered action ends the action above (a row cut by a page break)
            head = pieces.pop(0)[1]
            self.last_action.text = f"{self.last_action.text} {head}"
            self.draft.warn(
                f"{quote(head, 40)} was read as the end of action {self.last_action.ref or quote(self.last_action.text, 30)}.",
                item.location,
            )
        first_ref, first_text = pieces[0]
        text = first_text if len(pieces) > 1 or first_ref else text
        ref = first_ref or ref
        # an Actions cell made only of a list, in a row without a reference of its own: an action
        # per item ('1)' opening the first item is not the row's reference)
        listed = list_items(raw_values.get("text")) if not ref and len(pieces) == 1 else None
        own = (
            OWN_REF_IN_TEXT.match(text)
            if not ref and not listed and not header.has("ref") and len(pieces) == 1
            else None
        )
        if own:
            ref, text = own[1], own[2]
        elif not ref and not listed and not header.has("ref") and (alone := _ONLY_A_REF.match(text)):
            ref, text = alone[1], ""  # a numbered row left empty ('3.3', Word's number alone)
        if (
            pending is not None
            and not ref
            and text
            # its grouping cell, if any, goes on in lower case (cut by the same page break)
            and not any(values.get(g) and not values[g][:1].islower() for g in GROUP_FIELDS)
        ):
            # the row above gave a reference (and date, status) but its action text is on the next page
            ref, above, warning = pending
            values = above | {k: f"{above[k]} {v}" if above.get(k) else v for k, v in values.items()}
            self.draft.warnings.remove(warning)
        elif (
            header.has("ref")
            and not ref
            and self.last_action is not None
            and not numbered_sections
            # a grouping cell going on in lower case beside it (a finding's text flowing down its
            # column) does not make the row a new one
            and not any(values.get(g) and not values[g][:1].islower() for g in GROUP_FIELDS)
        ):
            if text and is_pointer(text):
                return  # 'N/A – no police action' in the row below an action: a note, not more of it
            numbered = len(self.draft.actions) >= 3 and all(a.ref for a in self.draft.actions)
            # a spreadsheet's row with its own action and lead, date, status or progress is an action
            record = (
                self.rows_are_records
                and text
                and any(values.get(f) for f in ("owner", "due", "rag", "progress", "agency"))
            )
            if not record and not self._starts_unnumbered_action(values, self.last_action, numbered):
                for g in GROUP_FIELDS:
                    if values.get(g):
                        self._groups({g: values.pop(g)}, {g: raw_values.get(g, "")}, item.location)
                self._continue(self.last_action, values)
                return
            self.draft.warn(
                f"A row without a reference ({quote(text, 40)}) was read as a new action, not as the "
                "continuation of the one above.",
                item.location,
            )
        if not text or is_pointer(text):
            if ref and not text and len(values) > 1:
                self.draft.warn(f"Row {ref} has no action text and was skipped.", item.location)
                if any(values.get(f) for f in ("due", "rag", "owner")):
                    self.pending = (ref, values, self.draft.warnings[-1])
            if ref:
                self.last_action = None
            return
        if ref and not looks_like_ref(ref) and len(ref.split()) > 3:
            self.draft.warn(f"Unexpected reference {quote(ref, 40)}.", item.location)
        if ref:
            values["ref"] = ref
        elif listed:
            self._list_actions(values, raw_values, listed, item.location)
            return
        kind = normalise_header(values.get("kind", ""))
        if kind in _SECTION_KINDS:
            # a row of a tree export that is a priority or objective, not an action: a section,
            # under the item its parent ID names
            section = self.add_section(ref or text, text, item.location, parent=values.get("parent") or None)
            section.parent = values.get("parent") or None
            if values.get("id"):
                self.section_ids[values["id"]] = section.ref  # Jira's epic: its tasks' Parent names its id
            self.last_action = None
            return
        _lines_of_combined_cells(values, raw_values, header)
        dues = self._share_due(values.get("due"), len(pieces))
        first = values | {"text": text}
        if dues:
            first["due"] = dues[0]
        self.last_action = self._action(first, item.location)
        if done_list:
            self.last_action.section = None  # not the section of the row above
        if values.get("parent"):
            self.parents.append((self.last_action, values["parent"]))
        for k, (sub_ref, sub_text) in enumerate(pieces[1:], start=1):
            if bulleted:
                extra = values | {"ref": sub_ref or "", "text": sub_text}
                self.last_action = self._action(extra, item.location)
                continue
            # several numbered actions printed in one cell (rows merged by the extraction)
            extra = {"ref": sub_ref or "", "text": sub_text}
            if values.get("owner"):
                extra["owner"] = values["owner"]
            if dues:
                extra["due"] = dues[k]
            self.last_action = self._action(extra, item.location)
            self.draft.warn(
                f"Action {sub_ref} shared a cell with action {pieces[k - 1][0] or 'above'} and was split from it; "
                + ("its due date was read from the same cell." if dues else "check its due date and lead."),
                item.location,
            )
        if bulleted and len(pieces) > 1:
            self.draft.warn(
                f"Actions {pieces[0][0]} to {pieces[-1][0]} are listed in one cell and share its lead, due date "
                "and status: check them.",
                item.location,
            )

    def _reference_under_header(self, cells: list[str], item: Item) -> bool:
        """A row holding a reference ('2.2') under its sheet's header's reference column is an action,
        even when its cells open with column names ('Update the early help assessment', 'Action
        completed'): a header typed again down the table holds the column's name there."""
        header = self.header
        if header is None or not header.has("ref") or item.location.sheet != header.sheet:
            return False
        at = header.fields.index("ref")
        return at < len(cells) and looks_like_ref(cells[at])

    def _key_row(self, cells: list[str], column: int = 0) -> bool:
        """A row of a RAG key: a colour or status named in the first column (``cells`` from the
        row's ``column``), its meaning in words in the second and nothing else, where that column
        is not the plan's status column."""
        return (
            len(cells) >= 2
            and (
                bool(_STATUS_NAME.match(cells[0]))
                # a colour's letter, after the key's title or with the colour named ('B | Blue: done')
                or (
                    bool(_STATUS_LETTER.match(cells[0]))
                    and (self.in_key or bool(_OPENS_WITH_COLOUR.match(cells[1])))
                )
            )
            and bool(re.search(r"[a-z]{2}", cells[1], re.I))
            and not any(cells[2:])
            and self.header is not None
            # under a status column, a key's row only after the key's title or another of its rows
            and (self.in_key or self.header.fields[column : column + 1] != ["rag"])
        )

    def _list_actions(
        self, values: dict[str, str], raw_values: dict[str, str], listed: list[str], location: Location
    ) -> None:
        """An action per item of a row's Actions cell, each with the row's section, lead, due date,
        status and agency. A lead, due, status, progress or outcome cell holding a list of as many
        items gives each action its own, in order; otherwise each action gets the whole cell (the
        row's update is kept on every action rather than lost, with a warning to check it)."""
        paired: dict[str, list[str]] = {}
        for fld in ("owner", "due", "rag", "progress", "outcome"):
            raw = raw_values.get(fld)
            if values.get(fld) and raw and clean_text(raw) == values[fld]:
                parts = list_items(raw)
                if parts and len(parts) == len(listed):
                    paired[fld] = parts
        texts = [t for t in listed if not is_pointer(t)]
        for k, text in enumerate(listed):
            if text in texts:
                one = values | {"text": text} | {fld: parts[k] for fld, parts in paired.items()}
                self.last_action = self._action(one, location)
        if values.get("progress") and "progress" not in paired and len(texts) > 1:
            self.draft.warn(
                f"The progress of the row holding {len(texts)} bulleted actions ({quote(texts[0], 40)}, ...) "
                "is not one bullet per action, so each of them was given all of it: check it.",
                location,
            )

    def _refs(
        self, values: dict[str, str], text: str
    ) -> tuple[str | None, list[tuple[str | None, str]], bool]:
        """(the row's own ref, the numbered pieces of its text cell, whether the Ref column holds
        the section's number rather than the action's)."""
        column = values.get("ref") or None
        last = self.last_number
        major: int | None
        if column and BARE_NUMBER.match(column) and text:
            major = int(column)
            pieces = split_numbered(text, major, last)
            if self.numbered_in_text or any(r and r.split(".")[0] == column for r, _ in pieces):
                self.numbered_in_text = True
                return None, pieces, True
            return column, [(None, text)], False
        numbered = NUMBERED.match(column) if column else None
        if numbered:
            major, last = int(numbered[1]), (int(numbered[1]), int(numbered[2]))
        else:
            # the row's own grouping cell ('2. Children in care ...') names its section before the one above
            opening = LEADING_REF.match(values.get("section", ""))
            section = opening[1] if opening else self.current_section() or ""
            major = int(section) if BARE_NUMBER.match(section) else (last[0] if last else None)
        exported = self.header is not None and self.header.exported
        pieces = split_numbered(text, major, last, any_order=exported) if text else [(None, text)]
        if column and pieces[0][0] is None:
            pieces[0] = (column, pieces[0][1])
        return pieces[0][0], pieces, False

    @staticmethod
    def _continues(values: dict[str, str], above: Action | None = None) -> bool:
        """The row goes on from the row above: its action (and grouping) cell opens in lower case, or
        the action above stops on a word no sentence ends with ('... report the findings to the' |
        'Trust Safeguarding Committee'), and it has no status, due date or lead of its own."""
        if any(values.get(f) for f in ("rag", "due", "agency", "ref")):
            return False
        opening = [values[f] for f in ("text", *GROUP_FIELDS) if values.get(f)]
        if not values.get("text"):
            return False
        if above is not None and _cut_mid_sentence(values, above):
            # the row's other cells cut by the same page break go on too ('... and to report' |
            # 'attendance through ...' beside '(schools) Named Nurse ...')
            return True
        if values.get("owner"):
            return False
        if all(v[0].islower() for v in opening):
            return True
        return (
            above is not None
            and not any(values.get(f) for f in GROUP_FIELDS)
            and bool(_ENDS_MID_PHRASE.search(above.text))
        )

    @staticmethod
    def _wrapped_fragment(values: dict[str, str], above: Action) -> bool:
        """The row holds only the end of the action above, wrapped onto its own line: a few words
        without a reference or grouping cell, after a text that does not end a sentence, either in
        lower case ('children') or, under a numbered action, without a due date of its own ('Board')."""
        text = values.get("text", "")
        if not text or any(values.get(f) for f in (*GROUP_FIELDS, "ref", "agency")):
            return False
        if is_pointer(text) or above.text.rstrip().endswith((".", "!", "?")) or not text[0].isalpha():
            return False
        if len(text.split()) > 3:
            # a longer end of the sentence above ('at every assessment and care plan review.', pasted
            # as a row of its own): in lower case, with no lead, date or status of its own
            return text[0].islower() and not any(values.get(f) for f in ("owner", "due", "rag"))
        return text[0].islower() or (bool(NUMBERED.match(above.ref or "")) and not values.get("due"))

    @staticmethod
    def _starts_unnumbered_action(
        values: dict[str, str], above: Action | None = None, numbered: bool = False
    ) -> bool:
        """A row without a reference is a new action, not cells continued across a page break, when
        its action text opens a sentence and it has its own due date or lead (also not continued),
        after an action that ended its sentence ('... Co-locate a clinician in the' | 'Integrated
        Front Door ...' goes on). In a plan whose every action so far has its reference
        (``numbered``), a lead alone is the lead's cell going on: a new action needs its own date
        or status."""
        text = values.get("text", "")
        if not text or not text[0].isupper():
            return False
        if numbered and not (values.get("due") or values.get("rag")):
            return False
        if above is not None and _ENDS_MID_PHRASE.search(above.text):
            return False
        if above is not None and values.get("owner") and above.owner and _DANGLING.search(above.owner):
            return False  # the lead above stops mid-phrase ('... / Head of'): its cell goes on here
        if values.get("progress", "")[:1].islower():
            return False  # the update goes on mid-sentence: the row above cut by a page break
        own = [values[f] for f in ("due", "owner") if values.get(f)]
        return bool(own) and all(not v[0].islower() for v in own)

    @staticmethod
    def _share_due(due: str | None, count: int) -> list[str]:
        """One due text per merged action when the cell holds exactly one dated part for each."""
        if not due or count < 2:
            return []
        parts = split_at_dates(due)
        return parts if len(parts) == count else []

    def _nested_groups(
        self, grouping: list[tuple[str, str]], values: dict[str, str], raw_values: dict[str, str]
    ) -> None:
        """A row's cells under two grouping columns: the inner (the last, or the others read together)
        is the row's section; the outer, kept aside, is the section that holds it. The same text in
        both (a cell merged across them) is one section; a row with only the outer opens that alone."""
        outer, raw_outer = grouping[0]
        inner = " ".join(value for value, _ in grouping[1:] if value)
        raw_inner = " ".join(raw for value, raw in grouping[1:] if value)
        if inner == outer:
            inner = raw_inner = ""
        if BARE_NUMBER.match(outer) and inner and not _group_ref(inner):
            # 'Rec no.' | 'Recommendation': one section's number and its words, not one inside another
            values["section"] = f"{outer} {inner}"
            raw_values["section"] = f"{raw_outer} {raw_inner}"
            return
        if outer:
            self.row_outer = (outer, raw_outer)
        value, raw = (inner, raw_inner) if inner else (outer, raw_outer)
        if value:
            values["section"] = value
            raw_values["section"] = raw

    def _groups(self, values: dict[str, str], raw_values: dict[str, str], location: Location) -> None:
        outer, self.row_outer = self.row_outer, None
        only_outer = False
        if outer is not None:
            ref, title = section_ref_from_cell(outer[1], outer[0])
            self.outer_section = self.add_section(ref, title, location).ref
            self.group_sections.add(self.outer_section)
            if values.get("section") == outer[0]:
                # the outer cell alone: its section holds the rows below until the inner column opens one
                only_outer = True
                self.group["section"] = self.outer_section
                self.group.pop("question", None)
                self.agency = None
        for fld in GROUP_FIELDS:
            value = values.get(fld)
            if not value or (fld == "section" and only_outer):
                continue
            if value.casefold() in _PRIORITY_LEVELS:
                continue  # a 'Priority' column rating each action (monday.com, Planner): not an area
            ref, title = section_ref_from_cell(raw_values.get(fld, value), value)
            known = self._known_by_number(value, ref)
            if known != ref:
                ref, title = known, next(s.title for s in self.draft.sections if s.ref == known)
            has_ref = bool(_group_ref(value))
            current = self.group.get(fld)
            above = next((s for s in self.draft.sections if s.ref == current), None) if current else None
            if (
                above is not None
                and not has_ref
                and (value[:1].islower() or (self.group_had_ref and _SENTENCE_GOES_ON.search(above.title)))
            ):
                # the grouping cell goes on beside the next row (a merged cell printed line by line),
                # or after a page break: no heading opens in lower case
                above.title = f"{above.title} {value}"
                continue
            inside = self.outer_section if fld == "section" and self._nested() else None
            section = self.add_section(ref, title, location, parent=inside)
            self.group_sections.add(section.ref)
            self.group[fld] = section.ref
            self.group_had_ref = has_ref
            if fld == "section":
                self.group.pop("question", None)
            self.agency = None

    def _known_by_number(self, value: str, ref: str) -> str:
        """A grouping cell naming a section by its label and number alone ('Theme 1', on a sheet of
        completed actions) where the plan has opened that section by its number ('Theme 1: Front
        door' read as section '1'): that section's reference."""
        alone = label_alone().match(value)
        known = {s.ref for s in self.draft.sections}
        return alone[1] if alone and ref not in known and alone[1] in known else ref

    def _nested(self) -> bool:
        """The header has two grouping columns or more (an outer and an inner section)."""
        return self.header is not None and self.header.fields.count("section") > 1

    def _progress_row(self, cells: list[str], location: Location) -> None:
        """A row of a progress table after the plan: the status and progress of the action its
        reference names (later than the plan's own, so they take the place of any given there)."""
        assert self.header is not None
        values = {f: c for f, c in zip(self.header.fields, cells, strict=False) if f and c}
        ref = values.get("ref", "")
        action = next((a for a in self.draft.actions if ref and a.ref == ref), None)
        if action is None:
            if ref or len(values) > 1:
                self.draft.warn(
                    f"A progress row for {quote(ref or 'no reference', 40)} names no action of the plan; "
                    "it was left out.",
                    location,
                )
            return
        # a log of updates (a row per update, 'Date of update' beside each): the latest by its date
        # stands, whatever order the rows were typed in
        day = parse_due(values["updated"]) if values.get("updated") else None
        if day is not None:
            if day < self.logged_on.get(id(action), day):
                return
            self.logged_on[id(action)] = day
        if values.get("rag"):
            status, known = self._scheme_status(values["rag"]) or parse_rag(values["rag"])
            if known:
                action.rag = status
            else:
                self.draft.warn(f"Unknown status {quote(values['rag'], 40)}; left as it was.", location)
        if values.get("progress"):
            # as at the date its column names ('Progress update (May 2025)'), else the update's own
            named = [
                r[0]
                for f, r in zip(self.header.fields, self.header.rounds, strict=False)
                if f == "progress" and r
            ]
            action.progress = values["progress"]
            action.progress_date = max(named, default=None) or day or latest_update_date(values["progress"])

    def _continue(self, action: Action, values: dict[str, str]) -> None:
        """A row without a reference under an action: cells continued across a page break."""
        for fld, value in values.items():
            if fld == "text":
                action.text = f"{action.text} {value}"
            elif fld == "progress" or fld == "response":
                action.progress = f"{action.progress} {value}" if action.progress else value
            elif fld == "owner":
                if id(action) in self.inherited_owner:
                    # the action had the lead of the row above only for want of its own
                    self.inherited_owner.discard(id(action))
                    action.owner = value
                else:
                    action.owner = f"{action.owner} {value}" if action.owner else value
                action.owner_parts = split_owner(action.owner)
            elif fld == "rag" and action.rag is None:
                status, known = self._scheme_status(value) or parse_rag(value)
                opening = None if known else _STATUS_OPENS_UPDATE.match(value)
                action.rag = parse_rag(opening[1])[0] if opening else status
            elif fld == "due":
                action.due_text = f"{action.due_text} {value}" if action.due_text else value
                action.due = parse_due(action.due_text)
                stale = [
                    w
                    for w in self.draft.warnings
                    if w.location == action.location and w.message.startswith(_NO_DATE)
                ]
                if action.due is not None and stale:
                    # 'End of' | 'September 2023': the warning about the first part gives way to what was read
                    self.draft.warnings = [w for w in self.draft.warnings if w not in stale]
                    self.draft.warn(
                        f"The due date of action {action.ref or quote(action.text, 30)} goes on after a page break; "
                        f"read together as {quote(action.due_text, 60)}.",
                        action.location,
                    )
            elif fld == "outcome":
                action.outcome = f"{action.outcome} {value}" if action.outcome else value

    def _either_status(self, first: str, second: str) -> str | None:
        """Of a Status column in words and a RAG column beside it ('In progress' | 'A', 'Complete' |
        'G'), the cell that rates the action: one saying it is complete, else the one whose rating is
        known. None where neither is known (read together, as before)."""
        read = [(cell, *(self._scheme_status(cell) or parse_rag(cell))) for cell in (first, second)]
        known = [(cell, status) for cell, status, ok in read if ok and status]
        done = [cell for cell, status in known if status == "complete"]
        return done[0] if done else known[-1][0] if known else None

    def _scheme_status(self, text: str) -> tuple[str, bool] | None:
        """The status the plan's own key gives a status cell ('On track' where the key reads 'Green:
        On track'), before the usual meanings of the words."""
        wanted = _WAS_BEFORE.sub("", clean_text(text)).strip(" .").lower()  # '4 (was 3)': 4
        for status in self.draft.rag_scheme:
            if wanted in (status.definition.strip(" .").lower(), status.label.lower()):
                return status.key, True
        return None

    def _action(self, values: dict[str, str], location: Location) -> Action:
        action = Action(text=values["text"], ref=values.get("ref"), location=location)
        action.section = self.current_section()
        number = NUMBERED.match(action.ref or "")
        if (
            number
            and self.heading_label is not None
            and not any(self.group.get(fld) for fld in GROUP_FIELDS)
            and number[1] != action.section
            and any(s.ref == number[1] for s in self.draft.sections)
        ):
            # under a heading without a number after a numbered section ('Completed actions' at the end):
            # action '1.3' is of section 1, not of the section last opened
            action.section = number[1]
        elif (
            number
            and self.heading_label is not None
            and not any(self.group.get(fld) for fld in GROUP_FIELDS)
            and action.section is not None
            and action.section.isdigit()
            and number[1] != action.section
            and not any(s.ref == number[1] for s in self.draft.sections)
        ):
            # a new sheet or heading ('P4 Voice & QA') after section 3: action '4.1' opens section 4,
            # named by that heading; a heading read before the section the action sits in (the plan's
            # title above its table) names nothing: the area's own row titles it when it comes (QA
            # round 7: an action moved under area 1 renamed area 2 after the plan)
            stale = self.heading_label_after < len(self.draft.sections)
            title = (
                _CODE_OPENING.sub("", self.heading_label)
                if not stale and _code_of(self.heading_label) == number[1]
                else ""
            )
            # a listing's heading ('Overdue (3)', in a report) counts actions: it names no section
            named = "" if stale or _COUNTED_HEADING.search(self.heading_label) else self.heading_label
            if stale:
                self.draft.warn(
                    f"{action.ref} is listed under section {action.section} but numbered as section "
                    f"{number[1]}'s: it was read as section {number[1]}'s. Move it on the plan's page if the "
                    "document moved it on purpose.",
                    location,
                )
            action.section = self.add_section(number[1], title or named, location).ref
            self.heading_section = action.section
        if self.group.get("question"):
            action.question = self.group["question"]
            action.agency = values.get("agency") or self.agency
        elif "agency" in values or self.agency:
            action.agency = values.get("agency") or self.agency
        owner = values.get("owner")
        previous = self.last_action
        if (
            not owner
            and not self.merges_shown
            and self.header is not None
            and self.header.has("owner")
            # a tool's export (a tree of items, Asana's CSV) merges no cells: an empty lead is empty
            and not (self.header.exported or self.header.has("parent") or self.header.has("kind"))
            and previous is not None
            and previous.owner
            and previous.section == action.section
            and (
                (action.ref and self.header.has("ref"))
                # actions numbered in their text ('1.2Introduce ...', '<b>R4.2</b> Open ...'), the table
                # without a Ref column
                or (
                    not self.header.has("ref")
                    and (NUMBERED.match(previous.ref or "") or bool(action.ref and previous.ref))
                )
                # the lead column before the action column ('Agency and lead' | 'Action'): a grouping
                # column, merged down the rows it leads
                or (
                    self.header.has("text")
                    and self.header.fields.index("owner") < self.header.fields.index("text")
                )
            )
        ):
            owner = previous.owner  # a lead cell merged over the rows below it is printed once
            self.inherited_owner.add(id(action))
        if (
            owner
            and values.get("owner")
            and previous is not None
            and previous.owner
            and previous.section == action.section
            and (_DANGLING.search(previous.owner) or self._cut_goes_on(previous))
        ):
            # a merged lead cell shared out line by line over the rows beside it ('Matt Stone, CAMHS
            # Head of' | 'Service ESCC – ...'): the cell goes on in this row and leads the rows above too;
            # once cut so, its next lines in the rows right below are its own too ('Brenda Lynes, ...')
            joined = f"{previous.owner} {owner}"
            cell = self.cut_lead if self._cut_goes_on(previous) else None
            if cell is None:
                cell = _CutLead()
                self.cut_lead = cell
            cut_at = previous.owner
            for above in reversed(self.draft.actions):
                if above.owner != cut_at or above.section != action.section:
                    break
                above.owner = joined
                above.owner_parts = split_owner(joined)
                if not any(row is above for row in cell.rows):
                    cell.rows.insert(0, above)
            if not cell.above:
                # the rows above the cell's first line that only took the lead above them: the cell,
                # centred in its merged rows, may start there (see _centred_cut_leads)
                first = _position(self.draft.actions, cell.rows[0])
                for above in reversed(self.draft.actions[:first]):
                    if id(above) not in self.inherited_owner or above.section != action.section:
                        break
                    cell.above.append(above)
            cell.rows.append(action)
            if not any(known is cell for known in self.cut_leads):
                self.cut_leads.append(cell)
            owner = joined
        if not owner and self.header is not None and not self.header.has("owner") and not action.question:
            owner = values.get("agency")  # 'Responsible agency' is the only column saying who
        action.owner = owner or None
        action.owner_parts = split_owner(owner)
        due_text = values.get("due")
        progress_parts = [values[k] for k in ("progress",) if values.get(k)]
        if "due_or_evidence" in values:
            due_part, evidence = split_due_evidence(values["due_or_evidence"])
            due_text = due_text or due_part
            if evidence:
                progress_parts.append(evidence)
        if self.header is not None and self.header.has("progress") and self.header.has("due"):
            # the two cells side by side read as one ('June 2024 Guide published ...')
            parts = None
            if due_text and not progress_parts and (parts := due_then_update(due_text)):
                due_text, _between, update = parts
                progress_parts.append(update)
            elif not due_text and len(progress_parts) == 1 and (parts := due_then_update(progress_parts[0])):
                due_text, _between, progress_parts[0] = parts
            if parts and parts[1] and not values.get("rag"):
                values["rag"] = parts[1]
        due_text = _without_flags(due_text)
        action.due_text = due_text
        action.due = parse_due(due_text)
        if due_text and action.due is None and not is_undated_ok(due_text):
            self.draft.warn(f"{_NO_DATE} {quote(due_text, 60)}.", location)
        action.progress = " ".join(progress_parts) or None
        action.outcome = values.get("outcome")
        if (
            action.outcome is None
            and self.header is not None
            and self.header.groups_outcomes()
            and previous is not None
            and previous.section == action.section
        ):
            action.outcome = previous.outcome  # the outcome cell above, merged over this row
        action.constraints = values.get("constraints")
        rag_text = values.get("rag", "")
        labelled = _colour_among(values.get("labels", ""))
        if rag_text:
            status, known = self._scheme_status(rag_text) or parse_rag(rag_text)
            if status is None and labelled:
                status, known = labelled, True  # 'In progress', its colour given by a label
            opening = None if known else _STATUS_OPENS_UPDATE.match(rag_text)
            if opening:  # 'RAG and progress' in one column: 'Green – policy relaunched in January'
                status, known = parse_rag(opening[1])
            action.rag = status
            if not known:
                self.draft.warn(f"Unknown status {quote(rag_text, 40)}; left without a RAG rating.", location)
        elif labelled:
            action.rag = labelled  # a task's labels ('Amber;Police'): the colour among them
        elif (said := _RAG_LABEL_OPENS.match(action.progress or "")) and parse_rag(said[1])[1]:
            # 'RAG: Amber 12/09/2025: Draft protocol agreed ...' in the progress cell: the status,
            # then the update
            action.rag = parse_rag(said[1])[0]
            action.progress = (action.progress or "")[said.end() :].strip() or None
        elif (closing := _STATUS_CLOSES_UPDATE.search(action.progress or "")) and looks_like_rag(closing[1]):
            # '... the July sample is under way. (Amber)': the rating closes the update, in brackets
            action.rag = parse_rag(closing[1])[0]
            action.progress = (action.progress or "")[: closing.start()].strip() or None
        elif completion_in_text(due_text):
            action.rag = "complete"
        elif self.header is not None and action.progress:
            # one column for both ('RAG and progress'): the status opens the update ('Green – ...'),
            # or a column per quarter holds only statuses
            opening = _STATUS_OPENS_UPDATE.match(action.progress)
            if opening and self.header.has("rag"):
                action.rag = parse_rag(opening[1])[0]
            elif looks_like_rag(action.progress) and any(self.header.rounds):
                action.rag = parse_rag(action.progress)[0]
                # a status per quarter ('Q1 | Q2 | Q3' holding 'A', 'G'): a rating, not an update's text
                action.progress = None
        if values.get("completed") and (
            parse_due(values["completed"]) is not None
            or _TICKED.fullmatch(values["completed"].strip())
            or _DONE_STATE.fullmatch(values["completed"].strip())
        ):
            # a date in 'Date completed' (an audit plan without a RAG column, a tool's 'Completed At'):
            # the action is done, whatever status was left beside it
            action.rag = "complete"
        if action.rag is None and self.done_heading:
            action.rag = "complete"  # listed under 'Completed actions' with no status of its own
        if action.progress:
            action.progress_date = self.progress_date
        for day, round_values in self.earlier_rounds:
            rag = None
            if round_values.get("rag"):
                rag, _known = self._scheme_status(round_values["rag"]) or parse_rag(round_values["rag"])
            if rag or round_values.get("progress"):
                action.earlier_updates.append(EarlierUpdate(day, round_values.get("progress"), rag))

        self.draft.actions.append(action)
        if action.section is None and self.table_label:
            self.unsectioned.append((action, self.table_label))
        elif action.section is not None and self.heading_label and self.table_label == self.heading_label:
            self.headed_within.append((action, self.heading_label))
        number = NUMBERED.match(action.ref or "")
        if number:
            self.last_number = (int(number[1]), int(number[2]))
        return action


# one title, not a note of sentences ('READ ME - RAG key: Blue = complete ... Green = on track ...')
_ONE_TITLE = re.compile(r"^(?!.*[.;!?]\s+\S.*[.;!?]\s+\S).{2,250}$", re.S)


def _latest_dated_sheet(items: list[Item]) -> tuple[list[Item], str]:
    """A workbook holding the plan once per update round, a sheet each named by its month ('Apr 25',
    'May 25', 'Jun 25'): the latest sheet is the plan as it stands, the others its past. Its items
    and those of undated sheets (a key), and what was left out; else the items as they are."""
    named: dict[str, dt.date] = {}
    for item in items:
        sheet = item.location.sheet
        if sheet and sheet not in named and len(sheet) <= 20 and (days := find_dates(sheet)):
            named[sheet] = max(days)
    if len(named) < 2:
        return items, ""
    latest = max(named, key=lambda name: named[name])
    others = [name for name in named if name != latest]
    kept = [item for item in items if item.location.sheet not in others]
    return kept, (
        f"The workbook holds the plan once per month ({', '.join(sorted(named, key=named.__getitem__))}): "
        f"the latest sheet, {latest}, was read; the earlier ones are its past rounds."
    )


def _indented_trees(items: list[Item]) -> dict[int, int]:
    """The sheets' tables showing a tree by indenting their rows' names (a priority, then its
    objectives indented once, their actions twice), each with its actions' indentation."""
    levels: dict[int, list[int]] = {}
    for item in items:
        if item.is_row and item.grid and item.table is not None:
            levels.setdefault(item.table, []).append(item.indent)
    trees = {}
    for table, found in levels.items():
        deepest = max(found)
        deep = found.count(deepest)
        # most rows (the actions) at the deepest level, the sections above them fewer: not a plan
        # with a row or two indented by hand
        if deepest and 0 in found and deep >= 3 and 2 * deep >= len(found) - deep:
            trees[table] = deepest
    return trees


def build_from_items(
    draft: PlanDraft, items: list[Item], printed_as_text: bool = True, rows_are_records: bool = False
) -> None:
    """``printed_as_text``: the items come from a text a tool extracted (which can lose a reference),
    not from a document's own cells. ``rows_are_records``: a spreadsheet's or CSV's rows, each a
    record of its own (a cell's further lines are inside it), so a row without a reference that
    has its own action text is an action, never the row above going on."""
    if printed_as_text:
        items = _lines_over_headers_as_headings(items)
    items, dated_sheets = _latest_dated_sheet(items)
    builder = Builder(draft, rows_are_records=rows_are_records)
    if dated_sheets:
        draft.warn(dated_sheets)
    builder.tree_depth = _indented_trees(items)
    opening = items[:60]  # a report shows itself in its opening lines
    builder.in_report = is_committee_report(item_texts(opening), [item.cells for item in opening])
    row_colours: list[tuple[Action, str | None]] = []
    for item in items:
        if item.is_row:
            before = builder.last_action
            builder.row(item)
            made = builder.last_action
            if made is not None and made is not before and builder.header and not builder.header.has("rag"):
                row_colours.append((made, _row_colour(item)))
        else:
            builder.text_line(item)
    _rag_from_row_colours(builder, row_colours)
    _listed_again_dropped(builder)
    _rows_per_lead_joined(builder)
    _labelled_tails_split(builder)
    _lettered_actions_numbered(builder)
    _sections_from_table_names(builder)
    _strands_within_sections(builder)
    _sections_from_parent_ids(builder)
    _sections_by_reference(builder)
    _section_leads(builder)
    _statuses_from_grid(builder)
    _parent_rows_as_sections(builder)
    _headed_texts_kept(builder)
    _labelled_outcomes_as_sections(builder)
    _status_opening_progress(builder)
    _sections_from_refs(builder)
    _lone_group_sentences_folded(builder)
    _centred_cut_leads(builder)
    _numbers_lost_in_extraction(builder, after_the_last=printed_as_text)
    _warn_hidden_rows(builder)
    _plan_title_not_a_section(draft)
    held = {a.section for a in draft.actions} | {s.parent for s in draft.sections}
    draft.sections[:] = [
        s
        for s in draft.sections
        if s.ref in held
        # the listings' own headings ('Overdue (12)', 'Red (3)'), left holding nothing
        or not (builder.listings_dropped and _COUNTED_HEADING.search(s.title))
        # a sentence under the tables ('Produced by ... on 7 December 2026.'), holding nothing
        and not (s.ref in ("", s.title) and _one_sentence(s.title))
    ]


def _plan_title_not_a_section(draft: PlanDraft) -> None:
    """The plan's own title printed again over its sections (a board pack, a report's appendix): the
    plan, not a section holding the others; its sections are the plan's own."""
    title = normalise_header(draft.plan.title or "")
    holding = {a.section for a in draft.actions}
    itself = {
        s.ref: s.parent
        for s in draft.sections
        if title and s.ref in ("", s.title) and normalise_header(s.title) == title and s.ref not in holding
    }
    if not itself:
        return
    for section in draft.sections:
        for _ in range(len(itself) + 1):  # a broken tree must not loop
            if section.parent not in itself:
                break
            section.parent = itself[section.parent]
        if section.parent in itself:
            section.parent = None
    draft.sections[:] = [s for s in draft.sections if s.ref not in itself]


_SHORTENED = re.compile(r"\s*(?:…|\.\.\.)$")


def _one_sentence(text: str) -> bool:
    """A sentence of four words or more, closed by its only full stop ('Produced by Oversight on 7
    December 2026.'). (A regular expression of nested repeats took time growing with the square of
    a long title's length.)"""
    body = text[:-1]
    return (
        text[:1].isupper()
        and text.endswith(".")
        and not any(mark in body for mark in ".!?")
        and len(text.split()) >= 4
    )


def _listed_fields(action: Action) -> int:
    """How much of an action a listing gives (a listing's 'Last update' column, a date alone, is
    no progress)."""
    said = action.progress or ""
    dated_only = 0 < len(said.split()) <= 3 and parse_due(said) is not None
    return (
        sum(1 for name in ("section", "owner", "due_text", "rag", "progress") if getattr(action, name))
        - dated_only
    )


def _listed_again_dropped(builder: Builder) -> None:
    """An action listed more than once with its reference and the same words (a report's 'what
    changed' or exceptions tables beside the plan, this service's own board pack): one action, read
    where it is listed most fully (the plan itself, with its section, lead, date and progress);
    what only another listing gives fills its gaps."""
    listings: dict[tuple[str, str], list[Action]] = {}
    words = {id(a): " ".join(a.text.split()).casefold() for a in builder.draft.actions if a.ref}
    for action in builder.draft.actions:
        if action.ref:
            listings.setdefault((action.ref, words[id(action)]), []).append(action)
    # A listing shortened with an ellipsis (a report's tables cut an action's words) is the
    # listing whose words it begins, under the same reference.
    for ref, said in list(listings):
        opening = _SHORTENED.sub("", said)
        if opening == said or not opening:
            continue
        whole = [key for key in listings if key[0] == ref and key[1] != said and key[1].startswith(opening)]
        if len(whole) == 1:
            listings[whole[0]].extend(listings.pop((ref, said)))
    dropped: set[int] = set()
    for listed in listings.values():
        # listed again with another lead (a workbook's sheet per agency, each with its own lead,
        # status and update of a shared action): each agency's part is an action of its own
        leads = {normalise_header(a.owner) for a in listed if a.owner}
        # (a form's log of dated responses is one action whoever answered for it)
        logged = builder.response_log and all(a.progress_date for a in listed)
        same = listed if len(leads) <= 1 or logged else []
        if len(same) < 2:
            continue
        if all(a.progress_date for a in same):
            # a log of responses (a form's rows, each an owner's update): the latest stands, the
            # earlier fill only what it leaves out
            order = {id(a): k for k, a in enumerate(same)}
            best = max(same, key=lambda a: (a.progress_date, order[id(a)]))
            same = sorted(same, key=lambda a: (a.progress_date, order[id(a)]), reverse=True)
        else:
            # as fully listed: the one saying more of its progress
            best = max(same, key=lambda a: (_listed_fields(a), len((a.progress or "").split())))
        for other in same:
            if other is best:
                continue
            dropped.add(id(other))
            for name in ("owner", "due_text", "due", "rag", "progress"):
                if name == "due" and best.due_text:
                    continue  # its own words name no date ('TBC'): none is taken from another listing
                if not getattr(best, name) and getattr(other, name):
                    setattr(best, name, getattr(other, name))
            if _SHORTENED.search(best.text) and not _SHORTENED.search(other.text):
                best.text = other.text
    if dropped:
        builder.draft.actions[:] = [a for a in builder.draft.actions if id(a) not in dropped]
        builder.listings_dropped = True
        builder.draft.warn(
            f"{len(dropped)} listing{'s' if len(dropped) > 1 else ''} of actions already in the document (the "
            "same reference and words) were read as those actions, not as new ones.",
            builder.draft.actions[0].location,
        )


def _row_colour(item: Item) -> str | None:
    """The one RAG colour most of a row's cells with text are shaded in, if any."""
    shaded = [fill for fill, cell in zip(item.fills or [], item.cells or [], strict=False) if cell.strip()]
    colours = {fill for fill in shaded if fill}
    if len(colours) != 1 or 2 * sum(1 for fill in shaded if fill) < len(shaded):
        return None
    return colours.pop()


def _rag_from_row_colours(builder: Builder, row_colours: list[tuple[Action, str | None]]) -> None:
    """A plan with no status column whose rows are shaded by progress ('The colour of each row
    shows its progress'): each shaded action takes its row's colour. Rows all of one colour are a
    table's design, not a rating, so some rows must differ (another colour, or none)."""
    coloured = [(action, colour) for action, colour in row_colours if colour and not action.rag]
    if len(coloured) < 2 or len(coloured) == len(row_colours) and len({c for _, c in coloured}) == 1:
        return
    for action, colour in coloured:
        action.rag = parse_rag(colour)[0]
    builder.draft.warn(
        f"The plan has no status column: the status of {len(coloured)} actions was read from the colour "
        "of their rows. Check them against the plan's key.",
        coloured[0][0].location,
    )


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _same_day(words: str, day: str) -> bool:
    """A due date written as a day ('2023-07-13', '31 March 2026') that the due wording beside it
    already means ('Q4 2025/26')."""
    dates = find_dates(day)
    return (
        len(dates) == 1 and parse_due(day) == dates[0] and parse_due(words) == dates[0] and _is_one_day(day)
    )


def _is_one_day(text: str) -> bool:
    """The text names a day, not a month or quarter ('31 March 2026', '2026-03-31', '31/03/2026')."""
    return bool(
        _ISO_DAY.fullmatch(text) or re.fullmatch(r"\d{1,2}(?:[/.]\d{1,2}[/.]\d{2,4}|\s+\w+\s+\d{4})", text)
    )


_PRIORITY_LEVELS = frozenset({"high", "medium", "low", "critical", "urgent", "important", "normal"})
_COUNTED_HEADING = re.compile(r"\(\d+\)$")
# the date an update's label carries ('Update (June 2025)', 'Progress update – 12/06/2025')
_UPDATE_DATED = re.compile(r"\s*(?:\([^()]*\)|[–—-]\s*[\w/ ]+)$")
_EMPTY_LISTING = re.compile(r"^\D{3,80}\(0\)$")

_OVERDUE_MARK = re.compile(r"\s*(?:[–—-]\s*|\()overdue\)?\s*$", re.I)
_DATE_IN_BRACKETS = re.compile(r"\s*\(([^()]{6,30})\)\s*$")


def _without_flags(due_text: str | None) -> str | None:
    """The due wording without what a report adds to it ('Q4 2025/26 (31 March 2026) – overdue',
    as this service's board pack prints it): 'overdue' is a flag, not part of the wording, and a
    bracketed date the wording already means says nothing more."""
    if not due_text:
        return due_text
    text = _OVERDUE_MARK.sub("", due_text)
    bracket = _DATE_IN_BRACKETS.search(text)
    if bracket and text[: bracket.start()].strip():
        rest = text[: bracket.start()]
        said = find_dates(bracket[1])
        if len(said) == 1 and parse_due(rest) == said[0]:
            text = rest
    return text.strip() or due_text


def _names_plan_columns(cells: list[str] | None) -> bool:
    """A header row of the plan: three columns or more named exactly, the action's among them."""
    named = [exact_header_field(c) for c in cells or [] if c.strip()]
    return sum(1 for f in named if f) >= 3 and "text" in named


def _lines_over_headers_as_headings(items: list[Item]) -> list[Item]:
    """A line of plain text right above each of several tables' headers ('Pursue – disrupt and
    prosecute ...' over 'Ref | Action | Owner ...' over 'PUR-1 ...'): a Word heading printed without
    its style, the strand of the table below, which its references abbreviate. Only where two tables
    or more have a different one: a line above a single table is as likely the plan's title."""
    above = [
        k - 1
        for k in range(1, len(items) - 1)
        if _names_plan_columns(items[k].cells)
        and items[k - 1].cells is None
        and not items[k - 1].heading
        and heading_like_line(clean_text(items[k - 1].text))
        and _abbreviated_by(clean_text(items[k - 1].text), items[k + 1].cells)
    ]
    if len({clean_text(items[k].text) for k in above}) < 2:
        return items
    out = list(items)
    for k in above:
        out[k] = replace(out[k], heading=2)
    return out


def _abbreviated_by(heading: str, first_row: list[str] | None) -> bool:
    """Whether the first row's reference abbreviates the heading's first word ('PUR-1' under
    'Pursue – ...', 'PRE-1' under 'Prevent'): the heading names the strand its rows belong to (a
    caption such as 'Actions completed since the last report' names none)."""
    found = re.match(r"([A-Za-z]{2,5})[-\s./]?\d", (first_row or [""])[0].strip())
    word = heading.split()[0].lower() if heading.split() else ""
    if not found or not word or found[1][0].lower() != word[0]:
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in found[1][1:].lower())


def heading_like_line(text: str) -> bool:
    """A short line that can head a table: a capital first, no full stop at its end, no date or
    status, no page's furniture (text read cell after cell adds its own checks, blocks.py)."""
    words = text.split()
    return (
        1 <= len(words) <= 16
        and text[:1].isupper()
        and not text.endswith((".", ",", ";", ":"))
        and not looks_like_rag(text)
        and not find_dates(text)
        and not re.search(r"\bpage \d", text, re.I)
    )


def _lone_title(values: dict[str, str], nonempty: list[str]) -> bool:
    """The row's one cell is its action text, and it reads as a title: a few words opening in
    capitals, ending no sentence, pointing nowhere ('Voice of the child')."""
    text = values.get("text", "")
    if not text[:1].isupper() or set(values) - {"text", "due", "start", "rag", "updated"}:
        return False
    if set(values) != {"text"}:
        # a tool's parent row (Smartsheet, Planner): the group's dates and rolled-up status beside
        # its name, but no lead, agency or progress of its own
        if len(text.split()) > 12:
            return False
    elif nonempty != [text]:
        return False
    return len(text.split()) <= 12 and not text.rstrip().endswith((".", ";", ",")) and not is_pointer(text)


def _figures_header(cells: list[str]) -> bool:
    """A header row of a table of figures: short labels, two or more naming periods ('Q1 2024/25',
    'Apr–May 2025'), none naming an action column."""
    return (
        len(cells) >= 3
        and all(len(c.split()) <= 4 and not c.endswith(".") for c in cells)
        and sum(1 for c in cells if is_round_label(c)) >= 2
        and not any(looks_like_ref(c) for c in cells)
        and "text" not in {header_field(c) for c in cells}
    )


def _bulleted_refs(raw: str | None) -> list[tuple[str | None, str]] | None:
    """(ref, text) per item where a cell is a list of two or more items each opening with its own
    reference, else None."""
    items = list_items(raw)
    if not items or len(items) < 2:
        return None
    owned = [OWN_REF_IN_TEXT.match(item) for item in items]
    if not all(owned):
        return None
    return [(m[1], m[2]) for m in owned if m is not None]


def _colour_among(labels: str) -> str | None:
    """The RAG colour named among a task's labels ('Amber;LA', 'Police, Red'), if exactly one is."""
    colours = {
        status
        for part in re.split(r"[;,]", labels)
        # 'Amber', a colour and its meaning ('Green - on track'), a Trello label and its colour ('Green (green)')
        if (colour := re.match(r"\s*(red|amber|green|blue|complete(?:d)?)\b(?:\s*[-–—:(]|\s*$)", part, re.I))
        for status in [parse_rag(colour[1])[0]]
    }
    return colours.pop() if len(colours) == 1 else None


def _cut_mid_sentence(values: dict[str, str], above: Action) -> bool:
    """The row's action text goes on from an action that stops mid-sentence: in lower case, or beside
    its grouping cell going on in lower case (a cut row's cells after the page break)."""
    text = values.get("text", "")
    group = next((values[f] for f in GROUP_FIELDS if values.get(f)), "")
    return (
        bool(text)
        and (text[0].islower() or group[:1].islower())
        and not above.text.rstrip().endswith((".", "!", "?", ";", ":"))
    )


def _lone_group_sentences_folded(builder: Builder) -> None:
    """A heading ('Recommendation 1 – Assessments') over a table whose grouping column holds one
    cell, merged down all its rows, of a sentence with no number of its own (the recommendation in
    full): that cell says what the heading's section is to improve; it is not a section inside it."""
    sections = builder.draft.sections
    for heading in list(sections):
        if heading.ref in builder.group_sections:
            continue
        children = [s for s in sections if s.parent == heading.ref]
        if len(children) != 1:
            continue
        lone = children[0]
        if (
            lone.ref not in builder.group_sections
            or lone.ref != lone.title[:80]  # numbered ('R1 Partners should...'): a section of its own
            or len(lone.title.split()) < 8  # a short name ('Early help'), not a sentence
            or any(s.parent == lone.ref for s in sections)
            or any(a.section == heading.ref for a in builder.draft.actions)
        ):
            continue
        for action in builder.draft.actions:
            if action.section == lone.ref:
                action.section = heading.ref
        heading.what_needs_to_improve = heading.what_needs_to_improve or lone.title
        sections.remove(lone)


def _position(actions: list[Action], action: Action) -> int:
    """Where this very action is in the list (not an equal one)."""
    return next(k for k, a in enumerate(actions) if a is action)


def _centred_cut_leads(builder: Builder) -> None:
    """A merged lead cell is printed in the middle of the rows it spans, so a cell cut over rows
    (see ``Builder._action``) with rows below it that have no lead of their own starts as far above
    its first line: as many of the rows just above it that took the lead above them take this cell's
    lead instead (1.2 under 'Health – ... Head of' | 'Service ...' printed beside 1.3 and 1.4, 1.5 empty)."""
    actions = builder.draft.actions
    placed = {id(action) for action in actions}
    for cell in builder.cut_leads:
        last = cell.rows[-1]
        if id(last) not in placed:
            continue  # its row became a section's heading (a parent row above its sub-actions)
        below = 0
        for action in actions[_position(actions, last) + 1 :]:
            if id(action) not in builder.inherited_owner or action.owner != last.owner:
                break
            below += 1
        for above in cell.above[:below]:
            above.owner = last.owner
            above.owner_parts = split_owner(last.owner)


def _warn_hidden_rows(builder: Builder) -> None:
    """One warning per sheet naming the hidden rows, and one naming the struck-through rows, that
    were not imported."""
    for kind, locations, why in (
        (
            "hidden",
            builder.hidden_rows,
            "hidden rows usually hold removed or archived actions. Unhide them in the workbook to import them.",
        ),
        (
            "struck-through",
            builder.struck_rows,
            "struck-through rows are read as removed actions. Remove the strike-through to import them.",
        ),
    ):
        by_sheet: dict[str | None, list[int]] = {}
        for location in locations:
            # a sheet's rows by number; a text's table (a Markdown row struck through) by its line
            at = location.row if location.sheet is not None or location.line is None else location.line
            by_sheet.setdefault(location.sheet, []).append(at or 0)
        for sheet, rows in by_sheet.items():
            listed = ", ".join(str(r) for r in rows[:20]) + (" ..." if len(rows) > 20 else "")
            plural = len(rows) > 1
            where = (
                f"({listed}) of sheet '{sheet}'"
                if sheet is not None
                else f"(line{'s' if plural else ''} {listed})"
            )
            builder.draft.warn(
                f"{len(rows)} {kind} row{'s' if plural else ''} {where} "
                f"{'were' if plural else 'was'} not imported: {why}",
                Location(sheet=sheet, row=rows[0]) if sheet is not None else Location(line=rows[0]),
            )


def _numbers_lost_in_extraction(builder: Builder, after_the_last: bool = True) -> None:
    """An action without a reference among actions numbered 'N.1', 'N.2' ... in its section N: the
    extraction lost its number ('2.2' and '2.3' printed, the row between them not), so it takes the
    number the gap leaves (or, in extracted text, ``after_the_last``, the next one after the last of
    its section; a document's own cells lose nothing, so an unnumbered last row there has no number).
    Only in a plan whose actions are numbered by their section (two in three at least), never in a
    section without numbered actions."""
    actions = builder.draft.actions
    own = [a for a in actions if _section_number(a) is not None]
    if len(own) < 4 or 3 * len(own) < 2 * len(actions):
        return
    used = {a.ref for a in actions if a.ref}
    by_section: dict[str, list[Action]] = {}
    for action in actions:
        if action.section and BARE_NUMBER.match(action.section):
            by_section.setdefault(action.section, []).append(action)
    for major, members in by_section.items():
        if all(_section_number(a) is None for a in members):
            continue
        before = 0
        run: list[Action] = []
        for member in [*members, None]:
            number = _section_number(member)
            if member is not None and number is None:
                if member.ref is None:
                    run.append(member)
                continue
            if run and (
                (number is None and after_the_last)
                or (number is not None and number - before - 1 == len(run))
            ):
                refs = [f"{major}.{before + k}" for k in range(1, len(run) + 1)]
                if not used & set(refs):
                    for lost, ref in zip(run, refs, strict=True):
                        lost.ref = ref
                        used.add(ref)
                        builder.draft.warn(
                            f"The action {quote(lost.text, 40)} had no reference between the numbered actions of "
                            f"section {major}; it was numbered {ref}.",
                            lost.location,
                        )
            run = []
            if number is not None:
                before = number


def _section_number(action: Action | None) -> int | None:
    """The action's number within its section: 3 for action '2.3' of section '2'."""
    number = NUMBERED.match(action.ref or "") if action is not None else None
    if number is None or action is None or number[1] != action.section:
        return None
    return int(number[2])


_REF_OF_SECTION = re.compile(r"^(\d{1,2})(?:\.\d{1,2}[a-z]?|[a-z])\.?$")


# a progress cell opening with the action's status ('GREEN – training delivered', 'Amber: delayed')
_STATUS_OPENING = re.compile(r"^(red|amber|green|blue|complete(?:d)?)\s*[-–—:]\s*\S", re.I)


def _status_opening_progress(builder: Builder) -> None:
    """An action with no status of its own whose progress opens with one ('AMBER – recruitment
    delayed'): the plan rates it there."""
    for action in builder.draft.actions:
        if (
            action.rag is None
            and action.progress
            and (found := _STATUS_OPENING.match(action.progress.strip()))
        ):
            action.rag = parse_rag(found[1])[0]


# A reference that can head others: '1', '1.2', 'M1', 'PRO-2' (not '1a', which ends in a letter).
_PARENT_REF = re.compile(r"(?:[A-Z]{1,4}[-\s]?)?\d{1,2}(?:\.\d{1,2}){0,2}|[A-Z]")
# What a sub-action's reference adds to its parent's: '.1', 'a', '(a)', ' b', '(ii)' under 'A'.
_SUB_REF = re.compile(r"\.\d{1,2}(?:\.\d{1,2})*[a-z]?|\s?\(?[a-z]\)?|\s?\((?:i{1,3}|iv|vi{0,3}|ix|x)\)", re.I)


def _extends(child: str, parent: str) -> bool:
    """Whether `child` is a reference under `parent` ('1.1' under '1', 'M1a' under 'M1')."""
    return child.startswith(parent) and bool(_SUB_REF.fullmatch(child[len(parent) :]))


def _labelled_outcomes_as_sections(builder: Builder) -> None:
    """Outcomes named with their number ('Outcome 1: Children who go missing are found quickly'),
    in a column merged down their actions and printed line by line (so the label opens the first
    action's cell and the rest of the words run on into the rows below): the outcomes the actions
    serve, each a section; words run on into a later row ('missing') end its title. Only in a plan
    with no sections of its own."""
    actions = builder.draft.actions
    if any(a.section for a in actions) or not any(_LABELLED_GROUP.match(a.outcome or "") for a in actions):
        return
    known = {s.ref: s for s in builder.draft.sections}
    current: Section | None = None
    for action in actions:
        found = _LABELLED_GROUP.match(action.outcome or "")
        if found:
            current = known.get(found[1])
            if current is None:
                current = Section(ref=found[1], title=found[2].strip(), location=action.location)
                builder.draft.sections.append(current)
                known[current.ref] = current
            action.outcome = None
        elif current is not None and action.outcome and action.outcome[:1].islower():
            current.title = f"{current.title} {action.outcome}"
            action.outcome = None
        if current is not None:
            action.section = current.ref


# what a tree export's Type column calls an item that groups actions
_SECTION_KINDS = frozenset({
    "priority", "strategic priority", "objective", "theme", "strand", "workstream", "work stream",
    "outcome", "goal", "area", "recommendation", "epic", "programme", "section", "finding",
})  # fmt: skip


def _sections_by_reference(builder: Builder) -> None:
    """An action that came without a section (a tool's list of finished cards) is in the section its
    reference is numbered under ('1.3' in section 1), where the plan's other actions are so."""
    sections = {s.ref for s in builder.draft.sections}
    placed = [a for a in builder.draft.actions if a.section and a.ref]
    if not placed or not all((a.ref or "").split(".")[0] == a.section for a in placed):
        return
    for action in builder.draft.actions:
        number = (action.ref or "").split(".")[0]
        if action.section is None and "." in (action.ref or "") and number in sections:
            action.section = number


def _rows_per_lead_joined(builder: Builder) -> None:
    """One action exported as a row per lead ('1.3 ... | Holloway, Janet', then the same row with
    'Okafor, Grace', as a performance system writes a record per responsible officer): one action
    whose leads are both. Only rows next to each other in one table, alike but for the lead."""
    kept: list[Action] = []
    for action in builder.draft.actions:
        before = kept[-1] if kept else None
        if (
            before is not None
            and action.ref
            and (action.ref, action.text, action.due_text, action.rag)
            == (before.ref, before.text, before.due_text, before.rag)
            and (action.location.sheet, action.location.table)
            == (before.location.sheet, before.location.table)
            and action.owner
            and before.owner
            and action.owner != before.owner
        ):
            before.owner = f"{before.owner}; {action.owner}"
            before.owner_parts = split_owner(before.owner)
            builder.draft.warn(
                f"Action {action.ref} is listed on a row per lead: read as one action with its leads together.",
                action.location,
            )
            continue
        kept.append(action)
    builder.draft.actions = kept


def _statuses_from_grid(builder: Builder) -> None:
    """An action the plan's table gives no status has the one a summary grid gives its reference."""
    for action in builder.draft.actions:
        said = builder.grid_statuses.get(action.ref or "")
        if said and action.rag is None:
            status, known = builder._scheme_status(said) or parse_rag(said)
            action.rag = status if known else None


def _section_leads(builder: Builder) -> None:
    """An action without a lead of its own, in a section whose lead is named under its heading, is
    that lead's (the plan names a lead once per priority and has no lead column)."""
    if not builder.section_leads:
        return
    for action in builder.draft.actions:
        lead = builder.section_leads.get(action.section or "")
        if lead and not action.owner:
            action.owner = lead
            action.owner_parts = split_owner(lead)


def _sections_from_parent_ids(builder: Builder) -> None:
    """An action of a tree export sits in the section its parent ID names (its priority or
    objective), wherever that row is in the file."""
    refs = {s.ref for s in builder.draft.sections}
    for action, parent in builder.parents:
        if parent in refs:
            action.section = parent
        elif parent in builder.section_ids:
            action.section = builder.section_ids[parent]


def _bare(action: Action, before: Action | None) -> bool:
    """A row of a reference and words alone (a lead merged down from the row above is not its
    own: the row spans the table): an action, or the heading of those below it."""
    inherited = before is not None and action.owner == before.owner
    return (
        bool(action.ref)
        and not (action.due_text or action.rag or action.progress)
        and (not action.owner or inherited)
    )


def _headed_texts_kept(builder: Builder) -> None:
    """'What needs to improve: ...' under a row that stayed an action (it heads nothing): the text
    of that action's section, as under a heading."""
    kept = {id(a) for a in builder.draft.actions}
    sections = {s.ref: s for s in builder.draft.sections}
    for row, name, text in builder.headed_texts:
        section = sections.get(row.section or "") if id(row) in kept else None
        if section is not None:
            old = getattr(section, name)
            setattr(section, name, f"{old} {text}" if old else text)


def _parent_rows_as_sections(builder: Builder) -> None:
    """A row holding only a reference and words ('1  Neglect: children ...', '1.1  Practitioners
    recognise neglect ...'), right above rows whose references extend its own ('1.1.1', '1.1.2'),
    is the priority or outcome those actions serve: a section, not an action. So is 'M1' above 'M1a',
    'M1b', or '2' above '2a'. Text laid out by a PDF's printing loses the bold or the merged cell that
    says so in the document itself."""
    actions = builder.draft.actions
    parents: dict[int, str] = {}
    for k, action in enumerate(actions[:-1]):
        ref = (action.ref or "").rstrip(".")
        summary = builder.exported_outline and not action.owner  # a tool's summary task: rolled-up dates
        if (
            not ref
            or not (summary or _bare(action, actions[k - 1] if k else None))
            or not _PARENT_REF.fullmatch(ref)
        ):
            continue
        if _extends(actions[k + 1].ref or "", ref):
            parents[k] = ref
    if not parents:
        return
    known = {s.ref for s in builder.draft.sections}
    for k, ref in parents.items():
        if ref not in known:
            parent = next((p for p in sorted(known, key=len, reverse=True) if _extends(ref, p)), None)
            # 'Area for improvement A: Information ...' on row 'A': its title is what follows the label
            labelled = re.match(
                rf"^(?:{_LABELS})\s+{re.escape(ref)}\s*[:.\-–—]\s*(\S.*)$", actions[k].text, re.I | re.S
            )
            builder.draft.sections.append(
                Section(
                    ref=ref,
                    title=labelled[1] if labelled else actions[k].text,
                    parent=parent,
                    location=actions[k].location,
                )
            )
            known.add(ref)
        section = next(s for s in builder.draft.sections if s.ref == ref)
        if section.title in ("", section.ref):
            section.title = actions[k].text  # opened by its number alone ('2.1' of section 2)
        for _row, name, text in (t for t in builder.headed_texts if t[0] is actions[k]):
            old = getattr(section, name)
            setattr(section, name, f"{old} {text}" if old else text)
    for action in actions:
        ref = action.ref or ""
        deepest = max((p for p in parents.values() if _extends(ref, p)), key=len, default=None)
        if deepest is not None and (action.section is None or _extends(deepest, action.section)):
            action.section = deepest
    builder.draft.actions = [a for k, a in enumerate(actions) if k not in parents]


def _sections_from_refs(builder: Builder) -> None:
    """Actions read without a section whose reference names one the plan has ('2.1' of section '2'):
    the actions a committee report lists as completed since its last report, in a table of their own
    above the current plan that has the section rows, belong to the sections their numbers name."""
    refs = {s.ref for s in builder.draft.sections}
    for action in builder.draft.actions:
        if action.section is None and action.ref:
            m = _REF_OF_SECTION.match(action.ref)
            if m and m[1] in refs:
                action.section = m[1]


_DEFAULT_SHEET_NAME = re.compile(r"^(?:sheet|tab)\s*\d*$", re.I)


def _strands_within_sections(builder: Builder) -> None:
    """A numbered section holding a table per strand, each under an unnumbered heading whose first
    word its references abbreviate ('3. Delivery plan' > 'Pursue – ...' > 'PUR1', 'PUR2'; 'Prevent –
    ...' > 'PRE1'): each strand a sub-section of it, as the actions belong to their strand. Only
    where the section has two strands or more and every action's reference abbreviates its own."""
    by_section: dict[str, list[tuple[Action, str]]] = {}
    for action, label in builder.headed_within:
        if action.section is not None:
            by_section.setdefault(action.section, []).append((action, label))
    refs = {s.ref for s in builder.draft.sections}
    for section, members in by_section.items():
        labels = list(dict.fromkeys(label for _, label in members))
        if len(labels) < 2 or any(label in refs for label in labels):
            continue
        if not all(action.ref and _abbreviated_by(label, [action.ref]) for action, label in members):
            continue
        for label in labels:
            first = next(action for action, named in members if named == label)
            builder.draft.sections.append(
                Section(ref=label, title=label, parent=section, location=first.location)
            )
            refs.add(label)
        for action, label in members:
            action.section = label


def _sections_from_table_names(builder: Builder) -> None:
    """Actions without a section of their own, in tables named by a heading or a sheet ('Prevent',
    'Protect'): each name is a section, when there are at least two (one name is the plan's). A sheet
    with a title row above its header ('Prevent – child exploitation delivery plan') is titled by it
    and keeps its name as the section's ref (unless the name is Excel's own, 'Sheet' or 'Sheet2')."""
    names = list(dict.fromkeys(name for _, name in builder.unsectioned))
    if len(names) < 2:
        return
    refs = {s.ref for s in builder.draft.sections}
    for action, name in builder.unsectioned:
        title = builder.label_titles.get(name, name)
        ref = title[:80] if _DEFAULT_SHEET_NAME.match(name) else name
        if ref not in refs:
            builder.draft.sections.append(Section(ref=ref, title=title, location=action.location))
            refs.add(ref)
        action.section = ref
