"""The OpenAPI schema says what the API answers (QA round 9): the 200 of an update sent again,
a status that cannot be null, descriptions written for integrators, and the refusals (400,
401, 403, 404) where they happen."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from api.serializers import WritingSerializer


@pytest.fixture
def schema(world, client) -> dict[str, Any]:
    client.force_login(world.viewer)
    return client.get(reverse("api:schema"), {"format": "json"}).json()


def component(schema: dict[str, Any], name: str) -> dict[str, Any]:
    return schema["components"]["schemas"][name]


def operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def test_adding_an_update_documents_the_200_of_the_same_update_sent_again(schema, world, api_as):
    update = {"action": world.police_action.pk, "status": "red", "narrative": "Audit done."}
    client = api_as(world.contributor)
    first, again = (client.post("/api/updates/", update, format="json") for _ in range(2))
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    responses = schema["paths"]["/api/updates/"]["post"]["responses"]
    assert {"200", "201"} <= set(responses)
    assert "sent again" in responses["200"]["description"]


def test_an_updates_status_is_not_nullable_in_a_request_as_null_is_refused(schema, world, api_as):
    refused = api_as(world.contributor).post(
        "/api/updates/",
        {"action": world.police_action.pk, "status": None, "narrative": "Audit done."},
        format="json",
    )
    assert refused.status_code == 400 and refused.json()["status"] == ["Select the status of the action"]
    body = schema["paths"]["/api/updates/"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    sent = component(schema, body["$ref"].rsplit("/", 1)[1])["properties"]["status"]
    assert not sent.get("nullable")
    # an update imported from a document that gave no status is read with none
    assert component(schema, "ProgressUpdate")["properties"]["status"]["nullable"]


def test_objects_and_fields_are_described_for_integrators_not_by_the_code_s_own_notes(schema):
    internal = WritingSerializer.__doc__.split()[0:6]
    for name, body in schema["components"]["schemas"].items():
        description = body.get("description", "")
        if body.get("type") == "object" and not name.startswith("Paginated"):
            assert description, f"{name} has no description"
        assert description.split()[0:6] != internal, name
        assert "DRF" not in description, name
        for field, spec in body.get("properties", {}).items():
            assert "150 characters or fewer" not in spec.get("description", ""), f"{name}.{field}"
    author = component(schema, "ProgressUpdate")["properties"]["author"]["description"]
    assert "username" in author.lower()


def test_every_operation_documents_the_401_of_a_missing_or_wrong_token(schema, world):
    answer = APIClient().get("/api/plans/", HTTP_AUTHORIZATION="Token wrong")
    assert answer.status_code == 401 and answer["WWW-Authenticate"] == "Token"
    for path, method, operation in operations(schema):
        unauthorised = operation["responses"].get("401")
        assert unauthorised, f"{method} {path}"
        assert "WWW-Authenticate" in unauthorised["headers"]


def test_the_refusals_are_documented_where_they_happen(schema, world, api_as):
    # a list refuses a filter it does not take; a viewer's write is refused; an id not theirs is 404
    assert api_as(world.viewer).get("/api/plans/?kind=jtai").status_code == 400
    assert api_as(world.viewer).post("/api/plans/", {}, format="json").status_code == 403
    assert api_as(world.viewer).get(f"/api/actions/{world.other_action.pk}/").status_code == 404
    for path, method, operation in operations(schema):
        codes = set(operation["responses"])
        where = f"{method} {path}"
        if method == "get" and "{" not in path:
            assert {"400", "404"} <= codes, where  # a filter refused; a page past the last
        if method in {"post", "put", "patch"}:
            assert {"400", "403"} <= codes, where
        if method == "delete":
            assert "403" in codes, where
        if "{id}" in path:
            assert "404" in codes, where
    error = component(schema, "Error")
    assert error["required"] == ["detail"]
