"""Plans as text extracted from PDF and Word documents (pdftotext with and without -layout,
Markdown and tab-separated converters), unlike the seed documents: other header words, section
rows, page furniture inside tables. Each document is a small text fixture written here."""

from __future__ import annotations

from intake.importer.api import import_document
from intake.importer.model import PlanDraft


def _import(text: str, name: str = "plan.txt") -> PlanDraft:
    return import_document(text.encode("utf-8"), filename=name)


def _by_ref(draft: PlanDraft) -> dict[str | None, object]:
    return {a.ref: a for a in draft.actions}


def test_a_section_row_labelled_area_for_priority_action_names_its_section() -> None:
    draft = _import(
        "| <b>Ref</b> | <b>Action required</b> | <b>Lead officer</b> | <b>Target date</b> | <b>RAG rating</b> |\n"
        "|---|---|---|---|---|\n"
        "| <b>Area for priority action 1: Leaders do not share an understanding of exploitation</b> | | | | |\n"
        "| 1.1a | Audit strategy discussions | Head of Service | March 2024 | G |\n"
        "| <b>Theme 2 – Front door</b> | | | | |\n"
        "| 2.1a | Review the MASH operating model | DCI Holt | Q3 2023/24 | A |\n"
    )
    sections = {a.ref: a.section for a in draft.actions}
    assert sections == {"1.1a": "1", "2.1a": "2"}
    titles = {s.ref: s.title for s in draft.sections}
    assert titles["1"] == "Leaders do not share an understanding of exploitation"
    assert titles["2"] == "Front door"


def test_a_recommendation_cell_labelled_rec_is_a_section_named_by_its_number() -> None:
    draft = _import(
        "Recommendation\tAction\tLead officer\tBy when\tBRAG\n"
        "Rec 1 – The partnership should assure itself that neglect is identified early\tAudit neglect cases\t"
        "Principal Social Worker\tMarch 2024\tGreen\n"
        "\tRefresh the neglect strategy\tPartnership Business Manager\tApril 2024\tBlue\n"
        "Rec 2 – Agencies should include fathers in assessments\tDeliver training on working with fathers\t"
        "LSCP Training Lead\tMay 2024\tAmber\n"
    )
    assert [a.section for a in draft.actions] == ["1", "1", "2"]
