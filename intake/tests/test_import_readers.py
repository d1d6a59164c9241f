"""Word, Excel, CSV and PDF versions of a plan table import back with their actions and fields."""

from __future__ import annotations

import csv
import io
from types import ModuleType
from typing import Any

import pytest

from intake.importer.api import import_document

from .conftest import gold_for, needs_shared

HEADER = ["Ref", "Action", "Action Owner", "Due by", "RAG", "Progress"]
RAG_LETTER = {"red": "R", "amber": "A", "green": "G", "complete": "Complete", None: ""}


def _rows(gold: dict[str, Any]) -> list[list[str]]:
    return [
        [
            a["ref"] or "",
            a["text"],
            a["owner"] or "",
            a["due_text"] or "",
            RAG_LETTER[a["rag"]],
            a["progress"] or "",
        ]
        for a in gold["actions"]
    ]


def _check(scorer: ModuleType, data: bytes, filename: str, gold: dict[str, Any]) -> None:
    draft = import_document(data, filename=filename)
    result = scorer.score(draft.to_dict(), {**gold, "sections": []})
    assert result["f1"] >= 0.97, result
    for field in ("ref", "owner", "due", "rag", "text"):
        assert result["fields"][field] >= 0.95, (field, result)


@needs_shared
def test_word_table_imports_back(scorer: ModuleType) -> None:
    import docx

    gold = gold_for("003")
    document = docx.Document()
    document.add_heading("Action plan", level=1)
    table = document.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    for row in _rows(gold):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    _check(scorer, buffer.getvalue(), "plan.docx", gold)


def test_merged_lead_cell_in_word_is_carried_down() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    for cell, text in zip(table.rows[0].cells, ["Ref", "Actions", "Lead", "Target date"], strict=True):
        cell.text = text
    for r, (ref, text, due) in enumerate(
        [
            ("1.1", "Review the escalation policy", "October 2020"),
            ("1.2", "Audit strategy meetings", "Q2 2020/21"),
            ("1.3", "Train all staff on exploitation", "End of June 2020"),
        ],
        start=1,
    ):
        table.cell(r, 0).text, table.cell(r, 1).text, table.cell(r, 3).text = ref, text, due
    merged = table.cell(1, 2).merge(table.cell(3, 2))
    merged.text = "ESCC – Vicky Finnemore, Head of Specialist Services"
    buffer = io.BytesIO()
    document.save(buffer)
    draft = import_document(buffer.getvalue(), filename="merged.docx")
    assert [a.ref for a in draft.actions] == ["1.1", "1.2", "1.3"]
    assert all(a.owner == "ESCC – Vicky Finnemore, Head of Specialist Services" for a in draft.actions)
    assert [str(a.due) for a in draft.actions] == ["2020-10-31", "2020-09-30", "2020-06-30"]
    assert draft.actions[0].owner_parts[0].person == "Vicky Finnemore"


@needs_shared
def test_excel_sheet_imports_back(scorer: ModuleType) -> None:
    import openpyxl

    gold = gold_for("003")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Improvement plan"])
    sheet.append(HEADER)
    for row in _rows(gold):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    _check(scorer, buffer.getvalue(), "plan.xlsx", gold)


@needs_shared
def test_csv_imports_back(scorer: ModuleType) -> None:
    gold = gold_for("002")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Strand", "Ref.", "RAG Status", "Action", "Action Lead", "Outcome Sought"])
    for a in gold["actions"]:
        writer.writerow([a["section"], a["ref"], "", a["text"], a["owner"] or "", a.get("outcome") or ""])
    draft = import_document(out.getvalue().encode(), filename="plan.csv")
    result = scorer.score(draft.to_dict(), gold)
    assert result["f1"] >= 0.97 and result["field_mean"] >= 0.95, result


@needs_shared
@pytest.mark.filterwarnings("ignore")
def test_pdf_table_imports_back(scorer: ModuleType) -> None:
    from html import escape

    from weasyprint import HTML

    gold = gold_for("003")
    gold = {**gold, "actions": gold["actions"][:25]}
    rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in _rows(gold))
    head = "".join(f"<th>{h}</th>" for h in HEADER)
    markup = (
        "<style>@page{size:A4 landscape;margin:1cm} table{border-collapse:collapse;font-size:7pt}"
        "td,th{border:1px solid black;padding:2px;vertical-align:top}</style>"
        f"<h1>Action plan</h1><table><tr>{head}</tr>{rows}</table>"
    )
    pdf = HTML(string=markup).write_pdf()
    assert pdf is not None
    draft = import_document(pdf, filename="plan.pdf")
    result = scorer.score(draft.to_dict(), {**gold, "sections": []})
    assert result["f1"] >= 0.95, result
    assert result["fields"]["due"] >= 0.9 and result["fields"]["owner"] >= 0.9, result


def test_markdown_pipe_and_html_tables_in_text_are_read() -> None:
    text = (
        "| Ref | Action | Owner | Due by | RAG |\n|---|---|---|---|---|\n"
        "| 1.1 | Review the policy | Head of Service | October 2020 | G |\n\n"
        "<table><tr><th>Ref</th><th>Actions</th><th>Lead</th><th>Target date</th></tr>"
        "<tr><td>2.1</td><td>Audit cases</td><td rowspan='2'>DCI Chris Mayle</td><td>Q3 2020/21</td></tr>"
        "<tr><td>2.2</td><td>Train staff</td><td>End of June 2021</td></tr></table>\n"
    )
    draft = import_document(text.encode(), filename="plan.md")
    got = {a.ref: (a.owner, str(a.due), a.rag) for a in draft.actions}
    assert got["1.1"] == ("Head of Service", "2020-10-31", "green")
    assert got["2.1"] == ("DCI Chris Mayle", "2020-12-31", None)
    assert got["2.2"] == ("DCI Chris Mayle", "2021-06-30", None)


def _tracked_insertion(paragraph: Any, text: str) -> None:
    """Add `text` to a Word paragraph as a tracked change (w:ins), as Word does with Track Changes on."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    insertion = OxmlElement("w:ins")
    insertion.set(qn("w:id"), "1")
    insertion.set(qn("w:author"), "Business Manager")
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    insertion.append(run)
    paragraph._p.append(insertion)


def test_words_added_with_track_changes_on_are_read_in_headings_and_cells() -> None:
    import docx

    document = docx.Document()
    _tracked_insertion(document.add_heading("Neglect strategy action plan", 1), " (refreshed 2025)")
    table = document.add_table(rows=2, cols=4)
    for c, text in enumerate(["Ref", "Action", "Lead", "Due"]):
        table.cell(0, c).text = text
    for c, text in enumerate(["1.1", "Launch the neglect toolkit", "Early Help Manager", "June 2025"]):
        table.cell(1, c).text = text
    _tracked_insertion(table.cell(1, 1).paragraphs[0], " in every locality.")
    buffer = io.BytesIO()
    document.save(buffer)
    draft = import_document(buffer.getvalue(), filename="tracked.docx")
    assert draft.plan.title == "Neglect strategy action plan (refreshed 2025)"
    assert [a.text for a in draft.actions] == ["Launch the neglect toolkit in every locality."]


def test_a_word_table_inside_a_content_control_is_read() -> None:
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_heading("Exploitation delivery plan", 1)
    table = document.add_table(rows=3, cols=4)
    for r, row in enumerate(
        [
            ["Ref", "Action", "Lead", "Due"],
            ["PUR-1", "Map exploitation hotspots.", "DI Jones", "May 2025"],
            ["PUR-2", "Disrupt county lines.", "DI Jones", "July 2025"],
        ]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    # Word templates often wrap the plan in a content control (w:sdt > w:sdtContent).
    control, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    control.append(content)
    table._tbl.addprevious(control)
    content.append(table._tbl)
    buffer = io.BytesIO()
    document.save(buffer)
    draft = import_document(buffer.getvalue(), filename="controlled.docx")
    assert [(a.ref, a.owner) for a in draft.actions] == [("PUR-1", "DI Jones"), ("PUR-2", "DI Jones")]
