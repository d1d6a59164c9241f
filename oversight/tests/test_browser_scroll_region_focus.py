"""A table box that scrolls sideways (at 320 CSS pixels) is reached with Tab: it shows GOV.UK's
yellow focus (WCAG 2.4.7) and is named after its table, whether the table has a caption or is
labelled by the heading above it."""

from __future__ import annotations

import os

import pytest
from django.urls import reverse

from oversight.testing import chromium, sign_in
from plans.tests import factories

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = pytest.mark.browser

REGION_NAMES = """() => [...document.querySelectorAll('.app-table-scroll[role=region]')].map(box => {
  const by = box.getAttribute('aria-labelledby');
  return by ? (document.getElementById(by) || {textContent: ''}).textContent.trim() : box.getAttribute('aria-label');
})"""


def test_a_scrolling_table_box_shows_yellow_focus_and_has_a_real_name(live_server, transactional_db, world):
    factories.ProgressUpdateFactory(action=world.police_action, status=factories.status(world.plan, "red"))
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 320, "height": 800})
        sign_in(page, live_server.url, "viewer", "correct-horse-battery")
        page.goto(live_server.url + reverse("reports:plan_report", args=[world.plan.pk]))
        page.wait_for_load_state("load")

        names = page.evaluate(REGION_NAMES)
        assert names and all(names), names
        assert "Table" not in names  # the fallback for a table nobody named
        assert any(name.startswith("1 Front door") for name in names), names  # the plan's section table

        box = page.locator(".app-table-scroll[role=region]").last
        box.focus()
        style = box.evaluate(
            "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineColor]; }"
        )
        assert style == ["solid", "rgb(255, 221, 0)"]


def test_hidden_column_headings_stay_inside_the_scrolling_box_at_320_pixels(
    live_server, transactional_db, world
):
    """The plan page's last column is headed by visually hidden "Change" (absolutely positioned):
    unless the box is its containing block, it sticks out and the whole page scrolls sideways."""
    pages = [
        reverse("plans:plan", args=[world.plan.pk]),
        reverse("accounts:manage", args=[world.partnership.pk]),
    ]
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 320, "height": 800})
        sign_in(page, live_server.url, "admin", "correct-horse-battery")
        for address in pages:
            page.goto(live_server.url + address)
            page.wait_for_load_state("load")
            assert page.locator(".app-table-scroll[role=region]").count() >= 1, address
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, address
