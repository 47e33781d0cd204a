"""Throttling: each API key has its own budget (``API_KEY_RATE``, or the key's own rate), and so does each
anonymous client address (``API_ANON_RATE``).

A sliding window, as DRF's ``SimpleRateThrottle`` keeps it, but in a Redis sorted set (one member per
accepted call, scored by its time) and in one round trip: DRF's version reads and rewrites the whole
list of the window's timestamps through the cache on every call, which grows with the rate.

Anonymous calls are counted per ``REMOTE_ADDR``, never per ``X-Forwarded-For`` (which any client can
write): behind a reverse proxy the ASGI server sets ``REMOTE_ADDR`` to the client's address from the
proxy's header (uvicorn's ``--proxy-headers --forwarded-allow-ips``, see docs/api.md).
"""

from __future__ import annotations

import math
import secrets
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import SimpleRateThrottle

from platform_.api.models import ApiKey
from platform_.redis_clients import cache_redis

DEFAULT_RATE = "600/min"
DEFAULT_ANON_RATE = "300/min"


class SlidingWindowThrottle(SimpleRateThrottle):
    """One sliding window per client; a subclass says who the client is and its rate. Past it: 429, ``Retry-After``."""

    def __init__(self) -> None:  # the rate may depend on the client, so it is parsed per request
        self.wait_seconds: float | None = None

    def client_of(self, request: Any) -> tuple[str, str | None] | None:
        """The client's identity and rate, or None when this throttle does not apply to the request."""
        raise NotImplementedError

    def allow_request(self, request: Any, view: Any) -> bool:
        client = self.client_of(request)
        if client is None:
            return True
        ident, rate = client
        if not rate:
            return True
        self.rate = rate
        self.num_requests, self.duration = self.parse_rate(self.rate)
        if self.num_requests is None or self.duration is None:
            return True
        name = cache.make_key(self.cache_format % {"scope": self.scope, "ident": ident})
        now = time.time()
        member = f"{now:.6f}:{secrets.token_hex(4)}"
        redis = cache_redis()
        # One round trip, no MULTI: calls racing at the limit each count the other, so both may be
        # refused (never both admitted past it).
        pipe = redis.pipeline(transaction=False)
        pipe.zremrangebyscore(name, "-inf", now - self.duration)
        pipe.zadd(name, {member: now})
        pipe.zcard(name)
        pipe.expire(name, self.duration + 1)
        count = pipe.execute()[2]
        if count <= self.num_requests:
            return True
        # Refused: a refused call spends nothing. It may call again when enough accepted calls have left
        # the window that one more fits.
        redis.zrem(name, member)
        accepted = count - 1
        freeing = redis.zrange(name, accepted - self.num_requests, accepted - self.num_requests, withscores=True)
        oldest = float(freeing[0][1]) if freeing else now
        self.wait_seconds = max(1.0, math.ceil(oldest + self.duration - now))
        return False

    def wait(self) -> float | None:
        return self.wait_seconds

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        client = self.client_of(request)
        return None if client is None else self.cache_format % {"scope": self.scope, "ident": client[0]}


class ApiKeyRateThrottle(SlidingWindowThrottle):
    """Throttles key-authenticated requests only, per key."""

    scope = "api_key"

    def get_rate(self) -> str:
        return getattr(settings, "API_KEY_RATE", DEFAULT_RATE)

    def client_of(self, request: Any) -> tuple[str, str | None] | None:
        key = getattr(request, "auth", None)
        if not isinstance(key, ApiKey):
            return None
        # The prefix is unique and random: a key id reused after a database reset never inherits a budget.
        return key.prefix, key.rate_limit or self.get_rate()


class AnonymousRateThrottle(SlidingWindowThrottle):
    """Throttles requests with neither a key nor a signed-in session, per client address (``REMOTE_ADDR``)."""

    scope = "anon"

    def get_rate(self) -> str | None:
        return getattr(settings, "API_ANON_RATE", DEFAULT_ANON_RATE)

    def client_of(self, request: Any) -> tuple[str, str | None] | None:
        if getattr(request, "auth", None) is not None or request.user.is_authenticated:
            return None
        return request.META.get("REMOTE_ADDR") or "unknown", self.get_rate()


class OpenDataThrottle(SlidingWindowThrottle):
    """The open data endpoints (open statistics, belts, agencies): every caller, signed in or not, is counted
    by client address (``REMOTE_ADDR``, never a forwarded header a client could write), ``OPEN_DATA_RATE``."""

    scope = "open_data"

    def get_rate(self) -> str:
        return getattr(settings, "OPEN_DATA_RATE", "120/min")

    def client_of(self, request: Any) -> tuple[str, str | None] | None:
        return request.META.get("REMOTE_ADDR") or "unknown", self.get_rate()
