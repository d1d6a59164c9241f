"""Uploading values from CSV and XLSX: every row checked first, an error per bad row, all or nothing."""

import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from scorecard import entry
from scorecard.models import Source, Value
from scorecard.tests.factories import MeasureFactory, area_and_risk


@pytest.fixture
def drmm(world):
    return MeasureFactory(
        partnership=world.partnership,
        name="Children graded for CCE in the DRMM",
        dimensions=area_and_risk(world.partnership),
    )


def csv_file(text: str, name: str = "april.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def xlsx_file(rows: list[list[object]], name: str = "april.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


GOOD_CSV = "period,area,risk,value\n2020-04,City,High,2\n2020-04,city,MED,6\nApr 2020,County,High,1\n"
BAD_CSV = (
    "period,area,risk,value\n"
    "2020-04,City,High,2\n"  # row 2 fine
    "2020-13,City,Med,6\n"  # row 3 bad month
    "2020-04,Leicester,Low,1\n"  # row 4 unknown area
    "2020-04,County,High,lots\n"  # row 5 not a number
    "2020-04,County,,3\n"  # row 6 missing risk
    "2020-04,City,High,4\n"  # row 7 repeats row 2
)


def upload(client, user, measure, file, source=""):
    client.force_login(user)
    return client.post(reverse("scorecard:upload", args=[measure.pk]), {"file": file, "source": source})


def test_a_good_csv_saves_every_row_with_the_file_as_its_source(client, world, drmm):
    response = upload(client, world.manager, drmm, csv_file(GOOD_CSV))
    assert response.status_code == 302
    values = Value.objects.filter(measure=drmm)
    assert values.count() == 3
    assert {v.dimensions["risk"] for v in values} == {"High", "Med"}  # "MED" read as the allowed "Med"
    assert {v.source.name for v in values} == {"april.csv"}
    assert all(v.entered_by == world.manager for v in values)


def test_a_csv_with_bad_rows_saves_nothing_and_names_each_bad_row_and_its_problem(client, world, drmm):
    response = upload(client, world.manager, drmm, csv_file(BAD_CSV))
    assert response.status_code == 200
    assert Value.objects.count() == 0
    assert Source.objects.count() == 0
    errors = {e.row: e.message for e in response.context["row_errors"]}
    assert set(errors) == {3, 4, 5, 6, 7}
    assert "“2020-13” is not a period" in errors[3]
    assert "“Leicester” is not an allowed area (use City, County, Rutland)" in errors[4]
    assert "“lots” is not a number" in errors[5]
    assert "The risk level is missing" in errors[6]
    assert "repeats row 2" in errors[7]
    page = response.content.decode()
    assert "Row 4" in page and "nothing was saved" in page


def test_a_good_xlsx_with_date_cells_and_a_source_column_saves(client, world, drmm):
    import datetime as dt

    rows = [
        ["Period", "Area", "Risk", "Value", "Source"],
        [dt.datetime(2020, 4, 1), "City", "High", 2, "DRMM log"],
        [dt.datetime(2020, 4, 1), "City", "High", 3, "Appendix 3"],
    ]
    response = upload(client, world.admin, drmm, xlsx_file(rows))
    assert response.status_code == 302
    assert sorted(Value.objects.values_list("source__name", "number")) == [("Appendix 3", 3), ("DRMM log", 2)]


def test_an_xlsx_with_one_bad_row_saves_none_of_the_good_rows(client, world, drmm):
    rows = [
        ["period", "area", "risk", "value"],
        ["2020-04", "City", "High", 2],
        ["2020-04", "City", "Extreme", 1],
    ]
    response = upload(client, world.manager, drmm, xlsx_file(rows))
    assert [str(e) for e in response.context["row_errors"]] == [
        "Row 3: “Extreme” is not an allowed risk level (use High, Med, Low)."
    ]
    assert Value.objects.count() == 0


def test_a_header_without_a_dimension_column_is_one_clear_error(world, drmm):
    rows = entry.read_rows(io.BytesIO(b"period,area,value\n2020-04,City,3\n"), "x.csv")
    clean, errors = entry.validate_rows(drmm, rows, "x.csv")
    assert clean == []
    assert [str(e) for e in errors] == ["Row 1: The header (row 1) has no column for risk."]


def test_a_file_that_is_not_csv_or_xlsx_is_refused(client, world, drmm):
    response = upload(client, world.manager, drmm, SimpleUploadedFile("plan.docx", b"PK"))
    assert response.status_code == 200
    assert "must be a CSV" in response.content.decode()
    assert Value.objects.count() == 0


def test_a_failure_while_saving_leaves_nothing_saved(world, drmm, monkeypatch):
    rows = entry.read_rows(io.BytesIO(GOOD_CSV.encode()), "x.csv")
    clean, errors = entry.validate_rows(drmm, rows, "x.csv")
    assert errors == [] and len(clean) == 3
    calls = []
    real = entry.save_value

    def fail_on_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(entry, "save_value", fail_on_third)
    with pytest.raises(RuntimeError):
        entry.save_rows(drmm, clean, world.manager)
    assert Value.objects.count() == 0


def test_a_quarterly_measure_refuses_a_month_inside_a_quarter(world):
    measure = MeasureFactory(partnership=world.partnership, frequency="quarterly")
    rows = entry.read_rows(io.BytesIO(b"period,value\n2020-05,3\n2020-07,4\n"), "q.csv")
    clean, errors = entry.validate_rows(measure, rows, "q.csv")
    assert [e.row for e in errors] == [2]
    assert "not the first month of a quarter" in errors[0].message
    assert len(clean) == 1


def test_an_exported_file_uploads_again_unchanged(client, world, drmm):
    upload(client, world.manager, drmm, csv_file(GOOD_CSV))
    exported = client.get(reverse("scorecard:export_xlsx", args=[drmm.pk])).content
    before = sorted(Value.objects.values_list("period", "dimensions_key", "number", "source__name"))
    response = upload(client, world.manager, drmm, SimpleUploadedFile("export.xlsx", exported))
    assert response.status_code == 302
    assert sorted(Value.objects.values_list("period", "dimensions_key", "number", "source__name")) == before
    # and says so (QA round 11: 'N values saved' when nothing was written)
    told = [str(m) for m in get_messages(response.wsgi_request)]
    assert told and told[-1].startswith("Nothing changed: the ") and "already recorded" in told[-1]


def test_an_upload_says_how_many_values_are_new_changed_or_already_recorded():
    from collections import Counter

    assert entry.saved_message(Counter(created=4, changed=1, same=2)) == (
        "Saved: 4 new values, 1 value changed, 2 already recorded as the file gives them."
    )
    assert (
        entry.saved_message(Counter(same=1))
        == "Nothing changed: the 1 value in the file was already recorded."
    )


def test_a_workbook_that_unpacks_far_beyond_a_table_of_values_is_refused_before_it_is_opened(monkeypatch):
    """A row bomb: a small .xlsx of millions of rows held a worker for minutes and 0.9 GB."""
    monkeypatch.setattr(entry, "MAX_UNPACKED", 50_000)
    rows = [["period", "value"]] + [["2025-01", 1]] * 5_000
    with pytest.raises(entry.UploadError, match="zip bomb"):
        entry.read_rows(io.BytesIO(xlsx_file(rows).read()), "bomb.xlsx")


def test_reading_a_workbook_stops_once_it_has_more_rows_than_the_limit(monkeypatch):
    monkeypatch.setattr(entry, "MAX_ROWS", 10)
    seen = []
    real = entry._xlsx_rows

    def counted(data):
        grid = real(data)
        seen.append(len(grid))
        return grid

    monkeypatch.setattr(entry, "_xlsx_rows", counted)
    rows = [[None], ["period", "value"]] + [["2025-01", 1]] * 100
    with pytest.raises(entry.UploadError, match="more than 10 rows"):
        entry.read_rows(io.BytesIO(xlsx_file(rows).read()), "many.xlsx")
    assert seen == [12]


def test_a_percentage_cell_of_a_workbook_is_read_as_the_percentage_it_shows():
    """86.6% is stored by Excel as 0.866: read as it is, it was saved 100 times too small."""
    workbook = Workbook()
    workbook.active.append(["period", "value"])
    workbook.active.append(["2025-01", 0.866])
    workbook.active["B2"].number_format = "0.0%"
    buffer = io.BytesIO()
    workbook.save(buffer)
    [row] = entry.read_rows(io.BytesIO(buffer.getvalue()), "screening.xlsx")
    assert float(row["value"]) == pytest.approx(86.6)


def test_a_csv_with_a_cell_too_long_to_read_is_refused_with_a_message_not_an_error(client, world, drmm):
    """Was a 500: Python's CSV reader refuses a cell of over 128 KB."""
    response = upload(
        client,
        world.manager,
        drmm,
        csv_file("period,area,risk,value,source\n2020-04,City,High,2," + "s" * 140_000),
    )
    assert response.status_code == 200
    assert "could not be read as a table of values" in response.content.decode()
    assert Value.objects.count() == 0 and Source.objects.count() == 0


def test_rows_are_numbered_as_the_spreadsheet_shows_them_under_a_title_and_blank_rows(client, world, drmm):
    """QA round 11: with two blank rows above the header, a Totals row on row 11 was reported as
    'Row 9'; a title above the header was taken for the header."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Children graded in the DRMM: April return"])
    sheet.append([])
    sheet.append(["period", "area", "risk", "value"])
    sheet.append(["2020-05", "City", "High", 3])
    sheet.append([])
    sheet.append(["Total", "", "", 3])
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = entry.read_rows(io.BytesIO(buffer.getvalue()), "return.xlsx")
    clean, errors = entry.validate_rows(drmm, rows, "April return")
    assert [c.row for c in clean] == [4]
    assert [e.row for e in errors] == [6] and "“Total” is not a period" in errors[0].message
