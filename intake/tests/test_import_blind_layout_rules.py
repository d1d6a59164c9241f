"""The general rules the plans written blind (``blind/``) called for, each on a small plan of its own:
a grouping column's lettered numbers, page markings, notes below a table, long column names, a
spreadsheet saved as comma-separated text under another name, a Status column beside a RAG column,
pointer rows, a recommendation's sentence merged down its table, leads merged down, actions cut
by a page break, Word's 'Save as Plain Text' and headings naming their code."""

from __future__ import annotations

import pytest

from intake.importer.api import import_document
from intake.importer.columnruns import (
    _Block,
    _is_heading,
    _leads_apart,
    _names_cut_from_headings,
    _numbers_refs_below,
)
from intake.importer.columns import _FURNITURE, _header_columns, header_fields_of
from intake.importer.layout import due_then_update, is_pointer
from intake.importer.model import PlanDraft
from intake.importer.normalise import parse_rag
from intake.importer.readers.dispatch import sniff_format


def _text(text: str, name: str = "plan.txt") -> PlanDraft:
    return import_document(text.encode("utf-8"), filename=name)


def _by_ref(draft: PlanDraft) -> dict[str | None, object]:
    return {a.ref: a for a in draft.actions}


LAID_OUT_RECOMMENDATIONS = """\
Recommendation                  Ref    Action                                     Action owner        Target        RAG
R1                              R1.1   Revise the single assessment template      Rebecca Thorne,     31/01/2025    Green
The Partnership should                 so that every adult in the household is    Head of Service
seek assurance that                    named and checked.
practitioners apply the
'Think Family' approach, so     R1.2   Deliver briefings to all social work       Amira Haddad        30/11/2024    Complete
that the needs of adults               teams.
inform assessments.
R2                              R2.1   Introduce a daily screening process in     Mark Aldridge       31/10/2024    Complete
The Partnership should                 the Public Protection Unit.
ensure that information         R2.2   Review the use of the Domestic Violence    Hannah Pryce        28/02/2025    Amber
is shared promptly.                    Disclosure Scheme.
                                                                              OFFICIAL – SENSITIVE
                                R2.3   Probation practitioners to carry out       Gemma Lister        31/12/2024    Green
                                       safeguarding enquiries.


        Next review by the Oversight Group: 21/01/2025.


        Page 4
"""


def test_a_laid_out_grouping_column_opening_with_a_lettered_number_is_one_section_over_its_rows() -> None:
    draft = _text(LAID_OUT_RECOMMENDATIONS)
    assert [a.ref for a in draft.actions] == ["R1.1", "R1.2", "R2.1", "R2.2", "R2.3"]
    assert [a.section for a in draft.actions] == ["R1", "R1", "R2", "R2", "R2"]
    titles = {s.ref: s.title for s in draft.sections}
    assert titles["R1"].startswith("The Partnership should seek assurance")
    assert titles["R1"].endswith("inform assessments.")


def test_a_protective_marking_with_a_dash_is_page_furniture_not_a_lead() -> None:
    draft = _text(LAID_OUT_RECOMMENDATIONS)
    assert _by_ref(draft)["R2.2"].owner == "Hannah Pryce"  # type: ignore[attr-defined]
    for marking in (
        "OFFICIAL – SENSITIVE",
        "OFFICIAL-SENSITIVE",
        "OFFICIAL: SENSITIVE",
        "NOT PROTECTIVELY MARKED",
    ):
        assert _FURNITURE.search(marking)
    assert not _FURNITURE.search("Protect")  # a 4P strand's name


def test_a_note_set_apart_below_a_laid_out_table_is_not_a_section() -> None:
    draft = _text(LAID_OUT_RECOMMENDATIONS)
    assert {s.ref for s in draft.sections} == {"R1", "R2"}
    assert _by_ref(draft)["R2.3"].section == "R2"  # type: ignore[attr-defined]


def test_a_long_column_name_is_one_column_not_two() -> None:
    assert header_fields_of("Progress update and evidence of impact") == [
        ("progress", "Progress update and evidence of impact")
    ]
    assert header_fields_of("Lead agency and officer") == [("owner", "Lead agency and officer")]
    assert header_fields_of("Agency and lead") == [("owner", "Agency and lead")]


def test_a_labelled_finding_across_the_table_is_a_heading_however_long() -> None:
    finding = (
        "Area for improvement 2: Thresholds for access to emotional wellbeing and mental health services "
        "are not well understood by all professionals, and some children wait too long for help while "
        "services agree which is best placed to support them."
    )
    assert _is_heading(finding)
    assert not _is_heading("1. The board noted the report and agreed its recommendations in full.")


CSV_TRACKER = (
    "Halbury Partnership - CSE and Missing Children Action Plan 2024/25 - RAG tracker,,,,,,\r\n"
    ",,,,,,\r\n"
    "Ref,Theme,Action,Lead,Target date,Status,RAG\r\n"
    "CSE/M-01,Prevent,Refresh the multi-agency training offer.,Learning Officer,30/09/2024,Complete,G\r\n"
    'CSE/M-02,,"Deliver the awareness campaign to taxi drivers\r\nand hotels.",Licensing,31/12/2024,In progress,A\r\n'
    "CSE/M-03,,Audit return home interviews.,Missing Coordinator,Mar-25,Overdue,R\r\n"
    "CSE/M-04,,As above - see CSE/M-03,,,,\r\n"
    "CSE/M-05,Protect,Map the places of concern.,Police,31/03/2025,Not started,\r\n"
)


def test_a_spreadsheet_saved_as_comma_separated_text_is_read_whatever_its_name() -> None:
    draft = _text(CSV_TRACKER, name="tracker.txt")
    assert [a.ref for a in draft.actions] == ["CSE/M-01", "CSE/M-02", "CSE/M-03", "CSE/M-05"]
    assert _by_ref(draft)["CSE/M-02"].text == (  # type: ignore[attr-defined]
        "Deliver the awareness campaign to taxi drivers and hotels."
    )


def test_prose_with_commas_and_tab_separated_rows_are_not_taken_for_comma_separated_text() -> None:
    prose = "\n".join(["We will, with partners, review the plan, the key and the data, monthly."] * 8)
    assert sniff_format(prose.encode(), "plan.txt") == "text"
    assert sniff_format(CSV_TRACKER.encode(), "plan.md") == "text"  # Markdown is read as written
    tabbed = "Ref\tAction\tLead\tRAG\n1.1\tReview the plan, with partners.\tHead of Service\tG\n"
    assert [a.ref for a in _text(tabbed).actions] == ["1.1"]


def test_a_status_column_in_words_beside_a_rag_column_gives_the_rating_that_rates_the_action() -> None:
    ratings = {a.ref: a.rag for a in _text(CSV_TRACKER, name="tracker.txt").actions}
    assert ratings == {"CSE/M-01": "complete", "CSE/M-02": "amber", "CSE/M-03": "red", "CSE/M-05": None}


@pytest.mark.parametrize(
    "text",
    [
        "As above - see CSE/M-18",
        "As above – see R4.4 for children in care who go missing from out of area homes",
        "N/A – covered by action 3.1",
        "Action merged with 1e – see above",
        "See PRO-3 above",
        "See action 3.1 – the pre-birth protocol covers transfers from other areas",
        "No action for Wessex Police under this recommendation – police actions are under Recommendation 5.",
    ],
)
def test_a_row_that_points_to_another_action_is_not_an_action(text: str) -> None:
    assert is_pointer(text)


@pytest.mark.parametrize(
    "text", ["Nappies and equipment for families in need", "Merged teams to be reviewed by the board"]
)
def test_an_action_opening_like_a_pointer_is_still_an_action(text: str) -> None:
    assert not is_pointer(text)


RECOMMENDATION_TABLES = """\
## Recommendation 1 – Assessments and plans

Ofsted recommendation\tWhat we will do\tLead\tBy when\tRAG
The timeliness and quality of assessments and plans for children in need of help and protection.\t<b>R1.1</b> Introduce revised practice standards.\tHead of Service\tJune 2024\tG
\t<b>R1.2</b> Implement a weekly assessment tracker.\t\tJuly 2024\tA

## Recommendation 2 – Missing and exploitation

Ofsted recommendation\tWhat we will do\tLead\tBy when\tRAG
The response to children who go missing and the quality of return home interviews.\t<b>R2.1</b> Bring the return home interview service in house.\tService Manager\tApril 2025\tG
"""


def test_a_recommendation_merged_down_its_table_under_its_heading_describes_that_section() -> None:
    draft = _text(RECOMMENDATION_TABLES, name="plan.md")
    assert [(a.ref, a.section) for a in draft.actions] == [("R1.1", "1"), ("R1.2", "1"), ("R2.1", "2")]
    sections = {s.ref: s for s in draft.sections}
    assert set(sections) == {"1", "2"}
    assert sections["1"].what_needs_to_improve == (
        "The timeliness and quality of assessments and plans for children in need of help and protection."
    )


def test_a_lead_merged_down_rows_numbered_in_their_text_is_every_rows_lead() -> None:
    draft = _text(RECOMMENDATION_TABLES, name="plan.md")
    assert _by_ref(draft)["R1.2"].owner == "Head of Service"  # type: ignore[attr-defined]


AGENCY_FIRST = """\
Agency and lead\tAction\tTarget date\tBRAG\tProgress
<b>Recommendation 1: Partner agencies should make sure that assessments identify every adult in the household.</b>
Children's Services – Sarah Kendrick, Head of Safeguarding\tUpdate the assessment template.\t31/03/2025\tGreen\tTemplate drafted.
\tDeliver practice workshops for all social workers.\tMarch 2025\tAmber\tFive of eight delivered.
\tAudit the inclusion of fathers in records and report the findings to the\t28/02/2025\tGreen\tAudit under way.

OFFICIAL

\tTrust Safeguarding Committee and the Partnership.\t\t\t
Police – DI Hannah Cole\tRecord the details of every adult present.\t30/11/2024\tBlue\tIn place.
"""


def test_a_lead_column_before_the_action_column_is_merged_down_the_rows_it_leads() -> None:
    owners = [a.owner for a in _text(AGENCY_FIRST).actions]
    lead = "Children's Services – Sarah Kendrick, Head of Safeguarding"
    assert owners == [lead, lead, lead, "Police – DI Hannah Cole"]


def test_an_action_cut_on_a_word_no_sentence_ends_with_goes_on_after_the_page_break() -> None:
    texts = [a.text for a in _text(AGENCY_FIRST).actions]
    assert texts[2] == (
        "Audit the inclusion of fathers in records and report the findings to the Trust Safeguarding "
        "Committee and the Partnership."
    )


WORD_PLAIN_TEXT = (
    "\ufeffKelsbridge Safeguarding Children Partnership\r\n"
    "Business Plan 2024–2026\r\n"
    "\r\n"
    "Priority 1 (P1): Neglect – children get the right help at the right time\r\n"
    "Why this is a priority\r\n"
    "Neglect remains the most common category for children on a plan.\r\n"
    "Ref\tWhat we will do\tSuccess measure\tLead\tBy when\tStatus\tProgress update\r\n"
    "P1.1\tLaunch the refreshed Neglect Strategy.\tStrategy published\r\n"
    "•\t400 practitioners reached\tSue Farrant, Head of Early Help\tJune 2024\tComplete\tLaunched in May.\r\n"
    "Briefing pack on the website.\r\n"
    "P1.2\tTrain 120 practitioners in the Graded Care Profile 2.\t•\t120 practitioners trained\r\n"
    "•\tGCP2 used in 75% of cases\tSue Farrant, Head of Early Help\tMarch 2025\tComplete\tThree cohorts trained.\r\n"
    "Section 11 (Children Act 2004) assurance\r\n"
    "P1.3\tRun the Section 11 audit.\tAll agencies return\tDaniel Okafor\tSeptember 2024\tComplete\tClosed.\r\n"
    "\r\n"
    "Priority 2 (P2): An effective partnership\r\n"
    "Ref\tWhat we will do\tSuccess measure\tLead\tBy when\tStatus\tProgress update\r\n"
    "P2.1\tPublish the annual report.\tReport published\tDaniel Okafor\tSeptember 2024\tComplete\tPublished.\r\n"
)


def test_a_table_saved_as_plain_text_by_word_keeps_each_cells_paragraphs_in_its_row() -> None:
    draft = _text(WORD_PLAIN_TEXT)
    actions = _by_ref(draft)
    assert list(actions) == ["P1.1", "P1.2", "P1.3", "P2.1"]
    first = actions["P1.1"]
    assert first.text == "Launch the refreshed Neglect Strategy."  # type: ignore[attr-defined]
    assert first.owner == "Sue Farrant, Head of Early Help"  # type: ignore[attr-defined]
    assert first.due_text == "June 2024"  # type: ignore[attr-defined]
    assert first.progress == "Launched in May. Briefing pack on the website."  # type: ignore[attr-defined]
    assert actions["P1.2"].outcome == "• 120 practitioners trained • GCP2 used in 75% of cases"  # type: ignore[attr-defined]


def test_a_heading_naming_its_code_opens_that_section_and_an_acts_section_is_not_a_number() -> None:
    draft = _text(WORD_PLAIN_TEXT)
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("P1.1", "P1"),
        ("P1.2", "P1"),
        ("P1.3", "Section 11 (Children Act 2004) assurance"),
        ("P2.1", "P2"),
    ]
    titles = {s.ref: s.title for s in draft.sections}
    assert titles["P1"] == "Neglect – children get the right help at the right time"
    assert titles["P2"] == "An effective partnership"


def test_two_leads_printed_as_one_block_are_told_apart_by_an_agency_the_other_leads_name() -> None:
    merged = _Block(
        line=1,
        page=1,
        lines=[
            "Southshire Police – Insp. Gareth Moyles, Mental Health",
            "Tactical Lead",
            "Wexcombe Health and Care",
            "NHS Foundation Trust – Dr",
            "Leah Osei, Consultant Child",
            "and Adolescent Psychiatrist",
        ],
    )
    agencies = frozenset({"Southshire Police", "Wexcombe Health and Care NHS Foundation Trust"})
    apart = _leads_apart([merged], agencies, 2)
    assert [b.text for b in apart] == [
        "Southshire Police – Insp. Gareth Moyles, Mental Health Tactical Lead",
        "Wexcombe Health and Care NHS Foundation Trust – Dr Leah Osei, Consultant Child and Adolescent Psychiatrist",
    ]
    assert _leads_apart([merged], agencies, 3) == [merged]  # only where that makes one lead per row


PDFMINER_COLUMNS = """Ref

What we will do

Lead

By when

RAG

Area for improvement 1: The response to children and young people who present in crisis at the emergency
department is not consistently timely, and the information shared after their attendance is not sufficient.

1.1

1.2

Review the liaison pathway between the emergency
department and the crisis team, and publish a
revised joint protocol.

Introduce a standard discharge summary template
for children attending with self-harm, shared
with the GP and the school nurse.

Wexcombe Hospital – Claire Dunmore, Named
Nurse

End of June
2024

September
2024

Wexcombe Health – Mark Penrose, Service
Manager

G

A
"""


def test_a_long_labelled_finding_printed_across_a_column_by_column_table_opens_its_section() -> None:
    draft = _text(PDFMINER_COLUMNS)
    assert [(a.ref, a.section) for a in draft.actions] == [("1.1", "1"), ("1.2", "1")]
    assert draft.sections[0].title.startswith("The response to children and young people")


def test_a_laid_out_header_naming_a_column_in_six_words_keeps_it_one_column() -> None:
    header = (
        "Ref      Action                                  Lead officer       Target date     "
        "Progress update and evidence of impact           RAG"
    )
    columns = _header_columns(header)
    assert columns is not None
    assert [c.field for c in columns] == ["ref", "text", "owner", "due", "progress", "rag"]


def test_a_heading_printed_with_the_first_column_name_is_cut_from_it_only_over_runs_of_references() -> None:
    def blocks(*texts: str) -> list[_Block]:
        return [_Block(line=k, page=1, lines=text.split("\n")) for k, text in enumerate(texts)]

    over_refs = blocks("5. Action plan\nWhat we will do", "Ref", "Lead", "1.1", "1.2", "Review the plan.")
    assert [b.text for b in _names_cut_from_headings(over_refs)][:2] == ["5. Action plan", "What we will do"]
    # plain pdftotext prints a row at a time: its cells are read by the cell-after-cell reading
    no_refs = blocks(
        "Priority 1: Quality assurance\nActions", "Action owner", "Deadline", "Relaunch the record."
    )
    assert _names_cut_from_headings(no_refs) == no_refs


def test_a_long_numbered_area_right_above_its_numbered_references_is_its_heading() -> None:
    area = _Block(
        line=1,
        page=1,
        lines=[
            "1. The consistency and impact of management oversight and supervision, so that plans for",
            "children progress without delay.",
        ],
    )
    assert _numbers_refs_below(area, [_Block(line=3, page=1, lines=["1.1"])])
    assert not _numbers_refs_below(area, [_Block(line=3, page=1, lines=["2.1"])])


LABELLED_BLOCKS = (
    "\ufeffBrackenford City Council\r\n"
    "Improvement plan\r\n"
    "Contents\r\n"
    "Recommendation 1 – Front door\t4\r\n"
    "Recommendation 2 – Management oversight\t6\r\n"
    "\r\n"
    "Recommendation 1\r\n"
    "The timeliness of the response when concerns are first raised at the front door.\r\n"
    "\r\n"
    "Action 1.1: Review the screening pathway with police and health partners.\r\n"
    "Lead: Mark Pellow, Head of Service\r\n"
    "Timescale: End of October 2024\r\n"
    "RAG status: Blue\r\n"
    "\r\n"
    "Action 1.2: Agree a revised handover protocol, with:\r\n"
    "•\ta single handover template\r\n"
    "•\ta weekly dip-sample\r\n"
    "Lead: EDT Manager – Chris Adeyemi\r\n"
    "Timescale: March 2025 (revised from December 2024)\r\n"
    "RAG status: Amber\r\n"
    "\r\n"
    "Recommendation 2\r\n"
    "The quality of management oversight and supervision.\r\n"
    "\r\n"
    "Action 2.1: Refresh the supervision policy.\r\n"
    "Lead: Principal Social Worker\r\n"
    "Timescale: 30/09/2024\r\n"
    "RAG status: Complet ed\r\n"
)


def test_labelled_blocks_saved_as_plain_text_keep_their_recommendations_and_bulleted_actions() -> None:
    draft = _text(LABELLED_BLOCKS)
    assert [(a.ref, a.section, a.rag) for a in draft.actions] == [
        ("1.1", "1", "complete"),
        ("1.2", "1", "amber"),
        ("2.1", "2", "complete"),
    ]
    titles = {s.ref: s.title for s in draft.sections}
    assert titles == {
        "1": "The timeliness of the response when concerns are first raised at the front door.",
        "2": "The quality of management oversight and supervision.",
    }
    second = _by_ref(draft)["1.2"]
    assert second.text == (  # type: ignore[attr-defined]
        "Agree a revised handover protocol, with: a single handover template a weekly dip-sample"
    )
    assert second.owner == "EDT Manager – Chris Adeyemi"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("cell", "status"), [("Complet ed", "complete"), ("Gre en", "green"), ("On tr ack", "green")]
)
def test_a_status_word_broken_in_a_narrow_cell_is_still_read(cell: str, status: str) -> None:
    assert parse_rag(cell) == (status, True)


def test_letters_side_by_side_are_not_read_as_one_broken_status() -> None:
    assert parse_rag("A G") == (None, False)


def _laid_out_page(refs: list[str], last: bool = False) -> str:
    rows = "".join(
        f"{ref:<9}Review the {ref} practice standards so       Head of Service          June 2025         G\n"
        f"         that plans progress without delay.\n"
        for ref in refs
    )
    header = "Ref      Action                                      Lead officer             Target date       RAG\n"
    footer = "Ashcombe Borough Council – Children's Services Improvement Plan v1.6\n                    Page 1 of 3\n"
    ending = "\n6. Sign-off\nThis plan was signed off by the Director of Children's Services and the Lead Member for Children.\n"
    return header + rows + footer + (ending if last else "")


def test_a_running_footer_on_every_page_and_a_numbered_part_after_the_table_are_not_actions() -> None:
    text = "\f".join(
        [_laid_out_page(["1.1", "1.2"]), _laid_out_page(["1.3", "1.4"]), _laid_out_page(["1.5"], last=True)]
    )
    draft = _text(text)
    assert [a.ref for a in draft.actions] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    assert draft.sections == []
    assert all(a.owner == "Head of Service" for a in draft.actions)


REPORT_WITH_APPENDIX = """\
# Children's Scrutiny Committee

## 4. Key messages from the Annual Report

4.1 The partnership met its statutory duties.

# Appendix A: Action plan

<b>BRAG rating</b>\t<b>Meaning</b>
B\tBlue – complete and evidence received
G\tGreen – on track
A\tAmber – at risk of not meeting target date
R\tRed – off track

**Recommendation 4:** The MSCP should seek assurance that children educated at home are seen.

<b>Ref</b>\t<b>Action</b>\t<b>Lead</b>\t<b>Target date</b>\t<b>BRAG</b>
4(a)\tRevise the Elective Home Education procedure.\tHead of Access\tMarch 2025\tA (was G)
4(b)\tNotify children's social care of every new registration.\tHead of Access\tJune 2025\tB
"""


def test_a_bold_label_opening_its_line_names_the_plans_section_even_after_a_report_part_of_that_number() -> (
    None
):
    draft = _text(REPORT_WITH_APPENDIX, name="report.md")
    assert [(a.ref, a.section, a.rag) for a in draft.actions] == [
        ("4(a)", "4", "amber"),
        ("4(b)", "4", "complete"),
    ]
    assert (
        draft.sections[0].title == "The MSCP should seek assurance that children educated at home are seen."
    )


KEY_WITH_STATUS_WORDS = """\
# Status key

<b>Status</b>\t<b>Colour</b>\t<b>Meaning</b>
Not started\tGrey\tAction not yet started
In progress\tAmber\tAction under way and expected to be completed by the target date
Complete\tGreen\tAction completed and evidence provided
Overdue\tRed\tTarget date has passed

# Action plan

<b>Issue identified</b>\t<b>Action required</b>\t<b>By whom</b>\t<b>By when</b>\t<b>Evidence of completion</b>\t<b>Status</b>
<b>1. Fathers</b>\t1.1 Record every adult in the household in assessments, and to report\tHead of Service\t31.03.25\tAudit report.\tIn progress
\tthe findings to the Quality subgroup.\t(schools) and Named Nurse\t\t\t
\t1.2 Audit fifteen plans for fathers.\tQA subgroup\t31.07.24\tReport received.\tComplete
\t1.3 Brief all team managers.\tPrincipal Social Worker\tJan-25\t\tNot started
"""


def test_a_key_naming_each_status_word_with_its_colour_rates_the_plans_status_words() -> None:
    draft = _text(KEY_WITH_STATUS_WORDS, name="plan.md")
    assert {s.key: s.label for s in draft.rag_scheme} == {
        "amber": "In progress",
        "complete": "Complete",
        "red": "Overdue",
    }
    assert [(a.ref, a.rag) for a in draft.actions] == [("1.1", "amber"), ("1.2", "complete"), ("1.3", None)]


def test_a_row_cut_mid_sentence_by_a_page_break_goes_on_with_its_lead_beside_it() -> None:
    first = _text(KEY_WITH_STATUS_WORDS, name="plan.md").actions[0]
    assert first.text == (
        "Record every adult in the household in assessments, and to report the findings to the Quality subgroup."
    )
    assert first.owner == "Head of Service (schools) and Named Nurse"


BARRED_ROWS = """\
Ravensworth Safeguarding Children Partnership
Neglect and Early Help Improvement Plan 2024–25

Priority | What we will do | Who | By when | Progress update | RAG
1. Recognising neglect early | Relaunch the neglect toolkit with a briefing. | Head of Early Help | End of June 2024 | Launched in May. | Complete
1. Recognising neglect early | Add neglect indicators to the GP template. | Named GP | March 2025 | Template drafted.
Roll-out delayed by the supplier's release. | Amber
2. Using the Graded Care Profile 2 | Train 150 practitioners in GCP2. | Training Lead | Q4 2024/25 | 96 trained. | Green
"""


def test_rows_printed_with_bars_between_cells_and_a_cells_paragraphs_on_lines_of_their_own_are_read() -> None:
    draft = _text(BARRED_ROWS)
    assert [(a.section, a.owner, a.rag) for a in draft.actions] == [
        ("1", "Head of Early Help", "complete"),
        ("1", "Named GP", "amber"),
        ("2", "Training Lead", "green"),
    ]
    assert draft.actions[1].progress == "Template drafted. Roll-out delayed by the supplier's release."


QUARTER_RATINGS = """\
# Objective 1: Recognising neglect early

<b>Ref</b>\t<b>What we will do</b>\t<b>Lead(s)</b>\t<b>By when</b>\t<b>Q1 <i>Apr–Jun</i></b>\t<b>Q2 <i>Jul–Sep</i></b>\t<b>Q3 <i>Oct–Dec</i></b>\t<b>Q4 <i>Jan–Mar</i></b>\t<b>Progress (Q3 update)</b>
N1.1\tRelaunch the Graded Care Profile 2.\tNeglect Subgroup Chair\tQ1 2024/25\tB\tB\tB\t\tRelaunched in May 2024.
N1.2\tTrain 300 practitioners in GCP2.\tTraining Lead\tMarch 2025\tG\tA\tA\t\t196 trained.
N1.3\tAudit neglect cases.\tQA Lead\tJanuary 2025\t\t\t\t\tNot started.
"""


def test_a_rating_per_quarter_beside_a_progress_column_gives_the_latest_quarters_rating() -> None:
    draft = _text(QUARTER_RATINGS, name="plan.md")
    assert [(a.ref, a.rag, a.progress) for a in draft.actions] == [
        ("N1.1", "complete", "Relaunched in May 2024."),
        ("N1.2", "amber", "196 trained."),
        ("N1.3", None, "Not started."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "What success will look like: victims get the right support quickly.",
        "Further actions will be added once the needs assessment is published – see above.",
    ],
)
def test_a_row_across_the_table_saying_what_success_looks_like_or_that_actions_will_follow_is_not_an_action(
    text: str,
) -> None:
    plan = f"<b>Action</b>\t<b>Lead</b>\t<b>Timescale</b>\t<b>RAG</b>\nReview the refuge offer.\tHousing Lead\tMarch 2025\tG\n{text}\t\t\t\n"
    assert [a.text for a in _text(plan, name="plan.md").actions] == ["Review the refuge offer."]


AFI_BLOCKS = """\
Post-ILACS Improvement Plan

 Ref Action Lead officer Timescale RAG Progress update
(Q2 2024/25)

AFI 1: The consistency and impact of management oversight and supervision of children in need.

AFI 1.1 Revise the supervision policy so that records show reflective discussion

Karen Whitlock, Head of
Service

April 2024 B Revised policy launched 22/04/24 at the
Practice Week conference.

AFI 1.2 Team managers to attend the Supervising for Impact programme

Principal Social Worker

November 2024 G 64 of 81 managers trained.

AFI 2: The timeliness of assessments for children in need of help and protection.

AFI 2.1 Introduce a weekly assessment tracker for team managers

Head of Service

June 2024 A Tracker live from May.
"""


def test_actions_numbered_with_a_code_in_pdf_blocks_keep_their_areas_and_take_their_cells_from_the_cell_reading() -> (
    None
):
    draft = _text(AFI_BLOCKS)
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("AFI 1.1", "AFI 1"),
        ("AFI 1.2", "AFI 1"),
        ("AFI 2.1", "AFI 2"),
    ]
    # the RAG and progress cells are printed among the leads and dates: read cell by cell, the
    # date, the status and the update on one line told apart, the next area's line not an update
    assert [(a.owner, a.due_text, a.rag, a.progress) for a in draft.actions] == [
        (
            "Karen Whitlock, Head of Service",
            "April 2024",
            "complete",
            "Revised policy launched 22/04/24 at the Practice Week conference.",
        ),
        ("Principal Social Worker", "November 2024", "green", "64 of 81 managers trained."),
        ("Head of Service", "June 2024", "amber", "Tracker live from May."),
    ]
    assert any("read from the text cell by cell" in w.message for w in draft.warnings)


RECOMMENDATION_BLOCKS = """\
Child T review action plan

Wexcombe Safeguarding Children Partnership
Local child safeguarding practice review
Introduction
The review looked at the help given to Child T and the family over three years.
The partnership accepted the review's findings in full.
This plan sets out what each agency will do.

Ref / Action Lead

Target
date

Recommendation 1

The partnership should seek assurance that agencies recognise the neglect of older children.

R1.1 Refresh the neglect strategy to include a section on adolescent neglect.

Kate Holloway, Head of Early Help

End of June
2024

R1.2 Deliver briefings on adolescent neglect to practitioners.

Recommendation 2

The partnership should seek assurance that children missing education are followed up.

R2.1 Agree a protocol between the education welfare service and early help.

Sam Price, Head of Inclusion

March 2025
"""


def test_a_recommendation_alone_over_its_paragraph_heads_its_actions_in_pdf_blocks() -> None:
    # as pdfminer prints a Word-made PDF: each line of a block ends in a space
    draft = _text("\n".join(f"{line} " if line else "" for line in RECOMMENDATION_BLOCKS.split("\n")))
    assert [(a.ref, a.section) for a in draft.actions] == [("R1.1", "1"), ("R1.2", "1"), ("R2.1", "2")]
    assert draft.actions[0].owner == "Kate Holloway, Head of Early Help"


def test_a_row_that_lost_its_merged_lead_puts_ongoing_under_the_due_date_not_the_lead() -> None:
    plan = (
        "| Ref | What we will do | Lead | Target date | Progress update | BRAG |\n"
        "|---|---|---|---|---|---|\n"
        "| PURS-1 | Map the county lines. | Northshire Police – Supt Daniel Price | March 2025 | Mapping done. | G |\n"
        "| PURS-2 | Increase the use of disruption tactics. | Ongoing | 14 notices issued. | G |\n"
    )
    second = _text(plan, name="plan.md").actions[1]
    assert (second.owner, second.due_text, second.progress) == (
        "Northshire Police – Supt Daniel Price",
        "Ongoing",
        "14 notices issued.",
    )


SHEETS = """\
## P3 Workforce
| Priority 3 – A confident and skilled workforce | Unnamed: 1 | Unnamed: 2 | Unnamed: 3 |
| --- | --- | --- | --- |
| No. | What we will do | By when | Who |
| 3.1 | Deliver a neglect learning programme. | Q1 2025/26 | HSCP Learning Lead |

## P4 Voice & QA
| Ref | Action | Lead | Deadline |
| --- | --- | --- | --- |
| 4.1 | Audit children on plans for neglect. | QA Subgroup | 2025-02-28 00:00:00 |
| 4.2 | Ask children what helps when home life is hard. | Participation Lead | March 2025 |
"""


def test_a_new_sheet_whose_actions_are_numbered_anew_opens_their_section_named_by_the_sheet() -> None:
    draft = _text(SHEETS, name="tracker.md")
    assert [(a.ref, a.section) for a in draft.actions] == [("3.1", "3"), ("4.1", "4"), ("4.2", "4")]
    assert {s.ref: s.title for s in draft.sections}["4"] == "Voice & QA"


def test_a_label_alone_heads_actions_in_pdf_blocks_only_over_a_paragraph_not_over_a_short_name() -> None:
    from intake.importer.textlayout import _paragraph_below

    over_paragraph = [
        (1, "Recommendation 1"),
        (2, ""),
        (3, "The partnership should seek assurance that agencies act."),
    ]
    over_name = [(1, "Priority 1:"), (2, "Safeguarding adolescents outside the home")]
    assert _paragraph_below(over_paragraph, 0)
    assert not _paragraph_below(over_name, 0)  # a grouping cell as plain pdftotext prints it


LETTERED_WITH_STATUS = """\
Northvale Safeguarding Children Partnership
Practice review action plan

Rec Action Lead agency / officer

By when

Progress and evidence of
impact

Status

1 The partnership should seek assurance that practitioners understand how
neglect can present in disabled children and do not attribute its signs to
the child's disability.

1a Produce a practice guide and 7-minute briefing
on neglect of disabled children

NVSCP – Fiona Garside,
Business Manager

June 2024 Guide published 10 June 2024 and
circulated through all agency leads.

Complete

1b Update the multi-agency neglect training
so that it includes the learning from this review

NVSCP Training Lead –
Marcus Obi

September 2024 Revised course piloted 18 July.

On track

2 Health commissioners should ensure that children with a learning
disability who miss health appointments are followed up by the services
that know them.

2a Review the 'was not brought' policies of all
health providers in the area

Health – Anita Rao, Named
Doctor

31/10/2024 Policies collected from four of six
providers.

At risk
"""


def test_lettered_actions_in_pdf_blocks_with_a_status_column_take_their_cells_from_the_cell_by_cell_reading() -> (
    None
):
    draft = _text(LETTERED_WITH_STATUS)
    assert [(a.ref, a.section) for a in draft.actions] == [("1a", "1"), ("1b", "1"), ("2a", "2")]
    assert [(a.owner, a.due_text, a.rag) for a in draft.actions] == [
        ("NVSCP – Fiona Garside, Business Manager", "June 2024", "complete"),
        ("NVSCP Training Lead – Marcus Obi", "September 2024", "green"),
        ("Health – Anita Rao, Named Doctor", "31/10/2024", "amber"),
    ]
    assert draft.actions[0].progress == (
        "Guide published 10 June 2024 and circulated through all agency leads."
    )
    assert any("read from the text cell by cell" in w.message for w in draft.warnings)


def test_a_due_date_and_the_update_beside_it_on_one_line_are_told_apart() -> None:
    assert due_then_update("June 2024 Guide published 10 June 2024.") == (
        "June 2024",
        "",
        "Guide published 10 June 2024.",
    )
    assert due_then_update("31/10/2024 Policies collected from four providers.") == (
        "31/10/2024",
        "",
        "Policies collected from four providers.",
    )
    assert due_then_update("Q4 2024/25 Audit booked for February.") == (
        "Q4 2024/25",
        "",
        "Audit booked for February.",
    )
    # the status cell printed between them
    assert due_then_update("November 2024 G 64 of 81 managers trained.") == (
        "November 2024",
        "G",
        "64 of 81 managers trained.",
    )
    assert due_then_update("June 2024") is None
    assert due_then_update("End of June 2024 and quarterly after") is None  # no sentence of its own
