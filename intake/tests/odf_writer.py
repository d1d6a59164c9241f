"""Tests only: OpenDocument files written by hand (a zip of XML), as LibreOffice writes them, from a
workbook built with openpyxl (.ods) or a document built with python-docx (.odt): a test builds the
plan once and imports it in several formats, and no binary is committed. Like LibreOffice, a sheet
ends with its empty rows and columns written once with a repeat count of about a million."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any
from xml.sax.saxutils import escape, quoteattr

_ROOT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.3">'
)
_STYLES = (
    '<number:date-style style:name="DAY"><number:day/><number:text>/</number:text><number:month/>'
    "<number:text>/</number:text><number:year/></number:date-style>"
    '<number:date-style style:name="MONTH"><number:month number:textual="true"/>'
    "<number:text>-</number:text><number:year/></number:date-style>"
    '<style:style style:name="hidden-sheet" style:family="table">'
    '<style:table-properties table:display="false"/></style:style>'
    '<style:style style:name="bold" style:family="text"><style:text-properties fo:font-weight="bold"/>'
    "</style:style>"
)


def package(mimetype: str, body: str, styles: str = "", root: str = _ROOT) -> bytes:
    """An OpenDocument zip: its mimetype first, then content.xml with these automatic styles."""
    content = f"{root}<office:automatic-styles>{_STYLES}{styles}</office:automatic-styles>{body}"
    content += "</office:document-content>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), f"application/vnd.oasis.opendocument.{mimetype}")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def _paragraphs(text: str, bold: bool = False) -> str:
    span = '<text:span text:style-name="bold">{}</text:span>' if bold else "{}"
    return "".join(f"<text:p>{span.format(escape(line))}</text:p>" for line in text.split("\n"))


class _CellStyles:
    """Automatic cell styles, one per (fill, bold, date format) used."""

    def __init__(self) -> None:
        self.names: dict[tuple[str | None, bool, str | None], str] = {}

    def name(self, fill: str | None, bold: bool, date: str | None) -> str | None:
        if fill is None and not bold and date is None:
            return None
        return self.names.setdefault((fill, bold, date), f"ce{len(self.names) + 1}")

    def xml(self) -> str:
        out = []
        for (fill, bold, date), name in self.names.items():
            data = f' style:data-style-name="{date}"' if date else ""
            out.append(f'<style:style style:name="{name}" style:family="table-cell"{data}>')
            if fill:
                out.append(f'<style:table-cell-properties fo:background-color="#{fill}"/>')
            if bold:
                out.append('<style:text-properties fo:font-weight="bold"/>')
            out.append("</style:style>")
        return "".join(out)


def ods_bytes(book: Any) -> bytes:
    """The workbook (openpyxl) as an .ods: values, date cells, bold, solid fills, merged ranges,
    hidden rows, columns and sheets."""
    from openpyxl.utils import column_index_from_string

    styles = _CellStyles()
    tables = []
    for sheet in book.worksheets:
        spans = {(m.min_row, m.min_col): m for m in sheet.merged_cells.ranges}
        covered = {
            (r, c)
            for m in sheet.merged_cells.ranges
            for r in range(m.min_row, m.max_row + 1)
            for c in range(m.min_col, m.max_col + 1)
        } - set(spans)
        hidden_columns: set[int] = set()
        for letter, dimension in sheet.column_dimensions.items():
            if dimension.hidden:
                first = dimension.min or column_index_from_string(letter)
                hidden_columns.update(range(first, (dimension.max or first) + 1))
        width = sheet.max_column
        columns = "".join(
            '<table:table-column table:visibility="collapse"/>'
            if c in hidden_columns
            else "<table:table-column/>"
            for c in range(1, width + 1)
        )
        columns += f'<table:table-column table:number-columns-repeated="{1024 - width}"/>'
        rows = []
        for r in range(1, sheet.max_row + 1):
            cells = []
            for c in range(1, width + 1):
                if (r, c) in covered:
                    cells.append("<table:covered-table-cell/>")
                    continue
                cell = sheet.cell(r, c)
                fill = cell.fill
                shade = (
                    str(fill.fgColor.rgb)[-6:] if fill is not None and fill.patternType == "solid" else None
                )
                value = cell.value
                date = None
                if isinstance(value, dt.date):
                    date = "MONTH" if "d" not in (cell.number_format or "").lower() else "DAY"
                name = styles.name(shade, bool(cell.font.b), date)
                attrs = f' table:style-name="{name}"' if name else ""
                if (r, c) in spans:
                    m = spans[(r, c)]
                    attrs += f' table:number-columns-spanned="{m.max_col - m.min_col + 1}"'
                    attrs += f' table:number-rows-spanned="{m.max_row - m.min_row + 1}"'
                if value is None:
                    cells.append(f"<table:table-cell{attrs}/>")
                elif isinstance(value, dt.date):
                    shown = value.strftime("%b-%y" if date == "MONTH" else "%d/%m/%Y")
                    cells.append(
                        f'<table:table-cell{attrs} office:value-type="date" '
                        f'office:date-value="{value.isoformat()}"><text:p>{shown}</text:p></table:table-cell>'
                    )
                elif isinstance(value, int | float):
                    cells.append(
                        f'<table:table-cell{attrs} office:value-type="float" office:value="{value}">'
                        f"<text:p>{value}</text:p></table:table-cell>"
                    )
                else:
                    cells.append(
                        f'<table:table-cell{attrs} office:value-type="string">{_paragraphs(str(value))}'
                        "</table:table-cell>"
                    )
            cells.append(f'<table:table-cell table:number-columns-repeated="{1024 - width}"/>')
            dimension = sheet.row_dimensions.get(r)
            visibility = ' table:visibility="collapse"' if dimension is not None and dimension.hidden else ""
            rows.append(f"<table:table-row{visibility}>{''.join(cells)}</table:table-row>")
        rows.append(
            f'<table:table-row table:number-rows-repeated="{1048576 - sheet.max_row}">'
            '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        )
        hidden = ' table:style-name="hidden-sheet"' if sheet.sheet_state != "visible" else ""
        tables.append(
            f"<table:table table:name={quoteattr(sheet.title)}{hidden}>{columns}{''.join(rows)}</table:table>"
        )
    body = f"<office:body><office:spreadsheet>{''.join(tables)}</office:spreadsheet></office:body>"
    return package("spreadsheet", body, styles.xml())


def odt_bytes(document: Any) -> bytes:
    """The document (python-docx) as an .odt: the title and headings, paragraphs, and tables with
    merged cells, shading and bold text."""
    from docx.oxml.ns import qn

    styles = _CellStyles()
    out = []

    def cell_xml(tc: Any, attrs: str) -> str:
        paragraphs = []
        for p in tc.iter(qn("w:p")):
            runs = [r for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
            bold = bool(runs) and all(
                r.find(qn("w:rPr")) is not None and r.find(qn("w:rPr")).find(qn("w:b")) is not None
                for r in runs
            )
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            paragraphs.append(_paragraphs(text, bold))
        properties = tc.tcPr
        shading = properties.find(qn("w:shd")) if properties is not None else None
        name = styles.name(shading.get(qn("w:fill")) if shading is not None else None, False, None)
        style = f' table:style-name="{name}"' if name else ""
        return f'<table:table-cell{style}{attrs} office:value-type="string">{"".join(paragraphs)}</table:table-cell>'

    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            text = escape("".join(t.text or "" for t in block.iter(qn("w:t"))))
            style = block.find(qn("w:pPr"))
            name = ""
            if style is not None and style.find(qn("w:pStyle")) is not None:
                name = style.find(qn("w:pStyle")).get(qn("w:val")) or ""
            if name.startswith("Heading"):
                out.append(f'<text:h text:outline-level="{name[7:] or 1}">{text}</text:h>')
            elif name == "Title":
                out.append(f'<text:p text:style-name="Title">{text}</text:p>')
            else:
                out.append(f"<text:p>{text}</text:p>")
        elif block.tag == qn("w:tbl"):
            grid: list[list[tuple[Any, int, str | None]]] = []  # per row: (tc, columns spanned, vMerge)
            for tr in block.iter(qn("w:tr")):
                row = []
                for tc in tr.iter(qn("w:tc")):
                    properties = tc.tcPr
                    span = properties.find(qn("w:gridSpan")) if properties is not None else None
                    merge = properties.find(qn("w:vMerge")) if properties is not None else None
                    row.append(
                        (
                            tc,
                            int(span.get(qn("w:val"))) if span is not None else 1,
                            (merge.get(qn("w:val")) or "continue") if merge is not None else None,
                        )
                    )
                grid.append(row)
            width = sum(span for _, span, _ in grid[0]) if grid else 0
            rows = []
            for r, row in enumerate(grid):
                cells = []
                column = 0
                for tc, span, merge in row:
                    if merge == "continue":
                        cells.append("<table:covered-table-cell/>" * span)
                    else:
                        down = 1
                        if merge == "restart":
                            while r + down < len(grid) and _merge_at(grid[r + down], column) == "continue":
                                down += 1
                        attrs = f' table:number-columns-spanned="{span}"' if span > 1 else ""
                        attrs += f' table:number-rows-spanned="{down}"' if down > 1 else ""
                        cells.append(cell_xml(tc, attrs) + "<table:covered-table-cell/>" * (span - 1))
                    column += span
                rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
            out.append(
                f'<table:table><table:table-column table:number-columns-repeated="{width}"/>'
                f"{''.join(rows)}</table:table>"
            )
    body = f"<office:body><office:text>{''.join(out)}</office:text></office:body>"
    return package("text", body, styles.xml())


def _merge_at(row: list[tuple[Any, int, str | None]], column: int) -> str | None:
    at = 0
    for _, span, merge in row:
        if at == column:
            return merge
        at += span
    return None
