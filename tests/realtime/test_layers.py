"""The bounded Pub/Sub channel layer forgets the channel of a finished consumer, whatever it was doing."""

from __future__ import annotations

from typing import Any

import pytest
import redis.asyncio
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings

from tests.factories import ClusterFactory, active_member
from tests.realtime.factories import communicator, run, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)


async def subscribed(channel: str) -> bool:
    client = redis.asyncio.Redis.from_url(settings.REDIS_URL)
    try:
        return bool(await client.pubsub_channels(channel))
    finally:
        await client.aclose()


def test_a_channel_whose_last_receive_completed_is_forgotten_with_its_groups() -> None:
    async def scenario() -> None:
        layer = get_channel_layer()
        channel = await layer.new_channel()
        await layer.group_add("layers.test", channel)
        await layer.group_send("layers.test", {"type": "x"})
        assert (await layer.receive(channel))["type"] == "x"  # done, not cancelled: no cleanup of its own
        loop_layer = layer._get_layer()
        assert channel in loop_layer.channels
        assert await subscribed(channel)

        await layer.delete_channel(channel)
        assert channel not in loop_layer.channels
        assert not any(channel in members for members in loop_layer.groups.values())
        assert not await subscribed(channel)

    run(scenario)


def test_a_room_socket_leaves_nothing_in_the_layer_once_closed() -> None:
    cluster = ClusterFactory.create()
    _firm, member = active_member(cluster)

    async def scenario() -> None:
        session = await database_sync_to_async(session_cookie)(member)
        socket: Any = communicator(f"/ws/rooms/cluster/{cluster.pk}/", session=session)
        assert (await socket.connect())[0]
        loop_layer = get_channel_layer()._get_layer()
        assert loop_layer.channels
        await socket.disconnect()
        assert loop_layer.channels == {}
        assert loop_layer.groups == {}

    run(scenario)
