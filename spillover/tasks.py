"""Celery tasks of the spillover app: thin wrappers that take ids and call the services.

Both are safe to run twice (acks late; a killed worker's run is resumed from its own as-of time,
and folding records each event it folds). A run whose worker died is queued again by the sweeper
within a minute, without anyone pressing the recompute button."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.conf import settings

from platform_.errors import Conflict
from spillover import pending, services
from spillover.models import Run
from spillover.services import orphans, partitions


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, name="spillover.tasks.recompute_all")
def recompute_all(self: Any, run_id: int | None = None) -> dict[str, Any]:
    """Full recompute (Celery beat): resume an unfinished run or start a new one, report progress."""
    if run_id is None:  # parameters from settings.SPILLOVER_PARAMETERS (delta, weights, months), else defaults
        run = services.run_resume_or_start(parameters=getattr(settings, "SPILLOVER_PARAMETERS", None))
    else:
        run = Run.objects.get(pk=run_id)
    Run.objects.filter(pk=run.pk).update(task_id=self.request.id or "")
    orphans.run_heartbeat(run_id=run.pk)

    def report(stage: str, fraction: float) -> None:
        if self.request.id:
            self.update_state(state="PROGRESS", meta={"run": run.pk, "stage": stage, "progress": fraction})

    try:
        run = services.run_compute(
            run_id=run.pk, on_progress=report, map_tasks=int(getattr(settings, "SPILLOVER_MAP_TASKS", 0))
        )
    except Conflict:  # another worker holds the recompute lock and is computing this very run
        return {"run": run.pk, "status": "skipped", "events": 0}
    return {"run": run.pk, "status": run.status, "events": run.event_count}


@shared_task(acks_late=True, name="spillover.tasks.recompute_map")
def recompute_map(run_id: int) -> int:
    """A worker's share of a partitioned recompute: fold partitions of the record of use until none
    is left (services/partitions.py); the run's own task reduces them. Returns how many it folded."""
    return partitions.map_worker(run_id=run_id)


@shared_task(acks_late=True, name="spillover.tasks.fold_pending")
def fold_pending() -> int:
    """Fold the use events queued since the last call into the current run."""
    return pending.fold_pending()


@shared_task(acks_late=True, name="spillover.tasks.fold_events")
def fold_events(event_ids: list[int]) -> int:
    return services.events_fold(event_ids=event_ids)


@shared_task(name="spillover.tasks.sweep_orphaned_runs")
def sweep_orphaned_runs() -> list[int]:
    """Beat, every few seconds: queue again the runs a dead worker left running (services/orphans.py)."""
    claimed = orphans.runs_orphaned_claim()
    for run_id in claimed:
        recompute_all.delay(run_id=run_id)
    return claimed
