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
