"""TOPSIS: published examples, parity with pymcdm, properties, edge policies."""
from __future__ import annotations

import importlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

from mcda.errors import MCDAError
from mcda.methods import rank, topsis, topsis_details

# the package exports the function `topsis`, which shadows the submodule's name
topsis_module = importlib.import_module("mcda.methods.topsis")

# --------------------------------------------------------------------------
# published worked examples
# --------------------------------------------------------------------------
# Hwang & Yoon (1981), Multiple Attribute Decision Making, pp. 133-134: fighter
# aircraft. X1 max speed (Mach), X2 ferry range (NM), X3 max payload (lb),
# X4 acquisition cost ($10^6, cost), X5 reliability, X6 maneuverability.
AIRCRAFT = np.array([
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
])
AIRCRAFT_W = np.array([0.2, 0.1, 0.1, 0.1, 0.2, 0.3])
AIRCRAFT_T = np.array([1, 1, 1, -1, 1, 1])


def test_topsis_hwang_yoon_1981_fighter_aircraft():
    d = topsis_details(AIRCRAFT, AIRCRAFT_W, AIRCRAFT_T)
    # printed to 3 decimals; the book computes from 4-decimal intermediates
    # (its X4 column is off by up to 7e-4), so C3 = 0.6135 prints as 0.613
    assert_allclose(d.closeness, [0.643, 0.268, 0.613, 0.312], atol=1e-3)
    assert_allclose(d.d_plus, [0.0545, 0.1197, 0.0580, 0.1009], atol=1e-4)
    assert_allclose(d.d_minus, [0.0983, 0.0439, 0.0920, 0.0458], atol=1e-4)
    # normalised matrix in the book's orientation (cost column kept as x / ||x||)
    classic = np.array(d.normalized)
    classic[:, 3] = 1 - classic[:, 3]
    assert_allclose(classic, [
        [0.4671, 0.3662, 0.5056, 0.5063, 0.4811, 0.6708],
        [0.5839, 0.6591, 0.4550, 0.5983, 0.2887, 0.3727],
        [0.4204, 0.4882, 0.5308, 0.4143, 0.6736, 0.5217],
        [0.5139, 0.4392, 0.5056, 0.4603, 0.4811, 0.3727],
    ], atol=1e-3)
    cost = AIRCRAFT_T < 0
    ideal_classic = np.where(cost, AIRCRAFT_W - d.ideal, d.ideal)
    anti_classic = np.where(cost, AIRCRAFT_W - d.anti_ideal, d.anti_ideal)
    assert_allclose(ideal_classic, [0.1168, 0.0659, 0.0531, 0.0414, 0.1347, 0.2012], atol=2e-4)
    assert_allclose(anti_classic, [0.0841, 0.0366, 0.0455, 0.0598, 0.0577, 0.1118], atol=2e-4)
    assert_array_equal(rank(d.closeness), [1, 4, 2, 3])


def test_topsis_tzeng_huang_2011_example():
    # Tzeng, G.-H. & Huang, J.-J. (2011), Multiple Attribute Decision Making:
    # Methods and Applications, CRC Press; as reproduced by scikit-criteria's
    # test_TOPSIS_tzeng2011multiple (4 decimals).
    X = [[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]]
    c = topsis(X, [0.3, 0.4, 0.3], [1, 1, 1])
    assert_allclose(c, [0.5037, 0.6581, 0.7482, 0.3340], atol=5e-5)
    assert_array_equal(rank(c), [3, 2, 1, 4])


# --------------------------------------------------------------------------
# parity with pymcdm on 200 seeded random problems
# --------------------------------------------------------------------------
def _random_problem(seed: int):
    g = np.random.default_rng(seed)
    n, m = int(g.integers(2, 30)), int(g.integers(1, 10))
    if seed % 3 == 0:  # Likert-like scores: ties and the odd constant column
        X = g.integers(1, 6, size=(n, m)).astype(float)
    else:
        X = g.uniform(0.1, 1000, size=(n, m)) * g.uniform(0.01, 100, size=m)
    w = g.uniform(0.05, 1, size=m)
    t = np.where(g.random(m) < 0.4, -1, 1)
    return X, w / w.sum(), t


@pytest.mark.parametrize("ours, theirs", [("vector", "vector_normalization"),
                                          ("minmax", "minmax_normalization")])
def test_topsis_equals_pymcdm_on_200_random_problems(ours, theirs):
    from pymcdm import normalizations
    from pymcdm.methods import TOPSIS

    body = TOPSIS(normalization_function=getattr(normalizations, theirs))
    checked = 0
    for seed in range(200):
        X, w, t = _random_problem(seed)
        expected = body(X, w, t, validation=False)
        if not np.all(np.isfinite(expected)):  # degenerate: every weighted column constant
            continue
        assert_allclose(topsis(X, w, t, normalization=ours), expected, rtol=1e-12, atol=1e-14,
                        err_msg=f"seed {seed}")
        checked += 1
    assert checked >= 195


def test_block_processing_matches_single_pass(monkeypatch, rng):
    X = rng.uniform(1, 10, size=(23, 5))
    w, t = np.full(5, 0.2), [1, -1, 1, 1, -1]
    whole = topsis(X, w, t)
    monkeypatch.setattr(topsis_module, "_BLOCK_BYTES", 8 * 5 * 3)  # 3 rows per block
    assert_allclose(topsis(X, w, t), whole, rtol=1e-14)


# --------------------------------------------------------------------------
# docs/methods.md#rank-reversal rank reversal, and properties
# --------------------------------------------------------------------------
def test_topsis_rank_reversal_example_from_methods_md():
    w, t = [0.5, 0.5], [1, 1]
    before = topsis([[1, 2], [2, 1], [3, 1]], w, t)
    after = topsis([[1, 2], [2, 1], [3, 1], [1, 4]], w, t)
    assert before[0] > before[1]  # A1 ahead of A2
    assert after[1] > after[0]    # add A4: A2 ahead of A1


problems = st.integers(0, 10_000).map(_random_problem)


@settings(max_examples=60, deadline=None)
@given(problem=problems, column=st.integers(0, 100), factor=st.floats(1e-3, 1e3))
def test_vector_topsis_is_invariant_to_scaling_a_column(problem, column, factor):
    X, w, t = problem
    j = column % X.shape[1]
    Y = X.copy()
    Y[:, j] *= factor
    assert_allclose(topsis(Y, w, t), topsis(X, w, t), rtol=1e-9, atol=1e-12)


@settings(max_examples=60, deadline=None)
@given(problem=problems, scale_w=st.floats(1e-3, 1e3))
def test_closeness_is_invariant_to_the_scale_of_the_weights(problem, scale_w):
    X, w, t = problem
    assert_allclose(topsis(X, w * scale_w, t), topsis(X, w, t), rtol=1e-9, atol=1e-12)


def test_classic_cost_convention_gives_the_same_closeness(rng):
    # Hwang & Yoon: keep x/||x|| for cost and take the minimum as the ideal (derived check)
    X = rng.uniform(1, 9, size=(8, 4))
    w, t = np.array([0.1, 0.2, 0.3, 0.4]), np.array([1, -1, -1, 1])
    v = X / np.linalg.norm(X, axis=0) * w
    ideal = np.where(t > 0, v.max(0), v.min(0))
    anti = np.where(t > 0, v.min(0), v.max(0))
    dp, dm = np.linalg.norm(v - ideal, axis=1), np.linalg.norm(v - anti, axis=1)
    assert_allclose(topsis(X, w, t), dm / (dp + dm), rtol=1e-12)


# --------------------------------------------------------------------------
# details and edge policies
# --------------------------------------------------------------------------
def test_details_are_consistent_and_read_only():
    d = topsis_details(AIRCRAFT, AIRCRAFT_W, AIRCRAFT_T)
    assert d.normalization == "vector"
    assert_allclose(d.weighted, d.normalized * AIRCRAFT_W)
    assert_allclose(d.ideal, d.weighted.max(axis=0))
    assert_allclose(d.anti_ideal, d.weighted.min(axis=0))
    assert_allclose(d.d_plus, np.linalg.norm(d.weighted - d.ideal, axis=1))
    assert_allclose(d.scores, d.closeness)
    assert not d.degenerate
    with pytest.raises(ValueError):
        d.closeness[0] = 1.0


def test_single_vendor_gets_closeness_one():
    d = topsis_details([[3.0, 4.0]], [0.5, 0.5], [1, -1])
    assert_array_equal(d.closeness, [1.0])
    assert d.degenerate


def test_identical_vendors_are_degenerate_and_tie_at_one():
    c = topsis([[2.0, 3.0]] * 3, [0.5, 0.5], [1, 1])
    assert_array_equal(c, [1.0, 1.0, 1.0])


def test_constant_column_does_not_change_closeness(rng):
    X = rng.uniform(1, 9, size=(6, 3))
    Xc = np.column_stack([X, np.full(6, 4.0)])
    w = np.array([0.2, 0.3, 0.5])
    for name in ("vector", "minmax"):
        assert_allclose(topsis(Xc, np.append(w, 0.4), [1, -1, 1, 1], name),
                        topsis(X, w, [1, -1, 1], name), rtol=1e-12)


def test_zero_weight_criterion_is_ignored(rng):
    X = rng.uniform(1, 9, size=(5, 3))
    assert_allclose(topsis(X, [0.5, 0.0, 0.5], [1, 1, 1]),
                    topsis(X[:, [0, 2]], [0.5, 0.5], [1, 1]), rtol=1e-12)


def test_scale_normalisation_with_bounds():
    c = topsis([[1, 5], [5, 1], [3, 3]], [0.5, 0.5], [1, -1], "scale", bounds=(1, 5))
    assert_allclose(c, [0.0, 1.0, 0.5])


def test_unknown_normalisation():
    with pytest.raises(MCDAError, match="unknown normalisation 'zscore'"):
        topsis([[1, 2], [2, 1]], [0.5, 0.5], [1, 1], "zscore")


def test_vector_normalisation_survives_a_column_whose_norm_overflows():
    import numpy as np

    from mcda.methods import topsis

    X = np.array([[1e308, 1], [1e308, 2], [2e5, 3], [1e308, 4], [1e308, 5]])
    c = topsis(X, [0.9, 0.1], [-1, 1])
    assert int(np.argmax(c)) == 2  # the one cheap vendor wins on the 90 % cost criterion
