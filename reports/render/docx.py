"""The report as a Word document: real tables whose header rows repeat on each page."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from ..charts import Chart, report_charts
from ..figures import CHANGE_LISTS, EXCEPTION_LISTS, BoardReport, Row

# Tag backgrounds and text colours of the GOV.UK RAG tags (oversight.css), so Word matches the page.
TAG = {
    "red": ("F4CDC6", "2A0B06"),
    "amber": ("FCD6C3", "6E3619"),
    "green": ("CCE2D8", "005A30"),
    "blue": ("BBD4EA", "0C2D4A"),
    "grey": ("E5E6E7", "282D30"),
}
HEADER_FILL = "F3F2F1"
PLAN_COLUMNS = ["Ref", "Action", "Owner", "Due by", "RAG", "Progress and impact"]
EVIDENCE_COLUMNS = ["Ref", "Action it supports", "File or link", "Added", "Update of"]
PLAN_WIDTHS = [Cm(1.6), Cm(6.5), Cm(4), Cm(2.6), Cm(2.2), Cm(9.6)]


def shade(cell: object, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def repeat_header(row: object) -> None:
    """Mark a table row as a header row that Word repeats at the top of each page."""
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def keep_row_together(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def table(document: Document, headers: Sequence[str], widths: Sequence[Cm] | None = None) -> Table:
    t = document.add_table(rows=1, cols=len(headers))
    t.style = "Table Grid"
    header = t.rows[0]
    repeat_header(header)
    for cell, text in zip(header.cells, headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        shade(cell, HEADER_FILL)
    if widths:
        for cell, width in zip(header.cells, widths, strict=True):
            cell.width = width
    return t


def status_cell(cell: object, status: object) -> None:
    """The status as a coloured cell WITH its word."""
    colour = getattr(status, "colour", "grey")
    fill, ink = TAG.get(colour, TAG["grey"])
    cell.text = ""  # type: ignore[attr-defined]
    run = cell.paragraphs[0].add_run(getattr(status, "label", "No update yet"))  # type: ignore[attr-defined]
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(ink)
    shade(cell, fill)


def add_row(t: Table, values: Sequence[str], status: object = None, status_col: int | None = None) -> None:
    row = t.add_row()
    keep_row_together(row)
    cells = row.cells
    for i, (cell, value) in enumerate(zip(cells, values, strict=True)):
        if i == status_col:
            status_cell(cell, status)
        else:
            cell.text = value


def render_docx(report: BoardReport, charts: list[Chart] | None = None) -> bytes:
    charts = charts if charts is not None else report_charts(report)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(9.5)
    section.footer.paragraphs[0].text = f"{report.title} – progress as at {report.as_at:%-d %B %Y}"

    document.add_paragraph(report.partnership.name)
    document.add_heading(report.title + (" – published version" if report.public else ""), level=0)
    document.add_paragraph(f"Progress updates as at {report.as_at:%-d %B %Y}")

    document.add_heading("About this report", level=1)
    about = table(document, ["", ""])
    about.rows[0].cells[0].text, about.rows[0].cells[1].text = "Partnership", report.partnership.name
    add_row(about, ["Plans" if len(report.plans) > 1 else "Plan", "; ".join(p.title for p in report.plans)])
    add_row(about, ["Progress as at", f"{report.as_at:%-d %B %Y}"])
    if not report.public:
        add_row(about, ["Previous report", f"{report.previous:%-d %B %Y}"])
    add_row(about, ["Actions", str(report.total)])
    for part in report.parts:
        document.add_paragraph(f"How {part.plan.title} rates progress", style="Heading 3")
        t = table(document, ["RAG", "Definition"])
        for s in part.statuses:
            add_row(t, ["", s.definition], s, 0)

    document.add_heading("Summary", level=1)
    t = table(document, [s.label for s in report.overall] + ["Total"])
    add_row(t, [str(s.count) for s in report.overall] + [str(report.total)])
    for title, first, groups in report.groups:
        document.add_paragraph(title, style="Heading 3")
        t = table(document, [first, *[s.label for s in report.statuses], "Overdue", "Total"])
        for g in groups:
            add_row(
                t,
                [
                    g.name,
                    *[str(g.by_status.get(s.key, 0)) for s in report.statuses],
                    str(g.overdue),
                    str(g.total),
                ],
            )
    for chart in charts:
        document.add_paragraph(chart.title, style="Heading 3")
        document.add_picture(io.BytesIO(chart.png()), width=Cm(22))

    if not report.public:
        document.add_page_break()
        document.add_heading(f"What changed since {report.previous:%-d %B %Y}", level=1)
        for name, title in CHANGE_LISTS.items():
            rows: list[Row] = getattr(report.changes, name)
            document.add_paragraph(f"{title} ({len(rows)})", style="Heading 3")
            if not rows:
                document.add_paragraph("None.")
                continue
            t = table(document, ["Ref", "Action", "Then", "Now"])
            for row in rows:
                text = row.item.text
                if name == "due_moved":
                    add_row(t, [row.ref, text, _due(row.previous_due_date), _due(row.item.due_date)])
                elif name == "new":
                    add_row(t, [row.ref, text, "Not in the plan", ""], row.status, 3)
                elif name == "no_update":
                    last = (
                        f"Last update {row.last_update_on:%-d %B %Y}"
                        if row.last_update_on
                        else "Never updated"
                    )
                    add_row(t, [row.ref, text, last, ""], row.status, 3)
                else:
                    add_row(t, [row.ref, text, "", ""], row.previous_status, 2)
                    status_cell(t.rows[-1].cells[3], row.status)
        document.add_heading("Exceptions", level=1)
        for name, title in EXCEPTION_LISTS.items():
            rows = getattr(report.exceptions, name)
            document.add_paragraph(f"{title} ({len(rows)})", style="Heading 3")
            if not rows:
                document.add_paragraph("None.")
                continue
            t = table(document, ["Ref", "Action", "Owner", "Due by", "RAG", "Last update"])
            for row in rows:
                last = f"{row.last_update_on:%-d %B %Y}" if row.last_update_on else "never"
                add_row(t, [row.ref, row.item.text, row.owner, row.due, "", last], row.status, 4)
        document.add_heading(f"Evidence ({len(report.evidence)})", level=1)
        if report.evidence:
            t = table(document, EVIDENCE_COLUMNS)
            for e in report.evidence:
                add_row(
                    t,
                    [
                        e.row.ref,
                        e.row.item.text,
                        e.label,
                        f"{e.added:%-d %B %Y}",
                        f"{e.update_date:%-d %B %Y}",
                    ],
                )
        else:
            document.add_paragraph("None.")

    if report.scorecard:
        document.add_heading("Scorecard", level=1)
        sc = report.scorecard
        has_rag = any(sc.rag)
        t = table(document, sc.headers + (["RAG"] if has_rag else []))
        for cells, rag in zip(sc.rows, sc.rag, strict=True):
            if has_rag:
                add_row(t, [*cells, ""], rag, len(cells))
            else:
                add_row(t, cells)

    for part in report.parts:
        document.add_page_break()
        document.add_heading(part.plan.title, level=1)
        for block in part.blocks:
            document.add_heading(block.heading, level=2 if block.depth == 0 else 3)
            if block.section is not None and block.section.what_needs_to_improve:
                p = document.add_paragraph()
                p.add_run("What needs to improve: ").bold = True
                p.add_run(block.section.what_needs_to_improve)
            if not block.rows:
                continue
            t = table(document, PLAN_COLUMNS, PLAN_WIDTHS)
            for row in block.rows:
                progress = row.progress
                if row.last_update_on:
                    progress = f"{row.last_update_on:%-d %B %Y}: {progress}"
                if row.constraints and not report.public:
                    progress += f"\nConstraints: {row.constraints}"
                add_row(t, [row.ref, row.item.text, row.owner, row.due, "", progress], row.status, 4)
    document.add_paragraph(f"Produced by Oversight on {report.generated_on:%-d %B %Y}.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _due(day: object) -> str:
    return f"Due {day:%-d %B %Y}" if day else "No due date"
