"""An id in a body is a whole number: 1.5 is refused naming the field (QA round 9: `"plan": 1.5`
made an action in plan 1, the fraction silently cut off)."""

from __future__ import annotations

import pytest

from plans import models


@pytest.mark.parametrize("plan", [1.5, "1.5", "1e0", [1], {"id": 1}])
def test_a_plan_id_that_is_not_a_whole_number_is_refused_naming_the_field(api_as, world, plan):
    plan = plan if plan != 1.5 else world.plan.pk + 0.5
    response = api_as(world.manager).post("/api/actions/", {"plan": plan, "text": "x"}, format="json")
    assert response.status_code == 400
    assert "whole number" in response.json()["plan"][0]
    assert not models.Action.objects.filter(text="x").exists()


def test_every_id_field_is_refused_the_same_way(api_as, world):
    client = api_as(world.manager)
    owners = client.post(
        "/api/actions/",
        {"plan": world.plan.pk, "text": "x", "owner_agencies": [world.police.pk + 0.5]},
        format="json",
    )
    assert owners.status_code == 400 and "owner_agencies" in owners.json()
    update = api_as(world.contributor).post(
        "/api/updates/",
        {"action": world.police_action.pk + 0.5, "status": "red", "narrative": "Done."},
        format="json",
    )
    assert update.status_code == 400 and "whole number" in update.json()["action"][0]


def test_a_whole_number_id_is_taken_as_json_or_as_form_text(api_as, world):
    client = api_as(world.manager)
    as_json = client.post("/api/actions/", {"plan": world.plan.pk, "text": "a"}, format="json")
    as_form = client.post("/api/actions/", {"plan": str(world.plan.pk), "text": "b"})
    assert (as_json.status_code, as_form.status_code) == (201, 201)
