"""The partnership home: counts by status, overdue, due soon, per agency, and the plans."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from plans import figures, models
from plans.tests import factories


@pytest.fixture
def busy_world(world):
    today = timezone.localdate()
    world.police_action.due_date = today - dt.timedelta(days=3)
    world.police_action.save()
    world.council_action.due_date = today + dt.timedelta(days=10)
    world.council_action.save()
    factories.ProgressUpdateFactory(action=world.police_action, status=factories.status(world.plan, "red"))
    return world


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_home_shows_the_partnerships_headline_figures(client, busy_world):
    client.force_login(busy_world.viewer)

    response = client.get(reverse("home"))

    summary = response.context["summaries"][0]
    assert summary.partnership == busy_world.partnership
    assert summary.headline == figures.headline(models.Action.objects.filter(plan=busy_world.plan))
    assert summary.headline.overdue == 1
    assert summary.headline.due_soon == 1
    html = response.content.decode()
    assert '<dd class="govuk-summary-list__value" data-figure="overdue">1</dd>' in html
    assert '<dd class="govuk-summary-list__value" data-figure="due_soon">1</dd>' in html


def test_the_home_counts_actions_by_status_with_labelled_tags(client, busy_world):
    client.force_login(busy_world.viewer)

    html = client.get(reverse("home")).content.decode()

    assert '<strong class="govuk-tag govuk-tag--rag-red">Red</strong>' in html
    assert 'data-status="red">1</td>' in html
    assert 'data-status="none">1</td>' in html


def test_the_home_counts_actions_per_lead_agency(client, busy_world):
    client.force_login(busy_world.viewer)

    response = client.get(reverse("home"))

    rows = {row.name: row for row in response.context["summaries"][0].agencies}
    assert rows["Sussex Police"].overdue == 1
    assert rows["Sussex Police"].total == 1
    assert rows["East Sussex County Council"].total == 1
    assert "Sussex Police" in response.content.decode()


def test_the_home_lists_the_plans_of_the_users_partnership_only(client, busy_world):
    client.force_login(busy_world.viewer)

    html = client.get(reverse("home")).content.decode()

    assert reverse("plans:plan", args=[busy_world.plan.pk]) in html
    assert busy_world.other_plan.title not in html
    assert "Thurrock" not in html


def test_a_plan_the_board_has_closed_is_not_in_the_partnerships_figures_but_keeps_its_own(client, busy_world):
    """QA round 9: a closed plan's overdue actions were counted in the partnership's live overdue."""
    world = busy_world
    closed = factories.PlanFactory(
        partnership=world.partnership, title="Old plan", stage=models.PlanStage.CLOSED
    )
    factories.ActionFactory(plan=closed, due_date=timezone.localdate() - dt.timedelta(days=40))
    client.force_login(world.viewer)

    response = client.get(reverse("home"))

    summary = response.context["summaries"][0]
    assert summary.headline == figures.headline(models.Action.objects.filter(plan=world.plan))
    assert summary.headline.overdue == 1 and summary.closed_plans == 1
    own = {plan.pk: numbers for plan, numbers in summary.plans}[closed.pk]
    assert own.total == 1 and own.overdue == 1
    page = response.content.decode()
    assert "All actions of open plans" in page
    assert (
        "1 plan the board has closed is not counted here; its figures are in the list of plans below." in page
    )
