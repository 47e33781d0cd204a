"""Small corrections that keep the schema valid and lint-clean for what drf-spectacular emits.

A nullable reference (``allOf: [$ref]`` with ``nullable``) gets its ``type``, which OpenAPI 3.0
wants beside ``nullable``; the cursor examples of paginated lists become URLs that match their
own ``format: uri`` (DRF's example ends in a stray quote). A field's or a parameter's ``title`` is
its translated label, and generators name classes after titles (openapi-python-client made
``firms_list_省份`` of the Chinese schema): the label moves into the description, so that the names
in a generated client do not depend on the language the schema was fetched in.
"""

from __future__ import annotations

from typing import Any

EXAMPLES = {
    "next": "https://virtual-clusters.example.com/api/v1/firms/?cursor=cD00ODY%3D",
    "previous": "https://virtual-clusters.example.com/api/v1/firms/?cursor=cj0xJnA9NDg3",
}


def _typed_nullables(node: Any, schemas: dict[str, Any]) -> None:
    if isinstance(node, dict):
        if node.get("nullable") and "type" not in node and len(node.get("allOf", [])) == 1:
            target = schemas.get(node["allOf"][0].get("$ref", "").rsplit("/", 1)[-1], {})
            if "type" in target:
                node["type"] = target["type"]
        for value in node.values():
            _typed_nullables(value, schemas)
    elif isinstance(node, list):
        for value in node:
            _typed_nullables(value, schemas)


def _untitled(schema: Any) -> None:
    """Move ``title`` into ``description`` in a field's or parameter's schema (and in its items)."""
    if not isinstance(schema, dict):
        return
    title = schema.pop("title", None)
    if title and not schema.get("description"):
        schema["description"] = title
    _untitled(schema.get("items"))


def tidy(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    schemas = result.get("components", {}).get("schemas", {})
    _typed_nullables(result, schemas)
    for component in schemas.values():
        for prop in component.get("properties", {}).values():
            _untitled(prop)
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                _untitled(parameter.get("schema"))
    for name, component in schemas.items():
        if name.startswith("Paginated"):
            for key, example in EXAMPLES.items():
                if key in component.get("properties", {}):
                    component["properties"][key]["example"] = example
    return result
