"""Contribution kernels."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose, assert_array_equal

from mcda.engine.explain import (
    GroupDifference,
    group_sum,
    topsis_contributions,
    weighted_sum_contributions,
    why_a_beats_b,
)
from mcda.errors import MCDAError
from mcda.methods import topsis_details, wsm_details


def test_weighted_sum_contributions_sum_to_the_score(rng):
    X = rng.uniform(1, 9, size=(5, 4))
    d = wsm_details(X, [0.1, 0.2, 0.3, 0.4], [1, -1, 1, -1])
    c = weighted_sum_contributions(d.normalized, d.weights)
    assert c.shape == (5, 4)
    assert_allclose(c.sum(axis=1), d.scores, rtol=1e-12)


def test_weighted_sum_contributions_shape_error():
    with pytest.raises(MCDAError, match="expected a \\(n, m\\) matrix and m weights"):
        weighted_sum_contributions(np.ones((2, 3)), [0.5, 0.5])


def test_topsis_contributions_sum_to_squared_distances():
    X = [[2.0, 1500, 20000, 5.5, 5, 9], [2.5, 2700, 18000, 6.5, 3, 5],
         [1.8, 2000, 21000, 4.5, 7, 7], [2.2, 1800, 20000, 5.0, 5, 5]]
    d = topsis_details(X, [0.2, 0.1, 0.1, 0.1, 0.2, 0.3], [1, 1, 1, -1, 1, 1])
    c = topsis_contributions(d)
    assert_allclose(c.to_ideal.sum(axis=1), d.d_plus ** 2, rtol=1e-12)
    assert_allclose(c.to_anti_ideal.sum(axis=1), d.d_minus ** 2, rtol=1e-12)
    assert np.all(c.to_ideal >= 0) and np.all(c.to_anti_ideal >= 0)
    # the vendor holding the ideal on a criterion contributes 0 there
    assert c.to_ideal[np.argmax(d.normalized[:, 0]), 0] == 0.0


def test_group_sum_vector_and_matrix():
    assert_allclose(group_sum([1.0, 2.0, 3.0, 4.0], [1, 0, 1, 1]), [2.0, 8.0])
    m = np.arange(8.0).reshape(2, 4)
    assert_allclose(group_sum(m, [0, 0, 1, 1]), [[1.0, 5.0], [9.0, 13.0]])


def test_group_sum_empty_group_is_zero():
    assert_allclose(group_sum([1.0, 2.0], [0, 2], n_groups=4), [1.0, 0.0, 2.0, 0.0])


@settings(max_examples=100, deadline=None)
@given(values=hnp.arrays(float, st.tuples(st.integers(1, 6), st.integers(1, 8)),
                         elements=st.floats(-100, 100)), data=st.data())
def test_group_sum_equals_add_at(values, data):
    m = values.shape[1]
    groups = np.array(data.draw(st.lists(st.integers(0, 3), min_size=m, max_size=m)))
    expected = np.zeros((values.shape[0], 4))
    np.add.at(expected.T, groups, values.T)
    assert_allclose(group_sum(values, groups, n_groups=4), expected, atol=1e-9)
    assert_allclose(group_sum(values, groups, 4).sum(axis=1), values.sum(axis=1), atol=1e-9)


@pytest.mark.parametrize("groups, n_groups, message", [
    ([0, 1], None, "one group index per criterion \\(3\\)"),
    ([0, -1, 1], None, ">= 0"),
    ([0, 1, 5], 3, "out of range for 3 groups"),
    ([0, 0.5, 1], None, "integers"),
])
def test_group_sum_errors(groups, n_groups, message):
    with pytest.raises(MCDAError, match=message):
        group_sum([1.0, 2.0, 3.0], groups, n_groups)


def test_why_a_beats_b_sorted_by_size_and_signed():
    c = [[0.30, 0.10, 0.20, 0.05], [0.10, 0.25, 0.20, 0.00]]
    out = why_a_beats_b(c, 0, 1)
    assert out == [GroupDifference(0, pytest.approx(0.2)), GroupDifference(1, pytest.approx(-0.15)),
                   GroupDifference(3, pytest.approx(0.05))]
    assert len(why_a_beats_b(c, 0, 1, top=1)) == 1
    # group 2 has no difference and is left out even with a larger top
    assert [d.group for d in why_a_beats_b(c, 0, 1, top=10)] == [0, 1, 3]


def test_why_a_beats_b_for_distances_flips_the_sign():
    dist = [[0.25, 1.0], [0.75, 0.125]]  # distances to the ideal: lower is better
    out = why_a_beats_b(dist, 0, 1, higher_is_better=False)
    assert [(d.group, d.difference) for d in out] == [(1, -0.875), (0, 0.5)]


def test_why_a_beats_b_ties_by_group_index():
    out = why_a_beats_b([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]], 0, 1)
    assert [d.group for d in out] == [0, 1, 2]


def test_why_differences_add_up_to_the_score_gap(rng):
    X = rng.uniform(1, 9, size=(4, 6))
    d = wsm_details(X, np.full(6, 1 / 6), [1] * 6)
    by_dim = group_sum(d.contributions, [0, 0, 1, 1, 2, 2])
    diffs = why_a_beats_b(by_dim, 0, 1, top=3)
    assert sum(g.difference for g in diffs) == pytest.approx(d.scores[0] - d.scores[1])


@pytest.mark.parametrize("args, message", [
    (([1.0, 2.0], 0, 1), "\\(vendors, groups\\) matrix"),
    (([[1.0], [2.0]], 0, 2), "vendor index b must be an integer in 0..1"),
    (([[1.0], [2.0]], -1, 1), "vendor index a"),
    (([[1.0], [2.0]], 0, 1, 0), "top must be a positive integer"),
])
def test_why_errors(args, message):
    with pytest.raises(MCDAError, match=message):
        why_a_beats_b(*args)


def test_results_are_read_only():
    d = topsis_details([[1.0, 2.0], [2.0, 1.0]], [0.5, 0.5], [1, 1])
    c = topsis_contributions(d)
    with pytest.raises(ValueError):
        c.to_ideal[0, 0] = 1.0
    assert_array_equal(group_sum(np.eye(2), [0, 0]), [[1.0], [1.0]])
