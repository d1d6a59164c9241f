"""Rules from the tenth blind round, each on a small document of its own."""

from __future__ import annotations

from intake.importer.api import import_document

from .test_import_round_eight_rules import _workbook

WIKI = """# Business plan 2025–27

## Priority 1 – Neglect

| Ref | Action | Owner | Due | Status | Notes |
|-----|--------|-------|-----|--------|-------|
| P1.1 | Relaunch the Graded Care Profile 2 with refresher training. | Early Help Manager | 31/10/25 | ✅ Complete | 118 staff trained. |
| P1.2 | Agree an approach to places of concern (Dunmere bus station \\| Riverside retail park) with the CSP. | CSP Manager | Q1 2026/27 | 🟢 Green | Two assessments done. |
| P1.3 | ~~Run a stand-alone neglect conference~~ | ~~Business Unit~~ | ~~Sept 2025~~ | Withdrawn | Merged into P1.1 |
| P1.4 | Audit 12 neglect cases ~~in the spring~~ for the impact of plans. | QA Subgroup chair | Q4 2025/26 | 🟠 Amber | Cases selected. |
"""


def test_a_pipe_escaped_in_a_markdown_cell_is_part_of_its_text() -> None:
    draft = import_document(WIKI.encode(), filename="plan.md")
    action = next(a for a in draft.actions if a.ref == "P1.2")
    assert action.text == (
        "Agree an approach to places of concern (Dunmere bus station | Riverside retail park) with the CSP."
    )
    assert (action.owner, str(action.due), action.rag) == ("CSP Manager", "2026-06-30", "green")


def test_a_markdown_row_struck_through_is_a_removed_action_and_struck_words_are_left_out() -> None:
    draft = import_document(WIKI.encode(), filename="plan.md")
    assert [a.ref for a in draft.actions] == ["P1.1", "P1.2", "P1.4"]
    assert draft.actions[-1].text == "Audit 12 neglect cases for the impact of plans."
    assert any(w.message.startswith("1 struck-through row (line 9) was not imported") for w in draft.warnings)


JIRA = (
    "Summary,Issue key,Issue id,Issue Type,Status,Resolution,Assignee,Reporter,Created,Resolved,Due date,"
    "Labels,Labels,Description,Custom field (RAG status),Parent,Parent summary,Comment,Comment\n"
    '"Publish a missing children practice guide for carers",SCP-5,10005,Task,Done,Done,Anita Sharma,Jo Tremlett,'
    "22/Nov/24 9:52 AM,19/Dec/24 2:00 PM,20/Dec/24 12:00 AM,CSC,,,Green,10002,Missing episodes,"
    "19/Dec/24 2:00 PM;anita.sharma;Published and sent to all providers.,\n"
    '"Agree a sharing route for return home interviews",SCP-4,10004,Task,In Progress,,Anita Sharma,Jo Tremlett,'
    "21/Nov/24 4:45 PM,,31/Mar/25 12:00 AM,,,Success measure: 90% shared.,Red,10002,Missing episodes,"
    "15/Jan/25 2:20 PM;anita.sharma;Tender published 6 January.,"
    "27/Feb/25 9:12 AM;jo.tremlett;Escalated to the board for 12 March.\n"
    "DUPLICATE - see SCP-4,SCP-3,10003,Task,Done,Duplicate,,Jo Tremlett,18/Nov/24 1:24 PM,28/Nov/24 10:10 AM,"
    ",,,Raised twice.,,10002,Missing episodes,,\n"
    '"Screen every child attending ED for exploitation",SCP-6,10006,Task,To Do,,Helen Varga,Jo Tremlett,'
    "20/Nov/24 3:38 PM,,30/Sep/25 12:00 AM,,,,,10001,Front door,,\n"
    "Front door,SCP-1,10001,Epic,In Progress,,Jo Tremlett,Jo Tremlett,1/Nov/24 9:00 AM,,,,,,,,,,\n"
    "Missing episodes,SCP-2,10002,Epic,In Progress,,Jo Tremlett,Jo Tremlett,1/Nov/24 9:00 AM,,,,,,,,,,\n"
)


def test_a_jira_export_reads_epics_as_sections_and_tasks_as_actions() -> None:
    draft = import_document(JIRA.encode(), filename="jira.csv")
    assert [(s.ref, s.title) for s in draft.sections] == [
        ("SCP-1", "Front door"),
        ("SCP-2", "Missing episodes"),
    ]
    assert [(a.ref, a.section, a.owner, str(a.due), a.rag) for a in draft.actions] == [
        ("SCP-5", "SCP-2", "Anita Sharma", "2024-12-20", "complete"),  # resolved: done, whatever its RAG
        ("SCP-4", "SCP-2", "Anita Sharma", "2025-03-31", "red"),  # 'Custom field (RAG status)'
        ("SCP-6", "SCP-1", "Helen Varga", "2025-09-30", None),  # 'To Do' is Jira's step, not a RAG
    ]  # the duplicate closed as a copy of SCP-4 is none


def test_a_jira_issues_progress_is_the_words_of_its_latest_comment() -> None:
    draft = import_document(JIRA.encode(), filename="jira.csv")
    assert [a.progress for a in draft.actions] == [
        "Published and sent to all providers.",
        "Escalated to the board for 12 March.",
        None,
    ]


def test_a_day_month_and_year_written_with_slashes_is_a_date() -> None:
    from intake.importer.normalise import parse_due

    assert str(parse_due("20/Dec/24 12:00 AM")) == "2024-12-20"
    assert str(parse_due("03/Feb/2025")) == "2025-02-03"


AIRTABLE = (
    "Ref,Last modified,Owner(s),Action,Complete,Strategy priority,Latest update,RAG,Target date\n"
    "NS-01,2/28/2025 3:14pm,Rachel Dunmore,Launch a neglect screening checklist for universal services.,checked,"
    "Early recognition,Checklist launched in February.,Green,31/3/2025\n"
    'NS-02,2/11/2025 10:02am,"Priya Lal,Rachel Dunmore",Include neglect in the termly DSL briefing.,,'
    "Early recognition,Covered in three briefings.,Green,30/6/2025\n"
    "NS-03,2/19/2025 9:47am,Maxine Otieno,Complete a neglect screen at every health visiting contact.,FALSE,"
    "Graded Care Profile,Compliance 61%.,Amber,30/6/2025\n"
)


def test_a_ticked_complete_checkbox_makes_an_action_complete_and_a_strategy_priority_is_its_section() -> None:
    draft = import_document(AIRTABLE.encode(), filename="airtable.csv")
    assert [(a.ref, a.section, a.rag, str(a.due)) for a in draft.actions] == [
        ("NS-01", "Early recognition", "complete", "2025-03-31"),  # 'checked', whatever its RAG
        ("NS-02", "Early recognition", "green", "2025-06-30"),  # the 'Last modified' stamp is no due date
        ("NS-03", "Graded Care Profile", "amber", "2025-06-30"),
    ]


def test_a_status_given_by_a_ticked_box_among_options_is_the_option_ticked() -> None:
    from intake.importer.normalise import parse_rag

    assert parse_rag("☐ Red ☐ Amber ☒ Green ☐ Blue") == ("green", True)  # Word's checkbox controls
    assert parse_rag("[ ] Red\n[x] Amber") == ("amber", True)
    assert parse_rag("☐ Red ☐ Amber ☐ Green") == (None, True)  # none ticked: no status, not a problem


def test_ratings_dated_in_one_cell_give_the_latest_and_a_coloured_square_the_words_beside_it() -> None:
    from intake.importer.normalise import parse_rag

    assert parse_rag("R (Mar 25)\nA (June 25)") == ("amber", True)
    assert parse_rag("C (May 25) / A (Mar 25)") == ("complete", True)  # the latest by its date
    assert parse_rag("■ On track") == ("green", True)  # beside a key of coloured squares
    assert parse_rag("Red (see note)")[0] == "red"


def _sheet_csv(rows: list[list[str]]) -> bytes:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def test_a_row_carrying_on_an_actions_unfinished_sentence_is_part_of_that_action() -> None:
    data = _sheet_csv(
        [
            ["No.", "Action", "Lead", "Timescale", "RAG", "Progress update"],
            ["1.1", "Adult mental health practitioners to record whether the patient is a parent,", "MH Trust",
             "June 2025", "A", "Fields added in March. Compliance 58% in April;"],
            ["", "at every assessment and care plan review.", "", "", "", "target 90% by June."],
            ["1.2", "Deliver Think Family training to adult teams.", "L&D Lead", "Q2 2025/26", "G", "3 sessions."],
        ]
    )  # fmt: skip
    draft = import_document(data, filename="plan.csv")
    assert [a.ref for a in draft.actions] == ["1.1", "1.2"]
    assert draft.actions[0].text.endswith("is a parent, at every assessment and care plan review.")
    assert draft.actions[0].progress == "Fields added in March. Compliance 58% in April; target 90% by June."


def test_a_progress_log_sheet_gives_each_action_its_latest_update_by_date_whatever_the_rows_order() -> None:
    import datetime as dt

    data = _workbook(
        {
            "Actions": [
                ["Ref", "Area", "Action", "Lead", "Due", "RAG"],
                ["1.1", "Front door", "Publish a joint protocol for bruising in babies.", "Named GP", "Jan 2025", "See log"],
                ["1.2", "Front door", "Brief every GP practice on the protocol.", "Named GP", "Mar 2025", ""],
            ],
            "Progress log": [
                ["Ref", "Date of update", "Update", "RAG at this date", "Updated by"],
                ["1.1", dt.datetime(2025, 1, 17), "Protocol signed off and published.", "Blue", "K. Amos"],
                ["1.2", dt.datetime(2025, 3, 3), "Briefings done in 30 of 41 practices.", "Green", "K. Amos"],
                ["1.1", dt.datetime(2024, 11, 8), "Draft circulated for comment.", "Amber", "K. Amos"],  # typed late
            ],
        }
    )  # fmt: skip
    draft = import_document(data, filename="plan.xlsx")
    assert [(a.ref, a.rag, a.progress) for a in draft.actions] == [
        ("1.1", "complete", "Protocol signed off and published."),
        ("1.2", "green", "Briefings done in 30 of 41 practices."),
    ]


def test_a_rag_key_set_under_other_columns_beside_the_table_is_no_action() -> None:
    data = _workbook(
        {
            "Plan": [
                ["Ref", "Action", "Lead", "Due", "RAG"],
                [
                    "1.1",
                    "Introduce a revised supervision policy.",
                    "Principal Social Worker",
                    "Mar 2025",
                    "Green",
                ],
                [None, None, "RAG key (calculated from Status and Target date)"],
                [None, None, "Green", "In progress, target date more than 30 days away"],
                [None, None, "Amber", "In progress, target date within 30 days"],
                [None, None, "Red", "Overdue"],
            ]
        }
    )
    draft = import_document(data, filename="plan.xlsx")
    assert [a.ref for a in draft.actions] == ["1.1"]
    assert {s.key: s.definition for s in draft.rag_scheme}.get("red") == "Overdue"


LAID_OUT = """Appendix 1 – Priority Action Plan
  Ref   Action                                  Responsible           Timescale     Progress to date                           RAG
                                                officer
  PA1 – Area for priority action 1: Leaders across education, health and care should improve the timeliness of plans.
  A1    Recruit four additional EHC             Head of SEND          March         Four coordinators in post from               Amber
        coordinators.                           Services              2026          November 2025.
  A2    Introduce a weekly multi-agency         Head of SEND          31/10/2025    Weekly panel running since 6 October         Complete
        EHC panel.                              Services                            2025.
  AFI1 – Area for improvement 1: Leaders should improve the co-ordination of preparation for adulthood and transition.
  A3    Agree a joint preparing for adulthood   Assistant Director    30 June       Protocol drafted with young people.          Green
        protocol.                               Adult Social Care     2026
\f    OFFICIAL – SENSITIVE                                                              Brindlecombe SEND plan
  A4    Every young person aged 14+ to have     SEND Service          Ongoing       Annual review template updated.              Amber
        preparing for adulthood outcomes.       Manager
Version 6 – position as at 12 January 2026                                               Page 2 of 2
"""


def test_areas_coded_before_their_label_head_the_rows_below_in_text_laid_out_in_columns() -> None:
    draft = import_document(LAID_OUT.encode(), filename="plan.txt")
    assert [(s.ref, s.title[:20]) for s in draft.sections] == [
        ("PA1", "Leaders across educa"),
        ("AFI1", "Leaders should impro"),
    ]
    assert [(a.ref, a.section, a.rag) for a in draft.actions] == [
        ("A1", "PA1", "amber"), ("A2", "PA1", "complete"), ("A3", "AFI1", "green"), ("A4", "AFI1", "amber"),
    ]  # fmt: skip
    # the page's running header (its marking at the left) and footer ('Version 6 ... Page 2 of 2') are no cells
    assert draft.actions[2].owner == "Assistant Director Adult Social Care"
    assert all("Version" not in (a.text + (a.owner or "")) for a in draft.actions)


# --- the eleventh round ---------------------------------------------------------------------


def _docx(build) -> bytes:
    import io

    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value


def test_a_lead_named_under_a_priority_heading_leads_its_actions_where_no_column_names_one() -> None:
    def build(document) -> None:
        for number, lead, ref in (("1", "Head of Early Help", "1.1"), ("2", "Designated Nurse", "2.1")):
            document.add_heading(f"Priority {number}: Neglect {number}", level=1)
            document.add_paragraph(f"Strategic lead: {lead}")
            document.add_paragraph("Delivered through: the Neglect Task and Finish Group")
            _table(
                document,
                [["Ref", "Action", "By when", "Status", "Update"],
                 [ref, "Roll out the Graded Care Profile 2 to early help.", "March 2026", "Amber", "68 licensed."]],
            )  # fmt: skip

    draft = import_document(_docx(build), filename="plan.docx")
    assert [(a.ref, a.section, a.owner) for a in draft.actions] == [
        ("1.1", "1", "Head of Early Help"),
        ("2.1", "2", "Designated Nurse"),
    ]


def test_a_rating_in_brackets_closing_the_update_is_the_status_where_no_column_gives_one() -> None:
    def build(document) -> None:
        _table(
            document,
            [["Recommendation", "Actions", "Lead", "Timescale", "Progress"],
             ["1. Oversight", "1.1 Introduce a supervision policy.", "PSW", "June 2025", "Policy live. (Complete)"],
             ["1. Oversight", "1.2 Audit supervision.", "QA Lead", "Sept 2025", "Sample under way. (amber)."],
             ["1. Oversight", "1.3 Train managers (Red group first).", "QA Lead", "Oct 2025", "Red flag: late."]],
        )  # fmt: skip

    draft = import_document(_docx(build), filename="plan.docx")
    assert [(a.ref, a.rag, a.progress) for a in draft.actions] == [
        ("1.1", "complete", "Policy live."),
        ("1.2", "amber", "Sample under way."),
        ("1.3", None, "Red flag: late."),
    ]


def test_a_summary_grid_of_statuses_by_reference_rates_the_plans_actions_below_it() -> None:
    def build(document) -> None:
        _table(document, [["Ref", "RAG", "Ref", "RAG"], ["1.1", "B", "1.2", "A"], ["2.1", "–", "", ""]])
        _table(
            document,
            [["Ref", "Action", "Lead", "Target date", "Progress update"],
             ["1.1", "Update the Seen and Heard guidance.", "Business Manager", "31/08/25", "Published."],
             ["1.2", "Ask who lives here at every contact.", "Named Nurse", "Q2 2025/26", "Template changed."],
             ["2.1", "Check records for any new adult.", "DI Public Protection", "Sept 2025", "Agreed."]],
        )  # fmt: skip

    draft = import_document(_docx(build), filename="plan.docx")
    assert [(a.ref, a.rag) for a in draft.actions] == [("1.1", "complete"), ("1.2", "amber"), ("2.1", None)]


def test_a_review_of_last_years_plan_reads_what_was_said_as_the_action_and_what_was_done_as_progress() -> (
    None
):
    data = _sheet_csv(
        [
            ["Ref", "What we said we would do", "Lead", "When", "What we did", "What difference it made", "RAG"],
            ["1.1", "Publish a neglect toolkit.", "Business Manager", "April 2024", "Published in May.", "Used 900 times.", "G"],
        ]
    )  # fmt: skip
    action = import_document(data, filename="review.csv").actions[0]
    assert (action.text, action.progress, action.rag) == (
        "Publish a neglect toolkit.",
        "Published in May.",
        "green",
    )


TRELLO = (
    "Card ID,Card Name,Card Description,Labels,Members,Due Date,Due Complete,List Name,Archived,Action ref\n"
    "a0,How this board works (read me first),Update your own cards.,,Grace Whitfield,,false,📌 Read me,false,\n"
    'a1,Refresh the safe sleep guidance.,"**Lead agency:** Health\n\n**Update 14/04/25:** First draft shared.\n\n'
    '**Update 09/06/25:** Final draft agreed.","Green (green), Theme 1 (purple)",Lucy Harwood,'
    "2025-06-30T11:00:00.000Z,false,Theme 1 - Safe sleep,false,1.1\n"
    "a2,Copy of Refresh the safe sleep guidance,,Theme 1 (purple),Lucy Harwood,,false,Theme 1 - Safe sleep,true,\n"
    'a3,Audit sleep conversations.,,"Amber (orange), Theme 2 (purple)",Ravi Mistry,2025-09-30T11:00:00.000Z,'
    "false,Theme 2 - Fathers,false,2.1\n"
    'a4,Brief every GP practice.,"**Update 29/04/25:** Sent to all 38 practices.","Theme 1 (purple)",Dr Sam Okafor,'
    "2025-03-31T11:00:00.000Z,true,✔ Signed off by Learning & Review Group,false,1.2\n"
)


def test_a_trello_export_reads_lists_as_sections_labels_as_ratings_and_leaves_out_archived_cards() -> None:
    draft = import_document(TRELLO.encode(), filename="trello.csv")
    assert [(s.ref, s.title) for s in draft.sections] == [("1", "Safe sleep"), ("2", "Fathers")]
    assert [(a.ref, a.section, a.owner, str(a.due), a.rag, a.progress) for a in draft.actions] == [
        ("1.1", "1", "Lucy Harwood", "2025-06-30", "green", "Final draft agreed."),
        ("2.1", "2", "Ravi Mistry", "2025-09-30", "amber", None),
        # in the list of finished cards: complete, in the section its reference is numbered under
        ("1.2", "1", "Dr Sam Okafor", "2025-03-31", "complete", "Sent to all 38 practices."),
    ]  # fmt: skip


def test_a_linked_records_address_and_a_tools_template_row_are_left_out() -> None:
    data = (
        "Name,Ref,Strand,Lead,Due,RAG\n"
        "Disrupt the county lines that reach the borough.,HOTH-01,"
        'Pursue - disrupting exploiters (https://www.notion.so/Pursue-6745b849),DI Shah,"March 31, 2026",🟢 Green\n'
        "New action (duplicate me),,,,,\n"
    )
    draft = import_document(data.encode(), filename="notion.csv")
    assert [s.ref for s in draft.sections] == ["Pursue - disrupting exploiters"]
    assert [(a.ref, a.section) for a in draft.actions] == [("HOTH-01", "Pursue - disrupting exploiters")]


def test_a_tree_shown_by_indenting_names_gives_sections_inside_sections_over_their_actions() -> None:
    import io

    import openpyxl
    from openpyxl.styles import Alignment

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Priority / Objective / Action", "Assigned To", "End Date", "Status", "RAG"])
    rows = [
        (0, "Priority 1: Early help - the right help at the right time", "", "", ""),
        (1, "Partners use the Continuum of Need", "", "", ""),
        (2, "Refresh the Continuum of Need guidance.", "Karen Oduya", "Complete", "Blue"),
        (2, "Audit 30 early help assessments.", "Mark Ellison", "In Progress", "Green"),
        (1, "Families tell their story once", "", "", ""),
        (2, "Roll out the single assessment.", "Karen Oduya", "In Progress", "Yellow"),
        (2, "Train 150 lead professionals.", "Jo Pearce", "In Progress", "Green"),
    ]
    for indent, name, who, status, rag in rows:
        sheet.append([name, who, "31/03/2026", status, rag])
        sheet.cell(sheet.max_row, 1).alignment = Alignment(indent=indent)
    out = io.BytesIO()
    book.save(out)
    draft = import_document(out.getvalue(), filename="smartsheet.xlsx")
    assert [(s.ref, s.parent) for s in draft.sections] == [
        ("1", None), ("Partners use the Continuum of Need", "1"), ("Families tell their story once", "1"),
    ]  # fmt: skip
    assert [(a.section, a.rag) for a in draft.actions] == [
        ("Partners use the Continuum of Need", "complete"), ("Partners use the Continuum of Need", "green"),
        ("Families tell their story once", "amber"), ("Families tell their story once", "green"),
    ]  # fmt: skip


# --- the twelfth round ----------------------------------------------------------------------


def test_a_ratings_travel_from_the_last_report_gives_the_rating_now() -> None:
    from intake.importer.normalise import parse_rag

    assert parse_rag("A → G") == ("green", True)
    assert parse_rag("– → A") == ("amber", True)
    assert parse_rag("Green -> Red") == ("red", True)
    assert parse_rag("G → ?") == (None, True)  # not rated this time


PERFORMANCE_SYSTEM = (
    "PerfTrack Report PT-ACT-07 - Action Plan Extract\n"
    "Run date: 20250701 06:30,Data as at: 20250630\n"
    "THEME_CD,THEME_DESC,ACT_ID,ACT_REF,ACT_DESC,RESP_OFF,TGT_DT,REV_TGT_DT,RAG_CD,STATUS_CD,LST_UPD_DT,LST_UPD_TXT\n"
    'DA01,Information sharing: police notifications,20411,1.1,Share all notifications within 24 hours.,"Ashcroft, Daniel",'
    "20250331,,G,CLSD,20250415,Feed live since 3 March.\n"
    'DA01,Information sharing: police notifications,20413,1.3,Notify schools by 9am the next day.,"Holloway, Janet",'
    "20250430,20250930,A,OPEN,20250624,71% of schools reached.\n"
    'DA01,Information sharing: police notifications,20413,1.3,Notify schools by 9am the next day.,"Okafor, Grace",'
    "20250430,20250930,A,OPEN,20250624,71% of schools reached.\n"
    'DA02,Risk assessment: DASH,20421,2.1,Audit DASH assessments.,"Rowe, Matthew",20251130,,,NS,,\n'
    "*** END OF REPORT - 4 ROWS ***\n"
)


def test_a_systems_coded_columns_are_read_and_a_row_per_lead_is_one_action() -> None:
    draft = import_document(PERFORMANCE_SYSTEM.encode(), filename="extract.csv")
    assert [(s.ref, s.title) for s in draft.sections] == [
        ("DA01", "Information sharing: police notifications"),
        ("DA02", "Risk assessment: DASH"),
    ]
    assert [(a.ref, a.section, a.owner, str(a.due), a.rag, a.progress) for a in draft.actions] == [
        ("1.1", "DA01", "Ashcroft, Daniel", "2025-03-31", "complete", "Feed live since 3 March."),  # CLSD
        ("1.3", "DA01", "Holloway, Janet; Okafor, Grace", "2025-09-30", "amber", "71% of schools reached."),
        ("2.1", "DA02", "Rowe, Matthew", "2025-11-30", None, None),
    ]  # fmt: skip


def test_labelled_blocks_wrapped_at_a_fixed_width_under_a_long_disclaimer_read_whole_with_description_as_the_action() -> (
    None
):
    import textwrap

    blocks = [
        ("Ref: 1.1", "Action: Build a dataset from police, children's social care, education and youth justice data, "
         "reported quarterly to the Performance subgroup.", "Owner: Head of Performance", "Due: 31/12/2025",
         "Status: AMBER", "Update: Police and CSC data mapped. Schools do not record incidents consistently - a "
         "template was agreed with the secondary heads' forum and the first return is due in November."),
        ("Action ref: 1.2", "Description: Audit the use of managed moves and part-time timetables for children who "
         "have displayed harmful sexual behaviour (finding 4 of the March 2025 multi-agency audit).",
         "Responsible officer: Head of Inclusion", "Target date: 28/02/26", "Status: RED",
         "Progress: Data request to schools has not been answered by 7 of 11 secondaries, and the lead has left."),
        ("Ref: 1.3", "Action: Hear from children about sexual harassment at school and online, through a survey and "
         "focus groups in every secondary school.", "Lead: Youth Participation Lead", "Target: Q3 2025/26",
         "RAG: GREEN", "Latest update: 1,240 survey responses from 9 of the 11 secondary schools, with focus groups "
         "booked for October half term."),
    ]  # fmt: skip
    text = "\n-----\n".join("\n".join(textwrap.fill(line, 76) for line in block) for block in blocks)
    text += (
        "\n\n" + "This email and any attachments are confidential and intended solely for the addressee. " * 2
    )
    draft = import_document(text.encode(), filename="email.txt")
    assert [(a.ref, a.owner, str(a.due), a.rag) for a in draft.actions] == [
        ("1.1", "Head of Performance", "2025-12-31", "amber"),
        ("1.2", "Head of Inclusion", "2026-02-28", "red"),
        ("1.3", "Youth Participation Lead", "2025-12-31", "green"),
    ]
    assert draft.actions[1].text.endswith("(finding 4 of the March 2025 multi-agency audit).")


def test_a_workbook_with_a_sheet_per_month_is_read_from_its_latest_month_and_says_so() -> None:
    header = ["Ref", "Action", "Lead", "Target", "RAG", "Update"]
    sheets = {
        "Jun 25": [header, ["1.1", "Relaunch the Graded Care Profile.", "Early Help", "Sept 2025", "G", "June: 40 trained."],
                   ["1.2", "Audit neglect cases.", "QA Lead", "Dec 2025", "A", "June: started."]],
        "May 25": [header, ["1.1", "Relaunch the Graded Care Profile.", "Early Help", "Sept 2025", "A", "May: 20 trained."]],
        "Key": [["R", "Off track"], ["A", "At risk"], ["G", "On track"]],
    }  # fmt: skip
    draft = import_document(_workbook(sheets), filename="plan.xlsx")
    assert [(a.ref, a.rag, a.progress) for a in draft.actions] == [
        ("1.1", "green", "June: 40 trained."),
        ("1.2", "amber", "June: started."),
    ]
    assert any("the latest sheet, Jun 25, was read" in w.message for w in draft.warnings)


def test_a_score_keyed_above_the_plan_rates_its_actions_and_the_score_before_is_ignored() -> None:
    data = _workbook(
        {
            "Plan": [
                ["Delivery confidence score:"],
                ["5", "Delivered – action complete (blue)"],
                ["4", "Confident – on track (green)"],
                ["3", "Some concerns – risks identified (amber)"],
                ["2", "Not confident – significant risk (red)"],
                ["No.", "Action", "Responsible officer", "Target date", "Confidence (1–5)", "Commentary"],
                ["1.1", "Launch a revised supervision policy.", "PSW", "April 2025", "5", "Launched."],
                ["1.2", "Dip sample supervision records.", "Heads of Service", "June 2025", "4 (was 3)", "Monthly."],
                ["1.3", "Audit plans for drift.", "QA Manager", "July 2025", "3", "Tool agreed."],
            ]
        }
    )  # fmt: skip
    draft = import_document(data, filename="plan.xlsx")
    assert [(a.ref, a.rag) for a in draft.actions] == [
        ("1.1", "complete"),
        ("1.2", "green"),
        ("1.3", "amber"),
    ]
