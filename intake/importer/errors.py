"""Exceptions raised by the import library."""

from __future__ import annotations


class IntakeError(Exception):
    """Base class of every error the import library raises on purpose."""


class DocumentError(IntakeError):
    """The document cannot be imported: unreadable, unsupported, empty, too big or without a plan."""


class LimitExceeded(DocumentError):
    """The document is larger than a configured limit (bytes, uncompressed size, pages, rows)."""
