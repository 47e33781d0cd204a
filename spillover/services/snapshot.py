"""Reading the platform for a run: a snapshot of firms, assets, ownership and memberships as index
arrays, and the use events streamed with binary COPY in bounded batches."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import numpy as np
import scipy.sparse as sp
from django.db import connection

from clusters.models import ClusterMembership, MembershipStatus
from knowledge.models import Asset, AssetLink, AssetOwnership, AssetStatus, UseEvent
from platform_.identity.models import Firm
from spillover import model as sm
from spillover.pgcopy import copy_out_arrays

# the model's kind index of a use event, in SQL (the model's order of kinds, read from the model)
KIND_SQL = (
    "CASE kind "
    + " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(sm.KINDS[:-1]))
    + f" ELSE {len(sm.KINDS) - 1} END::int2"
)


def ids_locate(sorted_ids: np.ndarray, ids: np.ndarray) -> np.ndarray:
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
        fi = ids_locate(self.firm_ids, srows[:, 0])
        ok = fi >= 0
        self.sectors = sm.equal_shares(
            fi[ok], ids_locate(self.sector_ids, srows[ok, 1]), (nf, max(1, self.sector_ids.size))
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
        ai = ids_locate(self.asset_ids, crows[:, 0])
        ok = ai >= 0
        cats = sm.equal_shares(
            ai[ok], ids_locate(self.category_ids, crows[ok, 1]), (na, max(1, self.category_ids.size))
        )
        # what an asset is about (the expected share of localisation matches on it, taken down or not)
        self.asset_categories = sp.csr_matrix(cats)
        # what is on offer: a taken-down asset leaves its owners' stock (its uses before stay flows)
        self.categories = sp.csr_matrix(sp.diags(self.live.astype(float)) @ cats)

        orows = np.array(
            _fetch(f"SELECT asset_id, firm_id, share::float8 FROM {AssetOwnership._meta.db_table}"),  # noqa: S608 - table names are our models', values are parameters
            dtype=np.float64,
        ).reshape(-1, 3)
        ai = ids_locate(self.asset_ids, orows[:, 0].astype(np.int64))
        fi = ids_locate(self.firm_ids, orows[:, 1].astype(np.int64))
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
        fi = ids_locate(self.firm_ids, mrows[:, 0])
        ok = fi >= 0
        self.membership = sp.csr_matrix(
            (np.ones(int(ok.sum())), (fi[ok], ids_locate(self.cluster_ids, mrows[ok, 1]))),
            shape=(nf, self.cluster_ids.size),
        )
        self.membership.data[:] = 1.0

        lrows = _fetch(f"SELECT citing_id, cited_id, kind FROM {AssetLink._meta.db_table}")  # noqa: S608 - table names are our models', values are parameters
        citing = ids_locate(self.asset_ids, np.array([r[0] for r in lrows], dtype=np.int64))
        cited = ids_locate(self.asset_ids, np.array([r[1] for r in lrows], dtype=np.int64))
        derivation = np.array([r[2] == "derivation" for r in lrows], dtype=bool)
        ok = (citing >= 0) & (cited >= 0)
        self.link_citing, self.link_cited, self.link_derivation = citing[ok], cited[ok], derivation[ok]


EVENTS_SQL = (
    "SELECT array_agg(id::int8), array_agg(firm_id::int8), array_agg(asset_id::int8), "  # noqa: S608 - ours
    f"array_agg({KIND_SQL}), array_agg(extract(epoch from occurred_at)::float8) "
    f"FROM {UseEvent._meta.db_table} WHERE id > %s AND id <= %s AND occurred_at <= %s"
)


def event_ranges(*, upto_id: int, batch_rows: int = 1_000_000) -> list[tuple[int, int]]:
    """The keyset ranges ``(low, high]`` of event ids a run reads, ``batch_rows`` ids each: the
    batches of one process and the partitions of a partitioned recompute are the same ranges."""
    first = UseEvent.objects.order_by("id").values_list("id", flat=True).first()
    low = (first - 1) if first else upto_id
    return [(lo, min(lo + batch_rows, upto_id)) for lo in range(low, upto_id, max(1, batch_rows))]


def events_read(*, low: int, high: int, as_of: datetime) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(firm ids, asset ids, kind indices, epoch seconds) of the events with ids in ``(low, high]``
    that occurred by ``as_of``, in id order (so every process folds a range in the same order), read
    with one binary COPY of one row of arrays (no per-row messages or objects)."""
    ids, firm, asset, kind, t = copy_out_arrays(
        EVENTS_SQL, [low, high, as_of], ["int8", "int8", "int8", "int2", "float8"]
    )
    if ids.size and np.any(ids[1:] < ids[:-1]):
        order = np.argsort(ids, kind="stable")
        firm, asset, kind, t = firm[order], asset[order], kind[order], t[order]
    return firm, asset, kind, t


def stream_events(
    *, upto_id: int, as_of: datetime, batch_rows: int = 1_000_000
) -> Iterable[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """(firm ids, asset ids, kind indices, epoch seconds) in batches of at most ``batch_rows`` ids
    (keyset batches: memory bounded by the batch on both sides)."""
    for low, high in event_ranges(upto_id=upto_id, batch_rows=batch_rows):
        batch = events_read(low=low, high=high, as_of=as_of)
        if batch[0].size:
            yield batch
            stream_pause()


def stream_pause() -> None:
    """Fault drills only: ``SPILLOVER_STREAM_PAUSE`` seconds after each batch read."""
    pause = float(os.environ.get("SPILLOVER_STREAM_PAUSE", "0") or 0)
    if pause:
        time.sleep(pause)


def events_estimate(*, upto_id: int) -> int:
    """Roughly how many events a run reads (the planner's row count), for its progress."""
    rows = _fetch("SELECT reltuples::int8 FROM pg_class WHERE relname = %s", [UseEvent._meta.db_table])
    est = rows[0][0] if rows else 0
    return int(est) if est and est > 0 else upto_id
