"""A row holding only a reference and words, right above rows whose references extend it ('M1'
above 'M1a', 'M1b'; '2' above '2a'), is the objective those actions serve: a section, not an
action (blind round 5, a pdftotext -layout print and its PDF). Shaded across the table as a
heading, its empty RAG cell's colour is no rating."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.importer.api import import_document
from intake.importer.layout import _extends

LAID_OUT = """\
  Ref      Action                                                    Owner(s)                  Due            RAG
  M1       Understand the pattern of missing episodes
  M1a      Produce a quarterly missing children data report.         Performance Manager       Q3 2024-25     G

  M1b      Identify the ten children with the most missing           Team Manager              October 2024   C
           episodes each month.

  M2       Improve return home interviews
  M2a      Offer every child a return home interview within          Service Manager           Ongoing        A
           72 hours.
"""


def test_a_lettered_parent_row_above_its_sub_actions_is_their_section() -> None:
    draft = import_document(LAID_OUT.encode(), filename="plan.txt")

    assert [(a.ref, a.section) for a in draft.actions] == [("M1a", "M1"), ("M1b", "M1"), ("M2a", "M2")]
    assert [(s.ref, s.title) for s in draft.sections] == [
        ("M1", "Understand the pattern of missing episodes"),
        ("M2", "Improve return home interviews"),
    ]


@pytest.mark.parametrize(
    "child, parent, under",
    [
        ("1.1", "1", True),
        ("1.1.2", "1", True),
        ("M1a", "M1", True),
        ("2(a)", "2", True),
        ("PRO-1.2", "PRO-1", True),
        ("10", "1", False),
        ("M12", "M1", False),
        ("1.1", "1.1", False),
    ],
)
def test_a_reference_is_under_another_only_when_it_adds_a_number_or_letter(child, parent, under) -> None:
    assert _extends(child, parent) is under


def test_a_parent_row_with_its_own_lead_and_date_stays_an_action() -> None:
    text = LAID_OUT.replace(
        "  M2       Improve return home interviews\n",
        "  M2       Improve return home interviews                        Head of Service           March 2025     A\n",
    )
    draft = import_document(text.encode(), filename="plan.txt")

    assert "M2" in [a.ref for a in draft.actions]


def test_a_pdf_heading_row_shaded_across_the_table_is_a_section_not_a_green_action(tmp_path: Path) -> None:
    from weasyprint import HTML

    rows = [
        ("M1", "Understand the pattern of missing episodes", "", "", "", True),
        ("M1a", "Produce a quarterly data report.", "Performance Manager", "Q3 2024-25", "G", False),
        ("M1b", "Identify the ten children most often missing.", "Team Manager", "October 2024", "", False),
        ("M2", "Improve return home interviews", "", "", "", True),
        ("M2a", "Offer every child a return home interview.", "Service Manager", "Ongoing", "A", False),
    ]
    body = "".join(
        f"<tr{' class=parent' if heading else ''}>"
        + "".join(
            f"<td{' class=red' if not heading and k == 4 and not value and ref == 'M1b' else ''}>{value}</td>"
            for k, value in enumerate((ref, text, owner, due, rag))
        )
        + "</tr>"
        for ref, text, owner, due, rag, heading in rows
    )
    markup = (
        "<style>td, th { border: 1px solid #000; padding: 4px } tr.parent td { background: #e2efda }"
        " td.red { background: #d4351c }</style><h1>Missing children action plan</h1>"
        "<table><tr><th>Ref</th><th>Action</th><th>Owner</th><th>Due</th><th>RAG</th></tr>"
        f"{body}</table>"
    )
    path = tmp_path / "plan.pdf"
    HTML(string=markup).write_pdf(path)

    draft = import_document(path)

    assert [(a.ref, a.section, a.rag) for a in draft.actions] == [
        ("M1a", "M1", "green"),
        ("M1b", "M1", "red"),  # a RAG cell coloured alone is still read
        ("M2a", "M2", "amber"),
    ]
    assert [s.ref for s in draft.sections] == ["M1", "M2"]
