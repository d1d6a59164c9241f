"""Status lives on progress updates; overdue follows from due date and status."""

from __future__ import annotations

import datetime as dt

from plans import models
from plans.tests import factories
from plans.tests.factories import status


def test_current_status_is_that_of_the_latest_update(world):
    action = world.police_action
    factories.ProgressUpdateFactory(
        action=action, date=dt.date(2024, 1, 10), status=status(world.plan, "red")
    )
    factories.ProgressUpdateFactory(
        action=action, date=dt.date(2024, 2, 10), status=status(world.plan, "green")
    )
    action.refresh_from_db()
    assert action.status.key == "green"
    assert action.last_update_on == dt.date(2024, 2, 10)


def test_an_update_entered_late_for_an_earlier_date_does_not_override_the_latest(world):
    action = world.police_action
    factories.ProgressUpdateFactory(
        action=action, date=dt.date(2024, 2, 10), status=status(world.plan, "green")
    )
    factories.ProgressUpdateFactory(
        action=action, date=dt.date(2024, 1, 10), status=status(world.plan, "red")
    )
    action.refresh_from_db()
    assert action.status.key == "green"


def test_status_on_a_past_date_is_that_of_the_latest_update_on_or_before_it(world):
    action = world.police_action
    factories.ProgressUpdateFactory(
        action=action, date=dt.date(2024, 1, 10), status=status(world.plan, "red")
    )
    factories.ProgressUpdateFactory(
        action=action, date=dt.date(2024, 2, 10), status=status(world.plan, "green")
    )
    assert action.status_on(dt.date(2024, 1, 9)) is None
    assert action.status_on(dt.date(2024, 1, 10)).key == "red"
    assert action.status_on(dt.date(2024, 2, 9)).key == "red"


def test_an_action_past_its_due_date_and_not_done_is_overdue(world):
    action = world.police_action
    action.due_date = dt.date(2024, 3, 31)
    assert action.is_overdue(today=dt.date(2024, 4, 1))
    assert not action.is_overdue(today=dt.date(2024, 3, 31))
    assert models.Action.objects.filter(pk=action.pk).update(due_date=dt.date(2024, 3, 31))
    assert list(models.Action.objects.overdue(today=dt.date(2024, 4, 1)).filter(plan=world.plan)) == [action]


def test_a_done_action_is_never_overdue(world):
    action = world.police_action
    action.due_date = dt.date(2024, 3, 31)
    action.save()
    factories.ProgressUpdateFactory(
        action=action, date=dt.date(2024, 3, 1), status=status(world.plan, "complete")
    )
    action.refresh_from_db()
    assert not action.is_overdue(today=dt.date(2024, 4, 1))
    assert not models.Action.objects.overdue(today=dt.date(2024, 4, 1)).filter(pk=action.pk).exists()


def test_an_action_without_a_due_date_is_never_overdue(world):
    action = world.police_action
    action.due_date = None
    assert not action.is_overdue(today=dt.date(2099, 1, 1))


def test_owned_by_finds_actions_of_the_users_agency_and_those_naming_them(world):
    person = factories.PersonFactory(partnership=world.partnership, user=world.contributor)
    extra = factories.ActionFactory(plan=world.plan, ref="9.9")
    extra.owners.add(person)
    mine = set(models.Action.objects.owned_by(world.contributor))
    assert mine == {world.police_action, extra}


def test_an_action_owned_in_every_way_is_listed_once(world):
    person = factories.PersonFactory(partnership=world.partnership, user=world.contributor)
    action = world.police_action  # led by the contributor's agency
    action.owners.add(person, factories.PersonFactory(partnership=world.partnership))
    action.owner_agencies.add(world.police, world.council)
    shared = factories.ActionFactory(plan=world.plan, ref="9.8", lead_agency=world.council)
    shared.owner_agencies.add(world.police)

    mine = list(models.Action.objects.owned_by(world.contributor).order_by("pk"))

    assert mine == [action, shared]
    assert models.Action.objects.owned_by(world.contributor).count() == 2
