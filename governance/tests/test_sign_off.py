"""Sign-off: a manager proposes a section as fully addressed; the board's decision is recorded."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from governance import rules
from governance.models import Board, Decision, Meeting, SignOff
from plans.rules import can_add_update, can_edit_action
from plans.tests import factories

TODAY = dt.datetime(2026, 3, 25, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def board_meeting(world):
    board = Board.objects.create(partnership=world.partnership, name="Partnership Executive")
    board.plans.add(world.plan)
    return Meeting.objects.create(board=board, date=dt.date(2026, 3, 20))


def propose(client, world, proposed_on: str = "2026-03-18"):
    """Proposed before the board's meeting of 20 March, recorded afterwards (on 'today')."""
    section = world.police_action.section
    return client.post(
        reverse("governance:propose_sign_off", args=[section.pk]),
        {
            "evidence": "Re-audit in February: 95% of contacts screened within 24 hours.",
            "evidence_links": "https://example.org/reaudit.pdf",
            "monitored_through": "the quarterly front door audit",
            "proposed_on": proposed_on,
        },
    )


def test_a_manager_proposes_a_section_with_its_evidence(client, world):
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        assert propose(client, world).status_code == 302
    sign_off = SignOff.objects.get()
    assert sign_off.decision == Decision.PENDING
    assert sign_off.proposed_by == world.manager and sign_off.proposed_on == dt.date(2026, 3, 18)
    assert sign_off.links == ["https://example.org/reaudit.pdf"]
    world.police_action.section.refresh_from_db()
    assert not world.police_action.section.is_signed_off  # only the board's agreement signs it off


def test_a_proposal_with_a_link_that_is_not_a_link_is_refused(client, world):
    client.force_login(world.manager)
    response = client.post(
        reverse("governance:propose_sign_off", args=[world.police_action.section.pk]),
        {"evidence": "x", "evidence_links": "see the shared drive", "monitored_through": "audit"},
    )
    assert response.status_code == 200 and "is not a link" in response.content.decode()
    assert not SignOff.objects.exists()


def test_when_the_board_agrees_the_section_is_addressed_and_its_actions_are_locked_except_for_admins(
    client, world, board_meeting
):
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        propose(client, world)
        sign_off = SignOff.objects.get()
        response = client.post(
            reverse("governance:record_decision", args=[sign_off.pk]),
            {
                "meeting": board_meeting.pk,
                "decision": "agreed",
                "decided_on": "2026-03-20",
                "minute_ref": "EX/26/14",
                "monitored_through": "the quarterly front door audit",
                "comments": "Agreed; report by exception.",
            },
        )
        assert response.status_code == 302
        page = client.get(reverse("governance:plan", args=[world.plan.pk])).content.decode()
    sign_off.refresh_from_db()
    section = world.police_action.section
    section.refresh_from_db()
    assert sign_off.decision == Decision.AGREED and sign_off.minute_ref == "EX/26/14"
    assert sign_off.recorded_by == world.manager
    assert section.signed_off_on == dt.date(2026, 3, 20)
    assert section.monitored_through == "the quarterly front door audit"
    assert "Addressed</strong> — monitored through the quarterly front door audit" in page
    action = world.police_action
    action.refresh_from_db()
    assert not can_edit_action(world.manager, action) and not can_add_update(world.contributor, action)
    assert can_edit_action(world.admin, action)
    # The history stays: the section's record before sign-off is still there.
    assert section.history.filter(signed_off_on__isnull=True).exists()
    assert section.history.filter(signed_off_on=dt.date(2026, 3, 20)).exists()


def test_when_the_board_does_not_agree_the_section_stays_open(client, world, board_meeting):
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        propose(client, world)
        sign_off = SignOff.objects.get()
        client.post(
            reverse("governance:record_decision", args=[sign_off.pk]),
            {
                "meeting": board_meeting.pk,
                "decision": "not_agreed",
                "decided_on": "2026-03-20",
                "minute_ref": "EX/26/15",
                "monitored_through": "audit",
                "comments": "Needs a second audit.",
            },
        )
    sign_off.refresh_from_db()
    world.police_action.section.refresh_from_db()
    assert sign_off.decision == Decision.NOT_AGREED
    assert not world.police_action.section.is_signed_off
    assert rules.can_propose_sign_off(world.manager, world.police_action.section)


def test_a_decision_dated_before_its_meeting_is_refused(client, world, board_meeting):
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        propose(client, world)
        sign_off = SignOff.objects.get()
        response = client.post(
            reverse("governance:record_decision", args=[sign_off.pk]),
            {
                "meeting": board_meeting.pk,
                "decision": "agreed",
                "decided_on": "2026-03-19",
                "minute_ref": "EX/26/14",
                "monitored_through": "audit",
            },
        )
    assert "cannot be dated before the meeting" in response.content.decode()
    sign_off.refresh_from_db()
    assert sign_off.decision == Decision.PENDING


def test_a_decision_is_recorded_once_and_a_signed_off_section_cannot_be_proposed_again(world):
    section = world.police_action.section
    sign_off = SignOff.objects.create(
        section=section,
        proposed_on=dt.date(2026, 3, 1),
        evidence="e",
        monitored_through="audit",
        decision=Decision.AGREED,
    )
    section.signed_off_on = dt.date(2026, 3, 20)
    section.save()
    assert not rules.can_record_decision(world.manager, sign_off)
    assert not rules.can_propose_sign_off(world.manager, section)
    assert not rules.can_propose_sign_off(world.contributor, world.council_action.section)


def test_a_section_awaiting_the_boards_decision_cannot_be_proposed_a_second_time(client, world):
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        assert propose(client, world).status_code == 302
        section = world.police_action.section
        assert not rules.can_propose_sign_off(world.manager, section)
        # sent again (Back, a second tab, another manager): told it is awaiting the board already
        again = client.post(
            reverse("governance:propose_sign_off", args=[section.pk]),
            {"evidence": "x", "monitored_through": "audit", "proposed_on": "2026-03-18"},
            follow=True,
        )
        assert "is already awaiting the board&#x27;s decision: proposed by" in again.content.decode()
        client.force_login(world.contributor)
        assert client.get(reverse("governance:propose_sign_off", args=[section.pk])).status_code == 403
    assert SignOff.objects.filter(section=section).count() == 1


def test_the_database_holds_one_proposal_awaiting_the_board_per_area(world):
    """QA round 7: three proposals sent at the same moment made three pending ones, and the board was
    then recorded as agreeing and not agreeing the same area."""
    from django.db import IntegrityError, transaction

    section = world.police_action.section
    SignOff.objects.create(
        section=section, proposed_on=dt.date(2026, 3, 18), evidence="x", monitored_through="y"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        SignOff.objects.create(
            section=section, proposed_on=dt.date(2026, 3, 18), evidence="x", monitored_through="y"
        )
    SignOff.objects.filter(section=section).update(decision=Decision.NOT_AGREED)
    SignOff.objects.create(
        section=section, proposed_on=dt.date(2026, 3, 19), evidence="x", monitored_through="y"
    )


def test_a_sub_areas_proposal_is_not_decided_once_the_area_it_sits_in_is_signed_off(
    client, world, board_meeting
):
    parent = world.police_action.section
    child = factories.SectionFactory(plan=world.plan, parent=parent, ref="1.9", title="Sub-area")
    pending = SignOff.objects.create(
        section=child, proposed_on=dt.date(2026, 3, 18), evidence="x", monitored_through="y"
    )
    parent.signed_off_on = dt.date(2026, 3, 20)
    parent.save()
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        response = client.post(
            reverse("governance:record_decision", args=[pending.pk]),
            {"meeting": board_meeting.pk, "decision": "not_agreed", "decided_on": "2026-03-20",
             "minute_ref": "X/1", "monitored_through": "audit"},
            follow=True,
        )  # fmt: skip
    assert "which the board has signed off: that decision covers it" in response.content.decode()
    pending.refresh_from_db()
    assert pending.decision == Decision.PENDING and not rules.can_record_decision(world.manager, pending)


def test_the_decision_page_lists_the_areas_actions_not_yet_complete(client, world, board_meeting):
    """QA round 7: 'Agreed' was recorded for an area still holding red and overdue actions, and the
    decision page said nothing of them."""
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        propose(client, world)
        page = client.get(
            reverse("governance:record_decision", args=[SignOff.objects.get().pk])
        ).content.decode()
    assert 'id="unfinished-actions"' in page and "check the board agreed knowing this" in page
    assert reverse("plans:action", args=[world.police_action.pk]) in page


def test_a_section_the_board_did_not_agree_can_be_proposed_again(client, world, board_meeting):
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        propose(client, world)
        SignOff.objects.update(decision=Decision.NOT_AGREED, meeting=board_meeting)
        assert rules.can_propose_sign_off(world.manager, world.police_action.section)
        assert propose(client, world).status_code == 302


def test_the_decision_form_offers_only_meetings_that_have_taken_place(client, world, board_meeting):
    later = Meeting.objects.create(board=board_meeting.board, date=dt.date(2026, 4, 16))
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        propose(client, world)
        sign_off = SignOff.objects.get()
        page = client.get(reverse("governance:record_decision", args=[sign_off.pk])).content.decode()
        response = client.post(
            reverse("governance:record_decision", args=[sign_off.pk]),
            {"meeting": later.pk, "decision": "agreed", "decided_on": "2026-03-25", "minute_ref": "X/1",
             "monitored_through": "audit"},
        )  # fmt: skip
    assert "20 March 2026" in page and "16 April 2026" not in page
    assert "Choose the meeting" in page and "---------" not in page
    assert response.status_code == 200
    sign_off.refresh_from_db()
    assert sign_off.decision == Decision.PENDING


def test_proposing_an_area_lists_its_actions_not_yet_complete(client, world):
    # the board is about to close the area: what is still open is put in front of the proposer
    from plans.tests import factories

    child = factories.SectionFactory(
        plan=world.plan, parent=world.police_action.section, ref="1a", title="Referrals"
    )
    late = factories.ActionFactory(plan=world.plan, section=child, ref="1a.1", due_date=dt.date(2026, 1, 31))
    factories.ProgressUpdateFactory(
        action=late, status=factories.status(world.plan, "red"), date=dt.date(2026, 2, 1)
    )
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        page = client.get(reverse("governance:propose_sign_off", args=[world.police_action.section.pk]))
    html = page.content.decode()
    assert 'id="unfinished-actions"' in html
    assert "1a.1" in html and "Red, overdue" in html


def test_the_sign_off_table_follows_the_section_tree_and_a_signed_off_area_covers_its_sections(client, world):
    from plans.tests import factories

    parent = factories.SectionFactory(plan=world.plan, ref="A", title="Multi-agency areas", order=0)
    front_door = world.police_action.section
    front_door.parent = parent
    front_door.order = 1
    front_door.save()
    child = factories.SectionFactory(plan=world.plan, parent=front_door, ref="1a", title="Referrals", order=2)
    other = factories.SectionFactory(plan=world.plan, ref="B", title="Health", order=3)
    parent.signed_off_on = dt.date(2026, 3, 20)
    parent.save()
    client.force_login(world.manager)
    page = client.get(reverse("governance:plan", args=[world.plan.pk]))
    rows = [
        (r.section.ref, r.depth, r.covered_by.ref if r.covered_by else None) for r in page.context["sections"]
    ]
    assert rows == [("A", 0, None), (front_door.ref, 1, "A"), ("1a", 2, "A"), ("B", 0, None)]
    html = page.content.decode()
    assert "Covered by the sign-off of A Multi-agency areas" in html
    assert reverse("governance:propose_sign_off", args=[child.pk]) not in html
    assert reverse("governance:propose_sign_off", args=[other.pk]) in html


def test_an_admin_reopens_a_signed_off_area_with_a_reason_and_its_actions_open_again(
    client, world, board_meeting
):
    section = world.police_action.section
    section.signed_off_on = dt.date(2026, 3, 20)
    section.save()
    url = reverse("governance:reopen_sign_off", args=[section.pk])
    client.force_login(world.manager)
    assert client.get(url).status_code == 403
    assert url not in client.get(reverse("governance:plan", args=[world.plan.pk])).content.decode()
    client.force_login(world.admin)
    assert url in client.get(reverse("governance:plan", args=[world.plan.pk])).content.decode()
    refused = client.post(url, {"reason": ""})
    assert "Enter why the area is reopened" in refused.content.decode()
    response = client.post(url, {"reason": "Decision recorded against the wrong area (minute EX/26/14)."})
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.signed_off_on is None
    assert section.history.first().history_change_reason.startswith("Sign-off reopened: Decision recorded")
    assert can_edit_action(world.manager, world.police_action)
    assert can_add_update(world.contributor, world.police_action)


def test_a_decision_cannot_come_before_its_proposal_nor_at_a_meeting_held_before_it(
    client, world, board_meeting
):
    """An area proposed on 25 March was recorded as signed off at the meeting of 20 March."""
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        propose(client, world, proposed_on="")  # today, 25 March
        sign_off = SignOff.objects.get()
        assert sign_off.proposed_on == dt.date(2026, 3, 25)
        page = client.get(reverse("governance:record_decision", args=[sign_off.pk])).content.decode()
        response = client.post(
            reverse("governance:record_decision", args=[sign_off.pk]),
            {"meeting": board_meeting.pk, "decision": "agreed", "decided_on": "2026-03-20", "minute_ref": "X/1",
             "monitored_through": "audit"},
        )  # fmt: skip
    assert (
        f'<option value="{board_meeting.pk}"' not in page
        and "since the area was proposed on 25 March 2026" in page
    )
    errors = response.context["form"].errors
    assert "meeting" in errors and "before the area was proposed (25 March 2026)" in str(errors["decided_on"])
    sign_off.refresh_from_db()
    assert sign_off.decision == Decision.PENDING


def test_a_proposal_cannot_be_dated_in_the_future(client, world):
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        response = propose(client, world, proposed_on="2026-04-01")
    assert "cannot be in the future" in response.content.decode()
    assert not SignOff.objects.exists()


def test_a_signed_off_areas_actions_are_not_flagged_stale_on_the_pages_that_list_them(client, world):
    """The board closed the area: its actions are locked to updates, so no page asks for one."""
    from plans.models import Action

    long_ago = dt.datetime(2025, 1, 6, 12, tzinfo=dt.UTC)
    Action.objects.filter(plan=world.plan).update(created=long_ago)
    pages = [
        reverse("plans:plan", args=[world.plan.pk]),
        reverse("plans:action", args=[world.police_action.pk]),
        reverse("plans:my_actions"),
    ]
    client.force_login(world.contributor)
    with time_machine.travel(TODAY, tick=False):
        assert all(">No update<" in client.get(url).content.decode() for url in pages)
        section = world.police_action.section
        section.signed_off_on = dt.date(2026, 3, 20)
        section.save()
        for url in pages:
            page = client.get(url).content.decode()
            assert ">No update<" not in page, url
            assert world.police_action.text in page or world.police_action.ref in page


def test_the_decision_sent_again_says_it_was_recorded_instead_of_refusing_the_managers_role(
    client, world, board_meeting
):
    """Back, or a second tab, after the decision was saved: 'your role does not allow this' was wrong."""
    client.force_login(world.manager)
    decision = {
        "meeting": board_meeting.pk,
        "decision": "agreed",
        "decided_on": "2026-03-20",
        "minute_ref": "EX/26/14",
        "monitored_through": "audit",
        "comments": "",
    }
    with time_machine.travel(TODAY, tick=False):
        propose(client, world)
        url = reverse("governance:record_decision", args=[SignOff.objects.get().pk])
        client.post(url, decision)
        again = client.post(url, {**decision, "decision": "not_agreed"}, follow=True)
    assert again.status_code == 200
    assert (
        "was already recorded by manager: “Agreed: fully addressed”, decided on 20 March 2026"
        in again.content.decode()
    )
    assert SignOff.objects.get().decision == Decision.AGREED
    client.force_login(world.viewer)
    assert client.post(url, decision).status_code in (403, 404)  # a viewer is still refused


def test_reopening_an_area_open_already_says_so_to_an_admin(client, world):
    section = world.police_action.section
    client.force_login(world.admin)
    response = client.post(
        reverse("governance:reopen_sign_off", args=[section.pk]), {"reason": "x"}, follow=True
    )
    assert response.status_code == 200 and "is open already" in response.content.decode()


def test_a_proposal_cannot_be_dated_before_the_report_the_plan_answers(client, world):
    world.plan.report_date = dt.date(2025, 11, 16)
    world.plan.save()
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        refused = propose(client, world, proposed_on="1/1/2000")
        accepted = propose(client, world, proposed_on="16/11/2025")
    assert "The date proposed must be on or after 16 November 2025" in refused.content.decode()
    assert accepted.status_code == 302 and SignOff.objects.get().proposed_on == dt.date(2025, 11, 16)


def test_an_area_of_a_plan_no_board_oversees_says_a_board_is_needed_to_decide_it(client, world):
    """QA round 6: proposed on a plan with no board, the decision page offered an empty list of
    meetings and nothing said why."""
    client.force_login(world.manager)
    section = world.police_action.section
    page = client.get(reverse("governance:propose_sign_off", args=[section.pk])).content.decode()
    assert "No board oversees this plan yet" in page
    with time_machine.travel(TODAY, tick=False):
        propose(client, world)
        decision = client.get(reverse("governance:record_decision", args=[SignOff.objects.get().pk]))
    assert "No board oversees this plan, so there is no meeting to choose" in decision.content.decode()


def test_the_decision_page_says_no_meeting_has_been_held_since_the_proposal(client, world, board_meeting):
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        propose(client, world, proposed_on="2026-03-22")  # after the meeting of 20 March
        page = client.get(
            reverse("governance:record_decision", args=[SignOff.objects.get().pk])
        ).content.decode()
        proposal_page = client.get(
            reverse("governance:propose_sign_off", args=[world.plan.sections.first().pk])
        )
    assert (
        "No meeting of Partnership Executive has been held since the area was proposed on 22 March 2026"
        in page
    )
    assert "No board oversees" not in proposal_page.content.decode()


def test_my_actions_shows_a_signed_off_areas_overdue_action_as_signed_off_not_overdue(client, world):
    """QA round 7: the contributor's My actions showed it 'Overdue' with no update link and no word
    why."""
    world.police_action.due_date = dt.date(2026, 2, 1)
    world.police_action.save()
    client.force_login(world.contributor)
    with time_machine.travel(TODAY, tick=False):
        before = client.get(reverse("plans:my_actions")).content.decode()
        section = world.police_action.section
        section.signed_off_on = dt.date(2026, 3, 20)
        section.save()
        after = client.get(reverse("plans:my_actions")).content.decode()
    assert ">Overdue<" in before and ">Signed off<" not in before
    assert ">Overdue<" not in after and ">Signed off<" in after
    assert "Signed off by the board: only admins can update it" in after
    assert "(1 of them in areas the board has signed off)" in after  # the figure says why (QA round 8)


def test_a_decision_dated_long_after_its_meeting_is_refused(client, world, board_meeting):
    """QA round 7: a decision 'at' the meeting of 20 March was accepted dated ten months later."""
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        propose(client, world)
    sign_off = SignOff.objects.get()
    with time_machine.travel(dt.datetime(2027, 1, 25, 10, tzinfo=dt.UTC), tick=False):
        client.force_login(world.manager)  # (the session of last March has expired)
        response = client.post(
            reverse("governance:record_decision", args=[sign_off.pk]),
            {"meeting": board_meeting.pk, "decision": "agreed", "decided_on": "2027-01-20", "minute_ref": "X/1",
             "monitored_through": "audit"},
        )  # fmt: skip
    assert "date it within 42 days of that meeting" in response.content.decode()
    sign_off.refresh_from_db()
    assert sign_off.decision == Decision.PENDING


def test_an_area_inside_one_awaiting_the_board_cannot_be_proposed_on_its_own(world):
    """QA round 8: a sub-area proposed under a waiting parent stayed 'awaiting' for good once the
    parent was agreed."""
    parent = world.police_action.section
    child = factories.SectionFactory(plan=world.plan, parent=parent, ref="1.9", title="Sub-area")
    assert rules.can_propose_sign_off(world.manager, child)
    SignOff.objects.create(
        section=parent, proposed_on=dt.date(2026, 3, 18), evidence="x", monitored_through="y"
    )
    assert not rules.can_propose_sign_off(world.manager, child)


def test_the_plans_sign_off_table_offers_no_proposal_of_an_area_inside_one_awaiting_the_board(client, world):
    """QA round 9: the table offered 'Propose as fully addressed' on it, which led to a refusal."""
    parent = world.police_action.section
    child = factories.SectionFactory(plan=world.plan, parent=parent, ref="1.9", title="Sub-area")
    client.force_login(world.manager)
    page_url = reverse("governance:plan", args=[world.plan.pk])
    child_link = reverse("governance:propose_sign_off", args=[child.pk])
    assert child_link in client.get(page_url).content.decode()
    SignOff.objects.create(
        section=parent, proposed_on=dt.date(2026, 3, 18), evidence="x", monitored_through="y"
    )
    page = client.get(page_url).content.decode()
    assert child_link not in page
    assert f"Covered by the proposal of {parent}, awaiting the board's decision" in page


def test_a_proposal_saved_between_the_pages_two_checks_is_said_as_waiting_not_refused(
    client, world, monkeypatch
):
    """QA round 8: in a burst of identical proposals one request could find none waiting, then
    the one just saved, and be refused 403 as if the manager could not propose."""
    from governance import views

    section = world.police_action.section
    real = views._awaiting_decision
    calls = []

    def first_finds_none(request, area):
        calls.append(area.pk)
        if len(calls) == 1:
            # another request saves its proposal just after this check
            SignOff.objects.create(
                section=area, proposed_on=dt.date(2026, 3, 18), evidence="x", monitored_through="y"
            )
            return None
        return real(request, area)

    monkeypatch.setattr(views, "_awaiting_decision", first_finds_none)
    client.force_login(world.manager)
    with time_machine.travel(TODAY, tick=False):
        response = propose(client, world)
    assert response.status_code == 302 and len(calls) == 2
    assert SignOff.objects.filter(section=section).count() == 1


def test_opening_the_proposal_of_an_area_inside_one_awaiting_the_board_says_why_it_cannot_be_proposed(
    client, world
):
    """QA round 10: the refusal listed every possible reason, as if it were the manager's role."""
    parent = world.police_action.section
    child = factories.SectionFactory(plan=world.plan, parent=parent, ref="1.9", title="Sub-area")
    SignOff.objects.create(
        section=parent, proposed_on=dt.date(2026, 3, 18), evidence="x", monitored_through="y"
    )
    client.force_login(world.manager)
    response = client.get(reverse("governance:propose_sign_off", args=[child.pk]))
    assert response.status_code == 403
    page = response.content.decode()
    assert f"{child} sits inside {parent}, which awaits the board" in page.replace("&#x27;", "'")
    client.force_login(world.viewer)
    refused = client.get(reverse("governance:propose_sign_off", args=[parent.pk]))
    assert "Only plan managers and admins propose an area to the board." in refused.content.decode()
