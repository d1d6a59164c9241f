"""Test data for every app: a partnership, its agencies, people, roles, plans and actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from plans import models


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct-horse-battery")


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = models.Partnership

    name = factory.Sequence(lambda n: f"Safeguarding Children Partnership {n}")
    slug = factory.Sequence(lambda n: f"partnership-{n}")


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = models.Agency

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Agency {n}")
    kind = models.AgencyKind.COUNCIL


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = models.Person

    partnership = factory.SubFactory(PartnershipFactory)
    agency = factory.SubFactory(AgencyFactory, partnership=factory.SelfAttribute("..partnership"))
    name = factory.Sequence(lambda n: f"Person {n}")
    job_title = "Head of Service"


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = models.Membership

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory)
    role = models.Role.VIEWER
    agency = None


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = models.Plan
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"JTAI action plan {n}")
    kind = models.PlanKind.JTAI

    @factory.post_generation
    def rag_scheme(obj: models.Plan, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted is not False:
            obj.add_default_rag_scheme()


class SectionFactory(DjangoModelFactory):
    class Meta:
        model = models.Section

    plan = factory.SubFactory(PlanFactory)
    ref = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Area for development {n + 1}")


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = models.Action

    plan = factory.SubFactory(PlanFactory)
    section = factory.SubFactory(SectionFactory, plan=factory.SelfAttribute("..plan"))
    ref = factory.Sequence(lambda n: f"{n + 1}.1")
    text = factory.Sequence(lambda n: f"Review the multi-agency escalation process {n}")
    owner_text = "Council – Head of Children's Services"
    due_text = "October 2030"
    due_date = dt.date(2030, 10, 31)


class ProgressUpdateFactory(DjangoModelFactory):
    class Meta:
        model = models.ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    date = factory.LazyFunction(dt.date.today)
    narrative = "Audit completed; findings shared with the executive."

    @factory.lazy_attribute
    def status(self) -> models.RagStatus | None:
        return self.action.plan.rag_statuses.filter(key="amber").first()

    @classmethod
    def _create(cls, model_class: type, *args: object, **kwargs: object) -> models.ProgressUpdate:
        update = super()._create(model_class, *args, **kwargs)
        update.action.refresh_status()
        return update


def status(plan: models.Plan, key: str) -> models.RagStatus:
    """The plan's RAG status with this key (red, amber, green, complete)."""
    return plan.rag_statuses.get(key=key)


def police_actions(
    world: Any, count: int, author: Any = None
) -> list[tuple[models.Action, models.ProgressUpdate]]:
    """`count` more police actions in the world's plan (tests/conftest.py `world`), each owned
    by a new police officer and the council, with an update in February 2024 and a red one in
    March; returns each action with its red update. Used to grow a plan between two query counts."""
    made = []
    for i in range(count):
        action = ActionFactory(
            plan=world.plan,
            section=world.police_action.section,
            lead_agency=world.police,
            due_date=dt.date(2024, 1, 1) + dt.timedelta(days=i),
        )
        action.owner_agencies.add(world.council)
        action.owners.add(PersonFactory(partnership=world.partnership, agency=world.police))
        ProgressUpdateFactory(action=action, date=dt.date(2024, 2, 1), author=author)
        red = ProgressUpdateFactory(
            action=action, date=dt.date(2024, 3, 1), status=status(world.plan, "red"), author=author
        )
        made.append((action, red))
    return made
