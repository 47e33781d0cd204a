"""The log of API calls: recorded in Redis in the request path, written to PostgreSQL in batches.

A committed insert per call cost the request path 1-3 ms. A call is now one ``RPUSH`` of a small
record to a Redis list; ``flush`` (the Celery beat task ``api_call_log_flush``, every few seconds, and
the firm's API keys page before it lists calls) moves the records into ``ApiCall`` rows with bulk
inserts and sets each key's ``last_used_at`` from its latest call. Every call ends up logged: if Redis
refuses the record, the call is written to PostgreSQL at once instead; a batch leaves Redis only after
its rows are committed, so a crash in between logs that batch twice rather than losing it.
"""

from __future__ import annotations

import logging
import secrets
import time
from datetime import UTC, datetime
from typing import cast

import orjson
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from redis.exceptions import RedisError

from platform_.api.models import ApiCall, ApiKey
from platform_.redis_clients import cache_redis

logger = logging.getLogger(__name__)

QUEUE = "api:calls"
LOCK = "api:calls:flush"
LOCK_SECONDS = 120
BATCH = 2000


def _at(micros: int) -> datetime:
    return datetime.fromtimestamp(micros / 1_000_000, tz=UTC)


def record(*, key_id: int, method: str, endpoint: str, status: int, duration_ms: int) -> None:
    """Log one call: a single Redis command, no database write (unless Redis fails)."""
    at = time.time_ns() // 1000
    item = orjson.dumps([key_id, method, endpoint[:300], status, duration_ms, at])
    try:
        cache_redis().rpush(cache.make_key(QUEUE), item)
    except RedisError:
        logger.warning("API call log: Redis refused the record; written to the database at once", exc_info=True)
        ApiCall.objects.create(
            key_id=key_id, method=method, endpoint=endpoint[:300], status=status, duration_ms=duration_ms, at=_at(at)
        )


def pending() -> int:
    """How many calls wait in Redis to be written."""
    return int(cache_redis().llen(cache.make_key(QUEUE)))


def _write(items: list[bytes]) -> int:
    rows = []
    for item in items:
        try:
            key_id, method, endpoint, status, duration_ms, at = orjson.loads(item)
        except (orjson.JSONDecodeError, ValueError, TypeError):
            logger.error("API call log: unreadable record skipped: %r", item[:200])
            continue
        rows.append((int(key_id), str(method), str(endpoint), int(status), int(duration_ms), _at(int(at))))
    # A key deleted since its call took its log with it (the rows cascade): its records are dropped.
    known = set(ApiKey.objects.filter(pk__in={row[0] for row in rows}).values_list("pk", flat=True))
    calls = [
        ApiCall(key_id=key_id, method=method, endpoint=endpoint, status=status, duration_ms=duration_ms, at=at)
        for key_id, method, endpoint, status, duration_ms, at in rows
        if key_id in known
    ]
    latest: dict[int, datetime] = {}
    for call in calls:
        if call.key_id not in latest or call.at > latest[call.key_id]:
            latest[call.key_id] = call.at
    with transaction.atomic():
        ApiCall.objects.bulk_create(calls, batch_size=1000)
        for key_id, at in latest.items():
            ApiKey.objects.filter(Q(last_used_at__isnull=True) | Q(last_used_at__lt=at), pk=key_id).update(
                last_used_at=at
            )
    return len(calls)


def flush(*, max_batches: int | None = None) -> int:
    """Write the waiting calls to PostgreSQL (one flusher at a time); returns how many were written."""
    client = cache_redis()
    queue, lock = cache.make_key(QUEUE), cache.make_key(LOCK)
    token = secrets.token_hex(8)
    if not client.set(lock, token, nx=True, ex=LOCK_SECONDS):
        return 0  # another flusher is at work
    written = batches = 0
    try:
        while max_batches is None or batches < max_batches:
            items = cast(list[bytes], client.lrange(queue, 0, BATCH - 1))  # the client decodes nothing
            if not items:
                break
            written += _write(items)
            client.ltrim(queue, len(items), -1)  # only after the rows are committed
            batches += 1
    finally:
        if client.get(lock) == token.encode():
            client.delete(lock)
    return written
