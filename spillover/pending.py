"""The queue of use events waiting to be folded in, kept in Redis so one task folds a batch."""

from __future__ import annotations

from typing import Any

import redis
from django.conf import settings
from django.db import transaction

from platform_.redis_clients import redis_client

PENDING = "spillover:pending"
SCHEDULED = "spillover:fold-scheduled"
BATCH = 5000


def client() -> redis.Redis:
    return redis_client(settings.REDIS_URL)


def on_use_recorded(name: str, payload: dict[str, Any]) -> None:
    """Event handler (runs after commit): queue the event, and a fold task unless one is queued."""
    event_id = payload.get("event_id")
    if not event_id:
        return
    r = client()
    r.rpush(PENDING, int(event_id))
    if r.set(SCHEDULED, 1, nx=True, ex=60):
        from spillover.tasks import fold_pending

        fold_pending.apply_async(countdown=getattr(settings, "SPILLOVER_FOLD_DELAY", 5))


def fold_pending() -> int:
    """Fold queued events batch by batch; an id leaves the queue only once it is folded."""
    from spillover.models import Run
    from spillover.services import events_fold_into

    r = client()
    r.delete(SCHEDULED)
    total = 0
    while True:
        with transaction.atomic():
            run = Run.objects.select_for_update().filter(is_current=True).first()
            ids = [int(x) for x in r.lrange(PENDING, 0, BATCH - 1)]
            if not ids:
                return total
            if run is not None:
                total += events_fold_into(run=run, event_ids=ids)
            r.ltrim(PENDING, len(ids), -1)
