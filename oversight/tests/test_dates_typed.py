"""Dates are typed in one text box as people write them (27/3/2027, 27 March 2027, 2027-03-27).
The browser's date picker showed mm/dd/yyyy beside a hint in another format, turned '3111' into
the year 1, and sent nothing for a date typed without its year: the plan 'as at 1 June' quietly
showed today's plan."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from plans.forms import ProgressUpdateForm


@pytest.mark.parametrize(
    "typed", ["7/12/2025", "07/12/2025", "7 December 2025", "7 Dec 2025", "2025-12-07", "7.12.2025"]
)
def test_a_date_is_read_however_people_write_it(world, typed):
    form = ProgressUpdateForm(
        {"date": typed, "date_confirmed": "on", "status": "red", "narrative": "Audit done."},
        action=world.police_action,
    )
    form.is_valid()
    assert "date" not in form.errors
    assert form.cleaned_data["date"] == dt.date(2025, 12, 7)


def test_a_date_typed_without_its_year_is_an_error_not_today(client, world):
    client.force_login(world.viewer)
    response = client.get(world.plan.get_absolute_url(), {"as_at": "01/06"})
    page = response.content.decode()
    assert "<title>Error: " in page and "Enter a real date, for example 27/3/2027" in page


def test_date_boxes_are_text_boxes_showing_the_date_as_written_in_england(client, world):
    client.force_login(world.manager)
    page = client.get(reverse("plans:edit_action", args=[world.police_action.pk])).content.decode()
    assert 'type="date"' not in page
    assert f'name="due_date" value="{world.police_action.due_date:%-d/%-m/%Y}"' in page


def test_the_versions_page_says_when_a_date_is_wrong_instead_of_comparing_other_dates(client, world):
    client.force_login(world.viewer)
    page = client.get(
        reverse("governance:versions", args=[world.plan.pk]), {"since": "31/02/2026"}
    ).content.decode()
    assert "<title>Error: " in page and "as a real date" in page
