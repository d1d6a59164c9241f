"""A plan with no status column, rated by the shading of its rows (w4_ashvale in blind/): each
shaded row's colour is its action's status; a table shaded all alike is its design, not a rating."""

from __future__ import annotations

from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from intake.importer.api import import_document

HEADER = ["Ref", "Action", "Lead", "By when"]
ROWS = [
    ["1.1", "Deliver a briefing on direct work", "Principal Social Worker", "March 2026"],
    ["1.2", "Audit ten assessments", "QA Subgroup Chair", "June 2026"],
    ["1.3", "Update the template", "Service Manager", "April 2026"],
]


def _plan(tmp_path: Path, fills: list[str | None]) -> Path:
    import docx

    document = docx.Document()
    table = document.add_table(rows=0, cols=len(HEADER))
    for row, fill in zip([HEADER, *ROWS], [None, *fills], strict=True):
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
            if fill:
                shading = OxmlElement("w:shd")
                shading.set(qn("w:val"), "clear")
                shading.set(qn("w:fill"), fill)
                cell._tc.get_or_add_tcPr().append(shading)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    return path


def test_rows_shaded_by_progress_give_their_actions_status_with_a_warning(tmp_path):
    draft = import_document(_plan(tmp_path, ["C6EFCE", "FFC7CE", None]))  # Excel's good and bad fills

    assert [a.rag for a in draft.actions] == ["green", "red", None]
    assert any("colour of their rows" in w.message for w in draft.warnings)


def test_rows_all_shaded_alike_are_a_design_not_a_rating(tmp_path):
    draft = import_document(_plan(tmp_path, ["DDEBF7", "DDEBF7", "DDEBF7"]))

    assert [a.rag for a in draft.actions] == [None, None, None]
