"""WPM, VIKOR and PROMETHEE II (computed by pymcdm): published examples and edge policies."""
from __future__ import annotations

import importlib

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from mcda.errors import MCDAError
from mcda.methods import promethee_ii, promethee_ii_details, rank, vikor, wpm, wpm_details

# --------------------------------------------------------------------------
# WPM
# --------------------------------------------------------------------------
# Chakraborty, Zavadskas & Antucheviciene (2015), Economic Computation and Economic
# Cybernetics Studies and Research 49(1):5-22, Example 2; lambda = 0 of WASPAS is the
# weighted product over x/max and min/x (as reproduced by scikit-criteria).
CHAKRABORTY = np.array([
    [581818, 54.49, 3, 5500], [595454, 49.73, 3, 4500], [586060, 51.24, 3, 5000],
    [522727, 45.71, 3, 5800], [561818, 52.66, 3, 5200], [543030, 74.46, 4, 5600],
    [522727, 75.42, 4, 5800], [486970, 62.62, 4, 5600], [509394, 65.87, 4, 6400],
    [513333, 70.67, 4, 6000],
], dtype=float)


def test_wpm_chakraborty_2015_waspas_example_2_lambda_0():
    s = wpm(CHAKRABORTY, [0.467, 0.160, 0.095, 0.278], [-1, -1, -1, 1])
    assert_allclose(s, [0.8578, 0.8144, 0.8408, 0.9413, 0.8632,
                        0.8241, 0.8454, 0.8915, 0.8987, 0.8697], atol=1e-4)
    assert_array_equal(rank(s), [6, 10, 8, 1, 5, 9, 7, 3, 2, 4])


def test_wpm_is_the_weighted_product_of_the_normalised_matrix(rng):
    X = rng.uniform(1, 20, size=(6, 4))
    w, t = np.array([0.1, 0.2, 0.3, 0.4]), np.array([1, -1, 1, -1])
    d = wpm_details(X, w, t, "sum")
    r = np.where(t > 0, X / X.sum(0), (1 / X) / (1 / X).sum(0))
    assert_allclose(d.normalized, r, rtol=1e-12)
    assert_allclose(d.scores, np.prod(r ** w, axis=1), rtol=1e-12)
    assert d.normalization == "sum"


def test_wpm_with_scale_bounds_per_criterion():
    s = wpm([[1, 0], [5, 100]], [0.5, 0.5], [1, -1], "scale", bounds=[(0, 5), (0, 200)])
    assert_allclose(s, [np.sqrt(0.2 * 1.0), np.sqrt(1.0 * 0.5)])


def test_wpm_negative_value_names_the_cell():
    with pytest.raises(MCDAError, match=r"vendor 'B'.*criterion 'Fee'.*= -2"):
        wpm([[1, 2], [3, -2]], [0.5, 0.5], [1, -1], vendors=["A", "B"], criteria=["SLA", "Fee"])


def test_wpm_rejects_none_with_a_cost_criterion():
    with pytest.raises(MCDAError, match="normalization='none'.*'Fee'"):
        wpm([[1, 2], [3, 4]], [0.5, 0.5], [1, -1], "none", criteria=["SLA", "Fee"])


def test_wpm_minmax_worst_vendor_scores_zero():
    assert_allclose(wpm([[1, 5], [2, 3], [3, 1]], [0.5, 0.5], [1, 1], "minmax"), [0.0, np.sqrt(0.5 * 0.5), 0.0])


# --------------------------------------------------------------------------
# VIKOR
# --------------------------------------------------------------------------
def test_vikor_tzeng_huang_2011_example():
    # Tzeng & Huang (2011), Multiple Attribute Decision Making, CRC Press (the
    # TOPSIS example's data), as reproduced by scikit-criteria's test_VIKOR.
    res = vikor([[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], [0.3, 0.4, 0.3], [1, 1, 1])
    assert_allclose(res.S, [0.6, 0.3, 0.15, 0.65], atol=1e-12)
    assert_allclose(res.R, [0.3, 0.2, 0.15, 0.4], atol=1e-12)
    assert_allclose(res.Q, [0.75, 0.25, 0.0, 1.0], atol=1e-12)


@pytest.mark.parametrize("shifted", [False, True])
def test_vikor_opricovic_tzeng_2004_compromise(shifted):
    # Opricovic & Tzeng (2004), EJOR 156(2):445-455, numerical example (risk, min;
    # altitude, max); `shifted` applies the affine change of units the paper uses
    # to show VIKOR is unaffected.
    X = np.array([[1.0, 3000.0], [2.0, 3750.0], [5.0, 4500.0]])
    if shifted:
        X = np.column_stack([X[:, 0] + 5, X[:, 1] / 1000 - 1])
    res = vikor(X, [0.5, 0.5], [-1, 1])
    assert_allclose(res.S, [0.5, 0.375, 0.5])
    assert_allclose(res.R, [0.5, 0.25, 0.5])
    assert_allclose(res.Q, [1.0, 0.0, 1.0])
    assert_array_equal(rank(res.Q, higher_is_better=False), [2, 1, 2])


OT2007 = np.array([
    [4184.3, 2914.0, 407.2, 251.0, 195, 244, 15, 2.41],
    [5211.9, 3630.0, 501.7, 308.3, 282, 346, 21, 1.41],
    [5021.3, 3920.5, 504.0, 278.6, 12, 56, 3, 4.42],
    [5566.1, 3957.9, 559.5, 335.3, 167, 268, 16, 3.36],
    [5060.5, 3293.5, 514.1, 284.2, 69, 90, 7, 4.04],
    [4317.9, 2925.9, 432.8, 239.3, 12, 55, 3, 4.36],
])
OT2007_T = [1, -1, 1, 1, -1, -1, -1, 1]


@pytest.mark.parametrize("weights, R, S, Q", [
    ([1, 1, 1, 1, 1, 1, 1, 1], [0.125, 0.125, 0.121, 0.125, 0.067, 0.125],
     [0.692, 0.7, 0.29, 0.423, 0.28, 0.346], [0.991, 1.0, 0.473, 0.670, 0.0, 0.578]),
    ([2, 2, 2, 2, 1, 1, 1, 1], [0.167, 0.114, 0.161, 0.167, 0.089, 0.167],
     [0.701, 0.6, 0.386, 0.365, 0.317, 0.459], [1.0, 0.533, 0.552, 0.563, 0.0, 0.686]),
    ([1, 1, 1, 1, 2, 2, 2, 2], [0.113, 0.167, 0.08, 0.122, 0.044, 0.083],
     [0.683, 0.8, 0.193, 0.48, 0.243, 0.232], [0.684, 1.0, 0.147, 0.554, 0.041, 0.191]),
    ([1, 1, 1, 1, 3.2, 3.2, 3.2, 3.2], [0.129, 0.190, 0.057, 0.139, 0.042, 0.060],
     [0.678, 0.857, 0.138, 0.513, 0.222, 0.167], [0.668, 1.0, 0.051, 0.588, 0.058, 0.078]),
], ids=["W1", "W2", "W3", "W4"])
def test_vikor_opricovic_tzeng_2007_extended(weights, R, S, Q):
    # Opricovic & Tzeng (2007), EJOR 178(2):514-529, hydropower example, four weight
    # sets (printed to 3 decimals); as reproduced by scikit-criteria.
    w = np.array(weights, dtype=float)
    res = vikor(OT2007, w / w.sum(), OT2007_T)
    assert_allclose(res.R, R, atol=5e-4)
    assert_allclose(res.S, S, atol=5e-4)
    assert_allclose(res.Q, Q, atol=5e-4)


def test_vikor_best_and_worst_values_are_in_the_matrix_units():
    res = vikor([[1, 3000], [2, 3750], [5, 4500]], [0.5, 0.5], [-1, 1])
    assert_array_equal(res.f_star, [1, 4500])
    assert_array_equal(res.f_minus, [5, 3000])


def test_vikor_constant_criterion_contributes_nothing():
    X = np.array([[1.0, 7.0, 3000.0], [2.0, 7.0, 3750.0], [5.0, 7.0, 4500.0]])
    res = vikor(X, [0.5, 0.3, 0.5], [-1, 1, 1])
    ref = vikor(X[:, [0, 2]], [0.5, 0.5], [-1, 1])
    assert res.constant_criteria == (1,)
    for a, b in ((res.S, ref.S), (res.R, ref.R), (res.Q, ref.Q)):
        assert_allclose(a, b)


def test_vikor_equal_regret_term_counts_zero():
    # R is 1/3 for both vendors: Q = v (S - S*) / (S- - S*) only (derived)
    res = vikor([[1, 0, 3], [0, 5, 6]], [1 / 3] * 3, [1, 1, 1])
    assert_allclose(res.S, [2 / 3, 1 / 3])
    assert_allclose(res.R, [1 / 3, 1 / 3])
    assert_allclose(res.Q, [0.5, 0.0])


def test_vikor_single_vendor_and_all_constant():
    for X in ([[1.0, 2.0]], [[1.0, 2.0], [1.0, 2.0]]):
        res = vikor(X, [0.5, 0.5], [1, -1])
        assert_array_equal(res.Q, np.zeros(len(X)))
        assert_array_equal(res.S, np.zeros(len(X)))


@pytest.mark.parametrize("v", [-0.1, 1.5, "half", float("nan")])
def test_vikor_v_must_be_in_unit_interval(v):
    with pytest.raises(MCDAError, match="v must be a number in \\[0, 1\\]"):
        vikor([[1, 2], [2, 1]], [0.5, 0.5], [1, 1], v=v)


# --------------------------------------------------------------------------
# PROMETHEE II
# --------------------------------------------------------------------------
def test_promethee_ii_zhao_peng_li_2013_usual_criterion():
    # Zhao, Peng & Li (2013), Revised PROMETHEE II for improving efficiency in emergency
    # response, Procedia Computer Science 17:181-188 (as in pymcdm's test suite; 2 decimals).
    phi = promethee_ii([[4, 3, 2], [3, 2, 4], [5, 1, 3]], [0.5, 0.3, 0.2], [1, 1, 1])
    assert_allclose(phi, [0.1, -0.3, 0.2], atol=5e-3)


def test_promethee_flows_are_consistent(rng):
    X = rng.uniform(0, 10, size=(7, 4))
    w = np.array([0.1, 0.2, 0.3, 0.4])
    d = promethee_ii_details(X, w, [1, -1, 1, 1])
    assert_allclose(d.net_flow, d.positive_flow - d.negative_flow, atol=1e-12)
    assert abs(d.net_flow.sum()) < 1e-12
    assert np.all(np.abs(d.net_flow) <= w.sum() + 1e-12)
    assert d.preference_function == "usual" and d.p is None and d.q is None


def test_promethee_linear_preference_wide_enough_is_a_centred_weighted_sum(rng):
    # derived: vshape with p >= every difference gives phi_i = n/(n-1) sum_j w_j (x_ij - mean_j)/p_j
    X = rng.uniform(0, 10, size=(6, 3))
    w = np.array([0.5, 0.3, 0.2])
    p = np.array([20.0, 15.0, 12.0])
    phi = promethee_ii(X, w, [1, 1, 1], "vshape", p=p)
    expected = 6 / 5 * ((X - X.mean(0)) / p) @ w
    assert_allclose(phi, expected, atol=1e-12)


def test_promethee_cost_equals_negated_benefit(rng):
    X = rng.uniform(0, 10, size=(5, 2))
    a = promethee_ii(X, [0.6, 0.4], [1, -1])
    b = promethee_ii(np.column_stack([X[:, 0], -X[:, 1]]), [0.6, 0.4], [1, 1])
    assert_allclose(a, b, atol=1e-12)


def test_promethee_single_vendor_has_zero_flow():
    assert_array_equal(promethee_ii([[1.0, 2.0]], [0.5, 0.5], [1, 1]), [0.0])


@pytest.mark.parametrize("kwargs, message", [
    (dict(preference_function="gaussian"), "unknown preference function 'gaussian'"),
    (dict(preference_function="vshape"), "needs threshold p"),
    (dict(preference_function="usual", p=1.0), "takes no threshold p"),
    (dict(preference_function="vshape", p=[1.0, 2.0, 3.0]), "one number or 2"),
    (dict(preference_function="vshape", p=0.0), "must be finite and > 0"),
    (dict(preference_function="vshape_2", p=1.0, q=1.0), "p > q"),
    (dict(preference_function="level", p=1.0, q=2.0), "p >= q"),
    (dict(preference_function="ushape", q=-1.0), "must be finite and >= 0"),
    (dict(preference_function="vshape", p=["a", "b"]), "threshold p must be numeric"),
])
def test_promethee_threshold_errors(kwargs, message):
    with pytest.raises(MCDAError, match=message):
        promethee_ii([[1, 2], [2, 1]], [0.5, 0.5], [1, 1], **kwargs)


def test_promethee_refuses_huge_problems(monkeypatch):
    mod = importlib.import_module("mcda.methods.pymcdm_methods")
    monkeypatch.setattr(mod, "PROMETHEE_MAX_VENDORS", 3)
    with pytest.raises(MCDAError, match="at most 3 vendors, found 4"):
        promethee_ii(np.eye(4), [0.25] * 4, [1] * 4)
