"""Checks on zip containers (docx, xlsx, ods, odt) made before anything is decompressed."""

from __future__ import annotations

import io
import zipfile

from ..errors import DocumentError, LimitExceeded
from ..model import ImportLimits


def check_zip(data: bytes, limits: ImportLimits, what: str) -> None:
    """Refuse a container that is not a zip, or whose members would inflate beyond the limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
    ) as exc:
        article = "an" if what[:1] in "AEIOU" else "a"  # an Excel, an OpenDocument file
        raise DocumentError(
            f"This {what} file is damaged or is not really {article} {what} file. Save it again from the "
            "program that made it and upload that."
        ) from exc
    if len(infos) > limits.max_zip_members:
        raise LimitExceeded(
            f"This {what} file holds {len(infos)} parts, more than the limit of {limits.max_zip_members}."
        )
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > limits.max_uncompressed or total > limits.max_uncompressed:
            raise LimitExceeded(
                f"This {what} file would expand to more than {limits.max_uncompressed // (1024 * 1024)} MB "
                "when opened (a possible zip bomb), so it was not opened."
            )
        if info.compress_size and info.file_size / info.compress_size > 1000 and info.file_size > 10_000_000:
            raise LimitExceeded(f"This {what} file is compressed suspiciously tightly (a possible zip bomb).")
