"""A long report printed in parts on several processes reads exactly as one printed whole."""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest
from django.urls import reverse

from reports.figures import build_report
from reports.render import pdf_parallel
from reports.render.html import render_standalone
from reports.render.pdf import render_pdf

from .conftest import AS_AT, PREVIOUS

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")

FOOTER = re.compile(r"^\s*Progress as at .*$|^\s*Page \d+ of \d+\s*$", re.M)


@pytest.fixture
def report(history_plan):
    return build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)


def page_texts(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return text.split("\f")[:-1]


def outline(pdf: bytes) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every bookmark, in order."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        pages = {page.objgen: i for i, page in enumerate(document.pages)}
        found: list[tuple[int, str, int]] = []

        def walk(items, depth: int) -> None:
            for item in items:
                found.append((depth, item.title, pages[item.destination[0].objgen]))
                walk(item.children, depth + 1)

        with document.open_outline() as tree:
            walk(tree.root, 0)
        return found


def words(texts: list[str]) -> list[str]:
    return " ".join(FOOTER.sub("", t) for t in texts).split()


def test_a_report_printed_in_parts_has_the_words_page_numbers_and_bookmarks_of_one_printed_whole(
    report, tmp_path: Path
):
    whole = render_pdf(report, workers=1)
    parts = render_pdf(report, workers=3, parallel_from=1)
    assert len(pdf_parallel.split_parts(render_standalone(report), 3)) >= 2  # it was cut
    whole_pages, parted_pages = page_texts(whole, tmp_path), page_texts(parts, tmp_path)

    assert words(parted_pages) == words(whole_pages)
    total = len(parted_pages)
    for number, text in enumerate(parted_pages, start=1):
        assert re.search(rf"Page {number} of {total}\s*$", text), f"page {number} is not numbered"
        assert "Progress as at 14 December 2022" in text
    # The same bookmarks at the same depths, each pointing at the page that shows its heading.
    whole_outline, parted_outline = outline(whole), outline(parts)
    assert [(d, t) for d, t, _ in parted_outline] == [(d, t) for d, t, _ in whole_outline]
    assert len(parted_outline) > 5
    for _, title, page in parted_outline:
        assert " ".join(title.split()) in " ".join(parted_pages[page].split()), title


def font_files(pdf: bytes) -> dict[tuple[int, int], bytes]:
    """Each embedded font file of a PDF (by object number) with its bytes."""
    found = {}
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            for font in page.obj.Resources.get("/Font", {}).values():
                for part in list(font.get("/DescendantFonts", [])) or [font]:
                    descriptor = part.get("/FontDescriptor", {})
                    for key in pdf_parallel.FONT_FILES:
                        if key in descriptor:
                            found[descriptor[key].objgen] = descriptor[key].read_raw_bytes()
    return found


def test_a_report_printed_in_parts_embeds_each_font_file_once_as_one_printed_whole_does(report):
    whole = font_files(render_pdf(report, workers=1))
    parted = font_files(render_pdf(report, workers=3, parallel_from=1))
    assert len(parted) == len(set(parted.values())) == len(whole) >= 1
    assert set(parted.values()) == set(whole.values())


def test_the_drawn_page_number_sits_where_weasyprint_draws_it(report, tmp_path: Path):
    def number_box(pdf: bytes) -> tuple[float, float]:
        path = tmp_path / "box.pdf"
        path.write_bytes(pdf)
        boxes = subprocess.run(
            ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        # The last word of the page is the total of "Page 1 of N": its right edge and bottom.
        x_max, y_max = re.findall(r'xMax="([\d.]+)" yMax="([\d.]+)"', boxes)[-1]
        return float(x_max), float(y_max)

    whole_x, whole_y = number_box(render_pdf(report, workers=1))
    parted_x, parted_y = number_box(render_pdf(report, workers=2, parallel_from=1))
    assert parted_x == pytest.approx(whole_x, abs=0.5)
    assert parted_y == pytest.approx(whole_y, abs=0.5)


def test_a_report_is_cut_only_at_the_templates_marks_and_loses_nothing(report):
    html = render_standalone(report)
    body = html.partition("<body>")[2].rpartition("</body>")[0]
    marks = body.count(pdf_parallel.CHUNK_MARK)
    assert marks >= 4
    for parts in (2, 3, marks + 5):
        documents = pdf_parallel.split_parts(html, parts)
        assert 2 <= len(documents) <= min(parts, marks + 1)
        bodies = [d.partition("<body>")[2].rpartition("</body>")[0] for d in documents]
        assert "".join(bodies) == body.replace(pdf_parallel.CHUNK_MARK, "")
        assert all(b.strip() for b in bodies)  # no empty part
        for document in documents:
            assert "counter(pages)" not in document  # the parts leave numbering to the join
            assert document.startswith("<!DOCTYPE html>")
    assert pdf_parallel.split_parts(html, 1) == [html]


def test_parts_are_of_about_equal_length():
    pieces = ["x" * 100] * 10
    html = "<html><head></head><body>" + pdf_parallel.CHUNK_MARK.join(pieces) + "</body></html>"
    lengths = [len(d) for d in pdf_parallel.split_parts(html, 2)]
    assert lengths[0] == lengths[1]


def test_a_short_report_is_printed_in_the_web_process(report, monkeypatch):
    def no_parts(html: str, workers: int) -> bytes:
        raise AssertionError("a short report was sent to the printers")

    monkeypatch.setattr(pdf_parallel, "print_in_parallel", no_parts)
    assert render_pdf(report, workers=2, parallel_from=10_000_000).startswith(b"%PDF")


def test_a_printer_killed_between_reports_is_replaced_and_the_report_printed(report, tmp_path: Path):
    render_pdf(report, workers=2, parallel_from=1)  # starts the printers
    for pid in list(pdf_parallel._pool._processes):
        os.kill(pid, signal.SIGKILL)
    pdf = render_pdf(report, workers=2, parallel_from=1)
    assert any("Page 1 of" in t for t in page_texts(pdf, tmp_path))
    assert pdf_parallel._pool is not None


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_idle_printers_are_stopped(report, monkeypatch):
    monkeypatch.setattr(pdf_parallel, "IDLE_SECONDS", 0.2)
    render_pdf(report, workers=2, parallel_from=1)
    pids = list(pdf_parallel._pool._processes)
    assert pids and all(running(pid) for pid in pids)
    # The pool's own thread reaps them once stopped (so only their absence is checked here).
    deadline = time.monotonic() + 30
    while (
        pdf_parallel._pool is not None or any(running(pid) for pid in pids)
    ) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pdf_parallel._pool is None
    assert not any(running(pid) for pid in pids)


ORPHAN = """
import os, sys

if __name__ == "__main__":  # the printers import this file again when they start
    sys.path.insert(0, sys.argv[1])
    from reports.render import pdf_parallel

    part = "<p>" + "A sentence of a long report. " * 50 + "</p>"
    html = "<html><head></head><body>" + pdf_parallel.CHUNK_MARK.join([part, part]) + "</body></html>"
    assert pdf_parallel.print_in_parallel(html, 2).startswith(b"%PDF")
    print(" ".join(str(pid) for pid in pdf_parallel._pool._processes), flush=True)
    os._exit(0)  # dies as a killed web worker would: no clean-up runs
"""


def test_printers_exit_when_their_web_process_dies(tmp_path: Path):
    script = tmp_path / "orphan.py"
    script.write_text(ORPHAN)
    web = subprocess.run(
        [sys.executable, str(script), str(Path(__file__).resolve().parents[2])],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    pids = [int(pid) for pid in web.stdout.split()]
    assert len(pids) == 2
    deadline = time.monotonic() + 30
    while any(running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(running(pid) for pid in pids)


def test_a_board_member_downloads_a_long_report_printed_in_parts(
    client, world, history_plan, settings, tmp_path
):
    """The download button of the plan page, end to end, with the report counted as long."""
    settings.OVERSIGHT_PDF_WORKERS = 2
    settings.OVERSIGHT_PDF_PARALLEL_FROM = 1
    client.force_login(world.viewer)
    response = client.get(
        reverse("reports:plan_report_download", args=[history_plan.plan.pk, "pdf"]),
        {"as_at": AS_AT.isoformat(), "previous": PREVIOUS.isoformat()},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content) if response.streaming else response.content
    pages = page_texts(pdf, tmp_path)
    assert all(re.search(rf"Page {n} of {len(pages)}\s*$", t) for n, t in enumerate(pages, start=1))
    assert "Progress updates as at 14 December 2022" in " ".join(" ".join(pages).split())
    assert [title for _, title, _ in outline(pdf)][:2] == [history_plan.plan.title, "About this report"]
