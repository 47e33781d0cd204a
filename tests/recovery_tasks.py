"""A task for tests/test_task_recovery.py, loaded by the workers it starts (``celery worker -I``)."""

from __future__ import annotations

import os
import time

from celery import shared_task
from django.conf import settings

from platform_.redis_clients import redis_client


@shared_task(name="tests.recovery_tasks.hold")
def hold(key: str, seconds: float) -> None:
    """Records that it started, holds until released (or ``seconds`` pass), records that it ended."""
    client = redis_client(settings.CELERY_BROKER_URL)
    client.rpush(f"{key}:started", os.getpid())
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not client.exists(f"{key}:release"):
        time.sleep(0.05)
    client.rpush(f"{key}:done", os.getpid())
