"""The board pack a business manager downloads reads back into Oversight as the same plan (owners
fill in the Excel or Word pack; it goes back as a newer version): the Word pack's 'what changed'
and exceptions tables list actions again, and made 41 duplicates of 77."""

from __future__ import annotations

import pytest

from intake.importer.api import import_document
from plans.tests import factories
from reports.figures import build_report
from reports.render.docx import render_docx
from reports.render.pdf import render_pdf
from reports.render.xlsx import render_xlsx

from .conftest import AS_AT, PREVIOUS


@pytest.fixture
def report(history_plan):
    return build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)


@pytest.mark.parametrize(
    ("render", "suffix"), [(render_docx, "docx"), (render_xlsx, "xlsx"), (render_pdf, "pdf")]
)
def test_the_board_pack_imports_back_as_its_actions_once_each(report, render, suffix):
    draft = import_document(render(report), f"pack.{suffix}")

    refs = sorted(report.plans[0].actions.values_list("ref", flat=True))
    assert sorted(a.ref for a in draft.actions) == refs
    by_ref = {a.ref: a for a in draft.actions}
    assert by_ref["2.4"].rag == "red" and by_ref["1.1a"].rag == "complete"
    assert by_ref["2.1"].section == "2"


@pytest.mark.parametrize(
    ("render", "suffix"), [(render_docx, "docx"), (render_xlsx, "xlsx"), (render_pdf, "pdf")]
)
def test_the_board_pack_read_back_as_a_newer_version_changes_nothing_and_adds_nobody(
    history_plan, render, suffix
):
    """Read back unchanged, the packs marked nearly every action changed: due wording with its date
    glued on or 'overdue' added, the latest update again with its date and constraints, and the
    Excel pack's 'Previous due date' as progress; the PDF pack's tables shorten actions' words
    ('review the …') and read a listing's 'Last update' date as its progress."""
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

    # saved, it leaves the plan's sections as they were (no section for the pack's own lines)
    from intake.saving import save_draft

    sections = sorted(plan.sections.values_list("ref", "title"))
    save_draft(draft, plan.partnership, factories.UserFactory(), plan)
    assert sorted(plan.sections.values_list("ref", "title")) == sections


def test_the_pdf_pack_read_as_a_plan_has_the_plans_areas_by_their_own_names(report):
    """The PDF's exceptions tables come first: 'Overdue (1)' over action 2.1 did not name area 2, nor
    did 'What needs to improve: ...' under the area's row open an area of its own."""
    draft = import_document(render_pdf(report), "pack.pdf")

    plan = report.plans[0]
    numbered = {(s.ref, s.title) for s in draft.sections if s.ref[:1].isdigit()}
    assert numbered == set(plan.sections.values_list("ref", "title"))
    by_ref = {s.ref: s for s in draft.sections}
    assert by_ref["2"].what_needs_to_improve == plan.sections.get(ref="2").what_needs_to_improve
    assert not any(s.title.startswith(("What needs", "Produced by", "Evidence")) for s in draft.sections)
    # the plan's own title over its sections is the plan, not a section holding them
    assert draft.plan.title == plan.title and not any(s.title == plan.title for s in draft.sections)
    assert by_ref["1"].parent is None
