"""A plan exported as CSV or JSON: one row per action, the plan's own partnership only."""

from __future__ import annotations

import csv
import io

from plans.tests import factories


def test_csv_export_has_one_row_per_action_with_section_owner_agency_due_status_and_latest_progress(
    world, api_as
):
    factories.ProgressUpdateFactory(action=world.police_action, date="2025-01-01", narrative="Older")
    factories.ProgressUpdateFactory(
        action=world.police_action,
        date="2025-02-01",
        narrative="Newest",
        status=factories.status(world.plan, "green"),
    )
    response = api_as(world.viewer).get(f"/api/plans/{world.plan.pk}/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["Ref"] for r in rows] == ["1.1", "1.2"]
    police = rows[0]
    assert police["Section"] == "1 Front door"
    assert police["Agency"] == "Sussex Police"
    assert police["Due (as written)"] == "October 2030"
    assert police["Due date"] == "2030-10-31"
    assert police["Status"] == "Green"
    assert police["Latest progress"] == "Newest"


def test_json_export_has_the_same_rows(world, api_as):
    response = api_as(world.viewer).get(f"/api/plans/{world.plan.pk}/export.json")
    rows = response.json()
    assert [r["ref"] for r in rows] == ["1.1", "1.2"]
    assert rows[0]["agency"] == "Sussex Police"


def test_csv_export_neutralises_spreadsheet_formulas(world, api_as):
    world.police_action.text = '=HYPERLINK("http://evil")'
    world.police_action.save()
    response = api_as(world.viewer).get(f"/api/plans/{world.plan.pk}/export.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0]["Action"].startswith("'=")


def test_export_needs_sign_in(world, client):
    assert client.get(f"/api/plans/{world.plan.pk}/export.csv").status_code in (401, 403)
