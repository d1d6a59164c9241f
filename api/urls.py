"""Routes of the api app: a router of viewsets, the plan exports, the schema and its docs page."""

from __future__ import annotations

from django.apps import apps
from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.routers import APIRootView, DefaultRouter

from api import docs, filters, views

app_name = "api"


class APIRoot(APIRootView):
    """The API's endpoints (JSON only, like the viewsets)."""

    renderer_classes = [JSONRenderer]


router = DefaultRouter()
router.APIRootView = APIRoot
router.register("plans", views.PlanViewSet, basename="plan")
router.register("sections", views.SectionViewSet, basename="section")
router.register("actions", views.ActionViewSet, basename="action")
router.register("updates", views.ProgressUpdateViewSet, basename="update")
router.register("agencies", views.AgencyViewSet, basename="agency")

# Extension point: models other apps add (measures, boards) as (prefix, viewset). A model whose
# manager has `for_user` gets a read-only endpoint from `views.read_only_viewset(Model)`;
# write a full viewset in views.py when it needs writes.
EXTRA_ROUTES: list[tuple[str, type]] = [
    (
        "measures",
        views.read_only_viewset(
            apps.get_model("scorecard", "Measure"),
            ["id", "partnership", "name", "description", "unit", "polarity", "target", "green_from",
             "amber_from", "frequency", "owner", "dimensions", "actions", "order", "created"],
            filter_function=filters.filter_measures,
            parameters=filters.MEASURE_PARAMETERS,
            extra={"dimension_keys": serializers.SlugRelatedField(
                source="dimensions", many=True, read_only=True, slug_field="key"
            )},
            prefetched=("dimensions", "actions"),
            description="A measure of the partnership's scorecard: what is counted, its target and RAG "
            "thresholds, how often it is reported and the actions it tracks.",
        ),
    ),
    (
        "measure-values",
        views.read_only_viewset(
            apps.get_model("scorecard", "Value"),
            ["id", "measure", "period", "dimensions", "number", "source", "entered_at"],
            filter_function=filters.filter_measure_values,
            parameters=filters.MEASURE_VALUE_PARAMETERS,
            extra={"source_name": serializers.CharField(source="source.name", read_only=True)},
            related=("source",),
            description="One value of a measure for a period (and its dimension values, an area say), "
            "with the source it came from.",
        ),
    ),
]  # fmt: skip
for prefix, viewset in EXTRA_ROUTES:
    router.register(prefix, viewset, basename=prefix.removesuffix("s"))

urlpatterns = [
    path("plans/<int:pk>/export.csv", views.PlanExportCSV.as_view(), name="plan_export_csv"),
    path("plans/<int:pk>/export.json", views.PlanExportJSON.as_view(), name="plan_export_json"),
    path("schema/", SpectacularAPIView.as_view(permission_classes=[IsAuthenticated]), name="schema"),
    path("docs/", docs.ApiDocsView.as_view(), name="docs"),
    path("token/", docs.ApiTokenView.as_view(), name="token"),
    path("token/revoke/", docs.RevokeApiTokenView.as_view(), name="revoke_token"),
    *router.urls,
]
