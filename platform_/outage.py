"""While PostgreSQL or Redis is unreachable, every surface says so clearly instead of crashing.

An error that means a dependency is down (a refused or timed-out connection to the database, the
cache, the channel layer or the broker) is recognised once, here (``outage_of``), and answered:

- the API with a 503 problem detail (``application/problem+json``) and ``Retry-After``;
- pages with a short, translated "temporarily unavailable" page (503, ``Retry-After``);
- WebSocket handshakes (and live sockets) with close code ``CLOSE_UNAVAILABLE`` (4503), which the
  browser clients (static/js/room.js, notifications.js, the collab bundle) read as "retry soon".

A failing file store is a domain error (``FileStoreUnavailable``, 503) raised by ``file_store_writes``
after it removed the files the request had written, so nothing half-written stays.

Django turns an exception into a 500 response inside each middleware layer, so the outermost
middleware cannot catch it: the ``got_request_exception`` signal marks the request with the
outage, and ``OutageMiddleware`` (first in MIDDLEWARE) replaces that 500 with the 503. This works
whether the error came from a view or from a middleware (a session read), with DEBUG on or off.
See docs/operations.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.signals import got_request_exception
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from platform_.errors import DomainError

logger = logging.getLogger(__name__)

CLOSE_UNAVAILABLE = 4503  # a WebSocket close code of ours: a dependency is down, reconnect soon
RETRY_AFTER_SECONDS = 5
API_PREFIX = "/api/"
PROBLEM_TYPE = "https://virtual-clusters.local/problems/"


def _dependency_errors() -> tuple[tuple[type[BaseException], ...], tuple[type[BaseException], ...]]:
    """(database errors, Redis errors): connection-level failures only, never a bad query or key."""
    import django.db
    import kombu.exceptions
    import psycopg
    import redis.exceptions

    database: tuple[type[BaseException], ...] = (
        django.db.OperationalError,
        django.db.InterfaceError,
        psycopg.OperationalError,
        psycopg.InterfaceError,
    )
    redis_errors: tuple[type[BaseException], ...] = (
        redis.exceptions.ConnectionError,
        redis.exceptions.TimeoutError,
        kombu.exceptions.OperationalError,
    )
    return database, redis_errors


def outage_of(error: BaseException | None) -> str | None:
    """``"database"`` or ``"redis"`` when ``error`` (or what caused it) means that dependency is down."""
    database, redis_errors = _dependency_errors()
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, database):
            return "database"
        if isinstance(error, redis_errors):
            return "redis"
        if isinstance(error, ConnectionError | TimeoutError) and _from_redis(error):
            return "redis"
        error = error.__cause__ or error.__context__
    return None


def _from_redis(error: BaseException) -> bool:
    """A bare OSError raised inside the Redis client (the async client lets some through)."""
    traceback = error.__traceback__
    while traceback is not None:
        if "/redis/" in traceback.tb_frame.f_code.co_filename:
            return True
        traceback = traceback.tb_next
    return False


def unavailable_response(request: HttpRequest, dependency: str) -> HttpResponse:
    """The 503 answer: a problem detail on the API, a translated page elsewhere; never touches the dependency."""
    language = translation.get_language_from_request(request)
    if request.path.startswith(API_PREFIX) or "application/json" in request.headers.get("Accept", ""):
        with translation.override(language):
            body = {
                "type": PROBLEM_TYPE + "unavailable",
                "title": "Service Unavailable",
                "status": 503,
                "detail": _("A service the platform relies on is temporarily unreachable; retry in a few seconds."),
                "code": "unavailable",
                "dependency": dependency,
            }
        response: HttpResponse = JsonResponse(body, status=503, content_type="application/problem+json")
    else:
        with translation.override(language):
            html = render_to_string(
                "unavailable.html",
                {"retry_after": RETRY_AFTER_SECONDS, "language": language, "title": _("Temporarily unavailable")},
            )
        response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@receiver(got_request_exception, dispatch_uid="platform_outage_mark")
def _mark_outage(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    import sys

    dependency = outage_of(sys.exc_info()[1])
    if request is not None and dependency is not None:
        request._dependency_outage = dependency  # type: ignore[attr-defined]  # read by OutageMiddleware


class OutageMiddleware:
    """First in MIDDLEWARE: a request that failed because a dependency is down answers 503, not 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            response = self.get_response(request)
        except Exception as error:  # DEBUG_PROPAGATE_EXCEPTIONS, or an error of the first layer
            dependency = outage_of(error)
            if dependency is None:
                raise
            return self._unavailable(request, dependency)
        dependency = getattr(request, "_dependency_outage", None)
        if dependency is not None and response.status_code >= 500:
            return self._unavailable(request, dependency)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        dependency = outage_of(exception)
        return self._unavailable(request, dependency) if dependency else None

    def _unavailable(self, request: HttpRequest, dependency: str) -> HttpResponse:
        logger.warning("%s unreachable: %s %s answered 503", dependency, request.method, request.path)
        return unavailable_response(request, dependency)


class SocketOutageGuard:
    """Around the WebSocket application: a handshake (or a live socket) that fails because a dependency
    is down is closed with ``CLOSE_UNAVAILABLE``; the handshake is accepted first so that the browser
    sees the code (a close before accepting reaches it as a bare HTTP 403 and code 1006)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        state = {"accepted": False, "closed": False}

        async def tracking_send(message: dict[str, Any]) -> None:
            if message["type"] == "websocket.accept":
                state["accepted"] = True
            elif message["type"] == "websocket.close":
                state["closed"] = True
            await send(message)

        try:
            await self.inner(scope, receive, tracking_send)
        except Exception as error:
            dependency = outage_of(error)
            if dependency is None:
                raise
            logger.warning("%s unreachable: socket %s closed with %s", dependency, scope.get("path"), CLOSE_UNAVAILABLE)
            if state["closed"]:
                return
            try:
                if not state["accepted"]:
                    await send({"type": "websocket.accept"})
                await send({"type": "websocket.close", "code": CLOSE_UNAVAILABLE})
            except Exception:  # the client is gone already
                logger.debug("socket gone before its close", exc_info=True)


class FileStoreUnavailable(DomainError):
    """The file store (disk, S3) refused a write: the request is refused whole, nothing half-written."""

    status_code = 503
    code = "file_store_unavailable"


@contextmanager
def file_store_writes(*, undo: Callable[[], None] | None = None) -> Iterator[None]:
    """Around the writes of one request's files: a failing store removes what was written (``undo``,
    unless the caller removes its files itself) and becomes ``FileStoreUnavailable``; the caller's
    transaction then rolls its rows back."""
    try:
        yield
    except DomainError:
        raise
    except Exception as error:  # OSError from a disk, botocore's errors from S3: any failure of the store
        logger.exception("file store failed; the request's files are removed")
        try:
            if undo is not None:
                undo()
        except Exception:
            logger.exception("file store: removing the request's files failed too")
        raise FileStoreUnavailable(
            _("The file store is unavailable at the moment: nothing was saved. Please try again in a few minutes.")
        ) from error
