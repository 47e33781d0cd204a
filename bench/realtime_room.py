"""Benchmark of live rooms: chat delivery to one room of 100, 500 and 1,000 sockets beside bare
channel-layer ``group_send``s in the same run, and 10,000 connect/disconnect cycles against the
server's memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vc_rtperf REDIS_URL=redis://127.0.0.1:6379/13 \\
        .venv/bin/python -m bench.realtime_room [--sizes 100,500,1000] [--cycles 10000] [--worst 8] [--hold 1000,2000]

One uvicorn process serves the ASGI application exactly as ``make run`` starts it; the sockets
are clients in this process (``websockets`` on uvloop). Three measurements per room size:

- **room**: a chat message sent by a member over their socket goes the whole way: the frame,
  the rate limit, the row committed in PostgreSQL, the acknowledgement, the ``group_send``
  through Redis and the frame to every socket of the room;
- **bare**: a ``group_send`` made by this process straight into the room's own group, of the
  event a posted chat message becomes, relayed as-is by the same consumers to the same sockets
  and timed at them in the same way: the broadcast alone, without the room path before it. The
  "within 1.5x" target is judged on room / bare;
- **layer floor**: a ``group_send`` to as many channels read by this process: no server, no
  consumer, no socket; the channel layer's own cost.

``--hold 1000,2000`` then holds that many sockets open at once (rooms of 100, each heartbeating every
15 s as ``room.js`` does) and reports the server's RSS and CPU while they idle and a chat message's
delivery to one of the rooms meanwhile: how many sockets one process holds (docs/scaling.md).

Latency: paced messages, the next once every socket has the previous one, a room message and a
bare one in turn (both see the same machine), after one warm-up of each; throughput: a burst of
50 room messages from 10 senders, then 50 bare ones.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import gc
import json
import logging
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable
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
import redis.asyncio  # noqa: E402
import uvloop  # noqa: E402
from channels.layers import get_channel_layer  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from clusters.models import Cluster, ClusterMembership, ClusterStatus, MembershipStatus  # noqa: E402
from platform_.identity.models import Firm, FirmMember, Sector, User  # noqa: E402
from platform_.realtime.groups import room_group, room_key  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PACED_MESSAGES = 100
PACE_SECONDS = 0.05
BURST_SENDERS = 10
BURST_PER_SENDER = 5
ROOM_OF_HELD = 100


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
        env={**os.environ, "DB_POOL": "1", "SERVER_GC_TUNING": "1"},  # as make run starts it
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


async def until_count(delivered: Callable[[], int], count: int, timeout: float = 60) -> None:
    """Wait until ``delivered()`` reaches ``count``; fail loudly rather than hang on a lost frame."""
    deadline = time.perf_counter() + timeout
    while delivered() < count:
        if time.perf_counter() > deadline:
            raise RuntimeError(f"only {delivered()} of {count} deliveries after {timeout} s")
        await asyncio.sleep(0.002)


def bare_event(client_id: str, author: dict[str, Any]) -> dict[str, Any]:
    """A group event exactly like the one ``RoomConsumer.on_chat_send`` sends once a message is
    committed: the frame serialised once, relayed as-is by every socket's ``chat_message``."""
    message = {
        "id": 0,
        "client_id": client_id,
        "author": author,
        "html": "<p>hi</p>",
        "created_at": "2026-01-01T00:00:00+00:00",
    }
    frame = json.dumps({"type": "chat.message", "message": message})
    return {"type": "chat.message", "frame": frame, "sender": "bench"}


async def room_run(cluster_id: int, sessions: list[str], worst: int = 0) -> dict[str, dict[str, Any]]:
    """Room messages and bare ``group_send``s into the room's own group, to the same sockets.

    Paced messages alternate: a chat message sent by a member over their socket (the room path),
    then a bare ``group_send`` made here into the room's group (the broadcast alone); both are
    timed at every socket from the moment they leave this process. Then a burst of each.
    """
    path = f"/ws/rooms/cluster/{cluster_id}/"
    group = room_group(room_key("cluster", cluster_id))
    layer = get_channel_layer()
    receivers_sessions, senders_sessions = sessions[:-BURST_SENDERS], sessions[-BURST_SENDERS:]
    receivers = len(receivers_sessions)
    sent_at: dict[str, float] = {}
    kind_of: dict[str, str] = {}  # client id -> "room" or "bare"
    latencies: dict[str, list[float]] = {"room": [], "bare": []}
    slowest: dict[str, float] = {}  # per message: its latest delivery
    arrivals: dict[str, list[float]] = {"room": [], "bare": []}

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
                latency = now - sent_at[client_id]
                kind = kind_of[client_id]
                latencies[kind].append(latency)
                arrivals[kind].append(now)
                slowest[client_id] = max(slowest.get(client_id, 0.0), latency)

    sockets = []
    for start in range(0, receivers, 50):  # connect in waves, as a room fills
        batch = [open_socket(path, s) for s in receivers_sessions[start : start + 50]]
        opened = await asyncio.gather(*(b.__aenter__() for b in batch))
        await asyncio.gather(*(until(s, "welcome") for s in opened))
        sockets.extend(opened)
    senders = [await open_socket(path, s).__aenter__() for s in senders_sessions]
    author = {}
    for sender in senders:
        author = (await until(sender, "welcome"))["me"]
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
    # The clients' own garbage collector: with every socket's objects in this one process, a full
    # collection stopped all the clients for 100-150 ms in the middle of a delivery (measured), a
    # pause a browser would not have. The clients' objects are frozen for the measurement.
    gc.collect()
    gc.freeze()

    async def room_message(sender: Any, body: str) -> None:
        client_id = uuid.uuid4().hex
        kind_of[client_id] = "room"
        sent_at[client_id] = time.perf_counter()
        await sender.send(json.dumps({"type": "chat.send", "client_id": client_id, "body": body}))

    async def bare_message() -> None:
        client_id = uuid.uuid4().hex
        kind_of[client_id] = "bare"
        event = bare_event(client_id, author)  # prepared before the clock starts, as the room's is
        sent_at[client_id] = time.perf_counter()
        await layer.group_send(group, event)

    def delivered() -> int:
        return len(latencies["room"]) + len(latencies["bare"])

    # One warm-up message of each, reported apart (the first in a fresh server renders Markdown cold).
    await room_message(senders[0], "warm-up")
    await until_count(delivered, receivers)
    warmup = {"ack": acks[0] * 1000 if acks else float("nan"), "last": max(latencies["room"]) * 1000}
    await bare_message()
    await until_count(delivered, 2 * receivers)
    for values in (*latencies.values(), *arrivals.values()):
        values.clear()
    slowest.clear()
    sent_at.clear()
    acks.clear()
    await asyncio.sleep(1)

    # Latency: one message at a time, the next once every socket has the previous one; a room
    # message and a bare one in turn, so that both see the same machine.
    for i in range(PACED_MESSAGES):
        await room_message(senders[i % len(senders)], "hi")
        await until_count(delivered, receivers * (2 * i + 1))
        await asyncio.sleep(PACE_SECONDS)
        await bare_message()
        await until_count(delivered, receivers * (2 * i + 2))
        await asyncio.sleep(PACE_SECONDS)
    paced = {kind: list(values) for kind, values in latencies.items()}
    if worst:  # the slowest messages, to tell a pause that hit one message from a slower path
        acked = dict(zip([c for c in sent_at if kind_of[c] == "room"], acks, strict=False))
        for latency, client_id in sorted((t, c) for c, t in slowest.items())[-worst:]:
            ack = f", ack {acked[client_id] * 1000:.1f} ms" if client_id in acked else ""
            print(f"      slow {kind_of[client_id]} message: last delivery {latency * 1000:.1f} ms{ack}", flush=True)
    paced_acks = list(acks)
    paced_slowest = {kind: sorted(t for c, t in slowest.items() if kind_of[c] == kind) for kind in latencies}
    late_messages = [
        index for index, client_id in enumerate(c for c in sent_at if kind_of[c] == "room") if slowest[client_id] > 1
    ]

    burst_messages = BURST_SENDERS * BURST_PER_SENDER
    bursts: dict[str, float] = {}
    for kind in ("room", "bare"):
        await asyncio.sleep(1)
        before = delivered()
        arrivals[kind].clear()
        burst_start = time.perf_counter()
        if kind == "room":
            for _round in range(BURST_PER_SENDER):
                for sender in senders:
                    await room_message(sender, "burst")
        else:
            for _message in range(burst_messages):
                await bare_message()
        await until_count(delivered, before + burst_messages * receivers, timeout=300)
        bursts[kind] = max(arrivals[kind]) - burst_start
    for task in readers + drains:
        task.cancel()
    await asyncio.gather(*(s.close() for s in sockets + senders), return_exceptions=True)
    gc.unfreeze()
    results: dict[str, dict[str, Any]] = {}
    for kind in ("room", "bare"):
        results[kind] = {
            "p50": statistics.median(paced[kind]) * 1000,
            "p99": percentile(paced[kind], 0.99) * 1000,
            "late": sum(1 for latency in paced[kind] if latency > 1),
            "slowest": paced_slowest[kind][-1] * 1000,
            "slowest_p50": statistics.median(paced_slowest[kind]) * 1000,
            "messages_per_s": burst_messages / bursts[kind],
            "deliveries_per_s": burst_messages * receivers / bursts[kind],
        }
    results["room"].update(
        ack_p50=statistics.median(paced_acks) * 1000,
        late_messages=late_messages,
        warmup_ack=warmup["ack"],
        warmup_last=warmup["last"],
    )
    return results


async def drain(socket: Any, sent_at: dict[str, float], acks: list[float]) -> None:
    """A sender's own socket: the acknowledgement comes once the message is committed."""
    async for raw in socket:
        frame = json.loads(raw)
        if frame["type"] == "chat.ack":
            acks.append(time.perf_counter() - sent_at[frame["client_id"]])


async def layer_floor_run(size: int) -> dict[str, float]:
    """The layer floor: ``group_send`` to ``size`` channels read by this process (no server, no socket)."""
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
            await asyncio.sleep(0.002)
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
    # Every socket is closed: a channel still subscribed in Redis belongs to a consumer that never
    # finished (it would keep its queue and its groups), i.e. a leak the RSS alone can hide.
    prefix = settings.CHANNEL_LAYERS["default"]["CONFIG"]["prefix"]
    client = redis.asyncio.Redis.from_url(settings.REDIS_URL)
    left = len(await client.pubsub_channels(f"{prefix}specific.*"))
    await client.aclose()
    return {"cycles": cycles, "per_s": cycles / seconds, "rss_warm": rss_warm, "rss_end": rss_end, "left": left}


async def hold_run(
    rooms: list[tuple[int, list[str]]], server: psutil.Process, idle: float, rss_started: float
) -> dict[str, float]:
    """Hold every socket open (rooms of ``ROOM_OF_HELD`` people, each heartbeating every 15 s as room.js
    does), then measure the server: RSS and CPU while idle, and chat messages delivered to one room."""
    sockets: list[list[Any]] = []
    started = time.perf_counter()
    for cluster_id, sessions in rooms:
        path = f"/ws/rooms/cluster/{cluster_id}/"
        opened = await asyncio.gather(*(open_socket(path, s).__aenter__() for s in sessions))
        await asyncio.gather(*(until(s, "welcome") for s in opened))
        sockets.append(list(opened))
    connect_seconds = time.perf_counter() - started
    first_room = sockets[0]
    arrived: Counter[str] = Counter()
    last_arrival: dict[str, float] = {}

    async def receive(socket: Any, measured: bool) -> None:
        async for raw in socket:
            if measured:
                frame = json.loads(raw)
                if frame["type"] == "chat.message":
                    client_id = frame["message"]["client_id"]
                    arrived[client_id] += 1
                    last_arrival[client_id] = time.perf_counter()

    async def heartbeat(socket: Any) -> None:
        await asyncio.sleep(random.random() * 15)
        while True:
            await socket.send(json.dumps({"type": "heartbeat"}))
            await asyncio.sleep(15)

    held = [socket for room in sockets for socket in room]
    tasks = [asyncio.create_task(receive(s, s in first_room)) for s in held]
    tasks += [asyncio.create_task(heartbeat(s)) for s in held]
    await asyncio.sleep(5)  # the joins' presence frames settle
    cpu = server.cpu_times()
    idle_started = time.perf_counter()
    await asyncio.sleep(idle)
    cpu_after = server.cpu_times()
    idle_cpu = (cpu_after.user + cpu_after.system - cpu.user - cpu.system) / (time.perf_counter() - idle_started)
    rss_held = server.memory_info().rss / 2**20
    # Chat in the first room while the others are held: a member's message until every other socket of
    # the room has it.
    sender, listeners = first_room[0], len(first_room) - 1
    deliveries = []
    for number in range(20):
        client_id = f"hold-{number}-{uuid.uuid4().hex[:6]}"
        sent = time.perf_counter()
        await sender.send(json.dumps({"type": "chat.send", "client_id": client_id, "body": "held"}))
        await until_count(functools.partial(arrived.__getitem__, client_id), listeners)
        deliveries.append(last_arrival[client_id] - sent)
        await asyncio.sleep(0.2)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*(socket.__aexit__(None, None, None) for socket in held), return_exceptions=True)
    return {
        "sockets": len(held),
        "connect_seconds": connect_seconds,
        "rss_empty": rss_started,
        "rss_held": rss_held,
        "idle_cpu": idle_cpu,
        "delivery_p50": percentile(deliveries, 0.5),
        "delivery_max": max(deliveries),
    }


def commit_floor(count: int = 100, gap: float = 0.05) -> dict[str, float]:
    """Durable single-row INSERTs in autocommit, paced like the room's messages: the part of a room
    message no server code can remove while it is committed (WAL flushed) before anyone hears of it.
    Also a ``SELECT 1`` for the bare round trip. Straight psycopg on one connection, in this process."""
    import psycopg

    times: dict[str, list[float]] = {"commit": [], "select": []}
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS bench_commit_floor (id bigserial PRIMARY KEY, body text)")
        for index in range(count):
            started = time.perf_counter()
            connection.execute("INSERT INTO bench_commit_floor (body) VALUES (%s) RETURNING id", [f"m{index}"])
            times["commit"].append(time.perf_counter() - started)
            time.sleep(gap)
            started = time.perf_counter()
            connection.execute("SELECT 1").fetchone()
            times["select"].append(time.perf_counter() - started)
            time.sleep(gap)
        connection.execute("DROP TABLE bench_commit_floor")
    return {
        "commit_p50": percentile(times["commit"], 0.5) * 1000,
        "commit_p99": percentile(times["commit"], 0.99) * 1000,
        "select_p50": percentile(times["select"], 0.5) * 1000,
    }


def ms(value: float) -> str:
    return f"{value:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,500,1000")
    parser.add_argument("--cycles", type=int, default=10_000)
    parser.add_argument("--worst", type=int, default=0, help="print the N slowest paced messages of each size")
    parser.add_argument(
        "--hold",
        default="",
        help="socket counts to hold open at once (rooms of 100, heartbeating), e.g. 1000,2000: memory and CPU",
    )
    parser.add_argument("--idle", type=float, default=30.0, help="seconds of held sockets measured for CPU")
    parser.add_argument("--py-spy", metavar="FILE", help="profile the server with py-spy (raw stacks) into FILE")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",") if size]

    process = start_server()
    server = psutil.Process(process.pid)
    rss_started = server.memory_info().rss / 2**20  # ready, before any socket
    profiler = None
    if options.py_spy:
        py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
        profiler = subprocess.Popen(
            [py_spy, "record", "--pid", str(process.pid), "--format", "raw", "--rate", "200", "-o", options.py_spy],
            stdout=subprocess.DEVNULL,
        )
    rows = []
    try:
        columns = [
            "sockets",
            "room p50",
            "room p99",
            "bare p50",
            "bare p99",
            "p50 room/bare",
            "p99 room/bare",
            "room msg/s",
            "bare msg/s",
            "floor p50",
            "floor p99",
            "floor msg/s",
            "ack p50",
            "room−bare p50",
            "commit p50",
            "commit p99",
            "SELECT 1 p50",
        ]
        print("| " + " | ".join(columns) + " |", flush=True)
        print("| " + " | ".join("---" for _ in columns) + " |", flush=True)
        for size in sizes:
            cluster_id, sessions = prepare(size + BURST_SENDERS)
            measured = uvloop.run(room_run(cluster_id, sessions, options.worst))
            room, bare = measured["room"], measured["bare"]
            floor = uvloop.run(layer_floor_run(size))
            commit = commit_floor()
            row = [
                str(size),
                ms(room["p50"]),
                ms(room["p99"]),
                ms(bare["p50"]),
                ms(bare["p99"]),
                f"{room['p50'] / bare['p50']:.2f}x",
                f"{room['p99'] / bare['p99']:.2f}x",
                f"{room['messages_per_s']:.1f}",
                f"{bare['messages_per_s']:.1f}",
                ms(floor["p50"]),
                ms(floor["p99"]),
                f"{floor['messages_per_s']:.0f}",
                ms(room["ack_p50"]),
                ms(room["p50"] - bare["p50"]),
                ms(commit["commit_p50"]),
                ms(commit["commit_p99"]),
                ms(commit["select_p50"]),
            ]
            rows.append(row)
            print("| " + " | ".join(row) + " |", flush=True)
            print(
                f"    {size}: paced deliveries over 1 s: room {room['late']}, bare {bare['late']} of "
                f"{size * PACED_MESSAGES} each; last delivery of a message, median / worst: room "
                f"{room['slowest_p50']:.1f} / {room['slowest']:.1f} ms, bare {bare['slowest_p50']:.1f} / "
                f"{bare['slowest']:.1f} ms; frames/s in the burst: room {room['deliveries_per_s']:.0f}, bare "
                f"{bare['deliveries_per_s']:.0f}; room messages late (by position): {room['late_messages']}; "
                f"warm-up room message (not counted): ack {room['warmup_ack']:.0f} ms, "
                f"last delivery {room['warmup_last']:.0f} ms",
                flush=True,
            )
        if options.cycles:
            cluster_id, sessions = prepare(50)
            result = uvloop.run(cycles_run(cluster_id, sessions, options.cycles, server))
            growth = (result["rss_end"] / result["rss_warm"] - 1) * 100
            print(
                f"\n{result['cycles']} connect/disconnect cycles at {result['per_s']:.0f}/s: server RSS "
                f"{result['rss_warm']:.1f} MiB after warm-up, {result['rss_end']:.1f} MiB at the end ({growth:+.1f} %);"
                f" channels still subscribed once every socket had closed: {result['left']}"
            )
        for count in [int(size) for size in options.hold.split(",") if size]:
            rooms = [prepare(ROOM_OF_HELD) for _ in range(max(1, count // ROOM_OF_HELD))]
            held = uvloop.run(hold_run(rooms, server, options.idle, rss_started))
            per_socket = (held["rss_held"] - held["rss_empty"]) * 1024 / held["sockets"]
            print(
                f"\n{held['sockets']} sockets held in rooms of {ROOM_OF_HELD} (load average "
                f"{os.getloadavg()[0]:.2f}): connected in {held['connect_seconds']:.0f} s; server RSS "
                f"{held['rss_empty']:.1f} MiB when started, {held['rss_held']:.1f} MiB held "
                f"({per_socket:.0f} KiB a socket); "
                f"server CPU while held and heartbeating {held['idle_cpu'] * 100:.1f} % of a core; a chat message "
                f"to one room of {ROOM_OF_HELD} meanwhile: all delivered in {held['delivery_p50'] * 1000:.0f} ms "
                f"(median of 20), {held['delivery_max'] * 1000:.0f} ms at worst",
                flush=True,
            )
    finally:
        if profiler is not None:
            profiler.send_signal(signal.SIGINT)  # py-spy writes its file on SIGINT
            profiler.wait(timeout=60)
        process.terminate()
        process.wait(timeout=20)


if __name__ == "__main__":
    main()
