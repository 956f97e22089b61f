"""rank(): competition ranking with a relative tie tolerance."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_array_equal

from mcda.errors import MCDAError
from mcda.methods import rank


def test_competition_ranking_1_1_3():
    assert_array_equal(rank([0.9, 0.9, 0.5]), [1, 1, 3])
    assert_array_equal(rank([0.1, 0.5, 0.5, 0.9]), [4, 2, 2, 1])


def test_lower_is_better():
    assert_array_equal(rank([0.3, 0.1, 0.2], higher_is_better=False), [3, 1, 2])
    assert_array_equal(rank([1.0, 0.0, 1.0], higher_is_better=False), [2, 1, 2])


def test_returns_integers():
    assert rank([0.2, 0.1]).dtype.kind == "i"


def test_tolerance_is_relative_with_floor_one():
    assert_array_equal(rank([1.0, 1.0 + 5e-10]), [1, 1])       # within 1e-9 * 1
    assert_array_equal(rank([1.0, 1.0 + 5e-9]), [2, 1])        # beyond
    assert_array_equal(rank([1e6, 1e6 + 5e-4]), [1, 1])        # 1e-9 * 1e6 = 1e-3
    assert_array_equal(rank([1e-12, 2e-12]), [1, 1])           # floor 1: absolute 1e-9
    assert_array_equal(rank([1e-12, 2e-12], tol=0), [2, 1])    # exact ties only


def test_groups_chain_through_consecutive_gaps():
    s = [0.0, 0.8e-9, 1.6e-9, 2.4e-9]  # each gap < 1e-9, total span > 1e-9
    assert_array_equal(rank(s), [1, 1, 1, 1])


def test_single_score():
    assert_array_equal(rank([0.42]), [1])


@pytest.mark.parametrize("bad, message", [
    ([], "non-empty 1-D"),
    ([[1.0, 2.0]], "non-empty 1-D"),
    ([1.0, float("nan")], "finite; found nan at position 1"),
    (["a", "b"], "numeric"),
])
def test_bad_scores(bad, message):
    with pytest.raises(MCDAError, match=message):
        rank(bad)


def test_bad_tolerance():
    with pytest.raises(MCDAError, match="tol"):
        rank([1.0, 2.0], tol=-1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=30), st.booleans())
def test_rank_properties(scores, higher):
    s = np.array(scores)
    r = rank(s, higher_is_better=higher, tol=0)
    assert r.min() == 1 and r.max() <= s.size
    key = s if higher else -s
    for i in range(s.size):
        # competition rank = 1 + number of strictly better scores
        assert r[i] == 1 + int(np.sum(key > key[i]))
