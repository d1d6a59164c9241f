"""A progress update sent through the API meets the page's rules: dated today or earlier, with a narrative."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from plans.models import NARRATIVE_MAX_LENGTH, ProgressUpdate, check_update_date
from plans.tests.factories import status

NOW = dt.datetime(2026, 12, 6, 10, tzinfo=dt.UTC)


def test_an_update_dated_after_today_is_refused_and_today_is_accepted():
    check_update_date(dt.date(2026, 12, 6), today=dt.date(2026, 12, 6))
    with pytest.raises(ValidationError):
        check_update_date(dt.date(2026, 12, 7), today=dt.date(2026, 12, 6))


def test_a_contributor_cannot_date_an_api_update_in_the_future(world, api_as):
    with time_machine.travel(NOW, tick=False):
        response = api_as(world.contributor).post(
            "/api/updates/",
            {"action": world.police_action.pk, "date": "2030-12-06", "status": "amber", "narrative": "Done."},
            format="json",
        )
    assert response.status_code == 400
    assert response.json() == {"date": ["The date of the update must be today or in the past"]}
    assert not ProgressUpdate.objects.filter(action=world.police_action, date__year=2030).exists()


@pytest.mark.parametrize("narrative", ["", None])
def test_an_api_update_without_progress_and_impact_is_refused(world, api_as, narrative):
    data = {"action": world.police_action.pk, "date": "2026-12-01", "status": "amber"}
    if narrative is not None:
        data["narrative"] = narrative
    with time_machine.travel(NOW, tick=False):
        response = api_as(world.contributor).post("/api/updates/", data, format="json")
    assert response.status_code == 400
    assert response.json() == {"narrative": ["Give the progress and impact."]}


def test_an_update_dated_before_2000_is_refused():
    with pytest.raises(ValidationError, match="2000 or later"):
        check_update_date(dt.date(1900, 1, 1), today=dt.date(2026, 12, 6))
    check_update_date(dt.date(2000, 1, 1), today=dt.date(2026, 12, 6))


def test_a_narrative_longer_than_the_limit_is_refused_by_the_page_and_the_api(client, world, api_as):
    too_long = "word " * (NARRATIVE_MAX_LENGTH // 5 + 1)
    with time_machine.travel(NOW, tick=False):
        response = api_as(world.contributor).post(
            "/api/updates/",
            {
                "action": world.police_action.pk,
                "date": "2026-12-01",
                "status": "amber",
                "narrative": too_long,
            },
            format="json",
        )
        assert response.status_code == 400
        assert "narrative" in response.json()
        client.force_login(world.contributor)
        page = client.post(
            reverse("plans:add_update", args=[world.police_action.pk]),
            {
                "date": "2026-12-01",
                "status": status(world.police_action.plan, "amber").pk,
                "narrative": too_long,
            },
        )
    assert page.status_code == 200
    assert "Progress and impact must be 10,000 characters or fewer" in page.content.decode()
    assert not ProgressUpdate.objects.filter(action=world.police_action, narrative=too_long).exists()


def test_new_due_wording_sent_through_the_api_moves_the_due_date(world, api_as):
    action = world.police_action
    response = api_as(world.manager).patch(
        f"/api/actions/{action.pk}/",
        {"due_text": "End of June 2031", "version": action.version},
        format="json",
    )
    assert response.status_code == 200, response.json()
    action.refresh_from_db()
    assert action.due_date == dt.date(2031, 6, 30)
    refused = api_as(world.manager).patch(
        f"/api/actions/{action.pk}/", {"due_date": "9999-12-31", "version": action.version}, format="json"
    )
    assert refused.status_code == 400
    assert refused.json() == {"due_date": ["Enter a due date between 2000 and 2099"]}


@pytest.mark.parametrize("sent", [{}, {"status": None}, {"status": ""}])
def test_an_api_update_without_a_status_is_refused_as_the_page_refuses_it(world, api_as, sent):
    """Saved, it would leave the action showing no status at all next to today's update."""
    before = world.police_action.status
    data = {"action": world.police_action.pk, "date": "2026-12-01", "narrative": "No status given.", **sent}
    response = api_as(world.contributor).post("/api/updates/", data, format="json")
    assert response.status_code == 400
    assert response.json() == {"status": ["Select the status of the action"]}
    world.police_action.refresh_from_db()
    assert world.police_action.status == before
    assert not ProgressUpdate.objects.filter(narrative="No status given.").exists()


def test_the_same_api_update_sent_twice_moments_apart_is_saved_once(world, api_as):
    """A client retrying after a timeout: the second answer is the update already saved (200)."""
    data = {
        "action": world.police_action.pk,
        "date": "2026-12-01",
        "status": "green",
        "narrative": "Checked.",
    }
    client = api_as(world.contributor)
    with time_machine.travel(NOW, tick=False):
        first = client.post("/api/updates/", data, format="json")
        again = client.post("/api/updates/", data, format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert ProgressUpdate.objects.filter(action=world.police_action, narrative="Checked.").count() == 1


def test_an_api_update_dated_more_than_3_months_ago_needs_date_confirmed_as_the_page_asks(world, api_as):
    """QA round 6: scripts are where a year slips (2025 typed for 2026 in January)."""
    client = api_as(world.contributor)
    data = {"action": world.police_action.pk, "date": "2025-01-05", "status": "amber", "narrative": "Old."}
    with time_machine.travel(NOW, tick=False):
        refused = client.post("/api/updates/", data, format="json")
        accepted = client.post("/api/updates/", {**data, "date_confirmed": True}, format="json")
    assert refused.status_code == 400 and "send date_confirmed: true" in refused.json()["date"][0]
    assert accepted.status_code == 201 and "date_confirmed" not in accepted.json()
    assert ProgressUpdate.objects.filter(action=world.police_action).count() == 1
