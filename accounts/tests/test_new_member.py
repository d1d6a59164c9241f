"""A new member: a new login, and an email with a link to set their own password."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.tests.helpers import ERROR_SUMMARY, HOSTILE, other_partnerships_agency
from plans.models import Membership, Role

User = get_user_model()
SITE = "https://oversight.example.org"


@pytest.fixture
def admin(client, world, settings):
    settings.SITE_URL = SITE
    settings.DEFAULT_FROM_EMAIL = "oversight@example.org"
    client.force_login(world.admin)
    return client


def add(client, world, **data):
    data = {
        "username": "j.smith",
        "full_name": "Jane Smith",
        "email": "jane.smith@example.org",
        "role": "contributor",
        "agency": world.police.pk,
        **data,
    }
    return client.post(reverse("accounts:add_member", args=[world.partnership.pk]), data)


def link_in(message) -> str:
    match = re.search(rf"{re.escape(SITE)}(/set-password/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_a_partnership_admin_adds_a_contributor_who_gets_a_set_password_email(admin, world):
    response = add(admin, world)

    assert response.status_code == 302
    user = User.objects.get(username="j.smith")
    assert (user.first_name, user.last_name, user.email) == ("Jane", "Smith", "jane.smith@example.org")
    assert not user.has_usable_password()
    membership = Membership.objects.get(user=user)
    assert (membership.partnership, membership.role, membership.agency) == (
        world.partnership,
        Role.CONTRIBUTOR,
        world.police,
    )
    assert membership.history.get().history_user == world.admin
    [message] = mail.outbox
    assert message.to == ["jane.smith@example.org"]
    assert message.from_email == "oversight@example.org"
    assert "Set your password" in message.subject
    assert "j.smith" in message.body and world.partnership.name in message.body
    link_in(message)


def test_the_link_in_the_email_sets_the_password_and_the_new_member_signs_in(admin, client, world):
    add(admin, world)
    link = link_in(mail.outbox[0])
    client.logout()

    form = client.get(link, follow=True)
    assert "Set your password" in form.content.decode()
    set_page = form.redirect_chain[-1][0]
    done = client.post(
        set_page, {"new_password1": "Fen-wharf-lantern-92", "new_password2": "Fen-wharf-lantern-92"}
    )
    assert done.status_code == 302 and done["Location"] == reverse("accounts:set_password_done")
    assert client.get(done["Location"]).status_code == 200

    signed_in = client.post(reverse("login"), {"username": "j.smith", "password": "Fen-wharf-lantern-92"})

    assert signed_in.status_code == 302
    home = client.get(reverse("home")).content.decode()
    assert world.partnership.name in home
    assert "Signed in as j.smith" in home


def test_the_link_works_only_once(admin, client, world):
    add(admin, world)
    link = link_in(mail.outbox[0])
    client.logout()
    set_page = client.get(link)["Location"]
    client.post(set_page, {"new_password1": "Fen-wharf-lantern-92", "new_password2": "Fen-wharf-lantern-92"})

    again = client.get(link, follow=True)

    assert "This link no longer works" in again.content.decode()


def test_a_weak_password_is_refused_with_an_error_summary(admin, client, world):
    add(admin, world)
    client.logout()
    set_page = client.get(link_in(mail.outbox[0]))["Location"]

    response = client.post(set_page, {"new_password1": "password", "new_password2": "password"})

    assert ERROR_SUMMARY in response.content.decode()
    assert not User.objects.get(username="j.smith").has_usable_password()


def test_a_username_that_exists_is_refused(admin, world):
    response = add(admin, world, username="OUTSIDER")

    html = response.content.decode()
    assert ERROR_SUMMARY in html
    assert "A login with this username already exists" in html
    assert not User.objects.filter(email="jane.smith@example.org").exists()
    assert mail.outbox == []


def test_a_contributor_needs_an_agency(admin, world):
    response = add(admin, world, agency="")

    assert "Select the contributor&#x27;s agency" in response.content.decode()
    assert not User.objects.filter(username="j.smith").exists()


def test_an_agency_of_another_partnership_posted_by_hand_is_refused(admin, world):
    response = add(admin, world, agency=other_partnerships_agency(world).pk)

    assert "Select one of this partnership&#x27;s agencies" in response.content.decode()
    assert not User.objects.filter(username="j.smith").exists()


def test_empty_fields_are_each_named_and_nothing_is_made(admin, world):
    response = add(admin, world, username="", full_name="", email="", role="")

    html = response.content.decode()
    for message in (
        "Enter a username",
        "Enter their full name",
        "Enter their email address",
        "Select the member&#x27;s role",
    ):
        assert message in html
    assert not User.objects.filter(first_name="Jane").exists()


def test_a_full_name_with_markup_is_refused(admin, world):
    response = add(admin, world, full_name=HOSTILE)

    assert "Full name must not contain &lt; or &gt;" in response.content.decode()
    assert "<script>alert" not in response.content.decode()
    assert not User.objects.filter(username="j.smith").exists()


def test_an_admin_emails_a_new_link_to_a_member_who_has_not_set_a_password(admin, world):
    add(admin, world, role="viewer", agency="")
    membership = Membership.objects.get(user__username="j.smith")
    mail.outbox.clear()

    response = admin.post(reverse("accounts:edit_member", args=[membership.pk]), {"resend": "1"})

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["jane.smith@example.org"]


def test_a_link_for_a_member_who_has_a_password_goes_only_to_their_own_address(admin, world):
    """A forgotten password: the admin sends the link, but never sees it."""
    membership = Membership.objects.get(user=world.viewer)

    admin.post(reverse("accounts:edit_member", args=[membership.pk]), {"resend": "1"})

    assert [m.to for m in mail.outbox] == ([[world.viewer.email]] if world.viewer.email else [])


def test_when_the_email_cannot_be_sent_the_admin_is_told_and_can_send_it_again(admin, world, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("accounts.members.send_mail", broken)

    response = add(admin, world, role="viewer", agency="")

    membership = Membership.objects.get(user__username="j.smith")
    assert response["Location"] == reverse("accounts:edit_member", args=[membership.pk])
    page = admin.get(response["Location"]).content.decode()
    assert "could not be sent" in page
    assert "Email a new link to jane.smith@example.org" in page


@pytest.mark.parametrize("username", ["jane smith", "ｊane.smith", "jаne.smith"])
def test_a_username_with_spaces_or_look_alike_letters_is_refused_with_the_characters_it_may_use(
    admin, world, username
):
    # fullwidth and Cyrillic letters made a login that looked like another's
    response = add(admin, world, username=username)

    assert "Username must only include the letters a to z, digits and @ . + - _" in response.content.decode()
    assert not User.objects.filter(email="jane.smith@example.org").exists()


def test_the_error_summary_lists_problems_in_the_order_of_the_fields(admin, world):
    html = add(admin, world, username="", full_name="", email="", role="").content.decode()

    order = [html.index(f'href="#id_{name}"') for name in ("full_name", "username", "email", "role")]
    assert order == sorted(order)
