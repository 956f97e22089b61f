"""mcda.ahp.consistency: random index tables, CR, GCI."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from mcda.ahp import complete
from mcda.ahp.consistency import RI_TABLES, consistency, gci, gci_threshold, random_index
from mcda.errors import MCDAError, NotConnectedError

NAN = np.nan

# The tables exactly as listed in docs/methods.md#random-index (n = 3..15, and Donegan & Dodd beyond).
LISTED = {
    "saaty_1980": [.58, .90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59],
    "saaty_2008": [.52, .89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59],
    "donegan_dodd": [.4914, .8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643,
                     1.4822, 1.4969],
    "alonso_lamata": [.5247, .8816, 1.1086, 1.2479, 1.3417, 1.4057, 1.4499, 1.4854, 1.5140, 1.5365, 1.5551,
                      1.5713, 1.5838],
}


@pytest.mark.parametrize("table", sorted(LISTED))
def test_ri_tables_match_methods_md(table):
    assert [random_index(n, table) for n in range(3, 16)] == LISTED[table]
    assert random_index(1, table) == random_index(2, table) == 0.0


def test_donegan_dodd_beyond_15_and_interpolation():
    assert [random_index(n, "donegan_dodd") for n in range(16, 21)] == [1.5078, 1.5153, 1.5262, 1.5313, 1.5371]
    assert [random_index(n, "donegan_dodd") for n in (25, 30, 40, 50)] == [1.5619, 1.5772, 1.5976, 1.6102]
    assert random_index(22, "donegan_dodd") == pytest.approx(1.5371 + 0.4 * (1.5619 - 1.5371), abs=1e-15)
    assert random_index(45, "donegan_dodd") == pytest.approx((1.5976 + 1.6102) / 2, abs=1e-15)
    with pytest.raises(MCDAError, match="covers n = 1..50 but the matrix has n = 51"):
        random_index(51, "donegan_dodd")


def test_alonso_lamata_formula_beyond_15():
    assert random_index(15) == 1.5838  # the table up to 15
    for n in (16, 20, 37, 100):
        assert random_index(n) == pytest.approx((1.7699 * n - 4.3513) / (n - 1), rel=1e-15)
    assert round(random_index(20), 4) == 1.6340  # docs/methods.md#random-index


@pytest.mark.parametrize("table", ["saaty_1980", "saaty_2008"])
def test_saaty_tables_refuse_n16_with_mcda_error(table):
    with pytest.raises(MCDAError) as info:
        random_index(16, table)
    msg = str(info.value)
    assert table in msg and "n = 16" in msg and "alonso_lamata" in msg
    a = np.ones((16, 16))
    with pytest.raises(MCDAError, match="alonso_lamata"):
        consistency(a, ri_table=table)


def test_unknown_table_and_bad_n():
    with pytest.raises(MCDAError, match="unknown random index table 'saaty'"):
        random_index(5, "saaty")
    with pytest.raises(MCDAError, match="n >= 1"):
        random_index(0)


def random_reciprocal(rng, n, spread=0.6):
    a = np.exp(rng.normal(0, spread, (n, n)))
    iu = np.triu_indices(n, 1)
    a[iu[1], iu[0]] = 1 / a[iu]
    np.fill_diagonal(a, 1.0)
    return a


def test_16x16_works_with_alonso_lamata(rng):
    """pymcdm and pyDecision raise IndexError here (docs/methods.md#random-index)."""
    r = consistency(random_reciprocal(rng, 16))
    assert r.n == 16 and r.ri_table == "alonso_lamata"
    assert r.ri == pytest.approx((1.7699 * 16 - 4.3513) / 15)
    assert r.cr == pytest.approx(r.ci / r.ri) and r.cr > 0


@pytest.mark.parametrize("x", [1.0, 3.0, 1 / 9, 7.3])
@pytest.mark.parametrize("table", sorted(RI_TABLES))
def test_cr_is_zero_for_n2(x, table):
    r = consistency([[1, x], [1 / x, 1]], ri_table=table)
    assert (r.cr, r.ci, r.ri, r.lambda_max, r.acceptable) == (0.0, 0.0, 0.0, 2.0, True)


weights_st = st.lists(st.floats(0.05, 1.0), min_size=2, max_size=12).map(lambda v: np.array(v) / np.sum(v))


@settings(max_examples=60, deadline=None)
@given(weights_st, st.sampled_from(["saaty_2008", "donegan_dodd", "alonso_lamata"]))
def test_consistent_matrix_has_cr_zero(w, table):
    r = consistency(np.outer(w, 1 / w), ri_table=table)
    assert abs(r.cr) <= 1e-12 and r.acceptable
    assert_allclose(r.lambda_max, len(w), rtol=1e-13)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([1 / 9, 1 / 5, 1 / 2, 1, 2, 3, 5, 9]), st.sampled_from([1 / 7, 1 / 3, 1, 4, 8]),
       st.sampled_from([1 / 9, 1 / 4, 1, 2, 6, 9]))
def test_3x3_lambda_max_closed_form(a12, a23, a13):
    """Derived: for n = 3, lambda_max = 1 + r^(1/3) + r^(-1/3) with r = a12 a23 / a13."""
    a = [[1, a12, a13], [1 / a12, 1, a23], [1 / a13, 1 / a23, 1]]
    r = a12 * a23 / a13
    lam = 1 + r ** (1 / 3) + r ** (-1 / 3)
    res = consistency(a, ri_table="saaty_1980")
    assert_allclose(res.lambda_max, lam, rtol=1e-12)
    assert_allclose(res.cr, (lam - 3) / 2 / 0.58, rtol=1e-9, atol=1e-13)


def test_cr_ahpy_readme_saaty2008_drinks(drinks):
    """Saaty (2008) drinks matrix: CR 0.022 with Saaty's 2008 RI (AHPy README, random_index='saaty')."""
    r = consistency(drinks, ri_table="saaty_2008")
    assert r.n == 7 and r.ri == 1.35 and r.missing == 0
    assert_allclose(r.cr, 0.022, atol=5e-4)
    assert_allclose(consistency(drinks, ri_table="saaty_1980").cr, 0.022, atol=5e-4)


def test_cr_ahpy_readme_leader(leader):
    """AHPy README, leader example with Saaty's 2008 RI: experience 0.035, education 0.062, criteria 0.044."""
    assert_allclose(consistency(leader["local"]["Experience"], "saaty_2008").cr, 0.035, atol=5e-4)
    assert_allclose(consistency(leader["local"]["Education"], "saaty_2008").cr, 0.062, atol=5e-4)
    assert_allclose(consistency(leader["goal"], "saaty_2008").cr, 0.044, atol=5e-4)


def test_threshold_is_a_setting():
    a = [[1, 2, 1], [1 / 2, 1, 2], [1, 1 / 2, 1]]  # CR 0.1874 with saaty_1980
    assert not consistency(a, ri_table="saaty_1980").acceptable
    r = consistency(a, ri_table="saaty_1980", threshold=0.2)
    assert r.acceptable and r.threshold == 0.2 and r.ri_table == "saaty_1980"
    for bad in (-0.1, "x", np.nan):
        with pytest.raises(MCDAError, match="threshold"):
            consistency(a, threshold=bad)


def test_incomplete_matrix_is_measured_on_its_lambda_max_completion():
    a = np.array([[1, 2, NAN, 4], [0.5, 1, 3, NAN], [NAN, 1 / 3, 1, 0.5], [0.25, NAN, 2, 1]])
    r = consistency(a)
    full = consistency(complete(a, "lambda_max"))
    assert r.missing == 2 and full.missing == 0
    assert_allclose(r.lambda_max, full.lambda_max, rtol=1e-14)
    assert_allclose(r.cr, full.cr, rtol=1e-12)


def test_incomplete_disconnected():
    with pytest.raises(NotConnectedError):
        consistency([[1, 2, NAN], [0.5, 1, NAN], [NAN, NAN, 1]])


def test_gci_thresholds_default_and_overrides():
    assert (gci_threshold(3), gci_threshold(4), gci_threshold(5), gci_threshold(15)) == (0.31, 0.35, 0.37, 0.37)
    assert math.isnan(gci_threshold(2))
    a = np.ones((4, 4))
    assert gci(a).threshold == 0.35
    assert gci(a, threshold=0.5).threshold == 0.5
    assert gci(a, threshold={4: 0.2}).threshold == 0.2
    assert gci(a, threshold={3: 0.2}).threshold == 0.35


@settings(max_examples=60, deadline=None)
@given(st.floats(1 / 9, 9), st.floats(1 / 9, 9), st.floats(1 / 9, 9))
def test_gci_3x3_closed_form(a12, a23, a13):
    """Derived: for n = 3 with RGM weights every ln e_ij = +-d/3, d = ln(a12 a23 / a13), so GCI = d^2 / 3."""
    a = [[1, a12, a13], [1 / a12, 1, a23], [1 / a13, 1 / a23, 1]]
    d = math.log(a12 * a23 / a13)
    assert_allclose(gci(a).gci, d * d / 3, rtol=1e-10, atol=1e-14)


@settings(max_examples=40, deadline=None)
@given(weights_st)
def test_gci_consistent_is_zero(w):
    r = gci(np.outer(w, 1 / w))
    assert 0.0 <= r.gci < 1e-24
    assert r.acceptable


def test_gci_n2_and_incomplete():
    r = gci([[1, 5], [0.2, 1]])
    assert r.gci == 0.0 and r.acceptable and math.isnan(r.threshold)
    a = np.array([[1, 2, NAN, 4], [0.5, 1, 3, NAN], [NAN, 1 / 3, 1, 0.5], [0.25, NAN, 2, 1]])
    r = gci(a)
    full = complete(a, "llsm")
    assert r.missing == 2
    assert_allclose(r.gci, gci(full).gci, rtol=1e-12)
