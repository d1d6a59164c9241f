"""A tracker workbook built once with openpyxl and saved by the tests as .xlsx, .xls and .ods: a
title, a RAG key sheet hidden, sections as bold rows merged across the table, a lead merged down
two actions, due dates as Excel date cells (a month shown as 'Mar-24'), RAG shown by shading only,
a removed action in a hidden row and a helper column hidden."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .conftest import gold_action, gold_plan

HEADER = ["Ref", "Action", "Lead", "Due by", "RAG", "Check", "Progress"]
SHADES = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "complete": "0070C0"}


def tracker_book() -> Any:
    import openpyxl
    from openpyxl.styles import Font, PatternFill

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Action plan"
    sheet.append(["Neglect Strategy Action Plan"])
    sheet.append([])
    sheet.append(HEADER)
    rows: list[tuple[Any, ...]] = [
        ("1. Early help and thresholds",),
        ("1.1", "Refresh the threshold document with partners", "Head of Early Help",
         dt.datetime(2024, 3, 1), "green", "x", "Draft shared with the executive group."),
        ("1.2", "Audit repeat referrals to the MASH", None, dt.datetime(2024, 6, 14), "amber", "x", ""),
        ("1.3", "Removed: duplicate of 1.2", "Partnership Manager", "May 2024", "red", "x", ""),
        ("2. Child exploitation",),
        ("2.1", "Deliver multi-agency training on exploitation", "DCI Sarah Jones, Police",
         "Q3 2024/25", "red", "x", "40 staff attended so far."),
        ("2.2", "Publish the missing children protocol", "Service Manager, MASH", "Ongoing", "complete",
         "x", "Published in April."),
    ]  # fmt: skip
    for values in rows:
        if len(values) == 1:
            sheet.append(list(values))
            r = sheet.max_row
            sheet.cell(r, 1).font = Font(bold=True)
            sheet.merge_cells(start_row=r, end_row=r, start_column=1, end_column=len(HEADER))
            continue
        ref, text, lead, due, rag, check, progress = values
        sheet.append([ref, text, lead, due, None, check, progress or None])
        r = sheet.max_row
        sheet.cell(r, 5).fill = PatternFill("solid", fgColor=SHADES[rag])
        if isinstance(due, dt.datetime):
            sheet.cell(r, 4).number_format = "mmm-yy" if due.day == 1 else "dd/mm/yyyy"
    for c in range(1, len(HEADER) + 1):
        sheet.cell(3, c).font = Font(bold=True)
    sheet.merge_cells("C5:C6")  # one lead for 1.1 and 1.2
    sheet.row_dimensions[7].hidden = True  # 1.3, removed
    sheet.column_dimensions["F"].hidden = True  # a helper column
    key = book.create_sheet("Lists")
    for word in ("Red", "Amber", "Green", "Complete"):
        key.append([word, "1.9", "A RAG key kept for the drop-downs", "Nobody", "Never"])
    key.sheet_state = "hidden"
    return book


def tracker_gold(document: str) -> dict[str, Any]:
    lead = "Head of Early Help"
    return gold_plan(
        document,
        [("1", "Early help and thresholds", None), ("2", "Child exploitation", None)],
        [
            gold_action("1.1", "1", "Refresh the threshold document with partners", lead, "March 2024",
                        "2024-03-31", "green", "Draft shared with the executive group."),
            gold_action("1.2", "1", "Audit repeat referrals to the MASH", lead, "14 June 2024", "2024-06-14",
                        "amber"),
            gold_action("2.1", "2", "Deliver multi-agency training on exploitation", "DCI Sarah Jones, Police",
                        "Q3 2024/25", "2024-12-31", "red", "40 staff attended so far."),
            gold_action("2.2", "2", "Publish the missing children protocol", "Service Manager, MASH",
                        "Ongoing", None, "complete", "Published in April."),
        ],
    )  # fmt: skip
