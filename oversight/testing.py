"""Helpers for browser tests: Debian's chromium driven by Playwright, never a downloaded browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

CHROMIUM = os.environ.get("OVERSIGHT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch_chromium(playwright: Any) -> Any:
    """Start Debian's chromium; skip (locally) or fail (in CI) when it is missing."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: `make system-packages` installs Debian's chromium.")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop; Django refuses ORM calls inside one unless told.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's chromium under Playwright for one test, closed afterwards together with any
    database connection that a query inside Playwright's event loop opened (that context holds
    its own connection; left open, it keeps the test database from being dropped)."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()
            connections.close_all()


def sign_in(page: Any, live_server_url: str, username: str, password: str) -> None:
    page.goto(f"{live_server_url}/sign-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")


def axe_violations(
    page: Any, impacts: tuple[str, ...] = ("minor", "moderate", "serious", "critical")
) -> list[dict[str, Any]]:
    """Run axe-core (from node_modules, served by nothing: injected from disk) on the page."""
    from django.conf import settings

    axe = settings.NODE_MODULES / "axe-core" / "axe.min.js"
    # Evaluated through the DevTools protocol rather than added as a <script> tag: the
    # Content Security Policy forbids inline scripts, and rightly so; evaluate is not subject to it.
    page.evaluate(axe.read_text(encoding="utf-8") + "\n;true")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v.get("impact") in impacts]
