"""Webhooks: domains register their events and audiences; the platform signs and delivers them in order.

Modules, by job: ``registry`` (events, audiences, what leaves), ``fanout`` (event → delivery rows),
``signing`` (HMAC signatures), ``address`` (the SSRF address policy), ``delivery`` (draining an
endpoint's queue), ``sweeping`` (re-queueing due work) and ``endpoints`` (firm administrators'
endpoints, logs and replays). This package re-exports what the rest of the platform imports.
"""

from platform_.api.webhooks.address import address_allowed, address_is_global, check_url, webhook_target_resolve
from platform_.api.webhooks.delivery import USER_AGENT, backoff, delivery_attempt, max_attempts, webhook_endpoint_drain
from platform_.api.webhooks.endpoints import (
    deliveries_of,
    endpoints_of,
    webhook_delivery_replay,
    webhook_endpoint_create,
    webhook_endpoint_delete,
    webhook_endpoint_update,
)
from platform_.api.webhooks.fanout import on_event
from platform_.api.webhooks.registry import (
    Audience,
    WebhookEvent,
    audience_of,
    outgoing_payload,
    payload_id,
    webhook_event_register,
    webhook_events,
)
from platform_.api.webhooks.signing import SIGNATURE_HEADER, delivery_body, sign, verify
from platform_.api.webhooks.sweeping import due_endpoint_ids

__all__ = [
    "SIGNATURE_HEADER",
    "USER_AGENT",
    "Audience",
    "WebhookEvent",
    "address_allowed",
    "address_is_global",
    "audience_of",
    "backoff",
    "check_url",
    "deliveries_of",
    "delivery_attempt",
    "delivery_body",
    "due_endpoint_ids",
    "endpoints_of",
    "max_attempts",
    "on_event",
    "outgoing_payload",
    "payload_id",
    "sign",
    "verify",
    "webhook_delivery_replay",
    "webhook_endpoint_create",
    "webhook_endpoint_delete",
    "webhook_endpoint_drain",
    "webhook_endpoint_update",
    "webhook_event_register",
    "webhook_events",
    "webhook_target_resolve",
]
