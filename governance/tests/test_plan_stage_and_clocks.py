"""Plan life cycle (stage changes kept as versions) and statutory clocks in working days."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from governance.clocks import add_working_days, clock, clocks_for_plan, working_days_between
from governance.versions import action_changes, stage_changes
from plans.models import PlanKind, PlanStage
from plans.tests import factories


def test_working_days_skip_weekends_and_englands_bank_holidays():
    # Thursday 17 April 2025; Good Friday 18th and Easter Monday 21st are bank holidays.
    assert add_working_days(dt.date(2025, 4, 17), 1) == dt.date(2025, 4, 22)
    assert add_working_days(dt.date(2025, 4, 17), 0) == dt.date(2025, 4, 17)
    # Friday to Monday is one working day.
    assert working_days_between(dt.date(2026, 3, 6), dt.date(2026, 3, 9)) == 1
    assert working_days_between(dt.date(2026, 3, 9), dt.date(2026, 3, 6)) == -1


def test_seventy_working_days_from_a_report_span_christmas_correctly():
    # 1 December 2025 + 70 working days: Christmas, Boxing Day and New Year's Day are skipped.
    assert add_working_days(dt.date(2025, 12, 1), 70) == dt.date(2026, 3, 12)


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (dt.date(2026, 2, 1), "green"),
        (dt.date(2026, 3, 2), "amber"),  # 8 working days before 12 March
        (dt.date(2026, 3, 12), "amber"),  # the deadline day itself
        (dt.date(2026, 3, 13), "red"),
    ],
)
def test_a_clock_turns_amber_as_the_deadline_nears_and_red_once_it_passes(today, state):
    c = clock("Final plan", dt.date(2025, 12, 1), 70, met=False, today=today)
    assert c.deadline == dt.date(2026, 3, 12)
    assert c.state == state


def test_a_jtai_plan_shows_its_seventy_day_clock_until_the_plan_is_agreed(db):
    plan = factories.PlanFactory(kind=PlanKind.JTAI, report_date=dt.date(2025, 12, 1))
    (c,) = clocks_for_plan(plan, today=dt.date(2026, 3, 16))
    assert c.state == "red" and c.state_label == "Passed 2 working days ago"
    plan.stage = PlanStage.AGREED
    assert clocks_for_plan(plan, today=dt.date(2026, 3, 16))[0].state == "met"
    assert (
        clocks_for_plan(factories.PlanFactory(kind=PlanKind.DELIVERY, report_date=dt.date(2025, 12, 1))) == []
    )


def test_a_manager_changes_the_stage_and_the_versions_page_lists_each_stage(client, world):
    client.force_login(world.manager)
    with time_machine.travel(dt.datetime(2025, 12, 1, 10, tzinfo=dt.UTC), tick=False):
        world.plan = factories.PlanFactory(partnership=world.partnership)
    with time_machine.travel(dt.datetime(2026, 1, 10, 10, tzinfo=dt.UTC), tick=False):
        response = client.post(
            reverse("governance:change_stage", args=[world.plan.pk]),
            {"stage": "agreed", "report_date": "2025-12-01", "reason": "Agreed by the executive"},
        )
        assert response.status_code == 302
    with time_machine.travel(dt.datetime(2026, 2, 10, 10, tzinfo=dt.UTC), tick=False):
        client.post(reverse("governance:change_stage", args=[world.plan.pk]), {"stage": "published"})
        page = client.get(reverse("governance:versions", args=[world.plan.pk])).content.decode()
    world.plan.refresh_from_db()
    assert world.plan.stage == PlanStage.PUBLISHED and world.plan.report_date is None
    assert [s.stage for s in stage_changes(world.plan)] == ["Published", "Agreed", "Draft"]
    assert "Agreed by the executive" in page and "manager" in page


def test_the_versions_diff_shows_what_changed_in_the_actions_between_two_dates(world):
    with time_machine.travel(dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC), tick=False):
        moved = factories.ActionFactory(plan=world.plan, ref="2.1", due_text="March 2026")
        removed = factories.ActionFactory(plan=world.plan, ref="2.2")
    with time_machine.travel(dt.datetime(2026, 2, 5, 10, tzinfo=dt.UTC), tick=False):
        moved.due_text = "June 2026"
        moved.save()
        removed.delete()
        added = factories.ActionFactory(plan=world.plan, ref="2.3")
        factories.ProgressUpdateFactory(action=moved, date=dt.date(2026, 2, 5))
    changes = {c.ref: c for c in action_changes(world.plan, dt.date(2026, 1, 31), dt.date(2026, 2, 28))}
    assert changes["2.1"].kind == "changed"
    assert ("Due (as written)", "March 2026", "June 2026") in changes["2.1"].fields
    assert ("Status", "No update yet", "Amber") in changes["2.1"].fields
    assert changes["2.2"].kind == "removed" and changes[added.ref].kind == "added"
    assert "1.1" not in changes  # unchanged in that period


def test_the_versions_diff_names_the_section_an_action_moved_to_and_its_new_lead_agency(world):
    with time_machine.travel(dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC), tick=False):
        action = factories.ActionFactory(plan=world.plan, ref="3.1", lead_agency=world.police)
        other = factories.SectionFactory(plan=world.plan, ref="4", title="Front door")
    with time_machine.travel(dt.datetime(2026, 2, 5, 10, tzinfo=dt.UTC), tick=False):
        first_section = action.section
        action.section = other
        action.lead_agency = world.council
        action.save()
    changes = {c.ref: c for c in action_changes(world.plan, dt.date(2026, 1, 31), dt.date(2026, 2, 28))}
    assert ("Section", str(first_section), "4 Front door") in changes["3.1"].fields
    assert ("Lead agency", str(world.police), str(world.council)) in changes["3.1"].fields


def test_a_manager_adds_the_early_draft_deadline_and_records_it_met(client, world):
    world.plan.report_date = dt.date(2026, 2, 2)
    world.plan.save()
    client.force_login(world.manager)
    with time_machine.travel(dt.datetime(2026, 2, 25, 10, tzinfo=dt.UTC), tick=False):
        response = client.post(
            reverse("governance:new_clock", args=[world.plan.pk]),
            {"label": "Early draft after the focused visit", "start": "2026-02-02", "working_days": "20"},
        )
        assert response.status_code == 302
        page = client.get(reverse("governance:plan", args=[world.plan.pk])).content.decode()
        # 20 working days after Monday 2 February 2026 is Monday 2 March: 3 working days left.
        assert "Early draft after the focused visit" in page and "2 March 2026" in page
        assert '<strong class="govuk-tag govuk-tag--orange">3 working days left</strong>' in page
        stored = world.plan.statutory_clocks.get()
        client.post(
            reverse("governance:edit_clock", args=[stored.pk]),
            {"label": stored.label, "start": "2026-02-02", "working_days": "20", "met_on": "2026-02-25"},
        )
        (_final, early) = clocks_for_plan(world.plan)
    assert early.state == "met"


@pytest.mark.parametrize("role", ["contributor", "viewer"])
def test_contributors_and_viewers_cannot_add_deadlines(client, world, role):
    client.force_login(getattr(world, role))
    url = reverse("governance:new_clock", args=[world.plan.pk])
    assert client.post(url, {"label": "x", "start": "2026-02-02", "working_days": "20"}).status_code == 403
    assert not world.plan.statutory_clocks.exists()
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "days, message",
    [
        ("3000000", "must be 500 or fewer"),
        ("99999999999999999999", "must be 500 or fewer"),
        ("0", "must be 1 or more"),
        ("twenty", "as a whole number"),
    ],
)
def test_working_days_beyond_any_statutory_deadline_are_refused_and_the_plan_page_keeps_working(
    client, world, days, message
):
    # a deadline thousands of years away could not be counted: the plan's governance page failed
    client.force_login(world.manager)
    response = client.post(
        reverse("governance:new_clock", args=[world.plan.pk]),
        {"label": "Final plan to Ofsted", "start": "2026-02-02", "working_days": days},
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert not world.plan.statutory_clocks.exists()
    assert client.get(reverse("governance:plan", args=[world.plan.pk])).status_code == 200


@pytest.mark.parametrize(
    "start, met_on",
    [("31/12/9999", ""), ("1/1/0001", ""), ("20/12/9997", ""), ("2/2/2026", "31/12/9999")],
)
def test_a_clock_dated_outside_the_years_plans_are_made_is_refused_and_the_plan_page_keeps_working(
    client, world, start, met_on
):
    # 500 working days after a start in 9999 fell beyond the calendar: the governance page failed
    client.force_login(world.manager)
    response = client.post(
        reverse("governance:new_clock", args=[world.plan.pk]),
        {"label": "Final plan to Ofsted", "start": start, "working_days": "500", "met_on": met_on},
    )
    assert response.status_code == 200 and "Enter a date from 2000 to 2099" in response.content.decode()
    assert not world.plan.statutory_clocks.exists()
    assert client.get(reverse("governance:plan", args=[world.plan.pk])).status_code == 200


@pytest.mark.parametrize("day", ["31/12/9999", "01/01/0001"])
def test_an_inspection_report_dated_outside_the_years_plans_are_made_is_refused_on_the_stage_page(
    client, world, day
):
    client.force_login(world.admin)
    response = client.post(
        reverse("governance:change_stage", args=[world.plan.pk]), {"stage": "published", "report_date": day}
    )
    assert response.status_code == 200 and "Enter a date from 2000 to 2099" in response.content.decode()
    world.plan.refresh_from_db()
    assert world.plan.report_date is None


@pytest.mark.parametrize(
    "query, message",
    [
        ("since=30/02/2025", "Enter the date to compare from as a real date"),
        ("since=01/01/0001", "The date to compare from must be from 2000 to today"),
        ("until=31/12/9999", "The date to compare to must be from 2000 to today"),
    ],
)
def test_the_versions_page_says_which_date_is_wrong_in_words(client, world, query, message):
    client.force_login(world.viewer)
    page = client.get(reverse("governance:versions", args=[world.plan.pk]) + "?" + query)
    assert page.status_code == 200 and message in page.content.decode()
