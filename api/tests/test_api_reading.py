"""Reading through the API: every role reads its own partnership, nobody reads another's."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from plans.tests import factories


def ids(response) -> set[int]:
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize("who", ["admin", "manager", "contributor", "viewer"])
def test_every_role_reads_the_plans_sections_actions_updates_and_agencies_of_its_partnership(
    world, api_as, who
):
    factories.ProgressUpdateFactory(action=world.police_action)
    client = api_as(getattr(world, who))
    assert ids(client.get("/api/plans/")) == {world.plan.pk}
    assert ids(client.get("/api/actions/")) == {world.police_action.pk, world.council_action.pk}
    assert len(ids(client.get("/api/sections/"))) == 1
    assert len(ids(client.get("/api/updates/"))) == 1
    assert ids(client.get("/api/agencies/")) == {world.police.pk, world.council.pk}


def test_another_partnerships_plan_action_and_export_are_not_found(world, api_as):
    client = api_as(world.outsider)
    assert ids(client.get("/api/actions/")) == {world.other_action.pk}
    assert client.get(f"/api/plans/{world.plan.pk}/").status_code == 404
    assert client.get(f"/api/actions/{world.police_action.pk}/").status_code == 404
    assert client.get(f"/api/plans/{world.plan.pk}/export.csv").status_code == 404
    assert client.get(f"/api/plans/{world.plan.pk}/export.json").status_code == 404


def test_search_does_not_reach_another_partnership(world, api_as):
    world.other_action.text = "Escalation protocol reviewed"
    world.other_action.save()
    response = api_as(world.admin).get("/api/actions/", {"search": "Escalation protocol"})
    assert response.json()["count"] == 0


def test_signed_out_callers_are_refused_and_told_to_sign_in(world):
    response = APIClient().get("/api/actions/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_wrong_token_is_unauthenticated_not_forbidden(world):
    """QA round 8: a revoked or mistyped token got 403, which reads as "not allowed" rather than
    "sign in again"."""
    response = APIClient(HTTP_AUTHORIZATION="Token 0123456789abcdef").get("/api/plans/")
    assert response.status_code == 401 and response.json()["detail"] == "Invalid token."


def test_a_token_signs_a_program_in(world):
    token = Token.objects.create(user=world.viewer)
    client = APIClient(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get("/api/plans/").json()["count"] == 1


def test_actions_filter_by_status_key(world, api_as):
    factories.ProgressUpdateFactory(action=world.police_action, status=factories.status(world.plan, "red"))
    response = api_as(world.viewer).get("/api/actions/", {"status": "red"})
    assert ids(response) == {world.police_action.pk}


def test_actions_filter_by_agency_lead_or_owner(world, api_as):
    world.council_action.owner_agencies.add(world.police)
    response = api_as(world.viewer).get("/api/actions/", {"agency": world.police.pk})
    assert ids(response) == {world.police_action.pk, world.council_action.pk}
    response = api_as(world.viewer).get("/api/actions/", {"agency": world.council.pk})
    assert ids(response) == {world.council_action.pk}


def test_actions_filter_by_overdue(world, api_as):
    world.police_action.due_date = dt.date(2000, 1, 1)
    world.police_action.save()
    client = api_as(world.viewer)
    assert ids(client.get("/api/actions/", {"overdue": "true"})) == {world.police_action.pk}
    assert ids(client.get("/api/actions/", {"overdue": "false"})) == {world.council_action.pk}


def test_actions_filter_by_updated_since_counts_new_progress_updates(world, api_as, time_machine):
    time_machine.move_to(dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC))
    world.police_action.save()
    world.council_action.save()
    time_machine.move_to(dt.datetime(2025, 3, 1, 12, tzinfo=dt.UTC))
    factories.ProgressUpdateFactory(action=world.council_action)
    response = api_as(world.viewer).get("/api/actions/", {"updated__gte": "2025-02-01"})
    assert ids(response) == {world.council_action.pk}


def test_actions_filter_by_plan(world, api_as):
    second = factories.PlanFactory(partnership=world.partnership)
    action = factories.ActionFactory(plan=second)
    assert ids(api_as(world.viewer).get("/api/actions/", {"plan": second.pk})) == {action.pk}


@pytest.mark.parametrize(
    "params",
    [
        {"agency": "police"},
        {"overdue": "maybe"},
        {"updated__gte": "last tuesday"},
        {"plan": "-1"},
        {"updated__gte": "0001-01-01T00:00:00+14:00"},
        {"updated__gte": "9999-12-31T23:59:59-12:00"},
    ],
)
def test_a_malformed_filter_is_a_clear_400(world, api_as, params):
    for path in ["/api/actions/"] + (["/api/updates/"] if "updated__gte" in params else []):
        response = api_as(world.viewer).get(path, params)
        assert response.status_code == 400
        assert set(response.json()) == set(params)


def test_lists_come_in_pages_of_fifty(world, api_as):
    factories.ActionFactory.create_batch(55, plan=world.plan, section=None)
    client = api_as(world.viewer)
    first = client.get("/api/actions/").json()
    assert first["count"] == 57 and len(first["results"]) == 50 and first["next"]
    assert len(client.get(first["next"]).json()["results"]) == 7


def test_user_written_script_comes_back_as_inert_json_text(world, api_as):
    update = factories.ProgressUpdateFactory(
        action=world.police_action, narrative="<script>alert(1)</script>"
    )
    response = api_as(world.viewer).get(f"/api/updates/{update.pk}/")
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["narrative"] == "<script>alert(1)</script>"


def test_api_root_lists_the_endpoints(world, api_as):
    response = api_as(world.viewer).get(reverse("api:api-root"), HTTP_ACCEPT="application/json")
    assert set(response.json()) >= {"plans", "sections", "actions", "updates", "agencies"}


def test_measures_and_their_values_are_read_from_the_partnerships_own_scorecard(world, api_as):
    measure_model = apps.get_model("scorecard", "Measure")
    ours = measure_model.objects.create(partnership=world.partnership, name="Strategy meetings in 3 days")
    theirs = measure_model.objects.create(partnership=world.other_plan.partnership, name="Theirs")
    source = apps.get_model("scorecard", "Source").objects.create(
        partnership=world.partnership, name="Report"
    )
    value = apps.get_model("scorecard", "Value").objects.create(
        measure=ours, period="2025-04-01", number="85.50", source=source
    )
    client = api_as(world.viewer)
    assert ids(client.get("/api/measures/")) == {ours.pk}
    assert client.get(f"/api/measures/{theirs.pk}/").status_code == 404
    assert client.get("/api/measure-values/").json()["results"][0]["number"] == "85.50"
    assert api_as(world.admin).patch(f"/api/measure-values/{value.pk}/", {"number": 1}).status_code == 405


@pytest.mark.parametrize("endpoint", ["/api/actions/", "/api/updates/", "/api/plans/", "/api/sections/"])
def test_a_list_takes_the_same_few_queries_for_five_or_fifty_rows(
    world, api_as, endpoint, django_assert_max_num_queries
):
    def build(n: int) -> None:
        for _ in range(n):
            plan = factories.PlanFactory(partnership=world.partnership)
            action = factories.ActionFactory(plan=plan, lead_agency=world.police)
            action.owner_agencies.add(world.council)
            factories.ProgressUpdateFactory(action=action)

    client = api_as(world.viewer)
    build(5)
    with django_assert_max_num_queries(12) as few:
        client.get(endpoint)
    build(45)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(endpoint)


def test_a_browser_gets_json_not_the_browsable_api_pages(world, api_as):
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    for url in ("/api/", "/api/actions/", f"/api/actions/{world.police_action.pk}/"):
        response = api_as(world.viewer).get(url, HTTP_ACCEPT=accept)
        assert response["Content-Type"] == "application/json", url


@pytest.mark.parametrize("param", ["search", "status"])
def test_a_nul_character_in_a_text_filter_is_a_400_not_a_server_error(world, api_as, param):
    response = api_as(world.viewer).get("/api/actions/", {param: "a\x00b"})
    assert response.status_code == 400


def test_measure_values_are_filtered_by_measure_source_and_period_and_name_their_source(world, api_as):
    """A client reads one measure's figures, and can tell one source from another."""
    from scorecard.tests.factories import MeasureFactory, SourceFactory, ValueFactory

    graded, screened = (MeasureFactory(partnership=world.partnership) for _ in range(2))
    monthly = SourceFactory(partnership=world.partnership, name="Monthly DRMM return")
    for month in (1, 2, 3):
        ValueFactory(measure=graded, source=monthly, period=dt.date(2026, month, 1))
    ValueFactory(measure=screened, period=dt.date(2026, 1, 1))
    client = api_as(world.viewer)
    body = client.get(f"/api/measure-values/?measure={graded.pk}&period__gte=2026-02-01").json()
    assert body["count"] == 2
    assert {v["source_name"] for v in body["results"]} == {"Monthly DRMM return"}
    assert client.get(f"/api/measure-values/?source={monthly.pk}").json()["count"] == 3
    assert client.get("/api/measure-values/?measure=abc").status_code == 400
