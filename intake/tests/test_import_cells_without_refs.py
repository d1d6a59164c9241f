"""Tables printed one cell after another with no reference column: each cell's lines, a blank line,
the next cell, row after row; a cell left empty prints nothing. The header gives the columns and their
order, and each block goes to the column its content fits (prose to the action, a role or agency to
the lead, a date or due phrase to the timescale, a status word to the RAG). Each plan is written
here as an extractor prints it and scored against a gold file written by the rules of
../shared/gold/README.md.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from intake.importer.api import import_document

from .conftest import gold_action, gold_plan, score_plan


def _text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def _unnumbered(
    section: str,
    text: str,
    owner: str | None,
    due_text: str | None,
    due: str | None,
    rag: str | None,
    progress: str | None = None,
) -> dict[str, Any]:
    """An expected action of a table without a reference column."""
    return gold_action(None, section, text, owner, due_text, due, rag, progress)


# --------------------------------------------------------------------------- pdfminer: a neglect plan

NEGLECT_SECTIONS = [
    ("1", "Neglect is recognised early by all agencies", None),
    ("2", "Children at risk of exploitation are identified and safeguarded", None),
]

NEGLECT_ACTIONS = [
    _unnumbered(
        "1",
        "Refresh the neglect toolkit and publish it on the partnership website",
        "Partnership Business Manager",
        "June 2024",
        "2024-06-30",
        "green",
        "Toolkit refreshed and launched at the April conference",
    ),
    _unnumbered(
        "1",
        "Deliver Graded Care Profile 2 training to health visitors and school nurses",
        "Designated Nurse Safeguarding Children",
        "Q2 2024/25",
        "2024-09-30",
        "amber",
        "Two cohorts trained; a third is booked for October",
    ),
    _unnumbered(
        "1",
        "Audit 20 cases of children on plans for neglect to test the use of the toolkit",
        "Quality Assurance Subgroup",
        "December 2024",
        "2024-12-31",
        None,
    ),
    _unnumbered(
        "2",
        "Map the exploitation hotspots with the police and community safety partners",
        "DCI Sarah Holt, West Midlands Police",
        "30/09/2024",
        "2024-09-30",
        "complete",
        "Map shared with the MACE panel in September",
    ),
    _unnumbered(
        "2",
        "Train taxi drivers and hotel staff to recognise the signs of exploitation",
        "Licensing Manager",
        "Ongoing",
        None,
        "amber",
    ),
    _unnumbered(
        "2",
        "Review the return home interview offer for children who go missing from home",
        "Head of Early Help",
        "March 2025",
        "2025-03-31",
        "red",
        "Delayed: the provider's contract ends in January and a new service is being commissioned",
    ),
]

# pdfminer: trailing spaces, a row's one-line cells run together on one line, a page footer and the
# header repeated after the break, a priority row across the table
NEGLECT_PDFMINER = _text(
    [
        "Wolverhampton Safeguarding Together ",
        "Neglect and Exploitation Action Plan 2024-25 ",
        "",
        "Action Lead Timescale RAG Progress ",
        "",
        "Priority 1: Neglect is recognised early by all agencies ",
        "",
        "Refresh the neglect toolkit and publish it on the ",
        "partnership website ",
        "",
        "Partnership Business ",
        "Manager ",
        "",
        "June 2024 G Toolkit refreshed and launched at the April conference ",
        "",
        "Deliver Graded Care Profile 2 training to health ",
        "visitors and school nurses ",
        "",
        "Designated Nurse Safeguarding Children Q2 2024/25 A ",
        "",
        "Two cohorts trained; a ",
        "third is booked for ",
        "October ",
        "",
        "Audit 20 cases of children on plans for neglect to ",
        "test the use of the toolkit ",
        "",
        "Quality Assurance Subgroup December 2024 ",
        "",
        "Priority 2: Children at risk of exploitation are identified and safeguarded ",
        "",
        "Map the exploitation hotspots with the police and ",
        "community safety partners ",
        "",
        "DCI Sarah Holt, West ",
        "Midlands Police ",
        "",
        "30/09/2024 Complete ",
        "",
        "Map shared with the ",
        "MACE panel in September ",
        "",
        "OFFICIAL ",
        "",
        "Page 1 of 2 ",
        "",
        "\x0cAction Lead Timescale RAG Progress ",
        "",
        "Train taxi drivers and hotel staff to recognise the ",
        "signs of exploitation ",
        "",
        "Licensing Manager Ongoing A ",
        "",
        "Review the return home interview offer for children ",
        "who go missing from home ",
        "",
        "Head of Early Help March 2025 R ",
        "",
        "Delayed: the provider's ",
        "contract ends in January ",
        "and a new service is being ",
        "commissioned ",
        "",
        "Page 2 of 2 ",
        "",
        "\x0c",
    ]
)


def test_a_neglect_plan_by_priority_without_references_printed_by_pdfminer_scores_against_its_gold(
    scorer: ModuleType,
) -> None:
    result = score_plan(
        scorer, NEGLECT_PDFMINER, gold_plan("neglect_pdfminer.txt", NEGLECT_SECTIONS, NEGLECT_ACTIONS)
    )
    assert result["f1"] == 1.0, result
    assert result["field_mean"] == 1.0, result


def test_one_line_cells_run_together_on_one_line_are_cut_into_their_columns() -> None:
    draft = import_document(NEGLECT_PDFMINER.encode("utf-8"), filename="neglect_pdfminer.txt")
    assert [(a.owner, a.due_text, a.rag) for a in draft.actions[:3]] == [
        ("Partnership Business Manager", "June 2024", "green"),
        ("Designated Nurse Safeguarding Children", "Q2 2024/25", "amber"),
        ("Quality Assurance Subgroup", "December 2024", None),
    ]
    assert draft.actions[0].progress == "Toolkit refreshed and launched at the April conference"
    assert draft.actions[2].progress is None


# --------------------------------------------------------------------------- plain pdftotext: a review plan

REVIEW_SECTIONS = [
    ("Early help", "Early help", None),
    ("Information sharing", "Information sharing", None),
]

REVIEW_ACTIONS = [
    _unnumbered(
        "Early help",
        "Relaunch the early help assessment with a single referral route for schools and GPs",
        "Early Help Service Manager",
        "April 2024",
        "2024-04-30",
        "complete",
    ),
    _unnumbered(
        "Early help",
        "Offer every family stepping down from social care a named early help worker",
        "Head of Early Help",
        "Ongoing",
        None,
        "green",
    ),
    _unnumbered(
        "Information sharing",
        "Agree a protocol for sharing information with adult mental health services",
        "Designated Doctor Safeguarding Children, ICB",
        "31 October 2024",
        "2024-10-31",
        "amber",
    ),
    _unnumbered(
        "Information sharing",
        "Add the school nurse to the core group of every child on a child protection plan",
        None,
        "Q3 2024/25",
        "2024-12-31",
        "red",
    ),
    _unnumbered(
        "Information sharing",
        "Publish a seven-minute briefing on the learning from the review",
        "Partnership Business Manager",
        "December 2024",
        "2024-12-31",
        None,
    ),
]

# plain pdftotext: every cell a block of its own, the header's cells too; the Area column's cell
# merged down its rows and printed once; an empty Responsible cell and an empty Status cell print
# nothing; a closing paragraph after the table
REVIEW_PDFTOTEXT = _text(
    [
        "Bexley Safeguarding Partnership",
        "Learning from the review of Child M: multi-agency action plan",
        "",
        "Area",
        "",
        "Actions",
        "",
        "Responsible",
        "",
        "Timescale",
        "",
        "Status",
        "",
        "Early help",
        "",
        "Relaunch the early help assessment with a",
        "single referral route for schools and GPs",
        "",
        "Early Help Service",
        "Manager",
        "",
        "April 2024",
        "",
        "Complete",
        "",
        "Offer every family stepping down from social",
        "care a named early help worker",
        "",
        "Head of Early Help",
        "",
        "Ongoing",
        "",
        "Green",
        "",
        "Information sharing",
        "",
        "Agree a protocol for sharing information with",
        "adult mental health services",
        "",
        "Designated Doctor",
        "Safeguarding Children, ICB",
        "",
        "31 October 2024",
        "",
        "Amber",
        "",
        "Add the school nurse to the core group of every",
        "child on a child protection plan",
        "",
        "Q3 2024/25",
        "",
        "Red",
        "",
        "1",
        "\x0cPublish a seven-minute briefing on the learning",
        "from the review",
        "",
        "Partnership Business",
        "Manager",
        "",
        "December 2024",
        "",
        "The Learning and Improvement subgroup will review this plan every quarter and report",
        "its progress to the partnership's executive group.",
        "",
        "2",
        "\x0c",
    ]
)


def test_a_review_plan_by_area_without_references_printed_by_plain_pdftotext_scores_against_its_gold(
    scorer: ModuleType,
) -> None:
    result = score_plan(
        scorer, REVIEW_PDFTOTEXT, gold_plan("review_pdftotext.txt", REVIEW_SECTIONS, REVIEW_ACTIONS)
    )
    assert result["f1"] == 1.0, result
    assert result["field_mean"] == 1.0, result


def test_a_paragraph_after_a_table_printed_cell_after_cell_is_not_an_action() -> None:
    draft = import_document(REVIEW_PDFTOTEXT.encode("utf-8"), filename="review_pdftotext.txt")
    assert len(draft.actions) == 5
    assert not any("subgroup will review" in a.text for a in draft.actions)


# --------------------------------------------------------------------------- prose is not a table

PROSE = _text(
    [
        "Annual Report of the Safeguarding Children Partnership 2023-24",
        "",
        "Introduction",
        "",
        "This report sets out what the partnership has done over the year, what difference it has",
        "made for children and families, and where it needs to improve.",
        "",
        "Our priorities",
        "",
        "The partners agreed three priorities: neglect, exploitation and the voice of the child.",
        "Each has a lead from one of the three statutory partners.",
        "",
        "Neglect",
        "",
        "The neglect toolkit was refreshed in April and launched at the partnership conference.",
        "Practitioners told us that it is easier to use than the previous version.",
        "",
        "Head of Early Help",
        "",
        "June 2024",
        "",
        "Exploitation",
        "",
        "The MACE panel met monthly and reviewed the plans of 64 children at risk of exploitation.",
        "Police and health attended every meeting; education attended nine of twelve.",
        "",
        "Next steps",
        "",
        "The partnership will publish its new plan in the spring, with the lead and timescale of",
        "each action, and will report on its progress to the executive every quarter.",
        "",
        "Independent Scrutineer",
        "",
        "March 2024",
    ]
)


def test_prose_printed_in_paragraphs_is_still_not_read_as_actions() -> None:
    draft = import_document(PROSE.encode("utf-8"), filename="annual_report.txt")
    assert draft.actions == []


PROSE_UNDER_A_HEADER = _text(
    [
        "Partnership Plan 2024-27",
        "",
        "Action Lead Timescale RAG Progress",
        "",
        "This plan sets out what the partnership will do over the next three years to keep children",
        "safe. It was agreed by the three statutory partners in March.",
        "",
        "Progress on each priority will be reported to the executive group every quarter, with a",
        "summary published on the partnership's website for practitioners and families.",
        "",
        "The partnership's subgroups will hold the detailed actions and report on them.",
        "Each subgroup is chaired by a senior leader from one of the partner agencies.",
        "",
        "Where an action slips, the chair of the subgroup will explain why and what will be done",
        "about it. The executive will agree any change to a timescale before it is made.",
        "",
        "We want to hear from children, young people and families about whether this plan makes",
        "a difference. Please contact the business unit with your views.",
        "",
        "More information about the partnership, its members and its work can be found on our",
        "website. The annual report describes what difference the partnership made last year.",
        "",
        "Business Unit",
        "",
        "April 2024",
    ]
)


def test_prose_under_a_header_naming_the_columns_is_not_read_as_actions() -> None:
    draft = import_document(PROSE_UNDER_A_HEADER.encode("utf-8"), filename="plan.txt")
    assert draft.actions == []
