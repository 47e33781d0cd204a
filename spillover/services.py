"""Writes of the spillover app: full recompute runs and incremental folding of new use events.

A run streams the use events from PostgreSQL with binary COPY in bounded batches, computes the
model of ``spillover.model`` in memory (no n × n matrix), writes its figures with COPY, and only
then becomes current. New events are folded into the current run incrementally and exactly
(linear figures are valued at the run's as-of time); the periodic recompute refreshes the
nonlinear ones (Ω, PageRank, generality, breadth, monthly series).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

import numpy as np
import scipy.sparse as sp
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from clusters.models import ClusterMembership, MembershipStatus
from knowledge.models import Asset, AssetLink, AssetOwnership, AssetStatus, UseEvent
from platform_.errors import Conflict, DomainError
from platform_.identity.models import Firm
from spillover import model as sm
from spillover.models import AssetScore, ClusterScore, FirmScore, FlowEdge, FoldedEvent, RegionScore, Run, RunStatus
from spillover.pgcopy import copy_in, copy_out_arrays

logger = logging.getLogger(__name__)

RECOMPUTE_LOCK = 0x5B1_11_0E  # advisory lock: one full recompute at a time
TOP_PAIRS = 10
KIND_SQL = (
    "CASE kind WHEN 'view' THEN 0 WHEN 'download' THEN 1 WHEN 'licence' THEN 2 WHEN 'citation' THEN 3 ELSE 4 END::int2"
)
Progress = Callable[[str, float], None]


def _epoch(dt: datetime) -> float:
    return dt.timestamp()


def parameters_validate(data: dict[str, Any] | None) -> sm.Parameters:
    """The model's parameters from stored or submitted data, refusing weights out of order."""
    try:
        return sm.Parameters.from_dict(data)
    except (sm.InvalidParameters, TypeError, ValueError) as exc:
        raise DomainError(_("Invalid spillover parameters: %(reason)s") % {"reason": exc}, code="invalid") from exc


# ---------------------------------------------------------------- runs


def run_start(*, as_of: datetime | None = None, parameters: dict[str, Any] | None = None) -> Run:
    """A new run as of ``as_of`` (now by default) over every event recorded so far."""
    params = parameters_validate(parameters)
    upto = UseEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    return Run.objects.create(as_of=as_of or timezone.now(), parameters=params.as_dict(), events_upto_id=upto)


def run_resume_or_start(*, parameters: dict[str, Any] | None = None) -> Run:
    """The unfinished run a killed worker left behind (same as-of, same events), else a new run."""
    unfinished = Run.objects.filter(status=RunStatus.RUNNING).order_by("-id").first()
    return unfinished or run_start(parameters=parameters)


class _ProgressWriter:
    """Writes a run's progress on a connection of its own, in autocommit: the main connection is
    busy streaming COPY, and the dashboard must see progress before the run commits anything."""

    def __init__(self) -> None:
        self.conn: Any = None

    def write(self, run_id: int, stage: str, fraction: float, events: int | None) -> None:
        import psycopg

        if self.conn is None or self.conn.closed:
            self.conn = psycopg.connect(**connection.get_connection_params(), autocommit=True)
        sql = f"UPDATE {Run._meta.db_table} SET stage = %s, progress = %s"  # noqa: S608 - table names are our models', values are parameters
        args: list[Any] = [stage, round(min(max(fraction, 0.0), 1.0), 4)]
        if events is not None:
            sql += ", event_count = %s"
            args.append(events)
        self.conn.execute(sql + " WHERE id = %s", [*args, run_id])

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


_progress = _ProgressWriter()


def _set_progress(
    run: Run, stage: str, fraction: float, on_progress: Progress | None, *, events: int | None = None
) -> None:
    try:
        _progress.write(run.pk, stage, fraction, events)
    except Exception:  # progress is advisory; never fail a run for it
        logger.exception("spillover progress not written")
    if on_progress is not None:
        on_progress(stage, fraction)


class _Lock:
    """A session-level advisory lock: released by PostgreSQL if the worker dies."""

    def __enter__(self) -> bool:
        with connection.cursor() as c:
            c.execute("SELECT pg_try_advisory_lock(%s)", [RECOMPUTE_LOCK])
            self.held = bool(c.fetchone()[0])
        return self.held

    def __exit__(self, *exc: object) -> None:
        if self.held:
            with connection.cursor() as c:
                c.execute("SELECT pg_advisory_unlock(%s)", [RECOMPUTE_LOCK])


def run_compute(*, run_id: int, on_progress: Progress | None = None, batch_rows: int | None = None) -> Run:
    """Compute a run and make it current. Safe to call twice: a complete run is left alone, a run
    a killed worker left half-written is cleared and computed again from its own as-of and events."""
    run = Run.objects.get(pk=run_id)
    if run.status == RunStatus.COMPLETE:
        return run
    with _Lock() as held:
        if not held:
            raise Conflict(_("Another spillover recompute is running."), code="recompute_running")
        run.refresh_from_db()
        if run.status == RunStatus.COMPLETE:
            return run
        _clear_partial(run)
        try:
            result = compute(run=run, on_progress=on_progress, batch_rows=batch_rows)
            _set_progress(run, "writing", 0.8, on_progress)
            _write(run, result)
            _finalise(run, result)
        except Exception as exc:
            Run.objects.filter(pk=run.pk).update(status=RunStatus.FAILED, error=repr(exc)[:2000])
            raise
        finally:
            _progress.close()
    run.refresh_from_db()
    if on_progress is not None:
        on_progress("complete", 1.0)
    return run


def _clear_partial(run: Run) -> None:
    for model in (FirmScore, FlowEdge, ClusterScore, AssetScore, RegionScore):
        model.objects.filter(run=run)._raw_delete(model.objects.db)
    FoldedEvent.objects.filter(run=run).delete()
    Run.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, progress=0.0, stage="", error="")


# ---------------------------------------------------------------- reading the platform


def _lookup(sorted_ids: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Positions of ``ids`` in ``sorted_ids``, −1 where absent (a dense table when ids are compact)."""
    if sorted_ids.size == 0:
        return np.full(ids.size, -1, dtype=np.int64)
    top = int(sorted_ids[-1])
    if sorted_ids[0] >= 0 and top < 50_000_000 and ids.size > 10_000:
        table = np.full(top + 2, -1, dtype=np.int64)
        table[sorted_ids] = np.arange(sorted_ids.size)
        return table[np.clip(ids, 0, top + 1)]
    pos = np.minimum(np.searchsorted(sorted_ids, ids), sorted_ids.size - 1)
    return np.where(sorted_ids[pos] == ids, pos, -1)


def _fetch(sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
    with connection.cursor() as c:
        c.execute(sql, list(params))
        return c.fetchall()


class Snapshot:
    """Firms, assets, categories, ownership, memberships and links as index arrays."""

    def __init__(self, *, as_of: datetime) -> None:
        firm_rows = _fetch(f"SELECT id, province FROM {Firm._meta.db_table} ORDER BY id")  # noqa: S608 - table names are our models', values are parameters
        self.firm_ids = np.array([r[0] for r in firm_rows], dtype=np.int64)
        provinces = sorted({r[1] for r in firm_rows})
        self.provinces = provinces
        pmap = {p: i for i, p in enumerate(provinces)}
        self.firm_province = np.array([pmap[r[1]] for r in firm_rows], dtype=np.int64)
        nf = self.firm_ids.size

        through = Firm.sectors.through
        srows = np.array(_fetch(f"SELECT firm_id, sector_id FROM {through._meta.db_table}"), dtype=np.int64).reshape(  # noqa: S608 - table names are our models', values are parameters
            -1, 2
        )
        self.sector_ids = np.unique(srows[:, 1])
        fi = _lookup(self.firm_ids, srows[:, 0])
        ok = fi >= 0
        self.sectors = sm.equal_shares(
            fi[ok], _lookup(self.sector_ids, srows[ok, 1]), (nf, max(1, self.sector_ids.size))
        )

        arows = _fetch(
            f"SELECT id, extract(epoch from published_at)::float8, status = %s FROM {Asset._meta.db_table} "  # noqa: S608 - table names are our models', values are parameters
            "WHERE published_at IS NOT NULL AND published_at <= %s ORDER BY id",
            [AssetStatus.PUBLISHED, as_of],
        )
        self.asset_ids = np.array([r[0] for r in arows], dtype=np.int64)
        self.published = np.array([r[1] for r in arows], dtype=np.float64)
        self.live = np.array([r[2] for r in arows], dtype=bool)
        na = self.asset_ids.size

        cthrough = Asset.categories.through
        crows = np.array(
            _fetch(f"SELECT asset_id, knowledgecategory_id FROM {cthrough._meta.db_table}"),  # noqa: S608 - our table
            dtype=np.int64,
        ).reshape(-1, 2)
        self.category_ids = np.unique(crows[:, 1]) if crows.size else np.zeros(0, dtype=np.int64)
        ai = _lookup(self.asset_ids, crows[:, 0])
        ok = ai >= 0
        cats = sm.equal_shares(ai[ok], _lookup(self.category_ids, crows[ok, 1]), (na, max(1, self.category_ids.size)))
        self.categories = sp.csr_matrix(sp.diags(self.live.astype(float)) @ cats)

        orows = np.array(
            _fetch(f"SELECT asset_id, firm_id, share::float8 FROM {AssetOwnership._meta.db_table}"),  # noqa: S608 - table names are our models', values are parameters
            dtype=np.float64,
        ).reshape(-1, 3)
        ai = _lookup(self.asset_ids, orows[:, 0].astype(np.int64))
        fi = _lookup(self.firm_ids, orows[:, 1].astype(np.int64))
        ok = (ai >= 0) & (fi >= 0)
        self.ownership = sp.csr_matrix((orows[ok, 2], (ai[ok], fi[ok])), shape=(na, nf))

        mrows = np.array(
            _fetch(
                f"SELECT firm_id, cluster_id FROM {ClusterMembership._meta.db_table} WHERE status = %s",  # noqa: S608 - table names are our models', values are parameters
                [MembershipStatus.ACTIVE],
            ),
            dtype=np.int64,
        ).reshape(-1, 2)
        self.cluster_ids = np.unique(mrows[:, 1])
        fi = _lookup(self.firm_ids, mrows[:, 0])
        ok = fi >= 0
        self.membership = sp.csr_matrix(
            (np.ones(int(ok.sum())), (fi[ok], _lookup(self.cluster_ids, mrows[ok, 1]))),
            shape=(nf, self.cluster_ids.size),
        )
        self.membership.data[:] = 1.0

        lrows = _fetch(f"SELECT citing_id, cited_id, kind FROM {AssetLink._meta.db_table}")  # noqa: S608 - table names are our models', values are parameters
        citing = _lookup(self.asset_ids, np.array([r[0] for r in lrows], dtype=np.int64))
        cited = _lookup(self.asset_ids, np.array([r[1] for r in lrows], dtype=np.int64))
        derivation = np.array([r[2] == "derivation" for r in lrows], dtype=bool)
        ok = (citing >= 0) & (cited >= 0)
        self.link_citing, self.link_cited, self.link_derivation = citing[ok], cited[ok], derivation[ok]


def stream_events(
    *, upto_id: int, as_of: datetime, batch_rows: int = 1_000_000
) -> Iterable[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """(firm ids, asset ids, kind indices, epoch seconds) in batches of at most ``batch_rows`` ids.

    Each batch is one binary COPY of one row of arrays over a range of primary keys (keyset
    batches: memory bounded by the batch on both sides, no per-row messages or objects).
    """
    sql = (
        f"SELECT array_agg(firm_id::int8), array_agg(asset_id::int8), array_agg({KIND_SQL}), "  # noqa: S608 - ours
        "array_agg(extract(epoch from occurred_at)::float8) "
        f"FROM {UseEvent._meta.db_table} WHERE id > %s AND id <= %s AND occurred_at <= %s"
    )
    pause = float(os.environ.get("SPILLOVER_STREAM_PAUSE", "0") or 0)  # fault drills only
    first = UseEvent.objects.order_by("id").values_list("id", flat=True).first()
    low = (first - 1) if first else upto_id
    while low < upto_id:
        high = min(low + batch_rows, upto_id)
        firm, asset, kind, t = copy_out_arrays(sql, [low, high, as_of], ["int8", "int8", "int2", "float8"])
        low = high
        if firm.size:
            yield firm, asset, kind, t
            if pause:
                time.sleep(pause)


# ---------------------------------------------------------------- computing


def compute(*, run: Run, on_progress: Progress | None = None, batch_rows: int | None = None) -> dict[str, Any]:
    """Every figure of the run, in memory, from a snapshot of the platform and the streamed events."""
    params = parameters_validate(run.parameters)
    as_of = _epoch(run.as_of)
    _set_progress(run, "reading", 0.01, on_progress)
    snap = Snapshot(as_of=run.as_of)
    structure = sm.Structure(snap.ownership, snap.membership)
    acc = sm.FlowAccumulator(structure, params, as_of=as_of)
    estimate = max(1, _estimate_events(run.events_upto_id))
    batch = batch_rows or int(run.parameters.get("batch_rows", 1_000_000))
    for firm_ids, asset_ids, kind, t in stream_events(upto_id=run.events_upto_id, as_of=run.as_of, batch_rows=batch):
        fi = _lookup(snap.firm_ids, firm_ids)
        ai = _lookup(snap.asset_ids, asset_ids)
        ok = (fi >= 0) & (ai >= 0)
        acc.add(firm=fi[ok], asset=ai[ok], kind=kind[ok], t=t[ok])
        _set_progress(run, "events", 0.05 + 0.6 * min(1.0, acc.events / estimate), on_progress, events=acc.events)
    _set_progress(run, "scoring", 0.7, on_progress)
    return figures(snap=snap, acc=acc, params=params, as_of=as_of)


def _estimate_events(upto: int) -> int:
    rows = _fetch("SELECT reltuples::int8 FROM pg_class WHERE relname = %s", [UseEvent._meta.db_table])
    est = rows[0][0] if rows else 0
    return int(est) if est and est > 0 else upto


def figures(*, snap: Snapshot, acc: sm.FlowAccumulator, params: sm.Parameters, as_of: float) -> dict[str, Any]:
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
    provinces = _cluster_provinces(flows, snap)

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
    reach = sm.asset_reach(acc.use)
    gen_cluster = sm.generality(acc.use, sm.row_normalise(snap.membership))
    gen_province = sm.generality(acc.use, sm.one_hot(snap.firm_province, len(snap.provinces)))
    gen_sector = sm.generality(acc.use, snap.sectors)
    na = snap.asset_ids.size
    pr = sm.pagerank(na, snap.link_citing, snap.link_cited)
    desc = sm.descendants(na, snap.link_citing[snap.link_derivation], snap.link_cited[snap.link_derivation])

    # regions and sectors
    reg = sm.region_figures(
        use=acc.use, ownership=snap.ownership, categories=snap.categories,
        classes=sm.one_hot(snap.firm_province, len(snap.provinces)),
    )  # fmt: skip
    sec = sm.region_figures(use=acc.use, ownership=snap.ownership, categories=snap.categories, classes=snap.sectors)

    return {
        "snap": snap,
        "months": [f"{int(m) // 12 + 1970:04d}-{int(m) % 12 + 1:02d}" for m in months],
        "stock": g, "pool": pool, "pool_m": pool_m, "inflow": inflow, "outflow": outflow,
        "absorption": sm.absorption_rate(inflow, pool),
        "series_in": acc.monthly_in, "series_out": acc.monthly_out,
        "edges": (coo.row[keep], coo.col[keep], coo.data[keep]),
        "clusters": cfig, "csi_series": csi_series, "cluster_provinces": provinces,
        "cluster_members": np.asarray(snap.membership.sum(axis=0)).ravel().astype(np.int64),
        "reach": reach, "gen_cluster": gen_cluster, "gen_province": gen_province, "gen_sector": gen_sector,
        "pagerank": pr, "descendants": desc, "regions": reg, "sectors": sec,
        "events": acc.events, "total_flow": float(inflow.sum()),
    }  # fmt: skip


def _cluster_provinces(flows: sp.csr_matrix, snap: Snapshot) -> list[tuple[float, list[dict[str, Any]]]]:
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
        out.append((share, rows))
    return out


# ---------------------------------------------------------------- writing


def _r(x: float) -> float:
    return float(round(float(x), 9))


def _write(run: Run, res: dict[str, Any]) -> None:
    snap: Snapshot = res["snap"]
    rid = run.pk
    nf = snap.firm_ids.size
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(
            f"COPY {FirmScore._meta.db_table} (run_id, firm_id, stock, pool, pool_mahalanobis, inflow, outflow, "
            "absorption, series_in, series_out) FROM STDIN"
        ) as cp,
    ):
        sin, sout = np.round(res["series_in"], 6), np.round(res["series_out"], 6)
        active = (sin.sum(axis=0) > 0) | (sout.sum(axis=0) > 0)
        empty = json.dumps([0.0] * sin.shape[0])
        for i in range(nf):
            cp.write_row(
                (
                    rid, int(snap.firm_ids[i]), _r(res["stock"][i]), _r(res["pool"][i]), _r(res["pool_m"][i]),
                    _r(res["inflow"][i]), _r(res["outflow"][i]), _r(res["absorption"][i]),
                    json.dumps(sin[:, i].tolist()) if active[i] else empty,
                    json.dumps(sout[:, i].tolist()) if active[i] else empty,
                )
            )  # fmt: skip
    ei, ej, ev = res["edges"]
    copy_in(
        FlowEdge._meta.db_table,
        ["run_id", "absorber_id", "source_id", "value"],
        ["int8", "int8", "int8", "float8"],
        [np.full(ei.size, rid), snap.firm_ids[ei], snap.firm_ids[ej], ev],
    )
    na = snap.asset_ids.size
    copy_in(
        AssetScore._meta.db_table,
        ["run_id", "asset_id", "uses", "breadth", "generality_cluster", "generality_province",
         "generality_sector", "descendants", "pagerank"],
        ["int8", "int8", "float8", "int4", "float8", "float8", "float8", "int4", "float8"],
        [np.full(na, rid), snap.asset_ids, res["reach"].uses, res["reach"].breadth, res["gen_cluster"],
         res["gen_province"], res["gen_sector"], res["descendants"], res["pagerank"]],
    )  # fmt: skip
    c = res["clusters"]
    ClusterScore.objects.bulk_create(
        [
            ClusterScore(
                run_id=rid, cluster_id=int(cid), members=int(res["cluster_members"][k]), stock=_r(c.stock[k]),
                pool=_r(c.pool[k]), internal=_r(c.internal[k]), external=_r(c.external[k]), csi=_r(c.csi[k]),
                realisation=_r(c.realisation[k]), ei=_r(c.ei[k]),
                cross_province=_r(res["cluster_provinces"][k][0]),
                series=[_r(v) for v in res["csi_series"][:, k]], provinces=res["cluster_provinces"][k][1],
            )
            for k, cid in enumerate(snap.cluster_ids)
        ],
        batch_size=1000,
    )  # fmt: skip
    rows = []
    for dim, fig, keys in (
        ("province", res["regions"], snap.provinces),
        ("sector", res["sectors"], [str(s) for s in snap.sector_ids]),
    ):
        for k, key in enumerate(keys):
            rows.append(
                RegionScore(
                    run_id=rid, dimension=dim, key=key, total=_r(fig.total[k]),
                    outside_share=_r(fig.outside_share[k]), observed=_r(fig.observed[k]),
                    expected=_r(fig.expected[k]), localisation=_r(fig.localisation[k]),
                )
            )  # fmt: skip
    RegionScore.objects.bulk_create(rows, batch_size=1000)


def _finalise(run: Run, res: dict[str, Any]) -> None:
    """Make the run current in one transaction, folding in what was recorded while it ran."""
    with transaction.atomic():
        locked = Run.objects.select_for_update().get(pk=run.pk)
        Run.objects.filter(is_current=True).exclude(pk=run.pk).update(is_current=False)
        locked.status = RunStatus.COMPLETE
        locked.is_current = True
        locked.progress = 1.0
        locked.stage = "complete"
        locked.finished_at = timezone.now()
        locked.event_count = res["events"]
        locked.months = res["months"]
        locked.summary = {
            "firms": int(res["snap"].firm_ids.size),
            "assets": int(res["snap"].asset_ids.size),
            "clusters": int(res["snap"].cluster_ids.size),
            "events": int(res["events"]),
            "total_flow": res["total_flow"],
        }
        locked.save()
        later = list(
            UseEvent.objects.filter(id__gt=locked.events_upto_id).order_by("id").values_list("id", flat=True)[:100_000]
        )
        if later:
            _fold_into(locked, later)
    _prune()


def _prune() -> None:
    """Keep the current run and the one before it; drop older ones and failed leftovers."""
    keep = list(Run.objects.filter(status=RunStatus.COMPLETE).order_by("-finished_at").values_list("id", flat=True)[:2])
    old = Run.objects.exclude(id__in=keep).exclude(status=RunStatus.RUNNING)
    for rid in old.values_list("id", flat=True):
        for model in (FirmScore, FlowEdge, ClusterScore, AssetScore, RegionScore):
            model.objects.filter(run_id=rid)._raw_delete(model.objects.db)
        Run.objects.filter(pk=rid).delete()


# ---------------------------------------------------------------- incremental folding


def events_fold(*, event_ids: Iterable[int]) -> int:
    """Fold new use events into the current run, exactly and at most once each. Returns how many."""
    ids = sorted({int(i) for i in event_ids})
    if not ids:
        return 0
    with transaction.atomic():
        run = Run.objects.select_for_update().filter(is_current=True).first()
        if run is None:
            return 0
        return _fold_into(run, ids)


def _fold_into(run: Run, ids: list[int]) -> int:
    table = FoldedEvent._meta.db_table
    with connection.cursor() as c:
        c.execute(
            f"INSERT INTO {table} (run_id, event_id) SELECT %s, e.id FROM {UseEvent._meta.db_table} e "  # noqa: S608 - table names are our models', values are parameters
            "WHERE e.id = ANY(%s) AND e.id > %s ON CONFLICT DO NOTHING RETURNING event_id",
            [run.pk, ids, run.events_upto_id],
        )
        new = [r[0] for r in c.fetchall()]
    if not new:
        return 0
    params = parameters_validate(run.parameters)
    events = list(UseEvent.objects.filter(id__in=new).values_list("firm_id", "asset_id", "kind", "occurred_at"))
    assets = {a for _f, a, _k, _t in events}
    owners: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for a, f, part in AssetOwnership.objects.filter(asset_id__in=assets).values_list("asset_id", "firm_id", "share"):
        owners[a].append((f, float(part)))
    firms = {f for f, *_ in events} | {f for lst in owners.values() for f, _s in lst}
    clusters: dict[int, set[int]] = defaultdict(set)
    for f, cid in ClusterMembership.objects.filter(firm_id__in=firms, status=MembershipStatus.ACTIVE).values_list(
        "firm_id", "cluster_id"
    ):
        clusters[f].add(cid)

    weights, lam, ref = params.weights, params.lam, _epoch(run.as_of)
    d_in: dict[int, float] = defaultdict(float)
    d_out: dict[int, float] = defaultdict(float)
    d_edge: dict[tuple[int, int], float] = defaultdict(float)
    d_asset: dict[int, float] = defaultdict(float)
    d_int: dict[int, float] = defaultdict(float)
    d_ext: dict[int, float] = defaultdict(float)
    for firm, asset, kind, at in events:
        own = owners.get(asset, [])
        if any(f == firm for f, _s in own):
            continue  # self-use counts 0
        v = weights[kind] * float(sm.decay(sm.years(ref - _epoch(at)), lam))
        d_asset[asset] += v
        for src, share in own:
            x = v * share
            d_in[firm] += x
            d_out[src] += x
            d_edge[(firm, src)] += x
            a_cl, s_cl = clusters.get(firm, set()), clusters.get(src, set())
            for cid in a_cl & s_cl:
                d_int[cid] += x
            for cid in a_cl ^ s_cl:
                d_ext[cid] += x

    for fid in set(d_in) | set(d_out):
        updated = FirmScore.objects.filter(run=run, firm_id=fid).update(
            inflow=F("inflow") + d_in.get(fid, 0.0), outflow=F("outflow") + d_out.get(fid, 0.0)
        )
        if not updated:
            FirmScore.objects.create(run=run, firm_id=fid, inflow=d_in.get(fid, 0.0), outflow=d_out.get(fid, 0.0))
    with connection.cursor() as c:
        if d_in:
            c.execute(
                f"UPDATE {FirmScore._meta.db_table} SET absorption = CASE WHEN pool > 0 THEN inflow / pool ELSE 0 END "  # noqa: S608 - table names are our models', values are parameters
                "WHERE run_id = %s AND firm_id = ANY(%s)",
                [run.pk, list(d_in)],
            )
        for (absorber, src), x in d_edge.items():
            c.execute(
                f"INSERT INTO {FlowEdge._meta.db_table} (run_id, absorber_id, source_id, value) "  # noqa: S608 - our table
                "VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (run_id, absorber_id, source_id) DO UPDATE SET value = "
                f"{FlowEdge._meta.db_table}.value + EXCLUDED.value",
                [run.pk, absorber, src, x],
            )
    for aid, x in d_asset.items():
        if not AssetScore.objects.filter(run=run, asset_id=aid).update(uses=F("uses") + x):
            AssetScore.objects.create(run=run, asset_id=aid, uses=x)
    for cid in set(d_int) | set(d_ext):
        ClusterScore.objects.filter(run=run, cluster_id=cid).update(
            internal=F("internal") + d_int.get(cid, 0.0), external=F("external") + d_ext.get(cid, 0.0)
        )
    if d_int or d_ext:
        with connection.cursor() as c:
            c.execute(
                f"UPDATE {ClusterScore._meta.db_table} SET "  # noqa: S608 - table names are our models', values are parameters
                "csi = CASE WHEN stock > 0 THEN internal / stock ELSE 0 END, "
                "realisation = CASE WHEN pool > 0 THEN internal / pool ELSE 0 END, "
                "ei = CASE WHEN internal + external > 0 THEN (external - internal) / (internal + external) ELSE 0 END "
                "WHERE run_id = %s AND cluster_id = ANY(%s)",
                [run.pk, list(set(d_int) | set(d_ext))],
            )
    Run.objects.filter(pk=run.pk).update(folded_count=F("folded_count") + len(new))
    return len(new)
