"""A plan with a known history: updates and due-date changes at known dates.

The board met on 14 November 2022 (previous report) and meets again on 14 December 2022
(as at). What each action did, and so what the report must say:

| ref  | section | lead    | due        | history                                             | as at 14 Dec 2022 |
|------|---------|---------|------------|-----------------------------------------------------|-------------------|
| 1.1a | 1.1     | police  | 30 Nov 22  | amber 15 Sep, complete 1 Dec                        | done              |
| 1.1b | 1.1     | council | 31 Dec 22  | green 15 Sep, amber 5 Dec (complete 10 Jan 23)      | worsened          |
| 2.1  | 2       | police  | 31 Oct 22  | red 15 Sep, amber 10 Dec                            | improved, overdue |
| 2.2  | 2       | —       | 31 Mar 23 -> 30 Jun 23 on 2 Dec | amber 1 Oct                    | due moved, no update |
| 2.3  | 2       | council | 20 Dec 22  | green 15 Sep                                        | no update, due soon without update |
| 2.4  | 2       | police  | 31 Jan 23  | created 8 Dec, red 8 Dec                            | new, red          |
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import factory
import pytest
import time_machine

from plans import models
from plans.tests import factories

AS_AT = dt.date(2022, 12, 14)
PREVIOUS = dt.date(2022, 11, 14)


@dataclass
class HistoryPlan:
    plan: models.Plan
    actions: dict[str, models.Action]
    sections: dict[str, models.Section]


def _at(day: dt.date) -> time_machine.travel:
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=dt.UTC), tick=True)


def _update(action: models.Action, day: dt.date, key: str, narrative: str) -> None:
    with _at(day):
        factories.ProgressUpdateFactory(
            action=action, date=day, status=factories.status(action.plan, key), narrative=narrative
        )


@pytest.fixture
def history_plan(world) -> HistoryPlan:
    with _at(dt.date(2022, 9, 1)):
        plan = factories.PlanFactory(partnership=world.partnership, title="JTAI criminal exploitation plan")
        s1 = factories.SectionFactory(
            plan=plan,
            ref="1",
            title="Children's voices",
            order=1,
            what_needs_to_improve="The consistent recording of children's voices across all agencies' records.",
        )
        s11 = factories.SectionFactory(plan=plan, parent=s1, ref="1.1", title="Partnership practice", order=2)
        s2 = factories.SectionFactory(
            plan=plan,
            ref="2",
            title="Identifying needs",
            order=3,
            what_needs_to_improve="Quality and timeliness of police recording.",
        )

        def action(
            ref: str,
            section: models.Section,
            lead: models.Agency | None,
            due: dt.date,
            order: int,
            owner: str = "Sussex Police – Jane Smith, Head of Safeguarding",
        ) -> models.Action:
            return factories.ActionFactory(
                plan=plan,
                section=section,
                ref=ref,
                lead_agency=lead,
                due_date=due,
                due_text=f"{due:%-d %B %Y}",
                order=order,
                owner_text=owner,
                text=f"Action {ref}: review the escalation process",
                constraints=f"Constraint of {ref}",
            )

        acts = {
            "1.1a": action("1.1a", s11, world.police, dt.date(2022, 11, 30), 1),
            "1.1b": action(
                "1.1b",
                s11,
                world.council,
                dt.date(2022, 12, 31),
                2,
                owner="Head of Service for Child Protection, East Sussex County Council",
            ),
            "2.1": action("2.1", s2, world.police, dt.date(2022, 10, 31), 3),
            "2.2": action("2.2", s2, None, dt.date(2023, 3, 31), 4, owner="LSCP Business Manager"),
            "2.3": action(
                "2.3", s2, world.council, dt.date(2022, 12, 20), 5, owner="Principal Social Worker"
            ),
        }
    _update(acts["1.1a"], dt.date(2022, 9, 15), "amber", "Audit started.")
    _update(acts["1.1b"], dt.date(2022, 9, 15), "green", "Guidance drafted.")
    _update(acts["2.1"], dt.date(2022, 9, 15), "red", "No analyst in post.")
    _update(acts["2.3"], dt.date(2022, 9, 15), "green", "Training booked.")
    _update(acts["2.2"], dt.date(2022, 10, 1), "amber", "Terms of reference agreed.")
    _update(
        acts["1.1a"], dt.date(2022, 12, 1), "complete", "Audit completed; findings shared with the executive."
    )
    with _at(dt.date(2022, 12, 2)):
        acts["2.2"].due_date = dt.date(2023, 6, 30)
        acts["2.2"].due_text = "30 June 2023"
        acts["2.2"].save()
    _update(acts["1.1b"], dt.date(2022, 12, 5), "amber", "Sign-off delayed by the board.")
    with _at(dt.date(2022, 12, 8)):
        acts["2.4"] = action("2.4", s2, world.police, dt.date(2023, 1, 31), 6)
    _update(acts["2.4"], dt.date(2022, 12, 8), "red", "Not started: waiting for funding.")
    _update(acts["2.1"], dt.date(2022, 12, 10), "amber", "Analyst recruited.")
    # After the as-at date: must not show in a report as at 14 December 2022.
    _update(acts["1.1b"], dt.date(2023, 1, 10), "complete", "Guidance published.")
    with _at(dt.date(2023, 1, 11)):
        acts["1.1a"].text = "Action 1.1a: rewritten after the report"
        acts["1.1a"].save()
    for a in acts.values():
        a.refresh_from_db()
    return HistoryPlan(plan=plan, actions=acts, sections={"1": s1, "1.1": s11, "2": s2})


class EvidenceFactory(factory.django.DjangoModelFactory):
    """An evidence file (a stored name only: the report reads names, never the file)."""

    class Meta:
        model = models.Evidence

    update = factory.SubFactory(factories.ProgressUpdateFactory)
    title = ""
    file = "evidence/1/2022/12/audit-report.pdf"
    link = ""


def attach(action: models.Action, update_date: dt.date, on: dt.date, **fields: object) -> models.Evidence:
    """Evidence attached on the day `on` to the action's progress update dated `update_date`."""
    with _at(on):
        return EvidenceFactory(update=action.updates.get(date=update_date), **fields)


@pytest.fixture
def evidence(history_plan) -> dict[str, models.Evidence]:
    """Evidence on the history plan: two items the report as at 14 December 2022 lists, and
    two it must not (attached after that day, or to an update dated after it)."""
    acts = history_plan.actions
    return {
        "audit": attach(
            acts["1.1a"],
            dt.date(2022, 12, 1),
            dt.date(2022, 12, 1),
            title="Audit report",
            file="evidence/1/2022/12/audit-report.pdf",
        ),
        "advert": attach(
            acts["2.1"],
            dt.date(2022, 12, 10),
            dt.date(2022, 12, 11),
            title="Analyst job advert",
            file="",
            link="https://example.org/jobs/analyst",
        ),
        "late": attach(
            acts["2.3"],
            dt.date(2022, 9, 15),
            dt.date(2022, 12, 20),
            file="evidence/1/2022/12/training-register.xlsx",
        ),
        "future_update": attach(
            acts["1.1b"],
            dt.date(2023, 1, 10),
            dt.date(2023, 1, 10),
            file="evidence/1/2023/01/guidance-v2.docx",
        ),
    }
