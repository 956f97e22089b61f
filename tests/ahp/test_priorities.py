"""mcda.ahp.priorities: published examples and properties of the weighting methods."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose
from scipy.optimize import least_squares

from mcda.ahp import complete, priorities
from mcda.ahp.hierarchy import global_weights
from mcda.errors import MCDAError, NotConnectedError

NAN = np.nan
METHODS = ["eigenvector", "geometric_mean", "column_mean", "harker"]

def test_priorities_saaty2008_drinks_eigenvector(drinks):
    """Saaty (2008): .177 .019 .042 .116 .190 .129 .327 (coffee, wine, tea, beer, sodas, milk, water)."""
    w = priorities(drinks, "eigenvector")
    assert_allclose(w, [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327], atol=5e-4)


def test_priorities_wikipedia_leader_criteria(leader):
    """Wikipedia prints .547, .127, .270, .056; it warns its figures come from a demo site 'designed
    for convenience, not accuracy' (.547 vs our .5476), hence 1e-3 rather than 5e-4."""
    w = priorities(leader["goal"])
    assert_allclose(w, [0.547, 0.127, 0.270, 0.056], atol=1e-3)


def test_priorities_ahpy_readme_leader_experience(leader):
    """AHPy README: experience local weights {'Nell': 0.717, 'Moll': 0.217, 'Sue': 0.066}."""
    assert_allclose(priorities(leader["local"]["Experience"]), [0.217, 0.717, 0.066], atol=5e-4)


def test_global_weights_wikipedia_leader_candidates(leader):
    """Wikipedia: Dick .493, Tom .358, Harry .149 (hierarchic composition, no intermediate rounding)."""
    goal = dict(zip(leader["criteria"], priorities(leader["goal"]), strict=True))
    local = {"goal": goal}
    for crit, m in leader["local"].items():
        local[crit] = {(crit, c): w for c, w in zip(leader["candidates"], priorities(m), strict=True)}
    g = global_weights(local, "goal")
    total = {c: sum(v for (crit, cc), v in g.items() if cc == c) for c in leader["candidates"]}
    assert_allclose([total["Tom"], total["Dick"], total["Harry"]], [0.358, 0.493, 0.149], atol=5e-4)
    assert_allclose(sum(total.values()), 1.0, atol=1e-15)


def consistent(w) -> np.ndarray:
    w = np.asarray(w, dtype=float)
    return np.outer(w, 1 / w)


weights_st = st.lists(st.floats(0.05, 1.0), min_size=2, max_size=9).map(lambda v: np.array(v) / np.sum(v))


@settings(max_examples=60, deadline=None)
@given(weights_st, st.sampled_from(METHODS))
def test_consistent_matrix_gives_exact_weights(w, method):
    assert_allclose(priorities(consistent(w), method), w, rtol=0, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(weights_st, st.sampled_from(METHODS), st.integers(0, 2**31 - 1))
def test_incomplete_consistent_matrix_gives_exact_weights(w, method, seed):
    rng = np.random.default_rng(seed)
    a = consistent(w)
    n = len(w)
    order = rng.permutation(n)
    keep = {tuple(sorted((int(order[k]), int(order[rng.integers(0, k)])))) for k in range(1, n)}  # spanning tree
    for i in range(n):
        for j in range(i + 1, n):
            if (i, j) not in keep and rng.random() < 0.5:
                a[i, j] = a[j, i] = NAN
    assert_allclose(priorities(a, method), w, rtol=0, atol=1e-12)


def random_reciprocal(rng, n, spread=0.8):
    a = np.exp(rng.normal(0, spread, (n, n)))
    iu = np.triu_indices(n, 1)
    a[iu[1], iu[0]] = 1 / a[iu]
    np.fill_diagonal(a, 1.0)
    return a


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 8), st.integers(0, 2**31 - 1), st.sampled_from(METHODS))
def test_permuting_items_permutes_weights(n, seed, method):
    rng = np.random.default_rng(seed)
    a = random_reciprocal(rng, n)
    if n > 3:
        a[0, 2] = a[2, 0] = NAN
    p = rng.permutation(n)
    assert_allclose(priorities(a[np.ix_(p, p)], method), priorities(a, method)[p], rtol=1e-9, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**31 - 1))
def test_n3_eigenvector_equals_geometric_mean(seed):
    """Crawford & Williams (1985, p. 393): for n = 3 the two methods coincide."""
    a = random_reciprocal(np.random.default_rng(seed), 3, 1.2)
    assert_allclose(priorities(a, "eigenvector"), priorities(a, "geometric_mean"), rtol=1e-11)


def llsm_by_definition(a: np.ndarray) -> np.ndarray:
    """Derived reference: minimise sum over judged i<j of (ln a_ij - y_i + y_j)^2 directly."""
    n = a.shape[0]
    i, j = np.nonzero(np.triu(~np.isnan(a), 1))
    r = least_squares(lambda y: np.concatenate([np.log(a[i, j]) - y[i] + y[j], [y.sum()]]), np.zeros(n),
                      xtol=1e-15, ftol=1e-15, gtol=1e-15)
    w = np.exp(r.x)
    return w / w.sum()


@settings(max_examples=30, deadline=None)
@given(st.integers(3, 8), st.integers(0, 2**31 - 1), st.booleans())
def test_geometric_mean_is_the_llsm_solution(n, seed, incomplete):
    """LLSM by definition = row geometric mean for complete matrices, = Laplacian solution otherwise."""
    rng = np.random.default_rng(seed)
    a = random_reciprocal(rng, n)
    if incomplete:
        for k in range(2, n):  # drop the pairs (0, k): still connected through item 1
            a[0, k] = a[k, 0] = NAN
    else:
        rgm = np.prod(a, axis=1) ** (1 / n)
        assert_allclose(priorities(a, "geometric_mean"), rgm / rgm.sum(), rtol=1e-12)
    assert_allclose(priorities(a, "geometric_mean"), llsm_by_definition(a), rtol=1e-8)


def test_incomplete_methods_use_their_completion():
    a = np.array([[1, 2, NAN, 4], [0.5, 1, 3, NAN], [NAN, 1 / 3, 1, 0.5], [0.25, NAN, 2, 1]])
    lam_full = complete(a, "lambda_max")
    ev = np.linalg.eig(lam_full)
    k = np.argmax(ev[0].real)
    v = ev[1][:, k].real
    assert_allclose(priorities(a, "eigenvector"), v / v.sum(), rtol=1e-12)
    full = complete(a, "llsm")
    cm = (full / full.sum(axis=0)).mean(axis=1)
    assert_allclose(priorities(a, "column_mean"), cm / cm.sum(), rtol=1e-12)


def test_column_mean_is_only_an_approximation(drinks):
    assert not np.allclose(priorities(drinks, "column_mean"), priorities(drinks), atol=1e-4)


@pytest.mark.parametrize("method", METHODS)
def test_stacked_input_equals_loop(rng, method):
    stack = np.array([random_reciprocal(rng, 5) for _ in range(6)])
    out = priorities(stack, method)
    assert out.shape == (6, 5)
    for s in range(6):
        assert_allclose(out[s], priorities(stack[s], method), rtol=1e-11)
    stack[2, 0, 3] = stack[2, 3, 0] = NAN  # an incomplete stack is done matrix by matrix
    assert_allclose(priorities(stack, method)[2], priorities(stack[2], method), rtol=1e-11)


def test_weights_sum_to_one_and_are_positive(rng):
    for method in METHODS:
        w = priorities(random_reciprocal(rng, 9, 1.5), method)
        assert (w > 0).all()
        assert_allclose(w.sum(), 1.0, rtol=1e-14)


def test_unknown_method(drinks):
    with pytest.raises(MCDAError, match="unknown priority method 'mean'"):
        priorities(drinks, "mean")


def test_disconnected_input_raises_not_connected():
    a = [[1, 2, NAN], [0.5, 1, NAN], [NAN, NAN, 1]]
    with pytest.raises(NotConnectedError) as info:
        priorities(a, labels=["cost", "quality", "security"])
    assert info.value.groups == [["cost", "quality"], ["security"]]
