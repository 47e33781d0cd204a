"""Bad input at the edges (issue 13, finding 6): a 400 problem detail, a 400 page or an error frame, never a
500 or a dropped socket. Query strings and form bodies are checked in one middleware
(``platform_.input.BadInputMiddleware``), cursors by the API's pagination, frames by ``platform_.input.frame_*``."""

from __future__ import annotations

import json
from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.test import Client

from tests.api.factories import bearer, issue_key
from tests.factories import ClusterFactory, active_member
from tests.realtime.factories import communicator, run, session_cookie

NUL_QUERIES = [
    "/api/v1/clusters/?sector=%00",
    "/api/v1/clusters/?capability=%00",
    "/api/v1/assets/?category=%00",
    "/api/v1/assets/?q=%00",
    "/api/v1/projects/?q=a%00b",
    "/api/v1/clusters/?sector=%ff%fe",  # not UTF-8
    "/api/v1/clusters/?sector=%ed%a0%80",  # an encoded lone surrogate
    "/api/v1/clusters/?%00=1",  # in a name, not a value
]
BAD_PAGE_QUERIES = ["/projects/?q=%00", "/knowledge/?q=%00", "/clusters/?q=%ed%a0%80", "/projects/?q=%c3"]


@pytest.fixture
def api_client(db: Any) -> Client:
    key = issue_key()
    return Client(**bearer(key.token))


@pytest.mark.parametrize("path", NUL_QUERIES)
def test_bad_query_in_the_api_is_a_400_problem(api_client: Client, path: str) -> None:
    response = api_client.get(path)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == 400
    assert body["code"] == "bad_input"


def test_bad_query_in_the_api_is_refused_for_anonymous_callers_too(db: Any) -> None:
    response = Client().get("/api/v1/clusters/?sector=%00")
    assert response.status_code == 400
    assert response.json()["code"] == "bad_input"


@pytest.mark.parametrize("path", BAD_PAGE_QUERIES)
def test_bad_query_on_a_page_is_a_translated_400_page(db: Any, path: str) -> None:
    zh = Client().get(path)
    assert zh.status_code == 400
    assert zh["Content-Type"].startswith("text/html")
    assert "请求中包含无法处理的字符" in zh.content.decode()
    en = Client(HTTP_ACCEPT_LANGUAGE="en").get(path)
    assert en.status_code == 400
    assert "The request holds characters that cannot be processed" in en.content.decode()


def test_nul_in_a_form_body_is_a_400_page(db: Any) -> None:
    response = Client().post("/accounts/login/", {"login": "a\x00b@example.com", "password": "x"})
    assert response.status_code == 400


def test_nul_in_an_api_form_body_is_a_400_problem(api_client: Client) -> None:
    response = api_client.post("/api/v1/assets/", {"title_en": "a\x00b"})
    assert response.status_code == 400
    assert response.json()["code"] == "bad_input"


def test_good_query_still_passes(api_client: Client) -> None:
    assert api_client.get("/api/v1/clusters/?q=%E7%BA%BA%E7%BB%87").status_code == 200
    assert Client().get("/projects/?q=%E7%BA%BA%E7%BB%87").status_code == 200


# Not base64; p=abc (text for an id); p=NUL; bytes that are not UTF-8.
BAD_CURSORS = ["junk", "%00", "cD1hYmM%3D", "cD0A", "%ff%ff"]


@pytest.mark.parametrize("cursor", BAD_CURSORS)
def test_malformed_cursor_is_a_400_problem(api_client: Client, cursor: str) -> None:
    response = api_client.get(f"/api/v1/clusters/?cursor={cursor}")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400
    assert body["code"] in {"bad_input", "invalid"}


def test_every_list_documents_a_400(db: Any) -> None:
    schema = Client().get("/api/schema/?format=json").json()
    lists = [
        (path, operation)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if method == "get" and any(p.get("name") == "cursor" for p in operation.get("parameters", []))
    ]
    assert lists
    for path, operation in lists:
        assert "400" in operation["responses"], path


# --- sockets ---------------------------------------------------------------------------------------


async def _enter(cluster: Any, user: Any) -> Any:
    socket = communicator(
        f"/ws/rooms/cluster/{cluster.pk}/", session=await database_sync_to_async(session_cookie)(user)
    )
    connected, _code = await socket.connect()
    assert connected
    assert (await socket.receive_json_from(timeout=5))["type"] == "welcome"
    return socket


async def _next_of(socket: Any, kind: str) -> dict[str, Any]:
    while True:
        frame = await socket.receive_json_from(timeout=5)
        if frame["type"] == kind:
            return frame


BAD_FRAMES = {
    "read id above bigint": json.dumps({"type": "read", "id": 2**63}),
    "read id below bigint": json.dumps({"type": "read", "id": -(2**63) - 1}),
    "read id a boolean": json.dumps({"type": "read", "id": True}),
    "history before above bigint": json.dumps({"type": "history", "before": 10**30}),
    "history before a float": json.dumps({"type": "history", "before": 1.5}),
    "chat body with NUL": json.dumps({"type": "chat.send", "client_id": "c1", "body": "a\u0000b"}),
    "chat body a lone surrogate": '{"type": "chat.send", "client_id": "c2", "body": "a\\ud800b"}',
    "client id with NUL": json.dumps({"type": "chat.send", "client_id": "c\u0000", "body": "hello"}),
    "client id a lone surrogate": '{"type": "chat.send", "client_id": "\\udfff", "body": "hello"}',
    "client id too long": json.dumps({"type": "chat.send", "client_id": "c" * 5000, "body": "hello"}),
    "body not a string": json.dumps({"type": "chat.send", "client_id": "c3", "body": {"x": 1}}),
    "type with NUL": json.dumps({"type": "chat.send\u0000"}),
    "not an object": json.dumps([1, 2]),
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("frame", list(BAD_FRAMES.values()), ids=list(BAD_FRAMES))
def test_bad_frame_gets_an_error_frame_and_the_socket_stays_open(frame: str) -> None:
    cluster = ClusterFactory.create()
    _firm, member = active_member(cluster)

    async def scenario() -> None:
        socket = await _enter(cluster, member)
        await socket.send_to(text_data=frame)
        error = await _next_of(socket, "error")
        assert error["code"] in {"malformed", "empty", "client_id"}
        # Still open: the next good frame is answered.
        await socket.send_json_to({"type": "chat.send", "client_id": "after", "body": "still here"})
        ack = await _next_of(socket, "chat.ack")
        assert "still here" in ack["message"]["html"]
        await socket.disconnect()

    run(scenario)


@pytest.mark.django_db(transaction=True)
def test_bad_query_under_asgi_is_a_400_and_good_text_passes() -> None:
    """Production serves ASGI, where Django hands the query string over already decoded."""
    from django.test import AsyncClient

    async def scenario() -> tuple[int, int]:
        client = AsyncClient()
        bad = await client.get("/api/v1/clusters/?sector=%00")
        good = await client.get("/api/v1/clusters/?q=%E7%BA%BA%E7%BB%87")
        return bad.status_code, good.status_code

    assert run(scenario) == (400, 200)


def test_text_already_decoded_is_judged_as_text() -> None:
    from platform_.input import BadInput, urlencoded_check

    urlencoded_check("q=纺织&sector=C17")  # an ASGI query string holds text, not latin-1 bytes
    with pytest.raises(BadInput):
        urlencoded_check("q=纺织%00")


def test_a_content_length_that_is_not_a_number_is_a_400_not_a_500(client: Any) -> None:
    response = client.generic(
        "POST", "/api/v1/assets/", b"a=b", content_type="application/x-www-form-urlencoded", CONTENT_LENGTH="abc"
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
