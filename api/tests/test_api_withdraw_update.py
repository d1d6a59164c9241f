"""The API withdraws a progress update recorded by mistake as the update's page does: a reason, the
same people, the status going back, and a second sending answered with who withdrew it and why."""

from __future__ import annotations

import datetime as dt

from plans import models
from plans.tests import factories
from plans.tests.test_withdraw_update import updates_of


def url(update: models.ProgressUpdate | int) -> str:
    return f"/api/updates/{getattr(update, 'pk', update)}/withdraw/"


def test_the_author_withdraws_an_update_through_the_api_and_the_status_goes_back(api_as, world):
    action, _amber, slipped = updates_of(world)
    client = api_as(world.contributor)

    refused = client.post(url(slipped), {"reason": "  "}, format="json")
    assert refused.status_code == 400 and refused.json()["reason"] == ["Enter why the update is withdrawn"]
    assert models.ProgressUpdate.objects.filter(pk=slipped.pk).exists()

    response = client.post(url(slipped), {"reason": "Recorded against the wrong action"}, format="json")

    assert response.status_code == 204
    assert not models.ProgressUpdate.objects.filter(pk=slipped.pk).exists()
    action.refresh_from_db()
    assert action.status.key == "amber" and action.last_update_on == dt.date(2026, 3, 2)
    record = models.deletion_record(models.ProgressUpdate, slipped.pk)
    assert record.history_user == world.contributor
    assert record.history_change_reason == f"{models.WITHDRAWN}Recorded against the wrong action"


def test_a_contributor_cannot_withdraw_another_persons_update_through_the_api(api_as, world):
    _action, amber, slipped = updates_of(world)
    refused = api_as(world.contributor).post(url(amber), {"reason": "Not mine"}, format="json")
    assert refused.status_code == 403 and "author or a plan manager" in refused.json()["detail"]
    assert api_as(world.viewer).post(url(slipped), {"reason": "x"}, format="json").status_code == 403
    assert models.ProgressUpdate.objects.filter(pk__in=[amber.pk, slipped.pk]).count() == 2
    assert api_as(world.manager).post(url(amber), {"reason": "Duplicate"}, format="json").status_code == 204


def test_in_a_signed_off_area_only_an_admin_withdraws_an_update_through_the_api(api_as, world):
    _action, amber, _slipped = updates_of(world)
    section = world.police_action.section
    section.signed_off_on = dt.date(2026, 12, 1)
    section.save()
    refused = api_as(world.manager).post(url(amber), {"reason": "Wrong"}, format="json")
    assert refused.status_code == 403 and "signed-off area" in refused.json()["detail"]
    assert api_as(world.admin).post(url(amber), {"reason": "Board asked"}, format="json").status_code == 204


def test_a_withdrawal_sent_again_through_the_api_says_who_and_why(api_as, world):
    _action, _amber, slipped = updates_of(world)
    client = api_as(world.contributor)
    client.post(url(slipped), {"reason": "Recorded against the wrong action"}, format="json")

    again = client.post(url(slipped), {"reason": "Recorded against the wrong action"}, format="json")

    assert again.status_code == 410
    assert again.json()["reason"] == "Recorded against the wrong action"
    assert (
        "withdrawn on" in again.json()["detail"]
        and world.contributor.get_full_name() in again.json()["detail"]
    )
    # another partnership learns nothing, and an id that never was is simply not found
    assert api_as(world.outsider).post(url(slipped), {"reason": "x"}, format="json").status_code == 404
    assert client.post(url(999_999), {"reason": "x"}, format="json").status_code == 404


def test_another_partnerships_update_cannot_be_withdrawn_through_the_api(api_as, world):
    other = factories.ProgressUpdateFactory(action=world.other_action)
    assert api_as(world.admin).post(url(other), {"reason": "x"}, format="json").status_code == 404
    assert models.ProgressUpdate.objects.filter(pk=other.pk).exists()


def test_the_api_removes_a_withdrawn_updates_words_from_the_history_when_asked(api_as, world):
    _action, _amber, slipped = updates_of(world)
    response = api_as(world.contributor).post(
        url(slipped), {"reason": "Names a child", "remove_words": True}, format="json"
    )
    assert response.status_code == 204
    history = models.historical_model(models.ProgressUpdate).objects.filter(id=slipped.pk)
    assert {r.narrative for r in history} == {models.WORDS_REMOVED}
