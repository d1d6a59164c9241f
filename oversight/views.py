"""Pages of the service as a whole."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

# what a form sends that is not the person's words
_NOT_WORDS = ("csrfmiddlewaretoken", "checked", "source", "version", "resend")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent with an expired security token (signed in again in another tab, or left open
    across a sign-out): said in plain words, with what the person typed given back to copy, since
    nothing was saved (QA round 9: Django's bare page, and a long progress update lost).
    `CSRF_FAILURE_VIEW`."""
    typed = [
        (name, value)
        for name, value in request.POST.items()
        if value.strip() and name not in _NOT_WORDS and "password" not in name.lower()
    ]
    return render(request, "403_csrf.html", {"typed": typed}, status=403)
