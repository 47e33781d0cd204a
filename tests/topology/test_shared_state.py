"""What one web process knows, the other knows too (the topology of test_topology.py, the same running
processes): an API key's rate limit is one budget over both, an Idempotency-Key posted to both (one after
the other, or at once) creates one object and gets one response, every call through either is in the call
log, and two editors of one document, one on each process, converge to the stored document. docs/scaling.md.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter
from typing import Any

import httpx
import pytest
import websockets
from pycrdt import Doc, Text, YMessageType, create_sync_message, create_update_message, handle_sync_message

from tests.faults.platform import WEBHOOK_URL
from tests.topology.platform import Topology

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

LIMIT = 8  # calls per hour of the throttled keys: an hour, so that a slow machine never refills the window


@pytest.fixture(scope="module")
def keys(topology: Topology, actors: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """API keys of the moderator's firm, one per test, so that no test spends another's budget or log."""
    return topology.django(
        "import json\n"
        "from platform_.api.keys import api_key_create\n"
        "from platform_.api.scopes import ALL_SCOPES\n"
        "from platform_.identity.models import Firm, User\n"
        "user = User.objects.get(email='owner@hangzhou-textile.demo.vc')\n"
        f"firm = Firm.objects.get(pk={actors['firm']})\n"
        f"rates = {{'throttled': '{LIMIT}/hour', 'raced': '{LIMIT}/hour', 'idempotent': '', 'logged': ''}}\n"
        "issued = {name: api_key_create(firm=firm, by=user, name=name, scopes=ALL_SCOPES, rate_limit=rate)"
        " for name, rate in rates.items()}\n"
        "print(json.dumps({name: {'token': one.token, 'id': one.key.pk} for name, one in issued.items()}))\n"
    )


def web_urls(topology: Topology) -> list[str]:
    return [topology.web_url(name) for name in topology.web_names]


def bearer(key: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {key['token']}", "Accept": "application/json"}


# --- throttles -------------------------------------------------------------------------------------------------


def test_an_api_keys_rate_limit_is_one_budget_over_both_web_processes(
    topology: Topology, keys: dict[str, dict[str, Any]]
) -> None:
    first, second = web_urls(topology)
    answers: list[tuple[str, int]] = []
    with httpx.Client(headers=bearer(keys["throttled"]), timeout=30) as client:
        for call in range(LIMIT + 4):
            url = (first, second)[call % 2]  # alternately: each process alone would admit them all
            response = client.get(url + "/api/v1/clusters/")
            answers.append((url, response.status_code))
            if response.status_code == 429:
                assert int(response.headers["Retry-After"]) >= 1
    assert [status for _, status in answers] == [200] * LIMIT + [429] * 4, answers
    # Both processes admitted calls, and both refused once the shared budget was spent.
    assert {url for url, status in answers if status == 200} == {first, second}
    assert {url for url, status in answers if status == 429} == {first, second}


def test_calls_racing_on_both_web_processes_never_pass_the_rate_limit(
    topology: Topology, keys: dict[str, dict[str, Any]]
) -> None:
    urls = web_urls(topology)

    async def burst() -> list[int]:
        async with httpx.AsyncClient(headers=bearer(keys["raced"]), timeout=60) as client:
            calls = [client.get(urls[call % 2] + "/api/v1/clusters/") for call in range(3 * LIMIT)]
            return [response.status_code for response in await asyncio.gather(*calls)]

    statuses = Counter(asyncio.run(burst()))
    assert set(statuses) <= {200, 429}, statuses
    # Racing calls at the limit may both be refused, never both admitted past it (platform_/api/throttling.py).
    assert 1 <= statuses[200] <= LIMIT, statuses
    for url in urls:  # and the budget is spent on both processes
        assert httpx.get(url + "/api/v1/clusters/", headers=bearer(keys["raced"]), timeout=30).status_code == 429


# --- idempotency keys ------------------------------------------------------------------------------------------


def endpoint_create(client: httpx.Client | httpx.AsyncClient, url: str, key: dict[str, Any], idempotency: str) -> Any:
    return client.post(
        url + "/api/v1/webhooks/endpoints/",
        json={"url": WEBHOOK_URL + idempotency, "events": ["asset.published"]},
        headers={**bearer(key), "Idempotency-Key": idempotency},
    )


def test_an_idempotency_key_posted_to_one_process_then_the_other_creates_once_and_replays(
    topology: Topology, keys: dict[str, dict[str, Any]]
) -> None:
    first, second = web_urls(topology)
    idempotency = uuid.uuid4().hex
    with httpx.Client(timeout=30) as client:
        created = endpoint_create(client, first, keys["idempotent"], idempotency)
        replayed = endpoint_create(client, second, keys["idempotent"], idempotency)
    assert created.status_code == 201, created.text[:300]
    assert "Idempotent-Replayed" not in created.headers
    assert replayed.status_code == 201, replayed.text[:300]
    assert replayed.headers["Idempotent-Replayed"] == "true"
    assert replayed.content == created.content
    assert replayed.headers.get("Location") == created.headers.get("Location")
    assert topology.stored([])["api"].get(idempotency) == 1


def test_an_idempotency_key_posted_to_both_processes_at_once_creates_one_object(
    topology: Topology, keys: dict[str, dict[str, Any]]
) -> None:
    urls = web_urls(topology)
    idempotency = uuid.uuid4().hex

    async def at_once() -> list[httpx.Response]:
        async with httpx.AsyncClient(timeout=60) as client:
            posts = [endpoint_create(client, urls[call % 2], keys["idempotent"], idempotency) for call in range(8)]
            return list(await asyncio.gather(*posts))

    responses = asyncio.run(at_once())
    assert [response.status_code for response in responses] == [201] * 8, [r.text[:200] for r in responses]
    assert len({response.content for response in responses}) == 1  # the same response to every one of them
    ran = [response for response in responses if "Idempotent-Replayed" not in response.headers]
    assert len(ran) == 1, "exactly one request ran the view; the others replayed its response"
    assert topology.stored([])["api"].get(idempotency) == 1


# --- the call log ----------------------------------------------------------------------------------------------


def test_every_call_through_either_process_is_in_the_call_log(
    topology: Topology, keys: dict[str, dict[str, Any]]
) -> None:
    first, second = web_urls(topology)
    made: Counter[tuple[str, int]] = Counter()
    with httpx.Client(headers=bearer(keys["logged"]), timeout=30) as client:
        for call in range(12):
            base = (first, second, topology.url)[call % 3]  # each process directly, and through the balancer
            path = ("/api/v1/clusters/", "/api/v1/memberships/", "/api/v1/clusters/999999999/")[call // 3 % 3]
            response = client.get(base + path)
            made[(path, response.status_code)] += 1
    assert {status for _, status in made} >= {200, 404}, made
    # The records wait in Redis until beat's flush (every 5 s) writes them: wait for all of them.
    logged = topology.django(
        "import json, time\n"
        "from platform_.api.models import ApiCall, ApiKey\n"
        f"key = {keys['logged']['id']}\n"
        "deadline = time.monotonic() + 90\n"
        f"while ApiCall.objects.filter(key_id=key).count() < {sum(made.values())} and time.monotonic() < deadline:\n"
        "    time.sleep(0.5)\n"
        "calls = list(ApiCall.objects.filter(key_id=key).values_list('method', 'endpoint', 'status'))\n"
        "print(json.dumps({'calls': calls, 'last_used': ApiKey.objects.get(pk=key).last_used_at is not None}))\n"
    )
    assert Counter((path, status) for method, path, status in logged["calls"] if method == "GET") == made
    assert len(logged["calls"]) == sum(made.values())  # each once
    assert logged["last_used"]


# --- co-editing ------------------------------------------------------------------------------------------------


class Editor:
    """A pycrdt client speaking y-websocket's protocol as the browser does (bench/coedit.py)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.doc: Doc[Text] = Doc()
        self.text = self.doc.get("codemirror", type=Text)
        self.typed: list[str] = []

    async def read(self, socket: Any) -> None:
        async for frame in socket:
            if isinstance(frame, bytes) and frame and frame[0] == YMessageType.SYNC:
                reply = handle_sync_message(frame[1:], self.doc)
                if reply is not None:
                    await socket.send(reply)

    async def type(self, socket: Any, keystrokes: int) -> None:
        for number in range(keystrokes):
            token = f"[{self.name}.{number}]"
            updates: list[bytes] = []
            subscription = self.doc.observe(lambda event, updates=updates: updates.append(event.update))
            self.text.insert(len(self.text), token)
            self.doc.unobserve(subscription)
            self.typed.append(token)
            await socket.send(create_update_message(updates[0]))
            await asyncio.sleep(0.02)


def test_two_editors_one_on_each_process_converge_to_the_stored_document(
    topology: Topology, actors: dict[str, Any]
) -> None:
    first, second = web_urls(topology)
    path = f"/ws/docs/cluster/{actors['cluster']}/notes/"
    run = uuid.uuid4().hex[:6]
    editors = [Editor(f"{run}-a"), Editor(f"{run}-b")]

    async def scenario() -> None:
        sockets = [
            await websockets.connect(
                base.replace("http://", "ws://") + path,
                additional_headers={"Origin": base, "Cookie": f"sessionid={session}"},
            )
            for base, session in ((first, actors["session"]), (second, actors["other_session"]))
        ]
        readers = [asyncio.create_task(editor.read(socket)) for editor, socket in zip(editors, sockets, strict=True)]
        try:
            for editor, socket in zip(editors, sockets, strict=True):
                await socket.send(create_sync_message(editor.doc))
            # Both type at the same time, each into its own process.
            await asyncio.gather(*(e.type(s, 40) for e, s in zip(editors, sockets, strict=True)))
            typed = [token for editor in editors for token in editor.typed]
            deadline = time.monotonic() + 30
            while not all(token in str(e.text) for e in editors for token in typed) or str(editors[0].text) != str(
                editors[1].text
            ):
                assert time.monotonic() < deadline, [str(editor.text)[-300:] for editor in editors]
                for reader in readers:
                    if reader.done():
                        reader.result()  # a socket that closed says why
                await asyncio.sleep(0.1)
        finally:
            for reader in readers:
                reader.cancel()
            for socket in sockets:
                await socket.close()

    asyncio.run(scenario())
    stored = topology.django(
        "import json\n"
        "from platform_.realtime.selectors import document_text\n"
        f"print(json.dumps(document_text(name='cluster.{actors['cluster']}.notes')))\n"
    )
    # Every keystroke of both is stored once, and both copies are exactly the stored document.
    for editor in editors:
        assert str(editor.text) == stored
        for token in editor.typed:
            assert stored.count(token) == 1, token
