"""Rules from the ninth blind round, each on a small document of its own."""

from __future__ import annotations

import io

from intake.importer.api import import_document


def _docx(rows: list[list[str]], before: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    table = document.add_table(rows=0, cols=max(len(row) for row in rows))
    for row in [*(before or []), *rows]:
        cells = table.add_row().cells
        if len(row) == 1:
            cells[0].merge(cells[-1]).text = row[0]
            continue
        for cell, value in zip(cells, row, strict=True):
            first, *more = value.split("\n")  # a paragraph per line, as Word writes a cell's lines
            cell.text = first
            for line in more:
                cell.add_paragraph(line)
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


ASANA = (
    "Task ID,Created At,Completed At,Last Modified,Name,Section/Column,Assignee,Assignee Email,Start Date,"
    "Due Date,Tags,Notes,Projects,Parent task,RAG,Latest update\n"
    "1207,2024-04-11,,2024-06-03,Read me – how to update this plan,Untitled section,Dana Whitlow,"
    "dana@example.org,,,,Update the RAG monthly.,Neglect plan,,,\n"
    "1208,2024-04-12,2024-12-19,2024-12-19,1.1 Embed the Graded Care Profile 2 in early help,"
    "Priority 1: Early help and neglect,Marcus Feld,marcus@example.org,2024-05-01,2024-12-31,,"
    "A description.,Neglect plan,,Green,GCP2 now part of the assessment\n"
    "1209,2024-04-12,,2024-12-19,1.2 Audit early help assessments for neglect,"
    "Priority 1: Early help and neglect,,,2024-05-01,2025-03-31,,,Neglect plan,,Amber,Audit booked\n"
)


def test_an_asana_export_reads_each_tasks_name_section_assignee_and_due_date() -> None:
    draft = import_document(ASANA.encode(), "asana.csv")

    assert [(a.ref, a.section, a.text, a.owner, str(a.due)) for a in draft.actions] == [
        ("1.1", "1", "Embed the Graded Care Profile 2 in early help", "Marcus Feld", "2024-12-31"),
        ("1.2", "1", "Audit early help assessments for neglect", None, "2025-03-31"),
    ]
    assert [(s.ref, s.title) for s in draft.sections] == [("1", "Early help and neglect")]


def test_a_task_completed_in_the_tool_is_complete_whatever_status_was_left_beside_it() -> None:
    draft = import_document(ASANA.encode(), "asana.csv")

    assert [a.rag for a in draft.actions] == ["complete", "amber"]


def test_a_date_in_the_date_completed_column_makes_an_audit_action_complete() -> None:
    text = (
        "No.\tAction\tLead\tTarget date\tDate completed\tEvidence of completion / update\n"
        "1.1\tAgree a standard for police attendance\tHead of Service\t30/11/2024\t22/11/2024\tStandard agreed.\n"
        "1.2\tSet up a police rota in the MASH\tDI, Public Protection\tJanuary 2025\t\tRota drafted.\n"
    )
    draft = import_document(text.encode(), "audit.txt")

    assert [(a.ref, a.rag, str(a.due)) for a in draft.actions] == [
        ("1.1", "complete", "2024-11-30"),
        ("1.2", None, "2025-01-31"),
    ]


def test_lettered_areas_head_their_actions_numbered_in_roman_numerals() -> None:
    data = _docx(
        [
            ["Ref", "Action", "Lead", "Target date", "RAG"],
            ["A", "Area for improvement A: Information is not shared promptly.", "", "", ""],
            ["A(i)", "Agree a notification protocol", "Police", "December 2024", "G"],
            ["A(ii)", "Give DSLs the daily briefing", "Education", "January 2025", "A"],
            ["B", "Area for improvement B: Assessments of places are not used.", "", "", ""],
            ["B(i)", "Map peer groups each quarter", "Community Safety", "March 2025", "R"],
        ]
    )
    draft = import_document(data, "wsoa.docx")

    assert [(s.ref, s.title) for s in draft.sections] == [
        ("A", "Information is not shared promptly."),
        ("B", "Assessments of places are not used."),
    ]
    assert [(a.ref, a.section) for a in draft.actions] == [("A(i)", "A"), ("A(ii)", "A"), ("B(i)", "B")]


def test_an_owner_and_date_cell_and_a_status_on_the_updates_first_line_are_read_apart() -> None:
    data = _docx(
        [
            ["Action", "Owner and date", "Update"],
            ["1.1 Write practice guidance on disguised compliance", "Head of Quality Assurance\nApril 2025",
             "On track\n17/12/2024: Draft guidance written."],
            ["1.2 Brief health visitors on missed appointments", "Designated Nurse, Wyebrook ICB\nMarch 2025 – revised to July 2025",
             "Complete\n20/01/2025: Six briefings held."],
        ]
    )  # fmt: skip
    draft = import_document(data, "plan.docx")

    assert [(a.owner, a.due_text, a.rag, a.progress) for a in draft.actions] == [
        ("Head of Quality Assurance", "April 2025", "green", "17/12/2024: Draft guidance written."),
        ("Designated Nurse, Wyebrook ICB", "March 2025 – revised to July 2025", "complete",
         "20/01/2025: Six briefings held."),
    ]  # fmt: skip


def test_an_area_label_alone_on_a_row_is_the_section_titled_by_the_row_below() -> None:
    header = ["Ref", "What we will do", "Who", "When", "RAG"]
    data = _docx(
        [
            ["Area of significant weakness 1"],
            ["The variable quality of EHC plans."],
            header,
            ["1.1", "Recruit four SEN case officers", "Head of SEN", "April 2023", "G"],
            ["Area of significant weakness 2"],
            ["Weak joint commissioning."],
            header,
            ["2.1", "Agree a joint needs assessment", "Commissioner", "June 2023", "A"],
        ]
    )
    draft = import_document(data, "wsoa.docx")

    assert [(s.ref, s.title) for s in draft.sections] == [
        ("1", "The variable quality of EHC plans."),
        ("2", "Weak joint commissioning."),
    ]
    assert [(a.ref, a.section) for a in draft.actions] == [("1.1", "1"), ("2.1", "2")]


def test_a_partnership_named_after_two_places_or_a_send_partnership_keeps_its_whole_name() -> None:
    for name in [
        "Coldharbour and Wrayford Safeguarding Children Partnership",
        "Ashgrove Local Area SEND Partnership",
    ]:
        text = f"{name}\nNeglect delivery plan\n\nRef\tAction\tLead\tDue\n1.1\tRefresh the toolkit\tHead of Service\tMay 2025\n"
        assert import_document(text.encode(), "plan.txt").plan.organisation == name


def test_an_update_round_named_first_with_its_date_after_is_one_progress_column() -> None:
    from intake.importer.synonyms import exact_header_field, header_field

    for name in ["Q3 update (December 2024)", "Jan 2024 update", "Closure evidence"]:
        assert header_field(name) == "progress" and exact_header_field(name) == "progress", name
    text = (
        "Ref       Action                                   Lead                 RAG        Q3 update (December 2024)\n"
        "1.1.1     Launch the refreshed neglect toolkit     Chair, Neglect       Complete   Launched on 12 June 2024; seven\n"
        "          with multi-agency briefings.             Subgroup                        briefings held.\n"
        "1.1.2     Train 120 practitioners as assessors.    Training Officer     Amber      84 trained so far.\n"
    )
    draft = import_document(text.encode(), "plan.txt")

    assert [(a.ref, a.progress) for a in draft.actions] == [
        ("1.1.1", "Launched on 12 June 2024; seven briefings held."),
        ("1.1.2", "84 trained so far."),
    ]
