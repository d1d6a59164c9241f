"""Choosing how to answer: DRF's, with a format it cannot give refused in words.

DRF answers a `?format=` (or a `.xml` suffix) that no renderer has with a bare 404 "Not found.",
which reads as a wrong address (QA round 9). A format asked in the query is content
negotiation, as the Accept header is: 406 Not Acceptable naming the formats there are. A suffix
is part of the address, so it stays 404, saying why.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from rest_framework.exceptions import NotAcceptable, NotFound
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request


def formats_of(renderers: list[BaseRenderer]) -> str:
    return " or ".join(f"format={r.format}" for r in renderers)


class FormatNegotiation(DefaultContentNegotiation):
    def select_renderer(
        self, request: Request, renderers: list[BaseRenderer], format_suffix: str | None = None
    ) -> Any:
        asked = request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if not format_suffix and asked and not any(r.format == asked for r in renderers):
            detail = f"There is no format {asked!r} here: give {formats_of(renderers)}, or leave format out."
            if asked == "csv":
                detail += " A plan's actions as CSV are at /api/plans/{id}/export.csv."
            raise NotAcceptable(detail)
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except Http404:
            raise NotFound(
                f"There is no format {format_suffix!r} here: the address ends in "
                f"{' or '.join('.' + r.format for r in renderers)}, or in neither."
            ) from None
