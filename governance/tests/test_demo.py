"""The demo data: a board with members and monthly meetings, and an open round due in seven days."""

from __future__ import annotations

import datetime as dt
import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from governance.models import Board, UpdateRound
from governance.rounds import open_requests_for


def test_the_demo_has_a_board_monthly_meetings_and_an_open_round_for_the_demo_contributor(db):
    call_command("load_demo", stdout=io.StringIO())
    board = Board.objects.get()
    assert board.chair is not None and board.members.count() >= 2 and board.plans.count() == 3
    months = {(m.date.year, m.date.month) for m in board.meetings.all()}
    assert len(months) == board.meetings.count() >= 12
    round_ = UpdateRound.objects.get()
    assert round_.deadline == timezone.localdate() + dt.timedelta(days=7)
    contributor = get_user_model().objects.get(username="demo-contributor")
    (request,) = open_requests_for(contributor)
    assert request.actions and request.missing
