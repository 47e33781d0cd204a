"""The recompute on a real Celery worker: killed mid-run, the previous figures stay readable, and
the re-run gives the same answer as an undisturbed run. Folding is queued after commit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import numpy as np
import pytest
from django.conf import settings

from knowledge.services import use_record
from spillover import pending, services
from spillover.models import FirmScore, FlowEdge, Run, RunStatus
from spillover.tasks import recompute_all
from tests.factories import FirmMemberFactory, database_url_of_test_db
from tests.spillover.factories import add_events, build_world

ROOT = Path(__file__).resolve().parents[2]


def worker(queue: str, **env: str) -> subprocess.Popen:
    url = database_url_of_test_db()
    return subprocess.Popen(
        [
            sys.executable, "-m", "celery", "-A", "platform_", "worker", "-P", "solo", "-Q", queue,
            "--without-heartbeat", "--without-gossip", "--without-mingle", "-l", "WARNING",
        ],
        cwd=ROOT,
        env={
            **os.environ, "DATABASE_URL": url, "REDIS_URL": settings.REDIS_URL,
            "DJANGO_SETTINGS_MODULE": "platform_.settings.test", **env,
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip


def wait_for(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError("condition not reached in time")


def snapshot(run: Run) -> dict:
    return {
        "firms": {f.firm_id: (f.inflow, f.outflow, f.pool, f.stock) for f in FirmScore.objects.filter(run=run)},
        "edges": {(e.absorber_id, e.source_id): e.value for e in FlowEdge.objects.filter(run=run)},
    }


def same(a: dict, b: dict) -> bool:
    return all(set(a[k]) == set(b[k]) and all(np.allclose(a[k][x], b[k][x], rtol=1e-9) for x in a[k]) for k in a)


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_recompute_leaves_the_previous_figures_and_the_rerun_matches():
    world = build_world(21)
    add_events(world, 200)
    previous = services.run_compute(run_id=services.run_start().pk)
    before = snapshot(previous)
    add_events(world, 40)

    queue = f"spill-{uuid.uuid4().hex[:8]}"
    slow = worker(queue, SPILLOVER_STREAM_PAUSE="1.0")
    try:
        recompute_all.apply_async(queue=queue)
        wait_for(lambda: Run.objects.filter(status=RunStatus.RUNNING, stage="events", event_count__gt=0).exists())
        os.kill(slow.pid, signal.SIGKILL)
        slow.wait(timeout=10)
    finally:
        if slow.poll() is None:
            slow.kill()
    killed = Run.objects.get(status=RunStatus.RUNNING)
    assert Run.objects.get(is_current=True) == previous
    assert same(snapshot(previous), before)

    # the re-run: the same task, resuming the unfinished run from its own as-of time and events
    result = recompute_all.apply().get()
    assert result["run"] == killed.pk
    killed.refresh_from_db()
    assert killed.status == RunStatus.COMPLETE
    assert killed.is_current

    undisturbed = services.run_compute(
        run_id=Run.objects.create(
            as_of=killed.as_of, parameters=killed.parameters, events_upto_id=killed.events_upto_id
        ).pk
    )
    assert same(snapshot(killed), snapshot(undisturbed))
    assert snapshot(killed)["firms"] != before["firms"]


@pytest.mark.django_db(transaction=True)
def test_a_recorded_use_is_queued_after_commit_and_folded_by_a_worker(settings):
    settings.SPILLOVER_FOLD_DELAY = 0
    world = build_world(22)
    add_events(world, 50)
    run = services.run_compute(run_id=services.run_start().pk)
    r = pending.client()
    r.delete(pending.PENDING, pending.SCHEDULED)
    asset = world.assets[0]
    owners = set(asset.ownerships.values_list("firm_id", flat=True))
    firm = next(f for f in world.firms if f.pk not in owners)
    user = FirmMemberFactory.create(firm=firm).user
    before = FirmScore.objects.get(run=run, firm=firm).inflow
    proc = worker("celery")
    try:
        event = use_record(firm=firm, user=user, asset=asset, kind="citation")
        assert event is not None
        wait_for(lambda: Run.objects.get(pk=run.pk).folded_count == 1)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert FirmScore.objects.get(run=run, firm=firm).inflow == pytest.approx(before + 1.0, rel=1e-6)
    assert r.llen(pending.PENDING) == 0
    assert pending.fold_pending() == 0  # folding again adds nothing
