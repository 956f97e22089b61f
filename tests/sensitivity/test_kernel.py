"""Batch scores equal mcda.methods' TOPSIS and weighted sum, for every normalisation."""
from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from mcda.errors import MCDAError
from mcda.methods import topsis, wsm
from mcda.sensitivity import score_model

NORMS = ["vector", "max", "minmax", "sum", "none", "scale"]


@pytest.mark.parametrize("method, fn", [("topsis", topsis), ("wsm", wsm)])
@pytest.mark.parametrize("norm", NORMS)
def test_batch_scores_equal_the_methods(problems, method, fn, norm):
    rng = np.random.default_rng(5)
    for X, types, _ in problems:
        bounds = np.column_stack([np.zeros(X.shape[1]), np.full(X.shape[1], 10.0)]) \
            if norm == "scale" else None
        sm = score_model(X, types, method, norm, bounds=bounds)
        W = rng.dirichlet(np.ones(X.shape[1]), size=20)
        got = sm.scores(W)
        want = np.array([fn(X, w, types, norm, bounds=bounds) for w in W])
        assert_allclose(got, want, rtol=1e-12, atol=1e-13)


def test_default_normalisations_are_vector_and_max():
    assert score_model([[1, 2], [2, 1]], [1, -1], "topsis").normalization == "vector"
    assert score_model([[1, 2], [2, 1]], [1, -1], "wsm").normalization == "max"


def test_one_weight_vector_gives_one_row():
    sm = score_model([[1, 2], [2, 1], [3, 1]], [1, 1])
    assert_allclose(sm.scores([0.5, 0.5]), topsis([[1, 2], [2, 1], [3, 1]], [0.5, 0.5], [1, 1]))


def test_duplicate_vendors_tie_exactly():
    rng = np.random.default_rng(3)
    X = rng.uniform(1, 5, (6, 40))
    X[4] = X[1]
    sm = score_model(X, np.ones(40), "topsis")
    assert sm.n_unique == 5
    S = sm.scores(rng.dirichlet(np.ones(40), 500))
    assert_array_equal(S[:, 1], S[:, 4])


def test_degenerate_topsis_gives_every_vendor_one():
    # the only weighted criterion is constant: no criterion separates the vendors
    sm = score_model([[1.0, 2.0], [1.0, 5.0], [1.0, 3.0]], [1, 1], "topsis")
    assert_array_equal(sm.scores([1.0, 0.0]), [1.0, 1.0, 1.0])
    assert_array_equal(topsis([[1.0, 2.0], [1.0, 5.0], [1.0, 3.0]], [1.0, 0.0], [1, 1]), 1.0)


@pytest.mark.parametrize("bad", [[np.nan, 0.5], [np.inf, 0.5]])
def test_non_finite_weights_are_an_error(bad):
    sm = score_model([[1, 2], [2, 1]], [1, 1])
    with pytest.raises(MCDAError, match="finite"):
        sm.scores([bad])


def test_errors_name_the_problem():
    with pytest.raises(MCDAError, match="method"):
        score_model([[1, 2]], [1, 1], "electre")
    with pytest.raises(MCDAError, match="criterion types"):
        score_model([[1, 2]], [1, 2])
    with pytest.raises(MCDAError, match="'Acme'"):
        score_model([[1, np.nan]], [1, 1], vendors=["Acme"], criteria=["q", "p"])
    with pytest.raises(MCDAError, match="length 2"):
        score_model([[1, 2]], [1, 1]).scores([[0.2, 0.3, 0.5]])


def test_malformed_matrices_are_mcda_errors():
    with pytest.raises(MCDAError, match="numeric"):
        score_model([[1, 2], [3]], [1, 1])
    with pytest.raises(MCDAError, match="2-D"):
        score_model([1, 2, 3], [1, 1, 1])
    with pytest.raises(MCDAError, match="2 vendor labels"):
        score_model([[1, 2], [3, 4]], [1, 1], vendors=["only one"])
