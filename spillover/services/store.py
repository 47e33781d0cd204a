"""Writing a run's figures: firm scores, flow edges and asset scores with COPY, clusters and regions
in bulk. Linear figures are rounded to 9 decimals (far below any figure's meaning)."""

from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
from django.db import connection

from spillover.models import AssetScore, ClusterScore, FirmScore, FlowEdge, RegionScore, Run
from spillover.pgcopy import copy_in
from spillover.services.figures import Figures


def _r(x: float) -> float:
    return float(round(float(x), 9))


def _write_arrays(run: Run, fig: Figures) -> None:
    """The two largest tables, flow pairs and asset scores, each one binary COPY."""
    snap, rid = fig.snap, run.pk
    ei = fig.edge_absorber
    copy_in(
        FlowEdge._meta.db_table,
        ["run_id", "absorber_id", "source_id", "value"],
        ["int8", "int8", "int8", "float8"],
        [np.full(ei.size, rid), snap.firm_ids[ei], snap.firm_ids[fig.edge_source], fig.edge_value],
    )
    na = snap.asset_ids.size
    copy_in(
        AssetScore._meta.db_table,
        ["run_id", "asset_id", "uses", "breadth", "generality_cluster", "generality_province",
         "generality_sector", "descendants", "pagerank"],
        ["int8", "int8", "float8", "int4", "float8", "float8", "float8", "int4", "float8"],
        [np.full(na, rid), snap.asset_ids, fig.reach.uses, fig.reach.breadth, fig.generality_cluster,
         fig.generality_province, fig.generality_sector, fig.descendants, fig.pagerank],
    )  # fmt: skip


def figures_write(*, run: Run, fig: Figures) -> None:
    """Store every figure of ``fig`` under ``run`` (which is not yet current).

    Outside a transaction the flow pairs and asset scores are written on a second connection, in a
    thread, while this one writes the rest: each COPY waits mostly on PostgreSQL, so the two overlap
    (the run is made current only after both, in ``runs._finalise``). Inside a transaction (tests)
    everything is written here, in order."""
    aside: Future[None] | None = None
    writer = None
    if not connection.in_atomic_block:
        writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spillover-write")
        aside = writer.submit(_write_arrays_closing, run, fig)
    try:
        _write_rest(run, fig)
        if aside is None:
            _write_arrays(run, fig)
        else:
            aside.result()
    finally:
        if writer is not None:
            writer.shutdown(wait=True)


def _write_arrays_closing(run: Run, fig: Figures) -> None:
    try:
        _write_arrays(run, fig)
    finally:
        connection.close()  # this thread's own connection


def _write_rest(run: Run, fig: Figures) -> None:
    """Firm scores (one COPY), cluster and region scores (in bulk)."""
    snap = fig.snap
    rid = run.pk
    nf = snap.firm_ids.size
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(
            f"COPY {FirmScore._meta.db_table} (run_id, firm_id, stock, pool, pool_mahalanobis, inflow, outflow, "
            "absorption, series_in, series_out) FROM STDIN"
        ) as cp,
    ):
        sin, sout = np.round(fig.series_in, 6), np.round(fig.series_out, 6)
        active = (sin.sum(axis=0) > 0) | (sout.sum(axis=0) > 0)
        empty = json.dumps([0.0] * sin.shape[0])
        for i in range(nf):
            cp.write_row(
                (
                    rid, int(snap.firm_ids[i]), _r(fig.stock[i]), _r(fig.pool[i]), _r(fig.pool_mahalanobis[i]),
                    _r(fig.inflow[i]), _r(fig.outflow[i]), _r(fig.absorption[i]),
                    json.dumps(sin[:, i].tolist()) if active[i] else empty,
                    json.dumps(sout[:, i].tolist()) if active[i] else empty,
                )
            )  # fmt: skip
    c = fig.clusters
    ClusterScore.objects.bulk_create(
        [
            ClusterScore(
                run_id=rid, cluster_id=int(cid), members=int(fig.cluster_members[k]), stock=_r(c.stock[k]),
                pool=_r(c.pool[k]), internal=_r(c.internal[k]), external=_r(c.external[k]), csi=_r(c.csi[k]),
                realisation=_r(c.realisation[k]), ei=_r(c.ei[k]),
                cross_province=_r(fig.cluster_provinces[k].crossing_share),
                series=[_r(v) for v in fig.csi_series[:, k]], provinces=fig.cluster_provinces[k].rows,
            )
            for k, cid in enumerate(snap.cluster_ids)
        ],
        batch_size=1000,
    )  # fmt: skip
    rows = []
    for dim, reg, keys in (
        ("province", fig.regions, snap.provinces),
        ("sector", fig.sectors, [str(s) for s in snap.sector_ids]),
    ):
        for k, key in enumerate(keys):
            rows.append(
                RegionScore(
                    run_id=rid, dimension=dim, key=key, total=_r(reg.total[k]),
                    outside_share=_r(reg.outside_share[k]), observed=_r(reg.observed[k]),
                    expected=_r(reg.expected[k]), localisation=_r(reg.localisation[k]),
                )
            )  # fmt: skip
    RegionScore.objects.bulk_create(rows, batch_size=1000)
