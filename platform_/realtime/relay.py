"""Relaying stored document updates to a document's editors, merged when they come fast.

Every update an editor sends is stored, then relayed to the room. Relayed one by one, 20
editors typing 10 keystrokes a second meant 200 frames a second to each of the 20 sockets
(4,000 sends a second) and their queues overflowed. Here each server process sends a
document's first update at once and, while updates keep coming, at most one frame every
``WINDOW`` seconds: the updates stored meanwhile merged into one (Yjs updates merge
losslessly, whoever made them). Nothing is relayed before it is stored.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

from pycrdt import create_update_message, merge_updates

WINDOW = 0.01  # seconds: at most a hundred update frames a second per document and process


@dataclass
class _Pending:
    updates: list[bytes] = field(default_factory=list)
    senders: set[str] = field(default_factory=set)
    flush: asyncio.TimerHandle | None = None
    last: float = 0.0


class Relay:
    """One event loop's outgoing document updates (a server process runs one loop)."""

    def __init__(self) -> None:
        self.documents: dict[str, _Pending] = {}

    def submit(self, *, group: str, layer: Any, update: bytes, sender: str) -> None:
        pending = self.documents.setdefault(group, _Pending())
        pending.updates.append(update)
        pending.senders.add(sender)
        if pending.flush is None:
            loop = asyncio.get_running_loop()
            delay = max(0.0, pending.last + WINDOW - time.monotonic())
            pending.flush = loop.call_later(delay, lambda: loop.create_task(self._flush(group, layer)))

    async def _flush(self, group: str, layer: Any) -> None:
        pending = self.documents.pop(group, None)
        if pending is None or not pending.updates:
            return
        self.documents[group] = _Pending(last=time.monotonic())  # the next frame waits its window
        update = pending.updates[0] if len(pending.updates) == 1 else merge_updates(*pending.updates)
        # One sender: its socket is skipped, as it has the update; several: everyone gets the merge.
        sender = next(iter(pending.senders)) if len(pending.senders) == 1 else ""
        frame = create_update_message(update)
        await layer.group_send(group, {"type": "send_message", "message": frame, "sender": sender})


_relays: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Relay] = weakref.WeakKeyDictionary()


def relay() -> Relay:
    loop = asyncio.get_running_loop()
    found = _relays.get(loop)
    if found is None:
        found = _relays[loop] = Relay()
    return found
