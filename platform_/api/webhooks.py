"""Webhooks: who hears which event, signing, and the ordered, retried delivery of each endpoint's queue.

Domain events become delivery rows after their transaction commits; the rows are the queue, so a
worker restart loses nothing (a beat-driven sweeper re-queues what is due). Each endpoint's
deliveries go out oldest first: a later one waits while an earlier one is retrying.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from platform_.api.models import OPEN_STATUSES, DeliveryStatus, WebhookDelivery, WebhookEndpoint
from platform_.audit.services import audit_record
from platform_.errors import DomainError, NotAllowed
from platform_.identity.models import Firm, User
from platform_.identity.selectors import member_of

logger = logging.getLogger(__name__)

WEBHOOK_EVENTS: dict[str, Any] = {
    "asset.published": _("A knowledge asset was published"),
    "asset.taken_down": _("A knowledge asset was taken down"),
    "membership.approved": _("A cluster membership was approved"),
    "project.opened": _("A design project opened"),
    "entry.submitted": _("An entry was submitted to your project (without its content)"),
    "project.awarded": _("A design project was awarded"),
    "spillover.updated": _("Spillover figures were updated"),
}
SIGNATURE_HEADER = "Webhook-Signature"
USER_AGENT = "VirtualClusters-Webhooks/1"

# Which keys of a payload leave the platform, for events whose payload could carry more than ids.
PAYLOAD_FIELDS: dict[str, tuple[str, ...]] = {
    "entry.submitted": ("entry_id", "project_id", "version", "submitted_at"),
}

# A rule gets the event's payload and the firms that have an endpoint for the event, and keeps
# those entitled to hear it. Without a rule: the payload's ``audience_firm_ids``, else its ``firm_id``.
Audience = Callable[[dict[str, Any], set[int]], set[int]]
_audiences: dict[str, Audience] = {}


def register_audience(event: str, resolver: Audience) -> None:
    """Name the firms entitled to hear ``event``; domains may register a sharper rule than the default."""
    _audiences[event] = resolver


def _ids(value: Any) -> set[int]:
    return {int(item) for item in (value or []) if item is not None}


def _key(payload: dict[str, Any], name: str) -> Any:
    """A payload id for a lookup; None when absent, which matches no row."""
    return payload.get(name)


def audience_of(event: str, payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """Of the candidate firms, those entitled to see the event."""
    if "audience_firm_ids" in payload:
        return candidates & _ids(payload["audience_firm_ids"])
    resolver = _audiences.get(event)
    if resolver is not None:
        return candidates & resolver(payload, candidates)
    return candidates & _ids([payload.get("firm_id")])


def _membership_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The member firm and the other active members of the cluster."""
    from clusters.models import ClusterMembership, MembershipStatus

    peers = ClusterMembership.objects.filter(
        cluster_id=_key(payload, "cluster_id"), status=MembershipStatus.ACTIVE, firm_id__in=candidates
    ).values_list("firm_id", flat=True)
    return _ids([payload.get("firm_id"), *peers])


def _asset_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """Firms that may see the asset (for a take-down: those that could see it while it was published)."""
    from clusters.selectors import active_cluster_ids
    from knowledge.models import AccessLevel, Asset, AssetOwnership

    asset = Asset.objects.filter(pk=_key(payload, "asset_id")).first()
    if asset is None:
        return set()
    owners = set(AssetOwnership.objects.filter(asset=asset).values_list("firm_id", flat=True))
    if asset.access_level == AccessLevel.PUBLIC:
        return set(candidates)
    if asset.access_level == AccessLevel.PRIVATE:
        return owners
    named = set(asset.access_firms.values_list("id", flat=True))
    if asset.access_level == AccessLevel.CLUSTERS:
        clusters = set(asset.access_clusters.values_list("id", flat=True))
        named |= {firm for firm in candidates if active_cluster_ids(firm=firm) & clusters}
    return owners | named


def _sponsor_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The project's sponsor only (entries are sealed from everyone else)."""
    if payload.get("sponsor_firm_id"):
        return _ids([payload["sponsor_firm_id"]])
    from projects.models import Project

    return set(Project.objects.filter(pk=_key(payload, "project_id")).values_list("sponsor_id", flat=True))


def _project_opened_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The firms eligible to take part: everyone for an open project, else the eligible clusters'
    active members or the invited firms; always the sponsor."""
    from clusters.models import ClusterMembership, MembershipStatus
    from projects.models import Eligibility, Project

    project = Project.objects.filter(pk=_key(payload, "project_id")).first()
    if project is None:
        return set()
    if project.eligibility == Eligibility.OPEN:
        return set(candidates)
    audience = {project.sponsor_id}
    if project.eligibility == Eligibility.CLUSTERS:
        audience |= set(
            ClusterMembership.objects.filter(
                cluster__in=project.eligible_clusters.all(), status=MembershipStatus.ACTIVE, firm_id__in=candidates
            ).values_list("firm_id", flat=True)
        )
    else:
        audience |= set(project.invited_firms.filter(id__in=candidates).values_list("id", flat=True))
    return audience


def _project_awarded_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The sponsor and every firm that entered (each learns the outcome; entries stay with their teams)."""
    from projects.models import Project, TeamFirm

    sponsor = set(Project.objects.filter(pk=_key(payload, "project_id")).values_list("sponsor_id", flat=True))
    entrants = set(
        TeamFirm.objects.filter(project_id=_key(payload, "project_id"), team__entry__isnull=False).values_list(
            "firm_id", flat=True
        )
    )
    return sponsor | entrants


register_audience("membership.approved", _membership_audience)
register_audience("project.opened", _project_opened_audience)
register_audience("project.awarded", _project_awarded_audience)
register_audience("asset.published", _asset_audience)
register_audience("asset.taken_down", _asset_audience)
register_audience("entry.submitted", _sponsor_audience)


def outgoing_payload(event: str, payload: dict[str, Any]) -> dict[str, Any]:
    allowed = PAYLOAD_FIELDS.get(event)
    data = {key: value for key, value in payload.items() if key != "audience_firm_ids"}
    if allowed is not None:
        data = {key: value for key, value in data.items() if key in allowed}
    return json.loads(json.dumps(data, default=str))


def on_event(name: str, payload: dict[str, Any]) -> None:
    """Subscribed to every domain event (after commit): one delivery row per entitled endpoint."""
    if name not in WEBHOOK_EVENTS:
        return
    subscribed = list(
        WebhookEndpoint.objects.filter(
            Q(events__contains=[name]) | Q(events__contains=["*"]), active=True, firm__is_active=True
        )
    )
    if not subscribed:
        return
    entitled = audience_of(name, payload, {endpoint.firm_id for endpoint in subscribed})
    endpoints = [endpoint for endpoint in subscribed if endpoint.firm_id in entitled]
    if not endpoints:
        return
    data = outgoing_payload(name, payload)
    now = timezone.now()
    WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(endpoint=e, event=name, payload=data, next_attempt_at=now, created_at=now) for e in endpoints]
    )
    transaction.on_commit(lambda: _enqueue({e.pk for e in endpoints}))


def _enqueue(endpoint_ids: set[int]) -> None:
    from platform_.api.tasks import webhook_deliver

    for endpoint_id in sorted(endpoint_ids):
        webhook_deliver.delay(endpoint_id)


# --- signing ---------------------------------------------------------------------------------------


def sign(*, secret: str, body: bytes, timestamp: int) -> str:
    """``t=<ts>,v1=<hex>`` where hex is HMAC-SHA256 over ``f"{ts}.{body}"`` with the endpoint's secret."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify(*, secret: str, body: bytes, header: str, tolerance: int = 300, now: int | None = None) -> bool:
    """What a receiver does: recompute the signature and refuse stale timestamps (replays)."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs((now or int(time.time())) - timestamp) > tolerance:
        return False
    expected = sign(secret=secret, body=body, timestamp=timestamp).split("v1=", 1)[1]
    return hmac.compare_digest(expected, fields.get("v1", ""))


def delivery_body(delivery: WebhookDelivery) -> bytes:
    envelope = {
        "id": delivery.replay_of_id or delivery.pk,
        "delivery": delivery.pk,
        "event": delivery.event,
        "created_at": delivery.created_at.isoformat(),
        "data": delivery.payload,
    }
    return json.dumps(envelope, sort_keys=True, separators=(",", ":")).encode()


# --- delivery --------------------------------------------------------------------------------------


def backoff(attempts: int) -> timedelta:
    """Exponential: base, 2×base, 4×base, … capped at WEBHOOK_BACKOFF_MAX_SECONDS."""
    base = float(getattr(settings, "WEBHOOK_BACKOFF_BASE_SECONDS", 30))
    cap = float(getattr(settings, "WEBHOOK_BACKOFF_MAX_SECONDS", 6 * 3600))
    return timedelta(seconds=min(cap, base * 2 ** max(0, attempts - 1)))


def max_attempts() -> int:
    return int(getattr(settings, "WEBHOOK_MAX_ATTEMPTS", 8))


def _attempt(delivery: WebhookDelivery) -> None:
    endpoint = delivery.endpoint
    body = delivery_body(delivery)
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "Webhook-Id": str(delivery.replay_of_id or delivery.pk),
        "Webhook-Event": delivery.event,
        SIGNATURE_HEADER: sign(secret=endpoint.secret, body=body, timestamp=timestamp),
    }
    code: int | None = None
    error = ""
    try:
        check_url(endpoint.url)  # again at send time: a name may have been re-pointed since it was saved
        response = httpx.post(
            endpoint.url,
            content=body,
            headers=headers,
            follow_redirects=False,
            timeout=float(getattr(settings, "WEBHOOK_TIMEOUT_SECONDS", 10)),
        )
        code = response.status_code
        if not 200 <= code < 300:
            error = f"HTTP {code}: {response.text[:500]}"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"[:1000]
    except DomainError as exc:
        error = str(exc.message)
    now = timezone.now()
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


def _lock_id(endpoint_id: int) -> int:
    return int.from_bytes(hashlib.sha256(f"webhook-endpoint:{endpoint_id}".encode()).digest()[:8], "big", signed=True)


def webhook_endpoint_drain(*, endpoint_id: int) -> datetime | None:
    """Send the endpoint's due deliveries in order; returns when the next one falls due (or None).

    One drainer per endpoint at a time (a PostgreSQL advisory lock, released if the worker dies).
    """
    lock = _lock_id(endpoint_id)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock])
        if not cursor.fetchone()[0]:
            return None
    try:
        while True:
            delivery = (
                WebhookDelivery.objects.filter(endpoint_id=endpoint_id, status__in=OPEN_STATUSES)
                .select_related("endpoint")
                .order_by("id")
                .first()
            )
            if delivery is None or not delivery.endpoint.active:
                return None
            if delivery.next_attempt_at > timezone.now():
                return delivery.next_attempt_at
            _attempt(delivery)
            if delivery.status in OPEN_STATUSES:
                return delivery.next_attempt_at
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [lock])


def due_endpoint_ids() -> list[int]:
    return list(
        WebhookDelivery.objects.filter(
            status__in=OPEN_STATUSES, next_attempt_at__lte=timezone.now(), endpoint__active=True
        )
        .values_list("endpoint_id", flat=True)
        .distinct()
    )


# --- endpoints and replay (firm administrators) ---------------------------------------------------


def _require_manager(*, firm: Firm, by: User) -> None:
    membership = member_of(user=by, firm=firm)
    if membership is None or not membership.manages:
        raise NotAllowed(_("Only the firm's owners and administrators manage its API keys and webhooks."))


def _check_events(events: list[str]) -> list[str]:
    unknown = sorted(set(events) - set(WEBHOOK_EVENTS) - {"*"})
    if unknown:
        raise DomainError(_("Unknown events: %(events)s") % {"events": ", ".join(unknown)}, field="events")
    if not events:
        raise DomainError(_("Choose at least one event."), field="events")
    return sorted(set(events))


def _private_address(host: str) -> bool:
    """Whether the host resolves to an address inside a private, loopback, link-local or reserved range."""
    import ipaddress
    import socket

    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False  # unresolvable now: the delivery attempt will fail and be retried
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if (
            address.is_private
            or address.is_loopback
            or address.is_link_local
            or address.is_reserved
            or address.is_multicast
            or address.is_unspecified
        ):
            return True
    return False


def check_url(url: str) -> str:
    """An endpoint URL must be http(s); outside development it must not reach internal addresses (SSRF)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url or "")
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise DomainError(_("A webhook URL must start with https:// or http:// and name a host."), field="url")
    if not getattr(settings, "WEBHOOK_ALLOW_PRIVATE_URLS", False) and _private_address(parts.hostname):
        raise DomainError(_("A webhook URL may not point to a private or internal address."), field="url")
    return url


@transaction.atomic
def webhook_endpoint_create(
    *, firm: Firm, by: User, url: str, events: list[str], description: str = "", active: bool = True
) -> WebhookEndpoint:
    _require_manager(firm=firm, by=by)
    endpoint = WebhookEndpoint.objects.create(
        firm=firm,
        url=check_url(url),
        events=_check_events(events),
        description=description,
        active=active,
        secret="whsec_" + secrets.token_urlsafe(32),
    )
    audit_record(actor=by, action="webhook.create", target=endpoint, firm=firm, data={"events": endpoint.events})
    return endpoint


@transaction.atomic
def webhook_endpoint_update(*, endpoint: WebhookEndpoint, by: User, **changes: Any) -> WebhookEndpoint:
    _require_manager(firm=endpoint.firm, by=by)
    allowed = {"url", "events", "description", "active"}
    for field, value in changes.items():
        if field not in allowed:
            continue
        if field == "url":
            value = check_url(value)
        setattr(endpoint, field, _check_events(value) if field == "events" else value)
    endpoint.save()
    audit_record(actor=by, action="webhook.update", target=endpoint, firm=endpoint.firm)
    if endpoint.active:
        transaction.on_commit(lambda: _enqueue({endpoint.pk}))
    return endpoint


@transaction.atomic
def webhook_endpoint_delete(*, endpoint: WebhookEndpoint, by: User) -> None:
    _require_manager(firm=endpoint.firm, by=by)
    audit_record(actor=by, action="webhook.delete", target=endpoint, firm=endpoint.firm)
    endpoint.delete()


@transaction.atomic
def webhook_delivery_replay(*, delivery: WebhookDelivery, by: User) -> WebhookDelivery:
    """Send the same event again, as a new delivery at the end of the endpoint's queue."""
    _require_manager(firm=delivery.endpoint.firm, by=by)
    copy = WebhookDelivery.objects.create(
        endpoint=delivery.endpoint,
        event=delivery.event,
        payload=delivery.payload,
        replay_of_id=delivery.replay_of_id or delivery.pk,
    )
    audit_record(
        actor=by,
        action="webhook.replay",
        target=delivery.endpoint,
        firm=delivery.endpoint.firm,
        data={"delivery": delivery.pk},
    )
    transaction.on_commit(lambda: _enqueue({delivery.endpoint_id}))
    return copy


def endpoints_of(*, firm: Firm) -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.filter(firm=firm).order_by("id")


def deliveries_of(*, firm: Firm) -> QuerySet[WebhookDelivery]:
    return WebhookDelivery.objects.filter(endpoint__firm=firm).order_by("-id")
