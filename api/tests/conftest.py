"""Fixtures of the API tests: an API client signed in as any user of the `world`."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient


@pytest.fixture
def api_as() -> Callable[[object | None], APIClient]:
    def client_for(user: object | None) -> APIClient:
        client = APIClient()
        if user is not None:
            client.force_authenticate(user=user)
        return client

    return client_for
