"""Optimistic locking of actions: the second of two simultaneous edits is refused, never lost.

Every edit form and API call reads `Action.version` with the action and sends it back with
the change. `save_action_if_unchanged` raises the version only if it is still the one that
was read, in one conditional UPDATE; when another edit got there first the UPDATE touches no
row and the caller tells the user to reload (the API answers 409 Conflict).

Plain function, no DRF: the web edit form calls it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from plans.models import Action

if TYPE_CHECKING:
    from plans.models import AnyUser

CONFLICT_MESSAGE = (
    "Someone else changed this action after you opened it. "
    "Reload the action to see their change, then make yours again."
)


def changed_fields(action: Action, fields: dict[str, Any]) -> set[str]:
    """The names among `fields` whose values differ from `action`'s (many-to-many by their ids)."""
    many_to_many = {f.name for f in Action._meta.many_to_many}
    changed = set()
    for name, value in fields.items():
        if name in many_to_many:
            given = {getattr(item, "pk", item) for item in value}
            if given != set(getattr(action, name).values_list("pk", flat=True)):
                changed.add(name)
        elif getattr(action, name) != value:
            changed.add(name)
    return changed


def save_action_if_unchanged(
    action: Action, fields: dict[str, Any], expected_version: int, user: AnyUser | None = None
) -> bool:
    """Save `fields` on `action` if its version is still `expected_version`; False if not.

    `fields` maps field names to values; many-to-many fields (owners, owner_agencies) take a
    list of objects or ids. On success `action` holds the new values and version.

    The conditional UPDATE claims the row (in PostgreSQL it also locks it until the
    transaction ends), then a normal `save()` writes the values so that django-simple-history
    records the change, `updated` is stamped, and the history row names the user.
    """
    many_to_many = {f.name for f in Action._meta.many_to_many}
    plain = {name: value for name, value in fields.items() if name not in many_to_many}
    related = {name: value for name, value in fields.items() if name in many_to_many}
    with transaction.atomic():
        claimed = Action.objects.filter(pk=action.pk, version=expected_version).update(
            **plain, version=expected_version + 1, updated=timezone.now()
        )
        if not claimed:
            return False
        for name, value in plain.items():
            setattr(action, name, value)
        action.version = expected_version + 1
        if user is not None and getattr(user, "is_authenticated", False):
            # django-simple-history reads the user from here when there is no request (API, tests).
            action._history_user = user  # type: ignore[attr-defined]
        action.save()
        for name, value in related.items():
            getattr(action, name).set(value)
    return True
