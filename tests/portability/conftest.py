"""Every export test stores files in its own temporary media root (the worker test uses the shared one)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def media_root(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
