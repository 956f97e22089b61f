"""One-way sweep: grid, scores, exact crossovers."""
from __future__ import annotations

import pytest
from numpy.testing import assert_allclose, assert_array_equal

from mcda.errors import MCDAError
from mcda.methods import topsis, wsm
from mcda.sensitivity import rescale, sweep


@pytest.mark.parametrize("method, fn", [("topsis", topsis), ("wsm", wsm)])
def test_sweep_scores_and_crossovers(problems, method, fn):
    for X, types, w in problems[:6]:
        for k in range(X.shape[1]):
            sw = sweep(X, w, types, k, method, points=21)
            assert abs(sw.weight - w[k]) < 1e-15  # weights are divided by their sum first
            assert sw.t.size in (21, 22) and sw.weight in sw.t
            assert_array_equal(sw.scores[sw.t == sw.weight][0], sw.base_scores)
            assert_allclose(sw.base_scores, fn(X, w, types))
            assert_allclose(sw.scores[5], fn(X, rescale(w, k, sw.t[5]), types), atol=1e-13)
            for c in sw.crossovers:
                s = fn(X, rescale(w, k, c.t), types)
                assert abs(s[c.pair[0]] - s[c.pair[1]]) <= 1e-9
            assert list(sw.crossovers) == sorted(sw.crossovers, key=lambda c: (c.t, c.pair))


def test_sweep_by_label_and_leaders():
    sw = sweep([[1, 0], [0, 1]], [0.3, 0.7], [1, 1], "price", "wsm", "none", points=5,
               vendors=["A", "B"], criteria=["quality", "price"])
    assert sw.criterion == 1
    assert_allclose(sw.t, [0, 0.25, 0.5, 0.7, 0.75, 1.0])
    assert_array_equal(sw.leaders, [0, 0, 0, 1, 1, 1])
    assert [(c.t, c.ahead_below, c.ahead_above) for c in sw.crossovers] == [(0.5, 0, 1)]


def test_single_criterion_sweep_is_one_point():
    sw = sweep([[1.0], [2.0]], [1.0], [1], 0, "wsm")
    assert_array_equal(sw.t, [1.0])
    assert sw.crossovers == ()


def test_sweep_errors():
    with pytest.raises(MCDAError, match="points"):
        sweep([[1, 0], [0, 1]], [0.5, 0.5], [1, 1], 0, points=1)
    with pytest.raises(MCDAError, match="criterion index"):
        sweep([[1, 0], [0, 1]], [0.5, 0.5], [1, 1], 5)
