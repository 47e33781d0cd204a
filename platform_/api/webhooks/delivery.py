"""Sending an endpoint's queue: oldest first, one drainer per endpoint, exponential backoff, then dead letter.

A later delivery waits while an earlier one of the same endpoint is retrying, so a receiver sees
events in the order they happened. Each attempt connects only to an address the policy checked
(``address.webhook_target_resolve``) and never follows a redirect.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import httpx
from django.conf import settings
from django.utils import timezone

from platform_.api.models import OPEN_STATUSES, DeliveryStatus, WebhookDelivery
from platform_.api.webhooks import robots
from platform_.api.webhooks.address import webhook_target_resolve
from platform_.api.webhooks.signing import SIGNATURE_HEADER, delivery_body, sign
from platform_.errors import DomainError
from platform_.locks import advisory_lock_try

USER_AGENT = "VirtualClusters-Webhooks/1"


def backoff(attempts: int) -> timedelta:
    """Exponential: base, 2×base, 4×base, … capped at WEBHOOK_BACKOFF_MAX_SECONDS."""
    base = float(getattr(settings, "WEBHOOK_BACKOFF_BASE_SECONDS", 30))
    cap = float(getattr(settings, "WEBHOOK_BACKOFF_MAX_SECONDS", 6 * 3600))
    return timedelta(seconds=min(cap, base * 2 ** max(0, attempts - 1)))


def max_attempts() -> int:
    return int(getattr(settings, "WEBHOOK_MAX_ATTEMPTS", 8))


def _post(*, url: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
    """POST to the address checked just now, as the host the partner named (Host header, TLS name)."""
    target = webhook_target_resolve(url)
    with httpx.Client(
        follow_redirects=False,
        trust_env=False,  # no proxy from the environment: the connection goes to the checked address
        timeout=float(getattr(settings, "WEBHOOK_TIMEOUT_SECONDS", 10)),
    ) as client:
        return client.post(
            target.url,
            content=body,
            headers={**headers, "Host": target.host_header},
            extensions={"sni_hostname": target.server_name},
        )


def delivery_attempt(delivery: WebhookDelivery) -> None:
    """Send the delivery once and record the outcome in its row (delivered, retrying or dead)."""
    endpoint = delivery.endpoint
    body = delivery_body(delivery)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "Webhook-Id": str(delivery.replay_of_id or delivery.pk),
        "Webhook-Event": delivery.event,
        SIGNATURE_HEADER: sign(secret=endpoint.secret, body=body, timestamp=int(time.time())),
    }
    code: int | None = None
    error = ""
    try:
        response = _post(url=endpoint.url, body=body, headers=headers)
        code = response.status_code
        if not 200 <= code < 300:
            error = f"HTTP {code}: {response.text[:500]}"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"[:1000]
    except DomainError as exc:
        error = str(exc.message)
    _record(delivery, code=code, error=error, now=timezone.now())


def robot_attempt(deliveries: list[WebhookDelivery]) -> None:
    """Send the deliveries as one group-chat message and record the outcome in each of their rows."""
    endpoint = deliveries[0].endpoint
    now = timezone.now()
    url, body = robots.robot_request(endpoint, robots.robot_text(endpoint, deliveries), now)
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT}
    code: int | None = None
    try:
        response = _post(url=url, body=body, headers=headers)
        code = response.status_code
        error = robots.robot_error(response)
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"[:1000]
    except DomainError as exc:
        error = str(exc.message)
    for delivery in deliveries:
        _record(delivery, code=code, error=error, now=now)


def _record(delivery: WebhookDelivery, *, code: int | None, error: str, now: datetime) -> None:
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.last_status_code = code
    delivery.last_error = error
    if not error:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = now
    elif delivery.attempts >= max_attempts():
        delivery.status = DeliveryStatus.DEAD
        delivery.dead_lettered = True
    else:
        delivery.status = DeliveryStatus.RETRYING
        delivery.next_attempt_at = now + backoff(delivery.attempts)
    delivery.save(
        update_fields=[
            "attempts",
            "last_attempt_at",
            "last_status_code",
            "last_error",
            "status",
            "delivered_at",
            "dead_lettered",
            "next_attempt_at",
        ]
    )


def _due(head: WebhookDelivery, *, now: datetime) -> list[WebhookDelivery]:
    """The robot's due deliveries from ``head`` on, in order (as many as one message can hold at most)."""
    due = list(
        WebhookDelivery.objects.filter(
            endpoint_id=head.endpoint_id, status__in=OPEN_STATUSES, next_attempt_at__lte=now, id__gte=head.pk
        ).order_by("id")[: int(getattr(settings, "GROUP_ROBOT_BATCH_MAX", 20))]
    )
    for delivery in due:
        delivery.endpoint = head.endpoint
    return due


def webhook_endpoint_drain(*, endpoint_id: int) -> datetime | None:
    """Send the endpoint's due deliveries in order; returns when the next one falls due (or None).

    One drainer per endpoint at a time (a session advisory lock, released if the worker dies).
    """
    with advisory_lock_try(f"webhook-endpoint:{endpoint_id}") as held:
        if not held:
            return None
        while True:
            delivery = (
                WebhookDelivery.objects.filter(endpoint_id=endpoint_id, status__in=OPEN_STATUSES)
                .select_related("endpoint")
                .order_by("id")
                .first()
            )
            if delivery is None or not delivery.endpoint.active:
                return None
            now = timezone.now()
            if delivery.next_attempt_at > now:
                return delivery.next_attempt_at
            if delivery.endpoint.is_robot:
                wait = robots.robot_held_until(delivery.endpoint, now=now)
                if wait is not None:  # the service's limit: the waiting deliveries go out together later
                    return wait
                robot_attempt(robots.robot_batch(delivery.endpoint, _due(delivery, now=now)))
                continue
            delivery_attempt(delivery)
            if delivery.status in OPEN_STATUSES:
                return delivery.next_attempt_at
