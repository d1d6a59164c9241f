"""Choose a reader from the file's first bytes (and its name when the bytes do not say)."""

from __future__ import annotations

import csv
import io
from collections import Counter

from ..errors import DocumentError
from ..model import ImportLimits
from .base import ReadResult

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".htm", ".html", ".tsv")


_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # a stream's name in the file's directory


def sniff_format(data: bytes, filename: str) -> str:
    name = filename.lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        if name.endswith((".xlsx", ".xlsm")):
            return "xlsx"
        if name.endswith(".docx"):
            return "docx"
        head = data[:4000]
        if b"application/vnd.oasis.opendocument" in head[:200] or name.endswith((".odt", ".ods")):
            # the first member of an OpenDocument zip names its kind (its 'mimetype')
            if b"opendocument.spreadsheet" in head[:200] or b"opendocument.text" in head[:200]:
                return "odf"
            if b"application/vnd.oasis.opendocument" not in head[:200]:
                return "odf"  # named .ods or .odt: the reader says whether it is one
            raise DocumentError(
                "OpenDocument presentations and drawings are not supported: save the plan as .docx, "
                ".xlsx or PDF."
            )
        if b"ppt/" in head or name.endswith(".pptx"):
            raise DocumentError("PowerPoint files are not supported: save the plan as .docx, .xlsx or PDF.")
        if b"word/" in head:
            return "docx"
        if b"xl/" in head:
            return "xlsx"
        return "docx" if not name.endswith(".xlsx") else "xlsx"
    if data.startswith(b"\xd0\xcf\x11\xe0") and _ENCRYPTED_PACKAGE in data:
        # Word's or Excel's "Encrypt with password": the document is inside an encrypted package
        raise DocumentError(
            "This file is protected by a password, so it cannot be read. Open it, remove the password "
            "(Word and Excel: File > Info > Protect, Encrypt with password, then clear it), save it and "
            "upload that copy."
        )
    if name.endswith(".docx"):
        return "docx"
    if name.endswith((".xlsx", ".xlsm")):
        return "xlsx"
    if name.endswith((".ods", ".odt")):
        return "odf"
    if name.endswith(".pdf"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return _binary_office(data, name)
    if data.lstrip()[:5] == b"{\\rtf":
        raise DocumentError("Rich Text (.rtf) files are not supported: save the plan as .docx.")
    if name.endswith(".csv") or (
        not name.endswith((".md", ".markdown", ".htm", ".html")) and _csv_content(data)
    ):
        return "csv"
    return "text"


def _csv_content(data: bytes) -> bool:
    """Text that is a spreadsheet saved as comma-separated values whatever its name ('tracker.txt'):
    its records (a quoted cell may hold line breaks) have one number of fields, four or more, as Excel
    pads every row to the sheet's width; tab-separated text is read as text."""
    sample = data[:20000].decode("utf-8", errors="replace").lstrip("\ufeff")
    if sample.count("\t") > sample.count(","):
        return False
    lines = sample.splitlines()[:-1] or sample.splitlines()  # the last line may be cut short
    try:
        records = [r for r in csv.reader(io.StringIO("\n".join(lines))) if any(c.strip() for c in r)]
    except csv.Error:
        return False
    if len(records) < 5:
        return False
    width, count = Counter(len(r) for r in records).most_common(1)[0]
    # a sentence's commas are followed by a space; a spreadsheet's cells are not
    later = [cell for r in records for cell in r[1:] if cell]
    spaced = sum(1 for cell in later if cell[:1].isspace())
    return width >= 4 and count >= 0.9 * len(records) and spaced < 0.3 * max(1, len(later))


# the stream names (UTF-16) in a binary Office file's directory: Excel 97-2003 and Excel 5 workbooks
_WORKBOOK_STREAMS = ("Workbook".encode("utf-16-le"), b"B\0o\0o\0k\0\0\0")
_WORD_STREAM = "WordDocument".encode("utf-16-le")


def _binary_office(data: bytes, name: str) -> str:
    """An old binary Office file: a legacy Excel workbook is read; Word 97-2003 and the others are
    refused with what to save them as."""
    word = name.endswith(".doc") or _WORD_STREAM in data
    if name.endswith(".xls") or (not word and any(stream in data for stream in _WORKBOOK_STREAMS)):
        return "xls"
    if word:
        raise DocumentError("Old Word files (.doc, Word 97-2003) are not supported: save the plan as .docx.")
    raise DocumentError(
        "Old binary Office files (Office 97-2003) other than Excel (.xls) are not supported: "
        "save the plan as .docx or .xlsx."
    )


def decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError("This text file is not valid UTF-16.") from exc
    sample = data[:65536]
    if sample.count(b"\x00") > 0 or _binary_share(sample) > 0.1:
        raise DocumentError("This file is not a text document, Word, Excel, CSV or PDF file.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    # Excel for Mac's "Macintosh Comma Separated": its curly quotes are 'Ò', 'Ó', 'Ô', 'Õ' read as
    # Windows text, capitals English plans all but never hold
    unusual = [c for c in text if ord(c) > 127]
    quotes = sum(1 for c in unusual if c in "ÒÓÔÕ")
    return data.decode("mac_roman") if quotes >= 2 and quotes * 4 >= len(unusual) else text


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _binary_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    control = len(sample) - len(sample.translate(None, _CONTROL))
    return control / len(sample)


def read_document(data: bytes, filename: str, limits: ImportLimits) -> ReadResult:
    fmt = sniff_format(data, filename)
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, limits)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(data, limits)
    if fmt == "xlsx":
        from .xlsx import read_xlsx

        return read_xlsx(data, limits)
    if fmt == "odf":
        from .odf import read_odf

        return read_odf(data, limits)
    if fmt == "xls":
        from .xls import read_xls

        return read_xls(data, limits)
    text = decode_text(data)
    if fmt == "csv":
        from .csvreader import read_csv

        return read_csv(text, limits)
    from .text import read_text

    return read_text(text)
