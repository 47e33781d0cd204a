"""A run's progress, written where the dashboard sees it while the run is still computing."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import connection

from spillover.models import Run

logger = logging.getLogger(__name__)

Progress = Callable[[str, float], None]


class _ProgressWriter:
    """Writes a run's progress on a connection of its own, in autocommit: the main connection is
    busy streaming COPY, and the dashboard must see progress before the run commits anything."""

    def __init__(self) -> None:
        self.conn: Any = None

    def write(self, run_id: int, stage: str, fraction: float, events: int | None) -> None:
        import psycopg

        if self.conn is None or self.conn.closed:
            self.conn = psycopg.connect(**connection.get_connection_params(), autocommit=True)
        sql = f"UPDATE {Run._meta.db_table} SET stage = %s, progress = %s, heartbeat_at = now()"  # noqa: S608 - table names are our models', values are parameters
        args: list[Any] = [stage, round(min(max(fraction, 0.0), 1.0), 4)]
        if events is not None:
            sql += ", event_count = %s"
            args.append(events)
        self.conn.execute(sql + " WHERE id = %s", [*args, run_id])

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


_writer = _ProgressWriter()


def progress_set(
    *, run: Run, stage: str, fraction: float, on_progress: Progress | None, events: int | None = None
) -> None:
    """Record how far ``run`` has got and tell ``on_progress``; progress never fails a run."""
    try:
        _writer.write(run.pk, stage, fraction, events)
    except Exception:  # progress is advisory; never fail a run for it
        logger.exception("spillover progress not written")
    if on_progress is not None:
        on_progress(stage, fraction)


def progress_close() -> None:
    """Close the progress connection (at the end of a run)."""
    _writer.close()
