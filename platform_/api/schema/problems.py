"""Schema post-processing: every operation documents its problem responses and the shared headers.

Errors are the same everywhere (RFC 9457 problem details), so they are added once here rather
than on each view: 400 on every operation (bad input: a NUL byte or text that is not UTF-8 in the
query, refused by ``platform_.input.BadInputMiddleware``; a bad filter or cursor on a list; invalid
fields on a write), 401/403/429 on every operation, 404 where the path names an object, 409 and
415 on writes, 412 where If-Match applies, and the Idempotency-Key header on every POST.
"""

from __future__ import annotations

from typing import Any

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "An error as RFC 9457 problem details; `errors` names the fields at fault.",
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "message": {"type": "string"},
                    "code": {"type": "string"},
                },
                "required": ["field", "message", "code"],
            },
        },
    },
    "required": ["type", "title", "status", "detail", "code"],
}
DESCRIPTIONS = {
    "400": "Invalid input: a field (named in the problem details), a filter, a cursor, or a NUL byte or "
    "text that is not UTF-8 anywhere in the query or a form body.",
    "401": "No credentials, or an unknown, revoked or expired API key.",
    "403": "The caller may not do this (or the API key lacks the scope).",
    "404": "Not found, or not visible to the caller.",
    "409": "Conflicts with the current state.",
    "412": "If-Match did not match the current ETag: nothing was changed.",
    "415": "The request body is not in a media type this operation accepts.",
    "422": "The Idempotency-Key was already used for a different request.",
    "429": "Too many requests for this API key; see Retry-After.",
}
IDEMPOTENCY_PARAMETER = {
    "in": "header",
    "name": "Idempotency-Key",
    "required": False,
    "schema": {"type": "string", "maxLength": 255},
    "description": "Any unique string; a retry with the same key returns the first response and creates nothing.",
}
IF_MATCH_PARAMETER = {
    "in": "header",
    "name": "If-Match",
    "required": False,
    "schema": {"type": "string"},
    "description": "The ETag you last read; if the resource changed since, the answer is 412 and nothing changes.",
}
WRITES = {"post", "put", "patch", "delete"}


def _problem_response(code: str) -> dict[str, Any]:
    return {
        "description": DESCRIPTIONS[code],
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def add_problem_responses(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    result.setdefault("components", {}).setdefault("schemas", {}).setdefault("Problem", PROBLEM_SCHEMA)
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            codes = ["400", "401", "403", "429"]  # 400: bad input can reach any operation
            if "{" in path:
                codes.append("404")
            if method in WRITES:
                codes.append("409")
            if method in {"post", "put", "patch"}:
                codes.append("415")
            if method in {"put", "patch", "delete"}:
                codes.append("412")
            if method in {"put", "patch", "delete"} and "{" in path:
                parameters = operation.setdefault("parameters", [])
                if not any(p.get("name") == "If-Match" for p in parameters):
                    parameters.append(IF_MATCH_PARAMETER)
            if method == "post":
                codes.append("422")
                parameters = operation.setdefault("parameters", [])
                if not any(p.get("name") == "Idempotency-Key" for p in parameters):
                    parameters.append(IDEMPOTENCY_PARAMETER)
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(code, _problem_response(code))
    return result
