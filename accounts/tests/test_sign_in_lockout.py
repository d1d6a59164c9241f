"""Locked out of signing in: a page that says for how long and what to do; a new password set
from the emailed link lifts the lock; behind proxies the lock is keyed on the browser's address
(QA round 9)."""

from __future__ import annotations

from django.test import RequestFactory
from django.urls import reverse

from accounts.members import set_password_link
from oversight.lockout import client_address
from plans.tests import factories


def sign_in(client, username: str, password: str, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def lock(client, settings, username: str = "sam", **extra):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, username, "wrong password", **extra)


def test_a_locked_out_person_is_told_for_how_long_and_how_to_get_back_in(db, client, settings):
    factories.UserFactory(username="sam", password="correct-horse-battery")
    lock(client, settings)
    response = sign_in(client, "sam", "correct-horse-battery")
    page = response.content.decode()
    assert response.status_code == 429
    assert "Sign-in locked for now" in page and "govuk-template" in page
    assert f"locked for {int(settings.AXES_COOLOFF_TIME * 60)} minutes" in page
    assert reverse("accounts:forgotten_password") in page


def test_setting_a_new_password_from_the_emailed_link_lifts_the_lock(db, client, settings):
    user = factories.UserFactory(username="sam", password="correct-horse-battery")
    lock(client, settings)
    assert sign_in(client, "sam", "correct-horse-battery").status_code == 429

    link = set_password_link(user)
    form_page = client.get(link, follow=True)  # Django swaps the token for a session step
    new = "a-brand-new-pass-phrase-2026"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302

    response = sign_in(client, "sam", new)
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_behind_a_proxy_the_lock_is_keyed_on_the_browsers_address_not_the_proxys(db, client, settings):
    settings.PROXY_COUNT = 1
    factories.UserFactory(username="sam", password="correct-horse-battery")
    # someone else guessing sam's password, through the same proxy
    lock(client, settings, HTTP_X_FORWARDED_FOR="203.0.113.9", REMOTE_ADDR="10.0.0.2")
    assert (
        sign_in(client, "sam", "correct-horse-battery", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429
    )
    # sam, from their own address, still signs in
    response = sign_in(
        client, "sam", "correct-horse-battery", HTTP_X_FORWARDED_FOR="198.51.100.4", REMOTE_ADDR="10.0.0.2"
    )
    assert response.status_code == 302


def test_the_browsers_address_is_the_one_the_proxies_added_not_one_it_wrote_itself(settings):
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.4", REMOTE_ADDR="10.0.0.2")
    settings.PROXY_COUNT = 0
    assert client_address(request) == "10.0.0.2"  # no proxy trusted: the header is anyone's
    settings.PROXY_COUNT = 1
    assert client_address(request) == "198.51.100.4"  # '1.2.3.4' the browser sent itself
    settings.PROXY_COUNT = 2
    assert client_address(request) == "1.2.3.4"
    settings.PROXY_COUNT = 3
    assert client_address(request) == "10.0.0.2"  # fewer hops than proxies: not to be trusted
