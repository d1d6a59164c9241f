"""Delivery plans and trackers (child exploitation, neglect, partnership business plans) in layouts seen
in real published plans, all wording written anew here (nothing copied):

- a child exploitation delivery plan kept in Excel, a sheet per 'P' of the Prepare / Prevent /
  Protect / Pursue model that North Tyneside's sexual exploitation action plan and Stockton's partnership
  priorities (docsbay, stscp.co.uk) are built on: a cover sheet with the partnership, the plan's name,
  'Last reviewed' and the RAG key; on each priority's sheet a title row ('Priority 1: Prepare – ...'),
  then a header over two rows ('Quarterly update' merged over 'Q1 | Q2 | Q3 | Q4', the other names
  merged down both rows), an Outcome column merged down the actions it covers, real Excel dates,
  a '% complete' column, statuses from a drop-down list, frozen panes and cells holding bullet points
  on several lines;
- a neglect strategy action plan in Word in the layout of the Pan Dorset CSE / missing children action
  plan (studylib): 'Developmental objective | Action(s) required | Expected outcome | When | Lead |
  Progress at March 2025', the objective and its expected outcome merged down the objective's actions,
  a lead cell naming two post holders on lines of their own, no status column;
- a partnership business plan in Word in the layout of a Berkshire board's 'business plan – actions,
  timescales, outcomes and RAG ratings' (studylib): per priority a bold line 'PRIORITY 1a Early Help',
  its strategic lead and a bulleted list of objectives, then a table 'Specific actions |
  Timescale/Target | Lead | Output/Outcome measurement | RAG rating' whose actions are numbered in
  their text from 1 again in each priority;
- an early help strategy delivery plan in Word framed by the questions of Stockton's priorities page
  (stscp.co.uk: what are we trying to achieve, what are we going to do): a heading per priority, the
  partnership on the line under the plan's title, a key line 'RAG: R – ...; A – ...', and 'What we will
  do | How we will know | Who | When' with 'Progress (RAG)' merged over 'Q1 | Q2 | Q3 | Q4'.

Decision on an Outcome column that groups several actions ('Priority | Outcome | Action | Lead | By
when | RAG', the outcome written once and merged down its rows or left empty below its first row):
the gold README's sections are the plan's sections, areas, findings or questions, and its schema keeps
what an action is for as the action's own ``outcome`` (002's 'Outcome Sought'; the ILACS plan of
test_import_markdown_styles.py, where an outcome written once stands for the rows below it, is read the
same way). So the Priority is the action's section and the outcome is each action's ``outcome``: like a
lead cell merged over several actions (README: 'every action under it gets that lead'), an outcome cell
merged over rows, or written once with the cells below it left empty, is the outcome of every action
beside it, until the next outcome or the next priority. This holds only for an Outcome column before
the Action column (an outcome grouping the actions that follow it); one after the Action column
('Action | Lead | Outcome sought') is each row's own, and an empty cell there is no outcome (002).
Two grouping columns whose names are both sections ('Priority | Objective') still nest as sections
(test_import_nested_groups.py).

Each plan is scored with the shared scorer against gold written by hand following
../shared/gold/README.md (sections without numbers are named by their text, as 002's strands)."""

from __future__ import annotations

import datetime as dt
import io
from types import ModuleType
from typing import Any

import docx
import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation

from intake.importer.api import import_document
from intake.importer.synonyms import header_field

from .conftest import gold_action, gold_plan, score_plan


def _assert_perfect(result: dict[str, Any]) -> None:
    assert result["f1"] == 1.0, result
    assert all(value == 1.0 for value in result["fields"].values()), result


# --------------------------------------------------------------------------- 0. outcome over several actions

GROUPED_HEADER = ["Priority", "Outcome", "Action", "Lead", "By when", "RAG"]
# the priority and the outcome only on the first row they cover
GROUPED_ROWS = [
    ["1. Spotting exploitation early", "Children at risk are noticed sooner",
     "Map the places where children are being exploited with the police", "Detective Inspector, Exploitation",
     "June 2024", "G"],
    ["", "", "Train school staff to recognise the signs of criminal exploitation", "Education Safeguarding Lead",
     "September 2024", "A"],
    ["", "Parents know where to turn", "Send every parent of a Year 7 child a leaflet on exploitation",
     "Communications Lead", "March 2025", "R"],
    ["2. Disrupting those who exploit children", "Adults who exploit children are stopped",
     "Use civil orders against adults who draw children into drug supply", "Superintendent, Neighbourhood Policing",
     "December 2024", "A"],
    ["", "", "Share intelligence submissions between the council and police within a week", "MASH Manager",
     "31/01/2025", "G"],
]  # fmt: skip
GROUPED_OUTCOMES = [
    "Children at risk are noticed sooner",
    "Children at risk are noticed sooner",
    "Parents know where to turn",
    "Adults who exploit children are stopped",
    "Adults who exploit children are stopped",
]
GROUPED_DUES = ["2024-06-30", "2024-09-30", "2025-03-31", "2024-12-31", "2025-01-31"]
RAGS = {"R": "red", "A": "amber", "G": "green", "": None}


def _grouped_gold(document: str) -> dict[str, Any]:
    return gold_plan(
        document,
        [("1", "Spotting exploitation early", None), ("2", "Disrupting those who exploit children", None)],
        [
            gold_action(None, row_section, row[2], row[3], row[4], due, RAGS[row[5]], outcome=outcome)
            for row, row_section, due, outcome in zip(
                GROUPED_ROWS, ["1", "1", "1", "2", "2"], GROUPED_DUES, GROUPED_OUTCOMES, strict=True
            )
        ],
    )


def _grouped_xlsx(merged: bool) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(GROUPED_HEADER)
    for row in GROUPED_ROWS:
        sheet.append([cell or None for cell in row])
    if merged:
        for column, first, last in (("A", 2, 4), ("B", 2, 3), ("A", 5, 6), ("B", 5, 6)):
            sheet.merge_cells(f"{column}{first}:{column}{last}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _grouped_docx() -> bytes:
    document = docx.Document()
    table = document.add_table(rows=1 + len(GROUPED_ROWS), cols=len(GROUPED_HEADER))
    for cell, name in zip(table.rows[0].cells, GROUPED_HEADER, strict=True):
        cell.text = name
    for r, row in enumerate(GROUPED_ROWS, start=1):
        for cell, value in zip(table.rows[r].cells, row, strict=True):
            if value:
                cell.text = value
    # the priority cells merged down; the outcome cells left empty below their first row
    for first, last in ((1, 3), (4, 5)):
        table.cell(first, 0).merge(table.cell(last, 0))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _grouped_text() -> bytes:
    return ("\n".join("\t".join(row) for row in [GROUPED_HEADER, *GROUPED_ROWS]) + "\n").encode()


def _assert_grouped(scorer: ModuleType, data: bytes, filename: str) -> None:
    draft = import_document(data, filename=filename)
    _assert_perfect(score_plan(scorer, draft, _grouped_gold(filename)))
    assert [a.outcome for a in draft.actions] == GROUPED_OUTCOMES
    assert [(s.ref, s.parent) for s in draft.sections] == [("1", None), ("2", None)]


def test_an_outcome_written_once_over_several_actions_in_excel_is_each_actions_outcome_under_its_priority(
    scorer: ModuleType,
) -> None:
    _assert_grouped(scorer, _grouped_xlsx(merged=False), "grouped.xlsx")
    _assert_grouped(scorer, _grouped_xlsx(merged=True), "grouped-merged.xlsx")


def test_an_outcome_written_once_over_several_actions_in_word_is_each_actions_outcome_under_its_priority(
    scorer: ModuleType,
) -> None:
    _assert_grouped(scorer, _grouped_docx(), "grouped.docx")


def test_an_outcome_left_empty_below_its_first_row_in_tab_separated_text_is_each_actions_outcome(
    scorer: ModuleType,
) -> None:
    _assert_grouped(scorer, _grouped_text(), "grouped.txt")


def test_an_empty_outcome_cell_after_the_action_column_is_no_outcome() -> None:
    text = (
        "Strand\tRef\tAction\tLead\tOutcome sought\n"
        "Prevent\tPRE-1\tTrain taxi drivers on exploitation\tLicensing Manager\tDrivers report concerns\n"
        "\tPRE-2\tRun a schools assembly programme\tYouth Service Manager\t\n"
    )
    draft = import_document(text.encode(), filename="after.txt")
    assert [a.outcome for a in draft.actions] == ["Drivers report concerns", None]


# --------------------------------------------------------------------------- 1. Excel exploitation delivery plan

# per sheet: its title row, then the actions: ref, outcome (None where merged from above), action, lead,
# partner agency, by when, share complete, status, Q1..Q4 updates
DELIVERY_SHEETS: list[tuple[str, str, list[tuple[Any, ...]]]] = [
    ("1 Prepare", "Priority 1: Prepare – shared leadership and understanding of exploitation", [
        ("1.1", "Leaders across the partnership share one picture of exploitation locally",
         "Produce a joint problem profile of child exploitation every six months", "Exploitation Analyst",
         "Police", dt.datetime(2024, 9, 30), 1.0, "Complete",
         ["• First profile presented to the executive", "", "", ""]),
        ("1.2", None, "Agree a single set of exploitation indicators for all agencies' recording systems",
         "Head of Safeguarding Performance", "Council", dt.datetime(2025, 3, 31), 0.6, "Amber",
         ["Draft list circulated", "• Health agreed\n• Schools feedback awaited", "", ""]),
        ("1.3", "Practitioners know what extra-familial harm looks like",
         "Deliver contextual safeguarding training:\n• to designated safeguarding leads\n• to youth workers\n"
         "• to housing officers",
         "Partnership Training Lead", "Safeguarding Partnership", dt.datetime(2025, 6, 30), 0.4, "Green",
         ["", "Two cohorts trained", "Housing dates booked", ""]),
    ]),
    ("2 Prevent", "Priority 2: Prevent – stopping exploitation before it starts", [
        ("2.1", "Places where children are harmed become safer",
         "Run joint walkabouts of hotspot locations with community safety officers",
         "Contextual Safeguarding Coordinator", "Community Safety Partnership", dt.datetime(2024, 12, 31), 0.75,
         "Green", ["Two walkabouts held", "", "", ""]),
        ("2.2", None, "Give local shops and takeaways guidance on spotting children at risk",
         "Licensing Manager", "Council", dt.datetime(2025, 1, 31), 0.2, "Red",
         ["", "Guidance delayed by staff changes", "", ""]),
        ("2.3", None, "Map the youth offer in the three areas with the most missing episodes",
         "Youth Service Manager", "Council", dt.datetime(2025, 5, 31), 0.5, "Amber",
         ["", "", "Mapping half done", ""]),
    ]),
    ("3 Protect", "Priority 3: Protect – a timely response when children are at risk", [
        ("3.1", "Children at risk have a plan that addresses where the harm happens",
         "Introduce a context conference for locations of concern", "Head of Children's Social Care",
         "Council", dt.datetime(2025, 9, 30), 0.3, "Amber", ["", "", "Terms of reference drafted", ""]),
        ("3.2", "Children who go missing are seen quickly on their return",
         "Offer every child a return home interview within three working days", "Missing Children Team Manager",
         "Council", dt.datetime(2025, 3, 31), 0.9, "Green", ["", "", "", "92% within three days"]),
    ]),
]  # fmt: skip
DELIVERY_KEY = [
    ("Red", "Off track and needs escalating"),
    ("Amber", "Slipping but recoverable"),
    ("Green", "On track"),
    ("Complete", "Delivered and signed off"),
]


def _delivery_xlsx() -> bytes:
    book = openpyxl.Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Cover"
    cover["A1"] = "Brackenford Safeguarding Children Partnership"
    cover["A2"] = "Child Exploitation and Contextual Safeguarding Delivery Plan 2024-2026"
    cover["A4"], cover["B4"] = "Version", "3.1"
    cover["A5"], cover["B5"] = "Last reviewed", dt.datetime(2025, 1, 15)
    cover["A7"] = "RAG key"
    for row, (status, meaning) in enumerate(DELIVERY_KEY, start=8):
        cover.cell(row, 1, status)
        cover.cell(row, 2, meaning)
    for name, title, actions in DELIVERY_SHEETS:
        sheet = book.create_sheet(name)
        sheet["A1"] = title
        sheet.merge_cells("A1:L1")
        # the header over rows 3 and 4: 'Quarterly update' over Q1..Q4, the other names merged down both
        names = ["Ref", "Outcome", "Action", "Lead", "Partner agency", "By when", "% complete", "RAG"]
        for col, head in enumerate(names, start=1):
            sheet.cell(3, col, head)
            sheet.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
        sheet.cell(3, 9, "Quarterly update")
        sheet.merge_cells(start_row=3, start_column=9, end_row=3, end_column=12)
        for col, quarter in enumerate(["Q1", "Q2", "Q3", "Q4"], start=9):
            sheet.cell(4, col, quarter)
        statuses = DataValidation(type="list", formula1='"Red,Amber,Green,Complete"', allow_blank=True)
        sheet.add_data_validation(statuses)
        row = first = 5
        for ref, outcome, text, lead, agency, due, done, rag, updates in actions:
            if outcome is not None and row > first:
                if row - 1 > first:  # the outcome above merged down the actions it covers
                    sheet.merge_cells(start_row=first, start_column=2, end_row=row - 1, end_column=2)
                first = row
            for col, value in enumerate(
                [ref, outcome, text, lead, agency, due, done, rag, *updates], start=1
            ):
                if value not in (None, ""):
                    cell = sheet.cell(row, col, value)
                    cell.number_format = {6: "dd/mm/yyyy", 7: "0%"}.get(col, "General")
            statuses.add(sheet.cell(row, 8))
            row += 1
        if row - 1 > first:
            sheet.merge_cells(start_row=first, start_column=2, end_row=row - 1, end_column=2)
        sheet.freeze_panes = "C5"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _delivery_gold() -> dict[str, Any]:
    sections = [
        ("1", "Prepare – shared leadership and understanding of exploitation", None),
        ("2", "Prevent – stopping exploitation before it starts", None),
        ("3", "Protect – a timely response when children are at risk", None),
    ]
    actions = []
    for _, _, rows in DELIVERY_SHEETS:
        outcome = None
        for ref, own_outcome, text, lead, _, due, _, rag, updates in rows:
            outcome = own_outcome or outcome
            latest = next((u for u in reversed(updates) if u), None)
            actions.append(
                gold_action(ref, ref.split(".")[0], " ".join(text.split()), lead, f"{due.day} {due:%B %Y}",
                            due.date().isoformat(), rag.lower(), latest and " ".join(latest.split()),
                            outcome=outcome)
            )  # fmt: skip
    gold = gold_plan("delivery.xlsx", sections, actions)
    gold["plan"] = {
        "title": "Child Exploitation and Contextual Safeguarding Delivery Plan 2024-2026",
        "organisation": "Brackenford Safeguarding Children Partnership",
        "kind": "delivery",
        "as_at": "2025-01-15",
    }
    gold["rag_scheme"] = {status.lower(): meaning for status, meaning in DELIVERY_KEY}
    return gold


def test_an_excel_delivery_plan_with_a_sheet_per_priority_a_two_row_header_and_merged_outcomes_is_read(
    scorer: ModuleType,
) -> None:
    draft = import_document(_delivery_xlsx(), filename="delivery.xlsx")
    gold = _delivery_gold()
    _assert_perfect(score_plan(scorer, draft, gold))
    assert [(s.ref, s.title, s.parent) for s in draft.sections] == [
        tuple(s.values()) for s in gold["sections"]
    ]
    for action, expected in zip(draft.actions, gold["actions"], strict=True):
        assert action.outcome == expected["outcome"]
        assert action.progress == expected["progress"]  # the latest quarter with an update
    assert [a.agency for a in draft.actions][:3] == ["Police", "Council", "Safeguarding Partnership"]
    assert draft.plan.organisation == gold["plan"]["organisation"]
    assert draft.plan.kind == "delivery"
    assert {s.key: s.definition for s in draft.rag_scheme} == gold["rag_scheme"]


def test_a_last_reviewed_date_on_a_cover_sheet_is_the_plans_as_at_date() -> None:
    draft = import_document(_delivery_xlsx(), filename="delivery.xlsx")
    assert draft.plan.as_at == dt.date(2025, 1, 15)


# --------------------------------------------------------------------------- 2. Word neglect strategy action plan

NEGLECT_HEADER = ["Developmental objective", "Action(s) required", "Expected outcome", "When", "Lead",
                  "Progress at March 2025"]  # fmt: skip
# per objective: its expected outcome and its actions (text, when, the lead's lines, the progress paragraphs)
NEGLECT_BLOCKS: list[tuple[str, str, list[tuple[str, str, list[str], list[str]]]]] = [
    ("To recognise neglect earlier across universal services",
     "Fewer children reach child protection for neglect",
     [("Introduce the graded care profile in health visiting and school nursing", "June 2024",
       ["Named Nurse", "Head of 0-19 Service"], ["March 2025 – used in 212 assessments."]),
      ("Add neglect to the induction of every new early years practitioner", "September 2024",
       ["Early Years Manager"], ["Induction pack updated.", "First cohort in October."]),
      ("Publish a one-page neglect guide for GPs", "December 2024", ["Designated Doctor"], [])]),
    ("To measure the impact of neglect work on children",
     "The partnership knows whether help is making a difference",
     [("Build a neglect dashboard drawing on early help and social care data", "Q4 2024/25",
       ["Performance Manager"], ["Prototype shown to the subgroup in February."]),
      ("Audit twenty cases where neglect was the main concern, looking at the child's lived experience",
       "End of May 2025", ["Quality Assurance Subgroup Chair", "Principal Social Worker"], ["Audit tool agreed."])]),
    ("To support families where neglect is linked to parental need",
     "Parents with substance misuse or poor mental health get help early",
     [("Agree a joint pathway between adult drug services and early help", "31/03/2025",
       ["Substance Misuse Commissioner"], ["Pathway signed off in January."])]),
]  # fmt: skip
NEGLECT_DUES = ["2024-06-30", "2024-09-30", "2024-12-31", "2025-03-31", "2025-05-31", "2025-03-31"]


def _neglect_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Harwell Safeguarding Children Partnership")
    document.add_heading("Neglect Strategy Action Plan 2024 – 2026", level=1)
    document.add_paragraph("How partners will carry out the neglect strategy, and how far they have got.")
    table = document.add_table(rows=1 + sum(len(b[2]) for b in NEGLECT_BLOCKS), cols=len(NEGLECT_HEADER))
    for col, name in enumerate(NEGLECT_HEADER):
        table.cell(0, col).text = name
    row = 1
    for objective, outcome, actions in NEGLECT_BLOCKS:
        first = row
        for text, when, leads, progress in actions:
            table.cell(row, 1).text = text
            table.cell(row, 3).text = when
            for col, lines in ((4, leads), (5, progress)):
                if lines:
                    table.cell(row, col).text = lines[0]
                    for more in lines[1:]:
                        table.cell(row, col).add_paragraph(more)
            row += 1
        # the objective and its expected outcome merged down the objective's actions
        for col, value in ((0, objective), (2, outcome)):
            table.cell(first, col).merge(table.cell(row - 1, col)).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _neglect_gold() -> dict[str, Any]:
    actions = []
    for objective, outcome, rows in NEGLECT_BLOCKS:
        for text, when, leads, progress in rows:
            actions.append(
                gold_action(None, objective, text, " ".join(leads), when, None, None, " ".join(progress) or None,
                            outcome=outcome)
            )  # fmt: skip
    for action, due in zip(actions, NEGLECT_DUES, strict=True):
        action["due"] = due
    return gold_plan("neglect.docx", [(b[0], b[0], None) for b in NEGLECT_BLOCKS], actions)


def test_a_word_neglect_plan_with_a_developmental_objective_merged_down_its_actions_is_read(
    scorer: ModuleType,
) -> None:
    draft = import_document(_neglect_docx(), filename="neglect.docx")
    gold = _neglect_gold()
    _assert_perfect(score_plan(scorer, draft, gold))
    assert [(s.ref, s.parent) for s in draft.sections] == [(s["ref"], None) for s in gold["sections"]]
    assert [a.outcome for a in draft.actions] == [a["outcome"] for a in gold["actions"]]
    assert [a.progress for a in draft.actions] == [a["progress"] for a in gold["actions"]]


def test_objective_columns_named_for_their_kind_name_the_section() -> None:
    for name in (
        "Developmental objective",
        "Development objectives",
        "Strategic objective",
        "Key objectives",
    ):
        assert header_field(name) == "section", name
    for name in ("Output/Outcome measurement", "Outcome measures", "Outputs and outcomes"):
        assert header_field(name) == "outcome", name


# --------------------------------------------------------------------------- 3. Word business plan by priority

BUSINESS_HEADER = ["Specific actions", "Timescale/Target", "Lead", "Output/Outcome measurement", "RAG rating"]
# per priority: its line, its strategic lead, its objectives, its actions (text, timescale, lead, measure, RAG)
BUSINESS_PRIORITIES: list[tuple[str, str, list[str], list[tuple[str, str, str, str, str]]]] = [
    ("PRIORITY 1a Early Help", "Strategic lead from the Executive: Director of Public Health",
     ["Partners use one early help assessment", "Fewer families are stepped up to social care"],
     [("1. Make sure the refreshed early help strategy reflects what partners have learned from local reviews",
       "Strategy agreed by April 2025", "Chair of the Partnership Executive", "Strategy signed off", "G"),
      ("2. Support the launch of the early help hub with a multi-agency training programme",
       "Training runs to the end of September 2025", "Partnership Training Subgroup", "Number trained by agency",
       "A"),
      ("3. Receive the first evaluation of the hub and decide on any further action",
       "Evaluation due July 2025\nReview completed by October 2025", "Head of Early Help", "Evaluation report",
       "")]),
    ("PRIORITY 1b Neglect", "Strategic lead from the Executive: Designated Nurse",
     ["Neglect is recognised and acted on sooner"],
     [("1. Agree a multi-agency neglect screening tool for schools", "Q1 2025/26", "Education Safeguarding Adviser",
       "Tool in use in every school", "R"),
      ("2. Hold a practice week on neglect for all partner agencies", "November 2025", "Business Manager",
       "Attendance and feedback", "Completed")]),
    ("PRIORITY 2 Child Exploitation", "Strategic lead from the Executive: Detective Superintendent",
     ["Children at risk of exploitation are identified and protected"],
     [("1. Bring the exploitation and missing panels together into one meeting", "31 August 2025",
       "Detective Chief Inspector, Public Protection", "Single panel in place", "A")]),
]  # fmt: skip
BUSINESS_DUES = ["2025-04-30", "2025-09-30", "2025-10-31", "2025-06-30", "2025-11-30", "2025-08-31"]
BUSINESS_RAGS = {"G": "green", "A": "amber", "R": "red", "Completed": "complete", "": None}


def _business_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Eastwold Safeguarding Children Partnership", level=1)
    document.add_heading("Business Plan 2025-2026 – actions, timescales, outcomes and RAG ratings", level=1)
    for title, lead, objectives, actions in BUSINESS_PRIORITIES:
        document.add_paragraph().add_run(title).bold = True
        document.add_paragraph(lead)
        document.add_paragraph("OBJECTIVES:")
        for objective in objectives:
            document.add_paragraph(objective, style="List Bullet")
        table = document.add_table(rows=1 + len(actions), cols=len(BUSINESS_HEADER))
        for col, name in enumerate(BUSINESS_HEADER):
            table.cell(0, col).text = name
        for row, values in enumerate(actions, start=1):
            for col, value in enumerate(values):
                first, *more = value.split("\n")
                table.cell(row, col).text = first
                for line in more:
                    table.cell(row, col).add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _business_gold() -> dict[str, Any]:
    sections = [("1a", "Early Help", None), ("1b", "Neglect", None), ("2", "Child Exploitation", None)]
    actions = []
    for (ref, _, _), (_, _, _, rows) in zip(sections, BUSINESS_PRIORITIES, strict=True):
        for text, when, lead, measure, rag in rows:
            number, words = text.split(". ", 1)
            actions.append(
                gold_action(number, ref, words, lead, " ".join(when.split()), None, BUSINESS_RAGS[rag],
                            outcome=measure)
            )  # fmt: skip
    for action, due in zip(actions, BUSINESS_DUES, strict=True):
        action["due"] = due
    return gold_plan("business.docx", sections, actions)


def test_a_word_business_plan_with_a_table_per_lettered_priority_and_actions_numbered_in_their_text_is_read(
    scorer: ModuleType,
) -> None:
    draft = import_document(_business_docx(), filename="business.docx")
    gold = _business_gold()
    _assert_perfect(score_plan(scorer, draft, gold))
    assert [a.outcome for a in draft.actions] == [a["outcome"] for a in gold["actions"]]


def test_a_lettered_priority_after_its_sibling_is_not_inside_it() -> None:
    draft = import_document(_business_docx(), filename="business.docx")
    assert [(s.ref, s.title, s.parent) for s in draft.sections] == [
        ("1a", "Early Help", None),
        ("1b", "Neglect", None),
        ("2", "Child Exploitation", None),
    ]


# --------------------------------------------------------------------------- 4. Word early help strategy plan

# Stockton's partnership priorities page (stscp.co.uk) asks 'What are we trying to achieve?' and 'What are
# we going to do?' of each priority; an early help strategy plan in Word built on those questions: a
# heading per priority, then 'What we will do | How we will know | Who | When' and 'Progress (RAG)'
# merged over 'Q1 | Q2 | Q3 | Q4' in the row below, each quarter holding only a status letter
EARLY_HELP_HEADER = ["What we will do", "How we will know", "Who", "When", "Q1", "Q2", "Q3", "Q4"]
EARLY_HELP_PRIORITIES: list[tuple[str, list[list[str]]]] = [
    ("Priority 1: Hearing from children", [
        ["Ask children who have had early help what made a difference", "Feedback in every closing summary",
         "Early Help Service Manager", "Quarterly", "A", "G", "", ""],
        ["Set up a young advisers group for the partnership", "Group meets six times a year",
         "Participation Officer", "By January 2025", "R", "A", "A", ""],
    ]),
    ("Priority 2: Working as one system", [
        ["Agree a shared practice model across early help and social care", "Model agreed and launched",
         "Principal Social Worker", "April 2025", "G", "G", "C", ""],
        ["Align early help and social care case recording", "One record per family", "Systems Lead",
         "End of March 2026", "", "", "", ""],
    ]),
]  # fmt: skip
EARLY_HELP_KEY = "RAG: R – not on track; A – some delay; G – on track; C – complete"


def _early_help_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Early Help Strategy 2024-2027: Delivery Plan", level=1)
    document.add_paragraph("Rivermouth Safeguarding Children Partnership")
    document.add_paragraph(EARLY_HELP_KEY)
    for title, rows in EARLY_HELP_PRIORITIES:
        document.add_heading(title, level=2)
        table = document.add_table(rows=2 + len(rows), cols=len(EARLY_HELP_HEADER))
        for col, name in enumerate(EARLY_HELP_HEADER[:4]):
            table.cell(0, col).text = name
            table.cell(0, col).merge(table.cell(1, col))
        table.cell(0, 4).merge(table.cell(0, 7)).text = "Progress (RAG)"
        for col, quarter in enumerate(EARLY_HELP_HEADER[4:], start=4):
            table.cell(1, col).text = quarter
        for r, row in enumerate(rows, start=2):
            for col, value in enumerate(row):
                if value:
                    table.cell(r, col).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _early_help_gold() -> dict[str, Any]:
    statuses = {"R": "red", "A": "amber", "G": "green", "C": "complete"}
    dues = [None, "2025-01-31", "2025-04-30", "2026-03-31"]
    rows = [(str(k), row) for k, (_, block) in enumerate(EARLY_HELP_PRIORITIES, start=1) for row in block]
    actions = [
        gold_action(None, section, row[0], row[2], row[3], due,
                    statuses.get(next((q for q in reversed(row[4:]) if q), "")), None, outcome=row[1])
        for (section, row), due in zip(rows, dues, strict=True)
    ]  # fmt: skip
    gold = gold_plan(
        "early-help.docx",
        [("1", "Hearing from children", None), ("2", "Working as one system", None)],
        actions,
    )
    gold["plan"]["organisation"] = "Rivermouth Safeguarding Children Partnership"
    gold["rag_scheme"] = {
        "red": "not on track",
        "amber": "some delay",
        "green": "on track",
        "complete": "complete",
    }
    return gold


def test_a_word_early_help_plan_with_a_status_letter_per_quarter_under_a_merged_progress_header_is_read(
    scorer: ModuleType,
) -> None:
    draft = import_document(_early_help_docx(), filename="early-help.docx")
    gold = _early_help_gold()
    _assert_perfect(score_plan(scorer, draft, gold))
    assert [a.outcome for a in draft.actions] == [a["outcome"] for a in gold["actions"]]
    # a quarter's cell holding only a status is the action's rating, not an update
    assert [a.progress for a in draft.actions] == [None] * 4


def test_the_partnership_named_on_the_line_below_the_title_is_the_organisation_not_run_on_from_the_title() -> (
    None
):
    draft = import_document(_early_help_docx(), filename="early-help.docx")
    assert draft.plan.organisation == "Rivermouth Safeguarding Children Partnership"


def test_a_key_line_opening_rag_with_no_word_key_is_the_plans_rag_scheme() -> None:
    draft = import_document(_early_help_docx(), filename="early-help.docx")
    assert {s.key: s.definition for s in draft.rag_scheme} == _early_help_gold()["rag_scheme"]
