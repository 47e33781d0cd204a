"""Permission facts computed once per request: a page asks "does this firm own it?" often, the database once.

Only a request that reads (GET, HEAD) keeps a memo, so a write never reads a fact it has just changed;
outside a request (tasks, services called from tests, the shell) every call computes afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import Any, TypeVar, cast

from django.http import HttpRequest, HttpResponse

T = TypeVar("T")

_memo: ContextVar[dict[Hashable, Any] | None] = ContextVar("request_memo", default=None)


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per reading request for ``key`` (a tuple naming the fact and its subjects)."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return cast(T, memo[key])


def remember(key: Hashable, value: Any) -> None:
    """Record a fact already known (a row found through the rule itself), so that asking it costs nothing."""
    memo = _memo.get()
    if memo is not None:
        memo[key] = value


class RequestMemoMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
