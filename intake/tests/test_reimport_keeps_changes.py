"""A change made in Oversight that an import said it would keep stays kept on every later import
of a document that still has the old value (QA round 9)."""

from __future__ import annotations

import datetime as dt

from intake.models import ImportBatch
from plans.models import Action, Plan

from .test_web_import import ROWS, confirm, upload, xlsx_bytes


def reimport(client, plan: Plan, rows: list[list[str]], name: str) -> None:
    upload(client, name, xlsx_bytes(rows), plan=plan.pk)
    assert confirm(client, ImportBatch.objects.latest("pk"), title=plan.title).status_code == 302


def test_a_due_date_changed_here_survives_a_later_import_that_changed_another_field(client, world):
    """The v3 import changed 1.1's words and kept its due date; v4, the same as v3, put the document's
    old date back as if it were a change in the document."""
    client.force_login(world.manager)
    upload(client, "v1.xlsx", xlsx_bytes(ROWS))
    confirm(client, ImportBatch.objects.get())
    plan = Plan.objects.get(title="Front door plan")
    action = plan.actions.get(ref="1.1")
    action.due_text, action.due_date = "January 2021", dt.date(2021, 1, 31)
    action.save()  # the board moved it

    reimport(client, plan, ROWS, "v2.xlsx")  # the same document: the date stays
    reworded = [["1.1", "Audit return home interviews and their follow-up", *ROWS[0][2:]], *ROWS[1:]]
    reimport(client, plan, reworded, "v3.xlsx")  # new words, the old date
    action = Action.objects.get(pk=action.pk)
    assert action.text == "Audit return home interviews and their follow-up"
    assert action.due_date == dt.date(2021, 1, 31)

    reimport(client, plan, reworded, "v4.xlsx")  # the same as v3
    action = Action.objects.get(pk=action.pk)
    assert (action.due_text, action.due_date) == ("January 2021", dt.date(2021, 1, 31))
    assert ImportBatch.objects.latest("pk").summary["changed"] == []
