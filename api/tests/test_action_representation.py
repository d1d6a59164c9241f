"""The action list's hand-built representation is exactly DRF's field-by-field one."""

from __future__ import annotations

import datetime as dt

from rest_framework import serializers

from api.serializers import ActionSerializer, attach_owner_ids
from plans import models
from plans.tests import factories


def drf_walk(action: models.Action) -> dict:
    """What ModelSerializer.to_representation gives for ActionSerializer's fields."""
    return dict(serializers.ModelSerializer.to_representation(ActionSerializer(), action))


def varied_actions(world) -> list[models.Action]:
    plan = world.plan
    done = factories.ActionFactory(plan=plan, section=None, due_date=None, due_text="", question="Q3")
    factories.ProgressUpdateFactory(action=done, status=factories.status(plan, "complete"))
    late = factories.ActionFactory(plan=plan, lead_agency=world.police, due_date=dt.date(2020, 1, 1), ref="")
    factories.ProgressUpdateFactory(
        action=late, date=dt.date(2020, 2, 1), status=factories.status(plan, "red")
    )
    late.owners.add(
        factories.PersonFactory(partnership=world.partnership, name="Zoe Adams"),
        factories.PersonFactory(partnership=world.partnership, name="Amir Khan"),
    )
    late.owner_agencies.add(world.police, world.council)
    return [world.police_action, world.council_action, done, late]


def test_an_action_is_represented_as_drfs_fields_give_it(world):
    for action in varied_actions(world):
        action = models.Action.objects.select_related("status").get(pk=action.pk)
        assert ActionSerializer(action).data == drf_walk(action)


def test_attached_owner_ids_are_the_owners_in_the_prefetchs_order(world, django_assert_num_queries):
    varied = {a.pk for a in varied_actions(world)}
    actions = list(models.Action.objects.filter(pk__in=varied).select_related("status").order_by("pk"))

    with django_assert_num_queries(2):
        attach_owner_ids(actions)

    for action in actions:
        assert ActionSerializer(action).data == drf_walk(action)
    assert any(len(action.owner_ids) == 2 for action in actions)


def test_the_action_list_gives_every_action_as_drf_would(world, api_as):
    varied = varied_actions(world)
    listed = api_as(world.viewer).get("/api/actions/").json()["results"]

    by_id = {row["id"]: row for row in listed}
    for action in varied:
        assert by_id[action.pk] == drf_walk(models.Action.objects.get(pk=action.pk))
