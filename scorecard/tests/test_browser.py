"""The scorecard in a real browser: no CSP violations, no serious accessibility failures."""

import os
import random

import pytest

from oversight.testing import axe_violations, chromium, sign_in
from scorecard.demo import extend_demo
from scorecard.models import Measure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_scorecard_and_a_measure_page_render_without_csp_or_accessibility_failures(live_server, world):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    extend_demo(world.partnership, [world.plan], random.Random(3))
    graded = Measure.objects.get(name="Children graded for CCE in the DRMM")
    with chromium() as browser:
        # The CSP is enforced on `page`; axe is injected in a second context that bypasses it.
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        problems: list[str] = []
        page.on(
            "console",
            lambda m: problems.append(f"{page.url} {m.location} {m.text}") if m.type == "error" else None,
        )
        sign_in(page, live_server.url, "viewer", "correct-horse-battery")
        axe_page = browser.new_context(bypass_csp=True).new_page()
        sign_in(axe_page, live_server.url, "viewer", "correct-horse-battery")
        page.goto(f"{live_server.url}/scorecard/")
        page.wait_for_load_state("networkidle")
        axe_page.goto(f"{live_server.url}/scorecard/")
        assert page.locator("svg.scorecard-sparkline").count() == 4
        assert (
            page.get_by_text("Amber").count()
            + page.get_by_text("Red").count()
            + page.get_by_text("Green").count()
            >= 2
        )
        if os.environ.get("SCORECARD_SCREENSHOTS"):
            page.screenshot(path="/tmp/scorecard_index.png", full_page=True)
        found = axe_violations(axe_page)
        assert found == [], [(v["id"], [n["html"] for n in v["nodes"]][:3]) for v in found]
        page.goto(f"{live_server.url}/scorecard/measures/{graded.pk}/")
        page.wait_for_load_state("networkidle")
        axe_page.goto(f"{live_server.url}/scorecard/measures/{graded.pk}/")
        assert page.locator("#crosstab").is_visible()
        assert page.locator("svg.scorecard-chart circle").count() == 12
        assert page.get_by_role("heading", name="Reconciliation").is_visible()
        if os.environ.get("SCORECARD_SCREENSHOTS"):
            page.screenshot(path="/tmp/scorecard_measure.png", full_page=True)
        found = axe_violations(axe_page)
        assert found == [], [(v["id"], [n["html"] for n in v["nodes"]][:3]) for v in found]
        assert [p for p in problems if "Content Security Policy" in p or "Refused" in p] == []
