"""The one seam (mcda.engine.evaluation.evaluate): scenario in, labelled weights, rankings and explanations out."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose

import mcda
from mcda import evaluate
from mcda.engine.evaluation import decision_problem, with_local_weights
from mcda.errors import MCDAError
from mcda.methods import topsis_details, wsm
from mcda.scenario.io import load_scenario
from mcda.scenario.schema import Scenario

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example() -> Scenario:
    return load_scenario(ROOT / "scenarios" / "example_tender.json", lint=False)


@pytest.fixture(scope="module")
def result(example):
    return evaluate(example)


def test_every_method_ranks_every_vendor(result, example):
    assert list(result.methods) == example.settings.ranking_methods
    for m in result.methods.values():
        assert sorted(m.ranks.tolist())[0] == 1 and len(m.ranks) == 5
        assert m.normalization
    assert set(result.winners()) == set(result.methods)


def test_to_dict_matches_the_cli_contract_and_is_json(result):
    data = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    for rows in data["methods"].values():
        assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)
        assert {r["vendor"] for r in rows} == set(result.vendors)
        assert all(set(r) == {"vendor", "score", "rank"} for r in rows)
    assert_allclose(sum(data["weights"]["global"].values()), 1.0)
    assert len(data["decision_matrix"]["values"]) == 5


def test_decision_matrix_is_the_weighted_mean_of_members_scores(example, result):
    p = result.problem
    j = p.leaves.index("quality.expertise")
    w = np.array([m.weight for m in example.members])
    cells = np.array([example.scores[m.id]["huaxin"]["quality.expertise"] for m in example.members], dtype=float)
    assert_allclose(p.matrix[0, j], (w * cells).sum() / w.sum())
    fee = p.leaves.index("cost.annual_fee")
    assert p.types[fee] == -1 and p.aggregated.coverage[0, fee] < 1  # the IT lead did not enter fees
    assert_allclose(p.matrix[:, fee], [560_000, 395_000, 470_000, 300_000, 430_000])


def test_wsm_contributions_by_dimension_sum_to_the_score(result):
    m = result.methods["wsm"]
    assert_allclose(m.contributions.sum(axis=1), m.scores, rtol=1e-12)
    assert m.contributions.shape == (5, 19)


def test_topsis_contributions_sum_to_the_squared_distance(result):
    m = result.methods["topsis"]
    assert_allclose(m.contributions.sum(axis=1), m.details.d_plus ** 2, rtol=1e-10)


def test_reasons_name_dimensions_favouring_the_winner(result):
    m = result.methods["wsm"]
    winner, second = m.order()[:2]
    diff = m.contributions[winner] - m.contributions[second]
    top = result.problem.dimensions[int(np.argmax(np.abs(diff)))]
    assert m.reasons[0].dimension == top
    assert sum(abs(r.share) for r in m.reasons) <= 1 + 1e-12


def test_ranking_with_the_engine_equals_the_kernels(result):
    p = result.problem
    assert_allclose(result.methods["topsis"].scores, topsis_details(p.matrix, result.global_weights, p.types).closeness)
    assert_allclose(result.methods["wsm"].scores, wsm(p.matrix, result.global_weights, p.types))


def test_all_weight_on_one_dimension_makes_its_best_vendor_win(example, result):
    goal = result.weights.local["goal"]
    override = {"goal": {d: (1.0 if d == "cost" else 0.0) for d in goal}}
    e = evaluate(example, weights=result.weights, local_overrides=override, agreement=False)
    p = e.problem
    cols = p.group == p.dimensions.index("cost")
    expected = wsm(p.matrix[:, cols], e.global_weights[cols], p.types[cols])
    assert e.winners()["wsm"] == (p.vendors[int(np.argmax(expected))],)
    assert_allclose(e.global_weights[~cols], 0)


def test_with_local_weights_equals_a_full_evaluation(example, result):
    raw = np.linspace(1, 2, 19)
    override = {"goal": {d: w for d, w in zip(result.weights.local["goal"], raw / raw.sum(), strict=True)}}
    fast = with_local_weights(result, override)
    full = evaluate(example, local_overrides=override, agreement=False)
    for k in full.methods:
        assert_allclose(fast.methods[k].scores, full.methods[k].scores)


def test_permuting_vendors_permutes_ranks(example, result):
    s = copy.deepcopy(example)
    s.vendors = list(reversed(s.vendors))
    e = evaluate(s, weights=result.weights, agreement=False)
    for k in result.methods:
        a = dict(zip(result.vendors, result.methods[k].ranks.tolist(), strict=True))
        b = dict(zip(e.vendors, e.methods[k].ranks.tolist(), strict=True))
        assert a == b


def test_missing_score_policy_error_names_every_gap(example):
    s = copy.deepcopy(example)
    s.settings.missing_scores = "error"
    with pytest.raises(MCDAError) as info:
        evaluate(s)
    msg = str(info.value)
    assert "brand.brand_heritage" in msg and "cost.annual_fee" in msg and "it_sec" in msg


def test_a_cell_nobody_scored_is_imputed_and_flagged(example):
    s = copy.deepcopy(example)
    for m in s.members:
        s.scores[m.id]["huaxin"]["quality.expertise"] = None
    with pytest.raises(MCDAError, match="quality.expertise"):
        evaluate(s)
    s.settings.missing_scores = "impute_median"
    e = evaluate(s, agreement=False)
    j = e.problem.leaves.index("quality.expertise")
    assert e.problem.aggregated.imputed[0, j]
    assert any("imputed" in w for w in e.warnings)


def test_scale_normalisation_uses_declared_bounds(example):
    s = copy.deepcopy(example)
    s.settings.normalization = {"wsm": "scale"}
    e = evaluate(s, methods=["wsm"], agreement=False)
    p = e.problem
    r = np.where(p.types > 0, (p.matrix - p.bounds[:, 0]) / (p.bounds[:, 1] - p.bounds[:, 0]),
                 (p.bounds[:, 1] - p.matrix) / (p.bounds[:, 1] - p.bounds[:, 0]))
    assert_allclose(e.methods["wsm"].scores, r @ e.global_weights)
    assert e.methods["wsm"].normalization.startswith("scale")


def test_every_method_in_the_registry_runs_on_the_example(example, result):
    e = evaluate(example, weights=result.weights,
                 methods=["topsis", "wsm", "wpm", "ahp_ideal", "ahp_distributive", "vikor", "promethee_ii"])
    assert e.agreement is not None and e.agreement.spearman.shape == (7, 7)
    assert all(len(m.ranks) == 5 for m in e.methods.values())


def test_no_vendors_or_members_is_a_clear_error(example):
    s = copy.deepcopy(example)
    s.vendors, s.scores = [], {}
    with pytest.raises(MCDAError, match="no vendors"):
        decision_problem(s)


def test_a_scenario_edited_in_memory_into_an_invalid_state_is_refused(example):
    from mcda.errors import ScenarioError

    s = example.model_copy(deep=True)
    s.scores["cfo"]["huaxin"]["quality.expertise"] = 99  # off the 1-5 scale, bypassing validation
    with pytest.raises(ScenarioError, match="outside the scale"):
        evaluate(s)
    with pytest.raises(MCDAError, match="expected a Scenario"):
        evaluate({"kind": "scenario"})
    with pytest.raises(MCDAError, match="unknown ranking method"):
        evaluate(example, methods=["electre"])
    assert list(evaluate(example, methods="wsm", agreement=False).methods) == ["wsm"]


def test_a_member_left_out_of_a_node_is_a_warning(example):
    s = copy.deepcopy(example)
    s.settings.aggregation = "aip_geometric"
    s.judgments["cfo"].nodes["quality"] = s.judgments["cfo"].nodes["quality"][:3]  # no longer connected
    e = evaluate(s, agreement=False)
    assert any("member cfo's judgments at quality" in w and "left out" in w for w in e.warnings)


def test_an_undeclared_constant_numeric_column_under_scale_normalisation_ranks(example):
    s = copy.deepcopy(example)
    s.scales["cny_per_year"].min = s.scales["cny_per_year"].max = None
    for m in ("cfo", "fin_mgr"):
        for v in s.vendors:
            s.scores[m][v.id]["cost.annual_fee"] = 300_000.0
    s.settings.normalization = {"wsm": "scale"}
    e = evaluate(s, methods=["wsm"], agreement=False)
    fee = e.problem.leaves.index("cost.annual_fee")
    assert e.problem.bounds[fee].tolist() == [300_000.0, 300_001.0]


def test_the_example_evaluates_as_before_the_speed_change(example):
    """``evaluate(example).to_dict()`` equals the one pinned at commit eb4060a (see tests/engine/data)."""
    reference = ROOT / "tests" / "engine" / "data" / "reference_weights.json"
    expected = json.loads(reference.read_text(encoding="utf-8"))["evaluate"]
    found = evaluate(example).to_dict()
    assert found.pop("excluded") == []  # added later by the qualification gates: nobody is left out here
    _assert_same(found, expected)


def _assert_same(found, expected, path="") -> None:
    """Numbers to 1e-12 (absolute and relative), everything else exactly."""
    if isinstance(expected, dict):
        assert isinstance(found, dict) and list(found) == list(expected), path
        for key in expected:
            _assert_same(found[key], expected[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(found, (list, tuple)) and len(found) == len(expected), path
        for k, (f, e) in enumerate(zip(found, expected, strict=True)):
            _assert_same(f, e, f"{path}[{k}]")
    elif isinstance(expected, float) and not isinstance(found, bool):
        assert_allclose(found, expected, rtol=1e-12, atol=1e-12, err_msg=path)
    else:
        assert found == expected, path


def test_a_validated_scenario_is_not_validated_again_but_a_changed_one_is(example, monkeypatch):
    from mcda.errors import ScenarioError
    from mcda.scenario import io, validated

    calls = []
    real = io.parse_scenario
    monkeypatch.setattr(validated, "parse_scenario", lambda *a, **k: calls.append(1) or real(*a, **k))
    validated.forget()
    evaluate(example, agreement=False)
    evaluate(example, agreement=False)
    assert calls == [1]  # validated once, then trusted
    loaded = io.load_scenario(mcda.bundled.EXAMPLE, lint=False)
    evaluate(loaded, agreement=False)
    assert calls == [1]  # the loader validated it: the engine trusts it at once
    s = example.model_copy(update={"vendors": list(reversed(example.vendors))})
    evaluate(s, agreement=False)
    assert len(calls) == 2  # a copy with an update is validated
    bad = Scenario.model_construct(**{k: getattr(example, k) for k in type(example).model_fields})
    bad.settings = example.settings.model_copy(update={"tie_tolerance": -1.0})
    with pytest.raises(ScenarioError):
        evaluate(bad)
    s2 = copy.deepcopy(example)
    evaluate(s2, agreement=False)
    s2.settings = s2.settings.model_copy(update={"ranking_methods": ["nonsense"]})  # reassigned: validated again
    with pytest.raises(ScenarioError):
        evaluate(s2)


def test_evaluate_does_not_compute_member_analytics_until_asked(example, monkeypatch):
    from mcda.engine import weights as wmod
    from mcda.engine.weights_cache import CACHE

    calls = []
    real = wmod.MemberAnalytics._compute
    monkeypatch.setattr(wmod.MemberAnalytics, "_compute", lambda self: calls.append(1) or real(self))
    CACHE.clear()
    e = evaluate(example)
    assert calls == [] and e.methods
    assert any("inconsistent" in n.code for n in e.notes)  # notes need the members' CR: computed now
    assert calls == [1]
