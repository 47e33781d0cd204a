"""Asset reach: decayed uses by non-owners, breadth, generality (THJ 1997), derivation
descendants and PageRank (Brin & Page 1998) on the citation/derivation graph."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike
from scipy.sparse import csgraph

Array = np.ndarray


@dataclass
class Reach:
    uses: Array  # decayed weighted uses by non-owners
    breadth: Array  # distinct using firms (non-owners)


def asset_reach(use: sp.spmatrix) -> Reach:
    """From the use matrix E (firms × assets, self-uses already dropped)."""
    use = sp.csc_matrix(use)
    use.eliminate_zeros()
    return Reach(np.asarray(use.sum(axis=0)).ravel(), np.diff(use.indptr).astype(np.int64))


def generality(use: sp.spmatrix, classes: sp.spmatrix) -> Array:
    """1 − Σ_c s_c² over the absorbers' classes (``classes``: firms × classes, rows summing to ≤ 1).

    Kept sparse: assets × clusters would not fit densely at scale."""
    per_class = sp.csr_matrix(sp.csr_matrix(use).T @ sp.csr_matrix(classes))
    tot = np.asarray(per_class.sum(axis=1)).ravel()
    squares = np.asarray(per_class.multiply(per_class).sum(axis=1)).ravel()
    share_sq = np.divide(squares, tot * tot, out=np.zeros_like(tot), where=tot > 0)
    return np.where(tot > 0, 1.0 - share_sq, 0.0)


def pagerank(
    n: int, citing: ArrayLike, cited: ArrayLike, *, alpha: float = 0.85, tol: float = 1e-12, max_iter: int = 200
) -> Array:
    """PageRank on edges citing → cited; dangling mass spread uniformly. Sums to 1."""
    if n == 0:
        return np.zeros(0)
    citing = np.asarray(citing, dtype=np.int64)
    cited = np.asarray(cited, dtype=np.int64)
    adj = sp.csr_matrix((np.ones(citing.size), (citing, cited)), shape=(n, n))
    adj.data[:] = 1.0  # duplicate links count once
    outdeg = np.asarray(adj.sum(axis=1)).ravel()
    inv = np.divide(1.0, outdeg, out=np.zeros(n), where=outdeg > 0)
    trans = sp.csr_matrix((sp.diags(inv) @ adj).T)
    dangling = outdeg == 0
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = alpha * (trans @ x + x[dangling].sum() / n) + (1 - alpha) / n
        new /= new.sum()
        if np.abs(new - x).sum() < tol:
            x = new
            break
        x = new
    return x


def descendants(n: int, derived: ArrayLike, source: ArrayLike) -> Array:
    """Number of assets derived, directly or transitively, from each asset."""
    out = np.zeros(n, dtype=np.int64)
    derived = np.asarray(derived, dtype=np.int64)
    source = np.asarray(source, dtype=np.int64)
    if derived.size == 0:
        return out
    adj = sp.csr_matrix((np.ones(derived.size), (source, derived)), shape=(n, n))
    for node in np.unique(source):
        order = csgraph.breadth_first_order(adj, int(node), directed=True, return_predecessors=False)
        out[node] = order.size - 1
    return out
