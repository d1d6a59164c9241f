"""Numbers are typed in text boxes sized to them, with the number keyboard on phones (GOV.UK's
pattern): type="number" changed a value when the page was scrolled over it, sent nothing for what
it could not read, and its box stretched across the page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from governance.forms import OpenRoundForm
from governance.models import Meeting
from scorecard.forms import ValueForm
from scorecard.tests.factories import MeasureFactory


def test_a_whole_number_box_is_a_narrow_text_box_with_the_number_keyboard(world):
    form = OpenRoundForm(meetings=Meeting.objects.none())
    html = str(form["reminder_days_before"])
    assert 'type="text"' in html and 'inputmode="numeric"' in html
    assert "govuk-input--width-5" in html and 'type="number"' not in html


def test_a_decimal_box_offers_the_decimal_keyboard_and_a_width_for_ten_characters(world):
    form = ValueForm(measure=MeasureFactory(partnership=world.partnership))
    html = str(form["number"])
    assert 'type="text"' in html and 'inputmode="decimal"' in html and "govuk-input--width-10" in html


@pytest.mark.parametrize("typed", ["three", "3.5", "-1"])
def test_a_number_that_is_not_a_whole_number_of_days_is_refused_with_its_field_named(world, typed):
    form = OpenRoundForm(
        {"deadline": "1/1/2030", "reminder_days_before": typed}, meetings=Meeting.objects.none()
    )
    assert not form.is_valid()
    [message] = form.errors["reminder_days_before"]
    assert message.startswith(("Enter the number of days before the deadline", "Remind owners"))


def test_the_value_page_draws_no_number_input(client, world):
    measure = MeasureFactory(partnership=world.partnership)
    client.force_login(world.manager)
    page = client.get(reverse("scorecard:add_value", args=[measure.pk])).content.decode()
    assert 'inputmode="decimal"' in page and 'type="number"' not in page


@pytest.mark.parametrize("typed", ["1e3", "2E2", "1.5e1"])
def test_a_number_in_scientific_notation_is_refused_not_multiplied(world, typed):
    form = ValueForm(
        {"period": "2020-04", "number": typed, "source": "Report"},
        measure=MeasureFactory(partnership=world.partnership, dimensions=[]),
    )
    assert not form.is_valid()
    assert form.errors["number"] == ["Enter the value as a number"]


@pytest.mark.parametrize("unit", ["count", "days"])
def test_a_target_or_threshold_below_zero_is_refused_for_counts_and_days(client, world, unit):
    client.force_login(world.manager)
    url = reverse("scorecard:add_measure") + f"?partnership={world.partnership.slug}"
    response = client.post(
        url,
        {"name": "Children graded high risk", "unit": unit, "polarity": "lower", "frequency": "monthly",
         "target": "-5", "green_from": "-1", "amber_from": "2"},
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200 and "cannot be below zero" in page
    assert world.partnership.measures.count() == 0
