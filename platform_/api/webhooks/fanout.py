"""From domain event to delivery rows: one row per entitled, subscribed endpoint, queued after commit.

The rows are the queue, so a worker restart loses nothing; the sweeper re-queues what falls due.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from platform_.api.models import WebhookDelivery, WebhookEndpoint
from platform_.api.webhooks.registry import audience_of, outgoing_payload, webhook_event_known
from platform_.api.webhooks.robots import robot_message


def on_event(name: str, payload: dict[str, Any]) -> None:
    """Subscribed to every domain event (after commit): one delivery row per entitled endpoint."""
    if not webhook_event_known(name):
        return
    subscribed = list(
        WebhookEndpoint.objects.filter(
            Q(events__contains=[name]) | Q(events__contains=["*"]), active=True, firm__is_active=True
        )
    )
    if not subscribed:
        return
    entitled = audience_of(name, payload, {endpoint.firm_id for endpoint in subscribed})
    endpoints = [e for e in subscribed if e.firm_id in entitled and _in_scope(e, payload)]
    if not endpoints:
        return
    data = outgoing_payload(name, payload)
    # A robot's row keeps the message, rendered in its group's language when it is sent.
    message = robot_message(name, payload) if any(e.is_robot for e in endpoints) else None
    now = timezone.now()
    WebhookDelivery.objects.bulk_create(
        [
            WebhookDelivery(
                endpoint=e,
                event=name,
                payload={"message": message, "data": data} if e.is_robot else data,
                next_attempt_at=now,
                created_at=now,
            )
            for e in endpoints
        ]
    )
    transaction.on_commit(lambda: enqueue({e.pk for e in endpoints}))


def _in_scope(endpoint: WebhookEndpoint, payload: dict[str, Any]) -> bool:
    """A cluster's robot hears only events about its cluster; other endpoints hear all they are entitled to."""
    if endpoint.cluster_id is None:
        return True
    clusters = {payload.get("cluster_id"), *(payload.get("cluster_ids") or [])}
    return endpoint.cluster_id in {int(c) for c in clusters if c is not None}


def enqueue(endpoint_ids: set[int]) -> None:
    """Ask a worker to drain each endpoint's queue."""
    from platform_.api.tasks import webhook_deliver

    for endpoint_id in sorted(endpoint_ids):
        webhook_deliver.delay(endpoint_id)
