"""Response headers in the schema: generated clients type ETag, Retry-After and Idempotent-Replayed.

They match what ``platform_.api.etag``, ``platform_.api.errors`` (429) and ``platform_.api.idempotency``
actually send: an ETag on every single object's 200 (a detail read, an update's answer), Retry-After
on every 429, Idempotent-Replayed on a replayed POST answer.
"""

from __future__ import annotations

from typing import Any

HEADERS = {
    "ETag": {
        "description": "The representation's version: send it back in If-Match to update or delete only "
        "if nobody changed it meanwhile.",
        "schema": {"type": "string", "example": '"5d41402abc4b2a76b9719d911017c592"'},
    },
    "Retry-After": {
        "description": "Seconds to wait before the next call will be accepted (at least 1).",
        "schema": {"type": "integer", "minimum": 1},
    },
    "Idempotent-Replayed": {
        "description": "`true` when this is the stored answer to an earlier request with the same Idempotency-Key "
        "(nothing was done again); absent on the first answer.",
        "schema": {"type": "string", "enum": ["true"]},
    },
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/headers/{name}"}


def _single_object(response: dict[str, Any], schemas: dict[str, Any]) -> bool:
    """A JSON object that is not a list's page or results (``etag._is_detail``: those carry no ETag)."""
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    ref = schema.get("$ref", "")
    if ref:
        schema = schemas.get(ref.rsplit("/", 1)[-1], {})
    return schema.get("type") == "object" and "results" not in schema.get("properties", {})


def add_response_headers(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    result.setdefault("components", {}).setdefault("headers", {}).update(HEADERS)
    schemas = result["components"].get("schemas", {})
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.get("responses", {})
            for code, response in responses.items():
                headers = response.setdefault("headers", {})
                if code == "429":
                    headers["Retry-After"] = _ref("Retry-After")
                if code == "200" and method in {"get", "put", "patch"} and _single_object(response, schemas):
                    headers["ETag"] = _ref("ETag")
                if method == "post" and code.startswith("2"):
                    headers["Idempotent-Replayed"] = _ref("Idempotent-Replayed")
                if not headers:
                    del response["headers"]
    return result
