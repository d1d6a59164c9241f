"""The API docs page in a real browser: no CSP violation, no serious accessibility failure."""

from __future__ import annotations

import os

import pytest

from oversight.testing import axe_violations, chromium, sign_in

PASSWORD = "correct-horse-battery"  # plans.tests.factories.UserFactory


@pytest.mark.browser
def test_a_contributor_reads_the_api_docs_and_creates_a_token_without_csp_or_axe_failures(
    live_server, transactional_db, world
):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with chromium() as browser:
        page = browser.new_page()
        console: list[str] = []
        page.on("console", lambda message: console.append(message.text))
        sign_in(page, live_server.url, "contributor", PASSWORD)
        page.goto(f"{live_server.url}/api/docs/")
        assert page.get_by_role("heading", name="Endpoints").is_visible()
        assert page.get_by_text("/api/actions/{id}/").first.is_visible()
        serious = [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in axe_violations(page)]
        assert serious == []
        page.get_by_role("button", name="Create my API token").click()
        assert page.get_by_role("heading", name="Your API token").is_visible()
        assert not [text for text in console if "Content Security Policy" in text], console
