"""Template helpers of the board report, and the "Download board report" links for the plan page.

On the plan page: `{% load reports %}{% board_report_links plan %}`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

COLOURS = {"red", "amber", "green", "blue", "grey"}


@register.simple_tag
def rag(status: Any) -> str:
    """A RAG status as a coloured GOV.UK tag with its word (never colour alone)."""
    if status is None:
        return mark_safe('<strong class="govuk-tag govuk-tag--rag-grey">No update yet</strong>')  # noqa: S308
    colour = status.colour if status.colour in COLOURS else "grey"
    return format_html('<strong class="govuk-tag govuk-tag--rag-{}">{}</strong>', colour, status.label)


@register.simple_tag
def rag_cell(status: Any, element: str = "td") -> str:
    """A RAG status as a table cell coloured like the tag, with its word (the PDF's form: a
    cell with text is far cheaper for WeasyPrint to lay out than an inline-block inside one)."""
    if element not in ("td", "th"):
        raise ValueError(f"rag_cell draws a td or th, not {element!r}")
    scope = mark_safe(' scope="col"' if element == "th" else "")  # noqa: S308 - a constant
    if status is None:
        return format_html('<{}{} class="rag rag-grey">No update yet</{}>', element, scope, element)
    colour = status.colour if status.colour in COLOURS else "grey"
    return format_html('<{}{} class="rag rag-{}">{}</{}>', element, scope, colour, status.label, element)


@register.filter
def get_item(mapping: dict, key: Any) -> Any:
    return mapping.get(key, 0) if mapping else 0


@register.inclusion_tag("reports/partials/board_report_links.html", takes_context=True)
def board_report_links(context: template.Context, plan: Any) -> dict[str, Any]:
    """Links to the plan's board report in each format and to its public version.

    When the page shows the plan as at a past date (`?as_at=` on the plan page), the links
    give the report as at that date too: the board pack then matches what the user sees.
    """
    request = context.get("request")
    as_at = _past_date(request.GET.get("as_at") if request is not None else None)
    return {"plan": plan, "as_at": as_at, "query": f"?as_at={as_at:%Y-%m-%d}" if as_at else ""}


def _past_date(value: str | None) -> dt.date | None:
    """A valid date no later than today, else None (the report then defaults to today)."""
    from ..figures import parse_date

    try:
        day = parse_date(value)
    except ValueError:
        return None
    return day if day is not None and day <= timezone.localdate() else None
