"""The library's entry point: ``import_document``."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .blocks import block_items
from .cells import cell_items, row_by_content
from .columnruns import column_run_items
from .columns import is_furniture
from .errors import DocumentError, IntakeError, LimitExceeded
from .layout import build_from_items, due_then_update
from .meta import item_texts, read_meta, read_rag_scheme
from .model import Action, ImportLimits, Location, PlanDraft
from .normalise import parse_due, parse_rag, quote
from .readers import read_document
from .readers.dispatch import decode_text
from .records import build_from_records
from .sideways import rows_turned_upright
from .synonyms import header_field
from .tables import find_data_tables, reconcile
from .textlayout import build_from_laid_out_text
from .totals import reconcile_actions, stated_counts
from .unsplit import warn_unsplit_cells


def _load(
    source: str | os.PathLike[str] | bytes, filename: str | None, limits: ImportLimits
) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > limits.max_bytes:
            raise LimitExceeded(_too_big(len(data), limits))
        return data, filename or "document"
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise LimitExceeded(_too_big(size, limits))
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except IsADirectoryError as exc:
        raise DocumentError(f"{path.name} is a folder, not a document.") from exc
    except OSError as exc:
        raise DocumentError(f"{path.name} could not be read ({exc.strerror or exc}).") from exc
    if len(data) > limits.max_bytes:
        raise LimitExceeded(_too_big(len(data), limits))
    return data, filename or path.name


def _too_big(size: int, limits: ImportLimits) -> str:
    return (
        f"The file is {size / 1048576:.1f} MB, larger than the limit of {limits.max_bytes / 1048576:.0f} MB."
    )


def _filled(draft: PlanDraft) -> int:
    """How many of a reading's actions have a lead, a due date, a status or progress."""
    return sum(1 for a in draft.actions if _filled_one(a))


def _reads_more(candidate: PlanDraft, current: PlanDraft) -> bool:
    """Whether another reading of laid-out text wins: more actions, unless they are all bare where
    those already read have cells (laid-out rows, '1.1  Report on ...  R  Head of ...', read as
    one cell after another give bare actions, and their headings as more of them)."""
    bare = _filled(candidate) == 0 < _filled(current)
    return len(candidate.actions) > len(current.actions) and not bare


_CELLS = ("owner", "owner_parts", "due_text", "due", "rag", "progress")
_AGREEING_WORDS = 6  # the opening words two readings of one action must share


def _opening(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())[:_AGREEING_WORDS]


def _cells_from_agreeing(bare: PlanDraft, others: list[PlanDraft]) -> None:
    """Fill the bare reading's actions' cells from the first other reading holding an action with
    the same reference whose text opens with the same words; say how many could not be read."""
    filled = 0
    for action in bare.actions:
        opening = _opening(action.text)
        match = next(
            (
                other
                for reading in others
                for other in reading.actions
                if other.ref == action.ref and _opening(other.text) == opening and _filled_one(other)
            ),
            None,
        )
        if match is not None:
            for name in _CELLS:
                setattr(action, name, getattr(match, name))
            _area_lines_cut(action, bare)
            filled += 1
    left = len(bare.actions) - filled
    if left:
        bare.warn(
            f"The plan's status and progress columns are printed in among its leads and dates in this "
            f"text, so the lead, due date, status and progress of {left} of its {len(bare.actions)} "
            "actions were left empty rather than guessed: import the PDF itself, or its text laid out "
            "in columns (pdftotext -layout), to read them."
        )
    if filled:
        bare.warn(
            f"The leads, due dates, statuses and progress of {filled} actions were read from the text "
            "cell by cell, where columns are printed in among each other: check them against the plan."
        )


def _area_lines_cut(action: Action, bare: PlanDraft) -> None:
    """The cell-by-cell reading may run an area's opening line ('AFI 2: The timeliness of ...') into
    the update above it: cut there; and where that leaves the update beside the due date on one
    line ('November 2024 G 64 of 81 managers trained'), tell the date, status and update apart."""
    if action.progress:
        for section in bare.sections:
            at = action.progress.find(f"{section.ref}:")
            if at >= 0 and section.ref:
                action.progress = action.progress[:at].strip() or None
                break
    if action.due_text and not action.progress and (parts := due_then_update(action.due_text)):
        action.due_text, status, action.progress = parts
        action.due = parse_due(action.due_text)
        if status and not action.rag:
            action.rag = parse_rag(status)[0]


def _filled_one(action: Action) -> bool:
    return bool(action.owner or action.due_text or action.rag or action.progress)


def _ref_kind(ref: str | None) -> str | None:
    """A reference's shape: '1.2' and '3.4' alike, '2b' another kind, 'Q2' another."""
    return re.sub(r"[a-z]", "a", re.sub(r"\d+", "9", ref)) if ref else None


def _more_of_its_kind(laid_out: PlanDraft, current: PlanDraft) -> bool:
    """The laid-out reading (areas numbered in order, each action's reference under its area's
    number) holds more actions than the current reading has of the same kinds of reference, and
    nearly as many in all: the current one took dates and area numbers for actions ('Q2 2024/25',
    '1 The partnership should ...') and missed some of the real ones."""
    if not laid_out.actions or (_filled(laid_out) == 0 < _filled(current)):
        return False
    kinds = {_ref_kind(a.ref) for a in laid_out.actions}
    alike = sum(1 for a in current.actions if _ref_kind(a.ref) in kinds)
    return len(laid_out.actions) > alike and len(laid_out.actions) >= 0.9 * len(current.actions)


# a date written as a day ('30/04/2027', '30 April 2027'), not a year in an agency's name
_DAY_IN_OWNER = re.compile(
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b",
    re.I,
)


def _owners_holding_dates(draft: PlanDraft) -> None:
    """An owner holding a date while no due date was read: the lead and date columns ran together
    (a table printed without borders, its cells centred), so the reading is in doubt, said at the
    row rather than the preview saying the document was read without doubts."""
    for action in draft.actions:
        if action.owner and action.due is None and _DAY_IN_OWNER.search(action.owner):
            draft.warn(
                f"{action.ref or quote(action.text, 40)}: its owner {quote(action.owner, 60)} holds a date and "
                "no due date was read: the columns may have run together. Check its owner, due date and "
                "words against the document.",
                action.location,
            )


def _page_furniture_dropped(draft: PlanDraft) -> None:
    """An 'action' that is only a page's running header or footer ('JTAI Written Statement of Action
    v3.2 – OFFICIAL Page 2 of 3'), read from text whose table was printed out of order, is none."""
    furniture = [a for a in draft.actions if is_furniture(a.text) and not (a.owner or a.due_text or a.rag)]
    for action in furniture:
        draft.warn(
            f"A page's header or footer ({quote(action.text, 60)}) was not read as an action.",
            action.location,
        )
    dropped = {id(a) for a in furniture}
    draft.actions = [a for a in draft.actions if id(a) not in dropped]


# the header of a message quoted in an email ('From: ...' then 'Sent: ...', Outlook's
# '-----Original Message-----', 'On 2 Feb 2026, at 09:14, Jo wrote:')
_MESSAGE_FROM = re.compile(r"^\s*(?:\*\*)?From:(?:\*\*)?\s+\S")
_MESSAGE_SENT = re.compile(r"^\s*(?:\*\*)?(?:Sent|Date):(?:\*\*)?\s+\S")
_MESSAGE_QUOTED = re.compile(
    r"^\s*-{2,}\s*(?:Original|Forwarded) Message\s*-{2,}\s*$|^On .{6,120} wrote:\s*$", re.I
)


def _earlier_message(text: str) -> tuple[int, list[str]] | None:
    """The line (from 1) where an email's first quoted earlier message starts, with the text's
    lines; None for text that is not an email quoting another below its own words."""
    lines = text.splitlines()
    seen_words = False
    for k, line in enumerate(lines):
        quoted = _MESSAGE_QUOTED.match(line) or (
            _MESSAGE_FROM.match(line) and any(_MESSAGE_SENT.match(n) for n in lines[k + 1 : k + 4])
        )
        if quoted and seen_words:
            return k + 1, lines
        if line.strip() and not quoted and not re.match(r"^\s*(?:\*\*)?\w+:", line):
            seen_words = True  # the newest message's own words, under its header
    return None


def import_document(
    source: str | os.PathLike[str] | bytes,
    filename: str | None = None,
    limits: ImportLimits | None = None,
) -> PlanDraft:
    """Read a plan (txt/md/html/docx/odt/xlsx/xls/ods/csv/pdf, by path or bytes) into a ``PlanDraft``.

    Raises ``DocumentError`` (a subclass of ``IntakeError``) with a message fit to show a user when
    the document cannot be imported: unreadable, unsupported, empty, over a limit, or without actions.
    """
    limits = limits or ImportLimits()
    data, name = _load(source, filename, limits)
    if not data.strip():
        raise DocumentError(f"{name} is empty.")
    try:
        result = read_document(data, name, limits)
    except IntakeError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise DocumentError(f"{name} is too complex to read.") from exc
    if result.fmt == "text" and (quoted := _earlier_message(decode_text(data))) is not None:
        # an email with an earlier message quoted below it (a reply, a corrected version): the
        # newest message's plan, where it holds one (a forward's note above holds none)
        at, message_lines = quoted
        newest = import_document("\n".join(message_lines[: at - 1]).encode(), name, limits)
        if newest.actions:
            newest.warn(
                f"This email quotes an earlier message from line {at} ({quote(message_lines[at - 1], 60)}) "
                "with its own copy of the plan: only the newest message's plan was read.",
                Location(line=at),
            )
            return newest
    widest = max((len(item.cells) for item in result.items if item.cells), default=0)
    if widest > limits.max_columns:
        raise LimitExceeded(
            f"{name} has a table {widest:,} columns wide, more than the {limits.max_columns:,} a plan could need: "
            "it may be a data extract rather than the plan. Save the plan's own columns alone and import that."
        )
    draft = PlanDraft(document=name)
    items = rows_turned_upright(result.items)
    if not items and not result.raw_lines:
        if result.fmt == "pdf":
            raise DocumentError(
                f"{name} has no text to read: it may be a scan or a picture of the plan. "
                "Import the document it was made from (Word, Excel) or a PDF saved from it."
            )
        raise DocumentError(f"{name} contains no text or tables.")
    texts = item_texts(items)
    draft.rag_scheme = read_rag_scheme(items, texts)
    draft.plan = read_meta(items, texts=texts)
    build_from_items(
        draft,
        items,
        printed_as_text=result.fmt == "text",
        rows_are_records=result.fmt in ("csv", "xlsx", "xls", "ods"),
    )
    if result.laid_out:
        # text laid out in columns: read by the columns under a header row (above) or, for a plan
        # whose rows are printed one cell after another, line by line; the reading that finds more
        # actions wins
        laid_out = PlanDraft(document=name, plan=draft.plan, rag_scheme=draft.rag_scheme)
        if build_from_laid_out_text(laid_out, result.raw_lines):
            # its cells left empty (more columns than it can place): taken from the readings that
            # agree with it on each action's reference and words
            by_cell = PlanDraft(document=name, plan=draft.plan, rag_scheme=draft.rag_scheme)
            build_from_items(by_cell, block_items(result.raw_lines, row_by_content))
            _cells_from_agreeing(laid_out, [by_cell, draft])
        if _reads_more(laid_out, draft) or _more_of_its_kind(laid_out, draft):
            draft = laid_out
        if len(draft.actions) < 3 or not any(a.ref for a in draft.actions):
            # nor line by line: perhaps one cell after another (pdftotext without -layout); a
            # reading without a single reference is no reason not to look
            by_cell = PlanDraft(document=name, plan=draft.plan, rag_scheme=draft.rag_scheme)
            build_from_items(by_cell, block_items(result.raw_lines, row_by_content))
            if _reads_more(by_cell, draft):
                draft = by_cell
        # one cell after another with no reference to start each row: blocks aligned to the header's
        # columns by what they hold
        no_refs = PlanDraft(document=name, plan=draft.plan, rag_scheme=draft.rag_scheme)
        build_from_items(no_refs, cell_items(result.raw_lines))
        if _reads_more(no_refs, draft):
            draft = no_refs
        # runs of rows printed column by column (all the references, then all the texts ...): rows
        # rebuilt from the order of each column's cells, where the text clearly reads so. The other
        # readings take such text row by row and so put leads and dates on the wrong actions: this
        # reading wins even with fewer actions, and says what it left out
        runs = column_run_items(result.raw_lines)
        if runs is None and not draft.actions:
            # nothing else was read: the same cells, one row after another, counted the same careful way
            runs = column_run_items(result.raw_lines, clear_only=False)
        if runs is not None:
            by_column = PlanDraft(document=name, plan=draft.plan, rag_scheme=draft.rag_scheme)
            build_from_items(by_column, runs.items)
            if by_column.actions:
                draft = by_column
            for message, line in runs.warnings:
                draft.warn(message, Location(line=line))
    # a plan written as records (labelled blocks 'Action:' / 'Lead:' / 'Timescale:', or a two-column
    # form table per action): read only where that finds more actions than the table readings
    records = PlanDraft(document=name, plan=draft.plan, rag_scheme=draft.rag_scheme)
    build_from_records(records, items)
    if len(records.actions) > len(draft.actions):
        draft = records
    _page_furniture_dropped(draft)
    _owners_holding_dates(draft)
    draft.tables = find_data_tables(items)
    # stated totals (a Total row, 'There are 82 actions', 'Red 6, Amber 20') against what was read
    draft.reconciliation = reconcile(draft.tables) + reconcile_actions(stated_counts(items), draft.actions)
    for discrepancy in draft.reconciliation:
        draft.warn(discrepancy.message, discrepancy.location)
    if not draft.actions and result.fmt in ("xlsx", "xls", "ods", "csv"):
        if not any(item.is_row for item in items):
            raise DocumentError(f"{name} has no table rows.")
        filled = [item for item in items if item.is_row and any(c.strip() for c in item.cells or [])]
        if len(filled) == 1 and "text" in {header_field(c) for c in filled[0].cells or [] if c}:
            # a header naming the action column and nothing under it
            raise DocumentError(f"{name} has a header row but no actions under it.")
        raise DocumentError(
            f"{name} has no header row naming an action column (e.g. 'Action', 'Ref', 'Owner', 'Due by'), "
            "so no actions could be read."
        )
    if result.fmt == "text":
        lines = list(enumerate(result.raw_lines, start=1)) or [
            (item.location.line or 0, item.text) for item in items if item.cells is None
        ]
        warn_unsplit_cells(draft, lines)
    if len(draft.actions) > limits.max_actions:
        raise LimitExceeded(
            f"{name} holds {len(draft.actions):,} actions, more than the {limits.max_actions:,} one plan could "
            "need: it may be a data extract or several plans in one. Import each plan on its own."
        )
    if not draft.actions:
        draft.warn(
            "No actions were found: no table with an action column, and no actions written as labelled "
            "blocks ('Action:' with 'Lead:', 'Timescale:' or 'RAG:'), were recognised."
        )
    return draft
