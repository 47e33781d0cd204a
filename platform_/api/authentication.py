"""Authenticates partner requests by API key and makes the key's firm the acting firm."""

from __future__ import annotations

from typing import Any

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from platform_.api.keys import key_from_token, token_from_headers
from platform_.api.models import ApiKey
from platform_.api.scopes import check_key_scope
from platform_.identity.selectors import member_of

_UNRESOLVED = object()


def resolve_key(http_request: Any) -> ApiKey | None:
    """The usable key presented with the request, resolved once and kept on the request."""
    cached = getattr(http_request, "_api_key_resolved", _UNRESOLVED)
    if cached is not _UNRESOLVED:
        return cached  # type: ignore[return-value]
    token = token_from_headers(http_request.META)
    key = key_from_token(token) if token else None
    http_request._api_key_resolved = key
    return key


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer <key>`` or ``X-Api-Key: <key>``.

    The request acts as the key's creator for the key's firm, and only within the key's scopes;
    a revoked or expired key is refused on its next request.
    """

    keyword = "Bearer"

    def authenticate(self, request: Any) -> tuple[Any, ApiKey] | None:
        http_request = request._request
        if token_from_headers(http_request.META) is None:
            return None
        key = resolve_key(http_request)
        if key is None:
            raise exceptions.AuthenticationFailed(_("The API key is unknown, revoked or expired."))
        http_request.api_key = key  # logged even when the scope check refuses the call
        view = (request.parser_context or {}).get("view")
        check_key_scope(key=key, view=view, method=request.method)
        http_request.firm = key.firm
        http_request.firm_member = SimpleLazyObject(lambda: member_of(user=key.created_by, firm=key.firm))
        return key.created_by, key

    def authenticate_header(self, request: Any) -> str:
        return f'{self.keyword} realm="api"'


class ApiKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "platform_.api.authentication.ApiKeyAuthentication"
    name = ["ApiKeyBearer", "ApiKeyHeader"]

    def get_security_requirement(self, auto_schema: Any) -> list[dict[str, list[Any]]]:
        return [{"ApiKeyBearer": []}, {"ApiKeyHeader": []}]  # either header, not both

    def get_security_definition(self, auto_schema: Any) -> list[dict[str, str]]:
        return [
            {"type": "http", "scheme": "bearer", "bearerFormat": "vck_<prefix>_<secret>"},
            {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
        ]
