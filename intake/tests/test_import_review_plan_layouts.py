"""Action plans written after a child safeguarding practice review, a serious case review or a rapid
review, and Ofsted joint targeted area inspection (JTAI) action plans, in the layouts partnerships
publish them in (all wording written anew here):

- a Word practice review plan: a heading 'Recommendation 1: ...' over a table 'Ref | Action | Lead |
  Timescale | Evidence of impact | Progress | RAG', actions 1.1, 1.2 under recommendation 1, owners
  such as 'DCS / Head of Service, Children's Social Care', timescales 'By March 2024', 'Within 6
  months', 'Immediate', 'Q3 2023/24', and a 'Completed actions' table at the end of the plan;
- an Excel JTAI plan: a title row, 'Area for improvement' merged down its action rows beside
  'No. | Action | Lead (agency) | Timescale | How will we know | Progress update | RAG', statuses as
  words in coloured cells;
- a PDF rapid review plan: the learning point a merged first column beside its several action rows,
  the actions without numbers;
- a Word JTAI plan: 'Key line of enquiry' and 'Area for improvement' merged down beside the actions,
  each action numbered at the start of its text.

Each is scored with the shared scorer against an expected result written by hand following
../shared/gold/README.md."""

from __future__ import annotations

import datetime as dt
import io
from types import ModuleType
from typing import Any

import docx
import openpyxl
import pytest
from openpyxl.styles import PatternFill

from intake.importer.api import import_document
from intake.importer.model import PlanDraft

from .conftest import gold_action, gold_plan, score_plan, word_table


def _saved(document: Any, name: str) -> PlanDraft:
    out = io.BytesIO()
    document.save(out)
    return import_document(out.getvalue(), filename=name)


# --------------------------------------------------------------------------- 1. Word practice review plan

REVIEW_HEADER = ["Ref", "Action", "Lead", "Timescale", "Evidence of impact", "Progress", "RAG"]

REVIEW_RECOMMENDATIONS = [
    (
        "Recommendation 1: The partnership should seek assurance that practitioners find out about and "
        "involve fathers and other men living in or visiting the household.",
        [
            ["1.1", "Revise the multi-agency assessment guidance so that every adult male in the household is "
             "identified and seen.", "Head of Service, Children's Social Care", "By March 2024",
             "Case audit shows men in the household are named in assessments.",
             "Draft guidance out for consultation.", "A"],
            ["1.2", "Run briefing sessions for health visitors and midwives on engaging fathers.",
             "Designated Nurse for Safeguarding Children, ICB", "Within 6 months",
             "Attendance records and a practitioner survey.", "", "R"],
        ],
    ),
    (
        "Recommendation 2: Partners should make sure strategy discussions always include the agencies that "
        "know the family.",
        [
            ["2.1", "Issue a reminder to team managers that health and education must be invited to every "
             "strategy discussion.", "DCS / Head of Service, Children's Social Care", "Immediate",
             "Dip sample of strategy discussion records.", "Reminder issued in October.", "G"],
            ["2.2", "Add the attendance of each agency to the quarterly strategy discussion dataset.",
             "Detective Inspector, Public Protection Unit", "Q3 2023/24",
             "Dataset reported to the Performance subgroup.", "First figures due in January.", "A"],
        ],
    ),
]  # fmt: skip

REVIEW_COMPLETED = [
    ["1.3", "Share the review's learning briefing with all partner agencies.", "Partnership Business Manager",
     "October 2023", "Briefing opened by 400 staff.", "Briefing published 2 October.", "Complete"],
    ["2.3", "Agree a single template for recording strategy discussions.", "Head of MASH", "September 2023",
     "Template in use in all teams.", "Template launched.", "Complete"],
]  # fmt: skip


def _review_word() -> PlanDraft:
    document = docx.Document()
    document.add_heading("Child Safeguarding Practice Review: Child M - Partnership Action Plan", 0)
    document.add_paragraph("Harrowdale Safeguarding Children Partnership")
    document.add_paragraph("Progress as at 9 January 2024")
    for heading, rows in REVIEW_RECOMMENDATIONS:
        document.add_heading(heading, 2)
        word_table(document, [REVIEW_HEADER, *rows])
    document.add_heading("Completed actions", 2)
    word_table(document, [REVIEW_HEADER, *REVIEW_COMPLETED])
    return _saved(document, "review.docx")


REVIEW_GOLD = gold_plan(
    "review.docx",
    [
        ("1", "The partnership should seek assurance that practitioners find out about and involve fathers "
         "and other men living in or visiting the household.", None),
        ("2", "Partners should make sure strategy discussions always include the agencies that know the "
         "family.", None),
    ],
    [
        gold_action("1.1", "1", "Revise the multi-agency assessment guidance so that every adult male in the "
                    "household is identified and seen.", "Head of Service, Children's Social Care",
                    "By March 2024", "2024-03-31", "amber", "Draft guidance out for consultation."),
        gold_action("1.2", "1", "Run briefing sessions for health visitors and midwives on engaging fathers.",
                    "Designated Nurse for Safeguarding Children, ICB", "Within 6 months", None, "red"),
        gold_action("2.1", "2", "Issue a reminder to team managers that health and education must be invited "
                    "to every strategy discussion.", "DCS / Head of Service, Children's Social Care",
                    "Immediate", None, "green", "Reminder issued in October."),
        gold_action("2.2", "2", "Add the attendance of each agency to the quarterly strategy discussion "
                    "dataset.", "Detective Inspector, Public Protection Unit", "Q3 2023/24", "2023-12-31",
                    "amber", "First figures due in January."),
        gold_action("1.3", "1", "Share the review's learning briefing with all partner agencies.",
                    "Partnership Business Manager", "October 2023", "2023-10-31", "complete",
                    "Briefing published 2 October."),
        gold_action("2.3", "2", "Agree a single template for recording strategy discussions.", "Head of MASH",
                    "September 2023", "2023-09-30", "complete", "Template launched."),
    ],
)  # fmt: skip


def test_a_word_practice_review_plan_with_completed_actions_at_the_end_scores_fully(
    scorer: ModuleType,
) -> None:
    result = score_plan(scorer, _review_word(), REVIEW_GOLD)
    assert result["f1"] == 1.0, result
    assert result["field_mean"] == 1.0, result["wrong"]


def test_a_completed_action_listed_at_the_end_is_in_the_section_its_number_names() -> None:
    draft = _review_word()
    assert {a.ref: a.section for a in draft.actions} == {"1.1": "1", "1.2": "1", "2.1": "2", "2.2": "2",
                                                         "1.3": "1", "2.3": "2"}  # fmt: skip
    assert [s.ref for s in draft.sections] == ["1", "2"]


def test_actions_under_a_completed_actions_heading_without_a_status_column_are_complete() -> None:
    document = docx.Document()
    document.add_heading("Rapid review action plan", 1)
    document.add_heading("Recommendation 1: Improve the sharing of information at discharge from hospital", 2)
    word_table(document, [REVIEW_HEADER, ["1.1", "Agree a discharge checklist.", "Named Nurse", "May 2024", "", "",
                                      "A"]])  # fmt: skip
    document.add_heading("Recommendation 2: Strengthen pre-birth planning", 2)
    word_table(document, [REVIEW_HEADER, ["2.1", "Start pre-birth assessments by 20 weeks.", "Head of Service",
                                      "April 2024", "", "", ""]])  # fmt: skip
    document.add_heading("Completed actions", 2)
    word_table(
        document,
        [
            ["Ref", "Action", "Lead", "Outcome"],
            ["1.2", "Write to all GP practices about the review.", "Designated Doctor", "Letter sent."],
            ["2.2", "Add the pre-birth pathway to procedures.", "Procedures Lead", "Pathway published."],
        ],
    )
    draft = _saved(document, "completed.docx")
    assert [(a.ref, a.section, a.rag) for a in draft.actions] == [
        ("1.1", "1", "amber"),
        ("2.1", "2", None),
        ("1.2", "1", "complete"),
        ("2.2", "2", "complete"),
    ]


def test_an_action_under_an_unnumbered_sub_heading_stays_in_its_section() -> None:
    document = docx.Document()
    document.add_heading("Recommendation 1: Improve supervision", 1)
    document.add_heading("Actions agreed by partners", 2)
    word_table(document, [REVIEW_HEADER, ["1.1", "Audit supervision records.", "Principal Social Worker", "May 2024",
                                      "", "", "G"]])  # fmt: skip
    document.add_heading("Recommendation 2: Share learning", 1)
    document.add_heading("Actions agreed by partners", 2)
    word_table(document, [REVIEW_HEADER, ["2.1", "Publish a learning briefing.", "Business Manager", "June 2024",
                                      "", "", "A"]])  # fmt: skip
    draft = _saved(document, "subheadings.docx")
    assert [(a.ref, a.section, a.rag) for a in draft.actions] == [
        ("1.1", "1", "green"),
        ("2.1", "2", "amber"),
    ]


# --------------------------------------------------------------------------- label alone, text below


def _labels_alone_word(label: str) -> PlanDraft:
    document = docx.Document()
    document.add_paragraph("Local Child Safeguarding Practice Review: Sibling Group K - Action Plan")
    header = ["Action", "Lead (agency)", "Timescale", "How will we know", "Progress", "RAG"]
    plan = [
        ("Agencies should check that an interpreter is used for every contact with parents who do not speak "
         "English.", [["Audit the use of interpreters in child protection conferences.",
                       "Conference and Review Service (Council)", "By June 2024", "Audit findings", "", "A"]]),
        ("The partnership should review its escalation policy.",
         [["Relaunch the escalation policy with a practice week.", "Partnership Business Unit", "Q1 2024/25",
           "Escalations logged", "", "G"],
          ["Report escalations to the Board twice a year.", "Partnership Business Manager", "Six monthly", "",
           "", ""]]),
    ]  # fmt: skip
    for n, (recommendation, rows) in enumerate(plan, start=1):
        document.add_paragraph().add_run(f"{label} {n}").bold = True
        document.add_paragraph(recommendation)
        word_table(document, [header, *rows])
    return _saved(document, "labels.docx")


@pytest.mark.parametrize("label", ["Recommendation", "Learning point", "Finding", "Key line of enquiry"])
def test_a_label_and_number_alone_in_bold_opens_a_section_titled_by_the_paragraph_below(label: str) -> None:
    draft = _labels_alone_word(label)
    assert [(s.ref, s.title) for s in draft.sections] == [
        ("1", "Agencies should check that an interpreter is used for every contact with parents who do not "
              "speak English."),
        ("2", "The partnership should review its escalation policy."),
    ]  # fmt: skip
    assert [a.section for a in draft.actions] == ["1", "2", "2"]
    assert [a.due for a in draft.actions][:2] == [dt.date(2024, 6, 30), dt.date(2024, 6, 30)]


# --------------------------------------------------------------------------- 2. Excel JTAI plan

JTAI_HEADER = ["Area for improvement", "No.", "Action", "Lead (agency)", "Timescale", "How will we know",
               "Progress update", "RAG"]  # fmt: skip
AREA_1 = ("1. The quality of return home interviews and how their findings inform plans for children who go "
          "missing")  # fmt: skip
AREA_2 = "2. Information sharing between the police and schools about children at risk of exploitation"
JTAI_ROWS = [
    [AREA_1, "1.1", "Commission an independent audit of return home interviews completed in the last six months.",
     "Head of Service, Early Help (Council)", "By end of December 2023",
     "Audit report presented to the Partnership Board.", "Audit commissioned; fieldwork under way.", "Green"],
    [None, "1.2", "Add the findings of each return home interview to the child's plan within five working days.",
     "Service Manager, Exploitation Hub (Council)", "Q4 2023/24", "Monthly compliance report above 90%.", None,
     "Amber"],
    [AREA_2, "2.1", "Agree a protocol for the police to notify a school's designated safeguarding lead the next "
     "school day.", "Detective Chief Inspector, Safeguarding (Police)", "31/01/2024",
     "Schools report they receive notifications on time.", "Protocol agreed in draft with head teachers.",
     "Amber"],
    [None, "2.2", "Train designated safeguarding leads on the exploitation screening tool.",
     "Education Safeguarding Lead (Council)", "Ongoing", "Training attendance figures.",
     "Three sessions delivered.", "Complete"],
    [None, "2.3", "Review the exploitation screening tool with schools after one term.",
     "Education Safeguarding Lead (Council)", "July 2024", None, None, "Red"],
]  # fmt: skip


def _jtai_excel() -> PlanDraft:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "JTAI Action Plan"
    sheet["A1"] = ("Joint Targeted Area Inspection of the multi-agency response to children at risk of "
                   "exploitation: Action Plan")  # fmt: skip
    sheet["A2"] = "Kestermoor Safeguarding Children Partnership"
    sheet.append([])
    sheet.append(JTAI_HEADER)
    for row in JTAI_ROWS:
        sheet.append(row)
    sheet.merge_cells("A5:A6")
    sheet.merge_cells("A7:A9")
    colours = {"Green": "00B050", "Amber": "FFC000", "Red": "FF0000", "Complete": "0070C0"}
    for r in range(5, 10):
        sheet.cell(r, 8).fill = PatternFill("solid", fgColor=colours[str(sheet.cell(r, 8).value)])
    out = io.BytesIO()
    workbook.save(out)
    return import_document(out.getvalue(), filename="jtai.xlsx")


JTAI_GOLD = gold_plan(
    "jtai.xlsx",
    [(AREA_1[0], AREA_1[3:], None), (AREA_2[0], AREA_2[3:], None)],
    [
        gold_action("1.1", "1", JTAI_ROWS[0][2] or "", "Head of Service, Early Help (Council)",
                    "By end of December 2023", "2023-12-31", "green", "Audit commissioned; fieldwork under way."),
        gold_action("1.2", "1", JTAI_ROWS[1][2] or "", "Service Manager, Exploitation Hub (Council)",
                    "Q4 2023/24", "2024-03-31", "amber"),
        gold_action("2.1", "2", JTAI_ROWS[2][2] or "", "Detective Chief Inspector, Safeguarding (Police)",
                    "31/01/2024", "2024-01-31", "amber", "Protocol agreed in draft with head teachers."),
        gold_action("2.2", "2", JTAI_ROWS[3][2] or "", "Education Safeguarding Lead (Council)", "Ongoing", None,
                    "complete", "Three sessions delivered."),
        gold_action("2.3", "2", JTAI_ROWS[4][2] or "", "Education Safeguarding Lead (Council)", "July 2024",
                    "2024-07-31", "red"),
    ],
)  # fmt: skip


def test_an_excel_jtai_plan_with_each_area_for_improvement_merged_down_scores_fully(
    scorer: ModuleType,
) -> None:
    draft = _jtai_excel()
    assert draft.plan.kind == "jtai"
    # the partnership's row under the plan's name is its organisation, not the end of its title
    assert draft.plan.title.endswith(": Action Plan"), draft.plan.title
    assert draft.plan.organisation == "Kestermoor Safeguarding Children Partnership"
    result = score_plan(scorer, draft, JTAI_GOLD)
    assert result["f1"] == 1.0, result
    assert result["field_mean"] == 1.0, result["wrong"]


# --------------------------------------------------------------------------- 3. PDF rapid review plan

RAPID_LEARNING = [
    ("Learning point 1: Safe sleep advice was given once and was not repeated when the family's circumstances "
     "changed.",
     [("Refresh the safe sleep guidance so that advice is repeated at every change of address or carer.",
       "Named Nurse, Community Health Trust", "February 2024", "Guidance rewritten and with the Board for sign off.",
       "Amber"),
      ("Add a safe sleep prompt to the health visiting record template.", "Head of Health Visiting",
       "Within 3 months", "", "Red")]),
    ("Learning point 2: Practitioners did not ask about the father's history of violence before he moved into the "
     "home.",
     [("Publish a seven minute briefing on asking about new partners.",
       "Partnership Learning and Development Officer", "Completed November 2023", "Briefing published and shared.",
       "Complete"),
      ("Include checks of police records on new partners in the pre-birth assessment procedure.",
       "Head of Service, Children's Social Care", "Q4 2023/24", "Procedure change agreed at the Policy subgroup.",
       "Green"),
      ("Audit ten pre-birth assessments for evidence that new partners were checked.",
       "Quality Assurance Subgroup", "June 2024", "", "Green")]),
]  # fmt: skip


def _rapid_pdf() -> PlanDraft:
    from weasyprint import HTML

    body = []
    for learning, actions in RAPID_LEARNING:
        for k, action in enumerate(actions):
            first = f"<td rowspan='{len(actions)}'>{learning}</td>" if k == 0 else ""
            body.append("<tr>" + first + "".join(f"<td>{cell}</td>" for cell in action) + "</tr>")
    markup = (
        "<style>@page{size:A4 landscape;margin:1.5cm} body{font-family:sans-serif;font-size:9pt}"
        "table{border-collapse:collapse;width:100%} td,th{border:1px solid black;padding:3px;vertical-align:top}"
        "</style><h1>Rapid Review Learning Action Plan: Baby T</h1><p>Westmere Safeguarding Children Partnership</p>"
        "<table><tr><th>Learning point</th><th>Action</th><th>Lead</th><th>By when</th><th>Update</th>"
        "<th>RAG</th></tr>" + "".join(body) + "</table>"
    )
    data = HTML(string=markup).write_pdf()
    assert data is not None
    return import_document(data, filename="rapid.pdf")


RAPID_GOLD = gold_plan(
    "rapid.pdf",
    [("1", RAPID_LEARNING[0][0].split(": ", 1)[1], None), ("2", RAPID_LEARNING[1][0].split(": ", 1)[1], None)],
    [
        gold_action(None, "1", RAPID_LEARNING[0][1][0][0], "Named Nurse, Community Health Trust", "February 2024",
                    "2024-02-29", "amber", "Guidance rewritten and with the Board for sign off."),
        gold_action(None, "1", RAPID_LEARNING[0][1][1][0], "Head of Health Visiting", "Within 3 months", None,
                    "red"),
        gold_action(None, "2", RAPID_LEARNING[1][1][0][0], "Partnership Learning and Development Officer",
                    "Completed November 2023", "2023-11-30", "complete", "Briefing published and shared."),
        gold_action(None, "2", RAPID_LEARNING[1][1][1][0], "Head of Service, Children's Social Care", "Q4 2023/24",
                    "2024-03-31", "green", "Procedure change agreed at the Policy subgroup."),
        gold_action(None, "2", RAPID_LEARNING[1][1][2][0], "Quality Assurance Subgroup", "June 2024", "2024-06-30",
                    "green"),
    ],
)  # fmt: skip


@pytest.mark.filterwarnings("ignore")
def test_a_pdf_rapid_review_plan_with_each_learning_point_merged_beside_its_actions_scores_fully(
    scorer: ModuleType,
) -> None:
    result = score_plan(scorer, _rapid_pdf(), RAPID_GOLD)
    assert result["f1"] == 1.0, result
    assert result["field_mean"] == 1.0, result["wrong"]


# --------------------------------------------------------------------------- 4. Word JTAI plan, lines of enquiry

KLOE_1 = "Recognition and response to children living with domestic abuse"
AFI_1 = "Children's own words are not always recorded in domestic abuse notifications"
KLOE_2 = "Effectiveness of multi-agency risk assessment conferences"
AFI_2 = "Schools do not routinely receive MARAC outcomes"
KLOE_ROWS = [
    [KLOE_1, AFI_1, "1.1 Change the police notification form so officers record what each child said and how "
     "they presented.", "Detective Superintendent, Public Protection", "By March 2024",
     "Form changed; training under way.", "G"],
    ["", "", "1.2 Audit a sample of notifications each quarter for the child's voice.", "Head of MASH",
     "June 2024", "", "A"],
    [KLOE_2, AFI_2, "2.1 Share the MARAC outcome with the school of each child in the household.",
     "MARAC Coordinator", "Immediate", "In place since December.", "Complete"],
    ["", "", "2.2 Report compliance with sharing MARAC outcomes to the Partnership Executive.",
     "MARAC Coordinator / Education Safeguarding Lead", "Q2 2024/25", "", ""],
]  # fmt: skip


def _kloe_word() -> PlanDraft:
    document = docx.Document()
    document.add_heading("JTAI Action Plan: The multi-agency response to domestic abuse", 1)
    document.add_paragraph("Ravensholt Safeguarding Children Partnership")
    header = [
        "Key line of enquiry",
        "Area for improvement",
        "Actions",
        "Lead",
        "Timescale",
        "Progress",
        "RAG",
    ]
    table = word_table(document, [header, *KLOE_ROWS])
    for col in (0, 1):
        for first in (1, 3):
            text = table.cell(first, col).text
            table.cell(first, col).merge(table.cell(first + 1, col)).text = text
    return _saved(document, "kloe.docx")


KLOE_GOLD = gold_plan(
    "kloe.docx",
    [(KLOE_1, KLOE_1, None), (AFI_1, AFI_1, KLOE_1), (KLOE_2, KLOE_2, None), (AFI_2, AFI_2, KLOE_2)],
    [
        gold_action("1.1", AFI_1, KLOE_ROWS[0][2][4:], "Detective Superintendent, Public Protection",
                    "By March 2024", "2024-03-31", "green", "Form changed; training under way."),
        gold_action("1.2", AFI_1, KLOE_ROWS[1][2][4:], "Head of MASH", "June 2024", "2024-06-30", "amber"),
        gold_action("2.1", AFI_2, KLOE_ROWS[2][2][4:], "MARAC Coordinator", "Immediate", None, "complete",
                    "In place since December."),
        gold_action("2.2", AFI_2, KLOE_ROWS[3][2][4:], "MARAC Coordinator / Education Safeguarding Lead",
                    "Q2 2024/25", "2024-09-30", None),
    ],
)  # fmt: skip


def test_a_word_jtai_plan_with_lines_of_enquiry_and_areas_for_improvement_merged_down_scores_fully(
    scorer: ModuleType,
) -> None:
    draft = _kloe_word()
    assert draft.plan.kind == "jtai"
    result = score_plan(scorer, draft, KLOE_GOLD)
    assert result["f1"] == 1.0, result
    assert result["field_mean"] == 1.0, result["wrong"]
    assert [(s.ref, s.parent) for s in draft.sections] == [(KLOE_1, None), (AFI_1, KLOE_1), (KLOE_2, None),
                                                           (AFI_2, KLOE_2)]  # fmt: skip
