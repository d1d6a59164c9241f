"""Readers: one per format, each turning a document into a list of ``Item`` (rows and text lines)."""

from .base import Item, ReadResult
from .dispatch import read_document

__all__ = ["Item", "ReadResult", "read_document"]
