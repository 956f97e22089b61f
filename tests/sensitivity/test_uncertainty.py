"""Score uncertainty: sampled matrices, normalised as a stack, scored per sample."""
from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from pymcdm import normalizations as pn

from mcda.errors import MCDAError
from mcda.methods import topsis, wsm
from mcda.normalization import normalize
from mcda.sensitivity import confidence_factors, score_model, smaa
from mcda.sensitivity.uncertainty import normal_matrix_sampler, normalize_stack, stack_keys


@pytest.mark.parametrize("norm", ["vector", "max", "minmax", "sum", "none", "scale"])
def test_stack_normalisation_equals_one_matrix_at_a_time(norm):
    rng = np.random.default_rng(1)
    Xs = rng.uniform(1, 5, (7, 4, 3))
    types = [1, -1, 1]
    bounds = (1, 5) if norm == "scale" else None
    got = normalize_stack(Xs, types, norm, bounds)
    want = np.stack([normalize(X, types, norm, bounds) for X in Xs])
    assert_allclose(got, want, rtol=1e-13)


@pytest.mark.parametrize("method, fn", [("topsis", topsis), ("wsm", wsm)])
def test_stack_keys_order_like_the_method(method, fn):
    rng = np.random.default_rng(2)
    Xs = rng.uniform(1, 5, (50, 5, 4))
    types = [1, -1, 1, 1]
    W = rng.dirichlet(np.ones(4), 50)
    sm = score_model(Xs[0], types, method)
    K = stack_keys(sm, normalize_stack(Xs, types, sm.normalization), W)
    for s in range(50):
        assert_array_equal(np.argsort(K[:, s]), np.argsort(fn(Xs[s], W[s], types)))


def test_normal_matrix_sampler_sd_and_clipping():
    X = np.array([[3.0, 1.0], [2.0, 4.0]])
    s = normal_matrix_sampler(X, [[0.5, 0.0], [0.0, 3.0]], bounds=(1, 5))
    Xs = s(np.random.default_rng(0), 20_000)
    assert Xs.shape == (20_000, 2, 2)
    assert_array_equal(Xs[:, 0, 1], 1.0)
    assert_allclose(Xs[:, 0, 0].std(), 0.5, rtol=0.03)
    assert Xs[:, 1, 1].min() == 1.0 and Xs[:, 1, 1].max() == 5.0
    low = normal_matrix_sampler(X, 5.0, lower=0.0)(np.random.default_rng(0), 100)
    assert low.min() == 0.0
    with pytest.raises(MCDAError, match=r"\(2, 2\)"):
        normal_matrix_sampler(X, np.ones(3))
    with pytest.raises(MCDAError, match=">= 0"):
        normal_matrix_sampler(X, -1.0)


def test_confidence_factors_equal_a_loop_over_the_sampled_matrices():
    rng = np.random.default_rng(3)
    X = rng.uniform(2, 4, (4, 3))
    types = [1, 1, -1]
    central = rng.dirichlet(np.ones(3), 4)
    sampler = normal_matrix_sampler(X, 0.4, lower=0.0)
    got = confidence_factors(X, types, central, "topsis", matrix_sampler=sampler,
                             n_samples=300, seed=11)
    Xs = sampler(np.random.default_rng(11), 300)
    want = [np.mean([np.argmax(topsis(Xm, central[i], types)) == i for Xm in Xs])
            for i in range(4)]
    assert_allclose(got, want)


def test_score_uncertainty_with_a_callable_normalisation():
    X = np.array([[5.0, 1.0], [1.0, 5.0]])
    r = smaa(X, [1, 1], "topsis", pn.vector_normalization, n_samples=500, seed=0, score_sd=0.5)
    assert r.normalization == "vector_normalization"
    assert_allclose(r.acceptability.sum(axis=1), 1)
