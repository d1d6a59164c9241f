"""API permissions: the same rules as the web pages, asked of plans/rules.py.

Reading: any member (querysets come from `for_user`, so another partnership's objects are 404).
Writing, by object kind:
- plan, section, action: create or delete -> `can_manage_plans`; edit a plan -> `can_edit_plan`;
  edit an action -> `can_edit_action`; edit a section -> `can_manage_plans`;
- progress update: add -> `can_add_update` on its action.
Creation is checked again in the views once the target plan or action is known.
"""

from __future__ import annotations

from typing import Any

from rest_framework import permissions
from rest_framework.request import Request

from plans import rules
from plans.models import Action, Membership, Plan, ProgressUpdate, Role, Section


def may_change(user: Any, obj: Any, method: str) -> bool:
    """May `user` change (PUT/PATCH) or delete (DELETE) this object?"""
    if isinstance(obj, Plan):
        if method == "DELETE":
            return rules.can_delete_plan(user, obj)
        return rules.can_edit_plan(user, obj)
    if isinstance(obj, Section):
        if method == "DELETE":
            return rules.can_delete_section(user, obj)
        return rules.can_edit_section(user, obj)
    if isinstance(obj, Action):
        return rules.can_edit_action(user, obj)
    if isinstance(obj, ProgressUpdate):
        return rules.can_add_update(user, obj.action)
    return False


def writes_anywhere(user: Any, roles: set[str]) -> bool:
    return Membership.objects.filter(user_id=user.pk, role__in=roles).exists()


class PartnershipRules(permissions.IsAuthenticated):
    """Signed-in members read; writes go through plans/rules.py.

    `writing_roles` on the view lets a POST from a user who cannot write anywhere (a viewer)
    be refused before the body is validated, so viewers always get 403, not 400.
    """

    message = (
        "Your role does not let you make this change: plan managers and admins change plans, "
        "sections and actions; contributors add progress updates to their agency's actions."
    )

    def has_permission(self, request: Request, view: Any) -> bool:
        if not super().has_permission(request, view):
            return False
        if request.method in permissions.SAFE_METHODS:
            return True
        roles = getattr(view, "writing_roles", {Role.ADMIN, Role.MANAGER})
        return writes_anywhere(request.user, roles)

    def has_object_permission(self, request: Request, view: Any, obj: Any) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        if may_change(request.user, obj, request.method or ""):
            return True
        locked = (
            (isinstance(obj, Action) and rules.is_locked(obj))
            or (isinstance(obj, Section) and rules.holds_signed_off_area(obj))
            or (isinstance(obj, Plan) and rules.plan_has_signed_off_area(obj))
        )
        if isinstance(obj, Plan) and locked:
            self.message = "The board has signed off an area of this plan: only admins can delete the plan."
        elif locked:
            self.message = "The board has signed off this area: only admins can change it or its actions."
        else:
            self.message = "Only plan managers and admins can change or delete this."
        return False
