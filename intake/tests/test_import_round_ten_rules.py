"""Rules from the tenth blind round, each on a small document of its own."""

from __future__ import annotations

from intake.importer.api import import_document

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
