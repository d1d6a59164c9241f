"""The report as PDF, printed by WeasyPrint from the standalone HTML, with no network."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..figures import BoardReport
from .html import render_standalone


def local_only_fetcher() -> Any:
    """A URL fetcher that refuses everything but inline `data:` URLs: the report's styles and
    charts are inline and its fonts come from the system, so it never needs the network."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration of a render.

    WeasyPrint builds hundreds of thousands of boxes and styles that all live until the end
    of the render, so the collector's passes over them free nothing and took 12-15% of the
    time on the benchmark plan. Reference counting still frees everything else, the
    collector runs again at its next threshold once resumed, and a collector that was already
    paused (by another thread's render) is left paused.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def render_pdf(report: BoardReport, *, workers: int | None = None, parallel_from: int | None = None) -> bytes:
    """The report as PDF bytes.

    A report whose markup is at least `parallel_from` characters long (a plan of roughly 80
    actions and more) is printed in parts on `workers` processes at once and joined
    (`pdf_parallel`); a shorter one in this process, where starting the parts would cost more
    than it saves. Both default to the OVERSIGHT_PDF_* settings.
    """
    from django.conf import settings
    from weasyprint import HTML

    from .pdf_parallel import print_in_parallel

    html = render_standalone(report)
    workers = settings.OVERSIGHT_PDF_WORKERS if workers is None else workers
    parallel_from = settings.OVERSIGHT_PDF_PARALLEL_FROM if parallel_from is None else parallel_from
    if workers > 1 and len(html) >= parallel_from:
        return print_in_parallel(html, workers)
    with collector_paused():
        # full_fonts: embedding whole system fonts is much faster than subsetting them, for a
        # few hundred KB more.
        return HTML(string=html, url_fetcher=local_only_fetcher()).write_pdf(full_fonts=True)
