"""CSV files (comma, semicolon or tab separated)."""

from __future__ import annotations

import csv
import io

from ..errors import DocumentError, LimitExceeded
from ..model import ImportLimits, Location
from .base import Item, ReadResult

LONGEST_CELL = 1_000_000  # characters: a cell's words, or a quote never closed, beyond any plan


def read_csv(text: str, limits: ImportLimits) -> ReadResult:
    sample = text[:20000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","

    # Only the separator is guessed. The sniffer also guesses quoting, and a cell quoting speech
    # ('"Brought into perspective" "I'm going to ..."') made it drop Excel's doubled quotes, which
    # split rows mid-cell: every spreadsheet and this service's own export write "" for a quote.
    class dialect(csv.excel):
        pass

    dialect.delimiter = delimiter
    items: list[Item] = []
    # Python's csv refuses cells over 128 KiB; a long progress log pasted into one cell can pass
    # that, and the import cuts over-long fields itself with a note, so take up to LONGEST_CELL.
    # (the limit is the process's: set for this file only, and put back after)
    limit = csv.field_size_limit(max(csv.field_size_limit(), LONGEST_CELL))
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        for r, row in enumerate(reader, start=1):
            if r > limits.max_rows:
                raise LimitExceeded(f"This CSV file has more than {limits.max_rows} rows.")
            cells = [c.strip() for c in row]
            if any(cells):
                items.append(
                    Item(text="\t".join(cells), cells=cells, table=1, location=Location(row=r), grid=True)
                )
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise DocumentError(
                f"Line {reader.line_num} of this CSV file has a cell of more than {LONGEST_CELL:,} characters, "
                'or a quotation mark (") opened and never closed so the rest of the file runs into one cell. '
                "Check that row in a spreadsheet, save it again as CSV and upload that."
            ) from exc
        raise DocumentError(
            "This CSV file could not be read: it may hold something other than text, or be damaged. Save it "
            "again as CSV and upload that."
        ) from exc
    finally:
        csv.field_size_limit(limit)
    return ReadResult(items=items, fmt="csv")
