"""Every governance page with every role: allowed, refused (403), or not found across partnerships (404)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from governance.models import Board, Meeting, SignOff, UpdateRound
from governance.rounds import open_round
from plans.tests import factories

TODAY = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def gov(world):
    chair = factories.PersonFactory(
        partnership=world.partnership, agency=world.council, name="Independent Chair"
    )
    board = Board.objects.create(partnership=world.partnership, name="Partnership Executive", chair=chair)
    board.members.add(chair)
    board.plans.add(world.plan)
    meeting = Meeting.objects.create(board=board, date=dt.date(2026, 3, 20))
    with time_machine.travel(TODAY, tick=False):
        round_ = open_round(world.plan, world.manager, dt.date(2026, 3, 13))
    sign_off = SignOff.objects.create(
        section=world.police_action.section,
        proposed_on=dt.date(2026, 3, 1),
        evidence="Audit shows it works",
        monitored_through="quarterly multi-agency audit",
    )
    other_board = Board.objects.create(partnership=world.other_plan.partnership, name="Thurrock Executive")
    other_board.plans.add(world.other_plan)
    other_meeting = Meeting.objects.create(board=other_board, date=dt.date(2026, 3, 20))
    with time_machine.travel(TODAY, tick=False):
        other_round = open_round(world.other_plan, world.outsider, dt.date(2026, 3, 13))
    world.board, world.meeting, world.round, world.sign_off = board, meeting, round_, sign_off
    # A section with no proposal yet: the one above is awaiting the board's decision.
    world.open_section = factories.SectionFactory(plan=world.plan, ref="2", title="Health")
    world.other_board, world.other_meeting, world.other_round = other_board, other_meeting, other_round
    return world


def pages(w):
    """(url name, args) for every page, reading and writing."""
    return {
        "read": [
            ("governance:index", []),
            ("governance:board", [w.board.pk]),
            ("governance:meeting", [w.meeting.pk]),
            ("governance:plan", [w.plan.pk]),
            ("governance:round", [w.round.pk]),
            ("governance:versions", [w.plan.pk]),
        ],
        "write": [
            ("governance:open_round", [w.plan.pk]),
            ("governance:change_stage", [w.plan.pk]),
            ("governance:propose_sign_off", [w.open_section.pk]),
            ("governance:record_decision", [w.sign_off.pk]),
        ],
    }


@pytest.mark.parametrize("role", ["admin", "manager", "contributor", "viewer"])
def test_every_member_can_read_every_governance_page(client, gov, role):
    client.force_login(getattr(gov, role))
    with time_machine.travel(TODAY, tick=False):
        for name, args in pages(gov)["read"]:
            assert client.get(reverse(name, args=args)).status_code == 200, name


@pytest.mark.parametrize("role", ["admin", "manager"])
def test_managers_and_admins_can_open_the_forms(client, gov, role):
    client.force_login(getattr(gov, role))
    for name, args in pages(gov)["write"]:
        assert client.get(reverse(name, args=args)).status_code == 200, name


@pytest.mark.parametrize("role", ["contributor", "viewer"])
def test_contributors_and_viewers_cannot_open_rounds_record_decisions_or_change_stage(client, gov, role):
    client.force_login(getattr(gov, role))
    for name, args in pages(gov)["write"]:
        assert client.get(reverse(name, args=args)).status_code == 403, name
        assert client.post(reverse(name, args=args), {"deadline": "2030-01-01"}).status_code == 403, name
    assert (
        client.post(reverse("governance:board", args=[gov.board.pk]), {"date": "2030-01-01"}).status_code
        == 403
    )
    assert UpdateRound.objects.filter(plan=gov.plan).count() == 1
    assert Meeting.objects.filter(board=gov.board).count() == 1


def test_a_member_of_another_partnership_gets_404_for_everything(client, gov):
    client.force_login(gov.outsider)
    w = gov
    for name, args in [
        ("governance:board", [w.board.pk]),
        ("governance:meeting", [w.meeting.pk]),
        ("governance:plan", [w.plan.pk]),
        ("governance:round", [w.round.pk]),
        ("governance:versions", [w.plan.pk]),
        ("governance:open_round", [w.plan.pk]),
        ("governance:change_stage", [w.plan.pk]),
        ("governance:propose_sign_off", [w.open_section.pk]),
        ("governance:record_decision", [w.sign_off.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404, name
    index = client.get(reverse("governance:index")).content.decode()
    assert "Thurrock Executive" in index and "Partnership Executive" not in index


def test_signed_out_visitors_are_sent_to_sign_in(client, gov):
    response = client.get(reverse("governance:index"))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_a_manager_opens_a_round_from_the_form_and_sees_who_has_not_updated(client, gov):
    gov.round.delete()
    client.force_login(gov.manager)
    with time_machine.travel(TODAY, tick=False):
        response = client.post(
            reverse("governance:open_round", args=[gov.plan.pk]),
            {"meeting": gov.meeting.pk, "deadline": "2026-03-16", "reminder_days_before": "2"},
        )
        round_ = UpdateRound.objects.filter(plan=gov.plan).first()
        assert response.status_code == 302 and response["Location"] == round_.get_absolute_url()
        assert (
            round_.meeting == gov.meeting
            and round_.reminder_days_before == 2
            and round_.opened_by == gov.manager
        )
        page = client.get(round_.get_absolute_url()).content.decode()
    assert "0 updated, 1 not updated" in page
    assert "contributor" in page


def test_a_round_deadline_in_the_past_is_refused_with_an_error_summary(client, gov):
    client.force_login(gov.manager)
    with time_machine.travel(TODAY, tick=False):
        response = client.post(
            reverse("governance:open_round", args=[gov.plan.pk]),
            {"deadline": "2026-03-01", "reminder_days_before": "3"},
        )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert "must be today or in the future" in response.content.decode()


def test_a_round_deadline_after_the_meeting_it_is_for_is_refused_and_no_round_opens(client, gov):
    gov.round.delete()
    client.force_login(gov.manager)
    with time_machine.travel(TODAY, tick=False):
        response = client.post(
            reverse("governance:open_round", args=[gov.plan.pk]),
            {"meeting": gov.meeting.pk, "deadline": "2026-03-21", "reminder_days_before": "3"},
        )
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "must be on or before the meeting it is for (20 March 2026)" in page
    assert not UpdateRound.objects.filter(plan=gov.plan).exists()


def test_a_round_deadline_on_the_day_of_its_meeting_is_accepted(db):
    from governance.models import Meeting
    from governance.rounds import deadline_problem

    meeting = Meeting(date=dt.date(2026, 3, 20))
    assert deadline_problem(dt.date(2026, 3, 20), meeting, today=dt.date(2026, 3, 10)) is None
    assert deadline_problem(dt.date(2026, 3, 21), None, today=dt.date(2026, 3, 10)) is None
    assert deadline_problem(dt.date(2026, 3, 9), None, today=dt.date(2026, 3, 10))


def test_a_manager_adds_a_meeting_on_the_board_page(client, gov):
    client.force_login(gov.manager)
    response = client.post(
        reverse("governance:board", args=[gov.board.pk]), {"date": "2026-04-17", "minutes": ""}
    )
    assert response.status_code == 302
    assert gov.board.meetings.filter(date=dt.date(2026, 4, 17)).exists()


def test_the_meeting_page_links_the_board_report_as_at_the_meeting_date_once_it_exists(client, gov):
    from django.urls import NoReverseMatch

    client.force_login(gov.viewer)
    page = client.get(reverse("governance:meeting", args=[gov.meeting.pk])).content.decode()
    try:
        url = reverse("reports:plan_report", args=[gov.plan.pk])
    except NoReverseMatch:
        assert "the board report is not available yet" in page
    else:
        assert f"{url}?as_at=2026-03-20" in page


def test_a_second_round_cannot_open_while_one_is_open_so_nobody_is_asked_twice(client, gov):
    client.force_login(gov.manager)
    form = {"deadline": "2026-03-20", "reminder_days_before": "3"}
    with time_machine.travel(TODAY, tick=False):
        response = client.post(reverse("governance:open_round", args=[gov.plan.pk]), form)
        assert "A round is already open for this plan until 13 March 2026" in response.content.decode()
        assert UpdateRound.objects.filter(plan=gov.plan).count() == 1
    with time_machine.travel(dt.datetime(2026, 3, 14, 10, tzinfo=dt.UTC), tick=False):
        response = client.post(reverse("governance:open_round", args=[gov.plan.pk]), form)
    assert response.status_code == 302 and UpdateRound.objects.filter(plan=gov.plan).count() == 2


def test_the_meeting_page_counts_the_flags_as_at_the_meeting_date(client, gov):
    with time_machine.travel(dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC), tick=False):
        factories.ActionFactory(plan=gov.plan, ref="9.1", due_date=dt.date(2026, 3, 1))
    past_meeting = Meeting.objects.create(board=gov.board, date=dt.date(2026, 3, 5))
    client.force_login(gov.viewer)
    with time_machine.travel(dt.datetime(2026, 4, 1, 10, tzinfo=dt.UTC), tick=False):
        page = client.get(past_meeting.get_absolute_url()).content.decode()
    assert "Flags as at 5 March 2026" in page
    # 9.1 was overdue on 5 March; the world's actions, made today, did not exist then.
    assert (
        '<th scope="row" class="govuk-table__header">Overdue</th><td class="govuk-table__cell govuk-table__cell--numeric">1</td>'
        in page
    )
