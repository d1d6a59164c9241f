"""A list's query parameters: a filter it does not take is refused naming those it does (it was
ignored, answering with everything), status keys match whatever their case, and page_size sets
the page's length up to 500."""

from __future__ import annotations

from plans.tests import factories


def test_an_unknown_filter_is_refused_naming_the_filters_the_list_takes(api_as, world):
    response = api_as(world.manager).get("/api/plans/?kind=jtai")
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "Unknown query parameter kind: this list takes search, stage (and page, page_size)."
    )
    assert api_as(world.manager).get("/api/plans/?stage=draft&page=1").status_code == 200


def test_a_status_filter_matches_whatever_its_case(api_as, world):
    factories.ProgressUpdateFactory(action=world.police_action, status=factories.status(world.plan, "red"))
    world.police_action.refresh_status()
    lower = api_as(world.manager).get("/api/actions/?status=red").json()["count"]
    assert lower >= 1 and api_as(world.manager).get("/api/actions/?status=RED").json()["count"] == lower


def test_page_size_sets_the_length_of_a_page_up_to_500(api_as, world):
    for _ in range(3):
        factories.ProgressUpdateFactory(action=world.police_action)
    page = api_as(world.manager).get("/api/updates/?page_size=2").json()
    assert len(page["results"]) == 2 and page["next"]


def test_an_unknown_status_a_repeated_filter_or_a_bad_page_size_is_refused(api_as, world):
    """QA round 8: each answered as if it were fine (an empty list, the last plan alone, 50 rows)."""
    client = api_as(world.manager)
    unknown = client.get("/api/actions/?status=purple")
    assert unknown.status_code == 400 and "No plan here has the status 'purple'" in unknown.json()["status"]
    twice = client.get(f"/api/actions/?plan={world.plan.pk}&plan={world.plan.pk}")
    assert twice.status_code == 400 and "Give plan once" in twice.json()["detail"]
    assert client.get("/api/updates/?page_size=0").status_code == 400
    assert client.get("/api/updates/?page_size=abc").status_code == 400
    assert client.get("/api/updates/?page_size=500").status_code == 200
