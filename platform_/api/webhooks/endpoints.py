"""Firm administrators' side of webhooks: their endpoints (create, change, delete), logs and replays."""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from platform_.api.models import WebhookDelivery, WebhookEndpoint
from platform_.api.webhooks.address import check_url
from platform_.api.webhooks.fanout import enqueue
from platform_.api.webhooks.registry import webhook_event_known
from platform_.api.webhooks.robots import robot_url_check
from platform_.audit.services import audit_record
from platform_.errors import DomainError, NotAllowed
from platform_.identity.models import Firm, User
from platform_.identity.selectors import member_of


def _require_manager(*, firm: Firm, by: User) -> None:
    membership = member_of(user=by, firm=firm)
    if membership is None or not membership.manages:
        raise NotAllowed(_("Only the firm's owners and administrators manage its API keys and webhooks."))


def _check_events(events: list[str]) -> list[str]:
    unknown = sorted(name for name in set(events) if name != "*" and not webhook_event_known(name))
    if unknown:
        raise DomainError(_("Unknown events: %(events)s") % {"events": ", ".join(unknown)}, field="events")
    if not events:
        raise DomainError(_("Choose at least one event."), field="events")
    return sorted(set(events))


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
        if field == "url":  # a robot stays on its service's hosts
            value = robot_url_check(endpoint.kind, value) if endpoint.is_robot else check_url(value)
        setattr(endpoint, field, _check_events(value) if field == "events" else value)
    endpoint.save()
    audit_record(actor=by, action="webhook.update", target=endpoint, firm=endpoint.firm)
    if endpoint.active:
        transaction.on_commit(lambda: enqueue({endpoint.pk}))
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
    transaction.on_commit(lambda: enqueue({delivery.endpoint_id}))
    return copy


def endpoints_of(*, firm: Firm) -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.filter(firm=firm).order_by("id")


def deliveries_of(*, firm: Firm) -> QuerySet[WebhookDelivery]:
    return WebhookDelivery.objects.filter(endpoint__firm=firm).order_by("-id")
