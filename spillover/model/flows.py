"""Realised flows from the record of use (JTH 1993), folded in batches, and the figures built on them.

Events are parallel arrays: firm index, asset index, kind index (see ``params.KINDS``) and time in
epoch seconds. Each event is worth ``w_τ · e^{−λ(ref − t_e)}`` at the reference time ``ref``; an
event whose actor owns a share of the asset is a self-use and is worth 0. Every accumulated figure
is a sum over events, so batches can be folded in any order and in any number of steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike

from .params import Parameters
from .proximity import decay, years

Array = np.ndarray


# Days and months are China Standard Time (UTC+8, no daylight saving), the platform's time zone: the
# once-a-day limit on uses takes CST dates, and the monthly series take CST months, so one event
# lies in the same day and month everywhere.
CST_OFFSET = 8 * 3600


def month_index(seconds: Array | float) -> Array:
    """Months since 1970-01 (China Standard Time) of epoch-second times."""
    s = (np.asarray(seconds, dtype=np.float64) + CST_OFFSET).astype("int64").astype("datetime64[s]")
    return s.astype("datetime64[M]").astype(np.int64)


def month_end(month: Array | int) -> Array:
    """Epoch seconds at the end of the given month (start of the next, China Standard Time)."""
    m = np.asarray(month, dtype=np.int64) + 1
    return m.astype("datetime64[M]").astype("datetime64[s]").astype(np.int64).astype(np.float64) - CST_OFFSET


@dataclass
class Structure:
    """What the events are read against: ownership (assets × firms), memberships, regions."""

    ownership: sp.csr_matrix
    membership: sp.csr_matrix | None = None  # firms × clusters (1 where active member)
    owner_keys: Array = field(init=False)

    def __post_init__(self) -> None:
        self.ownership = sp.csr_matrix(self.ownership, dtype=np.float64)
        self.ownership.eliminate_zeros()
        coo = self.ownership.tocoo()
        self.owner_keys = np.sort(coo.row.astype(np.int64) * self.n_firms + coo.col.astype(np.int64))
        if self.membership is not None:
            m = sp.csr_matrix(self.membership, dtype=np.float64)
            m.data[:] = 1.0
            self.membership = m
            self._owner_clusters = sp.csr_matrix(self.ownership @ m)

    @property
    def n_assets(self) -> int:
        return self.ownership.shape[0]

    @property
    def n_firms(self) -> int:
        return self.ownership.shape[1]

    def is_self_use(self, firm: Array, asset: Array) -> Array:
        if self.owner_keys.size == 0:
            return np.zeros(len(firm), dtype=bool)
        keys = np.asarray(asset, dtype=np.int64) * self.n_firms + np.asarray(firm, dtype=np.int64)
        pos = np.searchsorted(self.owner_keys, keys)
        pos = np.minimum(pos, self.owner_keys.size - 1)
        return self.owner_keys[pos] == keys


def event_values(
    structure: Structure,
    params: Parameters,
    *,
    firm: Array,
    asset: Array,
    kind: Array,
    t: Array,
    ref: float | Array,
) -> Array:
    """Each event's worth at ``ref``: w_τ e^{−λ(ref − t_e)}, 0 for self-use."""
    w = np.asarray(params.weight_vector())[np.asarray(kind, dtype=np.int64)]
    v = w * decay(years(np.asarray(ref, dtype=np.float64) - np.asarray(t, dtype=np.float64)), params.lam)
    v[structure.is_self_use(firm, asset)] = 0.0
    return v


@dataclass
class PartialFlows:
    """One batch of events' share of every figure a ``FlowAccumulator`` sums, held sparse: its
    memory is bounded by the batch's events (entries touched), not by the firms, assets or record.
    The map step of a partitioned recompute; ``FlowAccumulator.merge_partial`` is the reduce."""

    events: int
    use: sp.coo_matrix  # firms × assets, decayed to as_of, duplicates summed
    monthly_in: sp.coo_matrix  # months × firms
    monthly_out: sp.coo_matrix  # months × firms
    monthly_internal: sp.coo_matrix  # months × clusters


def partial_flows(
    structure: Structure, params: Parameters, *, as_of: float, firm: ArrayLike, asset: ArrayLike,
    kind: ArrayLike, t: ArrayLike,
) -> PartialFlows:  # fmt: skip
    """The figures of one batch of events alone (see ``PartialFlows``)."""
    st, pr = structure, params
    firm = np.asarray(firm, dtype=np.int64)
    asset = np.asarray(asset, dtype=np.int64)
    kind = np.asarray(kind, dtype=np.int64)
    t = np.asarray(t, dtype=np.float64)
    n, a = st.n_firms, st.n_assets
    c = st.membership.shape[1] if st.membership is not None else 0
    last_month = int(month_index(float(as_of)))
    first_month = last_month - pr.months + 1
    events = int(firm.size)
    v = event_values(st, pr, firm=firm, asset=asset, kind=kind, t=t, ref=float(as_of)) if events else t
    keep = v > 0
    firm, asset, kind, t, v = firm[keep], asset[keep], kind[keep], t[keep], v[keep]
    use = sp.coo_matrix((v, (firm, asset)), shape=(n, a))
    use.sum_duplicates()

    raw_month = month_index(t)
    m = np.clip(raw_month, first_month, last_month)
    row = m - first_month
    w = np.asarray(pr.weight_vector())[kind]
    # per-month flows count only the months shown; the decayed series below carries the past
    w_shown = np.where(raw_month >= first_month, w, 0.0)
    owned = np.asarray(st.ownership.sum(axis=1)).ravel()
    keys, inverse = np.unique(row * n + firm, return_inverse=True)
    sums = np.bincount(inverse.ravel(), weights=w_shown * owned[asset], minlength=keys.size)
    monthly_in = sp.coo_matrix((sums, (keys // n, keys % n)), shape=(pr.months, n))
    mat = sp.csr_matrix((w_shown, (row, asset)), shape=(pr.months, a))
    monthly_out = sp.coo_matrix(sp.csr_matrix(mat @ st.ownership))
    if c:
        assert st.membership is not None
        vm = w * decay(years(month_end(m) - t), pr.lam)
        per_event = sp.csr_matrix(st.membership[firm].multiply(st._owner_clusters[asset]))
        rows_of = sp.csr_matrix((vm, (row, np.arange(firm.size))), shape=(pr.months, firm.size))
        monthly_internal = sp.coo_matrix(sp.csr_matrix(rows_of @ per_event))
    else:
        monthly_internal = sp.coo_matrix((pr.months, 0))
    return PartialFlows(events, use, monthly_in, monthly_out, monthly_internal)


class FlowAccumulator:
    """Folds event batches into the use matrix E (firms × assets, decayed to ``as_of``) and
    the monthly series. Memory is bounded by distinct (firm, asset) pairs and months, not by events.
    """

    def __init__(self, structure: Structure, params: Parameters, *, as_of: float) -> None:
        self.structure = structure
        self.params = params
        self.as_of = float(as_of)
        self.last_month = int(month_index(as_of))
        self.first_month = self.last_month - params.months + 1
        n, a = structure.n_firms, structure.n_assets
        self.use = sp.csr_matrix((n, a))
        mths = params.months
        self.monthly_in = np.zeros((mths, n))  # undecayed weighted inflow per month
        self.monthly_out = np.zeros((mths, n))
        c = structure.membership.shape[1] if structure.membership is not None else 0
        self.monthly_internal = np.zeros((mths, c))  # within-cluster flow, decayed to each month end
        self.events = 0

    def add(self, *, firm: ArrayLike, asset: ArrayLike, kind: ArrayLike, t: ArrayLike) -> None:
        self.merge_partial(
            partial_flows(self.structure, self.params, as_of=self.as_of, firm=firm, asset=asset, kind=kind, t=t)
        )

    def merge_partial(self, part: PartialFlows) -> None:
        """Add one batch's (one partition's) figures. Adding the same partials in the same order
        gives the same figures to the last bit, wherever each partial was computed."""
        if part.events == 0:
            return
        self.events += part.events
        self.use = self.use + part.use
        for dense, sparse in (
            (self.monthly_in, part.monthly_in),
            (self.monthly_out, part.monthly_out),
            (self.monthly_internal, part.monthly_internal),
        ):
            np.add.at(dense, (sparse.row, sparse.col), sparse.data)

    def merge(self, other: FlowAccumulator) -> None:
        """Fold another accumulator with the same structure, parameters and as-of into this one."""
        self.use = self.use + other.use
        self.monthly_in += other.monthly_in
        self.monthly_out += other.monthly_out
        self.monthly_internal += other.monthly_internal
        self.events += other.events

    def months(self) -> Array:
        return np.arange(self.first_month, self.last_month + 1)


def flow_matrix(use: sp.spmatrix, ownership: sp.spmatrix) -> sp.csr_matrix:
    """F_ij = Σ_events by i on a of value · O_aj (i absorbs from source j); self-use already 0."""
    f = sp.csr_matrix(sp.csr_matrix(use) @ sp.csr_matrix(ownership))
    f.setdiag(0.0)  # guards float dust; self-use events were dropped before
    f.eliminate_zeros()
    return f


def inflow_outflow(use: sp.spmatrix, ownership: sp.spmatrix) -> tuple[Array, Array]:
    """In_i = Σ_j F_ij, Out_j = Σ_i F_ij without forming F."""
    use = sp.csr_matrix(use)
    own = sp.csr_matrix(ownership)
    owned = np.asarray(own.sum(axis=1)).ravel()
    inflow = use @ owned
    per_asset = np.asarray(use.sum(axis=0)).ravel()
    outflow = own.T @ per_asset
    return np.asarray(inflow).ravel(), np.asarray(outflow).ravel()


def absorption_rate(inflow: Array, pool: Array) -> Array:
    """In_i / POOL_i, 0 where the pool is 0 (Cohen & Levinthal's absorptive capacity, observed)."""
    return np.divide(inflow, pool, out=np.zeros_like(inflow, dtype=np.float64), where=pool > 0)


def top_pairs(f: sp.spmatrix, k: int) -> tuple[Array, Array, Array]:
    """Entries of F among each row's top k or each column's top k: (absorber, source, value)."""
    coo = sp.coo_matrix(f)
    r, c, v = coo.row.astype(np.int64), coo.col.astype(np.int64), coo.data
    keep = np.zeros(v.size, dtype=bool)
    top = v.max() if v.size else 1.0
    frac = 0.999 * (1.0 - v / (top * (1 + 1e-9)))  # in (0, 1): larger values sort first within a key
    for key in (r, c):
        order = np.argsort(key + frac)  # one float sort instead of a two-key lexsort
        sk = key[order]
        starts = np.searchsorted(sk, sk, side="left")
        rank = np.arange(sk.size) - starts
        keep[order[rank < k]] = True
    return r[keep], c[keep], v[keep]


def shared_membership(membership: sp.spmatrix, i: Array, j: Array) -> Array:
    """True where firms i and j share a cluster."""
    m = sp.csr_matrix(membership)
    if m.shape[1] == 0 or len(i) == 0:
        return np.zeros(len(i), dtype=bool)
    return np.asarray(m[np.asarray(i)].multiply(m[np.asarray(j)]).sum(axis=1)).ravel() > 0


@dataclass
class ClusterFigures:
    internal: Array  # Σ_{i≠j∈c} F_ij
    external: Array  # flows with exactly one end in c
    stock: Array  # Σ_{j∈c} G_j
    pool: Array  # Σ_{i∈c} pool_ic
    csi: Array
    realisation: Array
    ei: Array


def cluster_flows(flows: sp.spmatrix, membership: sp.spmatrix) -> tuple[Array, Array]:
    """Per cluster: internal flow Σ_{i≠j∈c} F_ij and external flow (exactly one end in c).

    Linear in F, so the flows of new events alone give the increments of both."""
    m = sp.csr_matrix(membership, dtype=np.float64)
    m.data[:] = 1.0
    f = sp.csr_matrix(flows)
    internal = np.asarray((m.T @ f @ m).diagonal()).ravel()
    inflow = np.asarray(f.sum(axis=1)).ravel()
    outflow = np.asarray(f.sum(axis=0)).ravel()
    external = (m.T @ outflow - internal) + (m.T @ inflow - internal)
    return internal, np.maximum(external, 0.0)


def cluster_ratios(*, internal: Array, external: Array, stock: Array, pool: Array) -> tuple[Array, Array, Array]:
    """(CSI, realisation, E-I): internal flow per unit of stock, Σ F / Σ POOL, and Krackhardt–Stern's
    (E − I) / (E + I); each 0 where its denominator is 0."""
    internal = np.asarray(internal, dtype=np.float64)
    external = np.asarray(external, dtype=np.float64)
    stock = np.asarray(stock, dtype=np.float64)
    pool = np.asarray(pool, dtype=np.float64)
    csi = np.divide(internal, stock, out=np.zeros_like(internal), where=stock > 0)
    realisation = np.divide(internal, pool, out=np.zeros_like(internal), where=pool > 0)
    tot = external + internal
    ei = np.divide(external - internal, tot, out=np.zeros_like(internal), where=tot > 0)
    return csi, realisation, ei


def cluster_figures(
    *,
    use: sp.spmatrix,
    ownership: sp.spmatrix,
    membership: sp.spmatrix,
    g: Array,
    cluster_pool: sp.spmatrix,
) -> ClusterFigures:
    """CSI = internal flow per unit of stock, realisation = ΣF/ΣPOOL, Krackhardt–Stern E-I index."""
    m = sp.csr_matrix(membership, dtype=np.float64)
    m.data[:] = 1.0
    internal, external = cluster_flows(flow_matrix(use, ownership), m)
    stock = m.T @ np.asarray(g, dtype=np.float64)
    pool = np.asarray(sp.csr_matrix(cluster_pool).sum(axis=0)).ravel()
    csi, realisation, ei = cluster_ratios(internal=internal, external=external, stock=stock, pool=pool)
    return ClusterFigures(internal, external, stock, pool, csi, realisation, ei)


def decayed_series(contrib: Array, month_ends: Array, lam: float) -> Array:
    """S_m = S_{m−1} e^{−λ(T_m − T_{m−1})} + contrib_m, along axis 0 (contributions valued at T_m)."""
    out = np.zeros_like(contrib, dtype=np.float64)
    prev = np.zeros(contrib.shape[1:])
    for m in range(contrib.shape[0]):
        if m:
            prev = prev * np.exp(-lam * (month_ends[m] - month_ends[m - 1]) / (365.25 * 86400))
        prev = prev + contrib[m]
        out[m] = prev
    return out


def cluster_stock_contrib(
    *,
    categories: sp.spmatrix,
    ownership: sp.spmatrix,
    membership: sp.spmatrix,
    published: Array,
    first_month: int,
    last_month: int,
    lam: float,
) -> Array:
    """Per month, the stock the cluster's members gained from assets published that month, valued at
    the month end (earlier assets go into the first month). months × clusters."""
    m = sp.csr_matrix(membership, dtype=np.float64)
    m.data[:] = 1.0
    published = np.asarray(published, dtype=np.float64)
    mass = np.asarray(sp.csr_matrix(categories).sum(axis=1)).ravel()
    mi = month_index(published)
    live = mi <= last_month
    mi = np.clip(mi, first_month, last_month)
    val = np.where(live, mass * decay(years(month_end(mi) - published), lam), 0.0)
    rows = (mi - first_month)[live]
    n_months = last_month - first_month + 1
    mat = sp.csr_matrix((val[live], (rows, np.nonzero(live)[0])), shape=(n_months, len(published)))
    return (mat @ sp.csr_matrix(ownership) @ m).toarray()


@dataclass
class RegionFigures:
    total: Array  # Σ_{i, j∈r} F_ij: flow out of sources in r
    outside_share: Array  # X_r
    observed: Array  # same-region share
    expected: Array  # category-matched expectation
    localisation: Array  # observed − expected


def region_figures(
    *, use: sp.spmatrix, ownership: sp.spmatrix, categories: sp.spmatrix, classes: sp.spmatrix
) -> RegionFigures:
    """Outside share and localisation by region or sector (``classes``: firms × classes, rows ≤ 1).

    The expectation matches categories as JTH's control citations do, analytically: flows of
    category k out of r land in r with the share of r in all absorption of category k. An asset
    without a category (a row of ``categories`` summing to less than 1) puts the rest of its weight
    in one more category, "uncategorised", matched like any other: every flow enters the expected
    share exactly as it enters the observed one.
    """
    use = sp.csr_matrix(use)
    own = sp.csr_matrix(ownership)
    cat = sp.csr_matrix(categories)
    rest = np.clip(1.0 - np.asarray(cat.sum(axis=1)).ravel(), 0.0, None)
    rest[rest < 1e-12] = 0.0
    cat = sp.csr_matrix(sp.hstack([cat, sp.csr_matrix(rest[:, None])]))
    r = sp.csr_matrix(classes, dtype=np.float64)
    f = flow_matrix(use, own)
    q = np.asarray((r.T @ f @ r).todense())  # absorber class × source class
    total = q.sum(axis=0)
    same = np.diag(q)
    observed = np.divide(same, total, out=np.zeros_like(total), where=total > 0)
    outside = np.divide(total - same, total, out=np.zeros_like(total), where=total > 0)
    absorbed = np.asarray((r.T @ use @ cat).todense())  # class × K, absorption by category
    col = absorbed.sum(axis=0)
    p = np.divide(absorbed, col[None, :], out=np.zeros_like(absorbed), where=col[None, :] > 0)
    per_asset = np.asarray(use.sum(axis=0)).ravel()
    sourced = np.asarray((r.T @ own.T @ sp.diags(per_asset) @ cat).todense())  # class × K
    ftot = sourced.sum(axis=1)
    expected = np.divide((sourced * p).sum(axis=1), ftot, out=np.zeros_like(ftot), where=ftot > 0)
    return RegionFigures(total, outside, observed, expected, observed - expected)


def one_hot(labels: Array, n_classes: int) -> sp.csr_matrix:
    """firms × classes indicator from integer labels (−1: no class)."""
    labels = np.asarray(labels, dtype=np.int64)
    rows = np.nonzero(labels >= 0)[0]
    return sp.csr_matrix((np.ones(rows.size), (rows, labels[rows])), shape=(labels.size, max(n_classes, 1)))


def row_normalise(m: sp.spmatrix) -> sp.csr_matrix:
    m = sp.csr_matrix(m, dtype=np.float64)
    s = np.asarray(m.sum(axis=1)).ravel()
    inv = np.divide(1.0, s, out=np.zeros_like(s), where=s > 0)
    return sp.csr_matrix(sp.diags(inv) @ m)


def equal_shares(rows: ArrayLike, cols: ArrayLike, shape: tuple[int, int]) -> sp.csr_matrix:
    """rows × cols matrix giving each row's m distinct columns 1/m each (co-owners, categories)."""
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    m = sp.csr_matrix((np.ones(rows.size), (rows, cols)), shape=shape)
    m.data[:] = 1.0  # a repeated pair counts once
    return row_normalise(m)
