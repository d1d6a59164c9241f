"""A measure's values as CSV or XLSX: one row per value and source, in the upload's columns,
so an export can be corrected and uploaded again."""

from __future__ import annotations

import csv
import io

from oversight.spreadsheets import cell_safe, no_formulas, xml_safe
from scorecard.models import Measure, Value


def header(measure: Measure) -> list[str]:
    return [
        "period",
        *(d.key for d in measure.dimension_list()),
        "value",
        "source",
        "entered_by",
        "entered_at",
    ]


def rows(measure: Measure, values: list[Value]) -> list[list[object]]:
    keys = [d.key for d in measure.dimension_list()]
    out: list[list[object]] = []
    for v in values:
        number = int(v.number) if v.number == v.number.to_integral_value() else float(v.number)
        out.append(
            [
                f"{v.period:%Y-%m}",
                *(v.dimensions.get(k, "") for k in keys),
                number,
                v.source.name,
                v.entered_by.get_username() if v.entered_by else "",
                v.entered_at.strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return out


def to_csv(measure: Measure, values: list[Value]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([cell_safe(c) for c in header(measure)])
    writer.writerows([[cell_safe(c) for c in r] for r in rows(measure, values)])
    return buffer.getvalue()


def to_xlsx(measure: Measure, values: list[Value]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Values"
    # Text kept exactly (no CSV apostrophe, which Excel would show and an upload would read back
    # as part of a category or source): `no_formulas` stores it as a text cell Excel never runs,
    # as the board pack's workbook does.
    sheet.append([xml_safe(c) for c in header(measure)])
    for row in rows(measure, values):
        sheet.append([xml_safe(c) for c in row])
    no_formulas(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
