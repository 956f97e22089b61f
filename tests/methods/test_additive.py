"""Weighted sum and AHP synthesis: published examples, cost handling, rank preservation."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

from mcda.errors import MCDAError
from mcda.methods import ahp_synthesis, ahp_synthesis_details, rank, wsm, wsm_details

THIRDS = [1 / 3, 1 / 3, 1 / 3]

# Belton & Gear (1983), Omega 11(3):228-230, as tabulated by Wang & Elhag (2006),
# Decision Support Systems 42:1474-1480, Tables 1-2: local (eigenvector) priorities
# of A, B, C under criteria a, b, c; D is a copy of B.
BG_ABC = np.array([[1 / 11, 9 / 11, 8 / 18],
                   [9 / 11, 1 / 11, 9 / 18],
                   [1 / 11, 1 / 11, 1 / 18]])
BG_ABCD = np.array([[1 / 20, 9 / 12, 8 / 27],
                    [9 / 20, 1 / 12, 9 / 27],
                    [1 / 20, 1 / 12, 1 / 27],
                    [9 / 20, 1 / 12, 9 / 27]])


def test_ahp_distributive_belton_gear_1983_rank_reversal():
    before = ahp_synthesis(BG_ABC, THIRDS, [1, 1, 1], mode="distributive")
    after = ahp_synthesis(BG_ABCD, THIRDS, [1, 1, 1], mode="distributive")
    assert_allclose(before, [0.4512, 0.4697, 0.0791], atol=5e-5)
    assert_allclose(after, [0.3654, 0.2889, 0.0568, 0.2889], atol=5e-5)
    assert before[1] > before[0] and after[0] > after[1]  # B > A, then A > B


def test_ahp_ideal_belton_gear_1983_preserves_rank():
    before = ahp_synthesis(BG_ABC, THIRDS, [1, 1, 1], mode="ideal")
    after = ahp_synthesis(BG_ABCD, THIRDS, [1, 1, 1], mode="ideal")
    assert_allclose(before, [0.6667, 0.7037, 0.1111], atol=5e-5)
    assert_allclose(after, [0.6667, 0.7037, 0.1111, 0.7037], atol=5e-5)


# Saaty & Vargas (1984), The legitimacy of rank reversal, Omega 12(5):513-516, as
# tabulated by Wang & Elhag (2006), Tables 3-4: ideal mode reverses A and B when C,
# best on two criteria, is added.
SV_AB = np.array([[1 / 3, 7 / 13, 3 / 4],
                  [2 / 3, 6 / 13, 1 / 4]])
SV_ABC = np.array([[1 / 5, 7 / 20, 3 / 10],
                   [2 / 5, 6 / 20, 1 / 10],
                   [2 / 5, 7 / 20, 6 / 10]])


def test_ahp_saaty_vargas_1984_counterexample():
    assert_allclose(ahp_synthesis(SV_AB, THIRDS, [1, 1, 1], "distributive"), [0.5406, 0.4594], atol=5e-5)
    assert_allclose(ahp_synthesis(SV_ABC, THIRDS, [1, 1, 1], "distributive"),
                    [0.2833, 0.2667, 0.4500], atol=5e-5)
    ideal_ab = ahp_synthesis(SV_AB, THIRDS, [1, 1, 1], "ideal")
    ideal_abc = ahp_synthesis(SV_ABC, THIRDS, [1, 1, 1], "ideal")
    assert_allclose(ideal_ab, [0.8333, 0.7302], atol=5e-5)
    assert_allclose(ideal_abc, [0.6667, 0.6746, 1.0000], atol=5e-5)
    assert ideal_ab[0] > ideal_ab[1] and ideal_abc[1] > ideal_abc[0]


def test_ahp_input_scale_per_column_does_not_matter():
    raw = np.array([[1, 9, 8], [9, 1, 9], [1, 1, 1]], dtype=float)  # proportional to BG_ABC
    for mode in ("ideal", "distributive"):
        assert_allclose(ahp_synthesis(raw, THIRDS, [1, 1, 1], mode),
                        ahp_synthesis(BG_ABC, THIRDS, [1, 1, 1], mode), rtol=1e-12)


def test_ahp_cost_criterion_uses_the_reciprocal():
    # derived: prices 100 and 200 -> ratio priorities 2 : 1
    assert_allclose(ahp_synthesis([[100.0], [200.0]], [1.0], [-1], "ideal"), [1.0, 0.5])
    assert_allclose(ahp_synthesis([[100.0], [200.0]], [1.0], [-1], "distributive"), [2 / 3, 1 / 3])


def test_ahp_details_record_the_normalisation():
    d = ahp_synthesis_details(BG_ABC, THIRDS, [1, 1, 1], "distributive")
    assert (d.method, d.normalization) == ("ahp_distributive", "sum")
    assert_allclose(d.normalized.sum(axis=0), [1, 1, 1])
    assert_allclose(d.contributions.sum(axis=1), d.scores)


def test_ahp_unknown_mode():
    with pytest.raises(MCDAError, match="unknown AHP synthesis mode 'supermatrix'"):
        ahp_synthesis(BG_ABC, THIRDS, [1, 1, 1], "supermatrix")


def test_ahp_negative_priority_is_an_error_naming_the_cell():
    with pytest.raises(MCDAError, match=r"vendor 'C'.*criterion 'b'.*= -1"):
        ahp_synthesis([[1, 2], [2, 1], [1, -1]], [0.5, 0.5], [1, 1],
                      vendors=["A", "B", "C"], criteria=["a", "b"])


@settings(max_examples=100, deadline=None)
@given(data=st.data(), n=st.integers(2, 6), m=st.integers(1, 4))
def test_ahp_ideal_keeps_ranks_when_the_new_vendor_is_best_nowhere(data, n, m):
    vals = st.floats(0.1, 10.0)
    X = np.array(data.draw(st.lists(st.lists(vals, min_size=m, max_size=m), min_size=n, max_size=n)))
    t = np.array(data.draw(st.lists(st.sampled_from([1, -1]), min_size=m, max_size=m)))
    w = np.full(m, 1.0 / m)
    # a new vendor no better than the current best on any criterion
    best = np.where(t > 0, X.max(axis=0), X.min(axis=0))
    worst = np.where(t > 0, X.min(axis=0) * 0.5, X.max(axis=0) * 2)
    u = np.array(data.draw(st.lists(st.floats(0, 1), min_size=m, max_size=m)))
    new = best + u * (worst - best)
    before = ahp_synthesis(X, w, t, "ideal")
    after = ahp_synthesis(np.vstack([X, new]), w, t, "ideal")[:-1]
    assert_allclose(after, before, rtol=1e-12)  # local priorities unchanged


# --------------------------------------------------------------------------
# weighted sum
# --------------------------------------------------------------------------
# Chakraborty, Zavadskas & Antucheviciene (2015), Applications of WASPAS method as
# a multi-criteria decision-making tool, Economic Computation and Economic Cybernetics
# Studies and Research 49(1):5-22, Example 2 (lambda = 1 is the weighted sum over
# x/max and min/x); as reproduced by scikit-criteria's test_WASPAS_chakraborty2015applications.
CHAKRABORTY = np.array([
    [581818, 54.49, 3, 5500], [595454, 49.73, 3, 4500], [586060, 51.24, 3, 5000],
    [522727, 45.71, 3, 5800], [561818, 52.66, 3, 5200], [543030, 74.46, 4, 5600],
    [522727, 75.42, 4, 5800], [486970, 62.62, 4, 5600], [509394, 65.87, 4, 6400],
    [513333, 70.67, 4, 6000],
], dtype=float)
CHAKRABORTY_W = [0.467, 0.160, 0.095, 0.278]
CHAKRABORTY_T = [-1, -1, -1, 1]


def test_wsm_chakraborty_2015_waspas_example_2_lambda_1():
    s = wsm(CHAKRABORTY, CHAKRABORTY_W, CHAKRABORTY_T)
    assert_allclose(s, [0.8590, 0.8194, 0.8430, 0.9420, 0.8645,
                        0.8315, 0.8552, 0.8983, 0.9067, 0.8784], atol=1e-4)
    assert_array_equal(rank(s), [6, 10, 8, 1, 5, 9, 7, 3, 2, 4])


def test_wsm_uses_weights_as_given():
    X = [[1.0, 2.0], [2.0, 1.0]]
    assert_allclose(wsm(X, [2.0, 4.0], [1, 1]), 2 * wsm(X, [1.0, 2.0], [1, 1]))


@pytest.mark.parametrize("name", ["max", "sum", "minmax", "vector"])
def test_wsm_equals_pymcdm_wsm_with_the_same_normalisation(name, rng):
    from pymcdm.methods import WSM

    from mcda.normalization import NORMALIZATIONS
    for _ in range(20):
        n, m = rng.integers(2, 12), rng.integers(1, 6)
        X = rng.uniform(0.5, 50, size=(n, m))
        w = rng.uniform(0.1, 1, size=m)
        t = np.where(rng.random(m) < 0.4, -1, 1)
        expected = WSM(normalization_function=NORMALIZATIONS[name])(X, w, t, validation=False)
        assert_allclose(wsm(X, w, t, name), expected, rtol=1e-12)


def test_wsm_details_contributions_sum_to_the_scores(rng):
    X = rng.uniform(1, 5, size=(4, 3))
    d = wsm_details(X, [0.2, 0.3, 0.5], [1, -1, 1])
    assert d.normalization == "max"
    assert_allclose(d.contributions.sum(axis=1), d.scores)


def test_wsm_single_vendor():
    assert_allclose(wsm([[2.0, 5.0]], [0.5, 0.5], [1, -1]), [1.0])
