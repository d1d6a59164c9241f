"""The board report in a real browser: charts drawn, no CSP violations, no serious axe failures
(the internal page and the public version)."""

from __future__ import annotations

import os

import pytest

from oversight.testing import axe_violations, chromium, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_report_page_renders_its_charts_without_csp_or_accessibility_failures(
    live_server, world, history_plan
):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    address = f"{live_server.url}/reports/plans/{history_plan.plan.pk}/?as_at=2022-12-14&previous=2022-11-14"
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        sign_in(page, live_server.url, "viewer", "correct-horse-battery")
        page.goto(address)
        page.wait_for_load_state("networkidle")
        assert page.locator("figure.app-report-chart svg").count() == 3
        box = page.locator("#chart-sections svg").bounding_box()
        assert box and box["width"] > 300 and box["height"] > 100
        assert page.get_by_text("Progress updates as at 14 December 2022").is_visible()
        assert problems == []  # a CSP violation is reported as a console error
        # The print stylesheet hides the controls.
        page.emulate_media(media="print")
        assert not page.locator(".app-report-controls").first.is_visible()
        axe_page = browser.new_context(bypass_csp=True).new_page()
        sign_in(axe_page, live_server.url, "viewer", "correct-horse-battery")
        axe_page.goto(address)
        assert axe_violations(axe_page) == []
        # The public version is an accessible page too (it is what councils publish).
        axe_page.goto(address.replace("/?", "/public/?"))
        assert axe_page.get_by_text("published version").first.is_visible()
        assert axe_violations(axe_page) == []
