"""The action page says since when the action has had its status, not just the date of its latest update."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from plans import models
from plans.tests import factories


def add_updates(action, *dated_keys):
    for day, key in dated_keys:
        status = action.plan.rag_statuses.get(key=key)
        factories.ProgressUpdateFactory(action=action, date=day, status=status)
    action.refresh_status()


def test_an_action_amber_over_three_updates_after_a_red_one_is_amber_since_the_first_of_them(world):
    action = world.police_action
    add_updates(
        action,
        (dt.date(2026, 7, 22), "red"),
        (dt.date(2026, 9, 14), "amber"),
        (dt.date(2026, 11, 6), "amber"),
        (dt.date(2026, 12, 2), "amber"),
    )
    updates = list(action.updates.all())
    assert models.status_since(updates) == dt.date(2026, 9, 14)


def test_an_action_with_no_updates_has_no_status_since():
    assert models.status_since([]) is None


def test_the_action_page_shows_since_when_and_the_last_update(client, world):
    action = world.police_action
    add_updates(
        action,
        (dt.date(2026, 9, 14), "red"),
        (dt.date(2026, 10, 1), "amber"),
        (dt.date(2026, 11, 6), "amber"),
    )
    client.force_login(world.viewer)
    page = client.get(reverse("plans:action", args=[action.pk])).content.decode()
    assert "since the update of 1 October 2026; last updated 6 November 2026" in page


def test_a_status_that_changed_at_the_latest_update_names_that_update_only(client, world):
    action = world.police_action
    add_updates(action, (dt.date(2026, 10, 1), "amber"), (dt.date(2026, 11, 6), "red"))
    client.force_login(world.viewer)
    page = client.get(reverse("plans:action", args=[action.pk])).content.decode()
    assert "since the update of 6 November 2026</dd>" in page
