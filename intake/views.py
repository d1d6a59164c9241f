"""Upload a plan document, watch it being read, check the preview, confirm: the import journey."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intake.drafts import draft_from_json
from intake.forms import ConfirmForm, UploadForm
from intake.importer.model import PlanDraft
from intake.importer.model import Section as DraftSection
from intake.jobs import start_reading
from intake.models import BatchStatus, ImportBatch
from intake.saving import DEFAULT_STATUSES, Comparison, compare_draft, save_draft, saved_notes
from plans import rules as plan_rules
from plans.models import Membership, Partnership, Plan, PlanKind
from plans.rules import MANAGING_ROLES, can_manage_plans


def managed_partnerships(user: Any) -> Any:
    """The partnerships in which the user may import plans (admins and plan managers)."""
    ids = Membership.objects.filter(user_id=user.pk, role__in=MANAGING_ROLES).values("partnership_id")
    return Partnership.objects.for_user(user).filter(pk__in=ids)


def _gone(request: HttpRequest) -> HttpResponse:
    """'Save the plan' for an import discarded or expired meanwhile (another tab, another manager,
    Back after discarding): nothing was saved, and the way on is to upload again."""
    messages.info(
        request,
        "This import was discarded (or expired) before it was saved: nothing was saved. "
        "Upload the document again to import it.",
    )
    return redirect("intake:upload")


def _batch_for(request: HttpRequest, pk: int) -> ImportBatch:
    # Another partnership's import is not found (404); a reader of this one is refused (403).
    batch = get_object_or_404(
        ImportBatch.objects.for_user(request.user).select_related("plan", "partnership"), pk=pk
    )
    if not can_manage_plans(request.user, batch.partnership_id):
        raise PermissionDenied
    return batch


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    partnerships = managed_partnerships(request.user)
    if not partnerships.exists():
        raise PermissionDenied
    if request.method == "POST":
        # Housekeeping without cron: abandoned uploads go before a new one is kept.
        ImportBatch.objects.expired().delete()
    plans = Plan.objects.for_user(request.user).filter(partnership__in=partnerships)
    form = UploadForm(request.POST or None, request.FILES or None, partnerships=partnerships, plans=plans)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["document"]
        batch = ImportBatch.objects.create(
            partnership=form.cleaned_data["partnership"],
            user=request.user,
            plan=form.cleaned_data["plan"],
            filename=upload_file.name[:255],
            size=upload_file.size,
            document=upload_file.read(),
        )
        start_reading(batch)
        if batch.status == BatchStatus.FAILED:
            # Read during the request and refused: say why on the form; keep nothing.
            form.add_error("document", batch.error)
            batch.delete()
        else:
            return redirect("intake:batch", pk=batch.pk)
    recent = (
        ImportBatch.objects.for_user(request.user)
        .filter(partnership__in=partnerships)
        .exclude(status=BatchStatus.FAILED)
        .select_related("user", "partnership")[:10]
    )
    return render(request, "intake/upload.html", {"form": form, "recent": recent})


@dataclass
class SectionNode:
    section: DraftSection
    children: list[SectionNode] = field(default_factory=list)
    action_count: int = 0


def section_tree(draft: PlanDraft) -> list[SectionNode]:
    """The draft's sections nested under their parents (an unknown parent puts a section at the top)."""
    nodes: dict[str, SectionNode] = {}
    ordered: list[SectionNode] = []
    for section in draft.sections:
        if section.ref not in nodes:
            nodes[section.ref] = SectionNode(section)
            ordered.append(nodes[section.ref])
    for action in draft.actions:
        if action.section in nodes:
            nodes[action.section].action_count += 1
    roots = []
    for node in ordered:
        parent = nodes.get(node.section.parent or "")
        if parent is not None and parent is not node and not _is_below(parent, node, nodes):
            parent.children.append(node)
        else:
            roots.append(node)
    return roots


def _is_below(candidate: SectionNode, node: SectionNode, nodes: dict[str, SectionNode]) -> bool:
    seen: set[str] = set()
    current: SectionNode | None = candidate
    while current is not None and current.section.ref not in seen:
        if current is node:
            return True
        seen.add(current.section.ref)
        current = nodes.get(current.section.parent or "")
    return False


def status_styles(draft: PlanDraft, plan: Plan | None) -> dict[str, dict[str, str]]:
    """Label and tag colour for each status key, from the plan's scheme, the document's, or the default."""
    styles = {
        key: {"label": label, "colour": colour}
        for key, (label, colour, _d, _done) in DEFAULT_STATUSES.items()
    }
    for status in draft.rag_scheme:
        styles[status.key] = {
            "label": status.label or status.key.capitalize(),
            "colour": status.colour or styles.get(status.key, {}).get("colour", "grey"),
        }
    if plan is not None:
        for status in plan.rag_statuses.all():
            styles[status.key] = {"label": status.label, "colour": status.colour}
    return styles


def owner_proposals(comparison: Comparison) -> list[tuple[str, str]]:
    """The new agencies and people an import proposes, as choices for the manager to keep or untick."""
    agencies = [(a.key, f"Agency: {a.name}") for a in comparison.new_agencies]
    people = [
        (p.key, f"Person: {p.name}" + (f" ({p.job_title})" if p.job_title else ""))
        for p in comparison.new_people
    ]
    return agencies + people


@login_required
@require_http_methods(["GET", "POST"])
def batch_view(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        batch = _batch_for(request, pk)
    except Http404:
        if request.method != "POST" or ImportBatch.objects.filter(pk=pk).exists():
            raise  # (another partnership's import is not found, whatever is sent)
        return _gone(request)
    if batch.is_stalled():
        _mark_stalled(batch)
    if batch.is_pending:
        return render(request, "intake/reading.html", {"batch": batch})
    if batch.status == BatchStatus.FAILED:
        return render(request, "intake/failed.html", {"batch": batch})
    if batch.status == BatchStatus.SAVED:
        # the document's doubts stay listed once saved: the preview could not correct a row, so the
        # plan is where they are worked through (QA round 7)
        warnings = draft_from_json(batch.draft).warnings if batch.draft else []
        return render(
            request,
            "intake/saved.html",
            {
                "batch": batch,
                "plan_url": _plan_url(batch.saved_plan),
                "warnings": warnings,
                "notes": saved_notes((batch.summary or {}).get("notes", []), batch.saved_plan),
            },
        )
    draft = draft_from_json(batch.draft or {})
    plan = batch.plan
    initial = {
        "title": (plan.title if plan else draft.plan.title) or draft.document,
        "kind": plan.kind
        if plan
        else (draft.plan.kind if draft.plan.kind in PlanKind.values else PlanKind.OTHER),
    }
    comparison = compare_draft(draft, batch.partnership, plan)
    form = ConfirmForm(request.POST or None, initial=initial, proposals=owner_proposals(comparison))
    if request.method == "POST" and not draft.actions:
        # a document in which no actions were read is not a plan: nothing to save
        return redirect("intake:batch", pk=batch.pk)
    checked = request.POST.get("checked", "")
    changed_since = request.method == "POST" and bool(checked) and checked != comparison.digest()
    if changed_since:
        # what the manager agreed to is no longer what saving would do: the plan changed meanwhile
        form.add_error(
            None,
            "The plan has changed since this preview was shown (someone edited it, or another import "
            "was saved). Nothing has been saved: check what the import would do now, below, and save again.",
        )
    if request.method == "POST" and not changed_since and form.is_valid():
        with transaction.atomic():
            locked = ImportBatch.objects.select_for_update().filter(pk=batch.pk).first()
            if locked is None:  # discarded (or expired) while this page was open
                return _gone(request)
            if locked.status != BatchStatus.READ:  # confirmed twice (a double click)
                return redirect("intake:batch", pk=batch.pk)
            result = save_draft(
                draft,
                batch.partnership,
                request.user,
                plan,
                title=form.cleaned_data["title"],
                kind=form.cleaned_data["kind"],
                create_owners=set(form.cleaned_data["owners_to_add"]),
            )
            locked.status = BatchStatus.SAVED
            locked.saved_plan = result.plan
            locked.summary = result.to_json()
            locked.document = b""  # the plan is saved; the uploaded copy is no longer needed
            locked.save()
        return redirect("intake:batch", pk=batch.pk)
    kept: set[int] = set()  # changed actions the import will leave as they are
    if plan is not None and not plan_rules.can_administer(request.user, plan.partnership_id):
        # said before saving, not only after: the import leaves these as they are
        locked = plan_rules.locked_section_ids([plan.pk])
        for item in comparison.actions:
            if item.existing is not None and item.is_changed and item.existing.section_id in locked:
                kept.add(id(item))
                comparison.notes.append(
                    f"{item.ref or item.values['text'][:60]} will be left as it is: it is in an area the "
                    "board has signed off, which only an admin can change."
                )
    styles = status_styles(draft, plan)
    # owners are linked again only where the owner text changes (or the action is new): elsewhere the
    # links stay as they are, so the document's names are neither matched nor proposed (QA round 9: a
    # row said '(new)' of an agency the page did not offer to add)
    relinked = [i for i in comparison.actions if i.relink_owners]
    matched_agencies = {a.agency.pk: a.agency for i in relinked for a in i.owners.agencies if a.agency}
    matched_people = {p.person.pk: p.person for i in relinked for p in i.owners.people if p.person}
    context = {
        "batch": batch,
        "draft": draft,
        "plan": plan,
        "form": form,
        "comparison": comparison,
        "checked": comparison.digest(),
        "warning_count": len(draft.warnings) + len(comparison.notes),
        # updates dated by their column or their own words, not by the import's day
        "dated_by_document": any(a.progress_date or a.earlier_updates for a in draft.actions),
        "tree": section_tree(draft),
        "kind_label": PlanKind(draft.plan.kind).label
        if draft.plan.kind in PlanKind.values
        else "Not recognised",
        "scheme": [
            {"key": s.key, "definition": s.definition, "style": styles.get(s.key)} for s in draft.rag_scheme
        ],
        "rows": [
            {
                "item": item,
                "kept": id(item) in kept,
                "style": styles.get(item.draft.rag or ""),
                "owners": [*item.owners.agencies, *item.owners.people] if item.relink_owners else [],
                "links_kept": not item.relink_owners,
            }
            for item in comparison.actions
        ],
        # each change as the preview shows it: a status by its label ('Green'), not its key
        "changed_rows": [
            (
                item,
                [
                    (
                        change.label,
                        *(
                            styles.get(value or "", {}).get("label", value)
                            if change.name == "status"
                            else value
                            for value in (change.old, change.new)
                        ),
                    )
                    for change in item.changes
                ],
            )
            for item in comparison.changed_actions
            if id(item) not in kept
        ],
        # changes the import leaves undone are not counted as changes (said in the notes instead)
        "changed_count": sum(1 for item in comparison.changed_actions if id(item) not in kept),
        "left_count": len(kept),
        "matched_agencies": sorted(str(a) for a in matched_agencies.values()),
        "matched_people": sorted(p.name for p in matched_people.values()),
    }
    return render(request, "intake/preview.html", context)


@login_required
@require_POST
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Throw an import away before it is saved: the batch and its copy of the document are deleted
    now, not when unconfirmed imports expire. A saved import stays as the record of what it did."""
    batch = _batch_for(request, pk)
    if batch.status == BatchStatus.SAVED:
        return redirect("intake:batch", pk=batch.pk)
    name = batch.filename
    batch.delete()
    messages.success(
        request, f"The import of {name} was discarded: nothing was saved and the document is deleted."
    )
    return redirect("intake:upload")


@login_required
@require_GET
def batch_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The part of the reading page that htmx polls; once reading is over it sends the browser on."""
    batch = _batch_for(request, pk)
    if batch.is_pending and not batch.is_stalled():
        return render(request, "intake/_status.html", {"batch": batch})
    if batch.is_stalled():
        _mark_stalled(batch)
    response = HttpResponse(status=204)
    response["HX-Redirect"] = reverse("intake:batch", args=[batch.pk])
    return response


def _plan_url(plan: Plan | None) -> str | None:
    if plan is None:
        return None
    try:
        return plan.get_absolute_url()
    except NoReverseMatch:  # the plan pages are not there yet
        return None


def _mark_stalled(batch: ImportBatch) -> None:
    """A read that never finished (its process stopped): say so rather than poll for ever."""
    batch.status = BatchStatus.FAILED
    batch.error = (
        "Reading the document took too long and was stopped. Try again, or save it as .docx or .xlsx."
    )
    batch.document = b""
    batch.save(update_fields=["status", "error", "document"])
