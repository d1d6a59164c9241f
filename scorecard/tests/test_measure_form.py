"""Defining a measure: plan managers and admins only, thresholds checked, dimensions added."""

from django.urls import reverse

from scorecard.models import Measure
from scorecard.tests.factories import MeasureFactory

SCREENING = {
    "name": "Screening tools reviewed within 24 hours",
    "description": "",
    "unit": "percentage",
    "polarity": "higher",
    "target": "95",
    "green_from": "",
    "amber_from": "80",
    "frequency": "monthly",
}


def test_a_plan_manager_adds_a_measure_with_a_new_dimension_and_linked_actions(client, world):
    client.force_login(world.manager)
    url = reverse("scorecard:add_measure") + f"?partnership={world.partnership.slug}"
    response = client.post(
        url,
        {
            **SCREENING,
            "actions": [world.police_action.pk],
            "new_dimension": "Area",
            "new_dimension_values": "City, County, Rutland",
        },
    )
    assert response.status_code == 302
    measure = Measure.objects.get(name=SCREENING["name"])
    assert (measure.partnership, measure.target, measure.amber_from) == (world.partnership, 95, 80)
    assert list(measure.actions.all()) == [world.police_action]
    [area] = measure.dimensions.all()
    assert (area.key, area.allowed_values) == ("area", ["City", "County", "Rutland"])


def test_a_new_dimension_named_without_a_latin_letter_is_refused_and_no_measure_is_added(client, world):
    """Its key was empty: a second such dimension was refused as 'already there', and uploads had no
    column name for it."""
    client.force_login(world.manager)
    url = reverse("scorecard:add_measure") + f"?partnership={world.partnership.slug}"
    response = client.post(url, {**SCREENING, "new_dimension": "地域", "new_dimension_values": "North"})
    assert response.status_code == 200
    assert "letters (A to Z) or digits" in response.content.decode()
    assert not Measure.objects.exists()


def test_an_amber_boundary_above_a_higher_is_better_target_is_refused(client, world):
    client.force_login(world.admin)
    url = reverse("scorecard:add_measure") + f"?partnership={world.partnership.slug}"
    response = client.post(url, {**SCREENING, "amber_from": "97"})
    assert response.status_code == 200
    assert "cannot be above the green boundary" in response.content.decode()
    assert not Measure.objects.exists()


def test_an_action_of_another_partnership_cannot_be_linked(client, world):
    client.force_login(world.manager)
    url = reverse("scorecard:add_measure") + f"?partnership={world.partnership.slug}"
    response = client.post(url, {**SCREENING, "actions": [world.other_action.pk]})
    assert response.status_code == 200
    assert not Measure.objects.exists()


def test_viewers_cannot_define_or_edit_measures_and_outsiders_do_not_see_them(client, world):
    measure = MeasureFactory(partnership=world.partnership)
    client.force_login(world.viewer)
    url = reverse("scorecard:add_measure") + f"?partnership={world.partnership.slug}"
    assert client.get(url).status_code == 403
    assert client.post(reverse("scorecard:edit_measure", args=[measure.pk]), SCREENING).status_code == 403
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    assert client.get(reverse("scorecard:edit_measure", args=[measure.pk])).status_code == 404
    measure.refresh_from_db()
    assert measure.name != SCREENING["name"]


def test_a_manager_edits_a_measures_target(client, world):
    measure = MeasureFactory(partnership=world.partnership, name=SCREENING["name"])
    client.force_login(world.manager)
    response = client.post(
        reverse("scorecard:edit_measure", args=[measure.pk]), {**SCREENING, "target": "90"}
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.target == 90
    assert measure.history.count() == 2


def test_a_measure_holding_monthly_values_cannot_become_quarterly(client, world):
    """Each month would be shown as its quarter, three 'Q1 2026' rows."""
    import datetime as dt

    from scorecard.tests.factories import ValueFactory

    measure = MeasureFactory(partnership=world.partnership, name=SCREENING["name"])
    ValueFactory(measure=measure, period=dt.date(2026, 2, 1))
    client.force_login(world.manager)
    page = client.post(
        reverse("scorecard:edit_measure", args=[measure.pk]), {**SCREENING, "frequency": "quarterly"}
    )
    assert "This measure holds monthly values (Feb 2026)" in page.content.decode()
    measure.refresh_from_db()
    assert measure.frequency == "monthly"


def test_a_dimension_the_values_are_broken_down_by_cannot_be_untaken(client, world):
    """The same month would show two figures, and downloads would lose the breakdown."""
    import datetime as dt

    from scorecard.tests.factories import ValueFactory, area_and_risk

    area, risk = area_and_risk(world.partnership)
    measure = MeasureFactory(partnership=world.partnership, name=SCREENING["name"], dimensions=[area, risk])
    ValueFactory(measure=measure, period=dt.date(2026, 2, 1), dimensions={"area": "City", "risk": "High"})
    client.force_login(world.manager)
    page = client.post(
        reverse("scorecard:edit_measure", args=[measure.pk]), {**SCREENING, "dimensions": [area.pk]}
    )
    assert "Values of this measure are broken down by risk: keep it ticked" in page.content.decode()
    assert set(measure.dimensions.values_list("key", flat=True)) == {"area", "risk"}
    kept = client.post(
        reverse("scorecard:edit_measure", args=[measure.pk]), {**SCREENING, "dimensions": [area.pk, risk.pk]}
    )
    assert kept.status_code == 302


def test_a_new_dimension_named_as_an_uploads_own_column_is_refused(client, world):
    """QA round 11: a dimension 'Source' took over the upload's source column, and where each value
    came from became wrong without a word."""
    client.force_login(world.manager)
    url = reverse("scorecard:add_measure") + f"?partnership={world.partnership.slug}"
    for name in ("Source", "Period", "Value", "Entered by"):
        response = client.post(url, {**SCREENING, "new_dimension": name, "new_dimension_values": "A, B"})
        assert response.status_code == 200
        assert "is a column every upload has already" in response.content.decode()
    assert not Measure.objects.exists()
