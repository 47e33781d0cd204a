"""Webhook payloads and their headers as schema components (docs/api.md, "Webhooks", refers to them).

The schema stays OpenAPI 3.0 (the contract tests and schemathesis read 3.0), so the payloads are
components rather than 3.1 ``webhooks``: ``WebhookEvent`` is the body every delivery POSTs, its
``event`` one of the registered names. ``x-webhooks`` (the extension Redoc and Redocly read
in 3.0) describes each event's delivery as an operation on the partner's endpoint, with the
headers ``Webhook-Id``, ``Webhook-Event`` and ``Webhook-Signature``. The events come from the
registry, so a domain's new event appears here without a change to this module.
"""

from __future__ import annotations

from typing import Any

from django.utils.encoding import force_str

from platform_.api.webhooks.registry import WebhookEvent, registered_events

SIGNATURE = (
    "`t=<unix seconds>,v1=<hex HMAC-SHA256>`: the HMAC, with the endpoint's signing secret (`whsec_…`), of "
    "the timestamp, a dot and the raw body. Check it before parsing the body and refuse old timestamps "
    "(docs/api.md, Verifying signatures)."
)


def _data_schema(fields: tuple[str, ...] | None) -> dict[str, Any]:
    if fields is None:
        return {"type": "object", "additionalProperties": True}
    return {"type": "object", "properties": {field: {} for field in fields}, "additionalProperties": False}


def name_of(event: WebhookEvent) -> str:
    return "WebhookData" + "".join(part.capitalize() for part in event.name.replace(".", "_").split("_"))


def _header(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"in": "header", "name": name, "required": True, "schema": schema, "description": description}


def _delivery(event: WebhookEvent, data_component: str) -> dict[str, Any]:
    body = {
        "allOf": [
            {"$ref": "#/components/schemas/WebhookEvent"},
            {"type": "object", "properties": {"data": {"$ref": f"#/components/schemas/{data_component}"}}},
        ]
    }
    return {
        "summary": f"Event {event.name}",
        "description": force_str(event.description),
        "operationId": "webhook_" + event.name.replace(".", "_"),
        "tags": ["webhook events"],
        "parameters": [
            _header("Webhook-Id", {"type": "integer"}, "The event's id, as `id` in the body."),
            _header("Webhook-Event", {"type": "string", "enum": [event.name]}, "The event's name."),
            _header("Webhook-Signature", {"type": "string"}, SIGNATURE),
        ],
        "security": [],  # the platform signs; Webhook-Signature is how the receiver authenticates it
        "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
        "responses": {
            "2XX": {"description": "Received: any 2xx within 10 seconds; anything else is retried with backoff."}
        },
    }


def add_webhooks(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    components = result.setdefault("components", {})
    events = registered_events()
    schemas = components.setdefault("schemas", {})
    schemas["WebhookEventName"] = {"type": "string", "enum": [event.name for event in events]}
    schemas["WebhookEvent"] = {
        "type": "object",
        "description": "The JSON body of every webhook delivery (POST to your endpoint, "
        "Content-Type: application/json). Events: "
        + "; ".join(f"`{event.name}`: {force_str(event.description)}" for event in events),
        "properties": {
            "id": {"type": "integer", "description": "The same for every attempt and replay: ignore duplicates."},
            "delivery": {"type": "integer"},
            "event": {"$ref": "#/components/schemas/WebhookEventName"},
            "created_at": {"type": "string", "format": "date-time"},
            "data": {
                "type": "object",
                "additionalProperties": True,
                "description": "The event's ids; see the `WebhookData…` components for each event's fields.",
            },
        },
        "required": ["id", "delivery", "event", "created_at", "data"],
    }
    for event in events:
        schemas[name_of(event)] = {
            **_data_schema(event.payload_fields),
            "description": f"The `data` of the event {event.name}.",
        }
    result["x-webhooks"] = {event.name: {"post": _delivery(event, name_of(event))} for event in events}
    return result
