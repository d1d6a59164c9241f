"""Values every page template needs (the service navigation)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from plans.models import partnership_names_when_several
from plans.rules import administered_partnerships, manages_any_partnership

# (url name, label, managers only): entries whose route does not exist are skipped, so apps can
# land in any order; links a user's role cannot use are not offered (the views refuse them anyway).
NAVIGATION = [
    ("home", "Home", False),
    ("plans:my_actions", "My actions", False),
    ("intake:upload", "Import a plan", True),
    ("governance:index", "Boards", False),
    ("reports:index", "Reports", False),
    ("scorecard:index", "Scorecard", False),
    ("api:docs", "API", False),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"service_name": "Oversight", "navigation": []}
    manages = manages_any_partnership(user)
    items = []
    for name, label, managers_only in NAVIGATION:
        if managers_only and not manages:
            continue
        try:
            href = reverse(name)
        except NoReverseMatch:
            continue
        active = request.path == href if href == "/" else request.path.startswith(href)
        items.append({"href": href, "label": label, "active": active})
    # An admin of one partnership manages it from the menu (an admin of several, from the
    # links under each partnership on the home page).
    administered = administered_partnerships(user)
    if len(administered) == 1:
        try:
            href = reverse("accounts:manage", args=administered)
        except NoReverseMatch:
            pass
        else:
            items.append({"href": href, "label": "Manage the partnership", "active": request.path == href})
    # a member of several partnerships is told which one a page or a new plan belongs to
    several = bool(partnership_names_when_several(user))
    return {"service_name": "Oversight", "navigation": items, "several_partnerships": several}
