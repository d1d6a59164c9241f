"""A progress update sent through the API meets the page's rules: dated today or earlier, with a narrative."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from plans.models import ProgressUpdate, check_update_date

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
