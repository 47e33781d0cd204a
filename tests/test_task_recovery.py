"""A task whose worker died is put back in its queue and done by another worker within a minute, not
after the broker's one-hour visibility timeout; a task a live worker holds, however long, is left alone
(platform_/task_recovery.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from platform_.celery import app
from platform_.redis_clients import redis_client
from platform_.task_recovery import tasks_orphaned_restore
from tests.factories import database_url_of_test_db
from tests.spillover.test_tasks import wait_for

ROOT = Path(__file__).resolve().parents[1]
QUICK = {"TASK_HEARTBEAT_SECONDS": "0.5", "TASK_ORPHAN_AFTER_SECONDS": "2", "TASK_ORPHAN_CONFIRM_SECONDS": "1"}


def _env(**extra: str) -> dict[str, str]:
    return {
        **os.environ, "DATABASE_URL": database_url_of_test_db(), "REDIS_URL": settings.REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "platform_.settings.test", **QUICK, **extra,
    }  # fmt: skip


def start_worker(queues: str) -> subprocess.Popen:
    """A worker as ``make run`` starts one (prefork), in a session of its own so it can be killed whole."""
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "platform_", "worker", "-Q", queues, "--concurrency", "2",
         "-I", "tests.recovery_tasks", "--without-gossip", "--without-mingle", "-l", "WARNING"],
        cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip


def stop(process: subprocess.Popen, *, kill: bool = False) -> None:
    """Stops the process and everything it started (a prefork worker's children too)."""
    try:
        os.killpg(process.pid, signal.SIGKILL if kill else signal.SIGTERM)
        process.wait(timeout=30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


@pytest.fixture
def key() -> Iterator[str]:
    key = f"test:recovery:{uuid.uuid4().hex[:8]}"
    yield key
    redis = redis_client(settings.CELERY_BROKER_URL)
    redis.delete(f"{key}:started", f"{key}:done", f"{key}:release")


def _count(key: str, what: str) -> int:
    return int(redis_client(settings.CELERY_BROKER_URL).llen(f"{key}:{what}"))


@pytest.mark.django_db(transaction=True)
def test_a_task_whose_worker_was_killed_is_done_by_another_within_a_minute(key: str, tmp_path: Path) -> None:
    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] >= 3600  # not Kombu's own restore
    queue = f"recover-{uuid.uuid4().hex[:8]}"
    doomed = start_worker(queue)
    try:
        app.send_task("tests.recovery_tasks.hold", args=[key, 120], queue=queue)
        wait_for(lambda: _count(key, "started") == 1, timeout=90)
    finally:
        stop(doomed, kill=True)  # the whole worker, as the kernel's OOM killer or a lost machine would
    redis_client(settings.CELERY_BROKER_URL).set(f"{key}:release", "1")  # the second run ends at once

    # A fresh worker and the platform's own beat, as `make run` restarts and runs them.
    fresh = start_worker(f"{queue},celery")
    beat = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "platform_", "beat", "-l", "WARNING",
         "--schedule", str(tmp_path / "beat-schedule")],
        cwd=ROOT, env=_env(TASK_ORPHAN_SWEEP_SECONDS="1"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    killed_at = time.monotonic()
    try:
        wait_for(lambda: _count(key, "done") == 1, timeout=60)
        print(f"recovered {time.monotonic() - killed_at:.1f} s after the kill (fresh worker's start included)")
        time.sleep(3)  # a second restore would show as a third start
    finally:
        for process in (beat, fresh):
            stop(process)
    assert _count(key, "started") == 2
    assert _count(key, "done") == 1


@pytest.mark.django_db(transaction=True)
def test_a_long_task_or_a_countdown_a_live_worker_holds_is_left_alone(key: str, settings) -> None:
    settings.TASK_ORPHAN_AFTER_SECONDS = 1
    settings.TASK_ORPHAN_CONFIRM_SECONDS = 0.5
    queue = f"recover-{uuid.uuid4().hex[:8]}"
    alive = start_worker(queue)
    try:
        app.send_task("tests.recovery_tasks.hold", args=[key, 60], queue=queue)
        app.send_task("tests.recovery_tasks.hold", args=[f"{key}-later", 0], queue=queue, countdown=8)
        wait_for(lambda: _count(key, "started") == 1, timeout=90)
        deadline = time.monotonic() + 6  # well past the (shortened) orphan age and confirmation
        while time.monotonic() < deadline:
            assert tasks_orphaned_restore() == []
            time.sleep(0.5)
        redis_client(settings.CELERY_BROKER_URL).set(f"{key}:release", "1")
        wait_for(lambda: _count(key, "done") == 1 and _count(f"{key}-later", "done") == 1, timeout=30)
    finally:
        stop(alive)
    started_later = _count(f"{key}-later", "started")
    redis_client(settings.CELERY_BROKER_URL).delete(f"{key}-later:started", f"{key}-later:done")
    assert _count(key, "started") == 1
    assert started_later == 1
