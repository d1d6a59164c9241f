"""Figures computed once, for the dashboard, plan page and board pack alike."""

from __future__ import annotations

import datetime as dt

import time_machine

from plans import figures, models
from plans.tests import factories
from plans.tests.factories import status

TODAY = dt.date(2024, 6, 15)


def _actions(world):
    return models.Action.objects.filter(plan=world.plan)


def test_headline_counts_total_done_overdue_due_soon_red_and_no_update(world):
    police, council = world.police_action, world.council_action
    models.Action.objects.filter(pk=police.pk).update(due_date=dt.date(2024, 6, 1))
    models.Action.objects.filter(pk=council.pk).update(due_date=dt.date(2024, 7, 1))
    factories.ProgressUpdateFactory(action=police, date=dt.date(2024, 5, 1), status=status(world.plan, "red"))
    extra = factories.ActionFactory(plan=world.plan, ref="2.1", due_date=dt.date(2024, 1, 1))
    factories.ProgressUpdateFactory(
        action=extra, date=dt.date(2024, 1, 1), status=status(world.plan, "complete")
    )

    h = figures.headline(_actions(world), today=TODAY, due_soon_days=30)
    assert h == figures.Headline(total=3, done=1, overdue=1, due_soon=1, red=1, no_update=1)


def test_headlines_by_plan_give_each_plan_the_headline_of_its_own_actions(world, django_assert_num_queries):
    other_plan = factories.PlanFactory(partnership=world.partnership)
    late = factories.ActionFactory(plan=other_plan, due_date=dt.date(2024, 1, 1))
    factories.ProgressUpdateFactory(action=late, date=dt.date(2024, 1, 1), status=status(other_plan, "red"))
    factories.ActionFactory(plan=other_plan, due_date=dt.date(2024, 7, 1))
    empty_plan = factories.PlanFactory(partnership=world.partnership)
    actions = models.Action.objects.filter(plan__partnership=world.partnership)

    with django_assert_num_queries(1):
        by_plan = figures.headlines_by_plan(actions, today=TODAY, due_soon_days=30)

    for plan in (world.plan, other_plan):
        assert by_plan[plan.pk] == figures.headline(actions.filter(plan=plan), today=TODAY, due_soon_days=30)
    assert by_plan[other_plan.pk] == figures.Headline(
        total=2, done=0, overdue=1, due_soon=1, red=1, no_update=1
    )
    assert empty_plan.pk not in by_plan


def test_status_counts_are_ordered_worst_first_and_include_actions_without_update(world):
    factories.ProgressUpdateFactory(action=world.police_action, status=status(world.plan, "green"))
    counts = figures.status_counts(_actions(world))
    assert [(c.key, c.count) for c in counts] == [("green", 1), ("none", 1)]
    assert counts[1].label == "No update yet"


def test_status_counts_merge_the_same_status_across_plans(world):
    other_plan = factories.PlanFactory(partnership=world.partnership)
    other = factories.ActionFactory(plan=other_plan)
    factories.ProgressUpdateFactory(action=other, status=status(other_plan, "red"))
    factories.ProgressUpdateFactory(action=world.police_action, status=status(world.plan, "red"))
    counts = figures.status_counts(models.Action.objects.filter(plan__partnership=world.partnership))
    assert ("red", 2) in [(c.key, c.count) for c in counts]


def test_counts_by_agency_give_totals_statuses_and_overdue_per_lead_agency(world):
    models.Action.objects.filter(pk=world.police_action.pk).update(due_date=dt.date(2024, 1, 1))
    factories.ProgressUpdateFactory(action=world.council_action, status=status(world.plan, "amber"))
    rows = {row.name: row for row in figures.counts_by_agency(_actions(world), today=TODAY)}
    assert rows["Sussex Police"].total == 1 and rows["Sussex Police"].overdue == 1
    assert rows["East Sussex County Council"].by_status == {"amber": 1}


def test_a_plan_as_at_a_past_date_shows_the_due_date_and_status_then(world):
    action = world.police_action
    with time_machine.travel(dt.datetime(2024, 1, 5, 12, tzinfo=dt.UTC), tick=False):
        action.due_date = dt.date(2024, 3, 31)
        action.due_text = "March 2024"
        action.save()
    with time_machine.travel(dt.datetime(2024, 4, 2, 12, tzinfo=dt.UTC), tick=False):
        action.due_date = dt.date(2024, 9, 30)
        action.due_text = "Q2 2024/25"
        action.save()
    factories.ProgressUpdateFactory(
        action=action, date=dt.date(2024, 2, 1), status=status(world.plan, "amber")
    )
    factories.ProgressUpdateFactory(
        action=action, date=dt.date(2024, 5, 1), status=status(world.plan, "green")
    )

    then = {a.action_id: a for a in figures.actions_as_at(_actions(world), dt.date(2024, 3, 1))}[action.pk]
    assert then.due_date == dt.date(2024, 3, 31) and then.due_text == "March 2024"
    assert then.status.key == "amber"
    later = {a.action_id: a for a in figures.actions_as_at(_actions(world), dt.date(2024, 6, 1))}[action.pk]
    assert later.due_date == dt.date(2024, 9, 30) and later.status.key == "green"


def test_an_action_created_after_the_as_at_date_is_left_out(world):
    with time_machine.travel(dt.datetime(2024, 6, 1, 12, tzinfo=dt.UTC), tick=False):
        late = factories.ActionFactory(plan=world.plan, ref="9.1")
    ids = {a.action_id for a in figures.actions_as_at(_actions(world), dt.date(2024, 5, 1))}
    assert late.pk not in ids


def test_as_at_takes_a_fixed_number_of_queries_whatever_the_number_of_actions(
    world, django_assert_max_num_queries
):
    for n in range(20):
        a = factories.ActionFactory(plan=world.plan, ref=f"5.{n}")
        factories.ProgressUpdateFactory(action=a, status=status(world.plan, "red"))
    with django_assert_max_num_queries(3):
        items = figures.actions_as_at(_actions(world), dt.date.today())
    assert len(items) == 22
