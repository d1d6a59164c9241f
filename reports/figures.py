"""The board report's figures: a plan (or a whole partnership) as at a date, and what changed.

Every count comes from `plans.figures` (the dashboard's functions) applied to the plan as it
stood on the as-at date (`actions_as_at`), so a report for today agrees with the dashboard and
a report for a past date shows what the board saw then. Only report-specific figures live
here: the "changed since" lists, the exceptions, the section tree and the monthly timeline.

Decisions where the issue was silent (documented here because boards will ask):
- Status direction: `RagStatus.order` is "worst first", so a HIGHER order is BETTER. An action
  whose status order went up "improved", down "worsened". An action that became done is listed
  under "done" only (not also "improved"); an action with no status before its first update
  is neither improved nor worsened (it appears in "new" or in the whole-plan table).
- "No update since the previous report": not done, and its latest progress update as at the
  report date is dated on or before the previous report date (or it has none).
- "Due in the next period without a recent update": not done, due after the as-at date and
  within the same length of time as since the previous report, and no update in the plan's
  `stale_days` before the as-at date.
- Sections, actions, owners, due dates and statuses as they stood on the as-at date.
- The previous report date defaults to the latest meeting before the as-at date of a board
  overseeing the plan (governance app), otherwise one month before (`previous_report_date`).
- Evidence (internal report only): the files and links attached, on or before the as-at day,
  to progress updates dated on or before it. Evidence deleted since is not shown (the
  evidence table, not its history, is read: bulk imports may not write evidence history).
- A partnership report also counts per plan; a plan report does not (it is the one plan).
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import posixpath
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from plans.figures import (
    NO_STATUS,
    ActionAsAt,
    GroupRow,
    StatusCount,
    actions_as_at,
    as_it_stood,
    depth_first,
    end_of_day,
    group_by_section,
    sections_as_at,
    status_counts_as_at,
    updates_of_deleted_actions,
)
from plans.models import (
    Action,
    Agency,
    Evidence,
    Partnership,
    Person,
    Plan,
    ProgressUpdate,
    RagStatus,
    Section,
    historical_model,
)
from plans.rules import locked_sections

from .public import roles_only as public_owner

NO_STATUS_LABEL = "No update yet"


# --- Dates -------------------------------------------------------------------------------


def parse_date(value: str | None, name: str = "date") -> dt.date | None:
    """A YYYY-MM-DD date from a query string or command line; ValueError with a clear message."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(
            f"Enter the {name} as a real date in the form YYYY-MM-DD, for example 2022-12-14."
        ) from None


def month_before(day: dt.date) -> dt.date:
    """The same day one month earlier (the last day of that month when it is shorter)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    """Each month end from `start`'s month up to, but not including, `end`; then `end` itself."""
    points: list[dt.date] = []
    year, month = start.year, start.month
    while True:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        if last >= end:
            break
        points.append(last)
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    points.append(end)
    return points


def previous_report_date(
    partnership: Partnership, as_at: dt.date, plans: Iterable[Plan] | None = None
) -> dt.date:
    """The latest meeting before `as_at` of a board that oversees these `plans` (governance
    app): another group's meeting about another plan must not move what this board is told
    changed. With no board overseeing them, the latest meeting of a board that names no plans
    (the partnership's own, for every plan); with no meeting at all, one month before."""
    try:
        from governance.models import Meeting
    except ImportError:  # the governance app is optional for the report
        Meeting = None  # noqa: N806
    if Meeting is not None:
        try:
            meetings = Meeting.objects.filter(board__partnership=partnership, date__lt=as_at).order_by(
                "-date"
            )
            if plans is not None:
                overseeing = meetings.filter(board__plans__in=[p.pk for p in plans])
                meeting = overseeing.first() or meetings.filter(board__plans__isnull=True).first()
            else:
                meeting = meetings.first()
        except Exception:  # noqa: BLE001 - a governance schema not yet migrated must not break reports
            meeting = None
        if meeting is not None:
            return meeting.date
    return month_before(as_at)


# --- The report's parts --------------------------------------------------------------------


@dataclass(frozen=True)
class StatusDefinition:
    key: str
    label: str
    colour: str
    definition: str
    order: int
    is_done: bool


@dataclass
class Row:
    """One action as the report shows it: its fields as at the date, plus names resolved."""

    item: ActionAsAt
    plan_id: int
    section_label: str
    lead_agency: str
    previous_status: RagStatus | None = None
    previous_due_date: dt.date | None = None
    previous_due_text: str = ""
    previous_text: str = ""
    previous_owner: str = ""
    previous_ref: str = ""
    owner: str = ""  # the owner text, without people's names in a "roles only" public report
    constraints: str = ""  # internal: left out of the public report
    overdue: bool = False  # past its due date and not done, as at the report's date

    @property
    def rewording(self) -> tuple[str, str]:
        """What a reworded action said then and says now: its owner, its words, or both."""
        then, now = [], []
        if self.previous_ref != self.item.ref:
            then.append(f"Ref: {self.previous_ref or 'none'}")
            now.append(f"Ref: {self.item.ref or 'none'}")
        if self.previous_owner != self.owner:
            then.append(f"Owner: {self.previous_owner or 'none'}")
            now.append(f"Owner: {self.owner or 'none'}")
        if self.previous_text != self.item.text:
            then.append(f"Words: {self.previous_text}")
            now.append(f"Words: {self.item.text}")
        return "; ".join(then), "; ".join(now)

    @property
    def due(self) -> str:
        """The due date in the plan's words, with the date the overdue figures use when the
        words do not state it ('Q2 2026/27 (30 September 2026)'), and 'overdue' when it is, so
        every table of the pack says what the plan page says."""
        item = self.item
        day = item.due_date
        words = item.due_text
        if day is None:
            shown = words
        else:
            date = f"{day.day} {day:%B %Y}"
            stated = {date, f"{day:%d/%m/%Y}", f"{day.day}/{day.month}/{day.year}", day.isoformat()}
            shown = words if any(s in words for s in stated) else f"{words} ({date})" if words else date
        return f"{shown} – overdue" if self.overdue else shown

    @property
    def ref(self) -> str:
        return self.item.ref

    @property
    def status(self) -> RagStatus | None:
        return self.item.status

    @property
    def progress(self) -> str:
        update = self.item.latest_update
        return update.narrative if update else ""

    @property
    def last_update_on(self) -> dt.date | None:
        update = self.item.latest_update
        return update.date if update else None


@dataclass
class Changes:
    """What changed between the previous report date and the as-at date (lists of rows)."""

    done: list[Row] = field(default_factory=list)
    improved: list[Row] = field(default_factory=list)
    worsened: list[Row] = field(default_factory=list)
    due_moved: list[Row] = field(default_factory=list)
    # its words, number or owner changed: a published action's lead or wording the board agreed
    reworded: list[Row] = field(default_factory=list)
    new: list[Row] = field(default_factory=list)
    no_update: list[Row] = field(default_factory=list)
    # an update recorded since the previous report but dated on or before it: the board has not seen
    # it, and the lists above, which compare the plan as it stood on each date, cannot show it
    backdated: list[Row] = field(default_factory=list)
    # in the plan at the previous report, removed since (as it stood then): then + new - removed = now
    removed: list[Row] = field(default_factory=list)

    def refs(self) -> dict[str, list[str]]:
        """The refs in each list (what tests and the summary sheet compare)."""
        return {name: [row.ref for row in getattr(self, name)] for name in CHANGE_LISTS}


CHANGE_LISTS = {
    "done": "Actions done",
    "improved": "Status improved",
    "worsened": "Status worsened",
    "due_moved": "Due dates moved",
    "reworded": "Wording, number or owner changed",
    "new": "New actions",
    "no_update": "No update since the previous report",
    "backdated": "Updates added since the previous report but dated before it",
    "removed": "Actions removed from the plan",
}


@dataclass
class Exceptions:
    red: list[Row] = field(default_factory=list)
    overdue: list[Row] = field(default_factory=list)
    due_soon_no_update: list[Row] = field(default_factory=list)
    # red and overdue actions of areas the board had signed off: counted in the figures, not listed
    signed_off_red: int = 0
    signed_off_overdue: int = 0

    @property
    def left_out_note(self) -> str:
        """Why the lists hold fewer than the figures count (QA round 7: 'Red 9' beside 'Red (2)')."""
        if not (self.signed_off_red or self.signed_off_overdue):
            return ""
        parts = [
            f"{count} {what}"
            for count, what in ((self.signed_off_red, "red"), (self.signed_off_overdue, "overdue"))
            if count
        ]
        return (
            f"Not listed: {' and '.join(parts)} in areas the board has signed off, which it no longer "
            "challenges (they still count in the figures above)."
        )

    def refs(self) -> dict[str, list[str]]:
        return {name: [row.ref for row in getattr(self, name)] for name in EXCEPTION_LISTS}


EXCEPTION_LISTS = {
    "red": "Red",
    "overdue": "Overdue",
    "due_soon_no_update": "Due in the next period without a recent update",
}


@dataclass(frozen=True)
class SignOffLine:
    """An area's sign-off in the board pack: a decision or a reopening since the previous report,
    or a proposal awaiting the board on the report's date, with what it rests on."""

    area: str
    what: str  # 'Agreed', 'Not agreed', 'Reopened', 'Awaiting the board's decision'
    on: dt.date | None
    detail: str = ""  # the minute, the reason, or the evidence and how it will be monitored
    links: tuple[str, ...] = ()
    unfinished: int = 0  # the area's actions not done: what agreeing would lock


@dataclass
class SignOffs:
    """What the board decided on its plans' areas since the previous report, and what awaits it
    (QA round 9: decisions and proposals were in no pack, nor the evidence members decide on)."""

    decided: list[SignOffLine] = field(default_factory=list)
    awaiting: list[SignOffLine] = field(default_factory=list)


@dataclass
class SectionBlock:
    """A section heading with its actions, in the sector's layout; depth 0 is top level."""

    section: Section | None
    depth: int
    rows: list[Row]
    # the day the board signed the area off, when that was by the report's date
    signed_off_on: dt.date | None = None

    @property
    def heading(self) -> str:
        if self.section is None:
            return "Actions not in a section"
        if self.signed_off_on is not None:
            return f"{self.section} (signed off by the board on {self.signed_off_on.day} {self.signed_off_on:%B %Y})"
        return str(self.section)


@dataclass
class TimelinePoint:
    day: dt.date
    by_status: Counter[str]
    total: int
    done: int
    due: int


@dataclass(frozen=True)
class EvidenceItem:
    """An evidence file or link, with the action it supports (internal report only)."""

    pk: int
    row: Row  # the action, as at the report date
    name: str  # the file's name, or the link's address
    title: str
    is_file: bool
    added: dt.date  # the day it was attached
    update_date: dt.date  # the date of the progress update it belongs to

    @property
    def web_address(self) -> str:
        """A link's address when it is a web address (a page may link to it), else ""."""
        if self.is_file or not self.name.lower().startswith(("https://", "http://")):
            return ""
        return self.name

    @property
    def label(self) -> str:
        """What the reader sees: the title with the file name or address when both exist."""
        if self.title and self.title != self.name:
            return f"{self.title} ({self.name})"
        return self.name


@dataclass
class PlanPart:
    """One plan's share of the report."""

    plan: Plan
    statuses: list[StatusDefinition]
    rows: list[Row]
    blocks: list[SectionBlock]
    evidence: list[EvidenceItem] = field(default_factory=list)


@dataclass
class BoardReport:
    title: str
    partnership: Partnership
    plans: list[Plan]
    as_at: dt.date
    previous: dt.date
    generated_on: dt.date
    statuses: list[StatusDefinition]  # the union of the schemes, worst first, for counts and charts
    parts: list[PlanPart]
    overall: list[StatusCount]
    by_section: list[GroupRow]
    by_agency: list[GroupRow]
    by_plan: list[GroupRow]  # a partnership report only; empty for one plan's report
    changes: Changes
    exceptions: Exceptions
    timeline: list[TimelinePoint]
    scorecard: Any = None
    public: bool = False
    roles_only: bool = False
    sign_offs: SignOffs = field(default_factory=SignOffs)

    @property
    def plan_period(self) -> str:
        """The plan's period ('1 April 2025 to 31 March 2027') in a report of one plan, else ""."""
        return self.plans[0].period_text() if len(self.plans) == 1 else ""

    @property
    def added_later(self) -> list[str]:
        """What the report says of each plan with no actions as at its date because it was added
        to Oversight after it (an all-zero report would read as an empty plan)."""
        return [
            f"{part.plan.title} was added to Oversight on {timezone.localdate(part.plan.created):%-d %B %Y}, "
            "so it had no "
            "actions here on this report's date. Progress updates dated earlier, imported from the "
            "plan's document, are on each action's page."
            for part in self.parts
            if part.plan.empty_before_added(self.as_at, len(part.rows))
        ]

    @property
    def total(self) -> int:
        return sum(s.count for s in self.overall)

    @property
    def status_notes(self) -> list[str]:
        """Where plans give a status different meanings (one plan's Green is 'Action completed',
        another's 'On track'): how many of its actions their own plan calls done, printed under
        the counts so a board does not read them all as work in progress."""
        return [
            f"{s.done_part} of the {s.count} {s.label} are complete in their own plan's key, "
            "and counted as done there."
            for s in self.overall
            if s.done_part
        ]

    @property
    def rows(self) -> list[Row]:
        return [row for part in self.parts for row in part.rows]

    @property
    def evidence(self) -> list[EvidenceItem]:
        return [item for part in self.parts for item in part.evidence]

    @property
    def groups(self) -> list[tuple[str, str, list[GroupRow]]]:
        """The summary's breakdowns as (title, first column, rows), for every renderer."""
        groups = [("Per plan", "Plan", self.by_plan)] if self.by_plan else []
        return [
            *groups,
            ("Per section", "Section", self.by_section),
            ("Per lead agency", "Lead agency", self.by_agency),
        ]

    def status_keys(self) -> list[str]:
        return [s.key for s in self.statuses]


# --- Building ----------------------------------------------------------------------------


def build_report(
    *,
    plan: Plan | None = None,
    partnership: Partnership | None = None,
    plans: Sequence[Plan] | None = None,
    as_at: dt.date | None = None,
    previous: dt.date | None = None,
    public: bool = False,
    roles_only: bool = False,
    months: int = 12,
) -> BoardReport:
    """The board report for one plan, or for a partnership's plans (pass `plans` already
    filtered through `Plan.objects.for_user`), as at a date (default today).

    Queries: a fixed number per plan, whatever the number of actions.
    """
    as_at = as_at or timezone.localdate()
    partnership_wide = plan is None
    if plan is not None:
        plans = [plan]
        partnership = plan.partnership
        title = plan.title
    else:
        if partnership is None or plans is None:
            raise ValueError("Give a plan, or a partnership and its plans.")
        plans = list(plans)
        title = f"{partnership.name}: all plans"
    previous = previous or previous_report_date(partnership, as_at, plans)
    if previous >= as_at:
        raise ValueError("The previous report date must be before the as-at date.")

    statuses_by_plan: dict[int, list[RagStatus]] = {p.pk: [] for p in plans}
    for status in RagStatus.objects.filter(plan__in=[p.pk for p in plans]).order_by("plan", "order", "pk"):
        statuses_by_plan[status.plan_id].append(status)
    past = as_at < timezone.localdate()
    if past:
        # a report as at a past date: the plans' titles and what each status meant as they stood
        # then (a board pack reprinted for an earlier meeting shows the key the board rated against)
        then = as_it_stood(RagStatus, [s.pk for group in statuses_by_plan.values() for s in group], as_at)
        for group in statuses_by_plan.values():
            for status in group:
                if status.pk in then:
                    status.label, status.definition = then[status.pk].label, then[status.pk].definition
        titles = as_it_stood(Plan, [p.pk for p in plans], as_at)
        # copies: the caller's plans keep their titles of today
        plans = [copy.copy(p) for p in plans]
        for p in plans:
            if p.pk in titles:
                p.title = titles[p.pk].title
        plan = plans[0] if plan is not None else None
        if plan is not None:
            title = plan.title
    snapshots: dict[int, tuple[list[ActionAsAt], dict[int, ActionAsAt]]] = {}
    all_now: list[tuple[int, ActionAsAt]] = []
    for p in plans:
        actions = Action.objects.filter(plan=p)
        now = actions_as_at(actions, as_at, plans=[p.pk])
        before = {a.action_id: a for a in actions_as_at(actions, previous, plans=[p.pk])}
        snapshots[p.pk] = (now, before)
        all_now.extend((p.pk, a) for a in now)

    # Each plan's sections in that plan's order, the plans in the report's order; in a report of
    # several plans each section says whose it is (every plan has a section 1).
    plan_order = {p.pk: (i, p.title) for i, p in enumerate(plans)}
    sections = [
        # each plan's tree, depth first (1, 1a, 1b, 2 ...), in every table of the report alike
        section
        for section, _depth in depth_first(
            sorted(
                # as at a past date, the sections as they stood then (those added since left out)
                sections_as_at(
                    [p.pk for p in plans], as_at, needed={a.section_id for _, a in all_now if a.section_id}
                )
                if past
                else Section.objects.filter(plan__in=[p.pk for p in plans]),
                key=lambda s: (plan_order[s.plan_id][0], s.order, s.pk),
            )
        )
    ]
    section_names = {s.pk: str(s) or "Untitled section" for s in sections}
    closed = locked_sections(sections, as_at)  # areas signed off by then: no exceptions
    section_groups = {
        pk: f"{plan_order[s.plan_id][1]}: {name}" if len(plans) > 1 else name
        for s, (pk, name) in zip(sections, section_names.items(), strict=True)
    }

    people = (
        list(Person.objects.filter(partnership=partnership).values_list("name", flat=True))
        if roles_only
        else []
    )
    constraints = (
        {}
        if public
        else dict(
            Action.objects.filter(plan__in=[p.pk for p in plans])
            .exclude(constraints="")
            .values_list("pk", "constraints")
        )
    )
    evidence = {} if public else evidence_as_at([a.action_id for _, a in all_now], as_at)
    agency_ids = {a.lead_agency_id for _, a in all_now if a.lead_agency_id} | {
        a.lead_agency_id for p in plans for a in snapshots[p.pk][1].values() if a.lead_agency_id
    }
    agency_names = {a.pk: str(a) for a in Agency.objects.filter(pk__in=agency_ids)}

    parts: list[PlanPart] = []
    changes, exceptions = Changes(), Exceptions()
    for p in plans:
        now, before = snapshots[p.pk]

        def row_of(item: ActionAsAt, old: ActionAsAt | None, plan_id: int = p.pk) -> Row:
            """The action as the report shows it, beside how it stood at the previous report."""
            return Row(
                item=item,
                plan_id=plan_id,
                section_label=section_names.get(item.section_id, "") if item.section_id else "",
                lead_agency=agency_names.get(item.lead_agency_id, "") if item.lead_agency_id else "",
                previous_status=old.status if old else None,
                previous_due_date=old.due_date if old else None,
                previous_due_text=old.due_text if old else "",
                previous_text=old.text if old else "",
                previous_ref=old.ref if old else "",
                previous_owner=(public_owner(old.owner_text, people) if roles_only else old.owner_text)
                if old
                else "",
                owner=public_owner(item.owner_text, people) if roles_only else item.owner_text,
                constraints=constraints.get(item.action_id, ""),
                overdue=item.is_overdue(as_at),
            )

        rows = [row_of(item, before.get(item.action_id)) for item in now]
        backdated = backdated_action_ids([r.item.action_id for r in rows], previous, as_at)
        _add_changes(changes, rows, before, previous, backdated, closed)
        # an update recorded since but dated before the previous report changed what that date now
        # reads as: its "then" is what the board was shown, from the updates recorded by then
        reported = reported_statuses(backdated, previous)
        for row in rows:
            if row.item.action_id in backdated:
                row.previous_status = reported.get(row.item.action_id)
        # in the plan at the previous report, removed since: shown as it stood then
        kept = {r.item.action_id for r in rows}
        changes.removed.extend(row_of(old, old) for old in before.values() if old.action_id not in kept)
        _add_exceptions(exceptions, rows, as_at, previous, p.stale_days, closed)
        parts.append(
            PlanPart(
                plan=p,
                statuses=[_definition(s) for s in statuses_by_plan[p.pk]],
                rows=rows,
                blocks=section_blocks([s for s in sections if s.plan_id == p.pk], rows, as_at),
                evidence=[
                    item
                    for row in rows
                    for item in _evidence_items(row, evidence.get(row.item.action_id, []))
                ],
            )
        )

    items = [a for _, a in all_now]
    statuses = merged_statuses(statuses_by_plan.values())
    report = BoardReport(
        title=title,
        partnership=partnership,
        plans=list(plans),
        as_at=as_at,
        previous=previous,
        generated_on=timezone.localdate(),
        statuses=statuses,
        parts=parts,
        overall=overall_counts(items, statuses),
        by_section=counts_by_group(items, "section_id", section_groups, "No section", as_at),
        by_agency=counts_by_group(items, "lead_agency_id", agency_names, "No lead agency", as_at),
        by_plan=counts_by_plan(parts, as_at) if partnership_wide else [],
        changes=changes,
        exceptions=exceptions,
        timeline=timeline(
            Action.objects.filter(plan__in=[p.pk for p in plans]),
            as_at,
            months=months,
            plans=[p.pk for p in plans],
        ),
        public=public,
        roles_only=roles_only,
    )
    report.scorecard = scorecard_table(scorecard_section(partnership, as_at))
    if not public:
        report.sign_offs = sign_offs_between(
            [p.pk for p in plans], previous, as_at, items, parents={s.pk: s.parent_id for s in sections}
        )
    return report


def sign_offs_between(
    plan_ids: list[int],
    previous: dt.date,
    as_at: dt.date,
    items: Iterable[ActionAsAt] = (),
    parents: dict[int, int | None] | None = None,
) -> SignOffs:
    """The plans' sign-off decisions dated after `previous` up to `as_at`, the areas reopened in
    that time, and the proposals awaiting the board on `as_at` with their evidence (three queries;
    four when the sections' `parents` are not given)."""
    from governance.models import Decision, SignOff

    found = SignOffs()
    decided = (
        SignOff.objects.filter(section__plan__in=plan_ids, decided_on__gt=previous, decided_on__lte=as_at)
        .exclude(decision=Decision.PENDING)
        .select_related("section")
        .order_by("decided_on", "pk")
    )
    lines = [
        SignOffLine(
            str(s.section),
            s.get_decision_display(),
            s.decided_on,
            f"Minute {s.minute_ref}" if s.minute_ref else "",
        )
        for s in decided
    ]
    reopenings = (
        historical_model(Section)
        .objects.filter(
            plan_id__in=plan_ids,
            history_change_reason__startswith="Sign-off reopened",
            history_date__gt=end_of_day(previous),
            history_date__lte=end_of_day(as_at),
        )
        .order_by("history_date")
    )
    lines += [
        SignOffLine(
            str(r.instance),
            "Reopened",
            timezone.localdate(r.history_date),
            r.history_change_reason.removeprefix("Sign-off reopened:").strip(),
        )
        for r in reopenings
    ]
    found.decided = sorted(lines, key=lambda line: (line.on or as_at, line.area))
    # the actions not done on the day in each area, its sub-areas' too: what agreeing would lock
    # (QA round 10: only an area's own were counted, and most areas' actions sit in sub-areas)
    if parents is None:
        parents = dict(Section.objects.filter(plan__in=plan_ids).values_list("pk", "parent_id"))
    open_by_section: Counter[int] = Counter()
    for item in items:
        area = item.section_id
        if item.is_done() or area is None:
            continue
        seen: set[int] = set()
        while area is not None and area not in seen:
            seen.add(area)
            open_by_section[area] += 1
            area = parents.get(area)
    awaiting = (
        SignOff.objects.filter(section__plan__in=plan_ids, proposed_on__lte=as_at)
        .filter(Q(decision=Decision.PENDING) | Q(decided_on__gt=as_at))
        .select_related("section")
        .order_by("proposed_on", "pk")
    )
    found.awaiting = [
        SignOffLine(
            str(s.section),
            "Awaiting the board's decision",
            s.proposed_on,
            f"{s.evidence} Monitored through: {s.monitored_through}.",
            tuple(link.strip() for link in s.evidence_links.splitlines() if link.strip()),
            open_by_section.get(s.section_id, 0),
        )
        for s in awaiting
    ]
    return found


def _definition(status: RagStatus) -> StatusDefinition:
    return StatusDefinition(
        status.key, status.label, status.colour, status.definition, status.order, status.is_done
    )


def merged_statuses(schemes: Iterable[list[RagStatus]]) -> list[StatusDefinition]:
    """One list of statuses across plans, grouped by key like `plans.figures.status_counts`."""
    merged: dict[str, StatusDefinition] = {}
    for scheme in schemes:
        for status in scheme:
            merged.setdefault(status.key, _definition(status))
    ordered = sorted(merged.values(), key=lambda s: (s.order, s.key))
    return [
        *ordered,
        StatusDefinition(NO_STATUS, NO_STATUS_LABEL, "grey", "No progress update yet", 999, False),
    ]


def overall_counts(items: list[ActionAsAt], statuses: list[StatusDefinition]) -> list[StatusCount]:
    """Counts per status as at the date (via `plans.figures.status_counts_as_at`), worst first."""
    counts = status_counts_as_at(items)
    done = Counter(i.status.key for i in items if i.status is not None and i.status.is_done)
    result = []
    for s in statuses:
        count, done_part = counts.get(s.key, 0), done.get(s.key, 0)
        # a key some of the plans call done and others not (see `StatusCount.done_part`)
        part = done_part if 0 < done_part < count else 0
        result.append(StatusCount(s.key, s.label, s.colour, count, s.is_done, part))
    return result


def counts_by_group(
    items: list[ActionAsAt], attr: str, names: dict[int, str], none_label: str, day: dt.date
) -> list[GroupRow]:
    """`plans.figures.GroupRow`s (total, per status, overdue) for actions as at a date, ordered
    like `counts_by_section` / `counts_by_agency` (named groups first, by name)."""
    groups: dict[int | None, GroupRow] = {}
    for item in items:
        pk = getattr(item, attr)
        group = groups.setdefault(pk, GroupRow(name=names.get(pk, none_label) if pk else none_label, pk=pk))
        _count(group, item, day)
    if attr == "section_id":
        # Sections keep the plan's order (the reader knows them as 1, 2, 3), not alphabetical.
        order = {pk: i for i, pk in enumerate(names)}
        return sorted(groups.values(), key=lambda g: (g.pk is None, order.get(g.pk, 0)))
    return sorted(groups.values(), key=lambda g: (g.pk is None, g.name.lower()))


def counts_by_plan(parts: list[PlanPart], day: dt.date) -> list[GroupRow]:
    """One `GroupRow` per plan of a partnership report, in the report's plan order (every plan
    is listed, an empty one with zeros, so the board sees it is there)."""
    groups = []
    for part in parts:
        group = GroupRow(name=part.plan.title, pk=part.plan.pk)
        for row in part.rows:
            _count(group, row.item, day)
        groups.append(group)
    return groups


def _count(group: GroupRow, item: ActionAsAt, day: dt.date) -> None:
    key = item.status.key if item.status else NO_STATUS
    group.by_status[key] = group.by_status.get(key, 0) + 1
    group.total += 1
    group.overdue += item.is_overdue(day)


def evidence_as_at(action_ids: list[int], day: dt.date) -> dict[int, list[dict[str, Any]]]:
    """Per action, its evidence attached on or before `day` to updates dated on or before
    `day`, oldest first (one query)."""
    found: dict[int, list[dict[str, Any]]] = {}
    rows = (
        Evidence.objects.filter(
            update__action_id__in=action_ids, update__date__lte=day, created__lte=end_of_day(day)
        )
        .order_by("update__action_id", "update__date", "created", "pk")
        .values("pk", "update__action_id", "update__date", "title", "link", "file", "created")
    )
    for row in rows:
        found.setdefault(row["update__action_id"], []).append(row)
    return found


def _evidence_items(row: Row, found: list[dict[str, Any]]) -> list[EvidenceItem]:
    return [
        EvidenceItem(
            pk=e["pk"],
            row=row,
            name=posixpath.basename(e["file"]) if e["file"] else e["link"],
            title=e["title"],
            is_file=bool(e["file"]),
            added=timezone.localdate(e["created"]),
            update_date=e["update__date"],
        )
        for e in found
    ]


def _order(status: RagStatus | None) -> int | None:
    return status.order if status is not None else None


def backdated_action_ids(action_ids: list[int], previous: dt.date, as_at: dt.date) -> set[int]:
    """Actions given an update between the end of `previous` and the end of `as_at` that is dated
    on or before `previous` (one query). Read from the updates' history, where an update is kept
    when its action has been deleted since (a report as at a past date still shows the action)."""
    return set(
        historical_model(ProgressUpdate)
        .objects.filter(
            history_type="+",
            action_id__in=action_ids,
            date__lte=previous,
            created__gt=end_of_day(previous),
            created__lte=end_of_day(as_at),
        )
        .values_list("action_id", flat=True)
    )


def reported_statuses(action_ids: Collection[int], day: dt.date) -> dict[int, RagStatus]:
    """Each action's status as a report on `day` showed it: its latest update dated on or before the
    day among those recorded by its end (one query; none for an action without one then)."""
    if not action_ids:
        return {}
    updates = (
        ProgressUpdate.objects.filter(
            action_id__in=list(action_ids), date__lte=day, created__lte=end_of_day(day)
        )
        .select_related("status")
        .order_by("action_id", "date", "created", "pk")
    )
    return {update.action_id: update.status for update in updates if update.status is not None}


def _add_changes(
    changes: Changes,
    rows: list[Row],
    before: dict[int, ActionAsAt],
    previous: dt.date,
    backdated: Collection[int] = frozenset(),
    closed: Collection[int] = (),
) -> None:
    """`closed`: the sections of areas the board had signed off by the report's date, whose actions
    nobody but an admin may update: not listed as without an update (as the exceptions leave them)."""
    for row in rows:
        item = row.item
        old = before.get(item.action_id)
        if old is None:
            # new since the previous report: listed there alone, with its status now (as 'done'
            # too it read as an action done since, whose status then was 'No update yet')
            changes.new.append(row)
            continue
        now_done = item.is_done()
        if now_done and not (old and old.is_done()):
            changes.done.append(row)
        elif item.action_id in backdated:
            pass  # its 'then' is what the board was shown: listed under the late updates alone (QA round 8)
        elif item.status is not None and old.status is not None and not now_done:
            if item.status.order > old.status.order:
                changes.improved.append(row)
            elif item.status.order < old.status.order:
                changes.worsened.append(row)
        if old.due_date != item.due_date:
            changes.due_moved.append(row)
        if (old.ref, old.text, old.owner_text) != (item.ref, item.text, item.owner_text):
            changes.reworded.append(row)
        if item.action_id in backdated:
            changes.backdated.append(row)
        elif (
            not now_done
            and item.section_id not in closed
            and (item.latest_update is None or item.latest_update.date <= previous)
        ):
            changes.no_update.append(row)


def _add_exceptions(
    exceptions: Exceptions,
    rows: list[Row],
    as_at: dt.date,
    previous: dt.date,
    stale_days: int,
    closed: Collection[int] = (),
) -> None:
    """The actions the board should challenge; none of an area it had signed off by then (`closed`:
    its sections and those inside them), whose actions nobody but an admin may update."""
    period = as_at - previous
    recent = as_at - dt.timedelta(days=stale_days)
    for row in rows:
        item = row.item
        if item.section_id in closed:
            red = item.status is not None and item.status.colour == "red"
            exceptions.signed_off_red += red
            exceptions.signed_off_overdue += item.is_overdue(as_at)
            continue
        if item.status is not None and item.status.colour == "red":
            exceptions.red.append(row)
        if item.is_overdue(as_at):
            exceptions.overdue.append(row)
        if (
            not item.is_done()
            and item.due_date is not None
            and as_at < item.due_date <= as_at + period
            and (item.latest_update is None or item.latest_update.date < recent)
        ):
            exceptions.due_soon_no_update.append(row)


def section_blocks(
    sections: list[Section], rows: list[Row], as_at: dt.date | None = None
) -> list[SectionBlock]:
    """The plan's section tree, depth first in the plan's order, each with its actions; an area the
    board had signed off by `as_at` says so in its heading."""
    by_section = group_by_section(row.item for row in rows)
    row_of = {row.item.action_id: row for row in rows}
    known = {s.pk for s in sections}
    blocks: list[SectionBlock] = []
    for section, depth in depth_first(sections):
        signed = section.signed_off_on
        blocks.append(
            SectionBlock(
                section,
                depth,
                [row_of[i.action_id] for i in by_section.get(section.pk, [])],
                signed if signed is not None and (as_at is None or signed <= as_at) else None,
            )
        )
    loose = [row_of[i.action_id] for pk, items in by_section.items() if pk not in known for i in items]
    if loose:
        blocks.append(SectionBlock(None, 0, loose))
    return blocks


# --- Over time ---------------------------------------------------------------------------


def timeline(
    actions: QuerySet[Action], as_at: dt.date, months: int = 12, plans: Iterable[int] | None = None
) -> list[TimelinePoint]:
    """Counts per status, done, due and total at each month end up to the as-at date.

    Two queries whatever the number of actions or months (the cheaper equivalent of calling
    `actions_as_at` at each month end, with the same rules: the status of the latest update
    dated on or before the day; an action counts from its creation to its deletion; its due
    date as it stood on the day). An action of `plans` (by default the plans of `actions`)
    deleted since counts until its deletion, with its updates from their history (one more
    query when there is one).
    """
    start = as_at
    for _ in range(months - 1):
        start = month_before(start)
    days = month_ends(start, as_at)
    ids = list(actions.order_by().values_list("pk", flat=True))
    historical = historical_model(Action)
    deleted = historical.objects.filter(
        plan_id__in=actions.order_by().values("plan_id") if plans is None else list(plans),
        history_type="-",
        history_date__gt=end_of_day(days[0]),
    )
    history: dict[int, list[tuple[dt.datetime, str, dt.date | None]]] = {}
    for row in (
        historical.objects.filter(
            Q(id__in=ids) | Q(id__in=deleted.values("id")), history_date__lte=end_of_day(as_at)
        )
        .order_by("id", "history_date", "history_id")
        .values_list("id", "history_date", "history_type", "due_date")
    ):
        history.setdefault(row[0], []).append(row[1:])
    updates: dict[int, list[tuple[dt.date, str, bool]]] = {}
    for action_id, day, key, done in (
        ProgressUpdate.objects.filter(action_id__in=ids, date__lte=as_at)
        .order_by("action_id", "date", "created", "pk")
        .values_list("action_id", "date", "status__key", "status__is_done")
    ):
        updates.setdefault(action_id, []).append((day, key or NO_STATUS, bool(done)))
    live = set(ids)
    gone = [pk for pk in history if pk not in live]
    for update in updates_of_deleted_actions(gone, as_at) if gone else []:
        status = update.status
        updates.setdefault(update.action_id, []).append(
            (update.date, status.key if status else NO_STATUS, bool(status and status.is_done))
        )

    points = [TimelinePoint(day, Counter(), 0, 0, 0) for day in days]
    limits = [end_of_day(day) for day in days]
    for action_id, rows in history.items():
        its_updates = updates.get(action_id, [])
        h = u = 0
        state: tuple[dt.datetime, str, dt.date | None] | None = None
        status: tuple[dt.date, str, bool] | None = None
        for point, limit in zip(points, limits, strict=True):
            while h < len(rows) and rows[h][0] <= limit:
                state = rows[h]
                h += 1
            while u < len(its_updates) and its_updates[u][0] <= point.day:
                status = its_updates[u]
                u += 1
            if state is None or state[1] == "-":
                continue
            point.total += 1
            point.by_status[status[1] if status else NO_STATUS] += 1
            point.done += bool(status and status[2])
            point.due += bool(state[2] and state[2] <= point.day)
    return points


# --- Scorecard hook ----------------------------------------------------------------------


def scorecard_section(partnership: Partnership, as_at: dt.date) -> Any:
    """The scorecard's summary for the report: `scorecard.services.scorecard_summary(partnership,
    as_at)` (the scorecard app's function; the report also looks in `scorecard.figures` and
    `scorecard` in case it moves). None when no scorecard app provides it: the report then
    leaves the section out."""
    for module_name in ("scorecard.services", "scorecard.figures", "scorecard"):
        try:
            module = __import__(module_name, fromlist=["scorecard_summary"])
        except ImportError:
            continue
        summary = getattr(module, "scorecard_summary", None)
        if callable(summary):
            return summary(partnership, as_at)
    return None


@dataclass
class ScorecardTable:
    """The scorecard summary as a plain table every renderer can draw."""

    headers: list[str]
    rows: list[list[str]]
    rag: list[Any]  # per row: an object with `colour` and `label`, or None
    # per row of a measures table: its value and target as numbers, the unit written after
    # them ('%', ' days') and the green boundary said after the target ('(green from 90%)'), for
    # a workbook to hold numbers rather than text
    numbers: list[tuple[Any, Any, str, str]] = field(default_factory=list)
    # per row of a measures table: how many figures of the period shown the sources disagree on,
    # as a number for a workbook (its text in `rows` is blank for none)
    disagreements: list[int] = field(default_factory=list)

    @property
    def has_rag(self) -> bool:
        return any(self.rag)

    @property
    def lines(self) -> list[tuple[list[str], Any]]:
        return list(zip(self.rows, self.rag, strict=True))


def _in_part(line: Any) -> str:
    """A later period reported for part of its breakdown, said beside the period shown."""
    note = getattr(line, "incomplete_note", "")
    return f"({note})" if note else ""


def _green(line: Any) -> str:
    """A green boundary other than the target, said beside it: "(green from 90%)" explains a
    figure short of its target rated Green (QA round 9)."""
    note = getattr(line, "green_note", "")
    return f"({note})" if note else ""


def scorecard_table(summary: Any) -> ScorecardTable | None:
    """The scorecard summary as a table; None when there is nothing to show.

    Lines with a `measure` (the scorecard app's `MeasureSummary`) give Measure, Period, Value,
    Target, sources that disagree and RAG; other lists of dicts or dataclasses give their fields.
    """
    import dataclasses

    if not summary:
        return None
    rows = list(getattr(summary, "rows", summary))
    if hasattr(rows[0], "measure"):
        return ScorecardTable(
            headers=["Measure", "Period", "Value", "Target", "Sources that disagree"],
            rows=[
                [
                    str(line.measure),
                    " ".join(filter(None, [getattr(line, "period_label", "") or "", _in_part(line)])),
                    _number(line.value, getattr(line, "unit_suffix", "")),
                    " ".join(
                        filter(None, [_number(line.target, getattr(line, "unit_suffix", "")), _green(line)])
                    ),
                    str(getattr(line, "findings", 0) or ""),
                ]
                for line in rows
            ],
            rag=[getattr(line, "rag", None) for line in rows],
            numbers=[
                (line.value, line.target, getattr(line, "unit_suffix", ""), _green(line)) for line in rows
            ],
            disagreements=[getattr(line, "findings", 0) or 0 for line in rows],
        )
    records = [dataclasses.asdict(r) if dataclasses.is_dataclass(r) else dict(r) for r in rows]
    rag = [r.get("rag") for r in records]
    headers = [k for k in records[0] if k != "rag"]
    return ScorecardTable(
        headers=[h.replace("_", " ").capitalize() for h in headers],
        rows=[["" if rec.get(h) is None else str(rec.get(h)) for h in headers] for rec in records],
        rag=[r if hasattr(r, "colour") and hasattr(r, "label") else None for r in rag],
    )


def _number(value: Any, suffix: str) -> str:
    if value is None:
        return ""
    from scorecard.figures import figure_text

    return f"{figure_text(value)}{suffix}"
