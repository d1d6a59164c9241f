"""Action plans made up by ``plan_generator_office`` (Word, Excel, HTML, CSV) import as the generator
says a person reads them; then one test per layout the generated plans showed the importer misread.

To explore many more plans than the fixed set here: `python -m intake.tests.plan_generator_office 250`
(scores grouped by symptom); all 1,000 (250 per form) imported perfectly when this file was written."""

from __future__ import annotations

import csv
import datetime as dt
import io
from types import ModuleType
from typing import Any

import pytest

from intake.importer.api import import_document
from intake.importer.model import PlanDraft

from .conftest import word_table
from .plan_generator_office import FORMS, generate

SEEDS = range(12)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_generated_plan_imports_as_its_gold(scorer: ModuleType, seed: int, form: str) -> None:
    plan = generate(seed, form)
    gold = plan.gold()
    draft = import_document(plan.render(), filename=plan.filename)
    result = scorer.score(draft.to_dict(), gold)
    assert (result["f1"], result["field_mean"]) == (1.0, 1.0), (
        result["missed"],
        result["extra"],
        result["wrong"],
    )
    # progress is not scored by the shared scorer: compared here
    progress = {a.ref or a.text: a.progress for a in draft.actions}
    assert progress == {a["ref"] or a["text"]: a["progress"] for a in gold["actions"]}


def test_the_generator_is_deterministic_and_varies_the_layout() -> None:
    assert generate(3, "docx").gold() == generate(3, "docx").gold()
    plans = [generate(seed, form) for seed in range(40) for form in FORMS]
    assert {p.section_form for p in plans} == {"none", "heading", "span_row", "group_column", "sheet"}
    assert {p.rag_shading for p in plans} == {True, False}
    assert {p.merged_leads for p in plans} == {True, False}
    assert len({tuple(h for _, h in p.columns) for p in plans}) > 100


# --------------------------------------------------------------------------- the causes fixed


def _docx(build: Any) -> PlanDraft:
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return import_document(out.getvalue(), filename="plan.docx")


def _xlsx(build: Any) -> PlanDraft:
    import openpyxl

    book = openpyxl.Workbook()
    build(book.active)
    out = io.BytesIO()
    book.save(out)
    return import_document(out.getvalue(), filename="plan.xlsx")


HEADER = ["Ref", "Action", "Lead", "By when"]


def test_an_empty_lead_cell_in_a_word_table_is_empty_not_the_lead_above() -> None:
    # Word, Excel and HTML show a merged lead in every row it spans: an empty cell there has no lead
    draft = _docx(
        lambda d: word_table(
            d,
            [
                HEADER,
                ["1.1", "Refresh the neglect toolkit", "Head of Early Help", "March 2024"],
                ["1.2", "Audit neglect referrals", "", "June 2024"],
            ],
        )  # fmt: skip
    )
    assert [a.owner for a in draft.actions] == ["Head of Early Help", None]


def test_a_lead_merged_down_a_word_table_leads_every_row_it_spans() -> None:
    def build(document: Any) -> None:
        table = word_table(
            document,
            [HEADER, ["1.1", "Refresh the neglect toolkit", "Head of Early Help", "March 2024"],
             ["1.2", "Audit neglect referrals", "", "June 2024"]],
        )  # fmt: skip
        table.cell(1, 2).merge(table.cell(2, 2)).text = "Head of Early Help"

    assert [a.owner for a in _docx(build).actions] == ["Head of Early Help"] * 2


def test_a_month_typed_into_an_excel_date_cell_is_due_at_the_months_end() -> None:
    def build(sheet: Any) -> None:
        sheet.append(HEADER)
        sheet.append(["1", "Refresh the neglect toolkit", "Head of Early Help", dt.datetime(2024, 3, 1)])
        sheet.append(["2", "Audit neglect referrals", "QA Lead", dt.datetime(2024, 6, 14)])
        sheet["D2"].number_format = "mmm-yy"
        sheet["D3"].number_format = "dd/mm/yyyy"

    draft = _xlsx(build)
    assert [(a.due_text, a.due) for a in draft.actions] == [
        ("March 2024", dt.date(2024, 3, 31)),
        ("14 June 2024", dt.date(2024, 6, 14)),
    ]


def test_a_section_row_merged_across_a_word_table_opens_a_section() -> None:
    def build(document: Any) -> None:
        table = word_table(
            document,
            [HEADER, ["Neglect", "", "", ""], ["N1", "Refresh the neglect toolkit", "Head of Early Help", "March 2024"],
             ["Exploitation", "", "", ""], ["E1", "Map exploitation hotspots", "DCI Brown", "May 2024"]],
        )  # fmt: skip
        for row in (1, 3):
            text = table.cell(row, 0).text
            table.cell(row, 0).merge(table.cell(row, 3)).text = text

    draft = _docx(build)
    assert [(a.ref, a.section) for a in draft.actions] == [("N1", "Neglect"), ("E1", "Exploitation")]


def test_a_section_row_in_bold_in_an_excel_sheet_opens_a_section() -> None:
    from openpyxl.styles import Font

    def build(sheet: Any) -> None:
        sheet.append(["Action", "Ref", "Lead", "By when"])
        sheet.append(["Neglect"])
        sheet["A2"].font = Font(bold=True)
        sheet.append(["Refresh the neglect toolkit", "N1", "Head of Early Help", "March 2024"])
        sheet.append(["Exploitation"])
        sheet["A4"].font = Font(bold=True)
        sheet.append(["Map exploitation hotspots", "E1", "DCI Brown", "May 2024"])

    draft = _xlsx(build)
    assert [(a.ref, a.section, a.text) for a in draft.actions] == [
        ("N1", "Neglect", "Refresh the neglect toolkit"),
        ("E1", "Exploitation", "Map exploitation hotspots"),
    ]


def test_a_section_row_spanning_an_html_table_opens_a_section() -> None:
    page = (
        "<html><body><table><tr><th>Action</th><th>Lead</th><th>Ref</th></tr>"
        '<tr><td colspan="3">Neglect</td></tr>'
        "<tr><td>Refresh the neglect toolkit</td><td>Head of Early Help</td><td>N1</td></tr>"
        '<tr><td colspan="3">Exploitation</td></tr>'
        "<tr><td>Map exploitation hotspots</td><td>DCI Brown</td><td>E1</td></tr></table></body></html>"
    )
    draft = import_document(page.encode(), filename="plan.html")
    assert [(a.ref, a.section, a.text) for a in draft.actions] == [
        ("N1", "Neglect", "Refresh the neglect toolkit"),
        ("E1", "Exploitation", "Map exploitation hotspots"),
    ]


def test_a_name_alone_under_the_ref_column_of_a_csv_opens_a_section() -> None:
    out = io.StringIO()
    csv.writer(out).writerows(
        [HEADER, ["Neglect", "", "", ""], ["N1", "Refresh the neglect toolkit", "Head of Early Help", "March 2024"],
         ["Exploitation", "", "", ""], ["E1", "Map exploitation hotspots", "DCI Brown", "May 2024"]]
    )  # fmt: skip
    draft = import_document(out.getvalue().encode(), filename="plan.csv")
    assert [(a.ref, a.section) for a in draft.actions] == [("N1", "Neglect"), ("E1", "Exploitation")]


def test_a_rag_key_table_after_the_plan_is_neither_actions_nor_the_end_of_the_last() -> None:
    def build(document: Any) -> None:
        word_table(
            document, [HEADER, ["1", "Refresh the neglect toolkit", "Head of Early Help", "March 2024"]]
        )
        document.add_paragraph("RAG key")
        word_table(document, [["Red", "Off track"], ["Amber", "Some slippage"], ["Green", "On track"],
                              ["Blue", "Complete"]])  # fmt: skip

    draft = _docx(build)
    assert [(a.ref, a.text) for a in draft.actions] == [("1", "Refresh the neglect toolkit")]
    assert {s.key for s in draft.rag_scheme} == {"red", "amber", "green", "complete"}


def test_a_rag_key_under_the_plan_in_a_sheet_whose_first_column_is_the_status() -> None:
    def build(sheet: Any) -> None:
        sheet.append(["RAG", "Action", "Lead", "By when"])
        sheet.append(["G", "Refresh the neglect toolkit", "Head of Early Help", "March 2024"])
        sheet.append([])
        sheet.append(["RAG key"])
        sheet.append(["Red", "Significant risk that the action will not be delivered"])
        sheet.append(["Green", "On track to be delivered"])

    draft = _xlsx(build)
    assert [(a.text, a.owner) for a in draft.actions] == [
        ("Refresh the neglect toolkit", "Head of Early Help")
    ]


def test_a_row_of_sentences_opening_with_column_names_is_not_a_header() -> None:
    # 'Task and finish group set up.' opens with 'Task' (an action column's name), 'Update the ...'
    # with 'Update' (a progress column's): a row of sentences is still an action, not a new header
    draft = _docx(
        lambda d: word_table(
            d,
            [
                ["Area for improvement", "Ref", "Comments", "Task"],
                ["Area 1 - Neglect", "1.1", "Awaiting sign-off.", "Refresh the neglect toolkit"],
                [
                    "Area 1 - Neglect",
                    "1.2",
                    "Task and finish group set up.",
                    "Update the early help assessment.\nPartners will be consulted first.",
                ],
                ["Area 1 - Neglect", "1.3", "Draft shared.", "Audit neglect referrals"],
            ],
        )  # fmt: skip
    )
    assert [(a.ref, a.progress) for a in draft.actions] == [
        ("1.1", "Awaiting sign-off."),
        ("1.2", "Task and finish group set up."),
        ("1.3", "Draft shared."),
    ]


def test_a_row_with_a_reference_whose_cells_open_with_column_names_is_an_action_not_a_header() -> None:
    # 'Theme 2: ...' (a Priority column's name), 'Update the early help assessment' (a progress
    # column's) and 'Action completed' (an action column's) without full stops: the row still holds
    # '2.2' under the header's '#', where a header typed again would hold '#'
    def build(sheet: Any) -> None:
        for row in [
            ["Priority", "#", "Action", "Completion date", "BRAG"],
            ["Priority 1: Safeguarding in education", "1.1", "Commission the pathway", "Q3 2023/24", "G"],
            ["Theme 2: Information sharing", "2.1", "Roll out the neglect strategy", "Q3 2023/24", "Red"],
            ["", "2.2", "Update the early help assessment and share learning", "", "Action completed"],
            ["", "2.3", "Embed the graded care profile", "May 2024", "Amber"],
        ]:
            sheet.append(row)

    draft = _xlsx(build)
    assert [(a.ref, a.text, a.rag) for a in draft.actions] == [
        ("1.1", "Commission the pathway", "green"),
        ("2.1", "Roll out the neglect strategy", "red"),
        ("2.2", "Update the early help assessment and share learning", "complete"),
        ("2.3", "Embed the graded care profile", "amber"),
    ]
