"""A newer version of a plan imported by a plan manager leaves the areas the board has signed
off as they are: their actions, sections and statuses are for admins only (plans.rules)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from intake.importer import model as m
from intake.models import BatchStatus, ImportBatch
from intake.saving import save_draft
from plans.models import Section

from .test_saving import make_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world):
    plan = save_draft(make_draft(), world.partnership, world.admin).plan
    Section.objects.filter(plan=plan, ref="1").update(signed_off_on=dt.date(2023, 1, 10))
    return plan


def newer() -> m.PlanDraft:
    draft = make_draft(
        **{
            "1_1a": {"text": "Rewritten by the import", "rag": "red", "progress": "Worse."},
            "1_1c": {"section": "1.1", "text": "A new action in the signed-off area"},
            "2_1": {"text": "Review the front door again"},
        }
    )
    draft.sections[0] = m.Section("1", "Renamed signed-off area")
    draft.plan.as_at = dt.date(2023, 3, 1)
    return draft


def test_a_managers_import_cannot_change_or_add_to_a_signed_off_area(world, plan):
    result = save_draft(newer(), world.partnership, world.manager, plan=plan)
    locked = plan.actions.get(ref="1.1a")
    assert locked.text == "Embed a culture of listening to children"
    assert locked.status.key == "amber" and locked.updates.count() == 1
    assert not plan.actions.filter(ref="1.1c").exists()
    assert Section.objects.get(plan=plan, ref="1").title == "Children's voices"
    assert any("1.1a" in note and "signed off" in note for note in result.notes)
    # The rest of the plan is still updated.
    assert plan.actions.get(ref="2.1").text == "Review the front door again"


def test_an_admins_import_may_change_a_signed_off_area(world, plan):
    save_draft(newer(), world.partnership, world.admin, plan=plan)
    assert plan.actions.get(ref="1.1a").text == "Rewritten by the import"
    assert plan.actions.filter(ref="1.1c").exists()


def _waiting(world, plan) -> ImportBatch:
    from intake.drafts import draft_to_json

    return ImportBatch.objects.create(
        partnership=world.partnership,
        user=world.manager,
        plan=plan,
        filename="plan v2.docx",
        document=b"the document",
        status=BatchStatus.READ,
        draft=draft_to_json(newer()),
    )


def test_the_preview_says_before_saving_which_actions_a_signed_off_area_keeps_as_they_are(
    client, world, plan
):
    batch = _waiting(world, plan)
    client.force_login(world.manager)
    page = client.get(reverse("intake:batch", args=[batch.pk])).content.decode()
    assert "1.1a will be left as it is: it is in an area the board has signed off" in page
    # and its row in the table says so, not "Changed"
    row = page[page.index('app-nowrap">1.1a<br>') :][:200]
    assert "Left as it is (signed off)" in row and "Changed" not in row
    # nor is it counted or listed among the changes (QA round 6)
    differences = page[page.index('id="differences"') :][:3000]
    assert "1 changed in the document but left as it is: in an area the board has signed off" in differences
    assert "1.1a" not in differences.split("Changed actions")[-1].split("</table>")[0]
    # every warning listed is counted in the heading (the notes on references too)
    warnings = page[page.index('id="warnings"') : page.index("The plan</h2>")]
    listed = warnings.count('<tbody class="govuk-table__body">') and warnings.split("<tbody")[1].count("<tr ")
    assert f"Things to check ({listed})" in warnings
    client.force_login(world.admin)
    assert (
        "will be left as it is" not in client.get(reverse("intake:batch", args=[batch.pk])).content.decode()
    )


def test_an_import_is_discarded_before_saving_and_its_document_deleted(client, world, plan):
    batch = _waiting(world, plan)
    client.force_login(world.manager)
    response = client.post(reverse("intake:discard", args=[batch.pk]), follow=True)
    assert "was discarded" in response.content.decode()
    assert not ImportBatch.objects.filter(pk=batch.pk).exists()
    client.force_login(world.viewer)
    other = _waiting(world, plan)
    assert client.post(reverse("intake:discard", args=[other.pk])).status_code == 403
    assert ImportBatch.objects.filter(pk=other.pk).exists()


def test_saving_an_import_discarded_meanwhile_says_so_and_saves_nothing(client, world, plan):
    """QA round 6: a discard in another tab, then 'Save the plan', ended in a server error (or
    'Page not found' after Back)."""
    from plans.models import Plan

    batch = _waiting(world, plan)
    client.force_login(world.manager)
    plans_before = Plan.objects.count()
    client.post(reverse("intake:discard", args=[batch.pk]))

    response = client.post(
        reverse("intake:batch", args=[batch.pk]), {"title": "Discarded plan", "kind": "other"}, follow=True
    )

    assert response.status_code == 200
    assert "was discarded (or expired) before it was saved: nothing was saved" in response.content.decode()
    assert Plan.objects.count() == plans_before
    client.force_login(world.outsider)
    assert client.get(reverse("intake:batch", args=[batch.pk])).status_code == 404
