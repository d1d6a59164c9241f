"""Issue 4 end to end, as a user gets it: from the plan page, each link gives the report in its
format and the file holds the report; the command writes each format with the same content."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from docx import Document
from lxml import html as lxml_html
from openpyxl import load_workbook

from reports.render.docx import PLAN_COLUMNS

from .conftest import AS_AT

REFS = ["1.1a", "1.1b", "2.1", "2.2", "2.3", "2.4"]
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")


def pdf_words(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")], check=True
    )
    assert list(tmp_path.glob("p-*.png"))  # the first page renders as an image
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())


def report_links(html: str) -> dict[str, str]:
    """The plan page's board report links: link text -> address."""
    tree = lxml_html.fromstring(html)
    return {
        " ".join(a.text_content().split()): a.get("href")
        for a in tree.iter("a")
        if (a.get("href") or "").startswith("/reports/plans/")
    }


def check_docx(data: bytes) -> None:
    document = Document(io.BytesIO(data))
    plan_tables = [t for t in document.tables if [c.text for c in t.rows[0].cells] == PLAN_COLUMNS]
    assert [r.cells[0].text for t in plan_tables for r in t.rows[1:]] == REFS
    assert len(document.inline_shapes) == 3  # the charts


def check_xlsx(data: bytes) -> None:
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames[:2] == ["Summary", "Actions"]
    actions = wb["Actions"]
    assert [row[2].value for row in actions.iter_rows(min_row=2)] == REFS
    assert actions.auto_filter.ref.startswith("A1:")


@needs_poppler
def test_every_link_on_the_plan_page_gives_the_board_report(client, world, history_plan, tmp_path):
    client.force_login(world.viewer)
    page = client.get(reverse("plans:plan", args=[history_plan.plan.pk]))
    links = report_links(page.content.decode())
    assert list(links) == [
        f"View the board report for {history_plan.plan.title}",
        "Download board report (PDF)",
        "Download board report (Word)",
        "Download board report (Excel)",
        "Public version for publication",
    ]
    today = f"{timezone.localdate():%-d %B %Y}"
    view, pdf, docx, xlsx, public = (client.get(address) for address in links.values())

    assert view.status_code == 200
    assert f"Progress updates as at {today}" in view.content.decode()
    assert view.content.decode().count("<svg") == 3

    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith(
        'attachment; filename="jtai-criminal-exploitation-plan-as-at-'
    )
    words = pdf_words(pdf.content, tmp_path)
    assert f"Progress updates as at {today}" in words and "Page 1 of" in words
    assert all(ref in words for ref in REFS)

    check_docx(docx.content)
    check_xlsx(xlsx.content)

    assert public.status_code == 200
    assert "What changed since" not in public.content.decode()
    assert "Jane Smith" not in public.content.decode()  # roles only until the manager allows names


def test_the_plan_page_as_at_a_past_date_links_to_the_report_as_at_that_date(client, world, history_plan):
    client.force_login(world.viewer)
    page = client.get(reverse("plans:plan", args=[history_plan.plan.pk]), {"as_at": AS_AT.isoformat()})
    links = report_links(page.content.decode())
    assert len(links) == 5 and all(address.endswith("?as_at=2022-12-14") for address in links.values())
    assert "Board report as at 14 December 2022" in page.content.decode()
    xlsx = client.get(links["Download board report (Excel)"])
    summary = load_workbook(io.BytesIO(xlsx.content))["Summary"]
    assert summary["B3"].value.date() == AS_AT


def test_a_bad_or_future_date_on_the_plan_page_gives_links_for_today(world):
    from django.template import Context, Template
    from django.test import RequestFactory

    for value in ("2999-01-01", "soon"):
        request = RequestFactory().get("/", {"as_at": value})
        html = Template("{% load reports %}{% board_report_links plan %}").render(
            Context({"plan": world.plan, "request": request})
        )
        assert "as_at=" not in html


@needs_poppler
@pytest.mark.parametrize("fmt", ["html", "pdf", "docx", "xlsx"])
def test_the_command_writes_each_format_with_the_report_in_it(history_plan, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    call_command(
        "board_report", str(history_plan.plan.pk), "--as-at", "2022-12-14", "--format", fmt, "-o", str(out)
    )
    data = out.read_bytes()
    if fmt in ("html", "pdf"):
        text = (
            " ".join(lxml_html.fromstring(data).text_content().split())
            if fmt == "html"
            else pdf_words(data, tmp_path)
        )
        assert "Progress updates as at 14 December 2022" in text
        assert "What changed since 14 November 2022" in text
        assert all(ref in text for ref in REFS)
    elif fmt == "docx":
        check_docx(data)
    else:
        check_xlsx(data)


def test_a_report_as_at_the_first_year_of_the_calendar_is_a_message_not_an_error(client, world):
    client.force_login(world.viewer)
    for name in ("reports:plan_report", "reports:public_report"):
        for params in ({"as_at": "0001-01-01"}, {"previous": "0001-01-01"}):
            response = client.get(reverse(name, args=[world.plan.pk]), params)
            assert response.status_code in (200, 400), (name, params, response.status_code)
            assert "2000 or later" in response.content.decode()
