"""Totals a plan states about its own actions, compared with the actions read.

A plan often says how many actions it holds ('There are some 82 actions within this plan',
'Of the 40 actions, 6 are red, 20 amber and 14 green') or gives a summary table (Red 6, Amber 20,
Green 14, Total 40). When those figures disagree with what was read, the import may have missed or
split actions (or the document is out of date): either way a person should look.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .model import Action, Discrepancy, Location
from .normalise import clean_text, parse_rag
from .readers.base import Item

_ROUGHLY = r"(?:(?P<rough>some|about|around|approximately|roughly|over|nearly|almost|circa|c\.)\s+)?"
_TOTAL_ACTIONS = re.compile(
    r"\b(?:there\s+(?:are|were|is)|(?:plan|document|it)\s+(?:now\s+)?(?:has|had|holds|contains|comprises|includes|"
    r"consists\s+of|sets\s+out)|(?:a\s+)?total\s+of|in\s+total|of\s+the|all)\s+"
    + _ROUGHLY
    + r"(?P<count>\d{1,4})\s+(?:[a-z-]+\s+){0,2}actions\b"
    r"|\b"
    + _ROUGHLY.replace("rough", "rough2")
    + r"(?P<count2>\d{1,4})\s+actions\s+(?:with)?in\s+(?:this|the)\s+(?:[a-z-]+\s+){0,2}plan\b",
    re.I,
)
_COLOURS = r"red|amber|green|blue|complete(?:d)?"
# '6 red', '6 are red', '6 actions rated amber' ... followed by a separator, not by another noun
_COUNT_COLOUR = re.compile(
    rf"\b(\d{{1,4}})\s+(?:actions?\s+)?(?:(?:are|is|were|rated|as)\s+)?({_COLOURS})\b(?=\s*(?:[,.;:)]|and\b|actions?\b|$))",
    re.I,
)
_COLOUR_COUNT = re.compile(rf"\b({_COLOURS})\s*[:=–-]\s*(\d{{1,4}})\b", re.I)
_DIGIT = re.compile(r"\d")
_TOTAL_CELL = re.compile(r"^(?:total|all actions|total actions|grand total)$", re.I)


@dataclass
class StatedCount:
    """What the document says about its actions, and where."""

    location: Location
    quote: str
    total: int | None = None
    rough: bool = False
    by_rag: dict[str, int] = field(default_factory=dict)


def _rag_key(word: str) -> str:
    status, _ = parse_rag(word)
    return status or word.lower()


def stated_counts(items: list[Item]) -> list[StatedCount]:
    """Counts of actions stated in the text, and summary tables of actions by RAG status."""
    found: list[StatedCount] = []
    table_rows: dict[int, list[tuple[list[str], Item]]] = {}
    whole_tables: dict[int, list[tuple[list[str], Item]]] = {}
    for item in items:
        if item.is_row:
            cells = item.cells or []
            if item.table is not None:
                whole_tables.setdefault(item.table, []).append(([clean_text(c) for c in cells], item))
            # a summary row has two cells filled ('Red | 6'): only those are read
            if item.table is not None and sum(1 for c in cells if c.strip()) == 2:
                table_rows.setdefault(item.table, []).append(([clean_text(c) for c in cells], item))
            continue
        if not _DIGIT.search(item.text):
            continue
        text = clean_text(item.text)
        if not text:
            continue
        stated = StatedCount(location=item.location, quote=text[:160])
        total = _TOTAL_ACTIONS.search(text)
        if total:
            stated.total = int(total["count"] or total["count2"])
            stated.rough = bool(total["rough"] or total["rough2"])
            stated.quote = _sentence(text, total.start())
        colours: dict[str, int] = {}
        for m in _COUNT_COLOUR.finditer(text):
            colours.setdefault(_rag_key(m[2]), int(m[1]))
        for m in _COLOUR_COUNT.finditer(text):
            colours.setdefault(_rag_key(m[1]), int(m[2]))
        if len(colours) >= 2:  # one colour and a number may be about anything ('3 red flags')
            stated.by_rag = colours
        if stated.total is not None or stated.by_rag:
            found.append(stated)
    summary = _summary_table(table_rows)
    if summary is not None:
        found.append(summary)
    found.extend(_status_columns_tables(whole_tables))
    return found


def _status_of_column(cell: str) -> str | None:
    """The status a column of a count table is headed by ('Red', 'Complete'), or None."""
    if not cell or len(cell.split()) > 3 or _DIGIT.search(cell):
        return None
    status, known = parse_rag(cell)
    return status if known else None


def _status_columns_tables(tables: dict[int, list[tuple[list[str], Item]]]) -> list[StatedCount]:
    """Tables counting the actions at each status by priority, a column per status ('Priority | Red |
    Amber | Green | Complete | Total'): the counts their Total row gives, else what their rows add up to."""
    found: list[StatedCount] = []
    for rows in tables.values():
        for at, (cells, item) in enumerate(rows):
            statuses = {k: s for k, c in enumerate(cells) if (s := _status_of_column(c))}
            if len(statuses) < 2 or len(set(statuses.values())) < len(statuses):
                continue
            total_col = next((k for k, c in enumerate(cells) if _TOTAL_CELL.match(c)), None)
            counted = list(statuses) + ([total_col] if total_col is not None else [])
            body = [
                (c, i)
                for c, i in rows[at + 1 :]
                if all(k >= len(c) or not c[k] or c[k].isdigit() for k in counted)
                and any(k < len(c) and c[k] for k in counted)
            ]
            if not body:
                break
            total_rows = [c for c, _ in body if c and _TOTAL_CELL.match(next((x for x in c if x), ""))]
            figures = total_rows[-1:] or [c for c, _ in body]

            def added(k: int, figures: list[list[str]] = figures) -> int:
                return sum(int(c[k]) for c in figures if k < len(c) and c[k])

            by_rag = {status: added(k) for k, status in statuses.items()}
            total = added(total_col) if total_col is not None else None
            quote = ", ".join(f"{k} {v}" for k, v in by_rag.items()) + (f", total {total}" if total else "")
            found.append(
                StatedCount(
                    location=item.location,
                    quote=f"table of actions by status: {quote}",
                    total=total,
                    by_rag=by_rag,
                )
            )
            break
    return found


def _sentence(text: str, at: int) -> str:
    """The sentence of ``text`` around position ``at``, to quote in the warning."""
    start = text.rfind(". ", 0, at)
    end = text.find(". ", at)
    return text[start + 2 if start >= 0 else 0 : end + 1 if end >= 0 else len(text)][:160]


def _summary_table(tables: dict[int, list[tuple[list[str], Item]]]) -> StatedCount | None:
    """The first table with rows 'Red | 6', 'Amber | 20' (and maybe 'Total | 40'): a RAG summary."""
    for rows in tables.values():
        colours: dict[str, int] = {}
        total: int | None = None
        where: Location | None = None
        for cells, item in rows:
            filled = [c for c in cells if c]
            if len(filled) != 2 or not filled[1].isdigit():
                continue
            if _TOTAL_CELL.match(filled[0]):
                total = int(filled[1])
                continue
            status, known = parse_rag(filled[0])
            if status and known and len(filled[0].split()) <= 3:
                colours.setdefault(status, int(filled[1]))
                where = where or item.location
        if len(colours) >= 2 and where is not None:
            quote = ", ".join(f"{k} {v}" for k, v in colours.items()) + (f", total {total}" if total else "")
            return StatedCount(location=where, quote=f"summary table: {quote}", total=total, by_rag=colours)
    return None


def reconcile_actions(stated: list[StatedCount], actions: list[Action]) -> list[Discrepancy]:
    """A discrepancy for each stated count that differs from the actions read."""
    read_total = len(actions)
    read_rag = Counter(a.rag for a in actions if a.rag)
    out: list[Discrepancy] = []
    seen: set[tuple[Any, ...]] = set()
    for count in stated:
        if count.total is not None and count.total != read_total and ("total", count.total) not in seen:
            seen.add(("total", count.total))
            about = "about " if count.rough else ""
            out.append(
                Discrepancy(
                    kind="action_count",
                    message=f"The document says it has {about}{count.total} actions ('{count.quote}'), "
                    f"but {read_total} were read.",
                    values=[{"stated": count.total, "read": read_total, "approximate": count.rough}],
                    location=count.location,
                )
            )
        if count.by_rag:
            differ = {k: v for k, v in count.by_rag.items() if read_rag.get(k, 0) != v}
            key = ("rag", tuple(sorted(count.by_rag.items())))
            if differ and key not in seen:
                seen.add(key)
                said = ", ".join(f"{v} {k}" for k, v in count.by_rag.items())
                read = ", ".join(f"{read_rag.get(k, 0)} {k}" for k in count.by_rag)
                out.append(
                    Discrepancy(
                        kind="rag_count",
                        message=f"The document counts {said} ('{count.quote}'), but the actions read are {read}.",
                        values=[
                            {"status": k, "stated": v, "read": read_rag.get(k, 0)}
                            for k, v in count.by_rag.items()
                        ],
                        location=count.location,
                    )
                )
    return out
