"""Measures the partnership tracks, broken down by dimensions, with values from named sources.

A value is one number for one measure, period and combination of dimension values, as one
source (a report, a document, a person's entry) states it. Two sources may state the same cell
differently; both values are kept so reconciliation can show the disagreement, and pages show
the most recently entered one (see `figures.current_cells`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from plans.models import Action, Partnership, PartnershipScopedQuerySet, Person
from scorecard import figures


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENTAGE = "percentage", "Percentage"
    DAYS = "days", "Days"
    NUMBER = "number", "Number (a rate, an average or a change)"


class Polarity(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"


class DimensionQuerySet(PartnershipScopedQuerySet):
    partnership_path = "partnership"


class Dimension(models.Model):
    """Something a measure is broken down by: area, risk level, age group…"""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="dimensions")
    key = models.SlugField(max_length=40, help_text="The column name in uploads and tables: area, risk …")
    name = models.CharField(max_length=100, help_text="As users say it: Area, Risk level …")
    allowed_values = models.JSONField(
        default=list, blank=True, help_text="The values in display order; empty allows any value."
    )

    objects = DimensionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "name"]
        constraints = [models.UniqueConstraint(fields=["partnership", "key"], name="dimension_unique_key")]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def key_for(name: str) -> str:
        """The key a dimension named `name` gets ("Age group" → "age-group"); empty when the name
        has no letter or digit of the Latin alphabet, which a column name in uploads needs."""
        return slugify(name)[:40]

    def canonical(self, raw: str) -> str | None:
        """The allowed value matching `raw` ignoring case and spaces, or None when not allowed."""
        text = " ".join(str(raw).split())
        if not self.allowed_values:
            return text or None
        for allowed in self.allowed_values:
            if allowed.casefold() == text.casefold():
                return allowed
        return None


class MeasureQuerySet(PartnershipScopedQuerySet):
    partnership_path = "partnership"


class Measure(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="measures")
    name = models.CharField(max_length=300)
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other names documents use for this measure (table titles)."
    )
    description = models.TextField(blank=True)
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.COUNT)
    polarity = models.CharField(max_length=10, choices=Polarity.choices, default=Polarity.HIGHER)
    target = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    green_from = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Green at or better than this (the target when blank).",
    )
    amber_from = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Amber at or better than this, red beyond it (no amber band when blank).",
    )
    frequency = models.CharField(max_length=20, choices=Frequency.choices, default=Frequency.MONTHLY)
    owner = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="measures"
    )
    dimensions = models.ManyToManyField(Dimension, blank=True, related_name="measures")
    actions = models.ManyToManyField(
        Action, blank=True, related_name="measures", help_text="Actions whose impact this measure shows."
    )
    order = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    objects = MeasureQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[dimensions, actions])

    class Meta:
        ordering = ["partnership", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="measure_unique_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("scorecard:measure", args=[self.pk])

    def clean(self) -> None:
        try:
            figures.check_thresholds(self.thresholds())
        except ValueError as error:
            raise ValidationError({"amber_from": str(error)}) from error

    def thresholds(self) -> figures.Thresholds:
        return figures.Thresholds(
            polarity=self.polarity, target=self.target, green_from=self.green_from, amber_from=self.amber_from
        )

    def rag(self, number: Decimal | None) -> figures.Rag:
        return figures.rag_for(number, self.thresholds())

    def period_start(self, day: dt.date) -> dt.date:
        return figures.period_start(day, self.frequency)

    def dimension_list(self) -> list[Dimension]:
        """Dimensions in a stable order (prefetch-friendly)."""
        return sorted(self.dimensions.all(), key=lambda d: d.key)


class SourceQuerySet(PartnershipScopedQuerySet):
    partnership_path = "partnership"


class Source(models.Model):
    """Where values come from: a report, an imported document's table, or entry by hand."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="measure_sources")
    name = models.CharField(max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = SourceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "name"]
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="source_unique_name")]

    def __str__(self) -> str:
        return self.name


class ValueQuerySet(PartnershipScopedQuerySet):
    partnership_path = "measure__partnership"


class Value(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="values")
    period = models.DateField(help_text="First day of the month or quarter.")
    # {"area": "City", "risk": "High"}; {} for the measure as a whole. The key below is the same
    # dict as a sorted string so uniqueness and grouping need no JSON queries (SQLite and PostgreSQL).
    dimensions = models.JSONField(default=dict, blank=True)
    dimensions_key = models.CharField(max_length=500, blank=True, editable=False)
    number = models.DecimalField(max_digits=14, decimal_places=2)
    # RESTRICT, not PROTECT: a source cannot be deleted while values cite it, but deleting the
    # partnership (load_demo --replace) removes both together.
    source = models.ForeignKey(Source, on_delete=models.RESTRICT, related_name="values")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(default=timezone.now)

    objects = ValueQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "period", "dimensions_key", "entered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "period", "dimensions_key", "source"], name="value_one_per_cell_and_source"
            )
        ]
        indexes = [models.Index(fields=["measure", "period"])]

    def __str__(self) -> str:
        return f"{self.measure}: {self.period:%Y-%m} {self.dimensions_key or 'all'} = {self.number}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.dimensions_key = figures.dimensions_key(self.dimensions)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def cell(self) -> figures.Cell:
        return figures.Cell(
            period=self.period,
            dimensions=dict(self.dimensions),
            number=self.number,
            source=self.source.name,
            entered_at=self.entered_at,
        )
