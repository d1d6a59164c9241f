"""Rules from the seventeenth blind round, each on a small document of its own."""

from __future__ import annotations

from intake.importer.api import import_document

CARDS = """<!DOCTYPE html>
<html lang="en"><head><title>Business plan</title><style>.card{}</style></head>
<body><nav><a href="/">Home</a></nav>
<main>
<h1>Business plan 2025 to 2027</h1>
<h2>Priority 1: Harm outside the home</h2>
<article class="card"><h3>Screening tool</h3>
<dl>
  <dt>Ref</dt><dd>P1.1</dd>
  <dt>Action</dt><dd>Replace the agencies' screening tools with one partnership tool.</dd>
  <dt>Lead</dt><dd>Redwater Police – DI Owen Fairclough</dd>
  <dt>Timescale</dt><dd>Q3 2025/26</dd>
  <dt>Status</dt><dd><span class="badge">On track</span></dd>
  <dt>Progress</dt><dd><p>Tested in September 2025.</p><p>Launch on 1 December 2025.</p></dd>
</dl></article>
<article class="card"><h3>Return home interviews</h3>
<dl>
  <dt>Ref</dt><dd>P1.2</dd>
  <dt>Action</dt><dd>Offer every child reported missing a return home interview within 72 hours.</dd>
  <dt>Lead</dt><dd>Redwater Council – Kelly Pitt, Missing Children Coordinator</dd>
  <dt>Timescale</dt><dd>By March 2026</dd>
  <dt>Status</dt><dd>Some slippage</dd>
</dl></article>
</main></body></html>
"""


def test_a_web_page_of_cards_each_a_definition_list_of_labelled_fields_is_read_without_any_table() -> None:
    """A partnership's website publishes its plan as cards, no table: the page was not read as HTML
    at all (only pages with a table were), and a term and its description ran together."""
    draft = import_document(CARDS.encode(), filename="business-plan.html")
    assert [(a.ref, a.section, a.owner, str(a.due), a.rag) for a in draft.actions] == [
        ("P1.1", "1", "Redwater Police – DI Owen Fairclough", "2025-12-31", "green"),
        ("P1.2", "1", "Redwater Council – Kelly Pitt, Missing Children Coordinator", "2026-03-31", "amber"),
    ]
    assert draft.actions[0].text == "Replace the agencies' screening tools with one partnership tool."
    assert "Launch on 1 December 2025." in (draft.actions[0].progress or "")


JIRA = (
    "Summary,Issue key,Issue id,Issue Type,Status,Resolution,Assignee,Created,Resolved,Due date\n"
    "Refresh the early help assessment form,EHW-9,10420,Task,Done,Won't Do,Lauren Beckett,"
    "2025-03-27 10:15,2025-05-02 11:48,\n"
    "Audit thirty MASH contacts each quarter,EHW-10,10421,Task,In Progress,,Sophie Marr,"
    "2025-03-27 10:16,,2026-03-31\n"
    "Publish the revised consent guidance,EHW-11,10422,Task,Done,Done,Sophie Marr,"
    "2025-03-27 10:17,2025-06-30 09:00,2025-06-30\n"
)


def test_a_jira_issue_resolved_as_wont_do_is_not_an_action_and_the_reader_is_told() -> None:
    draft = import_document(JIRA.encode(), filename="jira.csv")
    assert [(a.ref, a.rag) for a in draft.actions] == [("EHW-10", None), ("EHW-11", "complete")]
    assert any("Refresh the early help assessment form" in w.message for w in draft.warnings)


JIRA_PLAN_REFS = (
    "Summary,Issue key,Issue type,Status,Assignee,Due date\n"
    "3.4 Review a sample of closed early help cases,EHW-24,Task,To Do,Martin Quayle,2026-02-28\n"
    "5.3 - Independent scrutineer to review progress,EHW-18,Task,To Do,Simon Armistead,2026-03-31\n"
    "5.2 - Collect feedback from fifty families a quarter,EHW-17,Task,In Progress,Sophie Marr,\n"
    "1.1 – Issue revised consent guidance,EHW-3,Task,Done,Sophie Marr,2025-06-30\n"
)


def test_a_plan_reference_typed_at_the_start_of_a_tools_title_is_the_reference_whatever_the_rows_order() -> (
    None
):
    """A Jira export sorted newest first, the plan's own number typed in each Summary ('5.3 - ...'):
    only the first rows' numbers were read (in ascending order), the rest kept the issue key."""
    draft = import_document(JIRA_PLAN_REFS.encode(), filename="jira.csv")
    assert [(a.ref, a.text) for a in draft.actions] == [
        ("3.4", "Review a sample of closed early help cases"),
        ("5.3", "Independent scrutineer to review progress"),
        ("5.2", "Collect feedback from fifty families a quarter"),
        ("1.1", "Issue revised consent guidance"),
    ]


def test_a_numbered_section_with_a_table_per_strand_under_its_own_heading_has_the_strands_as_sub_sections() -> (
    None
):
    import io

    import docx

    document = docx.Document()
    document.add_heading("1. Introduction", 1)
    document.add_paragraph("This plan sets out how partners will tackle exploitation.")
    document.add_heading("2. Delivery plan", 1)
    for strand, letters, actions in (
        (
            "Pursue – disrupting those who exploit children",
            "PUR",
            ["Map the county lines", "Use closure orders"],
        ),
        ("Prevent – stopping children being drawn in", "PRE", ["Train school staff", "Run a campaign"]),
    ):
        document.add_heading(strand, 2)
        table = document.add_table(rows=1, cols=4)
        for cell, name in zip(table.rows[0].cells, ["Ref", "Action", "Lead", "Target date"], strict=True):
            cell.text = name
        for n, text in enumerate(actions, start=1):
            for cell, value in zip(
                table.add_row().cells, [f"{letters}{n}", text, "Police", "March 2026"], strict=True
            ):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)

    draft = import_document(buffer.getvalue(), filename="plan.docx")

    assert [(a.ref, a.section) for a in draft.actions] == [
        ("PUR1", "Pursue – disrupting those who exploit children"),
        ("PUR2", "Pursue – disrupting those who exploit children"),
        ("PRE1", "Prevent – stopping children being drawn in"),
        ("PRE2", "Prevent – stopping children being drawn in"),
    ]
    parents = {s.ref: s.parent for s in draft.sections}
    assert parents["Pursue – disrupting those who exploit children"] == "2"
