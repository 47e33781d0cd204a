"""Work done when a web process or a worker starts, before it takes traffic.

Domains register what must be warm (search's segmenter and dictionaries: the first Chinese
query of each process used to wait about 0.84 s for jieba's dictionary, and the cross-lingual
lexicon takes seconds to build). The ASGI application (platform_/asgi.py, loaded by the
server before it listens) and the Celery worker (``worker_init``, before its pool forks) run
them. Settings ``WARM_UP_AT_START`` (on by default, off in the test settings, where each test
process would pay it for nothing) turns it off.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings

logger = logging.getLogger(__name__)

_steps: dict[str, Callable[[], object]] = {}


def register(name: str, step: Callable[[], object]) -> None:
    """Run ``step`` when a web process or a worker starts (registered from an AppConfig.ready)."""
    _steps[name] = step


def run() -> None:
    if not getattr(settings, "WARM_UP_AT_START", True):
        return
    for name, step in _steps.items():
        started = time.perf_counter()
        step()
        logger.info("warmed up %s in %.2f s", name, time.perf_counter() - started)
