"""Pure Scenario -> Scenario edits (:mod:`mcda.scenario.edits`): each is validated, and an invalid
edit raises the located problem and changes nothing."""
from __future__ import annotations

import pytest

from mcda.errors import ScenarioError
from mcda.scenario import edits
from mcda.scenario.bundled import TEMPLATE, example_path
from mcda.scenario.io import load_model, load_scenario


@pytest.fixture(scope="module")
def example():
    return load_scenario(example_path(), lint=False)


def test_set_pairwise_replaces_a_pair_judged_in_either_order(example):
    a, b = "quality.service_attitude", "quality.expertise"  # stored as (expertise, attitude)
    new = edits.set_pairwise(example, "cfo", "quality", a, b, 5.0)
    pairs = [p for p in new.judgments["cfo"].nodes["quality"] if {p.a, p.b} == {a, b}]
    assert [(p.a, p.b, p.value) for p in pairs] == [(a, b, 5.0)]
    gone = edits.set_pairwise(example, "cfo", "quality", a, b, None)
    assert not [p for p in gone.judgments["cfo"].nodes["quality"] if {p.a, p.b} == {a, b}]
    assert example.judgments["cfo"].nodes["quality"] != new.judgments["cfo"].nodes["quality"]  # input untouched


def test_set_direct_replaces_pairwise_and_back(example):
    new = edits.set_direct(example, "cfo", "quality", {c.id: 10.0 for c in example.criteria.children[1].children})
    assert "quality" in new.judgments["cfo"].direct and "quality" not in new.judgments["cfo"].nodes
    back = edits.set_direct(new, "cfo", "quality", None)
    assert "quality" not in back.judgments["cfo"].direct


def test_an_invalid_edit_raises_the_located_problem(example):
    with pytest.raises(ScenarioError) as err:
        edits.set_scores(example, "cfo", {"huaxin": {"quality.expertise": 12}})
    assert "scores[cfo][huaxin][quality.expertise]" in str(err.value)
    with pytest.raises(ScenarioError, match=r"criteria\.children\[19\]\.id"):
        edits.add_criterion(example, "goal", "9x", "", "X", "benefit", "likert5")


def test_remove_criterion_cascades(example):
    new = edits.remove_criterion(example, "quality")
    ids = {n.id for n, _, _ in new.criteria.walk()}
    assert "quality" not in ids and "quality.expertise" not in ids
    for mj in new.judgments.values():
        assert "quality" not in mj.nodes
        assert all("quality" not in (p.a, p.b) for p in mj.nodes.get("goal", []))
    assert all(not any(k.startswith("quality.") for k in cells)
               for per in new.scores.values() for cells in per.values())


def test_remove_a_child_of_a_node_with_direct_weights(example):
    new = edits.remove_criterion(example, "security.data_security")
    direct = new.judgments["it_sec"].direct["security"]
    assert "security.data_security" not in direct and direct


def test_add_under_a_node_with_direct_weights_gives_zero(example):
    new = edits.add_criterion(example, "security", "security.new", "新", "New", "benefit", "likert5")
    assert new.judgments["it_sec"].direct["security"]["security.new"] == 0.0


def test_add_under_a_leaf_drops_its_scores(example):
    new = edits.add_criterion(example, "quality.expertise", "quality.expertise.depth", "", "Depth", "benefit",
                              "likert5")
    node = next(n for n, _, _ in new.criteria.walk() if n.id == "quality.expertise")
    assert node.direction is None and node.scale is None
    assert all("quality.expertise" not in cells for per in new.scores.values() for cells in per.values())


def test_members_and_vendors_replace_and_cascade(example):
    members = [{"id": m.id, "name": m.name, "role": m.role, "weight": m.weight} for m in example.members[:2]]
    fewer = edits.set_members(example, members + [{"id": None, "name": None}])  # a blank added row is ignored
    assert [m.id for m in fewer.members] == ["cfo", "fin_mgr"]
    assert "it_sec" not in fewer.judgments and "it_sec" not in fewer.scores
    vendors = [{"id": v.id, "zh": v.name.zh, "en": v.name.en} for v in example.vendors if v.id != "yuanfan"]
    four = edits.set_vendors(example, vendors)
    assert all("yuanfan" not in per for per in four.scores.values())


def test_from_template_gives_a_scenario_without_committee():
    sc = edits.from_template(load_model(TEMPLATE), "New")
    assert sc.kind == "scenario" and not sc.members and not sc.vendors and sc.metadata.title == "New"


# ------------------------------------------------------------------ charts
