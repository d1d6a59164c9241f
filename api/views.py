"""API viewsets over the same querysets as the web pages (`Model.objects.for_user`).

Another partnership's object is not in the queryset, so it is 404; a refused write is 403.
"""

from __future__ import annotations

import csv
import io
from typing import Any, ClassVar

from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views import defaults
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action as extra_action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api import filters
from api.locking import CONFLICT_MESSAGE, changed_fields, save_action_if_unchanged
from api.permissions import PartnershipRules
from api.serializers import (
    ActionSerializer,
    AgencySerializer,
    PlanExportRowSerializer,
    PlanSerializer,
    ProgressUpdateSerializer,
    SectionSerializer,
    WithdrawSerializer,
    attach_owner_ids,
)
from oversight.spreadsheets import csv_safe
from plans import deleting, rules, updates
from plans.models import (
    RESUBMIT_WINDOW,
    Action,
    Agency,
    Plan,
    ProgressUpdate,
    Role,
    Section,
    display_name,
)

CONFLICT_RESPONSE = OpenApiResponse(description=CONFLICT_MESSAGE)


SIGNED_OFF_MESSAGE = "The board has signed off this area: only admins can add to it or move things into it."


def check_may_put_into(user: Any, section: Section | None, current: Section | None = None) -> None:
    """An action or section is put into `section` (created there, or moved from `current`):
    refused (403) when `plans.rules.can_edit_section` refuses that section."""
    if section is not None and section != current and not rules.can_edit_section(user, section):
        raise PermissionDenied(SIGNED_OFF_MESSAGE)


class PartnershipViewSet(viewsets.GenericViewSet):
    """Every queryset starts from `model.objects.for_user(request.user)`."""

    model: ClassVar[type[Model]]
    filter_function: ClassVar[filters.Filter | None] = None
    filter_parameters: ClassVar[
        list[Any]
    ] = []  # the list's query parameters (documented, and the only ones taken)
    permission_classes = [PartnershipRules]
    # JSON only: DRF's browsable API pages use inline styles the service's CSP refuses, and
    # people read the API's documentation on the GOV.UK page at /api/docs/.
    renderer_classes = [JSONRenderer]
    writing_roles: ClassVar[set[str]] = {Role.ADMIN, Role.MANAGER}

    def base_queryset(self) -> QuerySet:
        return self.model.objects.for_user(self.request.user)  # type: ignore[attr-defined]

    def get_queryset(self) -> QuerySet:
        qs = self.base_queryset()
        if self.action == "list":
            filters.refuse_unknown(self.request.query_params, self.filter_parameters)
        if self.action == "list" and self.filter_function is not None:
            qs = type(self).filter_function(qs, self.request.query_params)  # type: ignore[misc]
        return qs


@extend_schema_view(list=extend_schema(parameters=filters.AGENCY_PARAMETERS))
class AgencyViewSet(PartnershipViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """Agencies of your partnerships (read only: admins manage them in the service)."""

    model = Agency
    serializer_class = AgencySerializer
    filter_function = filters.filter_agencies
    filter_parameters = filters.AGENCY_PARAMETERS


@extend_schema_view(list=extend_schema(parameters=filters.PLAN_PARAMETERS))
class PlanViewSet(PartnershipViewSet, viewsets.ModelViewSet):
    """Plans. Plan managers and admins create, edit and delete them (a plan with an area the board
    has signed off, admins only)."""

    model = Plan
    serializer_class = PlanSerializer
    filter_function = filters.filter_plans
    filter_parameters = filters.PLAN_PARAMETERS

    def base_queryset(self) -> QuerySet:
        return super().base_queryset().prefetch_related("rag_statuses")

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        if not rules.can_manage_plans(self.request.user, serializer.validated_data["partnership"]):
            raise PermissionDenied("Only plan managers and admins can create plans.")
        with transaction.atomic():
            plan = serializer.save()
            plan.add_default_rag_scheme()

    def perform_destroy(self, instance: Plan) -> None:
        # As the plan's delete page does: the rule asked again inside the transaction.
        deleting.delete_plan(instance, self.request.user)


@extend_schema_view(list=extend_schema(parameters=filters.SECTION_PARAMETERS))
class SectionViewSet(PartnershipViewSet, viewsets.ModelViewSet):
    """Sections (themes, areas for development, findings) of plans."""

    model = Section
    serializer_class = SectionSerializer
    filter_function = filters.filter_sections
    filter_parameters = filters.SECTION_PARAMETERS

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        if not rules.can_manage_plans(self.request.user, serializer.validated_data["plan"].partnership_id):
            raise PermissionDenied("Only plan managers and admins can add sections.")
        check_may_put_into(self.request.user, serializer.validated_data.get("parent"))
        serializer.save()

    def perform_update(self, serializer: serializers.BaseSerializer) -> None:
        if "parent" in serializer.validated_data:
            check_may_put_into(
                self.request.user, serializer.validated_data["parent"], serializer.instance.parent
            )
        serializer.save()


@extend_schema_view(
    list=extend_schema(parameters=filters.ACTION_PARAMETERS),
    update=extend_schema(responses={200: ActionSerializer, 409: CONFLICT_RESPONSE}),
    partial_update=extend_schema(responses={200: ActionSerializer, 409: CONFLICT_RESPONSE}),
)
class ActionViewSet(PartnershipViewSet, viewsets.ModelViewSet):
    """Actions. Plan managers and admins edit them; send back the `version` you read."""

    model = Action
    serializer_class = ActionSerializer
    filter_function = filters.filter_actions
    filter_parameters = filters.ACTION_PARAMETERS

    def base_queryset(self) -> QuerySet:
        return (
            super()
            .base_queryset()
            .select_related("status", "plan", "section")
            .prefetch_related("owners", "owner_agencies")
        )

    def get_queryset(self) -> QuerySet:
        qs = super().get_queryset()
        if self.action == "list":
            # A list shows related rows by id: only the status is read with the actions, and the
            # owners' ids are attached to the page (paginate_queryset).
            qs = qs.select_related(None).select_related("status").prefetch_related(None)
        return qs

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        actions = list(page if page is not None else queryset)
        attach_owner_ids(actions)
        data = self.get_serializer(actions, many=True).data
        return self.get_paginated_response(data) if page is not None else Response(data)

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        if not rules.can_manage_plans(self.request.user, serializer.validated_data["plan"].partnership_id):
            raise PermissionDenied("Only plan managers and admins can add actions.")
        check_may_put_into(self.request.user, serializer.validated_data.get("section"))
        serializer.validated_data.pop("version", None)
        serializer.save()

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        action: Action = self.get_object()
        serializer = self.get_serializer(action, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        if "section" in fields:
            check_may_put_into(request.user, fields["section"], action.section)
        expected = fields.pop("version")
        if expected == action.version and not changed_fields(action, fields):
            # Nothing to change: the version stays, so other clients' versions stay good.
            return Response(self.get_serializer(action).data)
        if not save_action_if_unchanged(action, fields, expected, user=request.user):
            current = Action.objects.filter(pk=action.pk).values_list("version", flat=True).first()
            return Response(
                {"detail": CONFLICT_MESSAGE, "version": current, "your_version": expected},
                status=status.HTTP_409_CONFLICT,
            )
        return Response(self.get_serializer(self.base_queryset().get(pk=action.pk)).data)


@extend_schema_view(
    list=extend_schema(parameters=filters.UPDATE_PARAMETERS),
    create=extend_schema(
        responses={
            201: OpenApiResponse(ProgressUpdateSerializer, description="Added."),
            200: OpenApiResponse(
                ProgressUpdateSerializer,
                description="The same update (action, date, status and words) sent again by you "
                f"within {RESUBMIT_WINDOW.seconds // 60} minutes, a retry after a timeout say: the "
                "one already saved, not a second.",
            ),
        }
    ),
)
class ProgressUpdateViewSet(
    PartnershipViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin
):
    """Progress updates ("progress and impact"). Adding one sets the action's status.

    Updates are a dated record, so the API adds them but does not edit them; one recorded by
    mistake is withdrawn (POST `/api/updates/{id}/withdraw/` with a reason), as on its page.
    """

    model = ProgressUpdate
    serializer_class = ProgressUpdateSerializer
    filter_function = filters.filter_updates
    filter_parameters = filters.UPDATE_PARAMETERS
    writing_roles: ClassVar[set[str]] = {Role.ADMIN, Role.MANAGER, Role.CONTRIBUTOR}

    def base_queryset(self) -> QuerySet:
        return super().base_queryset().select_related("status", "author").prefetch_related("evidence")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        action: Action = data["action"]
        if not rules.can_add_update(request.user, action):
            raise PermissionDenied(updates.refusal(request.user, action))
        # The page's path: the same update sent again moments later (a client retrying after a
        # timeout) is the one already saved, answered 200 rather than 201.
        update, new, _added = updates.record_update(
            action,
            request.user,
            # the model's default, as before: an update without a date is today's
            date=data.get("date") or timezone.localdate(),
            status=data["status"],
            narrative=data["narrative"],
            next_steps=data.get("next_steps", ""),
        )
        body = self.get_serializer(update).data
        return Response(body, status=status.HTTP_201_CREATED if new else status.HTTP_200_OK)

    @extend_schema(
        request=WithdrawSerializer,
        responses={
            204: OpenApiResponse(description="Withdrawn; the action's status is its latest update left."),
            403: OpenApiResponse(
                description="Only its author or a plan manager (in a signed-off area, admins)."
            ),
            410: OpenApiResponse(description="Withdrawn already: who withdrew it, when and why."),
        },
    )
    @extra_action(detail=True, methods=["post"], serializer_class=WithdrawSerializer)
    def withdraw(self, request: Request, pk: str | None = None, **kwargs: Any) -> Response:
        """Withdraw a progress update recorded by mistake (the wrong action, a year slipped): the
        reason is kept in the action's history with who withdrew it, as on the update's page."""
        # found here rather than by get_object, whose generic refusal would hide the rule's reason
        update = self.base_queryset().filter(pk=pk).first() if pk and pk.isdigit() else None
        if update is None:
            return self._withdrawn_already(pk)
        if not rules.can_withdraw_update(request.user, update):
            raise PermissionDenied(
                "Only the update's author or a plan manager can withdraw it; in a signed-off area, only admins."
            )
        reason = WithdrawSerializer(data=request.data)
        reason.is_valid(raise_exception=True)
        if not updates.withdraw(
            update, reason.validated_data["reason"], reason.validated_data["remove_words"]
        ):
            return self._withdrawn_already(pk)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _withdrawn_already(self, pk: str | None) -> Response:
        gone = updates.withdrawal(self.request.user, int(pk)) if pk and pk.isdigit() else None
        if gone is None:
            raise NotFound()
        record = gone.record
        who = display_name(record.history_user) if record.history_user else "someone"
        how = "withdrawn" if gone.withdrawn else "deleted"
        day = timezone.localtime(record.history_date)
        detail = f"This update was {how} on {day.day} {day:%B %Y} by {who}"
        return Response(
            {"detail": detail + (f": {gone.reason}" if gone.withdrawn else "."), "reason": gone.reason},
            status=status.HTTP_410_GONE,
        )


# --- Exports -------------------------------------------------------------------------------

EXPORT_COLUMNS = [
    ("section", "Section"),
    ("ref", "Ref"),
    ("text", "Action"),
    ("owner", "Owner"),
    ("agency", "Agency"),
    ("due_text", "Due (as written)"),
    ("due_date", "Due date"),
    ("status", "Status"),
    ("last_update_on", "Date of last update"),
    ("latest_progress", "Latest progress"),
]


def export_rows(plan: Plan, user: Any) -> list[dict[str, Any]]:
    """One row per action of the plan, with its section and latest progress update."""
    actions = (
        Action.objects.for_user(user)
        .filter(plan=plan)
        .select_related("section", "status", "lead_agency")
        .prefetch_related("owner_agencies", "updates")
    )
    rows = []
    for action in actions:
        latest = max(action.updates.all(), key=lambda u: (u.date, u.created, u.pk), default=None)
        agencies = [str(action.lead_agency)] if action.lead_agency else []
        agencies += [str(a) for a in action.owner_agencies.all() if a.pk != action.lead_agency_id]
        rows.append(
            {
                "section": str(action.section) if action.section else "",
                "ref": action.ref,
                "text": action.text,
                "owner": action.owner_text,
                "agency": "; ".join(agencies),
                "due_text": action.due_text,
                "due_date": action.due_date,
                "status": action.status.label if action.status else "",
                "last_update_on": action.last_update_on,
                "latest_progress": latest.narrative if latest else "",
            }
        )
    return rows


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out)
        if isinstance(data, dict):  # an error: {"detail": "..."}
            for key, value in data.items():
                writer.writerow([csv_safe(key), csv_safe(value)])
        return out.getvalue().encode("utf-8")


class PlanExportBase(APIView):
    permission_classes = [PartnershipRules]

    def rows(self, pk: int) -> tuple[Plan, list[dict[str, Any]]]:
        from django.shortcuts import get_object_or_404

        plan = get_object_or_404(Plan.objects.for_user(self.request.user), pk=pk)
        return plan, export_rows(plan, self.request.user)


class PlanExportJSON(PlanExportBase):
    """A plan as JSON: one row per action."""

    renderer_classes = [JSONRenderer]

    @extend_schema(responses=PlanExportRowSerializer(many=True), operation_id="plans_export_json")
    def get(self, request: Request, pk: int) -> Response:
        _, rows = self.rows(pk)
        return Response(PlanExportRowSerializer(rows, many=True).data)


class PlanExportCSV(PlanExportBase):
    """A plan as CSV (opens in Excel): one row per action."""

    renderer_classes = [CSVRenderer, JSONRenderer]

    @extend_schema(
        responses={(200, "text/csv"): OpenApiTypes.STR},
        operation_id="plans_export_csv",
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        plan, rows = self.rows(pk)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="plan-{plan.pk}.csv"'
        response.write("\ufeff")  # so Excel reads the file as UTF-8
        writer = csv.writer(response)
        writer.writerow([label for _, label in EXPORT_COLUMNS])
        for row in rows:
            writer.writerow([csv_safe(row[key]) for key, _ in EXPORT_COLUMNS])
        return response


def read_only_viewset(
    model: type[Model],
    fields: list[str],
    *,
    filter_function: filters.Filter | None = None,
    parameters: list[Any] | None = None,
    extra: dict[str, serializers.Field] | None = None,
    related: tuple[str, ...] = (),
    prefetched: tuple[str, ...] = (),
    description: str = "",
) -> type[PartnershipViewSet]:
    """A read-only viewset for any partnership-scoped model (its manager has `for_user`), with
    its list's filters (documented by `parameters`), `extra` read-only fields (a related
    object's name beside its id) and the `description` of its objects in the schema.

    The extension point for models other apps add later (measures, boards): register it in
    api/urls.py `EXTRA_ROUTES`, or write a full viewset like the ones above.
    """
    names = [*fields, *(extra or {})]
    meta = type("Meta", (), {"model": model, "fields": names, "read_only_fields": names})
    serializer = type(
        f"{model.__name__}Serializer",
        (serializers.ModelSerializer,),
        {"Meta": meta, "__doc__": description, **(extra or {})},
    )

    def base_queryset(self: PartnershipViewSet) -> QuerySet:
        # the names `extra` shows are read with the rows, not once per row
        return PartnershipViewSet.base_queryset(self).select_related(*related).prefetch_related(*prefetched)

    viewset = type(
        f"{model.__name__}ViewSet",
        (PartnershipViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin),
        {
            "model": model,
            "serializer_class": serializer,
            "filter_function": staticmethod(filter_function) if filter_function else None,
            "filter_parameters": parameters or [],
            "base_queryset": base_queryset,
            "__doc__": f"{str(model._meta.verbose_name_plural).capitalize()} of your partnerships (read only).",
        },
    )
    if parameters:
        viewset = extend_schema_view(list=extend_schema(parameters=parameters))(viewset)
    return viewset  # type: ignore[return-value]


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The service's 404 (handler404): JSON for an address under /api/, which programs read, as
    the API's own 404s are; the GOV.UK page elsewhere."""
    if request.path_info.startswith("/api/"):
        return JsonResponse(
            {"detail": "There is no such API address: the endpoints are listed on /api/docs/."},
            status=404,
        )
    return defaults.page_not_found(request, exception)
