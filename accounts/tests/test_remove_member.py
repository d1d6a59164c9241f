"""Removing a member from the partnership (their login stays)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from plans.models import Membership, Role, historical_model

User = get_user_model()


@pytest.fixture
def admin(client, world):
    client.force_login(world.admin)
    return client


def remove_url(user):
    return reverse("accounts:remove_member", args=[Membership.objects.get(user=user).pk])


def test_a_partnership_admin_removes_a_viewer_after_a_confirmation_page(admin, world):
    url = remove_url(world.viewer)
    assert "Remove the member" in admin.get(url).content.decode()

    response = admin.post(url)

    assert response.status_code == 302
    assert not Membership.objects.filter(user=world.viewer).exists()
    assert User.objects.filter(username="viewer").exists()
    removed = historical_model(Membership).objects.get(user_id=world.viewer.pk, history_type="-")
    assert removed.history_user == world.admin


def test_an_admin_cannot_remove_the_last_admin(admin, world):
    url = remove_url(world.admin)

    page = admin.get(url).content.decode()
    response = admin.post(url)

    assert "This is the partnership&#x27;s last admin" in page
    assert "Remove the member" not in page
    assert response.status_code == 200
    assert 'class="govuk-error-summary"' in response.content.decode()
    assert Membership.objects.get(user=world.admin).role == Role.ADMIN


def test_an_admin_who_cannot_sign_in_does_not_count_as_the_other_admin(admin, world):
    Membership.objects.filter(user=world.manager).update(role=Role.ADMIN)
    User.objects.filter(pk=world.manager.pk).update(is_active=False)

    admin.post(remove_url(world.admin))

    assert Membership.objects.filter(user=world.admin).exists()


def test_an_admin_removes_themselves_when_another_admin_remains_and_goes_home(admin, world):
    Membership.objects.filter(user=world.manager).update(role=Role.ADMIN)

    response = admin.post(remove_url(world.admin))

    assert response["Location"] == reverse("home")
    assert not Membership.objects.filter(user=world.admin).exists()


def test_another_partnerships_member_cannot_be_removed(admin, world):
    url = remove_url(world.outsider)

    assert admin.get(url).status_code == 404
    assert admin.post(url).status_code == 404
    assert Membership.objects.filter(user=world.outsider).exists()


def test_removing_a_member_unlinks_the_people_linked_to_their_login(admin, world):
    from plans.tests import factories

    person = factories.PersonFactory(partnership=world.partnership, name="Kate Quinn", user=world.viewer)
    admin.post(remove_url(world.viewer))
    person.refresh_from_db()
    assert person.user is None
    assert person.history.first().user_id is None  # the unlinking is in the history


def test_the_removal_page_says_which_person_the_login_stands_for_and_that_the_link_goes(admin, world):
    """QA round 6: removing a member silently unlinked their named person; their actions left My
    actions and nothing said so."""
    from plans.tests import factories

    naomi = factories.PersonFactory(
        partnership=world.partnership, agency=world.police, name="Naomi Ellis", user=world.contributor
    )
    world.police_action.owners.add(naomi)
    page = admin.get(remove_url(world.contributor)).content.decode()
    assert "The login stands for Naomi Ellis" in page and "(named on 1 action)" in page
    assert "unlinked from it" in page
    admin.post(remove_url(world.contributor))
    naomi.refresh_from_db()
    assert naomi.user is None
