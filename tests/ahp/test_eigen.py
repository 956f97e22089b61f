"""mcda.ahp.eigen: Perron eigenvalue/vectors and Harker's gradient."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from mcda.ahp.eigen import lambda_max_gradient, perron_pair, principal_eigen


def random_reciprocal(rng: np.random.Generator, n: int, spread: float = 1.0) -> np.ndarray:
    a = np.exp(rng.normal(0, spread, (n, n)))
    iu = np.triu_indices(n, 1)
    a[iu[1], iu[0]] = 1 / a[iu]
    np.fill_diagonal(a, 1.0)
    return a


def test_principal_eigen_2x2_derived():
    """Derived: every 2x2 reciprocal matrix is consistent, lambda_max = 2, w = (a, 1) / (a + 1)."""
    lam, w = principal_eigen(np.array([[1, 5.0], [0.2, 1]]))
    assert_allclose(lam, 2.0, atol=1e-14)
    assert_allclose(w, [5 / 6, 1 / 6], atol=1e-15)


def test_stacked_equals_loop(rng):
    stack = np.array([random_reciprocal(rng, 6) for _ in range(5)])
    lams, ws = principal_eigen(stack)
    for s in range(5):
        lam, w = principal_eigen(stack[s])
        assert_allclose(lams[s], lam, rtol=1e-13)
        assert_allclose(ws[s], w, rtol=1e-12)


def test_perron_pair_left_vector(rng):
    a = random_reciprocal(rng, 7)
    lam, u, v = perron_pair(a)
    assert_allclose(a @ u, lam * u, rtol=1e-12)
    assert_allclose(v @ a, lam * v, rtol=1e-12)
    assert_allclose(v @ u, 1.0, rtol=1e-14)
    assert (u > 0).all() and (v > 0).all()


@settings(max_examples=30, deadline=None)
@given(st.integers(3, 8), st.integers(0, 2**31 - 1))
def test_gradient_matches_finite_differences(n, seed):
    """Derived check of Harker's formula d lambda / d a_ij = v_i u_j - v_j u_i / a_ij^2."""
    rng = np.random.default_rng(seed)
    a = random_reciprocal(rng, n, 0.8)
    i, j = 0, n - 1
    lam, g, gl = lambda_max_gradient(a, [i], [j])
    h = 1e-6 * a[i, j]

    def lam_at(x):
        b = a.copy()
        b[i, j], b[j, i] = x, 1 / x
        return principal_eigen(b)[0]

    fd = (lam_at(a[i, j] + h) - lam_at(a[i, j] - h)) / (2 * h)
    assert_allclose(g[0], fd, rtol=1e-5, atol=1e-8)
    assert_allclose(gl[0], a[i, j] * g[0], rtol=1e-12)
    # antisymmetric in log coordinates
    _, _, gl_rev = lambda_max_gradient(a, [j], [i])
    assert_allclose(gl_rev[0], -gl[0], rtol=1e-10, atol=1e-14)
