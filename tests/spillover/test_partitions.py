"""The full recompute spread over Celery workers: partitions of the record of use mapped by real
workers and reduced in partition order give the single-process figures to the last bit."""

from __future__ import annotations

import uuid
from typing import Any

import numpy as np
import pytest
from django.forms.models import model_to_dict

from spillover import model as sm
from spillover import services
from spillover.models import AssetScore, ClusterScore, FirmScore, FlowEdge, RegionScore, Run
from spillover.services import partitions
from tests.spillover.factories import add_events, build_world
from tests.spillover.test_tasks import worker

KEYS: dict[type[FirmScore | FlowEdge | ClusterScore | AssetScore | RegionScore], tuple[str, ...]] = {
    FirmScore: ("firm",),
    FlowEdge: ("absorber", "source"),
    ClusterScore: ("cluster",),
    AssetScore: ("asset",),
    RegionScore: ("dimension", "key"),
}


def stored(run: Run) -> dict[str, dict[tuple[Any, ...], dict[str, Any]]]:
    """Every stored figure of the run, exactly as stored (floats compared bit for bit)."""
    out = {}
    for model, key in KEYS.items():
        rows = {}
        for obj in model.objects.filter(run=run):
            row = model_to_dict(obj, exclude=["id", "run"])
            rows[tuple(row.pop(k) for k in key)] = row
        out[model.__name__] = rows
    return out


def twin(run: Run) -> Run:
    """A new run over the very same record (as-of time, parameters, last event)."""
    return Run.objects.create(as_of=run.as_of, parameters=run.parameters, events_upto_id=run.events_upto_id)


@pytest.mark.django_db(transaction=True)
def test_the_recompute_mapped_by_two_workers_equals_the_single_process_recompute_to_the_last_figure(monkeypatch):
    monkeypatch.setattr(partitions, "PATIENCE_SECONDS", 180.0)  # workers start slowly on a busy machine
    world = build_world(31, n_firms=12, n_assets=16)
    add_events(world, 300)
    single = services.run_compute(run_id=services.run_start().pk, batch_rows=25)
    assert single.summary["partitions"] == 12
    assert single.summary["mapped_by"] == {"here": 12}

    queue = f"map-{uuid.uuid4().hex[:8]}"
    procs = [worker(queue), worker(queue)]
    try:
        # the run's process only reduces: every partition is mapped by the two workers
        spread = services.run_compute(
            run_id=twin(single).pk, batch_rows=25, map_tasks=2, map_queue=queue, map_here=False
        )
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=30)
    mapped = spread.summary["mapped_by"]
    assert sum(mapped.values()) == 12
    assert all(name.startswith("worker:") for name in mapped)

    a, b = stored(single), stored(spread)
    assert a == b  # every row, every figure, bit for bit
    assert sum(len(rows) for rows in a.values()) > 50
    assert spread.summary["total_flow"] == single.summary["total_flow"]
    assert spread.event_count == single.event_count == 300


@pytest.mark.django_db(transaction=True)
def test_the_run_process_maps_what_no_worker_delivers_and_the_figures_do_not_change(monkeypatch):
    world = build_world(32, n_firms=10, n_assets=12)
    add_events(world, 160)
    single = services.run_compute(run_id=services.run_start().pk, batch_rows=20)
    # a map task is sent but no worker listens on its queue, and one partition is claimed by a
    # worker that dies before publishing it: the run's own process maps all of them
    monkeypatch.setattr(partitions, "CLAIM_SECONDS", 1)
    real_claim = partitions._claim
    dead: list[int] = []

    def claim_and_die_once(r: Any, run_id: int) -> int | None:
        k = real_claim(r, run_id)
        if k is not None and not dead:
            dead.append(k)  # this claim's worker "dies": its partial never comes
            return real_claim(r, run_id)
        return k

    monkeypatch.setattr(partitions, "_claim", claim_and_die_once)
    nobody = f"nobody-{uuid.uuid4().hex[:8]}"
    try:
        alone = services.run_compute(run_id=twin(single).pk, batch_rows=20, map_tasks=1, map_queue=nobody)
    finally:
        partitions._client().delete(nobody)  # the map task nobody took
    assert dead
    assert sum(alone.summary["mapped_by"].values()) == 8
    assert stored(alone) == stored(single)


def test_partials_summed_in_partition_order_are_the_batches_of_one_accumulator():
    rng = np.random.default_rng(5)
    n_firms, n_assets, n = 30, 40, 5000
    own = np.zeros((n_assets, n_firms))
    own[np.arange(n_assets), rng.integers(0, n_firms, n_assets)] = 1.0
    membership = (rng.random((n_firms, 4)) < 0.4).astype(float)
    structure = sm.Structure(own, membership)
    params = sm.Parameters()
    as_of = 1.78e9
    ev = {
        "firm": rng.integers(0, n_firms, n),
        "asset": rng.integers(0, n_assets, n),
        "kind": rng.integers(0, 5, n),
        "t": as_of - rng.random(n) * 3e7,
    }
    one = sm.FlowAccumulator(structure, params, as_of=as_of)
    parts = []
    for s in range(0, n, 700):
        batch = {k: v[s : s + 700] for k, v in ev.items()}
        one.add(**batch)
        parts.append(sm.partial_flows(structure, params, as_of=as_of, **batch))
    reduced = sm.FlowAccumulator(structure, params, as_of=as_of)
    for part in parts:  # in partition order, whatever order they were mapped in
        reduced.merge_partial(part)
    assert (one.use != reduced.use).nnz == 0
    for name in ("monthly_in", "monthly_out", "monthly_internal"):
        assert np.array_equal(getattr(one, name), getattr(reduced, name))
    # a partial holds only what its events touch
    assert parts[0].use.nnz <= 700
    assert parts[0].monthly_in.nnz <= 700


@pytest.mark.django_db(transaction=True)
def test_reading_the_next_partition_beside_the_fold_and_writing_on_two_connections_change_no_figure():
    """Outside a transaction the recompute reads ahead and writes its two largest tables on second
    connections (threads); inside one it does everything in order on one connection: same figures."""
    from django.db import connection, transaction

    world = build_world(37, n_firms=12, n_assets=16)
    add_events(world, 300)
    assert not connection.in_atomic_block
    threaded = services.run_compute(run_id=services.run_start().pk, batch_rows=30)
    assert threaded.summary["partitions"] == 10
    with transaction.atomic():
        in_order = services.run_compute(run_id=twin(threaded).pk, batch_rows=30)
    assert stored(in_order) == stored(threaded)
    assert len(stored(threaded)["FlowEdge"]) > 0
    assert len(stored(threaded)["AssetScore"]) == 16
