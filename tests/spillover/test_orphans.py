"""A run a killed worker left "running" is found by the beat's sweeper and completed, without anyone
pressing the recompute button; a run a live worker computes is left alone, and beat never starts a
second copy of it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from platform_.locks import lock_key
from spillover import services
from spillover.models import Run, RunStatus
from spillover.services.orphans import runs_orphaned_claim
from spillover.tasks import recompute_all
from tests.factories import database_url_of_test_db
from tests.spillover.factories import add_events, build_world
from tests.spillover.test_tasks import wait_for, worker

ROOT = Path(__file__).resolve().parents[2]


def orphan(*, silent_for: timedelta) -> Run:
    run = services.run_start()
    Run.objects.filter(pk=run.pk).update(heartbeat_at=timezone.now() - silent_for)
    return run


class LiveWorker:
    """Another PostgreSQL session holding the recompute lock, as a worker computing a run does."""

    def __enter__(self) -> LiveWorker:
        self.conn = psycopg.connect(**connection.get_connection_params(), autocommit=True)
        self.conn.execute("SELECT pg_advisory_lock(%s)", [lock_key(services.RECOMPUTE_LOCK)])
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.close()


@pytest.mark.django_db(transaction=True)
def test_a_silent_run_is_claimed_once_and_a_recent_one_not() -> None:
    silent = orphan(silent_for=timedelta(minutes=5))
    recent = orphan(silent_for=timedelta(seconds=5))
    assert runs_orphaned_claim() == [silent.pk]
    assert runs_orphaned_claim() == []  # claimed: its heart was beaten on its behalf
    silent.refresh_from_db()
    recent.refresh_from_db()
    assert silent.heartbeat_at is not None
    assert timezone.now() - silent.heartbeat_at < timedelta(seconds=30)
    assert recent.status == RunStatus.RUNNING


@pytest.mark.django_db(transaction=True)
def test_a_run_a_live_worker_computes_is_left_alone_and_beat_starts_no_second_copy() -> None:
    running = orphan(silent_for=timedelta(minutes=5))
    with LiveWorker():
        assert runs_orphaned_claim() == []
        result = recompute_all.apply().get()  # what beat's nightly schedule runs
    assert result == {"run": running.pk, "status": "skipped", "events": 0}
    assert list(Run.objects.values_list("pk", flat=True)) == [running.pk]


@pytest.mark.django_db(transaction=True)
def test_a_run_orphaned_by_a_killed_worker_completes_without_anyone_pressing_a_button(tmp_path: Path) -> None:
    world = build_world(31)
    add_events(world, 200)
    queue = f"spill-{uuid.uuid4().hex[:8]}"
    slow = worker(queue, SPILLOVER_STREAM_PAUSE="1.0")
    try:
        recompute_all.apply_async(queue=queue)
        wait_for(lambda: Run.objects.filter(status=RunStatus.RUNNING, stage="events", event_count__gt=0).exists())
        os.kill(slow.pid, signal.SIGKILL)  # its broker message stays taken until the visibility timeout
        slow.wait(timeout=10)
    finally:
        if slow.poll() is None:
            slow.kill()
    orphaned = Run.objects.get(status=RunStatus.RUNNING)

    # The platform's own beat and a fresh worker on the default queue; the sweep is made quick.
    quick = {"SPILLOVER_ORPHAN_AFTER_SECONDS": "2", "SPILLOVER_ORPHAN_SWEEP_SECONDS": "1"}
    fresh = worker("celery", **quick)
    beat = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "platform_", "beat", "-l", "WARNING",
         "--schedule", str(tmp_path / "beat-schedule")],
        cwd=ROOT,
        env={
            **os.environ, "DATABASE_URL": database_url_of_test_db(), "REDIS_URL": settings.REDIS_URL,
            "DJANGO_SETTINGS_MODULE": "platform_.settings.test", **quick,
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(lambda: Run.objects.get(pk=orphaned.pk).status == RunStatus.COMPLETE, timeout=90)
    finally:
        for process in (beat, fresh):
            process.terminate()
        for process in (beat, fresh):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    orphaned.refresh_from_db()
    assert orphaned.is_current
    assert Run.objects.filter(status=RunStatus.RUNNING).count() == 0
