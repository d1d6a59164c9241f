"""Totals a document states (Total rows, 'There are 82 actions', RAG summaries) are checked."""

from __future__ import annotations

from intake.importer.api import import_document
from intake.importer.model import PlanDraft

from .conftest import needs_shared, seed_path

ACTIONS = (
    "Ref\tAction\tLead\tDue by\tRAG\n"
    "1.1\tAudit the team\tJane Doe\tOctober 2020\tRed\n"
    "1.2\tPublish the policy\tJane Doe\tJuly 2020\tAmber\n"
    "1.3\tTrain the staff\tBob Smith\tJune 2021\tGreen\n"
)


def _import(text: str) -> PlanDraft:
    return import_document(text.encode(), filename="plan.txt")


def _kinds(draft: PlanDraft) -> list[str]:
    return [d.kind for d in draft.reconciliation]


def test_a_stated_number_of_actions_that_differs_is_a_warning_with_its_line() -> None:
    draft = _import("Update\n\nThere are 5 actions in this plan.\n\n" + ACTIONS)
    (found,) = draft.reconciliation
    assert found.kind == "action_count" and found.values == [{"stated": 5, "read": 3, "approximate": False}]
    (warning,) = [w for w in draft.warnings if "5 actions" in w.message]
    assert warning.location.line == 3


def test_a_stated_number_of_actions_that_agrees_says_nothing() -> None:
    draft = _import("The plan contains 3 actions.\n\n" + ACTIONS)
    assert draft.reconciliation == []


def test_a_stated_rag_breakdown_is_compared_with_the_statuses_read() -> None:
    agrees = _import("Of the 3 actions, 1 is red, 1 amber and 1 green.\n\n" + ACTIONS)
    assert agrees.reconciliation == []
    differs = _import("Progress: 2 red, 1 amber and 0 green.\n\n" + ACTIONS)
    (found,) = differs.reconciliation
    assert found.kind == "rag_count"
    assert {v["status"]: (v["stated"], v["read"]) for v in found.values} == {
        "red": (2, 1),
        "amber": (1, 1),
        "green": (0, 1),
    }
    assert any("2 red, 1 amber, 0 green" in w.message for w in differs.warnings)


def test_one_colour_and_a_number_is_not_a_breakdown() -> None:
    draft = _import("Three meetings raised 3 red flags about missing children.\n\n" + ACTIONS)
    assert draft.reconciliation == []


def test_a_rag_summary_table_with_a_total_is_checked() -> None:
    summary = "Status\tNumber of actions\nRed\t1\nAmber\t2\nGreen\t1\nTotal\t4\n\n"
    draft = _import(summary + ACTIONS)
    assert sorted(_kinds(draft)) == ["action_count", "rag_count"]
    count = next(d for d in draft.reconciliation if d.kind == "action_count")
    assert count.values[0]["stated"] == 4 and count.location.line is not None


def test_a_total_row_that_differs_from_its_column_is_reported_with_its_line() -> None:
    figures = "Referrals\tCity\tCounty\tTotal\nJan 2020\t3\t4\t7\nFeb 2020\t2\t5\t7\nTotal\t5\t8\t15\n"
    draft = _import(figures)
    rows = [d for d in draft.reconciliation if d.kind == "total_row"]
    assert [(d.values[0]["column"], d.values[0]["stated"], d.values[0]["sum"]) for d in rows] == [
        ("County", 8, 9),
        ("all", 15, 14),
    ]
    assert all(d.location.line == 4 for d in rows)
    assert sum("Total row" in w.message for w in draft.warnings) == 2


def test_a_total_series_is_checked_and_not_counted_as_a_series() -> None:
    figures = "Strategy meetings\tMay 19\tJun 19\tJul 19\nCCE\t1\t2\t3\nCSE\t0\t1\t1\nTotal\t1\t3\t5\n"
    draft = _import(figures)
    (table,) = draft.tables
    assert {row["series"] for row in table.rows} == {"CCE", "CSE"}
    (found,) = draft.reconciliation
    assert found.kind == "total_row" and found.values[0]["column"] == "2019-07"


@needs_shared
def test_totals_that_agree_in_the_seed_tables_are_not_reported() -> None:
    draft = import_document(seed_path("002"))
    assert not [d for d in draft.reconciliation if d.kind == "total_row"]
    assert any(t.total_row for t in draft.tables)


@needs_shared
def test_the_seed_report_that_says_82_actions_is_flagged_against_the_75_read() -> None:
    draft = import_document(seed_path("002"))
    (count,) = [d for d in draft.reconciliation if d.kind == "action_count"]
    assert count.values == [{"stated": 82, "read": len(draft.actions), "approximate": True}]
    assert any(w.message == count.message and w.location == count.location for w in draft.warnings)


def test_a_rag_summary_table_is_not_read_as_the_rag_scheme() -> None:
    draft = _import("Status\tNumber of actions\nRed\t1\nAmber\t1\nGreen\t1\n\n" + ACTIONS)
    assert draft.rag_scheme == []
