"""Totals: cross-tab row, column and grand totals; a period's headline; stated totals checked."""

import datetime as dt
from decimal import Decimal

from scorecard import figures
from scorecard.figures import Cell, crosstab, headline

APRIL = dt.date(2020, 4, 1)


def cell(area: str, risk: str, number: int, source: str = "report", period: dt.date = APRIL) -> Cell:
    return Cell(period=period, dimensions={"area": area, "risk": risk}, number=Decimal(number), source=source)


DRMM_APRIL = [  # seed 002, "Children graded for CCE in the DRMM", Apr 2020
    cell("City", "High", 2),
    cell("City", "Med", 6),
    cell("City", "Low", 1),
    cell("County", "High", 1),
    cell("County", "Med", 11),
    cell("County", "Low", 1),
    cell("Rutland", "High", 0),
    cell("Rutland", "Med", 1),
    cell("Rutland", "Low", 0),
]


def test_a_cross_tab_by_area_and_risk_level_totals_its_rows_columns_and_whole():
    table = crosstab(DRMM_APRIL, "area", "risk", ["City", "County", "Rutland"], ["High", "Med", "Low"])
    assert table.rows == ["City", "County", "Rutland"]
    assert table.columns == ["High", "Med", "Low"]
    assert table.row_totals == {"City": 9, "County": 13, "Rutland": 1}
    assert table.column_totals == {"High": 3, "Med": 18, "Low": 2}
    assert table.grand_total == 23
    assert table.table()[1] == ("County", [1, 11, 1], 13)


def test_a_cross_tab_with_a_missing_cell_shows_a_gap_and_still_totals():
    table = crosstab([cell("City", "High", 2), cell("County", "Low", 3)], "area", "risk")
    assert table.table()[0] == ("City", [Decimal(2), None], 2)
    assert table.grand_total == 5


def test_a_count_period_headline_is_the_total_of_its_cells_unless_an_overall_value_is_stated():
    assert headline(DRMM_APRIL) == 23
    overall = Cell(period=APRIL, dimensions={}, number=Decimal(25), source="report")
    assert headline([*DRMM_APRIL, overall]) == 25


def test_a_percentage_headline_is_not_a_sum():
    cells = [
        Cell(APRIL, {"area": "City"}, Decimal(80), "r"),
        Cell(APRIL, {"area": "County"}, Decimal(90), "r"),
    ]
    assert headline(cells, "percentage") == Decimal("85.0")
    assert headline([], "count") is None


def test_the_latest_entered_source_gives_the_cell_shown_on_pages():
    early = Cell(APRIL, {"area": "City"}, Decimal(6), "report", dt.datetime(2020, 5, 1))
    late = Cell(APRIL, {"area": "City"}, Decimal(5), "appendix", dt.datetime(2020, 5, 2))
    assert list(figures.current_cells([late, early]).values()) == [late]


def test_stated_totals_that_differ_from_the_sum_of_their_cells_are_flagged():
    table = {
        "name": "Strategy meetings",
        "source": "Report para 8",
        "rows": [
            {"period": "2020-04", "area": "City", "count": 2},
            {"period": "2020-04", "area": "County", "count": 3},
        ],
        "stated_totals": [{"period": "2020-04", "count": 6}],
        "stated_column_totals": [{"area": "City", "count": 2}],
        "stated_grand_total": 5,
    }
    findings = figures.check_stated_totals(table)
    assert len(findings) == 1
    assert findings[0].kind == "stated_total"
    assert "stated total for 2020-04 is 6 but its cells add up to 5" in findings[0].message
    assert [v["value"] for v in findings[0].values] == [6, 5]


def test_periods_are_read_as_people_write_them():
    assert figures.parse_period("2020-04") == APRIL
    assert figures.parse_period("Apr-20") == APRIL
    assert figures.parse_period("April 2020") == APRIL
    assert figures.parse_period(dt.datetime(2020, 4, 17)) == APRIL
    assert figures.parse_period("2020-04", "quarterly") == APRIL


def _october_whole_november_in_part(world, cells: list[tuple[str, str]]):
    """A measure by area and risk: 4 in each of `cells` for October 2026, November only City-High's 5."""
    import datetime as dt
    from decimal import Decimal

    from scorecard.tests.factories import MeasureFactory, ValueFactory, area_and_risk

    measure = MeasureFactory(
        partnership=world.partnership, name="Graded", dimensions=area_and_risk(world.partnership)
    )
    for area, risk in cells:
        ValueFactory(
            measure=measure,
            period=dt.date(2026, 10, 1),
            dimensions={"area": area, "risk": risk},
            number=Decimal(4),
        )
    ValueFactory(
        measure=measure,
        period=dt.date(2026, 11, 1),
        dimensions={"area": "City", "risk": "High"},
        number=Decimal(5),
    )
    return measure


def test_a_month_reported_for_part_of_its_breakdown_is_not_its_total_nor_the_latest(world):
    """QA round 7: one of nine area-by-risk figures uploaded for December made the headline, the trend
    and the board pack read 36 then 5."""
    import datetime as dt
    from decimal import Decimal

    from reports.figures import scorecard_table
    from scorecard.services import summarise

    measure = _october_whole_november_in_part(
        world, [(area, risk) for area in ("City", "County", "Coast") for risk in ("High", "Med", "Low")]
    )

    summary = summarise(measure)

    assert (summary.period, summary.value) == (dt.date(2026, 10, 1), Decimal(36))
    assert [p for p, _ in summary.trend] == [dt.date(2026, 10, 1)]
    assert summary.incomplete_note == "Nov 2026: 1 of 9 figures in so far"
    table = scorecard_table([summary])
    assert table.rows[0][1] == "Oct 2026 (Nov 2026: 1 of 9 figures in so far)"


def test_the_measures_page_lists_a_partly_reported_month_as_such_and_does_not_rate_it(client, world):
    """QA round 8: the measure's own page still listed and charted the partial total as the month's."""

    from django.urls import reverse

    measure = _october_whole_november_in_part(world, [("City", "High"), ("County", "High")])
    client.force_login(world.manager)
    page = client.get(reverse("scorecard:measure", args=[measure.pk])).content.decode()
    assert "Nov 2026 (1 of 2 figures in so far)" in page and "Not yet rated" in page


def test_a_breakdown_row_left_out_for_good_does_not_freeze_the_latest_figure(world):
    """QA round 11: one area with no high-risk child from August left out its row; every later month
    read '8 of 9 figures in so far' and July stayed the latest figure through November."""
    import datetime as dt
    from decimal import Decimal

    from scorecard.services import summarise
    from scorecard.tests.factories import MeasureFactory, ValueFactory, area_and_risk

    measure = MeasureFactory(
        partnership=world.partnership, name="Graded", dimensions=area_and_risk(world.partnership)
    )
    cells = [(area, risk) for area in ("City", "County", "Rutland") for risk in ("High", "Med", "Low")]
    for month in (7, 8, 9, 10, 11):
        for area, risk in cells:
            if month > 7 and (area, risk) == ("Rutland", "High"):
                continue  # nobody there any more: no row
            ValueFactory(
                measure=measure,
                period=dt.date(2026, month, 1),
                dimensions={"area": area, "risk": risk},
                number=Decimal(2),
            )

    summary = summarise(measure)

    assert (summary.period, summary.value) == (dt.date(2026, 11, 1), Decimal(16))
    assert not summary.incomplete_note


def test_a_quarter_is_named_as_the_financial_year_counts_it_and_read_back_as_written():
    """QA round 11: April to June read 'Q2 2026' beside plans' 'Q2 2026/27' for July to September,
    and an upload refused the label the pages showed."""
    import datetime as dt

    labels = [figures.period_label(dt.date(2026, m, 1), figures.QUARTERLY) for m in (1, 4, 7, 10)]
    assert labels == ["Q4 2025/26", "Q1 2026/27", "Q2 2026/27", "Q3 2026/27"]
    for label, month in zip(labels, (1, 4, 7, 10), strict=True):
        assert figures.parse_period(label, figures.QUARTERLY) == dt.date(2026, month, 1)
    assert figures.parse_period("q2 2026/2027", figures.QUARTERLY) == dt.date(2026, 7, 1)
