"""A progress update recorded by mistake (a year slipped, the wrong action) can be withdrawn, with
a reason the action's history keeps; the action's status is then its latest update left."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from plans import models
from plans.tests import factories


def url(update: models.ProgressUpdate) -> str:
    return reverse("plans:withdraw_update", args=[update.pk])


def updates_of(world):
    """An Amber update of 2 March 2026 by the manager, then a Red one by the contributor dated 2001 by
    mistake (the older date does not win) and a Green one dated today-ish by the contributor."""
    action = world.police_action
    amber = factories.ProgressUpdateFactory(
        action=action,
        date=dt.date(2026, 3, 2),
        status=factories.status(world.plan, "amber"),
        author=world.manager,
    )
    slipped = factories.ProgressUpdateFactory(
        action=action,
        date=dt.date(2026, 11, 30),
        status=factories.status(world.plan, "green"),
        author=world.contributor,
        narrative="Audit done (meant for 1.2).",
    )
    action.refresh_status()
    return action, amber, slipped


def test_the_author_withdraws_an_update_with_a_reason_and_the_status_goes_back(client, world):
    action, amber, slipped = updates_of(world)
    assert action.status.key == "green"
    client.force_login(world.contributor)
    page = client.get(action.get_absolute_url()).content.decode()
    assert f'href="{url(slipped)}"' in page and f'href="{url(amber)}"' not in page  # only their own

    refused = client.post(url(slipped), {"reason": ""})
    assert "Enter why the update is withdrawn" in refused.content.decode()
    assert models.ProgressUpdate.objects.filter(pk=slipped.pk).exists()

    response = client.post(url(slipped), {"reason": "Recorded against the wrong action"}, follow=True)

    assert "The update of 30 November 2026 is withdrawn" in response.content.decode()
    assert not models.ProgressUpdate.objects.filter(pk=slipped.pk).exists()
    action.refresh_from_db()
    assert action.status.key == "amber" and action.last_update_on == dt.date(2026, 3, 2)
    entry = next(
        e for e in response.context["history"] if e.what == "Progress update of 30 November 2026 deleted"
    )
    assert "withdrawn: Recorded against the wrong action" in entry.who


def test_a_contributor_cannot_withdraw_another_persons_update_but_a_manager_can(client, world):
    _action, amber, slipped = updates_of(world)
    client.force_login(world.contributor)
    assert client.post(url(amber), {"reason": "Not mine"}).status_code == 403
    client.force_login(world.viewer)
    assert client.post(url(slipped), {"reason": "x"}).status_code == 403
    client.force_login(world.manager)
    assert client.post(url(slipped), {"reason": "Wrong action"}).status_code == 302
    assert not models.ProgressUpdate.objects.filter(pk=slipped.pk).exists()


def test_in_a_signed_off_area_only_an_admin_withdraws_an_update(client, world):
    _action, amber, _slipped = updates_of(world)
    section = world.police_action.section
    section.signed_off_on = dt.date(2026, 12, 1)
    section.save()
    client.force_login(world.manager)
    assert client.get(url(amber)).status_code == 403
    client.force_login(world.admin)
    assert client.post(url(amber), {"reason": "Board asked for it to be removed"}).status_code == 302


def test_another_partnerships_update_is_not_found(client, world):
    other = factories.ProgressUpdateFactory(action=world.other_action)
    client.force_login(world.admin)
    assert client.get(url(other)).status_code == 404


def test_a_withdrawal_sent_again_says_who_withdrew_the_update_and_why(client, world):
    """Back, or a second tab: it ended on 'Page not found'."""
    _action, _amber, slipped = updates_of(world)
    client.force_login(world.contributor)
    client.post(url(slipped), {"reason": "Recorded against the wrong action"})

    again = client.post(url(slipped), {"reason": "Recorded against the wrong action"})

    page = again.content.decode()
    assert again.status_code == 410
    assert (
        "The update of 30 November 2026 was withdrawn" in page and "Recorded against the wrong action" in page
    )
    client.force_login(world.outsider)
    assert client.get(url(slipped)).status_code == 404  # another partnership learns nothing


def test_a_removed_actions_change_and_remove_pages_say_it_was_removed_and_give_back_the_change(client, world):
    from plans.tests.test_edit_action import edit_data

    action, removed_id = world.police_action, world.police_action.pk
    opened = edit_data(world, action, text="A new wording typed meanwhile")
    client.force_login(world.manager)
    client.post(reverse("plans:delete_action", args=[removed_id]))

    change = client.post(reverse("plans:edit_action", args=[removed_id]), opened)
    removal = client.post(reverse("plans:delete_action", args=[removed_id]))
    link = client.get(reverse("plans:add_update", args=[removed_id]))

    assert change.status_code == removal.status_code == link.status_code == 410
    assert "so your change was not saved" in change.content.decode()
    assert "A new wording typed meanwhile" in change.content.decode()
    assert "there is nothing more to remove" in removal.content.decode()
    assert "was not saved" not in link.content.decode()  # nothing was sent yet


def test_an_update_naming_a_child_is_withdrawn_with_its_words_removed_from_the_history(client, world):
    """QA round 7: withdrawn because it gave a child's date of birth and address, the update was still
    shown in full in the action's history to every member."""
    action, _amber, slipped = updates_of(world)
    slipped.narrative = "Child A (DOB 03/04/2012, 14 Acacia Road) went missing again."
    slipped.save()
    models.Evidence.objects.create(update=slipped, title="Child A strategy minutes", link="https://x.org/a")
    client.force_login(world.contributor)

    client.post(url(slipped), {"reason": "Names a child", "remove_words": "on"})

    client.force_login(world.viewer)
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Acacia Road" not in page and "Child A strategy minutes" not in page
    assert models.WORDS_REMOVED in page and "withdrawn: Names a child" in page
    history = models.historical_model(models.ProgressUpdate).objects.filter(id=slipped.pk)
    assert {r.narrative for r in history} == {models.WORDS_REMOVED}
    assert not models.historical_model(models.Evidence).objects.filter(title__contains="Child A").exists()


def test_without_asking_an_updates_words_stay_in_the_history(client, world):
    _action, _amber, slipped = updates_of(world)
    client.force_login(world.contributor)
    client.post(url(slipped), {"reason": "Wrong action"})
    history = models.historical_model(models.ProgressUpdate).objects.filter(id=slipped.pk)
    assert {r.narrative for r in history} == {"Audit done (meant for 1.2)."}


def test_a_plan_manager_removes_the_words_of_an_update_withdrawn_earlier(client, world):
    """QA round 8: withdrawn without ticking the box, a child's details could never be removed (410)."""
    action, _amber, slipped = updates_of(world)
    slipped.narrative = "Child A (DOB 03/04/2012) seen at 14 Acacia Road."
    slipped.save()
    client.force_login(world.contributor)
    client.post(url(slipped), {"reason": "Names a child"})
    assert (
        "Remove its words from the history" not in client.get(url(slipped)).content.decode()
    )  # not a manager

    client.force_login(world.manager)
    page = client.get(url(slipped))
    assert page.status_code == 410 and "Remove its words from the history" in page.content.decode()
    client.post(url(slipped), {"remove_words": "on"})

    history = models.historical_model(models.ProgressUpdate).objects.filter(id=slipped.pk)
    assert {r.narrative for r in history} == {models.WORDS_REMOVED}
    assert "Acacia Road" not in client.get(action.get_absolute_url()).content.decode()
    assert "Remove its words" not in client.get(url(slipped)).content.decode()  # nothing more to remove


def test_two_updates_of_one_day_have_withdraw_links_that_say_which_each_withdraws(client, world):
    """QA round 11 (WCAG 2.4.4): both links read 'Withdraw the update of 7 December 2026'."""
    action = world.police_action
    for words in ("Audit returns slipping; only 40% in.", "All returns in by the afternoon."):
        factories.ProgressUpdateFactory(
            action=action, date=dt.date(2026, 12, 7), author=world.manager, narrative=words
        )
    client.force_login(world.manager)
    page = client.get(reverse("plans:action", args=[action.pk])).content.decode()
    assert (
        'Withdraw<span class="govuk-visually-hidden"> the update of 7 December 2026, '
        "“Audit returns slipping; only 40% in.”" in page
    )
    assert "the update of 7 December 2026, “All returns in by the afternoon.”" in page
