"""Recompute the open tables whenever a spillover run becomes current."""

from __future__ import annotations

from typing import Any

from platform_.events import subscribe


def _spillover_run_completed(name: str, payload: dict[str, Any]) -> None:
    from observatory.tasks import refresh_open_statistics

    refresh_open_statistics.delay()


subscribe("spillover.run.completed", _spillover_run_completed)
