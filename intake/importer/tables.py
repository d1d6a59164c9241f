"""Numeric data tables (monthly series, cross-tabs by area and level) and their reconciliation.

A table qualifies when its header row has month-like periods (a series across columns) or its
first column holds periods and its other cells are numbers (a cross-tab, with one or two header
rows naming the dimensions). Rows are normalised to ``{period, <dimension>..., count}``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from .model import DataTable, Discrepancy
from .normalise import MONTHS, clean_text
from .readers.base import Item

_PERIOD = re.compile(r"^([a-z]{3,9})\.?[\s\-']*(\d{2}|\d{4})$", re.I)
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_TOTAL = re.compile(r"^(?:total|all|sum|grand total)$", re.I)
_RISK_WORDS = {"high", "med", "medium", "low", "standard"}


def parse_period(text: str) -> str | None:
    m = _PERIOD.match(clean_text(text))
    if not m or m[1].lower() not in MONTHS:
        return None
    year = int(m[2])
    if year < 100:
        year += 2000
    return f"{year:04d}-{MONTHS[m[1].lower()]:02d}"


def _num(text: str) -> int | float | None:
    text = clean_text(text).replace(",", "")
    if not _NUMBER.match(text):
        return None
    value = float(text)
    return int(value) if value.is_integer() else value


def _group(items: list[Item]) -> list[tuple[list[list[str]], list[Item], str]]:
    tables: dict[int, list[Item]] = defaultdict(list)
    before: dict[int, str] = {}
    last_text = ""
    for item in items:
        if item.is_row and item.table is not None:
            if item.table not in tables:
                before[item.table] = last_text
            tables[item.table].append(item)
        elif item.text.strip():
            last_text = clean_text(item.text)
    return [
        ([[clean_text(c) for c in (i.cells or [])] for i in rows], rows, before[t])
        for t, rows in tables.items()
    ]


def _dimension_name(values: list[str], outer: bool) -> str:
    if values and all(v.lower() in _RISK_WORDS for v in values if v):
        return "risk"
    return "area" if outer else "category"


def find_data_tables(items: list[Item]) -> list[DataTable]:
    found: list[DataTable] = []
    for grid, table_items, context in _group(items):
        if len(grid) < 2:
            continue
        first = table_items[0]
        source = first.location.describe()
        # (a) periods across the header row: one series per data row
        header = grid[0]
        periods = [parse_period(c) for c in header]
        if sum(p is not None for p in periods) >= 3:
            name = header[0] or context or "table"
            data_rows = [r for r in grid[1:] if any(_num(c) is not None for c in r)]
            totals_at = [k for k, r in enumerate(grid) if k and r and _TOTAL.match(r[0] or "x")]
            data_rows = [r for r in data_rows if not _TOTAL.match(r[0] or "x")]
            total_row: list[dict[str, Any]] = []
            if totals_at and data_rows:
                stated_row = grid[totals_at[-1]]
                for c, period in enumerate(periods):
                    stated = _num(stated_row[c]) if period and c < len(stated_row) else None
                    if stated is not None:
                        added = sum(_num(r[c]) or 0 for r in data_rows if c < len(r))
                        total_row.append({"column": period, "count": stated, "sum": added})
            rows: list[dict[str, Any]] = []
            for r in data_rows:
                for c, period in enumerate(periods):
                    if period and c < len(r) and _num(r[c]) is not None:
                        row: dict[str, Any] = {"period": period}
                        if len(data_rows) > 1:
                            row["series"] = r[0]
                        row["count"] = _num(r[c])
                        rows.append(row)
            if rows:
                found.append(
                    DataTable(
                        name=name,
                        source=source,
                        rows=rows,
                        total_row=total_row,
                        location=first.location,
                        total_row_location=table_items[totals_at[-1]].location
                        if total_row
                        else first.location,
                    )
                )
            continue
        # (b) periods down the first column, numbers across
        body = [r for r in grid if r and parse_period(r[0])]
        if len(body) < 2:
            continue
        head_rows = [r for r in grid if r and not parse_period(r[0]) and not _TOTAL.match(r[0] or "x")]
        head_rows = [r for r in head_rows if grid.index(r) < grid.index(body[0])]
        width = max(len(r) for r in grid)
        labels: list[list[str]] = []
        for h in head_rows[-2:]:
            filled, current = [], ""
            for c in range(width):
                value = h[c] if c < len(h) else ""
                if c > 0 and value:
                    current = value
                filled.append(current if c > 0 else "")
            labels.append(filled)
        total_col = next(
            (c for c in range(1, width) if any(c < len(h) and _TOTAL.match(h[c] or "x") for h in head_rows)),
            None,
        )
        name = next((h[0] for h in head_rows if h and h[0]), "")
        if not name and head_rows:
            named = [c for c in head_rows[0] if c and not _TOTAL.match(c)]
            name = named[0] if len(named) == 1 else ""
        name = name or context[:80] or "table"
        keep = [c for c in range(1, width) if c != total_col]
        outer_values = [labels[0][c] for c in keep] if len(labels) == 2 else []
        inner_values = [labels[-1][c] for c in keep] if labels else []
        dim_names = []
        if len(labels) == 2:
            dim_names = [_dimension_name(outer_values, True), _dimension_name(inner_values, False)]
        elif labels:
            dim_names = [_dimension_name(inner_values, True)]
        total_row = []
        totals_at = [
            k for k, r in enumerate(grid) if r and _TOTAL.match(r[0] or "x") and k > grid.index(body[0])
        ]
        if totals_at:
            stated_row = grid[totals_at[-1]]
            for c in range(1, min(len(stated_row), width)):
                stated = _num(stated_row[c])
                if stated is None:
                    continue
                columns = [c] if c != total_col else keep
                added = sum(_num(r[k]) or 0 for r in body for k in columns if k < len(r))
                label = " ".join(lab[c] for lab in labels if lab[c]) if c != total_col else "all"
                total_row.append({"column": label or f"column {c + 1}", "count": stated, "sum": added})
        rows = []
        totals: list[dict[str, Any]] = []
        for r in body:
            period = parse_period(r[0])
            for c in range(1, min(len(r), width)):
                number = _num(r[c])
                if number is None:
                    continue
                if c == total_col:
                    totals.append({"period": period, "count": number})
                    continue
                row = {"period": period}
                for d, lab in zip(dim_names, labels[-len(dim_names) :] if dim_names else [], strict=False):
                    row[d] = lab[c].title() if lab[c].isupper() else lab[c]
                row["count"] = number
                rows.append(row)
        if rows:
            found.append(
                DataTable(
                    name=name,
                    source=source,
                    rows=rows,
                    total_column=totals,
                    total_row=total_row,
                    location=first.location,
                    total_row_location=table_items[totals_at[-1]].location if total_row else first.location,
                )
            )
    return found


def reconcile(tables: list[DataTable]) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    for table in tables:
        sums: dict[str, float] = defaultdict(float)
        for row in table.rows:
            sums[row["period"]] += row["count"]
        for total in table.total_column:
            if abs(sums.get(total["period"], 0) - total["count"]) > 1e-9:
                out.append(
                    Discrepancy(
                        kind="total_column",
                        message=f"{table.name}, {total['period']}: stated total {total['count']} but the cells "
                        f"add up to {sums[total['period']]:g}",
                        values=[
                            {"source": table.source, "stated": total["count"], "sum": sums[total["period"]]}
                        ],
                        location=table.location,
                    )
                )
        for total in table.total_row:
            if abs(total["sum"] - total["count"]) > 1e-9:
                out.append(
                    Discrepancy(
                        kind="total_row",
                        message=f"{table.name}: the Total row gives {total['count']:g} for {total['column']} "
                        f"but the rows above add up to {total['sum']:g}",
                        values=[
                            {
                                "source": table.source,
                                "column": total["column"],
                                "stated": total["count"],
                                "sum": total["sum"],
                            }
                        ],
                        location=table.total_row_location,
                    )
                )

    def cells(table: DataTable) -> dict[str, dict[tuple[Any, ...], Any]]:
        by_period: dict[str, dict[tuple[Any, ...], Any]] = defaultdict(dict)
        for row in table.rows:
            key = tuple(str(v).lower() for k, v in sorted(row.items()) if k not in ("period", "count"))
            by_period[row["period"]][key] = row["count"]
        return by_period

    def period_total(table: DataTable, period: str) -> float:
        stated = next((t["count"] for t in table.total_column if t["period"] == period), None)
        if stated is not None:
            return float(stated)
        return float(sum(r["count"] for r in table.rows if r["period"] == period))

    for i, a in enumerate(tables):
        for b in tables[i + 1 :]:
            ca, cb = cells(a), cells(b)
            shared = sorted(set(ca) & set(cb))
            # the same measure: at least one shared period where every cell agrees
            if not shared or not any(ca[p] == cb[p] and ca[p] for p in shared):
                continue
            for p in shared:
                if ca[p] != cb[p] or period_total(a, p) != period_total(b, p):
                    out.append(
                        Discrepancy(
                            kind="cross_table",
                            message=f"{p}: '{a.name}' gives {period_total(a, p):g} but '{b.name}' gives {period_total(b, p):g}",
                            values=[
                                {
                                    "table": a.name,
                                    "source": a.source,
                                    "period": p,
                                    "count": period_total(a, p),
                                },
                                {
                                    "table": b.name,
                                    "source": b.source,
                                    "period": p,
                                    "count": period_total(b, p),
                                },
                            ],
                            location=b.location,
                        )
                    )
    return out
