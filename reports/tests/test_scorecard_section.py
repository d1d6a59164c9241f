"""The scorecard section of the board report, from the scorecard app's `scorecard_summary`."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from reports.figures import build_report
from reports.render.docx import render_docx
from reports.render.html import render_standalone
from reports.render.xlsx import render_xlsx

from .conftest import AS_AT, PREVIOUS

scorecard_factories = pytest.importorskip("scorecard.tests.factories")


def test_without_measures_the_report_has_no_scorecard_section(history_plan):
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    assert report.scorecard is None
    assert 'id="scorecard"' not in render_standalone(report)


def test_the_partnerships_measures_appear_with_their_target_and_rag_label(history_plan, world):
    scorecard_factories.MeasureFactory(
        partnership=world.partnership,
        name="Strategy meetings held within 3 working days",
        target=Decimal("90"),
    )
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    assert report.scorecard.headers[0] == "Measure"
    assert report.scorecard.rows[0][0] == "Strategy meetings held within 3 working days"
    assert report.scorecard.rows[0][3].startswith("90")
    html = render_standalone(report)
    assert 'id="scorecard"' in html and "Strategy meetings held within 3 working days" in html
    label = report.scorecard.rag[0].label
    colour = report.scorecard.rag[0].colour
    # The RAG with its word, never colour alone.
    assert f'<td class="rag rag-{colour}">{label}</td>' in html
    document = Document(io.BytesIO(render_docx(report)))
    assert any(t.rows[0].cells[0].text == "Measure" for t in document.tables)
    wb = load_workbook(io.BytesIO(render_xlsx(report)))
    assert wb["Scorecard"]["A2"].value == "Strategy meetings held within 3 working days"
    assert wb["Scorecard"].cell(row=2, column=6).value == label


def test_the_workbook_holds_a_measures_value_and_target_as_numbers_with_their_unit(history_plan, world):
    """Text such as '92.9%' cannot be sorted, summed or charted in Excel."""
    import datetime as dt

    measure = scorecard_factories.MeasureFactory(
        partnership=world.partnership,
        name="Screening within 24 hours",
        unit="percentage",
        target=Decimal("95"),
    )
    scorecard_factories.ValueFactory(
        measure=measure,
        period=dt.date(2022, 10, 1),
        number=Decimal("92.9"),
        entered_at=dt.datetime(2022, 11, 2, tzinfo=dt.UTC),
    )
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    sheet = load_workbook(io.BytesIO(render_xlsx(report)))["Scorecard"]
    value, target = sheet["C2"], sheet["D2"]
    assert (value.value, target.value) == (92.9, 95)
    assert value.number_format == 'General"%"'


def test_the_workbook_keeps_exceptions_apart_from_changes_since_the_previous_report(history_plan):
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    sheet = load_workbook(io.BytesIO(render_xlsx(report)))["Actions"]
    header = [c.value for c in sheet[1]]
    changes, exceptions = header.index("Changes since the previous report"), header.index("Exceptions")
    rows = {r[2].value: r for r in sheet.iter_rows(min_row=2)}
    # 2.1 is overdue: an exception, not a change
    assert "Overdue" in (rows["2.1"][exceptions].value or "")
    assert "Overdue" not in (rows["2.1"][changes].value or "")


def _strategy_meetings(world, name: str, disputed_period: dt.date) -> None:
    """A count whose October 2022 and November 2022 figures are in; the sources disagree on
    `disputed_period` only (a late correction entered beside the first figure)."""
    measure = scorecard_factories.MeasureFactory(partnership=world.partnership, name=name)
    team = scorecard_factories.SourceFactory(partnership=world.partnership, name="Child Referral Team report")
    late = scorecard_factories.SourceFactory(partnership=world.partnership, name="Late correction")
    for period, number in ((dt.date(2022, 10, 1), 11), (dt.date(2022, 11, 1), 18)):
        scorecard_factories.ValueFactory(
            measure=measure,
            period=period,
            number=Decimal(number),
            source=team,
            entered_at=dt.datetime(period.year, period.month + 1, 2, tzinfo=dt.UTC),
        )
    scorecard_factories.ValueFactory(
        measure=measure,
        period=disputed_period,
        number=Decimal(4),
        source=late,
        entered_at=dt.datetime(2022, 12, 5, tzinfo=dt.UTC),
    )


def _scorecard_rows_in_every_format(report, page: str) -> dict[str, dict[str, list]]:
    """Per format, per measure: its row of the scorecard table as the reader sees it (`page`:
    the report's page in the browser)."""
    html = page
    pdf_html = render_standalone(report)
    rows: dict[str, dict[str, list]] = {"html": {}, "pdf": {}, "docx": {}, "xlsx": {}}
    for fmt, page in (("html", html), ("pdf", pdf_html)):
        scorecard = page[page.index('id="scorecard"') :]
        scorecard = scorecard[: scorecard.index("</table>")]
        for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", scorecard, re.S)[1:]:
            cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
            rows[fmt][cells[0]] = cells
    document = Document(io.BytesIO(render_docx(report)))
    [table] = [t for t in document.tables if t.rows[0].cells[0].text == "Measure"]
    for row in table.rows[1:]:
        rows["docx"][row.cells[0].text] = [c.text for c in row.cells]
    sheet = load_workbook(io.BytesIO(render_xlsx(report)))["Scorecard"]
    for row in sheet.iter_rows(min_row=2, values_only=True):
        rows["xlsx"][row[0]] = list(row)
    return rows


def test_sources_that_disagree_counts_only_the_period_shown_in_every_format(client, history_plan, world):
    """QA round 9: a late correction of October's figure put "1" next to November's, which no
    source disputes; the board was told the figure before it was disputed, not which one was."""
    _strategy_meetings(world, "Strategy meetings held", disputed_period=dt.date(2022, 10, 1))
    _strategy_meetings(world, "Return interviews offered", disputed_period=dt.date(2022, 11, 1))
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    assert report.scorecard.headers[4] == "Sources that disagree"
    client.force_login(world.manager)
    page = client.get(
        reverse("reports:plan_report", args=[history_plan.plan.pk]), {"as_at": AS_AT, "previous": PREVIOUS}
    ).content.decode()
    for fmt, rows in _scorecard_rows_in_every_format(report, page).items():
        undisputed, disputed = rows["Strategy meetings held"], rows["Return interviews offered"]
        assert undisputed[1] == disputed[1] == "Nov 2022", fmt
        assert undisputed[4] in ("", None), fmt
        assert str(disputed[4]) == "1", fmt


def test_the_workbook_holds_the_sources_that_disagree_as_a_number(history_plan, world):
    """QA round 9: stored as the text '1', while every other count in the workbook is a number."""
    _strategy_meetings(world, "Return interviews offered", disputed_period=dt.date(2022, 11, 1))
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    sheet = load_workbook(io.BytesIO(render_xlsx(report)))["Scorecard"]
    assert sheet["E1"].value == "Sources that disagree"
    assert sheet["E2"].value == 1 and sheet["E2"].data_type == "n"


def screening_measure(world, **fields):
    """A percentage measure, target 95 and amber from 80, with October 2022's figure of 93.6."""
    measure = scorecard_factories.MeasureFactory(
        partnership=world.partnership,
        name="Screening tools reviewed within 24 hours",
        unit="percentage",
        target=Decimal(95),
        amber_from=Decimal(80),
        **fields,
    )
    scorecard_factories.ValueFactory(
        measure=measure,
        period=dt.date(2022, 10, 1),
        number=Decimal("93.6"),
        entered_at=dt.datetime(2022, 11, 2, tzinfo=dt.UTC),
    )
    return measure


def test_a_past_pack_rates_each_figure_against_the_thresholds_in_force_on_its_date(history_plan, world):
    """QA round 9: setting "Green from 90" on a measure turned the past pack's Amber into Green.
    The measure was created after the pack's date (as the demo's are) with its figures entered
    before it: it is rated as it was created."""
    measure = screening_measure(world)
    before = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS).scorecard
    measure.green_from = Decimal(90)
    measure.save()
    after = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS).scorecard
    assert before.rag[0].label == after.rag[0].label == "Amber"
    assert before.rows == after.rows


def test_the_pack_says_the_green_boundary_beside_the_target_in_every_format(client, history_plan, world):
    """QA round 9: 93.6% against a target of 95 read Green in the pack with nothing to explain it."""
    measure = screening_measure(world, green_from=Decimal(90))
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    client.force_login(world.manager)
    page = client.get(
        reverse("reports:plan_report", args=[history_plan.plan.pk]), {"as_at": AS_AT, "previous": PREVIOUS}
    ).content.decode()
    rows = _scorecard_rows_in_every_format(report, page)
    for fmt in ("html", "pdf", "docx"):
        assert rows[fmt][measure.name][3] == "95% (green from 90%)", fmt
    sheet = load_workbook(io.BytesIO(render_xlsx(report)))["Scorecard"]
    assert sheet["D2"].value == 95  # still a number, the boundary said in its format
    assert sheet["D2"].number_format == 'General"% (green from 90%)"'
    assert (sheet["C2"].value, sheet["C2"].number_format) == (93.6, 'General"%"')
