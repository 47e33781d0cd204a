"""A crowd co-editing one document: a join storm loses no update, and everyone converges at once.

Twenty editors join together and type while joining; none of them ever sends a second sync
step 1 (the browser's periodic resync), so convergence comes from the join's own sync and the
relayed updates alone. Not timed: the assertions are about what arrives, not how fast.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from pycrdt import Doc, Text, YMessageType, YSyncMessageType, create_sync_message, create_update_message
from pycrdt import handle_sync_message as apply_sync

from platform_.realtime import awareness
from platform_.realtime.groups import document_group
from platform_.realtime.layers import OVERFLOW, _DroppingQueue
from platform_.realtime.selectors import document_text
from tests.factories import ClusterFactory, active_member
from tests.realtime.factories import communicator, run, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)

EDITORS = 20
KEYSTROKES = 5


class Editor:
    """A y-websocket client in miniature: answers sync step 1, applies step 2 and updates."""

    def __init__(self, socket: Any, number: int) -> None:
        self.socket = socket
        self.number = number
        self.doc: Doc[Text] = Doc()
        self.text = self.doc.get("codemirror", type=Text)
        self.frames: list[bytes] = []

    async def handle(self, frame: bytes) -> None:
        self.frames.append(frame)
        if frame[0] != YMessageType.SYNC:
            return
        reply = apply_sync(frame[1:], self.doc)
        if reply is not None:
            await self.socket.send_to(bytes_data=reply)

    async def drain(self, quiet: float = 0.5) -> None:
        while not await self.socket.receive_nothing(timeout=quiet):
            await self.handle(await self.socket.receive_from(timeout=5))

    async def type(self, token: str) -> None:
        updates: list[bytes] = []
        subscription = self.doc.observe(lambda event: updates.append(event.update))
        self.text.insert(len(self.text), token)
        self.doc.unobserve(subscription)
        await self.socket.send_to(bytes_data=create_update_message(updates[0]))


def cursor_frame(client: int, clock: int) -> bytes:
    return awareness.encode({client: (clock, f'{{"cursor":{clock}}}')})


def test_join_storm_of_twenty_editors_loses_no_update_and_everyone_converges() -> None:
    cluster = ClusterFactory.create()
    people = [active_member(cluster)[1] for _index in range(EDITORS)]
    sessions = [session_cookie(person) for person in people]
    path = f"/ws/docs/cluster/{cluster.pk}/notes/"
    tokens = [f"<{number:02d}.{key}>" for number in range(EDITORS) for key in range(KEYSTROKES)]

    async def join_and_type(editor: Editor) -> None:
        assert (await editor.socket.connect(timeout=10))[0]
        await editor.socket.send_to(bytes_data=create_sync_message(editor.doc))  # step 1, as on open
        for key in range(KEYSTROKES):
            await editor.socket.send_to(bytes_data=cursor_frame(1000 + editor.number, key + 1))
            await editor.type(f"<{editor.number:02d}.{key}>")
            while not await editor.socket.receive_nothing(timeout=0.01):
                await editor.handle(await editor.socket.receive_from(timeout=5))

    async def scenario() -> list[Editor]:
        editors = [Editor(communicator(path, session=session), number) for number, session in enumerate(sessions)]
        await asyncio.gather(*(join_and_type(editor) for editor in editors))
        await asyncio.gather(*(editor.drain() for editor in editors))
        for editor in editors:
            await editor.socket.disconnect()
        return editors

    editors = run(scenario)
    stored = document_text(name=f"cluster.{cluster.pk}.notes")
    assert all(token in stored for token in tokens), "an update was lost from the stored document"
    for editor in editors:
        assert str(editor.text) == stored, f"editor {editor.number} did not converge"
        # Each editor was asked for its state once (the server's step 1 on joining), never by the
        # other nineteen: a joiner's step 1 is answered by the server, not relayed to the room.
        assert sum(1 for frame in editor.frames if frame[:2] == b"\x00\x00") == 1
        # Cursors arrive coalesced: far fewer awareness frames than the 100 cursor moves sent.
        cursors = [frame for frame in editor.frames if frame[0] == YMessageType.AWARENESS]
        assert cursors, f"editor {editor.number} saw no cursor"
        assert len(cursors) < EDITORS * KEYSTROKES // 2


def test_a_socket_told_of_an_overflow_is_sent_the_whole_stored_document() -> None:
    cluster = ClusterFactory.create()
    _a, first = active_member(cluster)
    _b, second = active_member(cluster)
    path = f"/ws/docs/cluster/{cluster.pk}/notes/"

    async def scenario() -> str:
        writer, lagging = Editor(communicator(path, session=session_cookie(first)), 0), None
        assert (await writer.socket.connect())[0]
        await writer.drain(0.2)
        for key in range(3):
            await writer.type(f"[{key}]")
        await writer.drain(0.2)
        # A lagging socket that joined without syncing (its copy is empty) and missed everything.
        lagging = Editor(communicator(path, session=session_cookie(second)), 1)
        assert (await lagging.socket.connect())[0]
        lagging.frames.append(await lagging.socket.receive_from(timeout=5))  # the server's step 1, unanswered
        from channels.layers import get_channel_layer

        await get_channel_layer().group_send(document_group(f"cluster.{cluster.pk}.notes"), OVERFLOW)
        await lagging.drain(0.3)
        await writer.drain(0.2)
        resync = [frame for frame in lagging.frames if frame[:2] == bytes([0, YSyncMessageType.SYNC_UPDATE])]
        assert resync, "no resync after the overflow"
        await writer.socket.disconnect()
        await lagging.socket.disconnect()
        return str(lagging.text)

    assert run(scenario) == "[0][1][2]"


def test_the_queue_announces_an_overflow_once_until_it_is_read() -> None:
    async def scenario() -> None:
        queue = _DroppingQueue(2, "channel", b"overflow")
        for item in (b"a", b"b", b"c", b"d"):
            queue.put_nowait(item)
        assert [queue.get_nowait() for _index in range(queue.qsize())] == [b"a", b"b", b"overflow"]
        queue.put_nowait(b"e")
        queue.put_nowait(b"f")
        queue.put_nowait(b"g")
        assert [queue.get_nowait() for _index in range(queue.qsize())] == [b"e", b"f", b"overflow"]

    asyncio.run(scenario())
