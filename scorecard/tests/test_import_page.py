"""Importing a document's data tables from the web: measures made, reconciliation shown at once."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import SHARED
from scorecard.models import Measure, Value

GOLD_002 = SHARED / "gold" / "002_62e406a63ef751da.json"


def url(world) -> str:
    return reverse("scorecard:import_tables") + f"?partnership={world.partnership.slug}"


def test_a_manager_imports_the_002_tables_and_sees_april_2020_flagged(client, world):
    if not GOLD_002.exists():
        pytest.skip("shared gold files are not here")
    client.force_login(world.manager)
    response = client.post(url(world), {"file": SimpleUploadedFile("002.json", GOLD_002.read_bytes())})
    assert response.status_code == 200
    page = response.content.decode()
    assert "111 values added" in page
    assert "Apr 2020, total: the sources disagree (20 in 002.json: Appendix 3" in page
    assert Measure.objects.filter(partnership=world.partnership).count() == 3


def test_a_file_without_tables_is_refused_with_a_message_and_nothing_saved(client, world):
    client.force_login(world.admin)
    response = client.post(url(world), {"file": SimpleUploadedFile("t.json", b'{"tables": "none"}')})
    assert "holds no list of tables" in response.content.decode()
    assert not Value.objects.exists()


def test_viewers_cannot_import_and_outsiders_get_not_found(client, world):
    client.force_login(world.viewer)
    assert client.get(url(world)).status_code == 403
    client.force_login(world.outsider)
    assert client.get(url(world)).status_code == 404


@pytest.mark.parametrize(
    "content",
    [
        b'[{"title": "Referrals", "rows": [["Month", "Referrals"], ["Jan 2026", "10"]]}]',
        b'{"tables": [{"rows": "notalist"}]}',
        b'[{"rows": null}]',
        b'{"tables": [{"rows": [[{"a": 1}]]}]}',
        b'{"tables": [{"rows": [{"Month": {"nested": 1}}]}]}',
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_json_tables_of_another_shape_are_refused_with_a_message_not_an_error(client, world, content):
    client.force_login(world.manager)
    response = client.post(url(world), {"file": SimpleUploadedFile("t.json", content)})
    assert response.status_code == 200
    page = response.content.decode()
    assert "holds no list of tables" in page or "nested too deeply" in page
    assert not Value.objects.exists()


def _tables(rows, name="Children graded for CCE"):
    import json

    body = json.dumps({"tables": [{"name": name, "source": "Table 1", "rows": rows}]}).encode()
    return SimpleUploadedFile("tables.json", body)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([{"period": "Q3 2026", "count": 4}], "row 1: “Q3 2026” is not a period"),
        ([{"month": "2026-01", "count": 4}], "row 1: The period is missing."),
        ([{"period": "2026-01", "count": "n/a"}], "row 1: “n/a” is not a number."),
        ([{"period": "2062-11", "count": 19}], "row 1: 2062-11 has not started yet"),
        ([{"period": "2026-01", "count": -4}], "row 1: A count cannot be below zero."),
        # a number beyond what is kept: saved on SQLite and then every scorecard page failed
        ([{"period": "2026-01", "count": 1e20}], "row 1: A value must be less than 1,000,000,000,000"),
        ([{"period": "2026-01", "count": 123456789012345678}], "row 1: A value must be less than"),
    ],
)
def test_a_table_with_an_unreadable_or_impossible_value_is_refused_whole_with_its_row_named(
    client, world, rows, message
):
    """Were a 500, or saved: a period in 2062 headed the scorecard."""
    client.force_login(world.manager)
    good = {"period": "2025-12", "count": 3}
    page = client.post(url(world), {"file": _tables([good, *[{**r} for r in rows]])}).content.decode()
    assert "Nothing was imported" in page and message.replace("row 1", "row 2") in page
    assert not Value.objects.exists() and not Measure.objects.exists()


def test_table_categories_match_the_allowed_ones_whatever_their_case_and_unknown_ones_are_refused(
    client, world
):
    """'city'/'high' beside City/High counted the same children twice; 'Town' widened the list."""
    from scorecard.tests.factories import MeasureFactory, area_and_risk

    measure = MeasureFactory(
        partnership=world.partnership,
        name="Children graded for CCE",
        dimensions=area_and_risk(world.partnership),
    )
    client.force_login(world.manager)
    client.post(
        url(world), {"file": _tables([{"period": "2025-10", "area": "city", "risk": "high", "count": 5}])}
    )
    value = Value.objects.get(measure=measure)
    assert value.dimensions == {"area": "City", "risk": "High"}
    page = client.post(
        url(world), {"file": _tables([{"period": "2025-10", "area": "Town", "risk": "High", "count": 3}])}
    ).content.decode()
    assert "“Town” is not an allowed area (use City, County, Rutland)" in page
    measure.refresh_from_db()
    assert "Town" not in measure.dimensions.get(key="area").allowed_values
    assert Value.objects.filter(measure=measure).count() == 1


def test_json_rows_without_a_count_are_refused_with_the_shape_to_use_not_imported_as_nothing(client, world):
    """The page's own example (Month, Referrals) was accepted as '0 values added'."""
    client.force_login(world.manager)
    body = b'{"tables": [{"name": "Referrals", "rows": [{"Month": "Jan 2026", "Referrals": 10}]}]}'
    page = client.post(url(world), {"file": SimpleUploadedFile("t.json", body)}).content.decode()
    assert "Referrals, row 1 has no “count”" in page
    assert "&quot;period&quot;: &quot;2026-01&quot;" in page
    assert not Measure.objects.exists() and not Value.objects.exists()


def test_the_example_the_page_gives_imports(client, world):
    from scorecard.tables import JSON_SHAPE

    client.force_login(world.manager)
    example = JSON_SHAPE[JSON_SHAPE.index("{") : JSON_SHAPE.index("]}]}") + 4]
    page = client.post(url(world), {"file": SimpleUploadedFile("t.json", example.encode())}).content.decode()
    assert "1 value added" in page
    value = Value.objects.get()
    assert (value.number, value.dimensions, value.period.isoformat()) == (10, {}, "2026-01-01")


def test_a_tables_column_matches_a_dimension_whatever_its_case_and_one_with_no_latin_letter_is_refused(
    client, world
):
    from scorecard.models import Dimension

    client.force_login(world.manager)
    client.post(url(world), {"file": _tables([{"period": "2025-12", "Area": "North", "count": 3}])})
    assert list(Dimension.objects.values_list("key", flat=True)) == ["area"]
    assert Value.objects.get().dimensions == {"area": "North"}
    page = client.post(
        url(world), {"file": _tables([{"period": "2025-11", "地域": "North", "count": 3}])}
    ).content.decode()
    assert "cannot be a breakdown" in page
    assert Value.objects.count() == 1 and Dimension.objects.count() == 1


def test_without_a_partnership_named_the_page_is_the_only_partnerships_and_not_found_for_several(
    client, world
):
    client.force_login(world.manager)
    assert client.get(reverse("scorecard:import_tables")).status_code == 200
    from plans.tests import factories

    factories.MembershipFactory(user=world.manager, partnership=world.other_plan.partnership, role="manager")
    assert client.get(reverse("scorecard:import_tables")).status_code == 404
