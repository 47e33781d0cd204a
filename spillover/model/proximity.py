"""Knowledge stocks, Jaffe and Mahalanobis proximity, and potential spillover pools (BSV 2013).

Firms are rows 0..n-1, categories columns 0..K-1. Nothing here builds an n × n matrix:
``TECH = N Nᵀ`` has rank ≤ K, so pools are computed as ``N (Nᵀ G) − G``.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike

from .params import SECONDS_PER_YEAR

Array = np.ndarray

# The low-rank pools subtract a firm's own term from a sum that includes it; a remainder within a few
# ulps of that sum is rounding, not proximity (a firm orthogonal to all others has a pool of 0, and a
# ratio over rounding dust, such as absorption or realisation, would come out near 10¹⁵).
ROUNDING = 1e-12


def _others(total: Array, own: Array) -> Array:
    """``total − own`` where it exceeds the rounding of ``total``, else 0 (pools are never negative)."""
    rest = total - own
    return np.where(rest > ROUNDING * np.abs(total), rest, 0.0)


def decay(dt_years: Array | float, lam: float) -> Array:
    """Share of a unit of knowledge left after ``dt_years``: e^{−λ dt}."""
    return np.exp(-lam * np.asarray(dt_years, dtype=np.float64))


def years(seconds: Array | float) -> Array:
    return np.asarray(seconds, dtype=np.float64) / SECONDS_PER_YEAR


def knowledge_stocks(
    *, categories: sp.spmatrix, ownership: sp.spmatrix, published: Array, at: float, lam: float
) -> sp.csr_matrix:
    """K_ik(t) = Σ_a O_ai · A_ak · e^{−λ(t − t_a)} for assets published by ``at`` (epoch seconds).

    ``categories`` is assets × K (rows sum to 1), ``ownership`` assets × firms.
    """
    published = np.asarray(published, dtype=np.float64)
    live = published <= at
    d = np.where(live, decay(years(at - np.minimum(published, at)), lam), 0.0)
    weighted = sp.diags(d) @ sp.csr_matrix(categories)
    return sp.csr_matrix(sp.csr_matrix(ownership).T @ weighted)


def profiles(stocks: sp.spmatrix) -> tuple[sp.csr_matrix, Array]:
    """(N, G): unit-norm rows of the stock matrix and total stock per firm. Zero rows stay zero."""
    stocks = sp.csr_matrix(stocks, dtype=np.float64)
    g = np.asarray(stocks.sum(axis=1)).ravel()
    norms = np.sqrt(np.asarray(stocks.multiply(stocks).sum(axis=1)).ravel())
    inv = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return sp.csr_matrix(sp.diags(inv) @ stocks), g


def tech_pairs(n: sp.spmatrix, i: ArrayLike, j: ArrayLike) -> Array:
    """TECH_ij = N_i · N_j for the given pairs only."""
    n = sp.csr_matrix(n)
    return np.asarray(n[np.asarray(i)].multiply(n[np.asarray(j)]).sum(axis=1)).ravel()


def self_tech(n: sp.spmatrix) -> Array:
    """TECH_ii: 1 for a firm with any stock, 0 otherwise."""
    n = sp.csr_matrix(n)
    return np.asarray(n.multiply(n).sum(axis=1)).ravel()


def jaffe_pool(n: sp.spmatrix, g: Array) -> Array:
    """POOL_i = Σ_{j≠i} TECH_ij · G_j = N (Nᵀ G) − TECH_ii G_i."""
    n = sp.csr_matrix(n)
    g = np.asarray(g, dtype=np.float64)
    return _others(n @ (n.T @ g), self_tech(n) * g)


def omega(stocks: sp.spmatrix) -> Array:
    """Ω_kl: cosine of columns k, l of the firms' category-share matrix (rows sum to 1). K × K."""
    stocks = sp.csr_matrix(stocks, dtype=np.float64)
    g = np.asarray(stocks.sum(axis=1)).ravel()
    inv = np.divide(1.0, g, out=np.zeros_like(g), where=g > 0)
    s = sp.diags(inv) @ stocks
    gram = np.asarray((s.T @ s).todense())
    norms = np.sqrt(np.diag(gram))
    inv_n = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return gram * inv_n[:, None] * inv_n[None, :]


def mahalanobis_pool(n: sp.spmatrix, g: Array, om: Array, *, chunk: int = 20000) -> Array:
    """POOL^M = N (Ω (Nᵀ G)) − rowsum((N Ω) ∘ N) ∘ G, the diagonal computed in row chunks."""
    n = sp.csr_matrix(n)
    g = np.asarray(g, dtype=np.float64)
    first = n @ (om @ (n.T @ g))
    diag = np.empty(n.shape[0])
    for start in range(0, n.shape[0], chunk):
        block = n[start : start + chunk]
        diag[start : start + chunk] = np.asarray(block.multiply(block @ om).sum(axis=1)).ravel()
    return _others(first, diag * g)


def techm_pairs(n: sp.spmatrix, om: Array, i: ArrayLike, j: ArrayLike) -> Array:
    """TECHM_ij = N_i Ω N_jᵀ for the given pairs."""
    n = sp.csr_matrix(n)
    left = n[np.asarray(i)] @ om
    return np.asarray(n[np.asarray(j)].multiply(left).sum(axis=1)).ravel()


def cluster_pools(n: sp.spmatrix, g: Array, membership: sp.spmatrix) -> sp.csr_matrix:
    """Pool of each member within its cluster: ``pool_ic = N_i · V[:, c] − G_i``, V = Nᵀ diag(G) M.

    Returns a firms × clusters matrix with entries only where the firm is a member.
    """
    n = sp.csr_matrix(n)
    g = np.asarray(g, dtype=np.float64)
    m = sp.csr_matrix(membership)
    m.data[:] = 1.0
    v = np.asarray((n.T @ sp.diags(g) @ m).todense())  # K × C, small
    coo = m.tocoo()
    out = np.empty(coo.nnz)
    st = self_tech(n)
    step = max(1, 4_000_000 // max(1, v.shape[0]))  # bounds the dense block to ~32 MB
    for s in range(0, coo.nnz, step):
        rows, cols = coo.row[s : s + step], coo.col[s : s + step]
        dots = np.asarray(n[rows].multiply(sp.csr_matrix(v[:, cols].T)).sum(axis=1)).ravel()
        out[s : s + step] = _others(dots, st[rows] * g[rows])
    return sp.csr_matrix((out, (coo.row, coo.col)), shape=m.shape)
