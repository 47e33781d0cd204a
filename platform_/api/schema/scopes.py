"""The API-key scope each operation needs, as the ``x-required-scopes`` extension (docs/api.md).

OpenAPI 3.0 gives scopes only to OAuth2 and OpenID Connect schemes, and API keys are neither, so
the scope goes in an extension beside ``security``; the same rule decides it as the one that
enforces it (``platform_.api.scopes.needed_scope`` on the view's ``api_resource``).
"""

from __future__ import annotations

import re
from typing import Any

from platform_.api.scopes import needed_scope, view_resource

SCOPES_NOTE = "Scope: `{scope}` (an API key needs it; a write scope includes reading the same resource)."
SCOPES_ONE_OF_NOTE = (
    "Scope: one of `{scope}`, the one of the kind in the path (an API key needs it; a write scope includes "
    "reading the same resource)."
)


def _shape(path: str) -> str:
    """The path with its parameters unnamed: the generator renames them (``{pk}`` becomes ``{id}``)."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def add_scopes(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    views = {}
    for path, _regex, method, callback in getattr(generator, "endpoints", None) or []:
        view_class = getattr(callback, "cls", None)
        views[(_shape(path), method.lower())] = view_class
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            view_class = views.get((_shape(path), method))
            resource = view_resource(view_class)
            if isinstance(resource, str) and resource:
                scopes = [needed_scope(resource=resource, method=method)]
            elif view_class is not None and hasattr(
                view_class, "schema_api_resources"
            ):  # the resource depends on the path (one of these)
                scopes = [needed_scope(resource=r, method=method) for r in view_class.schema_api_resources()]
            else:
                continue
            if not scopes:
                continue
            operation["x-required-scopes"] = scopes
            note = (SCOPES_NOTE if len(scopes) == 1 else SCOPES_ONE_OF_NOTE).format(scope="`, `".join(scopes))
            description = operation.get("description", "")
            operation["description"] = f"{description}\n\n{note}" if description else note
    return result
