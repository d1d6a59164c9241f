"""RAG of a value against its target and amber boundary, for each polarity."""

from decimal import Decimal

import pytest

from scorecard.figures import LOWER, Rag, Thresholds, check_thresholds, rag_for

SCREENING = Thresholds(polarity="higher", target=Decimal(95), amber_from=Decimal(80))  # seed 003
WAITING_DAYS = Thresholds(polarity=LOWER, target=Decimal(10), amber_from=Decimal(20))


@pytest.mark.parametrize(
    ("number", "expected"),
    [(100, Rag.GREEN), (95, Rag.GREEN), (94.9, Rag.AMBER), (80, Rag.AMBER), (79.9, Rag.RED), (77, Rag.RED)],
)
def test_higher_is_better_is_green_at_target_amber_to_the_boundary_and_red_below(number, expected):
    assert rag_for(number, SCREENING) is expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [(0, Rag.GREEN), (10, Rag.GREEN), (10.5, Rag.AMBER), (20, Rag.AMBER), (21, Rag.RED)],
)
def test_lower_is_better_is_green_at_or_below_target_and_red_above_the_amber_boundary(number, expected):
    assert rag_for(number, WAITING_DAYS) is expected


def test_a_green_boundary_other_than_the_target_wins_over_the_target():
    thresholds = Thresholds(polarity="higher", target=Decimal(100), green_from=Decimal(90))
    assert rag_for(92, thresholds) is Rag.GREEN
    assert rag_for(89, thresholds) is Rag.RED  # no amber band set


def test_without_a_target_or_a_value_there_is_no_rating_and_it_says_so():
    assert rag_for(5, Thresholds()) is Rag.NONE
    assert Rag.NONE.label == "No target"
    # a target but no value known for the period: not "No target"
    assert rag_for(None, SCREENING) is Rag.NO_VALUE
    assert Rag.NO_VALUE.label == "No value yet"
    assert "govuk-tag--rag-amber" in Rag.AMBER.css


def test_an_amber_boundary_better_than_green_is_refused_for_each_polarity():
    with pytest.raises(ValueError, match="above"):
        check_thresholds(Thresholds(polarity="higher", target=Decimal(95), amber_from=Decimal(97)))
    with pytest.raises(ValueError, match="below"):
        check_thresholds(Thresholds(polarity=LOWER, target=Decimal(10), amber_from=Decimal(5)))
    check_thresholds(SCREENING)
    check_thresholds(WAITING_DAYS)


def test_the_thresholds_in_words_say_the_green_boundary_when_it_is_not_the_target():
    """QA round 9: "Green from 90" was shown nowhere, so 93.6% against a target of 95 read Green
    with nothing to explain it."""
    with_green = Thresholds(
        polarity="higher", target=Decimal(95), green_from=Decimal(90), amber_from=Decimal(80)
    )
    assert with_green.describe("%") == "95% (higher is better); green from 90%, amber from 80%, red beyond"
    assert with_green.green_note("%") == "green from 90%"
    assert SCREENING.describe("%") == "95% (higher is better); amber from 80%, red beyond"
    assert SCREENING.green_note("%") == ""
    no_amber = Thresholds(polarity=LOWER, target=Decimal(10), green_from=Decimal("12.5"))
    assert no_amber.describe(" days") == "10 days (lower is better); green from 12.5 days, red beyond"
    assert Thresholds(polarity=LOWER, target=Decimal(10)).describe(" days") == "10 days (lower is better)"
    same = Thresholds(target=Decimal(95), green_from=Decimal(95))
    assert same.green_note("%") == "" and "green" not in same.describe("%")
    assert Thresholds().describe("%") == "No target"
    # a green boundary without a target still rates: said, not hidden behind "No target"
    assert (
        Thresholds(green_from=Decimal(90)).describe("%")
        == "No target (higher is better); green from 90%, red beyond"
    )
