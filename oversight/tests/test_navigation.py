"""The service navigation offers each user only what their role can use."""

from __future__ import annotations

from django.test import RequestFactory

from oversight.context_processors import navigation


def _labels(user):
    request = RequestFactory().get("/")
    request.user = user
    return [item["label"] for item in navigation(request)["navigation"]]


def test_contributors_are_not_offered_document_import(world):
    assert "Import a plan" not in _labels(world.contributor)
    assert "My actions" in _labels(world.contributor)


def test_plan_managers_are_offered_document_import(world):
    assert "Import a plan" in _labels(world.manager)


def test_anonymous_visitors_get_no_navigation(db):
    from django.contrib.auth.models import AnonymousUser

    assert _labels(AnonymousUser()) == []
