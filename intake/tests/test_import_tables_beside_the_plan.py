"""Plans that carry tables which are not the plan: the furniture of council and partnership documents
(a document or version control table, an approval or distribution list, a glossary of acronyms, a
contents table, a count of actions per RAG status per priority, the reporting arrangements of the
board and its groups, a risk register, a table of performance measures, an equality impact table,
a RAG key) and, in a workbook, a sheet of drop-down lists and a change log. All wording is written
anew here; the layouts follow those seen in published partnership plans.

None of these tables is read as actions, sections, owners or statuses, while the plan table beside
them is read whole. A plan table is known by its header: an action column with a lead, date or status
column beside it. A table after the plan table, with a header of its own that is not a plan's, is
not read under the plan's header (in Word and in tab-separated text no heading need come between);
a header whose cells mark furniture ('Likelihood', 'Protected characteristic', 'Baseline') is not a
plan's even when another of its cells names an action ('Action to mitigate'). A count of actions per
status per priority is what the plan says of itself (compared with what was read), not statuses of
actions; a table of measures by month is a data table and one by quarter is not.

Each plan is scored with the shared scorer against an expected result written by hand following
../shared/gold/README.md."""

from __future__ import annotations

import io
from types import ModuleType
from typing import Any

import docx
import openpyxl

from intake.importer.api import import_document
from intake.importer.model import PlanDraft

from .conftest import gold_action, gold_plan, score_plan


def _assert_perfect(result: dict[str, Any]) -> None:
    assert result["f1"] == 1.0, result
    assert all(value == 1.0 for value in result["fields"].values()), result


def _words_of_actions(draft: PlanDraft) -> str:
    return " ".join(f"{a.ref} {a.text} {a.owner} {a.due_text} {a.progress}" for a in draft.actions)


# --------------------------------------------------------------------------- 1. a Word neglect plan

WORD_NAME = "neglect_improvement_plan.docx"

PLAN_HEADER = ["Ref", "Action", "Lead", "Due by", "RAG", "Progress"]
PLAN_ROWS: list[list[str] | str] = [
    "Priority 1: Recognising neglect early",
    ["1.1", "Launch a neglect screening tool for health visitors and school nurses",
     "Designated Nurse for Safeguarding", "June 2024", "G", "Tool launched in May; 140 staff trained in its use."],
    ["1.2", "Add neglect to the multi-agency training offer, with one session each term",
     "LSCP Training Coordinator", "September 2024", "A", "Two sessions held and the third is booked."],
    ["1.3", "Audit twenty early help cases in which neglect was the main worry",
     "Head of Early Help", "Q3 2024/25", "R", "The audit has slipped because of staff absence."],
    "Priority 2: Acting on neglect consistently",
    ["2.1", "Agree one threshold document for neglect across the partnership",
     "LSCP Business Manager", "31/10/2024", "Complete", "Signed off by the Executive in October."],
    ["2.2", "Hold a neglect practice forum for frontline staff every quarter",
     "Principal Social Worker", "End of March 2025", "A", "The first forum met in January."],
    ["2.3", "Report how often the graded care profile is used to the Executive twice a year",
     "Performance Lead, Children's Services", "December 2024", "G", ""],
]  # fmt: skip

DOCUMENT_CONTROL = [
    ["Version", "Date", "Author", "Changes"],
    ["0.1", "15/01/2024", "A Patel", "First draft for the neglect subgroup"],
    ["0.2", "02/02/2024", "A Patel", "Added actions 2.1 to 2.3 after comments from partners"],
    ["1.0", "28/02/2024", "LSCP Business Unit", "Approved by the Executive"],
]
APPROVAL = [
    ["Name", "Role", "Date approved"],
    ["Helen Marsh", "Director of Children's Services", "28/02/2024"],
    ["Owen Reid", "Detective Superintendent, Public Protection", "28/02/2024"],
    ["Dr Ruth Anand", "Chief Nurse, Integrated Care Board", "01/03/2024"],
]
RAG_SUMMARY = [
    ["Priority", "Red", "Amber", "Green", "Complete", "Total"],
    ["Priority 1", "1", "1", "1", "0", "3"],
    ["Priority 2", "0", "1", "1", "1", "3"],
    ["Total", "1", "2", "2", "1", "6"],
]
RAG_KEY = [
    ["Colour", "What it means"],
    ["Red", "Off track and needs the Executive's help"],
    ["Amber", "Some slippage but expected to finish on time"],
    ["Green", "On track"],
    ["Complete", "Done and the impact checked"],
]
RISKS = [
    ["Risk", "Likelihood", "Impact", "Mitigation", "Owner"],
    ["Staff turnover in early help slows the case audit", "High", "Medium",
     "Agency staff cover agreed until March", "Head of Early Help"],
    ["Schools do not release staff for training", "Medium", "High",
     "Sessions offered after school and online", "LSCP Training Coordinator"],
]  # fmt: skip
GOVERNANCE = [
    ["Group", "Chair", "Frequency", "Reports to"],
    ["Neglect Subgroup", "Head of Early Help", "Every two months", "LSCP Executive"],
    ["LSCP Executive", "Independent Scrutineer", "Quarterly", "Partnership leaders"],
]
GLOSSARY = [
    ["Acronym", "Meaning"],
    ["GCP2", "Graded Care Profile 2"],
    ["LSCP", "Local Safeguarding Children Partnership"],
    ["MASH", "Multi-Agency Safeguarding Hub"],
]


def _table(document: Any, rows: list[list[str]]) -> None:
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value


def _word_plan() -> bytes:
    document = docx.Document()
    document.add_heading("Child Neglect Improvement Plan 2024 to 2026", level=0)
    document.add_paragraph("Eastwold Safeguarding Children Partnership")
    document.add_heading("Document control", level=1)
    _table(document, DOCUMENT_CONTROL)
    document.add_heading("Approval", level=1)
    _table(document, APPROVAL)
    document.add_heading("Summary of progress", level=1)
    document.add_paragraph("The number of actions at each status, by priority, at 31 March 2024.")
    _table(document, RAG_SUMMARY)
    document.add_heading("How we rate progress", level=1)
    _table(document, RAG_KEY)
    document.add_heading("The plan", level=1)
    table = document.add_table(rows=0, cols=len(PLAN_HEADER))
    for values in [PLAN_HEADER, *PLAN_ROWS]:
        cells = table.add_row().cells
        if isinstance(values, str):
            merged = cells[0].merge(cells[-1])
            merged.text = ""
            merged.paragraphs[0].add_run(values).bold = True
            continue
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    # the tables after the plan's come under a plain paragraph or a bold line, not a heading
    document.add_paragraph("The neglect subgroup keeps these risks to the plan under review.")
    _table(document, RISKS)
    document.add_paragraph().add_run("Reporting arrangements").bold = True
    _table(document, GOVERNANCE)
    _table(document, GLOSSARY)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _word_gold() -> dict[str, Any]:
    return gold_plan(
        WORD_NAME,
        [("1", "Recognising neglect early", None), ("2", "Acting on neglect consistently", None)],
        [
            gold_action("1.1", "1", "Launch a neglect screening tool for health visitors and school nurses",
                        "Designated Nurse for Safeguarding", "June 2024", "2024-06-30", "green",
                        "Tool launched in May; 140 staff trained in its use."),
            gold_action("1.2", "1", "Add neglect to the multi-agency training offer, with one session each term",
                        "LSCP Training Coordinator", "September 2024", "2024-09-30", "amber",
                        "Two sessions held and the third is booked."),
            gold_action("1.3", "1", "Audit twenty early help cases in which neglect was the main worry",
                        "Head of Early Help", "Q3 2024/25", "2024-12-31", "red",
                        "The audit has slipped because of staff absence."),
            gold_action("2.1", "2", "Agree one threshold document for neglect across the partnership",
                        "LSCP Business Manager", "31/10/2024", "2024-10-31", "complete",
                        "Signed off by the Executive in October."),
            gold_action("2.2", "2", "Hold a neglect practice forum for frontline staff every quarter",
                        "Principal Social Worker", "End of March 2025", "2025-03-31", "amber",
                        "The first forum met in January."),
            gold_action("2.3", "2",
                        "Report how often the graded care profile is used to the Executive twice a year",
                        "Performance Lead, Children's Services", "December 2024", "2024-12-31", "green", None),
        ],
    )  # fmt: skip


# --------------------------------------------------------------------------- 2. an Excel delivery plan

EXCEL_NAME = "exploitation_delivery_plan.xlsx"

EXCEL_HEADER = ["Ref", "Strand", "Action", "Lead officer", "Target date", "RAG status", "Update"]
EXCEL_ROWS = [
    ["PRE-1", "Prevent", "Run exploitation awareness sessions in every secondary school",
     "Youth Service Manager", "July 2024", "Green", "Sessions held in 11 of 12 schools."],
    ["PRE-2", "Prevent", "Put trusted adults in the two youth centres on Friday evenings",
     "Youth Service Manager", "October 2024", "Amber", "One centre staffed; recruiting for the second."],
    ["PRO-1", "Protect", "Review every child open to the exploitation team at the monthly MACE meeting",
     "Exploitation Team Manager", "Q2 2024/25", "Green", "All children reviewed since June."],
    ["PRO-2", "Protect", "Offer a return home interview within 72 hours after every missing episode",
     "Missing Children Coordinator", "30/11/2024", "Red", "Only 61% offered in time last quarter."],
    ["PUR-1", "Pursue", "Map the adults who exploit children and share the map at MACE each month",
     "Detective Inspector, Exploitation", "January 2025", "Complete", "The map is shared every month."],
]  # fmt: skip
CHANGE_LOG = [
    ["Date", "Change made", "By whom", "Action ref"],
    [
        "05/05/2024",
        "Added a new action on return home interviews at the Executive's request",
        "K Obi",
        "PRO-2",
    ],
    ["12/06/2024", "Moved the date of the youth centre action to October", "K Obi", "PRE-2"],
]
LISTS = [
    ["Action type", "Status", "Lead agency", "Strand"],
    ["Single agency", "Red", "Council", "Prevent"],
    ["Multi-agency", "Amber", "Police", "Protect"],
    ["Partnership", "Green", "Health", "Pursue"],
    ["", "Complete", "Education", "Prepare"],
]
MEASURES = [
    ["Measure", "Baseline", "Target", "Apr-24", "May-24", "Jun-24"],
    ["Children discussed at MACE", "12", "20", "14", "17", "19"],
    ["Return home interviews offered within 72 hours", "48", "90", "55", "58", "61"],
]
STATUS_COUNTS = [
    ["Strand", "Red", "Amber", "Green", "Complete", "Total"],
    ["Prevent", "0", "1", "1", "0", "2"],
    ["Protect", "1", "0", "1", "0", "2"],
    ["Pursue", "0", "0", "0", "1", "1"],
    ["Total", "1", "1", "2", "1", "5"],
]


def _excel_plan() -> bytes:
    book = openpyxl.Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Cover"
    cover.append(["Child Exploitation Delivery Plan 2024/25"])
    cover.append(["Northmere Safeguarding Children Partnership"])
    cover.append([])
    cover.append(["Version control"])
    cover.append(["Version", "Date", "Author", "Summary of changes"])
    cover.append(["1.0", "01/04/2024", "K Obi", "Plan agreed by the Executive"])
    cover.append(["1.1", "12/06/2024", "K Obi", "Actions PRE-2 and PRO-2 changed"])
    summary = book.create_sheet("Summary")
    for row in STATUS_COUNTS:
        summary.append(row)
    plan = book.create_sheet("Action plan")
    plan.append(EXCEL_HEADER)
    for row in EXCEL_ROWS:
        plan.append(row)
    measures = book.create_sheet("Measures")
    for row in MEASURES:
        measures.append(row)
    lists = book.create_sheet("Lists")
    for row in LISTS:
        lists.append(row)
    log = book.create_sheet("Change log")
    for row in CHANGE_LOG:
        log.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _excel_gold() -> dict[str, Any]:
    return gold_plan(
        EXCEL_NAME,
        [("Prevent", "Prevent", None), ("Protect", "Protect", None), ("Pursue", "Pursue", None)],
        [
            gold_action("PRE-1", "Prevent", "Run exploitation awareness sessions in every secondary school",
                        "Youth Service Manager", "July 2024", "2024-07-31", "green",
                        "Sessions held in 11 of 12 schools."),
            gold_action("PRE-2", "Prevent", "Put trusted adults in the two youth centres on Friday evenings",
                        "Youth Service Manager", "October 2024", "2024-10-31", "amber",
                        "One centre staffed; recruiting for the second."),
            gold_action("PRO-1", "Protect",
                        "Review every child open to the exploitation team at the monthly MACE meeting",
                        "Exploitation Team Manager", "Q2 2024/25", "2024-09-30", "green",
                        "All children reviewed since June."),
            gold_action("PRO-2", "Protect",
                        "Offer a return home interview within 72 hours after every missing episode",
                        "Missing Children Coordinator", "30/11/2024", "2024-11-30", "red",
                        "Only 61% offered in time last quarter."),
            gold_action("PUR-1", "Pursue",
                        "Map the adults who exploit children and share the map at MACE each month",
                        "Detective Inspector, Exploitation", "January 2025", "2025-01-31", "complete",
                        "The map is shared every month."),
        ],
    )  # fmt: skip


# --------------------------------------------------------------------------- 3. converter text

TEXT_NAME = "front_door_statement_of_action.txt"

TEXT_PLAN = """# Written Statement of Action: the Front Door

Southbridge Safeguarding Children Partnership

# Contents

Introduction\t2
Version control\t2
Glossary\t3
The plan\t4
Measures of impact\t6
Equality impact\t7

# Version control

Version\tDate\tAuthor\tChanges
0.3\t12/03/2024\tJ Smith\tAdded actions 2.1 to 2.2
0.4\t26/03/2024\tJ Smith\tDates agreed with leads
1.0\t04/04/2024\tPartnership Business Unit\tPublished

# Glossary

Acronym\tMeaning
MASH\tMulti-Agency Safeguarding Hub
DSL\tDesignated Safeguarding Lead
ICB\tIntegrated Care Board

# The plan

## 1. Decisions at the front door

Ref\tAction\tAction owner\tDue by\tRAG\tProgress
1.1\tSet a standard that every contact gets a decision within 24 hours\tMASH Service Manager\tMay 2024\tG\tStandard in place and checked weekly.
1.2\tPut a health practitioner in the MASH every weekday\tDesignated Nurse, ICB\tSeptember 2024\tA\tFour days covered so far.
1.3\tAudit thirty contacts a quarter for the quality of the decision\tHead of Quality Assurance\tQ4 2024/25\tA\tFirst audit reported in July.

## 2. Strategy discussions

Ref\tAction\tAction owner\tDue by\tRAG\tProgress
2.1\tInvite the school's DSL to every strategy discussion about a child of school age\tMASH Service Manager\t31/07/2024\tR\tSchools invited in only half of discussions.
2.2\tRecord the reasons for each decision at the end of a strategy discussion\tDetective Inspector, Child Protection\tEnd of December 2024\tComplete\tNew recording template in use.
The measures below show whether the actions are making a difference.
Measure\tBaseline\tTarget\tQ1\tQ2\tQ3\tQ4
Contacts decided within 24 hours (%)\t78\t95\t81\t86\t\t
Strategy discussions with education present (%)\t40\t80\t44\t52\t\t
Where the actions stand, by priority:
Priority\tRed\tAmber\tGreen\tComplete\tTotal
Priority 1\t0\t2\t1\t0\t3
Priority 2\t1\t0\t0\t1\t2
Total\t1\t2\t1\t1\t5

# Equality impact

Protected characteristic\tImpact\tAction to mitigate\tLead
Disability\tPositive\tSend the parents' leaflet out in easy read as well\tCommunications Officer
Race\tNeutral\tKeep checking who is referred by ethnicity\tPerformance Analyst
Age\tNeutral\tNone needed\tPartnership Business Manager

# Governance

Meeting\tChair\tHow often\tReports to
Front Door Improvement Group\tMASH Service Manager\tMonthly\tLSCP Executive
LSCP Executive\tIndependent Scrutineer\tEvery two months\tPartnership leaders
"""


def _text_gold() -> dict[str, Any]:
    return gold_plan(
        TEXT_NAME,
        [("1", "Decisions at the front door", None), ("2", "Strategy discussions", None)],
        [
            gold_action("1.1", "1", "Set a standard that every contact gets a decision within 24 hours",
                        "MASH Service Manager", "May 2024", "2024-05-31", "green",
                        "Standard in place and checked weekly."),
            gold_action("1.2", "1", "Put a health practitioner in the MASH every weekday",
                        "Designated Nurse, ICB", "September 2024", "2024-09-30", "amber",
                        "Four days covered so far."),
            gold_action("1.3", "1", "Audit thirty contacts a quarter for the quality of the decision",
                        "Head of Quality Assurance", "Q4 2024/25", "2025-03-31", "amber",
                        "First audit reported in July."),
            gold_action("2.1", "2",
                        "Invite the school's DSL to every strategy discussion about a child of school age",
                        "MASH Service Manager", "31/07/2024", "2024-07-31", "red",
                        "Schools invited in only half of discussions."),
            gold_action("2.2", "2", "Record the reasons for each decision at the end of a strategy discussion",
                        "Detective Inspector, Child Protection", "End of December 2024", "2024-12-31", "complete",
                        "New recording template in use."),
        ],
    )  # fmt: skip


def _only_plan_rows(draft: PlanDraft, plan_tables: set[int | None]) -> None:
    """Every action comes from a row of the plan's own table(s)."""
    assert {a.location.table for a in draft.actions} <= plan_tables, [a.to_dict() for a in draft.actions]


# --------------------------------------------------------------------------- tests


def test_a_word_plan_among_a_version_log_approvals_a_status_count_a_key_risks_reporting_groups_and_a_glossary_is_read_whole_and_alone(
    scorer: ModuleType,
) -> None:
    draft = import_document(_word_plan(), WORD_NAME)
    _assert_perfect(score_plan(scorer, draft, _word_gold()))
    _only_plan_rows(draft, {5})
    words = _words_of_actions(draft)
    for furniture in ("A Patel", "Helen Marsh", "Likelihood", "Agency staff cover", "Neglect Subgroup", "Quarterly",
                      "Multi-Agency Safeguarding Hub", "Reports to"):  # fmt: skip
        assert furniture not in words
    assert [s.ref for s in draft.sections] == ["1", "2"]
    assert not draft.tables  # the count of actions by status is not a data table
    assert [s.key for s in draft.rag_scheme] == ["red", "amber", "green", "complete"]


def test_an_excel_plan_beside_a_cover_with_version_control_a_status_count_measures_lists_and_a_change_log_is_read_whole_and_alone(
    scorer: ModuleType,
) -> None:
    draft = import_document(_excel_plan(), EXCEL_NAME)
    _assert_perfect(score_plan(scorer, draft, _excel_gold()))
    assert {a.location.sheet for a in draft.actions} == {"Action plan"}
    assert [s.ref for s in draft.sections] == ["Prevent", "Protect", "Pursue"]  # not 'Prepare' of the lists
    # the measures by month are a data table of the monthly figures only, not the baseline or target
    (measures,) = draft.tables
    assert {r["period"] for r in measures.rows} == {"2024-04", "2024-05", "2024-06"}
    assert sorted(r["count"] for r in measures.rows) == [14, 17, 19, 55, 58, 61]


def test_a_converter_text_plan_among_contents_a_version_log_a_glossary_measures_a_status_count_an_equality_table_and_governance_is_read_whole_and_alone(
    scorer: ModuleType,
) -> None:
    draft = import_document(TEXT_PLAN.encode("utf-8"), TEXT_NAME)
    _assert_perfect(score_plan(scorer, draft, _text_gold()))
    words = _words_of_actions(draft)
    for furniture in ("Contacts decided", "Baseline", "easy read", "None needed", "Priority 1", "Monthly"):
        assert furniture not in words
    assert not draft.tables  # measures by quarter have no months to be a series of
    assert not draft.reconciliation  # the status count agrees with the actions read


def test_rows_of_a_table_after_the_plan_table_under_a_header_of_its_own_are_not_actions_under_the_plans_header() -> (
    None
):
    document = docx.Document()
    document.add_heading("Domestic Abuse Action Plan", level=1)
    _table(
        document,
        [PLAN_HEADER, ["1.1", "Train midwives to ask every expectant mother about abuse", "Head of Midwifery",
                       "June 2024", "A", "Half of midwives trained."]],
    )  # fmt: skip
    # no heading between: a list of who the plan went to, whose columns name nothing the plan has
    _table(
        document,
        [["Name", "Organisation", "Email address"], ["Priya Shah", "Probation Service", "p.shah@example.org"],
         ["Tom Reilly", "Community Safety Partnership", "t.reilly@example.org"]],
    )  # fmt: skip
    draft = import_document(_saved(document), "domestic_abuse_plan.docx")
    assert [(a.ref, a.owner) for a in draft.actions] == [("1.1", "Head of Midwifery")]


def test_an_equality_impact_table_with_an_action_to_mitigate_column_is_not_a_plan_table() -> None:
    text = (
        "# Equality impact\n\n"
        "Protected characteristic\tImpact\tAction to mitigate\tLead\n"
        "Sex\tNeutral\tCount referrals of boys and girls separately\tPerformance Analyst\n\n"
        "# Action plan\n\n"
        "Ref\tAction\tLead\tDue by\tRAG\n"
        "1\tPublish the plan on the partnership's website\tBusiness Manager\tMay 2024\tG\n"
    )
    draft = import_document(text.encode("utf-8"), "plan.txt")
    assert [(a.ref, a.text) for a in draft.actions] == [
        ("1", "Publish the plan on the partnership's website")
    ]


def test_an_action_type_column_of_a_drop_down_list_is_not_an_action_column() -> None:
    from intake.importer.synonyms import header_field

    assert header_field("Action type") is None
    assert header_field("Date approved") is None
    assert header_field("Action") == "text"
    assert header_field("Action owner") == "owner"
    assert header_field("Date") == "due"


def test_a_count_of_actions_by_status_and_priority_that_disagrees_with_the_actions_read_is_reported() -> None:
    summary = [list(row) for row in RAG_SUMMARY]
    summary[3][1] = "2"  # the Total row says two red; one action is red
    document = docx.Document()
    document.add_heading("Summary of progress", level=1)
    _table(document, summary)
    document.add_heading("The plan", level=1)
    _table(document, [PLAN_HEADER, *[row for row in PLAN_ROWS if isinstance(row, list)]])
    draft = import_document(_saved(document), WORD_NAME)
    assert len(draft.actions) == 6
    (discrepancy,) = draft.reconciliation
    assert discrepancy.kind == "rag_count"
    assert {v["status"]: (v["stated"], v["read"]) for v in discrepancy.values}["red"] == (2, 1)


def test_a_count_of_actions_by_status_without_a_total_row_is_added_up_and_compared() -> None:
    text = (
        "Strand\tRed\tAmber\tGreen\n"
        "Prevent\t0\t1\t0\n"
        "Protect\t0\t0\t2\n\n"
        "Ref\tAction\tLead\tDue by\tRAG\n"
        "1\tOpen a drop-in for parents worried about exploitation\tEarly Help Manager\tJuly 2024\tA\n"
        "2\tCheck every missing episode is discussed at MACE\tMACE Chair\tAugust 2024\tG\n"
    )
    draft = import_document(text.encode("utf-8"), "plan.txt")
    assert [a.rag for a in draft.actions] == ["amber", "green"]
    (discrepancy,) = draft.reconciliation
    assert {v["status"]: (v["stated"], v["read"]) for v in discrepancy.values} == {
        "red": (0, 0), "amber": (1, 1), "green": (2, 1)
    }  # fmt: skip


def _saved(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
