"""Forms of the import journey: the upload, and the corrections made on the preview."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from oversight.forms import GovukFormMixin
from plans.models import Partnership, Plan, PlanKind

ACCEPTED_EXTENSIONS = (
    ".txt",
    ".md",
    ".html",
    ".htm",
    ".docx",
    ".odt",
    ".xlsx",
    ".xls",
    ".ods",
    ".csv",
    ".pdf",
)


def _plan_and_partnership(plan: Plan) -> str:
    return f"{plan.title} ({plan.partnership.name})"


class UploadForm(GovukFormMixin, forms.Form):
    partnership = forms.ModelChoiceField(
        queryset=Partnership.objects.none(), empty_label=None, label="Partnership"
    )
    plan = forms.ModelChoiceField(
        queryset=Plan.objects.none(),
        required=False,
        label="Plan to update (optional)",
        empty_label="None – this is a new plan",
        help_text="Choose a plan when the document is a newer version of it: actions are matched by their reference.",
    )
    document = forms.FileField(
        label="Upload the plan document",
        help_text="A Word (.docx), Excel (.xlsx or .xls), LibreOffice (.odt or .ods), CSV, PDF, text, Markdown or HTML file.",
        widget=forms.FileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
        error_messages={
            "required": "Select a document to upload",
            "empty": "The selected file is empty",
            "invalid": "The selected file could not be uploaded",
        },
    )

    def __init__(self, *args: Any, partnerships: Any, plans: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships
        self.fields["plan"].queryset = plans.select_related("partnership")
        several = len(list(partnerships[:2])) > 1
        # two plans of one partnership may share a title (a yearly business plan, a plan imported as
        # new by mistake): each is then told apart by when it was made and from what (QA round 7)
        titles = Counter((p.partnership_id, p.title) for p in self.fields["plan"].queryset)
        shared = {key for key, count in titles.items() if count > 1}

        def label(plan: Plan) -> str:
            text = _plan_and_partnership(plan) if several else plan.title
            if (plan.partnership_id, plan.title) in shared:
                made = timezone.localtime(plan.created)
                source = f", from {plan.source_document}" if plan.source_document else ""
                text += f" – made {made.day} {made:%B %Y}{source}"
            return text

        self.fields["plan"].label_from_instance = label  # type: ignore[attr-defined]
        only = list(partnerships[:2])
        if len(only) == 1:
            # One partnership to choose from: no question to ask.
            self.fields["partnership"].widget = forms.HiddenInput()
            self.fields["partnership"].initial = only[0].pk
            self.fields["partnership"].required = False
        self.only_partnership = only[0] if len(only) == 1 else None

    def clean_partnership(self) -> Partnership | None:
        return self.cleaned_data.get("partnership") or self.only_partnership

    def clean_document(self) -> Any:
        upload = self.cleaned_data["document"]
        # The size is checked before anything reads the file.
        limit = settings.OVERSIGHT_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The selected file must be smaller than {filesizeformat(limit)} (it is {filesizeformat(upload.size)})"
            )
        if not upload.name.lower().endswith(ACCEPTED_EXTENSIONS):
            raise forms.ValidationError(
                "The selected file must be a .docx, .xlsx, .xls, .odt, .ods, .csv, .pdf, .txt, .md or .html file"
            )
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        plan, partnership = cleaned.get("plan"), cleaned.get("partnership")
        if plan is not None and partnership is not None and plan.partnership_id != partnership.pk:
            self.add_error("plan", "Choose a plan of the same partnership")
        return cleaned


class ConfirmForm(GovukFormMixin, forms.Form):
    title = forms.CharField(label="Plan title", max_length=500)
    kind = forms.ChoiceField(label="Kind of plan", choices=PlanKind.choices)
    owners_to_add = forms.MultipleChoiceField(
        label="New agencies and people to add to the partnership",
        help_text="Untick any that is not an agency or a person (words of the plan read as a name). "
        "Actions keep their owner as written either way.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, proposals: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["owners_to_add"]
        field.choices = proposals or []  # type: ignore[attr-defined]
        if not self.is_bound:
            self.initial["owners_to_add"] = [key for key, _label in proposals or []]
