"""axe-core finds no serious or critical accessibility problems on the home, plan and action pages."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.urls import reverse

from oversight.testing import axe_violations, chromium, sign_in
from plans import models
from plans.tests import factories

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = pytest.mark.browser


@pytest.fixture
def filled_world(transactional_db, world):
    section = world.police_action.section
    section.what_needs_to_improve = "Timeliness of strategy meetings."
    section.what_inspectors_found = "Some children waited too long."
    section.save()
    factories.SectionFactory(plan=world.plan, parent=section, ref="1.A", title="Screening")
    world.police_action.due_date = dt.date(2024, 1, 31)
    world.police_action.save()
    update = factories.ProgressUpdateFactory(
        action=world.police_action, date=dt.date(2024, 3, 1), status=factories.status(world.plan, "red")
    )
    models.Evidence.objects.create(update=update, link="https://example.org/audit")
    return world


def pages(world) -> dict[str, str]:
    plan = reverse("plans:plan", args=[world.plan.pk])
    return {
        "home": reverse("home"),
        "plan": plan,
        "plan as at a date": plan + "?as_at=2024-03-02",
        "plan with a filter error": plan + "?as_at=not-a-date",
        "action": reverse("plans:action", args=[world.police_action.pk]),
        "my actions": reverse("plans:my_actions"),
    }


def test_the_tracker_pages_have_no_serious_or_critical_accessibility_violations(live_server, filled_world):

    found: dict[str, list] = {}
    with chromium() as browser:
        page = browser.new_page()
        sign_in(page, live_server.url, "manager", "correct-horse-battery")
        for name, address in pages(filled_world).items():
            page.goto(live_server.url + address)
            assert page.locator("h1").count() >= 1, name
            violations = axe_violations(page)
            if violations:
                found[name] = [
                    (v["id"], v["impact"], [n["html"] for n in v["nodes"]][:3]) for v in violations
                ]

    assert found == {}
