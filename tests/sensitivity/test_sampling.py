"""Weight samplers: distribution, reproducibility, chunking, validation."""
from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from mcda.errors import MCDAError
from mcda.sensitivity import as_generator, dirichlet_sampler, lognormal_sampler, uniform_sampler, uniform_simplex
from mcda.sensitivity.sampling import draw


def test_uniform_simplex_moments_match_dirichlet_1():
    # Dirichlet(1,...,1): E w_j = 1/m, Var w_j = (m - 1) / (m^2 (m + 1))
    m, S = 5, 200_000
    W = uniform_simplex(np.random.default_rng(0), S, m)
    assert W.shape == (S, m)
    assert_allclose(W.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    assert W.min() >= 0
    var = (m - 1) / (m * m * (m + 1))
    se_mean = np.sqrt(var / S)
    assert np.abs(W.mean(axis=0) - 1 / m).max() < 5 * se_mean
    assert_allclose(W.var(axis=0), var, rtol=0.02)


def test_uniform_first_coordinate_is_beta_1_m_minus_1():
    # the marginal of Dirichlet(1,..,1) is Beta(1, m-1): P(w_1 > x) = (1 - x)^(m-1)
    m, S = 4, 100_000
    W = uniform_simplex(np.random.default_rng(1), S, m)
    for x in (0.1, 0.3, 0.6):
        p = (1 - x) ** (m - 1)
        assert abs((W[:, 0] > x).mean() - p) < 5 * np.sqrt(p * (1 - p) / S)


def test_seeded_and_chunk_invariant():
    s = uniform_sampler(7)
    a = s(as_generator(42), 1000)
    rng = as_generator(42)
    b = np.vstack([s(rng, 300), s(rng, 700)])
    assert_array_equal(a, b)  # one stream, whatever the chunking
    assert_array_equal(a, s(np.random.default_rng(42), 1000))


def test_dirichlet_around_base_mean_variance_and_zeros():
    w = np.array([0.5, 0.3, 0.2, 0.0])
    c = 50.0
    W = dirichlet_sampler(w, c)(np.random.default_rng(2), 100_000)
    assert_array_equal(W[:, 3], 0.0)
    assert_allclose(W.sum(axis=1), 1.0, atol=1e-12)
    assert_allclose(W.mean(axis=0), w, atol=2e-3)
    assert_allclose(W[:, :3].var(axis=0), w[:3] * (1 - w[:3]) / (c + 1), rtol=0.03)


def test_lognormal_around_base():
    w = np.array([0.6, 0.4, 0.0])
    W = lognormal_sampler(w, 0.1)(np.random.default_rng(3), 50_000)
    assert_array_equal(W[:, 2], 0.0)
    assert_allclose(W.sum(axis=1), 1.0, atol=1e-12)
    assert_allclose(np.median(W[:, 0] / W[:, 1]), 1.5, rtol=0.01)
    assert_array_equal(lognormal_sampler(w, 0.0)(np.random.default_rng(0), 3), np.tile(w, (3, 1)))


@pytest.mark.parametrize("bad", [[0.5, 0.6], [-0.1, 1.1], [[0.5, 0.5]]])
def test_around_samplers_reject_bad_base_weights(bad):
    with pytest.raises(MCDAError):
        dirichlet_sampler(bad)
    with pytest.raises(MCDAError):
        lognormal_sampler(bad)


def test_sampler_argument_errors():
    with pytest.raises(MCDAError, match="concentration"):
        dirichlet_sampler([0.5, 0.5], 0.0)
    with pytest.raises(MCDAError, match="sigma"):
        lognormal_sampler([0.5, 0.5], -1.0)
    with pytest.raises(MCDAError, match="criteria"):
        uniform_sampler(0)
    with pytest.raises(MCDAError, match="size"):
        uniform_sampler(3)(np.random.default_rng(0), -1)
    with pytest.raises(MCDAError, match="seed"):
        as_generator("abc")


def test_draw_checks_a_plugged_in_sampler():
    rng = np.random.default_rng(0)
    with pytest.raises(MCDAError, match=r"shape \(4, 3\)"):
        draw(lambda r, k: np.full((k, 2), 0.5), rng, 4, 3)
    with pytest.raises(MCDAError, match="summing to 1"):
        draw(lambda r, k: np.full((k, 3), 0.5), rng, 4, 3)
    with pytest.raises(MCDAError, match=">= 0"):
        draw(lambda r, k: np.tile([1.5, -0.5, 0.0], (k, 1)), rng, 4, 3)
    assert draw(uniform_sampler(3), rng, 4, 3).shape == (4, 3)
