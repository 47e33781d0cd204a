"""Search is warm from the first query: the web process and the worker load the segmenter and the
cross-lingual dictionary when they start, before any request or task."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

REPORT = (
    "import jieba; from knowledge import crosslingual; "
    "print(bool(jieba.dt.initialized), crosslingual.lexicon.cache_info().currsize)"
)


def started(settings: str, start: str) -> str:
    """What a fresh process reports about search's dictionaries once ``start`` has run."""
    result = subprocess.run(
        [sys.executable, "-c", f"{start}; {REPORT}"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": settings, "SERVER_GC_TUNING": "0"},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def test_the_web_process_loads_the_segmenter_and_dictionaries_before_it_serves() -> None:
    # The server (uvicorn, as make run starts it) imports the ASGI application before it listens.
    assert started("platform_.settings.dev", "import platform_.asgi") == "True 1"


def test_the_worker_loads_the_segmenter_and_dictionaries_before_it_takes_tasks() -> None:
    # Celery sends worker_init as the worker starts, before its pool forks and takes tasks.
    start = (
        "from platform_.celery import app; import django; django.setup(); "
        "from celery.signals import worker_init; worker_init.send(sender=None)"
    )
    assert started("platform_.settings.dev", start) == "True 1"


def test_without_the_warm_up_nothing_is_loaded_before_the_first_query() -> None:
    """The test settings turn it off: the same check then sees a cold process (the check can fail)."""
    assert started("platform_.settings.test", "import platform_.asgi") == "False 0"
