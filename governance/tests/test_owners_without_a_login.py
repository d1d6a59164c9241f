"""Owners who cannot sign in to update (no login, or a login that is not a member of the plan's
partnership) are asked to send their update to a named plan manager, with no links they cannot
open, and the round page says so instead of listing them as "Not updated" (QA round 9)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from governance.rounds import open_round, round_progress, send_due_emails
from plans.tests import factories

OPENED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
DEADLINE = dt.date(2026, 3, 13)
REMINDER_DAY = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def owners(world):
    """World plus: a nurse with no login owning 1.4 (amber, due 31 March 2027), and the police
    contributor (a member, owning 1.1 through the police). The round's opener is a named manager."""
    world.manager.first_name, world.manager.last_name = "Mina", "Patel"
    world.manager.email = "mina.patel@council.example"
    world.manager.save()
    world.contributor.email = "lead@police.example"
    world.contributor.save()
    world.nurse = factories.PersonFactory(
        partnership=world.partnership, name="Designated Nurse", email="nurse@nhs.example"
    )
    world.nurse_action = factories.ActionFactory(
        plan=world.plan,
        ref="1.4",
        text="Audit the health referrals",
        due_text="",
        due_date=dt.date(2027, 3, 31),
    )
    world.nurse_action.owners.add(world.nurse)
    with time_machine.travel(OPENED - dt.timedelta(days=20), tick=False):
        factories.ProgressUpdateFactory(action=world.nurse_action, date=dt.date(2026, 2, 10))
    return world


def open_and_send(world):
    with time_machine.travel(OPENED, tick=False):
        round_ = open_round(world.plan, world.manager, DEADLINE, reminder_days_before=3)
    with time_machine.travel(OPENED + dt.timedelta(hours=1), tick=False):
        send_due_emails()
    return round_


def email_to(address: str):
    return next(m for m in mail.outbox if m.to == [address])


def test_an_owner_without_a_login_is_emailed_their_actions_and_whom_to_send_the_update_to_with_no_links(
    owners,
):
    open_and_send(owners)
    nurse = email_to("nurse@nhs.example")
    assert "- 1.4 Audit the health referrals" in nurse.body
    assert "Status now: Amber" in nurse.body and "due 31 March 2027" in nurse.body
    assert "send your update by email to Mina Patel (mina.patel@council.example)" in nurse.body
    assert "http" not in nurse.body and "record a progress update" not in nurse.body.lower()
    # replying reaches the manager, not the service's own address
    assert nurse.reply_to == ["mina.patel@council.example"]


def test_an_owner_with_a_login_is_still_asked_to_record_the_update_through_links(owners):
    open_and_send(owners)
    police = email_to("lead@police.example")
    assert "Please record a progress update" in police.body
    assert (
        f"/actions/{owners.police_action.pk}/" in police.body
        and "send your update by email" not in police.body
    )


def test_the_reminder_to_an_owner_without_a_login_is_worded_for_them_too(owners):
    open_and_send(owners)
    mail.outbox.clear()
    with time_machine.travel(REMINDER_DAY, tick=False):
        send_due_emails()
    nurse = email_to("nurse@nhs.example")
    assert nurse.subject.startswith("Reminder")
    assert "Mina Patel (mina.patel@council.example)" in nurse.body and "http" not in nurse.body


@pytest.mark.parametrize("login", ["outsider", "viewer"])
def test_a_person_whose_login_cannot_update_this_plan_is_asked_like_an_owner_without_a_login(owners, login):
    """A member of another partnership only, or a viewer: neither can record the update."""
    owners.nurse.user = getattr(owners, login)
    owners.nurse.save()
    round_ = open_and_send(owners)
    assert [a.ref for a in round_.requests.get(name="Designated Nurse").actions.all()] == ["1.4"]
    assert "send your update by email to Mina Patel" in email_to("nurse@nhs.example").body
    assert {p.request.name: p.in_oversight for p in round_progress(round_)} == {
        "contributor": True,
        "Designated Nurse": False,
    }


def test_the_round_page_says_who_updates_in_oversight_and_who_was_asked_to_send_their_update(owners, client):
    round_ = open_and_send(owners)
    client.force_login(owners.viewer)
    with time_machine.travel(OPENED + dt.timedelta(hours=2), tick=False):
        page = client.get(round_.get_absolute_url()).content.decode()
    assert (
        "0 updated, 1 not updated, 1 with no login to update: not recorded yet "
        "(asked to send their update by email to Mina Patel)" in page
    )
    nurse_row = page[page.index("Designated Nurse") :].split("</tr>")[0]
    assert "No login to update this plan" in nurse_row and "Not updated" not in nurse_row
    assert "(not recorded yet)" in nurse_row and "(not updated)" not in nurse_row  # each action too
    assert (
        "Not recorded yet" in nurse_row
        and "Asked 2 Mar 2026 to send their update by email to Mina Patel" in nurse_row
    )
    police_row = page[page.index('<td class="govuk-table__cell">contributor') :].split("</tr>")[0]
    assert "Updates in Oversight" in police_row and "Not updated" in police_row


def test_once_the_manager_records_the_emailed_update_the_owner_counts_as_updated(owners, client):
    round_ = open_and_send(owners)
    with time_machine.travel(OPENED + dt.timedelta(days=2), tick=False):
        factories.ProgressUpdateFactory(action=owners.nurse_action, author=owners.manager)
        client.force_login(owners.viewer)
        page = client.get(round_.get_absolute_url()).content.decode()
    assert "1 updated, 1 not updated" in page and "with no login to update" not in page


def test_when_the_opener_has_left_the_update_goes_to_another_plan_manager(owners):
    other = factories.UserFactory(
        username="other-manager", first_name="Sam", last_name="Okafor", email="sam.okafor@council.example"
    )
    factories.MembershipFactory(user=other, partnership=owners.partnership, role="manager")
    with time_machine.travel(OPENED, tick=False):
        open_round(owners.plan, owners.manager, DEADLINE)
    owners.manager.is_active = False
    owners.manager.save()
    with time_machine.travel(OPENED + dt.timedelta(hours=1), tick=False):
        send_due_emails()
    nurse = email_to("nurse@nhs.example")
    assert "Sam Okafor (sam.okafor@council.example)" in nurse.body and "Mina Patel" not in nurse.body


def test_opening_a_round_says_how_many_owners_were_asked_to_send_their_update_by_email(owners, client):
    client.force_login(owners.manager)
    with time_machine.travel(OPENED, tick=False):
        response = client.post(
            reverse("governance:open_round", args=[owners.plan.pk]),
            {"deadline": "2026-03-13", "reminder_days_before": "3", "meeting": ""},
            follow=True,
        )
    assert (
        "1 of them has no login to update the plan: asked to send their update by email to Mina Patel."
        in response.content.decode()
    )
