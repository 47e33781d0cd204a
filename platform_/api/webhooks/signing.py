"""Signing webhook bodies: what the platform sends and what a receiver checks (HMAC-SHA256 with a timestamp)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

from platform_.api.models import WebhookDelivery

SIGNATURE_HEADER = "Webhook-Signature"


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
    """The signed bytes: a stable envelope around the stored payload (a replay keeps the original id)."""
    envelope = {
        "id": delivery.replay_of_id or delivery.pk,
        "delivery": delivery.pk,
        "event": delivery.event,
        "created_at": delivery.created_at.isoformat(),
        "data": delivery.payload,
    }
    return json.dumps(envelope, sort_keys=True, separators=(",", ":")).encode()
