"""Figures computed once: counts, overdue, due soon, per agency, and plans as at a past date.

The dashboard, the plan page, the board pack and the API all call these functions, so the
numbers always agree. Each function issues a fixed number of queries, whatever the number
of actions.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from plans.models import Action, Agency, ProgressUpdate, RagStatus, Section, historical_model

NO_STATUS = "none"


@dataclass(frozen=True)
class StatusCount:
    key: str
    label: str
    colour: str
    count: int
    is_done: bool = False
    # counted under a key that plans define apart: how many of them their own plan calls done
    # (one plan's Green is 'Action completed', another's 'On track')
    done_part: int = 0


def _merged_by_key(
    rows: Iterable[tuple[str | None, str | None, str | None, bool, int | None, int]],
) -> list[StatusCount]:
    """Counts per status key across plans, worst first, from (key, label, colour, is done, order,
    count) per plan's status; a key some plans call done and others not says how many were done."""
    merged: dict[str, StatusCount] = {}
    order: dict[str, int] = {}
    done: dict[str, int] = defaultdict(int)
    for key, label, colour, is_done, rank, count in rows:
        key = key or NO_STATUS
        if is_done:
            done[key] += count
        if key in merged:
            old = merged[key]
            merged[key] = StatusCount(old.key, old.label, old.colour, old.count + count, old.is_done)
            continue
        merged[key] = StatusCount(key, label or "No update yet", colour or "grey", count, bool(is_done))
        order[key] = rank if rank is not None else 999
    counts = [
        StatusCount(c.key, c.label, c.colour, c.count, c.is_done, done[c.key])
        if 0 < done[c.key] < c.count
        else c
        for c in merged.values()
    ]
    return sorted(counts, key=lambda s: (order[s.key], s.key))


@dataclass(frozen=True)
class Headline:
    total: int
    done: int
    overdue: int
    due_soon: int
    red: int
    no_update: int


def headline(
    actions: QuerySet[Action], today: dt.date | None = None, due_soon_days: int | None = None
) -> Headline:
    """The numbers a partnership home or a report cover shows, in one query."""
    return Breakdown(actions, by=(), today=today, due_soon_days=due_soon_days).headline()


EMPTY_HEADLINE = Headline(total=0, done=0, overdue=0, due_soon=0, red=0, no_update=0)


def status_counts(actions: QuerySet[Action]) -> list[StatusCount]:
    """Actions per current status, worst first, across plans (statuses grouped by key)."""
    rows = (
        actions.order_by()
        .values_list("status__key", "status__label", "status__colour", "status__is_done", "status__order")
        .annotate(n=Count("pk", distinct=True))
    )
    return _merged_by_key(rows)


@dataclass
class GroupRow:
    """Counts for one agency or section: total, per status key, overdue."""

    name: str
    total: int = 0
    overdue: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    pk: int | None = None


def counts_by_agency(actions: QuerySet[Action], today: dt.date | None = None) -> list[GroupRow]:
    """Per lead agency (actions with none are grouped as "No lead agency")."""
    return _counts_by(actions, "lead_agency", today, "No lead agency")


def counts_by_section(actions: QuerySet[Action], today: dt.date | None = None) -> list[GroupRow]:
    """Per section the actions sit in directly."""
    return _counts_by(actions, "section", today, "No section")


def _counts_by(actions: QuerySet[Action], fk: str, today: dt.date | None, none_label: str) -> list[GroupRow]:
    today = today or timezone.localdate()
    rows = (
        actions.order_by()
        .values(fk, "status__key")
        .annotate(
            n=Count("pk", distinct=True),
            late=Count("pk", filter=Q(due_date__lt=today) & ~Q(status__is_done=True), distinct=True),
        )
    )
    groups: dict[int | None, GroupRow] = {}
    for row in rows:
        group = groups.setdefault(row[fk], GroupRow(name=none_label, pk=row[fk]))
        key = row["status__key"] or NO_STATUS
        group.by_status[key] = group.by_status.get(key, 0) + row["n"]
        group.total += row["n"]
        group.overdue += row["late"]
    names = _names(fk, [pk for pk in groups if pk is not None])
    for pk, group in groups.items():
        if pk is not None:
            group.name = names.get(pk, group.name)
    return sorted(groups.values(), key=lambda g: (g.pk is None, g.name.lower()))


def _names(fk: str, pks: list[int]) -> dict[int, str]:
    if fk == "lead_agency":
        return {a.pk: str(a) for a in Agency.objects.filter(pk__in=pks)}
    from plans.models import Section

    return {s.pk: str(s) for s in Section.objects.filter(pk__in=pks)}


# --- Everything a page shows, from one query ------------------------------------------


@dataclass(slots=True)
class Cell:
    """The actions of one group (plan, agency, section ...) with one current status."""

    group: tuple
    key: str | None
    label: str | None
    colour: str | None
    is_done: bool
    order: int | None
    count: int
    overdue: int
    due_soon: int


def _add_up(cells: list[Cell]) -> Headline:
    return Headline(
        total=sum(c.count for c in cells),
        done=sum(c.count for c in cells if c.is_done),
        overdue=sum(c.overdue for c in cells),
        due_soon=sum(c.due_soon for c in cells),
        red=sum(c.count for c in cells if c.colour == "red"),
        no_update=sum(c.count for c in cells if c.key is None),
    )


def _breakdown_rows(
    actions: QuerySet[Action], by: tuple[str, ...], today: dt.date | None, due_soon_days: int | None
) -> list[tuple]:
    """Rows of (*group values, status key, label, colour, is_done, order, actions, overdue,
    due soon), one per group and status, in one query.

    The actions come from the queryset as given (so through `for_user` and any filter), each
    once; the counting around them is SQL written here once. Building the same counts as ORM
    aggregates (five filtered distinct counts) cost more time in Python than the database
    took to run them, on every page that shows figures.
    """
    today = today or timezone.localdate()
    days = due_soon_days or settings.OVERSIGHT_DUE_SOON_DAYS
    columns = {f"g{i}": F(name) for i, name in enumerate(by)}
    # DISTINCT: a filter through a many-to-many link must not count an action twice.
    inner = actions.order_by().values(a_status=F("status"), a_due=F("due_date"), a_id=F("pk"), **columns)
    inner_sql, inner_params = inner.distinct().query.sql_with_params()
    connection = connections[actions.db]
    q = connection.ops.quote_name
    status = RagStatus._meta
    groups = ", ".join(f"a.{q(name)}" for name in columns)
    status_columns = ", ".join(
        f"s.{q(status.get_field(name).column)}" for name in ("key", "label", "colour", "is_done", "order")
    )
    group_by = f"{groups}, {status_columns}" if groups else status_columns
    is_done = f"s.{q(status.get_field('is_done').column)}"
    day = connection.ops.adapt_datefield_value
    # "Not done" is a status that is not marked done, or no status at all.
    sql = (
        f"SELECT {group_by}, COUNT(*), "  # noqa: S608 - names from the models, values as parameters
        f"SUM(CASE WHEN {is_done} THEN 0 WHEN a.a_due < %s THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN {is_done} THEN 0 WHEN a.a_due >= %s AND a.a_due <= %s THEN 1 ELSE 0 END) "
        f"FROM ({inner_sql}) a LEFT OUTER JOIN {q(status.db_table)} s ON s.{q(status.pk.column)} = a.a_status "
        f"GROUP BY {group_by}"
    )
    # In the order they appear: the three dates in the SELECT, then the inner query's own.
    params = [day(today), day(today), day(today + dt.timedelta(days=days)), *inner_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class Breakdown:
    """Counts of actions per group and current status, in one query.

    `headline`, `status_counts` and `groups` add up its cells, so a page that needs all three
    (the partnership home, the plan page) reads the actions once instead of once for each,
    and the figures are the ones `headline`, `status_counts`, `counts_by_agency` and
    `counts_by_section` give. Each action has one group and one status, so the sums of
    per-cell counts are counts of distinct actions.
    """

    def __init__(
        self,
        actions: QuerySet[Action],
        by: tuple[str, ...],
        today: dt.date | None = None,
        due_soon_days: int | None = None,
    ) -> None:
        self.by = by
        self.cells = []
        width = len(by)
        for row in _breakdown_rows(actions, by, today, due_soon_days):
            key, label, colour, is_done, order, count, overdue, due_soon = row[width:]
            self.cells.append(
                Cell(tuple(row[:width]), key, label, colour, bool(is_done), order, count, overdue, due_soon)
            )

    def headline(self, **where: object) -> Headline:
        """`headline` of the actions whose group fields have the given values (all by default)."""
        index = {self.by.index(name): value for name, value in where.items()}
        return _add_up([c for c in self.cells if all(c.group[i] == v for i, v in index.items())])

    def headlines(self, field: str) -> dict[object, Headline]:
        """`headline` per value of one group field (values without actions are left out)."""
        position = self.by.index(field)
        cells: dict[object, list[Cell]] = defaultdict(list)
        for c in self.cells:
            cells[c.group[position]].append(c)
        return {value: _add_up(group) for value, group in cells.items()}

    def status_counts(self) -> list[StatusCount]:
        """`status_counts`: per status key, worst first."""
        return _merged_by_key((c.key, c.label, c.colour, c.is_done, c.order, c.count) for c in self.cells)

    def groups(self, field: str, none_label: str, names: dict[int, str] | None = None) -> list[GroupRow]:
        """`counts_by_agency` / `counts_by_section` for one group field; `names` by primary key."""
        position = self.by.index(field)
        groups: dict[int | None, GroupRow] = {}
        for c in self.cells:
            pk = c.group[position]
            group = groups.setdefault(pk, GroupRow(name=none_label, pk=pk))
            key = c.key or NO_STATUS
            group.by_status[key] = group.by_status.get(key, 0) + c.count
            group.total += c.count
            group.overdue += c.overdue
        for pk, group in groups.items():
            if pk is not None and names is not None:
                group.name = names.get(pk, group.name)
        return sorted(groups.values(), key=lambda g: (g.pk is None, g.name.lower()))


@dataclass
class PartnershipFigures:
    headline: Headline
    statuses: list[StatusCount]
    agencies: list[GroupRow]
    plans: dict[int, Headline]


def partnership_figures(actions: QuerySet[Action], today: dt.date | None = None) -> PartnershipFigures:
    """The home page's figures in one query: `headline`, `status_counts`, `counts_by_agency`
    and `headlines_by_plan` of the same actions."""
    lead = ("lead_agency", "lead_agency__short_name", "lead_agency__name")
    breakdown = Breakdown(actions, by=("plan", *lead), today=today)
    # An agency's name as str(agency) gives it: the short name when it has one.
    names = {c.group[1]: c.group[2] or c.group[3] for c in breakdown.cells if c.group[1] is not None}
    return PartnershipFigures(
        headline=breakdown.headline(),
        statuses=breakdown.status_counts(),
        agencies=breakdown.groups("lead_agency", "No lead agency", names),
        plans=breakdown.headlines("plan"),  # type: ignore[arg-type]
    )


@dataclass
class PlanFigures:
    headline: Headline
    statuses: list[StatusCount]
    sections: dict[int | None, GroupRow]


def plan_figures(actions: QuerySet[Action], today: dt.date | None = None) -> PlanFigures:
    """The plan page's figures in one query: `headline`, `status_counts` and the counts of
    `counts_by_section` by section id (the page names the sections itself)."""
    breakdown = Breakdown(actions, by=("section",), today=today)
    return PlanFigures(
        headline=breakdown.headline(),
        statuses=breakdown.status_counts(),
        sections={row.pk: row for row in breakdown.groups("section", "No section")},
    )


# --- A plan as it stood on a date ------------------------------------------------------


@dataclass
class ActionAsAt:
    """One action's fields as they stood at the end of a day."""

    action_id: int
    ref: str
    text: str
    owner_text: str
    due_text: str
    due_date: dt.date | None
    section_id: int | None
    lead_agency_id: int | None
    status: RagStatus | None
    latest_update: ProgressUpdate | None
    deleted_later: bool = False  # deleted since that day: its page no longer exists
    history_id: int | None = None  # its history record of that day (for the owners it had)

    def is_done(self) -> bool:
        return bool(self.status and self.status.is_done)

    def is_overdue(self, day: dt.date) -> bool:
        return bool(self.due_date and self.due_date < day and not self.is_done())


def end_of_day(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.max))


def as_it_stood(model: Any, ids: Iterable[int], day: dt.date) -> dict[int, Any]:
    """The history record of each of these rows as it stood at the end of `day` (one query): the
    latest on or before it; a row created later, or deleted by then, is left out."""
    latest: dict[int, Any] = {}
    records = (
        historical_model(model)
        .objects.filter(id__in=list(ids), history_date__lte=end_of_day(day))
        .order_by("history_date", "history_id")
    )
    for record in records:
        latest[record.id] = record
    return {pk: record for pk, record in latest.items() if record.history_type != "-"}


def sections_as_at(plan_ids: Iterable[int], day: dt.date, needed: Iterable[int] = ()) -> list[Section]:
    """The plans' sections as they stood at the end of `day` (their titles, what needs to improve,
    their places in the tree; those added later left out, those deleted since there), from their
    history (two queries). A section with no history at all (loaded in bulk) is taken as it is, and
    so is one of the `needed` (those the day's actions stood in) whose history starts later: an
    action's history dated before its section's is the section's, missing (written in bulk)."""
    plan_ids = list(plan_ids)
    now = list(Section.objects.filter(plan__in=plan_ids))
    historical = historical_model(Section)
    ever = set(historical.objects.filter(plan_id__in=plan_ids).values_list("id", flat=True))
    then = as_it_stood(Section, ever, day)
    ever -= {pk for pk in needed if pk not in then}  # taken as they are now, below
    fields = [f.attname for f in Section._meta.concrete_fields]
    rows = [Section(**{name: getattr(record, name) for name in fields}) for record in then.values()]
    # a sign-off carries its own date (recorded at the board's meeting, perhaps entered later): the
    # report compares it with its date, so it is read as it is now, unless it was reopened since
    # the day: then as it was before that reopening (QA round 9: reopening an area took its
    # sign-off out of every past board pack)
    current = {section.pk: section for section in now}
    reopened = sign_offs_reopened_after([row.pk for row in rows], day)
    for row in rows:
        if row.pk in current:
            row.signed_off_on = current[row.pk].signed_off_on
            row.monitored_through = current[row.pk].monitored_through
        if row.pk in reopened:
            row.signed_off_on = reopened[row.pk]
    return rows + [section for section in now if section.pk not in ever]


def sign_offs_reopened_after(section_ids: list[int], day: dt.date) -> dict[int, dt.date]:
    """The sign-off date each of these sections had when it was first reopened after `day`, where
    that sign-off was dated on or before the day (one query)."""
    if not section_ids:
        return {}
    cut = end_of_day(day)
    found: dict[int, dt.date] = {}
    before: dict[int, dt.date | None] = {}
    for pk, signed_off_on, when in (
        historical_model(Section)
        .objects.filter(id__in=section_ids)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "signed_off_on", "history_date")
    ):
        previous = before.get(pk)
        before[pk] = signed_off_on
        if pk in found or when <= cut or previous is None or signed_off_on is not None:
            continue
        if previous <= day:
            found[pk] = previous  # the first reopening after the day
        else:
            found[pk] = None  # type: ignore[assignment]  # signed off after the day: not then
    return {pk: signed for pk, signed in found.items() if signed is not None}


def actions_as_at(
    actions: QuerySet[Action], day: dt.date, plans: Iterable[int] | QuerySet | None = None
) -> list[ActionAsAt]:
    """Each action's text, owner, due date (from history) and status and latest update (from
    the progress updates dated on or before `day`), in three queries (four when an action of
    the plans has been deleted since the day).

    Actions created after that day, or deleted on or before it, are left out. An action of
    `plans` (by default the plans of `actions`) deleted after the day stood on it, so it is
    there, from its history and its updates' history (`updates_of_deleted_actions`).
    """
    action_ids = list(actions.order_by().values_list("pk", flat=True))
    historical = historical_model(Action)
    cut = end_of_day(day)
    if plans is None:
        plans = actions.order_by().values("plan_id")
    deleted_later = historical.objects.filter(plan_id__in=plans, history_type="-", history_date__gt=cut)
    rows = (
        historical.objects.filter(
            Q(id__in=action_ids) | Q(id__in=deleted_later.values("id")), history_date__lte=cut
        )
        .order_by("id", "-history_date", "-history_id")
        .values(
            "id",
            "history_type",
            "ref",
            "text",
            "owner_text",
            "due_text",
            "due_date",
            "section_id",
            "lead_agency_id",
            "order",
            "history_id",
        )
    )
    latest_row: dict[int, dict] = {}
    for row in rows:
        latest_row.setdefault(row["id"], row)
    live = set(action_ids)
    gone = [pk for pk, row in latest_row.items() if pk not in live and row["history_type"] != "-"]
    latest_update = latest_updates_on(action_ids, day)
    if gone:
        for update in updates_of_deleted_actions(gone, day):  # oldest first: the last one wins
            latest_update[update.action_id] = update
    result = [
        ActionAsAt(
            action_id=pk,
            ref=row["ref"],
            text=row["text"],
            owner_text=row["owner_text"],
            due_text=row["due_text"],
            due_date=row["due_date"],
            section_id=row["section_id"],
            lead_agency_id=row["lead_agency_id"],
            status=latest_update[pk].status if pk in latest_update else None,
            latest_update=latest_update.get(pk),
            deleted_later=pk not in live,
            history_id=row["history_id"],
        )
        for pk, row in latest_row.items()
        if row["history_type"] != "-"
    ]
    result.sort(key=lambda a: (latest_row[a.action_id]["order"], a.action_id))
    return result


def owners_then(items: Iterable[ActionAsAt]) -> dict[int, tuple[set[int], set[int]]]:
    """The people and the agencies owning each of these actions as they stood (from the links
    django-simple-history keeps with each record), by action id (two queries)."""
    by_record = {item.history_id: item.action_id for item in items if item.history_id is not None}
    found: dict[int, tuple[set[int], set[int]]] = {pk: (set(), set()) for pk in by_record.values()}
    if not by_record:
        return found
    historical = historical_model(Action)
    for place, (name, column) in enumerate((("owners", "person_id"), ("owner_agencies", "agency_id"))):
        links = historical._meta.get_field(f"{historical._meta.model_name}_{name}").related_model
        for history_id, pk in links.objects.filter(history_id__in=by_record).values_list(
            "history_id", column
        ):
            found[by_record[history_id]][place].add(pk)
    return found


def updates_of_deleted_actions(action_ids: Iterable[int] | QuerySet, day: dt.date) -> list[ProgressUpdate]:
    """The progress updates dated on or before `day` of actions since deleted (their updates
    went with them), oldest first as `latest_updates_on` orders them, from the updates'
    history (one query): each as it stood when its action was deleted. Unsaved instances.

    An update deleted on its own (only Django's admin can) more than a second before its
    action is left out, as it is for an action that still exists.
    """
    historical = historical_model(ProgressUpdate)
    action_deleted = historical_model(Action).objects.filter(id=OuterRef("action_id"), history_type="-")
    last: dict[int, Any] = {}
    for row in (
        historical.objects.filter(
            action_id__in=action_ids if isinstance(action_ids, QuerySet) else list(action_ids), date__lte=day
        )
        .annotate(
            action_deleted=Subquery(action_deleted.order_by("-history_date").values("history_date")[:1])
        )
        .order_by("history_date", "history_id")
        .select_related("status", "author")
    ):
        last[row.id] = row
    updates = [
        ProgressUpdate(
            id=row.id,
            action_id=row.action_id,
            date=row.date,
            author=row.author,
            status=row.status,
            narrative=row.narrative,
            next_steps=row.next_steps,
            created=row.created,
        )
        for row in last.values()
        if row.history_type != "-"
        or (
            row.action_deleted is not None
            and row.history_date >= row.action_deleted - dt.timedelta(seconds=1)
        )
    ]
    return sorted(updates, key=lambda u: (u.date, u.created, u.pk))


def latest_updates_on(action_ids: Iterable[int], day: dt.date) -> dict[int, ProgressUpdate]:
    """The latest progress update of each action dated on or before `day` (one query).

    The database picks each action's latest (a window function) so only one update per action
    becomes a model instance, not every update up to the day (a year of monthly updates made
    this 12 times slower).
    """
    updates = (
        ProgressUpdate.objects.filter(action_id__in=list(action_ids), date__lte=day)
        .annotate(
            latest=Window(
                RowNumber(),
                partition_by=[F("action_id")],
                order_by=[F("date").desc(), F("created").desc(), F("pk").desc()],
            )
        )
        .filter(latest=1)
        .select_related("status", "author")
    )
    return {update.action_id: update for update in updates}


def status_counts_as_at(items: Iterable[ActionAsAt]) -> Counter[str]:
    """Counts per status key for actions as at a date (key "none" for no update yet)."""
    return Counter(item.status.key if item.status else NO_STATUS for item in items)


def section_counts_as_at(items: Iterable[ActionAsAt], day: dt.date) -> dict[int | None, GroupRow]:
    """Each section's counts (total, overdue, per status) as its actions stood at the end of `day`:
    the plan page as at a date shows these beside its table, not today's."""
    rows: dict[int | None, GroupRow] = {}
    for item in items:
        row = rows.setdefault(item.section_id, GroupRow(name="", pk=item.section_id))
        row.total += 1
        row.overdue += item.is_overdue(day)
        key = item.status.key if item.status else NO_STATUS
        row.by_status[key] = row.by_status.get(key, 0) + 1
    return rows


def depth_first(sections: Iterable[Any]) -> list[tuple[Any, int]]:
    """Sections (or their history records) in the order of their tree: each parent, then the
    sections inside it, to any depth; siblings in the order given. With its depth (0 at the top).
    A section whose parent is not among them stands at the top; a broken tree cannot loop."""
    rows = list(sections)
    known = {s.pk for s in rows}
    children: dict[int | None, list[Any]] = {}
    for section in rows:
        children.setdefault(section.parent_id if section.parent_id in known else None, []).append(section)
    ordered: list[tuple[Any, int]] = []
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(s, 0) for s in reversed(children.get(None, []))]
    while stack:
        section, depth = stack.pop()
        if section.pk in seen:
            continue
        seen.add(section.pk)
        ordered.append((section, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(section.pk, [])))
    return ordered


def group_by_section(items: Iterable[ActionAsAt]) -> dict[int | None, list[ActionAsAt]]:
    grouped: dict[int | None, list[ActionAsAt]] = defaultdict(list)
    for item in items:
        grouped[item.section_id].append(item)
    return grouped
