"""Pages of the service as a whole."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

# what a form sends that is not the person's words
_NOT_WORDS = ("csrfmiddlewaretoken", "checked", "source", "version", "resend")


def typed_words(request: HttpRequest) -> list[tuple[str, str]]:
    """The words a person typed into the form just sent (its free text, not ids, keys or ticks),
    each under a readable name, to give back when nothing could be saved."""
    typed = []
    for name, values in request.POST.lists():
        if name in _NOT_WORDS or "password" in name.lower():
            continue
        words = [v for v in values if v.strip() and (" " in v.strip() or len(v.strip()) > 20)]
        if words:
            typed.append((name.replace("_", " ").capitalize(), "\n".join(words)))
    return typed


def _form_page(request: HttpRequest) -> str:
    """The page the form was on, when it is this service's (to go back to it)."""
    referer = request.META.get("HTTP_REFERER", "")
    allowed = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return referer if allowed else ""


def unsaved_form(request: HttpRequest, signed_out: bool = False, status: int = 403) -> HttpResponse:
    """A form that could not be saved, said in plain words, with what the person typed given back
    to copy and the files they attached named (QA rounds 9 and 10: Django's bare page, or the
    sign-in page, and a long progress update lost)."""
    context = {
        "typed": typed_words(request),
        "files": [f.name for f in request.FILES.values()],
        "signed_out": signed_out,
        "form_page": _form_page(request),
        "sign_in": f"{reverse(settings.LOGIN_URL)}?next={request.path}",
    }
    return render(request, "403_csrf.html", context, status=status)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """`CSRF_FAILURE_VIEW`: a form sent with an expired security token (signed in again in
    another tab)."""
    return unsaved_form(request)
