"""Values every page template needs (the service navigation)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

# (url name, label): entries whose route does not exist are skipped, so apps can land in any order.
NAVIGATION = [
    ("home", "Home"),
    ("plans:my_actions", "My actions"),
    ("intake:upload", "Import a plan"),
    ("governance:index", "Boards"),
    ("reports:index", "Reports"),
    ("scorecard:index", "Scorecard"),
    ("api:docs", "API"),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"service_name": "Oversight", "navigation": []}
    items = []
    for name, label in NAVIGATION:
        try:
            href = reverse(name)
        except NoReverseMatch:
            continue
        active = request.path == href if href == "/" else request.path.startswith(href)
        items.append({"href": href, "label": label, "active": active})
    return {"service_name": "Oversight", "navigation": items}
