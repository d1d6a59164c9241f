"""The demo scorecard, and the summary the board report's scorecard section reads."""

import datetime as dt
import random
from decimal import Decimal

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


def test_the_summary_gives_the_latest_value_on_or_before_the_date_with_target_rag_and_trend(world):
    measure = MeasureFactory(
        partnership=world.partnership, unit="percentage", target=Decimal(95), amber_from=Decimal(80)
    )
    source = SourceFactory(partnership=world.partnership)
    for month, number in ((1, 70), (2, 85), (3, 96)):
        ValueFactory(measure=measure, period=dt.date(2023, month, 1), number=Decimal(number), source=source)
    [summary] = scorecard_summary(world.partnership, as_at=dt.date(2023, 2, 28))
    assert (summary.period, summary.value, summary.target, summary.rag) == (
        dt.date(2023, 2, 1),
        85,
        95,
        Rag.AMBER,
    )
    assert [n for _, n in summary.trend] == [70, 85]
    assert scorecard_summary(world.partnership, as_at=dt.date(2023, 3, 31))[0].rag is Rag.GREEN
    assert scorecard_summary(world.partnership, as_at=dt.date(2022, 12, 31))[0].rag is Rag.NONE


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
