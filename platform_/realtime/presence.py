"""Who is in a room now, shared by every server process through Redis sorted sets.

Each socket is a member ``<user id>|<channel name>`` scored by the time its entry expires;
sockets refresh their entry with every heartbeat, so a socket whose server died or whose
client vanished without closing drops out after ``PRESENCE_TTL`` seconds.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import weakref
from typing import Any

import redis.asyncio as aioredis
from django.conf import settings

from platform_.realtime.groups import presence_key

logger = logging.getLogger(__name__)

PRESENCE_TTL = 45  # seconds; the browser heartbeats every 15 s
POOL_SIZE = 50  # Redis connections of one server process for presence
POOL_WAIT_SECONDS = 5  # for a free one, before the call fails as if Redis were down
ANNOUNCE_AFTER = 0.5  # seconds: joins and leaves within this window make one broadcast
_pending: set[asyncio.Task[None]] = set()
_clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aioredis.Redis] = weakref.WeakKeyDictionary()


def _redis() -> aioredis.Redis:
    """One client per event loop (tests and async_to_sync create several loops)."""
    loop = asyncio.get_running_loop()
    client = _clients.get(loop)
    if client is None:
        # A bounded pool that waits for a free connection: with redis-py's default pool, more than 100
        # commands in flight at once (a few thousand sockets heartbeating on a busy loop) raised
        # "Too many connections", which closed sockets as if Redis were down (docs/scaling.md).
        pool = aioredis.BlockingConnectionPool.from_url(
            settings.REDIS_URL, max_connections=POOL_SIZE, timeout=POOL_WAIT_SECONDS, decode_responses=True
        )
        client = aioredis.Redis(connection_pool=pool)
        _clients[loop] = client
    return client


async def presence_join(*, room: str, user_id: int, name: str, channel: str) -> None:
    key = presence_key(room)
    async with _redis().pipeline(transaction=False) as pipe:
        pipe.zadd(key, {f"{user_id}|{channel}": time.time() + PRESENCE_TTL})
        pipe.hset(f"{key}:names", str(user_id), name)
        pipe.expire(key, PRESENCE_TTL * 4)
        pipe.expire(f"{key}:names", PRESENCE_TTL * 4)
        await pipe.execute()


async def presence_leave(*, room: str, user_id: int, channel: str) -> None:
    await _redis().zrem(presence_key(room), f"{user_id}|{channel}")


async def presence_list(*, room: str) -> list[dict[str, Any]]:
    """The people in the room now, each once however many sockets they have open."""
    key = presence_key(room)
    client = _redis()
    now = time.time()
    async with client.pipeline(transaction=False) as pipe:
        pipe.zremrangebyscore(key, "-inf", now)
        pipe.zrangebyscore(key, now, "+inf")
        pipe.hgetall(f"{key}:names")
        _removed, members, names = await pipe.execute()
    seen: dict[int, dict[str, Any]] = {}
    for member in members:
        user_id = int(member.split("|", 1)[0])
        seen.setdefault(user_id, {"id": user_id, "name": names.get(str(user_id), "")})
    return sorted(seen.values(), key=lambda person: (person["name"], person["id"]))


async def presence_announce(*, room: str, group: str, layer: Any) -> None:
    """Broadcast the room's presence soon, once for every join and leave in the window.

    Sending the whole list on each join would make N joins cost N² frames; the Redis flag
    makes one server process (whichever sets it first) announce for the whole window.
    """
    if not await _redis().set(f"{presence_key(room)}:announce", "1", nx=True, px=int(ANNOUNCE_AFTER * 1000)):
        return

    async def announce() -> None:
        await asyncio.sleep(ANNOUNCE_AFTER)
        try:
            people = await presence_list(room=room)
            # Serialised once here, not once per socket: with 500 people in the room the list
            # is ~20 kB, and encoding (and unpacking) it per recipient dominated the fan-out.
            frame = json.dumps({"type": "presence", "presence": people}, separators=(",", ":"))
            await layer.group_send(group, {"type": "presence.changed", "frame": frame})
        except Exception:  # a lost announcement is repaired by the next heartbeat
            logger.exception("presence announcement for %s failed", room)

    task = asyncio.create_task(announce())
    _pending.add(task)
    task.add_done_callback(_pending.discard)
