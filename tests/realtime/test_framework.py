"""What ``DirectDispatch`` (platform_/realtime/consumers.py) relies on in Channels still holds.

Channels' ``AsyncConsumer.dispatch`` runs ``aclose_old_connections`` (a hop through its one shared
thread) before every handler; ``DirectDispatch`` replaces ``dispatch`` to skip that hop, which made a
room's fan-out and every inbound frame wait (docs/performance.md; in-process, one message to 100
consumers took 79 ms with the hop and 6.5 ms without). If Channels stops hopping, these tests fail and
``DirectDispatch`` should go; if it stops calling ``dispatch`` or names handlers differently, they fail
before the sockets do.
"""

from __future__ import annotations

from typing import Any

import channels.consumer
import pytest
from channels.consumer import AsyncConsumer, StopConsumer, get_handler_name
from channels.testing import ApplicationCommunicator

from platform_.realtime.consumers import DirectDispatch
from tests.realtime.factories import run


class Recorder(AsyncConsumer):
    channel_layer_alias = "no-such-layer"  # no channel layer: only the messages sent in

    handled: list[str]

    async def chat_message(self, message: dict[str, Any]) -> None:
        type(self).handled.append(message["type"])
        raise StopConsumer


class PlainRecorder(Recorder):
    handled: list[str] = []


class DirectRecorder(DirectDispatch, Recorder):
    handled: list[str] = []


@pytest.fixture
def hops(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts Channels' per-message ``aclose_old_connections`` calls (then does what Channels would)."""
    calls: list[int] = []
    original = channels.consumer.aclose_old_connections

    async def counted() -> None:
        calls.append(1)
        await original()

    monkeypatch.setattr(channels.consumer, "aclose_old_connections", counted)
    return calls


def _deliver(consumer: type[Recorder]) -> None:
    async def scenario() -> None:
        communicator = ApplicationCommunicator(consumer.as_asgi(), {"type": "test"})
        await communicator.send_input({"type": "chat.message"})
        await communicator.wait(timeout=5)

    run(scenario)


@pytest.mark.django_db(transaction=True)
def test_channels_still_hops_to_close_old_connections_before_every_handler(hops: list[int]) -> None:
    PlainRecorder.handled.clear()
    _deliver(PlainRecorder)
    assert PlainRecorder.handled == ["chat.message"]
    assert hops == [1]


@pytest.mark.django_db(transaction=True)
def test_direct_dispatch_runs_the_handler_channels_calls_without_the_hop(hops: list[int]) -> None:
    DirectRecorder.handled.clear()
    _deliver(DirectRecorder)
    assert DirectRecorder.handled == ["chat.message"]
    assert hops == []


def test_handlers_are_named_as_channels_names_them() -> None:
    assert get_handler_name({"type": "chat.message"}) == "chat_message"
    assert get_handler_name({"type": "realtime.recheck"}) == "realtime_recheck"
    with pytest.raises(ValueError, match="Malformed"):
        get_handler_name({"type": "_private"})


def test_a_message_without_a_handler_is_an_error_as_in_channels() -> None:
    async def scenario() -> None:
        with pytest.raises(ValueError, match="No handler"):
            await DirectRecorder().dispatch({"type": "nobody.listens"})

    run(scenario)
