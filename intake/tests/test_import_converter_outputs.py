"""Plans in table form as the common document converters write them as text: markitdown (Microsoft)
from Word and Excel, docling, pandoc to Markdown and to plain text, Word's 'Convert table to text'
(tabs or paragraph marks, as LibreOffice's 'save as text' too) and Word's 'Save as Web Page'.

The helpers below write a plan the way each converter does (checked against markitdown 0.1 and
pandoc 3.9 output of a Word table and an Excel sheet; docling and Word HTML from their documented
output): pipe tables with the header first, pandas' 'NaN' for an empty Excel cell and a '## Sheet1'
heading per sheet; docling's cells padded to one width, a merged cell repeated in every column it
spans, '<!-- image -->' for a picture and a table cut by a page break continued as a new table;
pandoc's grid, multiline and simple tables with its backslash escapes ('1\\.'); Word's HTML cells
('<td><p class=MsoNormal>...<o:p></o:p>') with shading in their style."""

from __future__ import annotations

import textwrap
from types import ModuleType
from typing import Any

from intake.importer.api import import_document
from intake.importer.model import PlanDraft

HEADER = ["Ref", "Action", "Lead officer", "Target date", "RAG", "Progress update"]
# (ref, action, lead, due, RAG, progress); a row with only a title is a section merged across the table
PLAN: list[tuple[str, ...]] = [
    ("1. Leadership and governance",),
    ("1.1", "Refresh the partnership's neglect strategy and publish it on the website",
     "Partnership Business Manager", "31 March 2024", "Green", "Strategy drafted and consulted on"),
    ("1.2", "Set up a multi-agency audit of strategy discussions", "Head of Service, Children's Social Care",
     "June 2024", "Amber", "Audit tool agreed; fieldwork in May"),
    ("1.3", "Report quarterly to the executive on exploitation data", "Detective Superintendent Ellis",
     "Q2 2024/25", "Red", "Delayed by the new data system"),
    ("1.4", "Publish the partnership's annual report", "Independent Scrutineer", "30/09/2024", "Complete",
     "Published in September"),
    ("2. Front door and early help",),
    ("2.1", "Review the MASH operating model so decisions are made within 24 hours", "MASH Manager",
     "30/09/2024", "Complete", "New model live since April"),
    ("2.2", "Train designated safeguarding leads on thresholds", "Education Safeguarding Lead",
     "December 2024", "G", ""),
    ("2.3", "Audit the quality of early help assessments", "Head of Early Help", "End of January 2025", "A",
     "Audit planned for January"),
]  # fmt: skip
ACTIONS = [row for row in PLAN if len(row) > 1]


def _import(text: str, name: str = "plan.md") -> PlanDraft:
    return import_document(text.encode("utf-8"), filename=name)


def _cells(row: tuple[str, ...], width: int = 6, merged: str | None = "") -> list[str]:
    """A row's cells; a section row's title repeated in every column (merged=None) or followed by
    ``merged`` in the other columns."""
    if len(row) > 1:
        return list(row)
    return [row[0]] * width if merged is None else [row[0], *[merged] * (width - 1)]


def _pipe(rows: list[list[str]], padded: bool = False) -> str:
    """A pipe table, the first row as its header: markitdown's '| --- |' under it, or docling's cells
    padded to the width of their column with a ruled '|----|' line."""
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) if padded else c for c, w in zip(row, widths, strict=True)) + " |"

    rule = (
        "|" + "|".join("-" * (w + 2) for w in widths) + "|"
        if padded
        else "| " + " | ".join("---" for _ in widths) + " |"
    )
    return "\n".join([line(rows[0]), rule, *(line(row) for row in rows[1:])])  # fmt: skip


def _docling(page_break_after: int, repeat_header: bool = False) -> str:
    """docling's Markdown of a PDF plan, its table cut by a page break after ``page_break_after`` rows
    (none when that is all of them)."""
    rows = [_cells(row, merged=None) for row in PLAN]
    second = rows[page_break_after:]
    text = "<!-- image -->\n\n## Hillshire Safeguarding Children Partnership\n\n## Neglect action plan 2024-25\n\n"
    text += _pipe([HEADER, *rows[:page_break_after]], padded=True) + "\n"
    if second:
        text += (
            "\n<!-- image -->\n\n" + _pipe([HEADER, *second] if repeat_header else second, padded=True) + "\n"
        )
    return text


def _markitdown_sheet() -> str:
    rows = [[c or "NaN" for c in _cells(row, merged="NaN")] for row in PLAN]
    return "## Sheet1\n" + _pipe([HEADER, *rows]) + "\n"


_WIDTHS = [15, 15, 16, 13, 13, 13]


def _wrapped(row: list[str]) -> list[str]:
    """A row's lines, each cell wrapped to its column as pandoc does."""
    wrapped = [
        textwrap.wrap(c, w, break_on_hyphens=False, break_long_words=False) or [""]
        for c, w in zip(row, _WIDTHS, strict=True)
    ]
    return [
        "  ".join(
            (cell[k] if k < len(cell) else "").ljust(w) for cell, w in zip(wrapped, _WIDTHS, strict=True)
        )
        for k in range(max(len(cell) for cell in wrapped))
    ]


def _pandoc_multiline(markdown: bool = True) -> str:
    """pandoc -t markdown-grid_tables (or -t plain) of a Word plan with a table under each heading."""
    out = ["# Neglect action plan 2024-25" if markdown else "Neglect action plan 2024-25", ""]
    rule = "  " + "-" * (sum(_WIDTHS) + 2 * (len(_WIDTHS) - 1))
    for row in PLAN:
        if len(row) == 1:
            if len(out) > 2:
                out += [rule, ""]
            heading = row[0].replace(". ", "\\. ", 1) if markdown else row[0]
            out += [f"## {heading}" if markdown else heading, "", rule]
            out += ["  " + line for line in _wrapped(HEADER)]
            out.append("  " + " ".join("-" * w + "-" for w in _WIDTHS).rstrip())
            continue
        cells = [c.replace("'", "\\'") if markdown else c for c in row]
        out += ["  " + line.rstrip() for line in _wrapped(cells)] + [""]
    return "\n".join([*out[:-1], rule, ""])


def _pandoc_grid() -> str:
    """pandoc -t markdown of a Word plan whose section rows are merged across the table."""
    border = "+" + "+".join("-" * (w + 2) for w in _WIDTHS) + "+"
    inside = len(border) - 4
    out = ["# Neglect action plan 2024-25", "", "Hillshire Safeguarding Children Partnership", "", border]

    def emit(row: list[str]) -> None:
        for line in _wrapped([c.replace("'", "\\'") for c in row]):
            parts = [line[sum(_WIDTHS[:c]) + 2 * c :][: _WIDTHS[c]] for c in range(len(_WIDTHS))]
            out.append("| " + " | ".join(p.ljust(w) for p, w in zip(parts, _WIDTHS, strict=True)) + " |")

    emit(HEADER)
    out.append(border.replace("-", "="))
    for row in PLAN:
        if len(row) == 1:
            out.append("| " + row[0].replace(". ", "\\. ", 1).ljust(inside) + " |")
        else:
            emit(list(row))
        out.append(border)
    return "\n".join(out) + "\n"


def _word_html(status_words: bool = True) -> str:
    fills = {"Green": "#00B050", "G": "#00B050", "Amber": "#FFC000", "A": "#FFC000", "Red": "red",
             "Complete": "#0070C0"}  # fmt: skip

    def td(text: str, fill: str | None = None, span: int = 1) -> str:
        style = (
            "width:70.9pt;border:solid windowtext 1.0pt;border-top:none;mso-border-alt:solid windowtext .5pt"
        )
        if fill:
            style += f";background:{fill};mso-shading:white;mso-pattern:solid {fill}"
        colspan = f" colspan={span}" if span > 1 else ""
        return (
            f"  <td width=94{colspan} valign=top style='{style}'>\n"
            f"  <p class=MsoNormal><span style='font-size:10.0pt;font-family:\"Arial\",sans-serif'>"
            f"{text or '&nbsp;'}<o:p></o:p></span></p>\n  </td>"
        )

    rows = [
        "<tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>",
        *(td(f"<b>{h}</b>") for h in HEADER),
        "</tr>",
    ]
    for row in PLAN:
        rows.append("<tr style='mso-yfti-irow:1'>")
        if len(row) == 1:
            rows.append(td(f"<b>{row[0]}</b>", span=6))
        else:
            rows += [
                td(c if c != row[4] or status_words else "", fills.get(c) if c == row[4] else None)
                for c in row
            ]
        rows.append("</tr>")
    return "\n".join([
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"',
        'xmlns="http://www.w3.org/TR/REC-html40">',
        '<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">',
        '<meta name=Generator content="Microsoft Word 15 (filtered)">',
        "<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>J Smith</o:Author></o:DocumentProperties></xml>",
        "<![endif]-->",
        "<style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;} --></style></head>",
        "<body lang=EN-GB style='tab-interval:36.0pt'><div class=WordSection1>",
        "<p class=MsoTitle><span lang=EN-GB>Neglect action plan 2024-25<o:p></o:p></span></p>",
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>",
        "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;"
        "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>",
        *rows,
        "<![if !supportMisalignedColumns]>",
        "<tr height=0>",
        "<td width=94 style='border:none'></td>",
        "</tr>",
        "<![endif]>",
        "</table>",
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>",
        "</div></body></html>",
    ]) + "\n"  # fmt: skip


def _one_cell_per_line() -> str:
    """Word's 'Convert table to text' separated by paragraph marks (or LibreOffice's text export):
    every cell on its own line, an empty cell an empty line, a merged row one line."""
    lines = ["Neglect action plan 2024-25", "", *HEADER]
    for row in PLAN:
        lines += list(row)
    return "\n".join(lines) + "\n"


def _tab_separated() -> str:
    """Word's 'Convert table to text' separated by tabs: a merged row is one cell, so no tab."""
    lines = ["Neglect action plan 2024-25", "", "\t".join(HEADER)]
    lines += ["\t".join(row) for row in PLAN]
    return "\n".join(lines) + "\n"


def _read(draft: PlanDraft) -> list[tuple[str | None, str | None, str, str | None, str | None, str | None]]:
    return [(a.ref, a.section, a.text, a.owner, a.rag, a.progress) for a in draft.actions]


EXPECTED = [
    (row[0], row[0].split(".")[0], row[1], row[2], {"G": "green", "A": "amber"}.get(row[4], row[4].lower()),
     row[5] or None)
    for row in ACTIONS
]  # fmt: skip
SECTIONS = [("1", "Leadership and governance"), ("2", "Front door and early help")]


def _sections(draft: PlanDraft) -> list[tuple[str, str]]:
    return [(s.ref, s.title) for s in draft.sections]


# --------------------------------------------------------------------------- docling


def test_a_section_row_repeated_across_every_column_by_docling_is_one_section() -> None:
    draft = _import(_docling(page_break_after=len(PLAN)))
    assert _sections(draft) == SECTIONS
    assert _read(draft) == EXPECTED


def test_a_docling_table_continued_after_a_page_break_without_its_header_keeps_its_columns() -> None:
    # the page breaks before section 2: docling writes its repeated title as the new table's header
    draft = _import(_docling(page_break_after=5))
    assert _sections(draft) == SECTIONS
    assert _read(draft) == EXPECTED


def test_a_docling_table_continued_with_its_header_repeated_is_one_table() -> None:
    draft = _import(_docling(page_break_after=3, repeat_header=True))
    assert _sections(draft) == SECTIONS
    assert _read(draft) == EXPECTED


# --------------------------------------------------------------------------- markitdown


def test_nan_cells_of_a_sheet_converted_by_markitdown_are_empty() -> None:
    draft = _import(_markitdown_sheet())
    assert _sections(draft) == SECTIONS
    assert _read(draft) == EXPECTED
    assert not any("NaN" in (a.text, a.progress) for a in draft.actions)


def test_a_column_pandas_left_unnamed_is_not_read_as_a_header_word() -> None:
    # a sheet with a title row: pandas takes it as the header and names the other columns 'Unnamed: n'
    title = ["Neglect action plan 2024-25", *(f"Unnamed: {n}" for n in range(1, 6))]
    rows = [[c or "NaN" for c in _cells(row, merged="NaN")] for row in PLAN]
    draft = _import("## Sheet1\n" + _pipe([title, HEADER, *rows]) + "\n")
    assert _read(draft) == EXPECTED
    assert draft.plan.title == "Neglect action plan 2024-25"


# --------------------------------------------------------------------------- pandoc


def test_a_pandoc_grid_table_with_escaped_section_numbers_gives_its_sections() -> None:
    draft = _import(_pandoc_grid())
    assert _sections(draft) == SECTIONS
    assert _read(draft) == EXPECTED


def test_a_pandoc_multiline_table_is_read_row_by_row_without_its_closing_rule() -> None:
    draft = _import(_pandoc_multiline())
    assert _sections(draft) == SECTIONS
    assert _read(draft) == EXPECTED


def test_pandoc_plain_text_headings_above_its_tables_are_sections() -> None:
    draft = _import(_pandoc_multiline(markdown=False), name="plan.txt")
    assert _sections(draft) == SECTIONS
    assert _read(draft) == EXPECTED


def test_a_short_pandoc_simple_table_is_read() -> None:
    draft = _import(
        "# Neglect action plan\n\n"
        "  Ref   Action                                   Lead officer        Target date    RAG\n"
        "  ----- ---------------------------------------- ------------------- -------------- -----\n"
        "  1.1   Refresh the neglect strategy             Business Manager    March 2024     G\n"
        "  1.2   Audit strategy discussions               Head of Service     June 2024      A\n"
        "  1.3   Report exploitation data                 DCI Holt            Q2 2024/25     R\n"
        "\n"
        "Table: Actions agreed by the executive\n"
    )
    assert [(a.ref, a.text, a.owner, a.rag) for a in draft.actions] == [
        ("1.1", "Refresh the neglect strategy", "Business Manager", "green"),
        ("1.2", "Audit strategy discussions", "Head of Service", "amber"),
        ("1.3", "Report exploitation data", "DCI Holt", "red"),
    ]


# --------------------------------------------------------------------------- Word / LibreOffice text


def test_a_word_table_converted_to_text_one_cell_per_line_is_read() -> None:
    draft = _import(_one_cell_per_line(), name="plan.txt")
    assert _sections(draft) == SECTIONS
    assert _read(draft) == EXPECTED


def test_a_row_merged_across_a_table_converted_to_text_with_tabs_is_a_section() -> None:
    draft = _import(_tab_separated(), name="plan.txt")
    assert _sections(draft) == SECTIONS
    assert _read(draft) == EXPECTED


# --------------------------------------------------------------------------- Word HTML


def test_a_status_shown_only_by_the_shading_of_a_word_web_page_cell_is_read() -> None:
    draft = _import(_word_html(status_words=False), name="plan.htm")
    assert [a.rag for a in draft.actions] == [
        "green",
        "amber",
        "red",
        "complete",
        "complete",
        "green",
        "amber",
    ]


# --------------------------------------------------------------------------- whole plans, scored


def _gold() -> dict[str, Any]:
    due = {"31 March 2024": "2024-03-31", "June 2024": "2024-06-30", "Q2 2024/25": "2024-09-30",
           "30/09/2024": "2024-09-30", "December 2024": "2024-12-31", "End of January 2025": "2025-01-31"}  # fmt: skip
    return {
        "sections": [{"ref": ref, "title": title, "parent": None} for ref, title in SECTIONS],
        "actions": [
            {"ref": ref, "section": section, "text": text, "owner": owner, "due_text": row[3], "due": due[row[3]],
             "rag": rag, "progress": progress}
            for (ref, section, text, owner, rag, progress), row in zip(EXPECTED, ACTIONS, strict=True)
        ],
    }  # fmt: skip


def _assert_scores(scorer: ModuleType, draft: PlanDraft) -> None:
    result = scorer.score(draft.to_dict(), _gold())
    assert result["f1"] >= 0.95, result
    for name, value in result["fields"].items():
        assert value >= 0.9, (name, result)


def test_a_docling_plan_over_two_pages_scores_against_its_gold(scorer: ModuleType) -> None:
    _assert_scores(scorer, _import(_docling(page_break_after=5)))


def test_a_markitdown_sheet_scores_against_its_gold(scorer: ModuleType) -> None:
    _assert_scores(scorer, _import(_markitdown_sheet()))


def test_a_pandoc_plain_text_plan_scores_against_its_gold(scorer: ModuleType) -> None:
    _assert_scores(scorer, _import(_pandoc_multiline(markdown=False), name="plan.txt"))


def test_a_word_web_page_shaded_by_status_scores_against_its_gold(scorer: ModuleType) -> None:
    draft = _import(_word_html(status_words=False), name="plan.htm")
    _assert_scores(scorer, draft)
    assert (
        draft.plan.title == "Neglect action plan 2024-25"
    )  # not Word's markup, nor its conditional comments
