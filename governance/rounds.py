"""Update rounds: who is asked for which actions, who has answered, and the emails.

Decisions (the issue is silent on them):
- An owner is asked about every action of the plan they own that is not done (status not a
  "done" status). Owning follows the tracker: linked as a person to the action, or the
  action is led or owned by their agency. Agency ownership reaches the agency's
  contributors (the agency leads); a person linked to an action is asked directly, as
  their user when that login can update the plan (an active member of its partnership, not a
  viewer), else at the person's own email address.
- An owner who cannot update in Oversight (no login, or a login that cannot update this plan)
  is emailed their actions with status and due date and asked to send their update by email
  to a named plan manager (`update_contact`: the round's opener while they still manage the
  plan), who records it; their email has no links, which would only lead to the sign-in page.
- An action counts as updated in the round once it has a progress update dated, or given, on or
  after the day the round opened (work done on the 5th, reported on the 7th, answers a round
  opened on the 6th); an owner has updated when all their actions are.
- Emails: the request once per owner; one reminder per owner still missing, from
  `reminder_days_before` days before the deadline until the deadline day, unless the
  request itself went out inside that window. Each email is claimed by setting its
  timestamp first (an atomic UPDATE ... WHERE sent_at IS NULL), so two overlapping cron
  runs cannot both send it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import Truncator

from governance.models import Meeting, UpdateRequest, UpdateRound
from plans.models import Action, Membership, Person, Plan, PlanStage, ProgressUpdate, Role
from plans.rules import MANAGING_ROLES, locked_section_ids

if TYPE_CHECKING:
    from plans.models import AnyUser

log = logging.getLogger(__name__)


def open_actions(plan: Plan) -> Any:
    """The plan's actions still to do: not done, and not in an area the board has signed off
    (closed to everyone but admins, so nobody can update them)."""
    return (
        Action.objects.filter(plan=plan)
        .exclude(status__is_done=True)
        .exclude(section_id__in=locked_section_ids([plan.pk]))
    )


def logins_who_can_update(partnership_id: int, user_ids: Any = None) -> set[int]:
    """Of `user_ids` (every login when None), those who can sign in and add updates to the
    partnership's plans: active members who are not viewers."""
    members = Membership.objects.filter(partnership_id=partnership_id, user__is_active=True).exclude(
        role=Role.VIEWER
    )
    if user_ids is not None:
        members = members.filter(user_id__in=user_ids)
    return set(members.values_list("user_id", flat=True))


def owners_of_open_actions(plan: Plan) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """({user id: action ids}, {person id: action ids}) for the plan's open actions: the persons
    are those who cannot update in Oversight themselves (no login, or one that cannot update
    this plan), asked at their own email address.

    A fixed number of queries: actions, their person owners, their owner agencies, memberships.
    """
    actions = list(open_actions(plan).values_list("pk", "lead_agency_id"))
    action_ids = [pk for pk, _ in actions]
    by_agency: dict[int, set[int]] = defaultdict(set)
    for pk, lead in actions:
        if lead:
            by_agency[lead].add(pk)
    for pk, agency_id in Action.owner_agencies.through.objects.filter(action_id__in=action_ids).values_list(
        "action_id", "agency_id"
    ):
        by_agency[agency_id].add(pk)

    # Only members of the partnership can sign in and update; viewers cannot update at all.
    allowed = logins_who_can_update(plan.partnership_id)
    users: dict[int, set[int]] = defaultdict(set)
    persons: dict[int, set[int]] = defaultdict(set)
    for pk, person_id, user_id in Action.owners.through.objects.filter(action_id__in=action_ids).values_list(
        "action_id", "person_id", "person__user_id"
    ):
        if user_id in allowed:
            users[user_id].add(pk)
        else:  # a named owner who cannot update is still asked, by email (QA round 9)
            persons[person_id].add(pk)
    members = Membership.objects.filter(
        partnership_id=plan.partnership_id, user__is_active=True, role=Role.CONTRIBUTOR, agency__isnull=False
    )
    for user_id, agency_id in members.values_list("user_id", "agency_id"):
        users[user_id] |= by_agency.get(agency_id, set())
    return (
        {u: ids for u, ids in users.items() if ids and u in allowed},
        {p: ids for p, ids in persons.items() if ids},
    )


def current_round(plan: Plan, today: dt.date | None = None) -> UpdateRound | None:
    """The plan's round still open (deadline not passed), if any: one at a time, so nobody is
    asked twice about the same actions."""
    today = today or timezone.localdate()
    return UpdateRound.objects.filter(plan=plan).live(today).order_by("-opened_at").first()


# A round asks for updates before a board meeting; boards meet at least quarterly, so a deadline
# further off than this is a slip of the year (2036 for 2026), and would block the plan's next rounds.
MAX_ROUND_DAYS = 183


def deadline_problem(deadline: dt.date, meeting: Meeting | None, today: dt.date) -> str | None:
    """Why a round cannot have this deadline, or None: owners update from today until the
    deadline, and the updates are for the meeting, so they must be in before it sits."""
    if deadline < today:
        return "The deadline must be today or in the future."
    if deadline > today + dt.timedelta(days=MAX_ROUND_DAYS):
        return "The deadline must be within six months of today: a round asks for updates before a meeting."
    if meeting is not None and deadline > meeting.date:
        return f"The deadline must be on or before the meeting it is for ({meeting.date:%-d %B %Y})."
    return None


@transaction.atomic
def open_round(
    plan: Plan,
    opened_by: AnyUser,
    deadline: dt.date,
    meeting: Meeting | None = None,
    reminder_days_before: int = 3,
    now: dt.datetime | None = None,
) -> UpdateRound:
    """Create a round and one request per owner; the emails go out with `send_due_emails`."""
    from django.contrib.auth import get_user_model

    round_ = UpdateRound.objects.create(
        plan=plan,
        meeting=meeting,
        deadline=deadline,
        reminder_days_before=reminder_days_before,
        opened_by=opened_by,
        opened_at=now or timezone.now(),
    )
    users, persons = owners_of_open_actions(plan)
    for user in get_user_model().objects.filter(pk__in=users):
        request = UpdateRequest.objects.create(
            round=round_, user=user, name=user.get_full_name() or user.get_username(), email=user.email
        )
        request.actions.set(users[user.pk])
    for person in Person.objects.filter(pk__in=persons):
        request = UpdateRequest.objects.create(
            round=round_, person=person, name=person.name, email=person.email
        )
        request.actions.set(persons[person.pk])
    return round_


def opened_on(round_: UpdateRound) -> dt.date:
    return timezone.localdate(round_.opened_at)


@dataclass
class RequestProgress:
    request: UpdateRequest
    actions: list[Action]
    updated: list[Action] = field(default_factory=list)
    missing: list[Action] = field(default_factory=list)
    # the owner can sign in and record the update; else they send it by email (`update_contact`)
    in_oversight: bool = True

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def no_longer_asked(self) -> bool:
        """Every action the owner was asked about is in an area the board has since signed off:
        nothing left to update, and nothing updated either."""
        return not self.actions


def round_progress(round_: UpdateRound, requests: Any = None) -> list[RequestProgress]:
    """Each request of the round with its actions split into updated and missing, and whether
    its owner can update in Oversight now (four queries)."""
    if requests is None:
        requests = round_.requests.all()
    requests = list(requests.select_related("person").prefetch_related("actions"))
    for request in requests:
        request.round = round_  # known: no query per request to read it again
    progress = requests_progress(requests)
    # the login asked, or the person's login (linked since the round opened, perhaps)
    logins = {
        p.request.pk: p.request.user_id or (p.request.person and p.request.person.user_id) for p in progress
    }
    can = (
        logins_who_can_update(round_.plan.partnership_id, {u for u in logins.values() if u})
        if progress
        else set()
    )
    for p in progress:
        p.in_oversight = logins[p.request.pk] in can
    return progress


@dataclass
class Contact:
    name: str
    email: str


def update_contact(round_: UpdateRound) -> Contact | None:
    """Whom owners who cannot update in Oversight send their update to, to record it for them:
    the round's opener while they still manage the plan with an email address, else one of the
    partnership's plan managers (then admins). None when nobody qualifies."""
    candidates = list(
        Membership.objects.filter(
            partnership_id=round_.plan.partnership_id, role__in=MANAGING_ROLES, user__is_active=True
        )
        .exclude(user__email="")
        .select_related("user")
        .order_by("user_id")
    )
    if not candidates:
        return None
    best = min(
        candidates,
        key=lambda m: (m.user_id != round_.opened_by_id, m.role != Role.MANAGER, m.user_id),
    )
    return Contact(name=best.user.get_full_name() or best.user.get_username(), email=best.user.email)


def requests_progress(requests: list[UpdateRequest]) -> list[RequestProgress]:
    """Requests (their rounds and actions read already, of one round or several) with their
    actions split into updated and missing: one query for all of them.

    An action counts as updated for a request once it has an update dated or given on or after
    the day the request's round opened, so the latest of those days for each action is enough.
    """
    if not requests:
        return []
    action_ids = {a.pk for r in requests for a in r.actions.all()}
    latest: dict[int, dt.date] = {}
    earliest = min(opened_on(r.round) for r in requests)
    start = timezone.make_aware(dt.datetime.combine(earliest, dt.time.min))
    for action_id, date, created in (
        ProgressUpdate.objects.filter(Q(date__gte=earliest) | Q(created__gte=start), action_id__in=action_ids)
        .order_by()
        .values_list("action_id", "date", "created")
    ):
        # given during the round answers it, whatever day the work it reports is dated
        answered = max(date, timezone.localdate(created))
        if answered > latest.get(action_id, dt.date.min):
            latest[action_id] = answered
    # an area signed off after the round opened: its actions are no longer asked for
    locked = locked_section_ids({r.round.plan_id for r in requests})
    result = []
    for request in requests:
        since = opened_on(request.round)
        actions = sorted(
            (a for a in request.actions.all() if a.section_id not in locked), key=lambda a: (a.order, a.pk)
        )
        result.append(
            RequestProgress(
                request=request,
                actions=actions,
                updated=[a for a in actions if latest.get(a.pk, dt.date.min) >= since],
                missing=[a for a in actions if latest.get(a.pk, dt.date.min) < since],
            )
        )
    return result


def open_requests_for(user: AnyUser, today: dt.date | None = None) -> list[RequestProgress]:
    """The user's requests in rounds whose deadline has not passed, with what is still missing
    (four queries, however many rounds are open)."""
    today = today or timezone.localdate()
    if user is None or not user.is_authenticated:
        return []
    requests = (
        UpdateRequest.objects.for_user(user)
        # asked as this login, or as the person this login was linked to after the round opened
        .filter(Q(user_id=user.pk) | Q(user__isnull=True, person__user_id=user.pk))
        .filter(round__deadline__gte=today, round__closed_at__isnull=True)
        .select_related("round__plan__partnership")
        .prefetch_related("actions")
        .order_by("round__deadline", "pk")
    )
    return requests_progress(list(requests))


def absolute(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def action_url(action: Action) -> str:
    """The action's own page where the owner adds the update (the round page until that exists)."""
    for name in ("plans:add_update", "plans:action"):
        try:
            return absolute(reverse(name, args=[action.pk]))
        except NoReverseMatch:
            continue
    return ""


def _send(progress: RequestProgress, kind: str, contact: Contact | None) -> None:
    request = progress.request
    round_ = request.round
    # Only what is still missing: an owner who updated an action before the email went out is
    # not asked for it again (the request names those as done).
    context = {
        "request": request,
        "round": round_,
        "plan": round_.plan,
        "updated": progress.updated,
        "kind": kind,
    }
    if progress.in_oversight:
        template = "governance/email/request.txt"
        context |= {
            "actions": [(a, action_url(a)) for a in progress.missing],
            "round_url": absolute(round_.get_absolute_url()),
        }
    else:
        # no links: every page asks them to sign in; the status is what their update changes
        template = "governance/email/request_by_email.txt"
        context |= {
            "actions": list(
                Action.objects.filter(pk__in=[a.pk for a in progress.missing])
                .select_related("status")
                .order_by("order", "pk")
            ),
            "contact": contact,
        }
    # A title holding a line break (sent through the API) would make every email of the round
    # fail: a header cannot hold one.
    # the partnership too: a member of two gets rounds of plans with one title from each
    title = Truncator(" ".join(f"{round_.plan} ({round_.plan.partnership.name})".split())).chars(110)
    subject = (
        f"Progress updates needed by {round_.deadline:%-d %B %Y}: {title}"
        if kind == "request"
        else f"Reminder: progress updates due {round_.deadline:%-d %B %Y}: {title}"
    )
    body = render_to_string(template, context)
    # replying to an emailed request reaches whoever records the update
    reply_to = [contact.email] if contact is not None and not progress.in_oversight else []
    deliver(subject, body, request.email, reply_to)


def deliver(subject: str, body: str, to: str, reply_to: list[str]) -> None:
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to], reply_to=reply_to).send()


def _claim(request: UpdateRequest, stamp: str, now: dt.datetime) -> bool:
    """Mark the email as sent before sending it; False when another run got there first."""
    return (
        UpdateRequest.objects.filter(pk=request.pk, **{f"{stamp}__isnull": True}).update(**{stamp: now}) == 1
    )


def _release(request: UpdateRequest, stamp: str) -> None:
    UpdateRequest.objects.filter(pk=request.pk).update(**{stamp: None})


@dataclass
class Sent:
    requests: int = 0
    reminders: int = 0
    failed: int = 0
    by_email: int = 0  # of the requests, to owners asked to send their update by email


def send_round_requests(round_: UpdateRound, now: dt.datetime | None = None) -> Sent:
    """Email the owners of a round just opened (the reminder job would otherwise send them at its
    next run); one that fails is tried again by that job."""
    sent = Sent()
    _send_requests(round_, now or timezone.now(), sent)
    return sent


def _send_requests(round_: UpdateRound, now: dt.datetime, sent: Sent) -> None:
    _send_each(round_, round_.requests.exclude(email="").filter(sent_at__isnull=True), "request", now, sent)


def _send_each(round_: UpdateRound, requests: Any, kind: str, now: dt.datetime, sent: Sent) -> None:
    """Email each request of `requests` not yet complete (a request or a reminder), claiming it first
    so that two runs at once never send it twice; one that fails is released to be tried again."""
    stamp = "sent_at" if kind == "request" else "reminded_at"
    progresses = round_progress(round_, requests)
    contact = update_contact(round_) if any(not p.in_oversight for p in progresses) else None
    for progress in progresses:
        if progress.complete or not _claim(progress.request, stamp, now):
            continue
        try:
            _send(progress, kind, contact)
            if kind == "request":
                sent.requests += 1
                sent.by_email += not progress.in_oversight
            else:
                sent.reminders += 1
        except Exception:  # an SMTP failure must not stop the other owners' emails
            log.exception("Could not send %s %s", kind, progress.request.pk)
            _release(progress.request, stamp)
            sent.failed += 1


def send_due_emails(now: dt.datetime | None = None) -> Sent:
    """Send every request not yet sent and every reminder now due; safe to run at any time."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = Sent()
    # (a plan closed by the board asks nobody for updates, whatever rounds it had open)
    live = (
        UpdateRound.objects.live(today)
        .exclude(plan__stage=PlanStage.CLOSED)
        .select_related("plan__partnership")
    )
    for round_ in live:
        _send_requests(round_, now, sent)
        window_opens = round_.deadline - dt.timedelta(days=round_.reminder_days_before)
        if today < window_opens:
            continue
        # Owners told about the round inside the reminder window already know the deadline.
        due = (
            round_.requests.exclude(email="")
            .filter(reminded_at__isnull=True, sent_at__lt=now)
            .exclude(sent_at__gte=_start_of(window_opens))
        )
        _send_each(round_, due, "reminder", now, sent)
    return sent


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def close_round(round_: UpdateRound, closed_by: AnyUser, now: dt.datetime | None = None) -> None:
    """Stop a round early: no more requests or reminders are sent, owners' pages stop asking, and
    a new round can be opened. What was sent and updated stays on record."""
    round_.closed_at = now or timezone.now()
    round_.closed_by = closed_by
    round_.save(update_fields=["closed_at", "closed_by"])
