"""A workbook's second sheet of actions (closed ones, say): read, and never in the last section of
the sheet before it."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from intake.importer.api import import_document

PLAN = [
    ("No.", "Recommendation", "Action", "Lead officer", "Agency", "Target date", "RAG"),
    ("R1", "Recommendation 1: Improve information sharing", None, None, None, None, None),
    ("1.1", None, "Adult mental health services complete Think Family training", "Joanne Rahman", "NHFT",
     dt.datetime(2025, 12, 31), "Green"),
    ("R2", "Recommendation 2: Strengthen the response to domestic abuse", None, None, None, None, None),
    ("2.1", None, "Police send notifications to schools within 24 hours", "Claire Moss", "Police",
     dt.datetime(2026, 3, 31), "Amber"),
]  # fmt: skip


def _workbook(closed: list[tuple]) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = "Action plan"
    for row in PLAN:
        book.active.append(row)
    sheet = book.create_sheet("Closed actions")
    for row in closed:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_sheet_of_closed_actions_with_its_own_header_is_read() -> None:
    closed = [
        ("No.", "Action", "Agency", "Closed on", "Evidence"),
        (
            "0.1",
            "Share the review's learning brief with all agencies",
            "NSCP",
            dt.datetime(2025, 5, 1),
            "Sent",
        ),
    ]
    draft = import_document(_workbook(closed), filename="child-k.xlsx")
    found = {a.ref: a for a in draft.actions}
    assert set(found) == {"1.1", "2.1", "0.1"}
    assert found["0.1"].section is None and found["2.1"].section == "R2"


def test_a_sheet_under_the_same_header_does_not_carry_the_last_sheets_section() -> None:
    closed = [PLAN[0], ("0.1", None, "Share the learning brief", "Nicola Fletcher", "NSCP", None, "Complete")]
    draft = import_document(_workbook(closed), filename="child-k.xlsx")
    found = {a.ref: a for a in draft.actions}
    assert found["0.1"].section is None and found["0.1"].rag == "complete"
