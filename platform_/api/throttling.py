"""Per-key throttling: each API key has its own budget (``API_KEY_RATE``, or the key's own rate).

A sliding window, as DRF's ``SimpleRateThrottle`` keeps it, but in a Redis sorted set (one member per
accepted call, scored by its time) and in one round trip: DRF's version reads and rewrites the whole
list of the window's timestamps through the cache on every call, which grows with the rate.
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


class ApiKeyRateThrottle(SimpleRateThrottle):
    """Throttles key-authenticated requests only; the answer is 429 with ``Retry-After``."""

    scope = "api_key"

    def __init__(self) -> None:  # the rate depends on the key, so it is parsed per request
        self.wait_seconds: float | None = None

    def get_rate(self) -> str:
        return getattr(settings, "API_KEY_RATE", DEFAULT_RATE)

    def allow_request(self, request: Any, view: Any) -> bool:
        key = getattr(request, "auth", None)
        if not isinstance(key, ApiKey):
            return True
        self.rate = key.rate_limit or self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        if self.num_requests is None or self.duration is None:
            return True
        name = cache.make_key(self.cache_format % {"scope": self.scope, "ident": key.prefix})
        now = time.time()
        member = f"{now:.6f}:{secrets.token_hex(4)}"
        client = cache_redis()
        # One round trip, no MULTI: calls racing at the limit each count the other, so both may be
        # refused (never both admitted past it).
        pipe = client.pipeline(transaction=False)
        pipe.zremrangebyscore(name, "-inf", now - self.duration)
        pipe.zadd(name, {member: now})
        pipe.zcard(name)
        pipe.expire(name, self.duration + 1)
        count = pipe.execute()[2]
        if count <= self.num_requests:
            return True
        # Refused: a refused call spends nothing. It may call again when enough accepted calls have left
        # the window that one more fits.
        client.zrem(name, member)
        accepted = count - 1
        freeing = client.zrange(name, accepted - self.num_requests, accepted - self.num_requests, withscores=True)
        oldest = float(freeing[0][1]) if freeing else now
        self.wait_seconds = max(1.0, math.ceil(oldest + self.duration - now))
        return False

    def wait(self) -> float | None:
        return self.wait_seconds

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        key = getattr(request, "auth", None)
        if not isinstance(key, ApiKey):
            return None
        # The prefix is unique and random: a key id reused after a database reset never inherits a budget.
        return self.cache_format % {"scope": self.scope, "ident": key.prefix}
