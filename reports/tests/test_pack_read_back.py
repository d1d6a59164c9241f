"""The board pack a business manager downloads reads back into Oversight as the same plan (owners
fill in the Excel or Word pack; it goes back as a newer version): the Word pack's 'what changed'
and exceptions tables list actions again, and made 41 duplicates of 77."""

from __future__ import annotations

import pytest

from intake.importer.api import import_document
from reports.figures import build_report
from reports.render.docx import render_docx
from reports.render.xlsx import render_xlsx

from .conftest import AS_AT, PREVIOUS


@pytest.fixture
def report(history_plan):
    return build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)


@pytest.mark.parametrize(("render", "suffix"), [(render_docx, "docx"), (render_xlsx, "xlsx")])
def test_the_board_pack_imports_back_as_its_actions_once_each(report, render, suffix):
    draft = import_document(render(report), f"pack.{suffix}")

    refs = sorted(report.plans[0].actions.values_list("ref", flat=True))
    assert sorted(a.ref for a in draft.actions) == refs
    by_ref = {a.ref: a for a in draft.actions}
    assert by_ref["2.4"].rag == "red" and by_ref["1.1a"].rag == "complete"
    assert by_ref["2.1"].section == "2"
