"""Plans published inside a report to a committee or board: a Children and Young People's Overview
and Scrutiny Committee, a Health and Wellbeing Board, a safeguarding partnership's executive. The report
opens with the meeting's name and a title block ('Report of | Subject'), goes on in numbered paragraphs
under the headings every council report has ('1. Purpose of the report', 'Recommendations', 'Financial
implications', 'Background papers', 'Contact officer'), and carries the plan as 'Appendix A: <plan>',
sometimes in two tables (the actions completed since the last report, then the current plan), with a
glossary or figures as 'Appendix B'. Only the plan's rows are actions; the report's headings are not
sections and the meeting is not the plan's title.

The layouts follow published committee papers (York's Children, Culture and Communities Scrutiny
report on its safeguarding partnership, Bracknell Forest's Health and Wellbeing Board reports with
'1 PURPOSE OF REPORT' / '2 RECOMMENDATION(S)' / '5 SUPPORTING INFORMATION', Cheshire East's Children
and Families Committee 'Ofsted Action Plan and Progress Update', Leicestershire's Police and Crime
Panel report carrying its CCE delivery plan); every plan, name and word here is made up. Each
document is built in the route users bring it by: the converters' text (markdown headings, tab-separated
rows, <b> in cells), Word built with python-docx, and a PDF printed with WeasyPrint.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from intake.importer.api import import_document
from intake.importer.model import PlanDraft
from intake.importer.report import appendix_plan_title, is_committee_report, is_report_part

from .conftest import gold_action, gold_plan, needs_shared, score_plan, seed_path


def _assert_scores(result: dict[str, Any], f1: float, fields: float) -> None:
    assert result["f1"] >= f1 and result["field_mean"] >= fields, result


def _sections(draft: PlanDraft) -> list[tuple[str, str, str | None]]:
    return [(s.ref, s.title, s.parent) for s in draft.sections]


# --------------------------------------------------------------------------- 1. scrutiny committee, text

SCRUTINY = (
    "\n"
    "\n"
    "\n"
    "# **Children and Young People's Overview and Scrutiny Committee**\n"
    "\n"
    "## **14 March 2024**\n"
    "\n"
    "Report of\t<b>Director of Children's Services and the Independent Scrutineer, Ashmoor Safeguarding Children Partnership</b>\n"
    "Subject\t<b>Joint Targeted Area Inspection of the multi-agency response to children at risk of exploitation: progress on the action plan</b>\n"
    "Wards\t<b>All</b>\n"
    "Key decision\t<b>No</b>\n"
    "\n"
    "### **1. Purpose of the report**\n"
    "\n"
    "1.1 This report updates the Committee on the partnership's progress against the action plan written after the Joint Targeted Area Inspection (JTAI) held in September 2023.\n"
    "\n"
    "1.2 The action plan is attached at Appendix A.\n"
    "\n"
    "### **2. Recommendations**\n"
    "\n"
    "2.1 That the Committee notes the progress made against the JTAI action plan.\n"
    "\n"
    "2.2 That the Committee agrees to receive a further update in September 2024.\n"
    "\n"
    "### **3. Background**\n"
    "\n"
    "3.1 Inspectors from Ofsted, the Care Quality Commission, HM Inspectorate of Constabulary and Fire & Rescue Services and HM Inspectorate of Probation visited the partnership in September 2023.\n"
    "\n"
    "3.2 The inspection letter, published in November 2023, named three areas for improvement.\n"
    "\n"
    "3.3 The partnership submitted its written statement of action on 14 February 2024, within the 70 working days allowed.\n"
    "\n"
    "4. Of the 10 actions in the plan, 3 were completed by the end of February 2024.\n"
    "\n"
    "### **5. Financial implications**\n"
    "\n"
    "5.1 There are no direct financial implications arising from this report. The actions are funded from existing partnership budgets.\n"
    "\n"
    "### **6. Legal implications**\n"
    "\n"
    "6.1 The Children Act 2004 places a duty on the safeguarding partners to make arrangements to safeguard and promote the welfare of children.\n"
    "\n"
    "### **7. Equalities implications**\n"
    "\n"
    "7.1 None arising from this report.\n"
    "\n"
    "### **Background papers**\n"
    "\n"
    "1. Joint targeted area inspection of Ashmoor: inspection letter, November 2023\n"
    "2. Ashmoor Safeguarding Children Partnership annual report 2022-23\n"
    "\n"
    "### **Contact officer**\n"
    "\n"
    "Priya Nandra – Partnership Business Manager\n"
    "\n"
    "Tel: 01632 960 411\n"
    "\n"
    "Email: [priya.nandra@ashmoor.gov.uk](mailto:priya.nandra@ashmoor.gov.uk)\n"
    "\n"
    "# **Appendix A: JTAI Action Plan – Children at Risk of Exploitation**\n"
    "\n"
    "**Ashmoor Safeguarding Children Partnership**\n"
    "\n"
    "Position as at 29 February 2024\n"
    "\n"
    "**Actions completed since the last report**\n"
    "\n"
    "<b>Ref</b>\t<b>Action</b>\t<b>Lead</b>\t<b>Target date</b>\t<b>RAG</b>\t<b>Progress update</b>\n"
    "1.1\tAgree one screening tool for exploitation risk for use by all agencies\tHead of Exploitation Service\tDecember 2023\tComplete\tTool agreed by the Executive in December and in use since January.\n"
    "2.1\tHold a return home interview for every child who has been missing\tMissing Children Co-ordinator\tJanuary 2024\tComplete\tAll interviews offered within 72 hours since January.\n"
    "3.1\tBrief every designated safeguarding lead on the exploitation pathway\tEducation Safeguarding Lead\tFebruary 2024\tComplete\tBriefings held in all 64 schools.\n"
    "\n"
    "**Current action plan**\n"
    "\n"
    "<b>Ref</b>\t<b>Action</b>\t<b>Lead</b>\t<b>Target date</b>\t<b>RAG</b>\t<b>Progress update</b>\n"
    "<b>1. Identifying children at risk of exploitation</b>\t\t\t\t\t\n"
    "1.2\tTrain frontline staff in the use of the screening tool\tPartnership Learning and Development Manager\tJune 2024\tGreen\t220 staff trained so far.\n"
    "1.3\tAudit 20 screening decisions to test that thresholds are applied consistently\tChair, Quality Assurance Subgroup\tQ1 2024/25\tAmber\tAudit tool drafted; audit delayed by staff absence.\n"
    "<b>2. Children who go missing</b>\t\t\t\t\t\n"
    "2.2\tShare missing episodes with the exploitation hub within one working day\tDetective Inspector, Exploitation Hub\t31/05/2024\tGreen\tDaily missing meeting now includes the hub.\n"
    "2.3\tMap places and peer groups linked to children who go missing repeatedly\tCommunity Safety Partnership Manager\tEnd of July 2024\tRed\tAnalyst post vacant; recruitment under way.\n"
    "<b>3. Schools and health</b>\t\t\t\t\t\n"
    "3.2\tInclude exploitation in the emergency department's safeguarding screening questions\tNamed Nurse, Acute Trust\tApril 2024\tAmber\tQuestions written; IT change requested.\n"
    "3.3\tGive school nurses access to the exploitation hub's referral form\tHead of School Nursing\tMarch 2024, revised to May 2024\tGreen\tAccess agreed; training booked.\n"
    "3.4\tReport exploitation data to the Partnership Executive every quarter\tPartnership Business Manager\tQuarterly\tGreen\tFirst report made in February.\n"
    "\n"
    "# **Appendix B: Glossary**\n"
    "\n"
    "<b>Term</b>\t<b>Meaning</b>\n"
    "JTAI\tJoint Targeted Area Inspection\n"
    "DSL\tDesignated Safeguarding Lead: the member of school staff who leads on safeguarding\n"
    "RHI\tReturn home interview, offered to every child after a missing episode\n"
    "CSP\tCommunity Safety Partnership\n"
)

SCRUTINY_SECTIONS: list[tuple[str, str, str | None]] = [
    ("1", "Identifying children at risk of exploitation", None),
    ("2", "Children who go missing", None),
    ("3", "Schools and health", None),
]
SCRUTINY_ACTIONS = [
    gold_action(
        "1.1",
        "1",
        "Agree one screening tool for exploitation risk for use by all agencies",
        "Head of Exploitation Service",
        "December 2023",
        "2023-12-31",
        "complete",
        "Tool agreed by the Executive in December and in use since January.",
    ),
    gold_action(
        "2.1",
        "2",
        "Hold a return home interview for every child who has been missing",
        "Missing Children Co-ordinator",
        "January 2024",
        "2024-01-31",
        "complete",
        "All interviews offered within 72 hours since January.",
    ),
    gold_action(
        "3.1",
        "3",
        "Brief every designated safeguarding lead on the exploitation pathway",
        "Education Safeguarding Lead",
        "February 2024",
        "2024-02-29",
        "complete",
        "Briefings held in all 64 schools.",
    ),
    gold_action(
        "1.2",
        "1",
        "Train frontline staff in the use of the screening tool",
        "Partnership Learning and Development Manager",
        "June 2024",
        "2024-06-30",
        "green",
        "220 staff trained so far.",
    ),
    gold_action(
        "1.3",
        "1",
        "Audit 20 screening decisions to test that thresholds are applied consistently",
        "Chair, Quality Assurance Subgroup",
        "Q1 2024/25",
        "2024-06-30",
        "amber",
        "Audit tool drafted; audit delayed by staff absence.",
    ),
    gold_action(
        "2.2",
        "2",
        "Share missing episodes with the exploitation hub within one working day",
        "Detective Inspector, Exploitation Hub",
        "31/05/2024",
        "2024-05-31",
        "green",
        "Daily missing meeting now includes the hub.",
    ),
    gold_action(
        "2.3",
        "2",
        "Map places and peer groups linked to children who go missing repeatedly",
        "Community Safety Partnership Manager",
        "End of July 2024",
        "2024-07-31",
        "red",
        "Analyst post vacant; recruitment under way.",
    ),
    gold_action(
        "3.2",
        "3",
        "Include exploitation in the emergency department's safeguarding screening questions",
        "Named Nurse, Acute Trust",
        "April 2024",
        "2024-04-30",
        "amber",
        "Questions written; IT change requested.",
    ),
    gold_action(
        "3.3",
        "3",
        "Give school nurses access to the exploitation hub's referral form",
        "Head of School Nursing",
        "March 2024, revised to May 2024",
        "2024-05-31",
        "green",
        "Access agreed; training booked.",
    ),
    gold_action(
        "3.4",
        "3",
        "Report exploitation data to the Partnership Executive every quarter",
        "Partnership Business Manager",
        "Quarterly",
        None,
        "green",
        "First report made in February.",
    ),
]


def _scrutiny_gold() -> dict[str, Any]:
    gold = gold_plan("scrutiny.txt", SCRUTINY_SECTIONS, SCRUTINY_ACTIONS)
    gold["plan"] = {
        "title": "JTAI Action Plan – Children at Risk of Exploitation",
        "organisation": "Ashmoor Safeguarding Children Partnership",
        "kind": "jtai",
        "as_at": "2024-02-29",
    }
    return gold


def _text(text: str, name: str = "scrutiny.txt") -> PlanDraft:
    return import_document(text.encode("utf-8"), filename=name)


def test_a_jtai_plan_in_an_appendix_to_a_scrutiny_committee_report_scores_full_marks(
    scorer: ModuleType,
) -> None:
    _assert_scores(score_plan(scorer, SCRUTINY, _scrutiny_gold()), f1=1.0, fields=1.0)


def test_the_reports_numbered_headings_and_its_meeting_date_are_not_sections_of_the_plan() -> None:
    draft = _text(SCRUTINY)
    # was: '1 Purpose of the report', '2 Recommendations', '3 Background', '5 Financial implications',
    # '6 Legal implications', '7 Equalities implications' and '14 March 2024' were sections, and the
    # plan's own '1. Identifying children ...' row could not name section 1
    assert _sections(draft) == SCRUTINY_SECTIONS


def test_actions_completed_since_the_last_report_belong_to_the_sections_their_numbers_name() -> None:
    draft = _text(SCRUTINY)
    done = {a.ref: a.section for a in draft.actions if a.rag == "complete"}
    assert done == {"1.1": "1", "2.1": "2", "3.1": "3"}


def test_the_plan_in_a_committee_report_is_named_by_its_appendix_not_by_the_committee() -> None:
    plan = _text(SCRUTINY).plan
    gold = _scrutiny_gold()["plan"]
    assert plan.title == gold["title"]
    assert plan.organisation == gold["organisation"]
    assert plan.kind == gold["kind"]
    assert plan.as_at is not None and plan.as_at.isoformat() == gold["as_at"]


def test_the_reports_paragraphs_recommendations_and_background_papers_give_no_actions() -> None:
    texts = " ".join(a.text for a in _text(SCRUTINY).actions)
    for prose in ("notes the progress", "Children Act 2004", "inspection letter", "Of the 10 actions"):
        assert prose not in texts
    # the stated count in the report's paragraph 4 agrees with what was read
    assert not _text(SCRUTINY).warnings


def test_a_plan_without_section_rows_is_not_put_in_the_reports_last_numbered_part(scorer: ModuleType) -> None:
    # was: every action was in section '7' ('7. Equalities implications'), section field 0.0
    flat = re.sub(r"<b>\d\. [^<]+</b>\t+\n", "", SCRUTINY)
    assert "Identifying" not in flat
    gold = gold_plan("scrutiny.txt", [], [{**a, "section": None} for a in SCRUTINY_ACTIONS])
    _assert_scores(score_plan(scorer, flat, gold), f1=1.0, fields=1.0)
    assert not _text(flat).sections


def test_a_numbered_line_over_a_table_of_figures_in_the_report_does_not_hold_the_appendix_plan() -> None:
    figures = (
        "3.4 Referrals for exploitation in the last four quarters:\n"
        "Quarter\tReferrals\nQ1\t12\nQ2\t15\n\n# **Appendix A:"
    )
    flat = re.sub(r"<b>\d\. [^<]+</b>\t+\n", "", SCRUTINY).replace("# **Appendix A:", figures)
    # was: every action of the plan in 'Appendix A' was in section '3.4' of the report's background
    assert {a.section for a in _text(flat).actions} == {None}


def test_a_glossary_in_appendix_b_after_the_plan_gives_no_actions() -> None:
    texts = [a.text for a in _text(SCRUTINY).actions]
    assert not [t for t in texts if "Joint Targeted Area Inspection" in t or "Designated" in t]
    # nor when the glossary has no header row of its own, right under the plan's table
    glossary = SCRUTINY.replace("<b>Term</b>\t<b>Meaning</b>\n", "")
    assert len(_text(glossary).actions) == len(SCRUTINY_ACTIONS)


# --------------------------------------------------------------------------- 2. Health and Wellbeing Board, Word

BOARD_PRIORITIES = [
    ("1", "Priority 1: Recognising neglect early"),
    ("2", "Priority 2: Improving the home conditions of children living with neglect"),
]
BOARD_ACTIONS = [
    gold_action(
        "N1.1",
        "1",
        "Roll out the graded care profile to health visitors and school nurses",
        "Designated Nurse, Safeguarding Children",
        "September 2024",
        "2024-09-30",
        "green",
        "Health visiting teams trained; school nursing booked for July.",
    ),
    gold_action(
        "N1.2",
        "1",
        "Add questions about neglect to the early help assessment",
        "Designated Nurse, Safeguarding Children",
        "June 2024",
        "2024-06-30",
        "complete",
        "New assessment form live since 3 June.",
    ),
    gold_action(
        "N1.3",
        "1",
        "Run a multi-agency audit of neglect cases stepped down from social care",
        "Chair, Learning and Improvement Group",
        "Q3 2024/25",
        "2024-12-31",
        "amber",
        "Sample chosen; audit moved to November because of the Ofsted visit.",
    ),
    gold_action(
        "N2.1",
        "2",
        "Agree a protocol with housing for families whose home conditions put children at risk",
        "Head of Housing Needs",
        "31 October 2024",
        "2024-10-31",
        "red",
        "Draft not yet written; escalated to the Partnership Executive.",
    ),
    gold_action(
        "N2.2",
        "2",
        "Offer a home conditions toolkit to every family support worker",
        "Early Help Service Manager",
        "March 2025",
        "2025-03-31",
        "green",
        "Toolkit printed; launch event on 12 September.",
    ),
]


def _board_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph().add_run("TO: HEALTH AND WELLBEING BOARD").bold = True
    document.add_paragraph().add_run("5 SEPTEMBER 2024").bold = True
    document.add_heading("Neglect Strategy: Six-Month Progress Report", 1)
    document.add_paragraph("Executive Director, People Directorate")
    parts = [
        ("1 PURPOSE OF REPORT", ["1.1 To update the Board on the first six months of the neglect strategy."]),
        (
            "2 RECOMMENDATION(S)",
            [
                "That the Board:",
                "2.1 Notes the progress made against the delivery plan at Appendix A.",
                "2.2 Agrees that the protocol with housing is escalated to the Partnership Executive.",
            ],
        ),
        ("3 REASONS FOR RECOMMENDATION(S)", ["3.1 The Board endorsed the strategy in March 2024."]),
        ("4 ALTERNATIVE OPTIONS CONSIDERED", ["4.1 None."]),
        (
            "5 SUPPORTING INFORMATION",
            [
                "5.1 The Brookfield Safeguarding Children Partnership agreed its neglect strategy in "
                "February 2024, with two priorities.",
                "5.2 Of the five actions in the delivery plan, one is complete.",
            ],
        ),
        ("6 ADVICE RECEIVED FROM STATUTORY AND OTHER OFFICERS", ["6.1 Borough Solicitor: nothing to add."]),
        ("7 FINANCIAL IMPLICATIONS", ["7.1 The toolkit is paid for from the partnership budget."]),
        ("Background Papers", ["Neglect Strategy 2024-2026, Board, 7 March 2024"]),
        ("Contact for further information", ["Dana Mercer, Neglect Lead – 01632 960 733"]),
    ]
    for heading, paragraphs in parts:
        document.add_paragraph().add_run(heading).bold = True
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    document.add_page_break()
    document.add_heading("Appendix A: Neglect Strategy Delivery Plan 2024-26", 1)
    document.add_paragraph("Progress at 31 August 2024")
    header = ["Priority", "Ref", "Action", "Lead", "By when", "RAG", "Progress"]
    rag_word = {"green": "G", "amber": "A", "red": "R", "complete": "Complete"}
    rows = [header]
    for ref, title in BOARD_PRIORITIES:
        for a in BOARD_ACTIONS:
            if a["section"] == ref:
                row = [
                    title,
                    a["ref"],
                    a["text"],
                    a["owner"],
                    a["due_text"],
                    rag_word[a["rag"]],
                    a["progress"],
                ]
                rows.append(row)
    table = document.add_table(rows=len(rows), cols=len(header))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    # the priority written once and merged down its actions; a lead shared by two actions merged too
    for first, last in ((1, 3), (4, 5)):
        text = table.cell(first, 0).text
        for r in range(first + 1, last + 1):
            table.cell(r, 0).text = ""
        table.cell(first, 0).merge(table.cell(last, 0)).text = text
    table.cell(2, 3).text = ""
    table.cell(1, 3).merge(table.cell(2, 3)).text = BOARD_ACTIONS[0]["owner"]
    document.add_page_break()
    document.add_heading("Appendix B: Data", 1)
    figures = [
        ["Measure", "2022/23", "2023/24"],
        ["Children on a child protection plan for neglect", "142", "128"],
        ["Early help assessments naming neglect", "410", "466"],
    ]
    data = document.add_table(rows=3, cols=3)
    for r, row in enumerate(figures):
        for c, value in enumerate(row):
            data.cell(r, c).text = value
    out = path / "hwb-report.docx"
    document.save(str(out))
    return out


def _board_gold() -> dict[str, Any]:
    return gold_plan("hwb-report.docx", [(r, t, None) for r, t in BOARD_PRIORITIES], BOARD_ACTIONS)


def test_a_neglect_plan_appended_to_a_health_and_wellbeing_board_report_in_word_scores_full_marks(
    scorer: ModuleType, tmp_path: Path
) -> None:
    draft = import_document(_board_docx(tmp_path))
    _assert_scores(score_plan(scorer, draft, _board_gold()), f1=1.0, fields=1.0)


def test_the_board_reports_parts_in_capitals_are_not_sections_and_its_appendix_names_the_plan(
    tmp_path: Path,
) -> None:
    draft = import_document(_board_docx(tmp_path))
    assert [s.ref for s in draft.sections] == ["1", "2"]
    assert draft.plan.title == "Neglect Strategy Delivery Plan 2024-26"
    assert draft.plan.organisation == "Brookfield Safeguarding Children Partnership"
    assert draft.plan.kind == "delivery"
    assert draft.plan.as_at is not None and draft.plan.as_at.isoformat() == "2024-08-31"


# --------------------------------------------------------------------------- 3. partnership executive, PDF

STYLE = (
    "<style>@page{size:A4 landscape;margin:1.5cm} body{font-family:sans-serif;font-size:9pt}"
    "h1{font-size:15pt} h2{font-size:12pt} table{border-collapse:collapse;width:100%}"
    "td,th{border:1px solid black;padding:3px 5px;vertical-align:top;text-align:left}</style>"
)
EXECUTIVE_STRANDS = [
    ("A", "Recognising and responding to child sexual abuse in the family"),
    ("B", "Support for children after disclosure"),
]
EXECUTIVE_ACTIONS = [
    gold_action(
        "A1",
        "A",
        "Publish practice guidance on responding to concerns of sexual abuse within the family",
        "Head of Safeguarding, Integrated Care Board",
        "July 2024",
        "2024-07-31",
        "complete",
        "Guidance published on the partnership website in July.",
    ),
    gold_action(
        "A2",
        "A",
        "Train designated safeguarding leads to recognise signs of sexual abuse in younger children",
        "Education Safeguarding Adviser",
        "December 2024",
        "2024-12-31",
        "amber",
        "Two of four sessions held; remaining dates not yet fixed.",
    ),
    gold_action(
        "A3",
        "A",
        "Review the police and social care joint investigation protocol",
        "Detective Chief Inspector, Public Protection",
        "Q4 2024/25",
        "2025-03-31",
        "green",
        "Review group has met twice.",
    ),
    gold_action(
        "B1",
        "B",
        "Agree a referral route to the sexual assault referral centre for children under 13",
        "Designated Doctor",
        "30 November 2024",
        "2024-11-30",
        "red",
        "Funding for the paediatric examiner not yet agreed.",
    ),
    gold_action(
        "B2",
        "B",
        "Commission therapeutic support for children waiting for a criminal trial",
        "Commissioning Manager, Children's Services",
        "March 2025",
        "2025-03-31",
        "green",
        "Specification drafted with the Police and Crime Commissioner's office.",
    ),
]
RAG_WORD = {"green": "Green", "amber": "Amber", "red": "Red", "complete": "Complete"}


def executive_html() -> str:
    rows = []
    for ref, title in EXECUTIVE_STRANDS:
        acts = [a for a in EXECUTIVE_ACTIONS if a["section"] == ref]
        for k, a in enumerate(acts):
            strand = f"<td rowspan='{len(acts)}'>{ref}. {escape(title)}</td>" if k == 0 else ""
            rows.append(
                f"<tr>{strand}<td>{a['ref']}</td><td>{escape(a['text'])}</td><td>{escape(a['owner'])}</td>"
                f"<td>{a['due_text']}</td><td>{RAG_WORD[a['rag']]}</td><td>{escape(a['progress'])}</td></tr>"
            )
    return (
        STYLE + "<h1>Harbourside Safeguarding Children Partnership</h1><h2>Partnership Executive</h2>"
        "<table style='width:70%'><tr><td>Report of</td><td><b>Independent Chair</b></td></tr>"
        "<tr><td>Subject</td><td><b>Response to the national review of child sexual abuse in the family</b>"
        "</td></tr><tr><td>Date</td><td><b>Wednesday 9 October 2024</b></td></tr>"
        "<tr><td>Author</td><td><b>Partnership Business Manager</b></td></tr></table>"
        "<h2>Purpose</h2><p>1. The purpose of this report is to update the Executive on the partnership's "
        "response plan.</p><h2>Recommendation</h2><p>2. The Executive is asked to agree the revised "
        "timescale for action B1 and note progress on the others.</p><h2>Background</h2>"
        "<p>3. The national panel's review was published in 2024. The partnership chose two strands.</p>"
        "<p>3.1 Each strand has a lead from a statutory partner.</p>"
        "<h2>Implications</h2><p>Financial: the examiner post needs £40,000 a year.</p><p>Legal: None.</p>"
        "<h2>Background papers</h2><p>National review of child sexual abuse in the family, 2024</p>"
        "<h2>Contact officer</h2><p>Sam Okafor, Partnership Business Manager, 01632 960 218</p>"
        "<h1 style='page-break-before:always'>Appendix 1 – Child Sexual Abuse Response Plan</h1>"
        "<table><thead><tr><th style='width:16%'>Strand</th><th style='width:5%'>Ref</th>"
        "<th style='width:24%'>Action</th><th style='width:14%'>Owner</th><th style='width:10%'>Timescale</th>"
        "<th style='width:7%'>RAG</th><th>Update</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
        "<h1 style='page-break-before:always'>Appendix 2: Glossary</h1>"
        "<table><tr><th>Term</th><th>Meaning</th></tr>"
        "<tr><td>SARC</td><td>Sexual assault referral centre</td></tr>"
        "<tr><td>ICB</td><td>Integrated Care Board, which commissions health services</td></tr></table>"
    )


@pytest.fixture(scope="module")
def executive_pdf() -> bytes:
    from weasyprint import HTML

    pdf = HTML(string=executive_html()).write_pdf()
    assert pdf is not None
    return bytes(pdf)


def _executive_gold() -> dict[str, Any]:
    sections = [(r, t, None) for r, t in EXECUTIVE_STRANDS]
    return gold_plan("executive.pdf", sections, EXECUTIVE_ACTIONS)


@pytest.mark.filterwarnings("ignore")
def test_a_response_plan_appended_to_a_partnership_executive_report_printed_to_pdf_scores_full_marks(
    scorer: ModuleType, executive_pdf: bytes
) -> None:
    draft = import_document(executive_pdf, filename="executive.pdf")
    _assert_scores(score_plan(scorer, draft, _executive_gold()), f1=1.0, fields=1.0)


@pytest.mark.filterwarnings("ignore")
def test_a_strand_cell_lettered_a_or_b_is_a_section_named_by_its_letter(executive_pdf: bytes) -> None:
    draft = import_document(executive_pdf, filename="executive.pdf")
    # was: the whole cell 'A. Recognising and responding ...' was the section's reference
    assert _sections(draft) == [(r, t, None) for r, t in EXECUTIVE_STRANDS]
    assert [a.section for a in draft.actions] == ["A", "A", "A", "B", "B"]


@pytest.mark.filterwarnings("ignore")
def test_the_executive_reports_title_block_and_prose_give_no_actions_and_its_appendix_names_the_plan(
    executive_pdf: bytes,
) -> None:
    draft = import_document(executive_pdf, filename="executive.pdf")
    assert draft.plan.title == "Child Sexual Abuse Response Plan"
    assert draft.plan.organisation == "Harbourside Safeguarding Children Partnership"
    assert [a.ref for a in draft.actions] == ["A1", "A2", "A3", "B1", "B2"]


# --------------------------------------------------------------------------- the rules on their own


@pytest.mark.parametrize(
    "heading",
    [
        "1. Purpose of the report",
        "PURPOSE OF REPORT",
        "2 RECOMMENDATION(S)",
        "Recommendations",
        "3 Reasons for recommendation(s)",
        "Background",
        "Background papers",
        "5. Financial implications",
        "Legal implications",
        "Financial, legal and equalities implications",
        "Implications",
        "Equality impact assessment",
        "Contact officer",
        "Persons to Contact",
        "List of Appendices",
        "4 ALTERNATIVE OPTIONS CONSIDERED",
        "5 SUPPORTING INFORMATION",
        "14 March 2024",
        "Monday 15 June 2020 – 2:00 p.m.",
        "Appendix A: JTAI Action Plan",
        "Annex 2 – Glossary",
        "3. Progress",
        "Progress since the last report",
        "4 Next steps",
        "Current position",
    ],
)
def test_a_committee_reports_own_headings_are_recognised_as_its_parts(heading: str) -> None:
    assert is_report_part(heading)


@pytest.mark.parametrize(
    "heading",
    [
        "1. Identifying children at risk of exploitation",
        "2 Voice of the child",
        "Priority 3: Learning from reviews",
        "3. Implementing the recommendations of the review",
        "Background checks for volunteers",
        "12 months on: embedding the neglect toolkit",
        "3. Progress monitoring of children missing education",
    ],
)
def test_a_plans_own_section_headings_are_not_taken_for_a_reports_parts(heading: str) -> None:
    assert not is_report_part(heading)


def test_a_plan_of_its_own_keeps_sections_named_like_a_reports_parts() -> None:
    # 'Risk management' or 'Consultation and engagement' are a partnership plan's priorities as often
    # as a committee report's headings: only in a report are they left out of the sections
    text = (
        "Northfen Safeguarding Children Partnership\n"
        "Business plan 2025-26\n\n"
        "### **3. Risk management**\n\n"
        "Ref\tAction\tLead\tBy when\tRAG\n"
        "3.1\tKeep the partnership risk register under review\tBusiness Manager\tQuarterly\tGreen\n\n"
        "### **4. Consultation and engagement**\n\n"
        "Ref\tAction\tLead\tBy when\tRAG\n"
        "4.1\tConsult young people on the threshold guidance\tParticipation Lead\tMarch 2026\tAmber\n"
    )
    draft = _text(text, "plan.txt")
    assert [(s.ref, s.title) for s in draft.sections] == [
        ("3", "Risk management"),
        ("4", "Consultation and engagement"),
    ]
    assert [(a.ref, a.section) for a in draft.actions] == [("3.1", "3"), ("4.1", "4")]


def test_a_report_is_told_by_its_title_block_its_meeting_or_its_recommendation_and_a_plan_is_not() -> None:
    assert is_committee_report(["Report of", "Subject"], [["Report of", "Director"], ["Subject", "Plan"]])
    assert is_committee_report(["Health and Wellbeing Board", "Neglect strategy"], [None, None])
    assert is_committee_report(["Update", "2. The Panel is asked to note the report."], [None, None])
    plan = ["Neglect delivery plan", "Ref Action Lead", "1.1 Audit strategy meetings Board chair"]
    assert not is_committee_report(plan, [None, ["Ref", "Action", "Lead"], ["1.1", "Audit", "Board chair"]])


def test_the_appendix_that_names_a_plan_gives_the_title_and_a_glossary_or_data_appendix_does_not() -> None:
    texts = ["Appendix 1 – Job description", "Appendix 2 – CCE Delivery Plan", "Appendix B: Data"]
    assert appendix_plan_title(texts, [True, True, True]) == "CCE Delivery Plan"
    assert appendix_plan_title(["Appendix B: Glossary", "Appendix C: Data"], [True, True]) is None
    # a heading wins over a line listing the appendices above it
    listed = ["Appendix A – Neglect plan", "Appendix A: Neglect Strategy Delivery Plan 2024-26"]
    assert appendix_plan_title(listed, [False, True]) == "Neglect Strategy Delivery Plan 2024-26"


@needs_shared
def test_a_seed_report_to_a_police_and_crime_panel_keeps_its_plans_own_title() -> None:
    # 'Delivery Plan for: LLR Exploitation Delivery Plan' names the plan, not the Panel or an appendix
    assert import_document(seed_path("002")).plan.title == "LLR Exploitation Delivery Plan"


def test_a_megabyte_of_report_headings_and_appendix_lines_is_read_through_to_a_clear_answer() -> None:
    # lines shaped to make the report patterns backtrack; how long they take is measured by
    # bench/bench_import_hostile.py (tests do not time), here each must still get the right answer
    hostile = [
        "1. Financial, legal, legal, legal, legal implications implications implications " * 3,
        "14 March 2024 " + "– 2:00 " * 40,
        "Appendix A: " + "plan " * 40,
        "Committee " * 30 + "!" * 80,
        "The Committee " + "is asked " * 60,
    ]
    assert [is_report_part(line) for line in hostile] == [False, False, False, False, False]
    lines = [line for line in hostile for _ in range(400)]
    # only a document's opening lines can show it is a report: these open with none of its signs
    assert not is_committee_report(lines, [None] * len(lines))
    assert appendix_plan_title(lines, [True] * len(lines)) is None  # too long to be a title
    # and a whole report of such lines, imported: nothing in it is an action
    text = "\n".join(
        f"### **{k}. Financial implications**\n\n{k}.1 The Board is asked to note." for k in range(20000)
    )
    draft = _text(text[:1_000_000], "hostile.txt")
    assert draft.actions == [] and draft.sections == []
    assert "No actions were found" in draft.warnings[0].message
