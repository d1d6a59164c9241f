"""Forms for entering scorecard values by hand or by file."""

from __future__ import annotations

from typing import Any

from django import forms

from oversight.forms import GovukFormMixin
from scorecard import figures
from scorecard.models import Measure

DEFAULT_SOURCE = "Entered by hand"


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
            self.fields[name] = field
            self.dimension_fields.append((name, dimension))
        self.order_fields(["period", *(n for n, _ in self.dimension_fields), "number", "source"])

    def clean_period(self) -> Any:
        try:
            return figures.parse_period(self.cleaned_data["period"], self.measure.frequency)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error

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
