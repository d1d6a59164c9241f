"""The charts over time have their month-end figures in a table beside them, in every format
(QA round 9: their captions said the figures were in the tables; no table held them)."""

from __future__ import annotations

import io

import pytest
from docx import Document
from openpyxl import load_workbook

from reports.charts import report_charts
from reports.figures import build_report
from reports.render.docx import render_docx
from reports.render.html import render_standalone
from reports.render.xlsx import render_xlsx

from .conftest import AS_AT, PREVIOUS


@pytest.fixture
def report(history_plan):
    return build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)


def test_each_chart_over_time_has_a_table_of_its_month_end_figures_and_says_where_they_are(report):
    sections, mix, burnup = report_charts(report)
    last = report.timeline[-1]
    assert sections.table is None and "table per section above" in sections.description
    assert "table below the chart" in mix.description and "table below the chart" in burnup.description
    assert mix.table.rows[-1][0] == f"{last.day:%-d %B %Y}" and mix.table.rows[-1][-1] == last.total
    assert burnup.table.header == ["Month end or report date", "Actions in the plan", "Due by then", "Done"]
    assert burnup.table.rows[-1] == [f"{last.day:%-d %B %Y}", last.total, last.due, last.done]
    assert len(mix.table.rows) == len(report.timeline)


def test_the_html_word_and_excel_packs_hold_the_month_end_figures(report):
    last = report.timeline[-1]
    day = f"{last.day:%-d %B %Y}"
    html = render_standalone(report)
    assert 'id="chart-burnup-figures"' in html and f'<th scope="row">{day}</th>' in html

    document = Document(io.BytesIO(render_docx(report)))
    tables = [t for t in document.tables if t.rows[0].cells[0].text == "Month end or report date"]
    assert len(tables) == 2
    assert [c.text for c in tables[1].rows[-1].cells] == [day, str(last.total), str(last.due), str(last.done)]

    sheet = load_workbook(io.BytesIO(render_xlsx(report)))["Over time"]
    header = [c.value for c in sheet[1]]
    assert header[0] == "Month end or report date" and header[-3:] == ["All actions", "Due by then", "Done"]
    row = [c.value for c in sheet[sheet.max_row]]
    assert row[0].date() == last.day and row[-3:] == [last.total, last.due, last.done]
