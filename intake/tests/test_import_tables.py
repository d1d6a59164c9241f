"""Numeric data tables are normalised to rows, and disagreeing figures are reported."""

from __future__ import annotations

from intake.importer.api import import_document

from .conftest import gold_for, needs_shared, seed_path

CROSS_TAB = (
    "Children graded in the meeting\tCITY\t\t\tCOUNTY\t\t\tTotal\n"
    "\tHigh\tMed\tLow\tHigh\tMed\tLow\tAll\n"
    "Feb 2020\t6\t0\t1\t1\t7\t2\t17\n"
    "Mar 2020\t4\t1\t0\t3\t8\t0\t17\n"
    "\n"
    "Cases by month\n"
    "\tCity\t\t\tCounty\t\t\tTotal\n"
    "\tHigh\tMed\tLow\tHigh\tMed\tLow\t\n"
    "Feb-20\t6\t0\t1\t1\t7\t2\t17\n"
    "Mar-20\t4\t1\t0\t3\t9\t0\t17\n"
)


def test_cross_tab_by_area_and_risk_becomes_rows() -> None:
    draft = import_document(CROSS_TAB.encode(), filename="figures.txt")
    first = draft.tables[0]
    assert first.rows[0] == {"period": "2020-02", "area": "City", "risk": "High", "count": 6}
    assert len(first.rows) == 12


def test_a_total_that_differs_from_its_cells_is_reported() -> None:
    draft = import_document(CROSS_TAB.encode(), filename="figures.txt")
    kinds = {(d.kind, d.values[0].get("stated")) for d in draft.reconciliation}
    assert ("total_column", 17) in kinds  # Mar-20 in the second table adds up to 18


def test_the_same_measure_reported_differently_by_two_tables_is_reported() -> None:
    draft = import_document(CROSS_TAB.encode(), filename="figures.txt")
    cross = [d for d in draft.reconciliation if d.kind == "cross_table"]
    assert cross and cross[0].values[0]["period"] == "2020-03"
    assert {v["table"] for v in cross[0].values} == {"Children graded in the meeting", "Cases by month"}


@needs_shared
def test_seed_tables_match_the_gold_rows() -> None:
    data = import_document(seed_path("002")).to_dict()
    gold = {t["name"]: t["rows"] for t in gold_for("002")["tables"]}
    got = {t["name"]: t["rows"] for t in data["tables"]}
    assert got == gold


@needs_shared
def test_april_2020_disagreement_in_the_seed_is_flagged_with_both_values() -> None:
    data = import_document(seed_path("002")).to_dict()
    flagged = [d for d in data["reconciliation"] if d["kind"] == "cross_table"]
    assert any(
        {v["count"] for v in d["values"]} == {23, 20} and {v["period"] for v in d["values"]} == {"2020-04"}
        for d in flagged
    )
