"""Governance pages: boards, meetings, update rounds, sign-off, plan stage and clocks.

Every object is read through `for_user` (another partnership's object is a 404) and every
write asks `governance.rules` (refused with 403).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from governance import rules
from governance.clocks import clocks_for_plan
from governance.flags import SUMMARY_ORDER, flags_for_actions, summarise
from governance.forms import (
    BoardForm,
    ClockForm,
    DecisionForm,
    MeetingForm,
    OpenRoundForm,
    ProposeSignOffForm,
    ReopenForm,
    StageForm,
    VersionsForm,
)
from governance.models import Board, Decision, Meeting, SignOff, StatutoryClock, UpdateRound
from governance.rounds import (
    close_round,
    current_round,
    open_round,
    opened_on,
    round_progress,
    send_round_requests,
    update_contact,
)
from governance.versions import action_changes, detail_changes, stage_changes
from plans import rules as plan_rules
from plans.models import Action, Partnership, Plan, PlanStage, Section, display_name


def report_url(plan: Plan, as_at: dt.date, previous: dt.date | None = None) -> str:
    """The board report of a plan as at a date (and what changed since `previous`), once the
    reports app provides it ("" until then)."""
    try:
        url = f"{reverse('reports:plan_report', args=[plan.pk])}?as_at={as_at:%Y-%m-%d}"
    except NoReverseMatch:
        return ""
    return f"{url}&previous={previous:%Y-%m-%d}" if previous and previous < as_at else url


def plan_url(plan: Plan) -> str:
    try:
        return plan.get_absolute_url()
    except NoReverseMatch:
        return ""


@login_required
def index(request: HttpRequest) -> HttpResponse:
    boards = (
        Board.objects.for_user(request.user)
        .select_related("chair", "partnership")
        .prefetch_related("plans", Prefetch("meetings", queryset=Meeting.objects.order_by("-date")))
    )
    today = timezone.localdate()
    boards = list(boards)
    for b in boards:
        # Meetings come newest first: the next one is the earliest not yet past.
        b.next_meeting = next((m for m in reversed(b.meetings.all()) if m.date >= today), None)
    plans = Plan.objects.for_user(request.user).select_related("partnership")
    managed = [
        p for p in Partnership.objects.for_user(request.user) if rules.can_manage_boards(request.user, p)
    ]
    return render(request, "governance/index.html", {"boards": boards, "plans": plans, "managed": managed})


@login_required
def board_form(
    request: HttpRequest, partnership_id: int | None = None, pk: int | None = None
) -> HttpResponse:
    """Set up a board (partnership_id) or change one (pk): plan managers and admins."""
    if pk is not None:
        board = get_object_or_404(Board.objects.for_user(request.user), pk=pk)
        partnership = board.partnership
    else:
        board = None
        partnership = get_object_or_404(Partnership.objects.for_user(request.user), pk=partnership_id)
    if not rules.can_manage_boards(request.user, partnership):
        raise PermissionDenied
    form = BoardForm(request.POST or None, instance=board, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        board = form.save()
        messages.success(request, f"{board.name} saved.")
        return redirect(board)
    return render(
        request, "governance/board_form.html", {"form": form, "board": board, "partnership": partnership}
    )


@login_required
def board(request: HttpRequest, pk: int) -> HttpResponse:
    board = get_object_or_404(
        Board.objects.for_user(request.user).select_related("chair", "partnership"), pk=pk
    )
    can_record = rules.can_record_meeting(request.user, board)
    form = MeetingForm(request.POST or None, board=board) if can_record else None
    if request.method == "POST":
        if not can_record or form is None:
            raise PermissionDenied
        if form.is_valid():
            meeting = form.save(commit=False)
            meeting.board = board
            meeting.save()
            messages.success(request, f"Meeting of {meeting.date:%-d %B %Y} added.")
            return redirect(meeting)
    today = timezone.localdate()
    meetings = board.meetings.all()
    return render(
        request,
        "governance/board.html",
        {
            "board": board,
            "members": board.members.select_related("agency"),
            "plans": board.plans.all(),
            "upcoming": [m for m in meetings if m.date >= today][::-1],
            "past": [m for m in meetings if m.date < today],
            "form": form,
        },
    )


@login_required
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.for_user(request.user).select_related("board"), pk=pk)
    can_record = rules.can_record_meeting(request.user, meeting.board)
    form = MeetingForm(request.POST or None, instance=meeting, board=meeting.board) if can_record else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            form.save()
            messages.success(request, "Minutes and decisions saved.")
            return redirect(meeting)
    plans = list(meeting.board.plans.all())
    # Reports and flags as the board saw them: as at the meeting date (or today, for a meeting to come).
    as_at = meeting.report_date()
    flag_summaries = []
    for plan in plans:
        counts = summarise(
            flags_for_actions(
                Action.objects.for_user(request.user).filter(plan=plan).values_list("pk", flat=True), as_at
            )
        )
        flag_summaries.append((plan, [(label, counts.get(key, 0)) for key, label in SUMMARY_ORDER]))
    return render(
        request,
        "governance/meeting.html",
        {
            "meeting": meeting,
            "board": meeting.board,
            # what changed since this board last met (another board's meeting is not its baseline)
            "reports": [(plan, report_url(plan, as_at, meeting.previous_date())) for plan in plans],
            "rounds": meeting.update_rounds.select_related("plan"),
            "sign_offs": meeting.sign_offs.select_related("section__plan"),
            # what the board is asked to agree, and what it rests on: members read it here before
            # they decide (QA round 9: the evidence was on a page only managers could open)
            "proposals": [
                (proposal, len(_unfinished_in(proposal.section)))
                for proposal in SignOff.objects.for_user(request.user)
                .filter(section__plan__in=plans, decision=Decision.PENDING, proposed_on__lte=meeting.date)
                .select_related("section__plan", "proposed_by")
                .order_by("proposed_on", "pk")
            ],
            "form": form,
            "as_at": as_at,
            "flag_summaries": flag_summaries,
        },
    )


@login_required
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    """A plan's governance page: stage, statutory clocks, rounds, sign-off, flags summary."""
    plan = get_object_or_404(Plan.objects.for_user(request.user).select_related("partnership"), pk=pk)
    actions = Action.objects.for_user(request.user).filter(plan=plan)
    flags = flags_for_actions(actions.values_list("pk", flat=True))
    counts = summarise(flags)
    flagged = [
        (action, flags[action.pk])
        for action in actions.filter(pk__in=[pk for pk, fl in flags.items() if fl]).select_related("status")
    ]
    sections = sign_off_rows(
        list(
            Section.objects.for_user(request.user)
            .filter(plan=plan)
            .prefetch_related(Prefetch("sign_offs", queryset=SignOff.objects.order_by("-proposed_on", "-pk")))
        )
    )
    can_manage = rules.can_open_round(request.user, plan)
    return render(
        request,
        "governance/plan.html",
        {
            "plan": plan,
            "plan_url": plan_url(plan),
            "clocks": clocks_for_plan(plan),
            "rounds": UpdateRound.objects.for_user(request.user).filter(plan=plan).select_related("meeting"),
            "sections": sections,
            "flag_counts": [(label, counts[key]) for key, label in SUMMARY_ORDER if counts.get(key)],
            "flagged": flagged,
            "can_manage": can_manage,
            "can_reopen": plan_rules.can_administer(request.user, plan.partnership_id),
            "boards": plan.boards.all(),
        },
    )


@dataclass
class SignOffRow:
    section: Section
    depth: int
    covered_by: Section | None  # the signed-off area it sits inside, if any
    # the area it sits inside that awaits the board's decision, whose decision covers it: not
    # proposed on its own meanwhile (QA round 9: the link led to a refusal)
    awaiting_with: Section | None = None

    @property
    def indent(self) -> int:
        """A GOV.UK spacing unit for the depth (0, 3, 6, 9)."""
        return min(self.depth, 3) * 3


def sign_off_rows(sections: list[Section]) -> list[SignOffRow]:
    """The plan's sections in its tree's order (depth first), each with the signed-off area it
    sits inside: that sign-off covers it, so it is not proposed on its own."""
    known = {s.pk for s in sections}
    children: dict[int | None, list[Section]] = {}
    for section in sorted(sections, key=lambda s: (s.order, s.pk)):
        children.setdefault(section.parent_id if section.parent_id in known else None, []).append(section)
    rows: list[SignOffRow] = []

    def walk(parent: int | None, depth: int, covered_by: Section | None, waiting: Section | None) -> None:
        for section in children.get(parent, []):
            rows.append(SignOffRow(section, depth, covered_by, waiting))
            pending = any(s.decision == Decision.PENDING for s in section.sign_offs.all())
            walk(
                section.pk,
                depth + 1,
                covered_by or (section if section.is_signed_off else None),
                waiting or (section if pending else None),
            )

    walk(None, 0, None, None)
    return rows


@login_required
def open_round_view(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.for_user(request.user), pk=pk)
    if not rules.can_open_round(request.user, plan):
        raise PermissionDenied
    meetings = Meeting.objects.for_user(request.user).filter(
        board__plans=plan, date__gte=timezone.localdate()
    )
    form = OpenRoundForm(request.POST or None, meetings=meetings.order_by("date"))
    round_ = None
    with transaction.atomic():
        # the plan's row locked: a double click's second request waits, then finds the round open
        # (it opened a second round and emailed every owner twice)
        list(Plan.objects.select_for_update().filter(pk=plan.pk).values_list("pk", flat=True))
        already = current_round(plan)
        if request.method == "POST" and plan.stage == PlanStage.CLOSED:
            # the board has closed the plan: its owners are not asked for updates (QA round 9)
            form.is_valid()
            form.add_error(
                None,
                "This plan is closed: its owners are not asked for updates. Change its stage to open a round.",
            )
        elif request.method == "POST" and already is not None:
            form.is_valid()
            form.add_error(None, f"A round is already open for this plan until {already.deadline:%-d %B %Y}.")
        elif request.method == "POST" and form.is_valid():
            round_ = open_round(
                plan,
                request.user,
                form.cleaned_data["deadline"],
                form.cleaned_data["meeting"],
                form.cleaned_data["reminder_days_before"],
            )
    if round_ is not None:
        sent = send_round_requests(round_)
        told = f"Update round opened: {sent.requests} owner{'s' if sent.requests != 1 else ''} emailed their actions."
        if sent.by_email:
            contact = update_contact(round_)
            told += (
                f" {sent.by_email} of them {'have' if sent.by_email != 1 else 'has'} no login to update the plan:"
                f" asked to send their update by email to {contact.name if contact else 'the plan manager'}."
            )
        if sent.failed:
            told += f" {sent.failed} could not be emailed now; they will be tried again within the hour."
        unreachable = round_.requests.filter(email="").count()
        if unreachable:
            told += f" {unreachable} owner{'s have' if unreachable != 1 else ' has'} no email address: see the round."
        messages.success(request, told)
        return redirect(round_)
    return render(request, "governance/open_round.html", {"plan": plan, "form": form, "already": already})


@login_required
def round_view(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_object_or_404(
        UpdateRound.objects.for_user(request.user).select_related("plan", "meeting__board", "opened_by"),
        pk=pk,
    )
    progress = round_progress(round_)
    done = [p for p in progress if p.complete and not p.no_longer_asked]
    # owners who cannot update in Oversight are not "not updated": they send it to the contact
    missing = [p for p in progress if not p.complete and p.in_oversight]
    by_email = [p for p in progress if not p.complete and not p.in_oversight]
    return render(
        request,
        "governance/round.html",
        {
            "round": round_,
            "plan": round_.plan,
            "opened_on": opened_on(round_),
            "progress": progress,
            "updated_count": len(done),
            "missing_count": len(missing),
            "by_email_count": len(by_email),
            "contact": update_contact(round_) if any(not p.in_oversight for p in progress) else None,
            "no_longer_asked_count": len(progress) - len(done) - len(missing) - len(by_email),
            "can_close": round_.closed_at is None
            and round_.deadline >= timezone.localdate()
            and rules.can_open_round(request.user, round_.plan),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def close_round_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Closing a round stops every owner's requests and reminders: asked once more, as removing a
    member is, before it is done."""
    round_ = get_object_or_404(UpdateRound.objects.for_user(request.user).select_related("plan"), pk=pk)
    if not rules.can_open_round(request.user, round_.plan):
        raise PermissionDenied
    if request.method == "GET":
        if round_.closed_at is not None:
            return redirect(round_)
        return render(request, "governance/close_round.html", {"round": round_, "plan": round_.plan})
    if round_.closed_at is None:
        close_round(round_, request.user)
        messages.success(request, "Update round closed: no more requests or reminders will be sent.")
    return redirect(round_)


@login_required
def propose_sign_off(request: HttpRequest, pk: int) -> HttpResponse:
    section = get_object_or_404(Section.objects.for_user(request.user).select_related("plan"), pk=pk)
    if (waiting := _awaiting_decision(request, section)) is not None:
        return waiting
    if not rules.can_propose_sign_off(request.user, section):
        # a proposal of the same area saved by another request between the two checks (a burst of
        # clicks) is said as waiting, not refused (QA round 8)
        if (waiting := _awaiting_decision(request, section)) is not None:
            return waiting
        raise PermissionDenied(rules.propose_refusal(request.user, section))
    # A board decides at its meetings: with no board overseeing the plan yet, the page says a
    # decision will need one (the proposal may well come before the board is set up here).
    boards = list(section.plan.boards.all())
    form = ProposeSignOffForm(
        request.POST or None,
        instance=SignOff(section=section),
        initial={"monitored_through": section.monitored_through},
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # the area's row locked: the same proposal sent twice at once (two tabs, two managers)
            # is saved once, and the second told it is awaiting the board already
            list(Section.objects.select_for_update().filter(pk=section.pk).values_list("pk", flat=True))
            if (waiting := _awaiting_decision(request, section)) is not None:
                return waiting
            sign_off = form.save(commit=False)
            sign_off.proposed_by = request.user
            sign_off.save()
        messages.success(request, f"{section} proposed to the board as fully addressed.")
        return redirect("governance:plan", section.plan_id)
    return render(
        request,
        "governance/propose_sign_off.html",
        {
            "section": section,
            "form": form,
            "unfinished": _unfinished_in(section),
            "today": timezone.localdate(),
            "boards": boards,
        },
    )


def _unfinished_in(section: Section) -> list[Action]:
    """What the board should see before it agrees: the area's actions (its sub-areas' too) not yet
    done; once agreed they are locked, and only admins can update them."""
    return list(
        Action.objects.filter(section_id__in=plan_rules.section_ids_within(section))
        .exclude(status__is_done=True)
        .select_related("status")
        .order_by("order", "pk")
    )


def _awaiting_decision(request: HttpRequest, section: Section) -> HttpResponse | None:
    """A proposal sent again (Back, a second tab, another manager at the same time) for an area
    already awaiting the board's decision: said, with who proposed it and when."""
    pending = section.sign_offs.filter(decision=Decision.PENDING).select_related("proposed_by").first()
    if pending is None or not plan_rules.can_manage_plans(request.user, section.plan.partnership_id):
        return None
    who = f" by {display_name(pending.proposed_by)}" if pending.proposed_by else ""
    messages.info(
        request,
        f"{section} is already awaiting the board's decision: proposed{who} on {pending.proposed_on:%-d %B %Y}.",
    )
    return redirect("governance:plan", section.plan_id)


@login_required
def record_decision(request: HttpRequest, pk: int) -> HttpResponse:
    sign_off = get_object_or_404(
        SignOff.objects.for_user(request.user).select_related("section__plan"), pk=pk
    )
    section = sign_off.section
    if sign_off.decision != Decision.PENDING and plan_rules.can_manage_plans(
        request.user, section.plan.partnership_id
    ):
        # Back, a second tab or a second click after the decision was saved: say what was decided
        recorded = f" by {display_name(sign_off.recorded_by)}" if sign_off.recorded_by else ""
        messages.info(
            request,
            f"The board's decision on {section} was already recorded{recorded}: "
            f"“{sign_off.get_decision_display()}”, decided on {sign_off.decided_on:%-d %B %Y}."
            if sign_off.decided_on
            else f"The board's decision on {section} was already recorded{recorded}.",
        )
        return redirect("governance:plan", section.plan_id)
    covering = plan_rules.signed_off_area(section)
    if covering is not None and plan_rules.can_manage_plans(request.user, section.plan.partnership_id):
        # a sub-area's proposal left waiting when the board signed off the area it sits in
        messages.info(
            request,
            f"{section} sits in {covering}, which the board has signed off: that decision covers it, "
            "so there is nothing more to record.",
        )
        return redirect("governance:plan", section.plan_id)
    if not rules.can_record_decision(request.user, sign_off):
        raise PermissionDenied
    meetings = (
        Meeting.objects.for_user(request.user)
        .held_by()
        .filter(board__plans=section.plan_id, date__gte=sign_off.proposed_on)
        .select_related("board")
    )
    form = DecisionForm(request.POST or None, instance=sign_off, meetings=meetings)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # recorded once: a second decision sent at the same moment finds this one recorded
            still_pending = SignOff.objects.select_for_update().filter(
                pk=sign_off.pk, decision=Decision.PENDING
            )
            if not list(still_pending.values_list("pk", flat=True)):
                return redirect("governance:record_decision", sign_off.pk)
            sign_off = form.save(commit=False)
            sign_off.recorded_by = request.user
            sign_off.save()
            if sign_off.decision == Decision.AGREED:
                # Section history (simple_history) keeps the before and after.
                section.signed_off_on = sign_off.decided_on
                section.monitored_through = sign_off.monitored_through
                section.save(update_fields=["signed_off_on", "monitored_through"])
        messages.success(request, f"The board's decision on {section} is recorded.")
        return redirect("governance:plan", section.plan_id)
    return render(
        request,
        "governance/record_decision.html",
        {
            "sign_off": sign_off,
            "section": section,
            "form": form,
            "unfinished": _unfinished_in(section),
            "today": timezone.localdate(),
            # no meeting to choose: the page says why (no board, or none held since the proposal)
            "no_meeting": not meetings.exists(),
            "boards": section.plan.boards.all(),
        },
    )


@login_required
def reopen_sign_off(request: HttpRequest, pk: int) -> HttpResponse:
    """Admins undo a sign-off: the area and its actions open again; the board's decision and the
    reopening, with its reason, stay in the section's history."""
    section = get_object_or_404(Section.objects.for_user(request.user).select_related("plan"), pk=pk)
    if not section.is_signed_off and plan_rules.can_administer(request.user, section.plan.partnership_id):
        # reopened already (a second click, a second tab): nothing to undo
        messages.info(request, f"{section} is open already: its actions can be updated.")
        return redirect("governance:plan", section.plan_id)
    if not rules.can_reopen_sign_off(request.user, section):
        raise PermissionDenied("Only admins can reopen an area the board has signed off.")
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        section.signed_off_on = None
        section._change_reason = f"Sign-off reopened: {form.cleaned_data['reason']}"  # type: ignore[attr-defined]
        section.save(update_fields=["signed_off_on"])
        messages.success(request, f"{section} is open again: its actions can be updated.")
        return redirect("governance:plan", section.plan_id)
    return render(request, "governance/reopen_sign_off.html", {"section": section, "form": form})


@login_required
def change_stage(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.for_user(request.user), pk=pk)
    if not rules.can_change_stage(request.user, plan):
        raise PermissionDenied
    form = StageForm(request.POST or None, initial={"stage": plan.stage, "report_date": plan.report_date})
    if request.method == "POST" and form.is_valid():
        plan.stage = form.cleaned_data["stage"]
        plan.report_date = form.cleaned_data["report_date"]
        plan._change_reason = form.cleaned_data["reason"] or f"Stage set to {plan.get_stage_display()}"
        plan.save(update_fields=["stage", "report_date"])
        told = f"The plan is now {plan.get_stage_display().lower()}."
        if plan.stage == PlanStage.CLOSED and (live := current_round(plan)) is not None:
            close_round(live, request.user)  # no more requests or reminders about a closed plan
            told += " Its open update round is closed: no more requests or reminders are sent."
        messages.success(request, told)
        return redirect("governance:plan", plan.pk)
    return render(request, "governance/change_stage.html", {"plan": plan, "form": form})


@login_required
def versions(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.for_user(request.user), pk=pk)
    stages = stage_changes(plan)
    today = timezone.localdate()
    context: dict[str, Any] = {
        "plan": plan,
        "stages": stages,
        "today": today,
        "details": detail_changes(plan),
    }
    form = VersionsForm(request.GET)
    # a date typed wrongly is said, not quietly replaced by the default
    dates = form.cleaned_data if form.is_valid() else {}
    since = dates.get("since") or (stages[-1].date if stages else plan.created.date())
    until = dates.get("until") or today
    if since > until:
        since, until = until, since
    if not form.errors and not (request.GET.get("since") or request.GET.get("until")):
        form = VersionsForm(initial={"since": since, "until": until})  # the dates compared, shown
    context.update(
        {"since": since, "until": until, "changes": action_changes(plan, since, until), "form": form}
    )
    return render(request, "governance/versions.html", context)


@login_required
def clock_form(request: HttpRequest, plan_id: int | None = None, pk: int | None = None) -> HttpResponse:
    """Add a statutory deadline to a plan (plan_id) or change one, e.g. to record it met (pk)."""
    if pk is not None:
        instance = get_object_or_404(
            StatutoryClock.objects.for_user(request.user).select_related("plan"), pk=pk
        )
        plan = instance.plan
    else:
        plan = get_object_or_404(Plan.objects.for_user(request.user), pk=plan_id)
        instance = StatutoryClock(plan=plan, start=plan.report_date)
    if not rules.can_change_stage(request.user, plan):
        raise PermissionDenied
    form = ClockForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Deadline “{form.instance.label}” saved.")
        return redirect("governance:plan", plan.pk)
    return render(request, "governance/clock_form.html", {"plan": plan, "form": form, "clock": instance})
