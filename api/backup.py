"""Back up one partnership to a JSON file and restore it, with nothing lost.

The models are found, not listed: every model of the service's apps whose queryset knows its
`partnership_path` (the one door), the history tables of those models, and any table that
points at one of them (many-to-many links, their history). Models other apps add later
(measures, boards ...) are carried without changing this file.

Restoring gives every row a new id (so a partnership can be restored next to others, or
copied) and maps every reference to the new ids; history rows are copied as they are, not
re-recorded. People's sign-in accounts are matched by username, created when missing (with
their password hash, so they sign in as before). Uploaded evidence files travel inside the
backup.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction

from plans.models import Partnership

FORMAT = "oversight-partnership"
VERSION = 1
PROJECT_APPS = ("plans", "governance", "intake", "reports", "scorecard")
USER_FIELDS = ["username", "email", "first_name", "last_name", "password", "is_active", "date_joined"]
BYTES = "__bytes__"


class BackupError(Exception):
    pass


def is_historical(model: type[models.Model]) -> bool:
    names = {f.name for f in model._meta.fields}
    return {"history_id", "history_type", "history_date"} <= names and hasattr(model, "instance_type")


def partnership_models() -> dict[type[models.Model], str]:
    """Every model that belongs to a partnership, with its path (lookup) to the partnership."""
    candidates = [m for m in apps.get_models(include_auto_created=True) if m._meta.app_label in PROJECT_APPS]
    paths: dict[type[models.Model], str] = {Partnership: "pk"}
    for model in candidates:
        path = getattr(model._base_manager.all(), "partnership_path", None)
        if model is not Partnership and path:
            paths[model] = path
    for model in candidates:
        if is_historical(model) and model.instance_type in paths:
            base_path = paths[model.instance_type]
            if base_path != "pk":
                paths[model] = base_path
    changed = True
    while changed:  # tables that point at a partnership's table: m2m links and their history
        changed = False
        for model in candidates:
            if model in paths:
                continue
            for field in model._meta.concrete_fields:
                target = field.related_model if field.is_relation else None
                if target in paths and target is not model:
                    target_path = paths[target]
                    paths[model] = field.name if target_path == "pk" else f"{field.name}__{target_path}"
                    changed = True
                    break
    return paths


def dependency_order(model_set: list[type[models.Model]]) -> list[type[models.Model]]:
    """Referenced tables first (live before history), so ids are mapped before they are needed."""
    ordered: list[type[models.Model]] = []
    remaining = sorted(model_set, key=lambda m: (is_historical(m), m._meta.label))
    while remaining:
        for model in remaining:
            needs = {
                f.related_model
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model in model_set and f.related_model is not model
            }
            if is_historical(model) and model.instance_type in model_set:
                needs.add(model.instance_type)
            if needs <= set(ordered):
                ordered.append(model)
                remaining.remove(model)
                break
        else:  # a cycle: take the first; its references are deferred (see restore)
            ordered.append(remaining.pop(0))
    return ordered


def encode(value: Any) -> Any:
    if isinstance(value, memoryview | bytes | bytearray):
        return {BYTES: base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, dt.datetime | dt.time):
        # Every microsecond: DjangoJSONEncoder cuts times to milliseconds, so a restore would
        # not give back the same moment (nor the same order of two changes within a millisecond).
        return value.isoformat()
    if isinstance(value, dt.date | Decimal):
        return json.loads(json.dumps(value, cls=DjangoJSONEncoder))
    return value


def decode(field: models.Field, value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {BYTES}:
        return base64.b64decode(value[BYTES])
    if value is None or isinstance(field, models.JSONField):
        return value
    return field.to_python(value)


def export_partnership(slug: str) -> dict[str, Any]:
    try:
        partnership = Partnership.objects.get(slug=slug)
    except Partnership.DoesNotExist:
        raise BackupError(f"No partnership with the slug {slug!r}.") from None
    user_model = get_user_model()
    tables: dict[str, list[dict[str, Any]]] = {}
    files: dict[str, str] = {}
    user_ids: set[int] = set()
    paths = partnership_models()
    for model in dependency_order(list(paths)):
        rows = []
        pk_name = model._meta.pk.attname
        for obj in model._base_manager.filter(**{paths[model]: partnership.pk}).order_by(pk_name).distinct():
            row = {}
            for field in model._meta.concrete_fields:
                value = getattr(obj, field.attname)
                if isinstance(field, models.FileField):
                    value = value.name if value else ""
                    if value and value not in files and field.storage.exists(value):
                        with field.storage.open(value, "rb") as handle:
                            files[value] = base64.b64encode(handle.read()).decode("ascii")
                if field.is_relation and field.related_model is user_model and value is not None:
                    user_ids.add(value)
                row[field.attname] = encode(value)
            rows.append(row)
        tables[model._meta.label_lower] = rows
    users = [
        {"id": u.pk, **{name: encode(getattr(u, name)) for name in USER_FIELDS}}
        for u in user_model.objects.filter(pk__in=user_ids).order_by("pk")
    ]
    return {
        "format": FORMAT,
        "version": VERSION,
        "partnership": {"slug": partnership.slug, "name": partnership.name},
        "users": users,
        "tables": tables,
        "files": files,
    }


@contextlib.contextmanager
def keeping_timestamps(model_list: list[type[models.Model]]) -> Iterator[None]:
    """Restore `created`/`updated` as saved, not as the time of the restore."""
    switched = []
    for model in model_list:
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                switched.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in switched:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def restore_users(rows: list[dict[str, Any]]) -> tuple[dict[int, int], list[str]]:
    user_model = get_user_model()
    mapping, created = {}, []
    for row in rows:
        user = user_model.objects.filter(username=row["username"]).first()
        if user is None:
            fields = {name: decode(user_model._meta.get_field(name), row[name]) for name in USER_FIELDS}
            user = user_model(**fields)
            user.save()
            created.append(user.get_username())
        mapping[row["id"]] = user.pk
    return mapping, created


def import_partnership(
    data: dict[str, Any], slug: str | None = None, name: str | None = None
) -> dict[str, Any]:
    """Create the partnership of a backup; returns counts of rows per table and users created."""
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise BackupError("This file is not an Oversight partnership backup (version 1).")
    slug = slug or data["partnership"]["slug"]
    name = name or data["partnership"]["name"]
    if Partnership.objects.filter(slug=slug).exists() or Partnership.objects.filter(name=name).exists():
        raise BackupError(
            f"A partnership called {name!r} or {slug!r} exists already: choose a new slug and name."
        )
    user_model = get_user_model()
    known = {m._meta.label_lower: m for m in partnership_models()}
    unknown = sorted(set(data["tables"]) - set(known))
    if unknown:
        raise BackupError(f"This backup holds tables this version of Oversight does not have: {unknown}")
    model_list = dependency_order([known[label] for label in data["tables"]])
    counts: dict[str, int] = {}
    with transaction.atomic(), keeping_timestamps(model_list):
        users, created_users = restore_users(data["users"])
        ids: dict[type[models.Model], dict[Any, Any]] = {user_model: users}
        for model in model_list:
            ids[model] = {}
            counts[model._meta.label_lower] = restore_table(
                model,
                data["tables"][model._meta.label_lower],
                ids,
                data.get("files", {}),
                {"slug": slug, "name": name},
            )
    return {"partnership": slug, "counts": counts, "users_created": created_users}


def restore_table(
    model: type[models.Model],
    rows: list[dict[str, Any]],
    ids: dict[type[models.Model], dict[Any, Any]],
    files: dict[str, str],
    partnership: dict[str, str],
) -> int:
    """Insert one table's rows with new ids, mapping every reference through `ids`."""
    historical = is_historical(model)
    object_id = model.instance_type._meta.pk.attname if historical else None
    objects, old_pks, later = [], [], []
    for row in rows:
        values: dict[str, Any] = {}
        pending = []
        for field in model._meta.concrete_fields:
            raw = row.get(field.attname)
            if field.primary_key:
                continue
            if field.attname == object_id:
                # The id of the object a history row is about: the restored object's new id,
                # or for an object deleted before the backup a fresh id no live object has.
                values[field.attname] = ids.get(model.instance_type, {}).get(raw) or fresh_id(model, raw, ids)
            elif field.is_relation and raw is not None:
                mapping = ids.get(field.related_model, {})
                if raw in mapping:
                    values[field.attname] = mapping[raw]
                elif field.related_model is model:
                    values[field.attname] = None  # a row later in this table: set once all exist
                    pending.append((field, raw))
                else:
                    # History pointing at a row deleted before the backup: never at someone else's.
                    values[field.attname] = None
            elif isinstance(field, models.FileField) and raw:
                values[field.attname] = restore_file(field, raw, files)
            else:
                values[field.attname] = decode(field, raw)
        if model is Partnership:
            values.update(partnership)
        obj = model(**values)
        objects.append(obj)
        old_pks.append(row[model._meta.pk.attname])
        later += [(obj, field, raw) for field, raw in pending]
    model._base_manager.bulk_create(objects, batch_size=500)
    for old, obj in zip(old_pks, objects, strict=True):
        ids[model][old] = obj.pk
    for obj, field, raw in later:
        model._base_manager.filter(pk=obj.pk).update(**{field.attname: ids[model].get(raw)})
    return len(objects)


def fresh_id(model: type[models.Model], old: Any, ids: dict[type[models.Model], dict[Any, Any]]) -> int:
    """A new object id for the history of an object that no longer exists, the same for all its rows."""
    base = model.instance_type
    key = ("deleted", base)
    allocated: dict[Any, int] = ids.setdefault(key, {})  # type: ignore[call-overload]
    if old not in allocated:
        top = max(
            base._base_manager.aggregate(m=models.Max("pk"))["m"] or 0,
            model._base_manager.aggregate(m=models.Max(base._meta.pk.attname))["m"] or 0,
            max(allocated.values(), default=0),
        )
        allocated[old] = top + 1
    return allocated[old]


def restore_file(field: models.FileField, name: str, files: dict[str, str]) -> str:
    if name not in files:
        return name
    if field.storage.exists(name):
        with field.storage.open(name, "rb") as handle:
            if handle.read() == base64.b64decode(files[name]):
                return name
    return field.storage.save(name, ContentFile(base64.b64decode(files[name])))
