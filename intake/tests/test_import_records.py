"""Plans written as records rather than as a table: labelled blocks of text ('Action 1.1' /
'Action:' / 'Lead:' / 'Timescale:' / 'RAG:' / 'Progress:') and form-style Word tables (a small
two-column table per action, labels in the first column). Each document is built here."""

from __future__ import annotations

import io
from types import ModuleType
from typing import Any

import pytest

from intake.importer.api import import_document
from intake.importer.layout import build_from_items
from intake.importer.model import ImportLimits, PlanDraft
from intake.importer.readers import read_document

from .conftest import needs_shared, score_plan


def _text(text: str, name: str = "plan.txt") -> PlanDraft:
    return import_document(text.encode("utf-8"), filename=name)


def _word(build: Any) -> PlanDraft:
    import docx

    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return import_document(buffer.getvalue(), filename="plan.docx")


def _form_table(document: Any, rows: list[tuple[str, str]]) -> Any:
    table = document.add_table(rows=len(rows), cols=2)
    for r, (label, value) in enumerate(rows):
        table.cell(r, 0).text = label
        table.cell(r, 1).text = value
    return table


def _by_ref(draft: PlanDraft) -> dict[str | None, Any]:
    return {a.ref: a for a in draft.actions}


# --------------------------------------------------------------------------- labelled blocks of text

BLOCKS = """Westmoor Safeguarding Children Partnership
Child Safeguarding Practice Review "Child K": action plan

Note: this plan is reviewed by the Learning and Improvement Group every quarter.

Recommendation 1: Partners should improve information sharing at the point of referral.

Action 1.1
Action: Review the MASH information sharing protocol with police and health partners.
Lead: Head of MASH, Westmoor Council
Timescale: 30 June 2024
RAG: Amber
Progress: Protocol drafted and circulated for comment in February 2024.

Action 1.2
Action: Deliver briefings on the revised protocol to all MASH staff.
Lead: MASH Practice Manager
Timescale: September 2024
RAG: Red
Progress: Not started; waits for the protocol.

Recommendation 2: Strategy discussions should always include health.

Action 2.1
Action: Invite the named nurse to every strategy discussion for a child under five.
Lead: Designated Nurse, Westmoor ICB
Timescale: End of March 2024
RAG: Complete
Progress: Named nurses attended 46 of 48 strategy discussions since January.
"""


def test_labelled_blocks_under_recommendation_headings_are_read_as_actions() -> None:
    draft = _text(BLOCKS)
    assert [a.ref for a in draft.actions] == ["1.1", "1.2", "2.1"]
    first = draft.actions[0]
    assert first.text == "Review the MASH information sharing protocol with police and health partners."
    assert first.section == "1"
    assert first.owner == "Head of MASH, Westmoor Council"
    assert first.due_text == "30 June 2024"
    assert str(first.due) == "2024-06-30"
    assert first.rag == "amber"
    assert first.progress == "Protocol drafted and circulated for comment in February 2024."
    assert [a.section for a in draft.actions] == ["1", "1", "2"]
    assert [a.rag for a in draft.actions] == ["amber", "red", "complete"]
    assert str(draft.actions[2].due) == "2024-03-31"
    sections = {s.ref: s.title for s in draft.sections}
    assert sections["1"] == "Partners should improve information sharing at the point of referral."
    assert sections["2"] == "Strategy discussions should always include health."


def test_a_reference_on_the_same_line_as_the_action_starts_its_record() -> None:
    draft = _text(
        "Recommendation 4: Learning from reviews reaches practitioners.\n\n"
        "Action 4.1: Publish a seven-minute briefing on the review.\n"
        "Lead officer: Partnership Business Manager\n"
        "By when: April 2024\n"
        "Status: Green\n\n"
        "Action 4.2 – Hold two learning events for practitioners.\n"
        "Owner: Training Coordinator\n"
        "Target date: Q2 2024/25\n"
        "RAG rating: Amber\n"
        "Update: One event held in March.\n"
    )
    assert [(a.ref, a.text) for a in draft.actions] == [
        ("4.1", "Publish a seven-minute briefing on the review."),
        ("4.2", "Hold two learning events for practitioners."),
    ]
    second = draft.actions[1]
    assert (second.owner, str(second.due), second.rag, second.progress) == (
        "Training Coordinator",
        "2024-09-30",
        "amber",
        "One event held in March.",
    )


def test_label_synonyms_name_the_owner_due_date_status_and_progress() -> None:
    draft = _text(
        "Action: Agree a neglect strategy with all partners.\n"
        "Responsible: Director of Children's Services\n"
        "Deadline: 31/12/2024\n"
        "RAG rating: Red\n"
        "Progress to date: First draft written.\n\n"
        "Action: Train 200 practitioners in the Graded Care Profile 2.\n"
        "By whom: Neglect Strategy Lead\n"
        "Target date: March 2025\n"
        "Status: Amber\n"
        "Evidence: Training register.\n"
    )
    assert [(a.owner, str(a.due), a.rag, a.progress) for a in draft.actions] == [
        ("Director of Children's Services", "2024-12-31", "red", "First draft written."),
        ("Neglect Strategy Lead", "2025-03-31", "amber", "Training register."),
    ]
    assert [a.ref for a in draft.actions] == [None, None]


def test_a_value_over_several_lines_is_read_whole_and_an_unknown_label_inside_it_does_not_cut_it() -> None:
    draft = _text(
        "Action 1.1\n"
        "Action: Review the MASH protocol\n"
        "with police and health partners.\n"
        "Lead: Head of MASH\n"
        "Timescale: June 2024\n"
        "RAG: Amber\n"
        "Progress: Protocol drafted.\n\n"
        "Note: police comments are due in April.\n\n"
        "Action 1.2\n"
        "Action: Brief MASH staff on the protocol.\n"
        "Lead: MASH Practice Manager\n"
        "Timescale: July 2024\n"
        "RAG: Red\n"
        "Progress: Not started.\n"
    )
    first, second = draft.actions
    assert first.text == "Review the MASH protocol with police and health partners."
    assert first.progress == "Protocol drafted. Note: police comments are due in April."
    assert second.progress == "Not started."


def test_a_label_written_in_every_record_ends_the_value_above_it_even_when_it_is_not_a_field() -> None:
    draft = _text(
        "Action 1.1\n"
        "Action: Review the MASH protocol.\n"
        "Lead: Head of MASH\n"
        "Partners involved: Police, ICB\n"
        "Timescale: June 2024\n\n"
        "Action 1.2\n"
        "Action: Brief MASH staff on the protocol.\n"
        "Lead: MASH Practice Manager\n"
        "Partners involved: Police\n"
        "Timescale: July 2024\n"
    )
    assert [a.owner for a in draft.actions] == ["Head of MASH", "MASH Practice Manager"]
    assert [a.text for a in draft.actions] == [
        "Review the MASH protocol.",
        "Brief MASH staff on the protocol.",
    ]


def test_labels_in_bold_and_in_bulleted_markdown_are_read() -> None:
    draft = _text(
        "# Child exploitation delivery plan\n\n"
        "## Recommendation 1: Identify children at risk of exploitation earlier\n\n"
        "### Action 1.1\n\n"
        "- **Action:** Roll out the exploitation screening tool to schools.\n"
        "- **Lead:** Education Safeguarding Lead\n"
        "- **Timescale:** December 2024\n"
        "- **RAG:** Green\n\n"
        "### Action 1.2\n\n"
        "**Action**: Map the places where children are exploited each quarter.\n"
        "**Lead**: Police Child Exploitation Team\n"
        "**Timescale**: Q3 2024/25\n"
        "**RAG**: Amber\n",
        name="plan.md",
    )
    assert [(a.ref, a.section, a.owner, a.rag) for a in draft.actions] == [
        ("1.1", "1", "Education Safeguarding Lead", "green"),
        ("1.2", "1", "Police Child Exploitation Team", "amber"),
    ]
    assert draft.actions[1].text == "Map the places where children are exploited each quarter."


def test_a_numbered_action_followed_by_labels_is_one_record() -> None:
    draft = _text(
        "Priority 2: Neglect\n\n"
        "2.1 Relaunch the Graded Care Profile 2 across the partnership.\n"
        "Lead: Neglect Strategy Lead\n"
        "Timescale: March 2025\n"
        "RAG: Amber\n\n"
        "2.2 Audit the quality of neglect assessments.\n"
        "Lead: Head of Quality Assurance\n"
        "Timescale: June 2025\n"
        "RAG: Green\n"
    )
    assert [(a.ref, a.section, a.owner) for a in draft.actions] == [
        ("2.1", "2", "Neglect Strategy Lead"),
        ("2.2", "2", "Head of Quality Assurance"),
    ]
    assert draft.actions[0].text == "Relaunch the Graded Care Profile 2 across the partnership."


def test_prose_with_colons_is_still_refused_with_no_actions_found() -> None:
    draft = _text(
        "Annual report of the safeguarding partnership\n\n"
        "Note: this report covers April 2023 to March 2024.\n"
        "Purpose: to tell partners what the partnership did this year.\n"
        "Summary: the partnership met six times. Attendance was good.\n"
        "Date: 14 June 2024\n"
        "Author: Partnership Business Manager\n\n"
        "The partnership reviewed three cases. Learning: practitioners should share information.\n"
        "Next steps: the partnership will publish its plan in the autumn.\n"
    )
    assert draft.actions == []
    assert any(w.message.startswith("No actions were found") for w in draft.warnings)


def test_numbered_and_bulleted_actions_with_their_lead_date_and_status_inline_are_read() -> None:
    draft = _text(
        "Westmoor CSPR action plan\n\n"
        "Recommendation 1: Information sharing at the point of referral\n"
        "1.1 Review the MASH protocol with police and health (Lead: Head of MASH; by June 2024) – Amber\n"
        "1.2 Deliver briefings on the protocol to MASH staff (MASH Practice Manager, by July 2024) – Red\n\n"
        "Recommendation 2: Health in strategy discussions\n"
        "- Invite the named nurse to every strategy discussion – Lead: Designated Nurse – "
        "Timescale: March 2024 – Complete\n"
        "- Audit 20 strategy discussions. Owner: Head of QA. Due: Q2 2024/25. RAG: Green.\n"
    )
    assert [(a.ref, a.section, a.text, a.owner, a.due_text, str(a.due), a.rag) for a in draft.actions] == [
        ("1.1", "1", "Review the MASH protocol with police and health", "Head of MASH", "June 2024",
         "2024-06-30", "amber"),
        ("1.2", "1", "Deliver briefings on the protocol to MASH staff", "MASH Practice Manager", "July 2024",
         "2024-07-31", "red"),
        (None, "2", "Invite the named nurse to every strategy discussion", "Designated Nurse", "March 2024",
         "2024-03-31", "complete"),
        (None, "2", "Audit 20 strategy discussions", "Head of QA", "Q2 2024/25", "2024-09-30", "green"),
    ]  # fmt: skip


# an email: 'ref action (lead - when) - RAG' over an 'Update:' line, each paragraph wrapped at 76
# characters as a mail program sends it
EMAILED_PARAGRAPHS = [
    "From:\tHannah Okoro\nSubject:\tMASH improvement plan - July update",
    "Morning all, below is the July position on the MASH Improvement Plan ahead of Board next Thursday, "
    "pasted in as text as a few of you could not open the tracker. Format is: ref, action (lead - due) - "
    "RAG, then the latest update underneath.",
    "THEME A - CONTACTS AND REFERRALS",
    "A1 Relaunch the multi-agency referral form with mandatory fields for consent and the presenting "
    "concern (Dev Mistry, MASH Police DS - end Sept 25) - GREEN",
    "Update: new form built in Liquidlogic, testing with 6 schools w/c 21 July. Go live 1 Sept.",
    "A2 Send feedback to every professional referrer on the outcome of their referral within 3 working "
    "days (Nina Shah, MASH Practice Manager - now Nov 25 (was Aug)) - AMBER",
    "Update: automated letter needs a system change - supplier date is October.",
    "A3 Agree a consent guidance note for partners so that referrals without consent give the reason and "
    "are followed up (Paul Grange, Head of Service Front Door - June 25) - COMPLETE",
    "Update: published on the website 27 June and sent to all DSLs.",
    "THEME B - DECISION MAKING",
    "B1 Make sure every contact to the front door has a management decision recorded within 24 hours "
    "(MASH Team Managers - monthly) - RED",
    "Update: 65% in June against a target of 95%. Two team manager vacancies.",
    "B2 Dip sample 20 'no further action' decisions each month with police and health (Nina Shah, MASH "
    "Practice Manager - monthly from Sept 25) - no RAG yet",
    "Thanks\nHannah",
]


def _wrapped_email() -> str:
    import textwrap

    return "\n\n".join(
        p if "\t" in p else "\n".join(textwrap.wrap(p, width=76, break_on_hyphens=False))
        for p in EMAILED_PARAGRAPHS
    )


def test_an_emailed_plan_wrapped_at_a_fixed_width_reads_each_action_with_its_lead_due_status_and_update() -> (
    None
):
    draft = _text(_wrapped_email())
    assert [(s.ref, s.title) for s in draft.sections] == [
        ("A", "CONTACTS AND REFERRALS"),
        ("B", "DECISION MAKING"),
    ]
    assert [(a.ref, a.section, a.owner, a.due_text, str(a.due), a.rag) for a in draft.actions] == [
        ("A1", "A", "Dev Mistry, MASH Police DS", "end Sept 25", "2025-09-30", "green"),
        ("A2", "A", "Nina Shah, MASH Practice Manager", "now Nov 25 (was Aug)", "2025-11-30", "amber"),
        ("A3", "A", "Paul Grange, Head of Service Front Door", "June 25", "2025-06-30", "complete"),
        ("B1", "B", "MASH Team Managers", "monthly", "None", "red"),
        ("B2", "B", "Nina Shah, MASH Practice Manager", "monthly from Sept 25", "2025-09-30", None),
    ]  # fmt: skip
    first = draft.actions[0]
    assert first.text == (
        "Relaunch the multi-agency referral form with mandatory fields for consent and the presenting concern"
    )
    assert (
        first.progress == "new form built in Liquidlogic, testing with 6 schools w/c 21 July. Go live 1 Sept."
    )
    assert draft.actions[4].progress is None


def test_lines_of_a_text_not_wrapped_at_a_fixed_width_are_not_joined() -> None:
    # each line a record of its own, of every length: nothing joins the 'Update' to the action above
    draft = _text(
        "Recommendation 1: Information sharing\n"
        "1.1 Review the MASH protocol with police and health partners across the whole county "
        "(Lead: Head of MASH; by June 2024) – Amber\n"
        "1.2 Deliver briefings on the protocol (MASH Practice Manager, by July 2024) – Red\n"
        "1.3 Audit twenty strategy discussions for the attendance of health (Lead: Head of QA; "
        "by March 2025) – Green\n"
    )
    assert [(a.ref, a.owner, a.rag) for a in draft.actions] == [
        ("1.1", "Head of MASH", "amber"),
        ("1.2", "MASH Practice Manager", "red"),
        ("1.3", "Head of QA", "green"),
    ]


def test_a_bracketed_aside_without_a_lead_and_a_when_is_part_of_the_action() -> None:
    from intake.importer.records import inline_fields

    # '(currently 3)' names no lead and when: the lead and date come from the last brackets
    fields = inline_fields(
        "D1 Put a health practitioner in the MASH 5 days a week (currently 3) (Sue Kaur - Oct 25) - RED"
    )
    assert fields == {
        "text": "Put a health practitioner in the MASH 5 days a week (currently 3)",
        "owner": "Sue Kaur",
        "due": "Oct 25",
        "rag": "RED",
        "ref": "D1",
    }
    assert inline_fields("1.2 Meet the families (mothers and fathers - both) - soon") is None


def test_a_bulleted_list_of_what_was_done_is_not_read_as_actions() -> None:
    draft = _text(
        "What the partnership did this year\n\n"
        "- Published three reviews, including Child K (see the website).\n"
        "- Trained 400 practitioners, more than last year.\n"
        "- Held a conference in March 2024; 200 attended.\n"
    )
    assert draft.actions == []


def test_an_action_label_followed_only_by_a_progress_note_is_not_an_action() -> None:
    draft = _text(
        "Summary of the review\n\n"
        "Background: Child K was four years old.\n"
        "Action: The partnership has agreed an action plan.\n"
        "Progress: Good progress has been made.\n"
    )
    assert draft.actions == []


# --------------------------------------------------------------------------- form-style Word tables


def test_a_two_column_word_table_per_action_under_recommendation_headings_is_read() -> None:
    def build(document: Any) -> None:
        document.add_heading("CSPR Child K: action plan", level=1)
        document.add_heading("Recommendation 1: Improve information sharing at referral", level=2)
        _form_table(
            document,
            [
                ("Action ref", "1.1"),
                ("Action", "Review the MASH information sharing protocol."),
                ("Lead", "Head of MASH"),
                ("Target date", "30 June 2024"),
                ("RAG", "Amber"),
                ("Progress", "Protocol drafted."),
            ],
        )
        document.add_paragraph("")
        _form_table(
            document,
            [
                ("Action ref", "1.2"),
                ("Action", "Brief MASH staff on the protocol."),
                ("Lead", "MASH Practice Manager"),
                ("Target date", "September 2024"),
                ("RAG", "Red"),
                ("Progress", ""),
            ],
        )
        document.add_heading("Recommendation 2: Strategy discussions include health", level=2)
        _form_table(
            document,
            [
                ("Action ref", "2.1"),
                ("Action", "Invite the named nurse to every strategy discussion."),
                ("Lead", "Designated Nurse"),
                ("Target date", "March 2024"),
                ("RAG", "Complete"),
                ("Progress", "In place since January."),
            ],
        )

    draft = _word(build)
    assert [(a.ref, a.section, a.owner, str(a.due), a.rag) for a in draft.actions] == [
        ("1.1", "1", "Head of MASH", "2024-06-30", "amber"),
        ("1.2", "1", "MASH Practice Manager", "2024-09-30", "red"),
        ("2.1", "2", "Designated Nurse", "2024-03-31", "complete"),
    ]
    assert draft.actions[0].progress == "Protocol drafted."
    assert draft.actions[1].progress is None


def test_one_two_column_word_table_holding_several_records_is_read_record_by_record() -> None:
    def build(document: Any) -> None:
        document.add_paragraph("Recommendation 3: Practitioners understand neglect")
        _form_table(
            document,
            [
                ("Action ref", "3.1"),
                ("Action", "Relaunch the Graded Care Profile 2."),
                ("Lead officer", "Neglect Strategy Lead"),
                ("Deadline", "31/12/2024"),
                ("Status", "Amber"),
                ("Action ref", "3.2"),
                ("Action", "Audit 15 neglect assessments."),
                ("Lead officer", "Head of Quality Assurance"),
                ("Deadline", "31/03/2025"),
                ("Status", "Green"),
            ],
        )

    draft = _word(build)
    assert [(a.ref, a.section, a.text, a.owner, str(a.due), a.rag) for a in draft.actions] == [
        ("3.1", "3", "Relaunch the Graded Care Profile 2.", "Neglect Strategy Lead", "2024-12-31", "amber"),
        ("3.2", "3", "Audit 15 neglect assessments.", "Head of Quality Assurance", "2025-03-31", "green"),
    ]


def test_word_paragraphs_with_bold_labels_are_read() -> None:
    def build(document: Any) -> None:
        document.add_heading("Recommendation 1: Hear the voice of the child", level=2)
        for ref, action, lead, when, rag in (
            ("1.1", "Add the child's words to every plan.", "Head of Service", "May 2024", "Green"),
            ("1.2", "Audit plans for the child's voice.", "QA Manager", "July 2024", "Red"),
        ):
            heading = document.add_paragraph()
            heading.add_run(f"Action {ref}").bold = True
            for label, value in (("Action", action), ("Lead", lead), ("Timescale", when), ("RAG", rag)):
                paragraph = document.add_paragraph()
                paragraph.add_run(f"{label}:").bold = True
                paragraph.add_run(f" {value}")

    draft = _word(build)
    assert [(a.ref, a.section, a.text, a.owner, a.rag) for a in draft.actions] == [
        ("1.1", "1", "Add the child's words to every plan.", "Head of Service", "green"),
        ("1.2", "1", "Audit plans for the child's voice.", "QA Manager", "red"),
    ]


def test_a_form_table_with_its_section_and_opener_across_rows_and_a_status_shown_by_colour_is_read() -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def build(document: Any) -> None:
        for rec, title in (("1", "Information sharing"), ("2", "Health in strategy discussions")):
            table = document.add_table(rows=0, cols=2)
            cells = table.add_row().cells
            cells[0].text, cells[1].text = f"Recommendation {rec}", title
            for n in (1, 2):
                merged = table.add_row().cells
                merged[0].merge(merged[1]).text = f"Action {rec}.{n}"
                for label, value in (
                    ("Action:", f"Carry out task {rec}.{n} with all partners."),
                    ("Lead:", f"Lead {rec}.{n}"),
                    ("By when:", "May 2024"),
                    ("RAG:", ""),
                ):
                    row = table.add_row().cells
                    row[0].text, row[1].text = label, value
                shading = OxmlElement("w:shd")
                shading.set(qn("w:val"), "clear")
                shading.set(qn("w:fill"), "FFC000")
                row[1]._tc.get_or_add_tcPr().append(shading)
            document.add_paragraph("")

    draft = _word(build)
    assert [(a.ref, a.section, a.owner, a.rag) for a in draft.actions] == [
        ("1.1", "1", "Lead 1.1", "amber"),
        ("1.2", "1", "Lead 1.2", "amber"),
        ("2.1", "2", "Lead 2.1", "amber"),
        ("2.2", "2", "Lead 2.2", "amber"),
    ]
    assert {s.ref: s.title for s in draft.sections} == {
        "1": "Information sharing",
        "2": "Health in strategy discussions",
    }


def test_a_form_table_whose_first_row_holds_the_reference_and_the_action_is_read() -> None:
    def build(document: Any) -> None:
        document.add_heading("Priority 3: Neglect", level=2)
        _form_table(
            document,
            [
                ("3.1", "Review the neglect strategy."),
                ("Lead", "QA Manager"),
                ("Target date", "Q3 2024/25"),
                ("Status", "On track"),
                ("3.2", "Audit 20 neglect cases."),
                ("Lead", "Head of Early Help"),
                ("Target date", "March 2025"),
                ("Status", "Delayed"),
            ],
        )

    draft = _word(build)
    assert [(a.ref, a.section, a.text, a.owner, str(a.due), a.rag) for a in draft.actions] == [
        ("3.1", "3", "Review the neglect strategy.", "QA Manager", "2024-12-31", "green"),
        ("3.2", "3", "Audit 20 neglect cases.", "Head of Early Help", "2025-03-31", "amber"),
    ]


def test_word_labels_alone_in_bold_with_their_values_in_the_paragraphs_below_are_read() -> None:
    def build(document: Any) -> None:
        document.add_heading("Recommendation 4: Voice of the child", level=2)
        for n in (1, 2):
            document.add_paragraph().add_run(f"4.{n}").bold = True
            document.add_paragraph().add_run("Action").bold = True
            document.add_paragraph(f"Add the child's words to plan type {n}.")
            document.add_paragraph().add_run("Lead").bold = True
            document.add_paragraph("Head of Service")
            document.add_paragraph().add_run("Progress").bold = True
            document.add_paragraph("First paragraph of progress.")
            document.add_paragraph("Second paragraph of progress.")

    draft = _word(build)
    assert [(a.ref, a.section, a.owner) for a in draft.actions] == [
        ("4.1", "4", "Head of Service"),
        ("4.2", "4", "Head of Service"),
    ]
    assert draft.actions[0].text == "Add the child's words to plan type 1."
    assert draft.actions[1].progress == "First paragraph of progress. Second paragraph of progress."


def test_word_list_paragraphs_with_the_lead_and_date_inline_are_read() -> None:
    def build(document: Any) -> None:
        document.add_heading("Recommendation 1: Information sharing", level=2)
        for text in (
            "Review the MASH protocol with police and health (Lead: Head of MASH; by June 2024) – Amber",
            "Deliver briefings on the protocol to MASH staff (Lead: MASH Practice Manager; by July 2024) – Red",
        ):
            document.add_paragraph(text, style="List Number")  # numbered by Word, not in the text
        document.add_paragraph("The group met on 3 May 2024 (chair: Jane Smith, by video) – all attended.")

    draft = _word(build)
    assert [(a.section, a.text, a.owner, str(a.due), a.rag) for a in draft.actions] == [
        ("1", "Review the MASH protocol with police and health", "Head of MASH", "2024-06-30", "amber"),
        (
            "1",
            "Deliver briefings on the protocol to MASH staff",
            "MASH Practice Manager",
            "2024-07-31",
            "red",
        ),
    ]


def test_a_table_plan_is_read_exactly_as_before() -> None:
    import docx

    document = docx.Document()
    document.add_heading("Action plan", level=1)
    document.add_paragraph("Note: updated quarterly.")
    rows = [
        ["Ref", "Action", "Lead", "Due by", "RAG", "Progress"],
        ["1.1", "Review the MASH protocol.", "Head of MASH", "June 2024", "A", "Drafted."],
        ["1.2", "Brief MASH staff.", "MASH Manager", "July 2024", "R", ""],
        ["2.1", "Invite health to strategy discussions.", "Designated Nurse", "March 2024", "G", "Done."],
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    by_tables = PlanDraft(document="plan.docx")
    build_from_items(by_tables, read_document(data, "plan.docx", ImportLimits()).items)
    draft = import_document(data, filename="plan.docx")
    assert [a.to_dict() for a in draft.actions] == [a.to_dict() for a in by_tables.actions]
    assert len(draft.actions) == 3


def test_unnumbered_headings_over_records_are_their_sections_and_the_latest_status_is_read() -> None:
    draft = _text(
        "# Child exploitation delivery plan\n\n"
        "## Pursue\n\n"
        "**Action**: Disrupt county lines operating in the town centre.\n"
        "**Lead** – Police Child Exploitation Team\n"
        "**Timescale (revised)**: June 2024\n"
        "**RAG (March 2024)**: Red\n"
        "**RAG (June 2024)**: Amber\n\n"
        "**Action**: Use civil orders against adults who exploit children.\n"
        "**Lead** – Community Safety Partnership\n"
        "**Timescale (revised)**: September 2024\n"
        "**RAG (March 2024)**: Amber\n\n"
        "## Prevent\n\n"
        "**Action**: Deliver exploitation awareness sessions in all secondary schools.\n"
        "**Lead** – Education Safeguarding Lead\n"
        "**Timescale (revised)**: July 2024\n"
        "**RAG (March 2024)**: Green\n",
        name="plan.md",
    )
    assert [(a.section, a.owner, a.due_text, a.rag) for a in draft.actions] == [
        ("Pursue", "Police Child Exploitation Team", "June 2024", "amber"),
        ("Pursue", "Community Safety Partnership", "September 2024", "amber"),
        ("Prevent", "Education Safeguarding Lead", "July 2024", "green"),
    ]


# --------------------------------------------------------------------------- realistic plans, scored

TEXT_PLAN = """Eastbridge Safeguarding Children Partnership
Joint Targeted Area Inspection: action plan (updated 1 March 2024)

This plan sets out what partners will do in response to the JTAI of the multi-agency response
to children at risk of criminal exploitation.
Note: the plan is monitored by the Executive Group every quarter.

Area for priority action 1: The quality of return home interviews and the use made of them.

Action 1.1
Action: Commission a single return home interview service across the three councils,
with one shared specification and performance framework.
Lead: Head of Commissioning, Eastbridge Council
Timescale: 30 September 2024
RAG: Amber
Progress: Specification agreed by all three councils in January 2024.
Tender opens in April 2024.

Action 1.2
Action: Share every return home interview with the police missing person coordinator within 72 hours.
Lead: Missing Children Coordinator
Timescale: April 2024
RAG: Green
Progress: 88% of interviews shared within 72 hours in February.
Note: the target is 95%.

Action 1.3
Action: Audit 30 return home interviews for the child's voice and the actions taken.
Lead: Partnership Quality Assurance Manager
Timescale: Q2 2024/25
RAG: Red
Progress: Audit postponed from March because of staff absence.

Area for priority action 2: Health practitioners' contribution to strategy discussions.

Action 2.1: Ensure a health practitioner attends every strategy discussion about exploitation.
Lead officer: Designated Nurse for Safeguarding Children, Eastbridge ICB
By when: End of December 2023
Status: Complete
Update: Attendance has been 100% since November 2023.

Action 2.2: Give school nurses access to the exploitation screening tool and train them in its use.
Lead officer: Head of 0-19 Services
By when: 31/05/2024
Status: Amber
Update: Access granted; training booked for May.

Area for priority action 3: Understanding of the lived experience of exploited children.

Action 3.1
Action: Publish a seven-minute briefing on contextual safeguarding for all partner agencies.
Lead: Partnership Business Manager
Timescale: March 2024
RAG: Complete
Progress: Published on 4 March 2024.

Action 3.2
Action: Hold four practice learning events with young people who have lived experience of exploitation.
Lead: Participation Lead, Eastbridge Youth Service
Timescale: March 2025
RAG: Green
Progress: First event held in February 2024 with 60 practitioners.
"""

TEXT_GOLD: dict[str, Any] = {
    "document": "plan.txt",
    "sections": [
        {"ref": "1", "title": "The quality of return home interviews and the use made of them.", "parent": None},
        {"ref": "2", "title": "Health practitioners' contribution to strategy discussions.", "parent": None},
        {"ref": "3", "title": "Understanding of the lived experience of exploited children.", "parent": None},
    ],
    "actions": [
        {"ref": "1.1", "section": "1",
         "text": "Commission a single return home interview service across the three councils, with one "
                 "shared specification and performance framework.",
         "owner": "Head of Commissioning, Eastbridge Council", "due_text": "30 September 2024",
         "due": "2024-09-30", "rag": "amber",
         "progress": "Specification agreed by all three councils in January 2024. Tender opens in April 2024."},
        {"ref": "1.2", "section": "1",
         "text": "Share every return home interview with the police missing person coordinator within 72 hours.",
         "owner": "Missing Children Coordinator", "due_text": "April 2024", "due": "2024-04-30",
         "rag": "green",
         "progress": "88% of interviews shared within 72 hours in February. Note: the target is 95%."},
        {"ref": "1.3", "section": "1",
         "text": "Audit 30 return home interviews for the child's voice and the actions taken.",
         "owner": "Partnership Quality Assurance Manager", "due_text": "Q2 2024/25", "due": "2024-09-30",
         "rag": "red", "progress": "Audit postponed from March because of staff absence."},
        {"ref": "2.1", "section": "2",
         "text": "Ensure a health practitioner attends every strategy discussion about exploitation.",
         "owner": "Designated Nurse for Safeguarding Children, Eastbridge ICB",
         "due_text": "End of December 2023", "due": "2023-12-31", "rag": "complete",
         "progress": "Attendance has been 100% since November 2023."},
        {"ref": "2.2", "section": "2",
         "text": "Give school nurses access to the exploitation screening tool and train them in its use.",
         "owner": "Head of 0-19 Services", "due_text": "31/05/2024", "due": "2024-05-31", "rag": "amber",
         "progress": "Access granted; training booked for May."},
        {"ref": "3.1", "section": "3",
         "text": "Publish a seven-minute briefing on contextual safeguarding for all partner agencies.",
         "owner": "Partnership Business Manager", "due_text": "March 2024", "due": "2024-03-31",
         "rag": "complete", "progress": "Published on 4 March 2024."},
        {"ref": "3.2", "section": "3",
         "text": "Hold four practice learning events with young people who have lived experience of "
                 "exploitation.",
         "owner": "Participation Lead, Eastbridge Youth Service", "due_text": "March 2025",
         "due": "2025-03-31", "rag": "green",
         "progress": "First event held in February 2024 with 60 practitioners."},
    ],
}  # fmt: skip


@needs_shared
def test_a_text_plan_written_as_labelled_blocks_scores_against_its_gold(scorer: ModuleType) -> None:
    draft = _text(TEXT_PLAN)
    result = score_plan(scorer, draft, TEXT_GOLD)
    assert result["f1"] >= 0.95, result
    assert result["field_mean"] >= 0.9, result
    by_ref = _by_ref(draft)
    for gold in TEXT_GOLD["actions"]:
        action = by_ref[gold["ref"]]
        assert (action.due_text, action.progress) == (gold["due_text"], gold["progress"])


WORD_GOLD: dict[str, Any] = {
    "document": "plan.docx",
    "sections": [
        {"ref": "1", "title": "Partners should strengthen the response to neglect.", "parent": None},
        {"ref": "2", "title": "Partners should improve the quality of child protection plans.", "parent": None},
    ],
    "actions": [
        {"ref": "1.1", "section": "1", "text": "Launch the revised neglect strategy and toolkit.",
         "owner": "Head of Early Help, Northfield Council", "due_text": "30 April 2024",
         "due": "2024-04-30", "rag": "complete", "progress": "Launched at the partnership conference."},
        {"ref": "1.2", "section": "1",
         "text": "Train 250 practitioners across health, police, education and social care in the Graded "
                 "Care Profile 2.",
         "owner": "Neglect Strategy Lead", "due_text": "March 2025", "due": "2025-03-31", "rag": "amber",
         "progress": "140 practitioners trained. Two further sessions are booked."},
        {"ref": "1.3", "section": "1", "text": "Audit 20 neglect cases open to early help.",
         "owner": "Partnership Quality Assurance Manager", "due_text": "Q2 2024/25", "due": "2024-09-30",
         "rag": "red", "progress": "Not started: auditor post vacant."},
        {"ref": "2.1", "section": "2",
         "text": "Agree a multi-agency standard for outcome-focused child protection plans.",
         "owner": "Chair of the Quality Assurance Group", "due_text": "June 2024", "due": "2024-06-30",
         "rag": "green", "progress": "Draft standard agreed by the group in February."},
        {"ref": "2.2", "section": "2",
         "text": "Child protection chairs to challenge plans that do not meet the standard.",
         "owner": "Service Manager, Safeguarding and Reviewing", "due_text": "September 2024",
         "due": "2024-09-30", "rag": "amber", "progress": None},
        {"ref": "2.3", "section": "2",
         "text": "Report compliance with the standard to the Executive Group each quarter.",
         "owner": "Partnership Business Manager", "due_text": "31/12/2024", "due": "2024-12-31",
         "rag": "green", "progress": "First report due in July."},
    ],
}  # fmt: skip

_RAG_WORD = {"complete": "Complete", "amber": "Amber", "red": "Red", "green": "Green"}


@needs_shared
def test_a_word_plan_of_form_tables_scores_against_its_gold(scorer: ModuleType) -> None:
    def build(document: Any) -> None:
        document.add_heading("Northfield Safeguarding Children Partnership", level=1)
        document.add_paragraph("Child safeguarding practice review: action plan, March 2024")
        document.add_paragraph("Status key: Red – not on track; Amber – some slippage; Green – on track.")
        for number, section in enumerate(WORD_GOLD["sections"], start=1):
            document.add_heading(f"Recommendation {number}: {section['title']}", level=2)
            for action in WORD_GOLD["actions"]:
                if action["section"] != section["ref"]:
                    continue
                progress = (action["progress"] or "").split(". ")
                table = _form_table(
                    document,
                    [
                        ("Action ref", action["ref"]),
                        ("Action", action["text"]),
                        ("Lead officer", action["owner"]),
                        ("Target date", action["due_text"]),
                        ("RAG rating", _RAG_WORD[action["rag"]]),
                        ("Progress", ""),
                    ],
                )
                cell = table.cell(5, 1)
                cell.text = progress[0] + ("." if len(progress) > 1 else "")
                for more in progress[1:]:
                    cell.add_paragraph(more)  # a value over several paragraphs of its cell
                document.add_paragraph("")

    draft = _word(build)
    result = score_plan(scorer, draft, WORD_GOLD)
    assert result["f1"] >= 0.95, result
    assert result["field_mean"] >= 0.9, result
    by_ref = _by_ref(draft)
    for gold in WORD_GOLD["actions"]:
        action = by_ref[gold["ref"]]
        assert (action.due_text, action.progress) == (gold["due_text"], gold["progress"])


@pytest.mark.parametrize("name", ["plan.txt", "plan.md"])
def test_the_labelled_text_plan_reads_alike_as_text_and_markdown(name: str) -> None:
    draft = _text(TEXT_PLAN, name=name)
    assert [a.ref for a in draft.actions] == ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2"]


def test_a_record_with_only_its_labelled_action_among_records_with_leads_is_an_action() -> None:
    # the other records give a lead or a date; these two give only their action, or it and an update
    draft = _text(
        "Theme 1: The front door\n\n"
        "Action: Review the early help assessment tool.\n"
        "By whom: Independent Scrutineer\n"
        "Update: Audit tool agreed.\n\n"
        "Action: Introduce training on contextual safeguarding.\n"
        "Update: Task and finish group meets monthly.\n\n"
        "Action: Embed return home interviews.\n"
        "Timescale: March 2025\n\n"
        "Action: Report on multi-agency case audits across the three localities.\n"
    )
    assert [(a.text, a.owner, a.progress) for a in draft.actions] == [
        ("Review the early help assessment tool.", "Independent Scrutineer", "Audit tool agreed."),
        ("Introduce training on contextual safeguarding.", None, "Task and finish group meets monthly."),
        ("Embed return home interviews.", None, None),
        ("Report on multi-agency case audits across the three localities.", None, None),
    ]


def test_a_reference_alone_on_its_line_over_the_actions_words_and_its_labels_is_an_action() -> None:
    # a Word page of actions printed to text: '1.1' on a line of its own, its words below, then
    # 'Lead:', 'Timescale:', 'Status:'
    from intake.importer.api import import_document

    text = "\n".join(
        [
            "What we will do",
            "1.1",
            "",
            "Launch the revised neglect strategy and a partnership-wide neglect",
            "toolkit, with a launch event for frontline practitioners.",
            "Lead: Neglect Subgroup Chair",
            "Timescale: June 2025",
            "Status: Complete",
            "",
            "1.2",
            "",
            "Train at least 150 practitioners in the Graded Care Profile 2.",
            "Lead: Training Coordinator",
            "Timescale: March 2026",
            "Status: Amber",
        ]
    )
    draft = import_document(text.encode("utf-8"), filename="plan.txt")
    assert [(a.ref, a.text, a.owner, a.due_text, a.rag) for a in draft.actions] == [
        (
            "1.1",
            "Launch the revised neglect strategy and a partnership-wide neglect toolkit, with a launch event "
            "for frontline practitioners.",
            "Neglect Subgroup Chair",
            "June 2025",
            "complete",
        ),
        (
            "1.2",
            "Train at least 150 practitioners in the Graded Care Profile 2.",
            "Training Coordinator",
            "March 2026",
            "amber",
        ),
    ]
