"""The platform's own Redis clients (lists, sorted sets, locks): one client, so one connection pool, per
server and process.

Django's ``cache`` is a new object in each ASGI request's context, and with it a new connection pool:
through it every request opened (and dropped) a Redis connection of its own.
"""

from __future__ import annotations

import functools
from typing import Any

import redis
from django.conf import settings


@functools.cache
def redis_client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)


def cache_redis() -> redis.Redis:
    """The client of the cache's Redis server (keys made with ``cache.make_key`` live there)."""
    location: Any = settings.CACHES["default"]["LOCATION"]
    if isinstance(location, list | tuple):
        location = location[0]  # Django writes to the first server
    return redis_client(location)
