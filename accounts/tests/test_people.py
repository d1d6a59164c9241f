"""Adding and changing the people who own actions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.tests.helpers import ERROR_SUMMARY, HOSTILE, other_partnerships_agency, person_in
from plans.models import Person
from plans.tests import factories


@pytest.fixture
def admin(client, world):
    client.force_login(world.admin)
    return client


def add(client, world, **data):
    data = {
        "name": "Jo Bloggs",
        "job_title": "Detective Inspector",
        "agency": world.police.pk,
        "email": "jo.bloggs@example.org",
        "user": "",
        **data,
    }
    return client.post(reverse("accounts:add_person", args=[world.partnership.pk]), data)


def test_a_partnership_admin_adds_a_person_linked_to_a_members_login(admin, world):
    response = add(admin, world, user=world.contributor.pk)

    assert response.status_code == 302
    person = Person.objects.get(name="Jo Bloggs")
    assert (person.partnership, person.agency, person.user) == (
        world.partnership,
        world.police,
        world.contributor,
    )
    assert person.history.get().history_user == world.admin


def test_a_partnership_admin_changes_a_person(admin, world):
    person = person_in(world)

    response = admin.post(
        reverse("accounts:edit_person", args=[person.pk]),
        {
            "name": "Jo Bloggs",
            "job_title": "Superintendent",
            "agency": world.council.pk,
            "email": "",
            "user": "",
        },
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.job_title, person.agency) == ("Superintendent", world.council)


def test_a_person_needs_a_name(admin, world):
    response = add(admin, world, name="")

    assert "Enter the person&#x27;s full name" in response.content.decode()
    assert not Person.objects.exists()


def test_an_agency_of_another_partnership_posted_by_hand_is_refused(admin, world):
    response = add(admin, world, agency=other_partnerships_agency(world).pk)

    html = response.content.decode()
    assert ERROR_SUMMARY in html
    assert "Select one of this partnership&#x27;s agencies" in html
    assert not Person.objects.exists()


def test_only_logins_of_the_partnerships_members_can_be_linked(admin, world):
    html = admin.get(reverse("accounts:add_person", args=[world.partnership.pk])).content.decode()
    assert ">outsider<" not in html and ">contributor<" in html

    response = add(admin, world, user=world.outsider.pk)

    assert "Select the login of one of this partnership&#x27;s members" in response.content.decode()
    assert not Person.objects.exists()


def test_a_name_with_markup_is_refused(admin, world):
    response = add(admin, world, name=HOSTILE)

    html = response.content.decode()
    assert "Full name must not contain &lt; or &gt;" in html
    assert "<script>alert" not in html
    assert not Person.objects.exists()


def test_another_partnerships_person_is_not_found(admin, world):
    theirs = factories.PersonFactory(partnership=world.other_plan.partnership)

    assert admin.get(reverse("accounts:edit_person", args=[theirs.pk])).status_code == 404
    assert admin.post(reverse("accounts:edit_person", args=[theirs.pk]), {"name": "x"}).status_code == 404


def test_a_members_name_offered_as_a_login_is_shown_as_text(admin, world):
    world.contributor.first_name = HOSTILE
    world.contributor.save()

    html = admin.get(reverse("accounts:add_person", args=[world.partnership.pk])).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_the_same_person_twice_in_one_agency_is_refused_but_a_namesake_elsewhere_is_not(admin, world):
    """QA round 6: an exact duplicate showed every owner list's line twice."""
    assert add(admin, world).status_code == 302
    again = add(admin, world, job_title="Detective Inspector", email="")
    assert "Jo Bloggs of Sussex Police is already one of the partnership" in again.content.decode()
    assert add(admin, world, agency=world.council.pk, email="").status_code == 302
    assert Person.objects.filter(partnership=world.partnership, name="Jo Bloggs").count() == 2
