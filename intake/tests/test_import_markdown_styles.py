"""Plans in layouts partnerships use, printed as the converter of seeds 002, 003 and 004 prints them
(Markdown headings and ``**bold**``, tables as tab-separated rows with inline HTML such as ``<b>``,
``<br>``, ``<p>`` and ``<ul><li>``, merged cells left empty, 'OFFICIAL' page footers and rows carried
over a page break). Each plan is written here with its gold file, by hand, following the rules of
``../shared/gold/README.md``, and scored with the shared scorer.

Progress written as dated paragraphs in one cell ('<b>Dec 2022:</b> ...<br><b>Mar 2023:</b> ...') is,
as the gold rules say of progress, the cell's text as written (every dated update, tags removed);
the latest update's date is also read, as ``progress_date``."""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import Any

from intake.importer.api import import_document
from intake.importer.model import PlanDraft

from .conftest import gold_action, score_plan


def _import(text: str, name: str = "plan.txt") -> PlanDraft:
    return import_document(text.encode("utf-8"), filename=name)


def _assert_scores(result: dict[str, Any], f1: float = 0.95, fields: float = 0.9) -> None:
    assert result["f1"] >= f1, result
    for name, value in result["fields"].items():
        assert value >= fields, (name, result)


# --------------------------------------------------------------------------- 1. ILACS improvement plan

ILACS = (
    "\n\n\n"
    "# **Improving Outcomes for Children: ILACS Improvement Plan**\n\n"
    "**Following the inspection of local authority children's services (ILACS), May 2022**\n\n"
    "Northmoor Council Children's Services  \nand Northmoor Safeguarding Children Partnership\n\n"
    "<b>Plan owner</b>\tDirector of Children's Services\n"
    "<b>Version</b>\t4.2\n"
    "<b>Last updated</b>\t31 March 2023\n\n"
    "## **Introduction**\n\n"
    "1. Ofsted inspected children's services in May 2022 and judged them to require improvement to be good.\n"
    "2. This plan responds to the three areas for improvement in the inspection letter. Each action is "
    "rated as follows:\n\n"
    "<b>RAG</b>\t<b>Definition</b>\n"
    "R\tNot started, or at risk of not being delivered within timescale\n"
    "A\tStarted and on track to be delivered within timescale\n"
    "G\tDelivered, impact being evaluated\n"
    "B\tComplete and impact evidenced\n\n"
    "OFFICIAL\n\n"
    "# **Improvement Plan**\n\n"
    "<b>Priority</b>\t<b>Outcome</b>\t<b>Action</b>\t<b>Lead</b>\t<b>Timescale</b>\t<b>Success measure</b>\t"
    "<b>Progress update</b>\t<b>RAG</b>\n"
    "<b>1. Management oversight and supervision</b>\tChildren's plans are progressed without drift because "
    "managers direct the work\t1.1 Refresh the supervision policy so that supervision records set out "
    "actions and timescales for each child\tPrincipal Social Worker\tSeptember 2022\t90% of supervision "
    "records audited meet the standard\t<b>Dec 2022:</b> Policy refreshed and launched at practice week."
    "<br><b>Mar 2023:</b> Audit of 40 records found 85% met the standard.\tG\n"
    "\t\t1.2 Deliver management oversight training to all team managers and practice supervisors\t"
    "Head of Workforce Development\tDecember 2022\tAll managers trained\t<b>Dec 2022:</b> 18 of 24 "
    "managers trained.<br><b>Mar 2023:</b> All 24 managers trained; dates set for new starters.\tB\n"
    "\t\t1.3 Introduce a monthly performance clinic for each service area\tHead of Service, Children in "
    "Need\tQ4 2022/23\tReduction in children's plans open over 12 months\t<b>Mar 2023:</b> First two "
    "clinics held in February and March.\tA\n"
    "\tPractice is consistently reviewed by independent reviewing officers\t1.4 IRO footprint on every "
    "child in care's file between reviews\tService Manager, Safeguarding Unit\tEnd of June 2023\tIRO "
    "footprint evident in 95% of files\t<b>Dec 2022:</b> Footprint template agreed.<br><b>Mar 2023:</b> "
    "Dip sample delayed by IRO vacancies; new date agreed.\tR\n"
    "<b>2. Care leavers' pathway plans</b>\tCare leavers have up-to-date pathway plans written with them"
    "\t2.1 Co-produce a new pathway plan template with the Children in Care Council\tTeam Manager, "
    "Leaving Care\t31/10/2022\tYoung people say their plans are theirs\t<b>Dec 2022:</b> Template "
    "launched on 1 November.\tB\n"
    "\t\t2.2 Review every pathway plan older than six months\tTeam Manager, Leaving Care\tJanuary 2023, "
    "revised to April 2023\tAll plans reviewed within six months\t<b>Dec 2022:</b> 60 of 112 reviewed."
    "<br><b>Mar 2023:</b> 101 of 112 reviewed; remaining plans booked.\tA\n\n"
    "OFFICIAL\n\n"
    "\t\t2.3 Offer every care leaver a health passport before they turn 18\tDesignated Nurse for Children "
    "in Care\tMarch 2023\tHealth passport offered to 100% of 17-year-olds\t\tA\n"
    "<b>3. Response to children who go missing</b>\tChildren who go missing are offered a timely return "
    "home interview\t3.1 Commission a return home interview service that sees children within 72 hours\t"
    "Head of Commissioning\tQ1 2023/24\t80% of interviews within 72 hours\t<b>Mar 2023:</b> Tender "
    "evaluation complete; contract to start 1 June.\tA\n"
    "\t\t3.2 Report missing episodes and return interview timeliness to the partnership's performance "
    "group each quarter\tPerformance and Intelligence Manager\tQuarterly from December 2022\tReport "
    "received each quarter\t<b>Dec 2022:</b> First report presented.<br><b>Mar 2023:</b> Second report "
    "presented; actions taken on repeat missing.\tG\n"
    "\t\t3.3 N/A\t\t\t\t\t\n"
)

ILACS_OUTCOME_1 = "Children's plans are progressed without drift because managers direct the work"
ILACS_OUTCOME_1B = "Practice is consistently reviewed by independent reviewing officers"
ILACS_OUTCOME_2 = "Care leavers have up-to-date pathway plans written with them"
ILACS_OUTCOME_3 = "Children who go missing are offered a timely return home interview"

ILACS_GOLD: dict[str, Any] = {
    "document": "ilacs.txt",
    "plan": {
        "title": "Improving Outcomes for Children: ILACS Improvement Plan",
        "organisation": "Northmoor Council Children's Services",
        "kind": "other",
        "as_at": "2023-03-31",
    },
    "rag_scheme": {
        "red": "Not started, or at risk of not being delivered within timescale",
        "amber": "Started and on track to be delivered within timescale",
        "green": "Delivered, impact being evaluated",
        "complete": "Complete and impact evidenced",
    },
    "sections": [
        {"ref": "1", "title": "Management oversight and supervision", "parent": None},
        {"ref": "2", "title": "Care leavers' pathway plans", "parent": None},
        {"ref": "3", "title": "Response to children who go missing", "parent": None},
    ],
    "actions": [
        gold_action(
            "1.1",
            "1",
            "Refresh the supervision policy so that supervision records set out actions and timescales for each child",
            "Principal Social Worker",
            "September 2022",
            "2022-09-30",
            "green",
            "Dec 2022: Policy refreshed and launched at practice week. "
            "Mar 2023: Audit of 40 records found 85% met the standard.",
            outcome=ILACS_OUTCOME_1,
        ),
        gold_action(
            "1.2",
            "1",
            "Deliver management oversight training to all team managers and practice supervisors",
            "Head of Workforce Development",
            "December 2022",
            "2022-12-31",
            "complete",
            "Dec 2022: 18 of 24 managers trained. Mar 2023: All 24 managers trained; dates set for new starters.",
            outcome=ILACS_OUTCOME_1,
        ),
        gold_action(
            "1.3",
            "1",
            "Introduce a monthly performance clinic for each service area",
            "Head of Service, Children in Need",
            "Q4 2022/23",
            "2023-03-31",
            "amber",
            "Mar 2023: First two clinics held in February and March.",
            outcome=ILACS_OUTCOME_1,
        ),
        gold_action(
            "1.4",
            "1",
            "IRO footprint on every child in care's file between reviews",
            "Service Manager, Safeguarding Unit",
            "End of June 2023",
            "2023-06-30",
            "red",
            "Dec 2022: Footprint template agreed. Mar 2023: Dip sample delayed by IRO vacancies; new date agreed.",
            outcome=ILACS_OUTCOME_1B,
        ),
        gold_action(
            "2.1",
            "2",
            "Co-produce a new pathway plan template with the Children in Care Council",
            "Team Manager, Leaving Care",
            "31/10/2022",
            "2022-10-31",
            "complete",
            "Dec 2022: Template launched on 1 November.",
            outcome=ILACS_OUTCOME_2,
        ),
        gold_action(
            "2.2",
            "2",
            "Review every pathway plan older than six months",
            "Team Manager, Leaving Care",
            "January 2023, revised to April 2023",
            "2023-04-30",
            "amber",
            "Dec 2022: 60 of 112 reviewed. Mar 2023: 101 of 112 reviewed; remaining plans booked.",
            outcome=ILACS_OUTCOME_2,
        ),
        gold_action(
            "2.3",
            "2",
            "Offer every care leaver a health passport before they turn 18",
            "Designated Nurse for Children in Care",
            "March 2023",
            "2023-03-31",
            "amber",
            None,
            outcome=ILACS_OUTCOME_2,
        ),
        gold_action(
            "3.1",
            "3",
            "Commission a return home interview service that sees children within 72 hours",
            "Head of Commissioning",
            "Q1 2023/24",
            "2023-06-30",
            "amber",
            "Mar 2023: Tender evaluation complete; contract to start 1 June.",
            outcome=ILACS_OUTCOME_3,
        ),
        gold_action(
            "3.2",
            "3",
            "Report missing episodes and return interview timeliness to the partnership's performance group "
            "each quarter",
            "Performance and Intelligence Manager",
            "Quarterly from December 2022",
            "2022-12-31",  # the period named, as the gold reads "March '15 and ongoing"
            "green",
            "Dec 2022: First report presented. Mar 2023: Second report presented; actions taken on repeat missing.",
            outcome=ILACS_OUTCOME_3,
        ),
    ],
}


# --------------------------------------------------------------------------- 2. practice review plan

CSPR = (
    "\n \n \n"
    "## Hartfield Safeguarding Children Partnership\n\n"
    "# **Child Safeguarding Practice Review – ‘Child M’**\n\n"
    "### Multi-agency action plan in response to the review’s recommendations\n\n"
    "Plan as at 12.09.2023\n\n"
    "<b>Status</b>\t<b>Meaning</b>\n"
    "Red\tAction overdue or not started\n"
    "Amber\tAction started, on track\n"
    "Green\tAction delivered, impact to be evidenced\n"
    "Completed\tAction completed and impact evidenced\n\n"
    "<b>Agency</b>\t<b>Action</b>\t<b>Lead</b>\t<b>Target date</b>\t<b>Status</b>\n"
    "<b>Recommendation 1: The partnership should seek assurance that practitioners consider the "
    "cumulative impact of neglect when a family moves between local authority areas</b>\t\t\t\t\n"
    "Children’s Social Care\tAmend the transfer-in procedure so that a chronology is requested from the "
    "previous authority for every family with a child protection history\tHead of Service, Front Door\t"
    "31 October 2023\tGreen\n"
    "\tAudit 20 transfers-in to test that chronologies are received and used\tPrincipal Social Worker\t"
    "January 2024\tAmber\n"
    "Health (ICB)\t<p>Health visitors and school nurses will request records from the previous provider "
    "within 10 working days of a family registering.</p>\tDesignated Nurse Safeguarding Children\t"
    "30/11/2023\tAmber\n"
    "Police\tAs above\t\t\t\n"
    "Education\tNo actions – the school was not involved with the family\t\t\t\n"
    "<b>Recommendation 2: Partners should ensure that the voice of the child is recorded and informs "
    "planning</b>\t<b>Recommendation 2: Partners should ensure that the voice of the child is recorded and "
    "informs planning</b>\t<b>Recommendation 2: Partners should ensure that the voice of the child is "
    "recorded and informs planning</b>\t<b>Recommendation 2: Partners should ensure that the voice of the "
    "child is recorded and informs planning</b>\t<b>Recommendation 2: Partners should ensure that the "
    "voice of the child is recorded and informs planning</b>\n"
    "Children’s Social Care\tRefresh the direct work toolkit and launch it at the practice week\t"
    "Practice Improvement Lead\tSeptember 2023\tCompleted\n"
    "Police\tInclude the child’s own words in every child protection investigation record, checked "
    "through the monthly dip sample\tDetective Inspector, Public Protection Unit\tDecember 2023\tRed\n\n"
    "OFFICIAL\n\n"
    "Education\tDeliver a briefing to designated safeguarding leads on recording what children say and "
    "how they present\tEducation Safeguarding Lead\tEnd of autumn term 2023\tAmber\n"
    "<b>Recommendation 3: The partnership should review its escalation policy so that practitioners are "
    "confident to challenge decisions</b>\t\t\t\t\n"
    "LSCP Business Unit\tRevise the escalation policy and publish it on the partnership website\t"
    "LSCP Business Manager\tQ3 2023/24\tAmber\n"
    "\tRun a survey of practitioners on their use of the escalation policy six months after its launch\t"
    "LSCP Business Manager\tJune 2024\t\n"
    "All agencies\tReport the number of escalations made to the quality assurance subgroup each quarter\t"
    "Chair, Quality Assurance Subgroup\tQuarterly\tGreen\n"
)

CSPR_GOLD: dict[str, Any] = {
    "document": "cspr.txt",
    "plan": {
        "title": "Child Safeguarding Practice Review – ‘Child M’ – Multi-agency action plan in response to the "
        "review’s recommendations",
        "organisation": "Hartfield Safeguarding Children Partnership",
        "kind": "scr",
        "as_at": "2023-09-12",
    },
    "rag_scheme": {
        "red": "Action overdue or not started",
        "amber": "Action started, on track",
        "green": "Action delivered, impact to be evidenced",
        "complete": "Action completed and impact evidenced",
    },
    "sections": [
        {
            "ref": "1",
            "title": "The partnership should seek assurance that practitioners consider the cumulative impact "
            "of neglect when a family moves between local authority areas",
            "parent": None,
        },
        {
            "ref": "2",
            "title": "Partners should ensure that the voice of the child is recorded and informs planning",
            "parent": None,
        },
        {
            "ref": "3",
            "title": "The partnership should review its escalation policy so that practitioners are confident "
            "to challenge decisions",
            "parent": None,
        },
    ],
    "actions": [
        gold_action(
            None,
            "1",
            "Amend the transfer-in procedure so that a chronology is requested from the previous authority "
            "for every family with a child protection history",
            "Head of Service, Front Door",
            "31 October 2023",
            "2023-10-31",
            "green",
            None,
            agency="Children’s Social Care",
        ),
        gold_action(
            None,
            "1",
            "Audit 20 transfers-in to test that chronologies are received and used",
            "Principal Social Worker",
            "January 2024",
            "2024-01-31",
            "amber",
            None,
            agency="Children’s Social Care",
        ),
        gold_action(
            None,
            "1",
            "Health visitors and school nurses will request records from the previous provider within 10 "
            "working days of a family registering.",
            "Designated Nurse Safeguarding Children",
            "30/11/2023",
            "2023-11-30",
            "amber",
            None,
            agency="Health (ICB)",
        ),
        gold_action(
            None,
            "2",
            "Refresh the direct work toolkit and launch it at the practice week",
            "Practice Improvement Lead",
            "September 2023",
            "2023-09-30",
            "complete",
            None,
            agency="Children’s Social Care",
        ),
        gold_action(
            None,
            "2",
            "Include the child’s own words in every child protection investigation record, checked through the "
            "monthly dip sample",
            "Detective Inspector, Public Protection Unit",
            "December 2023",
            "2023-12-31",
            "red",
            None,
            agency="Police",
        ),
        gold_action(
            None,
            "2",
            "Deliver a briefing to designated safeguarding leads on recording what children say and how they "
            "present",
            "Education Safeguarding Lead",
            "End of autumn term 2023",
            None,
            "amber",
            None,
            agency="Education",
        ),
        gold_action(
            None,
            "3",
            "Revise the escalation policy and publish it on the partnership website",
            "LSCP Business Manager",
            "Q3 2023/24",
            "2023-12-31",
            "amber",
            None,
            agency="LSCP Business Unit",
        ),
        gold_action(
            None,
            "3",
            "Run a survey of practitioners on their use of the escalation policy six months after its launch",
            "LSCP Business Manager",
            "June 2024",
            "2024-06-30",
            None,
            None,
            agency="LSCP Business Unit",
        ),
        gold_action(
            None,
            "3",
            "Report the number of escalations made to the quality assurance subgroup each quarter",
            "Chair, Quality Assurance Subgroup",
            "Quarterly",
            None,
            "green",
            None,
            agency="All agencies",
        ),
    ],
}


# --------------------------------------------------------------------------- 3. neglect strategy plan

NEGLECT = (
    "\n\n"
    "# **Westbridge Safeguarding Children Partnership**\n\n"
    "## **Neglect Strategy 2023–2026: Delivery Plan**\n\n"
    "**Updated for the Executive, 6 February 2024**\n\n"
    "<b>RAG key</b>\t\n"
    "\tRed – not started, or at risk of not being delivered\n"
    "\tAmber – started, with some risk to delivery\n"
    "\tGreen – on track\n"
    "\tBlue – complete\n\n"
    "## 1. Recognising neglect early\n\n"
    "<b>Ref</b>\t<b>What we will do</b>\t<b>Who will lead</b>\t<b>By when</b>\t<b>RAG</b>\t<b>Update</b>\n"
    "1.1\tLaunch the Graded Care Profile 2 across early help, health and education, with a train-the-trainer "
    "model\tEarly Help Service Manager\tApril 2023\tBlue\tLaunched April 2023; 212 practitioners trained.\n"
    "1.2\tAdd a neglect prompt to the universal health visiting contacts at 6–8 weeks and 1 year\tHead of "
    "0-19 Services\tSeptember 2023\tGreen\tPrompt added to the template; audit due in March.\n"
    "1.3\tPublish a neglect toolkit for schools, with case examples\tEducation Safeguarding Lead\t"
    "Summer term 2024\tAmber\tDraft written; school leads consulted.\n\n"
    "### 2. Responding to neglect\n\n"
    "<b>Ref</b>\t<b>What we will do</b>\t<b>Who will lead</b>\t<b>By when</b>\t<b>RAG</b>\t<b>Update</b>\n"
    "2.1\t<ul><li>Review the threshold document so that it describes chronic neglect and its cumulative "
    "impact</li></ul>\tLSCP Business Manager\tDecember 2023\tGreen\tReviewed; goes to the Executive in "
    "February.\n"
    "2.2\tEvery child in need plan for neglect to set out what must change and by when, checked through "
    "supervision\tHead of Service, Children in Need\tOngoing\tRed\tAudit in November found 11 of 30 plans "
    "met the standard.\n"
    "2.3\tAgree a pre-proceedings pathway for families where neglect persists after a child protection "
    "plan\tHead of Legal Services\tQ4 2023/24\tAmber\t\n\n"
    "OFFICIAL\n\n"
    "## 3. Learning and workforce\n\n"
    "<b>Ref</b>\t<b>What we will do</b>\t<b>Who will lead</b>\t<b>By when</b>\t<b>RAG</b>\t<b>Update</b>\n"
    "3.1\tDeliver multi-agency neglect training twice a term, evaluated three months after each course\t"
    "LSCP Training Coordinator\tMarch 2024\tGreen\tSix courses delivered to 143 practitioners; evaluation "
    "shows increased confidence.\n"
    "3.2\tHold a multi-agency audit of neglect cases and report the learning to the Executive\tChair, Quality "
    "Assurance Subgroup\tFirst audit 30 November 2023, report 31 January 2024\tBlue\tAudit held; learning "
    "briefing published.\n"
    "3.3\tTBC\t\t\t\t\n"
)

NEGLECT_GOLD: dict[str, Any] = {
    "document": "neglect.txt",
    "plan": {
        "title": "Neglect Strategy 2023–2026: Delivery Plan",
        "organisation": "Westbridge Safeguarding Children Partnership",
        "kind": "delivery",
        "as_at": "2024-02-06",
    },
    "rag_scheme": {
        "red": "not started, or at risk of not being delivered",
        "amber": "started, with some risk to delivery",
        "green": "on track",
        "complete": "complete",
    },
    "sections": [
        {"ref": "1", "title": "Recognising neglect early", "parent": None},
        {"ref": "2", "title": "Responding to neglect", "parent": None},
        {"ref": "3", "title": "Learning and workforce", "parent": None},
    ],
    "actions": [
        gold_action(
            "1.1",
            "1",
            "Launch the Graded Care Profile 2 across early help, health and education, with a train-the-trainer "
            "model",
            "Early Help Service Manager",
            "April 2023",
            "2023-04-30",
            "complete",
            "Launched April 2023; 212 practitioners trained.",
        ),
        gold_action(
            "1.2",
            "1",
            "Add a neglect prompt to the universal health visiting contacts at 6–8 weeks and 1 year",
            "Head of 0-19 Services",
            "September 2023",
            "2023-09-30",
            "green",
            "Prompt added to the template; audit due in March.",
        ),
        gold_action(
            "1.3",
            "1",
            "Publish a neglect toolkit for schools, with case examples",
            "Education Safeguarding Lead",
            "Summer term 2024",
            None,
            "amber",
            "Draft written; school leads consulted.",
        ),
        gold_action(
            "2.1",
            "2",
            "Review the threshold document so that it describes chronic neglect and its cumulative impact",
            "LSCP Business Manager",
            "December 2023",
            "2023-12-31",
            "green",
            "Reviewed; goes to the Executive in February.",
        ),
        gold_action(
            "2.2",
            "2",
            "Every child in need plan for neglect to set out what must change and by when, checked through "
            "supervision",
            "Head of Service, Children in Need",
            "Ongoing",
            None,
            "red",
            "Audit in November found 11 of 30 plans met the standard.",
        ),
        gold_action(
            "2.3",
            "2",
            "Agree a pre-proceedings pathway for families where neglect persists after a child protection plan",
            "Head of Legal Services",
            "Q4 2023/24",
            "2024-03-31",
            "amber",
            None,
        ),
        gold_action(
            "3.1",
            "3",
            "Deliver multi-agency neglect training twice a term, evaluated three months after each course",
            "LSCP Training Coordinator",
            "March 2024",
            "2024-03-31",
            "green",
            "Six courses delivered to 143 practitioners; evaluation shows increased confidence.",
        ),
        gold_action(
            "3.2",
            "3",
            "Hold a multi-agency audit of neglect cases and report the learning to the Executive",
            "Chair, Quality Assurance Subgroup",
            "First audit 30 November 2023, report 31 January 2024",
            "2024-01-31",
            "complete",
            "Audit held; learning briefing published.",
        ),
    ],
}


# --------------------------------------------------------------------------- 4. board business plan

BUSINESS = (
    "\n\n\n"
    "# **KINGSVALE SAFEGUARDING CHILDREN PARTNERSHIP**\n\n"
    "## **EXECUTIVE BOARD**\n\n"
    "Report of\t<b>LSCP BUSINESS MANAGER</b>\n"
    "Subject\t<b>BUSINESS PLAN 2023-24: QUARTER 3 PROGRESS</b>\n"
    "Date\t<b>THURSDAY 18 JANUARY 2024 – 10:00 a.m.</b>\n\n"
    "### **Purpose**\n\n"
    "1. To update the Board on progress against the partnership's business plan for 2023-24.\n\n"
    "### **Recommendation**\n\n"
    "2. The Board is asked to note progress and agree the revised timescales for two actions.\n\n"
    "### **Background**\n\n"
    "3. The business plan sets out what the partnership will do in 2023-24 against its three priorities. "
    "Of its 8 actions, 2 are complete.\n\n"
    "Training delivered\tQ1\tQ2\tQ3\n"
    "Courses\t12\t15\t11\n"
    "Delegates\t240\t311\t206\n\n"
    "### **List of Appendices**\n\n"
    "Appendix A – Business Plan 2023-24\n\n"
    "### **Persons to Contact**\n\n"
    "Jo Hart – LSCP Business Manager\n\n"
    "Email: [jo.hart@kingsvale.gov.uk](mailto:jo.hart@kingsvale.gov.uk)\n\n"
    "# Appendix A – Business Plan 2023-24\n\n"
    "**Progress key**\n\n"
    "<b>Status</b>\t<b>Meaning</b>\n"
    "On track (Green)\tWork is progressing as planned\n"
    "Some slippage (Amber)\tSome delay; can be recovered within the year\n"
    "Off track (Red)\tSignificant delay; escalated to the Executive\n"
    "Complete (Blue)\tAction completed\n\n"
    "<b>What we will do</b>\t<b>How we will know</b>\t<b>Lead</b>\t<b>Timescale</b>\t<b>Status</b>\t"
    "<b>Comment</b>\n"
    "<b>Priority 1 – Safeguarding adolescents</b>\t\t\t\t\t\n"
    "Agree a partnership response to contextual safeguarding, including peer group mapping\tMapping "
    "meetings held for every peer group of concern\tDetective Chief Inspector, Public Protection\tSeptember "
    "2023\tComplete\tProtocol signed off in September.\n"
    "<ul><li>Publish a transitional safeguarding protocol with adult services</li><li>Train adult social "
    "care staff on exploitation of young adults</li></ul>\tProtocol in use; 100 staff trained\tHead of "
    "Adult Social Care\tMarch 2024\tSome slippage\tProtocol drafted; training booked for February.\n"
    "Review the exploitation risk assessment tool with young people\tYoung people say the tool reflects "
    "their experience\tExploitation Service Manager\tDecember 2023\tOff track\tDelayed; consultation "
    "with young people now in January.\n"
    "<b>Priority 2 – Early help</b>\t\t\t\t\t\n"
    "Launch the early help partnership strategy\tStrategy launched and understood by partners\tHead of "
    "Early Help\tJuly 2023\tComplete\tLaunched at the July conference.\n"
    "Increase the number of early help assessments led by schools and health\t25% of assessments led by "
    "partners\tEarly Help Partnership Lead\tMarch 2024\tOn track\t22% at the end of Q3.\n\n"
    "OFFICIAL\n\n"
    "<b>Priority 3 – Learning from reviews</b>\t\t\t\t\t\n"
    "Publish a seven-minute briefing for every rapid review\tBriefings published within 8 weeks\t"
    "LSCP Business Manager\tOngoing\tOn track\tThree briefings published.\n"
    "Test the impact of learning from reviews through a multi-agency audit\tAudit shows learning in "
    "practice\tChair, Quality Assurance Subgroup\tQ4 2023/24\tSome slippage\tAudit moved to March.\n"
    "See Priority 2\t\t\t\t\t\n"
)

BUSINESS_GOLD: dict[str, Any] = {
    "document": "business.txt",
    "plan": {
        "title": "Business Plan 2023-24",
        "organisation": "KINGSVALE SAFEGUARDING CHILDREN PARTNERSHIP",
        "kind": "other",
        "as_at": None,
    },
    "rag_scheme": {
        "red": "Significant delay; escalated to the Executive",
        "amber": "Some delay; can be recovered within the year",
        "green": "Work is progressing as planned",
        "complete": "Action completed",
    },
    "sections": [
        {"ref": "1", "title": "Safeguarding adolescents", "parent": None},
        {"ref": "2", "title": "Early help", "parent": None},
        {"ref": "3", "title": "Learning from reviews", "parent": None},
    ],
    "actions": [
        gold_action(
            None,
            "1",
            "Agree a partnership response to contextual safeguarding, including peer group mapping",
            "Detective Chief Inspector, Public Protection",
            "September 2023",
            "2023-09-30",
            "complete",
            "Protocol signed off in September.",
        ),
        gold_action(
            None,
            "1",
            "Publish a transitional safeguarding protocol with adult services",
            "Head of Adult Social Care",
            "March 2024",
            "2024-03-31",
            "amber",
            "Protocol drafted; training booked for February.",
        ),
        gold_action(
            None,
            "1",
            "Train adult social care staff on exploitation of young adults",
            "Head of Adult Social Care",
            "March 2024",
            "2024-03-31",
            "amber",
            "Protocol drafted; training booked for February.",
        ),
        gold_action(
            None,
            "1",
            "Review the exploitation risk assessment tool with young people",
            "Exploitation Service Manager",
            "December 2023",
            "2023-12-31",
            "red",
            "Delayed; consultation with young people now in January.",
        ),
        gold_action(
            None,
            "2",
            "Launch the early help partnership strategy",
            "Head of Early Help",
            "July 2023",
            "2023-07-31",
            "complete",
            "Launched at the July conference.",
        ),
        gold_action(
            None,
            "2",
            "Increase the number of early help assessments led by schools and health",
            "Early Help Partnership Lead",
            "March 2024",
            "2024-03-31",
            "green",
            "22% at the end of Q3.",
        ),
        gold_action(
            None,
            "3",
            "Publish a seven-minute briefing for every rapid review",
            "LSCP Business Manager",
            "Ongoing",
            None,
            "green",
            "Three briefings published.",
        ),
        gold_action(
            None,
            "3",
            "Test the impact of learning from reviews through a multi-agency audit",
            "Chair, Quality Assurance Subgroup",
            "Q4 2023/24",
            "2024-03-31",
            "amber",
            "Audit moved to March.",
        ),
    ],
}


PLANS = {"ilacs": (ILACS, ILACS_GOLD), "cspr": (CSPR, CSPR_GOLD), "neglect": (NEGLECT, NEGLECT_GOLD),
         "business": (BUSINESS, BUSINESS_GOLD)}  # fmt: skip


def test_an_ilacs_improvement_plan_with_dated_progress_updates_scores_against_its_gold(
    scorer: ModuleType,
) -> None:
    result = score_plan(scorer, _import(ILACS, "ilacs.txt"), ILACS_GOLD)
    _assert_scores(result, f1=1.0, fields=1.0)


def test_progress_written_as_dated_updates_is_the_cell_as_written_dated_by_its_latest_update() -> None:
    draft = _import(ILACS, "ilacs.txt")
    progress = {a.ref: (a.progress, a.progress_date) for a in draft.actions}
    for gold in ILACS_GOLD["actions"]:
        assert progress[gold["ref"]][0] == gold["progress"]
    assert progress["1.1"][1] == dt.date(2023, 3, 31)  # 'Mar 2023:', the later of two updates
    assert progress["2.1"][1] == dt.date(2022, 12, 31)  # one update, 'Dec 2022:'
    assert progress["2.3"] == (None, None)


def test_a_practice_review_plan_by_recommendation_and_agency_scores_against_its_gold(
    scorer: ModuleType,
) -> None:
    draft = _import(CSPR, "cspr.txt")
    _assert_scores(score_plan(scorer, draft, CSPR_GOLD), f1=1.0, fields=1.0)
    assert [a.agency for a in draft.actions] == [a["agency"] for a in CSPR_GOLD["actions"]]
    # a recommendation row printed in every column it spans is one section, named once
    assert [(s.ref, s.title) for s in draft.sections] == [
        (s["ref"], s["title"]) for s in CSPR_GOLD["sections"]
    ]


def test_a_neglect_plan_in_a_table_per_section_scores_against_its_gold(scorer: ModuleType) -> None:
    draft = _import(NEGLECT, "neglect.txt")
    _assert_scores(score_plan(scorer, draft, NEGLECT_GOLD), f1=1.0, fields=1.0)
    assert [(s.ref, s.title) for s in draft.sections] == [
        (s["ref"], s["title"]) for s in NEGLECT_GOLD["sections"]
    ]


def test_a_board_business_plan_inside_a_committee_report_with_statuses_in_words_scores_against_its_gold(
    scorer: ModuleType,
) -> None:
    draft = _import(BUSINESS, "business.txt")
    _assert_scores(score_plan(scorer, draft, BUSINESS_GOLD), f1=1.0, fields=1.0)
    # an action that mentions a rapid review does not make the plan a practice review plan
    assert draft.plan.kind == "other"


def test_each_plans_key_gives_its_rag_scheme_as_the_gold_writes_it() -> None:
    for name, (text, gold) in PLANS.items():
        draft = _import(text, f"{name}.txt")
        scheme = {s.key: s.definition for s in draft.rag_scheme}
        assert scheme == gold["rag_scheme"], name


def test_the_kind_and_date_of_each_plan_are_read_as_the_gold_writes_them() -> None:
    for name, (text, gold) in PLANS.items():
        plan = _import(text, f"{name}.txt").plan
        assert plan.kind == gold["plan"]["kind"], name
        assert (plan.as_at.isoformat() if plan.as_at else None) == gold["plan"]["as_at"], name


def test_cells_that_only_say_there_is_nothing_to_do_or_point_to_another_part_are_not_actions() -> None:
    rows = [
        "No actions – the school was not involved with the family",
        "No further action required: see recommendation 1",
        "See Priority 2",
        "Please see section 3.1 above",
        "See Appendix B",
    ]
    text = "<b>Ref</b>\t<b>Action</b>\t<b>Lead</b>\t<b>By when</b>\n" + "".join(
        f"{k}\t{row}\t\t\n" for k, row in enumerate(rows, start=2)
    )
    draft = _import(text.replace("\n", "\n1\tAudit ten strategy discussions\tHead of Service\tMay 2024\n", 1))
    assert [a.text for a in draft.actions] == ["Audit ten strategy discussions"]
    # an action that says what not to do is still an action
    kept = _import(text.replace("See Priority 2", "No action to be taken without the family's consent"))
    assert "No action to be taken without the family's consent" in [a.text for a in kept.actions]


def test_a_notion_page_with_a_heading_per_action_and_labelled_bullets_is_read() -> None:
    # Notion and Confluence export each action as a numbered heading, its details as bold-labelled
    # bullets; a numbered heading that only points elsewhere is no section
    from intake.importer.api import import_document

    text = "\n".join(
        [
            "# Keeping Babies Safe action plan",
            "",
            "## 1. Recognising bruising in non-mobile babies",
            "",
            "### 1.1 Refresh the bruising protocol so that it applies to all babies under 6 months.",
            "",
            "- **Owner:** Policies and Procedures Group",
            "- **Due:** 31 October 2025",
            "- **RAG:** ✅ Complete",
            "- **Update:**",
            "    - 15/10/2025 – signed off by the Executive and published.",
            "",
            "### 1.2 As above",
            "",
            "### 1.3 Deliver protocol briefings to GP practices and emergency departments",
            "",
            "- **Owner:** ICB Designated Nurse",
            "- **Due:** January 2026",
            "- **RAG:** 🟢 Green",
        ]
    )
    draft = import_document(text.encode("utf-8"), filename="plan.md")
    assert [(a.ref, a.section, a.owner, a.due_text, a.rag) for a in draft.actions] == [
        ("1.1", "1", "Policies and Procedures Group", "31 October 2025", "complete"),
        ("1.3", "1", "ICB Designated Nurse", "January 2026", "green"),
    ]
    assert draft.actions[0].progress == "15/10/2025 – signed off by the Executive and published."
