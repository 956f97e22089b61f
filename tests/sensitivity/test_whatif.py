"""Proportional rescaling of one weight and its edge policies."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

from mcda.errors import MCDAError
from mcda.sensitivity import others_direction, rescale, rescale_path


def test_rescale_formula_barron_schmidt():
    w = np.array([0.5, 0.3, 0.2])
    out = rescale(w, 0, 0.6)
    assert_allclose(out, [0.6, 0.3 * 0.4 / 0.5, 0.2 * 0.4 / 0.5])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=2, max_size=12), st.data())
def test_rescale_keeps_sum_and_ratios(raw, data):
    w = np.asarray(raw) + 1e-3
    w /= w.sum()
    k = data.draw(st.integers(0, w.size - 1))
    t = data.draw(st.floats(0.0, 1.0))
    out = rescale(w, k, t)
    assert abs(out.sum() - 1) < 1e-12
    assert out[k] == t
    others = np.delete(np.arange(w.size), k)
    if t < 1:
        assert_allclose(out[others] / out[others].sum(), w[others] / w[others].sum(), rtol=1e-9)
    else:
        assert_array_equal(out[others], 0.0)


def test_current_value_returns_the_same_vector():
    w = np.array([0.2, 0.5, 0.3])
    assert_array_equal(rescale(w, 1, 0.5), w)


def test_others_all_zero_spread_equally():
    assert_allclose(rescale([1.0, 0.0, 0.0, 0.0], 0, 0.4), [0.4, 0.2, 0.2, 0.2])
    assert_allclose(others_direction([0.0, 1.0, 0.0], 1), [0.5, 0.0, 0.5])


def test_weight_one_and_zero_ends():
    assert_allclose(rescale([0.5, 0.3, 0.2], 2, 1.0), [0, 0, 1])
    assert_allclose(rescale([0.5, 0.3, 0.2], 2, 0.0), [0.625, 0.375, 0])


def test_single_criterion_node():
    assert_array_equal(rescale([1.0], 0, 1.0), [1.0])
    with pytest.raises(MCDAError, match="only criterion"):
        rescale([1.0], 0, 0.5)


@pytest.mark.parametrize("t", [-0.1, 1.2, np.nan])
def test_new_value_outside_unit_interval_is_an_error(t):
    with pytest.raises(MCDAError, match="'price'.*in \\[0, 1\\]"):
        rescale([0.5, 0.5], "price", t, criteria=["quality", "price"])


def test_bad_weights_and_criterion():
    with pytest.raises(MCDAError, match="sum to 1"):
        rescale([0.5, 0.6], 0, 0.5)
    with pytest.raises(MCDAError, match=">= 0"):
        rescale([1.5, -0.5], 0, 0.5)
    with pytest.raises(MCDAError, match="0..1"):
        rescale([0.5, 0.5], 2, 0.5)
    with pytest.raises(MCDAError, match="known: 'a', 'b'"):
        rescale([0.5, 0.5], "c", 0.5, criteria=["a", "b"])


def test_path_rows_equal_rescale():
    w = [0.1, 0.6, 0.3]
    t = np.linspace(0, 1, 11)
    P = rescale_path(w, 1, t)
    assert_allclose(P, [rescale(w, 1, x) for x in t], atol=1e-15)
