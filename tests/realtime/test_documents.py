"""Co-edited documents: every update stored before it is relayed, restored for the next editor, compacted."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from pycrdt import Decoder, Doc, Text, YMessageType, create_sync_message, create_update_message, handle_sync_message

from platform_.realtime import services
from platform_.realtime.models import DocumentUpdate, SharedDocument
from platform_.realtime.selectors import document_text
from tests.factories import ClusterFactory, active_member, firm_with_owner
from tests.realtime.factories import communicator, run, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)


def edit(doc: Doc, text: str) -> bytes:
    """Append text to the document's ``codemirror`` text and return the update it made."""
    updates: list[bytes] = []
    subscription = doc.observe(lambda event: updates.append(event.update))
    doc.get("codemirror", type=Text).insert(len(str(doc.get("codemirror", type=Text))), text)
    doc.unobserve(subscription)
    return updates[0]


async def open_doc(path: str, user: Any) -> Any:
    socket = communicator(path, session=session_cookie(user))
    assert (await socket.connect())[0]
    return socket


async def sync_client(socket: Any, doc: Doc) -> None:
    """Answer the server's sync step 1 and apply its reply to our own step 1, as y-websocket does."""
    step1 = await socket.receive_from(timeout=5)
    await socket.send_to(bytes_data=handle_sync_message(step1[1:], doc))
    await socket.send_to(bytes_data=create_sync_message(doc))
    step2 = await socket.receive_from(timeout=5)
    assert step2[0] == YMessageType.SYNC
    handle_sync_message(step2[1:], doc)


def test_text_survives_every_editor_leaving() -> None:
    cluster = ClusterFactory.create()
    _a, first = active_member(cluster)
    _b, second = active_member(cluster)
    path = f"/ws/docs/cluster/{cluster.pk}/notes/"

    async def scenario() -> None:
        socket = await open_doc(path, first)
        doc: Doc[Text] = Doc()
        await sync_client(socket, doc)
        await socket.send_to(bytes_data=create_update_message(edit(doc, "Shared notes")))
        await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()

        later = await open_doc(path, second)
        fresh: Doc[Text] = Doc()
        await sync_client(later, fresh)
        assert str(fresh.get("codemirror", type=Text)) == "Shared notes"
        await later.disconnect()

    run(scenario)
    assert document_text(name=f"cluster.{cluster.pk}.notes") == "Shared notes"


def test_update_is_relayed_to_the_other_editor() -> None:
    cluster = ClusterFactory.create()
    _a, first = active_member(cluster)
    _b, second = active_member(cluster)
    path = f"/ws/docs/cluster/{cluster.pk}/notes/"

    async def scenario() -> None:
        one, two = await open_doc(path, first), await open_doc(path, second)
        doc_one: Doc[Text] = Doc()
        doc_two: Doc[Text] = Doc()
        await one.receive_from(timeout=5)
        await two.receive_from(timeout=5)
        await one.send_to(bytes_data=create_update_message(edit(doc_one, "hi")))
        frame = await two.receive_from(timeout=5)
        handle_sync_message(frame[1:], doc_two)
        assert str(doc_two.get("codemirror", type=Text)) == "hi"
        await one.disconnect()
        await two.disconnect()

    run(scenario)


def test_outsider_cannot_open_a_document() -> None:
    cluster = ClusterFactory.create()
    _firm, outsider = firm_with_owner()

    async def scenario() -> None:
        socket = communicator(f"/ws/docs/cluster/{cluster.pk}/notes/", session=session_cookie(outsider))
        assert not (await socket.connect())[0]

    run(scenario)


def test_unknown_document_of_a_room_is_refused() -> None:
    cluster = ClusterFactory.create()
    _a, member = active_member(cluster)

    async def scenario() -> None:
        socket = communicator(f"/ws/docs/cluster/{cluster.pk}/brief/", session=session_cookie(member))
        assert not (await socket.connect())[0]

    run(scenario)


def test_malformed_update_gets_an_error_frame_and_is_not_stored() -> None:
    cluster = ClusterFactory.create()
    _a, member = active_member(cluster)

    async def scenario() -> None:
        socket = await open_doc(f"/ws/docs/cluster/{cluster.pk}/notes/", member)
        await socket.receive_from(timeout=5)
        await socket.send_to(bytes_data=b"\x00\x02\x05garbage")
        frame = await socket.receive_from(timeout=5)
        decoder = Decoder(frame)
        assert decoder.read_var_uint() == 100
        await socket.send_to(bytes_data=b"\x00" * (600 * 1024))
        assert (await socket.receive_from(timeout=5))[0] == 100
        doc: Doc[Text] = Doc()
        await socket.send_to(bytes_data=create_update_message(edit(doc, "ok")))
        await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()

    run(scenario)
    assert document_text(name=f"cluster.{cluster.pk}.notes") == "ok"


def test_compaction_folds_updates_into_the_snapshot_without_losing_text() -> None:
    doc: Doc[Text] = Doc()
    for word in ("one ", "two ", "three"):
        services.document_update_append(name="cluster.1.notes", update=edit(doc, word))
    assert services.document_compact(name="cluster.1.notes") == 3
    assert not DocumentUpdate.objects.exists()
    assert SharedDocument.objects.get(name="cluster.1.notes").snapshot
    services.document_update_append(name="cluster.1.notes", update=edit(doc, "!"))
    assert document_text(name="cluster.1.notes") == "one two three!"


def test_many_updates_are_compacted_automatically() -> None:
    doc: Doc[Text] = Doc()
    for i in range(services.COMPACT_AFTER_UPDATES + 5):
        services.document_update_append(name="cluster.2.notes", update=edit(doc, str(i % 10)))
    assert DocumentUpdate.objects.count() < services.COMPACT_AFTER_UPDATES
    assert len(document_text(name="cluster.2.notes")) == services.COMPACT_AFTER_UPDATES + 5


def test_flooding_editor_is_rate_limited_asked_to_resync_and_loses_nothing(settings: Any) -> None:
    settings.REALTIME_DOCUMENT_RATE = (2, 10)
    cluster = ClusterFactory.create()
    _a, member = active_member(cluster)

    async def scenario() -> None:
        socket = await open_doc(f"/ws/docs/cluster/{cluster.pk}/notes/", member)
        await socket.receive_from(timeout=5)
        doc: Doc[Text] = Doc()
        for _i in range(30):
            await socket.send_to(bytes_data=create_update_message(edit(doc, "x")))
        frames = []
        while not await socket.receive_nothing(timeout=0.5):
            frames.append(await socket.receive_from(timeout=5))
        assert any(frame[0] == 100 for frame in frames)  # the rate-limit error
        step1 = next(frame for frame in frames if frame[:2] == b"\x00\x00")
        # Answer the server's state vector with what it lacks, as y-websocket does, once the
        # bucket has refilled.
        await asyncio.sleep(1.5)
        await socket.send_to(bytes_data=handle_sync_message(step1[1:], doc))
        await socket.receive_nothing(timeout=0.5)
        await socket.disconnect()

    run(scenario)
    assert document_text(name=f"cluster.{cluster.pk}.notes") == "x" * 30
