"""The full recompute's fold of the record of use, split into partitions that several Celery workers
fold in parallel (map), reduced by the run's own process in partition order (docs/scaling.md).

A partition is one keyset range of event ids (``snapshot.event_ranges``): the same ranges one process
reads as its batches. Map: a process reads the partition's events in id order and computes their
figures alone (``spillover.model.partial_flows``), sparse, so its memory is bounded by the
partition's events, not by the record. Reduce: the run's process adds the partials in partition
order (``FlowAccumulator.merge_partial``), which is exactly what one process does batch after
batch, so the figures are the single-process figures to the last bit, whichever process mapped
which partition, in whatever order they finished.

Coordination through Redis (the broker's server): the run publishes what the map reads against (the
snapshot's ids, ownership and memberships, the parameters and as-of time) once, and the list of
partition numbers; ``spillover.tasks.recompute_map`` tasks, and the run's process itself between
reduce steps, take partitions off the list, each with a claim that expires. A partition whose claim
expired without a partial (its worker died) is mapped again by the run's process, so a lost worker
costs time, never figures. Partials are reduced and deleted as soon as their turn comes.
"""

from __future__ import annotations

import os
import pickle  # our own arrays, through our own Redis, written by this module only
import socket
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import redis
from celery import current_app
from django.conf import settings
from django.db import connection

from platform_.redis_clients import redis_client
from spillover import model as sm
from spillover.services.snapshot import Snapshot, events_read, ids_locate

CLAIM_SECONDS = 600  # a partition claimed this long ago without a partial is mapped again
PATIENCE_SECONDS = 30.0  # with no worker taking a partition this long, the run's process maps them
KEEP_SECONDS = 6 * 3600  # what a run publishes expires even if its process dies


@dataclass
class MapContext:
    """What a partition's events are read against: the run's snapshot, parameters and as-of time."""

    run_id: int
    structure: sm.Structure
    params: sm.Parameters
    as_of: datetime
    firm_ids: np.ndarray
    asset_ids: np.ndarray
    ranges: list[tuple[int, int]]

    @classmethod
    def of(
        cls, *, run_id: int, snap: Snapshot, params: sm.Parameters, as_of: datetime, ranges: list[tuple[int, int]]
    ) -> MapContext:
        structure = sm.Structure(snap.ownership, snap.membership)
        return cls(run_id, structure, params, as_of, snap.firm_ids, snap.asset_ids, ranges)


Events = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def partition_read(ctx: MapContext, k: int) -> Events:
    """Partition ``k``'s events, as ``events_read`` gives them."""
    low, high = ctx.ranges[k]
    return events_read(low=low, high=high, as_of=ctx.as_of)


def partition_map(ctx: MapContext, k: int, events: Events | None = None) -> sm.PartialFlows:
    """Map: the figures of partition ``k``'s events alone (read here unless given)."""
    firm_ids, asset_ids, kind, t = events if events is not None else partition_read(ctx, k)
    fi = ids_locate(ctx.firm_ids, firm_ids)
    ai = ids_locate(ctx.asset_ids, asset_ids)
    ok = (fi >= 0) & (ai >= 0)
    return sm.partial_flows(
        ctx.structure, ctx.params, as_of=ctx.as_of.timestamp(), firm=fi[ok], asset=ai[ok], kind=kind[ok], t=t[ok]
    )


def _close_connection() -> None:
    connection.close()  # resolved in the calling thread: that thread's connection


def partials_local(ctx: MapContext) -> Iterator[sm.PartialFlows]:
    """Every partition mapped by this process, in order (the single-process recompute).

    Outside a transaction the next partition's events are read on a second connection, in a
    thread, while this one folds the current partition: PostgreSQL aggregates the batch on one core
    while numpy folds on the other (psycopg and numpy release the GIL while they wait or compute).
    At 10 k firms / 1 M events that took the recompute from 2.8× to about 2× the in-memory
    computation (docs/performance.md, "Spillover recompute"). Inside a transaction (tests) another
    connection would not see its rows, so partitions are read here, one after the other."""
    count = len(ctx.ranges)
    if count < 2 or connection.in_atomic_block:
        for k in range(count):
            yield partition_map(ctx, k)
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="spillover-read") as reader:
        try:
            upcoming: Future[Events] = reader.submit(partition_read, ctx, 0)
            for k in range(count):
                events = upcoming.result()
                if k + 1 < count:
                    upcoming = reader.submit(partition_read, ctx, k + 1)
                yield partition_map(ctx, k, events)
        finally:
            reader.submit(_close_connection).result()  # the reader thread's own


# ---------------------------------------------------------------- across workers


def _client() -> redis.Redis:
    return redis_client(settings.REDIS_URL)


def _key(run_id: int, name: str) -> str:
    return f"spillover:map:{run_id}:{name}"


def _dump(value: object) -> bytes:
    return pickle.dumps(value, protocol=5)


def _load(data: Any) -> object:
    return pickle.loads(data)  # noqa: S301 - written by this module into our own Redis


def _claim(r: redis.Redis, run_id: int) -> int | None:
    """Take the next partition off the run's list, with a claim that expires."""
    raw: Any = r.lpop(_key(run_id, "todo"))
    if raw is None:
        return None
    k = int(raw)
    r.set(_key(run_id, f"claim:{k}"), socket.gethostname(), ex=CLAIM_SECONDS)
    return k


def _publish_partial(r: redis.Redis, run_id: int, k: int, part: sm.PartialFlows, by: str) -> None:
    pipe = r.pipeline()
    pipe.set(_key(run_id, f"partial:{k}"), _dump(part), ex=KEEP_SECONDS)
    pipe.hincrby(_key(run_id, "mapped"), by, 1)
    pipe.expire(_key(run_id, "mapped"), KEEP_SECONDS)
    pipe.execute()


_contexts: dict[int, MapContext] = {}  # per worker process: the context of the run it maps for


def map_worker(*, run_id: int) -> int:
    """A Celery worker's share of a run's map: partitions off the run's list until it is empty.
    Returns how many this call mapped."""
    r = _client()
    ctx = _contexts.get(run_id)
    if ctx is None:
        raw = r.get(_key(run_id, "context"))
        if raw is None:  # the run is over (or gone): nothing to map
            return 0
        loaded = _load(raw)
        assert isinstance(loaded, MapContext)
        _contexts.clear()
        ctx = _contexts[run_id] = loaded
    done = 0
    by = f"worker:{socket.gethostname()}:{os.getpid()}"
    while (k := _claim(r, run_id)) is not None:
        _publish_partial(r, run_id, k, partition_map(ctx, k), by)
        done += 1
    return done


def partials_distributed(
    ctx: MapContext, *, tasks: int, queue: str | None = None, map_here: bool = True
) -> Iterator[sm.PartialFlows]:
    """Every partition's partial, in partition order, mapped by ``tasks`` Celery map tasks and (with
    ``map_here``, or once no worker took a partition for ``PATIENCE_SECONDS``) by this process.
    Each partial is handed over as soon as its turn comes and then deleted from Redis."""
    r, run_id, n = _client(), ctx.run_id, len(ctx.ranges)
    names = [_key(run_id, x) for x in ("todo", "context", "mapped")]
    r.delete(*names, *(_key(run_id, f"partial:{k}") for k in range(n)), *(_key(run_id, f"claim:{k}") for k in range(n)))
    r.set(_key(run_id, "context"), _dump(ctx), ex=KEEP_SECONDS)
    if n:
        r.rpush(_key(run_id, "todo"), *range(n))
        r.expire(_key(run_id, "todo"), KEEP_SECONDS)
    for _ in range(tasks):
        current_app.send_task("spillover.tasks.recompute_map", kwargs={"run_id": run_id}, queue=queue)
    mine: dict[int, sm.PartialFlows] = {}
    by = f"coordinator:{socket.gethostname()}:{os.getpid()}"
    last_progress = time.monotonic()
    todo_before = n
    try:
        for k in range(n):
            while True:
                if k in mine:
                    yield mine.pop(k)
                    break
                raw = r.get(_key(run_id, f"partial:{k}"))
                if raw is not None:
                    r.delete(_key(run_id, f"partial:{k}"), _key(run_id, f"claim:{k}"))
                    part = _load(raw)
                    assert isinstance(part, sm.PartialFlows)
                    yield part
                    break
                todo = int(r.llen(_key(run_id, "todo")))
                if todo != todo_before:
                    todo_before, last_progress = todo, time.monotonic()
                if todo and (map_here or time.monotonic() - last_progress > PATIENCE_SECONDS):
                    j = _claim(r, run_id)
                    if j is not None:
                        mine[j] = partition_map(ctx, j)
                        r.hincrby(_key(run_id, "mapped"), by, 1)
                        r.delete(_key(run_id, f"claim:{j}"))
                    continue
                if (
                    not todo
                    and r.lpos(_key(run_id, "todo"), str(k)) is None
                    and not r.exists(_key(run_id, f"claim:{k}"))
                ):
                    # claimed, but its worker died before publishing it: map it here
                    mine[k] = partition_map(ctx, k)
                    r.hincrby(_key(run_id, "mapped"), by, 1)
                    continue
                time.sleep(0.02)
    finally:
        r.delete(_key(run_id, "todo"), _key(run_id, "context"))


def mapped_by(run_id: int) -> dict[str, int]:
    """How many partitions each process mapped in the run's last partitioned fold."""
    raw: dict[Any, Any] = _client().hgetall(_key(run_id, "mapped"))
    return {k.decode() if isinstance(k, bytes) else str(k): int(v) for k, v in raw.items()}
