"""Who may do what: the one place every view, form, export and API call asks.

Reading is governed by `Model.objects.for_user(user)` (membership of the partnership).
Writing is governed by the functions below, which take the role from the membership:
- admin: everything in the partnership (users, agencies, plans);
- plan manager: edit plans, sections and actions, add updates anywhere;
- contributor: add updates and change status only on actions owned by their agency or them;
- viewer: read only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from plans.models import Action, Membership, Partnership, Plan, ProgressUpdate, Role, Section, memberships_of

if TYPE_CHECKING:
    from plans.models import AnyUser

MANAGING_ROLES = {Role.ADMIN, Role.MANAGER}


def membership_for(user: AnyUser, partnership: Partnership | int) -> Membership | None:
    """The user's membership of a partnership (from `memberships_of`)."""
    partnership_id = partnership if isinstance(partnership, int) else partnership.pk
    return memberships_of(user).get(partnership_id)


def manages_any_partnership(user: AnyUser) -> bool:
    """An admin or plan manager somewhere (the navigation offers them the import)."""
    return any(m.role in MANAGING_ROLES for m in memberships_of(user).values())


def administered_partnerships(user: AnyUser) -> list[int]:
    """The ids of the partnerships the user is an admin of."""
    return sorted(pid for pid, m in memberships_of(user).items() if m.role == Role.ADMIN)


def role_for(user: AnyUser, partnership: Partnership | int) -> Role | None:
    membership = membership_for(user, partnership)
    return Role(membership.role) if membership else None


def can_view_partnership(user: AnyUser, partnership: Partnership | int) -> bool:
    return membership_for(user, partnership) is not None


def can_administer(user: AnyUser, partnership: Partnership | int) -> bool:
    return role_for(user, partnership) == Role.ADMIN


def can_manage_plans(user: AnyUser, partnership: Partnership | int) -> bool:
    """Create plans, import documents, edit plans, sections and actions."""
    return role_for(user, partnership) in MANAGING_ROLES


def can_edit_plan(user: AnyUser, plan: Plan) -> bool:
    return can_manage_plans(user, plan.partnership_id)


def can_edit_action(user: AnyUser, action: Action) -> bool:
    """Change or delete an action (text, owner, due date): plan managers and admins; an action
    of a signed-off area, admins only."""
    if is_locked(action) and not can_administer(user, action.plan.partnership_id):
        return False
    return can_manage_plans(user, action.plan.partnership_id)


def can_edit_section(user: AnyUser, section: Section) -> bool:
    """Change, move or delete a section, or put an action or section into it: plan managers
    and admins; a section the board has signed off (or one inside it), admins only. Otherwise
    a manager could unlock a signed-off area's actions by moving them (or their section) out,
    or by deleting the section, and could add actions to an area the board has closed."""
    if section_is_locked(section) and not can_administer(user, section.plan.partnership_id):
        return False
    return can_manage_plans(user, section.plan.partnership_id)


def is_owned_by(user: AnyUser, action: Action) -> bool:
    """The action is the user's own: linked to them as a person, or led/owned by their agency."""
    membership = membership_for(user, action.plan.partnership_id)
    if membership is None:
        return False
    if action.owners.filter(user_id=user.pk).exists():
        return True
    if membership.agency_id is None:
        return False
    return (
        action.lead_agency_id == membership.agency_id
        or action.owner_agencies.filter(pk=membership.agency_id).exists()
    )


def can_add_update(user: AnyUser, action: Action) -> bool:
    """Add a progress update (and so change status): managers anywhere, contributors on their own."""
    role = role_for(user, action.plan.partnership_id)
    if role is None or role == Role.VIEWER:
        return False
    if is_locked(action) and role != Role.ADMIN:
        return False
    if role in MANAGING_ROLES:
        return True
    return is_owned_by(user, action)


def can_withdraw_update(user: AnyUser, update: ProgressUpdate, may_update: bool | None = None) -> bool:
    """Withdraw a progress update recorded by mistake (the wrong action, a year slipped): whoever
    may still update the action (so in a signed-off area, admins only), if they wrote it or manage
    plans. `may_update`: `can_add_update` for the action, when the page knows it already."""
    action = update.action
    if not (can_add_update(user, action) if may_update is None else may_update):
        return False
    return role_for(user, action.plan.partnership_id) in MANAGING_ROLES or update.author_id == user.pk


def is_locked(action: Action) -> bool:
    """Actions of a section the board has signed off are locked except for admins.

    Sign-off lives in the governance app; it marks sections through `Section.signed_off`
    when that exists, so the tracker does not depend on governance.
    """
    return section_is_locked(action.section)


def _section_tree(
    plan_ids: Iterable[int], as_at: dt.date | None = None
) -> tuple[dict[int | None, list[int]], set[int]]:
    """The sections of these plans as {parent id: child ids}, and the ids of those signed off
    (by the end of `as_at`, when given) (one query)."""
    rows = list(
        Section.objects.filter(plan_id__in=list(plan_ids))
        .order_by()
        .values_list("pk", "parent_id", "signed_off_on")
    )
    if as_at is not None:
        # an area reopened since the day was signed off on it (QA round 10: a meeting page's flags
        # as at its date changed when an area was reopened; one query more)
        from plans.figures import sign_offs_reopened_after

        reopened = sign_offs_reopened_after([pk for pk, _, _ in rows], as_at)
        rows = [(pk, parent, reopened.get(pk, signed)) for pk, parent, signed in rows]
    return _tree_of(rows, as_at)


def _tree_of(
    rows: Iterable[tuple[int, int | None, dt.date | None]], as_at: dt.date | None
) -> tuple[dict[int | None, list[int]], set[int]]:
    """{parent id: child ids} and the ids signed off (by the end of `as_at`), from (id, parent id,
    signed off on) of each section."""
    children: dict[int | None, list[int]] = {}
    signed: set[int] = set()
    for pk, parent_id, signed_off_on in rows:
        children.setdefault(parent_id, []).append(pk)
        if signed_off_on is not None and (as_at is None or signed_off_on <= as_at):
            signed.add(pk)
    return children, signed


def _with_sections_inside(children: dict[int | None, list[int]], tops: Iterable[int]) -> set[int]:
    """These sections and every section inside them."""
    found: set[int] = set()
    below = list(tops)
    while below:
        pk = below.pop()
        if pk not in found:
            found.add(pk)
            below.extend(children.get(pk, []))
    return found


def holds_signed_off_area(section: Section) -> bool:
    """The section, a section it sits in, or a section inside it, is signed off: deleting it would
    delete the board's decision with it and free the area's actions from the lock."""
    if section_is_locked(section):
        return True
    children, signed = _section_tree([section.plan_id])
    return bool(_with_sections_inside(children, [section.pk]) & signed)


def section_ids_within(section: Section) -> set[int]:
    """The section and every section inside it (one query)."""
    children, _signed = _section_tree([section.plan_id])
    return _with_sections_inside(children, [section.pk])


def locked_section_ids(plan_ids: Iterable[int], as_at: dt.date | None = None) -> set[int]:
    """The sections of these plans the board has signed off (by `as_at`, when given), and every
    section inside them (one query): their actions are closed, so nobody is asked to update them."""
    children, signed = _section_tree(plan_ids, as_at)
    return _with_sections_inside(children, signed)


def can_delete_section(user: AnyUser, section: Section) -> bool:
    """Delete a section (with what is in it): as changing it, and admins only where an area inside
    it is signed off."""
    if holds_signed_off_area(section) and not can_administer(user, section.plan.partnership_id):
        return False
    return can_manage_plans(user, section.plan.partnership_id)


def can_delete_plan(user: AnyUser, plan: Plan, sections: Iterable[Section] | None = None) -> bool:
    """Delete a plan: plan managers and admins; admins only once the board has signed off an area of it.

    `sections`: the plan's sections when the caller has read them already (the plan page), so
    the rule reads nothing more; otherwise one query, and none for a role that may not delete."""
    if not can_manage_plans(user, plan.partnership_id):
        return False
    if can_administer(user, plan.partnership_id):
        return True
    if sections is not None:
        return not any(section.is_signed_off for section in sections)
    return not plan_has_signed_off_area(plan)


def plan_has_signed_off_area(plan: Plan) -> bool:
    """The board has signed off a section of the plan (at any depth): deleting the plan would
    delete the board's decision with it."""
    return plan.sections.filter(signed_off_on__isnull=False).exists()


def section_is_locked(section: Section | None) -> bool:
    """The section, or a section it sits in, has been signed off by the board."""
    return signed_off_area(section) is not None


def signed_off_area(section: Section | None) -> Section | None:
    """The signed-off section that locks `section`: itself or one it sits in."""
    while section is not None:
        if getattr(section, "is_signed_off", False):
            return section
        section = section.parent
    return None


def locked_sections(sections: list[Section], as_at: dt.date | None = None) -> set[int]:
    """The plan's sections the board has signed off (by `as_at`, when given), and those inside
    them, from the rows in hand (`section_is_locked` for a whole plan without a query per
    section): `locked_section_ids`' rule on sections already read."""
    children, signed = _tree_of(((s.pk, s.parent_id, s.signed_off_on) for s in sections), as_at)
    return _with_sections_inside(children, signed)
