"""Celery task of the observatory: recompute the open tables (after each spillover run, and nightly)."""

from __future__ import annotations

from typing import Any

from celery import shared_task

from observatory import services


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, name="observatory.tasks.refresh_open_statistics")
def refresh_open_statistics(self: Any) -> dict[str, Any]:
    """Safe to run twice: a refresh already running elsewhere makes this one a no-op."""

    def report(stage: str, fraction: float) -> None:
        if self.request.id:
            self.update_state(state="PROGRESS", meta={"stage": stage, "progress": fraction})

    stats = services.open_statistics_refresh(on_progress=report)
    if stats is None:
        return {"status": "skipped"}
    return {"status": "complete", "id": stats.pk, "firms": stats.firms_counted}
