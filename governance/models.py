"""Governance: boards and their meetings, update rounds before meetings, and sign-off of sections.

Every model here reaches a partnership (through its board or plan) and so has a
`for_user` queryset: the one door for reading, as in the tracker.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from plans.models import Action, PartnershipScopedQuerySet, Person, Plan, Section, check_plan_date

MAX_WORKING_DAYS = 500  # about two years


class BoardQuerySet(PartnershipScopedQuerySet):
    partnership_path = "partnership"


class Board(models.Model):
    """A board or group that oversees one or more plans (e.g. the partnership executive)."""

    partnership = models.ForeignKey("plans.Partnership", on_delete=models.CASCADE, related_name="boards")
    name = models.CharField(max_length=200)
    chair = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="chaired_boards"
    )
    members = models.ManyToManyField(Person, blank=True, related_name="boards")
    plans = models.ManyToManyField(
        Plan, blank=True, related_name="boards", help_text="The plans this board oversees."
    )

    objects = BoardQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[members, plans])

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="board_unique_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:board", args=[self.pk])

    def clean(self) -> None:
        if self.chair_id and self.chair.partnership_id != self.partnership_id:
            raise ValidationError({"chair": "The chair must belong to the same partnership."})


class MeetingQuerySet(PartnershipScopedQuerySet):
    partnership_path = "board__partnership"

    def held_by(self, day: dt.date | None = None) -> MeetingQuerySet:
        """Meetings that have taken place by the day (today by default): the only ones a
        decision can have been made at."""
        return self.filter(date__lte=day or timezone.localdate())


class Meeting(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    # a meeting's minutes run to pages, not to a pasted book (2 MB was saved)
    minutes = models.TextField(blank=True, max_length=50_000)
    decisions = models.TextField(
        blank=True, max_length=50_000, help_text="Decisions recorded at the meeting, as minuted."
    )

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.board} – {self.date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting", args=[self.pk])

    def previous_date(self) -> dt.date | None:
        """The date of the same board's meeting before this one, if any."""
        return (
            Meeting.objects.filter(board_id=self.board_id, date__lt=self.date)
            .order_by("-date")
            .values_list("date", flat=True)
            .first()
        )

    def report_date(self, today: dt.date | None = None) -> dt.date:
        """The date the meeting's board reports and flags are as at: the meeting date, or
        today for a meeting still to come (a report cannot be as at a future date)."""
        today = today or timezone.localdate()
        return min(self.date, today)


class UpdateRoundQuerySet(PartnershipScopedQuerySet):
    partnership_path = "plan__partnership"

    def live(self, today: dt.date) -> UpdateRoundQuerySet:
        """Rounds still asking for updates: deadline not passed, and not closed early."""
        return self.filter(deadline__gte=today, closed_at__isnull=True)


class UpdateRound(models.Model):
    """A call for progress updates on one plan, usually before a board meeting."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="update_rounds")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="update_rounds"
    )
    deadline = models.DateField()
    reminder_days_before = models.PositiveSmallIntegerField(
        default=3, help_text="Days before the deadline when owners who have not updated are reminded."
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField()
    # A round opened by mistake (a wrong deadline, the wrong meeting) is closed, not deleted: the
    # requests and emails already sent stay on record.
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = UpdateRoundQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_at", "-pk"]

    def __str__(self) -> str:
        return f"Update round for {self.plan} (deadline {self.deadline:%-d %B %Y})"

    def get_absolute_url(self) -> str:
        return reverse("governance:round", args=[self.pk])


class UpdateRequestQuerySet(PartnershipScopedQuerySet):
    partnership_path = "round__plan__partnership"


class UpdateRequest(models.Model):
    """One owner's part of a round: exactly the actions they are asked to update.

    The owner is a user (a member who owns actions directly or through their agency) or,
    for owners without a login, a person with an email address. The timestamps make the
    emails idempotent: each is sent at most once per request.
    """

    round = models.ForeignKey(UpdateRound, on_delete=models.CASCADE, related_name="requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="update_requests",
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="update_requests"
    )
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    actions = models.ManyToManyField(Action, related_name="update_requests")
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    objects = UpdateRequestQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="request_one_per_user"),
            models.UniqueConstraint(fields=["round", "person"], name="request_one_per_person"),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | models.Q(person__isnull=False),
                name="request_has_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.round}"


class Decision(models.TextChoices):
    PENDING = "pending", "Awaiting the board's decision"
    AGREED = "agreed", "Agreed: fully addressed"
    NOT_AGREED = "not_agreed", "Not agreed"


class SignOffQuerySet(PartnershipScopedQuerySet):
    partnership_path = "section__plan__partnership"


class SignOff(models.Model):
    """A proposal that a section is fully addressed, and the board's decision on it."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="sign_offs")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_on = models.DateField()
    evidence = models.TextField(help_text="Why the area is fully addressed: what changed and how you know.")
    evidence_links = models.TextField(blank=True, help_text="One link per line.")
    monitored_through = models.CharField(
        max_length=300,
        help_text="How the area will be monitored as business as usual, e.g. the quarterly audit.",
    )
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PENDING)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="sign_offs"
    )
    decided_on = models.DateField(null=True, blank=True)
    minute_ref = models.CharField("minute reference", max_length=100, blank=True)
    comments = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SignOffQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-proposed_on", "-pk"]
        verbose_name = "sign-off"
        constraints = [
            # one proposal awaiting the board per area: two sent at once would let the board's
            # minute be recorded both ways
            models.UniqueConstraint(
                fields=["section"],
                condition=models.Q(decision="pending"),
                name="one_pending_sign_off_per_section",
                violation_error_message="This area is already awaiting the board's decision.",
            )
        ]

    def __str__(self) -> str:
        return f"Sign-off of {self.section}"

    @property
    def links(self) -> list[str]:
        return [line.strip() for line in self.evidence_links.splitlines() if line.strip()]


class ClockQuerySet(PartnershipScopedQuerySet):
    partnership_path = "plan__partnership"


class StatutoryClock(models.Model):
    """A deadline the inspectorate set for a plan, in working days from a start date.

    The 70-working-day final plan of a JTAI is shown for every inspection plan with a report
    date without being stored; other deadlines (e.g. an early draft within 20 working days
    after a focused visit with priority actions) are added per plan by a plan manager.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="statutory_clocks")
    label = models.CharField(
        max_length=200, help_text="What must be done, e.g. “Early draft of the plan to Ofsted”."
    )
    # in the years plans are made: a start in 9999 could not be counted on (the plan's page failed)
    start = models.DateField(
        help_text="Usually the date of the inspection report or focused visit letter.",
        validators=[check_plan_date],
    )
    working_days = models.PositiveSmallIntegerField(
        help_text="Working days allowed after the start date.",
        # a statutory deadline is weeks or months away: two years of working days is far beyond any,
        # and a deadline thousands of years away could not be counted (the plan's page failed)
        validators=[MinValueValidator(1), MaxValueValidator(MAX_WORKING_DAYS)],
    )
    met_on = models.DateField(
        null=True,
        blank=True,
        help_text="When it was done; leave empty until then.",
        validators=[check_plan_date],
    )

    objects = ClockQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["start", "pk"]

    def __str__(self) -> str:
        return self.label
