"""Tender scoring rules (mcda.engine.tender_scoring): trimmed mean, low-price-priority price score, notes."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tender_fixture import load, tender  # noqa: E402

from mcda.engine import decision_problem, evaluate  # noqa: E402
from mcda.engine.scores import aggregate_scores  # noqa: E402
from mcda.engine.tender_scoring import low_price_priority, weighted_trimmed_mean  # noqa: E402
from mcda.errors import MCDAError  # noqa: E402

scores_1_to_10 = st.lists(st.floats(1, 10, allow_nan=False), min_size=1, max_size=12)


def _trim(values, weights=None) -> float:
    S = np.asarray(values, float)[:, None, None]
    w = np.ones_like(S) if weights is None else np.asarray(weights, float)[:, None, None]
    return float(weighted_trimmed_mean(S, w, w.sum(0))[0, 0])


def test_trimmed_mean_worked_example_drops_one_highest_and_one_lowest():
    """去掉一个最高分和一个最低分: seven members score 7, 8, 8, 9, 1, 10, 8.

    Drop 10 and 1; (7 + 8 + 8 + 9 + 8) / 5 = 40 / 5 = 8.0; the plain mean is 51 / 7 = 7.285714.
    Five members 6, 6, 6, 6, 9: drop one 9 and one 6 (one score each, ties or not): 18 / 3 = 6.0.
    Four members 7, 8, 9, 1 (fewer than five): nothing dropped, 25 / 4 = 6.25.
    """
    assert _trim([7, 8, 8, 9, 1, 10, 8]) == pytest.approx(8.0)
    assert aggregate_scores([[[x]] for x in (7, 8, 8, 9, 1, 10, 8)]).matrix[0, 0] == pytest.approx(51 / 7)
    assert _trim([6, 6, 6, 6, 9]) == pytest.approx(6.0)
    assert _trim([7, 8, 9, 1]) == pytest.approx(6.25)


def test_trimmed_mean_is_member_weighted_over_the_members_kept():
    """Five members 1, 2, 3, 4, 5 with weights 1, 1, 2, 1, 1: drop 1 and 5; (2 + 2 x 3 + 4) / 4 = 3.0;
    with weights 1, 3, 1, 1, 1: (3 x 2 + 3 + 4) / 5 = 2.6."""
    assert _trim([1, 2, 3, 4, 5], [1, 1, 2, 1, 1]) == pytest.approx(3.0)
    assert _trim([1, 2, 3, 4, 5], [1, 3, 1, 1, 1]) == pytest.approx(2.6)


def test_trimmed_mean_skips_missing_scores_and_counts_only_scorers():
    nan = np.nan
    s = [[[9]], [[1]], [[5]], [[5]], [[nan]], [[5]]]  # five scorers of six: drop 9 and 1
    res = aggregate_scores(s, rule="trimmed_mean", missing="skip")
    assert res.matrix[0, 0] == pytest.approx(5.0)
    s = [[[9]], [[1]], [[5]], [[nan]], [[nan]], [[5]]]  # four scorers: the mean, 20 / 4
    assert aggregate_scores(s, rule="trimmed_mean", missing="skip").matrix[0, 0] == pytest.approx(5.0)


@settings(max_examples=200, deadline=None)
@given(scores_1_to_10, st.lists(st.floats(0.1, 10), min_size=12, max_size=12))
def test_trimmed_mean_lies_between_min_and_max_and_is_the_mean_below_five(values, weights):
    w = weights[: len(values)]
    t = _trim(values, w)
    assert min(values) - 1e-9 <= t <= max(values) + 1e-9
    if len(values) < 5:
        assert t == pytest.approx(np.average(values, weights=w))


def test_low_price_priority_worked_example():
    """评标基准价 = lowest valid bid = 400,000; with 30 points: 400/400 x 30 = 30, 400/500 x 30 = 24,
    400/800 x 30 = 15."""
    np.testing.assert_allclose(low_price_priority([400_000, 500_000, 800_000], 30), [30, 24, 15])
    np.testing.assert_allclose(low_price_priority([400_000, 500_000, 800_000]), [1.0, 0.8, 0.5])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(1.0, 1e9, allow_nan=False), min_size=1, max_size=30))
def test_price_score_lies_in_0_1_and_is_1_for_the_lowest_bid(bids):
    p = low_price_priority(bids)
    assert np.all(p > 0) and np.all(p <= 1.0)
    assert p[int(np.argmin(bids))] == 1.0


def test_low_price_priority_refuses_zero_or_missing_bids():
    for bids in ([0, 1], [np.nan, 1], [-5, 3]):
        with pytest.raises(MCDAError, match="bid > 0"):
            low_price_priority(bids)


def _priced(data: dict, points=None) -> dict:
    fee = data["criteria"]["children"][1]
    fee["price"] = True
    if points is not None:
        fee["price_points"] = points
    return data


def test_a_price_criterion_is_scored_lowest_bid_over_bid_in_the_engine():
    """Bids A 500,000, B 400,000, C 800,000, 30 points: 24, 30, 15; a benefit column bounded 0..30."""
    p = decision_problem(load(_priced(tender(), 30)))
    np.testing.assert_allclose(p.matrix[:, 2], [24, 30, 15])
    assert p.types[2] == 1 and tuple(p.bounds[2]) == (0.0, 30.0)
    p = decision_problem(load(_priced(tender())))
    np.testing.assert_allclose(p.matrix[:, 2], [0.8, 1.0, 0.5])
    off = _priced(tender())
    off["settings"]["price_scoring"] = "scale"
    p = decision_problem(load(off))
    np.testing.assert_allclose(p.matrix[:, 2], [500_000, 400_000, 800_000])
    assert p.types[2] == -1


def test_the_base_price_is_the_lowest_bid_among_vendors_that_passed_the_gates():
    """B bids lowest (400,000) but fails the licence gate: the base is A's 500,000; A 1.0, C 500/800 = 0.625."""
    data = _priced(tender())
    data["scores"]["m1"]["B"]["licence"] = 0
    p = decision_problem(load(data))
    assert p.vendors == ("A", "C")
    np.testing.assert_allclose(p.matrix[:, 2], [1.0, 0.625])


def test_price_criterion_named_by_a_setting():
    p = decision_problem(load(tender(price_criterion="fee")))
    np.testing.assert_allclose(p.matrix[:, 2], [0.8, 1.0, 0.5])


def test_trimmed_fallback_and_price_band_notes():
    e = evaluate(load(tender(score_aggregation="trimmed_mean")))
    assert [n.code for n in e.notes] == ["rules.trimmed_fallback"]
    assert "9 of 9 score cells" in e.notes[0].text("en") and "平均分" in e.notes[0].text("zh")
    assert not [n for n in evaluate(load(tender(members=5, score_aggregation="trimmed_mean"))).notes]
    # fee's global weight is 1/4 (quality 3 : fee 1): inside 10 %-30 %
    gov = _priced(tender(members=5, procurement="cn_government"))
    assert not [n for n in evaluate(load(gov)).notes if n.code == "rules.price_band"]
    for m in gov["judgments"].values():
        m["nodes"]["goal"] = [{"a": "quality", "b": "fee", "value": 1}]
    notes = [n for n in evaluate(load(gov)).notes if n.code == "rules.price_band"]
    assert len(notes) == 1 and "50.0%" in notes[0].text("en") and "10%-30%" in notes[0].text("en")


def test_tied_extremes_drop_the_member_with_the_least_weight_whatever_the_order():
    """Scores 2, 1, 1, 2, 1 with weights 1, 1, 2, 1, 1: drop one 2 (weight 1) and the 1 of weight 1, keep
    2 (1), 1 (2), 1 (1): (2 + 2 + 1) / 4 = 1.25, in every member order."""
    values, weights = np.array([2, 1, 1, 2, 1.0]), np.array([1, 1, 2, 1, 1.0])
    for perm in ([0, 1, 2, 3, 4], [0, 2, 1, 3, 4], [4, 3, 2, 1, 0]):
        assert _trim(values[perm], weights[perm]) == pytest.approx(1.25)
