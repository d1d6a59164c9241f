"""Delete imports that were uploaded but never confirmed, with the document copies they hold.

Safe to run daily from cron; the upload page also runs it, so an instance without cron
still forgets abandoned documents.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from intake.models import ImportBatch


class Command(BaseCommand):
    help = "Delete unconfirmed imports older than OVERSIGHT_IMPORT_KEEP_DAYS (idempotent; run daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted, _ = ImportBatch.objects.expired().delete()
        self.stdout.write(
            f"Deleted {deleted} unconfirmed imports older than {settings.OVERSIGHT_IMPORT_KEEP_DAYS} days."
        )
