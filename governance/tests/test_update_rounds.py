"""Update rounds: one request per owner with exactly their actions, who has updated, the emails."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from governance.models import UpdateRequest
from governance.rounds import open_requests_for, open_round, round_progress, send_due_emails
from plans.models import ProgressUpdate
from plans.tests import factories

OPENED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)  # a Monday
DEADLINE = dt.date(2026, 3, 13)


@pytest.fixture
def setting(world):
    """World plus: a person with a login owning the council action, and one without a login."""
    head = factories.PersonFactory(
        partnership=world.partnership,
        agency=world.council,
        name="Head of Service",
        email="head@council.example",
    )
    head_user = factories.UserFactory(username="head", email="head@council.example")
    factories.MembershipFactory(user=head_user, partnership=world.partnership, role="contributor")
    head.user = head_user
    head.save()
    world.council_action.owners.add(head)
    nurse = factories.PersonFactory(
        partnership=world.partnership,
        agency=world.council,
        name="Designated Nurse",
        email="nurse@nhs.example",
    )
    done_action = factories.ActionFactory(plan=world.plan, ref="1.3", lead_agency=world.police)
    factories.ProgressUpdateFactory(action=done_action, status=factories.status(world.plan, "complete"))
    nurse_action = factories.ActionFactory(plan=world.plan, ref="1.4")
    nurse_action.owners.add(nurse)
    world.contributor.email = "lead@police.example"
    world.contributor.save()
    world.head_user, world.nurse, world.done_action, world.nurse_action = (
        head_user,
        nurse,
        done_action,
        nurse_action,
    )
    return world


def open_test_round(world):
    with time_machine.travel(OPENED, tick=False):
        return open_round(world.plan, world.manager, DEADLINE, reminder_days_before=3)


def test_each_owner_gets_one_request_listing_exactly_their_open_actions(setting):
    round_ = open_test_round(setting)
    asked = {r.name: {a.ref for a in r.actions.all()} for r in round_.requests.all()}
    # The police contributor owns 1.1 through the police agency; 1.3 is done so is not asked.
    assert asked == {"contributor": {"1.1"}, "head": {"1.2"}, "Designated Nurse": {"1.4"}}


def test_viewers_and_other_partnerships_are_never_asked(setting):
    round_ = open_test_round(setting)
    users = set(round_.requests.exclude(user=None).values_list("user__username", flat=True))
    assert "viewer" not in users and "outsider" not in users


def test_the_request_email_goes_once_per_owner_and_a_second_run_sends_nothing(setting):
    open_test_round(setting)
    with time_machine.travel(OPENED + dt.timedelta(hours=1), tick=False):
        call_command("send_reminders", stdout=io.StringIO())
        assert sorted(m.to[0] for m in mail.outbox) == [
            "head@council.example",
            "lead@police.example",
            "nurse@nhs.example",
        ]
        police = next(m for m in mail.outbox if m.to == ["lead@police.example"])
        assert "1.1" in police.body and "1.2" not in police.body and "1.3" not in police.body
        call_command("send_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 3


def test_a_reminder_goes_n_days_before_the_deadline_only_to_owners_still_missing(setting):
    round_ = open_test_round(setting)
    with time_machine.travel(OPENED + dt.timedelta(hours=1), tick=False):
        send_due_emails()
    mail.outbox.clear()
    with time_machine.travel(dt.datetime(2026, 3, 5, 12, 0, tzinfo=dt.UTC), tick=False):
        factories.ProgressUpdateFactory(action=setting.police_action, date=dt.date(2026, 3, 5))
        assert send_due_emails().reminders == 0  # the 9th is three days before the 13th
    with time_machine.travel(dt.datetime(2026, 3, 10, 8, 0, tzinfo=dt.UTC), tick=False):
        sent = send_due_emails()
        again = send_due_emails()
    assert sent.reminders == 2 and again.reminders == 0 and again.requests == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["head@council.example", "nurse@nhs.example"]
    assert all(m.subject.startswith("Reminder") for m in mail.outbox)
    assert round_.requests.filter(reminded_at__isnull=False).count() == 2


def test_nothing_is_sent_after_the_deadline(setting):
    open_test_round(setting)
    with time_machine.travel(dt.datetime(2026, 3, 14, 9, 0, tzinfo=dt.UTC), tick=False):
        sent = send_due_emails()
    assert (sent.requests, sent.reminders) == (0, 0)
    assert mail.outbox == []


def test_a_failed_send_is_retried_on_the_next_run(setting, monkeypatch):
    open_test_round(setting)
    import governance.rounds as rounds

    def broken(*args, **kwargs):
        raise OSError("SMTP server down")

    monkeypatch.setattr(rounds, "deliver", broken)
    with time_machine.travel(OPENED + dt.timedelta(hours=1), tick=False):
        assert send_due_emails().failed == 3
        monkeypatch.undo()
        assert send_due_emails().requests == 3
    assert UpdateRequest.objects.filter(sent_at__isnull=True).count() == 0


def test_an_update_dated_on_or_after_the_round_opened_counts_and_an_earlier_one_does_not(setting):
    with time_machine.travel(OPENED - dt.timedelta(days=1), tick=False):  # given before the round
        factories.ProgressUpdateFactory(action=setting.police_action, date=dt.date(2026, 3, 1))
    round_ = open_test_round(setting)
    with time_machine.travel(OPENED + dt.timedelta(hours=2), tick=False):
        factories.ProgressUpdateFactory(action=setting.council_action, date=dt.date(2026, 3, 2))
    state = {p.request.name: p.complete for p in round_progress(round_)}
    assert state == {"contributor": False, "head": True, "Designated Nurse": False}


def test_my_actions_shows_the_open_request_with_what_is_still_missing(setting):
    open_test_round(setting)
    with time_machine.travel(dt.datetime(2026, 3, 4, 9, 0, tzinfo=dt.UTC), tick=False):
        items = open_requests_for(setting.contributor)
        request = RequestFactory().get("/my-actions/")
        request.user = setting.contributor
        html = Template("{% load governance %}{% my_update_requests %}").render(Context({"request": request}))
    assert [a.ref for a in items[0].missing] == ["1.1"]
    assert "Progress updates needed by 13 March 2026" in html
    link = reverse("plans:action", args=[setting.police_action.pk])
    assert f'<li><a class="govuk-link" href="{link}">1.1 {setting.police_action.text[:40]}' in html
    assert open_requests_for(setting.viewer) == []
    with time_machine.travel(dt.datetime(2026, 3, 14, 9, 0, tzinfo=dt.UTC), tick=False):
        assert open_requests_for(setting.contributor) == []


def test_open_requests_of_several_rounds_are_read_in_four_queries_each_judged_from_its_own_round(
    setting, django_assert_num_queries
):
    open_test_round(setting)
    # A second plan of the partnership, its round opened a week later, led by the police too.
    other_plan = factories.PlanFactory(partnership=setting.partnership, title="CCE delivery plan")
    other_action = factories.ActionFactory(plan=other_plan, ref="A1", lead_agency=setting.police)
    with time_machine.travel(OPENED + dt.timedelta(days=7), tick=False):
        open_round(other_plan, setting.manager, DEADLINE + dt.timedelta(days=7))
    # Dated and given after the first round opened but before the second: counts for the first only.
    with time_machine.travel(dt.datetime(2026, 3, 4, 12, tzinfo=dt.UTC), tick=False):
        factories.ProgressUpdateFactory(action=setting.police_action, date=dt.date(2026, 3, 3))
        factories.ProgressUpdateFactory(action=other_action, date=dt.date(2026, 3, 4))
    with time_machine.travel(dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC), tick=False):
        setting.contributor.refresh_from_db()
        with django_assert_num_queries(4):  # requests (with rounds and plans), actions, updates, sections
            items = open_requests_for(setting.contributor)
            state = [
                (p.request.round.plan.title, [a.ref for a in p.updated], [a.ref for a in p.missing])
                for p in items
            ]
    assert state == [(setting.plan.title, ["1.1"], []), ("CCE delivery plan", [], ["A1"])]


def test_an_owner_without_an_email_address_is_listed_to_chase_by_hand_and_never_emailed(setting, client):
    setting.nurse.email = ""
    setting.nurse.save()
    round_ = open_test_round(setting)
    with time_machine.travel(OPENED + dt.timedelta(hours=1), tick=False):
        send_due_emails()
        client.force_login(setting.viewer)
        page = client.get(round_.get_absolute_url()).content.decode()
    assert "nurse@nhs.example" not in [m.to[0] for m in mail.outbox] and len(mail.outbox) == 2
    assert "Designated Nurse" in page and "No email address: chase by hand" in page


def test_the_reminder_lists_only_the_actions_still_missing(setting):
    extra = factories.ActionFactory(plan=setting.plan, ref="1.5", lead_agency=setting.police)
    open_test_round(setting)
    with time_machine.travel(OPENED + dt.timedelta(hours=1), tick=False):
        send_due_emails()
    mail.outbox.clear()
    factories.ProgressUpdateFactory(action=extra, date=dt.date(2026, 3, 9))
    with time_machine.travel(dt.datetime(2026, 3, 10, 8, 0, tzinfo=dt.UTC), tick=False):
        send_due_emails()
    police = next(m for m in mail.outbox if m.to == ["lead@police.example"])
    assert "- 1.1 " in police.body and "- 1.5 " not in police.body


def test_the_open_round_form_says_no_meeting_for_its_empty_choice(client, world):
    client.force_login(world.manager)
    page = client.get(reverse("governance:open_round", args=[world.plan.pk])).content.decode()
    assert '<option value="" selected>No meeting</option>' in page and "---------" not in page


def test_the_request_lists_only_actions_not_yet_updated_and_names_those_already_done(setting):
    extra = factories.ActionFactory(plan=setting.plan, ref="1.5", lead_agency=setting.police)
    open_test_round(setting)
    with time_machine.travel(OPENED + dt.timedelta(minutes=30), tick=False):
        factories.ProgressUpdateFactory(action=extra, date=dt.date(2026, 3, 2))
    with time_machine.travel(OPENED + dt.timedelta(hours=1), tick=False):
        send_due_emails()
    police = next(m for m in mail.outbox if m.to == ["lead@police.example"])
    assert "- 1.1 " in police.body and "- 1.5 " not in police.body
    assert "Already updated in this round, thank you: 1.5." in police.body


def test_a_plan_title_with_a_line_break_does_not_stop_the_rounds_emails(setting):
    setting.plan.title = "Child Safeguarding Practice Review\nBcc: someone@example.org"
    setting.plan.save()
    open_test_round(setting)
    with time_machine.travel(OPENED + dt.timedelta(hours=1), tick=False):
        sent = send_due_emails()
    assert sent.failed == 0 and sent.requests == 3
    assert all("\n" not in m.subject for m in mail.outbox)
    assert "Review Bcc" in mail.outbox[0].subject


def test_a_reminder_period_longer_than_the_time_to_the_deadline_is_refused(client, world):
    """Its reminder would be due before the round opens, so it would never be sent."""
    client.force_login(world.manager)
    with time_machine.travel(OPENED, tick=False):
        url = reverse("governance:open_round", args=[world.plan.pk])
        page = client.post(url, {"deadline": "2026-03-09", "reminder_days_before": "30", "meeting": ""})
        accepted = client.post(url, {"deadline": "2026-03-09", "reminder_days_before": "7", "meeting": ""})
    assert page.status_code == 200
    assert "The deadline is 7 days away: enter a number of days from 0 to 7" in page.content.decode()
    assert accepted.status_code == 302


def test_an_update_request_names_the_plans_partnership_in_its_subject_and_body(setting):
    open_test_round(setting)
    with time_machine.travel(OPENED + dt.timedelta(hours=1), tick=False):
        send_due_emails()
    name = setting.plan.partnership.name
    assert f"({name})" in mail.outbox[0].subject and f"({name})" in mail.outbox[0].body


def test_opening_a_round_on_its_page_emails_the_owners_then_and_says_how_many(client, setting):
    """It said '3 owners will be emailed' while nothing went until the reminder job ran."""
    client.force_login(setting.manager)
    with time_machine.travel(OPENED, tick=False):
        url = reverse("governance:open_round", args=[setting.plan.pk])
        response = client.post(
            url, {"deadline": "2026-03-13", "reminder_days_before": "3", "meeting": ""}, follow=True
        )
        again = send_due_emails()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "head@council.example",
        "lead@police.example",
        "nurse@nhs.example",
    ]
    assert "3 owners emailed their actions" in response.content.decode()
    assert again.requests == 0  # nothing sent twice


def test_an_owner_whose_actions_were_all_signed_off_since_is_no_longer_asked_not_counted_as_updated(
    setting, client
):
    # the nurse's only action moves into an area the board then signs off
    area = factories.SectionFactory(plan=setting.plan, ref="9", title="Emergency department")
    setting.nurse_action.section = area
    setting.nurse_action.save()
    round_ = open_test_round(setting)
    area.signed_off_on = dt.date(2026, 3, 5)
    area.save()
    with time_machine.travel(OPENED + dt.timedelta(days=4), tick=False):
        client.force_login(setting.viewer)
        page = client.get(round_.get_absolute_url()).content.decode()
    assert "0 updated, 2 not updated, 1 no longer asked (their areas signed off)" in page
    assert "No longer asked</strong> area signed off" in page


def test_a_person_given_a_login_after_the_round_opened_sees_their_open_request(setting):
    round_ = open_test_round(setting)
    nurse_user = factories.UserFactory(username="nurse")
    factories.MembershipFactory(user=nurse_user, partnership=setting.partnership, role="contributor")
    setting.nurse.user = nurse_user
    setting.nurse.save()
    with time_machine.travel(OPENED + dt.timedelta(days=1), tick=False):
        found = open_requests_for(nurse_user)
    assert [(p.request.round_id, [a.ref for a in p.missing]) for p in found] == [(round_.pk, ["1.4"])]


def test_an_update_given_during_the_round_answers_it_though_the_work_is_dated_before(setting):
    """QA round 6: training on the 1st, reported on the 5th in a round opened on the 2nd, was still
    'not updated' and its owner chased."""
    round_ = open_test_round(setting)
    with time_machine.travel(dt.datetime(2026, 3, 5, 12, 0, tzinfo=dt.UTC), tick=False):
        factories.ProgressUpdateFactory(
            action=setting.police_action, date=OPENED.date() - dt.timedelta(days=1)
        )
    police = next(p for p in round_progress(round_) if setting.police_action in p.actions)
    assert setting.police_action in police.updated and police.complete
    # an update dated before the round and given before it does not answer it
    factories.ProgressUpdateFactory(action=setting.council_action, date=OPENED.date() - dt.timedelta(days=9))
    ProgressUpdate.objects.filter(action=setting.council_action).update(created=OPENED - dt.timedelta(days=9))
    council = next(p for p in round_progress(round_) if setting.council_action in p.actions)
    assert setting.council_action in council.missing
