"""Critical weight changes (Triantaphyllou & Sanchez 1997) for the weighted sum and TOPSIS."""
from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from mcda.errors import MCDAError
from mcda.methods import topsis, wsm
from mcda.sensitivity import critical_changes, most_critical, rescale, ts_deltas

TS_X = [[0.5, 0.2, 0.3], [0.3, 0.5, 0.3], [0.2, 0.3, 0.4]]
TS_W = [0.5, 0.3, 0.2]


def test_triantaphyllou_sanchez_1997_derived_example():
    """docs/methods.md#critical-criteria: A1 vs A2 on C1 gives delta = .05, renormalised t* = .47368."""
    d = ts_deltas(TS_X, TS_W, [1, 1, 1], "none")
    assert_allclose(d[0, 1, 0], 0.05)
    (c,) = [c for c in critical_changes(TS_X, TS_W, [1, 1, 1], "wsm", "none")
            if (c.criterion, c.ahead, c.behind) == (0, 0, 1)]
    assert_allclose(c.delta, 0.05, rtol=1e-12)
    assert_allclose(c.new_weight, 0.45 / 0.95, rtol=1e-12)
    assert_allclose(c.new_weight, 0.47368, atol=5e-6)
    assert_allclose(c.delta_relative, 0.1, rtol=1e-12)
    assert_allclose(c.change, 0.45 / 0.95 - 0.5, rtol=1e-12)
    assert_allclose(c.score, 0.5 * 0.45 / 0.95 + (0.3 * 0.2 + 0.2 * 0.3) / 0.95, rtol=1e-12)
    # in T&S's un-normalised terms the new weights (.45, .3, .2) tie A1 and A2
    P = np.asarray(TS_X) @ [0.45, 0.3, 0.2]
    assert_allclose(P[0], P[1])


def test_most_critical_criterion_derived_example():
    top = most_critical(TS_X, TS_W, [1, 1, 1], "wsm", "none", scope="top")
    assert (top.criterion, top.ahead, top.behind) == (0, 0, 1)
    # C2 needs +.01/-.3 ... the relative changes, smallest first
    cc = critical_changes(TS_X, TS_W, [1, 1, 1], "wsm", "none", scope="top")
    rel = [abs(c.delta_relative) for c in cc]
    assert rel == sorted(rel)
    assert all(c.ahead == 0 for c in cc)


def test_renormalised_delta_equals_the_ts_formula_on_random_problems(problems):
    n_checked = 0
    for X, types, w in problems:
        d = ts_deltas(X, w, types)
        for c in critical_changes(X, w, types, "wsm"):
            if c.new_weight < 1:
                assert_allclose(c.delta, d[c.ahead, c.behind, c.criterion], rtol=1e-9, atol=1e-12)
                assert c.delta <= c.weight + 1e-12  # T&S feasibility
                n_checked += 1
        # every T&S-feasible delta appears as a critical change
        s = wsm(X, w, types)
        for i in range(len(s)):
            for j in range(len(s)):
                if s[i] > s[j]:
                    feas = np.flatnonzero(d[i, j] <= w)
                    got = {c.criterion for c in critical_changes(X, w, types, "wsm")
                           if (c.ahead, c.behind) == (i, j)}
                    assert set(feas.tolist()) == got
    assert n_checked > 10


@pytest.mark.parametrize("method, fn", [("topsis", topsis), ("wsm", wsm)])
def test_critical_changes_tie_the_pair(problems, method, fn):
    for X, types, w in problems[:8]:
        base = fn(X, w, types)
        for c in critical_changes(X, w, types, method):
            assert base[c.ahead] > base[c.behind]
            s = fn(X, rescale(w, c.criterion, c.new_weight), types)
            assert abs(s[c.ahead] - s[c.behind]) <= 1e-9
            # nearest: between now and t* the two keep their order
            mid = fn(X, rescale(w, c.criterion, 0.5 * (c.weight + c.new_weight)), types)
            assert mid[c.ahead] >= mid[c.behind] - 1e-12
            if c.weight > 0:
                assert_allclose(c.relative_change, (c.new_weight - c.weight) / c.weight)


def test_no_feasible_change_gives_none():
    # A dominates B on every criterion: no single weight can reverse them
    assert most_critical([[2, 2], [1, 1]], [0.5, 0.5], [1, 1], "wsm", "none") is None
    assert critical_changes([[2, 2], [1, 1]], [0.5, 0.5], [1, 1], "topsis") == ()


def test_zero_weight_gives_infinite_relative_change():
    cc = critical_changes([[1, 0, 0], [0, 0, 1]], [0.6, 0.4, 0.0], [1, 1, 1], "wsm", "none")
    (c,) = [c for c in cc if c.criterion == 2]
    assert c.weight == 0 and np.isinf(c.delta_relative) and np.isinf(c.relative_change)
    assert_allclose(c.new_weight, 0.6 / 1.6)  # 0.6 (1 - t) = t


def test_scope_error():
    with pytest.raises(MCDAError, match="scope"):
        critical_changes(TS_X, TS_W, [1, 1, 1], scope="some")
