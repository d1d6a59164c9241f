"""Reconciliation: the same measure, period and dimensions stated differently by two sources."""

import datetime as dt
import json
from decimal import Decimal

import pytest

from conftest import SHARED
from scorecard import figures
from scorecard.models import Measure, Value
from scorecard.services import findings_for
from scorecard.tables import values_from_tables

GOLD_002 = SHARED / "gold" / "002_62e406a63ef751da.json"


@pytest.fixture
def tables_002() -> list[dict]:
    if not GOLD_002.exists():
        pytest.skip("shared gold files are not here")
    return json.loads(GOLD_002.read_text())["tables"]


def test_the_drmm_grading_table_and_the_appendix_cce_table_are_one_series_but_cse_and_cce_is_not(tables_002):
    names = [t["name"] for t in tables_002]
    groups = [[names[i] for i in g] for g in figures.group_series(tables_002)]
    assert ["Children graded for CCE in the DRMM", "CCE"] in groups
    assert ["CSE&CCE"] in groups


def test_seed_002_april_2020_is_flagged_23_against_20_with_both_sources(tables_002):
    findings = figures.reconcile_tables(tables_002)
    totals = [f for f in findings if f.kind == "cross_source" and f.period == "2020-04" and not f.dimensions]
    assert len(totals) == 1
    values = {v["value"]: v["source"] for v in totals[0].values}
    assert set(values) == {23, 20}
    assert values[23].startswith("Report para 8")
    assert values[20].startswith("Appendix 3")
    cells = {tuple(f.dimensions.values()) for f in findings if f.period == "2020-04" and f.dimensions}
    assert cells == {("City", "Med"), ("County", "Med"), ("Rutland", "Med")}


def test_months_where_the_two_tables_agree_are_not_flagged(tables_002):
    periods = {f.period for f in figures.reconcile_tables(tables_002)}
    assert periods == {"2020-04"}


def test_two_sources_agreeing_give_no_finding_and_disagreeing_give_one_per_cell():
    april = dt.date(2020, 4, 1)
    same = [figures.Cell(april, {"area": "City"}, Decimal(3), s) for s in ("a", "b")]
    assert figures.disagreements("M", same) == []
    differ = [figures.Cell(april, {"area": "City"}, Decimal(n), s) for n, s in ((3, "a"), (4, "b"))]
    [finding] = figures.disagreements("M", differ)
    assert finding.values == [{"source": "a", "value": 3}, {"source": "b", "value": 4}]
    assert "3 in a and 4 in b" in finding.message


def test_importing_the_002_tables_stores_both_sources_and_reconciliation_flags_april(world, tables_002):
    result = values_from_tables(world.partnership, tables_002, "002 CCE report", world.manager)
    names = sorted(m.name for m in result.measures)
    assert names == ["CSE&CCE", "Child Referral Team: STRAT Meetings", "Children graded for CCE in the DRMM"]
    drmm = Measure.objects.get(name="Children graded for CCE in the DRMM")
    assert drmm.aliases == ["CCE"]
    assert sorted(d.key for d in drmm.dimensions.all()) == ["area", "risk"]
    assert Value.objects.filter(measure=drmm).count() == 27 + 36
    assert result.values_created == 12 + 27 + 36 + 36
    totals = [
        f for f in result.findings if f.measure == drmm.name and f.period == "2020-04" and not f.dimensions
    ]
    assert {v["value"] for v in totals[0].values} == {23, 20}
    assert all(v["source"].startswith("002 CCE report: ") for v in totals[0].values)


def test_importing_the_same_tables_again_adds_nothing_and_still_flags(world, tables_002):
    values_from_tables(world.partnership, tables_002, "002 CCE report", world.manager)
    again = values_from_tables(world.partnership, tables_002, "002 CCE report", world.manager)
    assert again.values_created == 0 and again.values_changed == 0
    assert again.created_measures == []
    drmm = Measure.objects.get(name="Children graded for CCE in the DRMM")
    assert len(findings_for(drmm)) == 4  # three cells and the period total


def test_an_import_reports_only_the_disagreements_it_takes_part_in(world, tables_002):
    [drmm_table] = [t for t in tables_002 if t["name"] == "Children graded for CCE in the DRMM"]
    february_and_march = {**drmm_table, "rows": [r for r in drmm_table["rows"] if r["period"] != "2020-04"]}
    february_and_march.pop("stated_totals")
    values_from_tables(world.partnership, tables_002, "002 CCE report", world.manager)
    again = values_from_tables(world.partnership, [february_and_march], "Later copy", world.manager)
    assert again.findings == []  # it agrees for February and March; April's disagreement is older
    drmm = Measure.objects.get(name="Children graded for CCE in the DRMM")
    assert len(findings_for(drmm)) == 4


def test_the_disagreements_about_a_period_leave_out_those_of_other_periods():
    oct_, nov = dt.date(2026, 10, 1), dt.date(2026, 11, 1)
    cells = [
        figures.Cell(period=oct_, dimensions={}, number=Decimal(11), source="Child Referral Team report"),
        figures.Cell(period=oct_, dimensions={}, number=Decimal(4), source="Late correction"),
        figures.Cell(period=nov, dimensions={}, number=Decimal(18), source="Child Referral Team report"),
    ]
    found = figures.disagreements("Strategy meetings held", cells)
    assert [f.period_label for f in figures.disagreements_in(found, oct_)] == ["Oct 2026"]
    assert figures.disagreements_in(found, nov) == []
    assert figures.disagreements_in(found, None) == []
