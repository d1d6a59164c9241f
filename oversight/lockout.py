"""What someone locked out of signing in sees, and what lifts the lock (django-axes)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_address(request: HttpRequest) -> str | None:
    """The browser's address a lock is keyed on (`AXES_CLIENT_IP_CALLABLE`). Each of the
    PROXY_COUNT proxies in front of the app adds the address it was reached from to the right of
    X-Forwarded-For, so the browser's is the PROXY_COUNT-th from the right; what is further left
    the browser may have written itself. With no proxy (0), the connection's own address."""
    count = settings.PROXY_COUNT
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def locked_out(request: HttpRequest, original_response: Any, credentials: Any) -> HttpResponse:
    """A page in the service's own design saying how long the lock lasts and what to do (QA round 9:
    a bare line of text, with no time and no way out). `AXES_LOCKOUT_CALLABLE`."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    context = {
        "username": username,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "lock_minutes": int(settings.AXES_COOLOFF_TIME * 60),
    }
    return render(request, "registration/locked_out.html", context, status=429)


def lift_lock(username: str) -> None:
    """A new password set from an emailed link proves the owner of the address: the lock on their
    username goes (from every address it was locked at)."""
    from axes.utils import reset

    reset(username=username)
