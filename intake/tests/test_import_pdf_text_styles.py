"""Whole plans as the two PDF text extractors of the seed documents print them, in layouts the seeds
do not have, each scored against a gold file written here by the rules of ../shared/gold/README.md.

The 000 style (pdfminer): each cell's lines in reading order with a trailing space, cells apart by
blank lines, single-line cells of a row run together on one line, header words split over lines,
superscripts ('3' / 'rd') on lines of their own, page footers and the header repeated after a break.
The 001 style: a row per tab-separated line, a tall merged cell's text shared out over the rows
beside it, long cells wrapped onto continuation rows, several actions run together in one cell
('2.3Review ... 2.4Audit ...'), a section row split after its first letters ('Hea\\tHealth'), the
header repeated (and garbled) after a page break, trailing tabs.
"""

from __future__ import annotations

from types import ModuleType

from .conftest import gold_action, gold_plan, score_plan


def _text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- 1. ILACS improvement plan

ILACS_SECTIONS = [
    (
        "1",
        "Management oversight and supervision do not consistently ensure that plans for children progress without drift or delay",
        None,
    ),
    ("2", "Children in care and care leavers do not always have their health needs met", None),
    ("3", "The voice of the child is not consistently evident in assessments and plans", None),
]

ILACS_ACTIONS = [
    gold_action(
        "1.1",
        "1",
        "Relaunch the supervision policy with a clear standard for frequency, reflection and recording on the child’s file",
        "Head of Service, Children in Need",
        "March 2024",
        "2024-03-31",
        "green",
    ),
    gold_action(
        "1.2",
        "1",
        "Introduce a monthly tracking meeting for children on plans over 18 months",
        "Service Manager, Child Protection",
        "June 2024",
        "2024-06-30",
        "amber",
    ),
    gold_action(
        "1.3",
        "1",
        "Deliver management oversight training to all team managers and advanced practitioners",
        "Service Manager, Child Protection",
        "September 2024",
        "2024-09-30",
        "complete",
    ),
    gold_action(
        "1.4",
        "1",
        "Audit 20 cases a month against the supervision standard and report findings to the Improvement Board",
        "Principal Social Worker",
        "Q3 2024/25",
        "2024-12-31",
        "red",
    ),
    gold_action(
        "2.1",
        "2",
        "Review the pathway for initial health assessments so that they take place within 20 working days of a child coming into care",
        "Designated Nurse for Children in Care, ICB",
        "April 2024",
        "2024-04-30",
        "amber",
    ),
    gold_action(
        "2.2",
        "2",
        "Offer every care leaver a health passport and a named contact in the 16+ health team",
        "Head of Service, Children in Care and Care Leavers",
        "31st July 2024",
        "2024-07-31",
        "green",
    ),
    gold_action(
        "2.3",
        "2",
        "Report the timeliness of health assessments to the Corporate Parenting Panel each quarter",
        "Head of Service, Children in Care and Care Leavers",
        "Quarterly from June 2024",
        "2024-06-30",
        "green",
    ),
    gold_action(
        "3.1",
        "3",
        "Refresh the assessment template so that the child’s words and wishes are recorded in a section of their own",
        "Principal Social Worker",
        "May 2024",
        "2024-05-31",
        "complete",
    ),
    gold_action(
        "3.2",
        "3",
        "Commission an advocacy offer for children subject to child protection conferences",
        "Strategic Commissioning Manager",
        "October 2024",
        "2024-10-31",
        "amber",
    ),
    gold_action(
        "3.3",
        "3",
        "Hold practice weeks twice a year in which senior leaders observe practice and speak with children",
        "Director of Children’s Services",
        "December 2024",
        "2024-12-31",
        None,
    ),
]

ILACS_PDFMINER = _text(
    [
        "Northfield Children’s Services ",
        "ILACS Improvement Plan 2024 - 2025 ",
        "",
        "Priority Action ",
        "",
        "Lead ",
        "",
        "Timescale Success ",
        "measure ",
        "",
        "RAG and ",
        "progress ",
        "",
        "1. Management oversight and supervision do not consistently ensure that ",
        "plans for children progress without drift or delay ",
        "",
        "1.1 Relaunch the supervision policy with a clear ",
        "standard for frequency, reflection and recording on ",
        "the child’s file ",
        "",
        "Head of Service, ",
        "Children in Need ",
        "",
        "March 2024 ",
        "",
        "90% of supervision ",
        "records in date at ",
        "monthly audit ",
        "",
        "Green – policy ",
        "relaunched in January; ",
        "March audit showed ",
        "91% in date ",
        "",
        "1.2 Introduce a monthly tracking meeting for ",
        "children on plans over 18 months ",
        "",
        "Service Manager, ",
        "Child Protection ",
        "",
        "June 2024 ",
        "",
        "Fewer children on ",
        "plans over 18 ",
        "months ",
        "",
        "Amber – first two ",
        "meetings held; health ",
        "attendance to improve ",
        "",
        "1.3 Deliver management oversight training to all ",
        "team managers and advanced practitioners ",
        "",
        "September ",
        "2024 ",
        "",
        "All managers trained ",
        "",
        "Complete ",
        "",
        "1.4 Audit 20 cases a month against the supervision ",
        "standard and report findings to the Improvement ",
        "Board ",
        "",
        "Principal Social ",
        "Worker ",
        "",
        "Q3 2024/25 ",
        "",
        "Audit findings show ",
        "improvement ",
        "",
        "Red – audits paused ",
        "while the tool is ",
        "revised ",
        "",
        "OFFICIAL ",
        "",
        "Page 1 of 2 ",
        "",
        "\x0cPriority Action ",
        "",
        "Lead ",
        "",
        "Timescale Success ",
        "measure ",
        "",
        "RAG and ",
        "progress ",
        "",
        "2. Children in care and care leavers do not always have their health needs ",
        "met ",
        "",
        "2.1 Review the pathway for initial health ",
        "assessments so that they take place within 20 ",
        "working days of a child coming into care ",
        "",
        "Designated Nurse ",
        "for Children in ",
        "Care, ICB ",
        "",
        "April 2024 ",
        "",
        "85% of IHAs within ",
        "timescale ",
        "",
        "Amber – 64% in Q4; ",
        "extra clinics from May ",
        "",
        "2.2 Offer every care leaver a health passport and a ",
        "named contact in the 16+ health team ",
        "",
        "Head of Service, ",
        "Children in Care ",
        "and Care Leavers ",
        "",
        "31",
        "",
        "st",
        "",
        " July 2024 ",
        "",
        "All care leavers ",
        "offered a passport ",
        "",
        "Green – 112 ",
        "passports issued ",
        "",
        "2.3 Report the timeliness of health assessments to the Corporate Parenting Panel each quarter ",
        "",
        "Quarterly from ",
        "June 2024 ",
        "",
        "Panel minutes ",
        "",
        "Green ",
        "",
        "3. The voice of the child is not consistently evident in assessments and ",
        "plans ",
        "",
        "3.1 Refresh the assessment template so that the ",
        "child’s words and wishes are recorded in a section ",
        "of their own ",
        "",
        "Principal Social ",
        "Worker ",
        "",
        "May 2024 ",
        "",
        "Audits show the ",
        "child’s voice in 90% ",
        "of assessments ",
        "",
        "Complete – new ",
        "template live in ",
        "Mosaic ",
        "",
        "3.2 Commission an advocacy offer for children ",
        "subject to child protection conferences ",
        "",
        "Strategic ",
        "Commissioning ",
        "Manager ",
        "",
        "October 2024 ",
        "",
        "Advocacy take-up ",
        "reported quarterly ",
        "",
        "Amber – tender ",
        "delayed to August ",
        "",
        "3.3 Hold practice weeks twice a year in which senior ",
        "leaders observe practice and speak with children ",
        "",
        "Director of ",
        "Children’s Services ",
        "",
        "December 2024 ",
        "",
        "Practice week ",
        "reports ",
        "",
        "OFFICIAL ",
        "",
        "Page 2 of 2 ",
        "",
        "\x0c",
    ]
)


def test_an_ilacs_plan_printed_by_pdfminer_scores_against_its_gold(scorer: ModuleType) -> None:
    result = score_plan(
        scorer, ILACS_PDFMINER, gold_plan("ilacs_pdfminer.txt", ILACS_SECTIONS, ILACS_ACTIONS)
    )
    assert result["f1"] >= 0.9, result
    assert result["field_mean"] >= 0.85, result


# --------------------------------------------------------------------------- 2. practice review plan

CSPR_SECTIONS = [
    (
        "1",
        "The partnership should seek assurance that strategy discussions include health and education",
        None,
    ),
    (
        "2",
        "Agencies should make sure that fathers and other significant males are included in assessments",
        None,
    ),
]

CSPR_ACTIONS = [
    gold_action(
        "1a",
        "1",
        "Amend the strategy discussion template so that the attendance of health and education is recorded, with the reason where they were not invited",
        "Children’s Social Care",
        "30/06/2024",
        "2024-06-30",
        "complete",
    ),
    gold_action(
        "1b",
        "1",
        "Provide a named safeguarding nurse to join strategy discussions within working hours",
        "ICB / Health",
        "September 2024",
        "2024-09-30",
        "amber",
    ),
    gold_action(
        "1c",
        "1",
        "Audit 30 strategy discussions to test the change and report to the Quality Assurance subgroup",
        "Police",
        "End of December 2024",
        "2024-12-31",
        "red",
    ),
    gold_action(
        "2a",
        "2",
        "Add a prompt about fathers and other adults in the household to the single assessment",
        "Children’s Social Care",
        "July 2024",
        "2024-07-31",
        "green",
    ),
    gold_action(
        "2b",
        "2",
        "Deliver the ‘Think Dad’ briefing to health visitors and midwives",
        "ICB / Health",
        "Q2 2024/25",
        "2024-09-30",
        "green",
    ),
    gold_action(
        "2c",
        "2",
        "Record the details of fathers and partners in the education safeguarding file",
        "Education",
        "March 2025",
        "2025-03-31",
        None,
    ),
]

CSPR_PDFMINER = _text(
    [
        "Child Safeguarding Practice Review – Child L ",
        "Partnership Action Plan ",
        "",
        "Recommendation Action ",
        "",
        "Lead agency Target date Evidence of ",
        "impact ",
        "",
        "Status ",
        "",
        "Recommendation 1: The partnership should seek assurance that strategy ",
        "discussions include health and education ",
        "",
        "1a Amend the strategy discussion template so that ",
        "the attendance of health and education is ",
        "recorded, with the reason where they were not ",
        "invited ",
        "",
        "Children’s Social ",
        "Care ",
        "",
        "30/06/2024 ",
        "",
        "Template in use ",
        "from 1 June; dip ",
        "sample shows health ",
        "invited in 27 of 30 ",
        "",
        "Complete ",
        "",
        "1b Provide a named safeguarding nurse to join ",
        "strategy discussions within working hours ",
        "",
        "ICB / Health ",
        "",
        "September 2024 ",
        "",
        "Rota agreed; ",
        "recruitment to the ",
        "second post under way ",
        "",
        "Amber ",
        "",
        "1c Audit 30 strategy discussions to test the change and report to the Quality ",
        "Assurance subgroup ",
        "",
        "Police End of December ",
        "2024 ",
        "",
        "Not started ",
        "",
        "Red ",
        "",
        "OFFICIAL-SENSITIVE ",
        "",
        "1 ",
        "",
        "\x0cRecommendation Action ",
        "",
        "Lead agency Target date Evidence of ",
        "impact ",
        "",
        "Status ",
        "",
        "Recommendation 2: Agencies should make sure that fathers and other ",
        "significant males are included in assessments ",
        "",
        "2a Add a prompt about fathers and other adults in ",
        "the household to the single assessment ",
        "",
        "Children’s Social ",
        "Care ",
        "",
        "July 2024 ",
        "",
        "Prompt live; audit ",
        "due in the autumn ",
        "",
        "Green ",
        "",
        "2b Deliver the ‘Think Dad’ briefing to health visitors and midwives ICB / Health Q2 2024/25 ",
        "",
        "Four briefings held, ",
        "96 staff ",
        "",
        "Green ",
        "",
        "2c Record the details of fathers and partners in the ",
        "education safeguarding file ",
        "",
        "Education March 2025 ",
        "",
        "OFFICIAL-SENSITIVE ",
        "",
        "2 ",
        "",
        "\x0c",
    ]
)


def test_a_practice_review_plan_printed_by_pdfminer_scores_against_its_gold(scorer: ModuleType) -> None:
    result = score_plan(scorer, CSPR_PDFMINER, gold_plan("cspr_pdfminer.txt", CSPR_SECTIONS, CSPR_ACTIONS))
    assert result["f1"] >= 0.9, result
    assert result["field_mean"] >= 0.85, result


# --------------------------------------------------------------------------- 3. business plan

BUSINESS_SECTIONS = [
    ("1", "Neglect", None),
    ("1.1", "Practitioners recognise neglect early and act on it", "1"),
    ("1.2", "Children living with neglect have plans that make a difference", "1"),
    ("2", "Child exploitation", None),
    ("2.1", "Children at risk of exploitation are identified and safeguarded", "2"),
]

BUSINESS_ACTIONS = [
    gold_action(
        "1.1.1",
        "1.1",
        "Relaunch the neglect toolkit with a training offer for schools and health visitors",
        "Neglect Subgroup Chair",
        "June 2024",
        "2024-06-30",
        "green",
    ),
    gold_action(
        "1.1.2",
        "1.1",
        "Run a multi-agency audit of neglect cases stepped down from social care",
        "Partnership Business Manager",
        "December 2024",
        "2024-12-31",
        "amber",
    ),
    gold_action(
        "1.2.1",
        "1.2",
        "Publish a practice guide on chronologies for children living with neglect",
        "Principal Social Worker",
        "September 2024",
        "2024-09-30",
        "complete",
    ),
    gold_action(
        "2.1.1",
        "2.1",
        "Agree a single exploitation screening tool across police, health and social care",
        "Detective Superintendent, Public Protection",
        "Q2 2024/25",
        "2024-09-30",
        "red",
    ),
    gold_action(
        "2.1.2",
        "2.1",
        "Report the exploitation data profile to the partnership each quarter",
        "Head of Exploitation and Missing",
        "March 2025",
        "2025-03-31",
        "green",
    ),
]

BUSINESS_PDFMINER = _text(
    [
        "Safeguarding Children Partnership Business Plan 2024-25 ",
        "",
        "Ref Action ",
        "",
        "Lead Due Q1 Q2 Q3 Q4 ",
        "",
        "Priority 1: Neglect ",
        "",
        "Objective 1.1: Practitioners recognise neglect early and act on it ",
        "",
        "1.1.1 Relaunch the neglect toolkit with a training ",
        "offer for schools and health visitors ",
        "",
        "Neglect Subgroup ",
        "Chair ",
        "",
        "June 2024 ",
        "",
        "Amber ",
        "",
        "Green ",
        "",
        "1.1.2 Run a multi-agency audit of neglect cases ",
        "stepped down from social care ",
        "",
        "Partnership ",
        "Business Manager ",
        "",
        "December ",
        "2024 ",
        "",
        "Green ",
        "",
        "Amber ",
        "",
        "Amber ",
        "",
        "Objective 1.2: Children living with neglect have plans that make a difference ",
        "",
        "1.2.1 Publish a practice guide on chronologies for ",
        "children living with neglect ",
        "",
        "Principal Social ",
        "Worker ",
        "",
        "September ",
        "2024 ",
        "",
        "Green ",
        "",
        "Green ",
        "",
        "Complete ",
        "",
        "Page 1 of 2 ",
        "",
        "\x0cRef Action ",
        "",
        "Lead Due Q1 Q2 Q3 Q4 ",
        "",
        "Priority 2: Child exploitation ",
        "",
        "Objective 2.1: Children at risk of exploitation are identified and safeguarded ",
        "",
        "2.1.1 Agree a single exploitation screening tool ",
        "across police, health and social care ",
        "",
        "Detective ",
        "Superintendent, ",
        "Public Protection ",
        "",
        "Q2 2024/25 ",
        "",
        "Amber ",
        "",
        "Red ",
        "",
        "2.1.2 Report the exploitation data profile to the ",
        "partnership each quarter ",
        "",
        "Head of ",
        "Exploitation and ",
        "Missing ",
        "",
        "March 2025 ",
        "",
        "Green ",
        "",
        "Green ",
        "",
        "Green ",
        "",
        "Page 2 of 2 ",
        "",
        "\x0c",
    ]
)


def test_a_business_plan_by_priority_and_objective_printed_by_pdfminer_scores_against_its_gold(
    scorer: ModuleType,
) -> None:
    result = score_plan(
        scorer, BUSINESS_PDFMINER, gold_plan("business_pdfminer.txt", BUSINESS_SECTIONS, BUSINESS_ACTIONS)
    )
    assert result["f1"] >= 0.9, result
    assert result["field_mean"] >= 0.85, result


# --------------------------------------------------------------------------- 4. no reference column

NO_REF_SECTIONS = [("Front door", "Front door", None), ("Neglect", "Neglect", None)]

NO_REF_ACTIONS = [
    gold_action(
        None,
        "Front door",
        "Review the MASH threshold document with all partners and relaunch it to schools",
        "Head of MASH",
        "June 2024",
        "2024-06-30",
        "green",
    ),
    gold_action(
        None,
        "Front door",
        "Audit contacts that did not lead to a referral to test the consistency of decisions",
        "Quality Assurance Manager",
        "September 2024",
        "2024-09-30",
        "amber",
    ),
    gold_action(
        None,
        "Neglect",
        "Train designated safeguarding leads in the use of the Graded Care Profile",
        "LSCP Training Lead",
        "December 2024",
        "2024-12-31",
        "red",
    ),
    gold_action(
        None,
        "Neglect",
        "Publish a neglect strategy agreed by the three safeguarding partners",
        "Partnership Business Manager",
        "March 2025",
        "2025-03-31",
        None,
    ),
]

NO_REF_PDFMINER = _text(
    [
        "Theme What we will do ",
        "",
        "Lead By when RAG ",
        "",
        "Front door ",
        "",
        "Review the MASH threshold document with all ",
        "partners and relaunch it to schools ",
        "",
        "Head of MASH June 2024 G ",
        "",
        "Audit contacts that did not lead to a referral to ",
        "test the consistency of decisions ",
        "",
        "Quality Assurance ",
        "Manager ",
        "",
        "September ",
        "2024 ",
        "",
        "A ",
        "",
        "Neglect ",
        "",
        "Train designated safeguarding leads in the use of ",
        "the Graded Care Profile ",
        "",
        "LSCP Training Lead ",
        "",
        "December ",
        "2024 ",
        "",
        "R ",
        "",
        "Publish a neglect strategy agreed by the three ",
        "safeguarding partners ",
        "",
        "Partnership ",
        "Business Manager ",
        "",
        "March 2025 ",
        "",
    ]
)


def test_a_plan_without_references_printed_by_pdfminer_scores_against_its_gold(scorer: ModuleType) -> None:
    result = score_plan(
        scorer, NO_REF_PDFMINER, gold_plan("no_ref_pdfminer.txt", NO_REF_SECTIONS, NO_REF_ACTIONS)
    )
    assert result["f1"] >= 0.9, result
    assert result["field_mean"] >= 0.85, result


# --------------------------------------------------------------------------- the 001 style

ILACS_TABBED = _text(
    [
        "Northfield Children’s Services ILACS Improvement Plan 2024 - 2025\t\t",
        "Priority\tAction\tLead\tTimescale\tSuccess measure\tRAG and progress\t\t",
        "1. Management oversight and supervision do not consistently ensure that plans\t"
        "1.1 Relaunch the supervision policy with a clear standard for frequency, reflection and recording on the child’s file\t"
        "Head of Service, Children in Need\tMarch 2024\t90% of supervision records in date at monthly audit\t"
        "Green – policy relaunched in January; March audit showed 91% in date\t\t",
        "for children progress without drift or delay\t1.2Introduce a monthly tracking meeting for children on plans over 18 months\t"
        "Service Manager, Child Protection\tJune 2024\tFewer children on plans over 18 months\t"
        "Amber – first two meetings held; health attendance to improve\t\t",
        "\t1.3Deliver management oversight training to all team managers and advanced practitioners  "
        "1.4Audit 20 cases a month against the supervision standard and report findings to the Improvement\t"
        "September 2024 Q3 2024/25\tAll managers trained\tComplete\t\t",
        "\tBoard\tPrincipal Social Worker\t\tAudit findings show improvement\tRed – audits paused while the tool is revised\t\t",
        "",
        "Priority\tAction\tLead\tTimescale\tSuccess measure\tRAG and progress",
        "2. Children in care and care leavers do not always have their health needs met\t"
        "2.1Review the pathway for initial health assessments so that they take place within 20 working days of a child coming into care\t"
        "Designated Nurse for Children in Care, ICB\tApril 2024\t85% of IHAs within timescale\t"
        "Amber – 64% in Q4; extra clinics from May\t\t",
        "\t2.2Offer every care leaver a health passport and a named contact in the 16+ health team\t"
        "Head of Service, Children in Care and Care Leavers\t31 <sup>st</sup> July 2024\t"
        "All care leavers offered a passport\tGreen – 112 passports issued\t\t",
        "\tReport the timeliness of health assessments to the Corporate Parenting Panel each quarter\t"
        "Quarterly from June 2024\tPanel minutes\tGreen\t\t",
        "3. The voice of the child is not consistently evident in assessments and plans\t"
        "3.1Refresh the assessment template so that the child’s words and wishes are recorded in a section of their own\t"
        "Principal Social Worker\tMay 2024\tAudits show the child’s voice in 90% of assessments\t"
        "Complete – new template live in Mosaic\t\t",
        "\t3.2Commission an advocacy offer for children subject to child protection conferences\t"
        "Strategic Commissioning Manager\tOctober 2024\tAdvocacy take-up reported quarterly\t"
        "Amber – tender delayed to August\t\t",
        "\t3.3Hold practice weeks twice a year in which senior leaders observe practice and speak with\t"
        "Director of Children’s\tDecember 2024\tPractice week reports\t\t\t",
        "\tchildren\tServices\t\t\t\t",
    ]
)


def test_an_ilacs_plan_in_the_noisier_tabbed_extraction_scores_against_its_gold(scorer: ModuleType) -> None:
    result = score_plan(scorer, ILACS_TABBED, gold_plan("ilacs_tabbed.txt", ILACS_SECTIONS, ILACS_ACTIONS))
    assert result["f1"] >= 1.0, result
    assert result["field_mean"] >= 1.0, result
