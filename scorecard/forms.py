"""Forms for entering scorecard values by hand or by file."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from oversight.forms import GovukFormMixin, specific_error_messages
from plans.models import Action
from scorecard import figures
from scorecard.models import Dimension, Frequency, Measure
from scorecard.tables import JSON_SHAPE

DEFAULT_SOURCE = "Entered by hand"


# the columns an upload and a download of values have whatever the measure (scorecard/exports.py)
RESERVED_COLUMNS = frozenset(
    {"period", "value", "count", "source", "entered-by", "entered-at", "entered_by", "entered_at"}
)


class ValueForm(GovukFormMixin, forms.Form):
    """One value of a measure: period, one field per dimension, the number and its source."""

    period = forms.CharField(label="Period", max_length=20, help_text="Year and month, for example 2020-04.")
    number = forms.DecimalField(label="Value", max_digits=14, decimal_places=2)
    source = forms.CharField(
        label="Source",
        max_length=500,
        initial=DEFAULT_SOURCE,
        help_text="The report or document the value comes from.",
    )

    def __init__(self, *args: Any, measure: Measure, **kwargs: Any) -> None:
        self.measure = measure
        self.dimension_fields: list[tuple[str, Any]] = []
        super().__init__(*args, **kwargs)
        if measure.frequency == figures.QUARTERLY:
            self.fields["period"].help_text = "Year and first month of the quarter, for example 2020-04."
        for dimension in measure.dimension_list():
            name = f"dim_{dimension.key}"
            if dimension.allowed_values:
                field: forms.Field = forms.ChoiceField(
                    label=dimension.name,
                    choices=[("", "Choose"), *((v, v) for v in dimension.allowed_values)],
                )
                field.widget.attrs["class"] = "govuk-select"
            else:
                field = forms.CharField(label=dimension.name, max_length=100)
                field.widget.attrs["class"] = "govuk-input"
            specific_error_messages(name, field)  # "Select Area", not "This field is required."
            self.fields[name] = field
            self.dimension_fields.append((name, dimension))
        self.order_fields(["period", *(n for n, _ in self.dimension_fields), "number", "source"])

    def clean_period(self) -> Any:
        try:
            return figures.parse_period(self.cleaned_data["period"], self.measure.frequency)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        problems = figures.value_problems(
            self.measure.unit,
            data.get("period"),
            None,
            timezone.localdate(),
            self.measure.frequency,
        )
        if problems:
            self.add_error("period", problems)
        problems = figures.value_problems(self.measure.unit, None, data.get("number"), timezone.localdate())
        if problems:
            self.add_error("number", problems)
        return data

    def dimensions(self) -> dict[str, str]:
        return {d.key: self.cleaned_data[name] for name, d in self.dimension_fields}


class UploadForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="CSV or Excel file",
        help_text="Columns: period, one column per dimension, value, and optionally source.",
    )
    source = forms.CharField(
        label="Source",
        max_length=500,
        required=False,
        help_text="For rows without a source column. The file name when left blank.",
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The file must be a CSV (.csv) or Excel workbook (.xlsx).")
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("The file must be smaller than 5 MB.")
        return upload


class MeasureForm(GovukFormMixin, forms.ModelForm):
    """A measure's definition; choices limited to the measure's partnership."""

    new_dimension = forms.CharField(
        label="Add a dimension (optional)",
        max_length=100,
        required=False,
        help_text="A new way to break the measure down, for example Age group.",
    )
    new_dimension_values = forms.CharField(
        label="Its values (optional)",
        max_length=500,
        required=False,
        help_text="Separated by commas, for example Under 10, 10 to 15, 16 and 17.",
    )

    class Meta:
        model = Measure
        fields = [
            "name",
            "description",
            "unit",
            "polarity",
            "target",
            "green_from",
            "amber_from",
            "frequency",
            "owner",
            "dimensions",
            "actions",
        ]
        widgets = {
            "dimensions": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        self.fields["owner"].queryset = partnership.people.all()
        self.fields["dimensions"].queryset = partnership.dimensions.all()
        self.fields["actions"].queryset = (
            Action.objects.filter(plan__partnership=partnership)
            .select_related("plan")
            .order_by("plan", "order", "pk")
        )
        self.fields["actions"].help_text = "The actions whose impact this measure shows."

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        others = Measure.objects.filter(partnership=self.instance.partnership, name__iexact=name)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("The partnership already has a measure with this name.")
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("new_dimension"):
            key = Dimension.key_for(data["new_dimension"])
            if not key:
                self.add_error(
                    "new_dimension",
                    "Give the dimension a name with letters (A to Z) or digits: its name becomes the "
                    "column name in uploads.",
                )
            elif key in RESERVED_COLUMNS:
                # the upload's own columns: a dimension 'Source' took over where each value came from
                # (QA round 11)
                self.add_error(
                    "new_dimension",
                    f"“{data['new_dimension']}” is a column every upload has already: name the dimension "
                    f"otherwise, for example “{data['new_dimension']} of referral”.",
                )
            elif Dimension.objects.filter(partnership=self.instance.partnership, key=key).exists():
                self.add_error("new_dimension", "There is already a dimension with this name: tick it above.")
        for name in ("target", "green_from", "amber_from"):
            problems = figures.value_problems(
                data.get("unit") or "", None, data.get(name), timezone.localdate()
            )
            if problems:
                # a target or threshold is a value of the measure: what no value can be, neither can it
                self.add_error(name, problems)
        if self.instance.pk:
            self._check_held_values(data)
        return data

    def _check_held_values(self, data: dict[str, Any]) -> None:
        """A measure's values must still fit it after the change: monthly values under a quarterly
        measure would each be shown as their quarter, several to a quarter; a dimension untaken
        while values are broken down by it would count them again beside a total and lose their
        breakdown in downloads."""
        values = list(self.instance.values.values_list("period", "dimensions"))
        unit = data.get("unit")
        if unit and unit != self.instance.unit:
            # the values held must be values of the new unit (2.1 days are no count, 18 strategy
            # meetings no percentage)
            unfit = [
                (period, number)
                for period, number in self.instance.values.order_by("-period").values_list("period", "number")
                if figures.value_problems(unit, None, number, timezone.localdate())
            ]
            if unfit:
                period, number = unfit[0]
                problem = figures.value_problems(unit, None, number, timezone.localdate())[0]
                more = f" and {len(unfit) - 1} more" if len(unfit) > 1 else ""
                self.add_error(
                    "unit",
                    f"{len(unfit)} value{'s' if len(unfit) > 1 else ''} of this measure would not fit "
                    f"({period:%b %Y}: {number.normalize():f}{more}). {problem}",
                )
        frequency = data.get("frequency")
        if frequency == Frequency.QUARTERLY and self.instance.frequency != Frequency.QUARTERLY:
            months = sorted({p for p, _ in values if p.month not in (1, 4, 7, 10)})
            if months:
                more = f" and {len(months) - 1} more" if len(months) > 1 else ""
                self.add_error(
                    "frequency",
                    f"This measure holds monthly values ({months[0]:%b %Y}{more}): it cannot become "
                    "quarterly while it does. Make a new quarterly measure instead.",
                )
        kept = {d.key for d in data.get("dimensions") or []}
        used = sorted({key for _, dims in values for key in (dims or {}) if key not in kept})
        if used:
            self.add_error(
                "dimensions",
                f"Values of this measure are broken down by {', '.join(used)}: keep "
                f"{'it' if len(used) == 1 else 'them'} ticked while it holds them.",
            )

    def save(self, commit: bool = True) -> Measure:
        measure = super().save(commit=commit)
        name = self.cleaned_data.get("new_dimension")
        if commit and name:
            values = [
                v.strip() for v in self.cleaned_data.get("new_dimension_values", "").split(",") if v.strip()
            ]
            dimension = Dimension.objects.create(
                partnership=measure.partnership, key=Dimension.key_for(name), name=name, allowed_values=values
            )
            measure.dimensions.add(dimension)
        return measure


class TablesForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="Document or JSON file of tables",
        help_text="A report whose data tables hold figures by month (Word, PDF, Excel, text), or a JSON "
        "file of tables in which " + JSON_SHAPE,
    )
    source = forms.CharField(
        label="Source",
        max_length=300,
        required=False,
        help_text="The document's name. The file name when blank.",
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError("The file must be smaller than 20 MB.")
        return upload
