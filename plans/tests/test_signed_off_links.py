"""The plan page offers "Change" only where the user may change: signed-off areas are for admins."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse

from plans import models
from plans.rules import locked_sections
from plans.tests import factories


def sign_off(section: models.Section) -> None:
    section.signed_off_on = dt.date(2024, 1, 1)
    section.save()


def change_links(client, world) -> set[str]:
    page = client.get(reverse("plans:plan", args=[world.plan.pk])).content.decode()
    return set(re.findall(r'href="(/[^"]*/(?:edit|change)[^"]*)"', page))


def test_a_section_inside_a_signed_off_one_is_locked_and_its_sibling_is_not(world):
    top = factories.SectionFactory(plan=world.plan, ref="7")
    inner = factories.SectionFactory(plan=world.plan, ref="7.1", parent=top)
    deeper = factories.SectionFactory(plan=world.plan, ref="7.1.1", parent=inner)
    sibling = factories.SectionFactory(plan=world.plan, ref="8")
    sign_off(top)

    locked = locked_sections([top, inner, deeper, sibling])

    assert locked == {top.pk, inner.pk, deeper.pk}
    for section in (top, inner, deeper, sibling):  # the same answer as the rule itself
        assert (section.pk in locked) == rules_say_locked(section)


def rules_say_locked(section: models.Section) -> bool:
    from plans import rules

    return rules.section_is_locked(models.Section.objects.get(pk=section.pk))


def test_a_manager_is_not_offered_changes_to_a_signed_off_section_or_its_actions(client, world):
    section = world.police_action.section
    open_action = factories.ActionFactory(plan=world.plan, ref="9.1")
    sign_off(section)
    client.force_login(world.manager)

    links = change_links(client, world)

    assert reverse("plans:edit_section", args=[section.pk]) not in links
    assert reverse("plans:edit_action", args=[world.police_action.pk]) not in links
    assert reverse("plans:edit_section", args=[open_action.section.pk]) in links
    assert reverse("plans:edit_action", args=[open_action.pk]) in links
    # what is not offered is indeed refused
    assert client.get(reverse("plans:edit_action", args=[world.police_action.pk])).status_code == 403
    assert client.get(reverse("plans:edit_section", args=[section.pk])).status_code == 403


def test_an_admin_is_offered_changes_to_a_signed_off_section_and_its_actions(client, world):
    section = world.police_action.section
    sign_off(section)
    client.force_login(world.admin)

    links = change_links(client, world)

    assert reverse("plans:edit_section", args=[section.pk]) in links
    assert reverse("plans:edit_action", args=[world.police_action.pk]) in links


def test_every_row_keeps_its_change_column_when_one_action_is_locked(client, world):
    factories.ActionFactory(plan=world.plan, ref="9.1")
    sign_off(world.police_action.section)
    client.force_login(world.manager)

    page = client.get(reverse("plans:plan", args=[world.plan.pk])).content.decode()
    table = page.split('id="actions-table"')[1].split("</table>")[0]
    rows = re.findall(r'<tr class="govuk-table__row" data-action.*?</tr>', table, re.S)

    assert rows and {row.count("<td") for row in rows} == {7}


def test_the_plan_as_at_a_date_before_a_sign_off_does_not_show_the_area_signed_off(client, world):
    from plans.models import Action, Section, historical_model

    section = world.police_action.section
    # the plan written in October (its history says so), signed off in November
    written = dt.datetime(2026, 10, 1, 12, tzinfo=dt.UTC)
    historical_model(Section).objects.filter(id=section.pk).update(history_date=written)
    historical_model(Action).objects.filter(plan_id=world.plan.pk).update(history_date=written)
    Action.objects.filter(plan=world.plan).update(created=written)
    section.signed_off_on = dt.date(2026, 11, 19)
    section.monitored_through = "Quarterly ED audit"
    section.save()
    client.force_login(world.manager)
    url = reverse("plans:plan", args=[world.plan.pk])

    before = client.get(url, {"as_at": "1/11/2026"}).content.decode()
    after = client.get(url, {"as_at": "30/11/2026"}).content.decode()

    assert "Quarterly ED audit" not in before and "Signed off</strong>" not in before
    assert "monitored through Quarterly ED audit (19 November 2026)" in after
