"""A value for a period not yet started, or a count or number of days below zero, is refused
(by the form and by an upload) before it can head the scorecard as the latest value."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from scorecard import exports, figures
from scorecard.models import Dimension, Unit, Value
from scorecard.tests.factories import MeasureFactory, SourceFactory, ValueFactory

NOW = dt.datetime(2026, 12, 6, 10, tzinfo=dt.UTC)
TODAY = dt.date(2026, 12, 6)


def test_a_period_not_yet_started_is_a_problem_and_this_month_is_not():
    assert figures.value_problems("count", dt.date(2026, 12, 1), Decimal(3), TODAY) == []
    assert figures.value_problems("count", dt.date(2030, 1, 1), Decimal(3), TODAY) == [
        "2030-01 has not started yet: values are for periods up to 2026-12."
    ]


def test_a_quarter_that_has_started_is_accepted():
    assert figures.value_problems("count", dt.date(2026, 10, 1), Decimal(3), TODAY, figures.QUARTERLY) == []


def test_a_negative_count_or_number_of_days_is_a_problem_but_a_negative_percentage_is_not():
    assert figures.value_problems("count", None, Decimal(-5), TODAY) == ["A count cannot be below zero."]
    assert figures.value_problems("days", None, Decimal(-1), TODAY) == [
        "A number of days cannot be below zero."
    ]
    assert figures.value_problems("number", None, Decimal(-5), TODAY) == []  # a change may fall


def test_a_manager_typing_a_future_period_or_a_negative_count_is_told_and_nothing_is_saved(client, world):
    measure = MeasureFactory(partnership=world.partnership, unit=Unit.COUNT)
    client.force_login(world.manager)
    with time_machine.travel(NOW, tick=False):
        response = client.post(
            reverse("scorecard:add_value", args=[measure.pk]),
            {"period": "2062-11", "number": "-4", "source": "DRMM log"},
        )
    page = response.content.decode()
    assert response.status_code == 200
    assert "2062-11 has not started yet" in page and "A count cannot be below zero." in page
    assert not Value.objects.filter(measure=measure).exists()


def upload_csv(client, world, measure, body: bytes):
    """A plan manager uploads a CSV of values (on the tests' day)."""
    client.force_login(world.manager)
    upload = SimpleUploadedFile("values.csv", body, content_type="text/csv")
    with time_machine.travel(NOW, tick=False):
        return client.post(
            reverse("scorecard:upload", args=[measure.pk]), {"file": upload, "source": "DRMM log"}
        )


def test_an_upload_with_a_future_period_is_refused_row_by_row(client, world):
    measure = MeasureFactory(partnership=world.partnership, unit=Unit.COUNT)
    response = upload_csv(client, world, measure, b"period,value\n2026-11,4\n2027-01,5\n")
    assert "2027-01 has not started yet" in response.content.decode()
    assert not Value.objects.filter(measure=measure).exists()


def test_a_number_too_large_for_the_column_is_refused_and_decimals_are_rounded_to_hundredths():
    for raw in ("1e308", "123456789012345678", "-1000000000000"):
        with pytest.raises(ValueError, match="too large"):
            figures.parse_number(raw)
    assert figures.parse_number("999999999999.99") == Decimal("999999999999.99")
    assert figures.parse_number("33.333") == Decimal("33.33")


def test_an_upload_with_a_huge_number_is_refused_row_by_row_and_the_measure_still_shows(client, world):
    measure = MeasureFactory(partnership=world.partnership, unit=Unit.COUNT)
    client.force_login(world.manager)
    upload = SimpleUploadedFile("values.csv", b"period,value\n2026-11,1e308\n", content_type="text/csv")
    with time_machine.travel(NOW, tick=False):
        response = client.post(reverse("scorecard:upload", args=[measure.pk]), {"file": upload})
        page = client.get(reverse("scorecard:measure", args=[measure.pk]))
    assert response.status_code == 200
    assert "too large" in response.content.decode()
    assert not Value.objects.filter(measure=measure).exists()
    assert page.status_code == 200


def test_a_measure_exports_a_formula_looking_dimension_name_as_text(world):
    measure = MeasureFactory(partnership=world.partnership, unit=Unit.COUNT)
    measure.dimensions.add(
        Dimension.objects.create(partnership=world.partnership, key="=cmd|'/C calc'!A0", name="Area")
    )
    assert "'=cmd" in exports.to_csv(measure, []).splitlines()[0]
    sheet = load_workbook(io.BytesIO(exports.to_xlsx(measure, []))).active
    assert all(cell.data_type != "f" for cell in sheet[1])


def test_a_value_source_with_a_control_character_still_exports_to_excel(world):
    measure = MeasureFactory(partnership=world.partnership, unit=Unit.COUNT)
    source = SourceFactory(partnership=world.partnership, name="Report\x0bfrom Word")
    ValueFactory(measure=measure, source=source)
    sheet = load_workbook(io.BytesIO(exports.to_xlsx(measure, list(measure.values.all())))).active
    assert sheet.cell(row=2, column=3).value == "Report\nfrom Word"


def test_a_value_too_large_to_keep_is_impossible_whatever_the_unit():
    message = "A value must be less than 1,000,000,000,000 (and more than -1,000,000,000,000)."
    assert figures.value_problems("count", None, Decimal("1e20"), TODAY) == [message]
    assert figures.value_problems("percentage", None, Decimal("-123456789012345678"), TODAY) == [message]
    assert figures.value_problems("number", None, Decimal("999999999999.99"), TODAY) == []


def test_a_percentage_outside_0_to_100_and_a_count_that_is_not_whole_are_impossible():
    percentage = (
        "A percentage must be between 0 and 100: for a change or a rate, the measure's unit is Number."
    )
    assert figures.value_problems("percentage", None, Decimal(150), TODAY) == [percentage]
    assert figures.value_problems("percentage", None, Decimal(-5), TODAY) == [percentage]
    assert figures.value_problems("percentage", None, Decimal("92.9"), TODAY) == []
    assert figures.value_problems("count", None, Decimal("1.5"), TODAY) == [
        "A count is a whole number: for a rate or an average, the measure's unit is Number."
    ]
    assert figures.value_problems("count", None, Decimal("3.00"), TODAY) == []
    assert figures.value_problems("number", None, Decimal("45.37"), TODAY) == []


def test_the_value_form_refuses_a_percentage_of_150_and_saves_nothing(client, world):
    from django.urls import reverse

    from scorecard.models import Measure, Unit

    measure = Measure.objects.create(
        partnership=world.partnership, name="Screenings within 24 hours", unit=Unit.PERCENTAGE, target=95
    )
    client.force_login(world.manager)
    response = client.post(
        reverse("scorecard:add_value", args=[measure.pk]),
        {"period": "2026-11", "number": "150", "source": "Audit"},
    )
    assert (
        response.status_code == 200 and "A percentage must be between 0 and 100" in response.content.decode()
    )
    assert not measure.values.exists()


def test_a_measures_unit_cannot_change_to_one_its_values_do_not_fit(client, world):
    """QA round 6: a Days measure of 2.1 became a Count of 2.1; a Count of 18 became 18%."""
    from decimal import Decimal as D

    from scorecard.models import Measure, Value

    measure = Measure.objects.create(
        partnership=world.partnership, name="Days to strategy meeting", unit=Unit.DAYS
    )
    source = SourceFactory(partnership=world.partnership)
    Value.objects.create(
        measure=measure, period=dt.date(2026, 11, 1), number=D("2.1"), source=source, dimensions={}
    )
    client.force_login(world.manager)
    url = reverse("scorecard:edit_measure", args=[measure.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update(name=measure.name, unit="count", polarity=measure.polarity, frequency=measure.frequency)

    response = client.post(url, data)

    assert "1 value of this measure would not fit (Nov 2026: 2.1)" in response.content.decode()
    measure.refresh_from_db()
    assert measure.unit == Unit.DAYS


def test_a_period_before_2000_is_a_problem():
    """QA round 7: 1999-01 for a measure begun in 2025 was charted next to Dec 2025."""
    assert figures.value_problems("count", dt.date(1999, 1, 1), Decimal(3), TODAY) == [
        "1999-01 is before 2000: check the year."
    ]


def test_this_months_value_is_added_but_not_the_latest_until_the_month_is_over(client, world):
    """QA round 7: the scorecard page showed December's 90% (Amber) while the board pack as at the same
    day showed November's 96.5% (Green); the form said nothing of it."""
    measure = MeasureFactory(
        partnership=world.partnership, name="Screenings within 24 hours", unit=Unit.PERCENTAGE
    )
    ValueFactory(measure=measure, period=dt.date(2026, 11, 1), number=Decimal("96.5"),
                 entered_at=dt.datetime(2026, 12, 2, 9, tzinfo=dt.UTC))  # fmt: skip
    client.force_login(world.manager)
    with time_machine.travel(NOW, tick=False):
        added = client.post(
            reverse("scorecard:add_value", args=[measure.pk]),
            {"period": "2026-12", "number": "90", "source": "QA"},
            follow=True,
        ).content.decode()
        page = client.get(reverse("scorecard:index")).content.decode()
    assert "Its period is not over yet: it shows as the latest value" in added
    row = page[page.index("Screenings within 24 hours") :][:1500]
    assert "96.5" in row and "90%" not in row and "Dec 2026" not in row


def test_a_percentage_written_as_a_fraction_is_refused_in_an_upload_and_one_with_its_sign_is_kept(
    client, world
):
    """QA round 11: 0.87 in a CSV (which has no formats), or in a cell typed over without its % format,
    was saved as 0.87% and turned a month Red."""
    measure = MeasureFactory(partnership=world.partnership, unit=Unit.PERCENTAGE)
    response = upload_csv(client, world, measure, b"period,value\n2026-10,88\n2026-11,0.87\n")
    assert "0.87 looks like 87% written as a fraction: write 87 (or 87%)" in response.content.decode()
    assert not Value.objects.filter(measure=measure).exists()

    upload_csv(client, world, measure, b"period,value\n2026-11,0.87%\n")
    assert Value.objects.get(measure=measure).number == Decimal("0.87")
    assert figures.fraction_problems("count", "0.5", Decimal("0.5")) == []
