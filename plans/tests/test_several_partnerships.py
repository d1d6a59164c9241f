"""A member of two partnerships is told which partnership a plan or action is in: two plans of one
title, or an action where they are a manager beside one where they are a contributor, read alike."""

from __future__ import annotations

from django.urls import reverse

from plans import models
from plans.tests import factories


def _member_of_both(world) -> object:
    factories.MembershipFactory(
        user=world.contributor, partnership=world.other_plan.partnership, role=models.Role.MANAGER
    )
    return world.contributor


def test_pages_name_the_partnership_for_a_member_of_two(client, world):
    user = _member_of_both(world)
    client.force_login(user)
    east, thurrock = world.partnership.name, world.other_plan.partnership.name

    action_page = client.get(world.police_action.get_absolute_url()).content.decode()
    other_page = client.get(world.other_action.get_absolute_url()).content.decode()
    plan_page = client.get(world.plan.get_absolute_url()).content.decode()
    reports = client.get(reverse("reports:index")).content.decode()

    assert f"JTAI action plan – {east}</span>" in action_page
    assert f"SCR action plan – {thurrock}</span>" in other_page
    assert f" – {east}</span>" in plan_page
    assert f"JTAI action plan – {east}</h2>" in reports and f"SCR action plan – {thurrock}</h2>" in reports


def test_my_actions_names_each_actions_partnership_for_a_member_of_two(client, world):
    user = _member_of_both(world)
    client.force_login(user)
    page = client.get(reverse("plans:my_actions")).content.decode()
    assert f"JTAI action plan · {world.partnership.name}" in page


def test_a_member_of_one_partnership_is_not_told_it_on_every_page(client, world):
    client.force_login(world.contributor)
    action_page = client.get(world.police_action.get_absolute_url()).content.decode()
    my_actions = client.get(reverse("plans:my_actions")).content.decode()
    assert world.partnership.name not in action_page.split("<main")[1].split("</h1>")[0]
    assert f"· {world.partnership.name}" not in my_actions


def test_the_import_page_says_which_partnership_a_new_plan_goes_to(client, world):
    user = _member_of_both(world)  # a contributor in one, a manager in the other
    client.force_login(user)
    page = client.get(reverse("intake:upload")).content.decode()
    assert f"The plan goes to <strong>{world.other_plan.partnership.name}</strong>" in page
