"""Responses to a signed-in person are private and never stored."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils.cache import add_never_cache_headers


class PrivateResponsesMiddleware:
    """Pages, downloads, evidence and API answers for a signed-in person hold children's and
    partners' information: no browser or proxy cache may keep them (a shared office computer
    would show them from its history after sign-out). A view that sets its own Cache-Control
    keeps it. API token users count too: DRF sets the request's user once it has authenticated."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


class SignedOutFormMiddleware:
    """A form sent by someone signed out meanwhile (in another tab, or by the session's expiry)
    would be answered by a redirect to the sign-in page, and what they typed lost without a word
    (QA round 10): it is answered instead by a page saying so, with the words given back."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method != "POST" or response.status_code != 302:
            return response
        user = getattr(request, "user", None)
        if user is None or user.is_authenticated:
            return response
        sign_in = resolve_url(settings.LOGIN_URL)
        location = response.get("Location", "")
        if not location.startswith(f"{sign_in}?") or request.path == sign_in:
            return response
        from oversight.views import unsaved_form

        return unsaved_form(request, signed_out=True)
