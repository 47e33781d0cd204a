"""Room sockets against the real Redis channel layer: who may connect, leaving on removal, presence, chat."""

from __future__ import annotations

import json
from typing import Any

import pytest
from channels.db import database_sync_to_async

from clusters.services import membership_transition
from platform_.realtime.models import ChatMessage
from tests.factories import ClusterFactory, MembershipFactory, UserFactory, active_member, firm_with_owner
from tests.realtime.factories import communicator, run, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)


def room_path(cluster: Any) -> str:
    return f"/ws/rooms/cluster/{cluster.pk}/"


async def enter(path: str, user: Any) -> Any:
    socket = communicator(path, session=await database_sync_to_async(session_cookie)(user))
    connected, _code = await socket.connect()
    assert connected
    welcome = await socket.receive_json_from(timeout=5)
    assert welcome["type"] == "welcome"
    return socket, welcome


async def next_of(socket: Any, kind: str, timeout: float = 5) -> dict[str, Any]:
    """The next frame of a kind, skipping presence updates and the like."""
    while True:
        frame = await socket.receive_json_from(timeout=timeout)
        if frame["type"] == kind:
            return frame


@pytest.fixture
def cluster() -> Any:
    return ClusterFactory.create()


def test_anonymous_socket_is_refused(cluster: Any) -> None:
    async def scenario() -> None:
        socket = communicator(room_path(cluster))
        connected, code = await socket.connect()
        assert not connected
        assert code == 4401

    run(scenario)


def test_person_of_a_firm_outside_the_cluster_is_refused(cluster: Any) -> None:
    _firm, outsider = firm_with_owner()

    async def scenario() -> None:
        socket = communicator(room_path(cluster), session=session_cookie(outsider))
        connected, code = await socket.connect()
        assert not connected
        assert code == 4403

    run(scenario)


def test_applicant_firm_is_refused_until_active(cluster: Any) -> None:
    firm, owner = firm_with_owner()
    MembershipFactory.create(cluster=cluster, firm=firm, status="applied")

    async def scenario() -> None:
        socket = communicator(room_path(cluster), session=session_cookie(owner))
        connected, _code = await socket.connect()
        assert not connected

    run(scenario)


@pytest.mark.parametrize("role", ["member", "moderator", "admin"])
def test_members_moderators_and_admins_enter(cluster: Any, role: str) -> None:
    if role == "member":
        _firm, person = active_member(cluster)
    elif role == "moderator":
        person = UserFactory.create()
        cluster.moderators.add(person)
    else:
        person = UserFactory.create(is_staff=True)

    async def scenario() -> None:
        socket, welcome = await enter(room_path(cluster), person)
        assert welcome["me"]["id"] == person.pk
        assert [p["id"] for p in welcome["presence"]] == [person.pk]
        await socket.disconnect()

    run(scenario)


def test_foreign_origin_is_refused(cluster: Any) -> None:
    _firm, member = active_member(cluster)

    async def scenario() -> None:
        socket = communicator(room_path(cluster), session=session_cookie(member), origin="http://evil.example")
        connected, _code = await socket.connect()
        assert not connected

    run(scenario)


def test_project_room_refuses_a_person_without_project_access() -> None:
    _firm, person = firm_with_owner()

    async def scenario() -> None:
        socket = communicator("/ws/rooms/project/999999/", session=session_cookie(person))
        connected, _code = await socket.connect()
        assert not connected

    run(scenario)


def test_removed_member_is_disconnected_at_once(cluster: Any) -> None:
    moderator = UserFactory.create()
    cluster.moderators.add(moderator)
    firm, member = active_member(cluster)
    membership = cluster.memberships.get(firm=firm)

    async def scenario() -> None:
        socket, _welcome = await enter(room_path(cluster), member)
        doc = communicator(f"/ws/docs/cluster/{cluster.pk}/notes/", session=session_cookie(member))
        assert (await doc.connect())[0]
        await doc.receive_from(timeout=5)  # sync step 1
        await database_sync_to_async(membership_transition)(membership=membership, action="remove", by=moderator)
        error = await next_of(socket, "error")
        assert error["code"] == "removed"
        assert (await socket.receive_output(timeout=5))["type"] == "websocket.close"
        while (output := await doc.receive_output(timeout=5))["type"] != "websocket.close":
            pass
        assert output["code"] == 4403

    run(scenario)


def test_removed_moderator_is_disconnected_at_once(cluster: Any) -> None:
    from clusters.services import moderator_set

    staying, leaving = UserFactory.create(), UserFactory.create()
    cluster.moderators.add(staying, leaving)

    async def scenario() -> None:
        socket, _welcome = await enter(room_path(cluster), leaving)
        await database_sync_to_async(moderator_set)(cluster=cluster, user=leaving, by=staying, add=False)
        error = await next_of(socket, "error")
        assert error["code"] == "removed"

    run(scenario)


def test_person_removed_from_their_firm_leaves_the_firms_rooms(cluster: Any) -> None:
    from platform_.identity.models import FirmMember
    from platform_.identity.services import member_remove

    firm, owner = active_member(cluster)
    colleague = UserFactory.create()
    member = FirmMember.objects.create(firm=firm, user=colleague, role="member")

    async def scenario() -> None:
        socket, _welcome = await enter(room_path(cluster), colleague)
        await database_sync_to_async(member_remove)(member=member, by=owner)
        error = await next_of(socket, "error")
        assert error["code"] == "removed"

    run(scenario)


def test_presence_lists_everyone_in_the_room_and_drops_who_left(cluster: Any) -> None:
    _a, first = active_member(cluster)
    _b, second = active_member(cluster)

    async def scenario() -> None:
        socket_a, _welcome = await enter(room_path(cluster), first)
        socket_b, welcome_b = await enter(room_path(cluster), second)
        assert {p["id"] for p in welcome_b["presence"]} == {first.pk, second.pk}
        update = await next_of(socket_a, "presence")
        while {p["id"] for p in update["presence"]} != {first.pk, second.pk}:
            update = await next_of(socket_a, "presence")
        await socket_b.disconnect()
        update = await next_of(socket_a, "presence")
        assert [p["id"] for p in update["presence"]] == [first.pk]
        await socket_a.disconnect()

    run(scenario)


def test_vanished_socket_drops_out_of_presence_when_its_entry_expires(cluster: Any) -> None:
    import time

    import redis
    from django.conf import settings

    from platform_.realtime.groups import presence_key

    _a, first = active_member(cluster)
    key = presence_key(f"cluster.{cluster.pk}")
    client = redis.Redis.from_url(settings.REDIS_URL)
    # A socket of a server process that died: its entry is never refreshed and has expired.
    client.zadd(key, {"424242|dead.channel": time.time() - 1})

    async def scenario() -> None:
        socket, welcome = await enter(room_path(cluster), first)
        assert [p["id"] for p in welcome["presence"]] == [first.pk]
        await socket.disconnect()

    run(scenario)


def test_chat_message_is_stored_acknowledged_and_relayed(cluster: Any) -> None:
    _a, first = active_member(cluster)
    _b, second = active_member(cluster)

    async def scenario() -> None:
        socket_a, _ = await enter(room_path(cluster), first)
        socket_b, _ = await enter(room_path(cluster), second)
        await socket_a.send_json_to({"type": "chat.send", "client_id": "c-1", "body": "hello **all**"})
        ack = await next_of(socket_a, "chat.ack")
        relayed = await next_of(socket_b, "chat.message")
        assert relayed["message"]["id"] == ack["message"]["id"]
        assert relayed["message"]["html"] == "<p>hello <strong>all</strong></p>"
        await socket_a.disconnect()
        await socket_b.disconnect()

    run(scenario)
    assert ChatMessage.objects.filter(room=f"cluster.{cluster.pk}", author=first).count() == 1


def test_resent_message_is_stored_once_and_acknowledged_with_the_same_id(cluster: Any) -> None:
    _a, first = active_member(cluster)

    async def scenario() -> None:
        socket, _ = await enter(room_path(cluster), first)
        await socket.send_json_to({"type": "chat.send", "client_id": "same", "body": "once"})
        first_ack = await next_of(socket, "chat.ack")
        await socket.send_json_to({"type": "chat.send", "client_id": "same", "body": "once"})
        second_ack = await next_of(socket, "chat.ack")
        assert first_ack["message"]["id"] == second_ack["message"]["id"]
        await socket.disconnect()

    run(scenario)
    assert ChatMessage.objects.filter(author=first).count() == 1


def test_markdown_is_sanitised(cluster: Any) -> None:
    _a, first = active_member(cluster)

    async def scenario() -> None:
        socket, _ = await enter(room_path(cluster), first)
        body = '<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3)) *ok*'
        await socket.send_json_to({"type": "chat.send", "client_id": "xss", "body": body})
        html = (await next_of(socket, "chat.ack"))["message"]["html"]
        assert "<script" not in html
        assert "onerror" not in html
        assert "javascript:" not in html
        assert "<em>ok</em>" in html
        await socket.disconnect()

    run(scenario)


def test_history_is_paged_backwards(cluster: Any) -> None:
    _a, first = active_member(cluster)
    room = f"cluster.{cluster.pk}"
    ChatMessage.objects.bulk_create(
        ChatMessage(room=room, author=first, client_id=f"h{i}", body=str(i), body_html=str(i)) for i in range(60)
    )

    async def scenario() -> None:
        socket, welcome = await enter(room_path(cluster), first)
        assert len(welcome["history"]) == 50
        oldest = welcome["history"][0]["id"]
        await socket.send_json_to({"type": "history", "before": oldest})
        page = await next_of(socket, "history")
        assert [m["html"] for m in page["messages"]] == [str(i) for i in range(10)]
        await socket.disconnect()

    run(scenario)


def test_unread_counts_messages_of_others_until_read(cluster: Any) -> None:
    _a, first = active_member(cluster)
    _b, second = active_member(cluster)
    room = f"cluster.{cluster.pk}"
    ChatMessage.objects.bulk_create(
        ChatMessage(room=room, author=second, client_id=f"u{i}", body="x", body_html="x") for i in range(3)
    )
    ChatMessage.objects.create(room=room, author=first, client_id="mine", body="x", body_html="x")

    async def scenario() -> None:
        socket, welcome = await enter(room_path(cluster), first)
        assert welcome["unread"] == 3
        await socket.send_json_to({"type": "read"})
        assert (await next_of(socket, "unread"))["count"] == 0
        await socket.disconnect()

    run(scenario)


def test_typing_reaches_the_others_not_the_typist(cluster: Any) -> None:
    _a, first = active_member(cluster)
    _b, second = active_member(cluster)

    async def scenario() -> None:
        socket_a, _ = await enter(room_path(cluster), first)
        socket_b, _ = await enter(room_path(cluster), second)
        await socket_a.send_json_to({"type": "typing"})
        assert (await next_of(socket_b, "typing"))["user"]["id"] == first.pk
        await socket_a.send_json_to({"type": "heartbeat"})
        frame = await socket_a.receive_json_from(timeout=5)
        while frame["type"] == "presence" and len(frame["presence"]) < 2:
            frame = await socket_a.receive_json_from(timeout=5)
        assert frame["type"] == "presence"  # the heartbeat's answer came, no typing frame before it
        await socket_a.disconnect()
        await socket_b.disconnect()

    run(scenario)


def test_malformed_and_oversize_frames_get_an_error_and_the_socket_stays_open(cluster: Any) -> None:
    _a, first = active_member(cluster)

    async def scenario() -> None:
        socket, _ = await enter(room_path(cluster), first)
        await socket.send_to(text_data="{not json")
        assert (await next_of(socket, "error"))["code"] == "malformed"
        await socket.send_to(text_data=json.dumps({"type": "chat.send", "body": "x" * 20000}))
        assert (await next_of(socket, "error"))["code"] == "too_large"
        await socket.send_to(bytes_data=b"\x00\x01")
        assert (await next_of(socket, "error"))["code"] == "malformed"
        await socket.send_json_to({"type": "chat.send", "client_id": "after", "body": "still here"})
        assert (await next_of(socket, "chat.ack"))["message"]["html"] == "<p>still here</p>"
        await socket.disconnect()

    run(scenario)


def test_flooding_socket_is_rate_limited_but_stays_open(cluster: Any) -> None:
    _a, first = active_member(cluster)

    async def scenario() -> None:
        socket, _ = await enter(room_path(cluster), first)
        for _i in range(40):
            await socket.send_json_to({"type": "typing"})
        assert (await next_of(socket, "error"))["code"] == "rate_limited"
        assert await socket.receive_nothing(timeout=0.1) in (True, False)
        await socket.disconnect()

    run(scenario)
