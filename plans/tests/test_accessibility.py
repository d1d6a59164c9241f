"""axe-core finds no accessibility problems (of any impact) on the home, plan and action pages,
and on the pages that delete a plan."""

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
    # a plan the board has signed off an area of: its delete page tells a plan manager why not
    closed = factories.PlanFactory(partnership=world.partnership, title="SCR action plan 2023")
    factories.SectionFactory(plan=closed, ref="1", title="Front door", signed_off_on=dt.date(2025, 3, 4))
    factories.ActionFactory(plan=world.plan, section=section, ref="1.9").delete()  # its old link shows a page
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
        "delete plan": reverse("plans:delete_plan", args=[world.plan.pk]),
        "add an action": reverse("plans:add_action", args=[world.plan.pk]),
        "add a section": reverse("plans:add_section", args=[world.plan.pk]),
        "change the plan": reverse("plans:edit_plan", args=[world.plan.pk]),
        "remove an action": reverse("plans:delete_action", args=[world.police_action.pk]),
        "withdraw an update": reverse(
            "plans:withdraw_update",
            args=[models.ProgressUpdate.objects.filter(action=world.police_action).first().pk],
        ),
        "a removed action": reverse(
            "plans:action",
            args=[models.historical_model(models.Action).objects.get(ref="1.9", history_type="-").id],
        ),
        "delete a plan with a signed-off area": reverse(
            "plans:delete_plan", args=[models.Plan.objects.get(title="SCR action plan 2023").pk]
        ),
    }


def test_the_tracker_pages_have_no_serious_or_critical_accessibility_violations(live_server, filled_world):

    found: dict[str, list] = {}

    def check(name: str, page) -> None:
        assert page.locator("h1").count() >= 1, name
        violations = axe_violations(page)
        if violations:
            found[name] = [(v["id"], v["impact"], [n["html"] for n in v["nodes"]][:3]) for v in violations]

    with chromium() as browser:
        page = browser.new_page()
        sign_in(page, live_server.url, "manager", "correct-horse-battery")
        for name, address in pages(filled_world).items():
            page.goto(live_server.url + address)
            check(name, page)
        # last, as it deletes the plan: from its page, through the confirmation, to the banner
        page.goto(live_server.url + reverse("plans:plan", args=[filled_world.plan.pk]))
        page.click("text=Delete this plan")
        page.click("main form button[type=submit]")
        banner = page.locator(".govuk-notification-banner--success")
        assert "JTAI action plan has been deleted" in banner.inner_text()
        check("home after deleting a plan", page)

    assert found == {}
