"""Runs a dead worker left "running": found by the beat's sweeper and handed back to the queue.

A worker that computes a run holds the recompute lock (a PostgreSQL session lock, released when its
process dies) and has beaten the run's heart (``heartbeat_at``) when it took the task and at every
progress step. A run still "running" whose heart has not beaten for ``orphan_after()`` while nobody
holds the lock has lost its worker, or its task waits on a broker message that a killed worker took
(Redis hands that back only after the visibility timeout): it is claimed here (its heartbeat set, so
the next sweep leaves it alone for a while) and the caller queues its task again. Running the task
twice is safe (``run_compute`` resumes from the run's own as-of time and events, and a second copy
meets the lock). See docs/operations.md.
"""

from __future__ import annotations

import logging
import os
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from platform_.locks import advisory_lock_try
from spillover.models import Run, RunStatus
from spillover.services.runs import RECOMPUTE_LOCK

logger = logging.getLogger(__name__)


def orphan_after() -> timedelta:
    """How long a running run's heart may be silent, with the lock free, before it counts as orphaned."""
    return timedelta(seconds=float(os.environ.get("SPILLOVER_ORPHAN_AFTER_SECONDS", "45")))


def run_heartbeat(*, run_id: int) -> None:
    """The worker computing ``run_id`` is alive (called when it takes the task; progress steps beat too)."""
    Run.objects.filter(pk=run_id, status=RunStatus.RUNNING).update(heartbeat_at=timezone.now())


def runs_orphaned_claim() -> list[int]:
    """The ids of the running runs no live worker computes, claimed for queueing again (oldest first)."""
    cutoff = timezone.now() - orphan_after()
    stale = Run.objects.filter(status=RunStatus.RUNNING).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
    )
    if not stale.exists():
        return []
    with advisory_lock_try(RECOMPUTE_LOCK) as free:
        if not free:  # a live worker computes a run right now
            return []
        ids = list(stale.order_by("id").values_list("id", flat=True))
        claimed = [run_id for run_id in ids if _claim(run_id, cutoff)]
    for run_id in claimed:
        logger.warning("spillover run %s was left running by a dead worker; queued again", run_id)
    return claimed


def _claim(run_id: int, cutoff: object) -> bool:
    """Beat the run's heart on its behalf, unless someone else did since (two sweepers claim once)."""
    return bool(
        Run.objects.filter(pk=run_id, status=RunStatus.RUNNING)
        .filter(Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True))
        .update(heartbeat_at=timezone.now())
    )
