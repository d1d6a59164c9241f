"""The tracker's data: partnerships, agencies, people, roles, plans, sections, actions, updates.

Two rules keep the rest simple (see shared/DESIGN.md):
- One door for access: every queryset that reaches a page, export or API call starts from
  `Model.objects.for_user(user)`; every write asks a function in `plans.rules`.
- Status lives on progress updates: an action's status on a date is the status of its
  latest update on or before that date; `Action.status` is a cached copy for fast lists.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_create_with_history

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    AnyUser = AbstractBaseUser | AnonymousUser


@functools.cache
def historical_model(model: type[models.Model]) -> Any:
    """The history table's model of a tracked model (django-simple-history). Read it here
    rather than through `Model.history`, which builds a new manager class on every access."""
    return model.history.model  # type: ignore[attr-defined]


def deletion_record(model: type[models.Model], pk: int) -> Any:
    """The history record of a row's deletion (with who deleted it and why), or None."""
    return (
        historical_model(model)
        .objects.filter(id=pk, history_type="-")
        .select_related("history_user")
        .order_by("-history_date")
        .first()
    )


class Role(models.TextChoices):
    ADMIN = "admin", "Admin"
    MANAGER = "manager", "Plan manager"
    CONTRIBUTOR = "contributor", "Contributor"
    VIEWER = "viewer", "Viewer"


class PartnershipScopedQuerySet(models.QuerySet):
    """Querysets whose rows belong to one partnership, reached through `partnership_path`."""

    partnership_path = "partnership"

    def for_user(self, user: AnyUser) -> PartnershipScopedQuerySet:
        """Only the rows of partnerships the user is a member of (the one door)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(**{f"{self.partnership_path}__in": partnership_ids_for(user)})


# Where `memberships_of` keeps a request's memberships on its user object.
MEMBERSHIPS_ATTR = "_oversight_memberships"


# History reasons that say where a change came from, read back by the pages and the import.
IMPORTED_FROM = "Imported from "  # then the document's name
WORDS_REMOVED = "(Its words were removed from the history when it was withdrawn.)"


def words_digest(text: str) -> str:
    """A fingerprint of an update's words (case, punctuation and spacing aside): what is kept of an
    update withdrawn with its words removed, so a document still carrying them does not bring them
    back, while the words themselves are gone."""
    import hashlib

    plain = " ".join(re.sub(r"[^\w\s]", " ", (text or "").casefold().replace("’", "'")).split())
    return hashlib.sha256(plain.encode()).hexdigest()


WITHDRAWN = "Withdrawn: "  # then why: a progress update withdrawn by whoever may


def display_name(user: Any) -> str:
    """A person as the pages name them: their full name, else their login."""
    return user.get_full_name() or user.get_username()


def memberships_of(user: AnyUser) -> dict[int, Membership]:
    """All the user's memberships by partnership id, read in one query the first time a request
    asks (the one door below, the rules, the navigation) and kept on the user object, which
    lives for one request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return {}
    cache: dict[int, Membership] | None = user.__dict__.get(MEMBERSHIPS_ATTR)
    if cache is None:
        cache = {
            m.partnership_id: m
            for m in Membership.objects.select_related("agency", "partnership").filter(user_id=user.pk)
        }
        user.__dict__[MEMBERSHIPS_ATTR] = cache
    return cache


def partnership_names_when_several(user: AnyUser) -> dict[int, str]:
    """The names of the user's partnerships by id, when there are several (pages then say which
    partnership a plan or action is in: two plans of one title would otherwise read alike); empty
    for a member of one partnership."""
    memberships = memberships_of(user)
    if len(memberships) < 2:
        return {}
    return {pid: m.partnership.name for pid, m in memberships.items()}


def partnership_ids_for(user: AnyUser) -> list[int] | models.QuerySet:
    """The partnerships the user belongs to: the ids themselves once this request has read the
    memberships (`memberships_of`), so later scoped queries carry no subquery to compile and
    run; before that a subquery, so a request that never needs the memberships (an API list)
    does not read them just for this."""
    read: dict[int, Membership] | None = user.__dict__.get(MEMBERSHIPS_ATTR)
    if read is not None:
        return list(read)
    return Membership.objects.filter(user_id=user.pk).values("partnership_id")


class PartnershipQuerySet(PartnershipScopedQuerySet):
    partnership_path = "pk"


class Partnership(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AgencyKind(models.TextChoices):
    COUNCIL = "council", "Council"
    POLICE = "police", "Police"
    NHS = "nhs", "NHS trust or integrated care board"
    SCHOOL = "school", "School or education"
    PROBATION = "probation", "Probation"
    YOUTH_JUSTICE = "youth_justice", "Youth justice"
    VOLUNTARY = "voluntary", "Voluntary sector"
    PARTNERSHIP = "partnership", "Partnership group"
    OTHER = "other", "Other"


class Agency(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="agencies")
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=AgencyKind.choices, default=AgencyKind.OTHER)

    objects = PartnershipScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="agency_unique_name")]

    def __str__(self) -> str:
        return self.short_name or self.name

    @property
    def long_name(self) -> str:
        """'Northshire Police (Police)': where agencies are chosen, short names alone read alike."""
        return (
            f"{self.name} ({self.short_name})"
            if self.short_name and self.short_name != self.name
            else self.name
        )


class Person(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    email = models.EmailField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )

    objects = PartnershipScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.name}, {self.job_title}" if self.job_title else self.name


class Membership(models.Model):
    """A user's role in one partnership; contributors also belong to an agency."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)

    objects = PartnershipScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "partnership"], name="membership_one_per_partnership")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} in {self.partnership}"

    def clean(self) -> None:
        if self.agency_id and self.agency.partnership_id != self.partnership_id:
            raise ValidationError({"agency": "The agency must belong to the same partnership."})


class PlanKind(models.TextChoices):
    JTAI = "jtai", "JTAI action plan / written statement of action"
    SCR = "scr", "SCR or CSPR action plan"
    DELIVERY = "delivery", "Delivery plan"
    OTHER = "other", "Other"


class PlanQuerySet(PartnershipScopedQuerySet):
    partnership_path = "partnership"


class PlanStage(models.TextChoices):
    DRAFT = "draft", "Draft"
    AGREED = "agreed", "Agreed"
    PUBLISHED = "published", "Published"
    CLOSED = "closed", "Closed"


TEXT_MAX_LENGTH = 10_000  # an action's or a section's words: pages of a board pack, not a pasted document
SECTION_TITLE_MAX_LENGTH = 1_000  # a finding's sentence fits; 2 MB slowed every page and pack
MAX_STALE_DAYS = 366  # an action without an update for a year is stale whatever the plan says


def check_plan_date(day: dt.date | None) -> None:
    """A plan's own dates and a deadline's, in the years plans are made and due."""
    if day is not None and not EARLIEST_DATE <= day <= LATEST_DUE_DATE:
        raise ValidationError(
            f"Enter a date from {EARLIEST_DATE.year} to {LATEST_DUE_DATE.year}", code="date_out_of_range"
        )


class Plan(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(max_length=500)
    kind = models.CharField(max_length=20, choices=PlanKind.choices, default=PlanKind.OTHER)
    source_document = models.CharField(
        max_length=255, blank=True, help_text="The document it was imported from."
    )
    start = models.DateField(null=True, blank=True, validators=[check_plan_date])
    end = models.DateField(null=True, blank=True, validators=[check_plan_date])
    stage = models.CharField(max_length=20, choices=PlanStage.choices, default=PlanStage.DRAFT)
    report_date = models.DateField(
        null=True,
        blank=True,
        help_text="Date of the inspection report or review the plan answers.",
        validators=[check_plan_date],
    )
    # a year at most: a day count beyond any date (2,147,483,647) made the board report fail
    stale_after_days = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Days without an update before an action is stale.",
        validators=[MinValueValidator(1), MaxValueValidator(MAX_STALE_DAYS)],
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = PlanQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:plan", args=[self.pk])

    def period_text(self) -> str:
        """The plan's period in words ('1 April 2025 to 31 March 2027'), or "" when it has no dates."""
        start, end = (f"{d.day} {d:%B %Y}" if d else "" for d in (self.start, self.end))
        if start and end:
            return f"{start} to {end}"
        return f"From {start}" if start else (f"Until {end}" if end else "")

    @property
    def stale_days(self) -> int:
        # a value saved before the limit was checked still counts back to a real date
        return min(self.stale_after_days or settings.OVERSIGHT_STALE_DAYS, MAX_STALE_DAYS)

    def empty_before_added(self, day: dt.date, actions_then: int) -> bool:
        """Whether the plan shows no actions as at `day` because it was added here later (saved
        or imported then; its document's older dated updates are on each action's page)."""
        return actions_then == 0 and day < timezone.localdate(self.created)

    def done_statuses(self) -> list[RagStatus]:
        return [s for s in self.rag_statuses.all() if s.is_done]

    def add_default_rag_scheme(self) -> list[RagStatus]:
        """Red/amber/green plus complete, for plans whose document defines no scheme. Written with
        their history, so a report as at a later date shows the definitions as they stood then."""
        return bulk_create_with_history(
            [
                RagStatus(
                    plan=self,
                    key=key,
                    label=label,
                    colour=colour,
                    definition=definition,
                    order=order,
                    is_done=done,
                )
                for order, (key, label, colour, definition, done) in enumerate(DEFAULT_RAG_SCHEME)
            ],
            RagStatus,
        )


class Colour(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    BLUE = "blue", "Blue"
    GREY = "grey", "Grey"


DEFAULT_RAG_SCHEME = [
    ("red", "Red", Colour.RED, "Progress not on track – remedial action required", False),
    ("amber", "Amber", Colour.AMBER, "Progress needs monitoring to ensure it remains on track", False),
    ("green", "Green", Colour.GREEN, "Progress on track", False),
    ("complete", "Complete", Colour.BLUE, "Action completed", True),
]


class RagStatusQuerySet(PartnershipScopedQuerySet):
    partnership_path = "plan__partnership"


class RagStatus(models.Model):
    """One status of a plan's RAG scheme, with the definition the plan writes."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="rag_statuses")
    key = models.SlugField(max_length=30, help_text="red, amber, green, complete …")
    label = models.CharField(max_length=60)
    colour = models.CharField(max_length=10, choices=Colour.choices)
    definition = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0, help_text="Worst first.")
    is_done = models.BooleanField(default=False, help_text="This status means the action is done.")

    objects = RagStatusQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        # by the plan's id, not "plan" (its title): that joined the plans table into every query
        ordering = ["plan_id", "order"]
        verbose_name = "RAG status"
        verbose_name_plural = "RAG statuses"
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="ragstatus_unique_key")]

    def __str__(self) -> str:
        return self.label


class SectionQuerySet(PartnershipScopedQuerySet):
    partnership_path = "plan__partnership"


SECTION_WITHOUT_NAME = "Enter a title or a reference: a section needs one to be found in lists and reports"


def section_name_problem(ref: str, title: str) -> str:
    """A section with neither reference nor title would be a blank row in the plan, the
    governance sign-off table and the board report."""
    return "" if (ref or "").strip() or (title or "").strip() else SECTION_WITHOUT_NAME


class Section(models.Model):
    """A theme, area for development, finding or board question; nests to any depth."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    ref = models.CharField(max_length=40, blank=True)
    title = models.TextField(blank=True, max_length=SECTION_TITLE_MAX_LENGTH)
    what_needs_to_improve = models.TextField(blank=True, max_length=TEXT_MAX_LENGTH)
    what_inspectors_found = models.TextField(blank=True, max_length=TEXT_MAX_LENGTH)
    order = models.PositiveIntegerField(default=0)
    # Set by governance when the board agrees the area is fully addressed.
    signed_off_on = models.DateField(null=True, blank=True)
    monitored_through = models.CharField(
        max_length=300, blank=True, help_text="How the area is monitored as business as usual after sign-off."
    )

    objects = SectionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan_id", "order", "pk"]  # the plan's id: no join to order by its title

    def __str__(self) -> str:
        return f"{self.ref} {self.title}".strip()

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_on is not None

    def ref_problem(self) -> str:
        """A reference another section of the plan has: an import (which finds sections by
        reference) would put the two sections' actions together, and readers could not tell them
        apart. Sections without a reference may be many."""
        ref = (self.ref or "").strip()
        if ref and Section.objects.filter(plan_id=self.plan_id, ref=ref).exclude(pk=self.pk).exists():
            return f"The plan already has a section {ref}."
        return ""

    def clean(self) -> None:
        problem = section_name_problem(self.ref, self.title)
        if problem:
            raise ValidationError({"title": problem})
        if problem := self.ref_problem():
            raise ValidationError({"ref": problem})
        if self.parent_id and self.parent.plan_id != self.plan_id:
            raise ValidationError({"parent": "A section's parent must be in the same plan."})
        node, seen = self.parent, {self.pk}
        while node is not None:
            if node.pk in seen:
                raise ValidationError({"parent": "A section cannot sit inside itself."})
            seen.add(node.pk)
            node = node.parent


class ActionQuerySet(PartnershipScopedQuerySet):
    partnership_path = "plan__partnership"

    def overdue(self, today: dt.date | None = None) -> ActionQuerySet:
        today = today or timezone.localdate()
        return self.filter(due_date__lt=today).exclude(status__is_done=True)

    def due_within(self, days: int, today: dt.date | None = None) -> ActionQuerySet:
        today = today or timezone.localdate()
        return self.filter(due_date__gte=today, due_date__lte=today + dt.timedelta(days=days)).exclude(
            status__is_done=True
        )

    def owned_by(self, user: AnyUser) -> ActionQuerySet:
        """Actions a user answers for: linked to them as a person, or to their agency.

        Each way is a lookup by index (the people's user, the lead agency, the owning agencies);
        no join of the link tables, so no duplicate rows and no DISTINCT over whole actions
        (which made My actions sort every row of the partnership's actions).
        """
        agencies = Membership.objects.filter(user_id=user.pk, agency__isnull=False).values("agency_id")
        as_person = Action.owners.through.objects.filter(person__user_id=user.pk).values("action_id")
        as_agency = Action.owner_agencies.through.objects.filter(agency_id__in=agencies).values("action_id")
        return self.filter(Q(pk__in=as_person) | Q(lead_agency__in=agencies) | Q(pk__in=as_agency))


class Action(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    ref = models.CharField(max_length=40, blank=True)
    # limits: a 2 MB action text was saved, and every page and board pack carried it
    text = models.TextField(max_length=TEXT_MAX_LENGTH)
    owner_text = models.TextField(
        blank=True, max_length=1000, help_text="The owner or lead exactly as the plan writes it."
    )
    owners = models.ManyToManyField(Person, blank=True, related_name="actions")
    owner_agencies = models.ManyToManyField(Agency, blank=True, related_name="owned_actions")
    lead_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="led_actions"
    )
    due_text = models.CharField(max_length=300, blank=True, help_text="The due date as the plan writes it.")
    due_date = models.DateField(null=True, blank=True)
    outcome = models.TextField("outcome sought", blank=True, max_length=TEXT_MAX_LENGTH)
    constraints = models.TextField("constraints or problems", blank=True, max_length=TEXT_MAX_LENGTH)
    question = models.CharField(
        max_length=40, blank=True, help_text="The board question, where the plan has them."
    )
    status = models.ForeignKey(
        RagStatus,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Cached: the status of the latest progress update.",
    )
    last_update_on = models.DateField(null=True, blank=True, help_text="Cached: date of the latest update.")
    order = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1, help_text="Raised on each edit, to refuse lost updates.")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ActionQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[owners, owner_agencies], excluded_fields=["updated"])

    class Meta:
        ordering = ["plan_id", "order", "pk"]  # the plan's id: no join to order by its title
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "ref"], condition=~Q(ref=""), name="action_ref_unique_in_plan"
            )
        ]
        # No composite indexes: a plan's actions are found by plan_id (a hundred or so), and
        # (plan, due_date) and (plan, status) made no page query faster (bench/README.md).

    def __str__(self) -> str:
        return f"{self.ref} {self.text[:60]}".strip()

    def get_absolute_url(self) -> str:
        return reverse("plans:action", args=[self.pk])

    @property
    def label(self) -> str:
        """How headings name the action: its reference, or the start of its text when it has none."""
        if self.ref:
            return self.ref
        words = self.text.split()
        return f"“{' '.join(words[:6])}{'…' if len(words) > 6 else ''}”" if words else "without a reference"

    def ref_problem(self) -> str:
        """A reference another action of the plan has (the page and the API say the same)."""
        ref = (self.ref or "").strip()
        if ref and Action.objects.filter(plan_id=self.plan_id, ref=ref).exclude(pk=self.pk).exists():
            return f"The plan already has an action {ref}."
        return ""

    def is_done(self) -> bool:
        return bool(self.status and self.status.is_done)

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return bool(self.due_date and self.due_date < today and not self.is_done())

    def refresh_status(self, save: bool = True) -> None:
        """Re-derive the cached status and last update date from the progress updates."""
        latest = self.updates.order_by("-date", "-created", "-pk").select_related("status").first()
        self.status = latest.status if latest else None
        self.last_update_on = latest.date if latest else None
        if save:
            Action.objects.filter(pk=self.pk).update(status=self.status, last_update_on=self.last_update_on)

    def status_on(self, day: dt.date) -> RagStatus | None:
        latest = self.updates.filter(date__lte=day).order_by("-date", "-created", "-pk").first()
        return latest.status if latest else None


def status_since(updates: list[ProgressUpdate]) -> dt.date | None:
    """The date of the update from which the action has had its current status: the earliest
    of the latest updates in a row that share the newest one's status. `updates` come newest
    first, as the action page lists them."""
    since = None
    for update in updates:
        if update.status_id != updates[0].status_id:
            break
        since = update.date
    return since


UPDATE_IN_THE_FUTURE = "The date of the update must be today or in the past"
# No partnership's plan is older than this (a year typed as 0025 or 1900 is a slip, and would sort
# first everywhere), nor due later than the end of this century.
EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DUE_DATE = dt.date(2099, 12, 31)
UPDATE_TOO_EARLY = "The date of the update must be in 2000 or later"
DUE_OUT_OF_RANGE = "Enter a due date between 2000 and 2099"
# A narrative longer than this is a pasted document, not an update: it would fill pages of the board pack.
NARRATIVE_MAX_LENGTH = 10_000


def check_update_date(day: dt.date, today: dt.date | None = None) -> None:
    """A progress update tells what has happened, so it cannot be dated after today: a future
    date would become the action's status and last update until then (the page and the API)."""
    if day > (today or timezone.localdate()):
        raise ValidationError(UPDATE_IN_THE_FUTURE)
    if day < EARLIEST_DATE:
        raise ValidationError(UPDATE_TOO_EARLY)


# An update dated further back than this is asked about once (a slip of the year or the month).
OLD_UPDATE = dt.timedelta(days=92)
DATE_LONG_PAST = "more than 3 months ago"


def long_past_problem(day: dt.date, confirmed: bool, today: dt.date | None = None) -> str:
    """An update dated more than 3 months ago, not confirmed: a year slipped (1/1/2001 for 1/1/2026)
    would count the action with that status in every figure since, and an update is not taken back
    without a trace. The page and the API both ask."""
    if confirmed or day >= (today or timezone.localdate()) - OLD_UPDATE:
        return ""
    return (
        f"The date of the update is {day:%-d %B %Y}, {DATE_LONG_PAST}: check the date, or tick "
        "‘The date is right’ and save again"
    )


def check_due_date(day: dt.date | None) -> None:
    if day is not None and not EARLIEST_DATE <= day <= LATEST_DUE_DATE:
        raise ValidationError(DUE_OUT_OF_RANGE)


# wording that is one exact day ('31/12/2026', '31 December 2026', '2026-12-31'), nothing else
_EXACT_DAY = re.compile(
    r"^(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4})$"
)


def due_text_problem(due_text: str) -> str:
    """The plan's wording of the due date is written as one day that does not exist ('31/02/2027',
    a month and day swapped as '12/31/2026'): saved, it would leave the action with no due date
    (never overdue) or with a date its words contradict, and nothing would say so."""
    text = (due_text or "").strip()
    if not _EXACT_DAY.match(text):
        return ""
    from intake.importer.normalise import parse_due  # plain Python: the importer's own reading

    if parse_due(text) is not None:
        return ""
    year = re.search(r"(\d{4})$", text) or re.match(r"^(\d{4})-", text)
    if year and not EARLIEST_DATE.year <= int(year[1]) <= LATEST_DUE_DATE.year:
        # a real day, out of the years an action can be due in ('1 Jan 1900'): not 'not a real date'
        return f"The due date as written, {text}, must be between 2000 and 2099"
    return (
        f"The due date as written, {text}, is not a real date: write a day that exists, for example 28/2/2027"
    )


def due_wording_problem(due_text: str, due_date: dt.date | None) -> str:
    """The plan's wording is one exact day and the due date is another: the overdue figures would
    follow the date while the board pack shows the words."""
    text = (due_text or "").strip()
    if due_date is None or not _EXACT_DAY.match(text):
        return ""
    from intake.importer.normalise import parse_due  # plain Python: the importer's own reading

    named = parse_due(text)
    if named is None or named == due_date:
        return ""
    return (
        f"The due date as written ({named.day} {named:%B %Y}) is not the due date "
        f"({due_date.day} {due_date:%B %Y}): change one so that they agree"
    )


def due_left_behind(
    due_text: str, due_date: dt.date | None, *, text_changed: bool, date_changed: bool
) -> str:
    """The plan's wording of the due date changed to words that name no date ('To be determined',
    'Spring 2027', 'Q5 2026/27') while the date was left as it was: the date the words no longer say
    would keep the action in the overdue figures."""
    if not text_changed or date_changed or due_date is None or not (due_text or "").strip():
        return ""
    from intake.importer.normalise import parse_due  # plain Python: the importer's own reading

    if parse_due(due_text) is not None:
        return ""
    return (
        f"The due date as written, {due_text.strip()}, names no date, but the due date is still "
        f"{due_date.day} {due_date:%B %Y}: empty the due date, or write the date"
    )


def undated_note(due_text: str, due_date: dt.date | None) -> str:
    """An action saved with words for its due date that name no day ('Autumn 2027', 'Spring term
    2027') and no date beside them: it will never show as overdue, so the page says so (QA round 7).
    Words that need no date ('Ongoing', 'Quarterly') say nothing."""
    text = (due_text or "").strip()
    if due_date is not None or not text:
        return ""
    from intake.importer.normalise import is_undated_ok, parse_due  # plain Python: the importer's reading

    if parse_due(text) is not None or is_undated_ok(text):
        return ""
    return (
        f"No date could be read from the due date as written, “{text}”: give a due date too, or the action "
        "will never show as overdue."
    )


def due_date_for(
    due_text: str, due_date: dt.date | None, *, text_changed: bool, date_changed: bool
) -> dt.date | None:
    """The due date an edit leaves: the date given, unless none is given, or the plan's wording of it
    changed and the date did not ('Q3 2026/27' typed over 'End of June 2026'). Then the date the
    wording names, read as an import reads it ('End of June 2026' -> 2026-06-30), so the action
    stays in the overdue figures; wording that names no date ('Ongoing') leaves the date as it is."""
    if due_date is None or (text_changed and not date_changed):
        from intake.importer.normalise import parse_due  # plain Python: the importer's own reading

        named = parse_due(due_text or None)
        if named is not None and EARLIEST_DATE <= named <= LATEST_DUE_DATE:
            return named
    return due_date


class ProgressUpdateQuerySet(PartnershipScopedQuerySet):
    partnership_path = "action__plan__partnership"

    def just_saved_as(
        self, action: Action, author: Any, day: dt.date, status: RagStatus | None, narrative: str
    ) -> ProgressUpdate | None:
        """The same update by the same person, saved moments ago: the form sent again (Back, then
        Save; or two clicks), not a second update to count in a round or show the board twice."""
        since = timezone.now() - RESUBMIT_WINDOW
        return self.filter(
            action=action, author=author, date=day, status=status, narrative=narrative, created__gte=since
        ).first()


RESUBMIT_WINDOW = dt.timedelta(minutes=10)


class ProgressUpdate(models.Model):
    """A dated "progress and impact" entry; it sets the action's status from its date on."""

    # Found through the (action, date) index below; an index on action alone would be its copy.
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates", db_index=False)
    date = models.DateField(default=timezone.localdate)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="progress_updates",
    )
    # RESTRICT, not PROTECT: a status cannot be deleted while updates cite it, but deleting the
    # whole plan (its statuses and its actions' updates together) works.
    status = models.ForeignKey(
        RagStatus, null=True, blank=True, on_delete=models.RESTRICT, related_name="updates"
    )
    narrative = models.TextField("progress and impact", blank=True)
    next_steps = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = ProgressUpdateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-created", "-pk"]
        # An action's updates, and its latest one on or before a date (plan page, flags, as at).
        indexes = [models.Index(fields=["action", "date"])]

    def __str__(self) -> str:
        return f"{self.action.ref} {self.date}"

    def clean(self) -> None:
        if self.status_id and self.action_id and self.status.plan_id != self.action.plan_id:
            raise ValidationError({"status": "Choose a status from this plan's RAG scheme."})


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"evidence/{instance.update.action.plan.partnership_id}/{timezone.now():%Y/%m}/{filename}"


EVIDENCE_EXTENSIONS = ["pdf", "docx", "xlsx", "csv", "txt", "png", "jpg", "jpeg", "pptx", "odt", "ods"]


def web_link(value: str) -> str:
    """The link if it is a web address (http or https), else "": what may go in an href.

    Forms and the API accept only web addresses, but rows can arrive by other doors (the
    admin, a restored backup); a `javascript:` link must never reach a page as a link.
    """
    scheme, _, rest = (value or "").strip().partition(":")
    return value.strip() if scheme.lower() in ("http", "https") and rest.startswith("//") else ""


class EvidenceQuerySet(PartnershipScopedQuerySet):
    partnership_path = "update__action__plan__partnership"


class Evidence(models.Model):
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(max_length=200, blank=True)
    link = models.URLField(max_length=1000, blank=True)
    file = models.FileField(
        upload_to=evidence_path, blank=True, validators=[FileExtensionValidator(EVIDENCE_EXTENSIONS)]
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.title or self.link or (self.file.name if self.file else "evidence")

    def get_absolute_url(self) -> str:
        return reverse("plans:evidence", args=[self.pk])

    def download_name(self) -> str:
        """The name the file downloads under: its title as shown on the page (storage adds a
        random suffix and drops what it cannot store, such as emoji), with the stored file's
        extension; the stored name where the title has another."""
        stored = os.path.basename(self.file.name)
        title = os.path.basename((self.title or "").replace("\\", "/")).strip()
        if title and os.path.splitext(title)[1].lower() == os.path.splitext(stored)[1].lower():
            return title
        return stored

    @property
    def web_link(self) -> str:
        return web_link(self.link)

    def clean(self) -> None:
        if not self.link and not self.file:
            raise ValidationError("Give a link or upload a file.")


@receiver(post_delete, sender=Evidence)
def delete_evidence_file(sender: type[Evidence], instance: Evidence, **kwargs: Any) -> None:
    """A deleted evidence row (its plan, action or update deleted) takes its file with it: files
    often hold case detail about children, and nobody could reach or remove them any more. Only
    once the deletion is committed, so a rolled-back deletion keeps its file."""
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))


class RemovedWords(models.Model):
    """The fingerprint (`words_digest`) of an update withdrawn with its words removed from the
    history: an import of a document still carrying those words leaves them out, whatever day the
    document gives them. Never shown; it holds no words."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["action", "digest"])]
