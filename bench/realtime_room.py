"""Benchmark of live rooms: chat delivery to one room of 100, 500 and 1,000 sockets beside a bare
channel-layer ``group_send`` in the same run, and 10,000 connect/disconnect cycles against the
server's memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vc_realtime REDIS_URL=redis://127.0.0.1:6379/6 \\
        .venv/bin/python -m bench.realtime_room [--sizes 100,500,1000] [--cycles 10000]

Latency is measured one message at a time (the next is sent once every socket has the
previous one), throughput with a burst of 50 messages from 10 senders. One uvicorn process
serves the ASGI application exactly as ``make run`` does; the sockets are clients in this
process (``websockets``). A chat message goes through the whole path: the frame, the rate
limit, the row committed in PostgreSQL, the acknowledgement, the group send through Redis
and the frame to every socket of the room.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")
os.environ.setdefault("DEBUG", "false")

import django

django.setup()
# Cancelling the bare layer's readers at the end of a run logs one traceback per channel.
logging.getLogger("channels_redis.pubsub").setLevel(logging.CRITICAL)

import httpx  # noqa: E402
import psutil  # noqa: E402
import uvloop  # noqa: E402
from channels.layers import get_channel_layer  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from clusters.models import Cluster, ClusterMembership, ClusterStatus, MembershipStatus  # noqa: E402
from platform_.identity.models import Firm, FirmMember, Sector, User  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PACED_MESSAGES = 30
PACE_SECONDS = 0.05
BURST_SENDERS = 10
BURST_PER_SENDER = 5


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def prepare(people: int) -> tuple[int, list[str]]:
    """A fresh cluster whose one member firm has ``people`` people, each with a session."""
    stamp = uuid.uuid4().hex[:8]
    sector = Sector.objects.order_by("code").first() or Sector.objects.create(
        code="17", section="C", name_zh="纺织业", name_en="Textiles"
    )
    firm = Firm.objects.create(
        name_zh=f"基准企业{stamp}",
        name_en=f"Bench {stamp}",
        credit_code=("91330100" + stamp.upper() + "XX")[:18],
        province="33",
        city="杭州",
    )
    firm.sectors.set([sector])
    cluster = Cluster.objects.create(
        name_en=f"Bench room {stamp}",
        slug=f"bench-{stamp}",
        theme="bench",
        proposed_by=firm,
        status=ClusterStatus.APPROVED,
    )
    ClusterMembership.objects.create(cluster=cluster, firm=firm, status=MembershipStatus.ACTIVE)
    users = User.objects.bulk_create(
        User(email=f"bench-{stamp}-{i}@bench.test", display_name=f"B{i}", password="!") for i in range(people)
    )
    FirmMember.objects.bulk_create(FirmMember(firm=firm, user=user, role="member") for user in users)
    sessions = []
    for user in users:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions.append(store.session_key)
    return cluster.pk, sessions


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


PORT = free_port()


def start_server() -> subprocess.Popen[bytes]:
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
            # Chat frames are small: compressing each one separately for every socket of a room
            # cost more CPU than the rest of the fan-out (see docs/performance.md).
            "--ws-per-message-deflate",
            "false",
            "--log-level",
            "warning",
            "--timeout-graceful-shutdown",
            "2",
        ],
        cwd=ROOT,
        env={**os.environ, "DB_POOL": "1"},  # as make run starts it
    )
    for _ in range(600):
        try:
            httpx.get(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


def open_socket(path: str, session: str) -> Any:
    return connect(
        f"ws://127.0.0.1:{PORT}{path}",
        origin=f"http://127.0.0.1:{PORT}",
        additional_headers={"Cookie": f"sessionid={session}"},
        max_queue=None,
        open_timeout=60,
    )


async def until(socket: Any, kind: str) -> dict[str, Any]:
    while True:
        frame = json.loads(await socket.recv())
        if frame["type"] == kind:
            return frame


async def until_count(values: list[float], count: int, timeout: float = 60) -> None:
    """Wait until ``values`` holds ``count`` entries; fail loudly rather than hang on a lost frame."""
    deadline = time.perf_counter() + timeout
    while len(values) < count:
        if time.perf_counter() > deadline:
            raise RuntimeError(f"only {len(values)} of {count} deliveries after {timeout} s")
        await asyncio.sleep(0.005)


async def room_run(cluster_id: int, sessions: list[str]) -> dict[str, float]:
    """Latency of paced messages and the rate of a burst, measured at every socket of the room."""
    path = f"/ws/rooms/cluster/{cluster_id}/"
    receivers_sessions, senders_sessions = sessions[:-BURST_SENDERS], sessions[-BURST_SENDERS:]
    sent_at: dict[str, float] = {}
    latencies: list[float] = []
    slowest: dict[str, float] = {}  # per message: its latest delivery
    arrivals: list[float] = []
    expected = asyncio.Event()
    total_expected = len(receivers_sessions) * (PACED_MESSAGES + BURST_SENDERS * BURST_PER_SENDER)

    last_frame = [time.perf_counter()]
    present: dict[int, int] = {}  # per socket: people in the last presence frame it handled

    async def receive(socket: Any) -> None:
        async for raw in socket:
            frame = json.loads(raw)
            last_frame[0] = time.perf_counter()
            if frame["type"] == "presence":
                present[id(socket)] = len(frame["presence"])
            if frame["type"] == "chat.message":
                now = time.perf_counter()
                client_id = frame["message"]["client_id"]
                latencies.append(now - sent_at[client_id])
                slowest[client_id] = max(slowest.get(client_id, 0.0), now - sent_at[client_id])
                arrivals.append(now)
                if len(latencies) >= total_expected:
                    expected.set()

    sockets = []
    for start in range(0, len(receivers_sessions), 50):  # connect in waves, as a room fills
        batch = [open_socket(path, s) for s in receivers_sessions[start : start + 50]]
        opened = await asyncio.gather(*(b.__aenter__() for b in batch))
        await asyncio.gather(*(until(s, "welcome") for s in opened))
        sockets.extend(opened)
    senders = [await open_socket(path, s).__aenter__() for s in senders_sessions]
    for sender in senders:
        await until(sender, "welcome")
    readers = [asyncio.create_task(receive(s)) for s in sockets]
    acks: list[float] = []
    drains = [asyncio.create_task(drain(s, sent_at, acks)) for s in senders]
    # Measure once every socket has handled the presence frame listing everyone: the joins
    # send each socket a presence list of up to 1,000 people, and a client still parsing that
    # backlog delays the first message by seconds (measured: the server idle meanwhile).
    deadline = time.perf_counter() + 120
    while sum(1 for count in present.values() if count == len(sessions)) < len(sockets):
        if time.perf_counter() > deadline:
            raise RuntimeError("the room's presence never reached every socket")
        await asyncio.sleep(0.1)
    while time.perf_counter() - last_frame[0] < 1.5:
        await asyncio.sleep(0.1)
    # One warm-up message, reported apart (the first in a fresh server renders Markdown cold).
    client_id = uuid.uuid4().hex
    sent_at[client_id] = time.perf_counter()
    await senders[0].send(json.dumps({"type": "chat.send", "client_id": client_id, "body": "warm-up"}))
    await until_count(latencies, len(receivers_sessions))
    warmup = {"ack": acks[0] * 1000 if acks else float("nan"), "last": max(latencies) * 1000}
    latencies.clear()
    arrivals.clear()
    slowest.clear()
    sent_at.clear()
    acks.clear()
    await asyncio.sleep(1)

    # Latency: one message at a time, the next once every socket has the previous one.
    for i in range(PACED_MESSAGES):
        client_id = uuid.uuid4().hex
        sent_at[client_id] = time.perf_counter()
        await senders[i % len(senders)].send(json.dumps({"type": "chat.send", "client_id": client_id, "body": "hi"}))
        await until_count(latencies, len(receivers_sessions) * (i + 1))
        await asyncio.sleep(PACE_SECONDS)
    paced_latencies = list(latencies)
    paced_acks = list(acks)
    paced_slowest = sorted(slowest.values())
    late_messages = [index for index, client_id in enumerate(sent_at) if slowest.get(client_id, 0) > 1]

    burst_start = time.perf_counter()
    for _round in range(BURST_PER_SENDER):
        for sender in senders:
            client_id = uuid.uuid4().hex
            sent_at[client_id] = time.perf_counter()
            await sender.send(json.dumps({"type": "chat.send", "client_id": client_id, "body": "burst"}))
    await asyncio.wait_for(expected.wait(), timeout=300)
    burst_seconds = max(arrivals) - burst_start
    for task in readers + drains:
        task.cancel()
    await asyncio.gather(*(s.close() for s in sockets + senders), return_exceptions=True)
    burst_messages = BURST_SENDERS * BURST_PER_SENDER
    return {
        "p50": statistics.median(paced_latencies) * 1000,
        "p99": percentile(paced_latencies, 0.99) * 1000,
        "ack_p50": statistics.median(paced_acks) * 1000,
        "late": sum(1 for latency in paced_latencies if latency > 1),
        "slowest": paced_slowest[-1] * 1000,
        "slowest_p50": statistics.median(paced_slowest) * 1000,
        "late_messages": late_messages,
        "warmup_ack": warmup["ack"],
        "warmup_last": warmup["last"],
        "messages_per_s": burst_messages / burst_seconds,
        "deliveries_per_s": burst_messages * len(receivers_sessions) / burst_seconds,
    }


async def drain(socket: Any, sent_at: dict[str, float], acks: list[float]) -> None:
    """A sender's own socket: the acknowledgement comes once the message is committed."""
    async for raw in socket:
        frame = json.loads(raw)
        if frame["type"] == "chat.ack":
            acks.append(time.perf_counter() - sent_at[frame["client_id"]])


async def bare_layer_run(size: int) -> dict[str, float]:
    """The same pattern straight through the channel layer: ``group_send`` to ``size`` channels."""
    layer = get_channel_layer()
    group = f"bench.{uuid.uuid4().hex}"
    channels = [await layer.new_channel() for _ in range(size)]
    for channel in channels:
        await layer.group_add(group, channel)
    latencies: list[float] = []
    arrivals: list[float] = []
    total = size * (PACED_MESSAGES + BURST_SENDERS * BURST_PER_SENDER)
    done = asyncio.Event()

    async def receive(channel: str) -> None:
        while True:
            message = await layer.receive(channel)
            now = time.perf_counter()
            latencies.append(now - message["sent"])
            arrivals.append(now)
            if len(latencies) >= total:
                done.set()

    readers = [asyncio.create_task(receive(c)) for c in channels]
    await asyncio.sleep(0.5)
    for i in range(PACED_MESSAGES):
        await layer.group_send(group, {"type": "chat.message", "sent": time.perf_counter()})
        while len(latencies) < size * (i + 1):
            await asyncio.sleep(0.005)
        await asyncio.sleep(PACE_SECONDS)
    paced = list(latencies)
    burst_start = time.perf_counter()
    for _ in range(BURST_SENDERS * BURST_PER_SENDER):
        await layer.group_send(group, {"type": "chat.message", "sent": time.perf_counter()})
    await asyncio.wait_for(done.wait(), timeout=300)
    burst_seconds = max(arrivals) - burst_start
    for task in readers:
        task.cancel()
    for channel in channels:
        await layer.group_discard(group, channel)
    return {
        "p50": statistics.median(paced) * 1000,
        "p99": percentile(paced, 0.99) * 1000,
        "messages_per_s": BURST_SENDERS * BURST_PER_SENDER / burst_seconds,
        "deliveries_per_s": BURST_SENDERS * BURST_PER_SENDER * size / burst_seconds,
    }


async def cycles_run(cluster_id: int, sessions: list[str], cycles: int, server: psutil.Process) -> dict[str, float]:
    """Connect, receive the welcome, disconnect; RSS after a warm-up and at the end."""
    path = f"/ws/rooms/cluster/{cluster_id}/"
    concurrency = 20
    done = 0
    warmup = min(1000, cycles // 10)
    rss_warm = 0.0

    async def worker(index: int) -> None:
        nonlocal done, rss_warm
        while done < cycles:
            done += 1
            if done == warmup:
                await asyncio.sleep(1)
                rss_warm = server.memory_info().rss / 2**20
            async with open_socket(path, sessions[(index + done) % len(sessions)]) as socket:
                await until(socket, "welcome")

    started = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    seconds = time.perf_counter() - started
    await asyncio.sleep(2)
    rss_end = server.memory_info().rss / 2**20
    return {"cycles": cycles, "per_s": cycles / seconds, "rss_warm": rss_warm, "rss_end": rss_end}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,500,1000")
    parser.add_argument("--cycles", type=int, default=10_000)
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]

    process = start_server()
    server = psutil.Process(process.pid)
    try:
        print(
            f"{'sockets':>8} | {'room p50':>9} | {'room p99':>9} | {'layer p50':>9} | {'layer p99':>9} | "
            f"{'p99 ratio':>9} | {'room msg/s':>10} | {'layer msg/s':>11} | {'room deliv/s':>12} | {'ack p50':>8}"
        )
        for size in sizes:
            cluster_id, sessions = prepare(size + BURST_SENDERS)
            room = uvloop.run(room_run(cluster_id, sessions))
            bare = uvloop.run(bare_layer_run(size))
            print(
                f"{size:>8} | {room['p50']:>7.1f}ms | {room['p99']:>7.1f}ms | {bare['p50']:>7.1f}ms | "
                f"{bare['p99']:>7.1f}ms | {room['p99'] / bare['p99']:>8.2f}x | {room['messages_per_s']:>10.1f} | "
                f"{bare['messages_per_s']:>11.1f} | {room['deliveries_per_s']:>12.0f} | {room['ack_p50']:>6.1f}ms",
                flush=True,
            )
            print(
                f"{'':>8}   paced deliveries over 1 s: {room['late']} of {size * PACED_MESSAGES}; "
                f"last delivery of a message: median {room['slowest_p50']:.1f} ms, worst {room['slowest']:.1f} ms; "
                f"messages late (by position): {room['late_messages']}; warm-up message (not counted): "
                f"ack {room['warmup_ack']:.0f} ms, last delivery {room['warmup_last']:.0f} ms",
                flush=True,
            )
        if options.cycles:
            cluster_id, sessions = prepare(50)
            result = uvloop.run(cycles_run(cluster_id, sessions, options.cycles, server))
            growth = (result["rss_end"] / result["rss_warm"] - 1) * 100
            print(
                f"\n{result['cycles']} connect/disconnect cycles at {result['per_s']:.0f}/s: server RSS "
                f"{result['rss_warm']:.1f} MiB after warm-up, {result['rss_end']:.1f} MiB at the end ({growth:+.1f} %)"
            )
    finally:
        process.terminate()
        process.wait(timeout=20)


if __name__ == "__main__":
    main()
