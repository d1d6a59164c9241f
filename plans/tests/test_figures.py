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


def test_an_action_reached_twice_through_a_filter_on_its_owners_is_counted_once(world):
    action = factories.ActionFactory(plan=world.plan, ref="3.1", due_date=dt.date(2024, 6, 1))
    action.owner_agencies.add(world.police, world.council)
    factories.ProgressUpdateFactory(action=action, date=dt.date(2024, 5, 1), status=status(world.plan, "red"))
    # One row per matching owner agency before DISTINCT: the action would count twice.
    both = _actions(world).filter(owner_agencies__in=[world.police, world.council])
    assert both.count() == 2
    assert figures.headline(both, today=TODAY) == figures.Headline(
        total=1, done=0, overdue=1, due_soon=0, red=1, no_update=0
    )
    (cells,) = figures.Breakdown(both, by=("section",), today=TODAY).cells
    assert (cells.count, cells.overdue) == (1, 1)


def varied_partnership(world) -> models.Plan:
    """Two plans with actions in every state: overdue, due soon, done, red, none, no agency or section."""
    other_plan = factories.PlanFactory(partnership=world.partnership)
    other_section = factories.SectionFactory(plan=other_plan)
    short = factories.AgencyFactory(partnership=world.partnership, name="Health trust", short_name="ICB")
    cases = [
        (world.plan, world.police_action.section, world.police, dt.date(2024, 1, 1), "red"),
        (world.plan, world.police_action.section, world.council, dt.date(2024, 6, 20), "amber"),
        (world.plan, None, None, dt.date(2024, 1, 1), "complete"),
        (world.plan, None, short, None, None),
        (other_plan, other_section, world.police, dt.date(2024, 6, 1), "green"),
        (other_plan, other_section, short, dt.date(2024, 7, 1), "red"),
        (other_plan, None, None, dt.date(2024, 5, 1), None),
    ]
    for plan, section, agency, due, key in cases:
        action = factories.ActionFactory(plan=plan, section=section, lead_agency=agency, due_date=due)
        action.owner_agencies.add(world.council)  # owners do not change the counts
        if key:
            factories.ProgressUpdateFactory(action=action, date=dt.date(2024, 1, 1), status=status(plan, key))
    factories.PlanFactory(partnership=world.partnership)  # a plan without actions
    return other_plan


def test_the_home_figures_from_one_query_are_the_figures_of_each_function(world, django_assert_num_queries):
    varied_partnership(world)
    actions = models.Action.objects.filter(plan__partnership=world.partnership)

    with time_machine.travel(dt.datetime(2024, 6, 15, 12, tzinfo=dt.UTC), tick=False):
        with django_assert_num_queries(1):
            numbers = figures.partnership_figures(actions)
        assert numbers.headline == figures.headline(actions)
        assert numbers.statuses == figures.status_counts(actions)
        assert numbers.agencies == figures.counts_by_agency(actions)
        assert numbers.plans == {
            plan.pk: figures.headline(actions.filter(plan=plan))
            for plan in models.Plan.objects.filter(
                partnership=world.partnership, actions__isnull=False
            ).distinct()
        }
    assert "ICB" in [row.name for row in numbers.agencies]


def test_the_plan_figures_from_one_query_are_the_figures_of_each_function(world, django_assert_num_queries):
    other_plan = varied_partnership(world)
    for plan in (world.plan, other_plan):
        actions = models.Action.objects.filter(plan=plan)

        with django_assert_num_queries(1):
            numbers = figures.plan_figures(actions, today=TODAY)

        assert numbers.headline == figures.headline(actions, today=TODAY)
        assert numbers.statuses == figures.status_counts(actions)
        by_section = figures.counts_by_section(actions, today=TODAY)
        assert numbers.sections.keys() == {row.pk for row in by_section}
        for row in by_section:
            counted = numbers.sections[row.pk]
            assert (counted.total, counted.overdue, counted.by_status) == (
                row.total,
                row.overdue,
                row.by_status,
            )


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
