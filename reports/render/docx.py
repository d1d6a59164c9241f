"""The report as a Word document: real tables whose header rows repeat on each page."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.table import CT_Tbl
from docx.shared import Cm, Length, Pt

from oversight.spreadsheets import xml_safe

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


# Characters XML 1.0 cannot hold (imported text sometimes has them): dropped, not fatal.
_W = nsdecls("w")


@dataclass
class WordTable:
    """A table being written: its XML element and its column widths in twips."""

    element: CT_Tbl
    widths: list[int]


def _run(text: str, bold: bool = False, ink: str | None = None) -> str:
    """One run; a newline becomes a line break, as python-docx's `cell.text` does."""
    if not text:
        return ""
    props = ("<w:b/>" if bold else "") + (f'<w:color w:val="{ink}"/>' if ink else "")
    lines = xml_safe(text).split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{body}</w:r>"


def _cell(text: str, width: int, fill: str | None = None, bold: bool = False, ink: str | None = None) -> str:
    shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shd}</w:tcPr><w:p>{_run(text, bold, ink)}</w:p></w:tc>'


def _status_cell(status: object, width: int) -> str:
    """The status as a coloured cell WITH its word."""
    fill, ink = TAG.get(getattr(status, "colour", "grey"), TAG["grey"])
    return _cell(getattr(status, "label", "No update yet"), width, fill, bold=True, ink=ink)


def _append_row(t: WordTable, cells: list[str], header: bool = False) -> None:
    # A header row repeats at the top of each page (tblHeader); other rows never split
    # across pages (cantSplit). Rows are written as XML: python-docx's cell-by-cell API took
    # most of the document's time.
    flag = "tblHeader" if header else "cantSplit"
    t.element.append(
        parse_xml(f'<w:tr {_W}><w:trPr><w:{flag} w:val="true"/></w:trPr>{"".join(cells)}</w:tr>')
    )


def table(document: Document, headers: Sequence[str], widths: Sequence[Length] | None = None) -> WordTable:
    """A grid table with a shaded bold header row that Word repeats on each page."""
    t = document.add_table(rows=0, cols=len(headers))
    t.style = _cached_style(document, "Table Grid")
    columns = t._tbl.tblGrid.gridCol_lst
    if widths:
        for column, width in zip(columns, widths, strict=True):
            column.w = width
    written = WordTable(t._tbl, [int(column.w.twips) for column in columns])
    _append_row(
        written,
        [_cell(text, w, HEADER_FILL, bold=True) for text, w in zip(headers, written.widths, strict=True)],
        header=True,
    )
    return written


def add_row(t: WordTable, values: Sequence[str], statuses: Mapping[int, object] | None = None) -> None:
    """A row of text cells; the columns in `statuses` show that status instead."""
    statuses = statuses or {}
    _append_row(
        t,
        [
            _status_cell(statuses[i], width) if i in statuses else _cell(value, width)
            for i, (value, width) in enumerate(zip(values, t.widths, strict=True))
        ],
    )


def _cached_style(document: Document, name: str) -> object:
    """A style by name, looked up once per document (python-docx searches every style by
    name on each use)."""
    cache = document.__dict__.setdefault("_oversight_styles", {})
    if name not in cache:
        cache[name] = document.styles[name]
    return cache[name]


def heading(document: Document, text: str, level: int) -> None:
    document.add_paragraph(
        xml_safe(text), style=_cached_style(document, "Title" if level == 0 else f"Heading {level}")
    )


def render_docx(report: BoardReport, charts: list[Chart] | None = None) -> bytes:
    charts = charts if charts is not None else report_charts(report)
    document = Document()
    document.core_properties.title = xml_safe(report.title)
    document.core_properties.author = "Oversight"
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(9.5)
    section.footer.paragraphs[0].text = xml_safe(f"{report.title} – progress as at {report.as_at:%-d %B %Y}")

    document.add_paragraph(xml_safe(report.partnership.name))
    heading(document, report.title + (" – published version" if report.public else ""), level=0)
    document.add_paragraph(f"Progress updates as at {report.as_at:%-d %B %Y}")
    for note in report.added_later:
        document.add_paragraph(xml_safe(note))

    heading(document, "About this report", level=1)
    about = table(document, ["Partnership", report.partnership.name])
    add_row(about, ["Plans" if len(report.plans) > 1 else "Plan", "; ".join(p.title for p in report.plans)])
    if report.plan_period:
        add_row(about, ["Plan period", report.plan_period])
    add_row(about, ["Progress as at", f"{report.as_at:%-d %B %Y}"])
    if not report.public:
        add_row(about, ["Previous report", f"{report.previous:%-d %B %Y}"])
    add_row(about, ["Actions", str(report.total)])
    for part in report.parts:
        document.add_paragraph(
            xml_safe(f"How {part.plan.title} rates progress"), style=_cached_style(document, "Heading 2")
        )
        t = table(document, ["RAG", "Definition"])
        for s in part.statuses:
            add_row(t, ["", s.definition], {0: s})

    heading(document, "Summary", level=1)
    t = table(document, [s.label for s in report.overall] + ["Total"])
    add_row(t, [str(s.count) for s in report.overall] + [str(report.total)])
    for note in report.status_notes:
        document.add_paragraph(note)
    for title, first, groups in report.groups:
        document.add_paragraph(title, style=_cached_style(document, "Heading 2"))
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
        document.add_paragraph(chart.title, style=_cached_style(document, "Heading 2"))
        picture = document.add_picture(io.BytesIO(chart.png()), width=Cm(22))
        # Word's accessibility checker, and screen readers, read a picture's description.
        picture._inline.docPr.set("descr", chart.description)
        if chart.table is not None:
            document.add_paragraph(chart.table.caption)
            t = table(document, chart.table.header)
            for values in chart.table.rows:
                add_row(t, [str(value) for value in values])

    if not report.public:
        document.add_page_break()
        heading(document, f"What changed since {report.previous:%-d %B %Y}", level=1)
        for name, title in CHANGE_LISTS.items():
            rows: list[Row] = getattr(report.changes, name)
            document.add_paragraph(f"{title} ({len(rows)})", style=_cached_style(document, "Heading 2"))
            if not rows:
                document.add_paragraph("None.")
                continue
            t = table(document, ["Ref", "Action", "Then", "Now"])
            for row in rows:
                text = row.item.text
                if name == "due_moved":
                    add_row(t, [row.ref, text, _due(row.previous_due_date), _due(row.item.due_date)])
                elif name == "reworded":
                    add_row(t, [row.ref, text, *row.rewording])
                elif name == "new":
                    add_row(t, [row.ref, text, "Not in the plan", ""], {3: row.status})
                elif name == "no_update":
                    last = (
                        f"Last update {row.last_update_on:%-d %B %Y}"
                        if row.last_update_on
                        else "Last update never"  # as the web and PDF packs say it
                    )
                    add_row(t, [row.ref, text, last, ""], {3: row.status})
                elif name == "removed":
                    add_row(t, [row.ref, text, "", "Removed"], {2: row.previous_status})
                else:
                    add_row(t, [row.ref, text, "", ""], {2: row.previous_status, 3: row.status})
        heading(document, "Exceptions", level=1)
        if report.exceptions.left_out_note:
            document.add_paragraph(report.exceptions.left_out_note)
        for name, title in EXCEPTION_LISTS.items():
            rows = getattr(report.exceptions, name)
            document.add_paragraph(f"{title} ({len(rows)})", style=_cached_style(document, "Heading 2"))
            if not rows:
                document.add_paragraph("None.")
                continue
            t = table(document, ["Ref", "Action", "Owner", "Due by", "RAG", "Last update"])
            for row in rows:
                last = f"{row.last_update_on:%-d %B %Y}" if row.last_update_on else "never"
                add_row(t, [row.ref, row.item.text, row.owner, row.due, "", last], {4: row.status})
        heading(document, f"Sign-off of areas since {report.previous:%-d %B %Y}", level=1)
        decided = report.sign_offs.decided
        document.add_paragraph(
            f"Sign-off decisions ({len(decided)})", style=_cached_style(document, "Heading 2")
        )
        if decided:
            t = table(document, ["Area", "Decision", "On", "Minute or reason"])
            for line in decided:
                add_row(t, [line.area, line.what, f"{line.on:%-d %B %Y}" if line.on else "", line.detail])
        else:
            document.add_paragraph("None.")
        awaiting = report.sign_offs.awaiting
        document.add_paragraph(
            f"Sign-off proposals awaiting the board ({len(awaiting)})",
            style=_cached_style(document, "Heading 2"),
        )
        if not awaiting:
            document.add_paragraph("None.")
        for line in awaiting:
            document.add_paragraph(
                f"{line.area}: proposed {line.on:%-d %B %Y}" if line.on else line.area,
                style=_cached_style(document, "Heading 3"),
            )
            document.add_paragraph(line.detail)
            for link in line.links:
                document.add_paragraph(link)
            document.add_paragraph(
                f"{line.unfinished} of its actions not yet complete: agreeing locks them as they stand."
                if line.unfinished
                else "All its actions are complete."
            )
        heading(document, f"Evidence ({len(report.evidence)})", level=1)
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
        heading(document, "Scorecard", level=1)
        sc = report.scorecard
        has_rag = any(sc.rag)
        t = table(document, sc.headers + (["RAG"] if has_rag else []))
        for cells, rag in zip(sc.rows, sc.rag, strict=True):
            if has_rag:
                add_row(t, [*cells, ""], {len(cells): rag})
            else:
                add_row(t, cells)

    for part in report.parts:
        document.add_page_break()
        heading(document, part.plan.title, level=1)
        for block in part.blocks:
            heading(document, block.heading, level=2 if block.depth == 0 else 3)
            if block.section is not None and block.section.what_needs_to_improve:
                p = document.add_paragraph()
                p.add_run("What needs to improve: ").bold = True
                p.add_run(xml_safe(block.section.what_needs_to_improve))
            if not block.rows:
                continue
            t = table(document, PLAN_COLUMNS, PLAN_WIDTHS)
            for row in block.rows:
                progress = row.progress
                if row.last_update_on:
                    progress = f"{row.last_update_on:%-d %B %Y}: {progress}"
                if row.constraints and not report.public:
                    progress += f"\nConstraints: {row.constraints}"
                add_row(t, [row.ref, row.item.text, row.owner, row.due, "", progress], {4: row.status})
    document.add_paragraph(f"Produced by Oversight on {report.generated_on:%-d %B %Y}.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _due(day: object) -> str:
    return f"Due {day:%-d %B %Y}" if day else "No due date"
