"""Send update-round emails that are due: requests not yet sent, reminders now due.

Safe to run every hour from cron: each email is sent at most once per owner per round.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from governance.rounds import send_due_emails


class Command(BaseCommand):
    help = "Send update-round requests and reminders that are due (idempotent; run hourly)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_due_emails()
        self.stdout.write(
            f"Sent {sent.requests} update requests and {sent.reminders} reminders"
            + (f"; {sent.failed} failed and will be retried on the next run." if sent.failed else ".")
        )
