"""Adding and changing a partnership's agencies."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.tests.helpers import ERROR_SUMMARY, HOSTILE, other_partnerships_agency
from plans.models import Agency, AgencyKind


@pytest.fixture
def admin(client, world):
    client.force_login(world.admin)
    return client


def add(client, world, **data):
    data = {"name": "Sussex Partnership NHS Foundation Trust", "short_name": "SPFT", "kind": "nhs", **data}
    return client.post(reverse("accounts:add_agency", args=[world.partnership.pk]), data)


def test_a_partnership_admin_adds_an_agency(admin, world):
    response = add(admin, world)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:manage", args=[world.partnership.pk])
    agency = Agency.objects.get(name="Sussex Partnership NHS Foundation Trust")
    assert (agency.partnership, agency.short_name, agency.kind) == (world.partnership, "SPFT", AgencyKind.NHS)
    assert agency.history.get().history_user == world.admin


def test_a_partnership_admin_changes_an_agency(admin, world):
    response = admin.post(
        reverse("accounts:edit_agency", args=[world.police.pk]),
        {"name": "Sussex Police", "short_name": "SP", "kind": "police"},
    )

    assert response.status_code == 302
    world.police.refresh_from_db()
    assert world.police.short_name == "SP"
    assert world.police.history.first().history_user == world.admin


def test_an_agency_needs_a_name(admin, world):
    response = add(admin, world, name="  ")

    assert ERROR_SUMMARY in response.content.decode()
    assert "Enter the agency&#x27;s name" in response.content.decode()
    assert world.partnership.agencies.count() == 2


def test_a_second_agency_of_the_same_name_is_refused(admin, world):
    response = add(admin, world, name="sussex  police")

    html = response.content.decode()
    assert ERROR_SUMMARY in html
    assert "There is already an agency called sussex police in this partnership" in html
    assert world.partnership.agencies.count() == 2


def test_renaming_an_agency_to_another_agencys_name_is_refused(admin, world):
    response = admin.post(
        reverse("accounts:edit_agency", args=[world.police.pk]),
        {"name": "East Sussex County Council", "kind": "police"},
    )

    assert "There is already an agency called" in response.content.decode()
    world.police.refresh_from_db()
    assert world.police.name == "Sussex Police"


def test_another_partnership_may_have_an_agency_of_the_same_name(admin, world):
    other_partnerships_agency(world)

    assert add(admin, world, name="Essex Police").status_code == 302


def test_a_name_with_markup_is_refused_and_shown_back_as_text(admin, world):
    response = add(admin, world, name=HOSTILE)

    html = response.content.decode()
    assert ERROR_SUMMARY in html
    assert "Name must not contain &lt; or &gt;" in html
    assert "<script>alert" not in html
    assert world.partnership.agencies.count() == 2


def test_another_partnerships_agency_is_not_found(admin, world):
    theirs = other_partnerships_agency(world)

    opened = admin.get(reverse("accounts:edit_agency", args=[theirs.pk]))
    posted = admin.post(
        reverse("accounts:edit_agency", args=[theirs.pk]), {"name": "Ours now", "kind": "police"}
    )

    assert (opened.status_code, posted.status_code) == (404, 404)
    theirs.refresh_from_db()
    assert theirs.name == "Essex Police"


def test_a_short_name_another_agency_has_is_refused_and_lists_show_each_agency_whole(admin, world):
    """Two agencies both shown as 'Police' could not be told apart when giving a contributor theirs."""
    world.police.short_name = "Police"
    world.police.save()
    response = add(admin, world, name="Northshire Police Federation", short_name="police")
    assert "Another agency of this partnership is already called police" in response.content.decode()
    assert not Agency.objects.filter(name="Northshire Police Federation").exists()
    page = admin.get(reverse("accounts:add_member", args=[world.partnership.pk])).content.decode()
    assert f"{world.police.name} (Police)</option>" in page


def test_a_name_another_agency_has_as_its_short_name_is_refused(admin, world):
    """QA round 6: 'ICB' beside 'NHS Northshire Integrated Care Board (ICB)' listed 'ICB' twice."""
    add(admin, world, name="NHS Northshire Integrated Care Board", short_name="ICB")
    response = add(admin, world, name="ICB", short_name="")
    assert "ICB is the short name of NHS Northshire Integrated Care Board" in response.content.decode()
    assert Agency.objects.filter(partnership=world.partnership, name="ICB").count() == 0
