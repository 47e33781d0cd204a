"""The channel layer: channels_redis's Pub/Sub layer with a per-channel capacity.

Pub/Sub fans a group message out inside each server process (one publish, one Redis read
per process), which measured 4-5x faster than the list-based layer for rooms of 100-1000
sockets, and its groups never silently expire. Its weakness is an unbounded in-process
queue per socket: one slow reader can eat memory. Here each queue holds at most
``capacity`` messages; beyond that new messages for that socket are dropped with a
warning, as the list-based layer does, and the client resynchronises on reconnect.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from channels_redis.pubsub import RedisPubSubChannelLayer, RedisPubSubLoopLayer
from channels_redis.utils import _wrap_close

logger = logging.getLogger(__name__)

DEFAULT_CAPACITY = 200


class _DroppingQueue(asyncio.Queue[Any]):
    def __init__(self, maxsize: int, channel: str) -> None:
        super().__init__(maxsize=maxsize)
        self.channel = channel

    def put_nowait(self, item: Any) -> None:
        if self.full():
            logger.warning("channel %s over capacity (%d); message dropped", self.channel, self.maxsize)
            return
        super().put_nowait(item)


class BoundedPubSubLoopLayer(RedisPubSubLoopLayer):
    def __init__(self, *args: Any, capacity: int = DEFAULT_CAPACITY, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.capacity = capacity

    async def _subscribe_to_channel(self, channel: str) -> None:
        self.channels[channel] = _DroppingQueue(self.capacity, channel)
        await self._get_shard(channel).subscribe(channel)

    async def delete_channel(self, channel: str) -> None:
        if self.channels.pop(channel, None) is not None:
            await self._get_shard(channel).unsubscribe(channel)
        for group_channel, members in list(self.groups.items()):
            if channel in members:
                members.discard(channel)
                if not members:
                    del self.groups[group_channel]
                    await self._get_shard(group_channel).unsubscribe(group_channel)


class BoundedPubSubChannelLayer(RedisPubSubChannelLayer):
    async def delete_channel(self, channel: str) -> None:
        """Forget a channel whose consumer has finished: its queue, its Redis subscription, its groups.

        channels_redis forgets a channel only when a ``receive`` on it is cancelled. A consumer that
        stops while its last ``receive`` has just completed (a group message arriving together with
        the disconnect: a presence announcement as people leave) kept its channel subscribed, with
        its queue, for the life of the process. Measured: 760-1,400 channels left over after 3,000
        connect/disconnect cycles. The consumers call this when they finish.
        """
        await self._get_layer().delete_channel(channel)

    def _get_layer(self) -> BoundedPubSubLoopLayer:
        loop = asyncio.get_running_loop()
        try:
            return self._layers[loop]
        except KeyError:
            layer = BoundedPubSubLoopLayer(*self._args, **self._kwargs, channel_layer=self)
            self._layers[loop] = layer
            _wrap_close(self, loop)
            return layer
