"""The board report's monthly timeline counts an action until it was deleted, with its status
then, as `actions_as_at` does for each month end."""

from __future__ import annotations

import datetime as dt

import time_machine

from plans.tests.test_as_at_deleted_actions import deleted_in_june
from reports.figures import build_report


def test_the_board_report_timeline_counts_an_action_until_the_month_it_was_deleted(world):
    deleted_in_june(world)  # written in January, red from 10 February, deleted on 20 June

    with time_machine.travel(dt.datetime(2024, 8, 1, 12, tzinfo=dt.UTC), tick=False):
        report = build_report(plan=world.plan, as_at=dt.date(2024, 7, 31), months=7)

    red = {point.day: point.by_status["red"] for point in report.timeline}
    assert red == {
        dt.date(2024, 1, 31): 0,
        dt.date(2024, 2, 29): 1,
        dt.date(2024, 3, 31): 1,
        dt.date(2024, 4, 30): 1,
        dt.date(2024, 5, 31): 1,
        dt.date(2024, 6, 30): 0,
        dt.date(2024, 7, 31): 0,
    }
    # The report as at March counts it too, with the board's other figures.
    with time_machine.travel(dt.datetime(2024, 8, 1, 12, tzinfo=dt.UTC), tick=False):
        march = build_report(plan=world.plan, as_at=dt.date(2024, 3, 31), previous=dt.date(2024, 1, 5))
    assert "7.1" in march.changes.refs()["new"] and "7.1" in march.exceptions.refs()["red"]
