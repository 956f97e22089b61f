"""mcda.ahp.incomplete: LLSM and lambda_max-optimal completions, Harker's method, next question."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

from mcda.ahp import SAATY_SCALE, complete, harker_matrix, harker_weights, llsm_weights, next_question, priorities
from mcda.ahp.eigen import lambda_max_gradient, principal_eigen
from mcda.errors import MCDAError, NotConnectedError

NAN = np.nan
LABELS = ["cost", "quality", "security", "sla"]


def bozoki_example3(a12: float = 1.0) -> np.ndarray:
    """Bozóki, Fülöp & Rónyai (2010), Example 3: 4x4 with one missing element x = a_34.

    The paper prints the two triads through x, (1, 5, 2 / 1/5, 1, x / 1/2, 1/x, 1) and
    (1, 3, 4 / 1/3, 1, x / 1/4, 1/x, 1); the text we could read does not show a_12, which
    is a free parameter here (the result does not depend on it, see below)."""
    return np.array([[1, a12, 5, 2], [1 / a12, 1, 3, 4], [1 / 5, 1 / 3, 1, NAN], [1 / 2, 1 / 4, NAN, 1]])


def test_complete_bozoki2010_example3_lambda_max():
    """The paper prints x = 0.7302965066047, 'equal to van Uden's approximation up to 6 digits'."""
    x = complete(bozoki_example3(), "lambda_max")[2, 3]
    assert_allclose(x, 0.7302965066047, rtol=1e-6)


@settings(max_examples=17, deadline=None)
@given(st.sampled_from(SAATY_SCALE), st.sampled_from(["lambda_max", "llsm"]))
def test_bozoki2010_example3_derived_van_uden(a12, method):
    """Derived: with one missing entry in a 4x4 matrix both optimal completions equal the geometric
    mean of the two triad estimates, sqrt((2/5)(4/3)) = 0.73029674334 (van Uden's value; cf. Csató et
    al. 2024 on the coincidence for n = 4), whatever a_12 is."""
    x = complete(bozoki_example3(a12), method)[2, 3]
    assert_allclose(x, np.sqrt(2 / 5 * 4 / 3), rtol=1e-10)


def spanning_tree_mask(rng, n, extra_missing=0.5):
    """Random missing pattern that keeps a random spanning tree judged."""
    order = rng.permutation(n)
    keep = {tuple(sorted((int(order[k]), int(order[rng.integers(0, k)])))) for k in range(1, n)}
    miss = np.zeros((n, n), bool)
    for i in range(n):
        for j in range(i + 1, n):
            if (i, j) not in keep and rng.random() < extra_missing:
                miss[i, j] = miss[j, i] = True
    return miss


weights_st = st.lists(st.floats(0.05, 1.0), min_size=3, max_size=10).map(lambda v: np.array(v) / np.sum(v))


@settings(max_examples=50, deadline=None)
@given(weights_st, st.integers(0, 2**31 - 1), st.sampled_from(["lambda_max", "llsm"]))
def test_complete_consistent_incomplete_matrix_exactly(w, seed, method):
    full = np.outer(w, 1 / w)
    miss = spanning_tree_mask(np.random.default_rng(seed), len(w))
    a = np.where(miss, NAN, full)
    assert_allclose(complete(a, method), full, rtol=1e-12)
    assert_allclose(harker_weights(a), w, atol=1e-12)


@settings(max_examples=30, deadline=None)
@given(st.integers(3, 9), st.integers(0, 2**31 - 1))
def test_spanning_tree_judgments_are_always_consistent(n, seed):
    """Derived: n - 1 judgments forming a tree fix w exactly; every method and completion agrees."""
    rng = np.random.default_rng(seed)
    miss = spanning_tree_mask(rng, n, extra_missing=1.0)
    a = np.exp(rng.normal(0, 1, (n, n)))
    iu = np.triu_indices(n, 1)
    a[iu[1], iu[0]] = 1 / a[iu]
    np.fill_diagonal(a, 1)
    a[miss] = NAN
    w = llsm_weights(a)
    for method in ("eigenvector", "geometric_mean", "column_mean", "harker"):
        assert_allclose(priorities(a, method), w, rtol=1e-10)
    assert_allclose(principal_eigen(complete(a))[0], n, rtol=1e-12)


def random_incomplete(rng, n, spread=0.7, extra_missing=0.5):
    a = np.exp(rng.normal(0, spread, (n, n)))
    iu = np.triu_indices(n, 1)
    a[iu[1], iu[0]] = 1 / a[iu]
    np.fill_diagonal(a, 1)
    a[spanning_tree_mask(rng, n, extra_missing)] = NAN
    return a


@settings(max_examples=30, deadline=None)
@given(st.integers(4, 10), st.integers(0, 2**31 - 1))
def test_lambda_max_completion_is_optimal(n, seed):
    """By definition (Bozóki, Fülöp & Rónyai 2010): no other completion has a smaller lambda_max."""
    rng = np.random.default_rng(seed)
    a = random_incomplete(rng, n)
    mi, mj = np.nonzero(np.triu(np.isnan(a), 1))
    if mi.size == 0:
        return
    best = complete(a, "lambda_max")
    lam_best = principal_eigen(best)[0]
    _, _, grad_log = lambda_max_gradient(best, mi, mj)
    assert np.abs(grad_log).max() < 1e-9  # first-order optimality
    assert lam_best <= principal_eigen(complete(a, "llsm"))[0] + 1e-12
    for _ in range(5):
        other = best.copy()
        x = np.log(best[mi, mj]) + rng.normal(0, 0.05, mi.size)
        other[mi, mj], other[mj, mi] = np.exp(x), np.exp(-x)
        assert lam_best <= principal_eigen(other)[0] + 1e-12


@settings(max_examples=20, deadline=None)
@given(st.integers(3, 8), st.integers(0, 2**31 - 1))
def test_lambda_max_hessian_matches_finite_differences(n, seed):
    """Derived check of the analytic Hessian used by the Newton completion."""
    from mcda.ahp.completion import _lambda_max_hessian
    from mcda.ahp.eigen import perron_pair

    rng = np.random.default_rng(seed)
    c = np.exp(rng.normal(0, 0.8, (n, n)))
    iu = np.triu_indices(n, 1)
    c[iu[1], iu[0]] = 1 / c[iu]
    np.fill_diagonal(c, 1)
    mi, mj = iu[0][: min(4, iu[0].size)], iu[1][: min(4, iu[0].size)]
    lam, u, v = perron_pair(c)
    hess = _lambda_max_hessian(c, lam, u, v, mi, mj)

    def grad(x):
        b = c.copy()
        b[mi, mj], b[mj, mi] = np.exp(x), np.exp(-x)
        return lambda_max_gradient(b, mi, mj)[2]

    x0 = np.log(c[mi, mj])
    h = 1e-6
    fd = np.column_stack([(grad(x0 + h * e) - grad(x0 - h * e)) / (2 * h) for e in np.eye(mi.size)])
    assert_allclose(hess, hess.T, atol=1e-14)
    assert_allclose(hess, fd, rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("method", ["lambda_max", "llsm"])
def test_completion_keeps_judged_cells(rng, method):
    a = random_incomplete(rng, 8)
    c = complete(a, method)
    judged = ~np.isnan(a)
    assert_array_equal(c[judged], a[judged])
    assert not np.isnan(c).any()
    assert_allclose(c * c.T, np.ones_like(c), rtol=1e-14)


def test_complete_of_complete_matrix_is_unchanged(drinks):
    assert_allclose(complete(drinks), drinks, rtol=1e-15)


def test_lambda_max_completion_19x19_half_missing(rng):
    """The benchmark's size: converges to a zero gradient (no timing asserted here)."""
    a = random_incomplete(rng, 19, spread=0.5, extra_missing=0.55)
    mi, mj = np.nonzero(np.triu(np.isnan(a), 1))
    assert mi.size > 60
    _, _, g = lambda_max_gradient(complete(a), mi, mj)
    assert np.abs(g).max() < 1e-9


def test_harker_matrix_structure():
    """Harker (1987): 0 in missing cells, 1 + (missing in the row) on the diagonal."""
    a = [[1, 2, NAN, NAN], [0.5, 1, 3, NAN], [NAN, 1 / 3, 1, 2], [NAN, NAN, 0.5, 1]]
    b = harker_matrix(a)
    assert_allclose(np.diag(b), [3, 2, 2, 3])
    assert b[0, 2] == b[0, 3] == b[1, 3] == b[2, 0] == 0
    assert b[0, 1] == 2 and b[2, 3] == 2
    assert_array_equal(complete(a, "harker"), b)


@settings(max_examples=30, deadline=None)
@given(st.integers(3, 9), st.integers(0, 2**31 - 1))
def test_harker_weights_fixed_point(n, seed):
    """Derived from Harker (1987): w is the Perron vector of the matrix completed with w_i / w_j."""
    a = random_incomplete(np.random.default_rng(seed), n)
    w = harker_weights(a)
    filled = np.where(np.isnan(a), w[:, None] / w[None, :], a)
    assert_allclose(principal_eigen(filled)[1], w, rtol=1e-10)
    assert_allclose(priorities(a, "harker"), w, rtol=1e-12)


def test_methods_differ_on_inconsistent_incomplete_input(rng):
    """Harker, LLSM and the optimal completion differ (docs/methods.md#incomplete): tests must be method-specific."""
    a = random_incomplete(rng, 6, spread=1.0, extra_missing=0.4)
    w_ev, w_gm, w_h = priorities(a, "eigenvector"), priorities(a, "geometric_mean"), priorities(a, "harker")
    assert not np.allclose(w_ev, w_gm, atol=1e-6)
    assert not np.allclose(w_ev, w_h, atol=1e-6)


def test_disconnected_completion_names_groups():
    a = [[1, 2, NAN, NAN], [0.5, 1, NAN, NAN], [NAN, NAN, 1, 3], [NAN, NAN, 1 / 3, 1]]
    for method in ("lambda_max", "llsm", "harker"):
        with pytest.raises(NotConnectedError) as info:
            complete(a, method, labels=LABELS)
        assert info.value.groups == [["cost", "quality"], ["security", "sla"]]
        assert "{cost, quality} and {security, sla}" in str(info.value)


def test_unknown_completion_method():
    with pytest.raises(MCDAError, match="unknown completion method 'mean'"):
        complete([[1, 2], [0.5, 1]], "mean")


def test_next_question_disconnected_joins_groups():
    a = [[1, 2, NAN, NAN], [0.5, 1, NAN, NAN], [NAN, NAN, 1, 3], [NAN, NAN, 1 / 3, 1]]
    r = next_question(a, labels=LABELS, k=None)
    assert not r.connected
    assert (r.n, r.given, r.minimum, r.total) == (4, 2, 3, 6)
    assert r.groups == (("cost", "quality"), ("security", "sla"))
    assert len(r.questions) == 4
    assert all(q.joins_groups and q.score is None for q in r.questions)
    assert {(q.label_i, q.label_j) for q in r.questions} == {
        ("cost", "security"), ("cost", "sla"), ("quality", "security"), ("quality", "sla")}
    assert "2 unconnected groups" in r.message and "'cost' with 'security'" in r.message


def test_next_question_disconnected_prefers_joining_large_groups():
    a = np.full((5, 5), NAN)
    np.fill_diagonal(a, 1)
    a[0, 1], a[1, 0], a[1, 2], a[2, 1] = 2, 0.5, 2, 0.5  # groups {0,1,2}, {3}, {4}
    q = next_question(a, k=1).questions[0]
    assert (q.i, q.j) == (0, 3)


def test_next_question_connected_counts_and_order(rng):
    a = random_incomplete(rng, 7, spread=0.8)
    r = next_question(a, k=None)
    assert r.connected and r.minimum == 6 and r.total == 21
    assert r.given == 21 - len(r.questions)
    scores = [q.score for q in r.questions]
    assert scores == sorted(scores, reverse=True)
    w = harker_weights(a)  # the scores are taken on Harker's completion a_ij = w_i / w_j
    filled = np.where(np.isnan(a), w[:, None] / w[None, :], a)
    for q in r.questions:
        _, g, gl = lambda_max_gradient(filled, [q.i], [q.j])
        assert_allclose(q.gradient, g[0], rtol=1e-12)
        assert_allclose(q.score, abs(gl[0]), rtol=1e-12)
        assert_allclose(q.estimate, w[q.i] / w[q.j], rtol=1e-12)
    assert len(next_question(a, k=2).questions) == 2


@settings(max_examples=25, deadline=None)
@given(st.integers(4, 8), st.integers(0, 2**31 - 1), st.sampled_from(["harker", "llsm"]))
def test_next_question_scores_follow_item_permutations(n, seed, completion):
    rng = np.random.default_rng(seed)
    a = random_incomplete(rng, n)
    p = rng.permutation(n)
    r = next_question(a, k=None, completion=completion)
    rp = next_question(a[np.ix_(p, p)], k=None, completion=completion)
    by_pair = {frozenset((q.i, q.j)): q.score for q in r.questions}
    for q in rp.questions:
        assert_allclose(q.score, by_pair[frozenset((int(p[q.i]), int(p[q.j])))], rtol=1e-8, atol=1e-13)
    assert len(r.questions) == len(rp.questions)


def test_next_question_complete_matrix_has_nothing_to_ask(drinks):
    r = next_question(drinks)
    assert r.questions == () and r.connected and r.given == r.total == 21
    assert "nothing to ask" in r.message


def test_next_question_arguments():
    a = [[1, 2, NAN], [0.5, 1, 3], [NAN, 1 / 3, 1]]
    with pytest.raises(MCDAError, match="zero gradient"):
        next_question(a, completion="lambda_max")
    with pytest.raises(MCDAError, match="positive integer"):
        next_question(a, k=0)
