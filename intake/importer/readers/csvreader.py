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
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
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
        raise DocumentError(f"This CSV file could not be read ({exc}).") from exc
    return ReadResult(items=items, fmt="csv")
