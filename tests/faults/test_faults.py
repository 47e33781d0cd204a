"""Fault drills against the platform as ``make run`` starts it (supervisord, web, worker, beat, the
embedded PostgreSQL and Redis): each is killed under load and must come back by itself, service must
resume (the time is recorded, not asserted), no acknowledged chat message or idempotent API write may be
lost or stored twice, every answer during the outage must be a 503 problem detail, the translated
unavailable page or a documented close code, and /readyz must never take a second. PostgreSQL and
Redis are first frozen (SIGSTOP: a hung server) for a few seconds, then killed. docs/operations.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from tests.faults.platform import Load, Platform

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

FREEZE_SECONDS = 3.0
# A line each program prints when it is (again) ready, in the platform's console.
READY_LINE = {"worker": " ready.", "beat": "beat: Starting..."}


def wait_for(predicate: Callable[[], bool], *, timeout: float, what: str, platform: Platform) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not reached within {timeout:.0f} s\n{platform.log_tail()}")
        time.sleep(0.1)


@pytest.mark.parametrize("program", ["web", "worker", "beat", "redis", "postgres"])
def test_a_killed_process_comes_back_by_itself_and_nothing_acknowledged_is_lost(
    platform: Platform, actors: dict[str, Any], program: str, record_property: Any
) -> None:
    assert platform.ready(), platform.log_tail()
    ready_lines = platform.log_tail(10**9).count(READY_LINE[program]) if program in READY_LINE else 0
    load = Load(platform, actors).start()
    try:
        observed = load.observed
        wait_for(lambda: bool(observed.chat_acked and observed.api_acked), timeout=30, what="load", platform=platform)

        if program in {"postgres", "redis"}:
            platform.freeze(program)
            time.sleep(FREEZE_SECONDS)
        old = platform.kill(program, with_children=program == "worker")
        killed_at = time.monotonic()

        platform.wait_running(program, other_than=old)
        if program in READY_LINE:
            wait_for(
                lambda: platform.log_tail(10**9).count(READY_LINE[program]) > ready_lines,
                timeout=60, what=f"{program} ready again", platform=platform,
            )  # fmt: skip
        wait_for(
            lambda: observed.last_write_at > killed_at + 0.5 and platform.ready(),
            timeout=90, what="service resumed", platform=platform,
        )  # fmt: skip
        resumed = time.monotonic() - killed_at
        record_property(f"{program}_resumed_seconds", round(resumed, 2))
        print(f"\n{program}: killed; back by itself and serving writes again after {resumed:.1f} s")
        time.sleep(1.0)
    finally:
        observed = load.stop_and_drain()

    stored = platform.stored(sorted(observed.chat_sent))
    chat, api = stored["chat"], stored["api"]
    assert observed.chat_acked, "no chat message was acknowledged"
    assert [cid for cid in observed.chat_acked if chat.get(cid) != 1] == [], "acknowledged chat lost or doubled"
    assert [cid for cid, count in chat.items() if count > 1] == [], "chat message stored twice"
    assert [key for key in observed.api_acked if api.get(key) != 1] == [], "acknowledged API write lost or doubled"
    assert [key for key, count in api.items() if count > 1] == [], "API write stored twice"
    assert observed.wrong == [], observed.wrong[:10]
    assert max(observed.readyz_seconds) < 1.0, max(observed.readyz_seconds)
    print(
        f"{program}: {len(observed.chat_acked)} chat messages and {len(observed.api_acked)} API writes acknowledged, "
        f"{observed.outage_answers} outage answers, close codes {sorted(set(observed.close_codes))}"
    )
