"""ETag and If-Match for every detail endpoint of the API: a stale write gets 412 and changes nothing.

Applied once, in PartnerApiMiddleware, so every domain's endpoints get it without opting in.
The ETag is a hash of the body a GET of the same URL returns (as the same caller). Every PUT,
PATCH or DELETE under /api/ runs in one transaction holding an advisory lock on its URL; with
If-Match, the current representation is re-read inside that lock and compared before the write.
"""

from __future__ import annotations

import copy
import hashlib
import io
from collections.abc import Callable

from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from platform_.api.errors import problem
from platform_.locks import advisory_lock_xact

WRITES = {"PUT", "PATCH", "DELETE"}


def etag_of(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def _matches(header: str, current: str) -> bool:
    candidates = [part.strip().removeprefix("W/") for part in header.split(",")]
    return "*" in candidates or current in candidates


def _is_detail(response: HttpResponse) -> bool:
    """A single object's JSON (not a list page, not an error, not a file)."""
    data = getattr(response, "data", None)
    return response.status_code == 200 and isinstance(data, dict) and "results" not in data


def _read_now(request: HttpRequest, get_response: Callable[[HttpRequest], HttpResponse]) -> HttpResponse:
    """GET the same URL as the same caller, without the write's body."""
    clone = copy.copy(request)
    clone.method = "GET"
    clone.META = {**request.META, "REQUEST_METHOD": "GET", "CONTENT_LENGTH": "0"}
    clone.META.pop("HTTP_IF_MATCH", None)
    clone.META.pop("CONTENT_TYPE", None)
    clone._stream = io.BytesIO(b"")
    clone._read_started = False  # type: ignore[attr-defined]
    clone._body = b""
    for cached in ("_post", "_files", "_data", "_full_data", "api_key"):
        clone.__dict__.pop(cached, None)
    return get_response(clone)


def _precondition_failed() -> HttpResponse:
    return JsonResponse(
        problem(
            412,
            "PreconditionFailed",
            _("The resource changed since you read it: fetch it again and retry with its new ETag."),
            "precondition_failed",
        ),
        status=412,
        content_type="application/problem+json",
    )


def handle(request: HttpRequest, get_response: Callable[[HttpRequest], HttpResponse]) -> HttpResponse:
    if request.method == "GET":
        response = get_response(request)
        if _is_detail(response):
            response["ETag"] = etag_of(response.content)
        return response
    if request.method not in WRITES:
        return get_response(request)
    header = request.META.get("HTTP_IF_MATCH", "").strip()
    with transaction.atomic():
        advisory_lock_xact(f"etag:{request.path}")
        if header:
            current = _read_now(request, get_response)
            if not _is_detail(current) or not _matches(header, etag_of(current.content)):
                return _precondition_failed()
        response = get_response(request)
        if request.method != "DELETE" and 200 <= response.status_code < 300:
            after = _read_now(request, get_response)
            if _is_detail(after):
                response["ETag"] = etag_of(after.content)
        return response
