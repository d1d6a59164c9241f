"""Forms of the tracker pages: plan filters, progress updates with evidence, action edits."""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.forms.models import ModelChoiceIterator
from django.utils import timezone

from oversight.forms import GovukFormMixin
from plans import rules
from plans.figures import depth_first
from plans.models import (
    DATE_LONG_PAST,
    EVIDENCE_EXTENSIONS,
    MAX_STALE_DAYS,
    NARRATIVE_MAX_LENGTH,
    Action,
    Agency,
    Person,
    Plan,
    RagStatus,
    Section,
    check_due_date,
    check_update_date,
    due_date_for,
    due_left_behind,
    due_text_problem,
    due_wording_problem,
    long_past_problem,
)
from plans.updates import STATUS_MISSING

NO_STATUS = "none"

# The first bytes of each accepted file type: a renamed executable is refused even with a
# harmless extension. Office files (docx, xlsx, pptx, odt, ods) are ZIP containers.
ZIP = b"PK\x03\x04"
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": (ZIP,),
    "xlsx": (ZIP,),
    "pptx": (ZIP,),
    "odt": (ZIP,),
    "ods": (ZIP,),
}
TEXT_TYPES = {"csv", "txt"}


def check_evidence_file(upload: UploadedFile) -> None:
    """Refuse files that are too large, of a type not accepted, or not what their name says."""
    limit = settings.OVERSIGHT_EVIDENCE_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise forms.ValidationError(f"The file must be smaller than {limit // (1024 * 1024) or 1} MB")
    extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    if extension not in EVIDENCE_EXTENSIONS:
        raise forms.ValidationError(
            "The file must be a "
            + ", ".join(e.upper() for e in EVIDENCE_EXTENSIONS[:-1])
            + f" or {EVIDENCE_EXTENSIONS[-1].upper()}"
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    # Text files have no signature: a NUL byte means a binary file renamed to .csv or .txt.
    if extension in TEXT_TYPES:
        if b"\x00" in head:
            raise forms.ValidationError(f"The file is not a {extension.upper()} file")
    elif not head.startswith(SIGNATURES[extension]):
        raise forms.ValidationError(f"The file is not a {extension.upper()} file")


class StatusRadios(forms.RadioSelect):
    """Radios whose field id is the first radio's, so the error summary link reaches it."""

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        return id_ if index is None else super().id_for_label(id_, index)


class ListedChoices(ModelChoiceIterator):
    """The choices read with one plain query. Django reads them through `.iterator()`, which on
    PostgreSQL opens a server-side cursor: three round trips (declare, fetch, close) per list."""

    def __iter__(self) -> Any:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        known = getattr(self.field, "known_rows", None)
        for obj in known if known is not None else self.queryset.all():
            yield self.choice(obj)


class ShortModelChoiceField(forms.ModelChoiceField):
    """A choice of a few dozen rows (a partnership's agencies or people). A page that has read
    the rows of its queryset already sets them as `known_rows`, and they are listed from there
    (a chosen value is still checked against the queryset)."""

    iterator = ListedChoices
    known_rows: list[Any] | None = None


class PlanFilterForm(GovukFormMixin, forms.Form):
    """The GET form above a plan's actions table. Every field is optional."""

    mark_optional = False

    q = forms.CharField(label="Search by reference, action or owner", required=False, max_length=200)
    status = forms.ChoiceField(label="Status", required=False)
    agency = ShortModelChoiceField(
        label="Agency", queryset=Agency.objects.none(), required=False, empty_label="All agencies"
    )
    owner = ShortModelChoiceField(
        label="Owner", queryset=Person.objects.none(), required=False, empty_label="All owners"
    )
    overdue = forms.BooleanField(label="Only overdue actions", required=False)
    as_at = forms.DateField(
        label="Show the plan as at",
        required=False,
        help_text="For example, 27/3/2027. Leave empty for today.",
        error_messages={"invalid": "Enter a real date, for example 27/3/2027"},
    )

    def __init__(
        self,
        *args: Any,
        plan: Plan,
        statuses: list[RagStatus],
        agencies: list[Agency] | None = None,
        **kwargs: Any,
    ) -> None:
        """`agencies`: the partnership's agencies in name order, when the page has read them."""
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = (
            [("", "All statuses")] + [(s.key, s.label) for s in statuses] + [(NO_STATUS, "No update yet")]
        )
        self.fields["agency"].queryset = Agency.objects.filter(partnership_id=plan.partnership_id)
        self.fields["agency"].known_rows = agencies
        self.fields["owner"].queryset = Person.objects.filter(partnership_id=plan.partnership_id)

    def clean_as_at(self) -> dt.date | None:
        day = self.cleaned_data.get("as_at")
        if day and day > timezone.localdate():
            raise forms.ValidationError("The date must be today or in the past")
        return day


class ProgressUpdateForm(GovukFormMixin, forms.Form):
    """A dated "progress and impact" entry with a status from the plan's scheme, and evidence."""

    date = forms.DateField(
        label="Date of the update",
        error_messages={
            "required": "Enter the date of the update",
            "invalid": "Enter a real date, for example 27/3/2027",
        },
    )
    status = forms.ModelChoiceField(
        label="Status",
        queryset=RagStatus.objects.none(),
        widget=StatusRadios,
        empty_label=None,
        error_messages={
            "required": STATUS_MISSING,
            "invalid_choice": "Select one of this plan's statuses",
        },
    )
    narrative = forms.CharField(
        label="Progress and impact",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=NARRATIVE_MAX_LENGTH,
        help_text="What was done, and what difference it made for children and families.",
        error_messages={
            "required": "Enter the progress and impact",
            "max_length": f"Progress and impact must be {NARRATIVE_MAX_LENGTH:,} characters or fewer",
        },
    )
    next_steps = forms.CharField(
        label="Next steps (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=NARRATIVE_MAX_LENGTH,
        error_messages={"max_length": f"Next steps must be {NARRATIVE_MAX_LENGTH:,} characters or fewer"},
    )
    evidence_link = forms.URLField(
        label="Evidence link (optional)",
        required=False,
        max_length=1000,
        assume_scheme="https",
        help_text="A link to a document or page, for example on the partnership's SharePoint.",
        error_messages={"invalid": "Enter a link in the correct format, like https://example.org/report"},
    )
    evidence_file = forms.FileField(
        label="Evidence file (optional)",
        required=False,
        help_text="PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt, .ods), CSV, text, or a PNG or JPEG image.",
    )

    # asked only for a date long past: a year slipped (1/1/2001 for 1/1/2026) would count the
    # action with that status in every figure since, and an update is not taken back
    date_confirmed = forms.BooleanField(label="The date is right", required=False)

    def __init__(self, *args: Any, action: Action, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["status"].queryset = RagStatus.objects.filter(plan_id=action.plan_id).order_by("order")
        self.fields[
            "evidence_file"
        ].help_text += f" Smaller than {max(1, settings.OVERSIGHT_EVIDENCE_MAX_BYTES // (1024 * 1024))} MB."
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())

    def clean_date(self) -> dt.date:
        day = self.cleaned_data["date"]
        check_update_date(day)
        return day

    @property
    def asks_date_confirmation(self) -> bool:
        """The page shows "The date is right" once the date has been questioned (and keeps it ticked)."""
        return self.is_bound and (
            bool(self.data.get("date_confirmed")) or DATE_LONG_PAST in self.errors.get("date", [""])[0]
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        day = data.get("date")
        if day and (problem := long_past_problem(day, bool(data.get("date_confirmed")))):
            self.add_error("date", problem)
        return data

    def full_clean(self) -> None:
        super().full_clean()
        # A browser never sends a chosen file back with a page that shows a problem: say so,
        # or the update is saved on the second try without its evidence.
        upload = self.files.get("evidence_file") if self.files else None
        if self._errors and upload and "evidence_file" not in self._errors:
            name = os.path.basename(upload.name or "")
            hint = f"Choose {name} again: a file is not kept when the page shows a problem. "
            self.fields["evidence_file"].help_text = hint + self.fields["evidence_file"].help_text
            self["evidence_file"].help_text = self.fields["evidence_file"].help_text  # the page's copy

    def clean_evidence_file(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            check_evidence_file(upload)
        return upload


def _agency_label(agency: Agency) -> str:
    return agency.long_name


def _person_label(person: Person) -> str:
    """A person as a manager tells two of the same name apart: with their job and agency."""
    agency = person.agency.short_name or person.agency.name if person.agency else ""
    return ", ".join(part for part in (str(person), agency) if part)


class ActionForm(GovukFormMixin, forms.ModelForm):
    """An action's own fields, edited by plan managers; `version` refuses lost updates."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Action
        fields = [
            "ref", "section", "text", "owner_text", "lead_agency", "owner_agencies", "owners", "due_text",
            "due_date", "outcome", "constraints",
        ]  # fmt: skip
        labels = {
            "ref": "Reference",
            "section": "Section",
            "text": "Action",
            "owner_text": "Owner as the plan writes it",
            "lead_agency": "Lead agency",
            "owner_agencies": "Other agencies sharing the action",
            "owners": "People who own the action",
            "due_text": "Due date as the plan writes it",
            "due_date": "Due date",
            "outcome": "Outcome sought",
            "constraints": "Constraints or problems",
        }
        help_texts = {
            "due_date": "For example, 31/10/2027. Used to work out what is overdue.",
            "owner_agencies": "Their agency leads can add progress updates, as the lead agency's can.",
            "owners": "The action is in their My actions when they have a login.",
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "owner_text": forms.Textarea(attrs={"rows": 2}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "constraints": forms.Textarea(attrs={"rows": 3}),
            "owner_agencies": forms.CheckboxSelectMultiple,
            "owners": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        partnership_id = self.instance.plan.partnership_id
        agencies = Agency.objects.filter(partnership_id=partnership_id)
        for name in ("lead_agency", "owner_agencies"):
            self.fields[name].queryset = agencies
            self.fields[name].label_from_instance = _agency_label  # type: ignore[attr-defined]
        # The lead agency is the action's own; under "Other agencies" it would look like a second
        # one, and stay ticked (keeping its access) when the lead changes. An import lists the lead
        # among the action's agencies too: the new lead takes the old one's place there.
        self.lead_listed = False
        if self.instance.pk:
            shared = [a.pk for a in self.instance.owner_agencies.all()]
            self.lead_listed = self.instance.lead_agency_id in shared
            if not self.is_bound:
                self.initial["owner_agencies"] = [pk for pk in shared if pk != self.instance.lead_agency_id]
        people = self.fields["owners"]
        people.queryset = Person.objects.filter(partnership_id=partnership_id).select_related("agency")
        people.label_from_instance = _person_label  # type: ignore[attr-defined]
        self.fields["lead_agency"].empty_label = "No lead agency"
        self.fields["section"].queryset = Section.objects.filter(plan_id=self.instance.plan_id)
        self.fields["section"].choices = tree_choices(self.fields["section"].queryset, "No section")
        if not self.is_bound:
            self.initial["version"] = self.instance.version

    def clean_due_date(self) -> dt.date | None:
        day = self.cleaned_data.get("due_date")
        check_due_date(day)
        return day

    def clean_owner_agencies(self) -> list[Agency]:
        ticked = list(self.cleaned_data.get("owner_agencies") or [])
        lead = self.cleaned_data.get("lead_agency")
        if self.lead_listed and lead is not None and lead not in ticked:
            ticked.append(lead)
        return ticked

    def clean_ref(self) -> str:
        ref = self.cleaned_data.get("ref", "").strip()
        probe = Action(pk=self.instance.pk, plan_id=self.instance.plan_id, ref=ref)
        if problem := probe.ref_problem():
            raise forms.ValidationError(problem)
        return ref

    def clean_section(self) -> Section | None:
        section = self.cleaned_data.get("section")
        moved = section is not None and section.pk != self.instance.section_id
        if moved and self.user is not None and not rules.can_edit_section(self.user, section):
            raise forms.ValidationError(
                "The board has signed off that area: only an admin can move actions into it."
            )
        return section

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "due_text" in self.changed_data and (problem := due_text_problem(data.get("due_text", ""))):
            self.add_error("due_text", problem)
            return data
        if "due_text" in data and "due_date" in data:  # both valid
            if problem := due_left_behind(
                data["due_text"],
                data["due_date"],
                text_changed="due_text" in self.changed_data,
                date_changed="due_date" in self.changed_data,
            ):
                self.add_error("due_date", problem)
                return data
            data["due_date"] = due_date_for(
                data["due_text"],
                data["due_date"],
                text_changed="due_text" in self.changed_data,
                date_changed="due_date" in self.changed_data,
            )
            if problem := due_wording_problem(data["due_text"], data["due_date"]):
                self.add_error("due_date", problem)
        return data


def tree_choices(sections: Any, empty_label: str) -> list[tuple[Any, str]]:
    """A plan's sections as a select's options in the order of the plan's tree (each parent, then
    the sections inside it), each named with the sections it sits in: '1 Front door › 1.A Screening'."""
    choices: list[tuple[Any, str]] = [("", empty_label)]
    path: list[str] = []
    for section, depth in depth_first(sections.order_by("order", "pk")):
        del path[depth:]
        path.append(str(section))
        choices.append((section.pk, " › ".join(path)))
    return choices


class SectionForm(GovukFormMixin, forms.ModelForm):
    # either names the section: neither is marked "(optional)", and the title's hint says so
    required_sometimes = ("ref", "title")

    class Meta:
        model = Section
        fields = ["ref", "title", "what_needs_to_improve", "what_inspectors_found"]
        labels = {
            "ref": "Reference",
            "title": "Title",
            "what_needs_to_improve": "What needs to improve",
            "what_inspectors_found": "What inspectors found",
        }
        help_texts = {"title": "A section needs a title or a reference, or both."}
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "what_needs_to_improve": forms.Textarea(attrs={"rows": 4}),
            "what_inspectors_found": forms.Textarea(attrs={"rows": 4}),
        }


class NewSectionForm(SectionForm):
    """A section added to a plan, inside another of its sections or at the top."""

    class Meta(SectionForm.Meta):
        fields = ["parent", *SectionForm.Meta.fields]
        labels = {**SectionForm.Meta.labels, "parent": "Inside section"}

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        parent = self.fields["parent"]
        parent.queryset = Section.objects.filter(plan_id=self.instance.plan_id)
        parent.choices = tree_choices(parent.queryset, "None: a section of its own")

    def clean_parent(self) -> Section | None:
        parent = self.cleaned_data.get("parent")
        if parent is not None and self.user is not None and not rules.can_edit_section(self.user, parent):
            raise forms.ValidationError(
                "The board has signed off that area: only an admin can add sections to it."
            )
        return parent


def _as_text(value: Any) -> str:
    """A field's value as the page's snapshot holds it."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


STALE_DAYS_MESSAGE = "Days without an update before an action is stale must be between 1 and 366"


class PlanForm(GovukFormMixin, forms.ModelForm):
    """A plan's own fields, and the definition its RAG scheme gives each status."""

    stale_after_days = forms.IntegerField(
        label="Days without an update before an action is stale",
        help_text="Leave empty to use the service's setting. From 1 to 366.",
        required=False,
        validators=[
            MinValueValidator(1, message=STALE_DAYS_MESSAGE),
            MaxValueValidator(MAX_STALE_DAYS, message=STALE_DAYS_MESSAGE),
        ],
    )

    class Meta:
        model = Plan
        fields = ["title", "kind", "start", "end", "stale_after_days"]
        labels = {
            "title": "Title",
            "kind": "Kind of plan",
            "start": "Start date",
            "end": "End date",
        }
        help_texts = {
            "start": "For example, 1/4/2025.",
            "end": "For example, 31/3/2027.",
        }
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

    # what the page showed when it was opened: a field this person left alone keeps a change
    # someone else saved meanwhile (two managers on the page at once lost one's change)
    opened = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.statuses = list(self.instance.rag_statuses.order_by("order", "pk"))
        if not self.is_bound:
            self.initial["opened"] = json.dumps(self.saved_values(self.instance, self.statuses))
        for status in self.statuses:
            name = f"definition_{status.pk}"
            self.fields[name] = forms.CharField(
                label=f"What {status.label} means",
                required=False,
                max_length=2000,
                initial=status.definition,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.govuk_field(name, self.fields[name])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "The end date must be on or after the start date")
        return data

    @staticmethod
    def saved_values(plan: Plan, statuses: list[RagStatus]) -> dict[str, str]:
        """The page's fields as saved, as text (what `opened` holds)."""
        values = {name: _as_text(getattr(plan, name)) for name in PlanForm.Meta.fields}
        values |= {f"definition_{status.pk}": status.definition for status in statuses}
        return values

    def keep_their_changes(self, plan: Plan, statuses: list[RagStatus]) -> list[str]:
        """Fields this person left as they opened them, changed by someone else since: their value
        now is kept (in `cleaned_data`). The fields' labels, for the message."""
        try:
            opened = json.loads(self.cleaned_data.get("opened") or "{}")
        except ValueError:
            return []  # an edited hidden field: this person's values, as before
        now = self.saved_values(plan, statuses)
        kept = []
        for name, value in now.items():
            mine = _as_text(self.cleaned_data.get(name))
            if name in opened and mine == opened[name] and value != opened[name]:
                current = getattr(plan, name) if name in self.Meta.fields else value
                self.cleaned_data[name] = current
                kept.append(str(self.fields[name].label).lower())
        return kept

    def definitions(self) -> dict[RagStatus, str]:
        """Each status whose definition was changed, with its new wording."""
        return {
            status: self.cleaned_data[f"definition_{status.pk}"]
            for status in self.statuses
            if self.cleaned_data[f"definition_{status.pk}"] != status.definition
        }


class WithdrawUpdateForm(GovukFormMixin, forms.Form):
    """Why a progress update is withdrawn: kept in the action's history with who did it."""

    reason = forms.CharField(
        label="Why is the update withdrawn?",
        max_length=500,
        help_text="For example: recorded against the wrong action, or dated 2001 instead of 2026.",
        error_messages={
            "required": "Enter why the update is withdrawn",
            "max_length": "Why the update is withdrawn must be 500 characters or fewer",
        },
    )
    remove_words = forms.BooleanField(
        label="Also remove its words from the action's history",
        required=False,
        help_text="For example, it names a child or gives an address. Who withdrew it, when and why are kept.",
    )
