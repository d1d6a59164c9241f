"""Scorecard pages: the scorecard, a measure, adding a value, uploading values, exports.

Reading starts from `for_user` (another partnership's measure is a 404); writing asks
`plans.rules.can_manage_plans` (viewers and contributors get a 403).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from plans.models import Partnership
from plans.rules import can_manage_plans
from scorecard import entry, exports, figures
from scorecard.forms import MeasureForm, TablesForm, UploadForm, ValueForm
from scorecard.models import Measure, Unit
from scorecard.services import cells_for, findings_for, period_end, scorecard_summary, unit_suffix
from scorecard.tables import TablesError, tables_from_bytes, values_from_tables

HISTORY_ROWS = 25  # the latest changes; the export has every value


def _measure_for(request: HttpRequest, pk: int) -> Measure:
    return get_object_or_404(
        Measure.objects.for_user(request.user)
        .select_related("partnership", "owner")
        .prefetch_related("dimensions"),
        pk=pk,
    )


def _require_manager(request: HttpRequest, measure: Measure) -> None:
    if not can_manage_plans(request.user, measure.partnership_id):
        raise PermissionDenied("Only plan managers and admins enter scorecard values.")


@login_required
def index(request: HttpRequest) -> HttpResponse:
    partnerships = list(Partnership.objects.for_user(request.user))
    chosen = None
    if partnerships:
        wanted = request.GET.get("partnership")
        chosen = next((p for p in partnerships if p.slug == wanted), None) if wanted else partnerships[0]
        if chosen is None:
            raise Http404("No such partnership.")  # not one of theirs: as if it did not exist
    # the latest value of a period that is over, as a board report as at today shows it: the page and
    # the pack agree on the same day (QA round 7: the page showed December's figure on 7 December)
    summaries = scorecard_summary(chosen, timezone.localdate()) if chosen else []
    return render(
        request,
        "scorecard/index.html",
        {
            "partnerships": partnerships,
            "partnership": chosen,
            "summaries": summaries,
            "can_manage": bool(chosen and can_manage_plans(request.user, chosen)),
        },
    )


@login_required
def measure(request: HttpRequest, pk: int) -> HttpResponse:
    measure = _measure_for(request, pk)
    values = list(measure.values.select_related("source", "entered_by").order_by("-period", "dimensions_key"))
    cells = cells_for(measure, values)
    current = figures.current_cells(cells)
    periods = sorted({p for p, _ in current}, reverse=True)
    period = periods[0] if periods else None
    if request.GET.get("period"):
        try:
            period = figures.parse_period(request.GET["period"], measure.frequency)
        except ValueError:
            period = periods[0] if periods else None
    dimensions = measure.dimension_list()
    keys = [d.key for d in dimensions]
    row_key = request.GET.get("rows") if request.GET.get("rows") in keys else (keys[0] if keys else "")
    column_choices = [k for k in keys if k != row_key]
    col_key = (
        request.GET.get("columns")
        if request.GET.get("columns") in column_choices
        else (column_choices[0] if column_choices else "")
    )
    by_key = {d.key: d for d in dimensions}
    crosstab = (
        figures.crosstab(
            [c for (p, _), c in current.items() if p == period],
            row_key,
            col_key,
            by_key[row_key].allowed_values if row_key else (),
            by_key[col_key].allowed_values if col_key else (),
        )
        if period
        else None
    )
    data = figures.series(cells, measure.unit)
    # a period reported for part of its breakdown: listed as such, not charted as a fall (QA round 8)
    incomplete = figures.incomplete_periods(cells)
    history = (
        measure.values.model.history.filter(measure_id=measure.pk)
        .select_related("history_user", "source")
        .order_by("-history_date")[:HISTORY_ROWS]
    )
    return render(
        request,
        "scorecard/measure.html",
        {
            "measure": measure,
            "period": period,
            "periods": periods,
            "crosstab": crosstab,
            "row_dimension": by_key.get(row_key),
            "column_dimension": by_key.get(col_key),
            "dimensions": dimensions,
            "chart": figures.chart(
                [(p, n) for p, n in data if p not in incomplete],
                width=640,
                height=240,
                padding=40,
                target=measure.target,
                frequency=measure.frequency,
                unit_suffix=unit_suffix(measure),
            ),
            "series": [
                (
                    f"{figures.period_label(p, measure.frequency)} ({incomplete[p][0]} of {incomplete[p][1]} "
                    "figures in so far)",
                    n,
                    None,
                )
                if p in incomplete
                else (figures.period_label(p, measure.frequency), n, measure.rag(n))
                for p, n in reversed(data)
            ],
            "values": values,
            "history": history,
            "findings": findings_for(measure, cells),
            "suffix": unit_suffix(measure),
            "thresholds_text": measure.thresholds().describe(unit_suffix(measure)),
            # Adding percentages or average days gives nonsense: totals only for counts.
            "show_totals": measure.unit == Unit.COUNT,
            "can_manage": can_manage_plans(request.user, measure.partnership_id),
            "period_label": figures.period_label(period, measure.frequency) if period else "",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_value(request: HttpRequest, pk: int) -> HttpResponse:
    measure = _measure_for(request, pk)
    _require_manager(request, measure)
    form = ValueForm(request.POST or None, measure=measure)
    if request.method == "POST" and form.is_valid():
        source = entry.source_named(measure, form.cleaned_data["source"], request.user)
        _, outcome = entry.save_value(
            measure,
            form.cleaned_data["period"],
            form.dimensions(),
            form.cleaned_data["number"],
            source,
            request.user,
        )
        told = {"created": "Value added.", "changed": "Value corrected."}.get(
            outcome, "The value was already recorded."
        )
        if (
            period_end(form.cleaned_data["period"], measure.frequency) >= timezone.localdate()
        ):  # as `known_on`
            told += (
                " Its period is not over yet: it shows as the latest value, here and in board reports, "
                "once the period ends."
            )
        messages.success(request, told)
        return redirect(measure)
    return render(request, "scorecard/value_form.html", {"measure": measure, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    measure = _measure_for(request, pk)
    _require_manager(request, measure)
    form = UploadForm(request.POST or None, request.FILES or None)
    row_errors: list[entry.RowError] = []
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            rows = entry.read_rows(upload_file, upload_file.name)
        except entry.UploadError as error:
            form.add_error("file", str(error))
        else:
            clean, row_errors = entry.validate_rows(
                measure, rows, form.cleaned_data["source"] or upload_file.name
            )
            if row_errors and row_errors[0].header:
                form.add_error("file", f"{row_errors[0].message} Nothing was saved.")
            elif row_errors:
                form.add_error(
                    "file",
                    f"{len(row_errors)} row{'s have' if len(row_errors) != 1 else ' has'} problems; nothing was saved. Correct them and upload the file again.",
                )
            else:
                outcomes = entry.save_rows(measure, clean, request.user)
                found = findings_for(measure)
                note = f" Reconciliation found {len(found)} disagreements between sources." if found else ""
                messages.success(request, f"{entry.saved_message(outcomes)}{note}")
                return redirect(measure)
    return render(
        request,
        "scorecard/upload.html",
        {"measure": measure, "form": form, "row_errors": row_errors, "columns": exports.header(measure)[:-3]},
    )


@login_required
def export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    measure = _measure_for(request, pk)
    values = list(
        measure.values.select_related("source", "entered_by").order_by(
            "period", "dimensions_key", "source__name"
        )
    )
    name = slugify(measure.name)[:60] or "measure"
    if fmt == "xlsx":
        response = HttpResponse(
            exports.to_xlsx(measure, values),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(exports.to_csv(measure, values), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _partnership_asked(request: HttpRequest) -> Partnership:
    """The partnership `?partnership=<slug>` names, among the person's own; without one, the
    person's only partnership; anything else (another's, a choice among several left unmade, a NUL
    that PostgreSQL refuses in a query) is not found."""
    wanted = request.GET.get("partnership", "")
    if not wanted:
        only = list(Partnership.objects.for_user(request.user)[:2])
        if len(only) == 1:
            return only[0]
        raise Http404("No such partnership.")
    if "\x00" in wanted:
        raise Http404("No such partnership.")
    return get_object_or_404(Partnership.objects.for_user(request.user), slug=wanted)


@login_required
@require_http_methods(["GET", "POST"])
def add_measure(request: HttpRequest) -> HttpResponse:
    partnership = _partnership_asked(request)
    if not can_manage_plans(request.user, partnership):
        raise PermissionDenied("Only plan managers and admins define measures.")
    form = MeasureForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        measure = form.save()
        messages.success(request, f"Measure “{measure.name}” added.")
        return redirect(measure)
    return render(
        request, "scorecard/measure_form.html", {"form": form, "partnership": partnership, "measure": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_measure(request: HttpRequest, pk: int) -> HttpResponse:
    measure = _measure_for(request, pk)
    if not can_manage_plans(request.user, measure.partnership_id):
        raise PermissionDenied("Only plan managers and admins define measures.")
    form = MeasureForm(request.POST or None, instance=measure, partnership=measure.partnership)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Measure saved.")
        return redirect(measure)
    return render(
        request,
        "scorecard/measure_form.html",
        {"form": form, "partnership": measure.partnership, "measure": measure},
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_tables(request: HttpRequest) -> HttpResponse:
    """A document's data tables become measures and values; the reconciliation is shown at once."""
    partnership = _partnership_asked(request)
    if not can_manage_plans(request.user, partnership):
        raise PermissionDenied("Only plan managers and admins import documents.")
    form = TablesForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            tables = tables_from_bytes(upload_file.read(), upload_file.name)
        except TablesError as error:
            form.add_error("file", str(error))
        else:
            if not tables:
                form.add_error("file", f"No data tables were found in {upload_file.name}.")
            else:
                try:
                    result = values_from_tables(
                        partnership, tables, form.cleaned_data["source"] or upload_file.name, request.user
                    )
                except TablesError as error:
                    form.add_error("file", str(error))
    return render(
        request, "scorecard/import.html", {"form": form, "partnership": partnership, "result": result}
    )
