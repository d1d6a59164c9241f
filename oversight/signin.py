"""The session and the signed-in user, read with one fixed statement each.

Every page reads its session and its user before it does anything else. Django reads both
through the ORM, which spends more time building and compiling those two one-row queries than
the database spends answering them (measured on the national benchmark: 0.6–0.7 ms of Python
each, against about 0.2 ms in the database; see bench/README.md). These subclasses read the
same rows with SQL written once per process. Everything else is Django's own: writing and
expiring sessions, signing and decoding their data, the session-hash check that signs a
user out when their password changes, and refusing inactive users.

Settings: `SESSION_ENGINE = "oversight.signin"` and `oversight.signin.ModelBackend` in
`AUTHENTICATION_BACKENDS`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib.auth import backends, get_user_model
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import connections, router
from django.utils import timezone


@cache
def _session_sql(alias: str, model: type[Session]) -> str:
    """The session row's data, if the key exists and has not expired (as Django's own query)."""
    quote = connections[alias].ops.quote_name
    data, key, expires = (
        quote(model._meta.get_field(name).column) for name in ("session_data", "session_key", "expire_date")
    )
    table = quote(model._meta.db_table)
    return f"SELECT {data} FROM {table} WHERE {key} = %s AND {expires} > %s"  # noqa: S608 - names, not values


class SessionStore(db.SessionStore):
    """Django's database sessions, loaded with a plain SELECT."""

    def _get_session_from_db(self) -> Session | None:
        alias = router.db_for_read(self.model)
        connection = connections[alias]
        sql = _session_sql(alias, self.model)
        # The ORM would store and compare the time in the backend's own form (naive UTC text
        # on SQLite): adapt it the same way.
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            # As Django's: a missing or expired key is forgotten, and a new one is made on save.
            self._session_key = None
            return None
        return self.model(session_key=self.session_key, session_data=row[0])


@cache
def _user_sql(alias: str) -> str:
    model = get_user_model()
    quote = connections[alias].ops.quote_name
    columns = ", ".join(quote(f.column) for f in model._meta.concrete_fields)
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    return f"SELECT {columns} FROM {table} WHERE {pk} = %s"  # noqa: S608 - names, not values


class ModelBackend(backends.ModelBackend):
    """Django's ModelBackend; only the signed-in user's row is read with fixed SQL."""

    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        alias = router.db_for_read(model)
        # `raw` still applies each field's conversion from the database, as a query would.
        users = list(model._default_manager.db_manager(alias).raw(_user_sql(alias), [user_id]))
        if not users:
            return None
        return users[0] if self.user_can_authenticate(users[0]) else None
