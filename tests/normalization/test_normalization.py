"""Tests for mcda.normalization: rules, edge policies, pymcdm compatibility, errors."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose, assert_array_equal

from mcda.errors import MCDAError
from mcda.normalization import (
    NORMALIZATIONS,
    make_scale,
    max_norm,
    minmax,
    none,
    normalize,
    scale,
    sum_norm,
    types_to_cost,
    vector,
)

NAMES = ["vector", "max", "minmax", "sum", "none"]


# --------------------------------------------------------------------------
# the rules on small hand-checked columns
# --------------------------------------------------------------------------
def test_vector_rule():
    assert_allclose(vector([3.0, 4.0]), [0.6, 0.8])
    assert_allclose(vector([3.0, 4.0], cost=True), [0.4, 0.2])


def test_max_rule_is_classic_saw():
    assert_allclose(max_norm([2.0, 4.0, 8.0]), [0.25, 0.5, 1.0])
    assert_allclose(max_norm([2.0, 4.0, 8.0], cost=True), [1.0, 0.5, 0.25])


def test_minmax_rule():
    assert_allclose(minmax([1.0, 2.0, 5.0]), [0.0, 0.25, 1.0])
    assert_allclose(minmax([1.0, 2.0, 5.0], cost=True), [1.0, 0.75, 0.0])


def test_minmax_endpoints_are_exact_and_never_negative_zero():
    out = minmax(np.array([[0.1, 0.7], [0.3, 0.2], [0.7, 0.1]]), cost=[False, True])
    assert out[2, 0] == 1.0 and out[0, 0] == 0.0
    assert out[2, 1] == 1.0 and out[0, 1] == 0.0
    assert not np.signbit(out).any()


def test_sum_rule():
    assert_allclose(sum_norm([1.0, 3.0]), [0.25, 0.75])
    assert_allclose(sum_norm([1.0, 3.0], cost=True), [0.75, 0.25])


def test_scale_rule():
    assert_allclose(scale([1.0, 2.0, 5.0], bounds=(1, 5)), [0.0, 0.25, 1.0])
    assert_allclose(scale([1.0, 2.0, 5.0], cost=True, bounds=(1, 5)), [1.0, 0.75, 0.0])


def test_none_rule_is_benefit_oriented():
    assert_array_equal(none([1.0, 2.0]), [1.0, 2.0])
    assert_array_equal(none([1.0, 2.0], cost=True), [-1.0, -2.0])


@pytest.mark.parametrize("name", NAMES)
def test_every_normalisation_is_benefit_oriented(name):
    x = np.array([3.0, 1.0, 2.0])
    assert np.argmax(NORMALIZATIONS[name](x)) == 0
    assert np.argmax(NORMALIZATIONS[name](x, cost=True)) == 1


# --------------------------------------------------------------------------
# edge policies: constant column, all-zero column, zeros in a cost column
# --------------------------------------------------------------------------
CONSTANT = {
    # name: (benefit, cost) for the column [2, 2, 2, 2]
    "vector": ([0.5] * 4, [0.5] * 4),
    "max": ([1.0] * 4, [1.0] * 4),
    "minmax": ([1.0] * 4, [1.0] * 4),
    "sum": ([0.25] * 4, [0.25] * 4),
    "none": ([2.0] * 4, [-2.0] * 4),
}


@pytest.mark.parametrize("name", NAMES)
def test_constant_column_policy(name):
    x = np.full(4, 2.0)
    benefit, cost = CONSTANT[name]
    assert_allclose(NORMALIZATIONS[name](x), benefit)
    assert_allclose(NORMALIZATIONS[name](x, cost=True), cost)


def test_constant_column_under_scale_is_absolute():
    assert_allclose(scale(np.full(3, 3.0), bounds=(1, 5)), [0.5] * 3)


ALL_ZERO = {
    "vector": ([0.0] * 3, [1.0] * 3),
    "max": ([0.0] * 3, [1.0] * 3),
    "minmax": ([1.0] * 3, [1.0] * 3),
    "sum": ([0.0] * 3, [1 / 3] * 3),
    "none": ([0.0] * 3, [0.0] * 3),
}


@pytest.mark.parametrize("name", NAMES)
def test_all_zero_column_policy(name):
    x = np.zeros(3)
    benefit, cost = ALL_ZERO[name]
    assert_allclose(NORMALIZATIONS[name](x), benefit)
    assert_allclose(NORMALIZATIONS[name](x, cost=True), cost)


def test_max_cost_with_a_zero_gives_the_zero_full_marks():
    # limit of min / x as min -> 0
    assert_array_equal(max_norm([0.0, 2.0, 4.0], cost=True), [1.0, 0.0, 0.0])


def test_sum_cost_with_zeros_shares_one_among_the_zeros():
    assert_array_equal(sum_norm([0.0, 2.0, 0.0], cost=True), [0.5, 0.0, 0.5])


@pytest.mark.parametrize("name", ["vector", "minmax", "none"])
def test_zeros_in_cost_column_are_ordinary(name):
    out = NORMALIZATIONS[name](np.array([0.0, 1.0, 2.0]), cost=True)
    assert np.all(np.isfinite(out))
    assert np.argmax(out) == 0


def test_scale_zero_in_cost_column_is_ordinary():
    assert_allclose(scale([0.0, 5.0], cost=True, bounds=(0, 10)), [1.0, 0.5])


@pytest.mark.parametrize("x", [[1e200, 1e200], [1e-200, 1e-200], [1e-300, 1e-300]])
def test_vector_norm_survives_overflow_and_underflow(x):
    assert_allclose(vector(x), [2 ** -0.5] * 2, rtol=1e-12)


def test_sum_cost_survives_tiny_values():
    out = sum_norm([1e-300, 5e-324], cost=True)
    assert np.all(np.isfinite(out)) and out.sum() == pytest.approx(1.0)


# --------------------------------------------------------------------------
# vectorised over columns; pymcdm compatibility
# --------------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_matrix_equals_column_by_column(name, rng):
    X = rng.uniform(0.5, 10, size=(7, 5))
    cost = np.array([False, True, False, True, True])
    out = NORMALIZATIONS[name](X, cost)
    for j in range(5):
        assert_allclose(out[:, j], NORMALIZATIONS[name](X[:, j], cost=bool(cost[j])), rtol=1e-14)


def test_scale_matrix_with_per_column_bounds():
    X = np.array([[1.0, 0.0], [5.0, 50.0]])
    out = scale(X, cost=[False, True], bounds=[(1, 5), (0, 100)])
    assert_allclose(out, [[0.0, 1.0], [1.0, 0.5]])


def _pymcdm():
    from pymcdm import helpers, normalizations
    return helpers, normalizations


@pytest.mark.parametrize("ours, theirs_benefit, theirs_cost", [
    ("vector", "vector_normalization", "vector_normalization"),
    ("minmax", "minmax_normalization", "minmax_normalization"),
    ("max", "max_normalization", "linear_normalization"),
    ("sum", "sum_normalization", "sum_normalization"),
])
def test_same_rule_as_pymcdm(ours, theirs_benefit, theirs_cost, rng):
    _, pn = _pymcdm()
    x = rng.uniform(1, 100, size=9)
    assert_allclose(NORMALIZATIONS[ours](x), getattr(pn, theirs_benefit)(x, cost=False), rtol=1e-13)
    assert_allclose(NORMALIZATIONS[ours](x, cost=True), getattr(pn, theirs_cost)(x, cost=True), rtol=1e-13)


@pytest.mark.parametrize("name", NAMES)
def test_usable_as_pymcdm_normalization_function(name, rng):
    helpers, _ = _pymcdm()
    X = rng.uniform(1, 10, size=(6, 4))
    types = np.array([1, -1, 1, -1])
    assert_allclose(helpers.normalize_matrix(X, NORMALIZATIONS[name], types),
                    normalize(X, types, name), rtol=1e-14)


def test_make_scale_is_usable_by_pymcdm():
    helpers, _ = _pymcdm()
    X = np.array([[1.0, 2.0], [3.0, 5.0]])
    funcs = [make_scale((1, 5)), make_scale((0, 10))]
    assert_allclose(helpers.normalize_matrix(X, funcs, [1, -1]), [[0.0, 0.8], [0.5, 0.5]])


def test_normalize_uses_types_and_returns_new_array():
    X = np.array([[1.0, 10.0], [3.0, 30.0]])
    out = normalize(X, [1, -1], "max")
    assert_allclose(out, [[1 / 3, 1.0], [1.0, 1 / 3]])
    assert out is not X and not np.shares_memory(out, X)


def test_normalize_scale_with_bounds():
    out = normalize([[1, 0], [5, 100]], [1, -1], "scale", bounds=[(1, 5), (0, 100)])
    assert_allclose(out, [[0.0, 1.0], [1.0, 0.0]])


def test_a_foreign_normalisation_error_becomes_an_mcda_error():
    _, pn = _pymcdm()
    with pytest.raises(MCDAError, match="normalisation 'sum_normalization' failed.*positive"):
        normalize([[0.0, 1.0], [1.0, 2.0]], [1, 1], pn.sum_normalization)


def test_a_registry_function_passed_as_callable_keeps_its_name():
    from mcda.normalization import resolve
    assert resolve(max_norm) == ("max", max_norm)
    with pytest.raises(MCDAError, match="vendor 'B'"):
        normalize([[1.0], [-1.0]], [1], max_norm, vendors=["A", "B"])


def test_normalize_accepts_a_callable():
    out = normalize([[1.0, 2.0], [3.0, 4.0]], [1, 1], lambda x, cost=False: x / 2)
    assert_allclose(out, [[0.5, 1.0], [1.5, 2.0]])


# --------------------------------------------------------------------------
# errors
# --------------------------------------------------------------------------
def test_unknown_normalisation_lists_the_known_ones():
    with pytest.raises(MCDAError, match="unknown normalisation 'l2'.*max.*minmax.*scale.*vector"):
        normalize([[1.0]], [1], "l2")


@pytest.mark.parametrize("name", ["max", "sum"])
def test_negative_value_in_ratio_normalisation_names_the_cell(name):
    with pytest.raises(MCDAError, match=r"row 1 \(vendor 'B'\), column 0 \(criterion 'Revenue'\) = -3"):
        normalize([[1.0, 2.0], [-3.0, 1.0]], [1, 1], name, vendors=["A", "B"],
                  criteria=["Revenue", "Cost"])
    with pytest.raises(MCDAError, match=r"row 1 = -3"):
        NORMALIZATIONS[name]([1.0, -3.0])


@pytest.mark.parametrize("name", NAMES)
def test_nan_names_the_cell(name):
    with pytest.raises(MCDAError, match=r"row 0 \(vendor 'A'\), column 1 \(criterion 'SLA'\) = nan"):
        normalize([[1.0, np.nan], [2.0, 3.0]], [1, 1], name, vendors=["A", "B"], criteria=["Fee", "SLA"])
    with pytest.raises(MCDAError, match="finite"):
        NORMALIZATIONS[name]([1.0, np.inf])


def test_scale_needs_bounds():
    with pytest.raises(MCDAError, match="needs the criteria's bounds"):
        scale([1.0, 2.0])
    with pytest.raises(MCDAError, match="needs the criteria's bounds"):
        normalize([[1.0], [2.0]], [1], "scale")


def test_scale_value_outside_bounds_names_the_cell():
    with pytest.raises(MCDAError, match=r"vendor 'B'\), column 0 \(criterion 'Service'\) = 6 \(bounds 1..5\)"):
        normalize([[1.0], [6.0]], [1], "scale", bounds=(1, 5), vendors=["A", "B"], criteria=["Service"])


@pytest.mark.parametrize("bounds", [(5, 1), (1, 1), (0, np.inf), [(1, 5)] * 3])
def test_bad_bounds(bounds):
    with pytest.raises(MCDAError, match="bounds"):
        normalize([[1.0, 2.0], [2.0, 3.0]], [1, 1], "scale", bounds=bounds)


def test_bounds_for_another_normalisation_is_an_error():
    with pytest.raises(MCDAError, match="only used by the 'scale'"):
        normalize([[1.0]], [1], "max", bounds=(0, 1))


def test_cost_must_be_bools_not_types():
    with pytest.raises(MCDAError, match="types_to_cost"):
        vector(np.ones((2, 2)), cost=[1, -1])
    with pytest.raises(MCDAError, match="one bool or 2 bools"):
        vector(np.ones((2, 2)), cost=[True, False, True])


def test_types_to_cost():
    assert_array_equal(types_to_cost([1, -1]), [False, True])
    with pytest.raises(MCDAError, match=r"criterion 'Fee': 0"):
        types_to_cost([1, 0], criteria=["SLA", "Fee"])
    with pytest.raises(MCDAError, match="expected 3 criterion types"):
        types_to_cost([1, -1], m=3)


@pytest.mark.parametrize("bad", [np.ones((2, 2, 2)), np.ones((0, 2)), [["a", "b"]]])
def test_bad_shapes_or_content(bad):
    with pytest.raises(MCDAError):
        vector(bad)


def test_normalize_rejects_a_column():
    with pytest.raises(MCDAError, match="2-D"):
        normalize([1.0, 2.0], [1], "max")


# --------------------------------------------------------------------------
# property: scale is absolute measurement
# --------------------------------------------------------------------------
values = st.floats(0.0, 10.0, allow_nan=False)


@settings(max_examples=100, deadline=None)
@given(X=hnp.arrays(float, st.tuples(st.integers(2, 8), st.integers(1, 4)), elements=values),
       new=st.data(), cost=st.data())
def test_scale_never_reorders_existing_vendors_when_one_is_added(X, new, cost):
    from mcda.methods import wsm

    m = X.shape[1]
    types = np.array(cost.draw(st.lists(st.sampled_from([1, -1]), min_size=m, max_size=m)))
    row = np.array(new.draw(st.lists(values, min_size=m, max_size=m)))
    w = np.full(m, 1.0 / m)
    bounds = (0.0, 10.0)
    before = normalize(X, types, "scale", bounds=bounds)
    after = normalize(np.vstack([X, row]), types, "scale", bounds=bounds)
    assert_array_equal(after[:-1], before)  # absolute: existing vendors' values unchanged
    s0 = wsm(X, w, types, "scale", bounds=bounds)
    s1 = wsm(np.vstack([X, row]), w, types, "scale", bounds=bounds)[:-1]
    assert_array_equal(np.argsort(s0, kind="stable"), np.argsort(s1, kind="stable"))
