"""Governance demo data: a board over the demo plans, monthly meetings, an open update round.

Called by `python manage.py load_demo` after the core demo is built. The open round (due in
seven days) is on a plan where the demo contributor owns open actions, so signing in as
`demo-contributor` shows the request on "My actions"; `python manage.py send_reminders`
then prints the request emails (console email backend).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from governance.clocks import add_working_days
from governance.models import Board, Meeting, SignOff, StatutoryClock
from governance.rounds import open_round, owners_of_open_actions
from plans.models import Membership, Partnership, Person, PlanKind, Role

MINUTES = [
    "The board reviewed the exception report. Red actions were challenged and owners asked to attend next month.",
    "Progress against the front door actions was noted. The chair asked for evidence of impact, not activity.",
    "The audit findings were presented. Partners agreed to a deep dive on the actions that have slipped.",
]
DECISIONS = [
    "Agreed: revised due dates accepted only where a reason is recorded.",
    "Agreed: the performance dashboard becomes a standing item.",
    "Agreed: owners of stale actions to be written to by the chair.",
]


def third_thursday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 14)


def month_shift(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def extend_demo(partnership: Partnership, plans: list[Any], rng: random.Random) -> None:
    today = timezone.localdate()
    people = list(Person.objects.filter(partnership=partnership).select_related("agency"))
    board = Board.objects.create(partnership=partnership, name="Safeguarding Children Partnership Executive")
    if people:
        members = rng.sample(people, min(8, len(people)))
        board.chair = members[0]
        board.save(update_fields=["chair"])
        board.members.set(members)
    board.plans.set(plans)

    meetings = []
    for offset in range(-11, 3):
        year, month = month_shift(today, offset)
        day = third_thursday(year, month)
        past = day < today
        meetings.append(
            Meeting.objects.create(
                board=board,
                date=day,
                minutes=rng.choice(MINUTES) if past else "",
                decisions=rng.choice(DECISIONS) if past else "",
            )
        )

    manager = (
        Membership.objects.filter(partnership=partnership, role=Role.MANAGER).select_related("user").first()
    )
    opened_by = manager.user if manager else None
    contributor = get_user_model().objects.filter(username="demo-contributor").first()
    for inspection in (p for p in plans if p.kind == PlanKind.JTAI and p.report_date):
        StatutoryClock.objects.create(
            plan=inspection,
            label="Early draft of the plan to Ofsted (priority actions)",
            start=inspection.report_date,
            working_days=20,
            met_on=add_working_days(inspection.report_date, rng.randint(12, 19)),
        )
    plan = _plan_for_round(plans, contributor.pk if contributor else None)
    if plan is None:
        return
    deadline = today + dt.timedelta(days=7)
    meeting = next((m for m in meetings if m.date >= deadline), None)
    open_round(plan, opened_by, deadline, meeting=meeting, reminder_days_before=3)

    # One section waiting for the board's decision, so the sign-off page has something to show.
    section = plan.sections.filter(parent__isnull=True).order_by("order", "pk").first()
    if section is not None and opened_by is not None:
        SignOff.objects.create(
            section=section,
            proposed_by=opened_by,
            proposed_on=today - dt.timedelta(days=3),
            evidence="Re-audit of 60 contacts: 57 screened within 24 hours with a recorded rationale.",
            evidence_links="https://example.org/demo/front-door-reaudit.pdf",
            monitored_through="the quarterly multi-agency front door audit",
        )


def _plan_for_round(plans: list[Any], contributor_id: int | None) -> Any:
    """The plan (an inspection plan first) where the demo contributor owns open actions."""
    ordered = sorted(plans, key=lambda p: (p.kind != PlanKind.JTAI, p.pk))
    for plan in ordered:
        users, _persons = owners_of_open_actions(plan)
        if contributor_id in users:
            return plan
    return ordered[0] if ordered else None
