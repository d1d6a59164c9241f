"""A meeting page links to each plan's board report as at the meeting, or as at today for a meeting to come."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse

from governance.models import Board, Meeting

TODAY = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)


def test_a_meeting_to_come_reports_as_at_today_and_a_past_meeting_as_at_its_date():
    meeting = Meeting(date=dt.date(2026, 3, 19))
    assert meeting.report_date(today=dt.date(2026, 3, 2)) == dt.date(2026, 3, 2)
    assert meeting.report_date(today=dt.date(2026, 4, 1)) == dt.date(2026, 3, 19)


def test_the_board_report_link_of_a_meeting_to_come_opens_the_report_instead_of_an_error(client, world):
    board = Board.objects.create(partnership=world.partnership, name="Executive")
    board.plans.add(world.plan)
    meeting = Meeting.objects.create(board=board, date=dt.date(2026, 3, 19))
    client.force_login(world.viewer)
    with time_machine.travel(TODAY, tick=False):
        page = client.get(meeting.get_absolute_url()).content.decode()
        report = f"{reverse('reports:plan_report', args=[world.plan.pk])}?as_at=2026-03-02"
        assert f'href="{report}"' in page
        assert "board report as at 2 March 2026 (today)" in page
        assert client.get(report).status_code == 200


def test_the_board_report_link_of_a_past_meeting_is_as_at_the_meeting_date(client, world):
    board = Board.objects.create(partnership=world.partnership, name="Executive")
    board.plans.add(world.plan)
    meeting = Meeting.objects.create(board=board, date=dt.date(2026, 2, 19))
    client.force_login(world.viewer)
    with time_machine.travel(TODAY, tick=False):
        page = client.get(meeting.get_absolute_url()).content.decode()
    assert f"{reverse('reports:plan_report', args=[world.plan.pk])}?as_at=2026-02-19" in page
    assert "board report as at 19 February 2026</a>" in page


def test_a_meetings_report_shows_what_changed_since_the_same_boards_last_meeting(client, world):
    """Another group meeting in between must not become this board's baseline."""
    board = Board.objects.create(partnership=world.partnership, name="Executive")
    board.plans.add(world.plan)
    Meeting.objects.create(board=board, date=dt.date(2026, 1, 15))
    meeting = Meeting.objects.create(board=board, date=dt.date(2026, 2, 19))
    group = Board.objects.create(partnership=world.partnership, name="Child J review group")
    Meeting.objects.create(board=group, date=dt.date(2026, 2, 1))
    client.force_login(world.viewer)
    with time_machine.travel(TODAY, tick=False):
        page = client.get(meeting.get_absolute_url()).content.decode()
        report = (
            f"{reverse('reports:plan_report', args=[world.plan.pk])}?as_at=2026-02-19&amp;previous=2026-01-15"
        )
        assert f'href="{report}"' in page
        assert (
            "What changed since 15 January 2026" in client.get(report.replace("&amp;", "&")).content.decode()
        )
