"""Writing a field the service sets, or one that does not exist, is refused rather than dropped."""

from __future__ import annotations

from plans import models


def test_a_patch_changing_an_actions_status_is_refused_and_changes_nothing(world, api_as):
    action = world.police_action
    before = (action.version, action.history.count(), action.status_id)
    response = api_as(world.manager).patch(
        f"/api/actions/{action.pk}/", {"status": "green", "version": action.version}, format="json"
    )
    assert response.status_code == 400
    assert "progress update" in str(response.json()["status"])
    action.refresh_from_db()
    assert (action.version, action.history.count(), action.status_id) == before


def test_a_patch_with_a_misspelt_field_is_refused_naming_the_fields(world, api_as):
    action = world.police_action
    response = api_as(world.manager).patch(
        f"/api/actions/{action.pk}/", {"due": "2031-03-31", "version": action.version}, format="json"
    )
    assert response.status_code == 400
    assert "due_date" in str(response.json()["due"])
    action.refresh_from_db()
    assert action.due_date != models.Action._meta.get_field("due_date").to_python("2031-03-31")


def test_a_put_of_what_was_read_with_one_change_is_accepted(world, api_as):
    action = world.police_action
    client = api_as(world.manager)
    body = client.get(f"/api/actions/{action.pk}/").json()
    body["text"] = "Audit the front door"
    response = client.put(f"/api/actions/{action.pk}/", body, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["text"] == "Audit the front door"
    assert response.json()["version"] == body["version"] + 1


def test_a_patch_that_changes_nothing_keeps_the_version_and_adds_no_history(world, api_as):
    action = world.police_action
    before = action.history.count()
    response = api_as(world.manager).patch(
        f"/api/actions/{action.pk}/", {"text": action.text, "version": action.version}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["version"] == action.version
    assert action.history.count() == before


def test_a_patch_signing_off_a_section_through_the_api_is_refused(world, api_as):
    section = world.police_action.section
    response = api_as(world.manager).patch(
        f"/api/sections/{section.pk}/", {"signed_off_on": "2025-01-01"}, format="json"
    )
    assert response.status_code == 400
    assert "board" in str(response.json()["signed_off_on"])
    section.refresh_from_db()
    assert section.signed_off_on is None


def test_a_new_progress_update_with_an_author_is_refused_not_credited_to_someone_else(world, api_as):
    response = api_as(world.contributor).post(
        "/api/updates/",
        {
            "action": world.police_action.pk,
            "date": "2025-05-01",
            "status": "red",
            "narrative": "Audit done.",
            "author": world.manager.username,
        },
        format="json",
    )
    assert response.status_code == 400
    assert not models.ProgressUpdate.objects.exists()


def test_a_put_of_an_older_read_is_a_409_conflict_not_a_complaint_about_fields_set_since(world, api_as):
    action = world.police_action
    client = api_as(world.manager)
    body = client.get(f"/api/actions/{action.pk}/").json()
    assert (
        client.patch(
            f"/api/actions/{action.pk}/", {"text": "First", "version": body["version"]}, format="json"
        ).status_code
        == 200
    )
    body["text"] = "Second"
    response = client.put(f"/api/actions/{action.pk}/", body, format="json")
    assert response.status_code == 409, response.json()
    action.refresh_from_db()
    assert action.text == "First"
