"""The report's date choices and the public version's "roles only" choice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from oversight.forms import GovukFormMixin
from plans.models import EARLIEST_DATE

from .models import PublicReportSetting


class ReportDatesForm(GovukFormMixin, forms.Form):
    mark_optional = False  # the dates a report is drawn for, each with a default

    as_at = forms.DateField(
        label="Progress as at",
        required=False,
        help_text="For example, 14/12/2026. Leave empty for today.",
        error_messages={"invalid": "Enter the progress as at date as a real date, for example 14/12/2026"},
    )
    previous = forms.DateField(
        label="Previous report",
        required=False,
        help_text="Changes are counted from this date. Leave empty for the last board meeting or a month before.",
        error_messages={"invalid": "Enter the previous report date as a real date, for example 14/11/2026"},
    )

    def clean_as_at(self) -> dt.date:
        day = self.cleaned_data.get("as_at") or timezone.localdate()
        if day > timezone.localdate():
            raise forms.ValidationError("The as-at date must be today or in the past")
        if day < EARLIEST_DATE:
            raise forms.ValidationError("The as-at date must be in 2000 or later")
        return day

    def clean_previous(self) -> dt.date | None:
        day = self.cleaned_data.get("previous")
        if day is not None and day < EARLIEST_DATE:
            raise forms.ValidationError("The previous report date must be in 2000 or later")
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        as_at, previous = data.get("as_at"), data.get("previous")
        if as_at and previous and previous >= as_at:
            self.add_error("previous", "The previous report date must be before the as-at date")
        return data


class PublicReportSettingForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = PublicReportSetting
        fields = ["roles_only"]
        labels = {"roles_only": "Roles only: leave people's names out of the public version"}
