"""Benchmark of co-editing under a crowd: N editors join one document at the same moment and type.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vc_rtperf REDIS_URL=redis://127.0.0.1:6379/13 \\
        .venv/bin/python -m bench.coedit [--editors 20,50] [--seconds 5] [--rate 10]

One uvicorn process serves the ASGI application as ``make run`` starts it (see
bench/realtime_room.py); the editors are pycrdt clients in this process (``websockets`` on
uvloop) speaking y-websocket's protocol as the browser does: on opening, a sync step 1 and the
editor's awareness; step 1s are answered with step 2; updates and step 2s are applied. Every
editor connects at the same moment and at once types ``--rate`` keystrokes a second (each an
update and a cursor move) for ``--seconds`` seconds. No editor ever sends a periodic resync.

Reported per crowd size:

- **settled**: seconds from the last keystroke until every keystroke is stored and every
  editor's copy equals the stored document (judged every 0.5 s, for ``--quiet`` seconds at most);
- **lost**: keystrokes missing from the stored document, and keystrokes missing from any
  editor's copy, when settled or given up (both must be 0);
- **converged**: editors whose copy equals the stored document;
- **edit-to-visible** p50/p95/p99: from a keystroke's update being sent to its text appearing
  in another editor's copy (each keystroke timed at every other editor);
- **dropped**: messages the channel layer dropped for overflowing sockets (server log).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from typing import Any

import httpx
import uvloop
from asgiref.sync import sync_to_async
from pycrdt import Doc, Text, YMessageType, create_sync_message, create_update_message, handle_sync_message

from bench.realtime_room import PORT, ROOT, open_socket, percentile, prepare
from platform_.realtime import awareness
from platform_.realtime.selectors import document_text

TOKEN = re.compile(r"\[(\d+)\.(\d+)\]")


def start_server(log: Any) -> subprocess.Popen[bytes]:
    """As bench.realtime_room starts it, with the server's log kept to count dropped messages."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "platform_.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(PORT),
            "--ws-max-size",
            "1048576",
            "--ws-per-message-deflate",
            "false",
            "--log-level",
            "warning",
            "--timeout-graceful-shutdown",
            "2",
        ],
        cwd=ROOT,
        env={**os.environ, "DB_POOL": "1", "SERVER_GC_TUNING": "1"},
        stderr=log,
    )
    for _ in range(600):
        try:
            httpx.get(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


class Editor:
    def __init__(self, number: int, sent: dict[str, float], latencies: list[float]) -> None:
        self.number = number
        self.sent = sent
        self.latencies = latencies
        self.doc: Doc[Text] = Doc()
        self.text = self.doc.get("codemirror", type=Text)
        self.text.observe(self.seen)
        self.typed: list[str] = []
        self.done = asyncio.Event()  # set once this editor has typed its last keystroke

    def seen(self, event: Any) -> None:
        now = time.perf_counter()
        for change in event.delta:
            inserted = change.get("insert")
            if isinstance(inserted, str):
                for writer, key in TOKEN.findall(inserted):
                    if int(writer) != self.number:
                        self.latencies.append(now - self.sent[f"[{writer}.{key}]"])

    async def read(self, socket: Any) -> None:
        async for frame in socket:
            if isinstance(frame, bytes) and frame and frame[0] == YMessageType.SYNC:
                reply = handle_sync_message(frame[1:], self.doc)
                if reply is not None:
                    await socket.send(reply)

    async def run(self, path: str, session: str, seconds: float, rate: float, stop: asyncio.Event) -> None:
        async with open_socket(path, session) as socket:
            reader = asyncio.create_task(self.read(socket))
            await socket.send(create_sync_message(self.doc))
            client = 10_000 + self.number
            await socket.send(awareness.encode({client: (1, f'{{"user":{{"name":"B{self.number}"}}}}')}))
            await asyncio.sleep(random.random() / rate)
            for key in range(int(seconds * rate)):
                token = f"[{self.number}.{key}]"
                updates: list[bytes] = []
                subscription = self.doc.observe(lambda event, updates=updates: updates.append(event.update))
                self.text.insert(len(self.text), token)
                self.doc.unobserve(subscription)
                self.sent[token] = time.perf_counter()
                self.typed.append(token)
                await socket.send(create_update_message(updates[0]))
                await socket.send(awareness.encode({client: (key + 2, f'{{"cursor":{len(self.text)}}}')}))
                await asyncio.sleep(1 / rate)
            self.done.set()
            await stop.wait()
            reader.cancel()


async def crowd(editors: int, seconds: float, rate: float, quiet: float) -> dict[str, Any]:
    cluster, sessions = await sync_to_async(prepare)(editors)
    path = f"/ws/docs/cluster/{cluster}/notes/"
    sent: dict[str, float] = {}
    latencies: list[float] = []
    people = [Editor(number, sent, latencies) for number in range(editors)]
    stop = asyncio.Event()
    tasks = [
        asyncio.create_task(person.run(path, session, seconds, rate, stop))
        for person, session in zip(people, sessions, strict=True)
    ]
    await asyncio.gather(*(person.done.wait() for person in people))
    typed_by = time.perf_counter()
    # Settled: every keystroke stored and every editor's copy equal to the stored document; a
    # loaded server settles late, a lossy one never (judged after ``quiet`` seconds at most).
    while True:
        await asyncio.sleep(0.5)
        stored = await sync_to_async(document_text)(name=f"cluster.{cluster}.notes")
        typed = [token for person in people for token in person.typed]
        settled = all(token in stored for token in typed) and all(str(p.text) == stored for p in people)
        if settled or time.perf_counter() - typed_by > quiet:
            break
    settle = time.perf_counter() - typed_by
    stop.set()
    await asyncio.gather(*tasks)
    return {
        "editors": editors,
        "settle": settle,
        "keystrokes": len(typed),
        "lost_stored": sum(1 for token in typed if token not in stored),
        "lost_at_editors": sum(1 for person in people for token in typed if token not in str(person.text)),
        "converged": sum(1 for person in people if str(person.text) == stored),
        "latencies": latencies,
        "expected_deliveries": len(typed) * (editors - 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--editors", default="20,50")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rate", type=float, default=10.0)
    parser.add_argument("--quiet", type=float, default=30.0, help="seconds to wait at most for everyone to settle")
    options = parser.parse_args()
    with tempfile.TemporaryFile() as log:
        server = start_server(log)
        try:
            for editors in (int(size) for size in options.editors.split(",")):
                log.seek(0, os.SEEK_END)
                before = log.tell()
                load = os.getloadavg()[0]
                result = uvloop.run(crowd(editors, options.seconds, options.rate, options.quiet))
                log.seek(before)
                server_log = log.read()
                dropped = server_log.count(b"message dropped")
                errors = server_log.count(b"Traceback")
                ms = [value * 1000 for value in result["latencies"]]
                print(
                    f"{editors} editors, {options.rate:g} keys/s for {options.seconds:g} s "
                    f"(load average {load:.2f} before, {os.getloadavg()[0]:.2f} after): "
                    f"{result['keystrokes']} keystrokes, settled {result['settle']:.1f} s after the last, "
                    f"lost in store {result['lost_stored']}, "
                    f"lost at editors {result['lost_at_editors']}, converged {result['converged']}/{editors}, "
                    f"dropped by the layer {dropped}, server errors {errors}, "
                    f"deliveries {len(ms)}/{result['expected_deliveries']}, "
                    f"edit-to-visible p50 {percentile(ms, 0.5):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms, "
                    f"p99 {percentile(ms, 0.99):.1f} ms",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
