"""A section cannot be saved with neither reference nor title: it would be a blank row everywhere."""

from __future__ import annotations

from django.urls import reverse
from rest_framework.test import APIClient

from plans.models import SECTION_WITHOUT_NAME, section_name_problem


def test_a_reference_or_a_title_is_enough_and_neither_is_a_problem():
    assert section_name_problem("1", "") == ""
    assert section_name_problem("", "Front door") == ""
    assert section_name_problem(" ", "  ") == SECTION_WITHOUT_NAME


def test_a_manager_who_empties_a_section_without_a_reference_is_told_and_nothing_is_saved(client, world):
    section = world.police_action.section
    section.ref = ""
    section.save()
    client.force_login(world.manager)
    response = client.post(reverse("plans:edit_section", args=[section.pk]), {"ref": "", "title": ""})
    assert response.status_code == 200
    assert SECTION_WITHOUT_NAME in response.content.decode()
    section.refresh_from_db()
    assert section.title == "Front door"


def test_a_section_keeping_its_reference_may_lose_its_title(client, world):
    section = world.police_action.section
    client.force_login(world.manager)
    response = client.post(reverse("plans:edit_section", args=[section.pk]), {"ref": "1", "title": ""})
    assert response.status_code == 302


def test_the_api_refuses_a_section_with_neither_reference_nor_title(world):
    section = world.police_action.section
    api = APIClient()
    api.force_authenticate(world.manager)
    response = api.patch(f"/api/sections/{section.pk}/", {"ref": "", "title": ""}, format="json")
    assert response.status_code == 400
    assert response.json() == {"title": [SECTION_WITHOUT_NAME]}


def test_a_reference_another_section_of_the_plan_has_is_refused_on_the_page_and_the_api(client, world):
    """An import finds sections by reference: two sections '1' would have their actions mixed."""
    from plans.tests import factories

    first = world.police_action.section
    other = factories.SectionFactory(plan=world.plan, ref="2", title="Health")
    client.force_login(world.manager)
    page = client.post(reverse("plans:edit_section", args=[other.pk]), {"ref": first.ref, "title": "Health"})
    assert page.status_code == 200
    assert f"The plan already has a section {first.ref}." in page.content.decode()
    api = APIClient()
    api.force_authenticate(world.manager)
    response = api.patch(f"/api/sections/{other.pk}/", {"ref": f" {first.ref}"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"ref": [f"The plan already has a section {first.ref}."]}
    created = api.post(
        "/api/sections/", {"plan": world.plan.pk, "ref": first.ref, "title": "x"}, format="json"
    )
    assert created.status_code == 400
    other.refresh_from_db()
    assert other.ref == "2"
    # Keeping its own reference, and a reference another plan uses, are fine.
    assert (
        client.post(
            reverse("plans:edit_section", args=[first.pk]), {"ref": first.ref, "title": "A"}
        ).status_code
        == 302
    )
    factories.SectionFactory(plan=world.other_plan, ref="7")
    assert api.patch(f"/api/sections/{other.pk}/", {"ref": "7"}, format="json").status_code == 200
