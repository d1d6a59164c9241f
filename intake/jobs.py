"""Reading an uploaded document: in the request for small files, in a background thread for big ones.

A big PDF can take many seconds to read. Rather than hold the request open, the upload saves an
ImportBatch and a thread reads it, recording its status on the row; the status page polls that
row (htmx, every second) and moves on to the preview when the draft is ready. At most
`MAX_PARALLEL` documents are read at once per process, so imports cannot starve the web server.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from intake.drafts import draft_from_json, draft_to_json
from intake.importer.errors import DocumentError, IntakeError
from intake.importer.model import ImportLimits, PlanDraft
from intake.models import BatchStatus, ImportBatch

logger = logging.getLogger(__name__)
MAX_PARALLEL = 1
WORKER = "intake.read_worker"  # the module run for each document (tests put a slow one here)
_slots = threading.BoundedSemaphore(MAX_PARALLEL)
# The threads started, so tests (and a graceful shutdown) can wait for them.
threads: list[threading.Thread] = []


def limits() -> ImportLimits:
    return ImportLimits(
        max_bytes=settings.OVERSIGHT_IMPORT_MAX_BYTES,
        max_uncompressed=settings.OVERSIGHT_IMPORT_MAX_UNCOMPRESSED,
    )


def inline_limit() -> int:
    """Files up to this size (and not PDF) are read during the upload request itself."""
    return getattr(settings, "OVERSIGHT_IMPORT_INLINE_BYTES", 512 * 1024)


def reads_in_background(filename: str, size: int) -> bool:
    return filename.lower().endswith(".pdf") or size > inline_limit()


def parse(data: bytes, filename: str) -> PlanDraft:
    """The import library, with the size limits from settings, run in a process of its own
    (`intake.read_worker`) stopped after `OVERSIGHT_IMPORT_SECONDS`: a document that would take
    minutes (QA round 7: an 8.7 MB log of empty dated entries) is refused with a message, and
    frees the reading slot for the next partnership's document."""
    budget, allowed = settings.OVERSIGHT_IMPORT_SECONDS, limits()
    command = [sys.executable, "-m", WORKER, filename, str(allowed.max_bytes), str(allowed.max_uncompressed)]
    try:
        done = subprocess.run(
            command, input=data, capture_output=True, timeout=budget, check=False, cwd=settings.BASE_DIR
        )
    except subprocess.TimeoutExpired as exc:
        raise DocumentError(
            f"Reading {filename} took more than {budget} seconds and was stopped: the document is very large "
            "or laid out unusually. Save the plan alone as .docx or .xlsx (or split it), then import that."
        ) from exc
    try:
        answer = json.loads(done.stdout)
    except ValueError as exc:
        logger.error(
            "Reading %s ended without a draft (exit %s): %s", filename, done.returncode, done.stderr[-2000:]
        )
        raise DocumentError(f"{filename} could not be read: it may be too large or complex.") from exc
    if "error" in answer:
        raise DocumentError(answer["error"])
    return draft_from_json(answer["draft"])


def read_batch(batch: ImportBatch) -> ImportBatch:
    """Read the batch's document and record the draft or the error on the row."""
    ImportBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.READING, started=timezone.now())
    try:
        draft = parse(bytes(batch.document), batch.filename)
    except IntakeError as exc:
        fields = {"status": BatchStatus.FAILED, "error": str(exc) or "The document could not be read."}
    except Exception:  # noqa: BLE001 - a reader bug must not leave the user waiting forever
        logger.exception("Import of batch %s failed", batch.pk)
        fields = {
            "status": BatchStatus.FAILED,
            "error": "The document could not be read. Check it opens in Word, Excel or a PDF reader, then try again.",
        }
    else:
        fields = {"status": BatchStatus.READ, "draft": draft_to_json(draft), "error": ""}
    if fields["status"] == BatchStatus.FAILED:
        fields["document"] = b""  # a refused file is not kept
    fields["finished"] = timezone.now()
    ImportBatch.objects.filter(pk=batch.pk).update(**fields)
    batch.refresh_from_db()
    return batch


def _run_in_thread(batch_id: int) -> None:
    close_old_connections()
    try:
        with _slots:
            batch = ImportBatch.objects.get(pk=batch_id)
            read_batch(batch)
    except Exception:  # noqa: BLE001
        logger.exception("Background import of batch %s failed", batch_id)
    finally:
        connection.close()


def start_reading(batch: ImportBatch) -> None:
    """Read the batch now (small files) or in a background thread (big files and PDFs)."""
    if not reads_in_background(batch.filename, batch.size):
        read_batch(batch)
        return
    thread = threading.Thread(target=_run_in_thread, args=(batch.pk,), name=f"import-{batch.pk}", daemon=True)
    threads[:] = [t for t in threads if t.is_alive()]
    threads.append(thread)
    # Start only once the batch row is committed, or the thread would not see it.
    transaction.on_commit(thread.start)
