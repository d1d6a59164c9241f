"""Every partnership administration page, every role: admins of the partnership only.

Members of other roles are refused (403) whether they open or post; another partnership's
admin is told the page does not exist (404); someone signed out is sent to sign in.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.tests.helpers import person_in
from plans.models import Membership

ROLES = ["viewer", "contributor", "manager", "admin", "outsider"]


def urls(world) -> list[str]:
    person = person_in(world)
    viewer = Membership.objects.get(user=world.viewer)
    p = world.partnership.pk
    return [
        reverse("accounts:manage", args=[p]),
        reverse("accounts:add_agency", args=[p]),
        reverse("accounts:edit_agency", args=[world.police.pk]),
        reverse("accounts:add_person", args=[p]),
        reverse("accounts:edit_person", args=[person.pk]),
        reverse("accounts:add_member", args=[p]),
        reverse("accounts:add_existing_member", args=[p]),
        reverse("accounts:edit_member", args=[viewer.pk]),
        reverse("accounts:remove_member", args=[viewer.pk]),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_only_the_partnerships_admin_opens_the_administration_pages(client, world, role):
    client.force_login(getattr(world, role))
    expected = {"admin": 200, "outsider": 404}.get(role, 403)

    answers = {url: client.get(url).status_code for url in urls(world)}

    assert answers == dict.fromkeys(answers, expected)


@pytest.mark.parametrize("role", ["viewer", "contributor", "manager", "outsider"])
def test_no_other_role_can_post_to_the_administration_pages(client, world, role):
    client.force_login(getattr(world, role))
    expected = 404 if role == "outsider" else 403
    before = (
        Membership.objects.count(),
        world.partnership.agencies.count(),
        world.partnership.people.count(),
    )

    answers = {url: client.post(url, {"name": "Changed", "role": "admin"}).status_code for url in urls(world)}

    assert answers == dict.fromkeys(answers, expected)
    after = (Membership.objects.count(), world.partnership.agencies.count(), world.partnership.people.count())
    assert after == (before[0], before[1], before[2] + 1)  # the one person urls() made


def test_someone_signed_out_is_sent_to_sign_in(client, world):
    for url in urls(world):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/sign-in/")


def test_a_manager_cannot_open_the_members_page(client, world):
    client.force_login(world.manager)

    response = client.get(reverse("accounts:manage", args=[world.partnership.pk]))

    assert response.status_code == 403
    assert "Only the partnership&#x27;s admins can manage" in response.content.decode()


def test_the_home_page_links_admins_and_only_admins_to_the_management_page(client, world):
    link = reverse("accounts:manage", args=[world.partnership.pk])
    for role in ROLES:
        client.force_login(getattr(world, role))
        html = client.get(reverse("home")).content.decode()
        assert (link in html) == (role == "admin"), role


def test_the_menu_offers_an_admin_of_one_partnership_its_management_page_on_every_page(client, world):
    link = f'href="{reverse("accounts:manage", args=[world.partnership.pk])}"'
    for role in ROLES:
        client.force_login(getattr(world, role))
        html = client.get(reverse("plans:my_actions")).content.decode()
        menu = html.split('id="navigation"')[1].split("</ul>")[0]
        assert (link in menu) == (role == "admin"), role
