"""Reading the scorecard from the database: cells, series, reconciliation and the board summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from plans.figures import end_of_day
from plans.models import Partnership, historical_model
from scorecard import figures
from scorecard.models import Frequency, Measure, Unit, Value


def cells_for(measure: Measure, values: Iterable[Value] | None = None) -> list[figures.Cell]:
    if values is None:
        values = measure.values.select_related("source")
    return [v.cell() for v in values]


def findings_for(measure: Measure, cells: list[figures.Cell] | None = None) -> list[figures.Finding]:
    """Where two sources state the same period and dimensions of this measure differently."""
    return figures.disagreements(
        measure.name,
        cells if cells is not None else cells_for(measure),
        measure.frequency,
        additive=measure.unit != Unit.PERCENTAGE,
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
    # the target and boundaries the value is rated against: those in force on the summary's date
    thresholds: figures.Thresholds = field(default_factory=figures.Thresholds)
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
    # the headline is the plain average of this many figures of the breakdown (0: not an average)
    averaged_over: int = 0

    @property
    def average_note(self) -> str:
        if not self.averaged_over:
            return ""
        return f"The average of the {self.averaged_over} figures of its breakdown, each counted alike"

    @property
    def period_label(self) -> str:
        return figures.period_label(self.period, self.measure.frequency) if self.period else ""

    @property
    def unit_suffix(self) -> str:
        return unit_suffix(self.measure)

    @property
    def green_note(self) -> str:
        """ "green from 90%" beside the target when a green boundary other than it is set."""
        return self.thresholds.green_note(self.unit_suffix)


def period_end(period: dt.date, frequency: str) -> dt.date:
    """The last day of the month or quarter that starts on `period`."""
    months = 3 if frequency == Frequency.QUARTERLY else 1
    year, month = divmod(period.month - 1 + months, 12)
    return dt.date(period.year + year, month + 1, 1) - dt.timedelta(days=1)


def known_on(value: Value, as_at: dt.date, frequency: str) -> bool:
    """What a board could have seen on `as_at`: a period over by then, entered by then. A value
    for November entered in December is not in a report as at 19 November."""
    return period_end(value.period, frequency) < as_at and timezone.localdate(value.entered_at) <= as_at


THRESHOLD_FIELDS = ("polarity", "target", "green_from", "amber_from")


def thresholds_on(measures: Iterable[Measure], as_at: dt.date | None) -> dict[int, figures.Thresholds]:
    """Each measure's target and thresholds in force at the end of `as_at` (one query; none for
    today or no date): a target raised since does not turn an old report's figures red, nor a
    green boundary set since its amber ones green (QA round 9).

    From the measure's history: its latest record by then. A measure created since (the demo's,
    created the day it is loaded with figures entered months before) is taken as it was created,
    the nearest to the date the history knows; one with no history at all (written in bulk) as
    it is now."""
    measures = list(measures)
    now = {m.pk: m.thresholds() for m in measures}
    if as_at is None or as_at >= timezone.localdate() or not measures:
        return now
    end = end_of_day(as_at)
    records = (
        historical_model(Measure)
        .objects.filter(Q(history_date__lte=end) | Q(history_type="+"), id__in=list(now))
        .order_by("history_date", "history_id")
        .only("id", "history_date", "history_type", *THRESHOLD_FIELDS)
    )
    then: dict[int, figures.Thresholds] = {}
    for record in records:
        if record.history_date <= end or record.id not in then:
            then[record.id] = figures.Thresholds(
                polarity=record.polarity,
                target=record.target,
                green_from=record.green_from,
                amber_from=record.amber_from,
            )
    return {pk: then.get(pk, thresholds) for pk, thresholds in now.items()}


def summarise(
    measure: Measure,
    as_at: dt.date | None = None,
    trend_length: int = 12,
    thresholds: figures.Thresholds | None = None,
) -> MeasureSummary:
    """The measure's line of the scorecard as at `as_at` (today when None), rated against
    `thresholds` (those in force on `as_at` when not given: see `thresholds_on`)."""
    values = [v for v in measure.values.all() if as_at is None or known_on(v, as_at, measure.frequency)]
    cells = cells_for(measure, values)
    incomplete = figures.incomplete_periods(cells)
    # a period reported for part of its breakdown is neither the latest figure nor a point of the trend
    data = [(p, n) for p, n in figures.series(cells, measure.unit) if p not in incomplete][-trend_length:]
    period, number = data[-1] if data else (None, None)
    if thresholds is None:
        thresholds = thresholds_on([measure], as_at)[measure.pk]
    # a percentage or number of days broken down, with no figure for the whole: the headline is the
    # plain average of the breakdown's figures, which the page says (QA round 11)
    shown = [c for c in figures.current_cells(cells).values() if c.period == period]
    averaged = measure.unit != Unit.COUNT and bool(shown) and all(c.dimensions for c in shown)
    return MeasureSummary(
        averaged_over=len(shown) if averaged else 0,
        measure=measure,
        period=period,
        value=number,
        target=thresholds.target,
        rag=figures.rag_for(number, thresholds),
        thresholds=thresholds,
        trend=data,
        findings=len(figures.disagreements_in(findings_for(measure, cells), period)),
        incomplete=[
            (figures.period_label(p, measure.frequency), have, expected)
            for p, (have, expected) in sorted(incomplete.items())
            if not data or p > data[-1][0]
        ],
        sparkline=figures.chart(
            data, target=thresholds.target, frequency=measure.frequency, unit_suffix=unit_suffix(measure)
        ),
    )


def scorecard_summary(partnership: Partnership, as_at: dt.date | None = None) -> list[MeasureSummary]:
    """Every measure of a partnership: latest value on or before `as_at`, target, RAG and trend.

    For the board report's scorecard section. The caller has already checked the user may see
    the partnership (this reads by partnership, not by user).
    """
    measures = list(
        Measure.objects.filter(partnership=partnership)
        .select_related("owner")
        .prefetch_related("values__source")
    )
    thresholds = thresholds_on(measures, as_at)
    return [summarise(m, as_at, thresholds=thresholds[m.pk]) for m in measures]
