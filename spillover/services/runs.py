"""Full recompute runs: start or resume a run, compute and store it, and only then make it current.

One recompute at a time (a PostgreSQL session lock, released if the worker dies). A run a killed
worker left half-written is cleared and computed again from its own as-of time and events, and what
was recorded while a run computed is folded in when it becomes current.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knowledge.models import UseEvent
from platform_.errors import Conflict
from platform_.events import publish
from platform_.locks import advisory_lock_try
from spillover.models import AssetScore, ClusterScore, FirmScore, FlowEdge, FoldedEvent, RegionScore, Run, RunStatus
from spillover.services.figures import Figures, compute
from spillover.services.fold import events_fold_into
from spillover.services.parameters import parameters_validate
from spillover.services.progress import Progress, progress_close, progress_set
from spillover.services.store import figures_write

RECOMPUTE_LOCK = "spillover:recompute"  # advisory lock: one full recompute at a time
RESULT_MODELS = (FirmScore, FlowEdge, ClusterScore, AssetScore, RegionScore)


def run_start(*, as_of: datetime | None = None, parameters: dict[str, Any] | None = None) -> Run:
    """A new run as of ``as_of`` (now by default) over every event recorded so far."""
    params = parameters_validate(parameters)
    upto = UseEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    return Run.objects.create(as_of=as_of or timezone.now(), parameters=params.as_dict(), events_upto_id=upto)


def run_resume_or_start(*, parameters: dict[str, Any] | None = None) -> Run:
    """The unfinished run a killed worker left behind (same as-of, same events), else a new run."""
    unfinished = Run.objects.filter(status=RunStatus.RUNNING).order_by("-id").first()
    return unfinished or run_start(parameters=parameters)


def run_compute(
    *,
    run_id: int,
    on_progress: Progress | None = None,
    batch_rows: int | None = None,
    map_tasks: int = 0,
    map_queue: str | None = None,
    map_here: bool = True,
) -> Run:
    """Compute a run and make it current. Safe to call twice: a complete run is left alone, a run
    a killed worker left half-written is cleared and computed again from its own as-of and events.
    ``map_tasks`` > 0 spreads the fold of the record of use over that many Celery map tasks (on
    ``map_queue``) besides this process (unless not ``map_here``): the same figures to the last bit."""
    run = Run.objects.get(pk=run_id)
    if run.status == RunStatus.COMPLETE:
        return run
    with advisory_lock_try(RECOMPUTE_LOCK) as held:
        if not held:
            raise Conflict(_("Another spillover recompute is running."), code="recompute_running")
        run.refresh_from_db()
        if run.status == RunStatus.COMPLETE:
            return run
        _clear_partial(run)
        try:
            fig = compute(
                run=run, on_progress=on_progress, batch_rows=batch_rows,
                map_tasks=map_tasks, map_queue=map_queue, map_here=map_here,
            )  # fmt: skip
            progress_set(run=run, stage="writing", fraction=0.8, on_progress=on_progress)
            figures_write(run=run, fig=fig)
            _finalise(run, fig)
        except Exception as exc:
            Run.objects.filter(pk=run.pk).update(status=RunStatus.FAILED, error=repr(exc)[:2000])
            raise
        finally:
            progress_close()
    run.refresh_from_db()
    if on_progress is not None:
        on_progress("complete", 1.0)
    return run


def _clear_partial(run: Run) -> None:
    for model in RESULT_MODELS:
        model.objects.filter(run=run)._raw_delete(model.objects.db)
    FoldedEvent.objects.filter(run=run).delete()
    Run.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, progress=0.0, stage="", error="")


def _finalise(run: Run, fig: Figures) -> None:
    """Make the run current in one transaction, folding in what was recorded while it ran."""
    with transaction.atomic():
        locked = Run.objects.select_for_update().get(pk=run.pk)
        Run.objects.filter(is_current=True).exclude(pk=run.pk).update(is_current=False)
        locked.status = RunStatus.COMPLETE
        locked.is_current = True
        locked.progress = 1.0
        locked.stage = "complete"
        locked.finished_at = timezone.now()
        locked.event_count = fig.events
        locked.months = fig.months
        locked.summary = {
            "firms": int(fig.snap.firm_ids.size),
            "assets": int(fig.snap.asset_ids.size),
            "clusters": int(fig.snap.cluster_ids.size),
            "events": int(fig.events),
            "total_flow": fig.total_flow,
            "partitions": fig.partitions,
            "mapped_by": fig.mapped_by,
        }
        locked.save()
        later = list(
            UseEvent.objects.filter(id__gt=locked.events_upto_id).order_by("id").values_list("id", flat=True)[:100_000]
        )
        if later:
            events_fold_into(run=locked, event_ids=later)
        # After commit: whoever builds on the current run (the open observatory) recomputes from it.
        publish("spillover.run.completed", run_id=locked.pk)
    _prune()


def _prune() -> None:
    """Keep the current run and the one before it; drop older ones and failed leftovers."""
    keep = list(Run.objects.filter(status=RunStatus.COMPLETE).order_by("-finished_at").values_list("id", flat=True)[:2])
    old = Run.objects.exclude(id__in=keep).exclude(status=RunStatus.RUNNING)
    for rid in old.values_list("id", flat=True):
        for model in RESULT_MODELS:
            model.objects.filter(run_id=rid)._raw_delete(model.objects.db)
        Run.objects.filter(pk=rid).delete()
