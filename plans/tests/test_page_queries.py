"""The tracker pages issue the same number of queries whatever the number of actions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.tests import factories

PAGES = ["home", "plan", "plan_as_at", "plan_filtered", "action", "my_actions"]


def grow(world, n: int) -> None:
    """n more police actions in the plan, each with an owner, an owning agency and two updates."""
    factories.police_actions(world, n)
    factories.ProgressUpdateFactory(action=world.police_action, date=dt.date(2024, 3, 1))


def url(world, page: str) -> str:
    plan = reverse("plans:plan", args=[world.plan.pk])
    return {
        "home": reverse("home"),
        "plan": plan,
        "plan_as_at": plan + "?as_at=2024-02-15",
        "plan_filtered": plan + f"?status=red&agency={world.police.pk}&overdue=on&q=review",
        "action": reverse("plans:action", args=[world.police_action.pk]),
        "my_actions": reverse("plans:my_actions"),
    }[page]


def count_queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("page", PAGES)
def test_a_page_issues_the_same_queries_for_few_and_many_actions(
    client, world, page, django_assert_max_num_queries
):
    client.force_login(world.contributor)
    grow(world, 3)
    client.get(url(world, page))  # warm the session and content type caches
    few = count_queries(client, url(world, page))
    grow(world, 30)

    with django_assert_max_num_queries(few):
        response = client.get(url(world, page))

    assert response.status_code == 200
    assert few <= 30


@pytest.mark.parametrize("page", PAGES)
def test_a_page_reads_the_users_memberships_once(client, world, page):
    """Rules, navigation and views all ask for the user's role; one query answers them all."""
    client.force_login(world.manager)
    grow(world, 3)
    client.get(url(world, page))
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url(world, page)).status_code == 200
    membership_reads = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].lstrip().startswith('SELECT "plans_membership"')
    ]
    assert len(membership_reads) == 1, membership_reads


@pytest.mark.parametrize("page", PAGES)
def test_a_page_reads_history_tables_without_building_a_manager_class_per_read(client, world, page):
    """`Model.history` builds a new manager class each time it is read (django-simple-history);
    pages read the history tables through `plans.models.historical_model` instead."""
    from unittest import mock

    from simple_history.manager import HistoryDescriptor

    client.force_login(world.manager)
    grow(world, 3)
    client.get(url(world, page))
    with mock.patch.object(
        HistoryDescriptor, "__get__", autospec=True, side_effect=HistoryDescriptor.__get__
    ) as read:
        response = client.get(url(world, page))

    assert response.status_code == 200
    assert read.call_count == 0, [c.args[1:] for c in read.call_args_list]
