"""How a measure's figure is written on the pages, as the board pack writes it."""

from __future__ import annotations

from typing import Any

from django import template

from scorecard.figures import figure_text

register = template.Library()


@register.filter
def figure(value: Any) -> str:
    """89.99, 60.3, 1,250 (QA round 11: '60.30%' on the scorecard, '60.3%' in the pack)."""
    return figure_text(value)
