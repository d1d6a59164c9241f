"""My actions: the actions linked to the user or their agency, soonest due first."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from plans.models import Action
from plans.tests import factories


def test_a_contributor_sees_their_agencys_and_their_own_actions_soonest_first(client, world):
    person = factories.PersonFactory(
        partnership=world.partnership, agency=world.council, user=world.contributor
    )
    mine = factories.ActionFactory(plan=world.plan, ref="3.1", due_date=dt.date(2029, 1, 31))
    mine.owners.add(person)
    shared = factories.ActionFactory(
        plan=world.plan, ref="3.2", lead_agency=world.council, due_date=dt.date(2028, 5, 1)
    )
    shared.owner_agencies.add(world.police)
    client.force_login(world.contributor)

    response = client.get(reverse("plans:my_actions"))

    assert [row["action"].ref for row in response.context["rows"]] == ["3.2", "3.1", "1.1"]
    assert "1.2" not in [row["action"].ref for row in response.context["rows"]]
    # the other partnership's action is nowhere on the page: not its words, not a link to it (its
    # reference alone, '1a', could be part of any token or asset name on the page)
    page = response.content.decode()
    assert world.other_action.text not in page
    assert reverse("plans:action", args=[world.other_action.pk]) not in page


def test_my_actions_shows_status_overdue_last_update_and_an_add_update_link(client, world):
    action = world.police_action
    action.due_date = timezone.localdate() - dt.timedelta(days=5)
    action.save()
    update = factories.ProgressUpdateFactory(
        action=action, date=dt.date(2024, 3, 1), status=factories.status(world.plan, "red")
    )
    client.force_login(world.contributor)

    response = client.get(reverse("plans:my_actions"))

    html = response.content.decode()
    assert '<strong class="govuk-tag govuk-tag--rag-red">Red</strong>' in html
    assert "Overdue</strong>" in html
    assert f"{update.date:%-d %b %Y}" in html
    assert reverse("plans:add_update", args=[action.pk]) in html
    assert response.context["headline"].overdue == 1


def test_a_user_with_no_agency_or_linked_actions_sees_none(client, world):
    client.force_login(world.viewer)

    response = client.get(reverse("plans:my_actions"))

    assert response.context["rows"] == []
    assert "No actions are linked to you" in response.content.decode()


def test_a_viewer_owning_an_action_gets_no_add_update_link(client, world):
    person = factories.PersonFactory(partnership=world.partnership, user=world.viewer)
    world.council_action.owners.add(person)
    client.force_login(world.viewer)

    html = client.get(reverse("plans:my_actions")).content.decode()

    assert reverse("plans:action", args=[world.council_action.pk]) in html
    assert reverse("plans:add_update", args=[world.council_action.pk]) not in html


def test_my_actions_pages_count_exactly_the_actions_the_headline_counts(client, world, monkeypatch):
    from plans import views

    monkeypatch.setattr(views, "MY_ACTIONS_PAGE_SIZE", 2)
    for n in range(4):
        factories.ActionFactory(plan=world.plan, ref=f"P.{n}", lead_agency=world.police)
    client.force_login(world.contributor)
    first = client.get(reverse("plans:my_actions")).context
    last = client.get(reverse("plans:my_actions") + "?page=99").context
    owned = Action.objects.for_user(world.contributor).owned_by(world.contributor).count()
    assert first["headline"].total == first["page"].paginator.count == owned
    assert len(last["page"].object_list) == owned - 2 * (first["page"].paginator.num_pages - 1)


def test_an_action_of_an_area_the_board_has_signed_off_gets_no_add_update_link(client, world):
    # the area signed off is the one the action's section sits in
    inner = factories.SectionFactory(plan=world.plan, parent=world.police_action.section, ref="1.A")
    world.police_action.section = inner
    world.police_action.save()
    area = inner.parent
    area.signed_off_on = dt.date(2025, 3, 4)
    area.save()
    client.force_login(world.contributor)

    html = client.get(reverse("plans:my_actions")).content.decode()

    assert reverse("plans:action", args=[world.police_action.pk]) in html
    assert reverse("plans:add_update", args=[world.police_action.pk]) not in html


def test_actions_of_a_plan_the_board_has_closed_are_not_listed_and_the_page_says_how_many(client, world):
    """QA round 10: a closed plan's actions were listed overdue with 'Add update' links, while the
    home page left the plan out."""
    from plans.models import PlanStage

    closed = factories.PlanFactory(partnership=world.partnership, stage=PlanStage.CLOSED)
    factories.ActionFactory(plan=closed, ref="9.1", lead_agency=world.police, due_date=dt.date(2020, 1, 31))
    client.force_login(world.contributor)

    response = client.get(reverse("plans:my_actions"))

    assert "9.1" not in [row["action"].ref for row in response.context["rows"]]
    assert response.context["headline"].total == len(response.context["rows"])  # nor counted
    assert "1 action of plans the board has closed is not listed." in response.content.decode()
