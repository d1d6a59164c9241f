"""The API's schema and its GOV.UK documentation page (no script from anywhere)."""

from __future__ import annotations

from django.urls import reverse
from rest_framework.authtoken.models import Token


def test_the_schema_lists_every_endpoint_for_a_signed_in_user(world, client):
    client.force_login(world.viewer)
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    paths = set(response.json()["paths"])
    assert {"/api/plans/", "/api/actions/{id}/", "/api/updates/", "/api/plans/{id}/export.csv"} <= paths


def test_the_schema_needs_sign_in(db, client):
    assert client.get(reverse("api:schema")).status_code in (401, 403)


def test_the_docs_page_lists_the_endpoints_and_filters_without_any_script_of_its_own(world, client):
    client.force_login(world.viewer)
    response = client.get(reverse("api:docs"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "/api/actions/{id}/" in html and "updated__gte" in html and "409" in html
    # Only the site's own static scripts: no CDN, no inline script body.
    for script in html.split("<script")[1:]:
        tag, _, rest = script.partition(">")
        assert 'src="/static/' in tag
        assert rest.startswith("</script>")


def test_the_docs_page_sends_signed_out_people_to_sign_in(db, client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_user_creates_a_token_shown_once_and_a_new_one_replaces_it(world, client):
    client.force_login(world.contributor)
    first = client.post(reverse("api:token"))
    key = Token.objects.get(user=world.contributor).key
    assert key in first.content.decode()
    assert first["Cache-Control"] == "no-store"
    client.post(reverse("api:token"))
    assert Token.objects.get(user=world.contributor).key != key


def test_a_token_cannot_be_fetched_with_get(world, client):
    client.force_login(world.contributor)
    assert client.get(reverse("api:token")).status_code == 405


def test_a_password_change_or_revoking_ends_the_api_token(client, world):
    """QA round 7: a token kept working after its owner changed their password (a laptop lost), and
    could only be replaced, not revoked."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    token = Token.objects.create(user=world.viewer)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/plans/").status_code == 200
    world.viewer.set_password("a-new-long-password-2026")
    world.viewer.save()
    assert api.get("/api/plans/").status_code == 401
    assert not Token.objects.filter(user=world.viewer).exists()

    again = Token.objects.create(user=world.viewer)
    client.force_login(world.viewer)
    assert "Revoke my API token" in client.get("/api/docs/").content.decode()
    response = client.post("/api/token/revoke/", follow=True)
    assert "Your API token is revoked" in response.content.decode()
    assert not Token.objects.filter(pk=again.pk).exists()
    world.viewer.first_name = "Renamed"
    world.viewer.save()  # a save without a new password leaves a token alone
