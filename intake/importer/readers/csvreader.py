"""CSV files (comma, semicolon or tab separated)."""

from __future__ import annotations

import csv
import io

from ..errors import DocumentError, LimitExceeded
from ..model import ImportLimits, Location
from .base import Item, ReadResult


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
    try:
        for r, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
            if r > limits.max_rows:
                raise LimitExceeded(f"This CSV file has more than {limits.max_rows} rows.")
            cells = [c.strip() for c in row]
            if any(cells):
                items.append(
                    Item(text="\t".join(cells), cells=cells, table=1, location=Location(row=r), grid=True)
                )
    except csv.Error as exc:
        raise DocumentError(
            "This CSV file could not be read: it may hold something other than text, or be damaged. Save it "
            "again as CSV and upload that."
        ) from exc
    return ReadResult(items=items, fmt="csv")
