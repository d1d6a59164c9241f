"""A filter with a fixed set of values refuses any other naming them, as the status filter does
(QA round 9: `?stage=bogus` answered an empty list, as if no plan were at that stage)."""

from __future__ import annotations

from plans import models


def test_an_unknown_stage_is_refused_naming_the_stages(api_as, world):
    response = api_as(world.viewer).get("/api/plans/?stage=bogus")
    assert response.status_code == 400
    assert response.json()["stage"] == (
        "There is no stage 'bogus': use one of draft, agreed, published, closed."
    )


def test_a_stage_matches_whatever_its_case(api_as, world):
    models.Plan.objects.filter(pk=world.plan.pk).update(stage=models.PlanStage.AGREED)
    client = api_as(world.viewer)
    for stage in ("agreed", "Agreed", "AGREED"):
        plans = client.get(f"/api/plans/?stage={stage}").json()["results"]
        assert [p["id"] for p in plans] == [world.plan.pk], stage
    assert client.get("/api/plans/?stage=draft").json()["count"] == 0


def test_the_schema_lists_the_stages_a_list_takes(world, client):
    client.force_login(world.viewer)
    schema = client.get("/api/schema/", {"format": "json"}).json()
    (stage,) = [p for p in schema["paths"]["/api/plans/"]["get"]["parameters"] if p["name"] == "stage"]
    assert sorted(stage["schema"]["enum"]) == ["agreed", "closed", "draft", "published"]
