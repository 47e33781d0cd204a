"""Bad input at the edges: the one check for text that enters by query strings, form bodies and socket frames.

PostgreSQL refuses a NUL character in text and cannot encode a lone surrogate, so such input,
left to reach a query, ends in a 500 (or a dropped socket). It is refused where it enters: a
400 problem detail under /api/, a 400 page elsewhere, an error frame on a socket.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

# PostgreSQL's bigint, the type of every id: a larger integer is not an id, it is an error in the query.
BIGINT_MIN = -(2**63)
BIGINT_MAX = 2**63 - 1
API_PREFIX = "/api/"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class BadInput(ValueError):
    """Input no rule of the domain could be asked about: a NUL, a lone surrogate, bytes that are not UTF-8."""


def text_clean(value: str) -> str:
    """The text itself, or BadInput when PostgreSQL could not store it (NUL, lone surrogates)."""
    if "\x00" in value:
        raise BadInput("NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise BadInput("lone surrogate") from error
    return value


def urlencoded_check(raw: bytes | str) -> None:
    """Every name and value of a query string or urlencoded body decodes as UTF-8 and holds no NUL.

    Django decodes such input leniently (undecodable bytes become U+FFFD); here it is decoded
    strictly, so that bytes that are not text are refused rather than silently changed.
    """
    if isinstance(raw, str):
        raw = raw.encode("utf-8", errors="surrogateescape")
    for pair in raw.split(b"&"):
        for part in pair.split(b"=", 1):
            try:
                decoded = unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
            except UnicodeDecodeError as error:
                raise BadInput("not UTF-8") from error
            text_clean(decoded)


def texts_check(values: Iterable[str]) -> None:
    for value in values:
        text_clean(value)


def request_check(request: HttpRequest) -> None:
    """The query string and a form body of the request (files are the upload policy's to judge)."""
    query = request.META.get("QUERY_STRING", "")
    if isinstance(request, WSGIRequest):
        query = query.encode("latin-1", errors="replace")  # WSGI carries the raw bytes as latin-1 text
    urlencoded_check(query)  # ASGI: Django already decoded the bytes as UTF-8
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    raw_length = request.META.get("CONTENT_LENGTH") or "0"
    if not str(raw_length).isdigit():
        raise BadInput("Content-Length is not a number")  # Django's own body reader would fail with a 500
    content_type = request.META.get("CONTENT_TYPE", "")
    if content_type.startswith(FORM_TYPES[0]):
        urlencoded_check(request.body)
    elif content_type.startswith(FORM_TYPES[1]):
        length = int(raw_length)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is None or length <= limit:
            # Read (and keep) the body first, so that what runs after us may still read request.body
            # (the idempotency hash); a larger upload streams and is hashed by its length instead.
            request.body  # noqa: B018
        post = request.POST
        texts_check(post.keys())
        texts_check(value for values in post.lists() for value in values[1])


def bad_input_message() -> str:
    return _("The request holds characters that cannot be processed (such as a NUL byte or invalid UTF-8).")


def bad_input_response(request: HttpRequest) -> HttpResponse:
    """A 400: an RFC 9457 problem detail for the API, a page for people."""
    if request.path.startswith(API_PREFIX):
        from platform_.api.errors import problem

        return JsonResponse(
            problem(400, "Bad input", bad_input_message(), "bad_input"),
            status=400,
            content_type="application/problem+json",
        )
    return render(request, "400.html", {"message": bad_input_message()}, status=400)


class BadInputMiddleware:
    """The one place where query strings and form bodies enter: bad text stops here with a 400."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            request_check(request)
        except BadInput:
            return bad_input_response(request)
        return self.get_response(request)


# --- socket frames --------------------------------------------------------------------------------


def frame_id(content: dict[str, Any], key: str, *, required: bool = False) -> int | None:
    """An id of a frame: an integer (not a boolean) within PostgreSQL's bigint, or None when absent."""
    value = content.get(key)
    if value is None:
        if required:
            raise BadInput(f"{key} missing")
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not BIGINT_MIN <= value <= BIGINT_MAX:
        raise BadInput(f"{key} is not an id")
    return value


def frame_text(content: dict[str, Any], key: str, *, max_length: int, default: str = "") -> str:
    """A string of a frame, storable by PostgreSQL and at most ``max_length`` characters."""
    value = content.get(key, default)
    if value is None:
        value = default
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadInput(f"{key} is not text")
    value = text_clean(str(value))
    if len(value) > max_length:
        raise BadInput(f"{key} is too long")
    return value


def frame_parse(text_data: str | None) -> dict[str, Any]:
    """A JSON text frame as an object with a string ``type``; every key and string in it storable.

    Raises BadInput for anything else (not JSON, nested too deep, NUL or lone surrogates anywhere).
    """
    if text_data is None:
        raise BadInput("not a text frame")
    try:
        content = json.loads(text_data)
    except (ValueError, RecursionError) as error:
        raise BadInput("not JSON") from error
    if not isinstance(content, dict) or not isinstance(content.get("type"), str):
        raise BadInput("not a typed object")
    pending: list[Any] = [content]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            text_clean(value)
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return content
