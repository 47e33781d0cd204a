"""Real ASGI servers for tests: uvicorn subprocesses on free ports, against the test database and Redis."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.factories import database_url_of_test_db

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, port: int | None = None, env: dict[str, str] | None = None) -> None:
        self.port = port or free_port()
        self.env = env or {}  # overrides, e.g. the settings module `make run` uses
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self) -> Server:
        return self.spawn().wait_ready()

    def spawn(self) -> Server:
        env = {
            **os.environ,
            "DATABASE_URL": database_url_of_test_db(),
            "DJANGO_SETTINGS_MODULE": "tests.realtime.server_settings",
            "PYTHONPATH": str(ROOT),
            "DB_POOL": "1",  # as make run starts it
            "SERVER_GC_TUNING": "1",
            **self.env,
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "platform_.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--ws-max-size",
                "1048576",
                "--log-level",
                "warning",
                "--timeout-graceful-shutdown",
                "2",
            ],
            cwd=ROOT,
            env=env,
        )
        return self

    def wait_ready(self) -> Server:
        assert self.process is not None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code < 500:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


@contextmanager
def running(count: int = 1) -> Iterator[list[Server]]:
    servers = [Server() for _ in range(count)]
    try:
        for server in servers:
            server.spawn()
        for server in servers:
            server.wait_ready()
        yield servers
    finally:
        for server in servers:
            server.stop()
