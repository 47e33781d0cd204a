"""Realtime tests share the real Redis (each starts with no presence left by an earlier test) and,
for the tests that need real servers, two uvicorn processes started once for the session."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import redis
from django.conf import settings


@pytest.fixture(autouse=True)
def clean_presence() -> Iterator[None]:
    client = redis.Redis.from_url(settings.REDIS_URL)
    prefix = settings.CHANNEL_LAYERS["default"]["CONFIG"]["prefix"]
    for key in client.scan_iter(f"{prefix}:presence:*"):
        client.delete(key)
    yield
    client.close()


@pytest.fixture(scope="session")
def asgi_servers(django_db_setup: Any, django_db_blocker: Any) -> Iterator[list[Any]]:
    """Two ASGI server processes on the test database and Redis: starting Django takes seconds."""
    from tests.realtime.servers import running

    with running(2) as pair:
        yield pair
