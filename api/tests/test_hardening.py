"""Security hardening: password hashing, sign-in lockout, CSP, production settings, safe text."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse

from oversight import settings as project_settings
from plans.tests import factories

REPO = django_settings.BASE_DIR


def run_manage(args: list[str], **env: str) -> subprocess.CompletedProcess:
    """Run manage.py in a fresh process, with only the given Oversight variables set."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.pop("OVERSIGHT_ENV", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_key() -> str:
    return secrets.token_urlsafe(60)


def test_passwords_are_hashed_with_argon2(db, settings):
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS  # the tests' fast hasher off
    user = get_user_model().objects.create_user("alex", password="a long pass phrase 42")
    assert user.password.startswith("argon2$")
    assert user.check_password("a long pass phrase 42")


def sign_in(client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_sign_in_is_locked_after_repeated_failures_even_with_the_right_password(db, client, settings):
    factories.UserFactory(username="sam", password="correct-horse-battery")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, "sam", "wrong password")
        assert "_auth_user_id" not in client.session
    response = sign_in(client, "sam", "correct-horse-battery")
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_fewer_failures_than_the_limit_do_not_lock_the_account(db, client, settings):
    factories.UserFactory(username="sam", password="correct-horse-battery")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "sam", "wrong password")
    response = sign_in(client, "sam", "correct-horse-battery")
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_pages_send_a_content_security_policy_without_inline_script_or_style(db, client):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_pages_refuse_framing_and_content_sniffing(db, client):
    response = client.get(reverse("login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_production_refuses_to_start_without_a_secret_key(db):
    result = run_manage(["check"], OVERSIGHT_ENV="production", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_a_short_secret_key(db):
    result = run_manage(
        ["check"], OVERSIGHT_ENV="production", SECRET_KEY="short", ALLOWED_HOSTS="example.org"
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(db):
    result = run_manage(["check"], OVERSIGHT_ENV="production", SECRET_KEY=production_key())
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_passes_the_deployment_checklist_without_a_warning(db):
    result = run_manage(
        ["check", "--deploy"],
        OVERSIGHT_ENV="production",
        SECRET_KEY=production_key(),
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_production_sets_secure_cookies_hsts_and_no_debug(db):
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS >= 31536000, s.ALLOWED_HOSTS)"
    )
    result = run_manage(
        ["shell", "-c", code],
        OVERSIGHT_ENV="production",
        SECRET_KEY=production_key(),
        ALLOWED_HOSTS="example.org",
    )
    last_line = result.stdout.strip().splitlines()[-1]  # after the shell's own notices
    assert last_line.split() == ["False", "True", "True", "True", "True", "['example.org']"], result.stderr


def test_a_progress_update_containing_script_is_shown_as_text_on_the_action_page(world, client):
    try:
        url = reverse("plans:action", args=[world.police_action.pk])
    except NoReverseMatch:
        pytest.skip("the action page does not exist yet")
    factories.ProgressUpdateFactory(
        action=world.police_action, narrative='<script>alert("x")</script><b>bold</b>'
    )
    client.force_login(world.viewer)
    html = client.get(url).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '<script>alert("x")' not in html
    assert "<b>bold</b>" not in html


def test_pages_and_downloads_for_a_signed_in_person_are_never_stored_by_a_cache(world, client):
    client.force_login(world.viewer)
    for url in ["/", world.plan.get_absolute_url(), "/api/plans/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], url


def test_a_nul_in_the_scorecards_partnership_is_not_found_rather_than_an_error(world, client):
    client.force_login(world.manager)
    for url in ["/scorecard/measures/add/?partnership=%00", "/scorecard/import/?partnership=%00"]:
        assert client.get(url).status_code == 404, url
