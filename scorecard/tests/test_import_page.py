"""Importing a document's data tables from the web: measures made, reconciliation shown at once."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import SHARED
from scorecard.models import Measure, Value

GOLD_002 = SHARED / "gold" / "002_62e406a63ef751da.json"


def url(world) -> str:
    return reverse("scorecard:import_tables") + f"?partnership={world.partnership.slug}"


def test_a_manager_imports_the_002_tables_and_sees_april_2020_flagged(client, world):
    if not GOLD_002.exists():
        pytest.skip("shared gold files are not here")
    client.force_login(world.manager)
    response = client.post(url(world), {"file": SimpleUploadedFile("002.json", GOLD_002.read_bytes())})
    assert response.status_code == 200
    page = response.content.decode()
    assert "111 values added" in page
    assert "Apr 2020, total: the sources disagree (20 in 002.json: Appendix 3" in page
    assert Measure.objects.filter(partnership=world.partnership).count() == 3


def test_a_file_without_tables_is_refused_with_a_message_and_nothing_saved(client, world):
    client.force_login(world.admin)
    response = client.post(url(world), {"file": SimpleUploadedFile("t.json", b'{"tables": "none"}')})
    assert "holds no list of tables" in response.content.decode()
    assert not Value.objects.exists()


def test_viewers_cannot_import_and_outsiders_get_not_found(client, world):
    client.force_login(world.viewer)
    assert client.get(url(world)).status_code == 403
    client.force_login(world.outsider)
    assert client.get(url(world)).status_code == 404


@pytest.mark.parametrize(
    "content",
    [
        b'[{"title": "Referrals", "rows": [["Month", "Referrals"], ["Jan 2026", "10"]]}]',
        b'{"tables": [{"rows": "notalist"}]}',
        b'[{"rows": null}]',
        b'{"tables": [{"rows": [[{"a": 1}]]}]}',
        b'{"tables": [{"rows": [{"Month": {"nested": 1}}]}]}',
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_json_tables_of_another_shape_are_refused_with_a_message_not_an_error(client, world, content):
    client.force_login(world.manager)
    response = client.post(url(world), {"file": SimpleUploadedFile("t.json", content)})
    assert response.status_code == 200
    page = response.content.decode()
    assert "holds no list of tables" in page or "nested too deeply" in page
    assert not Value.objects.exists()
