"""The board report pages and downloads; every plan is reached through `Plan.objects.for_user`.

The public version is still behind sign-in: it is what the partnership publishes (they
download the PDF or copy the page), and keeping it behind sign-in means a plan's draft
content is never on the open web by accident.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from plans.models import Partnership, Plan
from plans.rules import can_edit_plan

from .figures import BoardReport, build_report
from .forms import PublicReportSettingForm, ReportDatesForm
from .models import PublicReportSetting, roles_only_for
from .render.docx import render_docx
from .render.html import render_page
from .render.pdf import render_pdf
from .render.xlsx import render_xlsx

FORMATS: dict[str, tuple[Callable[[BoardReport], bytes], str]] = {
    "pdf": (render_pdf, "application/pdf"),
    "docx": (render_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": (render_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def _plans(request: HttpRequest) -> object:
    return Plan.objects.for_user(request.user).select_related("partnership")


def _dates(request: HttpRequest) -> tuple[ReportDatesForm, dt.date | None, dt.date | None]:
    form = ReportDatesForm(request.GET)  # always bound: no dates given means today
    if form.is_valid():
        return form, form.cleaned_data["as_at"], form.cleaned_data.get("previous")
    return form, None, None


def _shown(report: BoardReport) -> ReportDatesForm:
    """The date picker showing the dates the report was made for (today and the default
    previous date included, so the user sees what "empty" meant)."""
    return ReportDatesForm(initial={"as_at": report.as_at, "previous": report.previous})


def _bad_dates(request: HttpRequest, form: ReportDatesForm, title: str) -> HttpResponse:
    return render(request, "reports/bad_dates.html", {"form": form, "title": title}, status=400)


def file_stem(title: str) -> str:
    """The start of a download's file name: the title as a slug of at most 60 characters, not
    ending in a hyphen where it was cut ("...-response--as-at-..." otherwise)."""
    return slugify(title)[:60].strip("-") or "board-report"


def _download(report: BoardReport, fmt: str, stem: str) -> HttpResponse:
    renderer, content_type = FORMATS[fmt]
    response = HttpResponse(renderer(report), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{stem}-as-at-{report.as_at:%Y-%m-%d}.{fmt}"'
    return response


def _query(request: HttpRequest) -> str:
    keep = {k: v for k, v in request.GET.items() if k in ("as_at", "previous") and v}
    return ("?" + "&".join(f"{k}={v}" for k, v in keep.items())) if keep else ""


@login_required
def index(request: HttpRequest) -> HttpResponse:
    plans = list(_plans(request))
    partnerships = list(Partnership.objects.for_user(request.user))
    settings = {s.plan_id: s.roles_only for s in PublicReportSetting.objects.for_user(request.user)}
    rows = [
        {"plan": p, "roles_only": settings.get(p.pk, True), "can_edit": can_edit_plan(request.user, p)}
        for p in plans
    ]
    return render(
        request,
        "reports/index.html",
        {
            "rows": rows,
            "partnerships": partnerships,
            "form": ReportDatesForm(),
        },
    )


@login_required
def plan_report(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(_plans(request), pk=plan_id)
    form, as_at, previous = _dates(request)
    if as_at is None:
        return _bad_dates(request, form, plan.title)
    report = build_report(plan=plan, as_at=as_at, previous=previous)
    query = _query(request)
    downloads = [
        (label, reverse("reports:plan_report_download", args=[plan.pk, fmt]) + query)
        for fmt, label in (
            ("pdf", "Download as PDF"),
            ("docx", "Download as Word"),
            ("xlsx", "Download as Excel"),
        )
    ]
    downloads.append(
        ("Public version for publication", reverse("reports:public_report", args=[plan.pk]) + query)
    )
    return HttpResponse(render_page(report, request, downloads=downloads, form=_shown(report)))


@login_required
def plan_report_download(request: HttpRequest, plan_id: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("No such format")
    plan = get_object_or_404(_plans(request), pk=plan_id)
    form, as_at, previous = _dates(request)
    if as_at is None:
        return _bad_dates(request, form, plan.title)
    return _download(build_report(plan=plan, as_at=as_at, previous=previous), fmt, file_stem(plan.title))


@login_required
def partnership_report(request: HttpRequest, partnership_id: int, fmt: str = "html") -> HttpResponse:
    partnership = get_object_or_404(Partnership.objects.for_user(request.user), pk=partnership_id)
    if fmt != "html" and fmt not in FORMATS:
        raise Http404("No such format")
    form, as_at, previous = _dates(request)
    if as_at is None:
        return _bad_dates(request, form, partnership.name)
    plans = list(_plans(request).filter(partnership=partnership))
    report = build_report(partnership=partnership, plans=plans, as_at=as_at, previous=previous)
    if fmt != "html":
        return _download(report, fmt, file_stem(partnership.name))
    query = _query(request)
    downloads = [
        (label, reverse("reports:partnership_report_download", args=[partnership.pk, f]) + query)
        for f, label in (
            ("pdf", "Download as PDF"),
            ("docx", "Download as Word"),
            ("xlsx", "Download as Excel"),
        )
    ]
    return HttpResponse(render_page(report, request, downloads=downloads, form=_shown(report)))


@login_required
def public_report(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The plan for publication: no constraints, no changes list, names only if the manager allows."""
    plan = get_object_or_404(_plans(request), pk=plan_id)
    form, as_at, _ = _dates(request)
    if as_at is None:
        return _bad_dates(request, form, plan.title)
    report = build_report(plan=plan, as_at=as_at, public=True, roles_only=roles_only_for(plan))
    if request.GET.get("format") == "pdf":
        return _download(report, "pdf", file_stem(plan.title) + "-public")
    query = _query(request)
    pdf_url = (
        reverse("reports:public_report", args=[plan.pk]) + (query + "&" if query else "?") + "format=pdf"
    )
    return HttpResponse(
        render_page(
            report, request, downloads=[("Download the public version as PDF", pdf_url)], form=_shown(report)
        )
    )


@login_required
@require_POST
def public_settings(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The plan manager ticks "roles only" for the plan's public version."""
    plan = get_object_or_404(_plans(request), pk=plan_id)
    if not can_edit_plan(request.user, plan):
        raise PermissionDenied("Only plan managers choose what the public version shows.")
    setting, _ = PublicReportSetting.objects.get_or_create(plan=plan)
    form = PublicReportSettingForm(request.POST, instance=setting)
    if form.is_valid():
        form.save()
        messages.success(
            request,
            f"The public version of {plan.title} now shows "
            f"{'roles only' if setting.roles_only else 'names and roles'}.",
        )
    return redirect("reports:index")
