"""One platform, started as ``make run`` starts it, for every drill of this package (tests/faults/platform.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.faults.platform import Platform


@pytest.fixture(scope="package")
def platform() -> Iterator[Platform]:
    running = Platform()
    try:
        running.start()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="package")
def actors(platform: Platform) -> dict[str, Any]:
    return platform.actors()
