"""A PlanDraft to JSON and back, so the draft can wait in the database between preview and confirm.

The import library's `to_dict` is shaped for the gold files (and may change with them); this
module keeps every field of every dataclass, so what is confirmed is what was previewed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from intake.importer import model as m


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def draft_to_json(draft: m.PlanDraft) -> dict[str, Any]:
    return _plain(dataclasses.asdict(draft))


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _build(cls: type, data: dict[str, Any] | None, **nested: Any) -> Any:
    """Make a dataclass from a dict, ignoring keys the class does not (or no longer) has."""
    data = dict(data or {})
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in names}
    kwargs.update(nested)
    return cls(**kwargs)


def _location(data: dict[str, Any] | None) -> m.Location:
    return _build(m.Location, data)


def draft_from_json(data: dict[str, Any]) -> m.PlanDraft:
    plan = data.get("plan") or {}
    return m.PlanDraft(
        document=data.get("document") or "",
        plan=_build(m.PlanMeta, plan, as_at=_date(plan.get("as_at"))),
        rag_scheme=[_build(m.RagStatus, s) for s in data.get("rag_scheme") or []],
        sections=[
            _build(m.Section, s, location=_location(s.get("location"))) for s in data.get("sections") or []
        ],
        actions=[
            _build(
                m.Action,
                a,
                due=_date(a.get("due")),
                progress_date=_date(a.get("progress_date")),
                earlier_updates=[
                    _build(m.EarlierUpdate, u, date=day)
                    for u in a.get("earlier_updates") or []
                    if (day := _date(u.get("date")))
                ],
                owner_parts=[_build(m.OwnerPart, p) for p in a.get("owner_parts") or []],
                location=_location(a.get("location")),
            )
            for a in data.get("actions") or []
        ],
        warnings=[
            _build(m.ImportWarning, w, location=_location(w.get("location")))
            for w in data.get("warnings") or []
        ],
    )
