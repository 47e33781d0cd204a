"""While PostgreSQL or Redis is unreachable: 503 problem details on the API, a translated page on pages,
sockets closed with 4503, and /readyz naming the dependency. The dependencies are made really
unreachable (a port nobody listens on), nothing is mocked."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connections
from django.test import Client, override_settings

from platform_.outage import CLOSE_UNAVAILABLE
from tests.factories import UserFactory
from tests.realtime.factories import communicator, run, session_cookie


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def dead_redis_settings() -> dict[str, Any]:
    from django.conf import settings

    url = f"redis://127.0.0.1:{closed_port()}/0"
    caches = {"default": {**settings.CACHES["default"], "LOCATION": url}}
    layers = {"default": {**settings.CHANNEL_LAYERS["default"]}}
    layers["default"]["CONFIG"] = {**layers["default"]["CONFIG"], "hosts": [{"address": url}]}
    return {"REDIS_URL": url, "CACHES": caches, "CHANNEL_LAYERS": layers}


@pytest.fixture
def database_down(transactional_db: Any) -> Iterator[None]:
    """The default connection points at a port where no PostgreSQL listens, for the test's requests."""
    from asgiref.sync import SyncToAsync

    connection = connections["default"]
    connection.close()
    # Sockets' sessions are read in asgiref's one shared thread: its connection of an earlier test goes too.
    SyncToAsync.single_thread_executor.submit(connections.close_all).result()
    saved = dict(connection.settings_dict)
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


def assert_problem_503(response: Any, dependency: str) -> None:
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert int(response["Retry-After"]) > 0
    body = response.json()
    assert body["status"] == 503
    assert body["code"] == "unavailable"
    assert body["dependency"] == dependency


@pytest.mark.django_db
def test_api_answers_a_503_problem_detail_while_redis_is_down() -> None:
    with override_settings(**dead_redis_settings()):
        response = Client().get("/api/v1/clusters/")  # the anonymous throttle counts in Redis
    assert_problem_503(response, "redis")


def test_api_answers_a_503_problem_detail_while_the_database_is_down(database_down: None) -> None:
    response = Client().get("/api/v1/clusters/")
    assert_problem_503(response, "database")


def test_pages_show_a_translated_unavailable_page_while_the_database_is_down(database_down: None) -> None:
    client = Client(raise_request_exception=False)
    chinese = client.get("/clusters/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    english = client.get("/clusters/", HTTP_ACCEPT_LANGUAGE="en")
    for response in (chinese, english):
        assert response.status_code == 503
        assert response["Content-Type"].startswith("text/html")
        assert int(response["Retry-After"]) > 0
        assert 'data-testid="unavailable"' in response.content.decode()
    assert "Temporarily unavailable" in english.content.decode()
    assert "暂时无法使用" in chinese.content.decode()


def test_a_session_read_in_a_middleware_also_answers_503(database_down: None) -> None:
    """The session (in PostgreSQL) is read by the authentication middleware, before any view."""
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "x" * 32
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert "Temporarily unavailable" in response.content.decode()


def test_readyz_names_the_database_when_it_is_down(database_down: None) -> None:
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"].startswith("error: ")
    assert response.json()["checks"]["redis"] == "ok"


def test_readyz_reports_a_hanging_dependency_as_a_timeout_instead_of_waiting() -> None:
    """A Redis that accepts connections but never answers: the check is cut at the budget."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"redis://127.0.0.1:{silent.getsockname()[1]}/0"
        with override_settings(REDIS_URL=url):
            from platform_.health import readiness

            ready, checks = readiness()
    assert not ready
    assert checks["redis"] == "error: timeout"  # cut by the budget, not by the client's own timeout


@pytest.mark.django_db(transaction=True)
def test_sockets_are_closed_with_the_documented_code_while_redis_is_down() -> None:
    person = UserFactory.create()
    session = session_cookie(person)

    async def scenario() -> None:
        socket_ = communicator("/ws/notifications/", session=session)
        connected, _ = await socket_.connect(timeout=10)
        assert connected  # accepted, so that the browser sees the close code
        closed = await socket_.receive_output(timeout=10)
        assert closed == {"type": "websocket.close", "code": CLOSE_UNAVAILABLE}

    with override_settings(**dead_redis_settings()):
        run(scenario)


def test_sockets_are_closed_with_the_documented_code_while_the_database_is_down(database_down: None) -> None:
    async def scenario() -> None:
        socket_ = communicator("/ws/notifications/", session="y" * 32)
        connected, _ = await socket_.connect(timeout=10)
        assert connected
        closed = await socket_.receive_output(timeout=10)
        assert closed == {"type": "websocket.close", "code": CLOSE_UNAVAILABLE}

    run(scenario)
