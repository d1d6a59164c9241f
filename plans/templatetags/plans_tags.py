"""Template tags of the tracker: RAG status tags, and links to pages other apps may not have yet."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.inclusion_tag("plans/_rag_tag.html")
def rag_tag(status: Any) -> dict[str, Any]:
    """A GOV.UK tag in the status's colour, always with its label (never colour alone).

    Accepts a RagStatus or a figures.StatusCount (both have label and colour); None means
    the action has no progress update yet.
    """
    if status is None:
        return {"colour": "grey", "label": "No update yet"}
    return {"colour": status.colour or "grey", "label": status.label}


@register.simple_tag
def optional_url(name: str, *args: Any) -> str:
    """The URL of a route another app may not have built yet; "" when it does not exist."""
    try:
        return reverse(name, args=args or None)
    except NoReverseMatch:
        return ""
