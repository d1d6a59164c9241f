"""The scorecard's rules as plain functions: RAG against thresholds, totals, reconciliation, charts.

Nothing here touches the database, so every rule is tested with plain data, and the importer can
reconcile a document's tables (`reconcile_tables`) before anything is saved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

HIGHER = "higher"
LOWER = "lower"


class Rag(enum.Enum):
    """A measure's RAG rating; `label` is always shown next to the colour."""

    RED = ("red", "Red")
    AMBER = ("amber", "Amber")
    GREEN = ("green", "Green")
    NONE = ("grey", "No target")
    NO_VALUE = ("grey", "No value yet")  # a target, but nothing known for the period

    @property
    def colour(self) -> str:
        return self.value[0]

    @property
    def label(self) -> str:
        return self.value[1]

    @property
    def css(self) -> str:
        return f"govuk-tag govuk-tag--rag-{self.colour}"


@dataclass(frozen=True)
class Thresholds:
    """Green at or better than `green_from` (the target when unset), amber at or better than
    `amber_from`, red beyond it. "Better" means higher or lower according to the polarity."""

    polarity: str = HIGHER
    target: Decimal | None = None
    green_from: Decimal | None = None
    amber_from: Decimal | None = None

    @property
    def green(self) -> Decimal | None:
        return self.green_from if self.green_from is not None else self.target

    def green_note(self, suffix: str = "") -> str:
        """ "green from 90%" when a green boundary other than the target is set, else empty: what
        explains a value short of the target rated Green (QA round 9)."""
        if self.green_from is None or self.green_from == self.target:
            return ""
        return f"green from {_num(self.green_from)}{suffix}"

    def describe(self, suffix: str = "") -> str:
        """The target and its boundaries in words, each number followed by the unit's `suffix`:
        "95% (higher is better); green from 90%, amber from 80%, red beyond"."""
        if self.green is None:
            return "No target"
        target = f"{_num(self.target)}{suffix}" if self.target is not None else "No target"
        better = "higher is better" if self.polarity == HIGHER else "lower is better"
        bands = [self.green_note(suffix)] if self.green_note(suffix) else []
        if self.amber_from is not None:
            bands.append(f"amber from {_num(self.amber_from)}{suffix}")
        bands_text = "; " + ", ".join([*bands, "red beyond"]) if bands else ""
        return f"{target} ({better}){bands_text}"


def _at_least_as_good(number: Decimal, boundary: Decimal, polarity: str) -> bool:
    return number >= boundary if polarity == HIGHER else number <= boundary


def check_thresholds(thresholds: Thresholds) -> None:
    """Refuse an amber boundary that is better than the green one (it would hide the amber band)."""
    green, amber = thresholds.green, thresholds.amber_from
    if green is None or amber is None:
        return
    if amber != green and _at_least_as_good(amber, green, thresholds.polarity):
        direction = "above" if thresholds.polarity == HIGHER else "below"
        raise ValueError(f"The amber boundary cannot be {direction} the green boundary ({green}).")


def rag_for(number: Decimal | int | float | None, thresholds: Thresholds) -> Rag:
    """RAG of one value: no target gives NONE ("No target"), a target but no value NO_VALUE ("No
    value yet"), both grey."""
    green = thresholds.green
    if green is None:
        return Rag.NONE
    if number is None:
        return Rag.NO_VALUE
    number = Decimal(str(number))
    if _at_least_as_good(number, green, thresholds.polarity):
        return Rag.GREEN
    if thresholds.amber_from is not None and _at_least_as_good(
        number, thresholds.amber_from, thresholds.polarity
    ):
        return Rag.AMBER
    return Rag.RED


# Periods -------------------------------------------------------------------------------------

MONTHLY = "monthly"
QUARTERLY = "quarterly"
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_name) if name})
_MONTHS["sept"] = 9


def period_start(day: dt.date, frequency: str = MONTHLY) -> dt.date:
    if frequency == QUARTERLY:
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return dt.date(day.year, day.month, 1)


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def parse_period(raw: Any, frequency: str = MONTHLY) -> dt.date:
    """Read a period as people write it: 2020-04, 2020-04-01, Apr 2020, Apr-20, April 2020, a date cell.

    Raises ValueError with a message for the user. A quarterly measure needs a quarter's first
    month, so a value is never silently moved into another period.
    """
    if isinstance(raw, dt.datetime):
        day = raw.date()
    elif isinstance(raw, dt.date):
        day = raw
    else:
        text = " ".join(str(raw or "").split())
        if not text:
            raise ValueError("The period is missing.")
        day = _parse_period_text(text)
        if day is None:
            raise ValueError(f"“{text}” is not a period: write it as 2020-04 (year and month).")
    # A date anywhere in the month names that month.
    start = period_start(day, frequency)
    if frequency == QUARTERLY and start.month != day.month:
        raise ValueError(
            f"{day:%Y-%m} is not the first month of a quarter (January, April, July or October)."
        )
    return start


LARGEST_VALUE = 10**12


def figure_text(value: Any) -> str:
    """A figure as every page and the board pack write it: up to two decimals, none trailing,
    thousands grouped ('' for none)."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal | float | int) and not isinstance(value, bool):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def fraction_problems(unit: str, raw: Any, number: Decimal) -> list[str]:
    """A percentage written as a fraction (0.87 for 87%: a cell typed over without its % format, or
    a CSV, which has none), which would be saved as 0.87% (QA round 11: one such cell turned a
    month Red). A value under 1% is written with its sign ('0.87%'), or in a cell formatted as %."""
    written_with_sign = isinstance(raw, str) and "%" in raw
    if unit == "percentage" and 0 < number < 1 and not written_with_sign:
        whole = (number * 100).normalize()
        return [
            f"{number.normalize():f} looks like {whole:f}% written as a fraction: write {whole:f} (or "
            f"{whole:f}%). For a value under 1%, write it with its sign ({number.normalize():f}%)."
        ]
    return []


def value_problems(
    unit: str, period: dt.date | None, number: Decimal | None, today: dt.date, frequency: str = MONTHLY
) -> list[str]:
    """What makes a value impossible, in words for the user (empty when it is fine): a period
    that has not started yet (a typo such as 2062 for 2026 would otherwise head the scorecard
    as the latest value), a count or number of days below zero, a count that is not whole, or a
    percentage outside 0 to 100 (a "Number" may be anything the database can keep)."""
    problems = []
    if period is not None and period.year < 2000:
        # 1999 for 2025: charted beside the last months as if it came just before them (QA round 7)
        problems.append(f"{period:%Y-%m} is before 2000: check the year.")
    if period is not None and period > period_start(today, frequency):
        problems.append(f"{period:%Y-%m} has not started yet: values are for periods up to {today:%Y-%m}.")
    if number is not None and (not number.is_finite() or abs(number) >= LARGEST_VALUE):
        # what the database keeps (14 digits, 2 after the point); a larger one could not be saved
        # on PostgreSQL and, once saved on SQLite, could not be read back
        return [*problems, f"A value must be less than {LARGEST_VALUE:,} (and more than -{LARGEST_VALUE:,})."]
    if number is not None and number < 0 and unit in ("count", "days"):
        problems.append(f"A {'count' if unit == 'count' else 'number of days'} cannot be below zero.")
    elif number is not None and unit == "count" and number != number.to_integral_value():
        # 1.5 strategy meetings: a slip of the decimal point the board would be shown as a figure
        problems.append("A count is a whole number: for a rate or an average, the measure's unit is Number.")
    if number is not None and unit == "percentage" and not 0 <= number <= 100:
        # a share of children or cases: 150% (929 for 92.9) went to the board as a green figure
        problems.append(
            "A percentage must be between 0 and 100: for a change or a rate, the measure's unit is Number."
        )
    return problems


# a quarter of a financial year as the pages write it: 'Q1 2026/27' is April to June 2026
_FINANCIAL_QUARTER = re.compile(r"Q([1-4])\s*(\d{4})\s*/\s*(\d{2}|\d{4})", re.I)


def _parse_period_text(text: str) -> dt.date | None:
    quarter = _FINANCIAL_QUARTER.fullmatch(text)
    if quarter:
        number, start = int(quarter[1]), int(quarter[2])
        if int(quarter[3]) % 100 != (start + 1) % 100:
            return None  # 'Q1 2026/25' names no year
        return dt.date(start + (number == 4), (3 * number + 1) if number < 4 else 1, 1)
    match = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", text)
    if match:
        year, month = int(match[1]), int(match[2])
    else:
        match = re.fullmatch(r"([A-Za-z]+)[\s\-/']*(\d{2}|\d{4})", text)
        if not match or match[1].lower() not in _MONTHS:
            return None
        year, month = _year(match[2]), _MONTHS[match[1].lower()]
    if not 1 <= month <= 12:
        return None
    return dt.date(year, month, 1)


def period_label(day: dt.date, frequency: str = MONTHLY) -> str:
    """'Apr 2026'; a quarter of the financial year, as partnerships and their plans count them:
    April to June 2026 is 'Q1 2026/27' (QA round 11: 'Q2 2026' beside plans' 'Q2 2026/27' for
    July to September)."""
    if frequency == QUARTERLY:
        start = day.year if day.month >= 4 else day.year - 1
        return f"Q{((day.month - 4) % 12) // 3 + 1} {start}/{(start + 1) % 100:02d}"
    return f"{calendar.month_abbr[day.month]} {day.year}"


# Numbers and cells ---------------------------------------------------------------------------


def parse_number(raw: Any) -> Decimal:
    """A number as typed or read from a cell; "77%" is 77. Raises ValueError with a message."""
    if isinstance(raw, bool):
        raise ValueError("The value is not a number.")
    if isinstance(raw, (int, float, Decimal)):
        return Decimal(str(raw))
    text = str(raw or "").strip().replace(",", "").rstrip("%").strip()
    if not text:
        raise ValueError("The value is missing.")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"“{str(raw).strip()}” is not a number.") from None
    if not number.is_finite():
        raise ValueError(f"“{str(raw).strip()}” is not a number.")
    if abs(number) >= LARGEST_VALUE:
        # the column holds 12 digits before the point: a bigger number would be refused by the
        # database, or on SQLite saved and then break every page that reads it
        raise ValueError(f"“{str(raw).strip()}” is too large: values must be under 1,000,000,000,000.")
    exponent = number.as_tuple().exponent  # an int for a finite number
    return number.quantize(Decimal("0.01")) if isinstance(exponent, int) and exponent < -2 else number


LARGEST_VALUE = Decimal(10) ** 12


def dimensions_key(dimensions: Mapping[str, Any]) -> str:
    """The same dimension values always give the same key, whatever order they came in."""
    return "|".join(f"{k}={dimensions[k]}" for k in sorted(dimensions))


@dataclass(frozen=True)
class Cell:
    """One value as one source states it."""

    period: dt.date
    dimensions: dict[str, str]
    number: Decimal
    source: str
    entered_at: dt.datetime | None = None

    @property
    def key(self) -> tuple[dt.date, str]:
        return (self.period, dimensions_key(self.dimensions))


def current_cells(cells: Iterable[Cell]) -> dict[tuple[dt.date, str], Cell]:
    """One cell per period and dimensions: where sources disagree, the most recently entered wins
    (reconciliation shows the disagreement; the page must still show one number)."""
    chosen: dict[tuple[dt.date, str], Cell] = {}
    for cell in cells:
        held = chosen.get(cell.key)
        if held is None or (cell.entered_at or dt.datetime.min) >= (held.entered_at or dt.datetime.min):
            chosen[cell.key] = cell
    return chosen


def total(numbers: Iterable[Decimal | int | None]) -> Decimal:
    """Sum of the numbers given, blanks left out."""
    return sum((Decimal(str(n)) for n in numbers if n is not None), Decimal(0))


def headline(cells: Iterable[Cell], unit: str = "count") -> Decimal | None:
    """The single number for a period: the value stated for the measure as a whole when there is
    one; else the total of the cells for a count, or their (unweighted) mean for a percentage or
    days, since adding percentages means nothing."""
    cells = list(cells)
    if not cells:
        return None
    overall = [c for c in cells if not c.dimensions]
    if overall:
        return overall[-1].number
    summed = total(c.number for c in cells)
    if unit == "count":
        return summed
    return (summed / len(cells)).quantize(Decimal("0.1"))


def series(cells: Iterable[Cell], unit: str = "count") -> list[tuple[dt.date, Decimal]]:
    """Headline per period, oldest first, from the current cells."""
    by_period: dict[dt.date, list[Cell]] = defaultdict(list)
    for cell in current_cells(cells).values():
        by_period[cell.period].append(cell)
    out = []
    for period in sorted(by_period):
        number = headline(by_period[period], unit)
        if number is not None:
            out.append((period, number))
    return out


def incomplete_periods(cells: Iterable[Cell]) -> dict[dt.date, tuple[int, int]]:
    """The newest period of a broken-down measure when it is reported for fewer of its cells than the
    period before it (the City team's figures in before the County's): period -> (cells reported,
    cells expected). Their sum is not the month's figure yet: 36 then 5 read as a fall of 31 (QA
    round 7)."""
    counts: dict[dt.date, int] = defaultdict(int)
    for cell in current_cells(cells).values():
        if cell.dimensions:
            counts[cell.period] += 1
    # Only the newest period can still be coming in: a breakdown row left out for good (no
    # high-risk child in one area) made every later month 'in so far' and froze the latest figure
    # (QA round 11). The newest is partial when it has fewer figures than the period before it.
    periods = sorted(counts)
    if len(periods) < 2 or counts[periods[-1]] >= counts[periods[-2]]:
        return {}
    return {periods[-1]: (counts[periods[-1]], counts[periods[-2]])}


@dataclass
class CrossTab:
    row_dimension: str
    column_dimension: str
    rows: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], Decimal]
    row_totals: dict[str, Decimal]
    column_totals: dict[str, Decimal]
    grand_total: Decimal

    def table(self) -> list[tuple[str, list[Decimal | None], Decimal]]:
        """Rows for a template: (row label, cells in column order, row total)."""
        return [(r, [self.cells.get((r, c)) for c in self.columns], self.row_totals[r]) for r in self.rows]


def _ordered(found: Iterable[str], preferred: Iterable[str]) -> list[str]:
    found = list(dict.fromkeys(found))
    order = [v for v in preferred if v in found]
    return order + sorted(v for v in found if v not in order)


def crosstab(
    cells: Iterable[Cell],
    row_dimension: str,
    column_dimension: str,
    row_order: Iterable[str] = (),
    column_order: Iterable[str] = (),
) -> CrossTab:
    """Cells of one period laid out by two dimensions, with row, column and grand totals.

    Cells lacking either dimension are left out; a dimension missing from every cell collapses
    to a single "All" row or column so a one-dimension measure still shows.
    """
    grid: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for cell in cells:
        r = cell.dimensions.get(row_dimension, "All") if row_dimension else "All"
        c = cell.dimensions.get(column_dimension, "All") if column_dimension else "All"
        grid[(r, c)] += cell.number
    rows = _ordered((r for r, _ in grid), row_order)
    columns = _ordered((c for _, c in grid), column_order)
    row_totals = {r: total(grid.get((r, c)) for c in columns) for r in rows}
    column_totals = {c: total(grid.get((r, c)) for r in rows) for c in columns}
    return CrossTab(
        row_dimension=row_dimension,
        column_dimension=column_dimension,
        rows=rows,
        columns=columns,
        cells=dict(grid),
        row_totals=row_totals,
        column_totals=column_totals,
        grand_total=total(row_totals.values()),
    )


# Reconciliation ------------------------------------------------------------------------------


@dataclass
class Finding:
    """Two figures that should agree but do not. `values` lists each figure with its source.

    kind: stated_total (a total printed in a table against the sum of its cells) or cross_source
    (the same measure, period and dimensions stated differently by two sources).
    """

    kind: str
    measure: str
    message: str
    period: str | None = None
    dimensions: dict[str, str] = field(default_factory=dict)
    values: list[dict[str, Any]] = field(default_factory=list)
    period_label: str | None = None  # the period as people write it ("Nov 2026", "Q3 2026")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "measure": self.measure,
            "message": self.message,
            "period": self.period,
            "dimensions": self.dimensions,
            "values": self.values,
        }


def _num(value: Any) -> int | float:
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else float(number)


def _describe(dimensions: Mapping[str, Any]) -> str:
    return ", ".join(str(v) for v in dimensions.values()) or "all"


ROW_FIELDS = {"period", "count", "value"}


def table_dimensions(table: Mapping[str, Any]) -> list[str]:
    """The dimension keys of a table in the gold `tables` format (every key but period and count)."""
    keys: dict[str, None] = {}
    for row in table.get("rows", []):
        for key in row:
            if key not in ROW_FIELDS:
                keys[key] = None
    return list(keys)


def row_number(row: Mapping[str, Any]) -> Any:
    return row["count"] if "count" in row else row.get("value")


def check_stated_totals(table: Mapping[str, Any]) -> list[Finding]:
    """Totals printed in a table (per period, per column, grand) against the sum of its cells."""
    name, source = table.get("name", ""), table.get("source", "")
    rows = table.get("rows", [])
    dims = table_dimensions(table)
    findings: list[Finding] = []

    def check(stated: Any, summed: Decimal, what: str, period: str | None, dimensions: dict) -> None:
        if Decimal(str(stated)) != summed:
            findings.append(
                Finding(
                    kind="stated_total",
                    measure=name,
                    period=period,
                    dimensions=dimensions,
                    message=f"{name}: the stated total for {what} is {_num(stated)} but its cells add up to {_num(summed)}.",
                    values=[
                        {"source": f"{source} (stated total)", "value": _num(stated)},
                        {"source": f"{source} (sum of cells)", "value": _num(summed)},
                    ],
                )
            )

    for stated in table.get("stated_totals", []):
        cells = [row_number(r) for r in rows if r.get("period") == stated.get("period")]
        check(row_number(stated), total(cells), stated.get("period"), stated.get("period"), {})
    for stated in table.get("stated_column_totals", []):
        wanted = {k: stated[k] for k in dims if k in stated}
        cells = [row_number(r) for r in rows if all(r.get(k) == v for k, v in wanted.items())]
        check(row_number(stated), total(cells), f"{_describe(wanted)} over all periods", None, wanted)
    if "stated_grand_total" in table:
        grand = table["stated_grand_total"]
        grand = row_number(grand) if isinstance(grand, Mapping) else grand
        check(grand, total(row_number(r) for r in rows), "the whole table", None, {})
    return findings


def _table_cells(table: Mapping[str, Any]) -> dict[tuple[str, str], Decimal]:
    dims = table_dimensions(table)
    return {
        (str(r["period"]), dimensions_key({k: r[k] for k in dims if k in r})): Decimal(str(row_number(r)))
        for r in table.get("rows", [])
        if row_number(r) is not None
    }


def same_series(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Do two tables (under different titles) report the same thing?

    Same title, or: the same dimensions, and at least three quarters of the cells they both
    cover agree, including some non-zero ones (agreeing zeros prove nothing). Seed 002 prints
    its DRMM grading table twice, as "Children graded for CCE in the DRMM" and as "CCE"; they
    agree on 24 of 27 cells, while the CSE&CCE table agrees with neither beyond zeros.
    """
    if a.get("name") and a.get("name") == b.get("name"):
        return True
    if sorted(table_dimensions(a)) != sorted(table_dimensions(b)):
        return False
    cells_a, cells_b = _table_cells(a), _table_cells(b)
    both = set(cells_a) & set(cells_b)
    if not both:
        return False
    agree = [k for k in both if cells_a[k] == cells_b[k]]
    return len(agree) * 4 >= len(both) * 3 and any(cells_a[k] != 0 for k in agree)


def disagreements(
    measure: str, cells: Iterable[Cell], frequency: str = MONTHLY, additive: bool = True
) -> list[Finding]:
    """The same period and dimensions stated differently by two sources: one finding per cell,
    and one per period for the period totals when both sources cover the same cells (that is the
    figure a reader compares: seed 002's April 2020, 23 against 20). `additive`: the measure's
    cells add up to a total (counts do; percentages do not, QA round 11: a 'Total' of 256%)."""
    by_key: dict[tuple[dt.date, str], dict[str, Cell]] = defaultdict(dict)
    for cell in cells:
        by_key[cell.key][cell.source] = cell
    findings: list[Finding] = []
    per_period: dict[dt.date, dict[str, dict[str, Decimal]]] = defaultdict(lambda: defaultdict(dict))
    for (period, key), sources in sorted(by_key.items()):
        for source, cell in sources.items():
            per_period[period][source][key] = cell.number
        numbers = {c.number for c in sources.values()}
        if len(numbers) > 1:
            any_cell = next(iter(sources.values()))
            stated = " and ".join(f"{_num(c.number)} in {s}" for s, c in sorted(sources.items()))
            findings.append(
                Finding(
                    kind="cross_source",
                    measure=measure,
                    period=f"{period:%Y-%m}",
                    period_label=period_label(period, frequency),
                    dimensions=any_cell.dimensions,
                    message=f"{measure}, {period_label(period, frequency)}, {_describe(any_cell.dimensions)}: "
                    f"the sources disagree ({stated}).",
                    values=[{"source": s, "value": _num(c.number)} for s, c in sorted(sources.items())],
                )
            )
    for period, sources in sorted(per_period.items()):
        if len(sources) < 2 or not additive:
            continue
        # Only sources stating the same set of cells have comparable totals.
        groups: dict[frozenset[str], dict[str, Decimal]] = defaultdict(dict)
        for source, cells_of in sources.items():
            if len(cells_of) > 1:
                groups[frozenset(cells_of)][source] = total(cells_of.values())
        for totals in groups.values():
            if len(totals) > 1 and len(set(totals.values())) > 1:
                stated = " and ".join(f"{_num(n)} in {s}" for s, n in sorted(totals.items()))
                findings.append(
                    Finding(
                        kind="cross_source",
                        measure=measure,
                        period=f"{period:%Y-%m}",
                        period_label=period_label(period, frequency),
                        dimensions={},
                        message=f"{measure}, {period_label(period, frequency)}, total: the sources disagree ({stated}).",
                        values=[{"source": s, "value": _num(n)} for s, n in sorted(totals.items())],
                    )
                )
    return findings


def disagreements_in(findings: Iterable[Finding], period: dt.date | None) -> list[Finding]:
    """The disagreements about one period: those a figure shown for it is open to (one month's
    late correction says nothing about the next month's figure)."""
    if period is None:
        return []
    wanted = f"{period:%Y-%m}"
    return [f for f in findings if f.period == wanted]


def cells_from_table(table: Mapping[str, Any], frequency: str = MONTHLY) -> list[Cell]:
    dims = table_dimensions(table)
    source = table.get("source") or table.get("name", "")
    return [
        Cell(
            period=parse_period(r["period"], frequency),
            dimensions={k: str(r[k]) for k in dims if k in r},
            number=Decimal(str(row_number(r))),
            source=source,
        )
        for r in table.get("rows", [])
        if row_number(r) is not None
    ]


def group_series(tables: list[Mapping[str, Any]]) -> list[list[int]]:
    """Indexes of the tables grouped by `same_series`, in document order."""
    groups: list[list[int]] = []
    for i, table in enumerate(tables):
        for group in groups:
            if same_series(tables[group[0]], table):
                group.append(i)
                break
        else:
            groups.append([i])
    return groups


def reconcile_tables(tables: list[Mapping[str, Any]]) -> list[Finding]:
    """Every disagreement in a document's tables (the gold `tables` format): stated totals against
    their cells, and tables of the same series against each other."""
    findings: list[Finding] = []
    for table in tables:
        findings.extend(check_stated_totals(table))
    for group in group_series(tables):
        if len(group) < 2:
            continue
        name = tables[group[0]].get("name", "")
        cells = [c for i in group for c in cells_from_table(tables[i])]
        findings.extend(disagreements(name, cells))
    return findings


# Charts --------------------------------------------------------------------------------------


@dataclass
class Chart:
    """Geometry for an inline SVG line chart, computed here so templates only place numbers."""

    width: int
    height: int
    points: str  # polyline "x,y x,y"
    dots: list[tuple[float, float, str]]  # x, y, title text
    target_y: float | None
    y_min: Decimal
    y_max: Decimal
    x_labels: list[tuple[float, str]]


def chart(
    data: list[tuple[dt.date, Decimal]],
    width: int = 120,
    height: int = 30,
    target: Decimal | None = None,
    padding: int = 4,
    frequency: str = MONTHLY,
    unit_suffix: str = "",
) -> Chart | None:
    """Line chart geometry for a series; None when there is nothing to draw."""
    if not data:
        return None
    numbers = [n for _, n in data] + ([target] if target is not None else [])
    low, high = min(numbers), max(numbers)
    low = min(low, Decimal(0))
    span = (high - low) or Decimal(1)
    inner_w, inner_h = width - 2 * padding, height - 2 * padding
    step = inner_w / (len(data) - 1) if len(data) > 1 else 0

    def y(n: Decimal) -> float:
        return round(padding + inner_h - float((n - low) / span) * inner_h, 1)

    xs = [round(padding + (i * step if len(data) > 1 else inner_w / 2), 1) for i in range(len(data))]
    dots = [
        (x, y(n), f"{period_label(p, frequency)}: {_num(n)}{unit_suffix}")
        for x, (p, n) in zip(xs, data, strict=True)
    ]
    labels_every = max(1, len(data) // 6)
    return Chart(
        width=width,
        height=height,
        points=" ".join(f"{x},{yy}" for x, yy, _ in dots),
        dots=dots,
        target_y=y(target) if target is not None else None,
        y_min=low,
        y_max=high,
        x_labels=[
            (x, period_label(p, frequency))
            for i, (x, (p, _)) in enumerate(zip(xs, data, strict=True))
            if i == len(data) - 1 or (i % labels_every == 0 and len(data) - 1 - i >= labels_every / 2)
        ],
    )
