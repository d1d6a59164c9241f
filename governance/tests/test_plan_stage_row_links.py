"""The stage row of a plan's governance page lists its Change and Versions links apart, as GOV.UK summary list actions."""

from __future__ import annotations

from django.urls import reverse


def test_a_manager_sees_change_and_versions_as_two_separate_actions_of_the_stage_row(client, world):
    client.force_login(world.manager)
    page = client.get(reverse("governance:plan", args=[world.plan.pk])).content.decode()
    stage_row = page[page.index("Stage</dt>") : page.index("Report date</dt>")]
    assert stage_row.count('<li class="govuk-summary-list__actions-list-item">') == 2
    assert reverse("governance:change_stage", args=[world.plan.pk]) in stage_row


def test_a_viewer_sees_only_the_versions_link(client, world):
    client.force_login(world.viewer)
    page = client.get(reverse("governance:plan", args=[world.plan.pk])).content.decode()
    stage_row = page[page.index("Stage</dt>") : page.index("Report date</dt>")]
    assert stage_row.count('<li class="govuk-summary-list__actions-list-item">') == 1
    assert reverse("governance:change_stage", args=[world.plan.pk]) not in stage_row
