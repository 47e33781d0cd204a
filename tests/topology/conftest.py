"""Two web processes behind HAProxy, two workers and beat, started as ``make run WEB=2 WORKERS=2`` starts them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.topology.platform import Topology


@pytest.fixture(scope="package")
def topology() -> Iterator[Topology]:
    running = Topology(web=2, workers=2)
    try:
        running.start()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="package")
def actors(topology: Topology) -> dict[str, Any]:
    return topology.actors()
