"""A round opened by mistake is closed early: nobody is asked or reminded any more, and the plan
can have a new round; a deadline years away is refused."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.core import mail
from django.urls import reverse

from governance.models import UpdateRound
from governance.rounds import current_round, deadline_problem, open_requests_for, open_round, send_due_emails

OPENED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _round(world, deadline=dt.date(2026, 3, 13)) -> UpdateRound:
    world.contributor.email = "lead@police.example"
    world.contributor.save()
    with time_machine.travel(OPENED, tick=False):
        return open_round(world.plan, world.manager, deadline, reminder_days_before=3)


def test_a_manager_closes_a_round_and_owners_are_no_longer_asked_or_reminded(client, world):
    round_ = _round(world)
    client.force_login(world.manager)
    with time_machine.travel(OPENED, tick=False):
        page = client.get(round_.get_absolute_url()).content.decode()
        assert "Close the round" in page
        response = client.post(reverse("governance:close_round", args=[round_.pk]))
        assert response.status_code == 302
        assert current_round(world.plan) is None
        assert open_requests_for(world.contributor) == []
        send_due_emails()
        closed = client.get(round_.get_absolute_url()).content.decode()
    assert mail.outbox == []
    round_.refresh_from_db()
    assert round_.closed_by == world.manager
    assert 'id="round-closed"' in closed and "Close the round" not in closed


def test_a_new_round_can_open_once_the_last_is_closed(client, world):
    round_ = _round(world)
    client.force_login(world.manager)
    with time_machine.travel(OPENED, tick=False):
        client.post(reverse("governance:close_round", args=[round_.pk]))
        response = client.post(
            reverse("governance:open_round", args=[world.plan.pk]),
            {"deadline": "2026-03-20", "reminder_days_before": "3", "meeting": ""},
        )
    assert response.status_code == 302
    assert world.plan.update_rounds.count() == 2


def test_contributors_and_viewers_cannot_close_a_round(client, world):
    round_ = _round(world)
    for user in (world.contributor, world.viewer):
        client.force_login(user)
        with time_machine.travel(OPENED, tick=False):
            assert client.post(reverse("governance:close_round", args=[round_.pk])).status_code == 403
            assert "Close the round" not in client.get(round_.get_absolute_url()).content.decode()
    round_.refresh_from_db()
    assert round_.closed_at is None


def test_another_partnerships_manager_cannot_find_the_round_to_close(client, world):
    round_ = _round(world)
    client.force_login(world.outsider)
    assert client.post(reverse("governance:close_round", args=[round_.pk])).status_code == 404


def test_a_deadline_more_than_six_months_away_is_refused():
    today = dt.date(2026, 12, 7)
    assert deadline_problem(dt.date(2036, 12, 31), None, today) is not None
    assert deadline_problem(dt.date(2027, 6, 7), None, today) is None


def test_actions_in_an_area_the_board_signs_off_are_no_longer_asked_for(client, world):
    # signed off after the round opened: the owner's page stops asking, the round stops counting them
    round_ = _round(world)
    with time_machine.travel(OPENED, tick=False):
        assert [a.ref for p in open_requests_for(world.contributor) for a in p.missing] == ["1.1"]
        section = world.police_action.section
        section.signed_off_on = dt.date(2026, 3, 2)
        section.save()
        assert [a.ref for p in open_requests_for(world.contributor) for a in p.actions] == []
        client.force_login(world.manager)
        client.post(reverse("governance:close_round", args=[round_.pk]))
        new = open_round(world.plan, world.manager, dt.date(2026, 3, 20))
    asked = {a.ref for r in new.requests.all() for a in r.actions.all()}
    assert "1.1" not in asked


def test_closing_a_round_asks_once_more_before_it_is_done(client, world):
    """The round page's button closed the round in one click, unlike removing a member."""
    round_ = _round(world)
    client.force_login(world.manager)
    with time_machine.travel(OPENED + dt.timedelta(days=1), tick=False):
        page = client.get(reverse("governance:close_round", args=[round_.pk])).content.decode()
    round_.refresh_from_db()
    assert round_.closed_at is None
    assert "Close the update round due" in page and 'method="post"' in page and "Cancel" in page


def test_the_meeting_page_says_a_round_for_it_was_closed_early(client, world):
    from governance.models import Board, Meeting

    board = Board.objects.create(partnership=world.partnership, name="Partnership Executive")
    board.plans.add(world.plan)
    meeting = Meeting.objects.create(board=board, date=dt.date(2026, 3, 20))
    with time_machine.travel(OPENED, tick=False):
        round_ = open_round(world.plan, world.manager, dt.date(2026, 3, 13), meeting=meeting)
        client.force_login(world.manager)
        client.post(reverse("governance:close_round", args=[round_.pk]))
        page = client.get(meeting.get_absolute_url()).content.decode()
    assert "(closed early on 2 March 2026)" in page
