"""A real platform for fault drills, started as ``make run`` starts it, and the load that runs against it.

``Platform`` runs ``python -m platform_.launch`` (supervisord with web, worker, beat and the embedded
PostgreSQL and Redis) in a directory of its own, on a free port, and reads and writes it as a user would:
the Django shell of that instance only prepares the actors (a session, an API key) and, afterwards,
counts what was stored. ``Load`` runs, side by side: a chat client that resends what the server has
not acknowledged (as static/js/room.js does), an API client creating with Idempotency-Key and retrying
what got no answer, and probes of /readyz and of a page every 250 ms. Every answer is classified:
normal, a 503 problem detail, the translated unavailable page, a documented close code, or wrong.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil
import websockets

ROOT = Path(__file__).resolve().parents[2]
CLOSE_UNAVAILABLE = 4503
# Close codes a chat socket may legitimately see while something is down or restarting: ours (4503),
# going away / service restart (the web server stopping), abnormal closure (the web process killed).
ALLOWED_CLOSE_CODES = {CLOSE_UNAVAILABLE, 1001, 1012, 1006, 1011}
WEBHOOK_URL = "https://partner.example.test/fault/"


def free_port(start: int = 18000, end: int = 18999) -> int:
    for port in random.sample(range(start, end), 200):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port for the web server")


class Platform:
    """``make run`` in a temporary directory, with helpers to reach and hurt its processes."""

    def __init__(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="vcf-", dir="/tmp"))  # short: socket paths
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.directory / "platform.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def environment(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"} and not key.startswith("PYTEST")
        }
        env.update(PLATFORM_LOCAL_DIR=str(self.directory), DEMO_ONLY="identity clusters", LOG_LEVEL="WARNING")
        return env

    def start(self, timeout: float = 300) -> None:
        with open(self.log_path, "ab") as log:  # append: supervisord reopens /dev/stdout with O_APPEND
            self.process = subprocess.Popen(
                [sys.executable, "-m", "platform_.launch", "--port", str(self.port)],
                cwd=ROOT, env=self.environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        while not self.ready():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the platform did not start:\n" + self.log_tail())
            time.sleep(0.5)
        for program in ("web", "worker", "beat", "postgres", "redis"):
            self.wait_running(program)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=90)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.directory, ignore_errors=True)

    def log_tail(self, characters: int = 6000) -> str:
        return self.log_path.read_text(errors="replace")[-characters:] if self.log_path.exists() else ""

    def ready(self) -> bool:
        try:
            return httpx.get(self.url + "/readyz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    # --- the supervised programs -------------------------------------------------------------------
    def ctl(self, *arguments: str) -> str:
        config = self.directory / "supervisor" / "supervisord.conf"
        binary = Path(sys.executable).parent / "supervisorctl"
        done = subprocess.run([str(binary), "-c", str(config), *arguments], capture_output=True, text=True, check=False)
        return done.stdout

    def pid(self, program: str) -> int:
        return int(self.ctl("pid", program).strip() or 0)

    def wait_running(self, program: str, *, other_than: int = 0, timeout: float = 120) -> int:
        """Wait until supervisord reports the program running (with a new pid); returns the pid."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.ctl("status", program)
            pid = self.pid(program)
            if "RUNNING" in status and pid and pid != other_than:
                return pid
            time.sleep(0.2)
        raise AssertionError(f"{program} was not started again:\n{self.log_tail()}")

    def kill(self, program: str, *, with_children: bool = False) -> int:
        """SIGKILL the program (a crash, an OOM kill), and its children too when asked; returns the old pid."""
        pid = self.pid(program)
        victims = [psutil.Process(pid)]
        if with_children:
            victims += victims[0].children(recursive=True)
        for victim in victims:
            victim.kill()
        return pid

    def freeze(self, program: str) -> int:
        """SIGSTOP: a hung server that accepts connections and never answers."""
        pid = self.pid(program)
        os.kill(pid, signal.SIGSTOP)
        return pid

    # --- the instance's own Django, for preparing actors and counting what was stored ---------------
    def django(self, code: str) -> Any:
        env = {
            **self.environment,
            "DJANGO_SETTINGS_MODULE": "platform_.settings.dev",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.server_port('postgres')}/platform",
            "REDIS_URL": f"redis://127.0.0.1:{self.server_port('redis')}/0",
        }
        done = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120,
        )  # fmt: skip
        return json.loads(done.stdout.strip().splitlines()[-1])

    def server_port(self, name: str) -> int:
        path = self.directory / name / "port"
        return int(path.read_text())

    def actors(self) -> dict[str, Any]:
        """A cluster moderator's session and room, and an API key of the moderator's firm."""
        return self.django(
            "import json\n"
            "from django.test import Client\n"
            "from clusters.models import ClusterMembership\n"
            "from platform_.api.keys import api_key_create\n"
            "from platform_.api.scopes import ALL_SCOPES\n"
            "from platform_.identity.models import User\n"
            "user = User.objects.get(email='owner@hangzhou-textile.demo.vc')\n"
            "membership = ClusterMembership.objects.filter(firm__members__user=user, status='active').first()\n"
            "firm = membership.firm\n"
            "client = Client(); client.force_login(user)\n"
            "key = api_key_create(firm=firm, by=user, name='fault drill', scopes=ALL_SCOPES)\n"
            "print(json.dumps({'session': client.cookies['sessionid'].value, 'cluster': membership.cluster_id,"
            " 'token': key.token}))\n"
        )

    def stored(self, client_ids: list[str]) -> dict[str, dict[str, int]]:
        """How many chat rows each client id has, and webhook endpoints each idempotency key made."""
        return self.django(
            "import json\n"
            "from django.db.models import Count\n"
            "from platform_.realtime.models import ChatMessage\n"
            "from platform_.api.models import WebhookEndpoint\n"
            f"ids = {client_ids!r}\n"
            "chat = dict(ChatMessage.objects.filter(client_id__in=ids).values_list('client_id')"
            ".annotate(n=Count('id')).values_list('client_id', 'n'))\n"
            "api = {}\n"
            f"urls = WebhookEndpoint.objects.filter(url__startswith={WEBHOOK_URL!r}).values_list('url', flat=True)\n"
            "for url in urls:\n"
            "    api[url.rsplit('/', 1)[1]] = api.get(url.rsplit('/', 1)[1], 0) + 1\n"
            "print(json.dumps({'chat': chat, 'api': api}))\n"
        )


@dataclass
class Observations:
    """What the load saw: acknowledged writes, every answer, and what was wrong."""

    chat_sent: set[str] = field(default_factory=set)
    chat_acked: set[str] = field(default_factory=set)
    api_sent: set[str] = field(default_factory=set)
    api_acked: set[str] = field(default_factory=set)
    close_codes: list[int] = field(default_factory=list)
    readyz_seconds: list[float] = field(default_factory=list)
    outage_answers: int = 0
    wrong: list[str] = field(default_factory=list)
    last_write_at: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def bad(self, what: str) -> None:
        with self.lock:
            self.wrong.append(what)


def classify_http(response: httpx.Response, *, kind: str, observed: Observations) -> None:
    """A normal answer, a 503 problem detail (API), the unavailable page (pages), or wrong."""
    if response.status_code < 500:
        return
    if response.status_code == 503:
        content_type = response.headers.get("content-type", "")
        if kind == "readyz" and content_type.startswith("application/json"):
            checks = response.json().get("checks", {})
            if any(value != "ok" for value in checks.values()):  # names the failing dependency
                observed.outage_answers += 1
                return
        if (
            kind == "api"
            and content_type == "application/problem+json"
            and response.headers.get("Retry-After")
            and response.json().get("code") == "unavailable"
        ):
            observed.outage_answers += 1
            return
        if kind == "page" and content_type.startswith("text/html") and 'data-testid="unavailable"' in response.text:
            observed.outage_answers += 1
            return
    observed.bad(f"{kind}: {response.status_code} {response.headers.get('content-type')} {response.text[:200]!r}")


class Load:
    """Chat, idempotent API writes and probes, each in a thread, until ``stop``; then ``drain``."""

    def __init__(self, platform: Platform, actors: dict[str, Any]) -> None:
        self.platform = platform
        self.actors = actors
        self.observed = Observations()
        self.stopping = threading.Event()
        self.drained = threading.Event()
        self.threads = [
            threading.Thread(target=self._chat, daemon=True),
            threading.Thread(target=self._api, daemon=True),
            threading.Thread(target=self._probe, daemon=True),
        ]

    def start(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def stop_and_drain(self, timeout: float = 60) -> Observations:
        """Stop making new writes, then let the clients resend until every write is acknowledged."""
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=timeout)
        return self.observed

    # --- chat: resend what was not acknowledged, like room.js -------------------------------------------
    def _chat(self) -> None:
        asyncio.run(self._chat_loop())

    async def _chat_loop(self) -> None:
        url = f"ws://127.0.0.1:{self.platform.port}/ws/rooms/cluster/{self.actors['cluster']}/"
        headers = {"Origin": self.platform.url, "Cookie": f"sessionid={self.actors['session']}"}
        outbox: dict[str, str] = {}
        attempt = 0
        deadline: float | None = None
        while True:
            if self.stopping.is_set():
                deadline = deadline or time.monotonic() + 60
                if not outbox or time.monotonic() > deadline:
                    return
            try:
                async with websockets.connect(url, additional_headers=headers, open_timeout=5) as ws:
                    welcome = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
                    if welcome.get("type") != "welcome":
                        self.observed.bad(f"chat: first frame {welcome!r}")
                    attempt = 0
                    for client_id, body in outbox.items():  # resend at reconnect
                        await ws.send(json.dumps({"type": "chat.send", "client_id": client_id, "body": body}))
                    await self._chat_session(ws, outbox)
            except websockets.ConnectionClosed as closed:
                code = closed.rcvd.code if closed.rcvd is not None else 1006
                self._closed(code)
            except websockets.InvalidStatus as refused:
                self.observed.bad(f"chat handshake: HTTP {refused.response.status_code}")
            except (OSError, TimeoutError, websockets.InvalidHandshake):
                pass  # the web server is down or restarting: no answer at all
            attempt += 1
            await asyncio.sleep(min(2.0, 0.1 * 2**attempt) * (0.5 + random.random() / 2))

    def _closed(self, code: int) -> None:
        self.observed.close_codes.append(code)
        if code not in ALLOWED_CLOSE_CODES:
            self.observed.bad(f"chat: close code {code}")

    async def _chat_session(self, ws: Any, outbox: dict[str, str]) -> None:
        next_send = time.monotonic()
        while not (self.stopping.is_set() and not outbox):
            now = time.monotonic()
            if now >= next_send and not self.stopping.is_set():
                client_id = uuid.uuid4().hex
                outbox[client_id] = f"fault drill {client_id[:8]}"
                self.observed.chat_sent.add(client_id)
                await ws.send(json.dumps({"type": "chat.send", "client_id": client_id, "body": outbox[client_id]}))
                next_send = now + 0.3
            try:
                frame = json.loads(await asyncio.wait_for(ws.recv(), timeout=0.3))
            except TimeoutError:
                continue
            if frame.get("type") == "chat.ack":
                outbox.pop(frame["client_id"], None)
                self.observed.chat_acked.add(frame["client_id"])
                self.observed.last_write_at = time.monotonic()
            elif frame.get("type") == "error" and frame.get("code") not in {"rate_limited", "unavailable"}:
                self.observed.bad(f"chat: error frame {frame!r}")

    # --- API: create with an Idempotency-Key, retry the same key until answered ------------------------------
    def _api(self) -> None:
        headers = {"Authorization": f"Bearer {self.actors['token']}", "Accept": "application/json"}
        pending: list[str] = []
        deadline: float | None = None
        with httpx.Client(base_url=self.platform.url, timeout=10) as client:
            while True:
                if self.stopping.is_set():
                    deadline = deadline or time.monotonic() + 60
                    if not pending or time.monotonic() > deadline:
                        return
                elif not pending:
                    pending.append(uuid.uuid4().hex)
                key = pending[0]
                self.observed.api_sent.add(key)
                body = {"url": WEBHOOK_URL + key, "events": ["asset.published"]}
                try:
                    response = client.post(
                        "/api/v1/webhooks/endpoints/", json=body, headers={**headers, "Idempotency-Key": key}
                    )
                except httpx.HTTPError:
                    time.sleep(0.3)
                    continue
                classify_http(response, kind="api", observed=self.observed)
                if response.status_code == 201:
                    pending.pop(0)
                    self.observed.api_acked.add(key)
                    self.observed.last_write_at = time.monotonic()
                elif response.status_code < 500:
                    self.observed.bad(f"api: {response.status_code} {response.text[:200]!r}")
                    pending.pop(0)
                time.sleep(0.25)

    # --- probes: /readyz within a second, a page ----------------------------------------------------------------
    def _probe(self) -> None:
        """/readyz on a connection of its own (a page stuck behind a dead database must not delay it)."""
        with (
            httpx.Client(base_url=self.platform.url, timeout=5) as probes,
            httpx.Client(base_url=self.platform.url, timeout=5) as pages,
        ):
            while not self.stopping.is_set():
                started = time.monotonic()
                try:
                    response = probes.get("/readyz")
                    self.observed.readyz_seconds.append(time.monotonic() - started)
                    classify_http(response, kind="readyz", observed=self.observed)
                except httpx.TimeoutException:
                    self.observed.readyz_seconds.append(time.monotonic() - started)
                except httpx.HTTPError:
                    pass  # the web server itself is down
                try:
                    page = pages.get("/clusters/", headers={"Accept-Language": "en"})
                    classify_http(page, kind="page", observed=self.observed)
                except httpx.HTTPError:
                    pass  # down, or queued behind requests waiting on a hung database (timeouts, not answers)
                time.sleep(max(0.0, 0.25 - (time.monotonic() - started)))
