"""Forms of the governance pages (GOV.UK styling from GovukFormMixin)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from governance.models import MAX_WORKING_DAYS, Board, Decision, Meeting, SignOff, StatutoryClock
from governance.rounds import deadline_problem
from oversight.forms import GovukFormMixin
from plans.models import EARLIEST_DATE, LATEST_DUE_DATE, Partnership, Person, Plan, PlanStage, check_plan_date

MONITORED_REQUIRED = "Enter how the area will be monitored as business as usual"


class OpenRoundForm(GovukFormMixin, forms.Form):
    meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.none(),
        required=False,
        label="Board meeting (optional)",
        help_text="The meeting the updates are for.",
    )
    deadline = forms.DateField(help_text="The date owners must update by.")
    reminder_days_before = forms.IntegerField(
        min_value=0,
        max_value=60,
        initial=3,
        label="Remind owners who have not updated",
        help_text="Days before the deadline.",
        error_messages={
            "required": "Enter how many days before the deadline to remind owners",
            "invalid": "Enter the number of days before the deadline to remind owners, as a whole number",
        },
    )

    def __init__(self, *args: Any, meetings: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if meetings is not None:
            self.fields["meeting"].queryset = meetings
        self.fields["meeting"].empty_label = "No meeting"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        deadline, days = data.get("deadline"), data.get("reminder_days_before")
        if deadline is not None:
            today = timezone.localdate()
            problem = deadline_problem(deadline, data.get("meeting"), today)
            if problem:
                self.add_error("deadline", problem)
            elif days is not None and days > (deadline - today).days:
                # A reminder due before the round opens is never sent: the owners' first email
                # already falls inside its window.
                left = (deadline - today).days
                self.add_error(
                    "reminder_days_before",
                    f"The deadline is {left} day{'s' if left != 1 else ''} away: enter a number of days "
                    f"from 0 to {left}, or the reminder would be due before the round opens",
                )
        return data


class MeetingForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "minutes", "decisions"]

    def __init__(self, *args: Any, board: Board, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.board = board

    def clean_date(self) -> Any:
        day = self.cleaned_data["date"]
        if not EARLIEST_DATE <= day <= LATEST_DUE_DATE:
            raise forms.ValidationError(
                f"Enter a date from {EARLIEST_DATE.year} to {LATEST_DUE_DATE.year}, for example 21/1/2027"
            )
        # Two meetings on one day could not be told apart where rounds and decisions name them.
        same_day = Meeting.objects.filter(board=self.board, date=day).exclude(pk=self.instance.pk)
        if same_day.exists():
            raise forms.ValidationError(f"This board already has a meeting on {day:%-d %B %Y}")
        if self.instance.pk and day != self.instance.date:
            problem = self._moved_meeting_problem(day)
            if problem:
                raise forms.ValidationError(problem)
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        day = data.get("date")
        # minutes record what a meeting decided: not before it has been held
        if day and day > timezone.localdate() and (data.get("minutes") or data.get("decisions")):
            self.add_error(
                "minutes" if data.get("minutes") else "decisions",
                f"The meeting of {day:%-d %B %Y} has not been held yet: record its minutes and decisions "
                "once it has",
            )
        return data

    def _moved_meeting_problem(self, day: dt.date) -> str:
        """A meeting that has decided sign-offs, or that open update rounds are for, keeps a date
        those fit: a board cannot agree an area before it was proposed, nor at a meeting still to
        come, and a round's updates are due before the meeting they are for."""
        decided = list(self.instance.sign_offs.exclude(decision=Decision.PENDING))
        if decided:
            if day > timezone.localdate():
                return "Decisions were recorded at this meeting: its date cannot be in the future"
            latest = max(s.proposed_on for s in decided)
            if day < latest:
                return (
                    f"Decisions were recorded at this meeting on areas proposed up to {latest:%-d %B %Y}: "
                    "its date cannot be before that"
                )
            first = min((s.decided_on for s in decided if s.decided_on), default=None)
            if first is not None and day > first:
                return (
                    f"A decision recorded at this meeting is dated {first:%-d %B %Y}: the meeting cannot be "
                    "after it"
                )
        open_rounds = self.instance.update_rounds.filter(closed_at__isnull=True, deadline__gt=day)
        latest_deadline = max((r.deadline for r in open_rounds), default=None)
        if latest_deadline is not None:
            return (
                f"An open update round for this meeting has its deadline on {latest_deadline:%-d %B %Y}: "
                "the meeting cannot be before it. Close the round or change its deadline first"
            )
        return ""


class ProposeSignOffForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = SignOff
        fields = ["evidence", "evidence_links", "monitored_through", "proposed_on"]
        labels = {"proposed_on": "Date proposed to the board"}
        help_texts = {
            "proposed_on": "Leave empty for today. Give an earlier date when the board has already "
            "considered the proposal and you are recording it afterwards."
        }
        error_messages = {"monitored_through": {"required": MONITORED_REQUIRED}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposed_on"].required = False

    def clean_proposed_on(self) -> dt.date:
        day = self.cleaned_data.get("proposed_on") or timezone.localdate()
        if day > timezone.localdate():
            raise forms.ValidationError("The date proposed cannot be in the future.")
        if day < EARLIEST_DATE:
            raise forms.ValidationError(f"The date proposed must be in {EARLIEST_DATE.year} or later.")
        plan = self.instance.section.plan if self.instance.section_id else None
        # no area of a plan is addressed before the plan began: the inspection's report, else its start
        if plan is not None and plan.report_date and day < plan.report_date:
            raise forms.ValidationError(
                f"The date proposed must be on or after {plan.report_date:%-d %B %Y}, the date of the "
                "report the plan answers."
            )
        if plan is not None and not plan.report_date and plan.start and day < plan.start:
            raise forms.ValidationError(
                f"The date proposed must be on or after {plan.start:%-d %B %Y}, the plan's start."
            )
        return day

    def clean_evidence_links(self) -> str:
        links: str = self.cleaned_data["evidence_links"]
        validator = forms.URLField(assume_scheme="https")
        for line in links.splitlines():
            if line.strip():
                try:
                    validator.clean(line.strip())
                except forms.ValidationError as exc:
                    raise forms.ValidationError(
                        f"“{line.strip()}” is not a link (start it with https://)."
                    ) from exc
        return links


DECIDED_WITHIN = dt.timedelta(
    days=42
)  # the next meeting, where minutes are agreed, is usually within six weeks


class DecisionForm(GovukFormMixin, forms.ModelForm):
    decision = forms.ChoiceField(
        choices=[(Decision.AGREED, Decision.AGREED.label), (Decision.NOT_AGREED, Decision.NOT_AGREED.label)],
        widget=forms.RadioSelect,
        label="The board's decision",
    )

    class Meta:
        model = SignOff
        fields = ["meeting", "decision", "decided_on", "minute_ref", "monitored_through", "comments"]
        labels = {"decided_on": "Date of the decision", "meeting": "Meeting"}
        error_messages = {
            "monitored_through": {"required": MONITORED_REQUIRED},
            "minute_ref": {"required": "Enter the minute reference of the decision"},
        }

    def __init__(self, *args: Any, meetings: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings if meetings is not None else Meeting.objects.none()
        self.fields["meeting"].required = True
        self.fields["meeting"].empty_label = "Choose the meeting"
        if self.instance.proposed_on:
            self.fields["meeting"].help_text = (
                f"The board's meetings held since the area was proposed on {self.instance.proposed_on:%-d %B %Y}. "
                "A meeting still to come can be chosen once it has been held."
            )
        self.fields["decided_on"].required = True
        self.fields["minute_ref"].required = True

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        meeting, decided_on = data.get("meeting"), data.get("decided_on")
        if meeting and decided_on and decided_on < meeting.date:
            self.add_error("decided_on", "The decision cannot be dated before the meeting.")
        elif meeting and decided_on and decided_on > meeting.date + DECIDED_WITHIN:
            # a decision at a meeting is dated that day, or when its minutes were agreed soon after
            # (QA round 7: one dated ten months after its meeting was accepted)
            self.add_error(
                "decided_on",
                f"The decision is recorded at the meeting of {meeting.date:%-d %B %Y}: date it within "
                f"{DECIDED_WITHIN.days} days of that meeting, or choose the meeting that made it.",
            )
        if decided_on and decided_on > timezone.localdate():
            self.add_error("decided_on", "The decision cannot be dated in the future.")
        proposed = self.instance.proposed_on
        if decided_on and proposed and decided_on < proposed:
            self.add_error(
                "decided_on",
                f"The decision cannot be dated before the area was proposed ({proposed:%-d %B %Y}).",
            )
        return data


class StageForm(GovukFormMixin, forms.Form):
    stage = forms.ChoiceField(choices=PlanStage.choices, widget=forms.RadioSelect, label="Stage")
    report_date = forms.DateField(
        required=False,
        label="Date of the inspection report",
        help_text="Statutory clocks count working days from this date.",
        # the plan's own rule (the API's too): a report dated 9999 was saved here
        validators=[check_plan_date],
    )
    reason = forms.CharField(
        max_length=200,
        required=False,
        label="What changed (optional)",
        help_text="Kept in the plan's history.",
    )


class BoardForm(GovukFormMixin, forms.ModelForm):
    """A board of one partnership: its chair, members and plans come from that partnership only."""

    class Meta:
        model = Board
        fields = ["name", "chair", "members", "plans"]
        widgets = {"members": forms.CheckboxSelectMultiple, "plans": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        people = Person.objects.filter(partnership=partnership).select_related("agency")
        self.fields["chair"].queryset = people
        self.fields["members"].queryset = people
        self.fields["plans"].queryset = Plan.objects.filter(partnership=partnership)

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"]
        others = Board.objects.filter(partnership=self.instance.partnership, name__iexact=name)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("The partnership already has a board with this name.")
        return name


class ClockForm(GovukFormMixin, forms.ModelForm):
    working_days = forms.IntegerField(
        label="Working days",
        min_value=1,
        max_value=MAX_WORKING_DAYS,
        help_text="Working days allowed after the start date, for example 20.",
        error_messages={
            "required": "Enter the working days allowed",
            "invalid": "Enter the working days allowed as a whole number, for example 20",
            "min_value": "The working days allowed must be 1 or more",
            "max_value": f"The working days allowed must be {MAX_WORKING_DAYS} or fewer (about two years)",
        },
    )

    class Meta:
        model = StatutoryClock
        fields = ["label", "start", "working_days", "met_on"]
        labels = {"label": "Deadline", "start": "Counted from", "met_on": "Met on"}
        error_messages = {
            "start": {
                "required": "Enter the date the clock counts from",
                "invalid": "Enter the date the clock counts from as a real date, for example 31/10/2026",
            },
        }


class ReopenForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why the area is reopened",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text="For example, the decision was recorded against the wrong section, or the board asked "
        "for more evidence (give the minute reference). It is kept in the section's history.",
        error_messages={"required": "Enter why the area is reopened"},
    )


class VersionsForm(GovukFormMixin, forms.Form):
    """The dates between which a plan's changes are compared (the versions page)."""

    mark_optional = False

    since = forms.DateField(
        label="From the end of",
        required=False,
        help_text="For example, 31/3/2026.",
        # the label is the start of a phrase: the generic message spliced it ('Enter the from the end of')
        error_messages={"invalid": "Enter the date to compare from as a real date, for example 31/3/2026"},
    )
    until = forms.DateField(
        label="To the end of",
        required=False,
        help_text="Leave empty for today.",
        error_messages={"invalid": "Enter the date to compare to as a real date, for example 31/3/2026"},
    )

    def _in_the_plans_years(self, name: str, what: str) -> Any:
        day = self.cleaned_data.get(name)
        if day is not None and not EARLIEST_DATE <= day <= timezone.localdate():
            raise forms.ValidationError(
                f"The date to compare {what} must be from {EARLIEST_DATE.year} to today"
            )
        return day

    def clean_since(self) -> Any:
        return self._in_the_plans_years("since", "from")

    def clean_until(self) -> Any:
        return self._in_the_plans_years("until", "to")
