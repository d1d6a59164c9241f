"""No lost updates: the second of two simultaneous edits of an action is refused."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from api.locking import save_action_if_unchanged
from plans import models


def test_saving_from_the_current_version_saves_and_raises_the_version(world):
    action = world.police_action
    assert save_action_if_unchanged(action, {"due_text": "March 2031"}, action.version)
    action.refresh_from_db()
    assert (action.due_text, action.version) == ("March 2031", 2)


def test_saving_from_an_older_version_is_refused_and_changes_nothing(world):
    action = world.police_action
    stale = models.Action.objects.get(pk=action.pk)
    assert save_action_if_unchanged(action, {"text": "First"}, 1)
    assert not save_action_if_unchanged(stale, {"text": "Second"}, 1)
    action.refresh_from_db()
    assert (action.text, action.version) == ("First", 2)


def test_owners_and_agencies_are_saved_with_the_action(world):
    action = world.police_action
    assert save_action_if_unchanged(
        action, {"owner_agencies": [world.council], "lead_agency": world.council}, 1
    )
    action.refresh_from_db()
    assert list(action.owner_agencies.all()) == [world.council]
    assert action.lead_agency == world.council


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_people_editing_an_action_at_once_on_postgresql_the_second_is_refused(world):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
    action = world.police_action
    start = threading.Barrier(2)
    results: dict[str, int] = {}

    def edit(user: object, text: str) -> None:
        try:
            client = APIClient()
            client.force_authenticate(user=user)
            start.wait(timeout=10)  # both read version 1, then both send their change
            response = client.patch(f"/api/actions/{action.pk}/", {"text": text, "version": 1}, format="json")
            results[text] = response.status_code
        finally:
            connection.close()  # each thread has its own connection

    threads = [
        threading.Thread(target=edit, args=(world.manager, "Manager's change")),
        threading.Thread(target=edit, args=(world.admin, "Admin's change")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(results.values()) == [200, 409]
    winner = next(text for text, code in results.items() if code == 200)
    action.refresh_from_db()
    assert (action.text, action.version) == (winner, 2)
