"""Presence's Redis client: more calls in flight than its pool holds wait for a connection instead of
failing (which would close sockets as if Redis were down)."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from platform_.realtime import presence


def test_more_presence_calls_than_the_pool_holds_wait_their_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(presence, "POOL_SIZE", 2)
    room = f"test.presence.{uuid.uuid4().hex[:8]}"

    async def crowd() -> list[dict[str, object]]:
        await asyncio.gather(
            *(
                presence.presence_join(room=room, user_id=person, name=f"P{person}", channel=f"c{person}")
                for person in range(40)
            )
        )
        people = await presence.presence_list(room=room)
        await asyncio.gather(
            *(presence.presence_leave(room=room, user_id=person, channel=f"c{person}") for person in range(40))
        )
        return people

    people = asyncio.run(crowd())  # a new event loop: a new client, with the pool of 2
    assert sorted(int(str(person["id"])) for person in people) == list(range(40))
