"""Django admin for measures, dimensions, sources and values."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from scorecard import models


@admin.register(models.Dimension)
class DimensionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "key", "partnership"]
    list_filter = ["partnership"]


@admin.register(models.Measure)
class MeasureAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "polarity", "target", "amber_from", "frequency", "partnership"]
    list_filter = ["partnership", "unit", "frequency"]
    search_fields = ["name"]
    filter_horizontal = ["dimensions"]
    raw_id_fields = ["owner", "actions"]


@admin.register(models.Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "partnership", "created_by", "created"]
    list_filter = ["partnership"]


@admin.register(models.Value)
class ValueAdmin(SimpleHistoryAdmin):
    list_display = ["measure", "period", "dimensions_key", "number", "source", "entered_by", "entered_at"]
    list_filter = ["measure__partnership", "measure"]
    raw_id_fields = ["measure", "source", "entered_by"]
