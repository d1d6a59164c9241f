"""Unconfirmed imports, and the copies of documents they hold, are forgotten after a while."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from intake.models import BatchStatus, ImportBatch

from .test_web_import import ROWS, upload, xlsx_bytes


def batch(world, status: str, days_old: float) -> ImportBatch:
    made = ImportBatch.objects.create(
        partnership=world.partnership, filename="plan.xlsx", document=b"secret", status=status
    )
    # created is auto_now_add: age it afterwards.
    ImportBatch.objects.filter(pk=made.pk).update(created=timezone.now() - dt.timedelta(days=days_old))
    return made


@pytest.mark.django_db
def test_unconfirmed_imports_older_than_the_keep_period_are_deleted_by_the_command(world, settings):
    settings.OVERSIGHT_IMPORT_KEEP_DAYS = 7
    old_read = batch(world, BatchStatus.READ, 8)
    old_failed = batch(world, BatchStatus.FAILED, 30)
    old_stalled = batch(world, BatchStatus.READING, 9)
    recent = batch(world, BatchStatus.READ, 6)
    saved = batch(world, BatchStatus.SAVED, 400)

    out = io.StringIO()
    call_command("expire_imports", stdout=out)

    left = set(ImportBatch.objects.values_list("pk", flat=True))
    assert left == {recent.pk, saved.pk}
    assert not left & {old_read.pk, old_failed.pk, old_stalled.pk}
    assert "Deleted 3 unconfirmed imports older than 7 days" in out.getvalue()


@pytest.mark.django_db
def test_the_keep_period_is_a_setting(world, settings):
    abandoned = batch(world, BatchStatus.READ, 3)
    settings.OVERSIGHT_IMPORT_KEEP_DAYS = 7
    assert not ImportBatch.objects.expired().filter(pk=abandoned.pk).exists()
    settings.OVERSIGHT_IMPORT_KEEP_DAYS = 2
    assert ImportBatch.objects.expired().filter(pk=abandoned.pk).exists()


@pytest.mark.django_db
def test_a_new_upload_clears_abandoned_imports_without_cron(client, world, settings):
    settings.OVERSIGHT_IMPORT_KEEP_DAYS = 7
    abandoned = batch(world, BatchStatus.READ, 10)
    client.force_login(world.manager)

    upload(client, "plan.xlsx", xlsx_bytes(ROWS))

    assert not ImportBatch.objects.filter(pk=abandoned.pk).exists()
    assert ImportBatch.objects.filter(filename="plan.xlsx").count() == 1


@pytest.mark.django_db
def test_a_refused_upload_changes_nothing_else(client, world, settings):
    settings.OVERSIGHT_IMPORT_KEEP_DAYS = 7
    recent = batch(world, BatchStatus.READ, 1)
    client.force_login(world.contributor)

    response = upload(client, "plan.xlsx", xlsx_bytes(ROWS))

    assert response.status_code == 403
    assert list(ImportBatch.objects.values_list("pk", flat=True)) == [recent.pk]
