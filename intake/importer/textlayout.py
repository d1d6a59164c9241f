"""Plans laid out in columns but extracted from a PDF as plain lines (no cell separators).

Each row of such a table comes out as: the reference and action text, then the due-date
column's lines, then the lead column's lines. Rows are found from their references; within a row
a small state machine moves from action text to due text to lead as the lines change character.
A lead cell merged over several rows is printed once and carried down to the rows below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Action, Location, PlanDraft, Section
from .normalise import (
    MONTHS,
    SECURITY_MARKING,
    clean_text,
    completion_in_text,
    is_undated_ok,
    parse_due,
    quote,
    repair_digits,
)
from .owners import split_owner
from .synonyms import label_alone

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
# an area's number and its finding ('1 For some children ...'), perhaps with its code ('AFI 2: ...')
SECTION_START = re.compile(r"^(?:([A-Z]{1,5}) ?)?(\d{1,2}):?\s+([A-Z‘'\"].{15,})$")
# a due date's opening words, its year perhaps on the next line: 'End of June', 'By March', 'Q3'
_DUE_OPENING = re.compile(rf"^(?:(?:end of|by(?: the end of)?|before)\s+)?(?:{_MONTH}|q[1-4])\b", re.I)
# an action's reference and text: '1.2 Revise ...', '2b Update ...', 'AFI 1.3 Monthly ...', 'CE 3.1 ...'
ACTION_START = re.compile(r"^((?:[A-Z]{1,5} ?)?)(\d{1,2})(?:\.(\d{1,2})|([a-h]))\.?\s+(\S.*)$")


def _action_start(text: str) -> tuple[str, str, str] | None:
    """(the area's number, the action's reference as printed, the rest of the line), or None."""
    m = ACTION_START.match(text)
    if m is None:
        return None
    number = f"{m[2]}.{m[3]}" if m[3] else f"{m[2]}{m[4]}"
    return m[2], f"{m[1]}{number}", m[5]


ENUM_START = re.compile(r"^\d{1,2}[.)]\s+(\S.*)$")
DATE_START = re.compile(
    rf"^(?:(?:end of|by(?: the)?(?: end of)?|from|before|w/c)\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\b\.?\s*(?:\d{{2,4}}|$|[-–])"
    r"|^Q[1-4]\b|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}",
    re.I,
)
INLINE_DATE = re.compile(rf"(?:\b(?:end of)\s+)?\b{_MONTH}\s+\d{{4}}\b", re.I)
_RANKS = r"(?:DCI|DI|DS|D/Supt|T/DCI|T/DI|Insp|Supt|Sergeant|Sgt|Dr|Inspector|Detective)"
LEAD_PATTERNS = [
    re.compile(r"^(?:[A-Z][\w&'’./]*\s*){1,4}\s*[–—-]\s*(?:[A-Z]|Dr)"),
    re.compile(rf"^(?:{_RANKS}\s+)?[A-Z][a-z]+(?:[- ][A-Z][a-z'’-]+){{1,2}},\s"),
    re.compile(r"^[A-Z]{2,6}$"),
    re.compile(rf"^(?:\S+\s+){{0,3}}{_RANKS}\b\s+[A-Z]"),
    re.compile(r"^[A-Z]{2,6}\s+(?:Head of|[A-Z][a-z]+\s+[A-Z][a-z]+)"),
    re.compile(r"^[A-Z][a-z]+\s+[A-Z][a-z]+\s+[A-Z]{2,6}\b"),
    re.compile(r"^(?:Head of|Director of|Named|Designated)\b"),
]
FURNITURE = re.compile(rf"^(?:{SECURITY_MARKING}|page \d+(?: of \d+)?|\d{{1,3}})$", re.I)
SUPERSCRIPT = re.compile(r"^(st|nd|rd|th)$")
PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:on|in|by|from|until|of|the|since|during|at|to)|\d(?:st|nd|rd|th)?)\s*$", re.I
)


# words a due cell's line may end with that no lead's ends with: the milestone runs on to the next
# line ('Countywide' / 'MACE Hub Pilot to' over 'be launched on 20th April 2020')
_RUNS_ON = frozenset({"to", "be", "on", "by", "until", "before"})


def _is_lead(line: str) -> bool:
    if DATE_START.match(line) or line.lower().split(" ")[0] in MONTHS:
        return False
    return any(p.match(line) for p in LEAD_PATTERNS)


def _preprocess(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, stripped text) with superscripts rejoined and page furniture dropped; '' marks blanks."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        text = lines[i].replace("\f", "").strip()
        if SUPERSCRIPT.match(text) and out:
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            prev_no, prev = out[-1] if out[-1][1] else out[-2] if len(out) > 1 else out[-1]
            nxt = lines[j].strip() if j < len(lines) else ""
            while out and not out[-1][1]:
                out.pop()
            out[-1] = (prev_no, f"{prev}{text} {nxt}".strip())
            i = j + 1
            continue
        if FURNITURE.match(text) and not _day_before_superscript(lines, i):
            i += 1
            continue
        out.append((i + 1, text))
        i += 1
    return out


def _day_before_superscript(lines: list[str], i: int) -> bool:
    """A bare number that is a date's day, its 'th' printed as a superscript on a line below
    ('20' / 'th' / 'April 2020'): not a page number."""
    if not re.fullmatch(r"\d{1,2}", lines[i].strip()):
        return False
    following = (line.strip() for line in lines[i + 1 : i + 4])
    return next((SUPERSCRIPT.match(line) is not None for line in following if line), False)


@dataclass
class _Row:
    ref: str | None
    line: int
    text: list[str] = field(default_factory=list)
    due: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    state: str = "action"


def _split_inline(rest: str) -> tuple[str, str, str]:
    """'Do X  October 2020 Jane Doe, Head of Y' -> (text, due, lead)."""
    rest = repair_digits(rest)
    parts = re.split(r"\s{2,}", rest)
    text, tail = parts[0], ""
    for k in range(1, len(parts)):
        cand = " ".join(parts[k:])
        if DATE_START.match(cand) or _is_lead(cand):
            text, tail = " ".join(parts[:k]), cand
            break
    else:
        text = " ".join(parts)
    if not tail:
        for m in INLINE_DATE.finditer(rest):
            before = rest[: m.start()]
            after = rest[m.end() :]
            if not before.strip() or PREPOSITION_BEFORE.search(before):
                continue
            sentence_end = bool(re.search(r"[.:;]\s*$", before))
            at_end = not after.strip() or re.match(r"^\s*[-–:]", after) or _is_lead(after.strip())
            if sentence_end or at_end:
                text, tail = before.strip(), rest[m.start() :].strip()
                break
    elif _is_lead(tail) and not DATE_START.match(tail):
        return text.strip(), "", tail
    if not tail:
        return text.strip(), "", ""
    start = INLINE_DATE.match(tail) or DATE_START.match(tail)
    if start:
        after = tail[start.end() :].strip()
        if after and _is_lead(after):
            return text.strip(), tail[: start.end()].strip(), after
    return text.strip(), tail.strip(), ""


_MORE_COLUMNS = re.compile(r"\b(?:rag|b?rag status|status|progress|update)\b", re.I)
_HEADER_REACH = 15  # lines above the first area where the table's header is printed


def _names_more_columns(lines: list[tuple[int, str]]) -> bool:
    """The header above the first area names a status or progress column ('Ref Action Lead officer
    Timescale RAG Progress update'), which this reading has no place for."""
    return any(_MORE_COLUMNS.search(text) for _, text in lines[-_HEADER_REACH:] if len(text.split()) <= 12)


_PARAGRAPH_WORDS = 8


def _paragraph_below(lines: list[tuple[int, str]], idx: int) -> bool:
    """The next line with words opens a paragraph (what a recommendation says), not a short name
    ('Priority 1:' over 'Safeguarding adolescents', a grouping cell as plain pdftotext prints it)."""
    following = next((text for _, text in lines[idx + 1 :] if text), "")
    return len(following.split()) >= _PARAGRAPH_WORDS


def build_from_laid_out_text(draft: PlanDraft, raw_lines: list[str]) -> bool:
    """Read the plan's areas and actions into `draft`. True when the header names more columns
    (a status, progress) than this reading can place, so each action's cells were left empty."""
    lines = _preprocess(raw_lines)
    n = len(lines)
    # where sections start (numbered 1, 2, 3 ... in order) and which hold numbered actions
    starts: dict[int, str] = {}
    codes: dict[int, str] = {}
    expected = None
    for idx, (_, text) in enumerate(lines):
        m = SECTION_START.match(text)
        alone = None if m else label_alone().match(text)
        if alone and not alone[1].isdigit():
            alone = None  # 'Recommendation 1.2' alone: not an area over actions '1.1', '1.2' here
        if m and (expected is None and int(m[2]) <= 3 or expected == int(m[2])):
            starts[idx] = m[2]
            codes[idx] = f"{m[1]} {m[2]}" if m[1] else m[2]  # 'AFI 2' over 'AFI 2.1', or '2' over '2.1'
            expected = int(m[2]) + 1
        elif (
            alone
            and (expected is None and int(alone[1]) <= 3 or expected == int(alone[1]))
            and _paragraph_below(lines, idx)
        ):
            # 'Recommendation 1' alone, what it recommends in the paragraph below, over 'R1.1'
            starts[idx] = codes[idx] = alone[1]
            expected = int(alone[1]) + 1
    if not starts:
        return False
    # columns this reading cannot place (a status, a progress update) beside the leads and dates
    beyond = _names_more_columns(lines[: min(starts)])
    numbered: set[str] = set()
    current = None
    for idx, (_, text) in enumerate(lines):
        if idx in starts:
            current = starts[idx]
        found = _action_start(text)
        if found and current is not None and current == found[0]:
            numbered.add(current)
    group_lines: set[int] = set()
    for idx in starts:
        j = idx - 1
        while j >= 0 and not lines[j][1]:
            j -= 1
        if j >= 1 and j < idx - 1 and not lines[j - 1][1]:
            cand = lines[j][1]
            # a part's name ('Police'), not a lead set apart below its action ('Police - DCI Chris Mayle')
            if len(cand.split()) <= 6 and not re.search(r"[\d,:;–./]|\s-\s", cand) and cand[:1].isupper():
                group_lines.add(j)

    group: str | None = None
    number = ""
    section: Section | None = None
    rows: list[tuple[_Row, str | None]] = []
    row: _Row | None = None
    para: list[str] = []
    in_para = False
    for idx in range(n):
        line_no, text = lines[idx]
        if idx in group_lines:
            group = text
            if not any(s.ref == text for s in draft.sections):
                draft.sections.append(Section(ref=text, title=text, location=Location(line=line_no)))
            continue
        if idx in starts:
            if section is not None:
                _finish_section(section, para)
            number = starts[idx]
            section = Section(ref=codes[idx], title="", parent=group, location=Location(line=line_no))
            draft.sections.append(section)
            opening = SECTION_START.match(text)
            para = [opening[3]] if opening else []
            in_para = True
            row = None
            continue
        if section is None:
            continue
        if not text:
            if in_para and number not in numbered and para:
                in_para = False
            if row is not None and row.state == "action" and row.text:
                row.state = "after_blank"
            continue
        started = _action_start(text)
        if started and started[0] == number:
            in_para = False
            row = _Row(ref=started[1], line=line_no)
            rows.append((row, section.ref))
            body, due, lead = _split_inline(started[2])
            row.text.append(body)
            if due:
                row.due.append(due)
                row.state = "due"
            if lead:
                row.lead.append(lead)
                row.state = "lead"
            continue
        if in_para:
            para.append(text)
            continue
        if number not in numbered:
            starts_row = row is None or (
                row.state in ("lead", "due")
                and (ENUM_START.match(text) or re.match(r"^[A-Z][^:]{3,60}:\s*$", text))
            )
            if starts_row:
                enum = ENUM_START.match(text)
                row = _Row(ref=None, line=line_no)
                rows.append((row, section.ref))
                row.text.append(enum[1] if enum else text)
                continue
        if row is None:
            continue
        _feed(row, text)
    if section is not None:
        _finish_section(section, para)

    carried: str | None = None
    carried_section: str | None = None
    for row, section_ref in rows:
        if beyond:
            row.lead, row.due = [], []
        text = clean_text("\n".join(row.text))
        if not text:
            continue
        if section_ref != carried_section:
            carried, carried_section = None, section_ref
        owner = clean_text("\n".join(row.lead)) or None
        if owner:
            carried = owner
        else:
            owner = carried
        due_text = clean_text("\n".join(row.due)) or None
        location = Location(line=row.line)
        action = Action(
            text=text, ref=row.ref, section=section_ref, owner=owner, due_text=due_text, location=location
        )
        action.owner_parts = split_owner(owner)
        action.due = parse_due(due_text)
        if due_text and action.due is None and not is_undated_ok(due_text):
            draft.warn(f"No date could be read from the due text {quote(due_text, 60)}.", location)
        if completion_in_text(due_text):
            action.rag = "complete"
        if owner is None and not beyond:
            draft.warn(f"No lead found for action {row.ref or quote(text, 30)}.", location)
        draft.actions.append(action)
    return beyond and bool(rows)


def _feed(row: _Row, text: str) -> None:
    state = row.state
    if state in ("action", "after_blank"):
        if _is_lead(text) and row.text and state == "after_blank":
            row.lead.append(text)
            row.state = "lead"
        elif DATE_START.match(text) or (
            state == "after_blank" and len(text) <= 30 and text[:1].isupper() and not text.endswith(".")
        ):
            body, due, lead = _split_inline(text) if not DATE_START.match(text) else ("", text, "")
            if not DATE_START.match(text):
                due = text
            m = DATE_START.match(due)
            if m:
                after = due[m.end() :].strip()
                tail_m = re.match(r"^(\d{2,4})?\s*(.*)$", after)
                rest = tail_m[2] if tail_m else ""
                if rest and _is_lead(rest):
                    row.due.append(due[: len(due) - len(rest)].strip())
                    row.lead.append(rest)
                    row.state = "lead"
                    return
            row.due.append(due)
            row.state = "due"
        else:
            body, due, lead = _split_inline(text)
            row.text.append(body)
            if due:
                row.due.append(due)
                row.state = "due"
            if lead:
                row.lead.append(lead)
                row.state = "lead"
            elif row.state == "after_blank":
                row.state = "action"
        return
    if state == "due":
        if _is_lead(text) and text.split()[-1].lower() not in _RUNS_ON:
            row.lead.append(text)
            row.state = "lead"
        else:
            row.due.append(text)
        return
    # lead
    if _DUE_OPENING.match(text) and len(text.split()) <= 4 and not row.due:
        # the due cell's first line after the lead's ('End of June' over '2024')
        row.due.append(text)
        row.state = "due"
        return
    if text[:1].islower() or text[:1].isdigit() or text[:1] == "(":
        if row.due:
            row.due.append(text)
        return
    if len(text) > 60 and not _is_lead(text):
        return  # a paragraph from another column interleaved by the extraction
    row.lead.append(text)


def _finish_section(section: Section, para: list[str]) -> None:
    text = clean_text("\n".join(para))
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text, maxsplit=1)[0]
    section.title = first or section.ref
    section.what_inspectors_found = text or None
