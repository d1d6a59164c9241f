"""Plans as the noisier PDF extraction (seed 001's) prints them: a row per tab-separated line, a tall
merged cell's lines shared out over the rows beside it, references lost or stuck to the text.
Each text is small and written here to mimic one quirk of that tool."""

from __future__ import annotations

import datetime as dt

from intake.importer.api import import_document
from intake.importer.model import Action, PlanDraft

HEADER = "Ref\tAreas for development\tActions\tCompletion date and key milestones\tLead/s"


def _read(lines: list[str]) -> PlanDraft:
    return import_document(("\n".join(lines) + "\n").encode("utf-8"), filename="plan.txt")


def _by_text(draft: PlanDraft, opening: str) -> Action:
    return next(a for a in draft.actions if a.text.startswith(opening))


def test_a_due_date_followed_by_a_colon_and_its_status_is_read() -> None:
    draft = _read(
        [
            HEADER,
            "1\tSome GPs are not aware of the think family approach\t"
            "1.1 Review the training package for GPs\tMay 2020: Complete\tNamed GP",
            "\t\t1.2 Share briefings with every practice\tJune 2020\t",
        ]
    )
    first = _by_text(draft, "Review the training")
    assert first.due_text == "May 2020: Complete"
    assert first.due == dt.date(2020, 5, 31)
    assert first.rag == "complete"


def test_a_reference_stuck_to_the_text_on_the_row_that_opens_a_priority_is_split_off() -> None:
    draft = _read(
        [
            "Priority\tAction\tLead\tTimescale",
            "1. Supervision does not ensure plans progress\t1.1 Relaunch the supervision policy\t"
            "Head of Service\tMarch 2024",
            "for children without drift\t1.2Introduce a monthly tracking meeting\tService Manager\tJune 2024",
            "2. Children in care do not always have their health needs met\t"
            "2.1Review the pathway for initial health assessments\tDesignated Nurse\tApril 2024",
            "\t2.2Offer every care leaver a health passport\tHead of Service\tJuly 2024",
        ]
    )
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("1.1", "1"),
        ("1.2", "1"),
        ("2.1", "2"),
        ("2.2", "2"),
    ]
    assert _by_text(draft, "Review the pathway").ref == "2.1"


def test_an_action_whose_number_the_extraction_lost_takes_the_gap_its_section_leaves() -> None:
    draft = _read(
        [
            HEADER,
            "1\tThe pathway is not always clear\t1.1 Audit the emotional wellbeing team\tOctober 2020\tLead A",
            "\tfor some children\t1.2 Revise the escalation process\tOctober 2020\t",
            "\t\t1.3 Publish the escalation process\tNovember 2020\t",
            "\t\t1.4 Review the pathways between services\tDecember 2020\t",
            "2\tRisks are not always recognised\tEnsure escalation processes are in place\tSeptember 2020\tLead B",
            "\tby professionals\t2.2. Improve the understanding of complex case planning\tJune 2020\tLead C",
            "\t\tContinue to improve the timely review of cases\tDecember 2020\t",
            "3\tPlans are not always clear\t3.1 Include clear timescales in every plan\tJune 2020\tLead D",
            "\t\tShare the audit findings with the board\tJuly 2020\t",
            "\t\t3.3 Audit plans each quarter\tSeptember 2020\t",
            "\t\t3.4 Report the audits to the board\tOctober 2020\t",
            "4\tPolice do not always refer\tExploitation leadership: a lead has been created\tJune 2020\tLead E",
        ]
    )
    refs = {a.text[:20]: a.ref for a in draft.actions}
    assert refs == {
        "Audit the emotional ": "1.1",
        "Revise the escalatio": "1.2",
        "Publish the escalati": "1.3",
        "Review the pathways ": "1.4",
        "Ensure escalation pr": "2.1",
        "Improve the understa": "2.2",
        "Continue to improve ": "2.3",
        "Include clear timesc": "3.1",
        "Share the audit find": "3.2",
        "Audit plans each qua": "3.3",
        "Report the audits to": "3.4",
        # a section without numbered actions does not number them
        "Exploitation leaders": None,
    }
    assert any("it was numbered 2.3" in w.message for w in draft.warnings)


def test_an_action_without_a_number_in_a_plan_that_numbers_few_is_left_unnumbered() -> None:
    draft = _read(
        [
            HEADER,
            "1\tThe pathway is not always clear\t1.1 Audit the emotional wellbeing team\tOctober 2020\tLead A",
            "\t\tRevise the escalation process\tOctober 2020\t",
            "2\tRisks are not always recognised\tEnsure escalation processes are in place\tSeptember 2020\tLead B",
            "\t\tImprove the understanding of complex case planning\tJune 2020\tLead C",
        ]
    )
    assert [a.ref for a in draft.actions] == ["1.1", None, None, None]


def test_a_merged_lead_cut_mid_phrase_over_two_rows_is_one_lead_for_the_rows_it_spans() -> None:
    draft = _read(
        [
            HEADER,
            "1\tSome children wait too long\t1.1 Undertake an audit of the wellbeing team\tOctober 2020\t"
            "Celia Lamden, Head of Early Help",
            "\tfor an assessment\t1.2 All young people with complex needs have a case plan\tOctober 2020\t"
            "Health – Matt Stone, CAMHS Head of",
            "\t\t1.3 Review complex case planning oversight\tSeptember 2020\t"
            "Service ESCC – Vicky Finnemore, Head of Specialist Services",
            "\t\t1.4 Review pathways between services\tSeptember 2020\t",
            "2\tPlans are not clear\t2.1 Include timescales in every plan\tJune 2020\tDouglas Sinclair, Head of",
            "\t\t2.2 Audit the plans\tJuly 2020\tPolice DCI Chris Mayle",
        ]
    )
    whole = "Health – Matt Stone, CAMHS Head of Service ESCC – Vicky Finnemore, Head of Specialist Services"
    assert [a.owner for a in draft.actions] == [
        "Celia Lamden, Head of Early Help",
        whole,
        whole,
        whole,
        "Douglas Sinclair, Head of Police DCI Chris Mayle",
        "Douglas Sinclair, Head of Police DCI Chris Mayle",
    ]


# a plan numbering its actions in their text, with no Ref column, its header row ending in tabs
PRIORITY_HEADER = "Priority\tAction\tLead\tTimescale\tSuccess measure\tRAG and progress\t\t"


def test_the_last_words_of_a_wrapped_action_on_a_line_of_their_own_go_on_with_that_action() -> None:
    draft = _read(
        [
            PRIORITY_HEADER,
            "1. Plans drift\t1.1 Hold practice weeks in which senior leaders observe practice and speak with\t"
            "Director of Children’s\tDecember 2024\tPractice week reports\t\t\t",
            "\tchildren\tServices\t\t\t\t",
            "\t1.2 Report the findings of each practice week to the Improvement\tHead of Service\tMarch 2025\t\t\t",
            "\tBoard\t\t\tBoard minutes\t\t\t",
        ]
    )
    assert [(a.ref, a.text, a.owner) for a in draft.actions] == [
        (
            "1.1",
            "Hold practice weeks in which senior leaders observe practice and speak with children",
            "Director of Children’s Services",
        ),
        ("1.2", "Report the findings of each practice week to the Improvement Board", "Head of Service"),
    ]


def test_two_actions_sharing_a_cell_that_wraps_take_the_lead_above_and_the_cells_beside_the_wrapped_end() -> (
    None
):
    draft = _read(
        [
            PRIORITY_HEADER,
            "1. Oversight is weak\t1.1 Introduce a monthly tracking meeting\tService Manager, Child Protection\t"
            "June 2024\tFewer children on plans\tAmber – two meetings held\t\t",
            "\t1.2Deliver oversight training to all team managers  "
            "1.3Audit 20 cases a month and report findings to the Improvement\t"
            "September 2024 Q3 2024/25\tAll managers trained\tComplete\t\t",
            "\tBoard\tPrincipal Social Worker\t\tAudit findings show improvement\tRed – audits paused\t\t",
        ]
    )
    assert [(a.ref, a.owner, a.due_text, a.rag) for a in draft.actions] == [
        ("1.1", "Service Manager, Child Protection", "June 2024", "amber"),
        ("1.2", "Service Manager, Child Protection", "September 2024", "complete"),
        ("1.3", "Principal Social Worker", "Q3 2024/25", "red"),
    ]
    assert _by_text(draft, "Audit 20 cases").text.endswith("to the Improvement Board")


def test_an_action_without_a_number_under_a_numbered_one_is_read_with_the_lead_merged_over_both() -> None:
    draft = _read(
        [
            PRIORITY_HEADER,
            "2. Health needs are not met\t2.1Review the pathway for health assessments\tDesignated Nurse\t"
            "April 2024\t85% within timescale\tAmber – 64% in Q4\t\t",
            "\t2.2Offer every care leaver a health passport\tHead of Service, Children in Care\t"
            "July 2024\tAll care leavers offered a passport\tGreen – 112 issued\t\t",
            "\tReport the timeliness of health assessments to the Corporate Parenting Panel each quarter\t"
            "Quarterly from June 2024\tPanel minutes\tGreen\t\t",
        ]
    )
    last = _by_text(draft, "Report the timeliness")
    assert (last.section, last.owner, last.due_text, last.rag) == (
        "2",
        "Head of Service, Children in Care",
        "Quarterly from June 2024",
        "green",
    )
    assert [a.rag for a in draft.actions] == ["amber", "green", "green"]


def test_a_lead_cut_over_rows_with_a_row_below_it_without_a_lead_also_leads_the_row_above_its_first_line() -> (
    None
):
    draft = _read(
        [
            HEADER,
            "1\tSome children wait too long\t1.1 Audit the wellbeing team\tOctober 2020\tCelia Lamden, Head of Early Help",
            "\t\t1.2 Revise the escalation processes\tOctober 2020\t",
            "\t\t1.3 Consider every young person for a complex case plan\tOctober 2020\tHealth – Matt Stone, CAMHS Head of",
            "\t\t1.4 Review complex case planning oversight\tSeptember 2020\tService ESCC – Vicky Finnemore",
            "\t\t1.5 Review pathways between services\tSeptember 2020\t",
            "2\tPlans are not clear\t2.1 Include timescales in every plan\tJune 2020\tDouglas Sinclair",
            "\t\t2.2 Audit the plans\tJuly 2020\t",
            "\t\t2.3 Report the audits\tJuly 2020\tPolice – DCI Chris Mayle, Head of",
            "\t\t2.4 Train the officers\tJuly 2020\tPublic Protection",
        ]
    )
    cut = "Health – Matt Stone, CAMHS Head of Service ESCC – Vicky Finnemore"
    police = "Police – DCI Chris Mayle, Head of Public Protection"
    assert [a.owner for a in draft.actions] == [
        "Celia Lamden, Head of Early Help",
        cut,
        cut,
        cut,
        cut,
        "Douglas Sinclair",
        "Douglas Sinclair",  # no row without a lead below the cut cell: it starts at its first line
        police,
        police,
    ]


def test_each_further_line_of_a_lead_cut_over_rows_in_the_rows_right_below_is_part_of_it() -> None:
    draft = _read(
        [
            HEADER,
            "11\tChildren wait too long for CAMHS\t11.1Increase access to early interventions\tDecember 2020\t"
            "Health – Matt Stone, CAMHS Head of Service  Niki Cartwright, Interim Director of",
            "\t\t11.2Report the waiting list to commissioners\tDecember 2020\tCommissioning, NHS CCG",
            "\t\t11.3Expand the ADHD pathway\tDecember 2020\tBrenda Lynes, Associate Director, ESHT",
            "\t\t11.4Develop a business case for more capacity\tQ2 2020/21\t",
            "12\tChildren in care wait\t12.1Re-issue the invitation to LAC Nurses\tJuly 2020\tTeresa Hill, Head of LAC",
        ]
    )
    whole = (
        "Health – Matt Stone, CAMHS Head of Service Niki Cartwright, Interim Director of Commissioning, "
        "NHS CCG Brenda Lynes, Associate Director, ESHT"
    )
    assert [a.owner for a in draft.actions] == [whole, whole, whole, whole, "Teresa Hill, Head of LAC"]


NARROW_COLUMNS = [
    "Re\tOutcome we\tAction\tLead\tBy when\tProgress / evidence of\tBRA",
    "f\twant\t\t\t\timpact\tG",
    "1a\tOutcome 1:\tPhilomena Protocol to be\tOrrinsford\tDecemb\t27 of 35 providers\tAmber",
    "\tChildren who go\tsigned by all homes.\tPolice\ter 2024\tsigned up.\t",
    "1b\tmissing\tReturn home interview\tMissing\tQuarterly\tFirst analysis\tGreen",
    "\t\tthemes to be analysed.\tCoordinator\t\tpresented.\t",
    "2a\tOutcome 2:\tEvery child at risk to\tExploitation\tEnd of\tAudit in October.\tGreen",
    "\tChildren at risk\thave a safety plan.\tTeam Manager\tOct 2024\t\t",
    "2b\t\tReview the use of the\tSCP Business\tTBC\t\t",
    "\t\tNational Referral\tManager\t\t\t",
    "\t\tMechanism for children.\tSCP Chair\t\t\t",
]


def test_a_header_wrapped_in_narrow_columns_is_one_header_and_its_rows_are_read_whole() -> None:
    # blind round 6: 'Re' over 'f', 'BRA' over 'G', an outcome column merged down, a month cut mid-word
    draft = _read(NARROW_COLUMNS)

    got = [(a.ref, a.section, a.due, a.rag) for a in draft.actions]
    assert got == [
        ("1a", "1", dt.date(2024, 12, 31), "amber"),
        ("1b", "1", None, "green"),
        ("2a", "2", dt.date(2024, 10, 31), "green"),
        ("2b", "2", None, None),
    ]
    assert [s.title for s in draft.sections] == ["Children who go missing", "Children at risk"]
    assert _by_text(draft, "Review the use").text == (
        "Review the use of the National Referral Mechanism for children."
    )  # a lead's next line beside it is no new action in a plan that numbers every action


def test_a_name_over_sub_columns_is_not_read_as_a_wrapped_name() -> None:
    from intake.importer.readers.text import tab_headers_rejoined

    lines = ["Ref\tAction\tLead\t\tRAG", "\t\tAgency\tOfficer\t"]
    assert tab_headers_rejoined(lines) == lines
    wrapped = ["Re\tAction\tLead\tBy when\tBRA", "f\t\t\t\tG"]
    assert tab_headers_rejoined(wrapped) == ["", "Ref\tAction\tLead\tBy when\tBRAG"]


def test_a_plain_line_over_each_of_several_tables_is_the_section_of_its_rows() -> None:
    # blind round 6: a Word heading per strand above its own table, printed without its style
    header = "Ref\tAction\tOwner\tTarget date\tRAG"
    draft = _read(
        [
            "Westmoor Child Exploitation Delivery Plan 2024-2026",
            "Pursue – disrupt and prosecute those who exploit children",
            header,
            "PUR-1\tHold a monthly disruption panel.\tWestmoor Police\tOngoing\tG",
            "PUR-2\tTrack every National Referral Mechanism\tYouth Justice Service\tMarch 2025\tA",
            "\treferral for every child charged.\t\t\t",
            "Prevent – stop children being drawn into exploitation",
            header,
            "PRE-1\tDeliver the awareness programme to Year 7.\tEducation Safeguarding Lead\tJuly 2025\tG",
        ]
    )
    pursue = "Pursue – disrupt and prosecute those who exploit children"
    prevent = "Prevent – stop children being drawn into exploitation"
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("PUR-1", pursue),
        ("PUR-2", pursue),
        ("PRE-1", prevent),
    ]


def test_a_priority_row_cut_at_the_columns_edges_heads_its_objectives_and_their_actions() -> None:
    # blind round 6: 'Priority' | '1: Safer adolescents –' | 'exploitation ...' across the table, and
    # an unnumbered Objective merged down, its words flowing into the next row
    draft = _read(
        [
            "Ref\tObjective\tActions\tLead\tTimescale\tRAG",
            "Priority\t1: Safer adolescents –\texploitation and missing\t\t\t",
            "1.1\tChildren at risk of\tImplement the revised MACE terms of\tPolice\tQ2 2024/25\tGreen",
            "\texploitation are identified\treference.\t\t\t",
            "1.2\tearly\tDevelop a single screening tool.\tSub-group\tMarch 2025\tAmber",
            "1.3\tYoung people are supported\tReview every excluded child.\tHead of Inclusion\tSept 24\tRed",
            "Priority\t2: Early help\tat the right time\t\t\t",
            "2.1\tFamilies get help early\tLaunch the Family Hubs front door.\tAssistant Director\tOctober 2024\tGreen",
        ]
    )
    assert [a.ref for a in draft.actions] == ["1.1", "1.2", "1.3", "2.1"]
    sections = {s.ref: s for s in draft.sections}
    assert sections["1"].title == "Safer adolescents – exploitation and missing"
    assert sections["2"].title == "Early help at the right time"
    first = sections[draft.actions[0].section]
    assert first.title == "Children at risk of exploitation are identified early" and first.parent == "1"
    assert draft.actions[1].section == draft.actions[0].section  # 'early' goes on, opens nothing
    assert sections[draft.actions[3].section].parent == "2"
