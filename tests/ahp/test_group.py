"""mcda.ahp.group: AIJ, AIP, Goepel's consensus, per-pair spread."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from mcda.ahp import (
    aggregate_judgments,
    aggregate_priorities,
    consensus,
    consensus_band,
    judgment_spread,
    priorities,
)
from mcda.errors import MCDAError

NAN = np.nan


def random_reciprocal(rng, n, spread=0.8):
    a = np.exp(rng.normal(0, spread, (n, n)))
    iu = np.triu_indices(n, 1)
    a[iu[1], iu[0]] = 1 / a[iu]
    np.fill_diagonal(a, 1.0)
    return a


def test_aij_methods_md_example():
    """docs/methods.md#group-aggregation: judgments 2, 3, 4 -> geometric mean 24^(1/3), reciprocal kept; the arithmetic
    mean is 3 while the mean of the reciprocals is 13/36, not 1/3."""
    ms = [[[1, x], [1 / x, 1]] for x in (2, 3, 4)]
    g = aggregate_judgments(ms)
    assert_allclose(g[0, 1], 24 ** (1 / 3), rtol=1e-14)
    assert g[0, 1] * g[1, 0] == pytest.approx(1, abs=1e-15)
    arith = np.mean(np.array(ms), axis=0)
    assert arith[0, 1] == 3 and arith[1, 0] == pytest.approx(13 / 36)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 7), st.integers(1, 5), st.integers(0, 2**31 - 1))
def test_aij_of_identical_matrices_is_that_matrix(n, k, seed):
    rng = np.random.default_rng(seed)
    a = random_reciprocal(rng, n)
    if n > 3:
        a[0, 2] = a[2, 0] = NAN
    w = rng.uniform(0.1, 1, k)
    assert_allclose(aggregate_judgments([a] * k, weights=w), a, rtol=1e-13)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 7), st.integers(2, 6), st.integers(0, 2**31 - 1))
def test_aij_keeps_reciprocity(n, k, seed):
    rng = np.random.default_rng(seed)
    stack = np.array([random_reciprocal(rng, n, 1.0) for _ in range(k)])
    holes = rng.random((k, n, n)) < 0.3
    holes = np.triu(holes, 1)
    holes = holes | holes.transpose(0, 2, 1)
    stack[holes] = NAN
    g = aggregate_judgments(stack, weights=rng.uniform(0, 1, k) + 0.01)
    judged = ~np.isnan(g)
    assert (judged == judged.T).all()
    assert_allclose((g * g.T)[judged], 1.0, rtol=1e-15)
    assert_allclose(np.diag(g), 1.0)


def test_aij_renormalises_weights_over_members_who_judged():
    m1 = [[1, 2, 4], [1 / 2, 1, NAN], [1 / 4, NAN, 1]]
    m2 = [[1, 8, NAN], [1 / 8, 1, 3], [NAN, 1 / 3, 1]]
    m3 = [[1, NAN, NAN], [NAN, 1, NAN], [NAN, NAN, 1]]
    g = aggregate_judgments([m1, m2, m3], weights=[3, 1, 6])
    assert_allclose(g[0, 1], 2 ** 0.75 * 8 ** 0.25, rtol=1e-14)  # weights 3:1 among members 1, 2
    assert g[0, 2] == pytest.approx(4) and g[1, 2] == pytest.approx(3)
    assert np.isnan(aggregate_judgments([m3, m3])[0, 1])  # nobody judged it


def test_aij_zero_weight_member_alone_leaves_nan():
    m1 = [[1, 2, NAN], [1 / 2, 1, NAN], [NAN, NAN, 1]]
    m2 = [[1, 8, 3], [1 / 8, 1, 3], [1 / 3, 1 / 3, 1]]
    g = aggregate_judgments([m1, m2], weights=[1, 0])
    assert g[0, 1] == pytest.approx(2) and np.isnan(g[0, 2])


def test_aij_input_errors():
    ok = [[1, 2], [0.5, 1]]
    with pytest.raises(MCDAError, match="member 'ann' has .* but member 'bob' has"):
        aggregate_judgments([ok, np.ones((3, 3))], members=["ann", "bob"])
    with pytest.raises(MCDAError, match="^member 'bob': judgment"):
        aggregate_judgments([ok, [[1, 2], [2, 1]]], members=["ann", "bob"])
    with pytest.raises(MCDAError, match="member 1 has weight -1"):
        aggregate_judgments([ok, ok], weights=[1, -1])
    with pytest.raises(MCDAError, match="expected 2 member weights"):
        aggregate_judgments([ok, ok], weights=[1])
    with pytest.raises(MCDAError, match="all are 0"):
        aggregate_judgments([ok, ok], weights=[0, 0])
    with pytest.raises(MCDAError, match="at least one"):
        aggregate_judgments([])


def test_aip_modes():
    v = [[0.6, 0.3, 0.1], [0.2, 0.3, 0.5]]
    geo = np.sqrt(np.array(v[0]) * np.array(v[1]))
    assert_allclose(aggregate_priorities(v), geo / geo.sum(), rtol=1e-14)
    assert_allclose(aggregate_priorities(v, mode="arithmetic"), [0.4, 0.3, 0.3], rtol=1e-14)
    assert_allclose(aggregate_priorities(v, weights=[1, 3], mode="arithmetic"), [0.3, 0.3, 0.4], rtol=1e-14)
    with pytest.raises(MCDAError, match="unknown aggregation mode"):
        aggregate_priorities(v, mode="median")
    with pytest.raises(MCDAError, match="sum to 1"):
        aggregate_priorities([[0.5, 0.6]])
    with pytest.raises(MCDAError, match="positive"):
        aggregate_priorities([[1.0, 0.0]])
    assert_allclose(aggregate_priorities([[1.0, 0.0], [0.5, 0.5]], mode="arithmetic"), [0.75, 0.25])
    with pytest.raises(MCDAError, match=">= 0"):
        aggregate_priorities([[1.5, -0.5]], mode="arithmetic")


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 7), st.integers(2, 5), st.integers(0, 2**31 - 1))
def test_aij_with_rgm_equals_geometric_aip(n, k, seed):
    """Derived (Forman & Peniwati 1998): with row-geometric-mean priorities, AIJ and geometric AIP coincide."""
    rng = np.random.default_rng(seed)
    stack = np.array([random_reciprocal(rng, n) for _ in range(k)])
    lam = rng.uniform(0.1, 1, k)
    via_aij = priorities(aggregate_judgments(stack, lam), "geometric_mean")
    via_aip = aggregate_priorities(priorities(stack, "geometric_mean"), lam)
    assert_allclose(via_aij, via_aip, rtol=1e-12)


def test_aij_and_aip_differ_with_eigenvector_n4(rng):
    stack = np.array([random_reciprocal(rng, 4, 1.2) for _ in range(3)])
    via_aij = priorities(aggregate_judgments(stack), "eigenvector")
    via_aip = aggregate_priorities(priorities(stack, "eigenvector"))
    assert not np.allclose(via_aij, via_aip, atol=1e-6)


def test_consensus_identical_members_is_one():
    r = consensus([[0.5, 0.3, 0.2]] * 4)
    assert r.s_star == pytest.approx(1.0, abs=1e-15) and r.band == "very high"
    assert r.h_beta == pytest.approx(0, abs=1e-15) and r.k == 4 and r.n == 3


@pytest.mark.parametrize("p", [0.9, 0.75, 0.6])
def test_consensus_two_opposed_members_derived(p):
    """Derived closed form for K = 2, n = 2, w1 = (p, 1-p), w2 = (1-p, p): H_alpha = H(p), H_gamma = ln 2,
    so S* = (e^H(p) / 2 - c) / (1 - c) with c = e^H(0.9) / 2 (M = 9); S* = 0 at p = 0.9."""
    def h(x):
        return -(x * math.log(x) + (1 - x) * math.log(1 - x))
    c = math.exp(h(0.9)) / 2
    r = consensus([[p, 1 - p], [1 - p, p]])
    assert r.s_star == pytest.approx((math.exp(h(p)) / 2 - c) / (1 - c), abs=1e-14)
    if p == 0.9:
        assert r.s_star == pytest.approx(0.0, abs=1e-14) and r.band == "very low"


def test_consensus_weights_and_scale():
    v = [[0.6, 0.3, 0.1], [0.2, 0.3, 0.5], [0.3, 0.4, 0.3]]
    assert consensus(v).s_star == pytest.approx(consensus(v, weights=[2, 2, 2]).s_star, rel=1e-14)
    assert consensus(v, weights=[5, 1, 1]).s_star != pytest.approx(consensus(v).s_star)
    assert 0 < consensus(v).s_star < 1
    assert consensus(v, scale_max=5).scale_max == 5
    zero = consensus([[1.0, 0.0, 0.0], [0.5, 0.3, 0.2]])  # direct weights may hold a 0: 0 ln 0 = 0
    assert np.isfinite(zero.s_star)
    with pytest.raises(MCDAError, match="at least 2 members"):
        consensus([[0.5, 0.5]])
    with pytest.raises(MCDAError, match="scale maximum"):
        consensus(v, scale_max=1)


@pytest.mark.parametrize("s, band", [(0.95, "very high"), (0.875, "very high"), (0.8, "high"), (0.75, "high"),
                                     (0.7, "moderate"), (0.55, "low"), (0.5, "low"), (0.49, "very low"),
                                     (-0.1, "very low")])
def test_consensus_bands_goepel(s, band):
    """Goepel's word scale: <50 % very low, 50-62.5 low, 62.5-75 moderate, 75-87.5 high, >=87.5 very high."""
    assert consensus_band(s) == band


def test_spread_flags_x_versus_one_over_x():
    ms = [[[1, 5, 2], [1 / 5, 1, 1], [1 / 2, 1, 1]],
          [[1, 1 / 5, 3], [5, 1, NAN], [1 / 3, NAN, 1]],
          [[1, 1, 2], [1, 1, NAN], [1 / 2, NAN, 1]]]
    sp = {(p.i, p.j): p for p in judgment_spread(ms, labels=["cost", "quality", "security"],
                                                 members=["ann", "bob", "cy"])}
    p01 = sp[(0, 1)]
    assert p01.deadlock and p01.count == 3 and p01.values == (5.0, 0.2, 1.0)
    assert p01.geometric_mean == pytest.approx(1.0)
    assert p01.log_range == pytest.approx(2 * math.log(5))
    assert p01.geometric_sd == pytest.approx(math.exp(np.std([math.log(5), -math.log(5), 0.0], ddof=1)))
    assert (p01.label_i, p01.label_j, p01.min, p01.max) == ("cost", "quality", 0.2, 5.0)
    p02 = sp[(0, 2)]
    assert not p02.deadlock and p02.count == 3
    p12 = sp[(1, 2)]
    assert p12.count == 1 and p12.geometric_sd == 1.0 and np.isnan(p12.values[1])


def test_spread_skips_pairs_nobody_judged_and_strong_setting():
    m = [[1, 3, NAN], [1 / 3, 1, 2], [NAN, 1 / 2, 1]]
    m2 = [[1, 1 / 2, NAN], [2, 1, 2], [NAN, 1 / 2, 1]]
    sp = judgment_spread([m, m2])
    assert [(p.i, p.j) for p in sp] == [(0, 1), (1, 2)]
    assert not sp[0].deadlock
    assert judgment_spread([m, m2], strong=2)[0].deadlock
    with pytest.raises(MCDAError, match="strong > 1"):
        judgment_spread([m, m2], strong=1)


def test_spread_in_numpy_equals_the_pair_by_pair_definition(rng):
    """The vectorised spread equals the per-pair loop with np.std (the code before the speed change)."""
    for n, k in ((3, 1), (4, 3), (7, 10), (12, 30)):
        mats = np.stack([random_reciprocal(rng, n) for _ in range(k)])
        for m in mats:  # drop some judgments, both cells
            for i, j in zip(*np.triu_indices(n, 1), strict=True):
                if rng.random() < 0.3:
                    m[i, j] = m[j, i] = NAN
        got = judgment_spread(mats)
        pairs = [(i, j) for i in range(n) for j in range(i + 1, n) if (~np.isnan(mats[:, i, j])).any()]
        assert [(s.i, s.j) for s in got] == pairs
        for s in got:
            vals = mats[:, s.i, s.j]
            logs = np.log(vals[~np.isnan(vals)])
            assert s.count == logs.size and s.values == tuple(vals.tolist()) or np.isnan(vals).any()
            assert_allclose(s.geometric_mean, np.exp(logs.mean()), rtol=1e-12)
            assert_allclose(s.geometric_sd, np.exp(np.std(logs, ddof=1)) if logs.size > 1 else 1.0, rtol=1e-12)
            assert_allclose(s.log_range, logs.max() - logs.min(), rtol=1e-12, atol=1e-15)
            assert s.min == np.exp(logs).min() or np.isclose(s.min, np.exp(logs.min()), rtol=1e-15)
            assert s.deadlock == bool(np.exp(logs).max() >= 3 * (1 - 1e-12) and np.exp(logs).min() <= (1 + 1e-12) / 3)


def test_aij_kernel_on_several_nodes_at_once_equals_one_node_at_a_time(rng):
    from mcda.ahp import aij

    stack = np.stack([np.stack([random_reciprocal(rng, 5) for _ in range(4)]) for _ in range(3)])
    stack[1, 2] = NAN  # a member who gave nothing at node 1
    lam = rng.random((3, 4))
    lam /= lam.sum(axis=1, keepdims=True)
    together = aij(stack, lam)
    for g in range(3):
        keep = ~np.isnan(stack[g]).all(axis=(1, 2))
        alone = aggregate_judgments(stack[g][keep], lam[g][keep])
        assert_allclose(together[g], alone, rtol=1e-13)
