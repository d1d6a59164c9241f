"""The demo scorecard, and the summary the board report's scorecard section reads."""

import datetime as dt
import random
from decimal import Decimal

import time_machine

from scorecard.demo import extend_demo
from scorecard.figures import Rag
from scorecard.models import Measure, Value
from scorecard.services import findings_for, scorecard_summary
from scorecard.tests.factories import MeasureFactory, SourceFactory, ValueFactory


def test_the_demo_adds_measures_with_a_year_of_values_and_one_disagreement_to_reconcile(world):
    extend_demo(world.partnership, [world.plan], random.Random(1))
    names = list(Measure.objects.filter(partnership=world.partnership).values_list("name", flat=True))
    assert (
        "Children graded for CCE in the DRMM" in names and "Screening tools reviewed within 24 hours" in names
    )
    graded = Measure.objects.get(name="Children graded for CCE in the DRMM")
    assert Value.objects.filter(measure=graded).values("period").distinct().count() == 12
    findings = findings_for(graded)
    assert findings and all(len(f.values) == 2 for f in findings)
    screening = Measure.objects.get(name="Screening tools reviewed within 24 hours")
    assert (screening.target, screening.amber_from) == (95, 80)
    assert screening.history.exists() and Value.history.exists()


def test_running_the_demo_twice_does_not_duplicate_values(world):
    extend_demo(world.partnership, [world.plan], random.Random(1))
    count = Value.objects.count()
    extend_demo(world.partnership, [world.plan], random.Random(1))
    assert Value.objects.count() == count


def test_the_summary_gives_the_latest_value_known_on_the_date_with_target_rag_and_trend(world):
    """As at a date: periods over by then and entered by then (what the board could have seen)."""
    measure = MeasureFactory(
        partnership=world.partnership, unit="percentage", target=Decimal(95), amber_from=Decimal(80)
    )
    source = SourceFactory(partnership=world.partnership)
    for month, number in ((1, 70), (2, 85), (3, 96)):
        # each month's figure entered on the 3rd of the next
        entered = dt.datetime(2023, month + 1, 3, 10, tzinfo=dt.UTC)
        ValueFactory(
            measure=measure,
            period=dt.date(2023, month, 1),
            number=Decimal(number),
            source=source,
            entered_at=entered,
        )
    [summary] = scorecard_summary(world.partnership, as_at=dt.date(2023, 3, 5))
    assert (summary.period, summary.value, summary.target, summary.rag) == (
        dt.date(2023, 2, 1),
        85,
        95,
        Rag.AMBER,
    )
    assert [n for _, n in summary.trend] == [70, 85]
    # February was over on 1 March but not yet entered; March not over on 20 March.
    assert scorecard_summary(world.partnership, as_at=dt.date(2023, 3, 1))[0].value == 70
    assert scorecard_summary(world.partnership, as_at=dt.date(2023, 3, 20))[0].value == 85
    assert scorecard_summary(world.partnership, as_at=dt.date(2023, 4, 10))[0].rag is Rag.GREEN
    assert scorecard_summary(world.partnership, as_at=dt.date(2022, 12, 31))[0].rag is Rag.NO_VALUE


def test_a_report_as_at_a_past_date_uses_the_target_as_it_stood_then(world):
    with time_machine.travel(dt.datetime(2023, 1, 1, 9, tzinfo=dt.UTC), tick=False):
        measure = MeasureFactory(partnership=world.partnership, unit="percentage", target=Decimal(80))
        ValueFactory(measure=measure, period=dt.date(2022, 12, 1), number=Decimal(85))
    with time_machine.travel(dt.datetime(2023, 6, 1, 9, tzinfo=dt.UTC), tick=False):
        measure.target = Decimal(95)
        measure.save()
    then = scorecard_summary(world.partnership, as_at=dt.date(2023, 2, 1))[0]
    now = scorecard_summary(world.partnership)[0]
    assert (then.target, then.rag, now.target, now.rag) == (80, Rag.GREEN, 95, Rag.RED)


def _screening(world, created: dt.datetime) -> Measure:
    """93.6% in October 2022 against a target of 95, amber from 80: Amber."""
    with time_machine.travel(created, tick=False):
        measure = MeasureFactory(
            partnership=world.partnership,
            name="Screening tools reviewed within 24 hours",
            unit="percentage",
            target=Decimal(95),
            amber_from=Decimal(80),
        )
    ValueFactory(
        measure=measure,
        period=dt.date(2022, 10, 1),
        number=Decimal("93.6"),
        entered_at=dt.datetime(2022, 11, 2, tzinfo=dt.UTC),
    )
    return measure


def test_a_green_boundary_set_since_a_past_date_does_not_turn_its_amber_figure_green(world):
    """QA round 9: setting "Green from 90" turned the 19 November pack's Amber into Green."""
    measure = _screening(world, dt.datetime(2022, 9, 1, 9, tzinfo=dt.UTC))
    with time_machine.travel(dt.datetime(2022, 12, 1, 9, tzinfo=dt.UTC), tick=False):
        measure.green_from = Decimal(90)
        measure.save()
    [then] = scorecard_summary(world.partnership, as_at=dt.date(2022, 11, 19))
    [now] = scorecard_summary(world.partnership)
    assert (then.rag, then.thresholds.green_from) == (Rag.AMBER, None)
    assert (now.rag, now.thresholds.green_from) == (Rag.GREEN, 90)


def test_a_measure_created_after_the_date_is_rated_as_it_was_created_not_as_changed_since(world):
    """The demo's measures are created the day it is loaded, with figures entered months before:
    a pack for last month's meeting rates them by what they were created with (the nearest the
    history knows), not by a boundary set since."""
    measure = _screening(world, dt.datetime(2022, 12, 1, 9, tzinfo=dt.UTC))
    with time_machine.travel(dt.datetime(2022, 12, 2, 9, tzinfo=dt.UTC), tick=False):
        measure.green_from = Decimal(90)
        measure.save()
    [then] = scorecard_summary(world.partnership, as_at=dt.date(2022, 11, 19))
    assert (then.value, then.rag) == (Decimal("93.6"), Rag.AMBER)
    assert then.thresholds.green_from is None


def test_a_measure_without_history_is_rated_by_its_thresholds_as_they_are(world):
    measure = _screening(world, dt.datetime(2022, 12, 1, 9, tzinfo=dt.UTC))
    measure.history.all().delete()  # rows written in bulk, before history was kept
    Measure.objects.filter(pk=measure.pk).update(green_from=Decimal(90))
    [then] = scorecard_summary(world.partnership, as_at=dt.date(2022, 11, 19))
    assert (then.rag, then.thresholds.green_from) == (Rag.GREEN, 90)


def test_a_past_summary_reads_the_thresholds_of_every_measure_in_the_same_queries(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            scorecard_summary(world.partnership, as_at=dt.date(2022, 11, 19))
        return len(captured.captured_queries)

    _screening(world, dt.datetime(2022, 9, 1, 9, tzinfo=dt.UTC))
    one = queries()
    for n in range(3):
        MeasureFactory(partnership=world.partnership, target=Decimal(n)).save()
    assert queries() == one


def test_the_summary_only_covers_the_partnership_asked_for(world):
    MeasureFactory(partnership=world.other_plan.partnership)
    assert scorecard_summary(world.partnership) == []


def test_deleting_the_partnership_removes_its_scorecard_but_a_cited_source_cannot_be_deleted(world):
    import pytest
    from django.db.models import RestrictedError

    extend_demo(world.partnership, [world.plan], random.Random(1))
    with pytest.raises(RestrictedError):
        Value.objects.first().source.delete()
    world.partnership.delete()
    assert not Value.objects.exists() and not Measure.objects.exists()


def test_the_demos_figures_were_entered_after_their_months_so_a_past_report_shows_them(world):
    """QA round 7: every figure was entered on the day the demo was loaded, so a board report as at
    last month's meeting showed the whole scorecard as 'No value yet'."""
    import datetime as dt

    from django.utils import timezone

    from scorecard.services import scorecard_summary

    extend_demo(world.partnership, [world.plan], random.Random(1))
    month_ago = timezone.localdate() - dt.timedelta(days=45)
    assert all(s.value is not None for s in scorecard_summary(world.partnership, month_ago))
