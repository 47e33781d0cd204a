"""Folding new use events into the current run, exactly and at most once each.

Every figure folded in is linear in the events, so the figures of the new events alone, valued at
the run's as-of time, are the increments: the model (``spillover.model``) computes them on a small
structure of just the firms, assets and clusters the events touch, with the same functions the full
recompute uses, and the ratios built on the sums (absorption, CSI, realisation, E-I) are recomputed
by the model from the stored sums. Nonlinear figures (breadth, generality, PageRank, the monthly
series) wait for the periodic recompute.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from django.db import connection, transaction
from django.db.models import F, Model

from clusters.models import ClusterMembership, MembershipStatus
from knowledge.models import AssetOwnership, UseEvent
from spillover import model as sm
from spillover.models import AssetScore, ClusterScore, FirmScore, FlowEdge, FoldedEvent, Run
from spillover.services.parameters import parameters_validate
from spillover.services.snapshot import KIND_SQL


def events_fold(*, event_ids: Iterable[int]) -> int:
    """Fold new use events into the current run, exactly and at most once each. Returns how many."""
    ids = sorted({int(i) for i in event_ids})
    if not ids:
        return 0
    with transaction.atomic():
        run = Run.objects.select_for_update().filter(is_current=True).first()
        if run is None:
            return 0
        return events_fold_into(run=run, event_ids=ids)


def events_fold_into(*, run: Run, event_ids: Iterable[int]) -> int:
    """Fold the events into ``run``, which the caller holds locked in its transaction (so folds into
    one run never interleave). Events the run already counts are skipped. Returns how many folded."""
    new = _claim(run, sorted({int(i) for i in event_ids}))
    if not new:
        return 0
    inc = _Increments(run, new)
    _firms_add(run, inc)
    _edges_add(run, inc)
    _assets_add(run, inc)
    _clusters_add(run, inc)
    Run.objects.filter(pk=run.pk).update(folded_count=F("folded_count") + len(new))
    return len(new)


def _rows(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as c:
        c.execute(sql, list(params))
        return c.fetchall() if c.description else []


def _write(
    run: Run,
    model: type[Model],
    keys: dict[str, np.ndarray],
    values: dict[str, np.ndarray],
    *,
    add: bool,
    create: bool = False,
    returning: tuple[str, ...] = (),
) -> list[np.ndarray]:
    """Add ``values`` to (or, ``add=False``, set) float columns of the run's rows of ``model`` that
    ``keys`` name, in one statement; ``create`` makes missing rows (other columns at their defaults).
    Returns the ``returning`` columns of the rows written, one float array each."""
    table, names = model._meta.db_table, [*keys, *values]
    unnest = ", ".join(["%s::int8[]"] * len(keys) + ["%s::float8[]"] * len(values))
    arrays = [np.asarray(a, dtype=np.int64).tolist() for a in keys.values()]
    arrays += [np.asarray(v, dtype=np.float64).tolist() for v in values.values()]
    source = f"unnest({unnest}) AS d({', '.join(names)})"
    new = "EXCLUDED" if create else "d"  # the incoming values, in an upsert or an update
    change = ", ".join(f"{c} = t.{c} + {new}.{c}" if add else f"{c} = {new}.{c}" for c in values)
    tail = f" RETURNING {', '.join(f't.{c}' for c in returning)}" if returning else ""
    if create:
        rest = [f for f in model._meta.concrete_fields if f.column not in {"id", "run_id", *names}]
        # table and column names are our models' and this module's, values are parameters
        sql = (
            f"INSERT INTO {table} AS t (run_id, {', '.join(names)}{''.join(f', {f.column}' for f in rest)}) "  # noqa: S608
            f"SELECT %s, {', '.join(f'd.{c}' for c in names)}{', %s' * len(rest)} FROM {source} "
            f"ON CONFLICT (run_id, {', '.join(keys)}) DO UPDATE SET {change}{tail}"
        )
        defaults = [f.get_db_prep_save(f.get_default(), connection) for f in rest]
        params = [run.pk, *defaults, *arrays]
    else:
        match = " AND ".join(f"t.{k} = d.{k}" for k in keys)
        sql = f"UPDATE {table} AS t SET {change} FROM {source} WHERE t.run_id = %s AND {match}{tail}"  # noqa: S608 - names are ours
        params = [*arrays, run.pk]
    rows = _rows(sql, params)
    return [np.array([r[i] for r in rows], dtype=np.float64) for i in range(len(returning))]


def _claim(run: Run, ids: list[int]) -> list[int]:
    """Record the events as folded into ``run``; returns those not already folded nor counted by it."""
    rows = _rows(
        f"INSERT INTO {FoldedEvent._meta.db_table} (run_id, event_id) SELECT %s, e.id "  # noqa: S608 - table names are our models', values are parameters
        f"FROM {UseEvent._meta.db_table} e WHERE e.id = ANY(%s) AND e.id > %s "
        "ON CONFLICT DO NOTHING RETURNING event_id",
        [run.pk, ids, run.events_upto_id],
    )
    return [r[0] for r in rows]


class _Increments:
    """The figures of a batch of events alone, indexed by the firms, assets and clusters it touches."""

    def __init__(self, run: Run, event_ids: list[int]) -> None:
        params = parameters_validate(run.parameters)
        rows = _rows(
            f"SELECT firm_id, asset_id, {KIND_SQL}, extract(epoch from occurred_at)::float8 "  # noqa: S608 - table names are our models', values are parameters
            f"FROM {UseEvent._meta.db_table} WHERE id = ANY(%s)",
            [event_ids],
        )
        ev = np.array(rows, dtype=np.float64).reshape(-1, 4)
        actor, asset_id = ev[:, 0].astype(np.int64), ev[:, 1].astype(np.int64)
        self.asset_ids, asset = np.unique(asset_id, return_inverse=True)
        own = np.array(
            AssetOwnership.objects.filter(asset_id__in=self.asset_ids.tolist()).values_list(
                "asset_id", "firm_id", "share"
            ),
            dtype=np.float64,
        ).reshape(-1, 3)
        owner_asset, owner = own[:, 0].astype(np.int64), own[:, 1].astype(np.int64)
        self.firm_ids = np.unique(np.concatenate([actor, owner]))
        nf, na = self.firm_ids.size, self.asset_ids.size
        ownership = sp.csr_matrix(
            (own[:, 2], (np.searchsorted(self.asset_ids, owner_asset), np.searchsorted(self.firm_ids, owner))),
            shape=(na, nf),
        )
        mem = np.array(
            ClusterMembership.objects.filter(
                firm_id__in=self.firm_ids.tolist(), status=MembershipStatus.ACTIVE
            ).values_list("firm_id", "cluster_id"),
            dtype=np.int64,
        ).reshape(-1, 2)
        self.cluster_ids, cluster = np.unique(mem[:, 1], return_inverse=True)
        membership = sp.csr_matrix(
            (np.ones(len(mem)), (np.searchsorted(self.firm_ids, mem[:, 0]), cluster)),
            shape=(nf, self.cluster_ids.size),
        )

        acc = sm.FlowAccumulator(sm.Structure(ownership, membership), params, as_of=run.as_of.timestamp())
        acc.add(firm=np.searchsorted(self.firm_ids, actor), asset=asset, kind=ev[:, 2].astype(np.int64), t=ev[:, 3])
        self.inflow, self.outflow = sm.inflow_outflow(acc.use, ownership)
        self.flows = sm.flow_matrix(acc.use, ownership).tocoo()
        self.uses = sm.asset_reach(acc.use).uses
        self.internal, self.external = sm.cluster_flows(self.flows, membership)


def _firms_add(run: Run, inc: _Increments) -> None:
    """Add to the firms' inflow and outflow, then their absorption rate from the new sums."""
    touched = (inc.inflow != 0) | (inc.outflow != 0)
    if not touched.any():
        return
    firm, inflow, pool = _write(
        run, FirmScore, {"firm_id": inc.firm_ids[touched]},
        {"inflow": inc.inflow[touched], "outflow": inc.outflow[touched]},
        add=True, create=True, returning=("firm_id", "inflow", "pool"),
    )  # fmt: skip
    _write(run, FirmScore, {"firm_id": firm}, {"absorption": sm.absorption_rate(inflow, pool)}, add=False)


def _edges_add(run: Run, inc: _Increments) -> None:
    """Add the batch's flows F_ij to the stored edges (absorber i, source j)."""
    f = inc.flows
    if f.nnz:
        keys = {"absorber_id": inc.firm_ids[f.row], "source_id": inc.firm_ids[f.col]}
        _write(run, FlowEdge, keys, {"value": f.data}, add=True, create=True)


def _assets_add(run: Run, inc: _Increments) -> None:
    """Add the batch's decayed uses by non-owners to the assets' reach."""
    touched = inc.uses != 0
    if touched.any():
        uses = {"uses": inc.uses[touched]}
        _write(run, AssetScore, {"asset_id": inc.asset_ids[touched]}, uses, add=True, create=True)


def _clusters_add(run: Run, inc: _Increments) -> None:
    """Add to the clusters' internal and external flows, then their CSI, realisation and E-I index
    from the new sums and the run's stocks and pools (clusters the run does not score are left)."""
    touched = (inc.internal != 0) | (inc.external != 0)
    if not touched.any():
        return
    cluster, internal, external, stock, pool = _write(
        run, ClusterScore, {"cluster_id": inc.cluster_ids[touched]},
        {"internal": inc.internal[touched], "external": inc.external[touched]},
        add=True, returning=("cluster_id", "internal", "external", "stock", "pool"),
    )  # fmt: skip
    if cluster.size:
        csi, realisation, ei = sm.cluster_ratios(internal=internal, external=external, stock=stock, pool=pool)
        ratios = {"csi": csi, "realisation": realisation, "ei": ei}
        _write(run, ClusterScore, {"cluster_id": cluster}, ratios, add=False)
