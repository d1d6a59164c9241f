"""A partnership's report (all its plans): the summary also counts per plan, in every format."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document
from lxml import html as lxml_html
from openpyxl import load_workbook

from plans import models
from reports.figures import build_report
from reports.render.docx import render_docx
from reports.render.html import render_standalone
from reports.render.pdf import render_pdf

from .conftest import AS_AT, PREVIOUS

DATES = {"as_at": AS_AT.isoformat(), "previous": PREVIOUS.isoformat()}
HISTORY = "JTAI criminal exploitation plan"
WORLD = "JTAI action plan"
# As at 14 December 2022 (see conftest): the history plan has 1 red, 3 amber, 1 green and
# 1 complete, 1 of them overdue (2.1); the world plan's two actions did not exist yet.
# Columns: Red, Amber, Green, Complete, No update yet, Overdue, Total.
EXPECTED = {HISTORY: ["1", "3", "1", "1", "0", "1", "6"], WORLD: ["0", "0", "0", "0", "0", "0", "0"]}
HEADER = ["Plan", "Red", "Amber", "Green", "Complete", "No update yet", "Overdue", "Total"]


@pytest.fixture
def plans(world, history_plan) -> list[models.Plan]:
    return list(models.Plan.objects.for_user(world.viewer).filter(partnership=world.partnership))


@pytest.fixture
def report(world, plans):
    return build_report(partnership=world.partnership, plans=plans, as_at=AS_AT, previous=PREVIOUS)


def per_plan_rows(html: str) -> dict[str, list[str]]:
    """The "Per plan" table of a page: plan title -> its cells."""
    tree = lxml_html.fromstring(html)
    (table,) = [t for t in tree.iter("table") if t.findtext("caption") == "Per plan"]
    assert [th.text_content().strip() for th in table.find("thead").iter("th")] == HEADER
    return {
        tr.find("th").text_content().strip(): [td.text_content().strip() for td in tr.iter("td")]
        for tr in table.find("tbody").iter("tr")
    }


def test_the_partnership_report_counts_each_status_per_plan(report):
    by_plan = {g.name: g for g in report.by_plan}
    assert list(by_plan) == [p.title for p in report.plans]
    assert by_plan[HISTORY].by_status == {"red": 1, "amber": 3, "green": 1, "complete": 1}
    assert (by_plan[HISTORY].total, by_plan[HISTORY].overdue) == (6, 1)
    assert (by_plan[WORLD].total, by_plan[WORLD].by_status) == (0, {})
    assert sum(g.total for g in report.by_plan) == report.total


def test_a_partnership_report_as_at_today_counts_the_plans_as_they_are_now(world, plans):
    report = build_report(partnership=world.partnership, plans=plans)
    by_plan = {g.name: g for g in report.by_plan}
    assert by_plan[HISTORY].by_status == {"complete": 2, "amber": 2, "green": 1, "red": 1}
    assert by_plan[WORLD].by_status == {"none": 2}


def test_a_single_plan_report_has_no_per_plan_breakdown(history_plan):
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    assert report.by_plan == []
    assert "Per plan" not in render_standalone(report)


def test_the_partnership_page_and_standalone_html_show_the_per_plan_table(client, world, plans, report):
    client.force_login(world.viewer)
    page = client.get(reverse("reports:partnership_report", args=[world.partnership.pk]), DATES)
    assert page.status_code == 200
    assert per_plan_rows(page.content.decode()) == EXPECTED
    assert per_plan_rows(render_standalone(report)) == EXPECTED


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_the_partnership_pdf_shows_the_per_plan_counts(report, tmp_path: Path):
    path = tmp_path / "report.pdf"
    path.write_bytes(render_pdf(report))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "Per plan" in lines
    assert f"{HISTORY} {' '.join(EXPECTED[HISTORY])}" in lines
    assert f"{WORLD} {' '.join(EXPECTED[WORLD])}" in lines


def test_the_partnership_word_document_has_a_per_plan_table(report):
    document = Document(io.BytesIO(render_docx(report)))
    (table,) = [t for t in document.tables if [c.text for c in t.rows[0].cells] == HEADER]
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    assert rows == EXPECTED


def test_the_partnership_workbook_summary_has_a_row_per_plan(world, history_plan, client):
    client.force_login(world.viewer)
    response = client.get(
        reverse("reports:partnership_report_download", args=[world.partnership.pk, "xlsx"]), DATES
    )
    wb = load_workbook(io.BytesIO(response.content))
    rows = [[c.value for c in row] for row in wb["Summary"].iter_rows()]
    header = rows.index(HEADER)
    found = {row[0]: [str(v) for v in row[1:8]] for row in rows[header + 1 : header + 3]}
    assert found == EXPECTED
    assert rows[header - 1] == [None] * len(HEADER)  # a blank row between the summary's tables
    assert rows[header + 3] == [None] * len(HEADER)


def test_the_partnership_report_downloads_in_every_format(client, world, history_plan):
    client.force_login(world.viewer)
    for fmt, magic in (("pdf", b"%PDF"), ("docx", b"PK"), ("xlsx", b"PK")):
        response = client.get(
            reverse("reports:partnership_report_download", args=[world.partnership.pk, fmt]), DATES
        )
        assert response.status_code == 200 and response.content.startswith(magic), fmt
        assert (
            "east-sussex-safeguarding-children-partnership-as-at-2022-12-14"
            in response["Content-Disposition"]
        )


def test_the_per_section_table_of_several_plans_keeps_each_plans_sections_together_and_named(world, plans):
    """Every plan has a section 1: shuffled together by position, a board could not tell whose."""
    from datetime import timedelta

    from django.utils import timezone

    from plans.tests import factories

    for plan in plans:
        for n in (2, 1, 3):
            section = factories.SectionFactory(plan=plan, ref=f"S{n}", title=f"Area {n}", order=100 + n)
            factories.ActionFactory(plan=plan, section=section, ref=f"S{n}.1")
    today = timezone.localdate()
    report = build_report(
        partnership=world.partnership, plans=plans, as_at=today, previous=today - timedelta(days=30)
    )
    names = [g.name for g in report.by_section if g.pk is not None]
    for plan in plans:
        mine = [n for n in names if n.startswith(f"{plan.title}: ")]
        assert [n for n in mine if ": S" in n] == [f"{plan.title}: S{n} Area {n}" for n in (1, 2, 3)]
        first, last = names.index(mine[0]), names.index(mine[-1])
        assert names[first : last + 1] == mine  # together, not interleaved with another plan's


def test_a_status_two_plans_define_apart_says_how_many_are_complete_in_their_own_plan(world, client):
    """One plan's Green is 'Action completed' (done), another's 'On track': 'Green 2' beside
    'Done 1' read as two in progress; every format and the home page now say one is complete."""
    from plans.tests import factories
    from reports.render.xlsx import render_xlsx

    finished = factories.PlanFactory(partnership=world.partnership, title="SCR plan")
    green_done = factories.status(finished, "green")
    green_done.is_done, green_done.definition = True, "Action completed"
    green_done.save()
    for plan, status in ((finished, green_done), (world.plan, factories.status(world.plan, "green"))):
        action = factories.ActionFactory(plan=plan)
        factories.ProgressUpdateFactory(action=action, status=status, narrative="Done, audited.")
        action.refresh_status()
    plans = list(models.Plan.objects.filter(partnership=world.partnership))

    report = build_report(partnership=world.partnership, plans=plans)

    note = "1 of the 2 Green are complete in their own plan's key, and counted as done there."
    assert report.status_notes == [note]
    assert note.replace("'", "&#x27;") in render_standalone(report)
    assert note in [p.text for p in Document(io.BytesIO(render_docx(report))).paragraphs]
    sheet = load_workbook(io.BytesIO(render_xlsx(report)))["Summary"]
    assert note in [row[0] for row in sheet.iter_rows(values_only=True)]
    client.force_login(world.viewer)
    assert "1 of them complete in their own plan's key" in client.get(reverse("home")).content.decode()
