"""mcda.sensitivity.affine: scores and exact ties along any affine weight path."""
from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from mcda.errors import MCDAError
from mcda.sensitivity import affine_path, score_model, sweep


def _flat(w, k):
    u = w.copy()
    u[k] = 0
    u /= u.sum()
    e = np.zeros_like(w)
    e[k] = 1
    return u, e - u


@pytest.mark.parametrize("method", ["topsis", "wsm"])
@pytest.mark.parametrize("seed", range(6))
def test_the_flat_one_way_path_agrees_with_the_closed_form_kernel(method, seed):
    rng = np.random.default_rng(seed)
    X = rng.integers(1, 6, size=(6, 7)).astype(float)
    X[1, :] = X[0, :]  # an identical pair of vendors ...
    X[2, 3] = X[3, 3]  # ... and a pair equal on one criterion only: they tie exactly at t = 1 for k = 3
    types = np.array([1, 1, 1, 1, 1, 1, -1])
    w = rng.dirichlet(np.ones(7))
    model = score_model(X, types, method)
    for k in range(7):
        ours = [x for x in affine_path(model, *_flat(w, k)).crossovers() if 0 < x.t < 1]
        ref = [x for x in sweep(X, w, types, k, method).crossovers if 0 < x.t < 1]
        assert_allclose([x.t for x in ours], [x.t for x in ref], atol=1e-9)
        assert [x.pair for x in ours] == [x.pair for x in ref]


def test_crossovers_tie_the_scores_exactly():
    rng = np.random.default_rng(7)
    X = rng.uniform(1, 5, size=(5, 6))
    model = score_model(X, np.ones(6), "topsis")
    c = rng.dirichlet(np.ones(6)) * 0.5
    d = rng.dirichlet(np.ones(6)) * 0.5 - c * 0.3
    path = affine_path(model, c, d)
    xs = path.crossovers()
    assert xs
    for x in xs:
        s = path.scores([x.t])[0]
        assert abs(s[x.pair[0]] - s[x.pair[1]]) < 1e-12


def test_weights_must_stay_non_negative():
    model = score_model([[1.0, 2.0], [2.0, 1.0]], [1, 1], "wsm")
    with pytest.raises(MCDAError, match="non-negative"):
        affine_path(model, [0.5, 0.5], [-1.0, 0.5])
