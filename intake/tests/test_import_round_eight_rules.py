"""Rules from the eighth blind round, each on a small document of its own."""

from __future__ import annotations

import io

from intake.importer.api import import_document


def _workbook(sheets: dict[str, list[list[str]]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


HEADER = ["Ref", "Action", "Lead", "Due", "RAG", "Update"]


def test_a_shared_action_on_each_agencys_sheet_with_its_own_lead_is_an_action_per_agency() -> None:
    shared = "Attend the multi-agency child exploitation panel every month"
    data = _workbook(
        {
            "Police": [HEADER, ["PT1", shared, "DI Sam Reed", "Ongoing", "Green", "Attended all panels."]],
            "Health": [HEADER, ["PT1", shared, "Designated Nurse", "Ongoing", "Amber", "Missed May."]],
        }
    )
    draft = import_document(data, "plan.xlsx")

    assert [(a.ref, a.owner, a.rag) for a in draft.actions] == [
        ("PT1", "DI Sam Reed", "green"),
        ("PT1", "Designated Nurse", "amber"),
    ]


def test_update_rounds_named_month_first_as_excel_writes_them_are_dated_updates() -> None:
    data = _workbook(
        {
            "Plan": [
                ["Ref", "Outcome area", "Action", "Lead", "Due", "Apr-25 update", "Apr-25 RAG", "May-25 update", "May-25 RAG"],
                ["1.1", "Early help", "Launch the neglect toolkit", "Head of Early Help", "June 2025",
                 "Toolkit finalised.", "Green", "Launch event held.", "Amber"],
            ]
        }
    )  # fmt: skip
    action = import_document(data, "plan.xlsx").actions[0]

    assert (action.section, action.rag, action.progress, str(action.progress_date)) == (
        "Early help",
        "amber",
        "Launch event held.",
        "2025-05-31",
    )
    assert [(str(u.date), u.progress, u.rag) for u in action.earlier_updates] == [
        ("2025-04-30", "Toolkit finalised.", "green")
    ]


TWO_COLUMNS = """\
Recommendation and actions\tProgress and impact (September 2025)
1.1 Revise the missing children protocol. This will include: \uf0b7 a clear definition of a first episode. Lead: Head of Service, Adolescent Safeguarding By: October 2025\tRAG: Amber 12/09/2025: Draft protocol agreed.
1.2 Deliver briefings on the protocol. Lead: SCP Learning and Development Lead By: December 2025\tStatus - Green. Briefings booked.
1.3 Audit the response to first missing episodes.\tNot yet started.
"""


def test_a_lead_and_date_labelled_at_the_end_of_the_action_cell_are_its_lead_and_due_date() -> None:
    draft = import_document(TWO_COLUMNS.encode(), "plan.txt")

    assert [(a.ref, a.text, a.owner, a.due_text) for a in draft.actions] == [
        ("1.1", "Revise the missing children protocol. This will include: • a clear definition of a first episode.",
         "Head of Service, Adolescent Safeguarding", "October 2025"),
        ("1.2", "Deliver briefings on the protocol.", "SCP Learning and Development Lead", "December 2025"),
        ("1.3", "Audit the response to first missing episodes.", None, None),
    ]  # fmt: skip
    assert str(draft.actions[1].due) == "2025-12-31"
    assert draft.actions[0].owner_parts


def test_a_status_labelled_at_the_start_of_the_progress_is_the_rag_not_part_of_the_update() -> None:
    draft = import_document(TWO_COLUMNS.encode(), "plan.txt")

    assert [(a.rag, a.progress) for a in draft.actions] == [
        ("amber", "12/09/2025: Draft protocol agreed."),
        ("green", "Briefings booked."),
        (None, "Not yet started."),
    ]


def test_the_title_row_printed_again_above_each_pages_rows_is_not_a_section() -> None:
    """A spreadsheet printed with its title and header rows repeated on each page: the title above
    the second page's table is not the section of its first row, whose theme cell is blank."""
    title = "Ashworth Dale SCP – Domestic Abuse Action Plan 2025–26 – position as at 22 July 2025\t\t\t\t\t"
    header = "#\tTheme\tAction\tOwner\tDue\tStatus"
    text = "\n".join(
        [
            title,
            header,
            "DA11\tPerpetrators\tCommission a perpetrator programme\tDA Lead\tMarch 2026\tGreen",
            "",
            title,
            header,
            "DA12\t\tTrain staff to work with fathers who harm\tDA Lead\tJune 2026\tAmber",
        ]
    )
    draft = import_document(text.encode(), "plan.txt")

    assert [(a.ref, a.section) for a in draft.actions] == [("DA11", "Perpetrators"), ("DA12", "Perpetrators")]
    assert [s.title for s in draft.sections] == ["Perpetrators"]


def test_actions_lettered_a_b_c_under_numbered_areas_are_cited_as_area_and_letter() -> None:
    text = (
        "1. Strategy meetings for children at risk of exploitation\n\n"
        "Action\tLead\tBy when\tRAG\n"
        "a) Revise the strategy meeting guidance\tHead of Service\tSeptember 2025\tAmber\n"
        "b) Record the actions from each meeting\tPolice DI\tOctober 2025\tGreen\n\n"
        "2. Return home interviews\n\n"
        "Action\tLead\tBy when\tRAG\n"
        "a) Recommission the return home interview service\tCommissioner\tApril 2026\tRed\n"
        "b) Share the outcome of every interview\tTeam Manager\tOngoing\tGreen\n"
    )
    draft = import_document(text.encode(), "plan.txt")

    assert [(a.ref, a.section, a.text) for a in draft.actions] == [
        ("1a", "1", "Revise the strategy meeting guidance"),
        ("1b", "1", "Record the actions from each meeting"),
        ("2a", "2", "Recommission the return home interview service"),
        ("2b", "2", "Share the outcome of every interview"),
    ]


def test_a_lead_given_by_initials_ending_in_to_is_not_cut_mid_phrase() -> None:
    text = (
        "Ref\tAction\tLead\tBy when\n"
        "2.2\tRefresh the neglect toolkit\tRD / TO\tQ3 25/26\n"
        "2.3\tTrain DSLs on the toolkit\tMT\tQ4 25/26\n"
    )
    draft = import_document(text.encode(), "plan.txt")

    assert [(a.ref, a.owner) for a in draft.actions] == [("2.2", "RD / TO"), ("2.3", "MT")]


CONTENTS_THEN_PLAN = """\
# Children's Services Improvement Plan 2025–2027

## 1. Introduction

Ofsted inspected our services in January 2025.

## 2. Governance and reporting

The Improvement Board meets monthly.

**Status key**

Complete\tAction completed and evidence of impact accepted by the Board
Green\tOn track to be completed by the target date
Amber\tAt risk of missing the target date
Red\tTarget date missed

## 3. What Ofsted told us

## 4. Improvement plan

Ref\tAction\tLead\tTarget date\tStatus
Recommendation 1: Improve supervision\t\t\t\t
1.1\tLaunch the supervision policy\tPrincipal Social Worker\t31/03/2025\tComplete
Recommendation 2: Improve assessments\t\t\t\t
2.1\tAudit assessments each quarter\tHead of QA\t30/06/2025\tGreen
Continued on next page\t\t\t\t
2.2\tTrain managers in assessment\tPractice Academy\t31/07/2025\tAmber
Recommendation 3: Improve the voice of the child\t\t\t\t
3.1\tRelaunch the advocacy offer\tParticipation Lead\t30/09/2025\tGreen
Recommendation 4: Improve care leavers' accommodation\t\t\t\t
4.1\tOpen a staying close service\tHead of Leaving Care\t31/03/2026\tAmber
"""


def test_the_plans_areas_keep_the_plans_order_when_the_document_numbered_its_own_parts_alike() -> None:
    draft = import_document(CONTENTS_THEN_PLAN.encode(), "plan.md")

    assert [(s.ref, s.title) for s in draft.sections] == [
        ("1", "Improve supervision"),
        ("2", "Improve assessments"),
        ("3", "Improve the voice of the child"),
        ("4", "Improve care leavers' accommodation"),
    ]


def test_a_continued_on_next_page_row_is_neither_a_section_nor_an_action() -> None:
    draft = import_document(CONTENTS_THEN_PLAN.encode(), "plan.md")

    assert not any("Continued" in s.title for s in draft.sections)


def test_a_status_key_table_opening_with_complete_is_read_whole() -> None:
    draft = import_document(CONTENTS_THEN_PLAN.encode(), "plan.md")

    assert [s.key for s in draft.rag_scheme] == ["complete", "green", "amber", "red"]


def test_a_title_block_of_several_lines_in_one_merged_cell_gives_the_title_and_the_key() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = (
        "Marlcombe Safeguarding Children Partnership\n"
        "JTAI: children living with domestic abuse – Written Statement of Action tracker\n"
        "Version 6 – as at 30 June 2025\n"
        "RAG: Red – significant delay | Amber – some delay | Green – on track | Complete – delivered"
    )
    sheet.merge_cells("A1:F4")
    for row, values in [
        (5, ["Ref", "Action", "Lead", "Due", "RAG", "Progress update"]),
        (
            6,
            [
                "DA1.1",
                "Add routine enquiry at booking",
                "Head of Midwifery",
                "March 2025",
                "Complete",
                "Done.",
            ],
        ),
    ]:
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column, value=value)
    data = io.BytesIO()
    book.save(data)
    draft = import_document(data.getvalue(), "tracker.xlsx")

    assert (
        draft.plan.title == "JTAI: children living with domestic abuse – Written Statement of Action tracker"
    )
    assert str(draft.plan.as_at) == "2025-06-30"
    assert [(s.key, s.definition) for s in draft.rag_scheme] == [
        ("red", "significant delay"),
        ("amber", "some delay"),
        ("green", "on track"),
        ("complete", "delivered"),
    ]
