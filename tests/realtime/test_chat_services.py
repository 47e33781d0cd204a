"""Chat writes and their Markdown: one statement stores a message and its author's read mark,
resends are answered from the stored row, and the reused Markdown parser stays safe in every thread."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import markdown
import nh3
import pytest
from channels.db import database_sync_to_async

from platform_.errors import DomainError
from platform_.realtime import selectors, services
from platform_.realtime.models import ChatMessage, RoomReadMark
from tests.factories import ClusterFactory, active_member
from tests.realtime.factories import communicator, run, session_cookie

ROOT = Path(__file__).resolve().parents[2]

SAMPLES = [
    "hello **all**",
    "```\n<b>code</b> stays *literal*\n```\nafter the fence",
    "line one\nline two",
    '<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3)) *ok*',
    "- one\n- two\n\n> quoted `code`",
    "[site](https://example.org \"title\") and <a href='https://example.org' onclick='x()'>raw</a>",
    "plain",
]


def fresh_render(text: str) -> str:
    """What a parser built for this one message renders: the reference for the reused one."""
    html = markdown.markdown(text, extensions=["fenced_code", "nl2br"], output_format="html")
    return nh3.clean(
        html,
        tags=services.ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def test_reused_parser_renders_each_message_as_a_fresh_one_would() -> None:
    expected = [fresh_render(text) for text in SAMPLES]
    for _round in range(3):  # nothing of one message (a fenced block's stash) leaks into the next
        assert [services.markdown_render(text) for text in SAMPLES] == expected


def test_rendered_markdown_is_safe() -> None:
    html = services.markdown_render(SAMPLES[3])
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "<em>ok</em>" in html
    raw_link = services.markdown_render(SAMPLES[5])
    assert "onclick" not in raw_link
    assert 'rel="noopener noreferrer nofollow"' in raw_link


def test_threads_rendering_at_once_get_the_same_output() -> None:
    expected = {text: fresh_render(text) for text in SAMPLES}
    work = SAMPLES * 60

    with ThreadPoolExecutor(max_workers=8) as pool:
        rendered = list(pool.map(services.markdown_render, work))
    assert rendered == [expected[text] for text in work]


@pytest.mark.django_db(transaction=True)
def test_a_message_is_stored_with_its_authors_read_mark_and_a_resend_is_answered_from_the_row() -> None:
    cluster = ClusterFactory.create()
    _firm, author = active_member(cluster)
    room = f"cluster.{cluster.pk}"
    RoomReadMark.objects.create(user=author, room=room, last_read_id=0)

    message, created = services.chat_post(room=room, author=author, client_id="c-1", body="hello *you*")
    assert created
    stored = ChatMessage.objects.get(pk=message.pk)
    assert (stored.room, stored.author_id, stored.client_id, stored.body) == (room, author.pk, "c-1", "hello *you*")
    assert stored.body_html == message.body_html == "<p>hello <em>you</em></p>"
    assert stored.created_at == message.created_at
    assert RoomReadMark.objects.get(user=author, room=room).last_read_id == message.pk

    again, created_again = services.chat_post(room=room, author=author, client_id="c-1", body="hello *you*")
    assert not created_again
    assert again.pk == message.pk
    assert ChatMessage.objects.filter(author=author).count() == 1

    with pytest.raises(DomainError):  # a client id reused in another room is not that message
        services.chat_post(room=f"{room}0", author=author, client_id="c-1", body="elsewhere")
    assert ChatMessage.objects.filter(author=author).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_new_message_comes_back_as_a_stored_row_in_one_statement(django_assert_num_queries: Any) -> None:
    """The message returned is the row as the ORM would load it (it knows it is stored, so its unique
    constraint does not count itself), with its author: one statement, and nothing more to render it."""
    cluster = ClusterFactory.create()
    _firm, author = active_member(cluster)
    with django_assert_num_queries(1):
        message, created = services.chat_post(room=f"cluster.{cluster.pk}", author=author, client_id="c", body="hi")
        payload = selectors.chat_message_payload(message)
    assert created
    assert payload["author"]["id"] == author.pk
    message.validate_constraints()  # a new, unsaved row with the same author and client id would be refused
    message.refresh_from_db()
    assert message.body_html == "<p>hi</p>"


@pytest.mark.django_db(transaction=True)
def test_a_read_mark_ahead_of_the_new_message_stays_where_it_is() -> None:
    cluster = ClusterFactory.create()
    _firm, author = active_member(cluster)
    room = f"cluster.{cluster.pk}"
    RoomReadMark.objects.create(user=author, room=room, last_read_id=10**12)
    services.chat_post(room=room, author=author, client_id="c-2", body="hi")
    assert RoomReadMark.objects.get(user=author, room=room).last_read_id == 10**12


@pytest.mark.django_db(transaction=True)
def test_the_acknowledged_message_is_already_committed() -> None:
    cluster = ClusterFactory.create()
    _firm, author = active_member(cluster)

    def committed(client_id: str) -> bool:
        # Another thread, so another connection: it sees committed rows only.
        return ChatMessage.objects.filter(author=author, client_id=client_id).exists()

    async def scenario() -> None:
        session = await database_sync_to_async(session_cookie)(author)
        socket = communicator(f"/ws/rooms/cluster/{cluster.pk}/", session=session)
        assert (await socket.connect())[0]
        await socket.send_json_to({"type": "chat.send", "client_id": "acked", "body": "durable"})
        while (frame := await socket.receive_json_from(timeout=5))["type"] != "chat.ack":
            pass
        assert frame["message"]["html"] == "<p>durable</p>"
        assert await database_sync_to_async(committed, thread_sensitive=False)("acked")
        await socket.disconnect()

    run(scenario)


def test_the_web_server_collects_garbage_as_tuned_and_other_processes_keep_the_defaults() -> None:
    probe = "import gc, platform_.asgi; print(gc.get_threshold()[0], gc.get_freeze_count() > 0)"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DJANGO_SETTINGS_MODULE": "platform_.settings.test"}

    def run_probe(**extra: str) -> list[str]:
        return subprocess.run(
            [sys.executable, "-c", probe], env={**env, **extra}, cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()

    assert run_probe(SERVER_GC_TUNING="1") == ["10000", "True"]
    assert run_probe(SERVER_GC_TUNING="0") == ["700", "False"]


def test_markdown_parsers_are_per_thread() -> None:
    main = services._markdown_parser()
    with ThreadPoolExecutor(max_workers=1) as pool:
        other = pool.submit(services._markdown_parser).result()
    assert main is services._markdown_parser()
    assert other is not main
