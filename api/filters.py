"""Query-string filters of the API, as plain functions (no django-filter needed).

Each filter reads one parameter; a malformed value is a 400 with a message, never a 500.
The `*_PARAMETERS` lists document them in the OpenAPI schema.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from plans.models import Action, PlanStage, ProgressUpdate, RagStatus
from plans.search import words_filter

TRUE_WORDS = {"true", "1", "yes"}
FALSE_WORDS = {"false", "0", "no"}


def as_text(params: Mapping[str, str], name: str) -> str:
    """Text to match; a NUL character (which PostgreSQL refuses in a query) is a 400."""
    value = params.get(name) or ""
    if "\x00" in value:
        raise ValidationError({name: "The text contains a character that cannot be searched for."})
    return value


def as_int(params: Mapping[str, str], name: str) -> int | None:
    value = params.get(name)
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except ValueError:
        raise ValidationError({name: "Give a whole number (an id)."}) from None
    if not 0 < number < 2**63:
        raise ValidationError({name: "Give an id (a positive whole number)."})
    return number


def as_choice(params: Mapping[str, str], name: str, choices: list[str]) -> str | None:
    """One of `choices`, whatever its case; another value is a 400 naming them (answered with an
    empty list, it read as if nothing had that value: QA round 9)."""
    value = as_text(params, name)
    if not value:
        return None
    for choice in choices:
        if value.casefold() == choice.casefold():
            return choice
    raise ValidationError({name: f"There is no {name} {value!r}: use one of {', '.join(choices)}."})


def as_bool(params: Mapping[str, str], name: str) -> bool | None:
    value = (params.get(name) or "").lower()
    if not value:
        return None
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ValidationError({name: "Give true or false."})


def as_moment(params: Mapping[str, str], name: str) -> dt.datetime | None:
    """A date (midnight, local time) or a date and time; naive times are local."""
    value = params.get(name)
    if not value:
        return None
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = dt.datetime.combine(day, dt.time()) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise ValidationError({name: "Give a date (2025-04-01) or a date and time (2025-04-01T09:00:00Z)."})
    if not 1900 <= moment.year <= 9998:
        # at the ends of the calendar a time zone's offset moves the moment out of it (an overflow)
        raise ValidationError({name: "Give a date between 1900 and 9998."})
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def led_or_owned_by(agency: int, action_path: str = "") -> Q:
    """Actions (or rows of actions, through `action_path`) the agency leads or owns: the owning
    agencies by an IN subquery on the link table, not a join needing DISTINCT."""
    owning = Action.owner_agencies.through.objects.filter(agency_id=agency).values("action_id")
    pk = f"{action_path}id" if action_path else "pk"
    return Q(**{f"{action_path}lead_agency_id": agency}) | Q(**{f"{pk}__in": owning})


def filter_actions(qs: QuerySet, params: Mapping[str, str]) -> QuerySet:
    if (plan := as_int(params, "plan")) is not None:
        qs = qs.filter(plan_id=plan)
    if (section := as_int(params, "section")) is not None:
        qs = qs.filter(section_id=section)
    if status := as_text(params, "status"):
        qs = qs.filter(status__key__iexact=known_status(qs, status, "plan"))
    if (agency := as_int(params, "agency")) is not None:
        qs = qs.filter(led_or_owned_by(agency))
    overdue = as_bool(params, "overdue")
    if overdue is True:
        qs = qs.overdue()
    elif overdue is False:
        # The overdue actions among these, not among every partnership's (a scan of them all).
        qs = qs.exclude(pk__in=qs.overdue().values("pk"))
    if (since := as_moment(params, "updated__gte")) is not None:
        # An action counts as updated when its own fields changed or a progress update was added.
        # EXISTS looks at each action's own updates (by index), where a join read them all and
        # needed DISTINCT over whole actions.
        added = ProgressUpdate.objects.filter(action=OuterRef("pk"), created__gte=since)
        qs = qs.filter(Q(updated__gte=since) | Exists(added))
    if search := as_text(params, "search"):
        qs = qs.filter(words_filter(search, "ref", "text", "owner_text"))
    return qs


def filter_updates(qs: QuerySet, params: Mapping[str, str]) -> QuerySet:
    if (plan := as_int(params, "plan")) is not None:
        qs = qs.filter(action__plan_id=plan)
    if (action := as_int(params, "action")) is not None:
        qs = qs.filter(action_id=action)
    if status := as_text(params, "status"):
        qs = qs.filter(status__key__iexact=known_status(qs, status, "action__plan"))
    if (agency := as_int(params, "agency")) is not None:
        qs = qs.filter(led_or_owned_by(agency, "action__"))
    if (since := as_moment(params, "updated__gte")) is not None:
        qs = qs.filter(created__gte=since)
    if search := as_text(params, "search"):
        qs = qs.filter(words_filter(search, "narrative", "next_steps"))
    return qs


def filter_sections(qs: QuerySet, params: Mapping[str, str]) -> QuerySet:
    if (plan := as_int(params, "plan")) is not None:
        qs = qs.filter(plan_id=plan)
    if search := as_text(params, "search"):
        qs = qs.filter(words_filter(search, "ref", "title"))
    return qs


def filter_plans(qs: QuerySet, params: Mapping[str, str]) -> QuerySet:
    if stage := as_choice(params, "stage", PlanStage.values):
        qs = qs.filter(stage=stage)
    if search := as_text(params, "search"):
        qs = qs.filter(words_filter(search, "title"))
    return qs


def filter_agencies(qs: QuerySet, params: Mapping[str, str]) -> QuerySet:
    if search := as_text(params, "search"):
        qs = qs.filter(words_filter(search, "name", "short_name"))
    return qs


def filter_measure_values(qs: QuerySet, params: Mapping[str, str]) -> QuerySet:
    """One measure's values (a client reads one series, not the partnership's every value), from
    one source, over a range of periods."""
    if (measure := as_int(params, "measure")) is not None:
        qs = qs.filter(measure_id=measure)
    if (source := as_int(params, "source")) is not None:
        qs = qs.filter(source_id=source)
    if (start := as_moment(params, "period__gte")) is not None:
        qs = qs.filter(period__gte=start.date())
    if (end := as_moment(params, "period__lte")) is not None:
        qs = qs.filter(period__lte=end.date())
    return qs


def filter_measures(qs: QuerySet, params: Mapping[str, str]) -> QuerySet:
    if search := as_text(params, "search"):
        qs = qs.filter(words_filter(search, "name"))
    return qs


def _param(name: str, kind: object, description: str, enum: list[str] | None = None) -> OpenApiParameter:
    return OpenApiParameter(
        name, kind, OpenApiParameter.QUERY, required=False, description=description, enum=enum
    )


PLAN_ID = _param("plan", OpenApiTypes.INT, "Only this plan (id).")
SEARCH = _param("search", OpenApiTypes.STR, "Text to look for.")
STATUS = _param("status", OpenApiTypes.STR, "RAG status key: red, amber, green, complete …")
AGENCY = _param("agency", OpenApiTypes.INT, "Led or owned by this agency (id).")
SINCE = _param("updated__gte", OpenApiTypes.DATETIME, "Changed or given a progress update on or after this.")

ACTION_PARAMETERS = [
    PLAN_ID,
    _param("section", OpenApiTypes.INT, "Only this section (id)."),
    STATUS,
    AGENCY,
    _param("overdue", OpenApiTypes.BOOL, "true: past the due date and not done; false: the others."),
    SINCE,
    SEARCH,
]
UPDATE_PARAMETERS = [
    PLAN_ID,
    _param("action", OpenApiTypes.INT, "Only this action (id)."),
    STATUS,
    AGENCY,
    _param("updated__gte", OpenApiTypes.DATETIME, "Written on or after this."),
    SEARCH,
]
SECTION_PARAMETERS = [PLAN_ID, SEARCH]
PLAN_PARAMETERS = [
    _param("stage", OpenApiTypes.STR, "draft, agreed, published or closed.", PlanStage.values),
    SEARCH,
]
AGENCY_PARAMETERS = [SEARCH]
MEASURE_PARAMETERS = [SEARCH]
MEASURE_VALUE_PARAMETERS = [
    _param("measure", OpenApiTypes.INT, "Only this measure (id)."),
    _param("source", OpenApiTypes.INT, "Only this source (id); each value names its source."),
    _param("period__gte", OpenApiTypes.DATE, "Periods starting on or after this (2025-04-01)."),
    _param("period__lte", OpenApiTypes.DATE, "Periods starting on or before this."),
]

Filter = Callable[[QuerySet, Mapping[str, str]], QuerySet]


# what every list takes besides its filters: the page, its size, and DRF's format suffix
PAGING = {"page", "page_size", "format"}


def known_status(qs: QuerySet, status: str, plan_path: str) -> str:
    """A status key of one of these rows' plans, else 400 naming the keys there are (an unknown key
    answered with an empty list, as if no action had that status: QA round 8)."""
    keys = set(RagStatus.objects.filter(plan__in=qs.values(plan_path)).values_list("key", flat=True))
    if status.casefold() not in {k.casefold() for k in keys}:
        raise ValidationError(
            {"status": f"No plan here has the status {status!r}: use one of {', '.join(sorted(keys))}."}
        )
    return status


def refuse_unknown(params: Mapping[str, str], parameters: list[OpenApiParameter]) -> None:
    """A list asked with a query parameter it does not know ('?kind=jtai' on plans) is refused (400)
    naming the ones it takes: ignored, it answered with every plan as if filtered (QA round 7)."""
    known = {p.name for p in parameters}
    unknown = sorted(set(params) - known - PAGING)
    repeated = sorted(n for n in set(params) if len(getattr(params, "getlist", lambda _n: [1])(n)) > 1)
    if repeated:
        # '?plan=1&plan=2' used the last alone, silently
        raise ValidationError(
            {"detail": f"Give {', '.join(repeated)} once: a list takes one value of each filter."}
        )
    page = params.get("page")
    if page is not None and page != "last" and not (page.isdigit() and int(page) >= 1):
        # DRF's answer, 404 "Invalid page.", reads as a wrong address (QA round 9)
        raise ValidationError({"page": "page is a whole number from 1 (or last)."})
    size = params.get("page_size")
    if size is not None and not (size.isdigit() and 1 <= int(size) <= 500):
        raise ValidationError({"page_size": "page_size is a whole number from 1 to 500."})
    if unknown:
        takes = ", ".join(sorted(known)) or "no filters"
        raise ValidationError(
            {
                "detail": f"Unknown query parameter{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}: "
                f"this list takes {takes} (and page, page_size)."
            }
        )
