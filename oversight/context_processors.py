"""Values every page template needs (the service navigation)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"service_name": "Oversight"}
    return {"service_name": "Oversight", "nav_path": request.path}
