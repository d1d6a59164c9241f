"""A meeting's date moved after the board decided at it, or while rounds are open for it, must still
fit what hangs on it: no area agreed before it was proposed, no minutes of a meeting to come, no
round's updates due after the meeting they are for."""

from __future__ import annotations

import datetime as dt

import time_machine

from governance.models import Board, Decision, Meeting, SignOff, UpdateRound

TODAY = dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC)


def move(client, meeting: Meeting, day: str):
    return client.post(meeting.get_absolute_url(), {"date": day, "minutes": "", "decisions": ""})


def _agreed_at(world, meeting: Meeting, proposed_on: dt.date, decided_on: dt.date) -> SignOff:
    """The police action's area, agreed at `meeting`."""
    return SignOff.objects.create(
        section=world.police_action.section,
        evidence="Audit",
        monitored_through="audit",
        proposed_on=proposed_on,
        decision=Decision.AGREED,
        decided_on=decided_on,
        meeting=meeting,
    )


def test_a_meeting_that_decided_a_sign_off_cannot_move_before_the_proposal_nor_into_the_future(client, world):
    board = Board.objects.create(partnership=world.partnership, name="Review group")
    board.plans.add(world.plan)
    meeting = Meeting.objects.create(board=board, date=dt.date(2026, 12, 7))
    _agreed_at(world, meeting, dt.date(2026, 12, 5), dt.date(2026, 12, 7))
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        before = move(client, meeting, "1/12/2026")
        ahead = move(client, meeting, "30/12/2026")
        fine = move(client, meeting, "6/12/2026")
    assert "areas proposed up to 5 December 2026: its date cannot be before that" in before.content.decode()
    assert "its date cannot be in the future" in ahead.content.decode()
    assert fine.status_code == 302
    meeting.refresh_from_db()
    assert meeting.date == dt.date(2026, 12, 6)


def test_a_meeting_cannot_move_before_the_deadline_of_an_open_round_for_it(client, world):
    board = Board.objects.create(partnership=world.partnership, name="Executive")
    board.plans.add(world.plan)
    meeting = Meeting.objects.create(board=board, date=dt.date(2026, 12, 21))
    UpdateRound.objects.create(
        plan=world.plan,
        meeting=meeting,
        deadline=dt.date(2026, 12, 18),
        opened_by=world.manager,
        opened_at=TODAY,
    )
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        refused = move(client, meeting, "9/12/2026")
        fine = move(client, meeting, "18/12/2026")
    assert "deadline on 18 December 2026: the meeting cannot be before it" in refused.content.decode()
    assert fine.status_code == 302


def test_minutes_wait_for_the_meeting_and_a_meeting_cannot_move_after_its_decisions_date(client, world):
    board = Board.objects.create(partnership=world.partnership, name="Executive")
    board.plans.add(world.plan)
    ahead = Meeting.objects.create(board=board, date=dt.date(2027, 1, 21))
    held = Meeting.objects.create(board=board, date=dt.date(2026, 11, 19))
    _agreed_at(world, held, dt.date(2026, 11, 10), dt.date(2026, 11, 25))
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        minutes = client.post(
            ahead.get_absolute_url(),
            {"date": "21/1/2027", "minutes": "Chair welcomed members.", "decisions": ""},
        )
        later = move(client, held, "30/11/2026")
    assert "has not been held yet: record its minutes and decisions once it has" in minutes.content.decode()
    ahead.refresh_from_db()
    assert ahead.minutes == ""
    assert "A decision recorded at this meeting is dated 25 November 2026" in later.content.decode()
