"""A forgotten password is recovered by email, a member changes their own, and an admin can send any
member a link: no one needs the service's staff to sign in again."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from plans.models import Membership

PASSWORD = "a long and usable password 2026"


def _link(message) -> str:
    found = re.search(r"https?://[^/\s]+(/set-password/[^\s]+)", message.body)
    assert found, message.body
    return found[1]


def test_a_member_who_forgot_their_password_resets_it_by_email_and_signs_in(client, world, settings):
    settings.SITE_URL = "https://oversight.example.org"
    world.contributor.email = "lead@police.example"
    world.contributor.set_password("forgotten one")
    world.contributor.save()
    assert "Forgotten your password?" in client.get(reverse("login")).content.decode()
    response = client.post(reverse("accounts:forgotten_password"), {"email": "lead@police.example"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert (
        message.to == ["lead@police.example"]
        and "https://oversight.example.org/set-password/" in message.body
    )
    page = client.get(_link(message), follow=True)
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else _link(message)
    done = client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.status_code == 302
    signed_in = client.post(
        reverse("login"), {"username": world.contributor.get_username(), "password": PASSWORD}
    )
    assert signed_in.status_code == 302


def test_an_unknown_address_gets_the_same_page_and_no_email(client, world):
    response = client.post(
        reverse("accounts:forgotten_password"), {"email": "nobody@example.org"}, follow=True
    )
    assert "Check your email" in response.content.decode() and mail.outbox == []


def test_a_signed_in_member_changes_their_own_password_after_giving_the_current_one(client, world):
    user = world.viewer
    user.set_password("the old password 2026")
    user.save()
    client.force_login(user)
    wrong = client.post(
        reverse("accounts:change_password"),
        {"old_password": "not it", "new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert wrong.status_code == 200 and "<title>Error: " in wrong.content.decode()
    right = client.post(
        reverse("accounts:change_password"),
        {"old_password": "the old password 2026", "new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert right.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_an_admin_can_email_a_link_to_a_member_who_has_a_password(client, world):
    member = Membership.objects.get(user=world.viewer)
    world.viewer.email = "viewer@example.org"
    world.viewer.set_password("the old password 2026")
    world.viewer.save()
    client.force_login(world.admin)
    page = client.get(reverse("accounts:edit_member", args=[member.pk])).content.decode()
    assert "Email a new link to viewer@example.org" in page
    client.post(reverse("accounts:edit_member", args=[member.pk]), {"resend": "1"})
    assert [m.to for m in mail.outbox] == [["viewer@example.org"]]
    assert get_user_model().objects.get(pk=world.viewer.pk).check_password("the old password 2026")


def test_every_problem_with_a_new_password_is_told_against_the_new_password_at_once(client, world):
    """'Too common' sat under the second box; with the boxes differing, the rules were not checked."""
    user = world.viewer
    user.set_password("the old password 2026")
    user.save()
    client.force_login(user)
    response = client.post(
        reverse("accounts:change_password"),
        {"old_password": "the old password 2026", "new_password1": "short", "new_password2": "different"},
    )
    form = response.context["form"]
    assert any("too short" in e for e in form.errors["new_password1"])
    assert form.errors["new_password2"] == ["The two passwords do not match"]
    common = client.post(
        reverse("accounts:change_password"),
        {"old_password": "the old password 2026", "new_password1": "password", "new_password2": "password"},
    ).context["form"]
    assert any("too common" in e for e in common.errors["new_password1"])
    assert "new_password2" not in common.errors


def test_password_reset_emails_to_one_address_are_limited_and_the_page_says_the_same(client, world):
    """QA round 9: eight requests, eight emails: the form could flood anyone's inbox."""
    from accounts.members import RESETS_PER_ADDRESS

    world.contributor.email = "lead@police.example"
    world.contributor.save()
    pages = [
        client.post(reverse("accounts:forgotten_password"), {"email": "Lead@Police.example"}, follow=True)
        for _ in range(RESETS_PER_ADDRESS + 3)
    ]
    assert len(mail.outbox) == RESETS_PER_ADDRESS
    assert len({page.content for page in pages}) == 1  # nothing to learn from the page


def test_many_requests_for_made_up_addresses_do_not_stop_a_real_members_reset(client, world):
    """QA round 10: a limit per network address let ten requests for made-up addresses stop every
    reset from behind the same proxy."""
    world.contributor.email = "lead@police.example"
    world.contributor.save()
    for n in range(15):
        client.post(reverse("accounts:forgotten_password"), {"email": f"nobody{n}@example.org"})
    client.post(reverse("accounts:forgotten_password"), {"email": "lead@police.example"})
    assert [m.to for m in mail.outbox] == [["lead@police.example"]]


def test_an_admins_new_links_to_one_member_are_limited_as_the_sign_in_pages_are(client, world):
    from accounts.members import RESETS_PER_ADDRESS

    client.force_login(world.admin)
    membership = Membership.objects.get(user=world.viewer, partnership=world.partnership)
    url = reverse("accounts:edit_member", args=[membership.pk])
    for _ in range(RESETS_PER_ADDRESS):
        client.post(url, {"resend": "1"})
    response = client.post(url, {"resend": "1"}, follow=True)
    assert len(mail.outbox) == RESETS_PER_ADDRESS
    assert "links have been sent to" in response.content.decode()


def test_requests_on_the_sign_in_page_do_not_use_up_an_admins_links(client, world):
    from accounts.members import RESETS_PER_ADDRESS

    for _ in range(RESETS_PER_ADDRESS + 2):
        client.post(reverse("accounts:forgotten_password"), {"email": world.viewer.email})
    sent = len(mail.outbox)
    client.force_login(world.admin)
    membership = Membership.objects.get(user=world.viewer, partnership=world.partnership)
    client.post(reverse("accounts:edit_member", args=[membership.pk]), {"resend": "1"})
    assert len(mail.outbox) == sent + 1
