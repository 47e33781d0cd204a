"""Liveness and readiness probes.

``/readyz`` checks PostgreSQL and Redis side by side, each in a thread of its own, and answers within
``READY_BUDGET_SECONDS`` whatever they do: a check still running then is reported as ``timeout``
(503, naming the dependency). A check that hangs is not started a second time while it still runs,
so a dead dependency probed every 250 ms does not pile up threads.

Under ASGI both probes are answered before Django (``probe_application``): Django runs synchronous
views one at a time in one thread, so a page stuck on a dead database would otherwise hold the probe.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from typing import Any

import redis
from django.conf import settings
from django.db import connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

READY_BUDGET_SECONDS = 0.8  # the whole answer stays under a second
CHECK_TIMEOUT_SECONDS = 2.0  # a hanging check ends by itself; the budget does not wait for it

_executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="readyz")
_running: dict[str, Future[None]] = {}
_running_lock = threading.Lock()


def _check_database() -> None:
    import psycopg

    params = connections["default"].get_connection_params()
    params.pop("pool", None)
    params.pop("cursor_factory", None)
    params["connect_timeout"] = 2  # libpq's minimum; the budget cuts the wait shorter
    with psycopg.connect(**params, autocommit=True) as conn:
        conn.execute("SET statement_timeout = 2000")
        conn.execute("SELECT 1")


def _check_redis() -> None:
    client = redis.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=CHECK_TIMEOUT_SECONDS, socket_timeout=CHECK_TIMEOUT_SECONDS
    )
    try:
        client.ping()
    finally:
        client.close()


CHECKS: dict[str, Callable[[], None]] = {"database": _check_database, "redis": _check_redis}


def _submit(name: str, check: Callable[[], None]) -> Future[None]:
    with _running_lock:
        running = _running.get(name)
        if running is not None and not running.done():
            return running
        future = _executor.submit(check)
        _running[name] = future
        return future


def readiness() -> tuple[bool, dict[str, str]]:
    """Run every check within the budget: (ready, {dependency: "ok" | "error: …"})."""
    futures = {name: _submit(name, check) for name, check in CHECKS.items()}
    futures_wait(list(futures.values()), timeout=READY_BUDGET_SECONDS)
    return _results(futures)


def _results(futures: dict[str, Future[None]]) -> tuple[bool, dict[str, str]]:
    checks: dict[str, str] = {}
    for name, future in futures.items():
        if not future.done():
            checks[name] = "error: timeout"
        elif (error := future.exception()) is not None:
            checks[name] = f"error: {error.__class__.__name__}"
        else:
            checks[name] = "ok"
    return all(value == "ok" for value in checks.values()), checks


def _ready_body() -> tuple[int, dict[str, Any]]:
    ready, checks = readiness()
    return (200 if ready else 503), {"status": "ok" if ready else "unavailable", "checks": checks}


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """The database and Redis answer; 503 naming what does not, within a second."""
    status, body = _ready_body()
    return JsonResponse(body, status=status)


PROBE_PATHS = {"/healthz", "/readyz"}


async def probe_application(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The ASGI answer to ``/healthz`` and ``/readyz``, on the event loop (see the module's docstring)."""
    if scope["path"] == "/readyz":
        # Awaited on the loop, never queued behind the loop's shared executor (sockets' database calls
        # fill it while PostgreSQL hangs): the checks run in the probe's own threads.
        futures = {name: _submit(name, check) for name, check in CHECKS.items()}
        await asyncio.wait([asyncio.wrap_future(future) for future in futures.values()], timeout=READY_BUDGET_SECONDS)
        ready, checks = _results(futures)
        status, body = (200 if ready else 503), {"status": "ok" if ready else "unavailable", "checks": checks}
    else:
        status, body = 200, {"status": "ok"}
    payload = json.dumps(body).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        (b"cache-control", b"max-age=0, no-cache, no-store, must-revalidate, private"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
