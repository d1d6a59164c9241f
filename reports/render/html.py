"""The report as HTML: the in-app printable page and the standalone page WeasyPrint prints."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from ..charts import Chart, report_charts
from ..figures import CHANGE_LISTS, EXCEPTION_LISTS, BoardReport


def report_context(report: BoardReport, charts: list[Chart] | None = None) -> dict[str, Any]:
    """What the templates need: the report, its charts and its lists with their titles."""
    return {
        "report": report,
        "charts": charts if charts is not None else report_charts(report),
        "change_lists": [
            (name, title, getattr(report.changes, name)) for name, title in CHANGE_LISTS.items()
        ],
        "exception_lists": [
            (name, title, getattr(report.exceptions, name)) for name, title in EXCEPTION_LISTS.items()
        ],
    }


def render_page(report: BoardReport, request: HttpRequest | None = None, **extra: Any) -> str:
    """The page in the app (GOV.UK layout, print stylesheet)."""
    return render_to_string("reports/report.html", {**report_context(report), **extra}, request=request)


def render_standalone(report: BoardReport) -> str:
    """A self-contained document (styles and charts inline, no network): PDF and the command."""
    return render_to_string("reports/pdf.html", report_context(report))
