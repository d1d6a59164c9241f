"""Evidence files in the internal report (name, date, the action it supports), never in the
public version, in every format."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from reports.figures import build_report
from reports.render.docx import EVIDENCE_COLUMNS, render_docx
from reports.render.html import render_standalone
from reports.render.pdf import render_pdf
from reports.render.xlsx import render_xlsx

from .conftest import AS_AT, PREVIOUS

DATES = {"as_at": AS_AT.isoformat(), "previous": PREVIOUS.isoformat()}
SHOWN = ["Audit report (audit-report.pdf)", "Analyst job advert (https://example.org/jobs/analyst)"]
NOT_SHOWN = ["training-register.xlsx", "guidance-v2.docx"]


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return " ".join(text.split())


@pytest.fixture
def internal(history_plan, evidence):
    return build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)


@pytest.fixture
def public(history_plan, evidence):
    return build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS, public=True, roles_only=True)


def test_the_report_lists_the_evidence_attached_by_the_as_at_date_with_its_action(internal):
    assert [(e.row.ref, e.label, e.is_file, e.added, e.update_date) for e in internal.evidence] == [
        ("1.1a", SHOWN[0], True, dt.date(2022, 12, 1), dt.date(2022, 12, 1)),
        ("2.1", SHOWN[1], False, dt.date(2022, 12, 11), dt.date(2022, 12, 10)),
    ]


def test_evidence_attached_later_shows_in_a_later_report(history_plan, evidence):
    report = build_report(plan=history_plan.plan, as_at=dt.date(2023, 1, 10), previous=AS_AT)
    names = [e.name for e in report.evidence]
    assert names == ["audit-report.pdf", "guidance-v2.docx", "https://example.org/jobs/analyst", NOT_SHOWN[0]]


def test_the_public_version_holds_no_evidence(public):
    assert public.evidence == []


def test_the_internal_page_and_standalone_html_list_the_evidence(
    client, world, history_plan, internal, evidence
):
    client.force_login(world.viewer)
    page = client.get(reverse("reports:plan_report", args=[history_plan.plan.pk]), DATES).content.decode()
    # On the page, a file links to its (members-only) download and a link to its address.
    assert f'href="{reverse("plans:evidence", args=[evidence["audit"].pk])}"' in page
    assert 'href="https://example.org/jobs/analyst"' in page
    for html in (page, render_standalone(internal)):
        assert "Evidence (2)" in html
        for label in SHOWN:
            assert label in html
        assert "1 December 2022" in html and "11 December 2022" in html
        assert not any(name in html for name in NOT_SHOWN)


def test_the_public_page_and_pdf_leave_the_evidence_out(client, world, history_plan, public, tmp_path):
    client.force_login(world.viewer)
    page = client.get(reverse("reports:public_report", args=[history_plan.plan.pk]), DATES).content.decode()
    for html in (page, render_standalone(public)):
        assert 'id="evidence"' not in html
        assert not any(label in html for label in SHOWN)
    if shutil.which("pdftotext"):
        text = pdf_text(render_pdf(public), tmp_path)
        assert "Progress updates as at 14 December 2022" in text
        assert "audit-report.pdf" not in text and "Evidence" not in text


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_the_internal_pdf_lists_the_evidence(internal, tmp_path):
    text = pdf_text(render_pdf(internal), tmp_path)
    assert "Evidence (2)" in text
    # a link may wrap in its narrow column ('https://example.org/jobs/ analyst'), as it should
    unwrapped = text.replace(" ", "")
    assert "audit-report.pdf" in text and "https://example.org/jobs/analyst" in unwrapped
    assert "training-register.xlsx" not in text


def test_the_word_document_has_an_evidence_table_only_in_the_internal_version(internal, public):
    document = Document(io.BytesIO(render_docx(internal)))
    tables = [t for t in document.tables if [c.text for c in t.rows[0].cells] == EVIDENCE_COLUMNS]
    assert len(tables) == 1
    rows = [[c.text for c in r.cells] for r in tables[0].rows[1:]]
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [
        ("1.1a", SHOWN[0], "1 December 2022", "1 December 2022"),
        ("2.1", SHOWN[1], "11 December 2022", "10 December 2022"),
    ]
    assert rows[0][1] == "Action 1.1a: review the escalation process"
    published = Document(io.BytesIO(render_docx(public)))
    assert not [t for t in published.tables if [c.text for c in t.rows[0].cells] == EVIDENCE_COLUMNS]
    assert not any("audit-report" in p.text for p in published.paragraphs)


def test_the_workbook_has_an_evidence_sheet_only_in_the_internal_version(internal, public):
    wb = load_workbook(io.BytesIO(render_xlsx(internal)))
    sheet = wb["Evidence"]
    assert [c.value for c in sheet[1]] == ["Plan", *EVIDENCE_COLUMNS]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [(v[1], v[3], v[4].date(), v[5].date()) for v in values] == [
        ("1.1a", SHOWN[0], dt.date(2022, 12, 1), dt.date(2022, 12, 1)),
        ("2.1", SHOWN[1], dt.date(2022, 12, 11), dt.date(2022, 12, 10)),
    ]
    assert values[0][0] == "JTAI criminal exploitation plan"
    published = load_workbook(io.BytesIO(render_xlsx(public)))
    assert "Evidence" not in published.sheetnames
    cells = [str(c.value) for ws in published for row in ws.iter_rows() for c in row if c.value]
    assert not any("audit-report" in c for c in cells)


def test_only_a_web_address_becomes_a_link(history_plan):
    from reports.figures import EvidenceItem

    row = build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS).rows[0]
    day = dt.date(2022, 12, 1)

    def item(name: str, is_file: bool = False) -> EvidenceItem:
        return EvidenceItem(pk=1, row=row, name=name, title="", is_file=is_file, added=day, update_date=day)

    assert item("https://example.org/a").web_address == "https://example.org/a"
    assert item("javascript:alert(1)").web_address == ""
    assert item("audit.pdf", is_file=True).web_address == ""
