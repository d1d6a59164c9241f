"""A value for a period not yet started, or a count or number of days below zero, is refused
(by the form and by an upload) before it can head the scorecard as the latest value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scorecard import figures
from scorecard.models import Unit, Value
from scorecard.tests.factories import MeasureFactory

NOW = dt.datetime(2026, 12, 6, 10, tzinfo=dt.UTC)
TODAY = dt.date(2026, 12, 6)


def test_a_period_not_yet_started_is_a_problem_and_this_month_is_not():
    assert figures.value_problems("count", dt.date(2026, 12, 1), Decimal(3), TODAY) == []
    assert figures.value_problems("count", dt.date(2030, 1, 1), Decimal(3), TODAY) == [
        "2030-01 has not started yet: values are for periods up to 2026-12."
    ]


def test_a_quarter_that_has_started_is_accepted():
    assert figures.value_problems("count", dt.date(2026, 10, 1), Decimal(3), TODAY, figures.QUARTERLY) == []


def test_a_negative_count_or_number_of_days_is_a_problem_but_a_negative_percentage_is_not():
    assert figures.value_problems("count", None, Decimal(-5), TODAY) == ["A count cannot be below zero."]
    assert figures.value_problems("days", None, Decimal(-1), TODAY) == [
        "A number of days cannot be below zero."
    ]
    assert figures.value_problems("percentage", None, Decimal(-5), TODAY) == []


def test_a_manager_typing_a_future_period_or_a_negative_count_is_told_and_nothing_is_saved(client, world):
    measure = MeasureFactory(partnership=world.partnership, unit=Unit.COUNT)
    client.force_login(world.manager)
    with time_machine.travel(NOW, tick=False):
        response = client.post(
            reverse("scorecard:add_value", args=[measure.pk]),
            {"period": "2062-11", "number": "-4", "source": "DRMM log"},
        )
    page = response.content.decode()
    assert response.status_code == 200
    assert "2062-11 has not started yet" in page and "A count cannot be below zero." in page
    assert not Value.objects.filter(measure=measure).exists()


def test_an_upload_with_a_future_period_is_refused_row_by_row(client, world):
    measure = MeasureFactory(partnership=world.partnership, unit=Unit.COUNT)
    client.force_login(world.manager)
    upload = SimpleUploadedFile(
        "values.csv", b"period,value\n2026-11,4\n2027-01,5\n", content_type="text/csv"
    )
    with time_machine.travel(NOW, tick=False):
        response = client.post(
            reverse("scorecard:upload", args=[measure.pk]), {"file": upload, "source": "DRMM log"}
        )
    assert "2027-01 has not started yet" in response.content.decode()
    assert not Value.objects.filter(measure=measure).exists()
