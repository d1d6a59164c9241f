"""An action deleted later still stood in the plan before: "as at" a date before its deletion
shows it, with the status of its updates then (its updates went with it, so they come from
their history); the plan page shows it without a link (its page is gone)."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse

from plans import figures
from plans.models import Action
from plans.tests import factories
from plans.tests.factories import status


def at(day: dt.date) -> time_machine.travel:
    return time_machine.travel(dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC), tick=False)


def deleted_in_june(world) -> Action:
    """An action written in January, red in February, moved to March 2024, deleted in June."""
    with at(dt.date(2024, 1, 10)):
        gone = factories.ActionFactory(
            plan=world.plan,
            ref="7.1",
            text="Audit strategy meetings",
            due_text="April 2024",
            due_date=dt.date(2024, 4, 30),
        )
    with at(dt.date(2024, 2, 10)):
        factories.ProgressUpdateFactory(
            action=gone, date=dt.date(2024, 2, 10), status=status(world.plan, "red"), narrative="Not started."
        )
    with at(dt.date(2024, 3, 5)):
        gone.refresh_from_db()
        gone.due_date, gone.due_text = dt.date(2024, 5, 31), "May 2024"
        gone.save()
    with at(dt.date(2024, 6, 20)):
        Action.objects.get(pk=gone.pk).delete()  # `gone` keeps its id
    return gone


def test_an_action_deleted_after_the_as_at_date_is_shown_as_it_stood_then_with_its_status(world):
    gone = deleted_in_june(world)
    actions = Action.objects.filter(plan=world.plan)

    then = {a.action_id: a for a in figures.actions_as_at(actions, dt.date(2024, 3, 31))}

    item = then[gone.pk]
    assert (item.ref, item.due_text, item.due_date) == ("7.1", "May 2024", dt.date(2024, 5, 31))
    assert item.status.key == "red" and item.latest_update.narrative == "Not started."
    assert item.deleted_later
    assert figures.status_counts_as_at(then.values())["red"] == 1
    assert gone.pk not in {a.action_id for a in figures.actions_as_at(actions, dt.date(2024, 6, 20))}


def test_a_plan_whose_actions_were_all_deleted_since_shows_them_as_at_a_date_before(world):
    plan = factories.PlanFactory(partnership=world.partnership)
    with at(dt.date(2024, 1, 10)):
        gone = factories.ActionFactory(plan=plan, ref="1.1")
    with at(dt.date(2024, 2, 10)):
        gone.delete()

    items = figures.actions_as_at(Action.objects.filter(plan=plan), dt.date(2024, 1, 31), plans=[plan.pk])

    assert [a.ref for a in items] == ["1.1"]


def test_as_at_with_an_action_deleted_since_still_takes_a_fixed_number_of_queries(
    world, django_assert_max_num_queries
):
    deleted_in_june(world)
    for n in range(10):
        with at(dt.date(2024, 1, 12)):
            factories.ActionFactory(plan=world.plan, ref=f"8.{n}").delete()
    with django_assert_max_num_queries(4):
        items = figures.actions_as_at(
            Action.objects.filter(plan=world.plan), dt.date(2024, 3, 31), plans=[world.plan.pk]
        )
    assert {a.ref for a in items} >= {"7.1"}


def test_the_plan_page_as_at_a_date_shows_an_action_deleted_since_without_a_link_to_its_gone_page(
    client, world
):
    gone = deleted_in_june(world)
    client.force_login(world.viewer)
    url = reverse("plans:plan", args=[world.plan.pk])

    response = client.get(url, {"as_at": "2024-03-31"})

    row = next(r for r in response.context["page"].object_list if r.pk == gone.pk)
    assert row.status.key == "red" and row.due_date == dt.date(2024, 5, 31) and row.deleted_later
    html = response.content.decode()
    assert "Deleted since" in html
    assert reverse("plans:action", args=[gone.pk]) not in html
    # Searched for by its words then, it is found; by other words, not.
    assert [r.ref for r in client.get(url, {"as_at": "2024-03-31", "q": "strategy"}).context["page"]] == [
        "7.1"
    ]
    assert gone.pk not in [r.pk for r in client.get(url, {"as_at": "2024-03-31", "q": "zzz"}).context["page"]]
    # Today it is gone.
    assert gone.pk not in [r.pk for r in client.get(url).context["page"].object_list]


def test_the_plan_page_as_at_a_date_finds_an_action_deleted_since_by_the_owner_and_agency_it_had(
    client, world
):
    """Filtered by a person or an agency, an action removed later is found by who owned it then."""
    owner = factories.PersonFactory(partnership=world.partnership, agency=world.council, name="Jo Bloggs")
    other = factories.PersonFactory(partnership=world.partnership, agency=world.police, name="Sam Other")
    with at(dt.date(2024, 1, 10)):
        gone = factories.ActionFactory(plan=world.plan, ref="7.1", lead_agency=world.police)
        gone.owners.set([owner])
        gone.owner_agencies.set([world.council])
    with at(dt.date(2024, 6, 20)):
        Action.objects.get(pk=gone.pk).delete()
    client.force_login(world.viewer)
    url = reverse("plans:plan", args=[world.plan.pk])

    def refs(**filters: object) -> list[str]:
        return [r.ref for r in client.get(url, {"as_at": "2024-03-31", **filters}).context["page"]]

    assert "7.1" in refs(owner=owner.pk)
    assert "7.1" not in refs(owner=other.pk)
    assert "7.1" in refs(agency=world.council.pk)  # sharing it then
    assert "7.1" in refs(agency=world.police.pk)  # its lead then


def test_searching_the_plan_as_at_a_date_looks_in_the_words_it_shows_as_they_stood_then(client, world):
    """QA round 7: 10.6 renumbered 10.9 since: '10.6' found nothing on a page showing 10.6, and
    '10.9' found it shown as 10.6."""
    with at(dt.date(2024, 1, 10)):
        action = factories.ActionFactory(plan=world.plan, ref="10.6", text="Publish the annual report")
    with at(dt.date(2024, 6, 1)):
        action.refresh_from_db()
        action.ref, action.text = "10.9", "Publish the annual report (renamed)"
        action.save()
    client.force_login(world.manager)
    page = reverse("plans:plan", args=[world.plan.pk])

    def found(words: str) -> bool:
        html = client.get(page, {"as_at": "2024-03-01", "q": words}).content.decode()
        return "Publish the annual report" in html

    assert found("10.6") and not found("10.9") and not found("renamed")
    assert client.get(page, {"q": "10.9"}).content.decode().count("(renamed)") >= 1  # today: the new words
