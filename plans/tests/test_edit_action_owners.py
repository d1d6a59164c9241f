"""A plan manager shares an action with another agency and names the people who own it, on the
change page (before, only the API could), with the same care for two managers saving at once."""

from __future__ import annotations

from django.urls import reverse

from plans import rules
from plans.models import Action
from plans.tests import factories
from plans.tests.test_edit_action import edit_data


def url(action: Action) -> str:
    return reverse("plans:edit_action", args=[action.pk])


def test_a_manager_shares_an_action_with_another_agency_and_its_lead_can_then_update_it(client, world):
    action = world.council_action
    assert not rules.can_add_update(world.contributor, action)  # police lead, council action
    client.force_login(world.manager)

    response = client.post(
        url(action), edit_data(world, action, lead_agency=world.council.pk, owner_agencies=[world.police.pk])
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert list(action.owner_agencies.all()) == [world.police]
    assert rules.can_add_update(world.contributor, action)
    assert action.history.first().history_user == world.manager
    assert [a.agency_id for a in action.history.first().owner_agencies.all()] == [world.police.pk]


def test_a_manager_names_a_new_owner_and_the_action_is_in_their_my_actions(client, world):
    action = world.council_action
    person = factories.PersonFactory(
        partnership=world.partnership, agency=world.police, user=world.contributor
    )
    client.force_login(world.manager)

    client.post(url(action), edit_data(world, action, lead_agency=world.council.pk, owners=[person.pk]))

    assert list(action.owners.all()) == [person]
    client.force_login(world.contributor)
    assert action.text in client.get(reverse("plans:my_actions")).content.decode()


def test_the_change_page_offers_only_the_partnerships_own_agencies_and_people(client, world):
    outsider_person = factories.PersonFactory(name="Someone Elsewhere")  # another partnership
    mine = factories.PersonFactory(partnership=world.partnership, agency=world.police, name="Jo Bloggs")
    client.force_login(world.manager)
    page = client.get(url(world.police_action)).content.decode()
    assert "Other agencies sharing the action" in page and "Jo Bloggs, Head of Service, Sussex Police" in page
    assert "Someone Elsewhere" not in page

    response = client.post(
        url(world.police_action), edit_data(world, world.police_action, owners=[outsider_person.pk])
    )

    assert response.status_code == 200 and response.context["form"].errors["owners"]
    assert not world.police_action.owners.exists() and mine.pk


def test_unchanged_owners_add_no_history_entry_of_their_own(client, world):
    action = world.police_action
    action.owner_agencies.set([world.council])
    before = action.history.count()
    client.force_login(world.manager)

    client.post(url(action), edit_data(world, action, owner_agencies=[world.council.pk], outcome="Heard"))

    assert action.history.count() == before + 1


def test_owners_changed_meanwhile_are_kept_when_the_other_manager_changed_only_the_wording(client, world):
    action = world.police_action
    opened = edit_data(world, action, outcome="Every child heard")
    client.force_login(world.admin)
    client.post(url(action), edit_data(world, action, owner_agencies=[world.council.pk]))
    client.force_login(world.manager)

    response = client.post(url(action), opened, follow=True)

    action.refresh_from_db()
    assert action.outcome == "Every child heard"
    assert list(action.owner_agencies.all()) == [world.council]
    assert "their change is kept" in response.content.decode()


def test_owners_both_managers_changed_differently_are_put_back_to_decide(client, world):
    action = world.police_action
    person = factories.PersonFactory(partnership=world.partnership, agency=world.police)
    other = factories.PersonFactory(partnership=world.partnership, agency=world.council)
    opened = edit_data(world, action, owners=[person.pk])
    client.force_login(world.admin)
    client.post(url(action), edit_data(world, action, owner_agencies=[world.council.pk], owners=[other.pk]))
    client.force_login(world.manager)

    response = client.post(url(action), opened)

    assert response.context["clashes"] == ["People who own the action"]
    form = response.context["form"]
    assert form.data.getlist("owners") == [str(person.pk)]
    assert form.data.getlist("owner_agencies") == [str(world.council.pk)]
    action.refresh_from_db()
    assert list(action.owners.all()) == [other]


def test_a_save_that_changes_nothing_adds_no_history_and_keeps_the_version(client, world):
    action = world.police_action
    action.owner_agencies.set([world.council])
    before = action.history.count()
    client.force_login(world.manager)
    response = client.post(
        url(action), edit_data(world, action, owner_agencies=[world.council.pk]), follow=True
    )
    action.refresh_from_db()
    assert action.version == 1 and action.history.count() == before
    assert "was not changed" in response.content.decode()


def test_changing_only_the_sharing_agencies_shows_one_history_entry_naming_them(client, world):
    action = world.police_action
    client.force_login(world.manager)
    client.post(url(action), edit_data(world, action, owner_agencies=[world.council.pk]))
    page = client.get(action.get_absolute_url()).content.decode()
    history = page[page.index('id="history"') :] if 'id="history"' in page else page
    assert (
        history.count("<strong>Action changed</strong> by") == 1 and "East Sussex County Council" in history
    )


def test_the_lead_agency_is_not_offered_as_another_agency_and_a_new_lead_replaces_the_old_one(client, world):
    """An import lists the lead among the action's agencies: shown ticked as 'another agency', the
    old lead kept its access when the lead changed."""
    action = world.police_action
    action.owner_agencies.set([world.police])
    client.force_login(world.manager)
    form = client.get(url(action)).context["form"]
    assert form.initial["owner_agencies"] == []

    client.post(url(action), edit_data(world, action, lead_agency=world.council.pk))

    action.refresh_from_db()
    assert action.lead_agency == world.council
    assert list(action.owner_agencies.all()) == [world.council]
    assert not rules.can_add_update(world.contributor, action)  # the police lead no longer
