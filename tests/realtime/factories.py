"""Helpers for socket tests: sessions for people and communicators that carry their cookie."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from channels.testing import WebsocketCommunicator
from django.db import connections
from django.test import Client

T = TypeVar("T")

ORIGIN = "http://testserver"


def session_cookie(user: Any) -> str:
    """Log the person in through Django's session machinery; returns the session id.

    Called from inside a test's event loop too: the ORM then runs in a thread of its own, as Django asks
    (the suite does not set DJANGO_ALLOW_ASYNC_UNSAFE outside the browser tests).
    """

    def login() -> str:
        client = Client()
        client.force_login(user)
        return client.cookies["sessionid"].value

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return login()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(login).result()


def communicator(path: str, *, session: str | None = None, origin: str = ORIGIN) -> WebsocketCommunicator:
    from platform_.asgi import application

    headers = [(b"origin", origin.encode()), (b"host", b"testserver")]
    if session:
        headers.append((b"cookie", f"sessionid={session}".encode()))
    return WebsocketCommunicator(application, path, headers=headers)


def run(coroutine_function: Callable[[], Awaitable[T]]) -> T:
    """Run an async scenario in its own thread and loop.

    The test thread may already run an event loop (Playwright's sync API in browser tests),
    where neither asyncio.run nor async_to_sync may be used.
    """

    def target() -> T:
        try:
            return asyncio.run(coroutine_function())  # type: ignore[arg-type]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(target).result()
