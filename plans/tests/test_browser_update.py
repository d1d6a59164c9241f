"""In a real browser: an agency lead records an amber update with an evidence link and sees it in the history."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.utils import timezone

from oversight.testing import chromium, sign_in
from plans import models

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = pytest.mark.browser


def test_a_contributor_adds_an_amber_update_from_my_actions_and_sees_it_in_the_history(
    transactional_db, live_server, world
):

    day = timezone.localdate() - dt.timedelta(days=1)
    with chromium() as browser:
        page = browser.new_page()
        sign_in(page, live_server.url, "contributor", "correct-horse-battery")
        page.get_by_role("link", name="My actions").click()
        page.get_by_role("link", name="Action 1.1", exact=True).click()
        assert page.get_by_role("heading", name="Action 1.1").is_visible()

        page.fill("#id_date", day.isoformat())
        page.get_by_label("Amber").check()
        page.fill("#id_narrative", "Strategy meetings now held within 24 hours in 9 of 10 cases.")
        page.fill("#id_evidence_link", "https://example.org/strategy-audit")
        page.get_by_role("button", name="Save progress update").click()

        assert page.get_by_text("Progress update added: 1.1 is now Amber").is_visible()
        history = page.locator(".app-history")
        assert history.get_by_text(f"Progress update of {day:%-d %B %Y} added").is_visible()
        assert history.get_by_text(f"Evidence for the update of {day:%-d %B %Y} added").is_visible()
        assert "https://example.org/strategy-audit" in history.inner_text()
        assert "Amber" in history.inner_text()

    update = models.ProgressUpdate.objects.get()
    assert update.status.key == "amber"
    assert update.author == world.contributor
