"""Factories for the partner API: keys with a known token, webhook endpoints."""

from __future__ import annotations

from typing import Any

from platform_.api.keys import IssuedKey, api_key_create
from platform_.api.models import WebhookEndpoint
from platform_.api.scopes import ALL_SCOPES
from platform_.api.webhooks import webhook_endpoint_create
from platform_.identity.models import Firm, User
from tests.factories import firm_with_owner


def issue_key(
    *, firm: Firm | None = None, by: User | None = None, scopes: list[str] | None = None, **fields: Any
) -> IssuedKey:
    if firm is None or by is None:
        firm, by = firm_with_owner()
    return api_key_create(firm=firm, by=by, name="test key", scopes=ALL_SCOPES if scopes is None else scopes, **fields)


def endpoint_for(
    *, firm: Firm, by: User, url: str = "https://receiver.example.test/hook", events: list[str] | None = None
) -> WebhookEndpoint:
    return webhook_endpoint_create(firm=firm, by=by, url=url, events=events or ["*"])


def bearer(token: str) -> dict[str, Any]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
