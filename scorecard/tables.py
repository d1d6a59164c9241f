"""An imported document's data tables become measure values.

The tables come from the importer (or a JSON file) in the gold `tables` format:
[{"name": ..., "source": ..., "rows": [{"period": "2020-04", "area": "City", "risk": "High",
"count": 2}, ...], "stated_totals": [...]}]. Tables that report the same series under different
titles (see `figures.same_series`) feed one measure, each table as its own source, so their
disagreements surface in reconciliation.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from plans.models import Partnership
from scorecard import figures
from scorecard.entry import save_value
from scorecard.models import Dimension, Measure, Source
from scorecard.services import findings_for

# Column keys the importer writes, and how users name them.
DIMENSION_NAMES = {"area": "Area", "risk": "Risk level", "age": "Age group", "agency": "Agency"}


# What a JSON file of tables holds, for the page's hint and the messages (the gold `tables` format).
JSON_SHAPE = (
    "each table has a name and rows, each row a period and a count, for example "
    '{"tables": [{"name": "Referrals", "rows": [{"period": "2026-01", "count": 10}]}]}; a breakdown is a '
    'column more in each row, named as the dimension and holding one of its categories ("area": "City").'
)


class TablesError(ValueError):
    """The tables could not be read; the message is fit to show a user."""


def tables_from_bytes(data: bytes, filename: str) -> list[dict[str, Any]]:
    """The data tables of a JSON file (a list of tables, or an object with a `tables` key, such
    as a gold file) or of a document read by the importer (`intake.importer.api.import_document`)."""
    if filename.lower().endswith(".json"):
        try:
            loaded = json.loads(data.decode("utf-8-sig"))
        except RecursionError as error:
            raise TablesError(f"{filename} is nested too deeply to read.") from error
        except (UnicodeDecodeError, ValueError) as error:
            raise TablesError(f"{filename} could not be read as JSON ({error}).") from error
        tables = loaded.get("tables") if isinstance(loaded, dict) else loaded
        if not isinstance(tables, list) or not all(_is_table(t) for t in tables):
            raise TablesError(f"{filename} holds no list of tables with rows: {JSON_SHAPE}")
        for number, table in enumerate(tables, start=1):
            for row_no, row in enumerate(table["rows"], start=1):
                # a row without a count would be skipped as a blank cell, importing nothing unsaid
                if not {"count", "value"} & row.keys():
                    name = table.get("name") or f"Table {number}"
                    raise TablesError(
                        f"Nothing was imported: {name}, row {row_no} has no “count”. In {filename}, {JSON_SHAPE}"
                    )
        return tables
    try:
        from intake.importer.api import import_document
        from intake.importer.errors import IntakeError
    except ImportError as error:  # the importer is a separate library; JSON works without it
        raise TablesError("The document importer is not available: upload a JSON file of tables.") from error
    try:
        draft = import_document(data, filename)
    except IntakeError as error:
        raise TablesError(str(error)) from error
    return [t.to_dict() if hasattr(t, "to_dict") else dict(t) for t in draft.tables]


def _is_table(table: Any) -> bool:
    """A table as the importer writes one: rows, each an object of column name to a plain value."""
    if not isinstance(table, dict) or not isinstance(table.get("rows"), list):
        return False
    plain = (str, int, float, type(None))
    return all(
        isinstance(row, dict) and all(isinstance(k, str) and isinstance(v, plain) for k, v in row.items())
        for row in table["rows"]
    )


@dataclass
class TablesResult:
    measures: list[Measure] = field(default_factory=list)
    created_measures: list[Measure] = field(default_factory=list)
    values_created: int = 0
    values_changed: int = 0
    findings: list[figures.Finding] = field(default_factory=list)


def _measure_named(partnership: Partnership, names: list[str]) -> Measure | None:
    for measure in Measure.objects.filter(partnership=partnership):
        known = {measure.name.casefold(), *(a.casefold() for a in measure.aliases)}
        if any(n.casefold() in known for n in names):
            return measure
    return None


def _dimension(partnership: Partnership, key: str, values: list[str]) -> Dimension:
    """The partnership's dimension of this key. One made by this import allows the values its table
    holds (each once, whatever its case); one the partnership has defined keeps its own list (empty:
    any value): a value it does not allow is reported, never added behind the user's back."""
    canonical = Dimension.key_for(key)
    if not canonical:
        raise TablesError(
            f"Nothing was imported: the column “{key}” cannot be a breakdown's name: use letters (A to Z) "
            "or digits."
        )
    dimension, created = Dimension.objects.get_or_create(
        partnership=partnership,
        key=canonical,
        defaults={"name": DIMENSION_NAMES.get(key, key.replace("_", " ").capitalize())},
    )
    if created:
        seen: dict[str, str] = {}
        for value in values:
            text = " ".join(value.split())
            if text:
                seen.setdefault(text.casefold(), text)
        dimension.allowed_values = list(seen.values())
        dimension.save()
    return dimension


def _cells(
    table: Mapping[str, Any], measure: Measure, dimensions: dict[str, Dimension], today: dt.date
) -> tuple[list[figures.Cell], list[str]]:
    """The table's values as cells of the measure, each checked as a value typed or uploaded is:
    its period, its number, its categories (matched to the allowed ones ignoring case), and what
    is impossible (a period not yet started, a count below zero). Problems name table and row."""
    name = table.get("name") or "Untitled table"
    source = table.get("source") or table.get("name", "")
    cells: list[figures.Cell] = []
    problems: list[str] = []
    for row_no, row in enumerate(table.get("rows", []), start=1):
        raw = figures.row_number(row)
        if raw is None:
            continue
        where = f"{name}, row {row_no}"
        try:
            period = figures.parse_period(row.get("period"), measure.frequency)
        except ValueError as error:
            problems.append(f"{where}: {error}")
            continue
        try:
            number = Decimal(str(raw).replace(",", "").strip())
            if not number.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            problems.append(f"{where}: “{raw}” is not a number.")
            continue
        values: dict[str, str] = {}
        for key, dimension in dimensions.items():
            if row.get(key) is None:
                continue
            allowed = dimension.canonical(str(row[key]))
            if allowed is None:
                choices = ", ".join(dimension.allowed_values or [])
                problems.append(
                    f"{where}: “{row[key]}” is not an allowed {dimension.name.lower()} (use {choices})."
                )
                break
            values[dimension.key] = allowed
        else:
            found = figures.value_problems(measure.unit, period, number, today, measure.frequency)
            problems.extend(f"{where}: {problem}" for problem in found)
            if not found:
                cells.append(figures.Cell(period=period, dimensions=values, number=number, source=source))
    return cells, problems


@transaction.atomic
def values_from_tables(
    partnership: Partnership, tables: list[Mapping[str, Any]], source_name: str, user: Any = None
) -> TablesResult:
    """Create or update measures, dimensions and values from a document's tables; reconcile.

    `source_name` names the document; each table's own `source` (where in the document it sits)
    is added to it, so two tables of one document count as two sources.
    """
    result = TablesResult()
    source_names: set[str] = set()
    problems: list[str] = []
    for group in figures.group_series(list(tables)):
        group_tables = [tables[i] for i in group]
        names = list(dict.fromkeys(t.get("name") or "Untitled table" for t in group_tables))
        measure = _measure_named(partnership, names)
        if measure is None:
            measure = Measure.objects.create(
                partnership=partnership,
                name=names[0][:300],
                aliases=names[1:],
                description=f"From {source_name}.",
            )
            result.created_measures.append(measure)
        else:
            aliases = [n for n in names if n != measure.name and n not in measure.aliases]
            if aliases:
                measure.aliases = [*measure.aliases, *aliases]
                measure.save(update_fields=["aliases"])
        for table in group_tables:
            keys = figures.table_dimensions(table)
            dimensions: dict[str, Dimension] = {}
            for key in keys:
                values = [str(r[key]) for r in table.get("rows", []) if r.get(key) is not None]
                dimensions[key] = _dimension(partnership, key, values)
                measure.dimensions.add(dimensions[key])
            cells, found = _cells(table, measure, dimensions, timezone.localdate())
            problems.extend(found)
            name = f"{source_name}: {table['source']}" if table.get("source") else source_name
            source_names.add(name[:500])
            source, _ = Source.objects.get_or_create(
                partnership=partnership, name=name[:500], defaults={"created_by": user}
            )
            for cell in cells:
                _, outcome = save_value(measure, cell.period, cell.dimensions, cell.number, source, user)
                result.values_created += outcome == "created"
                result.values_changed += outcome == "changed"
        if measure not in result.measures:
            result.measures.append(measure)
    if problems:
        # all or nothing, as an upload of values is: the transaction is rolled back
        shown = "; ".join(problems[:10]) + (f"; and {len(problems) - 10} more" if len(problems) > 10 else "")
        raise TablesError(f"Nothing was imported: {shown}")
    for table in tables:
        result.findings.extend(figures.check_stated_totals(table))
    # Disagreements this import takes part in: its tables against each other or against values
    # already held (older disagreements of the same measures are on the measure page).
    for measure in result.measures:
        result.findings.extend(
            f for f in findings_for(measure) if any(v["source"] in source_names for v in f.values)
        )
    return result
