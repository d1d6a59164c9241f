"""Responses to a signed-in person are private and never stored."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
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
