"""The rules a membership must meet, as plain functions (the pages ask them)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from accounts import members
from plans.models import Membership, Role
from plans.tests import factories


def test_a_contributor_needs_an_agency(world):
    assert (
        members.agency_problem(world.partnership, Role.CONTRIBUTOR, None) == members.CONTRIBUTOR_NEEDS_AGENCY
    )
    assert members.agency_problem(world.partnership, Role.CONTRIBUTOR, world.police) == ""


@pytest.mark.parametrize("role", [Role.ADMIN, Role.MANAGER, Role.VIEWER])
def test_other_roles_may_have_no_agency(world, role):
    assert members.agency_problem(world.partnership, role, None) == ""


def test_the_agency_must_be_the_partnerships_own(world):
    theirs = factories.AgencyFactory(partnership=world.other_plan.partnership)

    assert members.agency_problem(world.partnership.pk, Role.VIEWER, theirs) == members.NOT_OUR_AGENCY


def test_the_last_admin_cannot_be_demoted_or_removed(world):
    admin = Membership.objects.get(user=world.admin)

    assert members.last_admin_problem(admin, Role.MANAGER) == members.LAST_ADMIN
    assert members.last_admin_problem(admin, None) == members.LAST_ADMIN
    assert members.last_admin_problem(admin, Role.ADMIN) == ""


def test_an_admin_of_another_partnership_does_not_count(world):
    # The outsider is an admin, but of the other partnership.
    assert members.last_admin_problem(Membership.objects.get(user=world.admin), None) == members.LAST_ADMIN


def test_other_members_are_not_held_by_the_rule(world):
    assert members.last_admin_problem(Membership.objects.get(user=world.viewer), None) == ""


def test_change_membership_refuses_to_demote_the_last_admin(world):
    admin = Membership.objects.get(user=world.admin)

    with pytest.raises(ValidationError) as refused:
        members.change_membership(admin, Role.VIEWER, None)

    assert refused.value.message_dict == {"role": [members.LAST_ADMIN]}
    admin.refresh_from_db()
    assert admin.role == Role.ADMIN


def test_remove_membership_refuses_the_last_admin_and_removes_others(world):
    with pytest.raises(ValidationError):
        members.remove_membership(Membership.objects.get(user=world.admin))
    members.remove_membership(Membership.objects.get(user=world.viewer))

    assert set(
        Membership.objects.filter(partnership=world.partnership).values_list("user__username", flat=True)
    ) == {
        "admin",
        "manager",
        "contributor",
    }


def test_names_with_markup_are_refused():
    assert members.markup_problem("Name", "Police <b>") == "Name must not contain < or >"
    assert members.markup_problem("Name", "Children's Services & Education") == ""


def test_an_admin_who_has_not_set_a_password_yet_does_not_count(world):
    """Invited at a mistyped address, they can never sign in to resend their own link."""
    admin = Membership.objects.get(user=world.admin)
    invited = factories.UserFactory(username="pat.pending")
    invited.set_unusable_password()
    invited.save()
    factories.MembershipFactory(user=invited, partnership=world.partnership, role=Role.ADMIN)
    assert members.last_admin_problem(admin, Role.MANAGER) == members.LAST_ADMIN
    invited.set_password("a long and usable password 2026")
    invited.save()
    assert members.last_admin_problem(admin, Role.MANAGER) == ""
