"""Filters that look at linked rows (updates, owning agencies) give each action once."""

from __future__ import annotations

import datetime as dt

from plans.tests import factories


def test_an_action_with_many_new_updates_and_owning_agencies_is_listed_once(world, api_as, time_machine):
    time_machine.move_to(dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC))
    world.police_action.save()
    world.council_action.save()
    time_machine.move_to(dt.datetime(2025, 3, 1, 12, tzinfo=dt.UTC))
    for _ in range(3):
        factories.ProgressUpdateFactory(action=world.council_action)
    world.council_action.owner_agencies.add(world.police, world.council)
    client = api_as(world.viewer)

    since = client.get("/api/actions/", {"updated__gte": "2025-02-01"}).json()
    by_agency = client.get("/api/actions/", {"agency": world.council.pk}).json()
    updates = client.get("/api/updates/", {"agency": world.police.pk}).json()

    assert [row["id"] for row in since["results"]] == [world.council_action.pk] and since["count"] == 1
    assert [row["id"] for row in by_agency["results"]] == [world.council_action.pk] and by_agency[
        "count"
    ] == 1
    assert updates["count"] == 3 and len({row["id"] for row in updates["results"]}) == 3
