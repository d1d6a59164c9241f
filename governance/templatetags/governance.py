"""Template tags other apps use to show governance on their pages.

{% load governance %}
{% action_flags action %}                   one action (two queries)
{% action_flags action flags_by_action %}   from flags_for_actions(...) computed once per page
{% my_update_requests %}                    the signed-in user's open update requests
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from governance.flags import Flag, flags_for_action
from governance.rounds import open_requests_for

register = template.Library()


def flags_markup(flags: list[Flag]) -> SafeString:
    """GOV.UK tags for a list of flags, the explanation as text beside each (not only a
    tooltip). Drawn in Python, not by a template: list pages show one per row."""
    if not flags:
        return mark_safe("")  # noqa: S308 - empty
    items = "".join(
        format_html(
            '\n  <li><strong class="{}">{}</strong> <span class="govuk-body-s">{}</span></li>\n',
            flag.css_class,
            flag.label,
            flag.explanation,
        )
        for flag in flags
    )
    return mark_safe(f'<ul class="govuk-list app-flags">{items}</ul>')  # noqa: S308 - items escaped above


@register.simple_tag
def action_flags(action: Any, flags_by_action: dict[int, list[Flag]] | None = None) -> SafeString:
    flags = flags_by_action.get(action.pk, []) if flags_by_action is not None else flags_for_action(action)
    return flags_markup(flags)


@register.simple_tag
def action_links(actions: list[Any]) -> SafeString:
    """<li> links to each action's page: ref and the start of its text (my_requests.html's
    loop before; drawn in Python, as an owner may still have dozens to update)."""
    from django.template.defaultfilters import truncatechars

    from plans.templatetags.plans_tags import url_maker

    action_url = url_maker("plans:action")
    return mark_safe(  # noqa: S308 - format_html escapes every value
        "".join(
            format_html(
                '\n    <li><a class="govuk-link" href="{}">{} {}</a></li>',
                action_url(action.pk),
                action.ref,
                truncatechars(action.text, 90),
            )
            for action in actions
        )
    )


@register.inclusion_tag("governance/partials/my_requests.html", takes_context=True)
def my_update_requests(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return {
        "open_requests": open_requests_for(user),
        "several_partnerships": context.get("several_partnerships"),
    }
