"""Rank counting: fractional tie policy, both counting paths."""
from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from mcda.methods import rank
from mcda.sensitivity.ranks import RankCounter


def _loop_counts(K):
    n, c = K.shape
    out = np.zeros((n, n))
    for s in range(c):
        r = rank(K[:, s], tol=0)
        out[np.arange(n), r - 1] += 1
    return out


@pytest.mark.parametrize("n", [2, 5, 24, 25, 40])
def test_counts_equal_a_per_sample_loop_without_ties(n):
    K = np.random.default_rng(n).random((n, 500))
    rc = RankCounter(n)
    F = rc.add(K[:, :200])
    F2 = rc.add(K[:, 200:])
    assert_array_equal(rc.counts(), _loop_counts(K))
    assert_array_equal(np.hstack([F, F2]), (K == K.max(axis=0)).astype(float))


@pytest.mark.parametrize("n", [4, 30])
def test_ties_split_fractionally(n):
    rng = np.random.default_rng(0)
    K = rng.integers(0, 3, size=(n, 300)).astype(float)  # many ties
    rc = RankCounter(n)
    F = rc.add(K)
    C = rc.counts()
    assert_allclose(C.sum(axis=1), 300)
    assert_allclose(C.sum(axis=0), 300)
    # per sample: a group of g tied at ranks r..r+g-1 gets 1/g of each
    want = np.zeros((n, n))
    for s in range(300):
        for i in range(n):
            better = int((K[:, s] > K[i, s]).sum())
            g = int((K[:, s] == K[i, s]).sum())
            want[i, better:better + g] += 1 / g
    assert_allclose(C, want, atol=1e-9)
    top = K == K.max(axis=0)
    assert_allclose(F, top / top.sum(axis=0))


def test_identical_keys_share_ranks_evenly():
    rc = RankCounter(3)
    rc.add(np.array([[1.0], [1.0], [0.5]]))
    assert_allclose(rc.counts(), [[0.5, 0.5, 0], [0.5, 0.5, 0], [0, 0, 1]])


def test_infinite_keys_tie():
    rc = RankCounter(3)
    rc.add(np.array([[np.inf], [np.inf], [2.0]]))
    assert_allclose(rc.counts(), [[0.5, 0.5, 0], [0.5, 0.5, 0], [0, 0, 1]])


def test_single_vendor():
    rc = RankCounter(1)
    assert_array_equal(rc.add(np.ones((1, 4))), np.ones((1, 4)))
    assert_array_equal(rc.counts(), [[4]])
