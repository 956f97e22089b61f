"""mcda.ahp.matrix: validation, judged/missing pairs, matrices from judgments."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

from mcda.ahp.matrix import (
    MAX_RATIO,
    check_k,
    check_matrix,
    check_stack,
    count_judgments,
    judged_pairs,
    matrix_from_judgments,
    missing_pairs,
)
from mcda.errors import MCDAError

NAN = np.nan
LABELS = ["cost", "quality", "security"]


def test_check_matrix_returns_float_copy_with_exact_reciprocals():
    raw = [[1, 3, 0.2], [1 / 3, 1, 1 / 7], [5, 7, 1]]
    a = check_matrix(raw)
    assert a.dtype == float
    assert_array_equal(a * a.T, np.ones((3, 3)))
    a[0, 1] = 99.0
    assert raw[0][1] == 3  # the input is not touched


def test_check_matrix_accepts_any_positive_reciprocal_matrix():
    a = check_matrix([[1, 1.2345], [1 / 1.2345, 1]])
    assert_allclose(a[0, 1], 1.2345)


def test_none_and_nan_mean_missing():
    a = check_matrix([[1, 2, None], [0.5, 1, 4], [None, 0.25, 1]])
    assert np.isnan(a[0, 2]) and np.isnan(a[2, 0])
    assert missing_pairs(a) == [(0, 2)]
    assert judged_pairs(a) == [(0, 1), (1, 2)]
    assert count_judgments(a) == (2, 1)


@pytest.mark.parametrize(
    "matrix, fragment",
    [
        ([[1, 2, 3], [0.5, 1, 1]], "expected a square"),
        ([1, 2, 3], "expected a square"),
        ([[1]], "at least 2 items"),
        (np.empty((0, 0)), "at least 2 items"),
        ([["a", "b"], ["c", "d"]], "could not read it as numbers"),
        ([[1, np.inf], [0, 1]], "finite"),
        ([[1, 0], [0, 1]], "positive"),
        ([[1, -2], [-0.5, 1]], "positive"),
        ([[2, 2], [0.5, 1]], "diagonal"),
        ([[NAN, 2], [0.5, 1]], "diagonal"),
        ([[1, 3], [0.5, 1]], "reciprocal cell holds 0.5 (expected 1/3)"),
        ([[1, 3], [NAN, 1]], "NaN in both cells"),
    ],
)
def test_check_matrix_refuses_bad_matrices(matrix, fragment):
    with pytest.raises(MCDAError) as info:
        check_matrix(matrix)
    assert fragment in str(info.value)


def test_errors_are_value_errors():
    with pytest.raises(ValueError):
        check_matrix([[1]])


def test_non_reciprocal_message_names_the_items():
    with pytest.raises(MCDAError) as info:
        check_matrix([[1, 3], [0.5, 1]], labels=["cost", "quality"])
    assert str(info.value) == "judgment 'cost' vs 'quality' is 3 but its reciprocal cell holds 0.5 (expected 1/3)"


def test_non_reciprocal_message_counts_other_bad_pairs():
    with pytest.raises(MCDAError, match="1 other pair"):
        check_matrix([[1, 3, 2], [0.5, 1, 1], [0.25, 1, 1]])


def test_reciprocity_tolerance_is_relative_1e_6():
    check_matrix([[1, 3], [1 / 3 * (1 + 5e-7), 1]])
    with pytest.raises(MCDAError):
        check_matrix([[1, 3], [1 / 3 * (1 + 5e-6), 1]])


def test_allow_missing_false_refuses_nan():
    with pytest.raises(MCDAError, match="expected a complete matrix; judgment 'cost' vs 'security' is missing"):
        check_matrix([[1, 2, NAN], [0.5, 1, 4], [NAN, 0.25, 1]], labels=LABELS, allow_missing=False)


def test_wrong_number_of_labels():
    with pytest.raises(MCDAError, match="expected 2 labels"):
        check_matrix([[1, 2], [0.5, 1]], labels=LABELS)


def test_matrix_from_judgments():
    a = matrix_from_judgments(LABELS, {("quality", "cost"): 3, ("cost", "security"): 1 / 5})
    expected = [[1, 1 / 3, 1 / 5], [3, 1, NAN], [5, NAN, 1]]
    assert_allclose(a, expected)
    check_matrix(a)


@pytest.mark.parametrize(
    "judgments, fragment",
    [
        ({("cost", "price"): 2}, "unknown item 'price'"),
        ({("cost", "cost"): 2}, "with itself"),
        ({("cost", "quality"): 0}, "positive"),
        ({("cost", "quality"): 2, ("quality", "cost"): 2}, "given twice"),
        ({"cost": 2}, "expected a judgment key"),
    ],
)
def test_matrix_from_judgments_refuses(judgments, fragment):
    with pytest.raises(MCDAError, match=fragment):
        matrix_from_judgments(LABELS, judgments)


def test_max_ratio_bound():
    check_matrix([[1, MAX_RATIO], [1 / MAX_RATIO, 1]])
    with pytest.raises(MCDAError, match="between 1/1e\\+06 and 1e\\+06"):
        check_matrix([[1, 2 * MAX_RATIO], [1 / (2 * MAX_RATIO), 1]])


@pytest.mark.parametrize("k", [0, -1, 1.5, "3", True])
def test_check_k_refuses(k):
    with pytest.raises(MCDAError, match="positive integer or None"):
        check_k(k)


def test_check_stack_names_the_sample():
    s = np.ones((3, 2, 2))
    s[2, 0, 1] = 2.0
    with pytest.raises(MCDAError, match="^sample 2: judgment"):
        check_stack(s)
    with pytest.raises(MCDAError, match="stack of square"):
        check_stack(np.ones((2, 2)))


_garbage = st.sampled_from([1.0, 2.0, 0.5, 3.0, 1 / 3, 0.0, -1.0, np.nan, np.inf, 1e300, 1e-300])


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 4), st.integers(0, 4), st.data())
def test_fuzz_only_mcda_errors(rows, cols, data):
    """Any input either validates or raises MCDAError (never IndexError or LinAlgError)."""
    m = np.array([[data.draw(_garbage) for _ in range(cols)] for _ in range(rows)], dtype=float).reshape(rows, cols)
    try:
        a = check_matrix(m)
    except MCDAError:
        return
    assert a.shape[0] == a.shape[1] >= 2


_judgment = st.sampled_from([1 / 9, 1 / 3, 1.0, 2.0, 9.0, 1e6, 1e-6, 1.5e6, np.nan])


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 6), st.data())
def test_fuzz_kernels_raise_only_mcda_errors(n, data):
    """Every kernel on any reciprocal input (holes, extremes, disconnection) returns or raises MCDAError."""
    from mcda import ahp

    a = np.eye(n)
    for i in range(n):
        for j in range(i + 1, n):
            x = data.draw(_judgment)
            a[i, j], a[j, i] = x, 1 / x
    calls = [lambda m=m: ahp.priorities(a, m) for m in ahp.PRIORITY_METHODS] + [
        lambda: ahp.consistency(a), lambda: ahp.gci(a), lambda: ahp.complete(a), lambda: ahp.complete(a, "llsm"),
        lambda: ahp.complete(a, "harker"), lambda: ahp.next_question(a), lambda: ahp.repair_hints(a),
        lambda: ahp.aggregate_judgments([a, a]), lambda: ahp.judgment_spread([a, a])]
    for call in calls:
        try:
            out = call()
        except MCDAError:
            continue
        if isinstance(out, np.ndarray) and out.ndim == 1:
            assert np.isfinite(out).all() and abs(out.sum() - 1) < 1e-9


def test_ragged_input_is_an_mcda_error():
    from mcda import ahp

    with pytest.raises(MCDAError, match="ragged|could not read"):
        ahp.priorities([[1, 2], [0.5]])
    with pytest.raises(MCDAError, match="between 1/1e\\+06 and 1e\\+06"):
        check_matrix([[1, 1e7], [1e-7, 1]])
