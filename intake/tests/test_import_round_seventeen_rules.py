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
