"""Qualification gates (mcda.engine.gates): screening, exclusion, the weight tree, the CLI contract."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tender_fixture import load, tender  # noqa: E402

from mcda.cli import main  # noqa: E402
from mcda.engine import evaluate  # noqa: E402
from mcda.engine.gates import gate_failures, screen  # noqa: E402
from mcda.errors import MCDAError, ScenarioError  # noqa: E402
from mcda.scenario.lint import lint  # noqa: E402


def _with_fails(data: dict, fails: dict[tuple[str, str, str], int]) -> dict:
    for (m, v, g), x in fails.items():
        data["scores"][m][v][g] = x
    return data


def test_gate_worked_example_any_fail_and_majority():
    """Three members, gates licence and tax (1 = pass, 0 = fail), by hand:

    ========  =================  =================  ================  ================
    vendor    licence (m1 m2 m3)  tax (m1 m2 m3)     any_fail          majority
    ========  =================  =================  ================  ================
    A         1 1 1               1 1 1              passes            passes
    B         1 1 1               1 0 1              fails tax         passes (1 of 3)
    C         0 0 1               1 1 1              fails licence     fails licence (2 of 3)
    ========  =================  =================  ================  ================
    """
    s = np.array([[[1, 1], [1, 1], [0, 1]],
                  [[1, 1], [1, 0], [0, 1]],
                  [[1, 1], [1, 1], [1, 1]]], dtype=float)
    assert gate_failures(s, [1, 1, 1]).tolist() == [[False, False], [False, True], [True, False]]
    assert gate_failures(s, [1, 1, 1], "majority").tolist() == [[False, False], [False, False], [True, False]]
    # weighted majority: m2 alone holds 3 of 5 votes, so its fail decides
    assert gate_failures(s, [1, 3, 1], "majority").tolist() == [[False, False], [False, True], [True, False]]

    data = _with_fails(tender(), {("m2", "B", "tax"): 0, ("m1", "C", "licence"): 0, ("m2", "C", "licence"): 0})
    e = evaluate(load(data))
    assert e.vendors == ("A",)
    assert e.to_dict()["excluded"] == [{"vendor": "B", "gates": ["tax"]}, {"vendor": "C", "gates": ["licence"]}]
    data["settings"]["gate_rule"] = "majority"
    e = evaluate(load(data))
    assert e.vendors == ("A", "B")
    assert [x.to_dict() for x in e.excluded] == [{"vendor": "C", "gates": ["licence"]}]


def test_gates_carry_no_weight_and_leave_the_decision_matrix():
    e = evaluate(load(tender()))
    assert set(e.weights.global_weights) == {"q1", "q2", "fee"}
    assert "qualification" not in e.weights.nodes["goal"].children
    assert e.problem.leaves == ("q1", "q2", "fee")
    assert e.excluded == () and e.to_dict()["excluded"] == []
    # the same as the scenario without any gate
    plain = evaluate(load(tender(gates=False)))
    for name in e.methods:
        np.testing.assert_allclose(e.methods[name].scores, plain.methods[name].scores)


def test_an_excluded_vendor_is_left_out_of_sensitivity():
    from mcda.engine.node_smaa import run_smaa

    e = evaluate(load(_with_fails(tender(), {("m3", "C", "tax"): 0})))
    res = run_smaa(e, "wsm", samples=200)
    assert e.vendors == ("A", "B")
    assert res.vendors == ("A", "B") and res.acceptability.shape == (2, 2)
    assert res.leaves == ("q1", "q2", "fee")


def test_every_vendor_failing_is_a_clear_error():
    fails = {("m1", v, "licence"): 0 for v in "ABC"}
    with pytest.raises(MCDAError, match="every vendor fails a qualification gate.*A: licence; B: licence"):
        evaluate(load(_with_fails(tender(), fails)))


def test_judging_a_gate_is_refused_with_a_located_problem():
    data = tender()
    data["judgments"]["m1"]["nodes"]["goal"].append({"a": "qualification", "b": "fee", "value": 2})
    data["judgments"]["m1"]["nodes"]["qualification"] = [{"a": "licence", "b": "tax", "value": 2}]
    with pytest.raises(ScenarioError) as info:
        load(data)
    paths = {p.path for p in info.value.problems}
    assert "judgments[m1].nodes[goal][1].a" in paths and "judgments[m1].nodes[qualification]" in paths


def test_a_gate_is_scored_one_or_zero():
    data = tender()
    data["scores"]["m1"]["A"]["tax"] = 0.5
    with pytest.raises(ScenarioError) as info:
        load(data)
    assert [p.path for p in info.value.problems] == ["scores[m1][A][tax]"]


def test_direct_weights_need_not_cover_gates():
    data = tender()
    data["judgments"]["m1"] = {"direct": {"goal": {"quality": 70, "fee": 30}}}
    e = evaluate(load(data))
    assert set(e.weights.global_weights) == {"q1", "q2", "fee"}


def test_screen_without_gates_is_the_same_object():
    s = load(tender(gates=False))
    assert screen(s) == (s, ())


def test_lint_drops_generic_warnings_on_gates_and_warns_on_unchecked_gates():
    data = tender()
    del data["scores"]["m1"]["C"]["tax"], data["scores"]["m2"]["C"]["tax"], data["scores"]["m3"]["C"]["tax"]
    msgs = [str(p) for p in lint(load(data))]
    assert not any("qualification" in m and "equal weights" in m for m in msgs)
    assert any("vendor 'C'" in m and "tax" in m for m in msgs)


def test_rank_json_lists_the_excluded_vendors(tmp_path, capsys):
    path = tmp_path / "t.json"
    path.write_text(json.dumps(_with_fails(tender(), {("m2", "B", "tax"): 0})), encoding="utf-8")
    assert main(["rank", str(path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["excluded"] == [{"vendor": "B", "gates": ["tax"]}]
    assert {r["vendor"] for r in out["methods"]["wsm"]} == {"A", "C"}


def test_weights_ask_diff_and_score_templates_run_on_a_scenario_with_gates(tmp_path, capsys):
    path = tmp_path / "t.json"
    path.write_text(json.dumps(_with_fails(tender(), {("m2", "B", "tax"): 0})), encoding="utf-8")
    assert main(["weights", str(path), "--format", "json"]) == 0
    assert set(json.loads(capsys.readouterr().out)["global"]) == {"q1", "q2", "fee"}
    assert main(["diff", str(path), str(path)]) == 0
    assert main(["ask", str(path), "--member", "m1", "--samples", "100", "--format", "json"]) == 0
    capsys.readouterr()
    assert main(["template-scores", str(path), "--member", "m1", "-o", str(tmp_path / "s.csv")]) == 0
    head = (tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert head.endswith("licence,tax")


def test_rank_text_names_the_vendors_left_out(tmp_path, capsys):
    path = tmp_path / "t.json"
    path.write_text(json.dumps(_with_fails(tender(), {("m2", "B", "tax"): 0})), encoding="utf-8")
    assert main(["rank", str(path), "--method", "wsm"]) == 0
    assert "left out: Vendor B failed No major tax penalty" in capsys.readouterr().out
