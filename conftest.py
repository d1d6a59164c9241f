"""Fixtures shared by every app's tests: one partnership with a member of each role."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from plans import models
from plans.tests import factories

REPO = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("OVERSIGHT_SHARED", REPO.parent / "shared"))


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    """argon2 takes about a second per password on a busy machine and the world makes five
    users; tests that check argon2 itself set the project's hashers back."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Each test starts with nothing counted (password-reset emails asked for, say)."""
    from django.core.cache import cache

    cache.clear()


@dataclass
class World:
    """A partnership with two agencies, a plan, and a user in each role; plus an outsider."""

    partnership: models.Partnership
    police: models.Agency
    council: models.Agency
    plan: models.Plan
    police_action: models.Action
    council_action: models.Action
    admin: object
    manager: object
    contributor: object  # a police contributor
    viewer: object
    outsider: object  # admin of another partnership
    other_plan: models.Plan
    other_action: models.Action


@pytest.fixture
def world(db) -> World:
    partnership = factories.PartnershipFactory(name="East Sussex Safeguarding Children Partnership")
    police = factories.AgencyFactory(
        partnership=partnership, name="Sussex Police", kind=models.AgencyKind.POLICE
    )
    council = factories.AgencyFactory(partnership=partnership, name="East Sussex County Council")
    plan = factories.PlanFactory(partnership=partnership, title="JTAI action plan")
    section = factories.SectionFactory(plan=plan, ref="1", title="Front door")
    police_action = factories.ActionFactory(plan=plan, section=section, ref="1.1", lead_agency=police)
    council_action = factories.ActionFactory(plan=plan, section=section, ref="1.2", lead_agency=council)

    def member(username: str, role: str, agency: models.Agency | None = None, of=partnership) -> object:
        user = factories.UserFactory(username=username)
        factories.MembershipFactory(user=user, partnership=of, role=role, agency=agency)
        return user

    other = factories.PartnershipFactory(name="Thurrock Safeguarding Children Partnership")
    other_plan = factories.PlanFactory(partnership=other, title="SCR action plan")
    other_action = factories.ActionFactory(plan=other_plan, ref="1a")
    return World(
        partnership=partnership,
        police=police,
        council=council,
        plan=plan,
        police_action=police_action,
        council_action=council_action,
        admin=member("admin", models.Role.ADMIN),
        manager=member("manager", models.Role.MANAGER),
        contributor=member("contributor", models.Role.CONTRIBUTOR, police),
        viewer=member("viewer", models.Role.VIEWER),
        outsider=member("outsider", models.Role.ADMIN, of=other),
        other_plan=other_plan,
        other_action=other_action,
    )
