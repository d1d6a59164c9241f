"""What the API reads and writes. Related objects are limited to the caller's partnerships.

Fields that other parts of the service own are read-only here: an action's status and last
update date (cached from progress updates), a section's sign-off (the board's, in governance).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models import QuerySet
from rest_framework import serializers

from oversight.forms import visible_text
from plans.models import (
    NARRATIVE_MAX_LENGTH,
    Action,
    Agency,
    Evidence,
    Partnership,
    Person,
    Plan,
    ProgressUpdate,
    RagStatus,
    Section,
    check_due_date,
    check_update_date,
    due_date_for,
    due_left_behind,
    due_text_problem,
    due_wording_problem,
    long_past_problem,
    section_name_problem,
)
from plans.updates import STATUS_MISSING


class ForUserRelatedField(serializers.PrimaryKeyRelatedField):
    """A primary key chosen from `model.objects.for_user(request.user)` only (the one door).

    Another partnership's id is answered like one that does not exist.
    """

    def __init__(self, model: type, **kwargs: Any) -> None:
        self.model = model
        kwargs.setdefault("queryset", model.objects.none())
        super().__init__(**kwargs)

    default_error_messages = {
        **serializers.PrimaryKeyRelatedField.default_error_messages,
        "not_whole": "Give an id: a whole number.",
    }

    def get_queryset(self) -> QuerySet:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        return self.model.objects.for_user(user)

    def to_internal_value(self, data: Any) -> Any:
        # DRF hands 1.5 (or "1.5") to the query, where the id column cuts it to 1: another
        # object than the client meant, written to without a word (QA round 9)
        whole = (isinstance(data, int) and not isinstance(data, bool)) or (
            isinstance(data, str) and data.isascii() and data.isdigit()
        )
        if not whole:
            self.fail("not_whole")
        if int(data) >= 2**63:  # past the id column's range: no such object
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


# Why a read-only field cannot be written, where another part of the service owns it.
READ_ONLY_REASONS = {
    "status": "An action's status changes when a progress update is added: POST /api/updates/ "
    "with the new status.",
    "status_label": "An action's status changes when a progress update is added: POST /api/updates/ "
    "with the new status.",
    "last_update_on": "Set from the action's latest progress update.",
    "is_overdue": "Worked out from the due date and the status.",
    "signed_off_on": "Areas are signed off by the board, on the governance pages.",
    "monitored_through": "Areas are signed off by the board, on the governance pages.",
    "is_signed_off": "Areas are signed off by the board, on the governance pages.",
    "rag_statuses": "A plan's RAG scheme is changed on the plan's page.",
}


class VisibleCharField(serializers.CharField):
    """Text read as the web forms read it (oversight.forms.visible_text): without invisible and
    control characters, one line, so the API cannot store a look-alike name the forms refuse."""

    multiline = False

    def to_internal_value(self, data: Any) -> str:
        text = visible_text(super().to_internal_value(data), self.multiline)
        text = text.strip() if self.trim_whitespace else text
        if not text and not self.allow_blank:
            self.fail("blank")
        return text


class VisibleTextField(VisibleCharField):
    multiline = True  # a text area's lines and tabs kept


class WritingSerializer(serializers.ModelSerializer):
    """Refuses what DRF would silently drop: a field it does not know, or a change to a field the
    service sets (a client sending "status" on an action would otherwise be told 200 and find the
    status unchanged). A read-only field sent back as it was read (PUT of a GET) is accepted."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: VisibleCharField,
        models.TextField: VisibleTextField,
    }

    def to_internal_value(self, data: Any) -> Any:
        errors: dict[str, list[str]] = {}
        stale = (
            isinstance(data, dict)
            and self.instance is not None
            and "version" in data
            and str(data["version"]) != str(getattr(self.instance, "version", data["version"]))
        )
        if isinstance(data, dict):
            # read from an older version, the fields the service set since differ: the view's 409
            # Conflict says what happened, not a 400 about them
            current = (
                self.to_representation(self.instance) if self.instance is not None and not stale else None
            )
            writable = ", ".join(name for name, field in self.fields.items() if not field.read_only)
            for name in data:
                field = self.fields.get(name)
                if field is None:
                    errors[name] = [f"Not a field here. The fields you can send are: {writable}."]
                elif (
                    field.read_only
                    and not stale
                    and (current is None or data[name] != current.get(name, object()))
                ):
                    errors[name] = [READ_ONLY_REASONS.get(name, "Set by the service: leave it out.")]
        if errors:
            raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


class RagStatusSerializer(serializers.ModelSerializer):
    """One status of a plan's RAG scheme: its key (what you send and filter on), label, colour and
    definition. `is_done` marks the statuses that count an action as done."""

    class Meta:
        model = RagStatus
        fields = ["key", "label", "colour", "definition", "is_done"]


class AgencySerializer(serializers.ModelSerializer):
    """An agency of the partnership (police, council, NHS trust …). Actions name a lead agency
    and the agencies that own them."""

    class Meta:
        model = Agency
        fields = ["id", "partnership", "name", "short_name", "kind"]


class PlanSerializer(WritingSerializer):
    """An improvement plan of a partnership (an action plan, a written statement of action, a
    review's plan), with its stage and its RAG scheme. Plan managers and admins create and
    change plans."""

    partnership = ForUserRelatedField(Partnership)
    rag_statuses = RagStatusSerializer(many=True, read_only=True)

    class Meta:
        model = Plan
        fields = [
            "id", "partnership", "title", "kind", "source_document", "start", "end", "stage",
            "report_date", "stale_after_days", "created", "rag_statuses",
        ]  # fmt: skip
        read_only_fields = ["created"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if (
            self.instance is not None
            and "partnership" in attrs
            and attrs["partnership"] != self.instance.partnership
        ):
            raise serializers.ValidationError({"partnership": "A plan cannot move to another partnership."})
        start, end = (
            attrs.get("start", getattr(self.instance, "start", None)),
            attrs.get("end", getattr(self.instance, "end", None)),
        )
        if start and end and end < start:
            raise serializers.ValidationError({"end": "The end date must be on or after the start date."})
        return attrs


class SectionSerializer(WritingSerializer):
    """A section (area) of a plan: a theme, an area for development or a finding. It holds
    actions and may sit inside another section; the board signs areas off."""

    plan = ForUserRelatedField(Plan)
    parent = ForUserRelatedField(Section, allow_null=True, required=False)

    class Meta:
        model = Section
        fields = [
            "id", "plan", "parent", "ref", "title", "what_needs_to_improve", "what_inspectors_found",
            "order", "signed_off_on", "monitored_through", "is_signed_off",
        ]  # fmt: skip
        read_only_fields = ["signed_off_on", "monitored_through", "is_signed_off"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        plan = attrs.get("plan", getattr(self.instance, "plan", None))
        if self.instance is not None and plan != self.instance.plan:
            raise serializers.ValidationError({"plan": "A section cannot move to another plan."})
        problem = section_name_problem(
            attrs.get("ref", getattr(self.instance, "ref", "")),
            attrs.get("title", getattr(self.instance, "title", "")),
        )
        if problem:
            raise serializers.ValidationError({"title": problem})
        _refuse_taken_ref(Section, self.instance, plan, attrs)
        parent = attrs.get("parent", getattr(self.instance, "parent", None))
        if parent is not None:
            if parent.plan_id != plan.pk:
                raise serializers.ValidationError({"parent": "A section's parent must be in the same plan."})
            node = parent
            while node is not None:
                if self.instance is not None and node.pk == self.instance.pk:
                    raise serializers.ValidationError({"parent": "A section cannot sit inside itself."})
                node = node.parent
        return attrs


# How DRF writes dates and times (ISO 8601, local time, "Z" for UTC), for representations built by hand.
DATE = serializers.DateField()
DATETIME = serializers.DateTimeField()


def attach_owner_ids(actions: list[Action]) -> None:
    """Set `owner_ids` and `owner_agency_ids` on each action, in two queries for all of them.

    Cheaper than prefetching the people and agencies: a list shows their ids only. The ids come
    from the link tables of actions already read through `Action.objects.for_user`, in the
    order the prefetch gave (by name).
    """
    ids = [action.pk for action in actions]
    owners: dict[int, list[int]] = {pk: [] for pk in ids}
    agencies: dict[int, list[int]] = {pk: [] for pk in ids}
    links = Action.owners.through.objects.filter(action_id__in=ids).order_by("person__name", "person_id")
    for action_id, person_id in links.values_list("action_id", "person_id"):
        owners[action_id].append(person_id)
    links = Action.owner_agencies.through.objects.filter(action_id__in=ids).order_by(
        "agency__name", "agency_id"
    )
    for action_id, agency_id in links.values_list("action_id", "agency_id"):
        agencies[action_id].append(agency_id)
    for action in actions:
        action.owner_ids = owners[action.pk]  # type: ignore[attr-defined]
        action.owner_agency_ids = agencies[action.pk]  # type: ignore[attr-defined]


class ActionSerializer(WritingSerializer):
    """An action of a plan, with its owners, agencies, due date and RAG status. Its status comes
    from its latest progress update. When changing an action, send back the `version` you read."""

    plan = ForUserRelatedField(Plan)
    section = ForUserRelatedField(Section, allow_null=True, required=False)
    owners = ForUserRelatedField(Person, many=True, required=False)
    owner_agencies = ForUserRelatedField(Agency, many=True, required=False)
    lead_agency = ForUserRelatedField(Agency, allow_null=True, required=False)
    status = serializers.SlugRelatedField(slug_field="key", read_only=True, allow_null=True)
    status_label = serializers.CharField(source="status.label", read_only=True, allow_null=True, default=None)
    is_overdue = serializers.BooleanField(read_only=True)
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        help_text="The version you read. Required when changing an action: a change based on an "
        "older version is refused with 409 Conflict.",
    )

    class Meta:
        model = Action
        fields = [
            "id", "plan", "section", "ref", "text", "owner_text", "owners", "owner_agencies", "lead_agency",
            "due_text", "due_date", "outcome", "constraints", "question", "status", "status_label",
            "last_update_on", "is_overdue", "order", "version", "created", "updated",
        ]  # fmt: skip
        read_only_fields = ["last_update_on", "created", "updated"]
        # The unique reference is checked in validate(), with the message users understand.
        validators: list = []

    def to_representation(self, instance: Action) -> dict[str, Any]:
        """What DRF's field-by-field walk gives for the fields above (the tests compare the two),
        built directly: for a page of 50 actions the walk took several times the page's SQL.
        Owner ids set by `attach_owner_ids` are used when present, else the prefetch or a query."""
        status = instance.status
        owners, agencies = getattr(instance, "owner_ids", None), getattr(instance, "owner_agency_ids", None)
        return {
            "id": instance.pk,
            "plan": instance.plan_id,
            "section": instance.section_id,
            "ref": instance.ref,
            "text": instance.text,
            "owner_text": instance.owner_text,
            "owners": owners if owners is not None else [p.pk for p in instance.owners.all()],
            "owner_agencies": agencies
            if agencies is not None
            else [a.pk for a in instance.owner_agencies.all()],
            "lead_agency": instance.lead_agency_id,
            "due_text": instance.due_text,
            "due_date": DATE.to_representation(instance.due_date),
            "outcome": instance.outcome,
            "constraints": instance.constraints,
            "question": instance.question,
            "status": status.key if status is not None else None,
            "status_label": status.label if status is not None else None,
            "last_update_on": DATE.to_representation(instance.last_update_on),
            "is_overdue": instance.is_overdue(),
            "order": instance.order,
            "version": instance.version,
            "created": DATETIME.to_representation(instance.created),
            "updated": DATETIME.to_representation(instance.updated),
        }

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and "version" not in attrs:
            raise serializers.ValidationError({"version": "Send the version of the action you read."})
        plan: Plan = attrs.get("plan", getattr(self.instance, "plan", None))
        if self.instance is not None and plan != self.instance.plan:
            raise serializers.ValidationError({"plan": "An action cannot move to another plan."})
        section = attrs.get("section", getattr(self.instance, "section", None))
        if section is not None and section.plan_id != plan.pk:
            raise serializers.ValidationError({"section": "Choose a section of the same plan."})
        for name in ("owners", "owner_agencies"):
            if any(obj.partnership_id != plan.partnership_id for obj in attrs.get(name, [])):
                raise serializers.ValidationError({name: "Choose from the plan's own partnership."})
        lead = attrs.get("lead_agency")
        if lead is not None and lead.partnership_id != plan.partnership_id:
            raise serializers.ValidationError({"lead_agency": "Choose an agency of the plan's partnership."})
        if "due_text" in attrs or "due_date" in attrs:
            # the same rules as the page's form: a due date in range, else read from the wording
            before_text = getattr(self.instance, "due_text", "")
            before_date = getattr(self.instance, "due_date", None)
            given = attrs.get("due_date", before_date)
            try:
                check_due_date(given)
            except DjangoValidationError as error:
                raise serializers.ValidationError({"due_date": error.messages}) from error
            text_changed = "due_text" in attrs and attrs["due_text"] != before_text
            if text_changed and (problem := due_text_problem(attrs["due_text"])):
                raise serializers.ValidationError({"due_text": problem})
            if problem := due_left_behind(
                attrs.get("due_text", before_text),
                given,
                text_changed=text_changed,
                date_changed="due_date" in attrs and attrs["due_date"] != before_date,
            ):
                raise serializers.ValidationError({"due_date": problem})
            due = due_date_for(
                attrs.get("due_text", before_text),
                given,
                text_changed="due_text" in attrs and attrs["due_text"] != before_text,
                date_changed="due_date" in attrs and attrs["due_date"] != before_date,
            )
            if due != given:
                attrs["due_date"] = due
            if problem := due_wording_problem(attrs.get("due_text", before_text), due):
                raise serializers.ValidationError({"due_date": problem})
        _refuse_taken_ref(Action, self.instance, plan, attrs)
        return attrs


def _refuse_taken_ref(
    model: type[Action] | type[Section], instance: Any, plan: Plan, attrs: dict[str, Any]
) -> None:
    """A reference another action (or section) of the plan has is refused, in the page's words."""
    probe = model(
        pk=getattr(instance, "pk", None), plan=plan, ref=attrs.get("ref", getattr(instance, "ref", ""))
    )
    if problem := probe.ref_problem():
        raise serializers.ValidationError({"ref": problem})


class EvidenceSerializer(serializers.ModelSerializer):
    """Evidence given with a progress update: a link, or a file (`has_file`). Files are
    downloaded from the update's page in the service, not through the API."""

    has_file = serializers.SerializerMethodField()

    class Meta:
        model = Evidence
        fields = ["id", "title", "link", "has_file", "created"]

    def get_has_file(self, obj: Evidence) -> bool:
        return bool(obj.file)


NARRATIVE_MISSING = "Give the progress and impact."


class StatusKeyField(serializers.CharField):
    """A status key sent with an update (never null), read as null for an update imported
    without one: the schema says both (api.schema.StatusKeyFieldExtension)."""


class ProgressUpdateSerializer(WritingSerializer):
    """A dated progress update ("progress and impact") on an action, with its RAG status. Adding
    one sets the action's status. Updates are not edited: one recorded by mistake is withdrawn."""

    action = ForUserRelatedField(Action)
    # Required, as on the page: an update without a status would leave the action showing none
    # (imported updates the document did not rate carry the status before them instead).
    status = StatusKeyField(
        source="status.key",
        help_text="A key of the plan's RAG scheme (red, amber, green, complete …).",
        error_messages={"required": STATUS_MISSING, "null": STATUS_MISSING, "blank": STATUS_MISSING},
    )
    status_label = serializers.CharField(source="status.label", read_only=True, allow_null=True, default=None)
    author = serializers.SlugRelatedField(
        slug_field="username",
        read_only=True,
        allow_null=True,
        help_text="The username of the person who wrote the update (null once their login is deleted).",
    )
    evidence = EvidenceSerializer(many=True, read_only=True)
    # as the page asks: a date long past is a year slipped until the client says it is right
    date_confirmed = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text="Send true with a date more than 3 months ago: without it such a date is refused.",
    )

    class Meta:
        model = ProgressUpdate
        fields = [
            "id", "action", "date", "date_confirmed", "author", "status", "status_label", "narrative",
            "next_steps", "created", "evidence",
        ]  # fmt: skip
        read_only_fields = ["created"]
        # The same rules as the page's form: a narrative, and a date not after today.
        extra_kwargs = {
            "narrative": {
                "required": True,
                "allow_blank": False,
                "max_length": NARRATIVE_MAX_LENGTH,
                "error_messages": {"required": NARRATIVE_MISSING, "blank": NARRATIVE_MISSING},
            },
            "next_steps": {"max_length": NARRATIVE_MAX_LENGTH},
        }

    def validate_date(self, day: dt.date) -> dt.date:
        try:
            check_update_date(day)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error
        return day

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        action: Action = attrs.get("action", getattr(self.instance, "action", None))
        key = attrs.pop("status", {}).get("key") if isinstance(attrs.get("status"), dict) else None
        if not key:
            raise serializers.ValidationError({"status": STATUS_MISSING})
        status = RagStatus.objects.filter(plan_id=action.plan_id, key=key).first()
        if status is None:
            keys = ", ".join(action.plan.rag_statuses.values_list("key", flat=True))
            raise serializers.ValidationError({"status": f"Choose one of this plan's statuses: {keys}."})
        attrs["status"] = status
        confirmed = attrs.pop("date_confirmed", False)
        if "date" in attrs and (problem := long_past_problem(attrs["date"], confirmed)):
            raise serializers.ValidationError(
                {"date": problem.replace("tick ‘The date is right’", "send date_confirmed: true")}
            )
        return attrs


class PlanExportRowSerializer(serializers.Serializer):
    """One row of a plan export: an action with its section and latest progress."""

    section = serializers.CharField()
    ref = serializers.CharField()
    text = serializers.CharField()
    owner = serializers.CharField()
    agency = serializers.CharField()
    due_text = serializers.CharField()
    due_date = serializers.DateField(allow_null=True)
    status = serializers.CharField()
    last_update_on = serializers.DateField(allow_null=True)
    latest_progress = serializers.CharField()


class WithdrawSerializer(serializers.Serializer):
    """Why a progress update is withdrawn, and whether its words are removed from the history."""

    reason = VisibleTextField(
        max_length=500,
        help_text="Why the update is withdrawn: kept in the action's history with who withdrew it.",
        error_messages={
            "required": "Enter why the update is withdrawn",
            "blank": "Enter why the update is withdrawn",
            "max_length": "Why the update is withdrawn must be 500 characters or fewer",
        },
    )
    remove_words = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Also remove its words (and its evidence's titles and links) from the history, keeping who, when and why.",
    )
