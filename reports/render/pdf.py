"""The report as PDF, printed by WeasyPrint from the standalone HTML, with no network."""

from __future__ import annotations

from typing import Any

from ..figures import BoardReport
from .html import render_standalone


def local_only_fetcher() -> Any:
    """A URL fetcher that refuses everything but inline `data:` URLs: the report's styles and
    charts are inline and its fonts come from the system, so it never needs the network."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)


def render_pdf(report: BoardReport) -> bytes:
    from weasyprint import HTML

    # full_fonts: embedding whole system fonts is much faster than subsetting them, for a
    # few hundred KB more.
    return HTML(string=render_standalone(report), url_fetcher=local_only_fetcher()).write_pdf(full_fonts=True)
