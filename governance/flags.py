"""Flags: what a board should challenge, computed from the data by plain functions.

`flags_for_actions(actions, today)` works for a whole list page in a fixed number of
queries (four), whatever the number of actions; `flags_for_action` is the one-action form.
The rules:
- overdue: a due date in the past and a status that is not done;
- due soon: due within settings.OVERSIGHT_DUE_SOON_DAYS days, not done;
- stale: not done and no progress update for the plan's `stale_days` (or never updated);
- in an area the board has signed off (closed to updates: nobody but an admin can act on it),
  none of these but slipped, the record of its dates;
- RAG does not add up: done or green with no progress narrative on the latest update and no
  evidence on any update; amber or green while overdue; red with no constraint on the action
  and no next step on the latest update;
- slipped: the due date moved more than once (its wording tidied is no move), from the action's history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, DateField, IntegerField, QuerySet, TextField
from django.db.models.expressions import RawSQL
from django.utils import timezone

from plans.models import Action, Colour, Evidence, Plan, ProgressUpdate, RagStatus, historical_model
from plans.rules import locked_section_ids


@dataclass(frozen=True)
class Flag:
    key: str
    label: str
    colour: str  # a GOV.UK tag modifier: red, yellow, grey, orange, purple ...
    explanation: str

    @property
    def css_class(self) -> str:
        return f"govuk-tag govuk-tag--{self.colour}"


OVERDUE = "overdue"
DUE_SOON = "due_soon"
STALE = "stale"
RAG_MISMATCH = "rag_mismatch"
SLIPPED = "slipped"

SUMMARY_ORDER = [
    (OVERDUE, "Overdue"),
    (DUE_SOON, "Due soon"),
    (STALE, "Stale or never updated"),
    (RAG_MISMATCH, "RAG does not add up"),
    (SLIPPED, "Due date moved more than once"),
]


@dataclass
class ActionFacts:
    """What the rules need about one action, gathered in bulk."""

    due_date: dt.date | None
    is_done: bool
    colour: str | None  # the colour of the current RAG status
    status_label: str
    last_update_on: dt.date | None
    stale_days: int
    latest_narrative: str
    latest_next_steps: str
    has_evidence: bool
    constraints: str
    due_changes: int
    added_on: dt.date | None = None  # the day the action was written into the plan here
    # In an area the board has signed off: closed to updates, so nothing asks anyone to act on it.
    closed: bool = False


def flags_from_facts(facts: ActionFacts, today: dt.date, due_soon_days: int | None = None) -> list[Flag]:
    """The flags for one action, from facts already gathered (pure: no database)."""
    due_soon_days = settings.OVERSIGHT_DUE_SOON_DAYS if due_soon_days is None else due_soon_days
    flags: list[Flag] = []
    if facts.closed:
        # the board has signed the area off as addressed and nobody but an admin may update its
        # actions: nothing to challenge month after month, only the record of its slipped dates
        return _slipped(facts)
    overdue = bool(facts.due_date and facts.due_date < today and not facts.is_done)
    if overdue:
        assert facts.due_date is not None
        days = (today - facts.due_date).days
        flags.append(
            Flag(OVERDUE, "Overdue", "red", f"Due {facts.due_date:%-d %B %Y}, {days} days ago, and not done.")
        )
    elif (
        facts.due_date
        and not facts.is_done
        and not facts.closed
        and today <= facts.due_date <= today + dt.timedelta(days=due_soon_days)
    ):
        days = (facts.due_date - today).days
        flags.append(Flag(DUE_SOON, "Due soon", "yellow", f"Due {facts.due_date:%-d %B %Y}, in {days} days."))
    if not facts.is_done and not facts.closed:
        if facts.last_update_on is None:
            # an action added within the stale period has had no time to be updated: not neglected
            new = facts.added_on is not None and (today - facts.added_on).days <= facts.stale_days
            if not new:
                flags.append(Flag(STALE, "No update", "grey", "No progress update has ever been recorded."))
        elif (today - facts.last_update_on).days > facts.stale_days:
            flags.append(
                Flag(
                    STALE,
                    "Stale",
                    "grey",
                    f"Last updated {facts.last_update_on:%-d %B %Y}: more than {facts.stale_days} days ago.",
                )
            )
    mismatch = rag_mismatch_reason(facts, overdue)
    if mismatch:
        flags.append(Flag(RAG_MISMATCH, "RAG does not add up", "orange", mismatch))
    flags.extend(_slipped(facts))
    return flags


def _slipped(facts: ActionFacts) -> list[Flag]:
    if facts.due_changes <= 1:
        return []
    return [
        Flag(SLIPPED, "Due date moved", "purple", f"The due date has been changed {facts.due_changes} times.")
    ]


def rag_mismatch_reason(facts: ActionFacts, overdue: bool) -> str:
    """Why the status does not add up, or "" when it does."""
    status = facts.status_label
    if (
        (facts.is_done or facts.colour == Colour.GREEN)
        and not facts.latest_narrative.strip()
        and not facts.has_evidence
    ):
        return f"{status}, but the latest update has no progress narrative and there is no evidence."
    if overdue and facts.colour in (Colour.AMBER, Colour.GREEN):
        return f"{status} while the action is overdue."
    if facts.colour == Colour.RED and not facts.constraints.strip() and not facts.latest_next_steps.strip():
        return f"{status}, but no constraint or next step is written."
    return ""


def latest_update_facts(today: dt.date) -> dict[str, Any]:
    """Annotations of an Action queryset: what the rules need from each action's latest update
    on or before `today` (status, date, narrative, next steps) and whether it has evidence.

    Written as SQL, not ORM subqueries: the SQL is the same, but building and compiling five
    ORM subqueries took about 1.8 ms per page request, more than the database took to run
    them. They refer to the action table by name, so they annotate a page's own top-level
    query of actions (never a queryset used inside another query, whose tables are renamed).
    """
    q = connection.ops.quote_name
    update, evidence = ProgressUpdate._meta, Evidence._meta

    def col(meta: Any, name: str) -> str:
        return q(meta.get_field(name).column)

    action_id = f"{q(Action._meta.db_table)}.{q(Action._meta.pk.column)}"
    # Only table and column names from the models are written into the SQL; values are parameters.
    latest = (
        f"SELECT u.{{}} FROM {q(update.db_table)} u "  # noqa: S608
        f"WHERE u.{col(update, 'action')} = {action_id} "
        f"AND u.{col(update, 'date')} <= %s "
        f"ORDER BY u.{col(update, 'date')} DESC, u.{col(update, 'created')} DESC, u.{col(update, 'id')} DESC "
        "LIMIT 1"
    )

    def latest_value(name: str, output: Any) -> RawSQL:
        return RawSQL(latest.format(col(update, name)), (today,), output_field=output)  # noqa: S611

    has_evidence = (
        f"EXISTS(SELECT 1 FROM {q(evidence.db_table)} e "  # noqa: S608
        f"INNER JOIN {q(update.db_table)} u "
        f"ON e.{col(evidence, 'update')} = u.{col(update, 'id')} "
        f"WHERE u.{col(update, 'action')} = {action_id} AND u.{col(update, 'date')} <= %s)"
    )
    return {
        "latest_status_id": latest_value("status", IntegerField()),
        "latest_date": latest_value("date", DateField()),
        "latest_narrative": latest_value("narrative", TextField()),
        "latest_next_steps": latest_value("next_steps", TextField()),
        "has_evidence": RawSQL(has_evidence, (today,), output_field=BooleanField()),  # noqa: S611
    }


def with_flag_facts(actions: QuerySet[Action]) -> QuerySet[Action]:
    """A page's own query of actions, carrying today's flag facts, so that `flags_for_actions`
    reads nothing more about them (one query fewer than reading them again by id)."""
    return actions.annotate(**latest_update_facts(timezone.localdate()))


def _carries_facts(actions: list[Any]) -> bool:
    return bool(actions) and all(not isinstance(a, int) and hasattr(a, "latest_narrative") for a in actions)


def flags_for_actions(
    actions: Iterable[Action] | Iterable[int],
    today: dt.date | None = None,
    statuses: Iterable[RagStatus] | None = None,
    plans: Iterable[Plan] | None = None,
    due_changes: dict[int, int] | None = None,
    closed_sections: set[int] | None = None,
) -> dict[int, list[Flag]]:
    """Flags of many actions keyed by action id, in four queries whatever their number.

    Pass the actions of a page (already filtered through `for_user`) or their ids. With a
    past `today` (a board report as at a meeting date) everything is taken as it stood at
    the end of that day: the latest update on or before it (status, narrative, next steps),
    evidence added by then, and the due date and constraints from the action's history;
    actions created after that day are left out.

    What a page has already read saves the queries for it (today's flags only): actions read
    `with_flag_facts`, the RAG `statuses` and `plans` they may need, and `due_changes` (the
    number of due-date changes per action, from history the page read), and `closed_sections`
    (the sections signed off by that day, and those inside them: `rules.locked_section_ids`).
    """
    current = timezone.localdate()
    today = today or current
    given = list(actions)
    ids = [a if isinstance(a, int) else a.pk for a in given]
    if not ids:
        return {}
    rows: list[Any]
    if today == current and _carries_facts(given):
        rows = given
    else:
        wanted = Action.objects.filter(pk__in=ids)
        if today < current:
            # Actions written into the plan after that day had no flags then.
            wanted = wanted.filter(created__lte=_end_of(today))
        rows = list(wanted.select_related("plan").annotate(**latest_update_facts(today)))
    known = {s.pk: s for s in statuses or ()}
    needed = {a.latest_status_id for a in rows if a.latest_status_id is not None}
    if not needed <= known.keys():
        known = {s.pk: s for s in RagStatus.objects.filter(pk__in=needed)}
    stale_days = _stale_days(rows, plans)
    if due_changes is not None and today == current:
        history = {pk: (count, None) for pk, count in due_changes.items()}
    else:
        history = due_date_history(ids, until=_end_of(today) if today < current else None)
    if closed_sections is None:
        closed_sections = locked_section_ids(
            {a.plan_id for a in rows}, as_at=today if today < current else None
        )
    result: dict[int, list[Flag]] = {}
    for action in rows:
        status = known.get(action.latest_status_id)
        changes, then = history.get(action.pk, (0, None))
        due_date, constraints = (
            (then["due_date"], then["constraints"]) if then else (action.due_date, action.constraints)
        )
        facts = ActionFacts(
            due_date=due_date,
            is_done=bool(status and status.is_done),
            colour=status.colour if status else None,
            status_label=status.label if status else "No update yet",
            last_update_on=action.latest_date,
            stale_days=stale_days[action.plan_id],
            latest_narrative=action.latest_narrative or "",
            latest_next_steps=action.latest_next_steps or "",
            has_evidence=action.has_evidence,
            constraints=constraints or "",
            due_changes=changes,
            added_on=timezone.localdate(created) if (created := getattr(action, "created", None)) else None,
            closed=action.section_id in closed_sections,
        )
        result[action.pk] = flags_from_facts(facts, today)
    return result


def _stale_days(actions: list[Any], plans: Iterable[Plan] | None) -> dict[int, int]:
    """Each plan's stale period: from the plans given, the actions' loaded plans, or one query."""
    found = {p.pk: p for p in plans or ()}
    for action in actions:
        if action.plan_id not in found and Action.plan.is_cached(action):
            found[action.plan_id] = action.plan
    missing = {a.plan_id for a in actions} - found.keys()
    if missing:
        found.update({p.pk: p for p in Plan.objects.filter(pk__in=missing)})
    return {pk: plan.stale_days for pk, plan in found.items()}


def due_changes_in(records: Iterable[Any]) -> dict[int, int]:
    """How many times each action's due date or due text changed, from history records the
    page has already read (django-simple-history instances of Action, in any order)."""
    rows = [
        {"id": r.id, "due_date": r.due_date, "due_text": r.due_text}
        for r in sorted(records, key=lambda r: (r.history_date, r.history_id))
    ]
    return {row["id"]: count for row, count in _due_changes(rows)}


def _due_changes(rows: Iterable[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], int]]:
    """Each history row (in time order per action) with the number of due-date changes of its
    action up to it."""
    counts: dict[int, int] = {}
    previous: dict[int, dict[str, Any]] = {}
    for row in rows:
        before = previous.get(row["id"])
        count = counts.get(row["id"], 0)
        if before is not None and _due_moved(before, row):
            count += 1
        counts[row["id"]], previous[row["id"]] = count, row
        yield row, count


def _due_moved(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """The due date moved: to another date, or to or from none. Wording alone changed ('31/03/2026'
    tidied to '31 March 2026') is no move; between wordings that name no date ('Q2' to 'Autumn'),
    the wording is all there is."""
    if before["due_date"] is not None or after["due_date"] is not None:
        return before["due_date"] != after["due_date"]
    return (
        " ".join((before["due_text"] or "").split()).lower()
        != " ".join((after["due_text"] or "").split()).lower()
    )


def flags_for_action(action: Action, today: dt.date | None = None) -> list[Flag]:
    return flags_for_actions([action.pk], today).get(action.pk, [])


def summarise(flags_by_action: dict[int, list[Flag]]) -> dict[str, int]:
    """How many actions carry each flag, by flag key (for dashboards and board reports)."""
    counts: dict[str, int] = {}
    for flags in flags_by_action.values():
        for flag in flags:
            counts[flag.key] = counts.get(flag.key, 0) + 1
    return counts


def _end_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.max))


def due_date_history(
    action_ids: list[int], until: dt.datetime | None = None
) -> dict[int, tuple[int, dict[str, Any] | None]]:
    """Per action: how many times its due date or due text changed after it was created, and
    (when `until` is given) its recorded state at that moment. One query.
    """
    history = historical_model(Action).objects.filter(id__in=action_ids)
    if until is not None:
        history = history.filter(history_date__lte=until)
    rows = history.order_by("id", "history_date", "history_id").values(
        "id", "due_date", "due_text", "constraints", "history_type"
    )
    # A page's few actions are read in one round trip; a whole plan or partnership through a
    # server-side cursor (declare, fetch, close), so its history never sits in memory at once.
    read = rows if len(action_ids) <= 500 else rows.iterator(chunk_size=2000)
    result: dict[int, tuple[int, dict[str, Any] | None]] = {
        row["id"]: (count, row) for row, count in _due_changes(read)
    }
    if until is None:
        # Today the action row itself is the truth; the history is only for counting.
        return {pk: (count, None) for pk, (count, _row) in result.items()}
    return result


def due_date_changes(action_ids: list[int]) -> dict[int, int]:
    """How many times each action's due date or due text changed after it was created (one query)."""
    return {pk: count for pk, (count, _row) in due_date_history(action_ids).items()}
