"""Around every API request: Idempotency-Key for POSTs, ETag / If-Match for reads and writes, the call log."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

from platform_.api import call_log, etag, idempotency
from platform_.api.errors import problem
from platform_.api.models import ApiKey

API_PREFIX = "/api/"


class PartnerApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        started = time.perf_counter()
        if request.method == "POST":
            response = idempotency.handle(request, self.get_response)
        else:
            response = etag.handle(request, self.get_response)
        response = _as_problem(response)
        key = getattr(request, "api_key", None)
        if key is not None:
            _log_call(request, response, key, started)
        return response


def _as_problem(response: HttpResponse) -> HttpResponse:
    """Django's own HTML error pages (no route, a crash) become problem details under /api/ too."""
    if response.status_code < 400 or not response.get("Content-Type", "").startswith("text/html"):
        return response
    titles = {404: ("Not found", "not_found"), 405: ("Method not allowed", "method_not_allowed")}
    title, code = titles.get(
        response.status_code, ("Error", "server_error" if response.status_code >= 500 else "error")
    )
    problem_response = JsonResponse(
        problem(response.status_code, title, str(response.reason_phrase), code),
        status=response.status_code,
        content_type="application/problem+json",
    )
    return problem_response


def _log_call(request: HttpRequest, response: HttpResponse, key: ApiKey, started: float) -> None:
    """One Redis command per call; the flush writes it to PostgreSQL and refreshes the key's last use."""
    call_log.record(
        key_id=key.pk,
        method=request.method or "",
        endpoint=request.path,
        status=response.status_code,
        duration_ms=int((time.perf_counter() - started) * 1000),
    )
