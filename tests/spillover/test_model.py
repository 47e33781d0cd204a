"""The pure spillover model against the brief's properties, its hand-computed fixture and a dense
reference implementation. No Django here."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from spillover import model as m

YEAR = 365.25 * 86400
T0 = 1.7e9  # a fixed "now" in epoch seconds


# ---------------------------------------------------------------- helpers


def random_world(seed: int, n_firms: int = 7, n_assets: int = 12, k: int = 4, n_events: int = 60):
    rng = np.random.default_rng(seed)
    cat = sp.csr_matrix(rng.random((n_assets, k)) * (rng.random((n_assets, k)) < 0.6))
    cat = cat + sp.csr_matrix((np.ones(n_assets), (np.arange(n_assets), rng.integers(0, k, n_assets))), shape=cat.shape)
    cat = m.row_normalise(cat)
    owners_a = np.concatenate([np.arange(n_assets), rng.integers(0, n_assets, n_assets // 2)])
    owners_f = rng.integers(0, n_firms, owners_a.size)
    own = m.equal_shares(owners_a, owners_f, (n_assets, n_firms))
    published = T0 - rng.random(n_assets) * 5 * YEAR
    firm = rng.integers(0, n_firms, n_events)
    asset = rng.integers(0, n_assets, n_events)
    kind = rng.integers(0, 5, n_events)
    t = T0 - rng.random(n_events) * 3 * YEAR
    membership = sp.csr_matrix((rng.random((n_firms, 3)) < 0.5).astype(float))
    region = rng.integers(0, 3, n_firms)
    return {
        "cat": cat, "own": own, "published": published, "firm": firm, "asset": asset, "kind": kind, "t": t,
        "membership": membership, "region": region,
    }  # fmt: skip


def accumulate(w, params=None, *, as_of=T0, parts=1, order=None):
    params = params or m.Parameters()
    structure = m.Structure(w["own"], w["membership"])
    acc = m.FlowAccumulator(structure, params, as_of=as_of)
    idx = np.arange(w["firm"].size) if order is None else order
    for chunk in np.array_split(idx, parts):
        acc.add(firm=w["firm"][chunk], asset=w["asset"][chunk], kind=w["kind"][chunk], t=w["t"][chunk])
    return acc


def dense_reference(w, params=None, *, as_of=T0):
    """Loops and full matrices, straight from the formulas of the brief."""
    params = params or m.Parameters()
    lam = params.lam
    cat, own = w["cat"].toarray(), w["own"].toarray()
    n_assets, k = cat.shape
    n = own.shape[1]
    stocks = np.zeros((n, k))
    for a in range(n_assets):
        if w["published"][a] <= as_of:
            d = math.exp(-lam * (as_of - w["published"][a]) / YEAR)
            for i in range(n):
                stocks[i] += own[a, i] * cat[a] * d
    g = stocks.sum(axis=1)
    norm = np.linalg.norm(stocks, axis=1)
    nn = np.divide(stocks, norm[:, None], out=np.zeros_like(stocks), where=norm[:, None] > 0)
    tech = nn @ nn.T
    pool = np.array([sum(tech[i, j] * g[j] for j in range(n) if j != i) for i in range(n)])
    share = np.divide(stocks, g[:, None], out=np.zeros_like(stocks), where=g[:, None] > 0)
    cn = np.linalg.norm(share, axis=0)
    om = (share.T @ share) / np.where(np.outer(cn, cn) > 0, np.outer(cn, cn), 1)
    techm = nn @ om @ nn.T
    poolm = np.array([sum(techm[i, j] * g[j] for j in range(n) if j != i) for i in range(n)])
    weights = params.weight_vector()
    f = np.zeros((n, n))
    for i, a, kd, t in zip(w["firm"], w["asset"], w["kind"], w["t"], strict=True):
        if own[a, i] > 0:
            continue
        v = weights[kd] * math.exp(-lam * (as_of - t) / YEAR)
        for j in range(n):
            if j != i:
                f[i, j] += v * own[a, j]
    mem = w["membership"].toarray() > 0
    cpool = np.zeros((n, mem.shape[1]))
    for c in range(mem.shape[1]):
        for i in range(n):
            if mem[i, c]:
                cpool[i, c] = sum(tech[i, j] * g[j] for j in range(n) if j != i and mem[j, c])
    internal = np.array(
        [sum(f[i, j] for i in range(n) for j in range(n) if mem[i, c] and mem[j, c]) for c in range(mem.shape[1])]
    )
    external = np.array(
        [sum(f[i, j] for i in range(n) for j in range(n) if mem[i, c] != mem[j, c]) for c in range(mem.shape[1])]
    )
    reg = w["region"]
    outside = []
    for r in range(3):
        tot = sum(f[i, j] for i in range(n) for j in range(n) if reg[j] == r)
        out = sum(f[i, j] for i in range(n) for j in range(n) if reg[j] == r and reg[i] != r)
        outside.append(out / tot if tot else 0.0)
    return {
        "stocks": stocks, "g": g, "tech": tech, "pool": pool, "omega": om, "techm": techm, "poolm": poolm, "f": f,
        "cpool": cpool, "internal": internal, "external": external, "outside": np.array(outside),
    }  # fmt: skip


def sparse_figures(w, params=None, *, as_of=T0):
    params = params or m.Parameters()
    stocks = m.knowledge_stocks(
        categories=w["cat"], ownership=w["own"], published=w["published"], at=as_of, lam=params.lam
    )
    nn, g = m.profiles(stocks)
    acc = accumulate(w, params, as_of=as_of)
    cpool = m.cluster_pools(nn, g, w["membership"])
    clusters = m.cluster_figures(use=acc.use, ownership=w["own"], membership=w["membership"], g=g, cluster_pool=cpool)
    regions = m.region_figures(use=acc.use, ownership=w["own"], categories=w["cat"], classes=m.one_hot(w["region"], 3))
    inflow, outflow = m.inflow_outflow(acc.use, w["own"])
    return {
        "stocks": stocks.toarray(), "g": g, "n": nn, "pool": m.jaffe_pool(nn, g),
        "poolm": m.mahalanobis_pool(nn, g, m.omega(stocks), chunk=3), "omega": m.omega(stocks),
        "f": m.flow_matrix(acc.use, w["own"]).toarray(), "cpool": cpool.toarray(), "clusters": clusters,
        "regions": regions, "inflow": inflow, "outflow": outflow, "acc": acc,
    }  # fmt: skip


# ---------------------------------------------------------------- 7. the hand-computed fixture


@pytest.fixture
def three_firms():
    shares = np.array([[1.0, 0, 0], [0.5, 0.5, 0], [0, 0, 1.0]])
    g = np.array([10.0, 20.0, 30.0])
    return sp.csr_matrix(shares * g[:, None]), g


def test_fixture_jaffe_proximity_and_pool(three_firms):
    stocks, g = three_firms
    nn, g2 = m.profiles(stocks)
    assert np.allclose(g2, g)
    assert m.tech_pairs(nn, [0], [1])[0] == pytest.approx(0.7071, abs=1e-4)
    assert np.allclose(m.tech_pairs(nn, [0, 1], [2, 2]), 0)
    assert np.allclose(m.jaffe_pool(nn, g), [14.142, 7.071, 0], atol=1e-3)


def test_fixture_mahalanobis_proximity_and_pool(three_firms):
    stocks, g = three_firms
    nn, _ = m.profiles(stocks)
    om = m.omega(stocks)
    assert om[0, 1] == pytest.approx(0.4472, abs=1e-4)
    assert m.techm_pairs(nn, om, [0], [1])[0] == pytest.approx(1.0233, abs=1e-4)
    assert m.techm_pairs(nn, om, [1], [1])[0] == pytest.approx(1.4472, abs=1e-4)
    assert np.allclose(m.mahalanobis_pool(nn, g, om), [20.467, 10.233, 0], atol=1e-3)


# ---------------------------------------------------------------- dense reference equality


@pytest.mark.parametrize("seed", range(6))
def test_sparse_computation_equals_dense_reference(seed):
    w = random_world(seed)
    ref, got = dense_reference(w), sparse_figures(w)
    assert np.allclose(got["stocks"], ref["stocks"])
    assert np.allclose(got["pool"], ref["pool"])
    assert np.allclose(got["omega"], ref["omega"])
    assert np.allclose(got["poolm"], ref["poolm"])
    assert np.allclose(got["f"], ref["f"])
    assert np.allclose(got["inflow"], ref["f"].sum(axis=1))
    assert np.allclose(got["outflow"], ref["f"].sum(axis=0))
    member = w["membership"].toarray() > 0
    assert np.allclose(got["cpool"][member], ref["cpool"][member])
    assert np.allclose(got["clusters"].internal, ref["internal"])
    assert np.allclose(got["clusters"].external, ref["external"])
    assert np.allclose(got["regions"].outside_share, ref["outside"])


# ---------------------------------------------------------------- 1. Jaffe proximity


profile_rows = st.lists(st.one_of(st.just(0.0), st.floats(1e-3, 10)), min_size=4, max_size=4)


@settings(max_examples=40, deadline=None)
@given(st.lists(profile_rows, min_size=2, max_size=6))
def test_tech_is_symmetric_bounded_and_one_on_the_diagonal(rows):
    nn, _ = m.profiles(sp.csr_matrix(np.array(rows)))
    n = len(rows)
    i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    tech = m.tech_pairs(nn, i.ravel(), j.ravel()).reshape(n, n)
    assert np.allclose(tech, tech.T)
    assert (tech >= -1e-12).all()
    assert (tech <= 1 + 1e-12).all()
    nonzero = np.array([sum(r) > 0 for r in rows])
    assert np.allclose(np.diag(tech)[nonzero], 1.0)


def test_tech_proportional_profiles_give_one_and_disjoint_zero():
    nn, _ = m.profiles(sp.csr_matrix(np.array([[1.0, 2, 0], [3, 6, 0], [0, 0, 5]])))
    assert m.tech_pairs(nn, [0], [1])[0] == pytest.approx(1.0)
    assert m.tech_pairs(nn, [0], [2])[0] == pytest.approx(0.0)


@settings(max_examples=30, deadline=None)
@given(st.lists(profile_rows, min_size=2, max_size=5), st.floats(0.1, 100))
def test_scaling_a_profile_changes_no_proximity(rows, factor):
    a = np.array(rows)
    b = a.copy()
    b[0] *= factor
    na, _ = m.profiles(sp.csr_matrix(a))
    nb, _ = m.profiles(sp.csr_matrix(b))
    n = len(rows)
    assert np.allclose(m.tech_pairs(na, [0] * n, range(n)), m.tech_pairs(nb, [0] * n, range(n)))


# ---------------------------------------------------------------- 2. relabelling


@pytest.mark.parametrize("seed", range(3))
def test_relabelling_firms_permutes_outputs_the_same_way(seed):
    w = random_world(seed)
    perm = np.random.default_rng(seed + 100).permutation(w["own"].shape[1])
    inv = np.argsort(perm)  # new label of old firm f is inv[f]
    w2 = dict(w)
    w2["own"] = sp.csr_matrix(w["own"][:, perm])
    w2["firm"] = inv[w["firm"]]
    w2["membership"] = sp.csr_matrix(w["membership"][perm])
    w2["region"] = w["region"][perm]
    a, b = sparse_figures(w), sparse_figures(w2)
    assert np.allclose(b["pool"], a["pool"][perm])
    assert np.allclose(b["poolm"], a["poolm"][perm])
    assert np.allclose(b["f"], a["f"][np.ix_(perm, perm)])
    assert np.allclose(b["clusters"].csi, a["clusters"].csi)


@pytest.mark.parametrize("seed", range(3))
def test_relabelling_categories_changes_no_firm_figure(seed):
    w = random_world(seed)
    perm = np.random.default_rng(seed).permutation(w["cat"].shape[1])
    w2 = dict(w, cat=sp.csr_matrix(w["cat"][:, perm]))
    a, b = sparse_figures(w), sparse_figures(w2)
    assert np.allclose(b["stocks"], a["stocks"][:, perm])
    assert np.allclose(b["omega"], a["omega"][np.ix_(perm, perm)])
    for key in ("pool", "poolm", "inflow"):
        assert np.allclose(a[key], b[key])
    assert np.allclose(a["regions"].expected, b["regions"].expected)


# ---------------------------------------------------------------- 3. pools


def stocks_world(seed, n=8, k=5):
    rng = np.random.default_rng(seed)
    nn, _ = m.profiles(sp.csr_matrix(rng.random((n, k)) * (rng.random((n, k)) < 0.5)))
    return nn, rng.random(n) * 50


@pytest.mark.parametrize("seed", range(5))
def test_pool_does_not_depend_on_own_stock(seed):
    nn, g = stocks_world(seed)
    g2 = g.copy()
    g2[0] += 100
    assert m.jaffe_pool(nn, g)[0] == pytest.approx(m.jaffe_pool(nn, g2)[0])


@pytest.mark.parametrize("seed", range(5))
def test_pool_never_falls_when_another_stock_rises(seed):
    nn, g = stocks_world(seed)
    before = m.jaffe_pool(nn, g)
    g2 = g.copy()
    g2[3] += 7.5
    assert (m.jaffe_pool(nn, g2) >= before - 1e-12).all()


@pytest.mark.parametrize("seed", range(5))
def test_pool_is_linear_in_stocks(seed):
    nn, g = stocks_world(seed)
    h = np.random.default_rng(seed + 1).random(g.size)
    assert np.allclose(m.jaffe_pool(nn, 2 * g + 3 * h), 2 * m.jaffe_pool(nn, g) + 3 * m.jaffe_pool(nn, h))


def test_pool_is_zero_for_a_firm_orthogonal_to_all_others():
    nn, _ = m.profiles(sp.csr_matrix(np.array([[1.0, 1, 0], [2, 0, 0], [0, 0, 4]])))
    assert m.jaffe_pool(nn, np.array([5.0, 6, 7]))[2] == 0.0


def test_pools_of_a_firm_orthogonal_to_all_others_are_zero_not_rounding_dust():
    # a profile over three categories whose unit norm is not exact in floating point: N (Nᵀ G) − G
    # leaves ~1e-16, and a ratio over such a pool (absorption, realisation) came out near 1e15
    stocks = sp.csr_matrix(np.array([[3 / 7, 1.0, 1 / 11, 0.0], [0.0, 0.0, 0.0, 1.0]]))
    nn, g = m.profiles(stocks)
    assert list(m.jaffe_pool(nn, g)) == [0.0, 0.0]
    assert list(m.mahalanobis_pool(nn, g, m.omega(stocks))) == [0.0, 0.0]
    cluster_pool = m.cluster_pools(nn, g, sp.csr_matrix(np.ones((2, 1))))
    assert cluster_pool.toarray().ravel().tolist() == [0.0, 0.0]


@pytest.mark.parametrize("seed", range(5))
def test_low_rank_pools_equal_dense_ones(seed):
    nn, g = stocks_world(seed, n=20, k=6)
    dense = nn.toarray() @ nn.toarray().T
    np.fill_diagonal(dense, 0)
    assert np.allclose(m.jaffe_pool(nn, g), dense @ g)
    om = np.random.default_rng(seed).random((6, 6))
    om = (om + om.T) / 2
    dm = nn.toarray() @ om @ nn.toarray().T
    np.fill_diagonal(dm, 0)
    assert np.allclose(m.mahalanobis_pool(nn, g, om, chunk=7), np.maximum(dm @ g, 0))


# ---------------------------------------------------------------- 4. decay and folding


def test_default_decay_is_085_after_a_year_and_half_at_the_half_life():
    p = m.Parameters()
    assert m.decay(1.0, p.lam) == pytest.approx(0.85)
    assert m.decay(p.half_life, p.lam) == pytest.approx(0.5)
    assert p.half_life == pytest.approx(4.27, abs=0.01)


def test_advancing_in_two_steps_equals_one_step():
    lam = m.Parameters().lam
    assert m.decay(0.7, lam) * m.decay(1.6, lam) == pytest.approx(m.decay(2.3, lam))


@pytest.mark.parametrize("seed", range(4))
def test_folding_in_increments_equals_one_full_fold(seed):
    w = random_world(seed, n_events=200)
    full = accumulate(w)
    parts = accumulate(w, parts=7)
    shuffled = accumulate(w, parts=5, order=np.random.default_rng(seed).permutation(200))
    for acc in (parts, shuffled):
        assert np.allclose(acc.use.toarray(), full.use.toarray())
        assert np.allclose(acc.monthly_in, full.monthly_in)
        assert np.allclose(acc.monthly_out, full.monthly_out)
        assert np.allclose(acc.monthly_internal, full.monthly_internal)


def test_merging_accumulators_equals_one_accumulator():
    w = random_world(1, n_events=100)
    structure = m.Structure(w["own"], w["membership"])
    a = m.FlowAccumulator(structure, m.Parameters(), as_of=T0)
    b = m.FlowAccumulator(structure, m.Parameters(), as_of=T0)
    a.add(firm=w["firm"][:40], asset=w["asset"][:40], kind=w["kind"][:40], t=w["t"][:40])
    b.add(firm=w["firm"][40:], asset=w["asset"][40:], kind=w["kind"][40:], t=w["t"][40:])
    a.merge(b)
    assert np.allclose(a.use.toarray(), accumulate(w).use.toarray())


def test_a_stored_value_advanced_then_folded_equals_a_recompute_at_the_later_time():
    w = random_world(2, n_events=120)
    early = accumulate(w, as_of=T0)
    later = T0 + 0.8 * YEAR
    advanced = early.use * m.decay(0.8, m.Parameters().lam)
    assert np.allclose(advanced.toarray(), accumulate(w, as_of=later).use.toarray())


# ---------------------------------------------------------------- 5. flows


@pytest.mark.parametrize("seed", range(4))
def test_total_inflow_equals_total_outflow(seed):
    f = sparse_figures(random_world(seed))
    assert f["inflow"].sum() == pytest.approx(f["outflow"].sum())


def test_self_use_adds_nothing():
    own = m.equal_shares([0, 0, 1], [0, 1, 2], (2, 3))  # asset 0 co-owned by firms 0 and 1
    s = m.Structure(own)
    acc = m.FlowAccumulator(s, m.Parameters(), as_of=T0)
    acc.add(firm=[0, 1, 2], asset=[0, 0, 1], kind=[3, 4, 3], t=[T0, T0, T0])
    assert acc.use.nnz == 0
    acc.add(firm=[2], asset=[0], kind=[3], t=[T0])
    f = m.flow_matrix(acc.use, own).toarray()
    assert np.allclose(f[2], [0.5, 0.5, 0])


def test_co_owner_shares_sum_to_one():
    own = m.equal_shares([0, 0, 0, 1, 1], [0, 1, 2, 1, 1], (2, 3))
    assert np.allclose(np.asarray(own.sum(axis=1)).ravel(), 1.0)
    assert np.allclose(own.toarray()[1], [0, 1, 0])


@pytest.mark.parametrize("kind", m.KINDS)
def test_raising_a_weight_never_lowers_any_score(kind):
    w = random_world(3, n_events=150)
    low = m.Parameters()
    weights = dict(low.weights)
    raised = {
        "view": 0.1, "download": 0.5, "licence": 0.9, "citation": 1.5, "derivation": 1.5,
    }  # fmt: skip
    weights[kind] = raised[kind]
    high = m.Parameters(weights=weights)
    a, b = sparse_figures(w, low), sparse_figures(w, high)
    assert (b["f"] >= a["f"] - 1e-12).all()
    assert (b["inflow"] >= a["inflow"] - 1e-12).all()
    assert (b["outflow"] >= a["outflow"] - 1e-12).all()
    assert (b["clusters"].csi >= a["clusters"].csi - 1e-12).all()
    ra, rb = m.asset_reach(a["acc"].use), m.asset_reach(b["acc"].use)
    assert (rb.uses >= ra.uses - 1e-12).all()


@pytest.mark.parametrize(
    "weights",
    [
        {"view": 0.3, "download": 0.2},
        {"download": 0.7},
        {"citation": 0.5},
        {"derivation": 0.1},
        {"view": -0.1},
    ],
)
def test_configuration_refuses_weights_that_break_the_order(weights):
    with pytest.raises(m.InvalidParameters):
        m.Parameters(weights={**m.DEFAULT_WEIGHTS, **weights})


def test_configuration_refuses_a_depreciation_out_of_range():
    with pytest.raises(m.InvalidParameters):
        m.Parameters(delta=1.2)


def test_absorption_rate_is_zero_where_the_pool_is_zero():
    assert list(m.absorption_rate(np.array([1.0, 2.0]), np.array([0.0, 4.0]))) == [0.0, 0.5]


# ---------------------------------------------------------------- 6. reach and cluster figures


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 12), st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=30))
def test_pagerank_sums_to_one(n, edges):
    edges = [(a % n, b % n) for a, b in edges]
    pr = m.pagerank(n, [a for a, _ in edges], [b for _, b in edges])
    assert pr.sum() == pytest.approx(1.0)
    assert (pr > 0).all()


def test_pagerank_ranks_the_most_cited_asset_first():
    pr = m.pagerank(4, [0, 1, 2], [3, 3, 3])
    assert pr.argmax() == 3


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 6))
def test_generality_lies_between_zero_and_one_minus_one_over_classes(seed, n_classes):
    rng = np.random.default_rng(seed)
    use = sp.csr_matrix(rng.random((8, 5)) * (rng.random((8, 5)) < 0.5))
    classes = m.one_hot(rng.integers(0, n_classes, 8), n_classes)
    gen = m.generality(use, classes)
    assert (gen >= -1e-12).all()
    assert (gen <= 1 - 1 / n_classes + 1e-12).all()


def test_generality_of_uses_spread_evenly_over_two_classes_is_one_half():
    use = sp.csr_matrix(np.array([[1.0], [1.0]]))
    assert m.generality(use, m.one_hot(np.array([0, 1]), 2))[0] == pytest.approx(0.5)


def test_descendants_count_transitive_derivations_once():
    # 1 and 2 derive from 0; 3 derives from 1 and 2 (a diamond)
    d = m.descendants(4, derived=[1, 2, 3, 3], source=[0, 0, 1, 2])
    assert list(d) == [3, 1, 1, 0]


@pytest.mark.parametrize("seed", range(6))
def test_ei_index_is_bounded_and_csi_non_negative(seed):
    c = sparse_figures(random_world(seed))["clusters"]
    assert (c.ei >= -1).all()
    assert (c.ei <= 1).all()
    assert (c.csi >= 0).all()
    assert (c.realisation >= 0).all()


def test_monthly_cluster_series_ends_at_the_decayed_full_figure():
    w = random_world(4, n_events=150)
    acc = accumulate(w)
    months = acc.months()
    series = m.decayed_series(acc.monthly_internal, m.month_end(months), m.Parameters().lam)
    # the last month end is after as_of; bring the full figure there
    full = sparse_figures(w)["clusters"].internal
    lag = (m.month_end(months[-1]) - T0) / YEAR
    assert np.allclose(series[-1], full * m.decay(lag, m.Parameters().lam))


def test_localisation_is_negative_when_every_flow_crosses_regions():
    own = m.equal_shares([0, 1], [0, 1], (2, 2))
    cat = m.equal_shares([0, 1], [0, 0], (2, 1))
    use = sp.csr_matrix(np.array([[0, 1.0], [1.0, 0]]))  # firm 0 uses firm 1's asset and vice versa
    r = m.region_figures(use=use, ownership=own, categories=cat, classes=m.one_hot(np.array([0, 1]), 2))
    assert np.allclose(r.outside_share, [1, 1])
    assert np.allclose(r.localisation, [-0.5, -0.5])


@pytest.mark.parametrize("seed", range(4))
def test_top_pairs_keep_each_rows_and_each_columns_largest_flows(seed):
    rng = np.random.default_rng(seed)
    dense = rng.random((30, 30)) * (rng.random((30, 30)) < 0.4)
    np.fill_diagonal(dense, 0)
    r, c, v = m.top_pairs(sp.csr_matrix(dense), 3)
    kept = set(zip(r.tolist(), c.tolist(), strict=True))
    expected = set()
    for i in range(30):
        for j in np.argsort(-dense[i])[:3]:
            if dense[i, j] > 0:
                expected.add((i, int(j)))
        for j in np.argsort(-dense[:, i])[:3]:
            if dense[j, i] > 0:
                expected.add((int(j), i))
    assert kept == expected
    assert np.allclose(v, dense[r, c])
