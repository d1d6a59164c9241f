"""A copy of the document whose date line moved to the day of an update made in Oversight, its
cell unchanged, does not put its old words over that update (QA round 9)."""

from __future__ import annotations

import datetime as dt

import time_machine

from intake.drafts import draft_to_json
from intake.models import BatchStatus, ImportBatch
from intake.saving import compare_draft, save_draft
from plans.tests import factories

from .test_saving import make_draft


def saved(world, draft, plan=None):
    """Save the draft as the confirmation page does: the plan, and the import's record of it."""
    result = save_draft(draft, world.partnership, world.manager, plan=plan)
    ImportBatch.objects.create(
        partnership=world.partnership, user=world.manager, filename=draft.document,
        status=BatchStatus.SAVED, saved_plan=result.plan, draft=draft_to_json(draft),
    )  # fmt: skip
    return result.plan


def imported_then_updated_here(world, narrative: str):
    """1.1a imported Green on 1 December; on 7 December an update of that day is made here."""
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC), tick=False):
        draft = make_draft(
            **{"1_1a": {"rag": "green", "progress": "Audit returns received from 90% of schools."}}
        )
        draft.plan.as_at = dt.date(2026, 12, 1)
        plan = saved(world, draft)
    with time_machine.travel(dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC), tick=False):
        factories.ProgressUpdateFactory(
            action=plan.actions.get(ref="1.1a"),
            date=dt.date(2026, 12, 7),
            status=factories.status(plan, "red"),
            narrative=narrative,
        )
    return draft, plan


def test_an_unchanged_cell_dated_the_day_of_an_update_made_here_is_left_out_with_a_note(world):
    draft, plan = imported_then_updated_here(world, "Audit returns slipping; only 40% in.")
    with time_machine.travel(dt.datetime(2026, 12, 7, 11, tzinfo=dt.UTC), tick=False):
        # the agency's copy of 6 December, with new words: older than the update made here
        draft.actions[0].progress = "All returns in; audit report drafted."
        draft.plan.as_at = dt.date(2026, 12, 6)
        assert not next(
            a for a in compare_draft(draft, world.partnership, plan).actions if a.ref == "1.1a"
        ).updates
        saved(world, draft, plan)
        draft.plan.as_at = dt.date(2026, 12, 7)  # the same cell; only the date line moved
        comparison = compare_draft(draft, world.partnership, plan)

    item = next(a for a in comparison.actions if a.ref == "1.1a")
    assert not item.changes and not item.updates
    assert any(
        note.startswith("1.1a: the document's progress is as the last import brought it")
        for note in comparison.notes
    ), comparison.notes


def test_new_words_dated_the_same_day_as_an_update_made_here_are_still_brought_in(world):
    draft, plan = imported_then_updated_here(world, "Slipping.")
    with time_machine.travel(dt.datetime(2026, 12, 7, 11, tzinfo=dt.UTC), tick=False):
        draft.actions[0].progress = "All returns in; audit report drafted."
        draft.plan.as_at = dt.date(2026, 12, 7)
        comparison = compare_draft(draft, world.partnership, plan)

    item = next(a for a in comparison.actions if a.ref == "1.1a")
    assert item.updates and item.updates[-1].narrative == "All returns in; audit report drafted."
