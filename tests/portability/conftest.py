"""Every export test stores files in its own temporary media root (the worker test uses the shared one)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from platform_.celery import app


@pytest.fixture
def media_root(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def export_queue() -> Any:
    """A queue of its own for the export task, so that only the worker a test starts builds it.

    ``conf.update`` (not attribute assignment) makes Celery rebuild its cached router."""
    queue = f"export-{uuid.uuid4().hex[:8]}"
    app.conf.update(task_routes={"portability.tasks.build_export": {"queue": queue}})
    yield queue
    app.conf.update(task_routes=None)
