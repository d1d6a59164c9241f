"""Deleting a plan: one path for the plan's delete page and the API, so both check the same rule
inside the same transaction and delete the same way; and what goes with the plan, counted and
put in plain words for the page that asks once more.

Deleting keeps the history as every deletion does (django-simple-history): a "deleted" record of
the plan and of each section, action, progress update and evidence with it, naming the user who
deleted them. Evidence files go once the deletion is committed (`plans.models.delete_evidence_file`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from plans import rules
from plans.models import Action, Evidence, Plan, ProgressUpdate, Section

MANAGERS_ONLY = "Only plan managers and admins can delete a plan."
SIGNED_OFF_ADMINS_ONLY = (
    "Only an admin can delete a plan with an area the board has signed off: deleting the plan "
    "would delete the board's decision with it."
)


def refusal(user: Any, plan: Plan) -> str:
    """Why `user` may not delete `plan` (`rules.can_delete_plan` is false)."""
    if rules.can_manage_plans(user, plan.partnership_id):
        return SIGNED_OFF_ADMINS_ONLY
    return MANAGERS_ONLY


@dataclass(frozen=True)
class PlanContents:
    """How many of each thing deleting a plan deletes with it."""

    sections: int
    actions: int
    updates: int
    evidence: int


def plan_contents(plan: Plan) -> PlanContents:
    """The plan's sections (at every depth), actions, their progress updates and the updates'
    evidence (links and files), counted: four queries, whatever the plan's size."""
    return PlanContents(
        sections=Section.objects.filter(plan_id=plan.pk).count(),
        actions=Action.objects.filter(plan_id=plan.pk).count(),
        updates=ProgressUpdate.objects.filter(action__plan_id=plan.pk).count(),
        evidence=Evidence.objects.filter(update__action__plan_id=plan.pk).count(),
    )


def counted(number: int, one: str, many: str) -> str:
    """'1 section', '3 sections'."""
    return f"{number} {one if number == 1 else many}"


def joined(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def contents_in_words(contents: PlanContents) -> str:
    """What goes with the plan in plain words, leaving out what it has none of: '2 sections,
    14 actions, 31 progress updates and 1 piece of evidence'; empty for an empty plan."""
    parts = [
        counted(contents.sections, "section", "sections"),
        counted(contents.actions, "action", "actions"),
        counted(contents.updates, "progress update", "progress updates"),
        counted(contents.evidence, "piece of evidence", "pieces of evidence"),
    ]
    numbers = [contents.sections, contents.actions, contents.updates, contents.evidence]
    return joined([part for part, number in zip(parts, numbers, strict=True) if number])


def signed_off_areas(plan: Plan) -> list[Section]:
    """The plan's sections the board has signed off, in the plan's order (one query)."""
    return list(Section.objects.filter(plan_id=plan.pk, signed_off_on__isnull=False).order_by("order", "pk"))


def delete_plan(plan: Plan, user: Any) -> bool:
    """Delete the plan with everything in it, in one transaction, if `user` may
    (`rules.can_delete_plan`, asked again with the plan's row locked, so a sign-off recorded
    since the page was shown is not deleted by a plan manager); PermissionDenied otherwise.
    False when the plan was deleted already (the same request sent twice)."""
    with transaction.atomic():
        current = Plan.objects.select_for_update().filter(pk=plan.pk).first()
        if current is None:
            return False
        if not rules.can_delete_plan(user, current):
            raise PermissionDenied(refusal(user, current))
        current.delete()
    return True
