"""Boards (name, chair, members, plans) and meetings (date, minutes, decisions) set up by plan managers."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from governance.models import Board, Meeting
from plans.tests import factories


@pytest.fixture
def people(world):
    chair = factories.PersonFactory(
        partnership=world.partnership, agency=world.council, name="Independent Chair"
    )
    officer = factories.PersonFactory(
        partnership=world.partnership, agency=world.police, name="Chief Inspector"
    )
    stranger = factories.PersonFactory(partnership=world.other_plan.partnership, name="Someone Else")
    return chair, officer, stranger


def test_a_manager_sets_up_a_board_with_its_chair_members_and_plans(client, world, people):
    chair, officer, _ = people
    client.force_login(world.manager)
    index = client.get(reverse("governance:index")).content.decode()
    assert reverse("governance:new_board", args=[world.partnership.pk]) in index
    response = client.post(
        reverse("governance:new_board", args=[world.partnership.pk]),
        {
            "name": "Partnership Executive",
            "chair": chair.pk,
            "members": [chair.pk, officer.pk],
            "plans": [world.plan.pk],
        },
    )
    board = Board.objects.get()
    assert response.status_code == 302 and response["Location"] == board.get_absolute_url()
    assert board.partnership == world.partnership and board.chair == chair
    assert set(board.members.all()) == {chair, officer} and list(board.plans.all()) == [world.plan]
    page = client.get(board.get_absolute_url()).content.decode()
    assert "Independent Chair" in page and "Chief Inspector" in page and world.plan.title in page


def test_people_and_plans_of_another_partnership_cannot_be_put_on_a_board(client, world, people):
    chair, _, stranger = people
    client.force_login(world.manager)
    response = client.post(
        reverse("governance:new_board", args=[world.partnership.pk]),
        {"name": "Executive", "chair": stranger.pk, "members": [stranger.pk], "plans": [world.other_plan.pk]},
    )
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    assert not Board.objects.exists()


@pytest.mark.parametrize("role", ["contributor", "viewer"])
def test_contributors_and_viewers_cannot_set_up_boards_or_record_minutes(client, world, people, role):
    board = Board.objects.create(partnership=world.partnership, name="Executive")
    meeting = Meeting.objects.create(board=board, date=dt.date(2026, 3, 20))
    client.force_login(getattr(world, role))
    assert client.get(reverse("governance:new_board", args=[world.partnership.pk])).status_code == 403
    assert client.post(reverse("governance:edit_board", args=[board.pk]), {"name": "X"}).status_code == 403
    assert (
        client.post(meeting.get_absolute_url(), {"date": "2026-03-20", "decisions": "X"}).status_code == 403
    )
    meeting.refresh_from_db()
    assert meeting.decisions == ""


def test_another_partnership_cannot_set_up_a_board_in_this_one(client, world):
    client.force_login(world.outsider)
    assert client.get(reverse("governance:new_board", args=[world.partnership.pk])).status_code == 404


def test_a_manager_records_the_minutes_and_decisions_of_a_meeting(client, world):
    board = Board.objects.create(partnership=world.partnership, name="Executive")
    meeting = Meeting.objects.create(board=board, date=dt.date(2026, 3, 20))
    client.force_login(world.manager)
    response = client.post(
        meeting.get_absolute_url(),
        {
            "date": "2026-03-20",
            "minutes": "Red actions challenged.",
            "decisions": "EX/26/14 Dashboard agreed.",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.decisions == "EX/26/14 Dashboard agreed."
    assert "Red actions challenged." in client.get(meeting.get_absolute_url()).content.decode()


def test_the_plans_governance_page_lists_the_flagged_actions_with_their_tags(client, world):
    world.police_action.due_date = dt.date(2020, 1, 31)
    world.police_action.save()
    client.force_login(world.viewer)
    page = client.get(reverse("governance:plan", args=[world.plan.pk])).content.decode()
    assert 'id="flagged-actions"' in page
    assert '<strong class="govuk-tag govuk-tag--red">Overdue</strong>' in page


def test_the_boards_index_shows_each_boards_next_meeting(client, world):
    board = Board.objects.create(partnership=world.partnership, name="Executive")
    for day in (dt.date(2026, 2, 19), dt.date(2026, 3, 19), dt.date(2026, 4, 16)):
        Meeting.objects.create(board=board, date=day)
    client.force_login(world.viewer)
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC), tick=False):
        page = client.get(reverse("governance:index")).content.decode()
    assert "19 March 2026" in page and "16 April 2026" not in page and "19 February 2026" not in page


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2026-03-20", "This board already has a meeting on 20 March 2026"),
        ("1999-01-01", "Enter a date from 2000 to 2099"),
    ],
)
def test_a_second_meeting_on_the_same_day_or_one_out_of_range_is_refused(client, world, day, message):
    board = Board.objects.create(partnership=world.partnership, name="Executive")
    Meeting.objects.create(board=board, date=dt.date(2026, 3, 20))
    client.force_login(world.manager)
    page = client.post(reverse("governance:board", args=[board.pk]), {"date": day})
    assert page.status_code == 200 and message in page.content.decode()
    assert "<title>Error: " in page.content.decode()
    assert board.meetings.count() == 1


def test_a_meeting_keeps_its_own_date_when_its_minutes_are_saved(client, world):
    board = Board.objects.create(partnership=world.partnership, name="Executive")
    meeting = Meeting.objects.create(board=board, date=dt.date(2026, 3, 20))
    client.force_login(world.manager)
    response = client.post(meeting.get_absolute_url(), {"date": "2026-03-20", "minutes": "Noted."})
    assert response.status_code == 302
