"""Trackers as a partnership business manager keeps them, in layouts the other tests do not cover:
BRAG statuses, a column per update round, Excel's hidden rows, columns and sheets, a key sheet and a
total row, dates typed as Excel serial numbers, Word tables continued over pages with struck-through
wording and tables nested in cells, numbered ratings with a key. Each document is built here."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from intake.drafts import draft_from_json, draft_to_json
from intake.importer.api import import_document
from intake.importer.model import PlanDraft
from intake.importer.normalise import parse_due, parse_rag


def _xlsx(tmp_path: Path, build: Callable[[Any], None], name: str = "tracker.xlsx") -> PlanDraft:
    import openpyxl

    book = openpyxl.Workbook()
    build(book)
    path = tmp_path / name
    book.save(path)
    return import_document(path)


def _docx(tmp_path: Path, build: Callable[[Any], None], name: str = "plan.docx") -> PlanDraft:
    import docx

    document = docx.Document()
    build(document)
    path = tmp_path / name
    document.save(str(path))
    return import_document(path)


def _csv(tmp_path: Path, rows: list[list[str]], name: str = "tracker.csv") -> PlanDraft:
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return import_document(path)


def _word_rows(document: Any, rows: list[list[Any]]) -> Any:
    """A Word table; a cell given as a list is a paragraph followed by bullet paragraphs."""
    return _fill(document.add_table(rows=0, cols=len(rows[0])), rows)


def _fill(table: Any, rows: list[list[Any]]) -> Any:
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            if isinstance(value, list):
                cell.text = value[0]
                for bullet in value[1:]:
                    cell.add_paragraph(bullet, style="List Bullet")
            else:
                cell.text = value
    return table


HEADER = ["Ref", "Action", "Lead", "Due date", "BRAG", "Progress"]


# --------------------------------------------------------------------------- Excel sheets


def test_a_key_sheet_after_the_actions_is_not_read_into_the_last_action(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(HEADER)
        sheet.append(
            ["1", "Refresh the neglect toolkit", "Head of Early Help", "March 2024", "B", "Launched"]
        )
        sheet.append(["2", "Audit neglect referrals", "QA Lead", "June 2024", "G", "Scoped"])
        key = book.create_sheet("Key")
        key.append(["BRAG key"])
        key.append(["Blue", "Complete and embedded"])
        key.append(["Red", "Off track, needs the board's help"])
        key.append(["Amber", "Some slippage, being managed"])
        key.append(["Green", "On track"])

    draft = _xlsx(tmp_path, build)
    assert [(a.ref, a.progress) for a in draft.actions] == [("1", "Launched"), ("2", "Scoped")]
    assert {s.key: s.definition for s in draft.rag_scheme}["complete"] == "Complete and embedded"


def test_a_total_row_under_the_actions_is_not_read_into_the_last_action(tmp_path: Path) -> None:
    draft = _csv(
        tmp_path,
        [
            HEADER,
            ["1", "Refresh the neglect toolkit", "Head of Early Help", "March 2024", "B", "Launched"],
            ["2", "Audit neglect referrals", "QA Lead", "June 2024", "G", "Scoped"],
            ["Total", "", "", "", "2", ""],
        ],
    )
    assert [(a.ref, a.progress, a.rag) for a in draft.actions] == [
        ("1", "Launched", "complete"),
        ("2", "Scoped", "green"),
    ]


def test_a_row_hidden_by_hand_is_not_imported_and_is_named_in_a_warning(tmp_path: Path) -> None:
    # hidden rows are usually removed or archived actions; rows hidden only by a filter are a view
    # of the plan (the user filtered to their agency), so they are still imported
    def build(book: Any) -> None:
        sheet = book.active
        sheet.title = "Tracker"
        sheet.append(HEADER)
        sheet.append(["1", "Refresh the neglect toolkit", "Head of Early Help", "March 2024", "B", ""])
        sheet.append(["2", "Old action: set up a task group", "Chair", "December 2023", "B", ""])
        sheet.append(["3", "Audit neglect referrals", "QA Lead", "June 2024", "G", ""])
        sheet.row_dimensions[3].hidden = True
        filtered = book.create_sheet("Police")
        filtered.append(HEADER)
        filtered.append(["P1", "Brief response officers on neglect", "DCI Brown", "May 2024", "G", ""])
        filtered.append(["P2", "Add neglect to the vulnerability tool", "DI Green", "July 2024", "A", ""])
        filtered.auto_filter.ref = "A1:F3"
        filtered.auto_filter.add_filter_column(4, ["G"])
        filtered.row_dimensions[3].hidden = True

    draft = _xlsx(tmp_path, build)
    assert [a.ref for a in draft.actions] == ["1", "3", "P1", "P2"]
    assert any("hidden row (3) of sheet 'Tracker'" in w.message for w in draft.warnings)


def test_a_hidden_column_is_not_read(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.append([*HEADER, "Progress (previous wording)"])
        sheet.append(
            ["1", "Refresh the neglect toolkit", "Head of Early Help", "March 2024", "B", "Launched", "Draft"]
        )
        sheet.column_dimensions["G"].hidden = True

    draft = _xlsx(tmp_path, build)
    assert draft.actions[0].progress == "Launched"


def test_a_hidden_sheet_of_archived_actions_is_not_read(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.title = "Current"
        sheet.append(HEADER)
        sheet.append(["1", "Refresh the neglect toolkit", "Head of Early Help", "March 2024", "G", ""])
        archive = book.create_sheet("Archive 2022-23")
        archive.append(HEADER)
        archive.append(["0.1", "Closed action from the last plan", "Chair", "March 2023", "B", ""])
        archive.sheet_state = "hidden"

    draft = _xlsx(tmp_path, build)
    assert [a.ref for a in draft.actions] == ["1"]


def test_a_due_cell_that_names_no_date_stays_in_the_due_column_of_a_sheet(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(["Ref", "Action", "Lead", "Due date", "RAG Jan 2024", "Update Jan 2024", "RAG Mar 2024"])
        sheet.append(["1", "Set up the neglect task group", "Chair", "Immediate", "Complete"])
        sheet.append(["2", "Refresh the threshold document", "Head of MASH", "Complete", "B"])

    draft = _xlsx(tmp_path, build)
    assert [(a.due_text, a.rag, a.progress) for a in draft.actions] == [
        ("Immediate", "complete", None),
        ("Complete", "complete", None),
    ]


def test_a_not_yet_due_status_stays_in_the_status_column_without_a_colour_or_a_warning(
    tmp_path: Path,
) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(HEADER)
        sheet.append(["1", "Audit neglect referrals", "QA Lead", "September 2024", "Not yet due", ""])

    draft = _xlsx(tmp_path, build)
    assert (draft.actions[0].rag, draft.actions[0].progress) == (None, None)
    assert not any("status" in w.message for w in draft.warnings)


def test_the_latest_dated_update_column_with_text_is_the_progress_and_gives_its_date(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(
            [
                "Ref",
                "Action",
                "Lead",
                "Target date",
                "Update Jan 2024",
                "Update Mar 2024",
                "Progress at 31/05/24",
            ]
        )
        sheet.append(
            ["A1", "Agree the neglect pathway", "Head of Early Help", "March-24", "Drafted", "Agreed", ""]
        )
        sheet.append(
            [
                "A2",
                "Launch the graded care profile",
                "GCP Lead",
                "Sept 24",
                "Not started",
                "",
                "Licences bought",
            ]
        )
        sheet.append(["A3", "Audit the graded care profile", "QA Lead", "31.03.2025", "Scoped", "", ""])

    draft = _xlsx(tmp_path, build)
    assert [(a.progress, a.progress_date) for a in draft.actions] == [
        ("Agreed", dt.date(2024, 3, 31)),
        ("Licences bought", dt.date(2024, 5, 31)),
        ("Scoped", dt.date(2024, 1, 31)),
    ]
    assert [a.due for a in draft.actions] == [
        dt.date(2024, 3, 31),
        dt.date(2024, 9, 30),
        dt.date(2025, 3, 31),
    ]
    # the draft waits in the database between preview and confirm: the date comes back as a date
    assert draft_from_json(draft_to_json(draft)).actions[0].progress_date == dt.date(2024, 3, 31)
    # the rounds before the latest are kept, each with its date
    assert [[(u.date, u.progress) for u in a.earlier_updates] for a in draft.actions] == [
        [(dt.date(2024, 1, 31), "Drafted")],
        [(dt.date(2024, 1, 31), "Not started")],
        [],
    ]
    again = draft_from_json(draft_to_json(draft)).actions[1].earlier_updates
    assert [(u.date, u.progress, u.rag) for u in again] == [(dt.date(2024, 1, 31), "Not started", None)]


def test_each_earlier_update_round_keeps_its_own_status(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        header = [
            "Ref",
            "Action",
            "Lead",
            "Due",
            "RAG Jan 2024",
            "Update Jan 2024",
            "RAG Mar 2024",
            "Update Mar 2024",
        ]
        sheet.append(header)
        sheet.append(
            ["1", "Agree the neglect pathway", "Chair", "June 2024", "R", "Not started", "A", "Drafted"]
        )
        sheet.append(["2", "Audit referrals", "QA Lead", "June 2024", "G", "", "G", "Audit done"])

    draft = _xlsx(tmp_path, build)
    assert [(a.rag, a.progress, a.progress_date) for a in draft.actions] == [
        ("amber", "Drafted", dt.date(2024, 3, 31)),
        ("green", "Audit done", dt.date(2024, 3, 31)),
    ]
    assert [[(u.date, u.progress, u.rag) for u in a.earlier_updates] for a in draft.actions] == [
        [(dt.date(2024, 1, 31), "Not started", "red")],
        [(dt.date(2024, 1, 31), None, "green")],
    ]


def test_update_rounds_named_without_a_date_give_only_the_latest(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(["Ref", "Action", "Lead", "Due", "Update 1", "Update 2"])
        sheet.append(["1", "Agree the neglect pathway", "Chair", "June 2024", "Not started", "Drafted"])

    [action] = _xlsx(tmp_path, build).actions
    assert (action.progress, action.earlier_updates) == ("Drafted", [])


def test_update_rounds_dated_under_a_merged_progress_header_give_the_latest_progress(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(["Ref", "Action", "Owner", "Due", "Progress update", "", "", "RAG"])
        sheet.merge_cells("E1:G1")
        sheet.append(["", "", "", "", "Jan 2024", "Mar 2024", "Jun 2024", ""])
        sheet.append(
            ["1", "Audit strategy discussions", "MASH Manager", "June 2024", "Scoped", "Audit done", "", "G"]
        )
        sheet.append(
            [
                "2",
                "Review the escalation protocol",
                "Business Manager",
                "Sept 2024",
                "Not started",
                "",
                "",
                "R",
            ]
        )

    draft = _xlsx(tmp_path, build)
    assert [(a.ref, a.progress, a.progress_date, a.rag) for a in draft.actions] == [
        ("1", "Audit done", dt.date(2024, 3, 31), "green"),
        ("2", "Not started", dt.date(2024, 1, 31), "red"),
    ]


def test_status_columns_named_by_their_quarter_first_give_the_latest_status(tmp_path: Path) -> None:
    draft = _csv(
        tmp_path,
        [
            ["Ref", "Action", "Lead", "Due", "Q1 RAG", "Q2 RAG", "Q3 RAG", "Q1 update", "Q2 update"],
            [
                "1",
                "Audit strategy discussions",
                "MASH Manager",
                "March 2025",
                "A",
                "G",
                "",
                "Planned",
                "Done",
            ],
            [
                "2",
                "Review the escalation protocol",
                "Business Manager",
                "March 2025",
                "R",
                "",
                "",
                "Late",
                "",
            ],
        ],
    )
    assert [(a.rag, a.progress, a.progress_date) for a in draft.actions] == [
        ("green", "Done", None),
        ("red", "Late", None),
    ]


def test_an_excel_serial_number_in_a_text_due_column_is_read_as_its_date(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(HEADER)
        sheet.append(["1", "Audit neglect referrals", "QA Lead", "45565", "G", ""])

    draft = _xlsx(tmp_path, build)
    assert draft.actions[0].due == dt.date(2024, 9, 30)
    assert not any("No date" in w.message for w in draft.warnings)


# --------------------------------------------------------------------------- Word tables


def test_struck_through_wording_in_a_word_cell_is_left_out(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        table = _word_rows(
            document, [HEADER, ["1", "Write to schools", "Head of Education", "May 2024", "G", ""]]
        )
        paragraph = table.rows[1].cells[1].paragraphs[0]
        paragraph.add_run(" and colleges").font.strike = True
        paragraph.add_run(" about attendance")

    draft = _docx(tmp_path, build)
    assert draft.actions[0].text == "Write to schools about attendance"


def test_a_table_nested_in_a_word_cell_keeps_its_text_in_that_cell(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        table = _word_rows(
            document, [HEADER, ["1", "Write to schools", "Head of Education", "May 2024", "G", "Sent."]]
        )
        log = table.rows[1].cells[5].add_table(rows=2, cols=2)
        log.cell(0, 0).text, log.cell(0, 1).text = "Jan 24", "Letters drafted."
        log.cell(1, 0).text, log.cell(1, 1).text = "Mar 24", "Replies logged."

    draft = _docx(tmp_path, build)
    assert [(a.ref, a.progress) for a in draft.actions] == [
        ("1", "Sent. Jan 24 Letters drafted. Mar 24 Replies logged.")
    ]


def test_a_what_difference_will_it_make_column_is_the_outcome(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        _word_rows(
            document,
            [
                ["Ref", "Action", "Lead", "What difference will it make?", "Timescale", "RAG"],
                [
                    "1",
                    "Train GPs in professional curiosity",
                    "Named GP",
                    "GPs ask about the household",
                    "June 2024",
                    "G",
                ],
            ],
        )

    draft = _docx(tmp_path, build)
    assert draft.actions[0].outcome == "GPs ask about the household"


# --------------------------------------------------------------------------- due texts and statuses


def test_week_commencing_is_due_at_the_end_of_that_week() -> None:
    assert parse_due("w/c 4 March 2024") == dt.date(2024, 3, 10)
    assert parse_due("Week commencing 04/03/2024") == dt.date(2024, 3, 10)
    assert parse_due("w/c March 2024") == dt.date(2024, 3, 31)  # a month, not a day: its end


def test_a_financial_year_named_as_a_deadline_is_due_at_its_end() -> None:
    assert parse_due("By end of 2024/25") == dt.date(2025, 3, 31)
    assert parse_due("During 2024-25") == dt.date(2025, 3, 31)
    assert parse_due("2024-25") == dt.date(2025, 3, 31)  # alone in the due cell too (test_import_normalise)


def test_a_numbered_rating_is_coloured_by_the_plans_key(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        sheet = book.active
        sheet.append(
            [
                "Progress rating key: 1 = Not started / off track (Red); 2 = Started, some slippage (Amber); "
                "3 = On track (Green); 4 = Complete (Blue)"
            ]
        )
        sheet.append(["No.", "Action", "Owner", "Due", "Rating (1-4)"])
        for n, rating in enumerate(["3", "1", "4", "2"], start=1):
            sheet.append([str(n), f"Deliver part {n} of the plan", "Business Manager", "Q4 2024/25", rating])

    draft = _xlsx(tmp_path, build)
    assert [a.rag for a in draft.actions] == ["green", "red", "complete", "amber"]
    assert not any("Unknown status" in w.message for w in draft.warnings)
    assert draft.plan.title is None  # the key is not the plan's title


def test_a_percentage_complete_of_100_is_complete_and_a_lower_one_has_no_colour() -> None:
    assert parse_rag("100%") == ("complete", True)
    assert parse_rag("60 %") == (None, True)


# --------------------------------------------------------------------------- whole plans, scored


def _gold_action(
    ref: str | None, section: str, text: str, owner: str, due: str | None, rag: str | None
) -> dict[str, Any]:
    return {"ref": ref, "section": section, "text": text, "owner": owner, "due": due, "rag": rag}


def _assert_scores(scorer: ModuleType, draft: PlanDraft, gold: dict[str, Any]) -> None:
    result = scorer.score(draft.to_dict(), gold)
    assert result["f1"] >= 0.95, result
    for name, value in result["fields"].items():
        assert value >= 0.9, (name, result)


def test_a_brag_tracker_workbook_scores_against_its_gold(tmp_path: Path, scorer: ModuleType) -> None:
    """A tracker as kept in Excel: a title row merged across, an autofilter header with frozen panes,
    a blank spacer column, section rows merged across the sheet, dates as date cells and as serial
    numbers, BRAG statuses, a column per update round, two archived rows hidden, a total row and a
    key on its own sheet."""

    def build(book: Any) -> None:
        sheet = book.active
        sheet.title = "Action tracker"
        sheet.append(["Hillshire Safeguarding Children Partnership – neglect strategy tracker 2024-25"])
        sheet.merge_cells("A1:I1")
        sheet.append(["Last updated: 31 March 2024"])
        sheet.append([])
        sheet.append(
            ["Ref", "Action", "", "Lead", "Agency", "Due date", "BRAG", "Update Jan 2024", "Update Mar 2024"]
        )
        sheet.auto_filter.ref = "A4:I20"
        sheet.freeze_panes = "A5"
        rows: list[list[Any]] = [
            ["1. Early identification of neglect"],
            ["1.1", "Refresh the multi-agency neglect toolkit", "", "Head of Early Help", "Children's Services",
             dt.datetime(2024, 3, 31), "Blue", "Draft out to consultation", "Toolkit launched at the conference"],
            ["1.2", "Train practitioners in using the graded care profile", "", "Learning and Development Manager",
             "SCP", "45565", "G", "Twelve sessions booked", ""],
            ["1.3", "Audit the quality of neglect referrals to the front door", "", "MASH Manager / QA Lead",
             "Children's Services and Police", "w/c 2 September 2024", "Not yet due", "", ""],
            ["1.4", "Old action: set up a neglect task and finish group", "", "Chair", "SCP",
             dt.datetime(2023, 12, 31), "B", "", ""],
            ["2. Voice of the child"],
            ["2.1", "Develop a voice of the child practice standard", "", "Principal Social Worker",
             "Children's Services", "Ongoing", "A", "Standard drafted", "Consultation with young people"],
            ["2.2", "Publish the practice standard on the partnership website", "", "Business Manager", "SCP",
             "Immediate", "Complete", "", "Published"],
            ["2.3", "Review the standard with the young people's forum", "", "Participation Lead and Principal Social Worker",
             "Children's Services", "31.03.2025", "R", "Forum meeting cancelled", ""],
            ["2.4", "Superseded: survey every practitioner", "", "Business Manager", "SCP", "June 2024", "A", "", ""],
            ["3. Neglect in adolescence"],
            ["3.1", "Add neglect to the adolescent risk assessment", "", "Head of Adolescent Services",
             "Children's Services", "By end of Q3", "A", "", "Draft tool tested"],
            ["3.2", "Brief designated safeguarding leads in schools on adolescent neglect", "", "Education Safeguarding Lead",
             "Education", "Sept 24", "G", "Briefing written", ""],
            ["Total", "", "", "", "", "", "8"],
        ]  # fmt: skip
        for row in rows:
            sheet.append(row)
            if len(row) == 1:
                sheet.merge_cells(
                    start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=9
                )
        for hidden in (9, 14):  # 1.4 and 2.4, archived
            sheet.row_dimensions[hidden].hidden = True
        key = book.create_sheet("Key")
        key.append(["BRAG key"])
        key.append(["Blue", "Complete and embedded"])
        key.append(["Red", "Off track, needs the board's help"])
        key.append(["Amber", "Some slippage, being managed"])
        key.append(["Green", "On track"])

    draft = _xlsx(tmp_path, build)
    gold = {
        "sections": [
            {"ref": "1", "title": "Early identification of neglect", "parent": None},
            {"ref": "2", "title": "Voice of the child", "parent": None},
            {"ref": "3", "title": "Neglect in adolescence", "parent": None},
        ],
        "actions": [
            _gold_action("1.1", "1", "Refresh the multi-agency neglect toolkit", "Head of Early Help",
                         "2024-03-31", "complete"),
            _gold_action("1.2", "1", "Train practitioners in using the graded care profile",
                         "Learning and Development Manager", "2024-09-30", "green"),
            _gold_action("1.3", "1", "Audit the quality of neglect referrals to the front door",
                         "MASH Manager / QA Lead", "2024-09-08", None),
            _gold_action("2.1", "2", "Develop a voice of the child practice standard", "Principal Social Worker",
                         None, "amber"),
            _gold_action("2.2", "2", "Publish the practice standard on the partnership website", "Business Manager",
                         None, "complete"),
            _gold_action("2.3", "2", "Review the standard with the young people's forum",
                         "Participation Lead and Principal Social Worker", "2025-03-31", "red"),
            _gold_action("3.1", "3", "Add neglect to the adolescent risk assessment", "Head of Adolescent Services",
                         None, "amber"),
            _gold_action("3.2", "3", "Brief designated safeguarding leads in schools on adolescent neglect",
                         "Education Safeguarding Lead", "2024-09-30", "green"),
        ],
    }  # fmt: skip
    _assert_scores(scorer, draft, gold)
    by_ref = {a.ref: a for a in draft.actions}
    assert (by_ref["1.1"].progress, by_ref["1.1"].progress_date) == (
        "Toolkit launched at the conference",
        dt.date(2024, 3, 31),
    )
    assert by_ref["2.3"].progress == "Forum meeting cancelled"
    assert by_ref["3.2"].progress == "Briefing written"  # not the total row or the key
    assert by_ref["1.1"].agency == "Children's Services"
    assert any("2 hidden rows (9, 14)" in w.message for w in draft.warnings)
    assert draft.plan.as_at == dt.date(2024, 3, 31)


def test_a_cspr_plan_split_over_word_tables_scores_against_its_gold(
    tmp_path: Path, scorer: ModuleType
) -> None:
    """A practice review plan in Word: a numbered rating with its key above, the rating first and the
    reference after the action, lead and agency apart, a 'What difference will it make?' column, the
    table continued over three pages (the header repeated on the third only), learning points as rows
    merged across, bullets in a cell, struck-through wording and a dated log nested in a cell."""
    header = [
        "Rating",
        "Action",
        "Ref",
        "Lead",
        "Agency",
        "What difference will it make?",
        "Timescale",
        "Progress",
    ]

    def section_row(table: Any, title: str) -> None:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[-1])
        merged.text = title

    def build(document: Any) -> None:
        document.add_heading(
            "Child Safeguarding Practice Review: Child R – multi-agency action plan", level=1
        )
        document.add_paragraph(
            "Progress rating key: 1 = Not started / off track (Red); 2 = Started, some slippage (Amber); "
            "3 = On track (Green); 4 = Complete (Blue)"
        )
        first = _word_rows(document, [header])
        section_row(first, "Learning point 1: Professional curiosity")
        rows: list[list[Any]] = [
            [
                "4",
                "Publish a seven minute briefing on professional curiosity",
                "1.1",
                "Business Manager",
                "SCP",
                "Practitioners know the learning",
                "March-24",
                "Published in February",
            ],
            [
                "3",
                ["Deliver training on:", "professional curiosity", "  asking about  the  household "],
                "1.2",
                "Learning and Development Manager / Named Nurse",
                "SCP and ICB",
                "Audits show curiosity",
                "31.03.2024",
                "Four sessions held",
            ],
        ]
        _fill(first, rows)
        document.add_page_break()
        second = _word_rows(
            document,
            [
                ["2", "Audit the use of the graded care profile in health visiting", "1.3", "Named Nurse", "ICB",
                 "Neglect is recognised earlier", "By end of Q3", "Audit tool agreed"],
                ["1", "Add professional curiosity to supervision templates", "1.4", "Principal Social Worker",
                 "Children's Services", "Supervision records show reflection", "Immediate", ""],
            ],
        )  # fmt: skip
        struck = second.rows[1].cells[1].paragraphs[0].add_run(" and appraisal forms")
        struck.font.strike = True
        section_row(second, "Learning point 2: Escalation")
        document.add_page_break()
        third = _word_rows(
            document,
            [
                header,
                ["3", "Relaunch the escalation policy", "2.1", "Business Manager", "SCP",
                 "Disagreements are resolved for children", "w/c 4 March 2024", "Launch booked"],
                ["4", "Record escalations on the case management system", "2.2", "Head of Service",
                 "Children's Services", "Escalations can be counted", "Complete", ""],
            ],
        )  # fmt: skip
        log = third.rows[2].cells[7].add_table(rows=1, cols=2)
        log.cell(0, 0).text, log.cell(0, 1).text = "Feb 24", "Field added."

    draft = _docx(tmp_path, build)
    gold = {
        "sections": [
            {"ref": "1", "title": "Professional curiosity", "parent": None},
            {"ref": "2", "title": "Escalation", "parent": None},
        ],
        "actions": [
            _gold_action("1.1", "1", "Publish a seven minute briefing on professional curiosity", "Business Manager",
                         "2024-03-31", "complete"),
            _gold_action("1.2", "1", "Deliver training on: professional curiosity asking about the household",
                         "Learning and Development Manager / Named Nurse", "2024-03-31", "green"),
            _gold_action("1.3", "1", "Audit the use of the graded care profile in health visiting", "Named Nurse",
                         None, "amber"),
            _gold_action("1.4", "1", "Add professional curiosity to supervision templates", "Principal Social Worker",
                         None, "red"),
            _gold_action("2.1", "2", "Relaunch the escalation policy", "Business Manager", "2024-03-10", "green"),
            _gold_action("2.2", "2", "Record escalations on the case management system", "Head of Service",
                         None, "complete"),
        ],
    }  # fmt: skip
    _assert_scores(scorer, draft, gold)
    by_ref = {a.ref: a for a in draft.actions}
    assert by_ref["1.4"].text == "Add professional curiosity to supervision templates"
    assert by_ref["1.2"].text == "Deliver training on: professional curiosity asking about the household"
    assert by_ref["2.2"].progress == "Feb 24 Field added."
    assert by_ref["1.3"].outcome == "Neglect is recognised earlier"
    assert by_ref["1.2"].agency == "SCP and ICB"


@pytest.mark.parametrize(
    ("header", "row", "progress"),
    [
        (  # an Evidence column after the progress column
            ["Ref", "Action", "Lead", "Due", "Progress update", "Evidence", "RAG"],
            [
                "1",
                "Refresh the strategy",
                "Head of EH",
                "June 2024",
                "Draft consulted on",
                "Consultation report",
                "A",
            ],
            "Draft consulted on. Evidence: Consultation report",
        ),
        (  # before it, and the update ending its own sentence
            ["Ref", "Action", "Lead", "Due", "Evidence of impact", "Progress", "RAG"],
            ["1", "Refresh the strategy", "Head of EH", "June 2024", "Audit shows 80%", "Audit done.", "G"],
            "Audit done. Evidence: Audit shows 80%",
        ),
        (  # an Evidence column alone is the plan's progress column
            ["Ref", "Action", "Lead", "Due", "Evidence of impact", "RAG"],
            ["1", "Refresh the strategy", "Head of EH", "June 2024", "Audit shows 80%", "G"],
            "Audit shows 80%",
        ),
    ],
)
def test_an_evidence_column_beside_the_progress_column_is_labelled_after_the_updates_words(
    tmp_path: Path, header: list[str], row: list[str], progress: str
) -> None:
    def build(book: Any) -> None:
        book.active.append(header)
        book.active.append(row)

    [action] = _xlsx(tmp_path, build).actions
    assert action.progress == progress


def test_one_column_for_the_recommendations_and_their_actions_is_the_action_column() -> None:
    # 'Recommendation / action': the recommendations are rows across the table, the rest actions
    from intake.importer.api import import_document

    data = (
        "Ref,Recommendation / action,Lead,Target date,RAG\n"
        "1,Recommendation 1: Practitioners use the neglect toolkit for children over 11.,,,\n"
        "1.1,Update the neglect toolkit to include adolescent neglect.,Neglect Strategy Group,September 2025,G\n"
        "1.2,Deliver toolkit training to secondary schools.,Learning and Development Officer,31 March 2026,A\n"
    )
    draft = import_document(data.encode(), filename="plan.csv")
    assert [(a.ref, a.section, a.owner, a.rag) for a in draft.actions] == [
        ("1.1", "1", "Neglect Strategy Group", "green"),
        ("1.2", "1", "Learning and Development Officer", "amber"),
    ]
