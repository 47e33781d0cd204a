"""Folding new use events into the current run, exactly and at most once each.

What a fold keeps exact (equal to a full recompute as of the fold's time, ``Run.figures_as_of``):
each firm's inflow and outflow, the pair flows F_ij, and each asset's decayed uses and breadth.
These are sums over events, so the figures of the new events alone are the increments; they are
stored valued at the run's own as-of time, and ``Run.live_factor`` (e^{−λ(figures_as_of − as_of)},
one factor for every linear figure) carries them to the fold's time, so a fold writes only the rows
its events touch. A pair outside the run's stored set is derived in full from the record (every
event the run counts, up to the fold) the first time an event touches it, then kept like the rest.

What a fold leaves as of the last full run (and every surface says so, with that time): stocks,
pools, absorption, the monthly series, every cluster figure, generality, descendants, PageRank and
the province and sector figures. They depend on the platform's structure (assets, ownership,
categories, memberships) or are not sums over events; the periodic recompute refreshes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import numpy as np
import scipy.sparse as sp
from django.db import connection, transaction
from django.db.models import F, Model
from django.utils import timezone

from knowledge.models import Asset, AssetOwnership, UseEvent
from spillover import model as sm
from spillover.models import AssetScore, FirmScore, FlowEdge, FoldedEvent, Run
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
    latest = _rows(f"SELECT max(occurred_at) FROM {UseEvent._meta.db_table} WHERE id = ANY(%s)", [new])[0][0]  # noqa: S608 - ours
    as_of = max(d for d in (run.figures_as_of, timezone.now(), latest) if d is not None)
    inc = _Increments(run, new, as_of=as_of)
    _firms_add(run, inc)
    _edges_add(run, inc, as_of=as_of)
    _assets_add(run, inc)
    run.folded_as_of = as_of
    Run.objects.filter(pk=run.pk).update(folded_count=F("folded_count") + len(new), folded_as_of=as_of)
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
    """Record the events as folded into ``run``; returns those not already folded nor counted by it
    (the run counts the events up to its last id that occurred by its as-of time)."""
    rows = _rows(
        f"INSERT INTO {FoldedEvent._meta.db_table} (run_id, event_id) SELECT %s, e.id "  # noqa: S608 - table names are our models', values are parameters
        f"FROM {UseEvent._meta.db_table} e WHERE e.id = ANY(%s) AND (e.id > %s OR e.occurred_at > %s) "
        "ON CONFLICT DO NOTHING RETURNING event_id",
        [run.pk, ids, run.events_upto_id, run.as_of],
    )
    return [r[0] for r in rows]


def _counted(run: Run, alias: str = "e") -> tuple[str, list[Any]]:
    """SQL condition (and its parameters): the event ``alias`` is counted by the run, in it or folded."""
    return (
        f"(({alias}.id <= %s AND {alias}.occurred_at <= %s) OR EXISTS (SELECT 1 FROM "  # noqa: S608 - ours
        f"{FoldedEvent._meta.db_table} fe WHERE fe.run_id = %s AND fe.event_id = {alias}.id))",
        [run.events_upto_id, run.as_of, run.pk],
    )


class _Batch:
    """Events (firm id, asset id, kind index, epoch seconds) on a structure of just the firms and
    assets they touch, accumulated by the model into the use matrix valued at the run's as-of time."""

    def __init__(self, run: Run, ev: np.ndarray) -> None:
        params = parameters_validate(run.parameters)
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
        self.ownership = sp.csr_matrix(
            (own[:, 2], (np.searchsorted(self.asset_ids, owner_asset), np.searchsorted(self.firm_ids, owner))),
            shape=(na, nf),
        )
        acc = sm.FlowAccumulator(sm.Structure(self.ownership), params, as_of=run.as_of.timestamp())
        acc.add(firm=np.searchsorted(self.firm_ids, actor), asset=asset, kind=ev[:, 2].astype(np.int64), t=ev[:, 3])
        self.use = sp.csr_matrix(acc.use)
        self.use.eliminate_zeros()


def _events(where: str, params: Sequence[Any], as_of: datetime) -> np.ndarray:
    """(firm, asset, kind index, epoch seconds) of the events ``where`` selects, on assets published
    by ``as_of`` (a full recompute reads the same ones)."""
    rows = _rows(
        f"SELECT e.firm_id, e.asset_id, {KIND_SQL}, extract(epoch from e.occurred_at)::float8 "  # noqa: S608 - table names are our models', values are parameters
        f"FROM {UseEvent._meta.db_table} e WHERE {where} AND e.asset_id IN (SELECT id FROM {Asset._meta.db_table} "
        "WHERE published_at IS NOT NULL AND published_at <= %s)",
        [*params, as_of],
    )
    return np.array(rows, dtype=np.float64).reshape(-1, 4)


class _Increments(_Batch):
    """The figures of a batch of events alone, indexed by the firms and assets it touches."""

    def __init__(self, run: Run, event_ids: list[int], *, as_of: datetime) -> None:
        self.event_ids = event_ids
        super().__init__(run, _events("e.id = ANY(%s)", [event_ids], as_of))
        self.inflow, self.outflow = sm.inflow_outflow(self.use, self.ownership)
        self.flows = sm.flow_matrix(self.use, self.ownership).tocoo()
        self.uses = sm.asset_reach(self.use).uses


def _firms_add(run: Run, inc: _Increments) -> None:
    """Add to the firms' inflow and outflow (absorption, a ratio over the pool, stays as of the run).
    A firm the run did not know gets its row, with a series of zeros over the run's months."""
    touched = (inc.inflow != 0) | (inc.outflow != 0)
    if not touched.any():
        return
    firm_ids = inc.firm_ids[touched]
    _write(
        run, FirmScore, {"firm_id": firm_ids}, {"inflow": inc.inflow[touched], "outflow": inc.outflow[touched]},
        add=True, create=True,
    )  # fmt: skip
    zeros = json.dumps([0.0] * len(run.months))
    _rows(
        f"UPDATE {FirmScore._meta.db_table} SET series_in = %s::jsonb, series_out = %s::jsonb "  # noqa: S608 - ours
        "WHERE run_id = %s AND firm_id = ANY(%s) AND series_in = '[]'::jsonb",
        [zeros, zeros, run.pk, firm_ids.tolist()],
    )


def _edges_add(run: Run, inc: _Increments, *, as_of: datetime) -> None:
    """Add the batch's flows F_ij to the stored pairs (absorber i, source j). A pair the run does not
    store is derived in full from the record the first time it is touched: every event by i on an
    asset j (co-)owns that the run counts, this batch included."""
    f = inc.flows
    if not f.nnz:
        return
    absorber, source = inc.firm_ids[f.row], inc.firm_ids[f.col]
    stored = set(
        _rows(
            f"SELECT absorber_id, source_id FROM {FlowEdge._meta.db_table} WHERE run_id = %s AND "  # noqa: S608 - ours
            "(absorber_id, source_id) IN (SELECT * FROM unnest(%s::int8[], %s::int8[]))",
            [run.pk, absorber.tolist(), source.tolist()],
        )
    )
    known = np.array([(int(a), int(b)) in stored for a, b in zip(absorber, source, strict=True)], dtype=bool)
    if known.any():
        keys = {"absorber_id": absorber[known], "source_id": source[known]}
        _write(run, FlowEdge, keys, {"value": f.data[known]}, add=True)
    if (~known).any():
        a, b = absorber[~known], source[~known]
        keys = {"absorber_id": a, "source_id": b}
        _write(run, FlowEdge, keys, {"value": _pairs_derive(run, a, b, as_of=as_of)}, add=False, create=True)


def _pairs_derive(run: Run, absorber: np.ndarray, source: np.ndarray, *, as_of: datetime) -> np.ndarray:
    """F_ij from the record for the given pairs, valued at the run's as-of time (what the run would
    store had it kept them, plus every event folded in since). Reads exactly the pairs' events: each
    absorber's uses of its source's assets, through the one-use-per-day index."""
    counted, params = _counted(run)
    where = (
        f"e.id IN (SELECT e2.id FROM unnest(%s::int8[], %s::int8[]) AS p(absorber, source) "  # noqa: S608 - ours
        f"JOIN {AssetOwnership._meta.db_table} o ON o.firm_id = p.source "
        f"JOIN {UseEvent._meta.db_table} e2 ON e2.firm_id = p.absorber AND e2.asset_id = o.asset_id) AND {counted}"
    )
    whole = _Batch(run, _events(where, [absorber.tolist(), source.tolist(), *params], as_of))
    flows = sp.csr_matrix(sm.flow_matrix(whole.use, whole.ownership))
    i, j = np.searchsorted(whole.firm_ids, absorber), np.searchsorted(whole.firm_ids, source)
    return np.asarray(flows[i, j]).ravel()


def _assets_add(run: Run, inc: _Increments) -> None:
    """Add the batch's decayed uses by non-owners to the assets' reach, and to their breadth each
    non-owner firm whose first counted use this is. An asset the run did not know gets its row."""
    touched = inc.uses != 0
    if not touched.any():
        return
    use = inc.use.tocoo()
    positive = [k for k, w in parameters_validate(run.parameters).weights.items() if w > 0]
    counted, params = _counted(run)
    before = set(
        _rows(
            f"SELECT DISTINCT e.firm_id, e.asset_id FROM {UseEvent._meta.db_table} e "  # noqa: S608 - ours
            "WHERE (e.firm_id, e.asset_id) IN (SELECT * FROM unnest(%s::int8[], %s::int8[])) "
            f"AND e.kind = ANY(%s) AND NOT e.id = ANY(%s) AND {counted}",
            [inc.firm_ids[use.row].tolist(), inc.asset_ids[use.col].tolist(), positive, inc.event_ids, *params],
        )
    )
    first = np.array(
        [(int(inc.firm_ids[r]), int(inc.asset_ids[c])) not in before for r, c in zip(use.row, use.col, strict=True)],
        dtype=bool,
    )
    breadth = np.bincount(use.col[first], minlength=inc.asset_ids.size).astype(np.float64)
    values = {"uses": inc.uses[touched], "breadth": breadth[touched]}
    _write(run, AssetScore, {"asset_id": inc.asset_ids[touched]}, values, add=True, create=True)
