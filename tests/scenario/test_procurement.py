"""Procurement rules in the file format (mcda.scenario.procurement): located errors and linter warnings."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tender_fixture import load, tender  # noqa: E402

from mcda.errors import ScenarioError  # noqa: E402
from mcda.scenario.io import parse_scenario  # noqa: E402
from mcda.scenario.lint import lint  # noqa: E402


def _priced(data: dict) -> dict:
    data["criteria"]["children"][1]["price"] = True
    return data


def _messages(data: dict, lang: str = "en") -> list[str]:
    return [p.render(lang) for p in lint(load(data), lang)]


@pytest.mark.parametrize("members, warned", [(3, True), (4, True), (5, False), (6, True), (7, False)])
def test_cn_government_committee_has_five_or_more_members_and_an_odd_number(members, warned):
    msgs = _messages(_priced(tender(members=members, procurement="cn_government")))
    assert any("odd number" in m for m in msgs) == warned


def test_committee_size_is_not_checked_without_procurement_rules():
    assert not any("odd number" in m for m in _messages(_priced(tender(members=4))))


def test_cn_government_needs_a_price_criterion_scored_by_the_formula():
    assert any("needs a price criterion" in m for m in _messages(tender(members=5, procurement="cn_government")))
    assert not any("price" in m for m in _messages(_priced(tender(members=5, procurement="cn_government"))))
    data = _priced(tender(members=5, procurement="cn_government", price_scoring="scale"))
    assert any("low-price-priority" in m for m in _messages(data))
    assert any("低价优先法" in m for m in _messages(data, "zh"))


def test_trimmed_mean_with_fewer_than_five_members_is_a_warning():
    assert any("trimmed_mean" in m for m in _messages(tender(score_aggregation="trimmed_mean")))
    assert not any("trimmed_mean" in m for m in _messages(tender(members=5, score_aggregation="trimmed_mean")))


def test_a_price_criterion_must_be_a_numeric_cost_leaf():
    data = tender()
    data["criteria"]["children"][0]["children"][0]["price"] = True  # q1: an ordinal benefit criterion
    with pytest.raises(ScenarioError) as info:
        load(data)
    assert [p.path for p in info.value.problems] == ["criteria.children[0].children[0].price"]
    assert "数值型" in info.value.render("zh")


def test_price_points_without_price_and_an_unknown_price_setting_are_refused():
    data = tender(price_criterion="nope")
    data["criteria"]["children"][1]["price_points"] = 30
    with pytest.raises(ScenarioError) as info:
        load(data)
    assert {p.path for p in info.value.problems} == {"criteria.children[1].price_points", "settings.price_criterion"}


def test_a_gate_must_be_a_leaf_and_the_goal_needs_a_scored_criterion():
    data = tender()
    data["criteria"]["children"] = data["criteria"]["children"][2:]  # only the gates remain
    for m in data["judgments"].values():
        m["nodes"] = {}
    for per_vendor in data["scores"].values():
        for cells in per_vendor.values():
            for k in ("q1", "q2", "fee"):
                cells.pop(k)
    with pytest.raises(ScenarioError, match="only gates"):
        load(data)
    data = tender()
    data["criteria"]["children"][2]["kind"] = "gate"  # a group marked as a gate
    with pytest.raises(ScenarioError, match="must be a leaf"):
        load(data)


def test_new_fields_at_their_defaults_are_not_written():
    s = load(tender(gates=False))
    dumped = s.model_dump(mode="json")
    assert not {"gate_rule", "procurement", "price_scoring", "price_criterion"} & set(dumped["settings"])
    assert "kind" not in dumped["criteria"]["children"][0] and "price" not in dumped["criteria"]["children"][1]
    gated = load(tender()).model_dump(mode="json")
    assert gated["criteria"]["children"][2]["children"][0]["kind"] == "gate"
    assert parse_scenario(gated).model_dump(mode="json") == gated
