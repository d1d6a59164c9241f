"""Reading the scorecard from the database: cells, series, reconciliation and the board summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from plans.models import Partnership
from scorecard import figures
from scorecard.models import Measure, Unit, Value


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
    findings: int = 0  # disagreements between sources for this measure
    sparkline: figures.Chart | None = None

    @property
    def period_label(self) -> str:
        return figures.period_label(self.period, self.measure.frequency) if self.period else ""

    @property
    def unit_suffix(self) -> str:
        return unit_suffix(self.measure)


def summarise(measure: Measure, as_at: dt.date | None = None, trend_length: int = 12) -> MeasureSummary:
    values = [v for v in measure.values.all() if as_at is None or v.period <= as_at]
    cells = cells_for(measure, values)
    data = figures.series(cells, measure.unit)[-trend_length:]
    period, number = data[-1] if data else (None, None)
    return MeasureSummary(
        measure=measure,
        period=period,
        value=number,
        target=measure.target,
        rag=measure.rag(number),
        trend=data,
        findings=len(findings_for(measure, cells)),
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
