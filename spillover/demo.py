"""Demo stage "events": the record of use (views, downloads, licences, citations, derivations) at scale,
built by the spillover domain, which reads it.

Firms use mostly the assets of fellow cluster members and of firms nearby in the list (a stand-in
for shared specialisms), some at random; every use falls after the asset's publication. Rows are
generated with numpy in batches and written with binary COPY, then moved into the use table with
``ON CONFLICT DO NOTHING`` (one use per firm, asset, kind and day), so ten million events take
bounded memory. Leaves ``facts["use_events"]`` (the number written).
"""

from __future__ import annotations

import argparse

import numpy as np
from django.db import connection

from knowledge.models import UseEvent
from platform_.demo import DemoContext, DemoStage, demo_stage_register
from spillover.pgcopy import copy_in

KINDS = ["view", "download", "licence", "citation", "derivation"]
KIND_P = np.array([0.55, 0.25, 0.08, 0.08, 0.04])
BATCH = 1_000_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=int, default=None, help="Use events to generate (default: 40 per firm).")


def build(ctx: DemoContext) -> None:
    firm_ids = np.asarray(ctx.ids.get("firms", []), dtype=np.int64)
    asset_ids = np.asarray(ctx.ids.get("assets", []), dtype=np.int64)
    total = ctx.options.get("events") or 40 * firm_ids.size
    if firm_ids.size < 2 or asset_ids.size == 0 or total <= 0:
        ctx.facts["use_events"] = 0
        return
    rng = np.random.default_rng(ctx.rng("events").getrandbits(64))
    owner_of = ctx.facts.get("asset_owner", {})
    published_at = ctx.facts.get("asset_published_at", {})
    now = ctx.now.timestamp()
    published = np.array(
        [published_at[a].timestamp() if a in published_at else now - 365 * 86400 for a in asset_ids.tolist()]
    )
    firm_pos = {f: i for i, f in enumerate(firm_ids.tolist())}
    owner = np.array([firm_pos.get(owner_of.get(a), -1) for a in asset_ids.tolist()], dtype=np.int64)
    # assets by owner position, to draw "an asset of firm j" quickly
    order = np.argsort(owner, kind="stable")
    by_owner_start = np.searchsorted(owner[order], np.arange(firm_ids.size))
    by_owner_end = np.searchsorted(owner[order], np.arange(firm_ids.size), side="right")
    members = ctx.facts.get("cluster_members", {})
    peers: list[np.ndarray] = [np.zeros(0, dtype=np.int64)] * firm_ids.size
    cluster_of: dict[int, list[np.ndarray]] = {}
    for firms in members.values():
        pos = np.array([firm_pos[f] for f in firms if f in firm_pos], dtype=np.int64)
        for p in pos.tolist():
            cluster_of.setdefault(p, []).append(pos)
    for p, lists in cluster_of.items():
        peers[p] = np.unique(np.concatenate(lists))

    with connection.cursor() as c:
        c.execute("CREATE TEMP TABLE demo_events (firm_id int8, asset_id int8, kind int2, at float8) ON COMMIT DROP")
    written = 0
    bar = ctx.progress(total=total, desc="use events", unit="ev")
    while written < total:
        m = min(BATCH, total - written)
        user = rng.integers(0, firm_ids.size, m)
        mode = rng.random(m)
        source = (user + rng.integers(-20, 21, m)) % firm_ids.size  # neighbours
        in_cluster = mode < 0.5
        for i in np.nonzero(in_cluster)[0].tolist():
            pool = peers[user[i]]
            if pool.size:
                source[i] = pool[rng.integers(0, pool.size)]
        random_pick = mode > 0.85
        source[random_pick] = rng.integers(0, firm_ids.size, int(random_pick.sum()))
        start, end = by_owner_start[source], by_owner_end[source]
        has = end > start
        pick = np.where(has, start + (rng.random(m) * np.maximum(end - start, 1)).astype(np.int64), 0)
        asset = np.where(has, order[np.minimum(pick, order.size - 1)], rng.integers(0, asset_ids.size, m))
        first = np.maximum(published[asset], now - 3 * 365.25 * 86400)
        at = first + rng.random(m) * np.maximum(now - first, 0)
        kind = rng.choice(len(KINDS), m, p=KIND_P)
        copy_in("demo_events", ["firm_id", "asset_id", "kind", "at"], ["int8", "int8", "int2", "float8"],
                [firm_ids[user], asset_ids[asset], kind, at])  # fmt: skip
        written += m
        bar.update(m)
    bar.close()
    with connection.cursor() as c:
        c.execute(
            f"INSERT INTO {UseEvent._meta.db_table} (firm_id, asset_id, kind, occurred_at, day) "  # noqa: S608 - ours
            "SELECT firm_id, asset_id, (ARRAY['view','download','licence','citation','derivation'])[kind + 1], "
            "to_timestamp(at), (to_timestamp(at) AT TIME ZONE 'Asia/Shanghai')::date FROM demo_events "
            "ON CONFLICT DO NOTHING"
        )
        ctx.facts["use_events"] = c.rowcount
        c.execute("DROP TABLE demo_events")
    ctx.log(f"use events: {ctx.facts['use_events']}")


demo_stage_register(DemoStage(name="events", order=50, build=build, add_arguments=add_arguments))
