"""The thirteenth blind round's general rules, each on a small document of its own: a Welsh board's
plan in two languages, a slide's table whose header alone is ruled, a note under a slide's table,
a column named as a question of success, calendar quarters written year first, and rows and
columns folded away in Excel's outline groups."""

from __future__ import annotations

import io

import pytest

from intake.importer.api import import_document
from intake.importer.layout import is_pointer
from intake.importer.normalise import parse_due, parse_rag
from intake.importer.synonyms import exact_header_field, header_field


def _docx(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _cell(cell, *lines: str) -> None:
    """A cell of one paragraph per line, as Word writes a name in two languages."""
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


@pytest.mark.parametrize(
    ("cell", "field"),
    [
        ("Cam gweithredu\nAction", "text"),
        ("Cyf.\nRef.", "ref"),
        ("Asiantaeth arweiniol a swyddog\nLead agency and officer", "owner"),
        ("Amserlen / Timescale", "due"),
        ("Statws RAG\nRAG status", "rag"),
    ],
)
def test_a_column_named_in_welsh_and_in_english_is_the_column_its_english_name_names(cell, field):
    assert header_field(cell) == field


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("Ambr / Amber", "amber"),
        ("Coch / Red", "red"),
        ("Gwyrdd / Green", "green"),
        ("Glas / Blue", "complete"),
    ],
)
def test_a_status_written_in_welsh_and_in_english_is_read(cell, status):
    assert parse_rag(cell) == (status, True)


def test_a_pointer_in_two_languages_is_a_pointer_but_an_action_naming_a_slash_is_not():
    assert is_pointer("Gweler cam 2.3 / See action 2.3")
    assert not is_pointer("Agree the protocol with GP cluster leads / practice managers")


def test_a_welsh_boards_plan_with_headings_and_statuses_in_two_languages_imports_in_english():
    def build(document) -> None:
        table = document.add_table(rows=0, cols=4)
        header = table.add_row().cells
        for cell, (welsh, english) in zip(
            header,
            [("Cyf.", "Ref."), ("Cam gweithredu", "Action"), ("Arweinydd", "Lead"), ("Statws", "RAG status")],
            strict=True,
        ):
            _cell(cell, welsh, english)
        heading = table.add_row().cells
        merged = heading[0].merge(heading[3])
        _cell(merged, "Pwynt Dysgu 1: Rhannu gwybodaeth", "Learning Point 1: Information sharing")
        for ref, text, status in (
            ("1.1", "Agree a protocol for the transfer of new birth information.", "Ambr / Amber"),
            ("1.2", "Audit forty new birth visits.", "Glas / Blue"),
            ("1.3", "Gweler cam 1.1 / See action 1.1", ""),
        ):
            row = table.add_row().cells
            for cell, value in zip(row, (ref, text, "Head of Midwifery", status), strict=True):
                cell.text = value

    draft = import_document(_docx(build), "cpr.docx")

    assert [(s.ref, s.title) for s in draft.sections] == [("1", "Information sharing")]
    assert [(a.ref, a.section, a.rag) for a in draft.actions] == [
        ("1.1", "1", "amber"),
        ("1.2", "1", "complete"),
    ]


def test_a_slides_table_whose_header_alone_is_ruled_is_read_from_the_text_below_it():
    """A PowerPoint slide printed to PDF: a shaded header row with borders, the rows without."""
    weasyprint = pytest.importorskip("weasyprint")
    rows = "".join(
        f"<tr><td>1.{n}</td><td>Action number {n} of the slide's priority</td><td>Service manager {n}</td>"
        f"<td>March 2025</td><td>{'GAR'[n % 3]}</td></tr>"
        for n in range(1, 5)
    )
    html = (
        "<style>@page { size: 297mm 167mm; } th { border: 1px solid #000; background: #ddd; padding: 4px 24px 4px 4px; }"
        " td { padding: 6px 24px 6px 4px; } table { border-collapse: collapse; }</style>"
        "<h1>Priority 1: Spotting exploitation early</h1>"
        "<table><thead><tr><th>#</th><th>What we will do</th><th>Lead</th><th>When</th><th>RAG</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    draft = import_document(weasyprint.HTML(string=html).write_pdf(), "slides.pdf")

    assert [(a.ref, a.rag) for a in draft.actions] == [
        ("1.1", "amber"),
        ("1.2", "red"),
        ("1.3", "green"),
        ("1.4", "amber"),
    ]
    assert draft.actions[0].owner == "Service manager 1"


def test_a_note_set_in_a_little_under_a_slides_table_is_not_read_into_its_last_row():
    header = f"{'#':<6}{'What we will do':<46}{'Lead':<24}{'When':<12}RAG"
    lines = [
        "Priority 1: Spotting exploitation early",
        "",
        header,
        "",
        f"{'1.1':<6}{'Roll out the screening tool to Early Help':<46}{'Service Manager':<24}{'Sept 24':<12}G",
        "",
        f"{'1.2':<6}{'Audit twenty Early Help assessments':<46}{'Head of QA':<24}{'Mar 25':<12}R",
        "",
        "",
        "   What's different for children: 412 exploitation screenings completed by Early Help and schools "
        "since September (none before).",
    ]
    draft = import_document("\n".join(lines).encode(), "slides.txt")

    last = draft.actions[-1]
    assert (last.ref, last.text, last.owner) == ("1.2", "Audit twenty Early Help assessments", "Head of QA")


def test_a_column_named_how_we_will_know_it_has_worked_is_the_outcome_sought():
    assert exact_header_field("How we will know it has worked") == "outcome"
    assert exact_header_field("How will we know it is working") == "outcome"


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2025-Q1", "2025-03-31"),
        ("2024-Q4", "2024-12-31"),
        ("2025Q2", "2025-06-30"),
        ("Q1 2025/26", "2025-06-30"),
    ],
)
def test_a_quarter_written_year_first_is_a_calendar_quarter_and_one_written_after_a_financial_one(
    written, day
):
    assert str(parse_due(written)) == day


def test_rows_and_columns_folded_away_in_excels_outline_groups_are_read_but_rows_hidden_by_hand_are_not():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Lead", "Q1 update", "Q2 update", "RAG"])
    sheet.append(
        [
            "1.1",
            "Refresh the neglect strategy.",
            "Head of Early Help",
            "Drafted.",
            "Agreed by the board.",
            "G",
        ]
    )
    sheet.append(
        [
            "1.2",
            "Train 200 practitioners in the Graded Care Profile.",
            "Workforce lead",
            "80 trained.",
            "",
            "A",
        ]
    )
    sheet.append(["1.3", "An action withdrawn by the board.", "Nobody", "", "", "R"])
    for row in (2, 3):  # a strand's rows folded away under Data > Group
        sheet.row_dimensions[row].outlineLevel = 1
        sheet.row_dimensions[row].hidden = True
    sheet.row_dimensions[4].hidden = True  # hidden by hand: withdrawn
    sheet.column_dimensions.group("D", "D", hidden=True, outline_level=1)  # an earlier quarter folded
    out = io.BytesIO()
    book.save(out)

    draft = import_document(out.getvalue(), "tracker.xlsx")

    assert [a.ref for a in draft.actions] == ["1.1", "1.2"]
    assert draft.actions[1].progress and "80 trained" in draft.actions[1].progress
