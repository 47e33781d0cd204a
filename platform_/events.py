"""Domain events, published after commit to whoever subscribed (realtime pushes, webhooks, scoring).

Services call ``publish`` inside their transaction; handlers run only if it commits, so
nobody hears of a row that was rolled back. Handlers subscribe in their AppConfig.ready().
"""

from __future__ import annotations

import fnmatch
import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction

logger = logging.getLogger(__name__)

Handler = Callable[[str, dict[str, Any]], None]
_subscribers: list[tuple[str, Handler]] = []


def subscribe(pattern: str, handler: Handler) -> None:
    """Call ``handler(name, payload)`` for every event whose name matches the glob ``pattern``."""
    if (pattern, handler) not in _subscribers:
        _subscribers.append((pattern, handler))


def publish(name: str, **payload: Any) -> None:
    """Publish an event once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(lambda: dispatch(name, payload))


def dispatch(name: str, payload: dict[str, Any]) -> None:
    for pattern, handler in list(_subscribers):
        if fnmatch.fnmatchcase(name, pattern):
            try:
                handler(name, payload)
            except Exception:  # one failing subscriber must not stop the others
                logger.exception("event handler %r failed for %s", handler, name)
