"""Shared bits of the partnership administration tests."""

from __future__ import annotations

from plans.tests import factories

HOSTILE = '<script>alert("x")</script>'
ERROR_SUMMARY = 'class="govuk-error-summary"'


def person_in(world, **kwargs):
    kwargs.setdefault("partnership", world.partnership)
    kwargs.setdefault("agency", world.police)
    return factories.PersonFactory(**kwargs)


def other_partnerships_agency(world):
    return factories.AgencyFactory(partnership=world.other_plan.partnership, name="Essex Police")
