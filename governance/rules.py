"""Who may do what in governance; views ask these, never the role directly.

Reading goes through `Model.objects.for_user(user)`. Writing:
- open an update round, change a plan's stage: plan managers and admins of the plan's partnership;
- propose a section for sign-off, record the board's decision: plan managers and admins;
- reopen an area the board signed off (a decision recorded in error, or the board's own change of
  mind): admins only, as only admins may change a signed-off area;
- manage boards and meetings: plan managers and admins.
Contributors and viewers read only here (contributors add their updates in the tracker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plans.models import Partnership, Plan, Section
from plans.rules import can_administer, can_manage_plans, section_is_locked

if TYPE_CHECKING:
    from governance.models import Board, SignOff
    from plans.models import AnyUser


def can_manage_boards(user: AnyUser, partnership: Partnership | int) -> bool:
    return can_manage_plans(user, partnership)


def can_open_round(user: AnyUser, plan: Plan) -> bool:
    return can_manage_plans(user, plan.partnership_id)


def can_change_stage(user: AnyUser, plan: Plan) -> bool:
    return can_manage_plans(user, plan.partnership_id)


def can_propose_sign_off(user: AnyUser, section: Section) -> bool:
    """A section already signed off, or already awaiting the board's decision, cannot be proposed again."""
    from governance.models import Decision, SignOff

    if section_is_locked(section) or not can_manage_plans(user, section.plan.partnership_id):
        return False  # signed off, or inside an area the board has signed off
    # nor while it, or an area it sits in, awaits the board: that decision covers it (QA round 8:
    # a sub-area proposed under a waiting parent stayed 'awaiting' for good)
    areas = [section]
    while areas[-1].parent is not None:
        areas.append(areas[-1].parent)
    return not SignOff.objects.filter(section__in=areas, decision=Decision.PENDING).exists()


def propose_refusal(user: AnyUser, section: Section) -> str:
    """Why this person may not propose this area now, in words (QA round 10: one sentence listed
    every possible reason, as if it were a question of their role)."""
    from governance.models import Decision, SignOff

    if not can_manage_plans(user, section.plan.partnership_id):
        return "Only plan managers and admins propose an area to the board."
    if section.is_signed_off:
        return f"{section} is signed off by the board already."
    if section_is_locked(section):
        return f"{section} sits inside an area the board has signed off: that sign-off covers it."
    area = section.parent
    while area is not None:
        if SignOff.objects.filter(section=area, decision=Decision.PENDING).exists():
            return (
                f"{section} sits inside {area}, which awaits the board's decision: that decision covers it. "
                f"Propose it on its own only if the board does not agree {area}."
            )
        area = area.parent
    return f"{section} cannot be proposed now."


def can_record_decision(user: AnyUser, sign_off: SignOff) -> bool:
    """The board's decision is recorded once, by a plan manager or admin (a minute taker's job)."""
    from governance.models import Decision

    # an area inside one the board has signed off since: that decision covers it already
    return (
        sign_off.decision == Decision.PENDING
        and not section_is_locked(sign_off.section)
        and can_manage_plans(user, sign_off.section.plan.partnership_id)
    )


def can_record_meeting(user: AnyUser, board: Board) -> bool:
    return can_manage_boards(user, board.partnership_id)


def can_reopen_sign_off(user: AnyUser, section: Section) -> bool:
    return section.is_signed_off and can_administer(user, section.plan.partnership_id)
