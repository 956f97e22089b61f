"""The method registry, run_method, lazy pymcdm import, cross-method properties and bad inputs."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

import mcda.methods as M
from mcda.errors import MCDAError
from mcda.methods import METHODS, MethodResult, run_method
from mcda.normalization import NORMALIZATIONS

ALL = ["topsis", "wsm", "wpm", "ahp_ideal", "ahp_distributive", "vikor", "promethee_ii"]
X3 = [[1.0, 3000.0], [2.0, 3750.0], [5.0, 4500.0]]


def test_registry_lists_the_methods_with_both_labels():
    assert list(METHODS) == ALL
    for name, spec in METHODS.items():
        assert spec.name == name
        assert spec.label_zh and spec.label_en and spec.reference
        assert spec.default_normalization is None or spec.default_normalization in NORMALIZATIONS
        assert (spec.default_normalization is None) == (spec.fixed_normalization is not None)
    assert METHODS["topsis"].default_normalization == "vector"
    assert METHODS["wsm"].default_normalization == "max"
    assert METHODS["vikor"].higher_is_better is False


def test_public_api_names():
    for name in ["topsis", "topsis_details", "wsm", "wpm", "vikor", "promethee_ii", "ahp_synthesis",
                 "rank", "agreement", "METHODS", "run_method", "MethodSpec", "MethodResult"]:
        assert name in M.__all__ and hasattr(M, name)


@pytest.mark.parametrize("name", ALL)
def test_run_method_returns_scores_ranks_and_normalisation(name):
    res = run_method(name, X3, [0.5, 0.5], [-1, 1], vendors=["A1", "A2", "A3"])
    assert isinstance(res, MethodResult)
    assert res.method == name and res.scores.shape == (3,) and res.ranks.dtype.kind == "i"
    assert isinstance(res.normalization, str) and res.normalization
    assert res.higher_is_better == METHODS[name].higher_is_better
    assert_allclose(res.scores, res.details.scores)
    assert_array_equal(res.ranks, M.rank(res.scores, higher_is_better=res.higher_is_better))
    with pytest.raises(ValueError):
        res.ranks[0] = 9


def test_run_method_matches_the_public_functions():
    w, t = [0.5, 0.5], [-1, 1]
    assert_allclose(run_method("topsis", X3, w, t).scores, M.topsis(X3, w, t))
    assert_allclose(run_method("wsm", X3, w, t).scores, M.wsm(X3, w, t))
    assert_allclose(run_method("wpm", X3, w, t).scores, M.wpm(X3, w, t))
    assert_allclose(run_method("ahp_ideal", X3, w, t).scores, M.ahp_synthesis(X3, w, t, "ideal"))
    assert_allclose(run_method("ahp_distributive", X3, w, t).scores,
                    M.ahp_synthesis(X3, w, t, "distributive"))
    assert_allclose(run_method("vikor", X3, w, t, v=0.3).scores, M.vikor(X3, w, t, v=0.3).Q)
    assert_allclose(run_method("promethee_ii", X3, w, t).scores, M.promethee_ii(X3, w, t))


def test_run_method_records_the_normalisation_used():
    assert run_method("topsis", X3, [0.5, 0.5], [-1, 1]).normalization == "vector"
    assert run_method("topsis", X3, [0.5, 0.5], [-1, 1], "minmax").normalization == "minmax"
    assert run_method("ahp_distributive", X3, [0.5, 0.5], [-1, 1]).normalization.startswith("sum")
    res = run_method("promethee_ii", X3, [0.5, 0.5], [-1, 1], preference_function="vshape", p=[4, 1500])
    assert "vshape" in res.normalization
    res = run_method("wsm", [[1, 2], [5, 4]], [0.5, 0.5], [1, -1], "scale", bounds=(1, 5))
    assert res.normalization == "scale"
    assert_allclose(res.scores, [0.5 * 0 + 0.5 * 0.75, 0.5 * 1 + 0.5 * 0.25])


def test_vikor_ranks_lowest_q_first():
    res = run_method("vikor", X3, [0.5, 0.5], [-1, 1])
    assert_array_equal(res.ranks, [2, 1, 2])


@pytest.mark.parametrize("call, message", [
    (lambda: run_method("electre", X3, [0.5, 0.5], [-1, 1]), "unknown method 'electre'.*topsis"),
    (lambda: run_method("topsis", X3, [0.5, 0.5], [-1, 1], v=0.5), "does not take option.*v.*bounds"),
    (lambda: run_method("vikor", X3, [0.5, 0.5], [-1, 1], "vector"), "fixes its own normalisation"),
    (lambda: run_method("ahp_ideal", X3, [0.5, 0.5], [-1, 1], "sum"), "fixes its own normalisation"),
    (lambda: run_method("wsm", X3, [0.5, 0.5], [-1, 1], "zscore"), "unknown normalisation 'zscore'"),
])
def test_run_method_errors(call, message):
    with pytest.raises(MCDAError, match=message):
        call()


def test_importing_and_running_local_methods_does_not_import_pymcdm():
    code = textwrap.dedent("""
        import sys
        import mcda.methods, mcda.normalization, mcda.engine.scores, mcda.engine.explain
        X, w, t = [[1, 2], [2, 1], [3, 4]], [0.5, 0.5], [1, -1]
        mcda.methods.topsis(X, w, t)
        mcda.methods.topsis_details(X, w, t, "minmax")
        mcda.methods.wsm(X, w, t)
        mcda.methods.ahp_synthesis(X, w, t, "ideal")
        mcda.methods.ahp_synthesis(X, w, t, "distributive")
        for name in ("topsis", "wsm", "ahp_ideal", "ahp_distributive"):
            mcda.methods.run_method(name, X, w, t)
        mcda.methods.rank([0.1, 0.2])
        assert "pymcdm" not in sys.modules, "pymcdm was imported"
        assert "matplotlib" not in sys.modules, "matplotlib was imported"
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


# --------------------------------------------------------------------------
# properties across every method
# --------------------------------------------------------------------------
@st.composite
def problems(draw, likert: bool = False):
    n = draw(st.integers(2, 7))
    m = draw(st.integers(1, 4))
    cell = st.integers(1, 5).map(float) if likert else st.floats(0.5, 10.0)
    X = np.array(draw(st.lists(st.lists(cell, min_size=m, max_size=m), min_size=n, max_size=n)))
    w = np.array(draw(st.lists(st.floats(0.05, 1.0), min_size=m, max_size=m)))
    t = np.array(draw(st.lists(st.sampled_from([1, -1]), min_size=m, max_size=m)))
    return X, w / w.sum(), t


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=problems(), column=st.integers(0, 3), data=st.data())
def test_a_vendor_that_dominates_all_others_ranks_first_in_every_method(problem, column, data):
    X, w, t = problem
    j = column % X.shape[1]
    best = np.where(t > 0, X.max(axis=0), X.min(axis=0))
    best[j] = best[j] * 1.25 if t[j] > 0 else best[j] * 0.8  # strictly better on criterion j
    i = data.draw(st.integers(0, X.shape[0] - 1))
    X[i] = best
    for name in ALL:
        res = run_method(name, X, w, t)
        assert res.ranks[i] == 1, (name, res.scores)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=problems(likert=True), data=st.data())
def test_permuting_vendors_permutes_ranks(problem, data):
    X, w, t = problem
    perm = np.array(data.draw(st.permutations(range(X.shape[0]))))
    for name in ALL:
        if name in ("wsm", "wpm", "topsis") and data.draw(st.booleans()):
            kwargs = {"normalization": "minmax"}
        else:
            kwargs = {}
        a = run_method(name, X, w, t, **kwargs).ranks
        b = run_method(name, X[perm], w, t, **kwargs).ranks
        assert_array_equal(b, a[perm], err_msg=name)


# --------------------------------------------------------------------------
# bad inputs, every method
# --------------------------------------------------------------------------
@pytest.mark.parametrize("name", ALL)
def test_nan_cell_is_named(name):
    X = [[1.0, 2.0], [np.nan, 3.0], [2.0, 1.0]]
    with pytest.raises(MCDAError, match=r"row 1 \(vendor 'Beta'\), column 0 \(criterion 'Fee'\) = nan"):
        run_method(name, X, [0.5, 0.5], [-1, 1], vendors=["Alpha", "Beta", "Gamma"], criteria=["Fee", "SLA"])


@pytest.mark.parametrize("name", ["wsm", "wpm", "ahp_ideal", "ahp_distributive"])
def test_negative_value_where_a_ratio_is_needed_names_the_cell(name):
    X = [[1.0, 2.0], [3.0, -0.5]]
    with pytest.raises(MCDAError, match=r"row 1 \(vendor 'B'\), column 1 \(criterion 'SLA'\) = -0.5"):
        run_method(name, X, [0.5, 0.5], [1, 1], vendors=["A", "B"], criteria=["Fee", "SLA"])


@pytest.mark.parametrize("name", ["topsis", "vikor", "promethee_ii"])
def test_negative_values_are_fine_where_no_ratio_is_needed(name):
    res = run_method(name, [[-1.0, 2.0], [3.0, -0.5], [0.0, 0.0]], [0.5, 0.5], [1, -1])
    assert np.all(np.isfinite(res.scores))


@pytest.mark.parametrize("name", ALL)
def test_constant_column_gives_finite_scores_and_changes_nothing(name):
    X = np.array([[1.0, 7.0, 3000.0], [2.0, 7.0, 3750.0], [5.0, 7.0, 4500.0]])
    with_const = run_method(name, X, [0.4, 0.2, 0.4], [-1, 1, 1])
    without = run_method(name, X[:, [0, 2]], [0.4, 0.4], [-1, 1])
    assert np.all(np.isfinite(with_const.scores))
    assert_array_equal(with_const.ranks, without.ranks)


@pytest.mark.parametrize("name", ALL)
def test_single_vendor_ranks_first(name):
    res = run_method(name, [[3.0, 4.0]], [0.5, 0.5], [1, -1])
    assert_array_equal(res.ranks, [1])
    assert np.all(np.isfinite(res.scores))


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("weights, types, message", [
    ([0.0, 0.0], [1, 1], "must not all be zero"),
    ([0.5, 0.3, 0.2], [1, 1], r"expected 2 weights \(one per criterion\); found shape \(3,\)"),
    ([0.5], [1, 1], "expected 2 weights"),
    ([0.5, -0.5], [1, 1], r"finite and >= 0; found column 1 = -0.5"),
    ([0.5, np.nan], [1, 1], "finite and >= 0"),
    ([0.5, 0.5], [1, 0], r"\+1 \(benefit\) or -1 \(cost\); found column 1: 0"),
    ([0.5, 0.5], [1], "expected 2 criterion types"),
    (None, [1, 1], "expected 2 weights .*found None"),
    ([0.5, 0.5], None, "types must be a 1-D sequence"),
])
def test_bad_weights_and_types(name, weights, types, message):
    with pytest.raises(MCDAError, match=message):
        run_method(name, [[1.0, 2.0], [2.0, 1.0]], weights, types)


@pytest.mark.parametrize("matrix, message", [
    ([1.0, 2.0], "must be 2-D"),
    (np.zeros((0, 2)), "at least one vendor"),
    ([["a", "b"], ["c", "d"]], "must be numeric"),
    ([[1.0, np.inf], [1.0, 2.0]], "= inf"),
])
def test_bad_matrix(matrix, message):
    with pytest.raises(MCDAError, match=message):
        run_method("topsis", matrix, [0.5, 0.5], [1, 1])


cells = st.one_of(st.floats(-5, 5), st.sampled_from([0.0, np.nan, np.inf, -np.inf, 1e300]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), n=st.integers(1, 5), m=st.integers(1, 3))
def test_any_input_gives_finite_results_or_an_mcda_error(data, n, m):
    X = np.array(data.draw(st.lists(st.lists(cells, min_size=m, max_size=m), min_size=n, max_size=n)))
    w = np.array(data.draw(st.lists(st.one_of(st.floats(0, 1), st.just(-0.1)), min_size=m, max_size=m)))
    t = np.array(data.draw(st.lists(st.sampled_from([1, -1]), min_size=m, max_size=m)))
    name = data.draw(st.sampled_from(ALL))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no RuntimeWarning (0/0, overflow) from our code either
        try:
            res = run_method(name, X, w, t)
        except MCDAError:
            return
    assert np.all(np.isfinite(res.scores)), (name, X, w, t, res.scores)
    assert res.ranks.min() == 1 and res.ranks.max() <= n


def test_overflow_is_an_mcda_error_not_a_nan():
    with pytest.raises(MCDAError, match="too large or too small"):
        run_method("topsis", [[-1e308, 1.0], [1e308, 2.0]], [0.5, 0.5], [1, 1], "minmax")


def test_label_length_mismatch():
    with pytest.raises(MCDAError, match="expected 2 vendor labels"):
        run_method("wsm", [[1.0, 2.0], [2.0, 1.0]], [0.5, 0.5], [1, 1], vendors=["only one"])


def test_errors_are_value_errors():
    with pytest.raises(ValueError):
        M.topsis([[1.0]], [0.0], [1])
