"""Benchmark of the full spillover recompute.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vc_spillover_bench \\
        .venv/bin/python -m bench.spillover_recompute --firms 10000 --events 1000000

Generates the platform with PostgreSQL COPY into its own database (created and migrated if
missing; everything in it is replaced), then measures, each in a fresh child process so that
peak memory (max RSS) belongs to one phase only:

- ``db``: the full recompute as the Celery task runs it (snapshot, events streamed by binary COPY
  in batches, every figure, results written with COPY, run made current);
- ``memory``: the same computation on the same arrays already in memory (no database);
- ``fold`` (``--fold N``): N new use events recorded after the run (random firms and published
  assets, within the last day), folded into the current run in batches of ``--fold-batch`` as
  the fold-in task does (per batch: seconds and queries; most pairs are outside the run's stored
  set, so each is derived from the record on first touch);
- ``naive`` (``--naive``): a straightforward networkx / pure-Python implementation of the same
  figures (flows by looping over events, Jaffe pools by pairwise dot products over a sample of
  firms, extrapolated to all firms since the full n² loop would take hours, PageRank and CSI
  with networkx).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DUMP = Path(os.environ.get("SPILLOVER_BENCH_DUMP", "/tmp/spillover_bench.pkl"))


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# ---------------------------------------------------------------- data


def generate(n_firms: int, n_events: int, seed: int = 7) -> None:
    from django.core.management import call_command
    from django.db import connection

    from clusters.models import Cluster, ClusterMembership
    from knowledge.models import Asset, AssetOwnership, KnowledgeCategory, UseEvent
    from platform_.demo.bulk import copy_rows
    from platform_.identity.models import Firm
    from spillover.models import Run
    from spillover.pgcopy import copy_in

    call_command("migrate", verbosity=0)
    rng = np.random.default_rng(seed)
    t0 = time.perf_counter()
    with connection.cursor() as c:
        for model in (Run, UseEvent, AssetOwnership, ClusterMembership, Cluster, Asset, Firm):
            c.execute(f"TRUNCATE {model._meta.db_table} CASCADE")
    provinces = ["11", "31", "32", "33", "35", "37", "44", "51", "42", "43"]
    copy_rows(
        Firm,
        ["name_en", "credit_code", "province", "city"],
        ((f"Bench firm {i}", f"B{i:017d}", provinces[i % len(provinces)], "city") for i in range(n_firms)),
    )
    firm_ids = np.array(Firm.objects.order_by("id").values_list("id", flat=True), dtype=np.int64)
    n_clusters = max(2, n_firms // 100)
    copy_rows(
        Cluster,
        ["name_en", "slug", "theme", "status", "proposed_by_id"],
        ((f"Bench cluster {c}", f"bench-{c}", "bench", "approved", int(firm_ids[0])) for c in range(n_clusters)),
    )
    cluster_ids = np.array(Cluster.objects.order_by("id").values_list("id", flat=True), dtype=np.int64)
    # each firm in one cluster, every third firm in a second one
    first = rng.integers(0, n_clusters, n_firms)
    second = (first + 1 + rng.integers(0, n_clusters - 1, n_firms)) % n_clusters
    pairs = [(int(cluster_ids[first[i]]), int(firm_ids[i])) for i in range(n_firms)]
    pairs += [(int(cluster_ids[second[i]]), int(firm_ids[i])) for i in range(0, n_firms, 3)]
    copy_rows(ClusterMembership, ["cluster_id", "firm_id", "status"], ((c, f, "active") for c, f in pairs))

    n_assets = n_firms * 5
    now = time.time()
    published = now - rng.random(n_assets) * 6 * 365.25 * 86400
    from datetime import UTC, datetime

    copy_rows(
        Asset,
        ["title_en", "status", "published_at"],
        ((f"Bench asset {a}", "published", datetime.fromtimestamp(published[a], UTC)) for a in range(n_assets)),
    )
    asset_ids = np.array(Asset.objects.order_by("id").values_list("id", flat=True), dtype=np.int64)
    owner = rng.integers(0, n_firms, n_assets)
    co = np.nonzero(rng.random(n_assets) < 0.1)[0]
    co_owner = (owner[co] + 1 + rng.integers(0, n_firms - 1, co.size)) % n_firms
    shares = np.ones(n_assets)
    shares[co] = 0.5
    own_a = np.concatenate([asset_ids, asset_ids[co]]).tolist()
    own_f = np.concatenate([firm_ids[owner], firm_ids[co_owner]]).tolist()
    own_s = np.concatenate([shares, np.full(co.size, 0.5)]).tolist()
    copy_rows(AssetOwnership, ["asset_id", "firm_id", "share"], zip(own_a, own_f, own_s, strict=True))
    cats = np.array(KnowledgeCategory.objects.order_by("id").values_list("id", flat=True), dtype=np.int64)
    k = cats.size
    # each firm specialises in a few categories; its assets draw from them
    firm_home = rng.integers(0, k, n_firms)
    ncat = rng.integers(1, 4, n_assets)
    rows_a, rows_c = [], []
    for j in range(3):
        has = ncat > j
        cat = (firm_home[owner] + rng.integers(0, 8, n_assets) * j) % k
        rows_a.append(asset_ids[has])
        rows_c.append(cats[cat[has]])
    ra, rc = np.concatenate(rows_a), np.concatenate(rows_c)
    key = np.unique(ra * 100_000 + np.searchsorted(cats, rc))
    through = Asset.categories.through._meta.db_table
    copy_in(through, ["asset_id", "knowledgecategory_id"], ["int8", "int8"], [key // 100_000, cats[key % 100_000]])

    # events: firms use assets mostly of their own cluster's firms and category
    kinds_p = np.array([0.55, 0.25, 0.08, 0.08, 0.04])
    t_span = 3 * 365.25 * 86400
    written = 0
    with connection.cursor() as c:
        c.execute("CREATE TEMP TABLE bench_events (firm_id int8, asset_id int8, kind int2, at float8)")
    batch = 2_000_000
    while written < n_events:
        m = min(batch, n_events - written)
        f = rng.integers(0, n_firms, m)
        a = rng.integers(0, n_assets, m)
        kd = rng.choice(5, m, p=kinds_p)
        at = now - rng.random(m) * t_span
        copy_in("bench_events", ["firm_id", "asset_id", "kind", "at"], ["int8", "int8", "int2", "float8"],
                [firm_ids[f], asset_ids[a], kd, at])  # fmt: skip
        written += m
    with connection.cursor() as c:
        c.execute(
            f"INSERT INTO {UseEvent._meta.db_table} (firm_id, asset_id, kind, occurred_at, day) "
            "SELECT firm_id, asset_id, (ARRAY['view','download','licence','citation','derivation'])[kind + 1], "
            "to_timestamp(at), (to_timestamp(at) AT TIME ZONE 'UTC')::date FROM bench_events "
            "ON CONFLICT DO NOTHING"
        )
        c.execute("DROP TABLE bench_events")
        c.execute(f"ANALYZE {UseEvent._meta.db_table}")
        c.execute(f"SELECT count(*) FROM {UseEvent._meta.db_table}")
        count = c.fetchone()[0]
    print(json.dumps({"phase": "generate", "firms": n_firms, "events": count, "seconds": time.perf_counter() - t0}))


# ---------------------------------------------------------------- phases


def phase_db(batch_rows: int) -> dict[str, Any]:
    from spillover import services

    base = peak_mb()
    t0 = time.perf_counter()
    run = services.run_start()
    run = services.run_compute(run_id=run.pk, batch_rows=batch_rows or None)
    seconds = time.perf_counter() - t0
    return {"phase": "db", "seconds": seconds, "peak_mb": peak_mb(), "baseline_mb": base, "events": run.event_count}


def phase_fold(n: int, batch: int, seed: int = 11) -> dict[str, Any]:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from knowledge.models import Asset, AssetStatus, UseEvent
    from platform_.identity.models import Firm
    from spillover import services
    from spillover.models import FlowEdge, Run

    rng = np.random.default_rng(seed)
    firms = np.array(Firm.objects.values_list("id", flat=True), dtype=np.int64)
    assets = np.array(
        Asset.objects.filter(status=AssetStatus.PUBLISHED, published_at__isnull=False).values_list("id", flat=True),
        dtype=np.int64,
    )
    now = timezone.now()
    at = [now - timezone.timedelta(seconds=float(s)) for s in rng.uniform(1, 86_000, n)]
    kinds = np.array(["view", "download", "licence", "citation", "derivation"])[rng.integers(0, 5, n)]
    with connection.cursor() as c:
        c.execute(
            f"INSERT INTO {UseEvent._meta.db_table} (firm_id, asset_id, kind, occurred_at, day) "
            "SELECT f, a, k, t, (t AT TIME ZONE 'Asia/Shanghai')::date "
            "FROM unnest(%s::int8[], %s::int8[], %s::text[], %s::timestamptz[]) AS d(f, a, k, t) "
            "ON CONFLICT DO NOTHING RETURNING id",
            [rng.choice(firms, n).tolist(), rng.choice(assets, n).tolist(), kinds.tolist(), at],
        )
        ids = sorted(r[0] for r in c.fetchall())
    run = Run.objects.get(is_current=True)
    edges_before = FlowEdge.objects.filter(run=run).count()
    times, queries = [], []
    for s in range(0, len(ids), batch):
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            with transaction.atomic():
                services.events_fold(event_ids=ids[s : s + batch])
            times.append(time.perf_counter() - t0)
        queries.append(len(ctx.captured_queries))
    return {
        "phase": "fold", "events": len(ids), "batch": batch, "batches": len(times),
        "seconds_per_batch": float(np.mean(times)), "max_seconds": float(np.max(times)),
        "queries_per_batch": float(np.mean(queries)),
        "pairs_added": FlowEdge.objects.filter(run=run).count() - edges_before, "peak_mb": peak_mb(),
    }  # fmt: skip


def phase_dump() -> dict[str, Any]:
    """Read the same arrays the recompute reads, and keep them for the in-memory phase."""
    from spillover import services
    from spillover.models import Run

    run = Run.objects.get(is_current=True)
    snap = services.Snapshot(as_of=run.as_of)
    parts = list(services.stream_events(upto_id=run.events_upto_id, as_of=run.as_of))
    events = [np.concatenate([p[i] for p in parts]) for i in range(4)]
    fi = services.ids_locate(snap.firm_ids, events[0])
    ai = services.ids_locate(snap.asset_ids, events[1])
    with DUMP.open("wb") as fh:
        pickle.dump({"snap": snap, "firm": fi, "asset": ai, "kind": events[2], "t": events[3],
                     "as_of": run.as_of.timestamp(), "params": run.parameters}, fh, protocol=5)  # fmt: skip
    return {"phase": "dump", "events": int(fi.size)}


def phase_memory() -> dict[str, Any]:
    from spillover import model as sm
    from spillover import services

    with DUMP.open("rb") as fh:
        data = pickle.load(fh)
    base = peak_mb()
    t0 = time.perf_counter()
    snap = data["snap"]
    params = sm.Parameters.from_dict(data["params"])
    acc = sm.FlowAccumulator(sm.Structure(snap.ownership, snap.membership), params, as_of=data["as_of"])
    acc.add(firm=data["firm"], asset=data["asset"], kind=data["kind"], t=data["t"])
    services.figures(snap=snap, acc=acc, params=params, as_of=data["as_of"])
    seconds = time.perf_counter() - t0
    return {"phase": "memory", "seconds": seconds, "peak_mb": peak_mb(), "baseline_mb": base}


def phase_naive(sample: int) -> dict[str, Any]:
    """Flows, in/out, cluster CSI and PageRank the straightforward way; Jaffe pools pairwise on a sample."""
    import networkx as nx

    from spillover import model as sm

    with DUMP.open("rb") as fh:
        data = pickle.load(fh)
    snap = data["snap"]
    params = sm.Parameters.from_dict(data["params"])
    lam, as_of, w = params.lam, data["as_of"], params.weight_vector()
    t0 = time.perf_counter()
    own = snap.ownership.tocoo()
    owners: dict[int, list[tuple[int, float]]] = {}
    for a, f, s in zip(own.row.tolist(), own.col.tolist(), own.data.tolist(), strict=True):
        owners.setdefault(a, []).append((f, s))
    graph = nx.DiGraph()
    for f, a, kd, t in zip(data["firm"].tolist(), data["asset"].tolist(), data["kind"].tolist(),
                           data["t"].tolist(), strict=True):  # fmt: skip
        os_ = owners.get(a, [])
        if any(o == f for o, _s in os_):
            continue
        v = w[kd] * math.exp(-lam * (as_of - t) / sm.params.SECONDS_PER_YEAR)
        for o, s in os_:
            if graph.has_edge(o, f):
                graph[o][f]["weight"] += v * s
            else:
                graph.add_edge(o, f, weight=v * s)
    dict(graph.in_degree(weight="weight"))
    dict(graph.out_degree(weight="weight"))
    mem = snap.membership.tocsc()
    csi = []
    for c in range(mem.shape[1]):
        members = set(mem.indices[mem.indptr[c] : mem.indptr[c + 1]].tolist())
        internal = sum(d["weight"] for u, v, d in graph.subgraph(members).edges(data=True))
        csi.append(internal)
    links = nx.DiGraph()
    links.add_nodes_from(range(snap.asset_ids.size))
    links.add_edges_from(zip(snap.link_citing.tolist(), snap.link_cited.tolist(), strict=True))
    nx.pagerank(links, alpha=0.85)
    flows_seconds = time.perf_counter() - t0

    # Jaffe pool: stocks per firm as dicts, then Σ_j cos(i, j) G_j for a sample of firms
    t1 = time.perf_counter()
    stocks = sm.knowledge_stocks(
        categories=snap.categories, ownership=snap.ownership, published=snap.published, at=as_of, lam=lam
    ).tocsr()
    profile = []
    for i in range(stocks.shape[0]):
        row = dict(zip(stocks.indices[stocks.indptr[i] : stocks.indptr[i + 1]].tolist(),
                       stocks.data[stocks.indptr[i] : stocks.indptr[i + 1]].tolist(), strict=True))  # fmt: skip
        norm = math.sqrt(sum(v * v for v in row.values()))
        profile.append(({k: v / norm for k, v in row.items()} if norm else {}, sum(row.values())))
    n = len(profile)
    for i in range(min(sample, n)):
        pi = profile[i][0]
        total = 0.0
        for j in range(n):
            if j != i:
                pj, gj = profile[j]
                total += sum(v * pj.get(k, 0.0) for k, v in pi.items()) * gj
    pool_sample_seconds = time.perf_counter() - t1
    pool_seconds = pool_sample_seconds * n / max(1, min(sample, n))
    return {
        "phase": "naive", "flows_seconds": flows_seconds, "pool_seconds_extrapolated": pool_seconds,
        "pool_sample": min(sample, n), "seconds": flows_seconds + pool_seconds, "peak_mb": peak_mb(),
    }  # fmt: skip


def child(args: list[str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.spillover_recompute", *args],
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
    parser.add_argument("--batch-rows", type=int, default=0, help="events per partition (0: the service default)")
    parser.add_argument("--naive", action="store_true", help="also run the networkx / pure-Python implementation")
    parser.add_argument("--naive-sample", type=int, default=100)
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument("--fold", type=int, default=0, help="then fold this many new events into the run")
    parser.add_argument("--fold-batch", type=int, default=5000)
    parser.add_argument("--phase", choices=["generate", "db", "dump", "memory", "naive", "fold"])
    args = parser.parse_args()
    if args.phase:
        setup_django()
        if args.phase == "generate":
            generate(args.firms, args.events)
            return
        result = {
            "db": lambda: phase_db(args.batch_rows),
            "dump": phase_dump,
            "memory": phase_memory,
            "naive": lambda: phase_naive(args.naive_sample),
            "fold": lambda: phase_fold(args.fold, args.fold_batch),
        }[args.phase]()
        print(json.dumps(result))
        return
    common = ["--firms", str(args.firms), "--events", str(args.events)]
    if not args.skip_generate:
        subprocess.run(
            [sys.executable, "-m", "bench.spillover_recompute", "--phase", "generate", *common], cwd=ROOT, check=True
        )
    db = child(["--phase", "db", "--batch-rows", str(args.batch_rows), *common])
    child(["--phase", "dump", *common])
    mem = child(["--phase", "memory", *common])
    report: dict[str, Any] = {"firms": args.firms, "events": db["events"], "db": db, "memory": mem,
                              "db_over_memory": db["seconds"] / mem["seconds"]}  # fmt: skip
    if args.naive:
        naive = child(["--phase", "naive", "--naive-sample", str(args.naive_sample), *common])
        report["naive"] = naive
        report["naive_over_memory"] = naive["seconds"] / mem["seconds"]
        report["naive_over_db"] = naive["seconds"] / db["seconds"]
    if args.fold:
        report["fold"] = child(["--phase", "fold", "--fold", str(args.fold), "--fold-batch", str(args.fold_batch)])
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
