"""mcda.ahp.batch: many matrices analysed together equal the one-matrix kernels."""
from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from mcda import ahp
from mcda.ahp.batch import analyse, natural_completion
from mcda.errors import MCDAError


def _matrices(rng) -> list[np.ndarray]:
    out = []
    for n in (2, 3, 3, 4, 5, 6, 6, 9, 17):
        w = rng.random(n) + 0.1
        a = np.outer(w, 1 / w) * np.exp(rng.normal(0, 0.3, (n, n)))
        iu = np.triu_indices(n, 1)
        a[iu[1], iu[0]] = 1 / a[iu]
        np.fill_diagonal(a, 1.0)
        out.append(a)
    for k, drop in ((3, [(0, 2)]), (5, [(0, 2), (1, 4)]), (6, [(0, 1), (2, 5), (3, 4)])):
        b = out[k].copy()
        for i, j in drop:
            b[i, j] = b[j, i] = np.nan
        out.append(b)
    lonely = np.full((3, 3), np.nan)  # not connected
    np.fill_diagonal(lonely, 1.0)
    lonely[0, 1], lonely[1, 0] = 2.0, 0.5
    out.append(lonely)
    return out


@pytest.mark.parametrize("method", ["eigenvector", "geometric_mean", "column_mean", "harker"])
@pytest.mark.parametrize("completion", ["auto", "lambda_max", "llsm", "harker"])
def test_batch_equals_priorities_consistency_and_gci_one_by_one(rng, method, completion):
    mats = _matrices(rng)
    r = analyse(mats, method, completion, labels=[list("abcdefghijklmnopq"[:a.shape[0]]) for a in mats])
    comp = natural_completion(method, completion)
    for k, a in enumerate(mats):
        labels = list("abcdefghijklmnopq"[:a.shape[0]])
        try:
            if not np.isnan(a).any():
                w = ahp.priorities(a, method, labels=labels)
            elif comp == "harker":
                w = ahp.priorities(ahp.harker_completion(a, labels=labels), method, labels=labels)
            elif {"eigenvector": "lambda_max", "geometric_mean": "llsm"}.get(method) == comp:
                w = ahp.priorities(a, method, labels=labels)
            else:
                w = ahp.priorities(ahp.complete(a, comp, labels=labels), method, labels=labels)
            c = ahp.consistency(a, labels=labels)
        except MCDAError as exc:
            assert str(r.errors[k]) == str(exc)
            assert r.weights[k] is None and r.consistency[k] is None
            continue
        assert r.errors[k] is None
        assert_allclose(r.weights[k], w, rtol=1e-12, atol=1e-15)
        assert_allclose(r.consistency[k].lambda_max, c.lambda_max, rtol=1e-12)
        got = r.consistency[k]
        assert (got.ri, got.missing, got.acceptable) == (c.ri, c.missing, c.acceptable)
        if method == "geometric_mean" and a.shape[0] >= 3:
            assert_allclose(r.gci[k].gci, ahp.gci(a).gci, rtol=1e-12, atol=1e-15)


def test_a_table_that_does_not_cover_n_is_an_error_for_that_matrix_only(rng):
    mats = _matrices(rng)
    r = analyse(mats, ri_table="saaty_1980")
    big = [k for k, a in enumerate(mats) if a.shape[0] > 15]
    assert big and all("covers n = 1..15" in str(r.errors[k]) for k in big)
    assert all(r.weights[k] is not None for k, a in enumerate(mats) if a.shape[0] <= 15 and k != len(mats) - 1)


def test_each_incomplete_matrix_is_completed_once(rng, monkeypatch):
    from mcda.ahp import batch

    calls = []
    real = batch.complete_lambda_max
    monkeypatch.setattr(batch, "complete_lambda_max", lambda a: calls.append(1) or real(a))
    analyse(_matrices(rng))
    assert len(calls) == 3  # three connected incomplete matrices: priorities and CR share the completion
