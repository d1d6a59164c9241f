"""A section the board has signed off is closed to plan managers, whichever way they come at it:
editing its actions (test_api_writing), and also putting actions or sections into it, moving a
section out of it, deleting it or its actions. Admins may still do all of these."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import RestrictedError
from django.urls import reverse

from plans import models, rules
from plans.tests import factories


@pytest.fixture
def signed_off(world):
    section = world.police_action.section
    section.signed_off_on = dt.date(2025, 1, 1)
    section.save()
    return section


@pytest.fixture
def open_section(world):
    return factories.SectionFactory(plan=world.plan, ref="2", title="Early help")


def test_a_manager_cannot_add_an_action_to_a_signed_off_section(world, api_as, signed_off):
    body = {"plan": world.plan.pk, "section": signed_off.pk, "ref": "1.9", "text": "New work"}
    response = api_as(world.manager).post("/api/actions/", body, format="json")
    assert response.status_code == 403
    assert "signed off" in response.json()["detail"]
    assert not models.Action.objects.filter(ref="1.9").exists()
    assert api_as(world.admin).post("/api/actions/", body, format="json").status_code == 201


def test_a_manager_cannot_move_an_action_into_a_signed_off_section(world, api_as, signed_off, open_section):
    action = factories.ActionFactory(plan=world.plan, section=open_section, ref="2.1")
    response = api_as(world.manager).patch(
        f"/api/actions/{action.pk}/", {"section": signed_off.pk, "version": action.version}, format="json"
    )
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.section == open_section
    # Other changes to the action, leaving its section as it is, are still the manager's.
    response = api_as(world.manager).patch(
        f"/api/actions/{action.pk}/",
        {"section": open_section.pk, "text": "Revised", "version": action.version},
        format="json",
    )
    assert response.status_code == 200


def test_a_manager_cannot_unlock_a_signed_off_areas_actions_by_moving_their_section_out(
    world, api_as, signed_off
):
    child = factories.SectionFactory(plan=world.plan, parent=signed_off, ref="1a", title="Referrals")
    action = factories.ActionFactory(plan=world.plan, section=child, ref="1a.1")
    manager = api_as(world.manager)
    response = manager.patch(f"/api/sections/{child.pk}/", {"parent": None}, format="json")
    assert response.status_code == 403
    child.refresh_from_db()
    assert child.parent == signed_off
    response = manager.patch(
        f"/api/actions/{action.pk}/", {"text": "Changed", "version": action.version}, format="json"
    )
    assert response.status_code == 403


def test_a_manager_cannot_put_a_section_inside_a_signed_off_section(world, api_as, signed_off, open_section):
    manager = api_as(world.manager)
    response = manager.patch(f"/api/sections/{open_section.pk}/", {"parent": signed_off.pk}, format="json")
    assert response.status_code == 403
    body = {"plan": world.plan.pk, "parent": signed_off.pk, "ref": "1b", "title": "New"}
    assert manager.post("/api/sections/", body, format="json").status_code == 403
    assert not models.Section.objects.filter(ref="1b").exists()


def test_a_manager_cannot_change_or_delete_a_signed_off_section_or_its_actions(world, api_as, signed_off):
    manager = api_as(world.manager)
    assert manager.patch(f"/api/sections/{signed_off.pk}/", {"title": "x"}, format="json").status_code == 403
    assert manager.delete(f"/api/sections/{signed_off.pk}/").status_code == 403
    assert manager.delete(f"/api/actions/{world.police_action.pk}/").status_code == 403
    assert models.Section.objects.filter(pk=signed_off.pk).exists()
    assert models.Action.objects.filter(pk=world.police_action.pk).exists()
    assert api_as(world.admin).delete(f"/api/actions/{world.police_action.pk}/").status_code == 204


def test_a_manager_cannot_change_a_signed_off_section_on_its_page(world, client, signed_off):
    url = reverse("plans:edit_section", args=[signed_off.pk])
    client.force_login(world.manager)
    assert client.post(url, {"ref": "1", "title": "Rewritten"}).status_code == 403
    signed_off.refresh_from_db()
    assert signed_off.title == "Front door"
    client.force_login(world.admin)
    assert client.post(url, {"ref": "1", "title": "Rewritten"}).status_code == 302


def test_sections_inside_a_signed_off_section_are_for_admins_only(world, signed_off):
    child = factories.SectionFactory(plan=world.plan, parent=signed_off, ref="1a", title="Referrals")
    assert not rules.can_edit_section(world.manager, child)
    assert rules.can_edit_section(world.admin, child)
    assert not rules.can_edit_section(world.contributor, world.council_action.section)


def test_a_manager_cannot_delete_the_section_or_plan_around_a_signed_off_area(world, api_as, signed_off):
    # deleting the parent would delete the board's decision with it and free the area's actions
    parent = factories.SectionFactory(plan=world.plan, ref="A", title="Multi-agency areas")
    signed_off.parent = parent
    signed_off.save()
    manager = api_as(world.manager)
    response = manager.delete(f"/api/sections/{parent.pk}/")
    assert response.status_code == 403
    assert "signed off" in response.json()["detail"]
    assert manager.delete(f"/api/plans/{world.plan.pk}/").status_code == 403
    assert models.Section.objects.filter(pk__in=[parent.pk, signed_off.pk]).count() == 2
    assert rules.can_delete_section(world.admin, parent) and not rules.can_delete_section(
        world.manager, parent
    )


def test_an_admin_deletes_a_plan_with_progress_updates(world, api_as):
    factories.ProgressUpdateFactory(action=world.police_action)
    response = api_as(world.admin).delete(f"/api/plans/{world.plan.pk}/")
    assert response.status_code == 204
    assert not models.Plan.objects.filter(pk=world.plan.pk).exists()
    assert not models.ProgressUpdate.objects.filter(action__plan_id=world.plan.pk).exists()


def test_a_status_in_use_cannot_be_deleted_alone(world):
    update = factories.ProgressUpdateFactory(action=world.police_action)
    with pytest.raises(RestrictedError):
        update.status.delete()


def test_a_contributor_told_why_an_update_to_a_signed_off_area_is_refused(world, api_as, signed_off):
    response = api_as(world.contributor).post(
        "/api/updates/",
        {
            "action": world.police_action.pk,
            "date": "2026-01-05",
            "date_confirmed": True,
            "status": "amber",
            "narrative": "More work.",
        },
        format="json",
    )
    assert response.status_code == 403
    assert "signed off" in response.json()["detail"]


def test_a_section_inside_a_signed_off_area_cannot_be_proposed_for_sign_off(world, signed_off):
    from governance.rules import can_propose_sign_off

    child = factories.SectionFactory(plan=world.plan, parent=signed_off, ref="1a", title="Referrals")
    assert not can_propose_sign_off(world.manager, child)
