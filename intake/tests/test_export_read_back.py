"""A plan's own CSV export, imported back as a newer version of it (the verify round of the
sixteenth session): sections named by letters ('PUR Pursue (...)' as the export writes them) are
the plan's sections, and the document's 'Complete' is the plan's own done status ('Blue'), so an
unedited export changes nothing and a one-word edit changes one action."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from intake.importer.api import import_document
from intake.saving import compare_draft, save_draft
from plans import models
from plans.tests import factories


def _brag_plan(world) -> models.Plan:
    plan = factories.PlanFactory(partnership=world.partnership, title="CCE delivery plan", rag_scheme=False)
    for order, (key, label, colour, done) in enumerate(
        [("red", "Red", "red", False), ("amber", "Amber", "orange", False), ("green", "Green", "green", False),
         ("blue", "Blue", "blue", True)]
    ):  # fmt: skip
        models.RagStatus.objects.create(
            plan=plan, key=key, label=label, colour=colour, order=order, is_done=done
        )
    pursue = factories.SectionFactory(
        plan=plan, ref="PUR", title="Pursue (prosecuting those who exploit children)"
    )
    prevent = factories.SectionFactory(
        plan=plan, ref="PRE", title="Prevent (stopping children being drawn in)"
    )
    for ref, section, text, key in [
        ("PUR-1", pursue, "Hold a monthly disruption panel.", "blue"),
        ("PUR-2", pursue, "Map county lines each month.", "green"),
        ("PRE-1", prevent, "Deliver the awareness programme to Year 7.", "amber"),
    ]:
        action = factories.ActionFactory(
            plan=plan, ref=ref, section=section, text=text, due_text="March 2026", due_date="2026-03-31"
        )
        factories.ProgressUpdateFactory(
            action=action, status=plan.rag_statuses.get(key=key), narrative=f"{ref} done so far."
        )
    return plan


def _export(world, plan: models.Plan) -> str:
    client = Client()
    client.force_login(world.manager)
    response = client.get(reverse("api:plan_export_csv", args=[plan.pk]))
    assert response.status_code == 200
    return response.content.decode("utf-8-sig")


def test_an_unedited_export_read_back_changes_nothing_and_opens_no_section_or_status(world):
    plan = _brag_plan(world)
    draft = import_document(_export(world, plan).encode(), filename="export.csv")

    comparison = compare_draft(draft, world.partnership, plan)
    assert [(a.ref, a.is_changed) for a in comparison.actions] == [
        ("PUR-1", False),
        ("PUR-2", False),
        ("PRE-1", False),
    ]
    save_draft(draft, world.partnership, world.manager, plan)
    assert sorted(plan.sections.values_list("ref", flat=True)) == ["PRE", "PUR"]
    assert sorted(plan.rag_statuses.values_list("key", flat=True)) == ["amber", "blue", "green", "red"]
    assert plan.actions.get(ref="PUR-1").status.key == "blue"


def test_an_export_with_one_action_edited_changes_that_action_only(world):
    plan = _brag_plan(world)
    edited = _export(world, plan).replace(
        "Deliver the awareness programme", "Deliver the exploitation programme"
    )
    draft = import_document(edited.encode(), filename="export.csv")

    comparison = compare_draft(draft, world.partnership, plan)
    assert [a.ref for a in comparison.actions if a.is_changed] == ["PRE-1"]
    assert {a.draft.section for a in comparison.actions} == {"PUR", "PRE"}


def test_an_action_without_a_reference_in_a_csv_is_an_action_not_the_row_above_going_on(world):
    # verify round: a reference cleared on the change page, the export read back, 1.3 gained 1.4's words
    csv = (
        "Section,Ref,Action,Owner,Agency,Due (as written),Due date,Status,Date of last update,Latest progress\n"
        "1 Front door,1.2,Train designated leads.,Council,,June 2030,2030-06-30,Green,2026-11-01,Half trained.\n"
        "1 Front door,1.3,Review the front door.,Council,,,,,,\n"
        "1 Front door,,Deliver training on return home interviews.,Council,,,,,,\n"
    )
    draft = import_document(csv.encode(), filename="export.csv")

    assert [(a.ref, a.text) for a in draft.actions] == [
        ("1.2", "Train designated leads."),
        ("1.3", "Review the front door."),
        (None, "Deliver training on return home interviews."),
    ]
