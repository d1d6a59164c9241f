"""An address under /api/ that is not the API's is answered in JSON, as the API's own 404s are
(QA round 9: the service's HTML "Page not found" page, which a program cannot read)."""

from __future__ import annotations


def test_an_unknown_api_address_is_a_json_404_pointing_to_the_docs(api_as, world):
    for address in ("/api/nothing/", "/api/actions/1/nothing/", "/api/plans/1/export.pdf"):
        response = api_as(world.viewer).get(address)
        assert response.status_code == 404, address
        assert response["Content-Type"] == "application/json", address
        assert "/api/docs/" in response.json()["detail"]


def test_a_signed_out_program_gets_json_too(client, db):
    response = client.get("/api/nothing/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"


def test_a_page_outside_the_api_keeps_the_services_page_not_found(client, world):
    client.force_login(world.viewer)
    response = client.get("/nothing/")
    assert response.status_code == 404 and "Page not found" in response.content.decode()
