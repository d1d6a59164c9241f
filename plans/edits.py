"""Two plan managers changing one action at once: what each changed, kept apart.

The form carries the version its person opened. When someone else saved in between, the fields
the person did not touch take the other person's values, and only a field both changed, to
different values, is put back to the person to decide (no change of theirs is silently undone).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from plans.forms import ActionForm
from plans.models import Action

# The fields of the page's form, in its order.
EDITABLE: list[str] = list(ActionForm.Meta.fields)


_RELATED = ("lead_agency", "section")
# Compared as sets of ids; saved with .set() after the row (a history record lists them too).
MANY = {f.name: f.related_model._meta.model_name for f in Action._meta.many_to_many if f.name in EDITABLE}
# The fields saved in the action's own row.
COLUMNS: list[str] = [name for name in EDITABLE if name not in MANY]


def _attribute(name: str) -> str:
    return f"{name}_id" if name in _RELATED else name


def saved_values(action: Any) -> dict[str, Any]:
    """The editable values of an action or of one of its history records (whose many-to-many
    fields list rows of the historical through table, each naming its person or agency)."""
    values = {name: getattr(action, _attribute(name)) for name in COLUMNS}
    for name, target in MANY.items():
        rows = getattr(action, name).all()
        if isinstance(action, Action):
            values[name] = frozenset(row.pk for row in rows)
        else:
            values[name] = frozenset(getattr(row, f"{target}_id") for row in rows)
    return values


def form_values(cleaned: dict[str, Any]) -> dict[str, Any]:
    values = {name: cleaned.get(name) for name in EDITABLE}
    for name in _RELATED:
        related = values[name]
        values[name] = related.pk if related is not None else None
    for name in MANY:
        values[name] = frozenset(obj.pk for obj in values[name] or [])
    return values


def save(action: Action, values: dict[str, Any]) -> None:
    """Save the action's row (version and `updated` included), then its owners as `values` give
    them (sets of ids); an unchanged set is left alone, so it adds no history."""
    action.save(update_fields=[*COLUMNS, "version", "updated"])
    for name in MANY:
        related = getattr(action, name)
        if set(values[name]) != set(related.values_list("pk", flat=True)):
            related.set(values[name])


def _same(a: Any, b: Any) -> bool:
    return (a or None) == (b or None)


@dataclass
class Merge:
    values: dict[str, Any]
    theirs: list[str] = field(default_factory=list)  # changed by the other person meanwhile
    clashes: list[str] = field(default_factory=list)  # changed by both, differently

    def apply(self, action: Action) -> None:
        for name, value in self.values.items():
            if name not in MANY:
                setattr(action, _attribute(name), value)

    def as_form_data(self) -> dict[str, list[str]]:
        """The values as a form sends them (each a list, for QueryDict.setlist), to show the page again."""
        data: dict[str, list[str]] = {}
        for name, value in self.values.items():
            if name in MANY:
                data[name] = [str(pk) for pk in sorted(value)]
            elif value is None:
                data[name] = [""]
            elif isinstance(value, dt.date):
                data[name] = [
                    f"{value.day}/{value.month}/{value.year}"
                ]  # as the page writes dates (27/3/2027)
            else:
                data[name] = [str(value)]
        return data


def merge(opened: dict[str, Any] | None, saved: dict[str, Any], mine: dict[str, Any]) -> Merge:
    """`mine` sent on a form opened at `opened`, while `saved` is what is saved now. Without the
    opened values (no history of that version) every difference counts as a clash."""
    if opened is None:
        clashes = [n for n in EDITABLE if not _same(saved[n], mine[n])]
        return Merge(values=dict(mine), theirs=list(clashes), clashes=clashes)
    theirs = [n for n in EDITABLE if not _same(opened[n], saved[n])]
    my_changes = [n for n in EDITABLE if not _same(opened[n], mine[n])]
    clashes = [n for n in my_changes if n in theirs and not _same(mine[n], saved[n])]
    values = {n: mine[n] if n in my_changes else saved[n] for n in EDITABLE}
    return Merge(values=values, theirs=theirs, clashes=clashes)


def opened_values(action: Action, version: int) -> dict[str, Any] | None:
    record = action.history.filter(version=version).order_by("-history_date", "-history_id").first()
    return saved_values(record) if record is not None else None
