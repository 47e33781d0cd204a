"""Every knowledge test stores files in its own temporary media root."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def events() -> Any:
    """Domain events published (after commit) during the test."""
    from platform_ import events as bus

    seen: list[tuple[str, dict[str, Any]]] = []

    def handler(name: str, payload: dict[str, Any]) -> None:
        seen.append((name, payload))

    bus.subscribe("*", handler)
    yield seen
    bus._subscribers.remove(("*", handler))
