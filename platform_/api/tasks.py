"""Celery tasks of the partner API: drain an endpoint's webhook queue; sweep for due deliveries; write the call log."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from platform_.api import call_log, webhooks


@shared_task(acks_late=True, ignore_result=True)
def webhook_deliver(endpoint_id: int) -> None:
    """Safe to run twice: only one drainer per endpoint, and each delivery's state is in its row."""
    next_due = webhooks.webhook_endpoint_drain(endpoint_id=endpoint_id)
    if next_due is not None:
        delay = max(0.0, (next_due - timezone.now()).total_seconds())
        webhook_deliver.apply_async((endpoint_id,), countdown=delay)


@shared_task(ignore_result=True)
def webhook_sweep() -> int:
    """Beat-driven: re-queue endpoints with due deliveries (after a restart, a lost message, a crash)."""
    endpoint_ids = webhooks.due_endpoint_ids()
    for endpoint_id in endpoint_ids:
        webhook_deliver.delay(endpoint_id)
    return len(endpoint_ids)


@shared_task(ignore_result=True)
def api_call_log_flush() -> int:
    """Beat-driven: write the API calls waiting in Redis to PostgreSQL (see ``call_log``)."""
    return call_log.flush()
