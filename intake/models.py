"""An import in progress: the uploaded document and what the import library understood.

The draft is kept here, on the server, between the preview and the confirmation, so the
confirmed plan is exactly what was previewed and nothing the browser sends back is trusted
except the title and kind the user corrects.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from plans.models import Partnership, PartnershipScopedQuerySet, Plan

# A parse still "reading" after this long died with its process (a restart, a recycled worker).
STALLED_AFTER = dt.timedelta(minutes=1)  # beyond the time a read is allowed (its process is stopped then)
QUEUED_FOR_TOO_LONG = dt.timedelta(hours=1)


class BatchStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to be read"
    READING = "reading", "Reading the document"
    READ = "read", "Ready to check"
    FAILED = "failed", "Could not be read"
    SAVED = "saved", "Saved"


class ImportBatchQuerySet(PartnershipScopedQuerySet):
    partnership_path = "partnership"

    def expired(self, now: dt.datetime | None = None) -> ImportBatchQuerySet:
        """Imports never confirmed within `OVERSIGHT_IMPORT_KEEP_DAYS` of their upload.

        An unconfirmed import holds a copy of somebody's document (often with children's
        services detail in it): it is kept only as long as a manager plausibly needs to
        finish checking it, then deleted. Saved imports keep their row (without the bytes)
        as the record of what was imported.
        """
        now = now or timezone.now()
        cutoff = now - dt.timedelta(days=settings.OVERSIGHT_IMPORT_KEEP_DAYS)
        return self.exclude(status=BatchStatus.SAVED).filter(created__lt=cutoff)


class ImportBatch(models.Model):
    """One uploaded document on its way from upload through preview to a saved plan."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="import_batches")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="import_batches"
    )
    # The plan this document is a newer version of (chosen on upload), or none for a new plan.
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.CASCADE, related_name="import_batches"
    )
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    # The uploaded bytes, kept until the import is saved so the parse can run (or re-run) from here.
    document = models.BinaryField(blank=True, default=b"")
    status = models.CharField(max_length=10, choices=BatchStatus.choices, default=BatchStatus.QUEUED)
    error = models.TextField(blank=True)
    draft = models.JSONField(null=True, blank=True, help_text="What the import library understood.")
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    saved_plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    summary = models.JSONField(null=True, blank=True, help_text="What the confirmation saved.")
    created = models.DateTimeField(auto_now_add=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = "import"

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        return self.status in (BatchStatus.QUEUED, BatchStatus.READING)

    def is_stalled(self, now: dt.datetime | None = None) -> bool:
        """A read that can no longer finish (its process stopped): one started longer ago than the
        time a read is allowed, or one still waiting for a reading slot after an hour. A document
        waiting behind another's is not 'too long' before it has even started (QA round 7)."""
        now = now or timezone.now()
        if self.status == BatchStatus.READING and self.started is not None:
            return (
                now - self.started > dt.timedelta(seconds=settings.OVERSIGHT_IMPORT_SECONDS) + STALLED_AFTER
            )
        return self.is_pending and now - self.created > QUEUED_FOR_TOO_LONG

    def elapsed_seconds(self) -> int:
        end = self.finished or timezone.now()
        return max(0, int((end - (self.started or self.created)).total_seconds()))
