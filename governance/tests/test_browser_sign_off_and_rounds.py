"""The pages added for closing rounds, reopening sign-offs and warning before one, in a real browser:
each works by keyboard-free clicks as a user would use it, and axe-core finds no serious or critical
problem on them."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.utils import timezone

from governance.models import UpdateRound
from oversight.testing import axe_violations, chromium, sign_in
from plans.tests import factories

PASSWORD = "correct-horse-battery"  # plans.tests.factories.UserFactory


def violations(page) -> list[tuple[str, list[str]]]:
    return [(v["id"], [n["html"][:150] for n in v["nodes"]]) for v in axe_violations(page)]


@pytest.mark.browser
def test_a_round_is_closed_an_area_proposed_with_its_open_actions_listed_and_an_admin_reopens_a_sign_off(
    live_server, transactional_db, world
):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    area = world.police_action.section
    inner = factories.SectionFactory(plan=world.plan, parent=area, ref="1a", title="Referrals")
    factories.ProgressUpdateFactory(action=world.police_action, status=factories.status(world.plan, "red"))
    other = factories.SectionFactory(plan=world.plan, ref="2", title="Early help")
    other.signed_off_on = dt.date(2026, 1, 20)
    other.save()
    governance = f"{live_server.url}/governance/plans/{world.plan.pk}/"

    with chromium() as browser:
        manager = browser.new_context(bypass_csp=True).new_page()
        sign_in(manager, live_server.url, "manager", PASSWORD)
        # open a round, then close it from its page
        manager.goto(governance)
        manager.click("text=Open an update round")
        manager.fill("#id_deadline", (timezone.localdate() + dt.timedelta(days=7)).isoformat())
        manager.click("button:has-text('Open the round')")
        manager.wait_for_selector("#round-summary")
        assert violations(manager) == []
        manager.click("a:has-text('Close the round')")  # asked once more, on a page of its own
        manager.wait_for_selector("h1:has-text('Close the update round due')")
        assert violations(manager) == []
        manager.click("button:has-text('Close the round')")
        manager.wait_for_selector("#round-closed")
        assert UpdateRound.objects.get().closed_at is not None
        # propose the area: its unfinished action is listed first
        manager.goto(governance)
        assert violations(manager) == []
        assert "Covered by the sign-off" not in manager.inner_text("body")
        manager.click(f"a[href$='/governance/sections/{area.pk}/sign-off/']")
        manager.wait_for_selector("#unfinished-actions")
        assert world.police_action.ref in manager.inner_text("main")
        assert violations(manager) == []

        admin = browser.new_context(bypass_csp=True).new_page()
        sign_in(admin, live_server.url, "admin", PASSWORD)
        admin.goto(governance)
        admin.click(f"a[href$='/governance/sections/{other.pk}/reopen/']")
        admin.click("button:has-text('Reopen the area')")  # no reason: an error, focused in the summary
        admin.wait_for_selector(".govuk-error-summary")
        assert violations(admin) == []
        admin.fill("textarea[name=reason]", "Recorded against the wrong area (minute EX/26/3).")
        admin.click("button:has-text('Reopen the area')")
        admin.wait_for_selector(".govuk-notification-banner--success, .govuk-notification-banner")
    other.refresh_from_db()
    assert other.signed_off_on is None
    assert inner.pk  # the inner section stayed where it was
