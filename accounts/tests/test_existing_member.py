"""Adding a login that exists already (a member of another partnership)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from accounts.tests.helpers import ERROR_SUMMARY
from plans.models import Membership, Role
from plans.tests import factories


@pytest.fixture
def admin(client, world):
    client.force_login(world.admin)
    return client


def add(client, world, **data):
    data = {"username": "outsider", "role": "viewer", "agency": "", **data}
    return client.post(reverse("accounts:add_existing_member", args=[world.partnership.pk]), data)


def test_a_partnership_admin_adds_a_member_of_another_partnership_by_username(admin, world):
    response = add(admin, world)

    assert response.status_code == 302
    membership = Membership.objects.get(user=world.outsider, partnership=world.partnership)
    assert membership.role == Role.VIEWER
    # Their other partnership is untouched.
    assert (
        Membership.objects.get(user=world.outsider, partnership=world.other_plan.partnership).role
        == Role.ADMIN
    )
    assert mail.outbox == []


def test_an_unknown_username_is_refused(admin, world):
    response = add(admin, world, username="nobody")

    html = response.content.decode()
    assert ERROR_SUMMARY in html
    assert "There is no login with this username" in html


def test_a_login_that_is_switched_off_cannot_be_added(admin, world):
    factories.UserFactory(username="gone", is_active=False)

    assert "There is no login with this username" in add(admin, world, username="gone").content.decode()
    assert not Membership.objects.filter(user__username="gone").exists()


def test_a_login_already_a_member_is_refused(admin, world):
    response = add(admin, world, username="viewer", role="admin")

    assert "This login is already a member of the partnership" in response.content.decode()
    assert Membership.objects.get(user=world.viewer).role == Role.VIEWER


def test_an_existing_login_added_as_contributor_needs_an_agency(admin, world):
    response = add(admin, world, role="contributor")

    assert "Select the contributor&#x27;s agency" in response.content.decode()
    assert not Membership.objects.filter(user=world.outsider, partnership=world.partnership).exists()


def test_a_username_typed_in_another_case_finds_the_login(admin, world):
    """The new-member form already says such a login exists: the two must agree."""
    response = add(admin, world, username="OUTSIDER")
    assert response.status_code == 302
    assert Membership.objects.filter(user=world.outsider, partnership=world.partnership).exists()
