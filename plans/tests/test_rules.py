"""Permission rules and the one door for reading."""

from __future__ import annotations

import pytest

from plans import models, rules
from plans.tests import factories


def test_contributor_can_update_their_own_agencys_action(world):
    assert rules.can_add_update(world.contributor, world.police_action)


def test_contributor_cannot_update_another_agencys_action(world):
    assert not rules.can_add_update(world.contributor, world.council_action)


def test_contributor_can_update_an_action_that_names_them_as_owner(world):
    person = factories.PersonFactory(
        partnership=world.partnership, agency=world.council, user=world.contributor
    )
    world.council_action.owners.add(person)
    assert rules.can_add_update(world.contributor, world.council_action)


def test_contributor_cannot_edit_an_actions_own_fields(world):
    assert not rules.can_edit_action(world.contributor, world.police_action)


def test_viewer_can_change_nothing(world):
    assert not rules.can_add_update(world.viewer, world.police_action)
    assert not rules.can_edit_action(world.viewer, world.police_action)
    assert not rules.can_manage_plans(world.viewer, world.partnership)


@pytest.mark.parametrize("who", ["admin", "manager"])
def test_managers_and_admins_can_edit_and_update_any_action(world, who):
    user = getattr(world, who)
    assert rules.can_edit_action(user, world.council_action)
    assert rules.can_add_update(user, world.council_action)


def test_only_admins_administer_a_partnership(world):
    assert rules.can_administer(world.admin, world.partnership)
    assert not rules.can_administer(world.manager, world.partnership)


def test_admin_of_another_partnership_has_no_rights_here(world):
    assert not rules.can_view_partnership(world.outsider, world.partnership)
    assert not rules.can_add_update(world.outsider, world.police_action)
    assert not rules.can_edit_action(world.outsider, world.police_action)


def test_for_user_keeps_each_partnership_to_itself(world):
    assert set(models.Action.objects.for_user(world.viewer)) == {world.police_action, world.council_action}
    assert list(models.Action.objects.for_user(world.outsider)) == [world.other_action]
    assert list(models.Plan.objects.for_user(world.outsider)) == [world.other_plan]


def test_for_user_shows_nothing_to_anonymous_or_inactive_users(world):
    from django.contrib.auth.models import AnonymousUser

    assert not models.Action.objects.for_user(AnonymousUser()).exists()
    world.viewer.is_active = False
    assert not models.Action.objects.for_user(world.viewer).exists()


def test_actions_of_a_signed_off_section_are_locked_except_for_admins(world):
    import datetime as dt

    section = world.police_action.section
    section.signed_off_on = dt.date(2024, 1, 1)
    section.save()
    action = models.Action.objects.get(pk=world.police_action.pk)
    assert not rules.can_add_update(world.contributor, action)
    assert not rules.can_edit_action(world.manager, action)
    assert rules.can_edit_action(world.admin, action)


def test_the_one_door_reuses_memberships_a_request_has_read_and_the_next_request_sees_a_removal(world):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from plans.models import Action, Membership, Plan

    user = get_user_model().objects.get(pk=world.contributor.pk)  # as a request loads it
    with CaptureQueriesContext(connection) as before_rules:
        plans = list(Plan.objects.for_user(user))  # no memberships read yet: a subquery
        rules.can_add_update(user, world.police_action)  # reads them, once
        actions = list(Action.objects.for_user(user))  # and the one door reuses them
        rules.can_edit_plan(user, world.plan)
    sql = [q["sql"] for q in before_rules.captured_queries]
    assert sum(q.lstrip().startswith('SELECT "plans_membership"') for q in sql) == 1
    assert "plans_membership" in sql[0]
    assert "plans_membership" not in sql[-1]
    assert world.plan in plans and world.other_plan not in plans
    assert world.police_action in actions and all(
        a.plan.partnership_id == world.partnership.pk for a in actions
    )

    Membership.objects.filter(user=user).delete()
    next_request = get_user_model().objects.get(pk=user.pk)
    assert not Plan.objects.for_user(next_request).exists()
    assert not Action.objects.for_user(next_request).exists()
