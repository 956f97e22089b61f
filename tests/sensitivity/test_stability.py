"""Stability intervals against a brute-force 20,001-point grid; tie policies; tornado."""
from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from mcda.errors import MCDAError
from mcda.sensitivity import ranking_stability, rescale_path, score_model, stability, tornado, weight_stability

GRID = np.linspace(0.0, 1.0, 20_001)
H = GRID[1]


def _run_around(ok: np.ndarray, wk: float) -> tuple[float, float]:
    """Grid ends of the run of True values around wk (ok evaluated on GRID)."""
    i = int(np.clip(np.searchsorted(GRID, wk), 0, GRID.size - 1))
    if not ok[i]:  # wk sits between grid points next to an end
        i = i - 1
    assert ok[i]
    lo = i
    while lo > 0 and ok[lo - 1]:
        lo -= 1
    hi = i
    while hi < GRID.size - 1 and ok[hi + 1]:
        hi += 1
    return GRID[lo], GRID[hi]


def _check_against_grid(iv, lo_bf, hi_bf, wk):
    lo, hi = iv
    assert 0 <= lo <= wk <= hi <= 1
    assert lo_bf - H - 1e-12 <= lo <= lo_bf + 1e-12
    assert hi_bf - 1e-12 <= hi <= hi_bf + H + 1e-12


@pytest.mark.parametrize("method", ["topsis", "wsm"])
def test_winner_interval_agrees_with_brute_force_grid(problems, method):
    for X, types, w in problems:
        sm = score_model(X, types, method)
        iv = weight_stability(X, w, types, method)
        assert iv.shape == (X.shape[1], 2)
        top = int(np.argmax(sm.scores(w)))
        for k in range(X.shape[1]):
            S = sm.scores(rescale_path(w, k, GRID))
            ok = S[:, top] >= S.max(axis=1) - 1e-12
            _check_against_grid(iv[k], *_run_around(ok, w[k]), w[k])


@pytest.mark.parametrize("method", ["topsis", "wsm"])
def test_ranking_interval_agrees_with_brute_force_grid(problems, method):
    for X, types, w in problems:
        sm = score_model(X, types, method)
        iv = ranking_stability(X, w, types, method)
        win = weight_stability(X, w, types, method)
        order = np.argsort(-sm.scores(w))
        for k in range(X.shape[1]):
            S = sm.scores(rescale_path(w, k, GRID))
            ok = np.all(np.diff(S[:, order], axis=1) <= 1e-12, axis=1)
            _check_against_grid(iv[k], *_run_around(ok, w[k]), w[k])
            assert win[k, 0] - 1e-12 <= iv[k, 0] and iv[k, 1] <= win[k, 1] + 1e-12


def test_ranking_interval_inside_winner_interval(problems):
    for X, types, w in problems:
        a = ranking_stability(X, w, types)
        b = weight_stability(X, w, types)
        assert np.all(a[:, 0] >= b[:, 0] - 1e-12) and np.all(a[:, 1] <= b[:, 1] + 1e-12)


def test_wsm_interval_closed_form():
    # s_A = t, s_B = 1 - t on the raw values: A leads while w_A >= 0.5
    assert_allclose(weight_stability([[1, 0], [0, 1]], [0.6, 0.4], [1, 1], "wsm", "none"),
                    [[0.5, 1.0], [0.0, 0.5]])


def test_stability_details_name_who_takes_over():
    s = stability([[1, 0], [0, 1], [0.45, 0.45]], [0.6, 0.4], [1, 1], "wsm", "none")
    assert s.incumbents == (0,)
    assert_allclose(s.intervals[0], [0.5, 1.0])
    assert s.below[0] == 1 and s.above[0] == -1


def test_tied_incumbents_keep_the_top_among_them():
    # A and B tie now; C is far behind: no change of one weight lets C lead
    X = [[1.0, 0.0], [0.0, 1.0], [0.1, 0.1]]
    s = stability(X, [0.5, 0.5], [1, 1], "wsm", "none")
    assert s.incumbents == (0, 1)
    assert_allclose(s.intervals, [[0, 1], [0, 1]])
    # ... but the ranking changes with any change
    r = ranking_stability(X, [0.5, 0.5], [1, 1], "wsm", "none")
    assert_allclose(r, [[0.5, 0.5], [0.5, 0.5]])


def test_duplicate_vendors_do_not_break_the_ranking_interval():
    X = [[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]
    r = ranking_stability(X, [0.6, 0.4], [1, 1], "wsm", "none")
    assert_allclose(r, [[0.5, 1.0], [0.0, 0.5]])


def test_all_vendors_tied_everywhere_gives_whole_interval():
    assert_array_equal(weight_stability([[1, 2], [1, 2]], [0.5, 0.5], [1, 1]), [[0, 1], [0, 1]])


def test_single_criterion_is_one_one():
    assert_array_equal(weight_stability([[1.0], [2.0]], [1.0], [1], "wsm"), [[1.0, 1.0]])


def test_stability_kind_error():
    with pytest.raises(MCDAError, match="kind"):
        stability([[1, 0], [0, 1]], [0.5, 0.5], [1, 1], kind="podium")


def test_tornado_relative_absolute_and_stability_ends():
    X, w = [[1, 0], [0, 1]], [0.6, 0.4]
    tb = tornado(X, w, [1, 1], "wsm", "none", spread=0.5)
    assert tb.winner == 0 and tb.measure == "margin"
    assert_allclose(tb.low_weight, [0.3, 0.2])
    assert_allclose(tb.high_weight, [0.9, 0.6])
    assert_allclose(tb.low, [-0.4, 0.6])
    assert_allclose(tb.high, [0.8, -0.2])
    assert_allclose(tb.base, 0.2)
    assert_array_equal(tb.order, [0, 1])
    ab = tornado(X, w, [1, 1], "wsm", "none", spread=0.5, ends="absolute", measure="score")
    assert_allclose(ab.low_weight, [0.1, 0.0]) and assert_allclose(ab.high_weight, [1.0, 0.9])
    assert_allclose(ab.low, [0.1, 1.0])
    st = tornado(X, w, [1, 1], "wsm", "none", ends="stability")
    assert_allclose(st.low_weight, [0.5, 0.0])
    assert_allclose(st.low[0], 0.0, atol=1e-12) and assert_allclose(st.high[1], 0.0, atol=1e-12)


def test_tornado_errors():
    with pytest.raises(MCDAError, match="ends"):
        tornado([[1, 0], [0, 1]], [0.5, 0.5], [1, 1], ends="both")
    with pytest.raises(MCDAError, match="spread"):
        tornado([[1, 0], [0, 1]], [0.5, 0.5], [1, 1], spread=-1)


def test_single_vendor_everywhere():
    from mcda.sensitivity import critical_changes, smaa, sweep

    X, w = [[3.0, 4.0]], [0.5, 0.5]
    assert_array_equal(weight_stability(X, w, [1, 1]), [[0, 1], [0, 1]])
    assert_array_equal(ranking_stability(X, w, [1, 1], "wsm"), [[0, 1], [0, 1]])
    assert critical_changes(X, w, [1, 1]) == ()
    assert sweep(X, w, [1, 1], 0).crossovers == ()
    r = smaa(X, [1, 1], n_samples=100, seed=0)
    assert_array_equal(r.acceptability, [[1.0]]) and r.confidence[0] == 1.0
