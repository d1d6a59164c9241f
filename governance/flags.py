"""Flags: what a board should challenge, computed from the data by plain functions.

`flags_for_actions(actions, today)` works for a whole list page in a fixed number of
queries (two), whatever the number of actions; `flags_for_action` is the one-action form.
The rules:
- overdue: a due date in the past and a status that is not done;
- due soon: due within settings.OVERSIGHT_DUE_SOON_DAYS days, not done;
- stale: not done and no progress update for the plan's `stale_days` (or never updated);
- RAG does not add up: done or green with no progress narrative on the latest update and no
  evidence on any update; amber or green while overdue; red with no constraint on the action
  and no next step on the latest update;
- slipped: the due date (or its text) changed more than once, from the action's history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from plans.models import Action, Colour, Evidence, ProgressUpdate


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


def flags_from_facts(facts: ActionFacts, today: dt.date, due_soon_days: int | None = None) -> list[Flag]:
    """The flags for one action, from facts already gathered (pure: no database)."""
    due_soon_days = settings.OVERSIGHT_DUE_SOON_DAYS if due_soon_days is None else due_soon_days
    flags: list[Flag] = []
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
        and today <= facts.due_date <= today + dt.timedelta(days=due_soon_days)
    ):
        days = (facts.due_date - today).days
        flags.append(Flag(DUE_SOON, "Due soon", "yellow", f"Due {facts.due_date:%-d %B %Y}, in {days} days."))
    if not facts.is_done:
        if facts.last_update_on is None:
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
    if facts.due_changes > 1:
        flags.append(
            Flag(
                SLIPPED,
                "Due date moved",
                "purple",
                f"The due date has been changed {facts.due_changes} times.",
            )
        )
    return flags


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


def flags_for_actions(
    actions: Iterable[Action] | Iterable[int], today: dt.date | None = None
) -> dict[int, list[Flag]]:
    """Flags of many actions keyed by action id, in two queries whatever their number.

    Pass the actions of a page (already filtered through `for_user`) or their ids.
    """
    today = today or timezone.localdate()
    ids = [a if isinstance(a, int) else a.pk for a in actions]
    if not ids:
        return {}
    latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-date", "-created", "-pk")
    rows = (
        Action.objects.filter(pk__in=ids)
        .select_related("status", "plan")
        .annotate(
            latest_narrative=Subquery(latest.values("narrative")[:1]),
            latest_next_steps=Subquery(latest.values("next_steps")[:1]),
            has_evidence=Exists(Evidence.objects.filter(update__action=OuterRef("pk"))),
        )
    )
    changes = due_date_changes(ids)
    result: dict[int, list[Flag]] = {}
    for action in rows:
        facts = ActionFacts(
            due_date=action.due_date,
            is_done=action.is_done(),
            colour=action.status.colour if action.status else None,
            status_label=action.status.label if action.status else "No status",
            last_update_on=action.last_update_on,
            stale_days=action.plan.stale_days,
            latest_narrative=action.latest_narrative or "",
            latest_next_steps=action.latest_next_steps or "",
            has_evidence=action.has_evidence,
            constraints=action.constraints,
            due_changes=changes.get(action.pk, 0),
        )
        result[action.pk] = flags_from_facts(facts, today)
    return result


def flags_for_action(action: Action, today: dt.date | None = None) -> list[Flag]:
    return flags_for_actions([action.pk], today).get(action.pk, [])


def due_date_changes(action_ids: list[int]) -> dict[int, int]:
    """How many times each action's due date or due text changed after it was created (one query)."""
    history = (
        Action.history.filter(id__in=action_ids)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "due_date", "due_text")
    )
    counts: dict[int, int] = {}
    previous: dict[int, tuple[dt.date | None, str]] = {}
    for action_id, due_date, due_text in history.iterator(chunk_size=2000):
        current = (due_date, due_text)
        if action_id in previous and previous[action_id] != current:
            counts[action_id] = counts.get(action_id, 0) + 1
        previous[action_id] = current
    return counts
