"""Live notifications reach exactly the people concerned, and only after the transaction commits."""

from __future__ import annotations

from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.db import transaction

from platform_.notifications.services import notify
from tests.factories import UserFactory
from tests.realtime.factories import communicator, run, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)


async def listen(user: Any) -> Any:
    socket = communicator("/ws/notifications/", session=await database_sync_to_async(session_cookie)(user))
    assert (await socket.connect())[0]
    assert (await socket.receive_json_from(timeout=5))["type"] == "hello"
    return socket


def test_notification_reaches_its_recipient_and_nobody_else() -> None:
    recipient, bystander = UserFactory.create(), UserFactory.create()

    async def scenario() -> None:
        mine, theirs = await listen(recipient), await listen(bystander)
        await database_sync_to_async(notify)(recipients=[recipient], kind="test.kind", title="Scores published")
        frame = await mine.receive_json_from(timeout=5)
        assert frame["notification"]["title"] == "Scores published"
        assert await theirs.receive_nothing(timeout=0.5)
        await mine.disconnect()
        await theirs.disconnect()

    run(scenario)


def test_rolled_back_notification_is_never_pushed() -> None:
    recipient = UserFactory.create()

    def notify_in_rolled_back_transaction() -> None:
        with transaction.atomic():
            notify(recipients=[recipient], kind="test.kind", title="never")
            transaction.set_rollback(True)

    async def scenario() -> None:
        socket = await listen(recipient)
        await database_sync_to_async(notify_in_rolled_back_transaction)()
        assert await socket.receive_nothing(timeout=0.5)
        await socket.disconnect()

    run(scenario)


def test_anonymous_notification_socket_is_refused() -> None:
    async def scenario() -> None:
        socket = communicator("/ws/notifications/")
        connected, code = await socket.connect()
        assert not connected
        assert code == 4401

    run(scenario)


def test_hello_carries_the_unread_count() -> None:
    recipient = UserFactory.create()
    notify(recipients=[recipient], kind="test.kind", title="one")
    notify(recipients=[recipient], kind="test.kind", title="two")

    async def scenario() -> None:
        socket = communicator("/ws/notifications/", session=session_cookie(recipient))
        assert (await socket.connect())[0]
        assert (await socket.receive_json_from(timeout=5))["unread"] == 2
        await socket.disconnect()

    run(scenario)
