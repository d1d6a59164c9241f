"""Demo scorecard: exploitation measures for the demo partnership (called by `load_demo`).

Twelve months of values ending last month. The latest month of the DRMM grading is also stated,
slightly differently, by a second source, so the reconciliation has something to show (as seed
002's two tables disagree for April 2020).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from plans.models import Action, Partnership, Person
from scorecard import figures
from scorecard.models import Dimension, Measure, Polarity, Source, Unit, Value

AREAS = ["City", "County", "Rutland"]
RISKS = ["High", "Med", "Low"]
AREA_SIZE = {"City": 1.0, "County": 1.2, "Rutland": 0.15}
RISK_SHARE = {"High": 0.3, "Med": 0.5, "Low": 0.2}


def _months(count: int, today: dt.date) -> list[dt.date]:
    first = figures.period_start(today)
    months = []
    for back in range(count, 0, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        months.append(dt.date(year, month + 1, 1))
    return months


def _measure(partnership: Partnership, name: str, **fields: Any) -> Measure:
    measure, _ = Measure.objects.update_or_create(partnership=partnership, name=name, defaults=fields)
    return measure


def _entered(measure: Measure, period: dt.date) -> dt.datetime:
    """When a partnership would have entered the figure: ten days after its period ended (so a board
    report as at a past date shows the figures known then: QA round 7), never later than now."""
    from scorecard.services import period_end

    day = period_end(period, measure.frequency) + dt.timedelta(days=10)
    return min(timezone.make_aware(dt.datetime.combine(day, dt.time(9))), timezone.now())


def _values(measure: Measure, source: Source, cells: list[tuple[dt.date, dict[str, str], float]]) -> None:
    bulk_create_with_history(
        [
            Value(
                measure=measure,
                period=period,
                dimensions=dims,
                dimensions_key=figures.dimensions_key(dims),
                number=Decimal(str(round(number, 1))),
                source=source,
                entered_at=_entered(measure, period),
            )
            for period, dims, number in cells
        ],
        Value,
        ignore_conflicts=True,
    )


def extend_demo(partnership: Partnership, plans: list[Any], rng: random.Random) -> None:
    months = _months(12, timezone.localdate())
    area = Dimension.objects.update_or_create(
        partnership=partnership, key="area", defaults={"name": "Area", "allowed_values": AREAS}
    )[0]
    risk = Dimension.objects.update_or_create(
        partnership=partnership, key="risk", defaults={"name": "Risk level", "allowed_values": RISKS}
    )[0]
    owner = Person.objects.filter(partnership=partnership).first()
    actions = list(Action.objects.filter(plan__in=plans).order_by("pk")[:4]) if plans else []

    def source(name: str) -> Source:
        return Source.objects.get_or_create(partnership=partnership, name=name)[0]

    graded = _measure(
        partnership,
        "Children graded for CCE in the DRMM",
        unit=Unit.COUNT,
        polarity=Polarity.HIGHER,
        description="Children discussed at the Daily Risk Management Meeting and graded for child criminal "
        "exploitation, by area and risk level.",
        owner=owner,
        order=1,
    )
    graded.dimensions.set([area, risk])
    cells = []
    for i, month in enumerate(months):
        trend = 1 + i / 12  # demand rises over the year, as seed 002 reports
        for a in AREAS:
            for r in RISKS:
                cells.append(
                    (
                        month,
                        {"area": a, "risk": r},
                        round(rng.gauss(8 * trend, 1.5) * AREA_SIZE[a] * RISK_SHARE[r]),
                    )
                )
    cells = [(p, d, max(0, n)) for p, d, n in cells]
    _values(graded, source("Monthly DRMM return"), cells)
    last = [c for c in cells if c[0] == months[-1]]
    # The executive's update states one cell one lower (one higher if it was 0), so the month's
    # total differs too, as in seed 002.
    restated = [
        (p, d, (n - 1 if n > 0 else n + 1) if d == {"area": "County", "risk": "Med"} else n)
        for p, d, n in last
    ]
    _values(graded, source("Co-ordinator update to the Vulnerability Executive"), restated)

    screening = _measure(
        partnership,
        "Screening tools reviewed within 24 hours",
        unit=Unit.PERCENTAGE,
        polarity=Polarity.HIGHER,
        target=Decimal(95),
        amber_from=Decimal(80),
        owner=owner,
        order=2,
        description="Exploitation screening tools received by the front door reviewed within 24 hours. "
        "Amber until performance is at 95% or higher; red below 80%.",
    )
    _values(
        screening,
        source("Front door performance report"),
        [(month, {}, min(100.0, 70 + i * 2.2 + rng.uniform(-2, 2))) for i, month in enumerate(months)],
    )

    meetings = _measure(
        partnership,
        "Strategy meetings held",
        unit=Unit.COUNT,
        polarity=Polarity.HIGHER,
        order=3,
        description="Multi-agency strategy meetings about child criminal exploitation.",
        owner=owner,
    )
    _values(
        meetings,
        source("Child Referral Team report"),
        [(month, {}, max(0, round(rng.gauss(6 + i / 2, 2)))) for i, month in enumerate(months)],
    )

    waiting = _measure(
        partnership,
        "Days from referral to strategy meeting",
        unit=Unit.DAYS,
        polarity=Polarity.LOWER,
        target=Decimal(2),
        amber_from=Decimal(5),
        owner=owner,
        order=4,
        description="Average working days from a referral to the strategy meeting.",
    )
    _values(
        waiting,
        source("Child Referral Team report"),
        [(month, {}, max(0.5, 7 - i * 0.45 + rng.uniform(-0.5, 0.5))) for i, month in enumerate(months)],
    )
    for measure, linked in ((graded, actions[:2]), (screening, actions[1:3]), (meetings, actions[2:4])):
        if linked:
            measure.actions.set(linked)
