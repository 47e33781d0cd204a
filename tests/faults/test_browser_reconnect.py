"""A browser in a room comes back by itself when the web server is killed and restarted: the room's
socket reconnects (jittered backoff capped at 3 s) and resynchronises from the welcome frame. The time
from the server answering again to the room showing "Connected" is recorded, not asserted."""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.faults.platform import Platform

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(600)]


def test_a_room_reconnects_by_itself_after_the_web_server_is_killed(
    platform: Platform, actors: dict[str, Any], page_factory: Any, record_property: Any
) -> None:
    page = page_factory(locale="en-US")
    page.context.add_cookies([{"name": "sessionid", "value": actors["session"], "url": platform.url}])
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": platform.url}])
    page.goto(f"{platform.url}/rooms/cluster/{actors['cluster']}/")
    status = page.locator('[data-role="status"]')
    expect(status).to_have_text("Connected", timeout=30_000)

    old = platform.kill("web")
    expect(status).not_to_have_text("Connected", timeout=20_000)
    platform.wait_running("web", other_than=old)
    while not platform.ready():
        time.sleep(0.05)
    server_back = time.monotonic()
    expect(status).to_have_text("Connected", timeout=30_000)
    seconds = time.monotonic() - server_back
    record_property("browser_back_after_server_seconds", round(seconds, 2))
    print(f"\nbrowser: room connected again {seconds:.1f} s after the web server answered")
    assert status.inner_text() == "Connected"
