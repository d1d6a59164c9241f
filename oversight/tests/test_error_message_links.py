"""A field's error message is tied to the field (aria-describedby), as GOV.UK's component asks,
so a screen reader reads it when the field takes focus."""

from __future__ import annotations

import re

from django.urls import reverse


def described_ids(page: str, element_id: str) -> list[str]:
    tag = re.search(rf'<(?:input|textarea|select)[^>]*\bid="{element_id}"[^>]*>', page)
    assert tag, f"no field {element_id}"
    found = re.search(r'aria-describedby="([^"]*)"', tag.group(0))
    return found.group(1).split() if found else []


def test_a_field_with_an_error_is_described_by_its_error_message(client, world):
    client.force_login(world.manager)
    response = client.post(
        reverse("plans:add_update", args=[world.police_action.pk]),
        {"date": "not a date", "narrative": ""},
    )
    page = response.content.decode()

    assert response.status_code == 200 and "govuk-error-summary" in page
    for field in ("id_date", "id_narrative"):
        ids = described_ids(page, field)
        assert f"{field}-error" in ids
        assert re.search(rf'<p id="{field}-error" class="govuk-error-message">', page)
        for other in ids:  # every id it names is on the page
            assert f'id="{other}"' in page


def test_a_field_without_an_error_names_no_error_message(client, world):
    client.force_login(world.manager)
    page = client.get(reverse("plans:add_update", args=[world.police_action.pk])).content.decode()

    assert "id_narrative-error" not in page
    assert "id_date-error" not in page
