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
    data = {"username": "outsider", "email": "outsider@example.org", "role": "viewer", "agency": "", **data}
    return client.post(reverse("accounts:add_existing_member", args=[world.partnership.pk]), data)


def test_a_partnership_admin_adds_a_member_of_another_partnership_by_username_and_email(admin, world):
    response = add(admin, world)

    assert response.status_code == 302
    membership = Membership.objects.get(user=world.outsider, partnership=world.partnership)
    assert membership.role == Role.VIEWER
    # Their other partnership is untouched.
    assert (
        Membership.objects.get(user=world.outsider, partnership=world.other_plan.partnership).role
        == Role.ADMIN
    )
    # they are told, by whom and as what; no password link is sent
    assert [m.to for m in mail.outbox] == [["outsider@example.org"]]
    assert "has added your Oversight login to East Sussex" in mail.outbox[0].body
    assert "as Viewer" in mail.outbox[0].body and "/set-password/" not in mail.outbox[0].body


def test_an_unknown_username_is_refused(admin, world):
    response = add(admin, world, username="nobody")

    html = response.content.decode()
    assert ERROR_SUMMARY in html
    assert "There is no login with this username and email address" in html


def test_a_username_with_another_email_is_refused_with_the_same_words_as_an_unknown_one(admin, world):
    """QA round 9: a username alone let another partnership's admin find logins by guessing and then
    learn their names and addresses; the message does not tell which of the two is wrong."""
    wrong_email = add(admin, world, email="guess@example.org").content.decode()
    unknown = add(admin, world, username="nobody").content.decode()
    message = "There is no login with this username and email address"
    assert message in wrong_email and message in unknown
    assert not Membership.objects.filter(user=world.outsider, partnership=world.partnership).exists()
    assert mail.outbox == []


def test_a_login_that_is_switched_off_cannot_be_added(admin, world):
    factories.UserFactory(username="gone", is_active=False)

    assert "There is no login with this username" in add(admin, world, username="gone").content.decode()
    assert not Membership.objects.filter(user__username="gone").exists()


def test_a_login_already_a_member_is_refused(admin, world):
    response = add(admin, world, username="viewer", email="viewer@example.org", role="admin")

    assert "This login is already a member of the partnership" in response.content.decode()
    assert Membership.objects.get(user=world.viewer).role == Role.VIEWER


def test_an_existing_login_added_as_contributor_needs_an_agency(admin, world):
    response = add(admin, world, role="contributor")

    assert "Select the contributor&#x27;s agency" in response.content.decode()
    assert not Membership.objects.filter(user=world.outsider, partnership=world.partnership).exists()


def test_a_username_typed_in_another_case_finds_the_login(admin, world):
    """The new-member form already says such a login exists: the two must agree."""
    response = add(admin, world, username="OUTSIDER", email="Outsider@Example.org")
    assert response.status_code == 302
    assert Membership.objects.filter(user=world.outsider, partnership=world.partnership).exists()


def test_a_password_link_is_not_offered_for_a_login_of_another_partnership_that_has_a_password(admin, world):
    """QA round 9: one partnership's admin could send another's staff official-looking password
    emails; their own admins, or the sign-in page, see to that."""
    assert add(admin, world).status_code == 302
    membership = Membership.objects.get(user=world.outsider, partnership=world.partnership)
    mail.outbox.clear()
    url = reverse("accounts:edit_member", args=[membership.pk])

    assert "Email a new link" not in admin.get(url).content.decode()
    response = admin.post(url, {"resend": "1"}, follow=True)
    assert "they reset their own password from the sign-in page" in response.content.decode()
    assert mail.outbox == []
    # a member of this partnership alone is still sent one
    own = Membership.objects.get(user=world.viewer)
    assert "Email a new link" in admin.get(reverse("accounts:edit_member", args=[own.pk])).content.decode()
    admin.post(reverse("accounts:edit_member", args=[own.pk]), {"resend": "1"})
    assert [m.to for m in mail.outbox] == [[world.viewer.email]]
