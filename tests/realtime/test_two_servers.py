"""Two ASGI server processes on the same Redis: one room, one chat, one presence list."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from websockets.asyncio.client import connect

from platform_.notifications.services import notify
from tests.factories import ClusterFactory, active_member
from tests.realtime.factories import run, session_cookie

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


async def frame_of(socket: Any, kind: str, until: Any = None) -> dict[str, Any]:
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), timeout=10))
        if frame["type"] == kind and (until is None or until(frame)):
            return frame


def open_socket(server: Any, path: str, session: str) -> Any:
    return connect(server.ws_url + path, origin=server.url, additional_headers={"Cookie": f"sessionid={session}"})


def test_message_through_one_server_reaches_a_client_of_the_other(asgi_servers: list[Any]) -> None:
    cluster = ClusterFactory.create()
    _a, first = active_member(cluster)
    _b, second = active_member(cluster)
    session_a, session_b = session_cookie(first), session_cookie(second)
    path = f"/ws/rooms/cluster/{cluster.pk}/"

    async def scenario(one: Any, two: Any) -> None:
        async with open_socket(one, path, session_a) as socket_a, open_socket(two, path, session_b) as socket_b:
            await frame_of(socket_a, "welcome")
            welcome_b = await frame_of(socket_b, "welcome")
            assert {p["id"] for p in welcome_b["presence"]} == {first.pk, second.pk}
            await frame_of(socket_a, "presence", until=lambda f: len(f["presence"]) == 2)
            await socket_a.send(json.dumps({"type": "chat.send", "client_id": "x-1", "body": "across"}))
            ack = await frame_of(socket_a, "chat.ack")
            relayed = await frame_of(socket_b, "chat.message")
            assert relayed["message"]["id"] == ack["message"]["id"]

    run(lambda: scenario(*asgi_servers))


def test_notification_sent_by_another_process_reaches_the_socket(asgi_servers: list[Any]) -> None:
    cluster = ClusterFactory.create()
    _a, person = active_member(cluster)
    session = session_cookie(person)

    async def scenario(server: Any) -> None:
        async with open_socket(server, "/ws/notifications/", session) as socket:
            await frame_of(socket, "hello")
            await asyncio.to_thread(notify, recipients=[person], kind="test.kind", title="Answered")
            frame = await frame_of(socket, "notification")
            assert frame["notification"]["title"] == "Answered"

    run(lambda: scenario(asgi_servers[1]))
