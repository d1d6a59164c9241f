"""In a real browser, with the keyboard only: the plan page's filters swap the results in place
(htmx), and a keyboard or screen reader user keeps their place and hears what happened."""

from __future__ import annotations

import os

import pytest
from django.urls import reverse

from oversight.testing import chromium, sign_in

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = pytest.mark.browser

ACTIVE = "() => { const e = document.activeElement; return e ? (e.id || e.tagName) : null; }"
ACTIVE_TEXT = "() => document.activeElement ? document.activeElement.textContent.trim() : ''"


def tab_to(page, element_id: str = "", text: str = "", most: int = 60) -> None:
    for _ in range(most):
        page.keyboard.press("Tab")
        if (element_id and page.evaluate(ACTIVE) == element_id) or (
            text and page.evaluate(ACTIVE_TEXT) == text
        ):
            return
    raise AssertionError(f"Tab never reached #{element_id}{text}")


def test_apply_filters_keeps_focus_on_the_button_and_announces_the_count(
    transactional_db, live_server, world
):
    with chromium() as browser:
        page = browser.new_page()
        sign_in(page, live_server.url, "manager", "correct-horse-battery")
        page.goto(live_server.url + reverse("plans:plan", args=[world.plan.pk]))

        tab_to(page, "id_q")
        page.keyboard.type(world.police_action.ref)
        tab_to(page, text="Apply filters")
        with page.expect_response(lambda r: "q=" in r.url):
            page.keyboard.press("Enter")
        page.wait_for_function(
            "() => document.querySelector('[data-announce]').textContent.includes('match')"
        )

        # Focus is where the user left it, not lost to the top of the page.
        assert page.evaluate(ACTIVE_TEXT) == "Apply filters"
        live = page.locator("[data-announce]")
        assert live.get_attribute("aria-live") == "polite"
        assert live.inner_text().strip() == page.inner_text("#results-count").strip()
        assert "1 action matches the filters" in live.inner_text()
        # The region that speaks is not inside the part htmx replaces (a new region is not read).
        assert page.evaluate("() => !document.querySelector('[data-announce]').closest('#plan-results')")

        page.keyboard.press("Tab")
        assert page.evaluate(ACTIVE_TEXT) == "Clear filters"


def test_a_filter_error_after_a_swap_takes_focus_and_its_link_reaches_the_field(
    transactional_db, live_server, world
):
    with chromium() as browser:
        page = browser.new_page()
        sign_in(page, live_server.url, "manager", "correct-horse-battery")
        page.goto(live_server.url + reverse("plans:plan", args=[world.plan.pk]))

        page.fill("#id_as_at", "2099-01-01")
        tab_to(page, text="Apply filters")
        with page.expect_response(lambda r: "as_at=" in r.url):
            page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.classList.contains('govuk-error-summary')")

        assert page.title().startswith("Error: ")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        assert page.evaluate(ACTIVE) == "id_as_at"
