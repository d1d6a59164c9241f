"""The versions diff between two dates before an action was deleted shows its status change:
its updates went with it, so they are read from their history."""

from __future__ import annotations

import datetime as dt

from governance.versions import action_changes
from plans.models import Action
from plans.tests import factories
from plans.tests.test_as_at_deleted_actions import at, deleted_in_june


def test_the_versions_diff_shows_the_status_change_of_an_action_deleted_since(world):
    gone = deleted_in_june(world)  # red from 10 February, due date moved on 5 March, deleted in June

    changes = {c.ref: c for c in action_changes(world.plan, dt.date(2024, 1, 31), dt.date(2024, 3, 31))}

    assert changes["7.1"].kind == "changed"
    assert ("Status", "No update yet", "Red") in changes["7.1"].fields
    assert ("Due (as written)", "April 2024", "May 2024") in changes["7.1"].fields
    assert not Action.objects.filter(pk=gone.pk).exists()


def test_an_update_deleted_on_its_own_before_its_action_does_not_count_after_the_action_is_deleted(world):
    with at(dt.date(2024, 1, 10)):
        action = factories.ActionFactory(plan=world.plan, ref="7.2")
    with at(dt.date(2024, 2, 10)):
        wrong = factories.ProgressUpdateFactory(
            action=action, date=dt.date(2024, 2, 10), status=factories.status(world.plan, "red")
        )
    with at(dt.date(2024, 2, 11)):
        wrong.delete()  # entered by mistake, removed by the service's staff
    with at(dt.date(2024, 6, 20)):
        Action.objects.get(pk=action.pk).delete()

    changes = {c.ref: c for c in action_changes(world.plan, dt.date(2024, 1, 31), dt.date(2024, 3, 31))}

    assert "7.2" not in changes


def test_references_are_listed_in_the_plans_own_order_numbers_as_numbers():
    from governance.versions import ref_order

    refs = ["10.1", "1.5", "2.1", "2.10", "2.9", "1.1b", "1.1a", "PRO-12", "PRO-2"]
    assert sorted(refs, key=ref_order) == [
        "1.1a",
        "1.1b",
        "1.5",
        "2.1",
        "2.9",
        "2.10",
        "10.1",
        "PRO-2",
        "PRO-12",
    ]


def test_a_renumbered_action_shows_its_reference_change_in_the_versions_diff(world):
    """QA round 7: 10.6 renumbered 10.9 was left out of 'actions changed' (its history recorded it)."""
    with at(dt.date(2024, 1, 10)):
        action = factories.ActionFactory(plan=world.plan, ref="10.6")
    with at(dt.date(2024, 2, 10)):
        action.refresh_from_db()
        action.ref = "10.9"
        action.save()

    (change,) = [
        c for c in action_changes(world.plan, dt.date(2024, 1, 31), dt.date(2024, 3, 31)) if c.ref == "10.9"
    ]

    assert change.kind == "changed" and ("Reference", "10.6", "10.9") in change.fields
