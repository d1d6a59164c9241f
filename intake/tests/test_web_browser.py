"""In a real browser: a plan manager uploads a big plan, watches it being read, checks it and saves it."""

from __future__ import annotations

import os
import re

import pytest

from intake.models import BatchStatus, ImportBatch
from oversight.testing import axe_violations, chromium, sign_in
from plans.models import Plan

from .test_web_import import ROWS, xlsx_bytes
from .test_web_progress import slow_reading  # noqa: F401 - a fixture

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = pytest.mark.browser


def test_the_reading_page_moves_on_to_the_preview_by_itself_and_the_plan_is_saved(
    transactional_db,
    live_server,
    world,
    slow_reading,  # noqa: F811
    tmp_path,
):
    from playwright.sync_api import expect

    document = tmp_path / "front-door-plan.xlsx"
    document.write_bytes(xlsx_bytes(ROWS))
    with chromium() as browser:
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        sign_in(page, live_server.url, "manager", "correct-horse-battery")
        page.get_by_role("link", name="Import").first.click()
        page.set_input_files("#id_document", str(document))
        page.get_by_role("button", name="Upload and read").click()

        expect(page.get_by_role("heading", name="Reading front-door-plan.xlsx")).to_be_visible()
        expect(page.locator("#import-state")).to_have_text(
            re.compile("Reading the document|Waiting to be read")
        )
        # the live region stays while the status is polled, and says a status only when it changes
        page.evaluate(
            """() => {
                window.said = [];
                const region = document.querySelector('[role="status"][data-announce-changes]');
                new MutationObserver(() => window.said.push(region.textContent)).observe(
                    region, {childList: true, characterData: true, subtree: true});
            }"""
        )
        page.wait_for_timeout(3500)  # three polls or more
        said = page.evaluate("() => window.said")
        assert len(said) <= 1, said  # at most "Waiting to be read" becoming "Reading the document"
        assert axe_violations(page) == []
        slow_reading.set()  # the reading finishes; nobody clicks anything
        expect(page.get_by_role("heading", name=re.compile("Check what was read"))).to_be_visible(
            timeout=15000
        )
        assert ImportBatch.objects.get().status == BatchStatus.READ
        assert page.get_by_role("cell", name="Audit return home interviews").is_visible()
        assert axe_violations(page) == []

        page.fill("#id_title", "Front door plan 2020")
        page.get_by_role("button", name="Save the plan").click()
        expect(page.get_by_role("heading", name="Plan imported")).to_be_visible()
        assert not [e for e in errors if "Content Security Policy" in e and "script" in e]
    plan = Plan.objects.get(title="Front door plan 2020")
    assert plan.actions.count() == 3
