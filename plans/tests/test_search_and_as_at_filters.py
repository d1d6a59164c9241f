"""The plan page's search and filters: apostrophes either way, and as at a past date the agency
and the owners of that date (QA round 9)."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from plans.models import Action
from plans.search import holds_words, spellings
from plans.tests import factories


def at(day: dt.date) -> time_machine.travel:
    return time_machine.travel(dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC), tick=False)


def listed_refs(client, plan, **query) -> list[str]:
    response = client.get(reverse("plans:plan", args=[plan.pk]), query)
    assert response.status_code == 200
    return [row.ref for row in response.context["page"].object_list]


def test_a_straight_apostrophe_finds_the_curly_one_word_typed_and_the_other_way_round(client, world):
    curly = factories.ActionFactory(plan=world.plan, ref="5.1", text="Audit the child’s plan quality")
    straight = factories.ActionFactory(plan=world.plan, ref="5.2", text="Hear the children's voice")
    client.force_login(world.manager)

    assert listed_refs(client, world.plan, q="child's plan") == [curly.ref]
    assert listed_refs(client, world.plan, q="children’s voice") == [straight.ref]
    api = APIClient()
    api.force_authenticate(world.viewer)
    found = api.get("/api/actions/", {"search": "child's plan"}).json()["results"]
    assert [a["ref"] for a in found] == ["5.1"]


def test_the_words_searched_as_at_a_past_date_match_apostrophes_either_way(client, world):
    with at(dt.date(2026, 1, 10)):
        factories.ActionFactory(plan=world.plan, ref="5.1", text="Audit the child’s plan quality")
    client.force_login(world.manager)
    with at(dt.date(2026, 2, 1)):
        assert listed_refs(client, world.plan, q="child's plan", as_at="20/1/2026") == ["5.1"]


def test_spellings_are_the_words_as_typed_then_every_apostrophe_straight_then_curly():
    assert spellings("review") == ["review"]
    assert spellings("child's") == ["child's", "child’s"]
    assert spellings("child’s") == ["child’s", "child's"]
    assert holds_words("CHILD'S", "the child’s plan") and not holds_words("childs", "the child’s plan")


def test_as_at_a_past_date_the_agency_and_owner_filters_use_the_actions_owners_of_that_date(client, world):
    """QA round 9: filtering NCC CSC as at a date left out an action whose row, as at that date,
    read 'Lead: NCC CSC', and filtering its new agency listed it."""
    person = factories.PersonFactory(
        partnership=world.partnership, agency=world.police, name="Gareth Bradshaw"
    )
    with at(dt.date(2026, 1, 10)):
        moved = factories.ActionFactory(plan=world.plan, ref="5.1", lead_agency=world.council)
        moved.owners.add(person)
    with at(dt.date(2026, 3, 1)):
        moved = Action.objects.get(pk=moved.pk)
        moved.lead_agency = world.police
        moved.save()
        moved.owners.remove(person)
    client.force_login(world.manager)
    with at(dt.date(2026, 3, 2)):
        before = {"as_at": "1/2/2026"}
        assert "5.1" in listed_refs(client, world.plan, agency=world.council.pk, **before)
        assert "5.1" not in listed_refs(client, world.plan, agency=world.police.pk, **before)
        assert "5.1" in listed_refs(client, world.plan, owner=person.pk, **before)
        # today, today's agency and owners
        assert "5.1" in listed_refs(client, world.plan, agency=world.police.pk)
        assert "5.1" not in listed_refs(client, world.plan, agency=world.council.pk)
        assert "5.1" not in listed_refs(client, world.plan, owner=person.pk)
