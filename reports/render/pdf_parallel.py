"""A long report printed by WeasyPrint in several processes at once, then joined.

WeasyPrint lays out and draws one document on one core; a 300-action board pack is about 66
pages and most of its time is line layout spread over every page. Cut at the places the
template marks (`CHUNK_MARK`, between whole sections), the pieces lay out independently, so
each core prints parts in turn and pikepdf joins them. What a single document would have computed
across the parts is put back after the join:

- page numbers ("Page 3 of 66") are drawn onto the joined pages, since no part knows the
  total or its first page number;
- the bookmarks (outline) are rebuilt from every part's headings by WeasyPrint's own nesting
  rule, with page numbers shifted by the pages of the parts before.

This module imports no Django: the worker processes only print HTML.
"""

from __future__ import annotations

import io
import multiprocessing
import multiprocessing.connection
import os
import re
import threading
from bisect import bisect_left
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

# The template writes this between sections where a new part may begin.
CHUNK_MARK = "<!--pdf-chunk-->"
# The template wraps its page-number margin box in these, so the parts print without one.
PAGE_NUMBERS = re.compile(r"/\*page-numbers\*/.*?/\*/page-numbers\*/", re.S)

# Page numbers as the template's @page rule draws them: 8pt, #505a5f, right-aligned in the
# bottom margin at the 12 mm side margin, baseline 19.9 pt above the bottom edge (measured on
# WeasyPrint's own output with `pdftotext -bbox`; a test compares the two).
NUMBER_SIZE = 8
NUMBER_RIGHT_MARGIN = 12 / 25.4 * 72
NUMBER_BASELINE = 19.9
NUMBER_GREY = (0x50 / 255, 0x5A / 255, 0x5F / 255)
# Advance widths (1/1000 em) of the characters "Page N of M" uses, from Adobe's standard
# Helvetica metrics; Liberation Sans, the body font, has the same widths.
HELVETICA_WIDTHS = {**dict.fromkeys("0123456789aego", 556), " ": 278, "f": 278, "P": 667}


@dataclass
class PrintedPart:
    """One part's PDF and what the join needs to know of its pages."""

    pdf: bytes
    # Per page: WeasyPrint's bookmarks, (level, label, (x, y), state) in CSS pixels.
    bookmarks: list[list[tuple[int, str, tuple[float, float], str]]] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)


def print_part(html: str) -> PrintedPart:
    """Print one part (runs in a worker process)."""
    import gc

    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    gc.disable()  # as in render_pdf: the boxes live until the end, the collector frees nothing
    try:
        fetcher = URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)
        document = HTML(string=html, url_fetcher=fetcher).render(full_fonts=True)
        return PrintedPart(
            pdf=document.write_pdf(full_fonts=True),
            bookmarks=[list(page.bookmarks) for page in document.pages],
            heights=[page.height for page in document.pages],
        )
    finally:
        gc.enable()


def split_parts(html: str, parts: int) -> list[str]:
    """Cut a standalone report into at most `parts` documents of about equal length.

    Cuts are made only at `CHUNK_MARK`s, at the mark nearest each equal share of the body's
    length (the length of the markup follows the number of lines to lay out closely enough).
    Each part repeats the head (styles) and drops the page-number margin box.
    """
    head, _, rest = html.partition("<body>")
    body, _, tail = rest.rpartition("</body>")
    head = PAGE_NUMBERS.sub("", head)
    pieces = body.split(CHUNK_MARK)
    if parts <= 1 or len(pieces) == 1:
        return [html]
    ends = []
    total = 0
    for piece in pieces:
        total += len(piece)
        ends.append(total)
    cuts: list[int] = []
    for k in range(1, parts):
        share = total * k / parts
        i = bisect_left(ends, share)
        # The piece boundary nearest the share: after piece i-1 or after piece i.
        if i > 0 and share - ends[i - 1] <= ends[i] - share:
            i -= 1
        cut = min(i + 1, len(pieces) - 1)
        if cut > (cuts[-1] if cuts else 0):
            cuts.append(cut)
    bounds = [0, *cuts, len(pieces)]
    return [
        f"{head}<body>{''.join(pieces[a:b])}</body>{tail}" for a, b in zip(bounds, bounds[1:], strict=False)
    ]


# Each printer prints about this many smaller parts, taking the next as it finishes one: the
# parts finish closer together, and a printer's peak memory (its largest part laid out) is
# lower. Measured on the 300-action benchmark: 2.31 s and 377 MB with three parts each, 2.41 s
# and 463 MB with one (web process and printers together).
PARTS_PER_PRINTER = 3

# Printers idle this long are stopped, so a web worker does not hold their memory (100-150 MB
# each after a long report) between board meetings.
IDLE_SECONDS = 300.0

_pool: ProcessPoolExecutor | None = None
_pool_workers = 0
_pool_lock = threading.Lock()
_printing = 0  # reports being printed by this process's pool right now
_idle_timer: threading.Timer | None = None


@contextmanager
def _printers(workers: int) -> Iterator[ProcessPoolExecutor]:
    """The process's pool of printers, started on first use and kept for the next report until
    it has been idle for IDLE_SECONDS.

    Spawned, not forked: a web server's process holds threads and font caches that a fork
    would copy half-made. A worker is replaced after 50 reports, so WeasyPrint's caches
    cannot grow for ever.
    """
    global _pool, _pool_workers, _printing, _idle_timer
    with _pool_lock:
        if _idle_timer is not None:
            _idle_timer.cancel()
            _idle_timer = None
        if _pool is not None and _pool_workers != workers and _printing == 0:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                max_tasks_per_child=50,
                initializer=_exit_with_parent,
            )
            _pool_workers = workers
        _printing += 1
        pool = _pool
    try:
        yield pool
    finally:
        with _pool_lock:
            _printing -= 1
            if _printing == 0 and _pool is not None:
                _idle_timer = threading.Timer(IDLE_SECONDS, _stop_if_idle)
                _idle_timer.daemon = True
                _idle_timer.start()


def _exit_with_parent() -> None:
    """Runs first in each printer: when its web process dies (killed, or restarted by the
    server), the printer exits too instead of living on as an orphan. Its end of the pool's
    queue never closes by itself, so it watches the parent's own sentinel."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _stop_if_idle() -> None:
    global _pool
    with _pool_lock:
        if _printing == 0 and _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None


def _discard(pool: ProcessPoolExecutor) -> None:
    """Forget a broken pool (a worker was killed, say by the out-of-memory killer)."""
    global _pool
    with _pool_lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def print_in_parallel(html: str, workers: int) -> bytes:
    """Print the report's parts in `workers` processes and join them into one PDF.

    A broken pool is replaced and the report printed again once; any other error is
    WeasyPrint's own and is raised as it is.
    """
    documents = split_parts(html, workers * PARTS_PER_PRINTER)
    if len(documents) == 1:
        return print_part(documents[0]).pdf
    parts: list[PrintedPart] | None = None
    with _printers(workers) as pool:
        try:
            parts = list(pool.map(print_part, documents))
        except BrokenProcessPool:
            _discard(pool)
    if parts is None:  # once more, on a new pool; a second failure is raised
        with _printers(workers) as pool:
            parts = list(pool.map(print_part, documents))
    return join_parts(parts)


def join_parts(parts: list[PrintedPart]) -> bytes:
    """One PDF of the parts in order, numbered "Page N of M", with one outline."""
    import pikepdf

    joined = pikepdf.open(io.BytesIO(parts[0].pdf))
    others = [pikepdf.open(io.BytesIO(part.pdf)) for part in parts[1:]]
    for other in others:
        joined.pages.extend(other.pages)
    total = len(joined.pages)
    font = joined.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )
    for number, page in enumerate(joined.pages, start=1):
        _draw_page_number(joined, page, font, f"Page {number} of {total}")
    _share_font_files(joined)
    _rebuild_outline(joined, parts)
    out = io.BytesIO()
    joined.save(out, compress_streams=True)
    for other in others:
        other.close()
    return out.getvalue()


FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def _share_font_files(pdf: Any) -> None:
    """Keep one copy of each embedded font file: every part embeds the whole fonts it uses
    (the same files), and a font file nobody points to any more is not written."""
    import hashlib

    kept: dict[bytes, Any] = {}
    digests: dict[tuple[int, int], bytes] = {}
    for page in pdf.pages:
        for font in page.obj.get("/Resources", {}).get("/Font", {}).values():
            parts = list(font.get("/DescendantFonts", [])) or [font]
            for part in parts:
                descriptor = part.get("/FontDescriptor")
                if descriptor is None:
                    continue
                for key in FONT_FILES:
                    stream = descriptor.get(key)
                    if stream is None:
                        continue
                    if stream.objgen not in digests:
                        digests[stream.objgen] = hashlib.sha256(stream.read_raw_bytes()).digest()
                    descriptor[key] = kept.setdefault(digests[stream.objgen], stream)


def _draw_page_number(pdf: Any, page: Any, font: Any, text: str) -> None:
    import pikepdf

    width = sum(HELVETICA_WIDTHS[c] for c in text) * NUMBER_SIZE / 1000
    left, _, right, _ = (float(v) for v in page.mediabox)
    x = right - left - NUMBER_RIGHT_MARGIN - width
    operations = [
        ([], "q"),
        ([*NUMBER_GREY], "rg"),
        ([], "BT"),
        ([pikepdf.Name.PageNumberFont, NUMBER_SIZE], "Tf"),
        ([x, NUMBER_BASELINE], "Td"),
        ([pikepdf.String(text)], "Tj"),
        ([], "ET"),
        ([], "Q"),
    ]
    stamp = pikepdf.Stream(
        pdf,
        pikepdf.unparse_content_stream(
            [pikepdf.ContentStreamInstruction(operands, pikepdf.Operator(op)) for operands, op in operations]
        ),
    )
    stamp.Type = pikepdf.Name.XObject
    stamp.Subtype = pikepdf.Name.Form
    stamp.BBox = page.mediabox
    stamp.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(PageNumberFont=font))
    # add_overlay draws the form after the page's own content, in the page's default space.
    page.add_overlay(stamp, pikepdf.Rectangle(*(float(v) for v in page.mediabox)))


def _rebuild_outline(pdf: Any, parts: list[PrintedPart]) -> None:
    """The outline WeasyPrint would have written for the whole document."""
    import pikepdf
    from weasyprint.document import Document

    pages = [
        SimpleNamespace(bookmarks=marks, height=height)
        for part in parts
        for marks, height in zip(part.bookmarks, part.heights, strict=True)
    ]
    # Document.make_bookmark_tree reads only `pages` (each page's bookmarks and height); 0.75
    # turns CSS pixels into PDF points, as WeasyPrint's write_pdf does.
    tree = Document.make_bookmark_tree(SimpleNamespace(pages=pages), scale=0.75, transform_pages=True)

    def items(subtrees: list[Any]) -> list[Any]:
        made = []
        for label, (page_number, x, y), children, state in subtrees:
            item = pikepdf.OutlineItem(label, page_number, pikepdf.PageLocation.XYZ, left=x, top=y)
            item.children.extend(items(children))
            item.is_closed = state == "closed"
            made.append(item)
        return made

    if "/Outlines" in pdf.Root:
        del pdf.Root.Outlines
    with pdf.open_outline() as outline:
        outline.root.extend(items(tree))
