"""Statutory clocks: deadlines counted in working days (England and Wales bank holidays skipped).

A clock is green while there is time, amber once `AMBER_WITHIN` working days or fewer
remain (the deadline day included), red once the deadline has passed; it is "met" when the plan reached the stage the
deadline asks for (we cannot know the date it was met without the history, so the stage
decides).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.utils import timezone

from plans.models import Plan, PlanKind, PlanStage

AMBER_WITHIN = 10  # working days


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date `days` working days after `start` (start itself not counted)."""
    day = start
    counted = 0
    while counted < days:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end`; negative when end is before start."""
    if end < start:
        return -working_days_between(end, start)
    return sum(1 for n in range(1, (end - start).days + 1) if is_working_day(start + dt.timedelta(days=n)))


def plural(days: int) -> str:
    return f"{days} working day" if days == 1 else f"{days} working days"


@dataclass(frozen=True)
class Clock:
    label: str
    deadline: dt.date
    working_days_left: int
    state: str  # met, green, amber, red
    pk: int | None = None  # the StatutoryClock, for clocks a plan manager added

    @property
    def colour(self) -> str:
        return {"met": "blue", "green": "green", "amber": "orange", "red": "red"}[self.state]

    @property
    def state_label(self) -> str:
        if self.state == "met":
            return "Met"
        if self.state == "red":
            return f"Passed {plural(-self.working_days_left)} ago"
        return f"{plural(self.working_days_left)} left" if self.working_days_left else "Due today"


def clock(
    label: str,
    start: dt.date,
    working_days: int,
    met: bool,
    today: dt.date | None = None,
    pk: int | None = None,
) -> Clock:
    today = today or timezone.localdate()
    deadline = add_working_days(start, working_days)
    left = working_days_between(today, deadline)
    if met:
        state = "met"
    elif left < 0:
        state = "red"
    elif left <= AMBER_WITHIN:
        state = "amber"
    else:
        state = "green"
    return Clock(label, deadline, left, state, pk)


def clocks_for_plan(plan: Plan, today: dt.date | None = None) -> list[Clock]:
    """The inspectorate's deadlines for an inspection plan, counted from the report's date.

    A JTAI written statement of action: the final plan within 70 working days of the report.
    Plus any deadline a plan manager added for the plan (`StatutoryClock`), such as the early
    draft within 20 working days after a focused visit with priority actions.
    """
    clocks = []
    if plan.kind == PlanKind.JTAI and plan.report_date is not None:
        agreed = plan.stage in (PlanStage.AGREED, PlanStage.PUBLISHED, PlanStage.CLOSED)
        clocks.append(
            clock("Final plan agreed (70 working days from the report)", plan.report_date, 70, agreed, today)
        )
    for extra in plan.statutory_clocks.all():
        clocks.append(
            clock(extra.label, extra.start, extra.working_days, extra.met_on is not None, today, extra.pk)
        )
    return clocks
