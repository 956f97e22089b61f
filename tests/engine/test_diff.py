"""mcda.engine.diff: input changes, their effect on weights and rankings, Shapley attribution."""
from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_allclose

import mcda
from mcda.engine.diff import Change, diff_scenarios, input_changes, shapley_two_factor
from mcda.engine.diff_text import summary
from mcda.engine.evaluation import decision_problem, evaluate, rank_methods
from mcda.engine.weights import compute_weights
from mcda.scenario.io import parse_scenario


@pytest.fixture(scope="module")
def example():
    return mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)


def edit(scenario, fn):
    data = scenario.model_dump(mode="json")
    fn(data)
    return parse_scenario(data)


@pytest.fixture(scope="module")
def rank_moving_judgment(example):
    """The first single goal-level judgment set to 9 or 1/9 that changes some method's ranking."""
    problem = decision_problem(example)
    base = rank_methods(problem, compute_weights(example).vector(), example, explain=False)
    for member in ("cfo", "fin_mgr", "it_sec"):
        for k in range(len(example.judgments[member].nodes["goal"])):
            for value in (9, "1/9"):
                changed = edit(example, lambda d, member=member, k=k, value=value:
                               d["judgments"][member]["nodes"]["goal"][k].update(value=value))
                w = compute_weights(changed)
                out = rank_methods(problem, np.array([w.global_weights[c] for c in problem.leaves]), changed,
                                   explain=False)
                if any(not np.array_equal(out[m].ranks, base[m].ranks) for m in out):
                    return member, k, changed
    pytest.fail("no single goal-level judgment moves a rank in the example")


def test_identical_scenarios_have_an_empty_diff(example):
    d = diff_scenarios(example, example)
    assert d.empty and d.changes == ()
    assert d.leaf_weights == () and d.dimension_weights == ()
    for m in d.methods.values():
        assert not any(v.moved for v in m.vendors)
        assert all(v.delta == 0 and v.weights_part == 0 and v.scores_part == 0 for v in m.vendors)
    assert summary(d, "en") == "No differences."
    assert summary(d, "zh") == "两个方案没有差异。"


def test_one_changed_judgment_names_it_and_its_weight_and_rank_effects(example, rank_moving_judgment):
    member, k, changed = rank_moving_judgment
    pair = example.judgments[member].nodes["goal"][k]
    new = changed.judgments[member].nodes["goal"][k].value
    d = diff_scenarios(example, changed)
    assert d.changes == (Change("judgments", "changed", (member, "goal", pair.a, pair.b), "value", pair.value, new),)
    text = summary(d, "en")
    from mcda.export.report import fraction

    assert f"{member} changed {pair.a} vs {pair.b} from {fraction(pair.value)} to {fraction(new)}" in text
    # weights: the two compared dimensions move, and the numbers are the engine's
    after = compute_weights(changed).global_weights
    assert {w.id for w in d.dimension_weights} >= {pair.a, pair.b}
    for w in d.leaf_weights:
        assert w.after == after[w.id]
    name_a = next(c for c in example.criteria.children if c.id == pair.a).name.en
    assert f"{name_a} weight" in text
    # rankings: at least one vendor moved, and the sentence says so
    e = evaluate(changed, agreement=False)
    moved = [(m, v) for m in d.methods.values() for v in m.vendors if v.moved]
    assert moved
    for m, v in moved:
        assert f"{v.vendor} {v.rank_before} -> {v.rank_after}" in text
        i = e.vendors.index(v.vendor)
        assert v.rank_after == e.methods[m.name].ranks[i]
        assert_allclose(v.score_after, e.methods[m.name].scores[i])
        assert abs(v.scores_part) < 1e-12  # only the weights changed
    zh = example.names("zh")
    assert summary(d, "zh").startswith(f"{zh[member]} 将 {zh[pair.a]} 与 {zh[pair.b]} 的比较从")


def test_two_factor_attribution_adds_up_to_the_score_change(example):
    def change(d):
        d["judgments"]["cfo"]["nodes"]["goal"][0]["value"] = 9
        d["judgments"]["it_sec"]["direct"]["security"]["security.data_security"] = 40
        d["scores"]["fin_mgr"]["yuanfan"]["quality.expertise"] = 1
        d["scores"]["cfo"]["chengtai"]["cost.annual_fee"] = 150000
        d["members"][1]["weight"] = 0.6  # moves both the weights and the decision matrix

    b = edit(example, change)
    d = diff_scenarios(example, b, methods=["topsis", "wsm", "vikor", "promethee_ii"])
    ea = evaluate(example, methods=list(d.methods), agreement=False)
    eb = evaluate(b, methods=list(d.methods), agreement=False)
    for name, m in d.methods.items():
        assert m.split and m.note == ""
        deltas = np.array([v.delta for v in m.vendors])
        parts = np.array([v.weights_part + v.scores_part for v in m.vendors])
        assert_allclose(parts, deltas, rtol=0, atol=1e-14)
        assert_allclose(deltas, eb.methods[name].scores - ea.methods[name].scores, rtol=0, atol=1e-14)
        assert any(abs(v.weights_part) > 1e-6 for v in m.vendors) and any(abs(v.scores_part) > 1e-6 for v in m.vendors)


def test_a_pure_score_change_is_all_scores(example):
    b = edit(example, lambda d: d["scores"]["cfo"]["huaxin"].update({"quality.expertise": 1.0}))
    d = diff_scenarios(example, b)
    assert [c.key for c in d.changes] == [("cfo", "huaxin", "quality.expertise")]
    assert d.leaf_weights == ()
    for m in d.methods.values():
        assert all(v.weights_part == 0 for v in m.vendors)
        assert_allclose([v.scores_part for v in m.vendors], [v.delta for v in m.vendors], atol=1e-15)
    assert "cfo changed 1 score(s) of huaxin: quality.expertise" in summary(d, "en")


@given(st.lists(st.floats(-1e6, 1e6), min_size=4, max_size=4))
def test_shapley_two_factor_is_exact_and_symmetric(f):
    f_aa, f_ba, f_ab, f_bb = f
    first, second = shapley_two_factor(f_aa, f_ba, f_ab, f_bb)
    assert_allclose(first + second, f_bb - f_aa, atol=1e-6)
    s2, f2 = shapley_two_factor(f_aa, f_ab, f_ba, f_bb)  # the factors swapped
    assert_allclose([f2, s2], [first, second], atol=1e-6)


def test_a_removed_vendor_cannot_be_split(example):
    def drop(d):
        d["vendors"] = [v for v in d["vendors"] if v["id"] != "chengtai"]
        for per_vendor in d["scores"].values():
            per_vendor.pop("chengtai")

    d = diff_scenarios(example, edit(example, drop))
    assert Change("vendors", "removed", ("chengtai",), before=example.vendors[3].model_dump(mode="json")) in d.changes
    for m in d.methods.values():
        assert not m.split and m.note == "the vendors changed"
        gone = next(v for v in m.vendors if v.vendor == "chengtai")
        assert gone.rank_after is None and gone.weights_part is None
    text = summary(d, "en")
    assert "vendor chengtai (Chengtai Business Services) removed" in text
    assert "not split into weights and scores: the vendors changed" in text
    assert "服务商有变化" in summary(d, "zh")


def test_criteria_members_settings_and_metadata_changes(example):
    def change(d):
        quality = d["criteria"]["children"][1]
        quality["name"]["en"] = "Quality of service"
        quality["children"][0]["direction"] = "cost"
        quality["children"][1]["id"] = "quality.standards"  # renamed id, same names
        for per_vendor in d["scores"].values():
            for cells in per_vendor.values():
                cells["quality.standards"] = cells.pop("quality.service_standards")
        for mj in d["judgments"].values():
            for p in mj["nodes"].get("quality", []):
                p["a"], p["b"] = (x.replace("quality.service_standards", "quality.standards") for x in (p["a"], p["b"]))
        d["members"][0]["weight"] = 0.5
        d["settings"]["ranking_methods"] = ["topsis", "wsm"]
        d["settings"]["normalization"] = {"topsis": "max"}
        d["metadata"]["title"] = "v2"

    d = diff_scenarios(example, edit(example, change))
    got = {(c.topic, c.action, c.key, c.field) for c in d.changes}
    assert ("criteria", "changed", ("quality",), "name") in got
    assert ("criteria", "changed", ("quality.expertise",), "direction") in got
    assert ("criteria", "renamed", ("quality.service_standards",), "id") in got
    assert ("members", "changed", ("cfo",), "weight") in got
    assert ("settings", "changed", ("ranking_methods",), "ranking_methods") in got
    assert ("settings", "changed", ("normalization.topsis",), "normalization.topsis") in got
    assert ("metadata", "changed", ("title",), "title") in got
    assert not any(c.topic in ("scores", "judgments") for c in d.changes)  # the rename carries them over
    assert set(d.methods) == {"topsis", "wsm", "ahp_ideal"}  # methods of either side
    assert not d.methods["topsis"].split and "normalisation" in d.methods["topsis"].note
    assert d.methods["wsm"].split  # a renamed leaf is still the same criterion
    assert any(w.id == "quality.standards" and w.before is not None for w in d.leaf_weights)
    text = summary(d, "en")
    assert "criterion id quality.service_standards renamed to quality.standards" in text
    assert "criterion quality.expertise: direction benefit -> cost" in text
    assert "member cfo: voting weight 0.4 -> 0.5" in text


def test_a_pair_written_the_other_way_round_is_the_same_judgment(example):
    def flip(d):
        p = d["judgments"]["cfo"]["nodes"]["quality"][1]  # expertise vs service_attitude = 1/7
        p["a"], p["b"], p["value"] = p["b"], p["a"], 7

    assert input_changes(example, edit(example, flip)) == []


def test_missing_key_and_null_score_are_the_same(example):
    cell = next((v, c) for v, cells in example.scores["it_sec"].items() for c, x in cells.items() if x is None)
    b = edit(example, lambda d: d["scores"]["it_sec"][cell[0]].pop(cell[1]))
    assert input_changes(example, b) == []


def test_unevaluable_scenarios_keep_their_input_changes(example):
    b = edit(example, lambda d: d.update(vendors=[], scores={}))
    d = diff_scenarios(example, b)
    assert not d.evaluated and "could not be computed" in d.note and "no vendors" in d.note
    assert len(d.by_topic("vendors")) == 5
    assert "could not be computed" in summary(d, "en")


def test_to_dict_is_plain_json(example, rank_moving_judgment):
    d = diff_scenarios(example, rank_moving_judgment[2])
    data = json.loads(json.dumps(d.to_dict(), allow_nan=False))
    assert data["empty"] is False and data["changes"][0]["topic"] == "judgments"
    assert set(data["methods"]) == set(example.settings.ranking_methods)
    assert {"vendor", "rank_before", "rank_after", "delta", "weights_part", "scores_part"} <= set(
        data["methods"]["topsis"]["vendors"][0])


def test_text_rejects_an_unknown_language(example):
    with pytest.raises(mcda.MCDAError, match="lang"):
        summary(diff_scenarios(example, example, effects=False), "fr")


def test_chinese_diff_names_members_criteria_and_vendors_never_ids(example):
    data = example.model_dump(mode="json")
    member = example.members[0]
    vendor = example.vendors[0]
    leaf = example.criteria.leaves()[0]
    data["scores"][member.id][vendor.id][leaf.id] = 1 if data["scores"][member.id][vendor.id][leaf.id] != 1 else 2
    pair = data["judgments"][member.id]["nodes"]["goal"][0]
    pair["value"] = 7 if pair["value"] != 7 else 5
    changed = parse_scenario(data)
    zh = summary(diff_scenarios(example, changed), "zh")
    names = example.names("zh")
    for ident in (member.id, vendor.id, leaf.id, pair["a"], pair["b"]):
        assert names[ident] in zh
    import re
    ids = {member.id, vendor.id, leaf.id, pair["a"], pair["b"]}
    assert not any(re.search(rf"(?<![\w.]){re.escape(i)}(?![\w.])", zh) for i in ids), zh
