"""Entering values: one by form, many from a CSV or XLSX file (all rows or none)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

from django.db import transaction
from django.utils import timezone

from scorecard import figures
from scorecard.models import Measure, Source, Value

MAX_ROWS = 10_000
# 10,000 rows of a few columns unpack to a few MB; more is not a table of values.
MAX_UNPACKED = 30 * 1024 * 1024


class UploadError(ValueError):
    """The file as a whole cannot be read (wrong type, no header, too many rows)."""


@dataclass
class RowError:
    row: int  # as the spreadsheet numbers it
    message: str
    header: bool = False  # the header row itself: no row of values was looked at

    def __str__(self) -> str:
        return f"Row {self.row}: {self.message}"


@dataclass
class CleanRow:
    row: int
    period: Any
    dimensions: dict[str, str]
    number: Decimal
    source: str


def read_rows(upload: IO[bytes], filename: str) -> list[dict[str, Any]]:
    """The rows of a CSV or XLSX file as dicts keyed by the lower-cased header."""
    name = filename.lower()
    if name.endswith(".csv"):
        raw = upload.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        try:
            grid = list(csv.reader(io.StringIO(text)))
        except csv.Error as error:  # a cell of over 128 KB, a NUL byte: no table of values
            raise UploadError(
                f"The file could not be read as a table of values ({error}). Save it again as CSV or .xlsx."
            ) from error
    elif name.endswith(".xlsx"):
        grid = _xlsx_rows(upload.read())
    else:
        raise UploadError("The file must be a CSV (.csv) or Excel workbook (.xlsx).")
    if len(grid) > MAX_ROWS + 1:
        raise UploadError(f"The file has more than {MAX_ROWS} rows.")
    # the header: the first row naming a period column among the first rows with anything in them
    # (a title and a blank row above it, as returns are sent); else the first such row
    filled = [n for n, row in enumerate(grid) if any(str(c or "").strip() for c in row)]
    if not filled:
        raise UploadError("The file is empty.")
    at = next((n for n in filled[:10] if "period" in _names(grid[n])), filled[0])
    header = _names(grid[at])
    # each row keeps its number as the spreadsheet shows it (QA round 11: rows were counted from
    # the first row with anything in it, so 'Row 9' was the sheet's row 11)
    return [
        {**dict(zip(header, row, strict=False)), ROW_NUMBER: at + 2 + n}
        for n, row in enumerate(grid[at + 1 :])
    ]


ROW_NUMBER = "__row__"  # a row's number in the spreadsheet, beside its cells


def _names(row: list[Any]) -> list[str]:
    return [" ".join(str(c or "").split()).lower() for c in row]


def _xlsx_rows(data: bytes) -> list[list[Any]]:
    """The first sheet's rows, up to one more than the limit: a small file can unpack to millions
    of rows (a 0.7 MB file held a worker for minutes and 0.9 GB), so its unpacked size is checked
    before it is opened, as a plan's is, and reading stops once the limit is passed."""
    from openpyxl import load_workbook

    from intake.importer.errors import DocumentError
    from intake.importer.model import ImportLimits
    from intake.importer.readers.safezip import check_zip

    try:
        check_zip(data, ImportLimits(max_uncompressed=MAX_UNPACKED), "Excel")
    except DocumentError as error:
        raise UploadError(str(error)) from error
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken file
        raise UploadError("The file could not be read as an Excel workbook (.xlsx).") from error
    try:
        grid: list[list[Any]] = []
        for cells in workbook.worksheets[0].iter_rows():
            row = [_shown(cell) for cell in cells]
            if grid or any(str(c or "").strip() for c in row):
                grid.append(row)
            if len(grid) > MAX_ROWS + 1:
                break
    finally:
        workbook.close()
    return grid


def _shown(cell: Any) -> Any:
    """A cell's value as the sheet shows it: a number formatted as a percentage (0.866 shown as
    86.6%) is the percentage, as a measure in per cent is entered (it was saved 100 times too small)."""
    value = getattr(cell, "value", None)
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and "%" in (getattr(cell, "number_format", "") or "")
    ):
        return Decimal(str(value)) * 100
    return value


def _column(measure_dimension: Any, row: dict[str, Any]) -> tuple[bool, Any]:
    for name in (measure_dimension.key.lower(), measure_dimension.name.lower()):
        if name in row:
            return True, row[name]
    return False, None


def validate_rows(
    measure: Measure, rows: list[dict[str, Any]], default_source: str
) -> tuple[list[CleanRow], list[RowError]]:
    """Check every row; return the clean rows and one error per bad row (all problems of the row)."""
    dimensions = measure.dimension_list()
    clean: list[CleanRow] = []
    errors: list[RowError] = []
    if rows:
        missing = [d.key for d in dimensions if not _column(d, rows[0])[0]]
        value_column = "value" if "value" in rows[0] else "count" if "count" in rows[0] else None
        heading = [c for c in ("period",) if c not in rows[0]] + missing + ([] if value_column else ["value"])
        if heading:
            top = rows[0].get(ROW_NUMBER, 2) - 1
            return [], [
                RowError(top, f"The header (row {top}) has no column for {', '.join(heading)}.", header=True)
            ]
    seen: dict[tuple[Any, str], int] = {}
    for position, row in enumerate(rows, start=2):
        index = row.pop(ROW_NUMBER, position)
        if not any(str(v or "").strip() for v in row.values()):
            continue  # blank lines are not data
        problems: list[str] = []
        period = None
        try:
            period = figures.parse_period(row.get("period"), measure.frequency)
        except ValueError as error:
            problems.append(str(error))
        dims: dict[str, str] = {}
        for dimension in dimensions:
            _, raw = _column(dimension, row)
            if raw is None or not str(raw).strip():
                problems.append(f"The {dimension.name.lower()} is missing.")
                continue
            value = dimension.canonical(str(raw))
            if value is None:
                allowed = ", ".join(dimension.allowed_values)
                problems.append(f"“{raw}” is not an allowed {dimension.name.lower()} (use {allowed}).")
            else:
                dims[dimension.key] = value
        number = None
        raw_number = row.get("value", row.get("count"))
        try:
            number = figures.parse_number(raw_number)
        except ValueError as error:
            problems.append(str(error))
        else:
            problems += figures.fraction_problems(measure.unit, raw_number, number)
        problems += figures.value_problems(
            measure.unit, period, number, timezone.localdate(), measure.frequency
        )
        source = " ".join(str(row.get("source") or "").split()) or default_source
        if not problems:
            key = (period, figures.dimensions_key(dims), source)
            if key in seen:
                problems.append(
                    f"It repeats row {seen[key]} (same period and {', '.join(dims) or 'measure'})."
                )
            else:
                seen[key] = index
        if problems:
            errors.append(RowError(index, " ".join(problems)))
        else:
            clean.append(CleanRow(index, period, dims, number, source))  # type: ignore[arg-type]
    if not clean and not errors:
        errors.append(RowError(2, "The file has no values under its header."))
    return clean, errors


def save_value(
    measure: Measure, period: Any, dimensions: dict[str, str], number: Decimal, source: Source, user: Any
) -> tuple[Value, str]:
    """Create or correct the value a source states for one cell (history keeps the old number).

    Returns the value and what happened: "created", "changed" or "same"."""
    value, created = Value.objects.get_or_create(
        measure=measure,
        period=period,
        dimensions_key=figures.dimensions_key(dimensions),
        source=source,
        defaults={"dimensions": dimensions, "number": number, "entered_by": user},
    )
    if created:
        return value, "created"
    if value.number != number:
        value.number, value.entered_by, value.entered_at = number, user, timezone.now()
        value.save()
        return value, "changed"
    return value, "same"


def source_named(measure: Measure, name: str, user: Any) -> Source:
    source, _ = Source.objects.get_or_create(
        partnership_id=measure.partnership_id, name=name[:500], defaults={"created_by": user}
    )
    return source


@transaction.atomic
def save_rows(measure: Measure, rows: list[CleanRow], user: Any) -> Counter[str]:
    """Save validated rows together: a failure part way leaves nothing saved. Returns how many
    were "created", "changed" or the "same" as already recorded."""
    sources: dict[str, Source] = {}
    outcomes: Counter[str] = Counter()
    for row in rows:
        if row.source not in sources:
            sources[row.source] = source_named(measure, row.source, user)
        _value, outcome = save_value(
            measure, row.period, row.dimensions, row.number, sources[row.source], user
        )
        outcomes[outcome] += 1
    return outcomes


def saved_message(outcomes: Counter[str]) -> str:
    """What an upload did, in words: new values, changed ones, and those already recorded (QA
    round 11: '6 values saved' of a file identical to what was there, nothing written)."""
    parts = [
        f"{n} {what}"
        for n, what in (
            (outcomes["created"], "new value" + ("s" if outcomes["created"] != 1 else "")),
            (outcomes["changed"], "value" + ("s" if outcomes["changed"] != 1 else "") + " changed"),
            (
                outcomes["same"],
                "already recorded as the file gives " + ("them" if outcomes["same"] != 1 else "it"),
            ),
        )
        if n
    ]
    if not outcomes["created"] and not outcomes["changed"]:
        return f"Nothing changed: the {outcomes['same']} value{'s' if outcomes['same'] != 1 else ''} in the file {'were' if outcomes['same'] != 1 else 'was'} already recorded."
    return "Saved: " + ", ".join(parts) + "."
