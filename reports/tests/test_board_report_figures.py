"""The board report's figures against a hand-built plan with a known history (see conftest)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document
from openpyxl import load_workbook

from plans import figures as plan_figures
from plans import models
from plans.tests import factories
from reports.figures import build_report, month_before, month_ends, parse_date, previous_report_date
from reports.render.docx import render_docx
from reports.render.html import render_standalone
from reports.render.xlsx import render_xlsx

from .conftest import AS_AT, PREVIOUS, EvidenceFactory


def counts(report) -> dict[str, int]:
    return {s.key: s.count for s in report.overall}


def test_the_report_as_at_a_past_date_counts_each_status_as_it_stood_then(history_plan):
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    assert counts(report) == {"red": 1, "amber": 3, "green": 1, "complete": 1, "none": 0}
    assert report.total == 6
    texts = {row.ref: row.item.text for row in report.rows}
    assert texts["1.1a"] == "Action 1.1a: review the escalation process"
    assert {row.ref: row.status.key for row in report.rows}["1.1b"] == "amber"


def test_the_changes_since_the_previous_report_are_exactly_those_that_happened(history_plan):
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    assert report.changes.refs() == {
        "done": ["1.1a"],
        "improved": ["2.1"],
        "worsened": ["1.1b"],
        "due_moved": ["2.2"],
        "reworded": [],
        "new": ["2.4"],
        "no_update": ["2.2", "2.3"],
        "backdated": [],
        "removed": [],
    }
    moved = report.changes.due_moved[0]
    assert (moved.previous_due_date, moved.item.due_date) == (dt.date(2023, 3, 31), dt.date(2023, 6, 30))
    worsened = report.changes.worsened[0]
    assert (worsened.previous_status.key, worsened.status.key) == ("green", "amber")


def test_the_exceptions_are_red_overdue_and_due_soon_without_a_recent_update(history_plan):
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    assert report.exceptions.refs() == {"red": ["2.4"], "overdue": ["2.1"], "due_soon_no_update": ["2.3"]}


def test_an_area_the_board_had_signed_off_by_the_date_has_no_exceptions(history_plan):
    """Its actions are closed to updates: the board is not asked each month to challenge them."""
    area = history_plan.sections["2"]
    area.signed_off_on = dt.date(2022, 12, 20)  # after the as-at date: still an exception then
    area.save()
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    assert report.exceptions.refs()["overdue"] == ["2.1"]

    area.signed_off_on = dt.date(2022, 12, 1)
    area.save()
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    assert report.exceptions.refs() == {"red": [], "overdue": [], "due_soon_no_update": []}
    # still counted: the facts stand, only not challenged, and the report says why they are not listed
    assert sum(g.overdue for g in report.by_section) == 1
    note = "Not listed: 1 red and 1 overdue in areas the board has signed off"
    assert report.exceptions.left_out_note.startswith(note)
    assert note in render_standalone(report)
    assert any(note in p.text for p in Document(io.BytesIO(render_docx(report))).paragraphs)
    book = load_workbook(io.BytesIO(render_xlsx(report)))
    assert any(note in str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row)


def test_the_counts_per_section_and_lead_agency_are_as_at_the_date(history_plan, world):
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    sections = {g.name: (g.total, g.overdue, g.by_status) for g in report.by_section}
    assert sections == {
        "1.1 Partnership practice": (2, 0, {"complete": 1, "amber": 1}),
        "2 Identifying needs": (4, 1, {"amber": 2, "green": 1, "red": 1}),
    }
    agencies = [(g.name, g.total, g.overdue) for g in report.by_agency]
    assert agencies == [
        ("East Sussex County Council", 2, 0),
        ("Sussex Police", 3, 1),
        ("No lead agency", 1, 0),
    ]


def test_the_whole_plan_follows_the_section_tree_with_what_needs_to_improve(history_plan):
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    blocks = [(b.heading, b.depth, [r.ref for r in b.rows]) for b in report.parts[0].blocks]
    assert blocks == [
        ("1 Children's voices", 0, []),
        ("1.1 Partnership practice", 1, ["1.1a", "1.1b"]),
        ("2 Identifying needs", 0, ["2.1", "2.2", "2.3", "2.4"]),
    ]
    assert report.parts[0].blocks[0].section.what_needs_to_improve.startswith("The consistent recording")
    progress = {r.ref: (r.last_update_on, r.progress) for r in report.rows}
    assert progress["1.1b"] == (dt.date(2022, 12, 5), "Sign-off delayed by the board.")


def test_the_cover_holds_the_rag_definitions_as_the_plan_writes_them(history_plan):
    from reports.tests.conftest import _at

    red = history_plan.plan.rag_statuses.get(key="red")
    red.definition = "Delayed or at risk of not being achieved within timescale"
    with _at(dt.date(2022, 10, 1)):  # written before the report's date
        red.save()
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    definitions = {s.key: s.definition for s in report.parts[0].statuses}
    assert definitions["red"] == "Delayed or at risk of not being achieved within timescale"
    assert report.as_at == AS_AT and report.previous == PREVIOUS
    assert report.partnership == history_plan.plan.partnership


def test_a_report_as_at_today_agrees_with_the_dashboard_figures(history_plan):
    report = build_report(plan=history_plan.plan)
    dashboard = plan_figures.status_counts(models.Action.objects.filter(plan=history_plan.plan))
    assert {s.key: s.count for s in dashboard} == {k: n for k, n in counts(report).items() if n}
    assert counts(report)["complete"] == 2  # 1.1b was completed in January 2023


def test_the_status_mix_and_burn_up_are_taken_at_each_month_end(history_plan):
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    points = {p.day: p for p in report.timeline}
    assert list(points)[-3:] == [dt.date(2022, 10, 31), dt.date(2022, 11, 30), AS_AT]
    assert len(report.timeline) == 12
    assert points[dt.date(2022, 8, 31)].total == 0
    sep = points[dt.date(2022, 9, 30)]
    assert (sep.total, sep.done, sep.due) == (5, 0, 0)
    assert dict(sep.by_status) == {"amber": 1, "green": 2, "red": 1, "none": 1}
    assert (points[dt.date(2022, 10, 31)].due, points[dt.date(2022, 11, 30)].due) == (1, 2)
    last = points[AS_AT]
    assert (last.total, last.done, last.due) == (6, 1, 2)
    assert {k: n for k, n in counts(report).items() if n} == dict(last.by_status)


def test_the_previous_report_defaults_to_one_month_before_without_meetings(history_plan):
    report = build_report(plan=history_plan.plan, as_at=AS_AT)
    assert report.previous == PREVIOUS


def test_the_previous_report_is_the_last_board_meeting_when_there_is_one(world):
    governance = pytest.importorskip("governance.models")
    board = governance.Board.objects.create(partnership=world.partnership, name="JTAI improvement board")
    governance.Meeting.objects.create(board=board, date=dt.date(2022, 11, 20))
    governance.Meeting.objects.create(board=board, date=dt.date(2022, 12, 20))
    assert previous_report_date(world.partnership, AS_AT) == dt.date(2022, 11, 20)


def test_another_boards_meeting_about_another_plan_does_not_move_the_previous_report(world):
    """The executive oversees the JTAI plan; a review group meeting later about another plan
    must not become the executive's baseline of 'what changed since'."""
    governance = pytest.importorskip("governance.models")
    executive = governance.Board.objects.create(partnership=world.partnership, name="Executive")
    executive.plans.add(world.plan)
    governance.Meeting.objects.create(board=executive, date=dt.date(2022, 11, 20))
    other_plan = factories.PlanFactory(partnership=world.partnership, title="Child J review")
    group = governance.Board.objects.create(partnership=world.partnership, name="Child J review group")
    group.plans.add(other_plan)
    governance.Meeting.objects.create(board=group, date=dt.date(2022, 11, 26))

    assert previous_report_date(world.partnership, AS_AT, [world.plan]) == dt.date(2022, 11, 20)
    assert build_report(plan=world.plan, as_at=AS_AT).previous == dt.date(2022, 11, 20)
    assert previous_report_date(world.partnership, AS_AT, [other_plan]) == dt.date(2022, 11, 26)
    # a plan no board oversees takes the meetings of a board that names no plans, else a month
    lone = factories.PlanFactory(partnership=world.partnership, title="Neglect strategy")
    assert previous_report_date(world.partnership, AS_AT, [lone]) == month_before(AS_AT)
    governance.Meeting.objects.create(
        board=governance.Board.objects.create(partnership=world.partnership, name="Partnership"),
        date=dt.date(2022, 12, 1),
    )
    assert previous_report_date(world.partnership, AS_AT, [lone]) == dt.date(2022, 12, 1)


def test_month_arithmetic_keeps_to_the_end_of_shorter_months():
    assert month_before(dt.date(2023, 3, 31)) == dt.date(2023, 2, 28)
    assert month_before(dt.date(2023, 1, 15)) == dt.date(2022, 12, 15)
    assert month_ends(dt.date(2022, 11, 2), dt.date(2023, 1, 5)) == [
        dt.date(2022, 11, 30),
        dt.date(2022, 12, 31),
        dt.date(2023, 1, 5),
    ]
    assert month_ends(dt.date(2022, 11, 2), dt.date(2022, 11, 30)) == [dt.date(2022, 11, 30)]


def test_a_bad_date_is_refused_with_a_clear_message():
    assert parse_date("2022-12-14") == dt.date(2022, 12, 14)
    assert parse_date("") is None
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date("14/12/2022")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date("2022-02-30")


def test_the_previous_date_must_come_before_the_as_at_date(history_plan):
    with pytest.raises(ValueError, match="before"):
        build_report(plan=history_plan.plan, as_at=AS_AT, previous=AS_AT)


def test_a_partnership_report_covers_all_its_plans(history_plan, world):
    plans = list(models.Plan.objects.filter(partnership=world.partnership))
    report = build_report(partnership=world.partnership, plans=plans, as_at=AS_AT, previous=PREVIOUS)
    assert [p.plan.title for p in report.parts] == [p.title for p in plans]
    assert report.total == 6  # the world plan's actions were created after the as-at date
    assert report.changes.refs()["new"] == ["2.4"]


def _plan_with(n: int, world) -> models.Plan:
    plan = factories.PlanFactory(partnership=world.partnership)
    sections = [factories.SectionFactory(plan=plan) for _ in range(3)]
    for i in range(n):
        action = factories.ActionFactory(
            plan=plan, section=sections[i % 3], lead_agency=world.police if i % 2 else world.council
        )
        first = factories.ProgressUpdateFactory(action=action, date=dt.date.today() - dt.timedelta(days=40))
        factories.ProgressUpdateFactory(action=action, date=dt.date.today() - dt.timedelta(days=i % 20))
        EvidenceFactory(update=first, file=f"evidence/1/2026/01/audit-{i}.pdf")
    return plan


def test_the_number_of_queries_does_not_grow_with_the_number_of_actions(world, django_assert_max_num_queries):
    from reports.render.html import render_standalone

    sizes = {}
    for n in (3, 30):
        plan = _plan_with(n, world)
        with CaptureQueriesContext(connection) as queries:
            report = build_report(plan=plan)
            render_standalone(report)
        sizes[n] = len(queries)
        assert len(report.evidence) == n  # evidence is read too, in one query
    assert sizes[3] == sizes[30]
    big = _plan_with(60, world)
    with django_assert_max_num_queries(sizes[3]):
        render_standalone(build_report(plan=big))


def test_the_latest_update_is_the_last_dated_then_last_written_and_ignores_later_dates(world):
    """`plans.figures.latest_updates_on` (a window query): the report's statuses rest on it."""
    action, other = world.police_action, world.council_action
    day = dt.date(2024, 3, 1)

    def written(at: dt.datetime, **fields: object) -> models.ProgressUpdate:
        with time_machine.travel(at, tick=False):
            return factories.ProgressUpdateFactory(action=action, **fields)

    nine = dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC)
    written(nine, date=day, narrative="first that day")
    same_moment = written(nine, date=day, narrative="same moment, written after")
    written(nine + dt.timedelta(hours=2), date=day - dt.timedelta(days=10), narrative="older date")
    written(nine + dt.timedelta(hours=3), date=day + dt.timedelta(days=1), narrative="after the day")
    latest = plan_figures.latest_updates_on([action.pk, other.pk], day)
    assert list(latest) == [action.pk]  # an action with no update has no entry
    assert latest[action.pk].pk == same_moment.pk
    assert latest[action.pk].status.key == "amber"  # status (and author) come with it
    later = written(nine + dt.timedelta(hours=4), date=day, narrative="written last")
    assert plan_figures.latest_updates_on([action.pk], day)[action.pk].pk == later.pk


def test_an_area_the_board_had_signed_off_by_the_reports_date_says_so_in_every_format(history_plan):
    models.Section.objects.filter(plan=history_plan.plan, ref="1.1").update(
        signed_off_on=dt.date(2022, 12, 1)
    )
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    headings = [b.heading for b in report.parts[0].blocks]
    assert headings[1] == "1.1 Partnership practice (signed off by the board on 1 December 2022)"
    assert headings[0] == "1 Children's voices" and headings[2] == "2 Identifying needs"
    # a report as at a date before the sign-off does not say it
    earlier = build_report(plan=history_plan.plan, as_at=dt.date(2022, 11, 30), previous=PREVIOUS)
    assert earlier.parts[0].blocks[1].heading == "1.1 Partnership practice"
    note = "signed off by the board on 1 December 2022"
    assert note in render_standalone(report)
    assert any(note in p.text for p in Document(io.BytesIO(render_docx(report))).paragraphs)
    book = load_workbook(io.BytesIO(render_xlsx(report)))
    assert any(note in str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row)


def test_an_update_added_since_the_previous_report_but_dated_before_it_is_listed(history_plan):
    # the owner records on 10 December an update dated 10 November: the board, which met on
    # 14 November, never saw it, and comparing the plan as it stood on each date cannot show it
    action = history_plan.plan.actions.get(ref="2.3")
    shown_then = build_report(plan=history_plan.plan, as_at=PREVIOUS, previous=dt.date(2022, 10, 14))
    then = next(r for r in shown_then.parts[0].rows if r.ref == "2.3").status
    with time_machine.travel(dt.datetime(2022, 12, 10, 9, tzinfo=dt.UTC), tick=False):
        factories.ProgressUpdateFactory(
            action=action,
            date=dt.date(2022, 11, 10),
            status=factories.status(history_plan.plan, "red"),
            narrative="Backdated: training cancelled.",
        )
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    refs = report.changes.refs()
    assert refs["backdated"] == ["2.3"]
    assert "2.3" not in refs["no_update"]
    assert "2.3" not in refs["improved"] + refs["worsened"]  # listed there alone (QA round 8)
    # QA round 7: its "then" is what the previous report showed, not the late update's Red
    (row,) = report.changes.backdated
    assert then is not None and then.key != "red"
    assert (row.previous_status.key, row.status.key) == (then.key, "red")
    assert "Updates added since the previous report but dated before it" in render_standalone(report)
    # a report as at a date before it was recorded does not list it
    assert (
        build_report(plan=history_plan.plan, as_at=dt.date(2022, 12, 5), previous=PREVIOUS).changes.backdated
        == []
    )


def test_each_row_gives_the_plans_words_the_date_they_mean_and_says_when_it_is_overdue(history_plan):
    """The plan page shows the date and 'Overdue'; the pack must not show only 'Q2 2026/27'."""
    acts = history_plan.actions
    acts["2.3"].due_text = "Q3 2022/23 (revised from October 2022)"
    acts["2.3"].save()
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    rows = {row.ref: row for part in report.parts for row in part.rows}
    assert rows["2.1"].due == "31 October 2022 – overdue"  # the words state the date already
    assert rows["2.3"].due == "20 December 2022"  # its wording as at the report's date
    today = dt.date.today()
    now = build_report(plan=history_plan.plan, as_at=today, previous=today - dt.timedelta(days=30))
    later = {row.ref: row for part in now.parts for row in part.rows}
    assert later["2.3"].due == "Q3 2022/23 (revised from October 2022) (20 December 2022) – overdue"
    assert rows["1.1a"].due == "30 November 2022"  # complete: never overdue
    words = "\n".join(
        c.text for t in Document(io.BytesIO(render_docx(report))).tables for r in t.rows for c in r.cells
    )
    assert "31 October 2022 – overdue" in words


def test_an_action_new_since_the_previous_report_is_listed_as_new_only_even_when_done(world):
    """An action imported complete after the previous report was listed as done (then: 'No update
    yet') and as new (then: 'Not in the plan') at once."""
    action = world.police_action
    factories.ProgressUpdateFactory(
        action=action, date=dt.date.today(), status=factories.status(world.plan, "complete")
    )
    today = dt.date.today()
    report = build_report(plan=world.plan, as_at=today, previous=today - dt.timedelta(days=1))
    refs = report.changes.refs()
    assert action.ref in refs["new"]
    assert all(action.ref not in listed for name, listed in refs.items() if name != "new")


def test_an_action_removed_since_the_previous_report_is_listed_so_the_counts_reconcile(history_plan):
    from reports.tests.conftest import _at

    with _at(dt.date(2022, 12, 1)):
        history_plan.actions["2.3"].delete()
    report = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)
    before = build_report(plan=history_plan.plan, as_at=PREVIOUS, previous=PREVIOUS - dt.timedelta(days=30))

    assert report.changes.refs()["removed"] == ["2.3"]
    assert before.total + len(report.changes.new) - len(report.changes.removed) == report.total
    html = render_standalone(report)
    assert "Actions removed from the plan (1)" in html and ">Removed</td>" in html
    words = "\n".join(p.text for p in Document(io.BytesIO(render_docx(report))).paragraphs)
    assert "Actions removed from the plan (1)" in words
    summary = load_workbook(io.BytesIO(render_xlsx(report)))["Summary"]
    assert ["Actions removed from the plan", 1, "2.3"] in [
        [c.value for c in row][:3] for row in summary.iter_rows()
    ]


def test_a_report_as_at_a_past_date_shows_the_sections_title_and_status_key_as_they_stood_then(history_plan):
    from reports.tests.conftest import _at

    plan = history_plan.plan
    with _at(dt.date(2022, 12, 20)):  # after the report's date
        factories.SectionFactory(plan=plan, ref="9", title="A theme added later")
        red = plan.rag_statuses.get(key="red")
        red.definition = "Rewritten after the meeting"
        red.save()
        plan.title = "Renamed after the meeting"
        plan.save()

    report = build_report(plan=models.Plan.objects.get(pk=plan.pk), as_at=AS_AT, previous=PREVIOUS)

    assert "9 A theme added later" not in [b.heading for b in report.parts[0].blocks]
    assert report.title == "JTAI criminal exploitation plan"
    red_then = next(s for s in report.parts[0].statuses if s.key == "red")
    assert red_then.definition != "Rewritten after the meeting"
    # today's report shows today's
    today = build_report(plan=models.Plan.objects.get(pk=plan.pk))
    assert today.title == "Renamed after the meeting"
    assert "9 A theme added later" in [b.heading for b in today.parts[0].blocks]


def test_every_table_of_the_report_lists_sections_in_the_order_of_the_plans_tree(world):
    """An SCR plan's board questions imported question by question across the areas (1a, 2a, 1b,
    2b): the summary ran 1a, 2a, 1b, 2b while the plan part ran 1, 1a, 1b, 2, 2a, 2b."""
    plan = factories.PlanFactory(partnership=world.partnership)
    one = factories.SectionFactory(plan=plan, ref="1", title="Finding one", order=1)
    two = factories.SectionFactory(plan=plan, ref="2", title="Finding two", order=2)
    questions = {}
    for order, (ref, parent) in enumerate((("1a", one), ("2a", two), ("1b", one), ("2b", two)), start=3):
        questions[ref] = factories.SectionFactory(
            plan=plan, ref=ref, title=f"Question {ref}", parent=parent, order=order
        )
        factories.ActionFactory(plan=plan, section=questions[ref], ref=f"{ref}.1")

    report = build_report(plan=plan)

    assert [g.name.split()[0] for g in report.by_section] == ["1a", "1b", "2a", "2b"]
    assert [b.section.ref for b in report.parts[0].blocks] == ["1", "1a", "1b", "2", "2a", "2b"]


def _changed_since_previous(history_plan, **fields):
    """Action 2.3 changed on 1 December (after the previous report), and the report as at AS_AT."""
    action = history_plan.plan.actions.get(ref="2.3")
    with time_machine.travel(dt.datetime(2022, 12, 1, 9, tzinfo=dt.UTC), tick=False):
        action.refresh_from_db()
        for name, value in fields.items():
            setattr(action, name, value)
        action.save()
    return build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)


def test_an_action_given_a_new_owner_or_new_words_since_the_previous_report_is_listed(history_plan):
    """QA round 7: a new lead or the rewording of a published action appeared nowhere in the pack."""
    report = _changed_since_previous(history_plan, owner_text="NSCP – Zara Quill, Interim Business Manager")
    (row,) = report.changes.reworded
    then, now = row.rewording
    assert (
        row.ref == "2.3"
        and then.startswith("Owner: ")
        and now == "Owner: NSCP – Zara Quill, Interim Business Manager"
    )
    assert "Wording, number or owner changed (1)" in render_standalone(report)
    assert any(
        "Zara Quill" in c.text
        for t in Document(io.BytesIO(render_docx(report))).tables
        for r in t.rows
        for c in r.cells
    )
    book = load_workbook(io.BytesIO(render_xlsx(report)))
    assert any(
        "Wording, number or owner changed" in str(c.value)
        for sheet in book
        for r in sheet.iter_rows()
        for c in r
    )


def test_a_renumbered_action_is_listed_with_its_old_and_new_reference(history_plan):
    """QA round 8: 8.5 renumbered 8.9 was not in the pack's list (the versions page showed it)."""
    (row,) = _changed_since_previous(history_plan, ref="2.9").changes.reworded
    assert row.rewording == ("Ref: 2.3", "Ref: 2.9")
