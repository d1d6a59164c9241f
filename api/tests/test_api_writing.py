"""Writing through the API follows the web pages' rules (plans/rules.py)."""

from __future__ import annotations

import pytest

from plans import models
from plans.tests import factories


def new_update(action: models.Action, status: str = "red") -> dict:
    return {
        "action": action.pk,
        "date": "2025-05-01",
        "date_confirmed": True,
        "status": status,
        "narrative": "Audit done.",
    }


def test_contributor_adds_a_progress_update_to_their_agencys_action_and_it_sets_the_status(world, api_as):
    response = api_as(world.contributor).post("/api/updates/", new_update(world.police_action), format="json")
    assert response.status_code == 201, response.json()
    world.police_action.refresh_from_db()
    assert world.police_action.status.key == "red"
    assert str(world.police_action.last_update_on) == "2025-05-01"
    assert models.ProgressUpdate.objects.get().author == world.contributor


def test_contributor_cannot_add_a_progress_update_to_another_agencys_action(world, api_as):
    response = api_as(world.contributor).post(
        "/api/updates/", new_update(world.council_action), format="json"
    )
    assert response.status_code == 403
    assert not models.ProgressUpdate.objects.exists()


def test_viewer_cannot_add_a_progress_update(world, api_as):
    response = api_as(world.viewer).post("/api/updates/", new_update(world.police_action), format="json")
    assert response.status_code == 403


def test_a_progress_update_on_another_partnerships_action_is_refused_as_unknown(world, api_as):
    response = api_as(world.outsider).post("/api/updates/", new_update(world.police_action), format="json")
    assert response.status_code == 400
    assert "does not exist" in str(response.json()["action"])


def test_a_status_outside_the_plans_scheme_is_refused(world, api_as):
    response = api_as(world.manager).post(
        "/api/updates/", new_update(world.police_action, "purple"), format="json"
    )
    assert response.status_code == 400
    assert "complete" in str(response.json()["status"])


def test_progress_updates_cannot_be_edited_or_deleted_through_the_api(world, api_as):
    update = factories.ProgressUpdateFactory(action=world.police_action)
    client = api_as(world.admin)
    assert client.patch(f"/api/updates/{update.pk}/", {"narrative": "x"}, format="json").status_code == 405
    assert client.delete(f"/api/updates/{update.pk}/").status_code == 405


@pytest.mark.parametrize(
    "who, expected", [("manager", 200), ("admin", 200), ("contributor", 403), ("viewer", 403)]
)
def test_only_plan_managers_and_admins_edit_an_action(world, api_as, who, expected):
    action = world.police_action
    response = api_as(getattr(world, who)).patch(
        f"/api/actions/{action.pk}/", {"due_text": "March 2031", "version": action.version}, format="json"
    )
    assert response.status_code == expected
    action.refresh_from_db()
    assert (action.due_text == "March 2031") == (expected == 200)


def test_editing_an_action_raises_its_version_and_records_history(world, api_as):
    action = world.police_action
    before = action.history.count()
    response = api_as(world.manager).patch(
        f"/api/actions/{action.pk}/",
        {"text": "Audit the front door", "version": action.version},
        format="json",
    )
    assert response.json()["version"] == action.version + 1
    assert action.history.count() == before + 1
    assert action.history.first().history_user == world.manager


def test_editing_an_action_without_the_version_read_is_refused(world, api_as):
    response = api_as(world.manager).patch(
        f"/api/actions/{world.police_action.pk}/", {"text": "x"}, format="json"
    )
    assert response.status_code == 400
    assert "version" in response.json()


def test_editing_an_action_from_a_stale_version_is_a_409_conflict_and_changes_nothing(world, api_as):
    action = world.police_action
    client = api_as(world.manager)
    first = client.patch(
        f"/api/actions/{action.pk}/", {"text": "First", "version": action.version}, format="json"
    )
    assert first.status_code == 200
    second = client.patch(
        f"/api/actions/{action.pk}/", {"text": "Second", "version": action.version}, format="json"
    )
    assert second.status_code == 409
    assert "Someone else changed this action" in second.json()["detail"]
    action.refresh_from_db()
    assert action.text == "First"


def test_an_action_of_a_signed_off_section_is_locked_for_managers(world, api_as):
    world.police_action.section.signed_off_on = "2025-01-01"
    world.police_action.section.save()
    response = api_as(world.manager).patch(
        f"/api/actions/{world.police_action.pk}/", {"text": "x", "version": 1}, format="json"
    )
    assert response.status_code == 403
    assert "signed off" in response.json()["detail"]


def test_a_refused_edit_says_who_may_make_it(world, api_as):
    response = api_as(world.contributor).patch(
        f"/api/actions/{world.police_action.pk}/", {"text": "x", "version": 1}, format="json"
    )
    assert "plan managers and admins change plans, sections and actions" in response.json()["detail"]


def test_an_action_cannot_take_another_partnerships_agency(world, api_as):
    other_agency = factories.AgencyFactory(partnership=world.other_plan.partnership)
    response = api_as(world.manager).patch(
        f"/api/actions/{world.police_action.pk}/",
        {"lead_agency": other_agency.pk, "version": 1},
        format="json",
    )
    assert response.status_code == 400


def test_manager_creates_and_deletes_an_action(world, api_as):
    client = api_as(world.manager)
    response = client.post(
        "/api/actions/", {"plan": world.plan.pk, "ref": "9.9", "text": "New"}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert client.delete(f"/api/actions/{response.json()['id']}/").status_code == 204
    assert not models.Action.objects.filter(ref="9.9").exists()


def test_a_duplicate_action_reference_is_a_400_not_a_server_error(world, api_as):
    response = api_as(world.manager).post(
        "/api/actions/",
        {"plan": world.plan.pk, "ref": world.police_action.ref, "text": "Again"},
        format="json",
    )
    assert response.status_code == 400
    assert "ref" in response.json()


@pytest.mark.parametrize("who", ["contributor", "viewer"])
def test_contributors_and_viewers_cannot_create_or_delete_plans_sections_or_actions(world, api_as, who):
    client = api_as(getattr(world, who))
    assert client.post("/api/plans/", {"partnership": world.partnership.pk, "title": "X"}).status_code == 403
    assert client.post("/api/sections/", {"plan": world.plan.pk, "title": "X"}).status_code == 403
    assert client.post("/api/actions/", {"plan": world.plan.pk, "text": "X"}).status_code == 403
    assert client.delete(f"/api/actions/{world.police_action.pk}/").status_code == 403
    assert client.delete(f"/api/plans/{world.plan.pk}/").status_code == 403
    assert models.Action.objects.filter(pk=world.police_action.pk).exists()


def test_a_manager_of_one_partnership_cannot_create_a_plan_in_another(world, api_as):
    response = api_as(world.manager).post(
        "/api/plans/", {"partnership": world.other_plan.partnership_id, "title": "X"}, format="json"
    )
    assert response.status_code == 400
    assert not models.Plan.objects.filter(title="X").exists()


def test_a_new_plan_gets_the_default_rag_scheme(world, api_as):
    response = api_as(world.manager).post(
        "/api/plans/", {"partnership": world.partnership.pk, "title": "Delivery plan"}, format="json"
    )
    assert response.status_code == 201
    assert [s["key"] for s in response.json()["rag_statuses"]] == ["red", "amber", "green", "complete"]


def test_outsider_cannot_change_or_delete_another_partnerships_objects(world, api_as):
    client = api_as(world.outsider)
    assert client.patch(f"/api/actions/{world.police_action.pk}/", {"version": 1}).status_code == 404
    assert client.delete(f"/api/plans/{world.plan.pk}/").status_code == 404
    assert client.delete(f"/api/sections/{world.police_action.section_id}/").status_code == 404


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/api/updates/", "[" * 20000 + "]" * 20000),
        ("patch", "/api/actions/{pk}/", '{"a":' * 20000 + "1" + "}" * 20000),
    ],
)
def test_a_body_nested_too_deeply_is_a_bad_request_and_changes_nothing(world, api_as, method, path, body):
    """Was a 500: Python's JSON decoder raises RecursionError, which DRF does not catch."""
    action = world.police_action
    version = action.version
    client = api_as(world.manager)
    response = getattr(client, method)(path.format(pk=action.pk), body, content_type="application/json")
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["detail"]
    action.refresh_from_db()
    assert action.version == version and not models.ProgressUpdate.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("stale_after_days", 5_000_000, "less than or equal to 366"),
        ("stale_after_days", 0, "greater than or equal to 1"),
        ("start", "0001-01-01", "Enter a date from 2000 to 2099"),
        ("report_date", "9999-12-31", "Enter a date from 2000 to 2099"),
    ],
)
def test_a_plans_dates_and_stale_days_beyond_any_plan_are_refused(world, api_as, field, value, message):
    """Were saved: 5,000,000 days without an update made every board report of the partnership fail."""
    body = {"partnership": world.partnership.pk, "title": "Dates plan", field: value}
    response = api_as(world.manager).post("/api/plans/", body, format="json")
    assert response.status_code == 400 and message in str(response.json()[field])
    assert not models.Plan.objects.filter(title="Dates plan").exists()


def test_a_stale_limit_saved_before_it_was_checked_still_gives_a_board_report(world, client):
    from django.urls import reverse

    models.Plan.objects.filter(pk=world.plan.pk).update(stale_after_days=2_147_483_647)
    client.force_login(world.manager)
    assert client.get(reverse("reports:plan_report", args=[world.plan.pk])).status_code == 200
    assert client.get(reverse("reports:partnership_report", args=[world.partnership.pk])).status_code == 200


def test_an_action_text_of_a_pasted_document_is_refused_through_the_api(world, api_as):
    action = world.police_action
    response = api_as(world.manager).patch(
        f"/api/actions/{action.pk}/", {"text": "W" * 20_001, "version": action.version}, format="json"
    )
    assert response.status_code == 400 and "text" in response.json()
    action.refresh_from_db()
    assert len(action.text) < 20_001


def test_invisible_and_control_characters_are_read_out_of_text_as_the_forms_read_them(world, api_as):
    """A reference '1.1' + U+200B stood beside '1.1'; an action of only zero-width spaces passed."""
    action = world.police_action
    client = api_as(world.manager)
    response = client.patch(
        f"/api/actions/{action.pk}/",
        {
            "owner_text": "Head of\u200b Service\x07",
            "constraints": "Line one\nLine\u202e two",
            "version": action.version,
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    action.refresh_from_db()
    assert (action.owner_text, action.constraints) == ("Head of Service", "Line one\nLine two")

    blank = client.patch(
        f"/api/actions/{action.pk}/", {"text": "\u200b\u200c", "version": action.version}, format="json"
    )
    assert blank.status_code == 400 and "text" in blank.json()
