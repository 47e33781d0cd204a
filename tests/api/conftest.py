"""Fixtures of the partner API tests: a real local webhook receiver, a real Celery worker, an empty call log."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest


@dataclass
class Receiver:
    """An HTTP server on 127.0.0.1 that answers with the queued status codes (then 200) and records."""

    url: str = ""
    statuses: list[int] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    def wait_for(self, count: int, timeout: float = 30) -> list[dict[str, Any]]:
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.requests) >= count, timeout=timeout)
        return list(self.requests)


@pytest.fixture(autouse=True)
def _empty_call_log() -> Iterator[None]:
    """Each test starts with no API calls waiting in Redis (nor a flush lock) from an earlier test."""
    from django.core.cache import cache

    from platform_.api import call_log

    cache.delete_many([call_log.QUEUE, call_log.LOCK])
    yield
    cache.delete_many([call_log.QUEUE, call_log.LOCK])


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    import time

    state = Receiver()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            status = state.statuses.pop(0) if state.statuses else 200
            self.send_response(status)
            self.end_headers()
            self.wfile.write(b"ok" if status < 300 else b"broken")
            with state.arrived:
                state.requests.append(
                    {"headers": dict(self.headers), "body": body, "status": status, "at": time.monotonic()}
                )
                state.arrived.notify_all()

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def celery_worker_factory(transactional_db: Any) -> Iterator[Any]:
    """Start (and restart) a real Celery worker in a thread, against the test database and Redis."""
    from contextlib import ExitStack

    from celery.contrib.testing.worker import start_worker

    from platform_.celery import app

    app.control.purge()
    stacks: list[ExitStack] = []

    def start() -> ExitStack:
        stack = ExitStack()
        stack.enter_context(
            start_worker(app, pool="solo", concurrency=1, perform_ping_check=False, shutdown_timeout=30)
        )
        stacks.append(stack)
        return stack

    yield start
    for stack in stacks:
        stack.close()
    app.control.purge()
