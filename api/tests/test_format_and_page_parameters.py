"""The `format` and `page` a list takes: a format the API does not answer in is 406 naming the
ones it does, a page that is not a whole number is 400 (QA round 9: both were 404 "Not found.",
which reads as a wrong address)."""

from __future__ import annotations


def test_a_format_the_api_does_not_answer_in_is_refused_naming_json(api_as, world):
    client = api_as(world.viewer)
    for asked in ("csv", "api", "xml"):
        response = client.get(f"/api/actions/?format={asked}")
        assert response.status_code == 406, asked
        assert response["Content-Type"] == "application/json"
        assert response.json()["detail"].startswith(f"There is no format '{asked}' here: give format=json")
    assert "/api/plans/{id}/export.csv" in client.get("/api/actions/?format=csv").json()["detail"]
    assert client.get("/api/actions/?format=json").status_code == 200


def test_a_format_suffix_the_api_does_not_have_is_a_json_404_naming_the_formats(api_as, world):
    response = api_as(world.viewer).get(f"/api/actions/{world.police_action.pk}.xml")
    assert response.status_code == 404
    assert "no format 'xml'" in response.json()["detail"]
    assert api_as(world.viewer).get(f"/api/actions/{world.police_action.pk}.json").status_code == 200


def test_a_page_that_is_not_a_whole_number_is_refused(api_as, world):
    client = api_as(world.viewer)
    for page in ("abc", "0", "1.5"):
        response = client.get(f"/api/actions/?page={page}")
        assert response.status_code == 400, page
        assert "page" in response.json()
    assert client.get("/api/actions/?page=last").status_code == 200
    # a page past the last is not there: 404, as the schema says
    assert client.get("/api/actions/?page=99").status_code == 404
