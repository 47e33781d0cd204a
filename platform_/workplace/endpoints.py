"""Where a provider's endpoints are: the documented addresses, unless the provider's settings name others.

``SOCIALACCOUNT_PROVIDERS[<id>]["URLS"]`` may replace any of them (a regional host, a test stand-in),
in the same way allauth's own ``AUTHORIZE_URL`` setting does.
"""

from __future__ import annotations

from typing import Any


def endpoint(adapter: Any, name: str, default: str) -> str:
    urls = adapter.get_provider().get_settings().get("URLS") or {}
    return str(urls.get(name) or default)
