"""A plan the board has closed asks its owners for nothing: closing it closes its open round, no
round can be opened on it, and a round left open sends no reminders (QA round 9)."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.core import mail
from django.urls import reverse

from governance.rounds import current_round, send_due_emails
from plans.models import PlanStage

from .test_closing_a_round import OPENED, _round


def test_closing_a_plan_closes_its_open_round_and_no_new_round_can_be_opened(client, world):
    round_ = _round(world)
    client.force_login(world.manager)
    with time_machine.travel(OPENED, tick=False):
        response = client.post(
            reverse("governance:change_stage", args=[world.plan.pk]),
            {"stage": PlanStage.CLOSED, "report_date": "", "reason": "Completed"},
            follow=True,
        )
        assert "Its open update round is closed" in response.content.decode()
        assert current_round(world.plan) is None
        round_.refresh_from_db()
        assert round_.closed_by == world.manager

        refused = client.post(
            reverse("governance:open_round", args=[world.plan.pk]),
            {"deadline": "2026-03-20", "reminder_days_before": "3", "meeting": ""},
        )
        assert refused.status_code == 200
        assert "This plan is closed: its owners are not asked for updates" in refused.content.decode()
    assert world.plan.update_rounds.count() == 1


def test_a_round_left_open_on_a_closed_plan_sends_no_requests_or_reminders(world):
    _round(world)
    world.plan.stage = PlanStage.CLOSED
    world.plan.save()  # closed some other way (the admin site, a script)
    mail.outbox.clear()
    with time_machine.travel(dt.datetime(2026, 3, 11, 9, 0, tzinfo=dt.UTC), tick=False):
        sent = send_due_emails()
    assert mail.outbox == [] and sent.requests == 0 and sent.reminders == 0
