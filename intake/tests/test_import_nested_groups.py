"""Plans with two grouping columns ('Ref | Theme | Objective | Action | Lead | Target end date | RAG'):
each theme is a section, each objective a section inside its theme, and each action sits in its
objective. The outer and inner cells are merged down their rows (Excel, Word) or left empty below
their first row (tab-separated text). Scored with the shared scorer against gold written by hand
following ../shared/gold/README.md (sections without numbers are named by their text, as 002's strands)."""

from __future__ import annotations

import io
from types import ModuleType
from typing import Any

import docx
import openpyxl

from intake.importer.api import import_document

HEADER = ["Ref", "Theme", "Objective", "Action", "Lead", "Target end date", "RAG"]
# the theme and the objective only on the first row they cover (merged or left empty below it)
ROWS = [
    ["1", "Early help", "Families get help before problems escalate",
     "Publish a single early help assessment for all agencies", "Early Help Manager", "June 2024", "G"],
    ["2", "", "", "Train 200 practitioners in the early help assessment", "Workforce Development Lead",
     "September 2024", "A"],
    ["3", "", "Partners lead more early help plans", "Agree a lead professional protocol with schools",
     "Education Safeguarding Lead", "December 2024", "R"],
    ["4", "Neglect", "Neglect is identified earlier", "Roll out the graded care profile in health visiting",
     "Consultant in Public Health", "March 2025", "G"],
    ["5", "", "", "Add neglect indicators to police child concern notifications",
     "Detective Inspector, Public Protection", "March 2025", "A"],
]  # fmt: skip
DUES = ["2024-06-30", "2024-09-30", "2024-12-31", "2025-03-31", "2025-03-31"]
RAGS = {"R": "red", "A": "amber", "G": "green"}
SECTION_OF = [
    "Families get help before problems escalate",
    "Families get help before problems escalate",
    "Partners lead more early help plans",
    "Neglect is identified earlier",
    "Neglect is identified earlier",
]
SECTIONS = [
    {"ref": "Early help", "title": "Early help", "parent": None},
    {
        "ref": "Families get help before problems escalate",
        "title": "Families get help before problems escalate",
        "parent": "Early help",
    },
    {"ref": "Partners lead more early help plans", "title": "Partners lead more early help plans", "parent": "Early help"},
    {"ref": "Neglect", "title": "Neglect", "parent": None},
    {"ref": "Neglect is identified earlier", "title": "Neglect is identified earlier", "parent": "Neglect"},
]  # fmt: skip


def _gold(document: str) -> dict[str, Any]:
    return {
        "document": document,
        "plan": {"title": None, "organisation": None, "kind": "other", "as_at": None},
        "rag_scheme": {},
        "sections": SECTIONS,
        "actions": [
            {
                "ref": row[0],
                "section": section,
                "text": row[3],
                "owner": row[4],
                "due_text": row[5],
                "due": due,
                "rag": RAGS[row[6]],
                "progress": None,
            }
            for row, section, due in zip(ROWS, SECTION_OF, DUES, strict=True)
        ],
    }


def _assert_nested(scorer: ModuleType, data: bytes, filename: str) -> None:
    draft = import_document(data, filename=filename)
    result: dict[str, Any] = scorer.score(draft.to_dict(), _gold(filename))
    assert result["f1"] == 1.0, result
    assert all(value == 1.0 for value in result["fields"].values()), result
    assert [(s.ref, s.title, s.parent) for s in draft.sections] == [
        (s["ref"], s["title"], s["parent"]) for s in SECTIONS
    ]


def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append([cell or None for cell in row])
    # the theme and objective cells merged down the rows they cover
    for column, first, last in (("B", 2, 4), ("C", 2, 3), ("B", 5, 6), ("C", 5, 6)):
        sheet.merge_cells(f"{column}{first}:{column}{last}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _docx() -> bytes:
    document = docx.Document()
    table = document.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for cell, name in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = name
    for r, row in enumerate(ROWS, start=1):
        for cell, value in zip(table.rows[r].cells, row, strict=True):
            if value:
                cell.text = value
    # vertically merged theme and objective cells, as Word keeps them
    for column, first, last in ((1, 1, 3), (2, 1, 2), (1, 4, 5), (2, 4, 5)):
        table.cell(first, column).merge(table.cell(last, column))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _tab_separated() -> bytes:
    lines = ["\t".join(HEADER), *("\t".join(row) for row in ROWS)]
    return ("\n".join(lines) + "\n").encode()


def test_an_excel_plan_with_theme_and_objective_merged_down_their_rows_nests_each_objective_in_its_theme(
    scorer: ModuleType,
) -> None:
    _assert_nested(scorer, _xlsx(), "nested.xlsx")


def test_a_word_table_with_theme_and_objective_cells_merged_down_nests_each_objective_in_its_theme(
    scorer: ModuleType,
) -> None:
    _assert_nested(scorer, _docx(), "nested.docx")


def test_tab_separated_text_with_theme_and_objective_left_empty_below_nests_each_objective_in_its_theme(
    scorer: ModuleType,
) -> None:
    _assert_nested(scorer, _tab_separated(), "nested.txt")


def test_a_cell_merged_across_both_grouping_columns_is_one_section() -> None:
    rows = [
        HEADER,
        ["1", "Early help", "Early help", "Publish the assessment", "Early Help Manager", "June 2024", "G"],
    ]
    text = "\n".join("\t".join(row) for row in rows) + "\n"
    draft = import_document(text.encode(), filename="same.txt")
    assert [(s.ref, s.parent) for s in draft.sections] == [("Early help", None)]
    assert draft.actions[0].section == "Early help"


def test_numbered_themes_and_objectives_keep_their_numbers_and_nest() -> None:
    rows = [
        ["Ref", "Priority", "Objective", "Action", "Lead", "By when"],
        ["1.1a", "1. Early help", "1.1 Families get help sooner", "Publish the assessment", "Early Help Manager", "June 2024"],
        ["1.2a", "", "1.2 Partners lead plans", "Agree the protocol", "Education Lead", "July 2024"],
        ["2.1a", "2. Neglect", "2.1 Neglect is found earlier", "Roll out the profile", "Public Health", "March 2025"],
    ]  # fmt: skip
    text = "\n".join("\t".join(row) for row in rows) + "\n"
    draft = import_document(text.encode(), filename="numbered.txt")
    assert [(s.ref, s.title, s.parent) for s in draft.sections] == [
        ("1", "Early help", None),
        ("1.1", "Families get help sooner", "1"),
        ("1.2", "Partners lead plans", "1"),
        ("2", "Neglect", None),
        ("2.1", "Neglect is found earlier", "2"),
    ]
    assert [a.section for a in draft.actions] == ["1.1", "1.2", "2.1"]


def test_a_plan_with_one_grouping_column_keeps_its_sections_unnested() -> None:
    rows = [
        ["Ref", "Theme", "Action", "Lead", "By when"],
        ["1", "Early help", "Publish the assessment", "Early Help Manager", "June 2024"],
        ["2", "", "Train practitioners", "Workforce Lead", "July 2024"],
        ["3", "Neglect", "Roll out the profile", "Public Health", "March 2025"],
    ]
    text = "\n".join("\t".join(row) for row in rows) + "\n"
    draft = import_document(text.encode(), filename="flat.txt")
    assert [(s.ref, s.parent) for s in draft.sections] == [("Early help", None), ("Neglect", None)]
    assert [a.section for a in draft.actions] == ["Early help", "Early help", "Neglect"]


def test_a_row_with_only_the_outer_grouping_cell_puts_its_actions_in_that_section() -> None:
    rows = [
        ["Ref", "Theme", "Objective", "Action", "Lead", "By when"],
        ["1", "Early help", "Families get help sooner", "Publish the assessment", "Early Help Manager", "June 2024"],
        ["2", "Workforce", "", "Train practitioners", "Workforce Lead", "July 2024"],
    ]  # fmt: skip
    text = "\n".join("\t".join(row) for row in rows) + "\n"
    draft = import_document(text.encode(), filename="outer.txt")
    assert [(s.ref, s.parent) for s in draft.sections] == [
        ("Early help", None),
        ("Families get help sooner", "Early help"),
        ("Workforce", None),
    ]
    assert [a.section for a in draft.actions] == ["Families get help sooner", "Workforce"]
