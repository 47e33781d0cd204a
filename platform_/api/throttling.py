"""Per-key throttling: each API key has its own budget (``API_KEY_RATE``, or the key's own rate)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from platform_.api.models import ApiKey

DEFAULT_RATE = "600/min"


class ApiKeyRateThrottle(SimpleRateThrottle):
    """Throttles key-authenticated requests only; the answer is 429 with ``Retry-After``."""

    scope = "api_key"

    def get_rate(self) -> str:
        return getattr(settings, "API_KEY_RATE", DEFAULT_RATE)

    def allow_request(self, request: Any, view: Any) -> bool:
        key = getattr(request, "auth", None)
        if not isinstance(key, ApiKey):
            return True
        if key.rate_limit:
            self.rate = key.rate_limit
        else:
            self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        key = getattr(request, "auth", None)
        if not isinstance(key, ApiKey):
            return None
        # The prefix is unique and random: a key id reused after a database reset never inherits a budget.
        return self.cache_format % {"scope": self.scope, "ident": key.prefix}
