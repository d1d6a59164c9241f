"""Template tags other apps use to show governance on their pages.

{% load governance %}
{% action_flags action %}                   one action (two queries)
{% action_flags action flags_by_action %}   from flags_for_actions(...) computed once per page
{% my_update_requests %}                    the signed-in user's open update requests
"""

from __future__ import annotations

from typing import Any

from django import template

from governance.flags import Flag, flags_for_action
from governance.rounds import open_requests_for

register = template.Library()


@register.inclusion_tag("governance/partials/flags.html")
def action_flags(action: Any, flags_by_action: dict[int, list[Flag]] | None = None) -> dict[str, Any]:
    flags = flags_by_action.get(action.pk, []) if flags_by_action is not None else flags_for_action(action)
    return {"flags": flags}


@register.inclusion_tag("governance/partials/flags.html")
def flag_tags(flags: list[Flag]) -> dict[str, Any]:
    return {"flags": flags}


@register.inclusion_tag("governance/partials/my_requests.html", takes_context=True)
def my_update_requests(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return {"open_requests": open_requests_for(user)}
