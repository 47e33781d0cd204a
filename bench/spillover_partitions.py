"""Benchmark of the partitioned spillover recompute: the record of use folded by 1 and 2 Celery workers.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vc_spillover_bench REDIS_URL=redis://127.0.0.1:6379/13 \\
        .venv/bin/python -m bench.spillover_partitions --firms 10000 --events 1000000 --batch-rows 100000

    # the size the issue names (100k firms, 10M events; about 30 min to generate, 6 GB of database):
    ... -m bench.spillover_partitions --firms 100000 --events 10000000 --batch-rows 1000000

Generates the platform as ``bench.spillover_recompute`` does (its own database, created and migrated
if missing; everything in it is replaced; ``--skip-generate`` keeps it), then computes the same run
(same as-of time, parameters and events) three ways, each in a fresh child process:

- ``single``: one process folds every partition (the Celery task's default, ``SPILLOVER_MAP_TASKS=0``);
- ``workers=1`` and ``workers=2``: that many real Celery workers (``-P solo``, on their own queue) map
  the partitions; the run's process only reduces (``map_here=False``), so the map is theirs alone.

For each: seconds to read the snapshot and fold the record (``fold_seconds``), seconds in total (with
the scoring and the writing, which stay in one process), the reducing process's peak RSS, each
worker's peak RSS (``VmHWM``), and how many partitions each mapped. Then it checks that every
stored firm, pair, cluster, asset and region figure of the partitioned runs equals the single
process's, bit for bit (``differing_rows`` must be 0).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def peak_mb_of(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return 0.0


def start_workers(n: int, queue: str) -> list[subprocess.Popen[bytes]]:
    cmd = [sys.executable, "-m", "celery", "-A", "platform_", "worker", "-P", "solo", "-Q", queue,
           "--without-heartbeat", "--without-gossip", "--without-mingle", "-l", "WARNING"]  # fmt: skip
    return [subprocess.Popen([*cmd, "-n", f"w{i}-{queue}@%h"], cwd=ROOT, stdout=subprocess.DEVNULL) for i in range(n)]


def wait_ready(queue: str, n: int, timeout: float = 180.0) -> None:
    from platform_.celery import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        replies = app.control.ping(timeout=1.0) or []
        if sum(1 for r in replies for name in r if queue in name) >= n:
            return
    raise SystemExit("workers did not start")


def phase_run(workers: int, batch_rows: int, template_run: int | None) -> dict[str, Any]:
    import resource

    from spillover import services
    from spillover.models import Run

    if template_run is None:
        run = services.run_start()
    else:
        t = Run.objects.get(pk=template_run)
        run = Run.objects.create(as_of=t.as_of, parameters=t.parameters, events_upto_id=t.events_upto_id)
    stages: dict[str, float] = {}
    t0 = time.perf_counter()

    def on_progress(stage: str, _fraction: float) -> None:
        stages.setdefault(stage, time.perf_counter() - t0)

    procs: list[subprocess.Popen[bytes]] = []
    queue = f"bench-map-{uuid.uuid4().hex[:8]}"
    worker_peaks: list[float] = []
    try:
        if workers:
            procs = start_workers(workers, queue)
            wait_ready(queue, workers)
            t0 = time.perf_counter()
        run = services.run_compute(
            run_id=run.pk, batch_rows=batch_rows, on_progress=on_progress,
            map_tasks=workers, map_queue=queue, map_here=workers == 0,
        )  # fmt: skip
        total = time.perf_counter() - t0
        worker_peaks = [peak_mb_of(p.pid) for p in procs]
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=60)
    return {
        "phase": "run", "workers": workers, "run": run.pk, "events": run.event_count,
        "partitions": run.summary["partitions"], "mapped_by": run.summary["mapped_by"],
        "fold_seconds": stages.get("scoring", total), "seconds": total,
        "reducer_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
        "worker_peak_mb": worker_peaks,
    }  # fmt: skip


def phase_compare(a: int, b: int) -> dict[str, Any]:
    from django.db import connection

    from spillover.models import AssetScore, ClusterScore, FirmScore, FlowEdge, RegionScore

    keys = {
        FirmScore: ["firm_id"], FlowEdge: ["absorber_id", "source_id"], ClusterScore: ["cluster_id"],
        AssetScore: ["asset_id"], RegionScore: ["dimension", "key"],
    }  # fmt: skip
    differing, rows = 0, 0
    with connection.cursor() as c:
        for model, key in keys.items():
            cols = [f.column for f in model._meta.concrete_fields if f.column not in {"id", "run_id", *key}]
            table = model._meta.db_table
            on = " AND ".join(f"x.{k} = y.{k}" for k in key)
            diff = " OR ".join(f"x.{col} IS DISTINCT FROM y.{col}" for col in cols)
            c.execute(
                f"SELECT count(*) FILTER (WHERE x.run_id IS NULL OR y.run_id IS NULL OR {diff}), count(*) "
                f"FROM (SELECT * FROM {table} WHERE run_id = %s) x FULL JOIN "
                f"(SELECT * FROM {table} WHERE run_id = %s) y ON {on}",
                [a, b],
            )
            d, n = c.fetchone()
            differing, rows = differing + d, rows + n
    return {"phase": "compare", "rows": rows, "differing_rows": differing}


def phase_probe(batch_rows: int) -> dict[str, Any]:
    """Map, transport and reduce of the current run's partitions timed apart, in this one process."""
    import pickle

    from spillover import model as sm
    from spillover.models import Run
    from spillover.services import partitions
    from spillover.services.parameters import parameters_validate
    from spillover.services.snapshot import Snapshot, event_ranges

    run = Run.objects.get(is_current=True)
    params = parameters_validate(run.parameters)
    t = time.perf_counter()
    snap = Snapshot(as_of=run.as_of)
    snapshot_seconds = time.perf_counter() - t
    ranges = event_ranges(upto_id=run.events_upto_id, batch_rows=batch_rows)
    ctx = partitions.MapContext.of(run_id=run.pk, snap=snap, params=params, as_of=run.as_of, ranges=ranges)
    acc = sm.FlowAccumulator(ctx.structure, params, as_of=run.as_of.timestamp())
    map_s = transport_s = reduce_s = 0.0
    partial_bytes = 0
    for k in range(len(ranges)):
        t = time.perf_counter()
        part = partitions.partition_map(ctx, k)
        map_s += time.perf_counter() - t
        t = time.perf_counter()
        data = pickle.dumps(part, protocol=5)
        part = pickle.loads(data)
        transport_s += time.perf_counter() - t
        partial_bytes += len(data)
        t = time.perf_counter()
        acc.merge_partial(part)
        reduce_s += time.perf_counter() - t
    return {
        "phase": "probe", "partitions": len(ranges), "snapshot_seconds": snapshot_seconds,
        "context_mb": len(pickle.dumps(ctx, protocol=5)) / 1e6, "map_seconds": map_s,
        "pickle_seconds": transport_s, "partial_mb_mean": partial_bytes / max(1, len(ranges)) / 1e6,
        "reduce_seconds": reduce_s, "use_entries": int(acc.use.nnz),
    }  # fmt: skip


def child(args: list[str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.spillover_partitions", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(out.stderr[-4000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--batch-rows", type=int, default=100_000, help="event ids per partition")
    parser.add_argument("--workers", default="1,2", help="comma-separated numbers of map workers")
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument("--phase", choices=["run", "compare", "probe"], help="probe: map/pickle/reduce timed apart")
    parser.add_argument("--n", type=int, default=0)
    parser.add_argument("--template", type=int)
    parser.add_argument("--a", type=int)
    parser.add_argument("--b", type=int)
    args = parser.parse_args()
    if args.phase:
        setup_django()
        if args.phase == "run":
            print(json.dumps(phase_run(args.n, args.batch_rows, args.template)))
        elif args.phase == "probe":
            print(json.dumps(phase_probe(args.batch_rows)))
        else:
            print(json.dumps(phase_compare(args.a, args.b)))
        return
    if not args.skip_generate:
        subprocess.run(
            [sys.executable, "-m", "bench.spillover_recompute", "--phase", "generate",
             "--firms", str(args.firms), "--events", str(args.events)],
            cwd=ROOT, check=True,
        )  # fmt: skip
    batch = ["--batch-rows", str(args.batch_rows)]
    single = child(["--phase", "run", "--n", "0", *batch])
    report: dict[str, Any] = {"firms": args.firms, "events": single["events"], "batch_rows": args.batch_rows,
                              "single": single}  # fmt: skip
    previous = single["run"]  # the platform keeps the last two runs: each is compared with the one before
    for n in [int(x) for x in args.workers.split(",") if x]:
        res = child(["--phase", "run", "--n", str(n), "--template", str(single["run"]), *batch])
        res["compare"] = child(["--phase", "compare", "--a", str(previous), "--b", str(res["run"])])
        res["compare"]["with_run"] = previous
        previous = res["run"]
        res["fold_speedup_vs_single"] = single["fold_seconds"] / res["fold_seconds"]
        report[f"workers_{n}"] = res
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
