"""Domain errors on pages are mapped once (platform_.page_errors): a refusal page with the error's status
for a read, a message and a redirect back to this site for an action."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.http import HttpResponse
from django.test import RequestFactory

from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.page_errors import DomainErrorMiddleware, domain_errors

pytestmark = pytest.mark.django_db


def _request(method: str, path: str = "/projects/1/", **data: Any) -> Any:
    factory = RequestFactory()
    request = factory.post(path, data) if method == "POST" else factory.get(path)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    return request


@pytest.mark.parametrize(("error", "status"), [(NotFound("gone"), 404), (NotAllowed("no"), 403), (Conflict("c"), 409)])
def test_a_read_answers_with_the_refusal_and_its_status(error: DomainError, status: int) -> None:
    middleware = DomainErrorMiddleware(lambda request: HttpResponse())
    response = middleware.process_exception(_request("GET"), error)
    assert response is not None
    assert response.status_code == status
    assert str(error.message) in response.content.decode()


def test_an_action_shows_the_refusal_on_the_page_it_returns_to() -> None:
    request = _request("POST", next="/projects/7/#qa")
    response = DomainErrorMiddleware(lambda request: HttpResponse()).process_exception(request, NotAllowed("Closed."))
    assert response is not None
    assert (response.status_code, response["Location"]) == (302, "/projects/7/#qa")
    assert [str(m) for m in get_messages(request)] == ["Closed."]


def test_an_action_never_returns_to_another_site() -> None:
    request = _request("POST", next="https://evil.example/")
    view = domain_errors(back=lambda pk: f"/projects/{pk}/")(lambda request, pk: (_ for _ in ()).throw(Conflict("x")))
    response = view(request, pk=3)
    assert response["Location"] == "/projects/3/"


def test_api_errors_are_left_to_the_api_handler() -> None:
    middleware = DomainErrorMiddleware(lambda request: HttpResponse())
    assert middleware.process_exception(_request("GET", "/api/v1/assets/"), NotFound("gone")) is None
