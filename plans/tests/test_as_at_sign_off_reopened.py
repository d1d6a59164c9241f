"""A sign-off reopened later still stood on the days before: past board packs keep it (QA round 9)."""

from __future__ import annotations

import datetime as dt

import time_machine

from plans import figures
from plans.models import Section
from plans.tests import factories


def at(day: dt.date) -> time_machine.travel:
    return time_machine.travel(dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC), tick=False)


def area(world) -> Section:
    """An area written at the start of the year (its history begins then)."""
    with at(dt.date(2026, 1, 5)):
        return factories.SectionFactory(plan=world.plan, ref="9", title="Police")


def signed_off_then(world, section: Section, day: dt.date) -> dt.date | None:
    rows = {s.pk: s for s in figures.sections_as_at([world.plan.pk], day)}
    return rows[section.pk].signed_off_on


def sign_off(section: Section, on: dt.date | None) -> None:
    section.refresh_from_db()
    section.signed_off_on = on
    section.save()


def test_an_area_reopened_after_a_report_date_is_still_signed_off_as_at_that_date(world):
    section = area(world)
    with at(dt.date(2026, 11, 19)):
        sign_off(section, dt.date(2026, 11, 19))
    with at(dt.date(2026, 12, 1)):
        sign_off(section, None)  # reopened by an admin

    assert signed_off_then(world, section, dt.date(2026, 11, 25)) == dt.date(2026, 11, 19)
    assert signed_off_then(world, section, dt.date(2026, 12, 2)) is None
    assert signed_off_then(world, section, dt.date(2026, 11, 18)) is None  # not signed off yet


def test_a_sign_off_entered_after_the_meeting_then_reopened_still_counts_from_the_meeting(world):
    section = area(world)
    with at(dt.date(2026, 11, 26)):
        sign_off(section, dt.date(2026, 11, 19))  # the meeting's decision, entered a week later
    with at(dt.date(2026, 11, 30)):
        sign_off(section, None)

    assert signed_off_then(world, section, dt.date(2026, 11, 25)) == dt.date(2026, 11, 19)


def test_an_area_signed_off_again_after_a_reopening_has_on_each_date_the_sign_off_of_that_date(world):
    section = area(world)
    with at(dt.date(2026, 6, 10)):
        sign_off(section, dt.date(2026, 6, 10))
    with at(dt.date(2026, 7, 1)):
        sign_off(section, None)
    with at(dt.date(2026, 9, 15)):
        sign_off(section, dt.date(2026, 9, 15))

    assert signed_off_then(world, section, dt.date(2026, 6, 20)) == dt.date(2026, 6, 10)
    assert signed_off_then(world, section, dt.date(2026, 8, 1)) == dt.date(
        2026, 9, 15
    )  # later than the day: not then
    assert signed_off_then(world, section, dt.date(2026, 10, 1)) == dt.date(2026, 9, 15)


def test_the_areas_closed_as_at_a_date_include_one_reopened_since(world):
    """QA round 10: a meeting page's flags as at its date changed when an area was reopened since."""
    from plans.rules import locked_section_ids

    section = area(world)
    child = factories.SectionFactory(plan=world.plan, parent=section, ref="9.1", title="Inside")
    with at(dt.date(2026, 11, 19)):
        sign_off(section, dt.date(2026, 11, 19))
    with at(dt.date(2026, 12, 1)):
        sign_off(section, None)

    assert {section.pk, child.pk} <= locked_section_ids([world.plan.pk], as_at=dt.date(2026, 11, 25))
    assert section.pk not in locked_section_ids([world.plan.pk], as_at=dt.date(2026, 12, 2))
    assert section.pk not in locked_section_ids([world.plan.pk])
