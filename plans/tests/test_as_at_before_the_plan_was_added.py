"""A plan shown as at a date before it was added here (saved or imported later) has no actions
then: the page says why, and where the document's older dated updates are."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse

from plans.tests import factories

NOTICE = "so it had no actions here then"


def at(day: dt.date) -> time_machine.travel:
    return time_machine.travel(dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC), tick=False)


def imported_in_march(world):
    with at(dt.date(2024, 3, 1)):
        plan = factories.PlanFactory(partnership=world.partnership, title="Imported plan")
        action = factories.ActionFactory(plan=plan, ref="1.1")
        # an update dated before the import, as an import of a dated update round saves it
        factories.ProgressUpdateFactory(action=action, date=dt.date(2024, 1, 31), narrative="Scoped.")
    return plan


def test_a_plan_as_at_a_date_before_it_was_added_says_it_had_no_actions_here_then(client, world):
    plan = imported_in_march(world)
    client.force_login(world.manager)
    with at(dt.date(2024, 4, 1)):
        page = client.get(reverse("plans:plan", args=[plan.pk]), {"as_at": "2024-02-01"}).content.decode()
        assert "This plan was added to Oversight on 1 March 2024" in page and NOTICE in page
        later = client.get(reverse("plans:plan", args=[plan.pk]), {"as_at": "2024-03-15"}).content.decode()
    assert NOTICE not in later and "1.1" in later


def test_the_notice_is_for_plans_empty_then_only(world):
    plan = imported_in_march(world)
    assert plan.empty_before_added(dt.date(2024, 2, 1), actions_then=0)
    assert not plan.empty_before_added(dt.date(2024, 2, 1), actions_then=3)  # history loaded from elsewhere
    assert not plan.empty_before_added(dt.date(2024, 3, 1), actions_then=0)  # added that day


def test_the_board_report_as_at_a_date_before_the_plan_was_added_says_so_in_every_format(client, world):
    """An all-zero board pack would read as an empty plan."""
    import io

    from docx import Document

    plan = imported_in_march(world)
    client.force_login(world.manager)
    query = {"as_at": "2024-02-01", "previous": "2024-01-01"}
    with at(dt.date(2024, 4, 1)):
        page = client.get(reverse("reports:plan_report", args=[plan.pk]), query).content.decode()
        word = client.get(reverse("reports:plan_report_download", args=[plan.pk, "docx"]), query).content
        later = client.get(reverse("reports:plan_report", args=[plan.pk]), {"as_at": "2024-03-15"})
    assert "Imported plan was added to Oversight on 1 March 2024" in page
    text = "\n".join(p.text for p in Document(io.BytesIO(word)).paragraphs)
    assert "was added to Oversight on 1 March 2024" in text
    assert "was added to Oversight" not in later.content.decode()
