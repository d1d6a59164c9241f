"""The board pack a business manager downloads reads back into Oversight as the same plan (owners
fill in the Excel or Word pack; it goes back as a newer version): the Word pack's 'what changed'
and exceptions tables list actions again, and made 41 duplicates of 77."""

from __future__ import annotations

import pytest

from intake.importer.api import import_document
from reports.figures import build_report
from reports.render.docx import render_docx
from reports.render.xlsx import render_xlsx

from .conftest import AS_AT, PREVIOUS


@pytest.fixture
def report(history_plan):
    return build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)


@pytest.mark.parametrize(("render", "suffix"), [(render_docx, "docx"), (render_xlsx, "xlsx")])
def test_the_board_pack_imports_back_as_its_actions_once_each(report, render, suffix):
    draft = import_document(render(report), f"pack.{suffix}")

    refs = sorted(report.plans[0].actions.values_list("ref", flat=True))
    assert sorted(a.ref for a in draft.actions) == refs
    by_ref = {a.ref: a for a in draft.actions}
    assert by_ref["2.4"].rag == "red" and by_ref["1.1a"].rag == "complete"
    assert by_ref["2.1"].section == "2"


@pytest.mark.parametrize(("render", "suffix"), [(render_docx, "docx"), (render_xlsx, "xlsx")])
def test_the_board_pack_read_back_as_a_newer_version_changes_nothing_and_adds_nobody(
    history_plan, render, suffix
):
    """Read back unchanged, the packs marked nearly every action changed: due wording with its date
    glued on or 'overdue' added, the latest update again with its date and constraints, and the
    Excel pack's 'Previous due date' as progress."""
    from django.utils import timezone

    from intake.saving import compare_draft

    plan = history_plan.plan
    today = timezone.localdate()
    now = build_report(plan=plan, as_at=today, previous=PREVIOUS)  # the plan as it is now
    draft = import_document(render(now), f"pack.{suffix}")
    comparison = compare_draft(draft, plan.partnership, plan=plan, today=today)

    changed = {a.ref: [(c.name, c.old, c.new) for c in a.changes] for a in comparison.changed_actions}
    assert changed == {}
    assert not comparison.new_actions and not comparison.new_agencies and not comparison.new_people
