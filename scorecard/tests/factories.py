"""Test data for the scorecard: measures, dimensions, sources and values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from plans.tests.factories import PartnershipFactory
from scorecard import models


class DimensionFactory(DjangoModelFactory):
    class Meta:
        model = models.Dimension
        django_get_or_create = ("partnership", "key")

    partnership = factory.SubFactory(PartnershipFactory)
    key = "area"
    name = "Area"
    allowed_values = factory.LazyFunction(lambda: ["City", "County", "Rutland"])


class MeasureFactory(DjangoModelFactory):
    class Meta:
        model = models.Measure
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Measure {n}")
    unit = models.Unit.COUNT
    polarity = models.Polarity.HIGHER

    @factory.post_generation
    def dimensions(obj: models.Measure, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted:
            obj.dimensions.set(extracted)


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = models.Source
        django_get_or_create = ("partnership", "name")

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Performance report {n}")


class ValueFactory(DjangoModelFactory):
    class Meta:
        model = models.Value

    measure = factory.SubFactory(MeasureFactory)
    period = dt.date(2020, 4, 1)
    dimensions = factory.LazyFunction(dict)
    number = Decimal(1)
    source = factory.SubFactory(SourceFactory, partnership=factory.SelfAttribute("..measure.partnership"))


def area_and_risk(partnership: object) -> list[models.Dimension]:
    return [
        DimensionFactory(
            partnership=partnership, key="area", name="Area", allowed_values=["City", "County", "Rutland"]
        ),
        DimensionFactory(
            partnership=partnership, key="risk", name="Risk level", allowed_values=["High", "Med", "Low"]
        ),
    ]
