"""A plan's versions: when its stage changed, and what changed in its actions between two dates.

Everything comes from the history tables (django-simple-history) and the progress updates,
so nothing extra is stored: any two dates can be compared.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from django.utils import timezone

from plans.figures import updates_of_deleted_actions
from plans.forms import PlanForm
from plans.models import (
    Action,
    Agency,
    Plan,
    PlanKind,
    PlanStage,
    ProgressUpdate,
    RagStatus,
    Section,
    display_name,
    historical_model,
)

COMPARED_FIELDS = [
    ("ref", "Reference"),  # renumbered: the number minutes and inspectors cite (QA round 7)
    ("text", "Action"),
    ("owner_text", "Owner"),
    ("due_text", "Due (as written)"),
    ("due_date", "Due date"),
    ("outcome", "Outcome sought"),
    ("constraints", "Constraints"),
]
# Links compared by the name of what they point at: a move to another section, a new lead.
LINKED_FIELDS = [("section_id", "Section"), ("lead_agency_id", "Lead agency")]


@dataclass
class StageChange:
    when: dt.datetime
    stage: str
    by: str
    reason: str

    @property
    def date(self) -> dt.date:
        return timezone.localdate(self.when)


def stage_changes(plan: Plan) -> list[StageChange]:
    """Each time the plan entered a stage (the first record is its creation), newest first."""
    rows = (
        historical_model(Plan)
        .objects.filter(id=plan.pk)
        .order_by("history_date", "history_id")
        .select_related("history_user")
    )
    changes: list[StageChange] = []
    previous = None
    for row in rows:
        if row.stage != previous:
            by = display_name(row.history_user) if row.history_user else ""
            changes.append(
                StageChange(row.history_date, PlanStage(row.stage).label, by, row.history_change_reason or "")
            )
            previous = row.stage
    return changes[::-1]


# The plan's own details a manager changes on "Change the plan", as that page names them.
PLAN_DETAILS = [(name, str(PlanForm.base_fields[name].label)) for name in PlanForm.Meta.fields]


@dataclass
class DetailChange:
    when: dt.datetime
    by: str
    label: str
    before: str
    after: str


def _shown(name: str, value: Any) -> str:
    if value in (None, ""):
        return "(none)"
    if name == "kind":
        return str(PlanKind(value).label) if value in PlanKind.values else str(value)
    if isinstance(value, dt.date):
        return f"{value:%-d %B %Y}"
    return str(value)


def detail_changes(plan: Plan) -> list[DetailChange]:
    """Each change of the plan's own details and of what its statuses mean, newest first, with
    who made it (two queries: the plan's history and its statuses' history). The first record of
    each is where it started, not a change."""
    changes: list[DetailChange] = []

    def compare(rows: Any, fields: list[tuple[str, str]], label: Any) -> None:
        previous: dict[int, Any] = {}
        for row in rows:
            before = previous.get(row.id)
            previous[row.id] = row
            if before is None or row.history_type != "~":
                continue
            by = display_name(row.history_user) if row.history_user else "the system"
            changes.extend(
                DetailChange(
                    row.history_date,
                    by,
                    label(row, text),
                    _shown(name, getattr(before, name)),
                    _shown(name, getattr(row, name)),
                )
                for name, text in fields
                if getattr(before, name) != getattr(row, name)
            )

    order = ("history_date", "history_id")
    compare(
        historical_model(Plan).objects.filter(id=plan.pk).order_by(*order).select_related("history_user"),
        PLAN_DETAILS,
        lambda row, text: text,
    )
    compare(
        historical_model(RagStatus)
        .objects.filter(plan_id=plan.pk)
        .order_by(*order)
        .select_related("history_user"),
        [("definition", "")],
        lambda row, text: f"What {row.label} means",
    )
    return sorted(changes, key=lambda c: c.when, reverse=True)


@dataclass
class ActionChange:
    action_id: int
    ref: str
    text: str
    kind: str  # added, removed, changed
    fields: list[tuple[str, Any, Any]] = field(default_factory=list)  # (label, before, after)

    @property
    def exists(self) -> bool:
        return self.kind != "removed"


def _end_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.max))


def action_changes(plan: Plan, since: dt.date, until: dt.date) -> list[ActionChange]:
    """What changed in the plan's actions between the end of `since` and the end of `until`
    (five queries: history, statuses, names of sections and agencies)."""
    rows = (
        historical_model(Action)
        .objects.filter(plan_id=plan.pk, history_date__lte=_end_of(until))
        .order_by("history_date", "history_id")
        .values(
            "id",
            "history_type",
            "history_date",
            "status_id",
            *[f for f, _ in COMPARED_FIELDS + LINKED_FIELDS],
        )
    )
    before: dict[int, dict[str, Any] | None] = {}
    after: dict[int, dict[str, Any] | None] = {}
    cut = _end_of(since)
    for row in rows:
        state = None if row["history_type"] == "-" else row
        if row["history_date"] <= cut:
            before[row["id"]] = state
        after[row["id"]] = state
    statuses_before, statuses_after = _statuses(plan, since, until)
    names = _link_names(plan)
    changes: list[ActionChange] = []
    for action_id, now in after.items():
        then = before.get(action_id)
        if now is None and then is None:
            continue
        if then is None:
            assert now is not None
            changes.append(ActionChange(action_id, now["ref"], now["text"], "added"))
            continue
        if now is None:
            changes.append(ActionChange(action_id, then["ref"], then["text"], "removed"))
            continue
        diffs = [(label, then[f], now[f]) for f, label in COMPARED_FIELDS if then[f] != now[f]]
        diffs += [
            (label, names[f](then[f]), names[f](now[f])) for f, label in LINKED_FIELDS if then[f] != now[f]
        ]
        s_then, s_now = statuses_before.get(action_id, ""), statuses_after.get(action_id, "")
        if s_then != s_now:
            diffs.append(("Status", s_then or "No update yet", s_now or "No update yet"))
        if diffs:
            changes.append(ActionChange(action_id, now["ref"], now["text"], "changed", diffs))
    return sorted(changes, key=lambda c: (ref_order(c.ref), c.action_id))


def ref_order(ref: str) -> tuple[tuple[int, int | str], ...]:
    """A reference's place in a plan's own order: numbers as numbers ('1.5' before '10.1', '2.9'
    before '2.10'), letters as letters."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.lower()) for part in re.findall(r"\d+|[^\d.\s]+", ref)
    )


def _link_names(plan: Plan) -> dict[str, Any]:
    """For each linked field, a function naming the id it held: "None" when empty, and
    "(deleted)" for a section or agency that no longer exists."""
    sections = {s.pk: str(s) for s in Section.objects.filter(plan_id=plan.pk)}
    agencies = {a.pk: str(a) for a in Agency.objects.filter(partnership_id=plan.partnership_id)}

    def namer(known: dict[int, str]) -> Any:
        return lambda pk: "None" if pk is None else known.get(pk, "(deleted)")

    return {"section_id": namer(sections), "lead_agency_id": namer(agencies)}


def _statuses(plan: Plan, since: dt.date, until: dt.date) -> tuple[dict[int, str], dict[int, str]]:
    """Each action's status label at the end of each date, from the progress updates (one
    query), and for actions deleted since (their updates went with them) from the updates'
    history (`plans.figures.updates_of_deleted_actions`, one more query)."""
    updates = (
        ProgressUpdate.objects.filter(action__plan=plan, date__lte=until)
        .order_by("date", "created", "pk")
        .values_list("action_id", "date", "status__label")
    )
    deleted = historical_model(Action).objects.filter(plan_id=plan.pk, history_type="-").values("id")
    gone = [
        (u.action_id, u.date, u.status.label if u.status else "")
        for u in updates_of_deleted_actions(deleted, until)
    ]
    before: dict[int, str] = {}
    after: dict[int, str] = {}
    for action_id, date, label in chain(updates.iterator(chunk_size=2000), gone):
        if date <= since:
            before[action_id] = label or ""
        after[action_id] = label or ""
    return before, after
