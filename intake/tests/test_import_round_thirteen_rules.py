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
from intake.tests.test_import_round_ten_rules import _docx


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


def _xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_microsoft_forms_responses_read_as_a_log_whose_latest_response_per_action_stands():
    """A row per owner's update, the action picked from a drop-down; the respondent's own columns
    (ID, times, email, name) are not the plan's; 'Other / not listed' is no action."""
    header = [
        "ID", "Start time", "Completion time", "Email", "Name", "Which learning theme does your update relate to?",
        "Which action are you updating?", "Action lead", "Target date", "Progress update", "RAG rating",
    ]  # fmt: skip
    rows = [
        header,
        [1, "2024-10-02 09:29", "2024-10-02 09:41", "a@x.org", "Fiona Ashworth", "Theme 1 – Voice",
         "1.1 – Use communication tools with non-verbal children.", "Head of Service", "Dec 24",
         "Kits bought.", "Green – on track"],
        [2, "2024-10-03 10:00", "2024-10-03 10:05", "b@x.org", "Claire Penhallow", "Theme 2 – Curiosity",
         "2.1 – Record who lives in the household.", "Head of 0-19", "Sept 24", "Template drafted.", "Amber"],
        [3, "2025-01-20 11:00", "2025-01-20 11:10", "a@x.org", "Fiona Ashworth", "Theme 1 – Voice",
         "1.1 – Use communication tools with non-verbal children.", "Head of Service", "TBC",
         "Guidance signed off; audit booked.", "Red – not on track"],
        [4, "2025-01-21 09:00", "2025-01-21 09:03", "c@x.org", "Someone", "Theme 1 – Voice",
         "Other / not listed", "", "Mar 25", "Not sure which action.", "Green"],
    ]  # fmt: skip
    draft = import_document(_xlsx(rows), "responses.xlsx")

    by_ref = {a.ref: a for a in draft.actions}
    assert sorted(by_ref) == ["1.1", "2.1"]
    latest = by_ref["1.1"]
    assert (latest.rag, latest.progress, latest.due_text, latest.due) == (
        "red",
        "Guidance signed off; audit booked.",
        "TBC",
        None,  # its own words name no date: the earlier 'Dec 24' is not taken
    )
    assert latest.owner == "Head of Service" and latest.section == "1"


def test_clickups_export_reads_lists_as_areas_a_complete_status_and_the_latest_json_comment():
    header = ["Task ID", "Task Name", "Status", "Due Date", "Due Date Text", "Assignees", "List Name",
              "Folder Name", "Space Name", "Comments", "Action Ref (short text)", "RAG (drop down)"]  # fmt: skip
    comments = (
        '[{"text": "Drafted.", "by": "H O", "date": "2024-11-04 10:07"}, '
        '{"text": "Live from 16 December.", "by": "H O", "date": "2025-01-10 09:00"}]'
    )
    rows = [
        header,
        ["86c01", "Review the MASH screening tool.", "complete", "1734696000000", "Friday, December 20th 2024",
         "[Harriet Okonjo]", "Area for improvement 1 – The front door", "WSoA", "SCP", comments, "1.1", "Green"],
        ["86c02", "Audit return home interviews.", "in progress", "1743422400000", "Monday, March 31st 2025",
         "[Leon Achterberg]", "Area for improvement 2 – Missing", "WSoA", "SCP", "[]", "2.1", "Amber"],
    ]  # fmt: skip
    out = io.StringIO()
    import csv

    csv.writer(out).writerows(rows)
    draft = import_document(out.getvalue().encode(), "clickup.csv")

    first, second = draft.actions
    assert (first.ref, first.section, first.rag, first.due) == (
        "1.1",
        "1",
        "complete",
        parse_due("20/12/2024"),
    )
    assert first.progress == "Live from 16 December."
    assert (second.ref, second.section, second.rag) == ("2.1", "2", "amber")


def test_statuses_keyed_as_symbols_on_one_line_read_cells_holding_the_symbols():
    rows = [
        ["Key:  ✔ Complete – impact evidenced     ● On track     ▲ Some slippage     ✖ Off track – escalate"],
        [],
        ["Ref", "Action", "Lead", "Status"],
        ["1.1", "Revise the supervision policy.", "Principal Social Worker", "●"],
        ["1.2", "Audit supervision records.", "Head of QA", "▲"],
        ["1.3", "Train team managers.", "Workforce lead", "✖"],
        ["1.4", "Publish the policy.", "Business manager", "✔"],
    ]
    draft = import_document(_xlsx(rows), "tracker.xlsx")

    assert [a.rag for a in draft.actions] == ["green", "amber", "red", "complete"]


def test_excels_subtotal_rows_are_figures_not_sections():
    rows = [
        ["Strand", "Ref", "Action", "Lead", "RAG"],
        ["Health", "HE1", "Refresh the was-not-brought guidance.", "Designated Nurse", "G"],
        ["Health", "HE2", "Audit health visiting records.", "Head of 0-19", "A"],
        ["Health Count", 2, None, None, None],
        ["Education", "ED1", "Train designated safeguarding leads.", "Head of Inclusion", "R"],
        ["Education Count", 1, None, None, None],
        ["Grand Count", 3, None, None, None],
    ]
    draft = import_document(_xlsx(rows), "subtotals.xlsx")

    assert [s.ref for s in draft.sections] == ["Health", "Education"]
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("HE1", "Health"),
        ("HE2", "Health"),
        ("ED1", "Education"),
    ]
