"""A row of a Word, Excel or CSV table holding only a short title in the action column, among
numbered rows, heads the rows below: it was run into the text of the action above (or, first
under the header, dropped as a second header line)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from intake.importer.api import import_document

ROWS = [
    ["Ref", "Action", "Lead", "Due", "RAG"],
    ["", "Front door and MASH", "", "", ""],
    ["1.1", "Audit referrals to the MASH", "Police", "March 2026", "Green"],
    ["1.2", "Review the thresholds document", "Children's social care", "June 2026", "Amber"],
    ["", "Voice of the child", "", "", ""],
    ["2.1", "Train staff in recording the child's voice", "Health", "Q2 2026/27", "Red"],
    ["2.2", "Audit the voice of the child in plans.", "", "", ""],
]


def _write(tmp_path: Path, kind: str, rows: list[list[str]]) -> Path:
    path = tmp_path / f"plan.{kind}"
    if kind == "csv":
        with path.open("w", newline="") as handle:
            csv.writer(handle).writerows(rows)
    elif kind == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    else:
        import docx

        document = docx.Document()
        table = document.add_table(rows=0, cols=len(rows[0]))
        for row in rows:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = value
        document.save(str(path))
    return path


@pytest.mark.parametrize("kind", ["csv", "xlsx", "docx"])
def test_a_title_alone_in_the_action_column_heads_the_numbered_rows_below(tmp_path, kind):
    draft = import_document(_write(tmp_path, kind, ROWS))

    assert [s.title for s in draft.sections] == ["Front door and MASH", "Voice of the child"]
    by_ref = {a.ref: a for a in draft.actions}
    assert sorted(by_ref) == ["1.1", "1.2", "2.1", "2.2"]
    assert by_ref["1.2"].text == "Review the thresholds document"
    sections = {s.ref: s.title for s in draft.sections}
    assert [sections[by_ref[r].section] for r in ("1.1", "2.1")] == [
        "Front door and MASH",
        "Voice of the child",
    ]


def test_a_sentence_alone_in_the_action_column_is_not_taken_for_a_heading(tmp_path):
    rows = [*ROWS[:4], ["", "Add the MASH audit findings to the next report to the board.", "", "", ""]]
    draft = import_document(_write(tmp_path, "csv", rows))

    assert [s.title for s in draft.sections] == ["Front door and MASH"]
    assert all("board" not in s.title for s in draft.sections)
