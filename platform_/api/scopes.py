"""Scopes of API keys: read or write per resource; a view names its resource in ``api_resource``."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions

RESOURCES: dict[str, Any] = {
    "firms": _("Firms"),
    "people": _("People"),
    "clusters": _("Clusters"),
    "memberships": _("Memberships"),
    "assets": _("Knowledge assets"),
    "use_events": _("Use events (cite, derive, licence)"),
    "access_requests": _("Access requests"),
    "projects": _("Design projects"),
    "questions": _("Questions and answers"),
    "entries": _("Entries"),
    "judging": _("Judging"),
    "awards": _("Awards"),
    "spillover": _("Spillover figures"),
    "webhooks": _("Webhooks"),
    "guidance": _("Guidance of public agencies"),
}
READ, WRITE = "read", "write"
ALL_SCOPES = [f"{resource}:{level}" for resource in RESOURCES for level in (READ, WRITE)]


def needed_scope(*, resource: str, method: str) -> str:
    level = READ if method.upper() in permissions.SAFE_METHODS else WRITE
    return f"{resource}:{level}"


def scope_allows(*, scopes: list[str], needed: str) -> bool:
    """A write scope includes reading the same resource."""
    if needed in scopes:
        return True
    resource, level = needed.split(":", 1)
    return level == READ and f"{resource}:{WRITE}" in scopes


def view_resource(view: Any) -> str | None:
    return getattr(view, "api_resource", None) if view is not None else None


def check_key_scope(*, key: Any, view: Any, method: str) -> None:
    """Refuse a key-authenticated request the key's scopes do not allow (or a view without a resource)."""
    resource = view_resource(view)
    if resource is None and type(view).__module__.startswith("drf_spectacular"):
        return  # the schema and its docs are public to every key
    if resource is None:
        raise exceptions.PermissionDenied(_("This endpoint cannot be used with an API key."))
    needed = needed_scope(resource=resource, method=method)
    if not scope_allows(scopes=list(key.scopes or []), needed=needed):
        raise exceptions.PermissionDenied(
            _("The API key lacks the scope %(scope)s.") % {"scope": needed}, code="insufficient_scope"
        )


class HasApiScope(permissions.BasePermission):
    """Key-authenticated requests need the view's resource scope; GET needs read, the rest write."""

    message = _("The API key lacks the scope this endpoint needs.")

    def has_permission(self, request: Any, view: Any) -> bool:
        key = getattr(request, "auth", None)
        if not _is_api_key(key):
            return True
        check_key_scope(key=key, view=view, method=request.method)
        return True


def _is_api_key(value: Any) -> bool:
    from platform_.api.models import ApiKey

    return isinstance(value, ApiKey)
