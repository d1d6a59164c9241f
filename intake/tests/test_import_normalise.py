"""Due dates, statuses and owners are normalised as the plans' readers would."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.importer.normalise import (
    clean_text,
    completion_in_text,
    is_undated_ok,
    parse_due,
    parse_rag,
    split_at_dates,
)
from intake.importer.owners import split_owner

from .conftest import needs_shared, seed_path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October 2020", dt.date(2020, 10, 31)),
        ("End of June 2020", dt.date(2020, 6, 30)),
        ("30/09/2014", dt.date(2014, 9, 30)),
        ("13 July 2023", dt.date(2023, 7, 13)),
        ("Sept 14", dt.date(2014, 9, 30)),
        ("Jun-15", dt.date(2015, 6, 30)),
    ],
)
def test_month_or_day_becomes_the_last_day_it_names(text: str, expected: dt.date) -> None:
    assert parse_due(text) == expected


def test_quarter_of_financial_year_becomes_last_day_of_quarter() -> None:
    assert parse_due("Q2 2020/21") == dt.date(2020, 9, 30)
    assert parse_due("Q4 2020/21") == dt.date(2021, 3, 31)
    assert parse_due("Business case approved Q1 and Q2 2020/21") == dt.date(2020, 9, 30)


def test_a_month_written_before_its_day_is_not_read_as_a_year() -> None:
    assert parse_due("March 31, 2024") == dt.date(2024, 3, 31)
    assert parse_due("June 30th 2024") == dt.date(2024, 6, 30)
    assert split_at_dates("March 31, 2024") == ["March 31, 2024"]


def test_quarter_of_a_financial_year_written_with_two_digit_years() -> None:
    assert parse_due("Q4 23/24") == dt.date(2024, 3, 31)
    assert parse_due("Q1 24/25") == dt.date(2024, 6, 30)


def test_the_end_of_a_named_financial_year_is_the_31st_of_march() -> None:
    assert parse_due("End of financial year 2023/24") == dt.date(2024, 3, 31)
    assert parse_due("FY 2023/24") == dt.date(2024, 3, 31)
    # a financial year alone in a due cell: by its end (in a sentence it may name a plan instead)
    assert parse_due("2023/24") == dt.date(2024, 3, 31)
    assert parse_due("2023-2024") == dt.date(2024, 3, 31)
    assert parse_due("Include within Locality PiP 2020/2021") is None


@pytest.mark.parametrize(
    "text", ["Immediate and ongoing", "Ongoing – quarterly", "Quarterly", "Complete", "In place"]
)
def test_recurring_or_done_due_texts_need_no_date(text: str) -> None:
    assert is_undated_ok(text)


def test_a_season_with_a_year_still_asks_for_a_date() -> None:
    assert not is_undated_ok("Autumn 2019")


def test_digits_broken_by_the_extraction_are_joined() -> None:
    assert parse_due("September 202 0") == dt.date(2020, 9, 30)


def test_several_dates_give_the_latest() -> None:
    assert parse_due("30/09/2014 31/12/14") == dt.date(2014, 12, 31)
    assert parse_due("first stage 23 December 2022, full review 3 February 2023") == dt.date(2023, 2, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Autumn/Winter 2020",
        "To be determined",
        "Include within Locality PiP 2020/2021",
        "Q2 review as planned",
    ],
)
def test_no_date_is_invented(text: str) -> None:
    assert parse_due(text) is None


def test_superscript_ordinals_are_rejoined() -> None:
    assert clean_text("launched on 3\nrd\n June 2020") == "launched on 3rd June 2020"
    assert parse_due("launched on 3\nrd\n June 2020") == dt.date(2020, 6, 3)


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("R", "red"),
        ("Amber", "amber"),
        ("<b>G</b>", "green"),
        ("Action complete", "complete"),
        ("Action Completed", "complete"),
        ("Blue", "complete"),
        ("", None),
    ],
)
def test_status_words_map_to_the_scheme(cell: str, status: str | None) -> None:
    assert parse_rag(cell)[0] == status


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("On track", "green"),
        ("On target", "green"),
        ("Some slippage", "amber"),
        ("Delayed (staffing)", "amber"),
        ("Off track", "red"),
        ("Not on target", "red"),
        ("BRAG blue", "complete"),
        ("RAG: Green", "green"),
        ("On track – training booked", "green"),
    ],
)
def test_status_written_in_words_maps_to_its_usual_colour(cell: str, status: str) -> None:
    assert parse_rag(cell) == (status, True)


def test_status_words_whose_colour_depends_on_the_plan_stay_unknown() -> None:
    assert parse_rag("In progress") == (None, False)
    assert parse_rag("Not started") == (None, False)


def test_unknown_status_word_is_reported_as_unknown() -> None:
    assert parse_rag("see action 5b") == (None, False)


def test_complete_in_due_text_means_done_but_to_be_completed_does_not() -> None:
    assert completion_in_text("May 2020 - complete")
    assert not completion_in_text("Audit has commenced to be completed by July")


def test_owner_is_split_into_agency_person_and_job_title() -> None:
    (part,) = split_owner("ESCC – Vicky Finnemore, Head of Specialist Services")
    assert (part.agency, part.person, part.job_title) == (
        "ESCC",
        "Vicky Finnemore",
        "Head of Specialist Services",
    )


def test_owner_in_brackets_after_the_agency_is_split() -> None:
    (part,) = split_owner("Leicester City Council (Maryanne Dubil)")
    assert part.agency == "Leicester City Council" and part.person == "Maryanne Dubil"


def test_comparisons_and_placeholders_in_a_plans_words_are_kept_while_markup_goes() -> None:
    assert clean_text("Ensure children aged <5 and >10 are seen (target <24h)") == (
        "Ensure children aged <5 and >10 are seen (target <24h)"
    )
    assert clean_text("Use the <Child's name> template") == "Use the <Child's name> template"
    assert (
        clean_text('<p>Audit <b>20</b> cases</p><br/><span style="color:red">Red</span>')
        == "Audit 20 cases Red"
    )


def test_a_csv_action_comparing_ages_imports_with_its_words_whole() -> None:
    from intake.importer.api import import_document

    data = (
        "Ref,Action,Lead,Due,RAG\n"
        "1.1,Ensure children aged <5 and >10 are seen within 24 hours,Health,March 2026,Amber\n"
        "1.2,Use the <Child's name> template for all plans,Council,April 2026,Green\n"
    )
    draft = import_document(data.encode(), filename="plan.csv")
    assert [a.text for a in draft.actions] == [
        "Ensure children aged <5 and >10 are seen within 24 hours",
        "Use the <Child's name> template for all plans",
    ]


@pytest.mark.parametrize(
    ("definition", "done"),
    [
        ("Delayed or at risk of not being achieved within timescale", False),
        ("On track to be completed by the target date", False),
        ("Not yet complete", False),
        ("Action completed", True),
        ("Outcome achieved and evidenced", True),
        ("Complete", True),
    ],
)
def test_a_key_definition_means_done_only_when_it_says_the_action_is_finished(
    definition: str, done: bool
) -> None:
    """Seed 003's red ('at risk of not being achieved') was read as done: its red actions then
    never counted as overdue once saved."""
    from intake.importer.meta import means_done

    assert means_done(definition) is done


@needs_shared
def test_the_seed_plans_red_is_not_a_done_status() -> None:
    from intake.importer.api import import_document

    draft = import_document(seed_path("003"))
    done = {s.key: s.done for s in draft.rag_scheme}
    assert done == {"red": False, "amber": False, "green": True}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("27-Feb-26", "2026-02-27"),  # Excel's dd-mmm-yy: the day, not the month's end
        ("03-Dec-2025", "2025-12-03"),
        ("1-Sept-25", "2025-09-01"),
        ("2025-11-28T00:00:00Z", "2025-11-28"),  # a datetime as SharePoint exports it
        ("2025-11-28T23:00:00", "2025-11-28"),
    ],
)
def test_dates_as_tools_export_them_keep_their_day(text, day):
    assert str(parse_due(text)) == day


@pytest.mark.parametrize(("word", "rag"), [("Yellow", "amber"), ("Stuck", "red"), ("Working on it", "amber")])
def test_the_status_words_of_tracking_tools_are_read(word, rag):
    assert parse_rag(word)[0] == rag


@pytest.mark.parametrize(
    "lines, joined",
    [
        (["discussed in multi-", "agency meetings"], "discussed in multi-agency meetings"),
        (["mindful of Covid-", "19 priorities"], "mindful of Covid-19 priorities"),
        (["Police -", "DCI Chris Mayle"], "Police - DCI Chris Mayle"),  # a dash between words stays apart
        (["Head of Early Help 0 –", "19"], "Head of Early Help 0 – 19"),
        (["ESCC-", "Vicky Finnemore"], "ESCC- Vicky Finnemore"),  # a name after it: not one word
    ],
)
def test_a_word_broken_by_a_hyphen_at_a_lines_end_is_joined_whole(lines: list[str], joined: str) -> None:
    from intake.importer.normalise import clean_text, join_lines

    assert join_lines(lines) == joined
    assert clean_text("\n".join(lines)) == joined


@needs_shared
def test_seed_000s_words_broken_over_lines_are_read_whole() -> None:
    from intake.importer.api import import_document

    draft = import_document(seed_path("000"))
    due = {a.ref: a.due_text for a in draft.actions}
    assert "Covid-19 priorities" in (due["7.1"] or "")
    section_5 = next(s for s in draft.sections if s.ref == "5")
    assert "multi-agency child exploitation meetings" in (section_5.what_inspectors_found or section_5.title)


@needs_shared
def test_seed_000s_milestone_running_over_lines_and_its_superscript_day_stay_in_the_due_cell() -> None:
    from intake.importer.api import import_document

    draft = import_document(seed_path("000"))
    action = next(a for a in draft.actions if a.ref == "5.1")
    assert action.due_text == "Countywide MACE Hub Pilot to be launched on 20th April 2020"
    assert action.due == dt.date(2020, 4, 20)
    assert action.owner == "ESCC - Vicky Finnemore, Head of Specialist Services Police - DCI Chris Mayle"


def test_a_bare_day_over_its_superscript_is_no_page_number() -> None:
    from intake.importer.textlayout import _day_before_superscript

    assert _day_before_superscript(["be launched on", "20", "", "th", " April 2020"], 1)
    assert not _day_before_superscript(["end of the page", "20", "", "Next page"], 1)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Decemb er 2024", dt.date(2024, 12, 31)),
        ("Sept ember 2025", dt.date(2025, 9, 30)),
        ("Mar ch 2025", dt.date(2025, 3, 31)),
        ("Mar and Apr 2025", dt.date(2025, 4, 30)),  # two months, not one broken
    ],
)
def test_a_month_broken_mid_word_by_a_narrow_column_is_still_read(text: str, expected: dt.date) -> None:
    assert parse_due(text) == expected
