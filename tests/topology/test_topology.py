"""Two web processes behind HAProxy, two Celery workers and beat (``make run WEB=2 WORKERS=2``), against real
processes: a session works on both, chat and presence cross processes, a task started through one is seen
through the other, and a web process killed under load loses no acknowledged write while HAProxy takes it
out and its sockets reconnect through the balancer and resynchronise. docs/scaling.md.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from typing import Any

import httpx
import pytest
import websockets

from tests.faults.platform import Load
from tests.faults.test_faults import wait_for
from tests.topology.platform import Topology

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def ws_url(base: str, cluster: int) -> str:
    return base.replace("http://", "ws://") + f"/ws/rooms/cluster/{cluster}/"


async def frame_of(ws: Any, kind: str, *, where: Any = lambda frame: True, timeout: float = 15) -> dict[str, Any]:
    """The next frame of this type (and condition), skipping the others."""
    deadline = time.monotonic() + timeout
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), timeout=max(0.1, deadline - time.monotonic())))
        if frame.get("type") == kind and where(frame):
            return frame


def found(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    assert match is not None, (pattern, text[:500])
    return match[1]


def served_by(ws: Any) -> str:
    """The web process HAProxy sent the socket to (its X-Served-By header on the handshake)."""
    return ws.response.headers.get("X-Served-By", "") if ws.response is not None else ""


def test_a_session_works_on_every_web_process_and_through_the_balancer(
    topology: Topology, actors: dict[str, Any]
) -> None:
    cookies = {"sessionid": actors["session"]}
    served_by = set()
    for url in [topology.web_url(name) for name in topology.web_names] + [topology.url] * 4:
        response = httpx.get(url + "/me/", cookies=cookies, headers={"Accept-Language": "en"}, timeout=10)
        assert response.status_code == 200, (url, response.status_code)
        assert "owner@hangzhou-textile.demo.vc" in response.text
        served_by.add(response.headers.get("X-Served-By"))
    assert set(topology.web_names) <= served_by, served_by  # the balancer spread the requests


def test_chat_and_presence_cross_processes(topology: Topology, actors: dict[str, Any]) -> None:
    first, second = (topology.web_url(name) for name in topology.web_names)

    async def scenario() -> None:
        owner = {"Origin": first, "Cookie": f"sessionid={actors['session']}"}
        other = {"Origin": second, "Cookie": f"sessionid={actors['other_session']}"}
        async with websockets.connect(ws_url(first, actors["cluster"]), additional_headers=owner) as a:
            await frame_of(a, "welcome")
            async with websockets.connect(ws_url(second, actors["cluster"]), additional_headers=other) as b:
                welcome = await frame_of(b, "welcome")
                # B (web-2) sees A (web-1) present, and A is told B came.
                assert actors["owner_id"] in [person["id"] for person in welcome["presence"]]
                await frame_of(
                    a, "presence", where=lambda f: actors["other_id"] in [p.get("id") for p in f["presence"]]
                )
                client_id = uuid.uuid4().hex
                body = f"across processes {client_id[:8]}"
                await b.send(json.dumps({"type": "chat.send", "client_id": client_id, "body": body}))
                await frame_of(b, "chat.ack", where=lambda f: f["client_id"] == client_id)
                received = await frame_of(a, "chat.message", where=lambda f: f["message"]["client_id"] == client_id)
                assert body in received["message"]["html"]

    asyncio.run(scenario())


def test_a_task_started_through_one_process_is_seen_through_the_other(
    topology: Topology, actors: dict[str, Any]
) -> None:
    first, second = (topology.web_url(name) for name in topology.web_names)
    with httpx.Client(base_url=first, cookies={"sessionid": actors["session"]}, timeout=20) as web_1:
        page = web_1.get(f"/portability/firms/{actors['firm']}/")
        assert page.status_code == 200
        token = web_1.cookies.get("csrftoken") or found(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        asked = web_1.post(
            f"/portability/firms/{actors['firm']}/request/",
            data={"csrfmiddlewaretoken": token},
            headers={"Origin": first, "X-CSRFToken": token, "Referer": first + "/"},
        )
        assert asked.status_code == 302, asked.text[:300]
        listed = web_1.get(f"/portability/firms/{actors['firm']}/")
        status_url = found(r'data-status-url="([^"]+)"', listed.text)  # the newest first
    with httpx.Client(base_url=second, cookies={"sessionid": actors["session"]}, timeout=20) as web_2:
        states: list[str] = []

        def built() -> bool:
            states.append(web_2.get(status_url).json()["status"])
            return states[-1] in {"complete", "failed"}

        wait_for(built, timeout=120, what="the export built by a worker", platform=topology)
        assert states[-1] == "complete", states


def test_a_killed_web_process_loses_nothing_acknowledged_and_its_sockets_reconnect_elsewhere(
    topology: Topology, actors: dict[str, Any], record_property: Any
) -> None:
    victim, survivor = topology.web_names
    went_down = int(topology.backend_stat(victim)["chkdown"] or 0)
    load = Load(topology, actors).start()  # chat, idempotent API writes and probes through the balancer
    resynced: dict[str, Any] = {}

    async def watcher(killed: asyncio.Event) -> None:
        """A socket through the balancer that lands on the victim; after the kill it reconnects and resyncs."""
        headers = {"Origin": topology.url, "Cookie": f"sessionid={actors['other_session']}"}
        url = ws_url(topology.url, actors["cluster"])
        for _ in range(20):
            ws = await websockets.connect(url, additional_headers=headers)
            if served_by(ws) == victim:
                break
            await ws.close()
        else:
            raise AssertionError(f"no socket landed on {victim}")
        await frame_of(ws, "welcome")
        resynced["before"] = victim
        await killed.wait()
        try:
            while True:
                await ws.recv()
        except websockets.ConnectionClosed as closed:
            resynced["close"] = closed.rcvd.code if closed.rcvd is not None else 1006
        for _ in range(50):  # room.js: reconnect with backoff
            try:
                async with websockets.connect(url, additional_headers=headers, open_timeout=5) as again:
                    resynced["after"] = served_by(again)
                    resynced["welcome"] = await frame_of(again, "welcome")
                    return
            except (OSError, TimeoutError, websockets.InvalidHandshake, websockets.ConnectionClosed):
                await asyncio.sleep(0.2)

    async def drill() -> float:
        killed = asyncio.Event()
        watching = asyncio.create_task(watcher(killed))
        while "before" not in resynced:
            await asyncio.sleep(0.1)
            if watching.done():
                watching.result()
        await asyncio.to_thread(
            wait_for, lambda: bool(load.observed.chat_acked and load.observed.api_acked),
            timeout=30, what="load", platform=topology,
        )  # fmt: skip
        old = topology.kill(victim)
        killed_at = time.monotonic()
        killed.set()
        await asyncio.wait_for(watching, timeout=60)
        await asyncio.to_thread(topology.wait_running, victim, other_than=old)
        await asyncio.to_thread(
            wait_for, lambda: load.observed.last_write_at > killed_at + 0.5 and topology.ready(),
            timeout=60, what="writes through the balancer", platform=topology,
        )  # fmt: skip
        return killed_at

    try:
        killed_at = asyncio.run(drill())
        # HAProxy's health checks took the dead process out (and put it back once it answered again).
        wait_for(lambda: topology.backend_up(victim), timeout=120, what=f"{victim} back", platform=topology)
        record_property("back_after_seconds", round(time.monotonic() - killed_at, 1))
        time.sleep(1.0)
    finally:
        observed = load.stop_and_drain()

    assert int(topology.backend_stat(victim)["chkdown"]) > went_down, "HAProxy never took the dead process out"
    assert resynced["close"] in {1006, 1011, 1012, 1001}, resynced
    assert resynced["after"] == survivor, resynced  # reconnected through the balancer to the other process
    acked_before = {m["client_id"] for m in resynced["welcome"]["history"] if m.get("client_id")}
    assert acked_before, "the reconnected socket got no history"
    stored = topology.stored(sorted(observed.chat_sent))
    chat, api = stored["chat"], stored["api"]
    assert [cid for cid in observed.chat_acked if chat.get(cid) != 1] == [], "acknowledged chat lost or doubled"
    assert [key for key in observed.api_acked if api.get(key) != 1] == [], "acknowledged API write lost or doubled"
    assert observed.wrong == [], observed.wrong[:10]
    print(
        f"\n{victim} killed: {len(observed.chat_acked)} chat messages and {len(observed.api_acked)} API writes "
        f"acknowledged, none lost; the watcher's socket closed {resynced['close']} and came back on {resynced['after']}"
    )
