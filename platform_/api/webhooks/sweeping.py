"""Finding work a lost message left behind: the endpoints whose deliveries are due (beat calls this)."""

from __future__ import annotations

from django.utils import timezone

from platform_.api.models import OPEN_STATUSES, WebhookDelivery


def due_endpoint_ids() -> list[int]:
    return list(
        WebhookDelivery.objects.filter(
            status__in=OPEN_STATUSES, next_attempt_at__lte=timezone.now(), endpoint__active=True
        )
        .values_list("endpoint_id", flat=True)
        .distinct()
    )
