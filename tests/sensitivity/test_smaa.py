"""SMAA-2: equality with per-sample loops, analytic cases, properties, chunking, cancellation."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal
from pymcdm import normalizations as pn
from pymcdm.methods import TOPSIS

from mcda.errors import MCDAError
from mcda.methods import rank, wsm
from mcda.sensitivity import (
    Cancelled,
    central_weights,
    confidence_factors,
    dirichlet_sampler,
    rank_acceptability,
    smaa,
    uniform_simplex,
)
from mcda.sensitivity.smaa import default_chunk_size


def _loop_acceptability(score_fn, W, n):
    acc = np.zeros((n, n))
    for w in W:
        r = rank(score_fn(w), tol=0)
        acc[np.arange(n), r - 1] += 1
    return acc / len(W)


@pytest.mark.parametrize("ours, theirs", [("vector", pn.vector_normalization),
                                          ("minmax", pn.minmax_normalization)])
def test_topsis_acceptability_equals_pymcdm_loop(ours, theirs):
    rng = np.random.default_rng(2001)
    for n, m in [(4, 3), (7, 12), (10, 30)]:
        X = rng.uniform(1, 9, (n, m))
        types = np.where(rng.random(m) < 0.4, -1, 1)
        W = uniform_simplex(rng, 1500, m)
        body = TOPSIS(theirs)
        want = _loop_acceptability(lambda w, body=body, X=X, types=types: body(X, w, types), W, n)
        got = rank_acceptability(X, types, W, "topsis", ours, chunk_size=256)
        assert_array_equal(got, want)


@pytest.mark.parametrize("norm", ["max", "sum", "minmax", "vector"])
def test_wsm_acceptability_equals_methods_loop(norm):
    rng = np.random.default_rng(7)
    X = rng.uniform(1, 9, (6, 5))
    types = np.array([1, -1, 1, 1, -1])
    W = uniform_simplex(rng, 2000, 5)
    want = _loop_acceptability(lambda w: wsm(X, w, types, norm), W, 6)
    assert_array_equal(rank_acceptability(X, types, W, "wsm", norm), want)


@pytest.mark.parametrize("method", ["topsis", "wsm"])
def test_rows_and_columns_sum_to_one(problems, method):
    for X, types, _ in problems:
        r = smaa(X, types, method, n_samples=3000, seed=4)
        assert_allclose(r.acceptability.sum(axis=0), 1, atol=1e-12)
        assert_allclose(r.acceptability.sum(axis=1), 1, atol=1e-12)
        assert r.n_samples == 3000 and not r.cancelled


@pytest.mark.parametrize("method", ["topsis", "wsm"])
def test_dominating_vendor_has_first_rank_acceptability_one(method):
    rng = np.random.default_rng(8)
    X = rng.uniform(1, 5, (5, 6))
    X[2] = X.max(axis=0) + 1  # best on every (benefit) criterion
    r = smaa(X, np.ones(6), method, n_samples=5000, seed=1)
    assert r.acceptability[2, 0] == 1.0
    assert r.confidence[2] == 1.0
    assert np.all(np.isnan(np.delete(r.central_weights, 2, axis=0)))
    assert np.all(np.isnan(np.delete(r.confidence, 2)))


def test_two_vendor_analytic_case_lahdelma_salminen():
    """A = (1, 0), B = (0, 1), weighted sum, uniform weights (derived in docs/methods.md#smaa).

    b^1 = 0.5 each; w_1 ~ U(0, 1) and A wins iff w_1 > 0.5, so A's central
    weights are E[w | w_1 > .5] = (.75, .25). Tolerances: 5 standard errors,
    SE(b) = sqrt(.25 / S) = 0.0016 and SE(central) = (0.5 / sqrt(12)) / sqrt(S / 2)
    = 0.00065 for S = 100,000.
    """
    S = 100_000
    r = smaa([[1, 0], [0, 1]], [1, 1], "wsm", "none", n_samples=S, seed=2026)
    se_b = np.sqrt(0.25 / S)
    se_c = 0.5 / np.sqrt(12) / np.sqrt(S / 2)
    assert_allclose(r.acceptability, [[0.5, 0.5], [0.5, 0.5]], atol=5 * se_b)
    assert_allclose(r.central_weights, [[0.75, 0.25], [0.25, 0.75]], atol=5 * se_c)
    assert_array_equal(r.confidence, [1.0, 1.0])
    assert_allclose(r.standard_error, se_b, rtol=0.01)


def test_central_weights_function_equals_smaa():
    rng = np.random.default_rng(5)
    X = rng.uniform(1, 9, (5, 4))
    r = smaa(X, [1, 1, -1, 1], n_samples=4000, seed=9, chunk_size=1000)
    W = uniform_simplex(np.random.default_rng(9), 4000, 4)
    assert_allclose(central_weights(X, [1, 1, -1, 1], W), r.central_weights, rtol=1e-12)
    assert_array_equal(rank_acceptability(X, [1, 1, -1, 1], W), r.acceptability)
    ok = ~np.isnan(r.confidence)
    assert_array_equal(confidence_factors(X, [1, 1, -1, 1], r.central_weights)[ok],
                       r.confidence[ok])


def test_result_does_not_depend_on_chunk_size_with_the_uniform_sampler():
    rng = np.random.default_rng(6)
    X = rng.uniform(1, 9, (6, 8))
    a = smaa(X, np.ones(8), n_samples=5000, seed=3, chunk_size=5000)
    b = smaa(X, np.ones(8), n_samples=5000, seed=3, chunk_size=777)
    assert_array_equal(a.acceptability, b.acceptability)
    assert_allclose(a.central_weights, b.central_weights, rtol=1e-12)


def test_duplicate_vendors_split_ranks():
    X = np.array([[3.0, 1.0], [1.0, 3.0], [1.0, 3.0]])
    r = smaa(X, [1, 1], "topsis", n_samples=2000, seed=0)
    assert_allclose(r.acceptability[1], r.acceptability[2])
    assert_allclose(r.acceptability.sum(axis=0), 1)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(2, 7), m=st.integers(2, 6),
       method=st.sampled_from(["topsis", "wsm"]))
def test_acceptability_invariant_to_sample_order(seed, n, m, method):
    rng = np.random.default_rng(seed)
    X = rng.uniform(0.5, 10, (n, m))
    types = np.where(rng.random(m) < 0.5, -1, 1)
    W = uniform_simplex(rng, 400, m)
    a = rank_acceptability(X, types, W, method, chunk_size=64)
    b = rank_acceptability(X, types, W[rng.permutation(400)], method, chunk_size=150)
    assert_array_equal(a, b)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(2, 7), m=st.integers(2, 6),
       method=st.sampled_from(["topsis", "wsm"]))
def test_permuting_vendors_permutes_rows(seed, n, m, method):
    rng = np.random.default_rng(seed)
    X = rng.uniform(0.5, 10, (n, m))
    types = np.where(rng.random(m) < 0.5, -1, 1)
    W = uniform_simplex(rng, 400, m)
    p = rng.permutation(n)
    a = rank_acceptability(X, types, W, method)
    b = rank_acceptability(X[p], types, W, method)
    assert_array_equal(b, a[p])


def test_progress_and_should_stop_cancel_with_partial_results():
    calls = []
    r = smaa([[1, 0], [0, 1]], [1, 1], "wsm", "none", n_samples=10_000, seed=1,
             chunk_size=1000, progress=lambda d, t: calls.append((d, t)),
             should_stop=lambda: len(calls) >= 3)
    assert calls == [(1000, 10_000), (2000, 10_000), (3000, 10_000)]
    assert r.cancelled and r.n_samples == 3000 and r.n_requested == 10_000
    assert_allclose(r.acceptability.sum(axis=1), 1)


def test_cancelled_exception_from_progress():
    def progress(done, total):
        if done >= 2000:
            raise Cancelled("user pressed stop")

    r = smaa([[1, 0], [0, 1]], [1, 1], n_samples=10_000, seed=1, chunk_size=1000,
             progress=progress)
    assert r.cancelled and r.n_samples == 2000
    assert issubclass(Cancelled, MCDAError)


def test_cancel_before_any_sample_gives_nan():
    r = smaa([[1, 0], [0, 1]], [1, 1], n_samples=100, should_stop=lambda: True)
    assert r.cancelled and r.n_samples == 0
    assert np.isnan(r.acceptability).all() and np.isnan(r.confidence).all()


def test_custom_sampler_around_base_weights():
    X = [[1.0, 0.0], [0.0, 1.0]]
    r = smaa(X, [1, 1], "wsm", "none", n_samples=5000, seed=2,
             sampler=dirichlet_sampler([0.7, 0.3], concentration=1e6))
    assert_array_equal(r.acceptability, [[1, 0], [0, 1]])
    with pytest.raises(MCDAError, match="shape"):
        smaa(X, [1, 1], n_samples=10, sampler=lambda rng, k: np.ones((k, 3)) / 3)


def test_score_uncertainty_normal_noise():
    # A and B equal in expectation on one criterion: noise makes each first half of the time
    X = np.array([[5.0, 1.0], [5.0, 1.0], [1.0, 1.0]])
    sd = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 0.0]])
    r = smaa(X, [1, 1], "wsm", "max", n_samples=20_000, seed=3, score_sd=sd,
             bounds=None)
    assert r.score_uncertainty == "score_sd"
    assert_allclose(r.acceptability[:2, 0], 0.5, atol=0.02)
    assert r.acceptability[2, 0] < 0.01
    assert 0.3 < r.confidence[0] < 0.7  # A is first only about half the time at its centre
    # without noise, equal rows tie exactly
    r0 = smaa(X, [1, 1], "wsm", "max", n_samples=1000, seed=3)
    assert_allclose(r0.acceptability[:2, :2], 0.5)


def test_score_sd_is_clipped_to_the_scale_bounds():
    X = np.array([[5.0, 1.0], [1.0, 5.0]])
    seen = []

    def sampler(rng, size):  # records the sampled matrices via the matrix_sampler route
        Xs = np.clip(X + 10 * rng.standard_normal((size, 2, 2)), 1, 5)
        seen.append(Xs)
        return Xs

    r = smaa(X, [1, 1], "topsis", "scale", bounds=(1, 5), n_samples=500, seed=0,
             matrix_sampler=sampler)
    assert r.score_uncertainty == "matrix_sampler" and seen
    r2 = smaa(X, [1, 1], "topsis", "scale", bounds=(1, 5), n_samples=500, seed=0,
              score_sd=10.0)  # would leave the bounds without clipping: scale raises
    assert_allclose(r2.acceptability.sum(axis=0), 1)


def test_errors():
    X = [[1, 0], [0, 1]]
    with pytest.raises(MCDAError, match=r"\(samples, 2\)"):
        rank_acceptability(X, [1, 1], np.ones((5, 3)))
    with pytest.raises(MCDAError, match="sample 1, criterion 'price'"):
        rank_acceptability(X, [1, 1], [[0.5, 0.5], [0.5, -0.5]], criteria=["q", "price"])
    with pytest.raises(MCDAError, match="n_samples"):
        smaa(X, [1, 1], n_samples=0)
    with pytest.raises(MCDAError, match="chunk_size"):
        smaa(X, [1, 1], chunk_size=0)
    with pytest.raises(MCDAError, match="either score_sd or matrix_sampler"):
        smaa(X, [1, 1], score_sd=1.0, matrix_sampler=lambda r, k: None)
    with pytest.raises(MCDAError, match="score_sd"):
        smaa(X, [1, 1], score_sd=np.ones((3, 3)))


def test_default_chunk_stays_under_64_mb():
    for n, m in [(10, 114), (50, 400), (200, 2000)]:
        for unc in (False, True):
            c = default_chunk_size(n, m, unc)
            per = 8 * (3 * m + 4 * n) + (n * n if n <= 24 else 24 * n) + (32 * n * m if unc else 0)
            assert c * per <= 64 * 1024 * 1024
