"""Plans written as records rather than as a table: one block of labelled lines per action.

Two layouts, read alike once flattened into lines:

* labelled blocks of text (text, Markdown, Word paragraphs)::

      Recommendation 1: Partners should improve information sharing at the point of referral.
      Action 1.1
      Action: Review the MASH information sharing protocol.
      Lead: Head of MASH
      Timescale: 30 June 2024
      RAG: Amber
      Progress: Protocol drafted.

* form-style tables: a two-column table per action (or one table holding several records one
  after another), labels in the first column ('Action ref | 1.1', 'Lead | Head of MASH').

A record is a run of lines whose labels name the importer's fields (the column-header synonyms of
``synonyms.py``: 'Lead officer', 'By when', 'RAG rating', 'Progress to date' ...). A record starts at
an opener ('Action 1.1', 'Action 1.1: Review ...', a numbered line followed by labels), at a label
it already has ('Action ref' of the next record in the same table), or at a new table; a section
label ('Recommendation 2: ...', a numbered heading) ends it. A value runs over the lines after its
label until the next label of a known field, or of a label every record of the plan carries; other
'Word: text' lines (a 'Note:' inside a progress update) are part of the value. A record is an action
when it has action text and something else that says it is one (a lead, date, status, progress or
its own reference), or, among records whose labels give leads, dates or statuses, when its action
text has its own label ('Action: ...'); so prose with colons ('Note: ...', 'Purpose: ...') gives no
actions.

The reading is used by ``api.py`` only where it finds more actions than the table readings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .layout import (
    LEADING_REF,
    OWN_REF_IN_TEXT,
    SECTION_HEADING,
    Builder,
    _sections_from_table_names,
    is_pointer,
    looks_like_ref,
    section_ref_from_cell,
)
from .model import Location, PlanDraft, Section
from .normalise import clean_text, find_dates, looks_like_rag
from .readers.base import Item
from .synonyms import exact_header_field, header_field, section_label_pattern, section_text_label

_LABELS = section_label_pattern()
# 'Action 1.1', 'Action 1.1: Review ...', 'Action ref 2.3 – Audit ...', 'Action no. 4'
_OPENER = re.compile(
    r"^(?:action|ref(?:erence)?)(?:\s+(?:ref(?:erence)?|no|number|id))?\.?\s*(?:no\.?\s*)?"
    r"((?:[A-Z]{1,4}[-.]?)?\d{1,2}(?:\.\d{1,3}){0,3}[a-z]?)"
    r"(?:\s*[:.)\-–—]\s*(.*)|\s+(?=[A-Z‘'\"“(])(.*))?$",
    re.I,
)
# (punctuation after the number: a line 'Part 2 of the audit ...' inside a value is not a section)
# 'Recommendation 2: ...', 'Area for priority action 1 – ...', 'Theme A - Contacts and referrals'
_SECTION_LINE = re.compile(
    rf"^(?:{_LABELS})\s+(?:no\.?\s*)?(\d{{1,2}}(?:\.\d{{1,2}}){{0,2}}[a-z]?|[A-Z](?=\s*[.:)\-–—]))\s*[.:)\-–—]\s*(\S.*)$",
    re.I,
)
_SECTION_HEADING_LINE = re.compile(
    rf"^(?:{_LABELS})\s+(?:no\.?\s*)?(\d{{1,2}}(?:\.\d{{1,2}}){{0,2}}[a-z]?)(?:(?:\s*[.:)\-–—]\s*|\s+)(\S.*))?$",
    re.I,
)
_CONTENTS_PAGE = re.compile(r"\d{1,3}")
_LABEL_LINE = re.compile(r"^([A-Za-z][^:]{0,58}?)\s*:\s*(.*)$")
# labels that give a record's action words when it has none yet (after its reference)
_TEXT_LABELS = frozenset({"description", "action description", "details", "summary", "what"})
_ONE_LINE_FIELDS = ("owner", "due", "rag")  # fields whose value an unknown label's line does not go on
_LIST_REACH = 6  # the lines of a list an action's words may go on in before its labels
# a heading's text: a few capitalised words, perhaps numbered ('2. Neglect'), not a sentence
_TITLE_LINE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})?[.:)]?\s+)?[A-Z][^.;:!?]{2,100}$")
# what a record says of its action, labelled under it (not its text, reference or section)
_ACTION_DETAILS = ("owner", "due", "rag", "progress")
_SENTENCE_WORDS = 8  # a heading this long is a sentence: an action's words, not an area's title
_BULLET = re.compile(r"^(?:[-*•▪◦●§]|o(?=\s+[A-Z])|\d{1,2}[.)](?=\s))\s+")
_UNDERSCORE_BOLD = re.compile(r"__(.+?)__")
_MAX_LABEL_WORDS = 6
_LABEL_QUALIFIED = re.compile(r"[/(]")
# '**Lead** – Head of MASH', '**Timescale** June 2024': a bold label, then its value
_BOLD_LABEL = re.compile(r"^\*\*([^*]{1,60}?)\s*:?\s*\*\*\s*[:\-–—]?\s*(.*)$")
# fields that say a record is an action (besides its text): who, by when, how it stands ('Progress:'
# or 'Impact:' alone follow prose as well)
_ACTION_FIELDS = ("owner", "due", "rag", "agency", "due_or_evidence")
# where a list item's action text ends and its details begin: 'Review X (Lead: Y; by June 2024) – Amber'
_INLINE_SEP = re.compile(r"(?:\s*(?:[(\[;|)\]]|(?<=\s)[–—-](?=\s)|[,.](?=\s))\s*)+")
_INLINE_LABEL = re.compile(r"^([A-Za-z][A-Za-z /'’]{0,30}?)\s*:\s*(\S.*)$", re.S)
_INLINE_BY = re.compile(
    r"^(?:by|due|due by|deadline|target|timescale|by the end of|by end of)\b\s*(\S.*)$", re.I
)
_INLINE_FIELDS = ("owner", "due", "rag", "agency", "progress")


def label_field(label: str) -> str | None:
    """The field a record's label names ('Lead officer' -> owner), or None."""
    if len(label) > 60 or len(label.split()) > _MAX_LABEL_WORDS:
        return None
    found = exact_header_field(label)
    if found is None and _LABEL_QUALIFIED.search(label):
        # 'Lead officer/agency', 'Timescale (revised)': the field of the label's first words
        found = header_field(label)
    return found


def _label_key(label: str) -> str:
    return clean_text(label).lower().strip(" :*")


def _could_be_label(text: str) -> bool:
    """Short words, no sentence: a label before its colon (or alone in a form's first column)."""
    return (
        0 < len(text) <= 60
        and len(text.split()) <= _MAX_LABEL_WORDS
        and not text.rstrip(":").endswith(".")
        and not looks_like_ref(text)
        and (not find_dates(text) or label_field(text) is not None)  # 'RAG (March 2024)'
    )


# '... the presenting concern (Dev Mistry, MASH Police DS - end Sept 25) - GREEN': an unlabelled
# '(lead - when)' closing the action's words, its status after a dash (a plan typed into an email)
_NOT_A_DASH = r"(?:(?!\s[-–—]\s)[^()])"
_ASIDE = re.compile(
    rf"^(?P<body>.*\S)\s*\((?P<owner>{_NOT_A_DASH}+?)\s+[-–—]\s+(?P<due>{_NOT_A_DASH}*(?:\({_NOT_A_DASH}*\))?{_NOT_A_DASH}*)\)"
    r"\s*(?:[-–—]\s*(?P<rag>[^()]{1,30}?))?\.?$"
)
# a when without a date that a lead's aside may name ('(MASH Team Managers - monthly)')
_UNDATED_WHEN = re.compile(
    r"^(?:ongoing|on-going|monthly|weekly|quarterly|annually|termly|immediate(?:ly)?|tb[acd]|to be (?:confirmed|agreed))$",
    re.I,
)
# a status not given yet ('no RAG yet', 'not yet rated'): no status, but the place of one
_NO_STATUS_YET = re.compile(r"^(?:no (?:rag|rating|status)|not (?:yet )?(?:rag(?:ged|'d)?|rated))\b", re.I)
_ASIDE_OWNER_WORDS = 12


def _aside_fields(text: str) -> dict[str, str] | None:
    """An action with its lead and when in brackets after its words and its status after a dash:
    '... the presenting concern (Dev Mistry, MASH Police DS - end Sept 25) - GREEN'. Its fields, or
    None when the brackets hold no lead and when, or what follows them is not a status."""
    aside = _ASIDE.match(text)
    if aside is None:
        return None
    body, owner, due, rag = (
        aside["body"].strip(" -–—,;"),
        aside["owner"].strip(),
        aside["due"].strip(),
        aside["rag"],
    )
    if not (find_dates(due) or _UNDATED_WHEN.match(due)) or find_dates(owner):
        return None
    if len(owner.split()) > _ASIDE_OWNER_WORDS or len(body.split()) < 3:
        return None
    if rag is not None and not (looks_like_rag(rag.strip()) or _NO_STATUS_YET.match(rag.strip())):
        return None
    fields = {"text": body, "owner": owner, "due": due}
    if rag is not None and looks_like_rag(rag.strip()):
        fields["rag"] = rag.strip()
    return fields


def inline_fields(text: str, listed: bool = True) -> dict[str, str] | None:
    """A list item whose lead, date and status follow its action text: '1.1 Review the MASH protocol
    (Lead: Head of MASH; by June 2024) – Amber'. Its fields (text, ref, owner, due, rag), or None
    when nothing after the text is a labelled detail, a 'by <date>' or a status. A line not marked
    as a list item (a Word list numbers its paragraphs outside their text) needs a labelled lead."""
    ref = None
    own = LEADING_REF.match(text) or OWN_REF_IN_TEXT.match(text)
    if own:
        ref, text = own[1], own[2]
    bracketed = _aside_fields(text) if listed else None
    if bracketed is not None:
        return {**bracketed, "ref": ref} if ref else bracketed
    cuts = [(m.start(), m.end()) for m in _INLINE_SEP.finditer(text)]
    found: list[tuple[int, int, str, str]] = []  # (separator start, value start, field, value)
    for k, (start, end) in enumerate(cuts):
        stop = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        segment = text[end:stop].strip()
        labelled = _INLINE_LABEL.match(text[end:])
        if labelled and label_field(labelled[1]) in _INLINE_FIELDS:
            found.append((start, end + labelled.start(2), label_field(labelled[1]) or "", "labelled"))
        elif _INLINE_BY.match(segment) and find_dates(segment):
            found.append((start, end, "due", ""))
        elif segment and looks_like_rag(segment) and len(segment.split()) <= 3:
            found.append((start, end, "rag", ""))
    if not found or not any(f in ("owner", "due") for _, _, f, _ in found) and len(found) < 2:
        return None
    if not listed and not any(f == "owner" and kind for _, _, f, kind in found):
        return None
    body = text[: found[0][0]].strip()
    fields: dict[str, str] = {}
    aside = body.rfind("(")
    if aside > 0 and ")" not in body[aside:] and not any(f == "owner" for _, _, f, _ in found):
        # '(Partnership Business Manager, by April 2024)': the unlabelled detail is the lead
        fields["owner"] = body[aside + 1 :].strip(" ,;")
        body = body[:aside].strip()
    if len(body.split()) < 3:
        return None
    fields["text"] = body
    if ref:
        fields["ref"] = ref
    for k, (_, value_start, fld, _) in enumerate(found):
        stop = found[k + 1][0] if k + 1 < len(found) else len(text)
        value = text[value_start:stop].strip(" ;,()[]–—-")
        if fld == "due":
            by = _INLINE_BY.match(value)
            value = by[1] if by and not label_field(value.split(":")[0]) else value
        if value and fld not in fields:
            fields[fld] = value.rstrip(".") if fld != "progress" else value
    return fields


@dataclass
class Line:
    """One line of the document (a paragraph's line, a form table's row), with its label if any."""

    text: str
    location: Location
    heading: int = 0
    bold: bool = False
    table: int | None = None
    label: str | None = None  # the label as written, when the line has one
    field: str | None = None  # the field the label names (None: no label, or an unknown one)
    value: str = ""
    other_row: bool = False  # a row of an ordinary table (not a form): ends a record
    inline: dict[str, str] | None = None  # a list item with its details inline: its fields
    number: str | None = None  # the number before a line's text, read as a list's ('1. Neglect')
    last: int | None = None  # the last line of the document it stands for (a wrapped paragraph's)


def _text_line(text: str, item: Item, table: int | None = None, in_cell: bool = False) -> Line:
    raw = _UNDERSCORE_BOLD.sub(r"\1", text.strip())
    bold = item.bold or (raw.startswith("**") and raw.endswith("**") and raw.count("**") == 2)
    cleaned = clean_text(_BULLET.sub("", raw))
    line = Line(text=cleaned, location=item.location, heading=item.heading, bold=bold, table=table)
    numbered = LEADING_REF.match(raw)
    if numbered and not table:
        line.number = numbered[1]
    if _OPENER.match(cleaned) or _SECTION_LINE.match(cleaned):
        return line
    m = _LABEL_LINE.match(cleaned)
    if not table and not (m and label_field(m[1])) and not item.heading:
        listed = bool(_BULLET.match(raw) or LEADING_REF.match(cleaned) or OWN_REF_IN_TEXT.match(cleaned))
        line.inline = inline_fields(cleaned, listed)
        if line.inline:
            return line
    bold_label = _BOLD_LABEL.match(_BULLET.sub("", raw))
    if bold_label and label_field(clean_text(bold_label[1])) and not m:
        label = clean_text(bold_label[1])
        line.label, line.value, line.field = label, clean_text(bold_label[2]), label_field(label)
    elif m and _could_be_label(m[1]) and (not item.heading or label_field(m[1])):
        # a heading's 'Perpetrators: holding people to account' is a title, unless it names a field
        line.label, line.value, line.field = m[1], m[2], label_field(m[1])
    elif (bold or in_cell) and _could_be_label(cleaned) and label_field(cleaned):
        line.label, line.field = cleaned, label_field(cleaned)  # a label alone; its value below
    return line


def _row_lines(item: Item) -> list[Line]:
    """A table row as lines: 'Label | value' pairs of a form, else one line closing any record."""
    assert item.cells is not None
    cells = [clean_text(c) for c in item.cells]
    nonempty = [c for c in cells if c]
    if not nonempty:
        return []
    table = item.table
    if len(nonempty) == 1:
        if cells[0]:
            # a cell across the row (a heading, an opener) or a label whose value is empty
            line = _text_line(item.cells[0], item, table, in_cell=True)
            if line.field == "rag" and not line.value and item.fills:
                line.value = next((c for c in item.fills[1:] if c), "")  # a status shown by colour only
            return [line]
        # the value column goes on (a value over two rows)
        return [Line(text=nonempty[0], location=item.location, table=table)]
    if len(nonempty) == 2 and _CONTENTS_PAGE.fullmatch(nonempty[1]) and not label_field(nonempty[0]):
        return []  # a contents entry ('Recommendation 1 – Front door | 4'), not a record's line
    if len(nonempty) == 2 and looks_like_ref(cells[0]):
        # '1.1 | Review the MASH protocol.' over the rows 'Lead | ...', 'Target date | ...'
        return [Line(text=f"{cells[0]} {nonempty[1]}", location=item.location, table=table)]
    pairs: list[tuple[str, str]] = []
    k = 0
    while k < len(cells):
        label = cells[k]
        if not label:
            k += 1
            continue
        values: list[str] = []
        j = k + 1
        while j < len(cells) and not (cells[j] and label_field(cells[j]) and j - k >= 2):
            if cells[j] and cells[j] != (values[-1] if values else label):
                values.append(cells[j])
            j += 1
        pairs.append((label, " ".join(values)))
        k = j
    # one 'Label | value' pair, or two of known fields side by side ('Lead | X | RAG | Amber'); a
    # header row of an ordinary table names fields in its values too ('Ref | Action | Lead')
    labelled = (
        len(pairs) == 1 or (len(pairs) == 2 and all(label_field(label) for label, _ in pairs))
    ) and all(_could_be_label(label.rstrip(":")) and not label_field(value) for label, value in pairs)
    if not labelled:
        return [Line(text=" ".join(nonempty), location=item.location, table=table, other_row=True)]
    out = []
    for label, value in pairs:
        name = label.rstrip(":").strip()
        if _OPENER.fullmatch(name) or _SECTION_HEADING_LINE.fullmatch(name):
            # 'Action 1.1 | Review ...', 'Recommendation 2 | Strategy discussions'
            out.append(_text_line(f"{name}: {value}", item, table))
            continue
        if not value and item.fills and label_field(name) == "rag":
            # a status shown only by the colour of its cell
            at = [i for i, c in enumerate(cells) if c == label][:1]
            shown = [c for c in (item.fills[at[0] + 1 :] if at else []) if c]
            value = shown[0] if shown else ""
        out.append(
            Line(
                text=f"{name}: {value}",
                location=item.location,
                table=table,
                label=name,
                field=label_field(name),
                value=value,
            )
        )
    return out


# a line that opens one of its own even right under a full line: a list item, or a reference and words
_OWN_LINE = re.compile(
    r"^(?:[-*•▪◦●]\s|(?:[A-Z]{1,4}[-.]?)?\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?[.):]?\s+[A-Z‘'\"“])"
)
_WRAP_WIDTHS = range(60, 101)  # the widths text is wrapped at (an email's 72 to 78 characters)
_WRAPPED_LINES = 5
_WRAPPED_SHARE = 0.7
_NEARLY_FULL = 15  # characters short of the width a wrapped line may end


def _broken_for_width(line: str, following: str, width: int) -> bool:
    """Whether a line ended only because the next one's first word would not have fitted."""
    words = following.split()
    return bool(words) and len(line.rstrip()) + 1 + len(words[0]) > width


def _wrapped_width(items: list[Item]) -> int | None:
    """The width the text's paragraphs were wrapped at (an email, text saved with line breaks),
    or None: most lines going on to another line of the same paragraph ended only because the next
    word would not have fitted."""
    plain = [it for it in items if not it.is_row and "\n" not in it.text and it.location.line]
    if len(plain) < 2 * _WRAPPED_LINES:
        return None
    pairs = [
        (a.text, b.text)
        for a, b in zip(plain, plain[1:], strict=False)
        if b.location.line == (a.location.line or 0) + 1
    ]
    # the widest line going on to another (a one-line disclaimer or header may be longer)
    width = max((len(a.rstrip()) for a, _b in pairs), default=0)
    if width not in _WRAP_WIDTHS:
        return None
    # of the lines nearly as wide (a paragraph's lines but its last), most ended only for width;
    # short lines one under another ('Ref: 1.1' over 'Action: ...') say nothing either way
    full = [(a, b) for a, b in pairs if len(a.rstrip()) >= width - _NEARLY_FULL]
    broken = sum(1 for a, b in full if _broken_for_width(a, b, width))
    return width if broken >= _WRAPPED_LINES and broken >= _WRAPPED_SHARE * len(full) else None


def _joins_above(above: Item, item: Item, width: int) -> bool:
    """A line of wrapped text that goes on from the one above it (no blank line between them, the one
    above full), unless it opens a line of its own (a label, a list item, a reference)."""
    if item.is_row or above.is_row or item.location.line != (above.location.line or 0) + 1:
        return False
    text = item.text.strip()
    if not _broken_for_width(above.text, text, width):
        return False
    if _OWN_LINE.match(text) and not looks_like_rag(text.lstrip("-–— ")):  # not '- COMPLETE' after the lead
        return False
    labelled = _LABEL_LINE.match(clean_text(item.text))
    return not (labelled and label_field(labelled[1]))


def record_lines(items: list[Item]) -> list[Line]:
    lines: list[Line] = []
    width = _wrapped_width(items)
    k = 0
    while k < len(items):
        item = items[k]
        k += 1
        if item.is_row:
            lines.extend(_row_lines(item))
            continue
        if width is not None:
            # a wrapped paragraph's lines are one line: an action and its '(lead - due) - RAG' together
            parts, last = [item.text.strip()], item
            while k < len(items) and _joins_above(last, items[k], width):
                last = items[k]
                parts.append(last.text.strip())
                k += 1
            line = _text_line(" ".join(parts), item)
            line.last = last.location.line
            if line.text:
                lines.append(line)
            continue
        for part in item.text.split("\n"):
            if part.strip():
                line = _text_line(part, item)
                if line.text:
                    lines.append(line)
    return lines


@dataclass
class Record:
    location: Location
    table: int | None
    opened: bool = False  # by an opener ('Action 1.1') rather than by a label
    inline: bool = False  # a list item holding its details: labelled lines below it add what it lacks
    values: dict[str, str] = field(default_factory=dict)
    labels: set[str] = field(default_factory=set)
    fields_by_label: set[str] = field(default_factory=set)  # fields named by a label (not the opener)

    def add(self, fld: str, value: str) -> None:
        value = value.strip()
        if not value:
            return
        old = self.values.get(fld)
        if fld == "rag" and old and looks_like_rag(old) and looks_like_rag(value):
            self.values[fld] = value  # a status per update round ('RAG (March)', 'RAG (June)'): the latest
        else:
            self.values[fld] = f"{old} {value}" if old else value


@dataclass
class RecordReader:
    draft: PlanDraft
    lines: list[Line]
    builder: Builder = field(init=False)
    record: Record | None = None
    target: str | None = None  # the field the next unlabelled line goes on
    section_level: int = 0  # the heading level that set the current section (7: a plain line)
    set_labels: set[str] = field(default_factory=set)  # unknown labels every record carries
    openers: int = 0
    listed: int = 0  # list items with their details inline
    said: int = 0  # labelled lines that say a record is an action (a lead, date or status)
    untitled: Section | None = None  # opened by a label and number alone: its title is the next line
    ahead: list[Line] = field(default_factory=list)  # the lines after the one being read

    def __post_init__(self) -> None:
        self.builder = Builder(self.draft)
        unknown = Counter(_label_key(x.label) for x in self.lines if x.label and not x.field)
        starts = sum(1 for x in self.lines if x.field == "text" or (not x.label and _OPENER.match(x.text)))
        self.openers = sum(1 for x in self.lines if not x.label and _OPENER.match(x.text))
        self.listed = sum(1 for x in self.lines if x.inline)
        self.said = sum(1 for x in self.lines if x.label and x.field in _ACTION_FIELDS)
        self.set_labels = {k for k, n in unknown.items() if n >= 2 and 2 * n >= starts}

    # ------------------------------------------------------------ records
    def close(self) -> None:
        record, self.record, self.target = self.record, None, None
        if record is None:
            return
        values = dict(record.values)
        text = values.get("text", "")
        if not values.get("ref"):
            own = OWN_REF_IN_TEXT.match(text)
            if own:
                values["ref"], values["text"] = own[1], own[2]
                text = own[2]
        if not text or is_pointer(text):
            return
        said = any(values.get(f) for f in _ACTION_FIELDS) or "ref" in record.fields_by_label
        # among records that are actions, one whose action text has its label ('Action: ...') is one
        # too, even with no lead or date of its own (only its progress, or nothing else)
        said = said or ("text" in record.fields_by_label and self.said >= 2)
        if not said and not (record.opened and values.get("ref") and self.openers >= 2):
            return
        if not values.get("owner") and values.get("agency"):
            values["owner"] = values["agency"]
        if values.get("response"):
            values["progress"] = " ".join(v for v in (values.get("progress"), values.pop("response")) if v)
        kept = ("text", "ref", "owner", "due", "rag", "progress", "outcome", "agency", "constraints")
        self.builder._action(
            {k: v for k, v in values.items() if k in kept or k == "due_or_evidence"}, record.location
        )

    def open(self, line: Line, opened: bool = False) -> Record:
        self.close()
        self.record = Record(location=line.location, table=line.table, opened=opened)
        return self.record

    # ------------------------------------------------------------ sections
    def section(self, ref: str, title: str, line: Line, level: int) -> None:
        self.close()
        section = self.builder.add_section(ref, title, line.location)
        self.builder.heading_section = section.ref
        self.builder.table_label = None
        self.section_level = level

    def unnumbered_heading(self, line: Line) -> None:
        self.close()
        if self.builder.heading_section and line.heading <= self.section_level:
            self.builder.heading_section = None
        if not self.builder.heading_section:
            self.builder.table_label = line.text[:120]

    # ------------------------------------------------------------ lines
    def read(self) -> None:
        previous: Line | None = None
        for k, line in enumerate(self.lines):
            following = self.lines[k + 1] if k + 1 < len(self.lines) else None
            self.ahead = self.lines[k + 1 : k + 1 + _LIST_REACH]
            if previous is not None and line.table != previous.table and self.record is not None:
                if self.record.table is None and previous.table is None and line.label is not None:
                    self.record.table = line.table  # '2.1 Refresh ...' over its own table of labels
                elif (
                    line.table is None
                    and line.field in _ACTION_DETAILS
                    and self.record.opened
                    and set(self.record.values) <= {"ref", "text"}
                ):
                    # '1.1<tab>Introduce ...' (a row of its own in plain text) over its labelled lines
                    self.record.table = None
                else:
                    self.close()  # a new table, or paragraphs after a form table
            if self._heading_alone(line, previous, following):
                # a plain text's heading: a short title alone between blank lines, over a record
                numbered = LEADING_REF.match(line.text)
                if line.number:
                    self.section(line.number, line.text, line, 7)
                elif numbered:
                    self.section(numbered[1], numbered[2], line, 7)
                else:
                    self.section(line.text, line.text, line, 7)
            else:
                self.line(line, following)
            previous = line
        self.close()
        _sections_from_table_names(self.builder)

    @staticmethod
    def _heading_alone(line: Line, previous: Line | None, following: Line | None) -> bool:
        """A line of plain text that is a heading over the records below: a short title with a blank
        line before and after it (their line numbers apart), right above a record's opener or a labelled
        line of one of its fields."""
        if line.label or line.table is not None or line.heading or following is None:
            return False
        here, after = line.location.line, following.location.line
        before = (previous.last or previous.location.line) if previous is not None else None
        end = line.last or here
        if (
            here is None
            or end is None
            or after is None
            or after <= end + 1
            or (before is not None and before >= here - 1)
        ):
            return False
        opens = bool(_OPENER.match(following.text)) or following.field is not None
        return opens and bool(_TITLE_LINE.match(line.text)) and not _OPENER.match(line.text)

    def line(self, line: Line, following: Line | None) -> None:
        if line.other_row:
            self.close()
            return
        text = line.text
        untitled, self.untitled = self.untitled, None
        if untitled is not None and not line.label and not _OPENER.match(text) and line.table is None:
            untitled.title = text  # 'Recommendation 1' alone, what it recommends in the line below
            return
        if line.inline is not None and self.listed >= 2:
            # a list item holding a whole action: a record of its own
            record = self.open(line, opened=True)
            record.inline = True
            for name, value in line.inline.items():
                record.add(name, value)
            return
        if not line.label:
            opener = _OPENER.match(text)
            if opener:
                record = self.open(line, opened=True)
                record.add("ref", opener[1])
                record.add("text", opener[2] or opener[3] or "")
                self.target = "text"
                return
            alone = _SECTION_HEADING_LINE.fullmatch(text)
            if alone and not alone[2] and line.table is None:
                # a label and number alone on a line ('Recommendation 1'), its title the paragraph below
                self.section(alone[1], "", line, line.heading or 7)
                opened = next((s for s in self.draft.sections if s.ref == alone[1]), None)
                if opened is not None and opened.title == opened.ref:
                    self.untitled = opened
                return
            heading_action = self._action_heading(text, following) if line.heading or line.bold else None
            if heading_action is not None:
                self._open_numbered(line, heading_action[1], heading_action[2])
                return
            section = _SECTION_LINE.match(text)
            if not section and (line.heading or line.bold):
                section = _SECTION_HEADING_LINE.match(text) or SECTION_HEADING.match(text)
            if section and len(text) < 400:
                if (section[2] or "").strip() and is_pointer(section[2]) and LEADING_REF.match(text):
                    # a numbered heading that only points elsewhere ('4.2 As above'): an action
                    # left out, not a section for the actions below it
                    self.close()
                    return
                self.section(section[1], (section[2] or "").strip() or section[1], line, line.heading or 7)
                return
            if line.heading and line.number and not LEADING_REF.match(text):
                # a heading numbered as a list is ('## 1. Recognising bruising'): its number is its ref
                self.section(line.number, text, line, line.heading)
                return
            if line.heading:
                self.unnumbered_heading(line)
                return
            numbered = LEADING_REF.match(text) or OWN_REF_IN_TEXT.match(text)
            ref_alone = not numbered and looks_like_ref(text)  # '1.1' on a line of its own, words below
            if (numbered or ref_alone) and following is not None and not following.label:
                # the action's words go on in a list ('... for more than two years, looking at:',
                # 'whether ...;'), or are all below its reference, before its labelled lines: those
                # are what follows it
                following = self._labelled_after_list(line) or following
            # its labelled lines below it, or a small table of labels and values after it
            # (a row of its own: '1.1<tab>Review ...' in plain text is read as a table of one row)
            labelled_below = following is not None and (
                following.table == line.table
                or ((line.table is None or following.table is None) and following.label is not None)
            )
            if (
                numbered
                and labelled_below
                and following is not None
                and following.field not in (None, "text", "ref", "section")
            ) or (
                ref_alone
                and labelled_below
                and following is not None
                and (
                    following.field == "text"
                    or (following.field in _ACTION_DETAILS and following is not self.ahead[0])
                )
            ):
                # '2.1 Relaunch the Graded Care Profile 2.' with its 'Lead:', 'Timescale:' below, or
                # '2.1' alone over its 'Action:'
                self._open_numbered(
                    line, numbered[1] if numbered else text.rstrip("."), numbered[2] if numbered else ""
                )
                return
            if self.record is not None and self.target:
                self.record.add(self.target, text)
            return
        label = line.label
        key = _label_key(label)
        fld = line.field
        about_section = section_text_label(label)
        if about_section and (fld is None or (fld == "section" and self._section_described())):
            self.close()
            self.builder._section_text(about_section, line.value)
            return
        if (
            fld is None
            and key in _TEXT_LABELS
            and self.record is not None
            and "text" not in self.record.values
        ):
            # 'Action ref: 3.2' then 'Description: Audit the use of ...': the action's words
            fld = "text"
        if fld is None:
            if key in self.set_labels or self.target in _ONE_LINE_FIELDS:
                # a label of the record set that names no field, or one after a lead or a date
                # ('Partners involved: ...' below 'Lead officer: ...'): its value is dropped
                self.target = None
            elif self.record is not None and self.target:
                self.record.add(self.target, text)
            return
        if fld == "section":
            if line.value:
                ref, title = section_ref_from_cell(line.value, line.value)
                self.section(ref, title, line, 7)
            return
        current = self.record
        if (
            current is None
            or key in current.labels
            or (fld in ("text", "ref") and fld in current.values)
            or (current.inline and fld in current.values)
        ):
            current = self.open(line)
        record = current
        record.labels.add(key)
        record.fields_by_label.add(fld)
        record.add(fld, line.value)
        # a value goes on over the lines below, except a status or a reference (one word or two)
        self.target = None if fld in ("rag", "ref") and line.value else fld

    @staticmethod
    def _action_heading(text: str, following: Line | None) -> re.Match[str] | None:
        """A numbered heading that is an action, not a section: a sentence ('1.1 Refresh the protocol
        so that it applies to all babies under 6 months.'), its owner, date or status labelled right
        below it (a Notion or Confluence page with a heading per action). Its reference and words."""
        numbered = LEADING_REF.match(text) or OWN_REF_IN_TEXT.match(text)
        if not numbered or following is None or following.field not in _ACTION_DETAILS:
            return None
        sentence = len((numbered[2] or "").split()) >= _SENTENCE_WORDS or text.endswith(".")
        return numbered if sentence else None

    def _open_numbered(self, line: Line, ref: str, text: str) -> None:
        """A record opened by its action's reference and words, its labelled lines to follow."""
        record = self.open(line, opened=True)
        record.add("ref", ref)
        record.add("text", text)
        record.fields_by_label.add("ref")
        self.target = "text"

    def _labelled_after_list(self, line: Line) -> Line | None:
        """The first labelled line after a few unlabelled, unnumbered lines of the same table (a list
        going on from a numbered action), or None."""
        for ahead in self.ahead:
            if ahead.label is not None:
                return ahead if ahead.table == line.table else None
            if ahead.heading or ahead.table != line.table or LEADING_REF.match(ahead.text) or ahead.inline:
                return None
        return None

    def _section_described(self) -> bool:
        """'Recommendation: ...' right under a section's heading describes it (no record since)."""
        return bool(self.builder.heading_section) and self.record is None and not self._records_in_section()

    def _records_in_section(self) -> bool:
        current = self.builder.heading_section
        return any(a.section == current for a in self.draft.actions)


def build_from_records(draft: PlanDraft, items: list[Item]) -> None:
    """Read the plan's actions from records of labelled lines (see the module's docstring)."""
    RecordReader(draft, record_lines(items)).read()
