"""One update round end to end in a real browser: opened, emailed, updated, complete."""

from __future__ import annotations

import datetime as dt
import io
import os
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from governance.models import UpdateRound
from oversight.testing import axe_violations, chromium, sign_in

PASSWORD = "correct-horse-battery"  # plans.tests.factories.UserFactory


def page_violations(page) -> list[tuple[str, list[str]]]:
    """Serious or critical axe violations of the page, with the start of each failing element."""
    return [(v["id"], [n["html"][:150] for n in v["nodes"]]) for v in axe_violations(page)]


@pytest.mark.browser
def test_a_manager_opens_a_round_the_owner_is_emailed_updates_and_the_round_shows_complete(
    live_server, transactional_db, world, settings
):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    settings.SITE_URL = live_server.url
    world.contributor.email = "lead@police.example"
    world.contributor.save()
    deadline = timezone.localdate() + dt.timedelta(days=7)

    with chromium() as browser:
        # axe-core is injected as an inline script, which the app's CSP rightly refuses.
        manager = browser.new_context(bypass_csp=True).new_page()
        sign_in(manager, live_server.url, "manager", PASSWORD)
        manager.goto(f"{live_server.url}/governance/plans/{world.plan.pk}/")
        assert page_violations(manager) == []
        manager.click("text=Open an update round")
        assert page_violations(manager) == []
        manager.fill("#id_deadline", deadline.isoformat())
        manager.click("button:has-text('Open the round')")
        manager.wait_for_selector("#round-summary")
        assert "0 updated, 1 not updated" in manager.inner_text("#round-summary")

        call_command("send_reminders", stdout=io.StringIO())
        call_command("send_reminders", stdout=io.StringIO())
        (email,) = mail.outbox
        assert email.to == ["lead@police.example"]
        assert world.police_action.ref in email.body and world.council_action.ref not in email.body
        link = re.search(rf"{re.escape(live_server.url)}\S+", email.body).group(0)

        contributor = browser.new_context().new_page()
        sign_in(contributor, live_server.url, "contributor", PASSWORD)
        contributor.goto(link)  # the email links straight to the add-update page
        contributor.check("label:has-text('Amber')")
        contributor.fill("#id_narrative", "Audit of 40 contacts done; findings shared with the front door.")
        contributor.click("button:has-text('Save progress update')")
        contributor.wait_for_selector(".govuk-notification-banner")

        manager.goto(f"{live_server.url}{UpdateRound.objects.get().get_absolute_url()}")
        assert "1 updated, 0 not updated" in manager.inner_text("#round-summary")
        assert "Updated" in manager.inner_text("#round-owners")
        assert page_violations(manager) == []
