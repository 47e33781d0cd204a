"""Request bodies as generators read them: no defaults on input, and a PATCH body whose every field is optional.

A default in a request schema tells generators to fill the field in: openapi-python-client's
models then send it, openapi-typescript (``defaultNonNullable``) makes it required. On a PATCH
that erases what the caller never sent, so PATCH bodies lose their defaults and their
``required`` list; other request bodies keep the default in the field's description, where people
read it, and the field stays optional (the server fills it in).
"""

from __future__ import annotations

import json
from typing import Any

COMBINERS = ("oneOf", "anyOf", "allOf")


def _drop_defaults(schema: dict[str, Any]) -> list[Any]:
    """Remove every ``default`` of a property (also inside oneOf/anyOf/allOf); return those removed."""
    removed = []
    if "default" in schema:
        removed.append(schema.pop("default"))
    for combiner in COMBINERS:
        for option in schema.get(combiner, []):
            if isinstance(option, dict):
                removed.extend(_drop_defaults(option))
    return removed


def _default_note(value: Any) -> str:
    return f"Optional: the server uses `{json.dumps(value, ensure_ascii=False)}` when it is absent."


def clean_request_bodies(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if not name.endswith("Request"):
            continue
        patch = name.startswith("Patched")
        if patch:
            component.pop("required", None)
        for prop in component.get("properties", {}).values():
            removed = _drop_defaults(prop)
            if removed and not patch:
                note = _default_note(removed[0])
                prop["description"] = f"{prop['description']} {note}" if prop.get("description") else note
    return result
