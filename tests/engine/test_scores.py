"""aggregate_scores: members' scores -> decision matrix."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose, assert_array_equal

from mcda.engine.scores import AGGREGATION_RULES, MISSING_POLICIES, aggregate_scores
from mcda.errors import MCDAError

nan = np.nan
MEMBERS = ["Li", "Wang", "Zhao"]
VENDORS = ["Acme", "Beta"]
CRITERIA = ["Fee", "SLA"]


def one_cell(values, weights=None, rule="mean", missing="skip"):
    """Aggregate the scores of K members on a single vendor x criterion cell."""
    s = np.asarray(values, dtype=float).reshape(-1, 1, 1)
    return aggregate_scores(s, weights, rule, missing).matrix[0, 0]


def test_registries():
    assert set(AGGREGATION_RULES) == {"mean", "median", "geometric_mean", "trimmed_mean"}
    assert MISSING_POLICIES == ("error", "skip", "impute_median")


# --------------------------------------------------------------------------
# rules
# --------------------------------------------------------------------------
def test_weighted_mean():
    assert one_cell([2, 4, 9], [1, 1, 2]) == pytest.approx((2 + 4 + 18) / 4)


def test_mean_renormalises_weights_over_those_who_scored():
    assert one_cell([2, nan, 9], [1, 1, 2]) == pytest.approx((2 + 18) / 3)


def test_median_equal_weights_is_the_usual_median():
    assert one_cell([5, 1, 3], rule="median") == 3
    assert one_cell([5, 1, 3, 4], rule="median") == 3.5


def test_weighted_median_definition():
    # cumulative weights 1, 3, 4 of 4: first >= 2 is the score 3
    assert one_cell([4, 2, 3], [1, 1, 2], rule="median") == 3
    # a member holding more than half the weight decides
    assert one_cell([1, 2, 9], [1, 1, 3], rule="median") == 9
    # exactly half at a score: mean of it and the next one
    assert one_cell([1, 2, 9], [1, 1, 2], rule="median") == 5.5


def test_median_ignores_missing():
    assert one_cell([nan, 2, 4, nan, 3], rule="median") == 3


def test_weighted_geometric_mean():
    assert one_cell([2, 8], rule="geometric_mean") == pytest.approx(4.0)
    assert one_cell([2, 8], [1, 3], rule="geometric_mean") == pytest.approx(2 ** 2.5)
    assert one_cell([2, nan, 8], [1, 5, 3], rule="geometric_mean") == pytest.approx(2 ** 2.5)


@pytest.mark.parametrize("bad", [0.0, -1.0])
def test_geometric_mean_needs_positive_scores(bad):
    s = np.array([[[3.0, 2.0], [1.0, 1.0]], [[1.0, bad], [1.0, 1.0]]])
    with pytest.raises(MCDAError, match=rf"member 'Wang' for vendor 'Acme' on criterion 'SLA' = {bad:g}"):
        aggregate_scores(s, rule="geometric_mean", members=MEMBERS[:2], vendors=VENDORS, criteria=CRITERIA)


def test_zero_weight_member_counts_but_does_not_vote():
    s = np.array([[[1.0]], [[5.0]]])
    res = aggregate_scores(s, [1.0, 0.0])
    assert res.matrix[0, 0] == 1.0
    assert res.counts[0, 0] == 2 and res.coverage[0, 0] == 1.0


def test_equal_weights_by_default():
    s = np.array([[[1.0]], [[3.0]]])
    assert aggregate_scores(s).matrix[0, 0] == 2.0


# --------------------------------------------------------------------------
# missing-score policies
# --------------------------------------------------------------------------
SCORES = np.array([
    [[3.0, 4.0], [2.0, nan]],     # Li
    [[5.0, nan], [4.0, 3.0]],     # Wang
    [[4.0, 2.0], [nan, 5.0]],     # Zhao
])


def test_error_policy_names_every_missing_score():
    with pytest.raises(MCDAError) as exc:
        aggregate_scores(SCORES, [1, 1, 2], members=MEMBERS, vendors=VENDORS, criteria=CRITERIA)
    msg = str(exc.value)
    assert "found 3 missing" in msg
    for text in ["member 'Li' for vendor 'Beta' on criterion 'SLA'",
                 "member 'Wang' for vendor 'Acme' on criterion 'SLA'",
                 "member 'Zhao' for vendor 'Beta' on criterion 'Fee'"]:
        assert text in msg


def test_error_policy_without_missing_scores():
    full = np.nan_to_num(SCORES, nan=3.0)
    res = aggregate_scores(full, [1, 1, 2])
    assert res.missing == () and not res.imputed.any()
    assert_allclose(res.coverage, 1.0)


def test_skip_policy_coverage_counts_and_missing_list():
    res = aggregate_scores(SCORES, [1, 1, 2], missing="skip")
    assert_allclose(res.matrix, [[(3 + 5 + 8) / 4, (4 + 4) / 3], [(2 + 4) / 2, (3 + 10) / 3]])
    assert_allclose(res.coverage, [[1.0, 0.75], [0.5, 0.75]])
    assert_array_equal(res.counts, [[3, 2], [2, 2]])
    assert res.missing == ((0, 1, 1), (1, 0, 1), (2, 1, 0))
    assert (res.rule, res.missing_policy) == ("mean", "skip")
    with pytest.raises(ValueError):
        res.matrix[0, 0] = 0


def test_skip_policy_cell_nobody_scored_is_an_error():
    s = SCORES.copy()
    s[:, 1, 0] = nan
    with pytest.raises(MCDAError, match="no member with a vote scored 1 cell.*vendor 'Beta' on criterion 'Fee'"):
        aggregate_scores(s, missing="skip", vendors=VENDORS, criteria=CRITERIA)


def test_only_zero_weight_scorers_count_as_nobody():
    s = np.array([[[1.0], [2.0]], [[nan], [4.0]]])
    with pytest.raises(MCDAError, match="vendor 0 on criterion 0"):
        aggregate_scores(s, [0.0, 1.0], missing="skip")


def test_impute_median_fills_and_flags_the_cell():
    s = np.array([
        [[1.0, 5.0], [3.0, 5.0], [nan, 5.0], [8.0, 5.0]],
        [[1.0, 5.0], [3.0, 5.0], [nan, 5.0], [8.0, 5.0]],
    ])
    res = aggregate_scores(s, missing="impute_median")
    assert res.matrix[2, 0] == 3.0  # median of 1, 3, 8 over the other vendors
    assert_array_equal(res.imputed, [[False, False], [False, False], [True, False], [False, False]])
    assert res.coverage[2, 0] == 0.0 and res.counts[2, 0] == 0


def test_impute_median_criterion_nobody_scored_is_an_error():
    s = SCORES.copy()
    s[:, :, 1] = nan
    with pytest.raises(MCDAError, match="cannot impute.*criterion 'SLA'"):
        aggregate_scores(s, missing="impute_median", criteria=CRITERIA)


# --------------------------------------------------------------------------
# bad inputs
# --------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, message", [
    (dict(scores=np.ones((2, 2))), r"shape \(members, vendors, criteria\)"),
    (dict(scores=np.ones((0, 2, 2))), "none empty"),
    (dict(scores=[[["x"]]]), "numeric"),
    (dict(member_weights=[1, 1]), "expected 3 member weights"),
    (dict(member_weights=[1, -1, 1]), "member 'Wang' = -1"),
    (dict(member_weights=[0, 0, 0]), "must not all be zero"),
    (dict(rule="mode"), "unknown aggregation rule 'mode'"),
    (dict(missing="drop"), "unknown missing-score policy 'drop'"),
    (dict(vendors=["only"]), "expected 2 vendor labels"),
])
def test_bad_inputs(kwargs, message):
    args = dict(scores=np.ones((3, 2, 2)), member_weights=None, members=MEMBERS)
    args.update(kwargs)
    with pytest.raises(MCDAError, match=message):
        aggregate_scores(args.pop("scores"), **args)


def test_infinite_score_is_named():
    s = np.ones((3, 2, 2))
    s[2, 0, 1] = np.inf
    with pytest.raises(MCDAError, match="member 'Zhao' for vendor 'Acme' on criterion 'SLA' = inf"):
        aggregate_scores(s, members=MEMBERS, vendors=VENDORS, criteria=CRITERIA)


def test_overflow_is_an_error():
    s = np.full((2, 1, 1), 1e308)
    with pytest.raises(MCDAError, match="overflowed.*vendor 'Acme' on criterion 'Fee'"):
        aggregate_scores(s, vendors=VENDORS[:1], criteria=CRITERIA[:1])


# --------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------
full_scores = hnp.arrays(float, st.tuples(st.integers(1, 5), st.integers(1, 3), st.integers(1, 3)),
                         elements=st.floats(1.0, 10.0))


@settings(max_examples=100, deadline=None)
@given(s=full_scores)
def test_equal_weights_reduce_to_numpy(s):
    assert_allclose(aggregate_scores(s).matrix, s.mean(axis=0), rtol=1e-12)
    assert_allclose(aggregate_scores(s, rule="median").matrix, np.median(s, axis=0), rtol=1e-12)
    assert_allclose(aggregate_scores(s, rule="geometric_mean").matrix,
                    np.exp(np.log(s).mean(axis=0)), rtol=1e-12)


@settings(max_examples=100, deadline=None)
@given(s=full_scores, data=st.data())
def test_rules_stay_within_the_scores_and_ignore_member_order(s, data):
    K = s.shape[0]
    w = np.array(data.draw(st.lists(st.floats(0.1, 5.0), min_size=K, max_size=K)))
    perm = np.array(data.draw(st.permutations(range(K))))
    for rule in AGGREGATION_RULES:
        m = aggregate_scores(s, w, rule).matrix
        assert np.all(m >= s.min(axis=0) - 1e-12) and np.all(m <= s.max(axis=0) + 1e-12)
        assert_allclose(aggregate_scores(s[perm], w[perm], rule).matrix, m, rtol=1e-12)


# ---------------------------------------------- issue 11 item 11: a cell stays in its members' range
@pytest.mark.parametrize("rule", sorted(AGGREGATION_RULES))
def test_equal_scores_aggregate_to_exactly_that_score(rule):
    """5 and 5 with weights 0.6 / 0.3 gave 5.000000000000001 before the clip."""
    assert aggregate_scores([[[5.0]], [[5.0]]], [0.6, 0.3], rule=rule).matrix.tolist() == [[5.0]]


@settings(max_examples=200, deadline=None)
@given(weights=hnp.arrays(np.float64, st.integers(1, 6), elements=st.floats(1e-3, 1e3)),
       rule=st.sampled_from(sorted(AGGREGATION_RULES)), at_top=st.booleans(),
       others=hnp.arrays(np.float64, 3, elements=st.floats(1, 5)))
def test_scale_normalised_ranking_of_aggregated_scores_at_the_bound_works(weights, rule, at_top, others):
    """Identical member scores at the scale's bound, random member weights: the aggregated cell is the
    bound exactly, and the ``scale`` normalisation ranks the result instead of refusing it."""
    from mcda.methods import run_method

    bound = 5.0 if at_top else 1.0
    k = weights.size
    S = np.empty((k, 4, 1))
    S[:, 0, 0] = bound
    S[:, 1:, 0] = others  # every member gives the other vendors the same scores
    agg = aggregate_scores(S, weights, rule=rule)
    assert agg.matrix[0, 0] == bound
    assert (agg.matrix >= 1).all() and (agg.matrix <= 5).all()
    res = run_method("wsm", agg.matrix, [1.0], [1], "scale", bounds=[(1.0, 5.0)])
    assert res.details.normalized[0, 0] == (1.0 if at_top else 0.0)


@settings(max_examples=200, deadline=None)
@given(S=hnp.arrays(np.float64, st.tuples(st.integers(1, 5), st.just(2), st.just(2)), elements=st.floats(0.01, 1e6)),
       rule=st.sampled_from(sorted(AGGREGATION_RULES)))
def test_an_aggregated_cell_lies_within_its_members_range(S, rule):
    w = np.linspace(0.1, 1.0, S.shape[0])
    m = aggregate_scores(S, w, rule=rule).matrix
    assert (m >= S.min(axis=0)).all() and (m <= S.max(axis=0)).all()
