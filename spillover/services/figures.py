"""Computing a run: every figure of the model, in memory, from a snapshot and the streamed events."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp

from spillover import model as sm
from spillover.models import Run
from spillover.services import partitions
from spillover.services.parameters import parameters_validate
from spillover.services.progress import Progress, progress_set
from spillover.services.snapshot import Snapshot, event_ranges, events_estimate, stream_pause

TOP_PAIRS = 10

Array = np.ndarray


@dataclass(frozen=True)
class ClusterProvinces:
    """Of a cluster's internal flow: the share crossing provinces, and per member province the flow
    out of it (``total``) and the part of it absorbed in another province (``crossing``)."""

    crossing_share: float
    rows: list[dict[str, Any]]  # stored as ClusterScore.provinces: {"province", "total", "crossing"}


@dataclass(frozen=True, eq=False)
class Figures:
    """Every stored figure of a run, indexed as the snapshot's firms, assets, clusters, provinces
    and sectors are (linear figures valued at the run's as-of time)."""

    snap: Snapshot
    months: list[str]  # "YYYY-MM" of the monthly series
    events: int  # events read
    total_flow: float  # Σ F
    # firms
    stock: Array  # G_i
    pool: Array  # Jaffe pool
    pool_mahalanobis: Array  # Mahalanobis pool
    inflow: Array
    outflow: Array
    absorption: Array  # In_i / POOL_i
    series_in: Array  # months × firms, undecayed weighted inflow per month
    series_out: Array  # months × firms
    flows: sp.csr_matrix  # F, every pair (only the kept ones are stored)
    # flow edges kept: each firm's top pairs and every pair inside a cluster
    edge_absorber: Array
    edge_source: Array
    edge_value: Array
    # clusters
    clusters: sm.ClusterFigures
    cluster_members: Array  # active members per cluster
    csi_series: Array  # months × clusters
    cluster_provinces: list[ClusterProvinces]
    # assets
    reach: sm.Reach
    generality_cluster: Array
    generality_province: Array
    generality_sector: Array
    pagerank: Array
    descendants: Array
    # regions and sectors
    regions: sm.RegionFigures  # by province
    sectors: sm.RegionFigures
    # how the record of use was folded: partitions, and how many each process mapped
    partitions: int = 0
    mapped_by: dict[str, int] = field(default_factory=dict)


# Events per partition. Measured at 10 k firms / 1 M events on 2 cores: 1,000,000 took 4.4 s and
# 431 MB, 250,000 3.7 s and 307 MB before the next partition was read while one is folded; smaller
# arrays fold faster and the read of the next one overlaps the fold (partitions.partials_local).
BATCH_ROWS = 250_000


def compute(
    *,
    run: Run,
    on_progress: Progress | None = None,
    batch_rows: int | None = None,
    map_tasks: int = 0,
    map_queue: str | None = None,
    map_here: bool = True,
) -> Figures:
    """Every figure of the run, in memory, from a snapshot of the platform and the record of use
    folded partition by partition: here, or (``map_tasks`` > 0) mapped by that many Celery tasks
    and this process and reduced here in partition order, which gives the same figures to the last
    bit (``partitions``)."""
    params = parameters_validate(run.parameters)
    as_of = run.as_of.timestamp()
    progress_set(run=run, stage="reading", fraction=0.01, on_progress=on_progress)
    snap = Snapshot(as_of=run.as_of)
    batch = batch_rows or int(run.parameters.get("batch_rows", BATCH_ROWS))
    ranges = event_ranges(upto_id=run.events_upto_id, batch_rows=batch)
    ctx = partitions.MapContext.of(run_id=run.pk, snap=snap, params=params, as_of=run.as_of, ranges=ranges)
    acc = sm.FlowAccumulator(ctx.structure, params, as_of=as_of)
    estimate = max(1, events_estimate(upto_id=run.events_upto_id))
    if map_tasks > 0:
        parts = partitions.partials_distributed(ctx, tasks=map_tasks, queue=map_queue, map_here=map_here)
    else:
        parts = partitions.partials_local(ctx)
    for part in parts:
        acc.merge_partial(part)
        if part.events:
            fraction = 0.05 + 0.6 * min(1.0, acc.events / estimate)
            progress_set(run=run, stage="events", fraction=fraction, on_progress=on_progress, events=acc.events)
            stream_pause()
    progress_set(run=run, stage="scoring", fraction=0.7, on_progress=on_progress)
    mapped = partitions.mapped_by(run.pk) if map_tasks > 0 else {"here": len(ranges)}
    return dataclasses.replace(
        figures(snap=snap, acc=acc, params=params, as_of=as_of), partitions=len(ranges), mapped_by=mapped
    )


def figures(*, snap: Snapshot, acc: sm.FlowAccumulator, params: sm.Parameters, as_of: float) -> Figures:
    """Turn the accumulated use matrix and the snapshot into every stored figure."""
    lam = params.lam
    stocks = sm.knowledge_stocks(
        categories=snap.categories, ownership=snap.ownership, published=snap.published, at=as_of, lam=lam
    )
    n, g = sm.profiles(stocks)
    pool = sm.jaffe_pool(n, g)
    pool_m = sm.mahalanobis_pool(n, g, sm.omega(stocks))
    inflow, outflow = sm.inflow_outflow(acc.use, snap.ownership)
    flows = sm.flow_matrix(acc.use, snap.ownership)

    # clusters
    cpool = sm.cluster_pools(n, g, snap.membership)
    cfig = sm.cluster_figures(
        use=acc.use, ownership=snap.ownership, membership=snap.membership, g=g, cluster_pool=cpool
    )
    months = acc.months()
    ends = sm.month_end(months)
    internal_series = sm.decayed_series(acc.monthly_internal, ends, lam)
    stock_series = sm.decayed_series(
        sm.cluster_stock_contrib(
            categories=snap.categories, ownership=snap.ownership, membership=snap.membership,
            published=snap.published, first_month=int(months[0]), last_month=int(months[-1]), lam=lam,
        ),
        ends,
        lam,
    )  # fmt: skip
    csi_series = np.divide(internal_series, stock_series, out=np.zeros_like(internal_series), where=stock_series > 0)

    # edges kept: each firm's top pairs and every pair inside a cluster
    coo = flows.tocoo()
    keep = np.zeros(coo.nnz, dtype=bool)
    ti, tj, _tv = sm.top_pairs(flows, TOP_PAIRS)
    top_keys = np.sort(ti * flows.shape[1] + tj)
    keys = coo.row.astype(np.int64) * flows.shape[1] + coo.col.astype(np.int64)
    keep |= np.isin(keys, top_keys)
    step = 1_000_000
    for s in range(0, coo.nnz, step):
        keep[s : s + step] |= sm.shared_membership(snap.membership, coo.row[s : s + step], coo.col[s : s + step])

    # assets
    provinces = sm.one_hot(snap.firm_province, len(snap.provinces))
    na = snap.asset_ids.size
    derived = snap.link_derivation

    return Figures(
        snap=snap,
        months=[f"{int(m) // 12 + 1970:04d}-{int(m) % 12 + 1:02d}" for m in months],
        events=acc.events,
        total_flow=float(inflow.sum()),
        stock=g,
        pool=pool,
        pool_mahalanobis=pool_m,
        inflow=inflow,
        outflow=outflow,
        absorption=sm.absorption_rate(inflow, pool),
        series_in=acc.monthly_in,
        series_out=acc.monthly_out,
        flows=flows,
        edge_absorber=coo.row[keep],
        edge_source=coo.col[keep],
        edge_value=coo.data[keep],
        clusters=cfig,
        cluster_members=np.asarray(snap.membership.sum(axis=0)).ravel().astype(np.int64),
        csi_series=csi_series,
        cluster_provinces=_cluster_provinces(flows, snap),
        reach=sm.asset_reach(acc.use),
        generality_cluster=sm.generality(acc.use, sm.row_normalise(snap.membership)),
        generality_province=sm.generality(acc.use, provinces),
        generality_sector=sm.generality(acc.use, snap.sectors),
        pagerank=sm.pagerank(na, snap.link_citing, snap.link_cited),
        descendants=sm.descendants(na, snap.link_citing[derived], snap.link_cited[derived]),
        regions=sm.region_figures(
            use=acc.use, ownership=snap.ownership, categories=snap.asset_categories, classes=provinces
        ),
        sectors=sm.region_figures(
            use=acc.use, ownership=snap.ownership, categories=snap.asset_categories, classes=snap.sectors
        ),
    )


def _cluster_provinces(flows: sp.csr_matrix, snap: Snapshot) -> list[ClusterProvinces]:
    """Per cluster: the share of its internal flow that crosses provinces, and flows by source province."""
    out = []
    m = sp.csc_matrix(snap.membership)
    for c in range(snap.cluster_ids.size):
        members = m.indices[m.indptr[c] : m.indptr[c + 1]]
        sub = flows[members][:, members].tocoo()
        src = snap.firm_province[members[sub.col]]
        dst = snap.firm_province[members[sub.row]]
        total = np.bincount(src, weights=sub.data, minlength=len(snap.provinces))
        crossing = np.bincount(src, weights=sub.data * (src != dst), minlength=len(snap.provinces))
        present = np.unique(snap.firm_province[members])
        rows = [
            {"province": snap.provinces[p], "total": float(total[p]), "crossing": float(crossing[p])} for p in present
        ]
        share = float(crossing.sum() / total.sum()) if total.sum() > 0 else 0.0
        out.append(ClusterProvinces(crossing_share=share, rows=rows))
    return out
