"""The tracker's pages: partnership home, plan, action (with history and updates), My actions;
and the page that deletes a plan.

Every page reads through `Model.objects.for_user(user)` (another partnership's objects are
404) and asks `plans.rules` before any write (403). Every number shown comes from
`plans.figures`, so the pages agree with the board pack and the API (what deleting a plan
deletes with it is counted by `plans.deleting`, which deletes it for the API too).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from plans import deleting, edits, figures, rules, updates
from plans.forms import (
    NO_STATUS,
    ActionForm,
    NewSectionForm,
    PlanFilterForm,
    PlanForm,
    ProgressUpdateForm,
    SectionForm,
    WithdrawUpdateForm,
)
from plans.models import (
    IMPORTED_FROM,
    RESUBMIT_WINDOW,
    WORDS_REMOVED,
    Action,
    Agency,
    Evidence,
    Partnership,
    Person,
    Plan,
    PlanStage,
    ProgressUpdate,
    RagStatus,
    Role,
    Section,
    deletion_record,
    display_name,
    historical_model,
    partnership_names_when_several,
    status_since,
    undated_note,
)
from plans.search import holds_words, words_filter
from plans.templatetags.plans_tags import url_maker

try:  # Governance flags (stale, slipped, RAG mismatch ...) when that app is installed.
    from governance.flags import due_changes_in, flags_for_actions, with_flag_facts
except ImportError:  # pragma: no cover - the tracker works without governance
    flags_for_actions = None

    def with_flag_facts(actions: QuerySet[Action]) -> QuerySet[Action]:
        return actions

    def due_changes_in(records: Any) -> dict[int, int]:
        return {}


PAGE_SIZE = 25
# The tracker shows "Overdue" itself, next to the due date.
OWN_FLAGS = {"overdue"}


def flags_by_action(
    actions: list[Action] | list[int], day: dt.date | None = None, **known: Any
) -> dict[int, list[Any]]:
    """Governance flags of the actions on a page (a fixed number of queries), without overdue.
    `known` passes on what the page has read already (see `flags_for_actions`)."""
    if flags_for_actions is None or not actions:
        return {}
    return {
        pk: [flag for flag in flags if flag.key not in OWN_FLAGS]
        for pk, flags in flags_for_actions(actions, today=day, **known).items()
    }


MY_ACTIONS_PAGE_SIZE = 50


# --- Partnership home -------------------------------------------------------------------


@dataclass
class AgencyRow:
    name: str
    cells: list[int]
    total: int
    overdue: int


@dataclass
class PartnershipSummary:
    partnership: Partnership
    headline: figures.Headline
    statuses: list[figures.StatusCount]
    agencies: list[AgencyRow]
    plans: list[tuple[Plan, figures.Headline]]
    can_manage: bool
    can_administer: bool = False
    closed_plans: int = 0  # plans the board has closed: not in the partnership's figures


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    summaries = []
    for partnership in Partnership.objects.for_user(user):
        actions = Action.objects.for_user(user).filter(plan__partnership=partnership)
        plans = list(Plan.objects.for_user(user).filter(partnership=partnership))
        closed = [plan.pk for plan in plans if plan.stage == PlanStage.CLOSED]
        # a plan the board has closed is not the partnership's live work: its overdue actions are
        # not in the figures (QA round 9), and its own line in the list of plans still has them
        numbers = figures.partnership_figures(actions.exclude(plan_id__in=closed) if closed else actions)
        by_plan = dict(numbers.plans)
        if closed:
            by_plan.update(figures.partnership_figures(actions.filter(plan_id__in=closed)).plans)
        agencies = [
            AgencyRow(
                row.name, [row.by_status.get(s.key, 0) for s in numbers.statuses], row.total, row.overdue
            )
            for row in numbers.agencies
        ]
        summaries.append(
            PartnershipSummary(
                partnership=partnership,
                headline=numbers.headline,
                statuses=numbers.statuses,
                agencies=agencies,
                plans=[(plan, by_plan.get(plan.pk, figures.EMPTY_HEADLINE)) for plan in plans],
                can_manage=rules.can_manage_plans(user, partnership),
                can_administer=rules.can_administer(user, partnership),
                closed_plans=len(closed),
            )
        )
    return render(
        request,
        "plans/home.html",
        {"summaries": summaries, "due_soon_days": _due_soon_days()},
    )


def _due_soon_days() -> int:
    return settings.OVERSIGHT_DUE_SOON_DAYS


# --- Plan page --------------------------------------------------------------------------


@dataclass
class ActionRow:
    """One line of a plan's actions table, today or as at a past date."""

    pk: int
    ref: str
    text: str
    owner_text: str
    section: Section | None
    lead_agency: Agency | None
    status: RagStatus | None
    due_text: str
    due_date: dt.date | None
    overdue: bool
    last_update_on: dt.date | None
    latest_update: ProgressUpdate | None = None
    flags: list[Any] = field(default_factory=list)
    can_edit: bool = False  # the Change link: a plan manager's, outside signed-off sections
    deleted_later: bool = False  # as at a past date: deleted since, so it has no page to link to


@dataclass
class SectionNode:
    section: Section
    counts: figures.GroupRow | None
    children: list[SectionNode] = field(default_factory=list)
    can_edit: bool = False


def section_tree(
    sections: list[Section],
    counts: dict[int | None, figures.GroupRow],
    can_manage: bool = False,
    locked: set[int] | None = None,
) -> list[SectionNode]:
    """Sections nested under their parents, to any depth, in the plan's order; each says whether
    the user may change it (`locked`: the sections closed to this user, see `rules.locked_sections`)."""
    locked = locked or set()
    nodes = {
        s.pk: SectionNode(s, counts.get(s.pk), can_edit=can_manage and s.pk not in locked) for s in sections
    }
    roots = []
    for section in sections:
        parent = nodes.get(section.parent_id) if section.parent_id else None
        (parent.children if parent else roots).append(nodes[section.pk])
    return roots


@login_required
def plan_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = request.user
    plan = get_object_or_404(Plan.objects.for_user(user).select_related("partnership"), pk=plan_id)
    can_manage = rules.can_edit_plan(user, plan)  # reads the memberships the queries below reuse
    statuses = list(RagStatus.objects.filter(plan=plan).order_by("order"))
    # Read once for the agency filter's choices and the rows' lead agencies.
    agencies = list(Agency.objects.filter(partnership_id=plan.partnership_id))
    form = PlanFilterForm(request.GET or None, plan=plan, statuses=statuses, agencies=agencies)
    # Invalid fields are dropped (and reported); the valid ones still filter the table.
    data: dict[str, Any] = {}
    if form.is_bound:
        form.is_valid()
        data = form.cleaned_data
    all_actions = Action.objects.for_user(user).filter(plan=plan)
    filtered = all_actions
    query = data.get("q") or ""
    as_at: dt.date | None = data.get("as_at")
    if query and not as_at:
        # (as at a past date the words are looked for in the reference, text and owner as they
        # stood then, the ones the page shows: below)
        filtered = filtered.filter(words_filter(query, "ref", "text", "owner_text"))
    # (as at a past date the agency and the person are those of that date: below)
    agency, owner = data.get("agency"), data.get("owner")
    if agency and not as_at:
        filtered = filtered.filter(Q(lead_agency=agency) | Q(owner_agencies=agency)).distinct()
    if owner and not as_at:
        filtered = filtered.filter(owners=owner).distinct()
    status_key = data.get("status") or ""
    only_overdue = bool(data.get("overdue"))

    today = timezone.localdate()
    as_at_counts: list[tuple[RagStatus | None, int]] = []
    agencies_by_pk = {a.pk: a for a in agencies}
    statuses_by_pk = {s.pk: s for s in statuses}
    all_items = figures.actions_as_at(all_actions, as_at, plans=[plan.pk]) if as_at else []
    # as at a past date, the sections as they stood then (titles, tree; those added since left out)
    sections = (
        sorted(
            figures.sections_as_at(
                [plan.pk], as_at, needed={i.section_id for i in all_items if i.section_id}
            ),
            key=lambda s: (s.order, s.pk),
        )
        if as_at
        else list(Section.objects.filter(plan=plan))
    )
    sections_by_pk = {s.pk: s for s in sections}
    if as_at:
        counter = figures.status_counts_as_at(all_items)
        as_at_counts = [(s, counter.get(s.key, 0)) for s in statuses] + [
            (None, counter.get(figures.NO_STATUS, 0))
        ]
        wanted = set(filtered.values_list("pk", flat=True))
        # the lead agency and the owners each action had then (QA round 9: today's were used, so
        # a row reading 'Lead: NCC CSC' was left out of NCC CSC's list as at that date)
        owners_then = figures.owners_then(all_items) if agency or owner else {}
        rows: list[ActionRow] | QuerySet = [
            ActionRow(
                pk=item.action_id,
                ref=item.ref,
                text=item.text,
                owner_text=item.owner_text,
                section=sections_by_pk.get(item.section_id),
                lead_agency=agencies_by_pk.get(item.lead_agency_id),
                status=item.status,
                due_text=item.due_text,
                due_date=item.due_date,
                overdue=item.is_overdue(as_at),
                last_update_on=item.latest_update.date if item.latest_update else None,
                latest_update=item.latest_update,
                deleted_later=item.deleted_later,
            )
            for item in all_items
            if (item.action_id in wanted or item.deleted_later)
            and _matches_then(item, query, agency, owner, owners_then)
            and (not status_key or (item.status.key if item.status else NO_STATUS) == status_key)
            and (not only_overdue or item.is_overdue(as_at))
        ]
    else:
        if status_key == NO_STATUS:
            filtered = filtered.filter(status__isnull=True)
        elif status_key:
            filtered = filtered.filter(status__key=status_key)
        if only_overdue:
            filtered = filtered.overdue(today)
        # Statuses, sections and agencies come from the lists the page has read, not joins.
        rows = with_flag_facts(filtered.order_by("order", "pk"))

    numbers = figures.plan_figures(all_actions, today)
    filtered_any = bool(query or agency or owner or status_key or only_overdue)
    # Unfiltered today, the table holds exactly the actions the figures counted.
    known_count = numbers.headline.total if not (filtered_any or as_at) else None
    page = CountedPaginator(rows, PAGE_SIZE, count=known_count).get_page(request.GET.get("page"))
    # Today's flags from the page's own rows (read with their flag facts); as at a past date
    # they are read again as they stood then.
    flagged: list[Any] = [row.pk for row in page.object_list] if as_at else list(page.object_list)
    if not as_at:
        for a in page.object_list:
            attach(a, "status", statuses_by_pk)
            attach(a, "section", sections_by_pk)
            attach(a, "lead_agency", agencies_by_pk)
        page.object_list = [
            ActionRow(
                pk=a.pk,
                ref=a.ref,
                text=a.text,
                owner_text=a.owner_text,
                section=a.section,
                lead_agency=a.lead_agency,
                status=a.status,
                due_text=a.due_text,
                due_date=a.due_date,
                overdue=a.is_overdue(today),
                last_update_on=a.last_update_on,
            )
            for a in page.object_list
        ]
    flags = flags_by_action(
        flagged,
        as_at,
        statuses=statuses,
        plans=[plan],
        closed_sections=rules.locked_sections(sections, as_at),
    )
    # Sections (and so actions) the board has signed off are closed to all but admins.
    closed = set() if rules.can_administer(user, plan.partnership_id) else rules.locked_sections(sections)
    for row in page.object_list:
        row.flags = flags.get(row.pk, [])
        row.can_edit = can_manage and not as_at and (row.section.pk if row.section else None) not in closed
    context = {
        "plan": plan,
        "form": form,
        "page": page,
        "pagination": pagination(request, page),
        "as_at": as_at,
        "as_at_counts": as_at_counts,
        "added_later": bool(as_at) and plan.empty_before_added(as_at, sum(n for _s, n in as_at_counts)),
        "headline": numbers.headline,
        "status_counts": numbers.statuses,
        "tree": section_tree(
            sections,
            figures.section_counts_as_at(all_items, as_at) if as_at else numbers.sections,
            can_manage=can_manage,
            locked=closed,
        ),
        "can_manage": can_manage,
        # the sections read above answer the sign-off part of the rule
        "can_delete": rules.can_delete_plan(user, plan, sections=sections),
        "filtered": filtered_any,
        "due_soon_days": _due_soon_days(),
        "today": today,
    }
    return render(request, "plans/plan.html", context)


def _say_if_undated(request: HttpRequest, action: Action) -> None:
    if note := undated_note(action.due_text, action.due_date):
        messages.warning(request, note)


def _matches_then(
    item: figures.ActionAsAt,
    query: str,
    agency: Agency | None,
    owner: Any,
    owners: dict[int, tuple[set[int], set[int]]],
) -> bool:
    """The plan page's filters for an action as at a past date: the words searched in its
    reference, text and owner then, the agency as its lead or sharing agency then, the person as
    one of its owners then (`owners`: from `figures.owners_then`)."""
    people, agencies = owners.get(item.action_id, (set(), set()))
    if owner and getattr(owner, "pk", owner) not in people:
        return False
    if agency and getattr(agency, "pk", agency) not in {item.lead_agency_id, *agencies}:
        return False
    return _words_then(item, query)


def _words_then(item: figures.ActionAsAt, query: str) -> bool:
    """The searched words in the action's reference, text or owner as they stood on the as-at date
    (QA round 7: '10.6' found nothing on a page showing 10.6, renumbered 10.9 since)."""
    return holds_words(query or "", item.ref, item.text, item.owner_text)


def attach(obj: Any, relation: str, known: dict[int, Any]) -> None:
    """Set a foreign key's object from rows the page has read (instead of a join or a query).
    A key not among them is left to Django to read, so nothing is ever shown wrong."""
    pk = getattr(obj, f"{relation}_id")
    if pk in known:  # an empty key needs nothing: Django gives None without a query
        setattr(obj, relation, known[pk])


class CountedPaginator(Paginator):
    """A paginator given the number of rows when the page has counted them already (its
    figures), so it does not ask the database again."""

    def __init__(self, object_list: Any, per_page: int, count: int | None = None) -> None:
        super().__init__(object_list, per_page)
        if count is not None:
            self.__dict__["count"] = count  # Paginator.count is a cached property

    def get_page(self, number: Any) -> Page:
        """As Django's, except that a page number below 1 ('?page=0') is the first page, not the last."""
        try:
            if int(number) < 1:
                number = 1
        except (TypeError, ValueError):
            pass
        return super().get_page(number)


def pagination(request: HttpRequest, page: Page) -> dict[str, Any] | None:
    """Links for the GOV.UK pagination component, keeping the filters in the query string."""
    if page.paginator.num_pages <= 1:
        return None
    params = request.GET.copy()

    def href(number: int) -> str:
        params["page"] = str(number)
        return "?" + params.urlencode()

    items: list[dict[str, Any]] = []
    last = page.paginator.num_pages
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == Paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append({"number": number, "href": href(int(number)), "current": number == page.number})
    return {
        "items": items,
        "previous": href(page.previous_page_number()) if page.has_previous() else None,
        "next": href(page.next_page_number()) if page.has_next() else None,
        "last": last,
    }


# --- Deleting a plan -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def delete_plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Delete a plan (imported or added by mistake): asked once more on a page of its own that
    says what goes with it, as removing a member is. Plan managers and admins; once the board has
    signed off an area, admins only: a plan manager is told why and offered no button, and their
    POST is refused (403). Deleted as the API deletes (`plans.deleting.delete_plan`)."""
    user = request.user
    plan = get_object_or_404(Plan.objects.for_user(user).select_related("partnership"), pk=plan_id)
    if not rules.can_manage_plans(user, plan.partnership_id):
        raise PermissionDenied(deleting.MANAGERS_ONLY)
    if request.method == "POST":
        title = plan.title
        deleting.delete_plan(plan, user)  # asks the rule again, with the plan's row locked
        messages.success(request, f"{title} has been deleted")
        return redirect("home")
    may_delete = rules.can_delete_plan(user, plan)
    contents = deleting.plan_contents(plan) if may_delete else None
    return render(
        request,
        "plans/delete_plan.html",
        {
            "plan": plan,
            "may_delete": may_delete,
            "contents": contents,
            "contents_in_words": deleting.contents_in_words(contents) if contents else "",
            "signed_off": [] if may_delete else deleting.signed_off_areas(plan),
        },
    )


# --- Action page, history and progress updates -------------------------------------------

# Field names in the users' words, for the history.
FIELD_LABELS = {
    "ref": "Reference",
    "section": "Section",
    "text": "Action",
    "owner_text": "Owner as written",
    "lead_agency": "Lead agency",
    "due_text": "Due date as written",
    "due_date": "Due date",
    "outcome": "Outcome sought",
    "constraints": "Constraints or problems",
    "question": "Board question",
    "date": "Date",
    "status": "Status",
    "narrative": "Progress and impact",
    "next_steps": "Next steps",
    "title": "Title",
    "link": "Link",
    "file": "File",
}
# Status and last update date on the action are cached copies of the updates, shown there.
ACTION_FIELDS = [
    "ref",
    "section",
    "text",
    "owner_text",
    "lead_agency",
    "due_text",
    "due_date",
    "outcome",
    "constraints",
    "question",
]
UPDATE_FIELDS = ["date", "status", "narrative", "next_steps"]
EVIDENCE_FIELDS = ["title", "link", "file"]
VERBS = {"+": "added", "~": "changed", "-": "deleted"}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: dt.datetime
    who: str
    what: str
    changes: list[Change]
    order: int


def update_records(action: Action) -> list[Any]:
    """The history records of the action's progress updates (one query)."""
    return list(
        historical_model(ProgressUpdate).objects.filter(action_id=action.pk).select_related("history_user")
    )


def action_history(
    action: Action,
    statuses: list[RagStatus],
    action_rows: list[Any],
    owners: list[Person],
    owner_agencies: list[Agency],
    update_rows: list[Any] | None = None,
) -> list[HistoryEntry]:
    """Every create, change and delete of the action, its updates and their evidence, newest first.

    A fixed number of queries at most: the history rows of each model, then the names behind
    their ids. The page has already read the plan's `statuses`, the action's own history
    records (`action_records`, which it also counts due-date changes from) and its current
    section, lead agency, `owners` and `owner_agencies`; names are read only for ids the
    history holds beyond those (a section, agency or person the action had before).
    """
    if update_rows is None:
        update_rows = update_records(action)
    update_ids = {row.id for row in update_rows}
    evidence_rows = list(
        historical_model(Evidence).objects.filter(update_id__in=update_ids).select_related("history_user")
    )
    update_dates = {row.id: row.date for row in update_rows}
    partnership_id = action.plan.partnership_id
    known_agencies = {a.pk: str(a) for a in owner_agencies}
    # (a removed action's record has neither in hand: their names are read with the others')
    if action.lead_agency_id and Action.lead_agency.is_cached(action):
        known_agencies[action.lead_agency_id] = str(action.lead_agency)
    linked_agencies = _linked_pairs(action, action_rows, "owner_agencies", "agency_id")
    agencies = _names(
        Agency.objects.filter(partnership_id=partnership_id),
        {r.lead_agency_id for r in action_rows} | {pk for _, pk in linked_agencies},
        known_agencies,
    )
    linked_people = _linked_pairs(action, action_rows, "owners", "person_id")
    people = _names(
        Person.objects.filter(partnership_id=partnership_id),
        {pk for _, pk in linked_people},
        {p.pk: str(p) for p in owners},
    )
    names: dict[str, dict[Any, str]] = {
        "status": {s.pk: s.label for s in statuses},
        "lead_agency": agencies,
        "section": _names(
            Section.objects.filter(plan_id=action.plan_id),
            {r.section_id for r in action_rows},
            {action.section_id: str(action.section)}
            if action.section_id and Action.section.is_cached(action)
            else {},
        ),
    }
    linked = {
        "Owners": _joined_names(linked_people, people),
        "Owner agencies": _joined_names(linked_agencies, agencies),
    }

    def linked_changes(row: Any, before: Any) -> list[Change]:
        """Changes of the linked owners and agencies, kept by history as sets per record."""
        changes = []
        for label, sets in linked.items():
            old = sets.get(before.history_id, "") if before is not None else ""
            new = sets.get(row.history_id, "")
            if old != new and (new or before is not None):
                changes.append(Change(label, old if before is not None else "", new or "(none)"))
        return changes

    def show(name: str, value: Any) -> str:
        if value in (None, ""):
            return "(none)"
        if name in names:
            return names[name].get(value, "(deleted)")
        if isinstance(value, dt.date):
            return value.strftime("%-d %B %Y")
        if name == "file":
            return os.path.basename(str(value))
        return str(value)

    def describe(rows: list, fields: list[str], what: Any, extra: Any = None) -> list[HistoryEntry]:
        entries = []
        previous: dict[int, Any] = {}
        shown: dict[int, HistoryEntry] = {}  # each object's latest entry, to fold one save's records into
        for row in sorted(rows, key=lambda r: (r.history_date, r.history_id)):
            before = previous.get(row.id)
            if row.history_type == "~" and before is not None:
                delta = row.diff_against(before, included_fields=fields)
                changes = [
                    Change(FIELD_LABELS[c.field], show(c.field, c.old), show(c.field, c.new))
                    for c in delta.changes
                ]
            elif row.history_type == "+":
                changes = [
                    Change(FIELD_LABELS[name], "", show(name, getattr(row, _attname(name))))
                    for name in fields
                    if getattr(row, _attname(name)) not in (None, "")
                ]
            else:
                changes = []
            links = extra(row, before) if extra is not None and row.history_type != "-" else []
            previous[row.id] = row
            entry = shown.get(row.id)
            if entry is not None and links and not changes and _same_save(before, row):
                # django-simple-history writes one save as a record of the row and then one per
                # change of a list of links: those fold into the row's entry, one entry per save
                entry.changes = _merged_changes(entry.changes, links)
                if not entry.changes and entry.what.endswith(VERBS["~"]):
                    entries.remove(entry)  # undone within the save: nothing to show
                    del shown[row.id]
                continue
            changes += links
            if row.history_type == "~" and before is not None and not changes:
                shown.pop(row.id, None)  # a save of its own, though nothing shown changed
                continue  # saved with nothing shown changed (the version alone, or its links shown apart)
            user = row.history_user
            who = display_name(user) if user else "the system"
            if row.history_change_reason:
                # 'Priya Shah, imported from plan-v2.docx': an import's change, not a hand edit
                reason = row.history_change_reason
                who = f"{who}, {reason[:1].lower()}{reason[1:]}"
            entry = HistoryEntry(
                when=row.history_date,
                who=who,
                what=f"{what(row)} {VERBS.get(row.history_type, 'changed')}",
                changes=changes,
                order=row.history_id,
            )
            entries.append(entry)
            shown[row.id] = entry
        return entries

    def update_name(row: Any) -> str:
        return f"Progress update of {row.date:%-d %B %Y}"

    def evidence_name(row: Any) -> str:
        day = update_dates.get(row.update_id)
        return f"Evidence for the update of {day:%-d %B %Y}" if day else "Evidence"

    entries = (
        describe(action_rows, ACTION_FIELDS, lambda row: "Action", linked_changes)
        + describe(update_rows, UPDATE_FIELDS, update_name)
        + describe(evidence_rows, EVIDENCE_FIELDS, evidence_name)
    )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


# Records of one save: django-simple-history writes them one after another in the same request.
ONE_SAVE = dt.timedelta(seconds=2)


def _same_save(before: Any, row: Any) -> bool:
    """Two history records of one object written by one save (same person, same reason, same
    version of the action, moments apart)."""
    return (
        before.history_user_id == row.history_user_id
        and (before.history_change_reason or "") == (row.history_change_reason or "")
        and getattr(before, "version", None) == getattr(row, "version", None)
        and row.history_date - before.history_date <= ONE_SAVE
    )


def _merged_changes(first: list[Change], then: list[Change]) -> list[Change]:
    """The changes of two records of one save as one: a field changed in both goes from the
    first's old value to the second's new one, and drops out where it came back to where it was."""
    merged = {c.label: Change(c.label, c.old, c.new) for c in first}
    for change in then:
        earlier = merged.get(change.label)
        merged[change.label] = Change(change.label, earlier.old if earlier else change.old, change.new)
    return [c for c in merged.values() if c.old != c.new]


def action_records(action: Action) -> list[Any]:
    """The action's own history records (django-simple-history), with who made each."""
    return list(historical_model(Action).objects.filter(id=action.pk).select_related("history_user"))


def _linked_pairs(action: Action, rows: list, field: str, column: str) -> list[tuple[int, int]]:
    """(history record, linked id) of a many-to-many field at each history record (one query)."""
    if not rows:
        return []
    # The history's own table of the links (reading it through a record's manager would
    # build django-simple-history's manager class again).
    historical = historical_model(Action)
    through = historical._meta.get_field(f"{historical._meta.model_name}_{field}").related_model
    return list(through.objects.filter(history__id=action.pk).values_list("history_id", column))


def _names(rows: QuerySet, wanted: set[Any], known: dict[Any, str]) -> dict[Any, str]:
    """Names of the `wanted` ids: those the page knows, and the others read from `rows` (one
    query, only when some are missing)."""
    missing = {pk for pk in wanted if pk is not None} - known.keys()
    if not missing:
        return known
    return {**known, **{obj.pk: str(obj) for obj in rows.filter(pk__in=missing)}}


def _joined_names(pairs: list[tuple[int, int]], names: dict[Any, str]) -> dict[int, str]:
    """The names linked at each history record, as one sorted text."""
    linked: dict[int, list[str]] = {}
    for history_id, pk in pairs:
        linked.setdefault(history_id, []).append(names.get(pk, "(deleted)"))
    return {history_id: "; ".join(sorted(found)) for history_id, found in linked.items()}


def _attname(name: str) -> str:
    return f"{name}_id" if name in {"section", "lead_agency", "status"} else name


def _removed_action(request: HttpRequest, action_id: int) -> Any:
    """The history record of an action removed from one of the user's plans, or None."""
    record = deletion_record(Action, action_id)
    if record is None or not Plan.objects.for_user(request.user).filter(pk=record.plan_id).exists():
        return None
    return record


def _visible_action(request: HttpRequest, action_id: int, flag_facts: bool = False) -> Action:
    actions = Action.objects.for_user(request.user).select_related(
        "plan__partnership", "section__parent", "lead_agency", "status"
    )
    return get_object_or_404(with_flag_facts(actions) if flag_facts else actions, pk=action_id)


def render_action_page(
    request: HttpRequest, action: Action, form: ProgressUpdateForm | None = None, status: int = 200
) -> HttpResponse:
    user = request.user
    may_add = rules.can_add_update(user, action)
    if may_add and form is None:
        form = ProgressUpdateForm(action=action)
    updates = list(
        ProgressUpdate.objects.for_user(user)
        .filter(action=action)
        .select_related("status", "author")
        .prefetch_related("evidence")
    )
    statuses = list(RagStatus.objects.filter(plan_id=action.plan_id).order_by("order"))
    records = action_records(action)
    owners = list(action.owners.select_related("agency"))
    owner_agencies = list(action.owner_agencies.all())
    update_rows = update_records(action)
    imported = {
        row.id: row.history_change_reason
        for row in update_rows
        if row.history_type == "+" and (row.history_change_reason or "").startswith(IMPORTED_FROM)
    }
    withdraw = url_maker("plans:withdraw_update")
    for update in updates:
        update.imported_from = imported.get(update.pk, "")
        update.action = action  # (the page's own, with its section and plan loaded: no query)
        if rules.can_withdraw_update(user, update, may_update=may_add):
            update.withdraw_url = withdraw(update.pk)
    locked = rules.is_locked(action)
    context = {
        "action": action,
        "plan": action.plan,
        "owners": owners,
        "owner_agencies": owner_agencies,
        "updates": updates,
        "status_since": status_since(updates),
        "history": action_history(action, statuses, records, owners, owner_agencies, update_rows),
        "form": form if may_add else None,
        "statuses": statuses,
        "may_edit": rules.can_edit_action(user, action),
        "overdue": action.is_overdue(),
        "locked": locked,
        "flags": flags_by_action(
            [action],
            statuses=statuses,
            due_changes=due_changes_in(records),
            closed_sections={action.section_id} if locked else set(),
        ).get(action.pk, []),
    }
    return render(request, "plans/action.html", context, status=status)


def gone_if_removed(attempted: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """An action's page, form or link reached after the action was removed from the plan (an old
    link in an email or a board pack, a form open in another tab): the removed action's page, which
    says who removed it and when (410 Gone), instead of 'Page not found'; what was being sent
    (`attempted`: 'update', 'change', 'removal') is said not to be saved, and what was typed given back."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, action_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                return view(request, action_id, *args, **kwargs)
            except Http404:
                removed = _removed_action(request, action_id)
                if removed is None:
                    raise
                sent = request.method == "POST"
                written = (request.POST.get("narrative") or request.POST.get("text") or "").strip()
                return render_removed_action(
                    request, removed, written=written if sent else None, attempted=attempted if sent else ""
                )

        return wrapped

    return decorate


@login_required
@gone_if_removed("")
def action_page(request: HttpRequest, action_id: int) -> HttpResponse:
    return render_action_page(request, _visible_action(request, action_id, flag_facts=True))


def render_removed_action(
    request: HttpRequest, removed: Any, written: str | None = None, attempted: str = ""
) -> HttpResponse:
    """The page of an action removed from the plan (410 Gone): who removed it and when, what it
    said, and its history from the records kept (`written`: what was sent meanwhile, given back)."""
    action = removed.instance  # unsaved, from the record: its plan, section and agency read by id
    statuses = list(RagStatus.objects.filter(plan_id=action.plan_id).order_by("order"))
    history = action_history(action, statuses, action_records(action), [], [])
    return render(
        request,
        "plans/action_removed.html",
        {
            "removed": removed,
            "written": written,
            "attempted": attempted,
            "history": history,
            "plan": action.plan,
        },
        status=410,
    )


@login_required
@require_http_methods(["GET", "POST"])
@gone_if_removed("update")  # removed while the owner was writing: said, and what they wrote given back
def add_update(request: HttpRequest, action_id: int) -> HttpResponse:
    action = _visible_action(request, action_id)
    if not rules.can_add_update(request.user, action):
        raise PermissionDenied(updates.refusal(request.user, action))
    if request.method == "GET":
        return render_add_update_page(request, action, ProgressUpdateForm(action=action))
    form = ProgressUpdateForm(request.POST, request.FILES, action=action)
    if not form.is_valid():
        # Errors are shown on the page the form was sent from.
        if request.POST.get("source") == "add_update":
            return render_add_update_page(request, action, form)
        return render_action_page(request, action, form)
    data = form.cleaned_data
    update, new, added = updates.record_update(
        action,
        request.user,
        date=data["date"],
        status=data["status"],
        narrative=data["narrative"],
        next_steps=data["next_steps"],
        evidence_link=data["evidence_link"],
        evidence_file=data["evidence_file"],
    )
    if new:
        messages.success(request, updates.outcome_message(action, update))
    else:
        messages.success(request, updates.resent_message(action, added))
    return redirect(action.get_absolute_url())


def render_add_update_page(request: HttpRequest, action: Action, form: ProgressUpdateForm) -> HttpResponse:
    statuses = list(RagStatus.objects.filter(plan_id=action.plan_id).order_by("order"))
    context = {
        "action": action,
        "plan": action.plan,
        "form": form,
        "statuses": statuses,
        "source": "add_update",
    }
    return render(request, "plans/add_update.html", context)


@login_required
def evidence_file(request: HttpRequest, evidence_id: int) -> FileResponse:
    """Uploaded evidence, only to members of the partnership (never served from MEDIA_URL)."""
    evidence = get_object_or_404(Evidence.objects.for_user(request.user), pk=evidence_id)
    if not evidence.file:
        raise Http404("This evidence is a link, not a file.")
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing.") from None
    return FileResponse(handle, as_attachment=True, filename=evidence.download_name())


CONFLICT = (
    "Someone else changed this action since you opened it. The action now reads as shown below; "
    "check your changes and save again to replace theirs."
)


@login_required
@require_http_methods(["GET", "POST"])
@gone_if_removed("change")
def edit_action(request: HttpRequest, action_id: int) -> HttpResponse:
    action = _visible_action(request, action_id)
    if not rules.can_edit_action(request.user, action):
        raise PermissionDenied("Only plan managers can change an action.")
    current, clashes = None, []
    label = action.label  # as saved: an invalid form changes the instance it checks
    if request.method == "POST":
        form = ActionForm(request.POST, instance=action, user=request.user)
        if form.is_valid():
            with transaction.atomic():
                # Lock the row, then compare versions: two managers saving at once cannot both win.
                current = (
                    Action.objects.select_for_update(of=("self",))
                    .select_related("lead_agency")
                    .get(pk=action.pk)
                )
                opened = form.cleaned_data["version"]
                if current.version == opened and not [n for n in form.changed_data if n != "version"]:
                    messages.success(request, f"Action {label} was not changed")
                    return redirect(action.get_absolute_url())
                if current.version == opened:
                    action.version = current.version + 1
                    edits.save(action, edits.form_values(form.cleaned_data))
                    messages.success(request, f"Action {action.label} saved")
                    _say_if_undated(request, action)
                    return redirect(action.get_absolute_url())
                # Someone saved in between: their changes to fields this person left alone stay.
                merged = edits.merge(
                    edits.opened_values(current, opened),
                    edits.saved_values(current),
                    edits.form_values(form.cleaned_data),
                )
                if not merged.clashes:
                    merged.apply(current)
                    current.version += 1
                    edits.save(current, merged.values)
                    labels = ", ".join(str(form.fields[n].label).lower() for n in merged.theirs)
                    messages.success(
                        request,
                        f"Action {action.label} saved. Someone else changed its {labels} meanwhile; "
                        "their change is kept.",
                    )
                    _say_if_undated(request, current)
                    return redirect(action.get_absolute_url())
            # Saving again is a deliberate choice to replace the other person's change.
            clashes = [str(form.fields[n].label) for n in merged.clashes]
            data = request.POST.copy()
            for name, values in merged.as_form_data().items():
                data.setlist(name, values)
            data["version"] = str(current.version)
            form = ActionForm(data, instance=Action.objects.get(pk=action.pk), user=request.user)
            form.is_valid()
            form.add_error(None, CONFLICT)
    else:
        form = ActionForm(instance=action, user=request.user)
    return render(
        request,
        "plans/edit_action.html",
        {
            "action": action,
            "label": label,
            "plan": action.plan,
            "form": form,
            "current": current,
            "clashes": clashes,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_section(request: HttpRequest, section_id: int) -> HttpResponse:
    section = get_object_or_404(Section.objects.for_user(request.user).select_related("plan"), pk=section_id)
    if not rules.can_edit_section(request.user, section):
        raise PermissionDenied("Only plan managers can change a section; a signed-off one, only admins.")
    form = SectionForm(request.POST or None, instance=section)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Section {section} saved")
        return redirect(section.plan.get_absolute_url())
    return render(
        request, "plans/edit_section.html", {"section": section, "plan": section.plan, "form": form}
    )


# --- Adding actions and sections, changing the plan, removing an action --------------------


def _managed_plan(request: HttpRequest, plan_id: int) -> Plan:
    """The plan, seen through the one door, where the user may change it (plan managers, admins)."""
    plan = get_object_or_404(Plan.objects.for_user(request.user).select_related("partnership"), pk=plan_id)
    if not rules.can_edit_plan(request.user, plan):
        raise PermissionDenied("Only plan managers and admins can change a plan.")
    return plan


def _place_in_section(plan: Plan, section: Section | None) -> int:
    """The order of an action added to `section`: after the section's last action (the plan's later
    actions move down one), so the plan page lists it with its section; last when the section has none."""
    last = (
        Action.objects.filter(plan=plan, section=section)
        .order_by("-order")
        .values_list("order", flat=True)
        .first()
    )
    if last is None:
        return _next_order(Action.objects.filter(plan=plan))
    Action.objects.filter(plan=plan, order__gt=last).update(order=F("order") + 1)
    return last + 1


def _next_order(rows: QuerySet) -> int:
    """One after the largest order among `rows`: a new action or section goes last."""
    last = rows.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


@login_required
@require_http_methods(["GET", "POST"])
def add_action(request: HttpRequest, plan_id: int) -> HttpResponse:
    """A new action in the plan (a board's new action, one the document left out), in the section
    the link came from; not into a section the board has signed off, unless an admin."""
    plan = _managed_plan(request, plan_id)
    action = Action(plan=plan)
    section = request.GET.get("section", "")
    initial = {"section": section} if section.isdigit() else {}
    form = ActionForm(request.POST or None, instance=action, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            action = form.save(commit=False)
            # the form sent again (two clicks, or Back then Save): an action without a reference is
            # not refused as a duplicate reference, so the first one is the one
            again = Action.objects.filter(
                plan=plan,
                section=action.section,
                ref="",
                text=action.text,
                created__gte=timezone.now() - RESUBMIT_WINDOW,
            ).first()
            if not action.ref and again is not None:
                messages.success(request, "This action was added already")
                return redirect(again.get_absolute_url())
            action.order = _place_in_section(plan, action.section)
            action.save()
            form.save_m2m()
        messages.success(request, f"Action {action.label} added")
        _say_if_undated(request, action)
        return redirect(action.get_absolute_url())
    return render(request, "plans/add_action.html", {"plan": plan, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def add_section(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _managed_plan(request, plan_id)
    form = NewSectionForm(request.POST or None, instance=Section(plan=plan), user=request.user)
    if request.method == "POST" and form.is_valid():
        section = form.save(commit=False)
        section.order = _next_order(Section.objects.filter(plan=plan))
        section.save()
        messages.success(request, f"Section {section} added")
        return redirect(plan.get_absolute_url())
    return render(request, "plans/add_section.html", {"plan": plan, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def edit_plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The plan's title, kind, dates, its own stale period and its RAG scheme's definitions."""
    plan = _managed_plan(request, plan_id)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # the plan's row locked, then what others saved since the page was opened read again
            current = Plan.objects.select_for_update().get(pk=plan.pk)
            form.statuses = list(current.rag_statuses.order_by("order", "pk"))
            kept = form.keep_their_changes(current, form.statuses)
            for name in PlanForm.Meta.fields:
                setattr(current, name, form.cleaned_data[name])
            current.save()
            for status, definition in form.definitions().items():
                status.definition = definition
                status.save(update_fields=["definition"])
        told = "Plan saved"
        if kept:
            told += f". Someone else changed its {', '.join(kept)} meanwhile; their change is kept."
        messages.success(request, told)
        return redirect(plan.get_absolute_url())
    return render(request, "plans/edit_plan.html", {"plan": plan, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
@gone_if_removed("removal")
def delete_action(request: HttpRequest, action_id: int) -> HttpResponse:
    """Remove an action added by mistake or dropped by the board, asked once more. Its history is
    kept: the plan as at an earlier date still shows it, and its changes stay listed."""
    action = _visible_action(request, action_id)
    if not rules.can_edit_action(request.user, action):
        raise PermissionDenied("Only plan managers can remove an action; in a signed-off area, only admins.")
    plan, label = action.plan, action.label
    if request.method == "POST":
        action.delete()
        messages.success(request, f"Action {label} removed")
        return redirect(plan.get_absolute_url())
    updates_count = action.updates.count()
    # uploaded files go for good with their evidence (they often hold case detail): said before
    files_count = Evidence.objects.filter(update__action=action).exclude(file="").count()
    return render(
        request,
        "plans/delete_action.html",
        {
            "action": action,
            "plan": plan,
            "label": label,
            "updates_count": updates_count,
            "files_count": files_count,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def withdraw_update(request: HttpRequest, update_id: int) -> HttpResponse:
    """Withdraw a progress update recorded by mistake, asked once more with the reason, which the
    action's history keeps with who withdrew it; the action's status is the latest update left."""
    update = (
        ProgressUpdate.objects.for_user(request.user)
        .select_related("action__plan__partnership", "action__section__parent", "status")
        .filter(pk=update_id)
        .first()
    )
    if update is None:
        return _withdrawn_already(request, update_id)
    action = update.action
    if not rules.can_withdraw_update(request.user, update):
        raise PermissionDenied(
            "Only the update's author or a plan manager can withdraw it; in a signed-off area, only admins."
        )
    form = WithdrawUpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        day = update.date
        if not updates.withdraw(update, form.cleaned_data["reason"], form.cleaned_data["remove_words"]):
            return _withdrawn_already(request, update_id)
        messages.success(request, f"The update of {day.day} {day:%B %Y} is withdrawn")
        return redirect(action.get_absolute_url())
    return render(
        request,
        "plans/withdraw_update.html",
        {
            "update": update,
            "action": action,
            "plan": action.plan,
            "form": form,
            "files_count": update.evidence.exclude(file="").count(),
        },
    )


def _withdrawn_already(request: HttpRequest, update_id: int) -> HttpResponse:
    """A withdrawal sent again (Back, a second tab, an old link): who withdrew the update, when and
    why (410 Gone), or 'Page not found' for an update the user could never see."""
    gone = updates.withdrawal(request.user, update_id)
    if gone is None:
        raise Http404
    # a plan manager may still remove the words of an update withdrawn without removing them
    may_remove = gone.record.narrative != WORDS_REMOVED and rules.can_manage_plans(
        request.user, gone.partnership_id
    )
    if request.method == "POST" and request.POST.get("remove_words") and may_remove:
        updates.remove_withdrawn_words(gone.record)
        messages.success(
            request, "Its words are removed from the history: who withdrew it, when and why stay."
        )
        return redirect("plans:action", gone.record.action_id)
    return render(
        request,
        "plans/update_withdrawn.html",
        {
            "record": gone.record,
            "withdrawn": gone.withdrawn,
            "reason": gone.reason,
            "action_url": reverse("plans:action", args=[gone.record.action_id]),
            "may_remove": may_remove,
        },
        status=410,
    )


# --- My actions ------------------------------------------------------------------------


@login_required
def my_actions(request: HttpRequest) -> HttpResponse:
    user = request.user
    owned = Action.objects.for_user(user).owned_by(user)
    # a plan the board has closed asks its owners for nothing: its actions are not listed (said),
    # as the home page leaves it out of the figures (QA round 10)
    actions = owned.exclude(plan__stage=PlanStage.CLOSED)
    in_closed_plans = owned.filter(plan__stage=PlanStage.CLOSED).count()
    listed = with_flag_facts(
        actions.select_related("plan", "status", "section").order_by(
            F("due_date").asc(nulls_last=True), "plan__title", "order", "pk"
        )
    )
    headline = figures.headline(actions)
    # The headline counted the same actions the list shows.
    page = CountedPaginator(listed, MY_ACTIONS_PAGE_SIZE, count=headline.total).get_page(
        request.GET.get("page")
    )
    today = timezone.localdate()
    # Contributors and managers may add updates to their own actions; viewers only read.
    # (The add-update page asks plans.rules again, including sign-off locks.)
    roles: dict[int, Role | None] = {}
    for action in page.object_list:
        partnership_id = action.plan.partnership_id
        if partnership_id not in roles:
            roles[partnership_id] = rules.role_for(user, partnership_id)
    # An action of an area the board has signed off is closed to all but admins: no link that
    # would only answer "locked". The overdue figure counts such actions too (the facts stand): it
    # says how many, as the list shows them 'Signed off' (QA round 8). One read of the user's plans'
    # signed-off sections serves both.
    locked = rules.locked_section_ids(set(actions.values_list("plan_id", flat=True).distinct()))
    overdue_signed_off = actions.filter(section_id__in=locked).overdue(today).count() if locked else 0
    rows = [
        {
            "action": action,
            "overdue": action.is_overdue(today),
            "signed_off": action.section_id in locked,
            "may_update": roles[action.plan.partnership_id] not in (None, Role.VIEWER)
            and (action.section_id not in locked or roles[action.plan.partnership_id] == Role.ADMIN),
        }
        for action in page.object_list
    ]
    # The latest update's status is the action's own (cached) status, almost always.
    flags = flags_by_action(
        [row["action"] for row in rows],
        statuses=[a.status for a in page.object_list if a.status],
        closed_sections=locked,
    )
    for row in rows:
        row["flags"] = flags.get(row["action"].pk, [])
    return render(
        request,
        "plans/my_actions.html",
        {
            "rows": rows,
            "page": page,
            "pagination": pagination(request, page),
            "headline": headline,
            "overdue_signed_off": overdue_signed_off,
            "in_closed_plans": in_closed_plans,
            "due_soon_days": _due_soon_days(),
            "partnership_names": partnership_names_when_several(request.user),
        },
    )
