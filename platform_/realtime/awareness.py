"""Awareness of co-edited documents (cursors, selections, who edits), coalesced per document.

Relayed frame by frame, every cursor move of every editor went to every other editor: with
20 editors typing, hundreds of frames a second per socket, enough to overflow the sockets'
queues. Here each server process merges the awareness updates it receives for a document
(the latest state of each client wins, by its clock) and sends the room one frame at most
every ``INTERVAL`` seconds. It also remembers the latest state of each client, so that a
joining editor, or one that asks (message type 3), is answered alone by the server rather
than by every other editor at once.

Frames follow y-protocols' awareness encoding: a count, then per client its id, clock and
state as JSON ("null" when the client left).
"""

from __future__ import annotations

import asyncio
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Decoder, Encoder, YMessageType

INTERVAL = 0.1  # seconds: at most ten awareness frames a second per document and process
FORGET_AFTER = 60.0  # seconds: clients renew their state every 15 s; a silent one has gone
QUERY_MESSAGE_TYPE = 3  # y-websocket's "send me everyone's awareness"


@dataclass
class _Document:
    pending: dict[int, tuple[int, str]] = field(default_factory=dict)
    known: dict[int, tuple[int, str, float]] = field(default_factory=dict)
    flush: asyncio.TimerHandle | None = None


def parse(frame: bytes) -> dict[int, tuple[int, str]]:
    """The states an awareness frame carries, by client id; raises ValueError on a malformed frame."""
    try:
        update = Decoder(frame[1:]).read_message()
        if not update:
            raise ValueError("empty awareness frame")
        decoder = Decoder(update)
        states: dict[int, tuple[int, str]] = {}
        for _index in range(decoder.read_var_uint()):
            client, clock, state = decoder.read_var_uint(), decoder.read_var_uint(), decoder.read_var_string()
            if client not in states or states[client][0] <= clock:
                states[client] = (clock, state)
        return states
    except (IndexError, RuntimeError, UnicodeDecodeError) as error:
        raise ValueError("malformed awareness frame") from error


def encode(states: dict[int, tuple[int, str]]) -> bytes:
    update = Encoder()
    update.write_var_uint(len(states))
    for client, (clock, state) in states.items():
        update.write_var_uint(client)
        update.write_var_uint(clock)
        update.write_var_string(state)
    body = update.to_bytes()
    frame = Encoder()
    frame.write_var_uint(YMessageType.AWARENESS)
    return frame.to_bytes() + _var_uint(len(body)) + body


def _var_uint(number: int) -> bytes:
    encoder = Encoder()
    encoder.write_var_uint(number)
    return encoder.to_bytes()


class Hub:
    """One event loop's awareness of its documents (a server process runs one loop)."""

    def __init__(self) -> None:
        self.documents: dict[str, _Document] = {}

    def submit(self, *, group: str, layer: Any, states: dict[int, tuple[int, str]]) -> None:
        """Merge the states into the document's next frame, sent within ``INTERVAL`` seconds."""
        document = self.documents.setdefault(group, _Document())
        now = time.monotonic()
        for client, (clock, state) in states.items():
            known = document.known.get(client)
            if known is not None and known[0] > clock:
                continue  # an older state than the one already relayed
            document.pending[client] = (clock, state)
            if state == "null":
                document.known.pop(client, None)
            else:
                document.known[client] = (clock, state, now)
        if document.flush is None and document.pending:
            loop = asyncio.get_running_loop()
            document.flush = loop.call_later(INTERVAL, lambda: loop.create_task(self._flush(group, layer)))

    async def _flush(self, group: str, layer: Any) -> None:
        document = self.documents.get(group)
        if document is None:
            return
        document.flush = None
        pending, document.pending = document.pending, {}
        if not document.known and document.flush is None:
            del self.documents[group]
        if pending:
            await layer.group_send(group, {"type": "send_message", "message": encode(pending), "sender": ""})

    def snapshot(self, *, group: str) -> bytes | None:
        """Everyone's latest state in one frame (for a joining or asking editor), or None."""
        document = self.documents.get(group)
        if document is None:
            return None
        now = time.monotonic()
        for client, (_clock, _state, seen) in list(document.known.items()):
            if now - seen > FORGET_AFTER:
                del document.known[client]
        if not document.known:
            return None
        return encode({client: (clock, state) for client, (clock, state, _seen) in document.known.items()})


_hubs: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Hub] = weakref.WeakKeyDictionary()


def hub() -> Hub:
    loop = asyncio.get_running_loop()
    found = _hubs.get(loop)
    if found is None:
        found = _hubs[loop] = Hub()
    return found
