"""A figure just short of a boundary shows its decimals, so its rating can be read from it
(QA round 10: 89.99% showed as '90.0%' Amber beside '90%' Green)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.urls import reverse

from scorecard.tests.factories import MeasureFactory, ValueFactory


def test_a_value_just_short_of_the_green_boundary_shows_its_two_decimals_on_the_pages(client, world):
    measure = MeasureFactory(
        partnership=world.partnership,
        name="Screening within 24 hours",
        unit="percentage",
        target=Decimal(95),
        green_from=Decimal(90),
        amber_from=Decimal(80),
    )
    ValueFactory(measure=measure, period=dt.date(2026, 5, 1), number=Decimal(90))
    ValueFactory(measure=measure, period=dt.date(2026, 6, 1), number=Decimal("89.99"))
    client.force_login(world.viewer)

    page = client.get(reverse("scorecard:measure", args=[measure.pk])).content.decode()
    index = client.get(reverse("scorecard:index")).content.decode()

    assert "89.99%" in page and "90.0%" not in page and "90%" in page
    assert "89.99%" in index
