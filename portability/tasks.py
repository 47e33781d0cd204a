"""Celery tasks of the data export: thin wrappers that take ids and call the services."""

from __future__ import annotations

from typing import Any

from celery import shared_task

from platform_.errors import Conflict
from portability import services


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, name="portability.tasks.build_export")
def build_export(self: Any, export_id: int) -> dict[str, Any]:
    """Build one export's ZIP, reporting progress on the row the page polls; safe to run twice."""
    try:
        export = services.export_build(export_id=export_id)
    except Conflict:  # another worker holds this export's build lock and is building it
        return {"export": export_id, "status": "skipped"}
    return {"export": export.pk, "status": export.status, "size": export.size}


@shared_task(acks_late=True, name="portability.tasks.expire_exports")
def expire_exports() -> int:
    """Delete the files of exports older than their lifetime (Celery beat)."""
    return services.exports_expire()
