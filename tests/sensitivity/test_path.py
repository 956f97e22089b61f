"""Crossovers on the one-way path: exact, complete, and independent of the scan grid."""
from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from mcda.methods import topsis, wsm
from mcda.sensitivity import rescale, rescale_path, score_model
from mcda.sensitivity.path import one_way_path

METHOD_FN = {"topsis": topsis, "wsm": wsm}


def _grid_sign_changes(path, G=100_001):
    t = np.linspace(0, 1, G)
    S = path.scores(t)
    ii, jj = np.triu_indices(S.shape[1], 1)
    D = S[:, ii] - S[:, jj]
    g, p = np.nonzero(np.sign(D[:-1]) * np.sign(D[1:]) < 0)
    return [(t[a], t[a + 1], (int(ii[b]), int(jj[b]))) for a, b in zip(g, p, strict=True)]


@pytest.mark.parametrize("method", ["topsis", "wsm"])
def test_path_scores_equal_the_method_at_rescaled_weights(problems, method):
    for X, types, w in problems:
        sm = score_model(X, types, method)
        for k in range(X.shape[1]):
            t = np.array([0.0, 0.13, w[k], 0.77, 1.0])
            got = one_way_path(sm, w, k).scores(t)
            want = np.array([METHOD_FN[method](X, rw, types) for rw in rescale_path(w, k, t)])
            assert_allclose(got, want, rtol=1e-12, atol=1e-13)


@pytest.mark.parametrize("method", ["topsis", "wsm"])
@pytest.mark.parametrize("scan_points", [3, 2001])
def test_crossovers_match_a_fine_grid(problems, method, scan_points):
    """Every sign change on a 100,001-point grid holds exactly one reported crossover.

    With ``scan_points=3`` the TOPSIS result rests on the closed form alone.
    """
    for X, types, w in problems:
        sm = score_model(X, types, method)
        for k in range(X.shape[1]):
            path = one_way_path(sm, w, k)
            cross = [c for c in path.crossovers(scan_points) if 0 < c.t < 1]
            cells = _grid_sign_changes(path)
            assert len(cross) == len(cells)
            for a, b, pair in cells:
                assert sum(1 for c in cross if c.pair == pair and a <= c.t <= b) == 1


@pytest.mark.parametrize("method", ["topsis", "wsm"])
def test_crossovers_make_the_two_method_scores_equal(problems, method):
    fn = METHOD_FN[method]
    count = 0
    for X, types, w in problems:
        sm = score_model(X, types, method)
        for k in range(X.shape[1]):
            for c in one_way_path(sm, w, k).crossovers():
                s = fn(X, rescale(w, k, c.t), types)
                i, j = c.pair
                assert abs(s[i] - s[j]) <= 1e-9
                assert abs(s[i] - c.score) <= 1e-9
                count += 1
                if 0 < c.t < 1:  # and the order really swaps
                    lo = fn(X, rescale(w, k, max(c.t - 1e-6, 0)), types)
                    hi = fn(X, rescale(w, k, min(c.t + 1e-6, 1)), types)
                    assert lo[c.ahead_below] > lo[c.ahead_above]
                    assert hi[c.ahead_above] > hi[c.ahead_below]
    assert count > 20


def test_wsm_crossover_closed_form():
    # s_A(t) = t, s_B(t) = 1 - t on the raw values: tie at t = 0.5, B ahead below
    sm = score_model([[1, 0], [0, 1]], [1, 1], "wsm", "none")
    (c,) = one_way_path(sm, np.array([0.3, 0.7]), 0).crossovers()
    assert (c.t, c.score, c.pair, c.ahead_below, c.ahead_above) == (0.5, 0.5, (0, 1), 1, 0)


def test_topsis_two_crossovers_of_one_pair():
    # closeness along the path is not monotone: vendors 0 and 2 tie twice on C2
    X = np.array([[6.0, 8.0, 4.0], [4.0, 2.0, 8.0], [7.0, 9.0, 2.0]])
    w = np.array([0.47, 0.34, 0.19])
    sm = score_model(X, [1, 1, 1], "topsis")
    for scan_points in (3, 2001):
        ts = [c.t for c in one_way_path(sm, w, 1).crossovers(scan_points) if c.pair == (0, 2)]
        assert_allclose(ts, [0.206088, 0.432984], atol=1e-6)
        for t in ts:
            s = topsis(X, rescale(w, 1, t), [1, 1, 1])
            assert abs(s[0] - s[2]) <= 1e-9


def test_pairs_tied_along_the_path_have_no_crossover():
    X = np.array([[1.0, 2.0], [1.0, 2.0], [2.0, 1.0]])
    for method in ("topsis", "wsm"):
        sm = score_model(X, [1, 1], method)
        cr = one_way_path(sm, np.array([0.4, 0.6]), 0).crossovers()
        assert all(c.pair != (0, 1) for c in cr)


def test_end_ties_are_reported_with_one_side():
    # C1 is constant: every vendor ties at t = 1 (all weight on a constant criterion)
    sm = score_model([[1.0, 1.0], [1.0, 3.0]], [1, 1], "wsm", "none")
    (c,) = one_way_path(sm, np.array([0.5, 0.5]), 0).crossovers()
    assert (c.t, c.ahead_below, c.ahead_above) == (1.0, 1, None)
