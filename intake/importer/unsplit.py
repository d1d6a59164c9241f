"""Text whose table cells were run together when it was extracted from a PDF (pdfplumber's plain
``extract_text()``, or its ``layout=True`` where a cell's text is wider than its column): each row's
cells on one line, joined by single spaces, with nothing to say where one cell ends and the next
begins. Such text is not split into cells by guessing; the import says that it is unsure instead."""

from __future__ import annotations

import re

from .columns import header_fields_of
from .model import Location, PlanDraft
from .normalise import quote

_DETAIL = frozenset({"owner", "due", "rag"})
_GAP = re.compile(r"\S {2,}\S|\t")


def _header(lines: list[tuple[int, str]]) -> tuple[int, str, bool] | None:
    """The first line naming a table's columns, at least two of lead, date and status among them:
    (its line number, its text, whether its names are joined by single spaces)."""
    for k, line in lines:
        text = line.strip()
        named = header_fields_of(text) if text else None
        if named and len(named) >= 3 and len({f for f, _ in named} & _DETAIL) >= 2:
            return k, " ".join(text.split()), not _GAP.search(text)
    return None


def warn_unsplit_cells(draft: PlanDraft, lines: list[tuple[int, str]]) -> None:
    """Warn when a table's cells look run together: its header printed with single spaces between
    the column names (the rows under it then read as prose, so a line read as an action with no
    reference, lead, date or status is left out rather than invented), or most actions read with
    none of the lead, date and status the header names."""
    found = _header(lines)
    if found is None:
        return
    at, header, single = found
    if single:
        invented = [
            a
            for a in draft.actions
            if not (a.ref or a.owner or a.due_text or a.rag) and (a.location.line or 0) > at
        ]
        left_out = {id(a) for a in invented}
        draft.actions = [a for a in draft.actions if id(a) not in left_out]
        left = f" {len(invented)} lines read as actions were left out." if invented else ""
        draft.warn(
            f"The table's header ({quote(header, 80)}) has its column names joined by single spaces, as a PDF's "
            "plain text extraction prints a table: its rows cannot be split into their cells reliably, so "
            f"actions, leads, dates and statuses may be missing or run together.{left} Import the PDF itself, "
            "or text extracted with its columns kept (pdftotext -layout).",
            Location(line=at),
        )
        return
    if not draft.actions:
        draft.warn(
            f"No rows under the table's header ({quote(header, 80)}) could be split into their cells: they may have "
            "been run together when the text was extracted from a PDF. Import the PDF itself.",
            Location(line=at),
        )
        return
    bare = [a for a in draft.actions if not (a.owner or a.due_text or a.rag)]
    if len(draft.actions) >= 3 and len(bare) * 2 >= len(draft.actions):
        draft.warn(
            f"{len(bare)} of {len(draft.actions)} actions were read without a lead, date or status, though "
            f"the table's header ({quote(header, 80)}) names those columns: the cells of its rows may have been "
            "run together when the text was extracted from a PDF. Check these actions, or import the PDF itself.",
            Location(line=at),
        )
