"""The API against its own OpenAPI schema: no server errors, no answer that breaks the schema.

schemathesis sends generated requests to the WSGI app in-process: reads and writes, as a plan
manager of the `world` signed in with a token, a bounded number of examples per operation so
the whole run stays well under a minute. The schema is the one `/api/schema/` serves (the
same generator; test_docs checks the endpoint), built at import because schemathesis'
fixture-based loader does not work with pytest 9 (`Function` has no `_nodeid`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import content_type_conformance, not_a_server_error, response_schema_conformance
from schemathesis.config import SchemathesisConfig

TOKEN = "schemathesis0000000000000000000000000000"  # 40 characters, like a real token
AUTH = {"Authorization": f"Token {TOKEN}"}


# Only the fuzzing phase (hypothesis, bounded below): the coverage phase sends hundreds of
# boundary-value requests per operation, too slow for every `make test` on a shared machine.
CONFIG = SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": False}}})
schema = schemathesis.openapi.from_dict(
    SchemaGenerator().get_schema(request=None, public=True), config=CONFIG
)
schema.app = get_wsgi_application()


@pytest.fixture
def token(world) -> Iterator[str]:
    # The app is called through its WSGI handler, which closes "old" database connections when
    # a request ends; inside the test's transaction that would close it (on PostgreSQL). Django's
    # own test client switches this off the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield Token.objects.create(user=world.manager, key=TOKEN).key
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_api_answers_conform_to_its_schema(case, token):
    case.call_and_validate(
        headers=AUTH, checks=[not_a_server_error, response_schema_conformance, content_type_conformance]
    )
