"""Idempotency-Key for creating requests: the first response is kept and replayed to retries.

Concurrent duplicates queue on a PostgreSQL advisory lock held for the request's transaction, so
exactly one of them runs the view; the others find its stored response.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import cast

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from platform_.api.authentication import resolve_key
from platform_.api.errors import problem
from platform_.api.models import IdempotencyRecord
from platform_.locks import advisory_lock_xact

HEADER = "HTTP_IDEMPOTENCY_KEY"
UNSTORED_STATUSES = {401, 408, 429}
KEPT_HEADERS = ("Location", "ETag", "Content-Location")


def _principal(request: HttpRequest) -> tuple[str, int | None] | None:
    key = resolve_key(request)
    if key is not None:
        return f"key:{key.pk}", key.firm_id
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        firm = getattr(request, "firm", None)
        return f"user:{user.pk}", getattr(firm, "pk", None)
    return None


def _body_hash(request: HttpRequest) -> str:
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is not None and length > limit:  # a large upload: its length stands for its content
        return hashlib.sha256(f"len:{length}".encode()).hexdigest()
    return hashlib.sha256(request.body).hexdigest()


def _problem(status: int, detail: str, code: str) -> HttpResponse:
    return JsonResponse(
        problem(status, "Idempotency key conflict", detail, code),
        status=status,
        content_type="application/problem+json",
    )


def _replay(record: IdempotencyRecord) -> HttpResponse:
    response = HttpResponse(bytes(record.body), status=record.status, content_type=record.content_type)
    for name, value in record.headers.items():
        response[name] = value
    response["Idempotent-Replayed"] = "true"
    return response


def handle(request: HttpRequest, get_response: Callable[[HttpRequest], HttpResponse]) -> HttpResponse:
    """Run a POST once per (principal, Idempotency-Key); a retry gets the first response back."""
    idempotency_key = request.META.get(HEADER, "").strip()
    principal = _principal(request) if idempotency_key else None
    if not idempotency_key or principal is None:
        return get_response(request)
    if len(idempotency_key) > 255:
        return _problem(400, _("The Idempotency-Key header is longer than 255 characters."), "invalid")
    who, firm_id = principal
    body_hash = _body_hash(request)
    with transaction.atomic():
        advisory_lock_xact(f"{who}|{idempotency_key}")
        record = IdempotencyRecord.objects.filter(principal=who, idempotency_key=idempotency_key).first()
        if record is not None:
            if record.body_hash != body_hash or record.path != request.path or record.method != request.method:
                return _problem(
                    422, _("This Idempotency-Key was already used for a different request."), "idempotency_mismatch"
                )
            return _replay(record)
        response = get_response(request)
        if response.status_code < 500 and response.status_code not in UNSTORED_STATUSES and not response.streaming:
            IdempotencyRecord.objects.create(
                principal=who,
                firm_id=firm_id,
                idempotency_key=idempotency_key,
                method=cast(str, request.method),  # always set on a request the server handles
                path=request.path[:500],
                body_hash=body_hash,
                status=response.status_code,
                content_type=response.get("Content-Type", "application/json"),
                body=response.content,
                headers={name: response[name] for name in KEPT_HEADERS if name in response},
            )
        return response
