"""The session and the signed-in user are read with fixed SQL (oversight/signin.py); what Django
decides about them must not change: expiry, unknown keys, password changes, inactive users."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends import db as django_db_sessions
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from oversight import signin
from plans.tests import factories

PASSWORD = "correct-horse-battery"


@pytest.fixture
def signed_in(db, client):
    """A client signed in through the real sign-in form, and its user."""
    user = factories.UserFactory(username="sam", password=PASSWORD)
    response = client.post(reverse("login"), {"username": "sam", "password": PASSWORD})
    assert response.status_code == 302
    return client, user


def home_status(client) -> int:
    return client.get(reverse("home")).status_code


def test_a_signed_in_user_sees_pages_and_the_session_names_this_projects_backend(signed_in):
    client, user = signed_in
    assert home_status(client) == 200
    assert client.session[SESSION_KEY] == str(user.pk)
    assert client.session[BACKEND_SESSION_KEY] == "oversight.signin.ModelBackend"


def test_an_expired_session_signs_the_user_out(signed_in):
    client, _ = signed_in
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    assert home_status(client) == 302


def test_a_session_expiring_later_today_still_holds(signed_in):
    client, _ = signed_in
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() + dt.timedelta(minutes=1)
    )
    assert home_status(client) == 200


def test_an_unknown_session_key_is_anonymous_and_saving_makes_a_new_key(db):
    store = signin.SessionStore("k" * 32)
    assert store.load() == {}
    assert store.session_key is None
    store["x"] = 1
    store.save()
    assert store.session_key and store.session_key != "k" * 32
    assert Session.objects.filter(session_key=store.session_key).exists()


def test_sessions_read_the_same_data_as_djangos_own_store(db):
    data = {"text": "é ' \" <b>", "number": 12, "nested": {"list": [1, 2]}}
    ours = signin.SessionStore()
    ours.update(data)
    ours.save()
    assert django_db_sessions.SessionStore(ours.session_key).load() == data
    theirs = django_db_sessions.SessionStore()
    theirs.update(data)
    theirs.save()
    assert signin.SessionStore(theirs.session_key).load() == data


def test_a_password_change_signs_out_other_sessions(signed_in):
    client, user = signed_in
    user.set_password("another long pass phrase")
    user.save()
    assert home_status(client) == 302


def test_a_deactivated_user_is_signed_out(signed_in):
    client, user = signed_in
    user.is_active = False
    user.save()
    assert home_status(client) == 302


def test_a_deleted_user_is_signed_out(signed_in):
    client, user = signed_in
    user.delete()
    assert home_status(client) == 302


def test_the_user_read_has_every_field_converted_as_the_orm_would(signed_in):
    _, user = signed_in
    read = signin.ModelBackend().get_user(user.pk)
    expected = type(user).objects.get(pk=user.pk)
    assert {f.attname: getattr(read, f.attname) for f in expected._meta.concrete_fields} == {
        f.attname: getattr(expected, f.attname) for f in expected._meta.concrete_fields
    }
    assert isinstance(read.last_login, dt.datetime) and timezone.is_aware(read.last_login)
