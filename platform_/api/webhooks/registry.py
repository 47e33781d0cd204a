"""The catalogue of webhook events: each domain registers its events, who may hear them and what leaves.

platform_ knows no domain: clusters, knowledge, projects and spillover each register their own events
from their ``webhooks`` module in ``AppConfig.ready()``. An event without an audience rule is heard
by the payload's ``audience_firm_ids``, else by its ``firm_id`` alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

# A rule gets the event's payload and the firms that have an endpoint for the event, and returns
# those entitled to hear it (one query for the whole set, not one per firm).
Audience = Callable[[dict[str, Any], set[int]], set[int]]
# What a group-chat robot says about the event: a ``platform_.notifications.messages.Message``
# built from the payload, rendered later in the group's language.
Describe = Callable[[dict[str, Any]], Any]


@dataclass(frozen=True)
class WebhookEvent:
    name: str
    description: str | Promise
    audience: Audience | None = None
    # Which keys of the payload leave the platform; None: all but the audience itself.
    payload_fields: tuple[str, ...] | None = None
    message: Describe | None = None


_events: dict[str, WebhookEvent] = {}


def webhook_event_register(
    *,
    name: str,
    description: str | Promise,
    audience: Audience | None = None,
    payload_fields: tuple[str, ...] | None = None,
    message: Describe | None = None,
) -> None:
    """Offer ``name`` to partners' endpoints; ``audience`` names the firms entitled to hear it.

    ``message`` is what group-chat robots say about it (by default: the description).
    """
    _events[name] = WebhookEvent(
        name=name, description=description, audience=audience, payload_fields=payload_fields, message=message
    )


def registered_event(name: str) -> WebhookEvent | None:
    return _events.get(name)


def webhook_events() -> dict[str, str | Promise]:
    """Every registered event and its description, by name (the order does not depend on app order)."""
    return {name: _events[name].description for name in sorted(_events)}


def registered_events() -> list[WebhookEvent]:
    """Every registered event, by name (the schema documents their payloads)."""
    return [_events[name] for name in sorted(_events)]


def webhook_event_known(name: str) -> bool:
    return name in _events


def payload_id(payload: dict[str, Any], name: str) -> Any:
    """An id of the payload for a lookup; None when absent, which matches no row."""
    return payload.get(name)


def _ids(value: Any) -> set[int]:
    return {int(item) for item in (value or []) if item is not None}


def audience_of(event: str, payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """Of the candidate firms, those entitled to see the event."""
    if "audience_firm_ids" in payload:
        return candidates & _ids(payload["audience_firm_ids"])
    registered = _events.get(event)
    if registered is not None and registered.audience is not None:
        return candidates & registered.audience(payload, candidates)
    return candidates & _ids([payload.get("firm_id")])


def outgoing_payload(event: str, payload: dict[str, Any]) -> dict[str, Any]:
    """What a partner receives: never the audience, and only the declared fields where the event says so."""
    registered = _events.get(event)
    allowed = registered.payload_fields if registered is not None else None
    data = {key: value for key, value in payload.items() if key != "audience_firm_ids"}
    if allowed is not None:
        data = {key: value for key, value in data.items() if key in allowed}
    return json.loads(json.dumps(data, default=str))
