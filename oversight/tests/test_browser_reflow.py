"""At 320 CSS pixels wide (WCAG 2.2 reflow) wide tables scroll in their own named, keyboard-reachable
box and the page itself does not scroll sideways."""

from __future__ import annotations

import os

import pytest
from django.urls import reverse

from oversight.testing import axe_violations, chromium, sign_in

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = pytest.mark.browser


def test_a_board_member_on_a_phone_reads_the_home_page_and_board_report_without_sideways_scrolling(
    live_server, transactional_db, world
):
    pages = [reverse("home"), reverse("reports:plan_report", args=[world.plan.pk])]
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 320, "height": 800})
        sign_in(page, live_server.url, "viewer", "correct-horse-battery")
        for address in pages:
            page.goto(live_server.url + address)
            page.wait_for_load_state("load")
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, address
            regions = page.locator(".app-table-scroll[role=region][tabindex='0']")
            assert regions.count() >= 1, address
            assert regions.first.get_attribute("aria-label"), address
            assert [v["id"] for v in axe_violations(page)] == [], address
