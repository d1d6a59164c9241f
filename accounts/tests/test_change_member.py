"""Changing a member's role and agency."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.tests.helpers import ERROR_SUMMARY, other_partnerships_agency
from plans.models import Membership, Role


@pytest.fixture
def admin(client, world):
    client.force_login(world.admin)
    return client


def change(client, membership, **data):
    return client.post(reverse("accounts:edit_member", args=[membership.pk]), data)


def test_a_partnership_admin_makes_a_viewer_a_council_contributor(admin, world):
    membership = Membership.objects.get(user=world.viewer)

    response = change(admin, membership, role="contributor", agency=world.council.pk)

    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.agency) == (Role.CONTRIBUTOR, world.council)
    assert membership.history.first().history_user == world.admin


def test_the_form_shows_the_members_role_and_agency(admin, world):
    membership = Membership.objects.get(user=world.contributor)

    html = admin.get(reverse("accounts:edit_member", args=[membership.pk])).content.decode()

    assert 'value="contributor" checked' in html
    assert f'<option value="{world.police.pk}" selected>' in html


def test_a_contributor_cannot_be_left_without_an_agency(admin, world):
    membership = Membership.objects.get(user=world.contributor)

    response = change(admin, membership, role="contributor", agency="")

    assert ERROR_SUMMARY in response.content.decode()
    membership.refresh_from_db()
    assert membership.agency == world.police


def test_an_agency_of_another_partnership_posted_by_hand_is_refused(admin, world):
    membership = Membership.objects.get(user=world.viewer)

    response = change(admin, membership, role="viewer", agency=other_partnerships_agency(world).pk)

    assert "Select one of this partnership&#x27;s agencies" in response.content.decode()
    membership.refresh_from_db()
    assert membership.agency is None


def test_an_admin_cannot_demote_the_last_admin(admin, world):
    membership = Membership.objects.get(user=world.admin)

    response = change(admin, membership, role="manager")

    html = response.content.decode()
    assert ERROR_SUMMARY in html
    assert "This is the partnership&#x27;s last admin who can sign in" in html
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN


def test_an_admin_can_step_down_when_another_admin_remains(admin, world):
    change(admin, Membership.objects.get(user=world.manager), role="admin")

    response = change(admin, Membership.objects.get(user=world.admin), role="manager")

    assert response.status_code == 302
    assert Membership.objects.get(user=world.admin).role == Role.MANAGER


def test_another_partnerships_member_is_not_found(admin, world):
    theirs = Membership.objects.get(user=world.outsider)

    assert admin.get(reverse("accounts:edit_member", args=[theirs.pk])).status_code == 404
    assert change(admin, theirs, role="viewer").status_code == 404
    theirs.refresh_from_db()
    assert theirs.role == Role.ADMIN


def test_an_admin_who_steps_down_goes_to_the_home_page(admin, world):
    Membership.objects.filter(user=world.manager).update(role=Role.ADMIN)

    response = change(admin, Membership.objects.get(user=world.admin), role="viewer")

    assert response["Location"] == reverse("home")


def test_an_admin_corrects_the_mistyped_email_of_a_member_who_has_not_set_a_password(client, world):
    """Sent to a mistyped address, the invitation could never arrive, and the username stayed taken."""
    from django.core import mail

    from plans.tests import factories

    user = factories.UserFactory(username="jo.test", email="jo@exmaple.org")
    user.set_unusable_password()
    user.save()
    membership = factories.MembershipFactory(user=user, partnership=world.partnership, role=Role.VIEWER)
    client.force_login(world.admin)
    url = reverse("accounts:edit_member", args=[membership.pk])
    response = client.post(url, {"role": "viewer", "agency": "", "email": "jo@example.org"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "jo@example.org"
    assert [m.to for m in mail.outbox] == [["jo@example.org"]]


def test_the_email_of_a_member_who_has_set_a_password_is_theirs_and_not_offered(client, world):
    membership = Membership.objects.get(user=world.viewer)
    client.force_login(world.admin)
    page = client.get(reverse("accounts:edit_member", args=[membership.pk])).content.decode()
    assert 'name="email"' not in page
    before = world.viewer.email
    client.post(
        reverse("accounts:edit_member", args=[membership.pk]),
        {"role": "viewer", "agency": "", "email": "attacker@example.org"},
    )
    world.viewer.refresh_from_db()
    assert world.viewer.email == before
