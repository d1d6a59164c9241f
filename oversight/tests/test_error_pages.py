"""Refused, missing and failed pages are GOV.UK pages with a way back, not the bare server text."""

from __future__ import annotations

from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error


def test_a_contributor_refused_an_action_edit_sees_why_and_a_way_home(client, world):
    client.force_login(world.contributor)
    response = client.get(reverse("plans:edit_action", args=[world.police_action.pk]))
    assert response.status_code == 403
    page = response.content.decode()
    assert "govuk-template" in page and "You cannot do this" in page
    assert "Only plan managers can change an action." in page
    assert f'href="{reverse("home")}"' in page


def test_an_action_of_another_partnership_is_a_page_not_found_page(client, world):
    client.force_login(world.viewer)
    response = client.get(reverse("plans:action", args=[world.other_action.pk]))
    assert response.status_code == 404
    page = response.content.decode()
    assert "govuk-template" in page and "Page not found" in page
    assert "No Action matches" not in page


def test_a_server_error_is_a_service_problem_page():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "govuk-template" in page and "Sorry, there is a problem with the service" in page


def test_a_bad_request_is_a_page_that_says_what_to_do_not_the_bare_server_text(db):
    from django.core.exceptions import SuspiciousFileOperation
    from django.views.defaults import bad_request

    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = bad_request(request, SuspiciousFileOperation("name too long"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-template" in page and "There is a problem with what was sent" in page
