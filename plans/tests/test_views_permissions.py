"""Each role against each tracker page: allowed, refused (403), unknown (404) or sent to sign in."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from plans import models
from plans.tests import factories

ALL_MEMBERS = ["admin", "manager", "contributor", "viewer"]


@pytest.fixture
def evidence(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    update = factories.ProgressUpdateFactory(action=world.police_action)
    item = models.Evidence(update=update, title="audit.txt")
    item.file.save("audit.txt", ContentFile(b"audit findings"), save=True)
    return item


def user_of(world, who: str, client):
    if who != "anonymous":
        client.force_login(getattr(world, who))
    return client


def page_url(world, page: str, evidence=None) -> str:
    return {
        "home": reverse("home"),
        "my_actions": reverse("plans:my_actions"),
        "plan": reverse("plans:plan", args=[world.plan.pk]),
        "action": reverse("plans:action", args=[world.police_action.pk]),
        "add_update": reverse("plans:add_update", args=[world.police_action.pk]),
        "add_update_council": reverse("plans:add_update", args=[world.council_action.pk]),
        "edit_action": reverse("plans:edit_action", args=[world.police_action.pk]),
        "edit_section": reverse("plans:edit_section", args=[world.police_action.section_id]),
        "evidence": reverse("plans:evidence", args=[evidence.pk]) if evidence else "",
        "delete_plan": reverse("plans:delete_plan", args=[world.plan.pk]),
    }[page]


EXPECTED = {
    # page: {role: status}
    "home": {
        "anonymous": 302,
        "admin": 200,
        "manager": 200,
        "contributor": 200,
        "viewer": 200,
        "outsider": 200,
    },
    "my_actions": {
        "anonymous": 302,
        "admin": 200,
        "manager": 200,
        "contributor": 200,
        "viewer": 200,
        "outsider": 200,
    },
    "plan": {
        "anonymous": 302,
        "admin": 200,
        "manager": 200,
        "contributor": 200,
        "viewer": 200,
        "outsider": 404,
    },
    "action": {
        "anonymous": 302,
        "admin": 200,
        "manager": 200,
        "contributor": 200,
        "viewer": 200,
        "outsider": 404,
    },
    "add_update": {
        "anonymous": 302,
        "admin": 200,
        "manager": 200,
        "contributor": 200,
        "viewer": 403,
        "outsider": 404,
    },
    "add_update_council": {
        "anonymous": 302,
        "admin": 200,
        "manager": 200,
        "contributor": 403,
        "viewer": 403,
        "outsider": 404,
    },
    "edit_action": {
        "anonymous": 302,
        "admin": 200,
        "manager": 200,
        "contributor": 403,
        "viewer": 403,
        "outsider": 404,
    },
    "edit_section": {
        "anonymous": 302,
        "admin": 200,
        "manager": 200,
        "contributor": 403,
        "viewer": 403,
        "outsider": 404,
    },
    "evidence": {
        "anonymous": 302,
        "admin": 200,
        "manager": 200,
        "contributor": 200,
        "viewer": 200,
        "outsider": 404,
    },
    "delete_plan": {
        "anonymous": 302,
        "admin": 200,
        "manager": 200,
        "contributor": 403,
        "viewer": 403,
        "outsider": 404,
    },
}
CASES = [(page, who, status) for page, roles in EXPECTED.items() for who, status in roles.items()]


@pytest.mark.parametrize(("page", "who", "status"), CASES, ids=[f"{p}-{w}" for p, w, _ in CASES])
def test_each_role_gets_the_expected_answer_from_each_page(client, world, evidence, page, who, status):
    response = user_of(world, who, client).get(page_url(world, page, evidence))

    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("login"))


def test_the_evidence_download_is_the_file_as_an_attachment(client, world, evidence):
    client.force_login(world.viewer)

    response = client.get(reverse("plans:evidence", args=[evidence.pk]))

    assert b"".join(response.streaming_content) == b"audit findings"
    assert response["Content-Disposition"].startswith("attachment")


def update_post(world) -> dict:
    return {
        "date": "2024-03-01",
        "date_confirmed": "on",  # long past, as the page asks
        "status": str(factories.status(world.plan, "amber").pk),
        "narrative": "Audit of strategy meetings completed.",
    }


@pytest.mark.parametrize(
    ("who", "action"),
    [
        ("anonymous", "police_action"),
        ("viewer", "police_action"),
        ("contributor", "council_action"),
        ("outsider", "police_action"),
    ],
)
def test_a_refused_progress_update_saves_nothing(client, world, who, action):
    target = getattr(world, action)

    response = user_of(world, who, client).post(
        reverse("plans:add_update", args=[target.pk]), update_post(world)
    )

    assert response.status_code in (302, 403, 404)
    assert not models.ProgressUpdate.objects.exists()
    target.refresh_from_db()
    assert target.status is None


def test_a_contributor_may_update_an_action_of_their_own_agency(client, world):
    client.force_login(world.contributor)

    response = client.post(reverse("plans:add_update", args=[world.police_action.pk]), update_post(world))

    assert response.status_code == 302
    assert models.ProgressUpdate.objects.get().action == world.police_action


def test_an_outsider_cannot_update_another_partnerships_action_even_as_admin(client, world):
    client.force_login(world.outsider)

    response = client.post(reverse("plans:add_update", args=[world.police_action.pk]), update_post(world))

    assert response.status_code == 404
    assert not models.ProgressUpdate.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "viewer", "contributor", "outsider"])
def test_a_refused_action_edit_changes_nothing(client, world, who):
    action = world.police_action
    data = {
        "text": "Rewritten",
        "owner_text": "",
        "lead_agency": "",
        "due_text": "",
        "due_date": "",
        "outcome": "",
        "constraints": "",
        "version": action.version,
    }

    response = user_of(world, who, client).post(reverse("plans:edit_action", args=[action.pk]), data)

    assert response.status_code in (302, 403, 404)
    action.refresh_from_db()
    assert action.text != "Rewritten"
    assert action.history.count() == 1


@pytest.mark.parametrize("who", ["viewer", "contributor", "outsider"])
def test_a_refused_section_edit_changes_nothing(client, world, who):
    section = world.police_action.section
    data = {"ref": "9", "title": "Renamed", "what_needs_to_improve": "", "what_inspectors_found": ""}

    response = user_of(world, who, client).post(reverse("plans:edit_section", args=[section.pk]), data)

    assert response.status_code in (403, 404)
    section.refresh_from_db()
    assert section.title == "Front door"


def test_the_update_form_is_hidden_from_viewers_on_the_action_page(client, world):
    client.force_login(world.viewer)

    response = client.get(reverse("plans:action", args=[world.police_action.pk]))

    assert b"Add a progress update" not in response.content
    assert reverse("plans:add_update", args=[world.police_action.pk]).encode() not in response.content


def test_the_update_form_is_shown_to_the_contributor_owning_the_action(client, world):
    client.force_login(world.contributor)

    response = client.get(reverse("plans:action", args=[world.police_action.pk]))

    assert reverse("plans:add_update", args=[world.police_action.pk]).encode() in response.content


def test_a_plan_of_another_partnership_is_not_found_for_an_admin(client, world):
    client.force_login(world.admin)

    assert client.get(reverse("plans:plan", args=[world.other_plan.pk])).status_code == 404
    assert client.get(reverse("plans:action", args=[world.other_action.pk])).status_code == 404
