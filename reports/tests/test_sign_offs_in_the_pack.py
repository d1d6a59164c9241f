"""The board pack says what the board decided on sign-offs since the previous report and what
awaits it, with the evidence members decide on; signed-off areas' actions are not blamed for having
no update (QA round 9)."""

from __future__ import annotations

import datetime as dt
import io

import time_machine
from docx import Document
from openpyxl import load_workbook

from governance.models import Decision, SignOff
from reports.figures import build_report
from reports.render.docx import render_docx
from reports.render.html import render_standalone
from reports.render.xlsx import render_xlsx

from .conftest import AS_AT, PREVIOUS


def test_decisions_since_the_last_report_and_proposals_awaiting_the_board_are_in_every_format(history_plan):
    s1, s2 = history_plan.sections["1"], history_plan.sections["2"]
    with time_machine.travel(dt.datetime(2022, 11, 30, 10, tzinfo=dt.UTC)):
        SignOff.objects.create(
            section=s1,
            proposed_on=dt.date(2022, 11, 1),
            evidence="Audit of 20 cases.",
            monitored_through="the quarterly audit",
            decision=Decision.AGREED,
            decided_on=dt.date(2022, 11, 25),
            minute_ref="M/11/4",
        )
        SignOff.objects.create(
            section=s2,
            proposed_on=dt.date(2022, 12, 1),
            evidence="Police recording reviewed.",
            evidence_links="https://example.org/recording-audit.pdf",
            monitored_through="monthly dip samples",
        )
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)

    [decided] = report.sign_offs.decided
    assert (decided.area, decided.what, decided.on, decided.detail) == (
        str(s1),
        "Agreed: fully addressed",
        dt.date(2022, 11, 25),
        "Minute M/11/4",
    )
    [awaiting] = report.sign_offs.awaiting
    assert awaiting.area == str(s2) and awaiting.links == ("https://example.org/recording-audit.pdf",)
    assert "Police recording reviewed." in awaiting.detail and "monthly dip samples" in awaiting.detail
    assert awaiting.unfinished > 0

    html = render_standalone(report)
    assert "Sign-off decisions (1)" in html and "Minute M/11/4" in html
    assert (
        "Sign-off proposals awaiting the board (1)" in html
        or "Sign-off proposals awaiting the board (1)" in html
    )
    assert 'href="https://example.org/recording-audit.pdf" rel="noreferrer noopener"' in html
    word = "\n".join(p.text for p in Document(io.BytesIO(render_docx(report))).paragraphs)
    assert "Sign-off decisions (1)" in word and "Police recording reviewed." in word
    summary = load_workbook(io.BytesIO(render_xlsx(report)))["Summary"]
    values = [c.value for row in summary.iter_rows() for c in row]
    assert "Awaiting the board's decision" in values and "Agreed: fully addressed" in values


def test_actions_of_an_area_signed_off_by_the_report_date_are_not_listed_as_without_an_update(history_plan):
    section = history_plan.sections["2"]
    before = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    listed = set(before.changes.refs()["no_update"])
    in_area = {ref for ref, a in history_plan.actions.items() if a.section_id == section.pk}
    assert listed & in_area
    with time_machine.travel(dt.datetime(2022, 11, 30, 10, tzinfo=dt.UTC)):
        section.signed_off_on = dt.date(2022, 11, 25)
        section.save()
    after = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    assert not set(after.changes.refs()["no_update"]) & in_area


def test_an_area_awaiting_the_board_counts_the_unfinished_actions_of_its_sub_areas_too(history_plan):
    """QA round 10: 'All its actions are complete.' of an area whose actions, all in its sub-areas,
    were not."""
    area = history_plan.sections["1"]  # its actions are in 1.1
    with time_machine.travel(dt.datetime(2022, 12, 1, 10, tzinfo=dt.UTC)):
        SignOff.objects.create(
            section=area, proposed_on=dt.date(2022, 12, 1), evidence="x", monitored_through="y"
        )
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    not_done = [
        r
        for r in report.parts[0].rows
        if r.item.section_id == history_plan.sections["1.1"].pk and not r.item.is_done()
    ]
    [awaiting] = report.sign_offs.awaiting
    assert awaiting.unfinished == len(not_done) > 0
