"""Facts are remembered for one reading request only: never across requests, never while writing, never outside."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.test import RequestFactory

from platform_.request_memo import RequestMemoMiddleware, remember, remembered


def _counting() -> tuple[list[int], Any]:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    return calls, compute


def _serve(method: str, view: Any) -> None:
    request = getattr(RequestFactory(), method)("/")
    RequestMemoMiddleware(lambda _request: view() or HttpResponse())(request)


def test_a_reading_request_computes_a_fact_once() -> None:
    calls, compute = _counting()
    _serve("get", lambda: [remembered(("fact", 1), compute) for _ in range(3)] and None)
    assert len(calls) == 1


def test_each_request_computes_afresh() -> None:
    calls, compute = _counting()
    _serve("get", lambda: remembered(("fact", 1), compute) and None)
    _serve("get", lambda: remembered(("fact", 1), compute) and None)
    assert len(calls) == 2


def test_a_writing_request_never_remembers() -> None:
    calls, compute = _counting()
    _serve("post", lambda: [remembered(("fact", 1), compute) for _ in range(3)] and None)
    assert len(calls) == 3


def test_outside_a_request_every_call_computes() -> None:
    _calls, compute = _counting()
    remember(("fact", 1), 99)
    assert remembered(("fact", 1), compute) == 1
    assert remembered(("fact", 1), compute) == 2


def test_a_fact_recorded_during_the_request_is_not_asked_again() -> None:
    calls, compute = _counting()
    seen: list[int] = []

    def view() -> None:
        remember(("fact", 1), 42)
        seen.append(remembered(("fact", 1), compute))

    _serve("get", view)
    assert seen == [42]
    assert calls == []
