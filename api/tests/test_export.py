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


def test_the_csv_export_imports_back_as_the_same_plan(world, api_as):
    """Read back, it gave 3 actions of 77 and no warning: quoted speech in an update ("...") made
    the CSV reader drop Excel's doubled quotes; the section and latest progress were not read, and
    the due wording took its date on ('13 July 2023 2023-07-13')."""
    from intake.importer.api import import_document

    world.police_action.text = 'Run the "voice of the child" campaign, e.g., in "practice week"'
    world.police_action.save()
    factories.ProgressUpdateFactory(
        action=world.police_action,
        date="2025-02-01",
        narrative='Feedback: "Brought into perspective what we are writing, e.g., case notes" "I\'m going to try"',
        status=factories.status(world.plan, "green"),
    )
    for n in range(3, 12):
        factories.ActionFactory(plan=world.plan, section=world.police_action.section, ref=f"1.{n}")
    body = api_as(world.viewer).get(f"/api/plans/{world.plan.pk}/export.csv").content

    draft = import_document(body, "plan.csv")

    assert [a.ref for a in draft.actions] == [a.ref for a in world.plan.actions.order_by("order", "pk")]
    police = draft.actions[0]
    assert police.text == world.police_action.text
    assert (police.due_text, str(police.due)) == ("October 2030", "2030-10-31")
    assert police.rag == "green" and police.progress.startswith("Feedback:")
    assert [(s.ref, s.title) for s in draft.sections] == [("1", "Front door")]
    assert not draft.warnings


def test_an_action_shared_by_two_agencies_reads_back_from_the_csv_export_as_the_same_two(world, api_as):
    from intake.importer.api import import_document
    from intake.saving import compare_draft

    world.police_action.owner_agencies.set([world.police, world.council])
    body = api_as(world.viewer).get(f"/api/plans/{world.plan.pk}/export.csv").content
    comparison = compare_draft(import_document(body, "plan.csv"), world.partnership, plan=world.plan)
    assert not comparison.new_agencies
    assert not comparison.changed_actions
