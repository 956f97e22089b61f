"""What each role sees (pure functions over a scenario): cut-down scenarios and the anonymous spread."""
from __future__ import annotations

import pytest

from mcda.committee.views import pair_key, score_key, spread, visible_scenario

from .conftest import small_scenario


@pytest.fixture(scope="module")
def scenario():
    return small_scenario()


def test_the_moderator_sees_everything_a_member_only_themselves_an_observer_no_one(scenario):
    assert visible_scenario(scenario, "moderator") == scenario
    mine = visible_scenario(scenario, "member", "it_sec")
    assert ([m.id for m in mine.members], set(mine.judgments), set(mine.scores)) == (["it_sec"], {"it_sec"}, {"it_sec"})
    assert mine.judgments["it_sec"] == scenario.judgments["it_sec"] and mine.criteria == scenario.criteria
    nobody = visible_scenario(scenario, "observer", "auditor")
    assert (nobody.members, nobody.judgments, nobody.scores) == ([], {}, {})
    assert visible_scenario(scenario, "member", "stranger").members == []


def test_the_spread_flags_deadlocks_and_outliers_without_names(scenario):
    by = {s.target: s for s in spread(scenario)}
    goal = by[pair_key("goal", "quality", "cost")]  # cost over quality: 1/3, 2, 1/4 (ids sorted: cost first)
    assert goal.values == pytest.approx((0.25, 1 / 3, 2.0)) and goal.deadlock and goal.median == pytest.approx(1 / 3)
    assert goal.outliers == 1  # 2 is a factor 6 from the median
    cost = by[pair_key("cost", "cost.fee", "cost.extra")]
    assert len(cost.values) == 2 and not cost.deadlock  # fin_mgr did not answer
    fee = by[score_key("huaxin", "cost.fee")]
    assert fee.values == (300000.0, 400000.0, 500000.0) and fee.outliers == 0
    assert not any(isinstance(v, str) for s in by.values() for v in s.values)
