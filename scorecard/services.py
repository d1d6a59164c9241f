"""Reading the scorecard from the database: cells, series, reconciliation and the board summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from plans.models import Partnership
from scorecard import figures
from scorecard.models import Frequency, Measure, Unit, Value


def cells_for(measure: Measure, values: Iterable[Value] | None = None) -> list[figures.Cell]:
    if values is None:
        values = measure.values.select_related("source")
    return [v.cell() for v in values]


def findings_for(measure: Measure, cells: list[figures.Cell] | None = None) -> list[figures.Finding]:
    """Where two sources state the same period and dimensions of this measure differently."""
    return figures.disagreements(
        measure.name, cells if cells is not None else cells_for(measure), measure.frequency
    )


def unit_suffix(measure: Measure) -> str:
    return {Unit.PERCENTAGE: "%", Unit.DAYS: " days"}.get(measure.unit, "")


@dataclass
class MeasureSummary:
    """One line of the scorecard: what the board report's scorecard section shows."""

    measure: Measure
    period: dt.date | None  # the latest period with a value on or before as_at
    value: Decimal | None
    target: Decimal | None
    rag: figures.Rag
    trend: list[tuple[dt.date, Decimal]] = field(default_factory=list)  # up to 12 periods, oldest first
    # disagreements between sources on the period shown (QA round 9: those of other periods were
    # counted beside this period's figure); the measure's page lists every period's
    findings: int = 0
    # later periods reported for only part of the breakdown: (period, cells reported, cells expected)
    incomplete: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def incomplete_note(self) -> str:
        return "; ".join(
            f"{label}: {have} of {expected} figures in so far" for label, have, expected in self.incomplete
        )

    sparkline: figures.Chart | None = None

    @property
    def period_label(self) -> str:
        return figures.period_label(self.period, self.measure.frequency) if self.period else ""

    @property
    def unit_suffix(self) -> str:
        return unit_suffix(self.measure)


def period_end(period: dt.date, frequency: str) -> dt.date:
    """The last day of the month or quarter that starts on `period`."""
    months = 3 if frequency == Frequency.QUARTERLY else 1
    year, month = divmod(period.month - 1 + months, 12)
    return dt.date(period.year + year, month + 1, 1) - dt.timedelta(days=1)


def known_on(value: Value, as_at: dt.date, frequency: str) -> bool:
    """What a board could have seen on `as_at`: a period over by then, entered by then. A value
    for November entered in December is not in a report as at 19 November."""
    return period_end(value.period, frequency) < as_at and timezone.localdate(value.entered_at) <= as_at


def as_it_stood(measure: Measure, as_at: dt.date) -> Measure:
    """The measure's target and thresholds on `as_at` (a target raised since does not turn an old
    report's figures red); the measure as it is when it has no history that old."""
    if as_at >= timezone.localdate():
        return measure
    end = timezone.make_aware(dt.datetime.combine(as_at, dt.time.max))
    try:
        return measure.history.as_of(end)  # type: ignore[attr-defined,no-any-return]
    except Measure.DoesNotExist:
        return measure


def summarise(measure: Measure, as_at: dt.date | None = None, trend_length: int = 12) -> MeasureSummary:
    values = [v for v in measure.values.all() if as_at is None or known_on(v, as_at, measure.frequency)]
    cells = cells_for(measure, values)
    incomplete = figures.incomplete_periods(cells)
    # a period reported for part of its breakdown is neither the latest figure nor a point of the trend
    data = [(p, n) for p, n in figures.series(cells, measure.unit) if p not in incomplete][-trend_length:]
    period, number = data[-1] if data else (None, None)
    then = measure if as_at is None else as_it_stood(measure, as_at)
    return MeasureSummary(
        measure=measure,
        period=period,
        value=number,
        target=then.target,
        rag=then.rag(number),
        trend=data,
        findings=len(figures.disagreements_in(findings_for(measure, cells), period)),
        incomplete=[
            (figures.period_label(p, measure.frequency), have, expected)
            for p, (have, expected) in sorted(incomplete.items())
            if not data or p > data[-1][0]
        ],
        sparkline=figures.chart(
            data, target=measure.target, frequency=measure.frequency, unit_suffix=unit_suffix(measure)
        ),
    )


def scorecard_summary(partnership: Partnership, as_at: dt.date | None = None) -> list[MeasureSummary]:
    """Every measure of a partnership: latest value on or before `as_at`, target, RAG and trend.

    For the board report's scorecard section. The caller has already checked the user may see
    the partnership (this reads by partnership, not by user).
    """
    measures = (
        Measure.objects.filter(partnership=partnership)
        .select_related("owner")
        .prefetch_related("values__source")
    )
    return [summarise(m, as_at) for m in measures]
