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
