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


def test_a_figure_is_written_alike_on_the_pages_and_in_the_board_pack(client, world):
    """QA round 11: '60.30%' on the scorecard, '60.3%' in the pack."""
    from scorecard.figures import figure_text

    assert [figure_text(Decimal(v)) for v in ("60.30", "89.99", "90", "1250.5")] == [
        "60.3",
        "89.99",
        "90",
        "1,250.5",
    ]
    measure = MeasureFactory(partnership=world.partnership, name="Seen in time", unit="percentage")
    ValueFactory(measure=measure, period=dt.date(2026, 5, 1), number=Decimal("60.30"))
    client.force_login(world.viewer)
    page = client.get(reverse("scorecard:index")).content.decode()
    assert "60.3%" in page and "60.30%" not in page


def test_percentages_of_a_breakdown_are_not_added_up_when_sources_disagree(world):
    """QA round 11: a 'Total' of 256 for a percentage measure, counted as a fourth disagreement."""
    from scorecard.services import findings_for
    from scorecard.tests.factories import SourceFactory, area_and_risk

    measure = MeasureFactory(
        partnership=world.partnership, unit="percentage", dimensions=area_and_risk(world.partnership)
    )
    for name, numbers in (("Report", (80, 90, 86)), ("Appendix", (81, 90, 85))):
        source = SourceFactory(partnership=world.partnership, name=name)
        for area, number in zip(("City", "County", "Rutland"), numbers, strict=True):
            ValueFactory(
                measure=measure,
                period=dt.date(2026, 5, 1),
                dimensions={"area": area, "risk": "High"},
                number=Decimal(number),
                source=source,
            )

    found = findings_for(measure)

    assert len(found) == 2 and all(f.dimensions for f in found)  # City and Rutland; no 'Total'


def test_a_broken_down_percentage_says_its_headline_is_the_plain_average_of_its_figures(client, world):
    """QA round 11: the headline was an unweighted mean of the areas, and nothing said so."""
    from scorecard.services import summarise
    from scorecard.tests.factories import area_and_risk

    measure = MeasureFactory(
        partnership=world.partnership, unit="percentage", dimensions=area_and_risk(world.partnership)
    )
    for area, number in (("City", 80), ("County", 90)):
        ValueFactory(
            measure=measure, period=dt.date(2026, 5, 1), dimensions={"area": area, "risk": "High"},
            number=Decimal(number),
        )  # fmt: skip
    assert (
        summarise(measure).average_note == "The average of the 2 figures of its breakdown, each counted alike"
    )
    client.force_login(world.viewer)
    assert (
        "The average of the 2 figures of its breakdown"
        in client.get(reverse("scorecard:index")).content.decode()
    )
    counted = MeasureFactory(
        partnership=world.partnership, unit="count", dimensions=area_and_risk(world.partnership)
    )
    ValueFactory(measure=counted, period=dt.date(2026, 5, 1), dimensions={"area": "City", "risk": "High"})
    assert summarise(counted).average_note == ""
