"""Hierarchy-level sensitivity (mcda.engine.analysis): what-if, sweeps, stability, SMAA, rank reversal."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose

from mcda import sensitivity as sens
from mcda.engine import analysis as an
from mcda.engine.evaluation import evaluate, with_local_weights
from mcda.errors import MCDAError
from mcda.scenario.io import load_scenario
from mcda.scenario.schema import Scenario

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example():
    s = load_scenario(ROOT / "scenarios" / "example_tender.json", lint=False)
    return evaluate(s, agreement=False)


def _winner_at(e, node, t, method):
    parent = next(p for p, kids in e.local.items() if node in kids)
    out = with_local_weights(e, {parent: an.rescale_local(e.local[parent], node, t)})
    return out.methods[method]


def test_rescale_local_keeps_sum_and_sibling_ratios():
    out = an.rescale_local({"a": 0.5, "b": 0.3, "c": 0.2}, "b", 0.1)
    assert_allclose(sum(out.values()), 1.0)
    assert_allclose(out["a"] / out["c"], 2.5)
    with pytest.raises(MCDAError):
        an.rescale_local({"a": 1.0}, "z", 0.5)


def test_whatif_equals_a_full_re_evaluation_and_changes_weights(example):
    local = an.rescale_local(example.local["goal"], "cost", 0.5)
    fast = an.whatif(example, {"goal": local})
    full = evaluate(example.scenario, weights=example.weights, local_overrides={"goal": local}, agreement=False)
    assert_allclose(fast.global_weights, full.global_weights)
    cost = np.array([c.startswith("cost.") for c in example.problem.leaves])
    assert_allclose(fast.global_weights[cost].sum(), 0.5)
    for k in full.methods:
        assert_allclose(fast.methods[k].scores, full.methods[k].scores)


@pytest.mark.parametrize("method", ["topsis", "wsm"])
@pytest.mark.parametrize("node", ["security", "cost", "quality.expertise", "cost.annual_fee"])
def test_sweep_matches_the_engine_and_crossovers_tie_exactly(example, method, node):
    sw = an.node_sweep(example, node, method, points=11)
    k = int(np.argmin(np.abs(sw.t - sw.current)))
    assert_allclose(sw.scores[k], example.methods[method].scores, rtol=1e-9, atol=1e-12)
    for t in (0.0, 0.3, 1.0):
        j = int(np.argmin(np.abs(sw.t - t)))
        assert_allclose(sw.scores[j], _winner_at(example, node, sw.t[j], method).scores, rtol=1e-9, atol=1e-12)
    for t, a, b in sw.crossovers:
        s = _winner_at(example, node, t, method).scores
        va, vb = example.vendors.index(a), example.vendors.index(b)
        assert abs(s[va] - s[vb]) < 1e-9


@pytest.mark.parametrize("method", ["topsis", "wsm"])
def test_stability_intervals_agree_with_a_brute_force_grid(example, method):
    rows = {r.node: r for r in an.stability_table(example, method, "all")}
    for node in ("responsiveness", "security", "cost", "quality.expertise", "security.data_security"):
        r = rows[node]
        leader = example.vendors.index(r.leader)
        grid = np.linspace(0, 1, 401)
        leads = np.array([int(np.argmax(_winner_at(example, node, t, method).scores)) == leader for t in grid])
        inside = (grid > r.winner_low + 1e-6) & (grid < r.winner_high - 1e-6)
        assert leads[inside].all(), node
        if r.winner_high < 1:  # just past the end, the named vendor leads
            past = _winner_at(example, node, r.winner_high + 1e-7, method)
            assert example.vendors[int(np.argmax(past.scores))] == r.taker_above, node
        if r.winner_low > 0:
            past = _winner_at(example, node, r.winner_low - 1e-7, method)
            assert example.vendors[int(np.argmax(past.scores))] == r.taker_below, node
        assert r.ranking_low >= r.winner_low - 1e-12 and r.ranking_high <= r.winner_high + 1e-12
        assert r.winner_low <= r.current <= r.winner_high


def test_flat_hierarchy_paths_equal_the_flat_one_way_kernel():
    """With every leaf directly under the goal, a node's path is the flat proportional path."""
    leaf = {"direction": "benefit", "scale": "s"}
    rng = np.random.default_rng(3)
    ids = [f"c{j}" for j in range(5)]
    vendors = [f"v{i}" for i in range(4)]
    data = {
        "schema_version": 1, "kind": "scenario", "scales": {"s": {"kind": "ordinal", "min": 1, "max": 9}},
        "criteria": {"id": "goal", "name": {"en": "G"},
                     "children": [{"id": c, "name": {"en": c}, **leaf} for c in ids]},
        "members": [{"id": "m", "name": "M"}],
        "judgments": {"m": {"direct": {"goal": {c: float(w)
                                                for c, w in zip(ids, rng.uniform(5, 30, 5), strict=True)}}}},
        "vendors": [{"id": v, "name": {"en": v}} for v in vendors],
        "scores": {"m": {v: {c: float(rng.integers(1, 10)) for c in ids} for v in vendors}},
    }
    e = evaluate(Scenario.model_validate(data), agreement=False)
    for method in ("topsis", "wsm"):
        for k, c in enumerate(ids):
            ours = an.node_sweep(e, c, method).crossovers
            flat = sens.sweep(e.problem.matrix, e.global_weights, e.problem.types, k, method).crossovers
            flat = [x for x in flat if x.ahead_below is not None and x.ahead_above is not None]
            assert_allclose([t for t, _, _ in ours], [x.t for x in flat], atol=1e-12)
        iv = sens.weight_stability(e.problem.matrix, e.global_weights, e.problem.types, method)
        rows = an.stability_table(e, method)
        assert_allclose([[r.winner_low, r.winner_high] for r in rows], iv, atol=1e-9)


def test_sentences_are_bilingual_and_name_the_change(example):
    rows = an.stability_table(example, "topsis")
    r = next(r for r in rows if r.taker_above)
    names = {v.id: v.name.zh for v in example.scenario.vendors}
    zh = r.sentence("zh", names)
    assert r.name_zh in zh and names[r.taker_above] in zh and "其他权重按比例调整" in zh
    en = r.sentence("en")
    assert f"{r.taker_above} overtakes {r.leader} if {r.name_en} rises from" in en


def test_tornado_rows_are_sorted_by_swing(example):
    rows = an.tornado_table(example, "wsm")
    swings = [r.swing for r in rows]
    assert swings == sorted(swings, reverse=True) and len(rows) == 19
    assert all(r.low_value <= r.current <= r.high_value for r in rows)


def test_judgment_sampler_is_centred_on_the_committee_weights(example):
    rng = np.random.default_rng(0)
    tiny = an.judgment_sampler(example, "lognormal", sigma=1e-9)(rng, 3)
    assert_allclose(tiny, np.broadcast_to(example.global_weights, tiny.shape), rtol=1e-6)
    W = an.judgment_sampler(example, "judgments")(rng, 4000)
    assert_allclose(W.sum(axis=1), 1.0)
    assert (W >= 0).all()
    assert_allclose(np.median(W, axis=0), example.global_weights, rtol=0.15)
    assert W.std(axis=0).max() > 0


@pytest.mark.parametrize("model", ["uniform", "judgments", "lognormal"])
def test_smaa_acceptability_rows_and_columns_sum_to_one(example, model):
    r = an.run_smaa(example, "topsis", samples=2000, seed=1, model=model)
    assert_allclose(r.acceptability.sum(axis=0), 1.0)
    assert_allclose(r.acceptability.sum(axis=1), 1.0)
    assert r.samples == 2000 and not r.cancelled


def test_smaa_is_seeded_reports_progress_and_can_be_cancelled(example):
    a = an.run_smaa(example, "wsm", samples=3000, seed=7)
    b = an.run_smaa(example, "wsm", samples=3000, seed=7)
    assert_allclose(a.acceptability, b.acceptability)
    seen = []
    an.run_smaa(example, "wsm", samples=3000, seed=7, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3000, 3000)
    stop = an.run_smaa(example, "wsm", samples=3000, seed=7, should_stop=lambda: True)
    assert stop.cancelled and stop.samples == 0


def test_smaa_with_score_uncertainty_runs(example):
    r = an.run_smaa(example, "topsis", samples=1000, seed=2, score_uncertainty=True)
    assert r.score_uncertainty
    assert_allclose(r.acceptability.sum(axis=1), 1.0)
    plain = an.run_smaa(example, "topsis", samples=1000, seed=2)
    assert not np.allclose(r.acceptability, plain.acceptability)


def test_rank_reversal_example_from_methods_md():
    """TOPSIS, w = (.5, .5), vector normalisation: A1 (1,2), A2 (2,1), A3 (3,1): A1 ahead of A2;
    add A4 (1,4): A2 ahead of A1 (docs/methods.md#rank-reversal)."""
    leaf = {"direction": "benefit", "scale": "s"}
    pts = {"a1": (1, 2), "a2": (2, 1), "a3": (3, 1), "a4": (1, 4)}
    data = {
        "schema_version": 1, "kind": "scenario", "scales": {"s": {"kind": "numeric"}},
        "criteria": {"id": "goal", "name": {"en": "G"}, "children": [
            {"id": "c1", "name": {"en": "C1"}, **leaf}, {"id": "c2", "name": {"en": "C2"}, **leaf}]},
        "members": [{"id": "m", "name": "M"}],
        "judgments": {"m": {"nodes": {"goal": [{"a": "c1", "b": "c2", "value": 1}]}}},
        "vendors": [{"id": v, "name": {"en": v}} for v in pts],
        "scores": {"m": {v: {"c1": float(x), "c2": float(y)} for v, (x, y) in pts.items()}},
        "settings": {"ranking_methods": ["topsis"]},
    }
    e = evaluate(Scenario.model_validate(data), agreement=False)
    rows = [r for r in an.reversal_check(e) if r.changed and r.action == "remove" and r.vendor == "a4"]
    assert len(rows) == 1
    before = [v for g in rows[0].before for v in g]
    after = [v for g in rows[0].after for v in g]
    assert before.index("a2") < before.index("a1")
    assert after.index("a1") < after.index("a2")


def test_tied_vendors_show_no_spurious_rank_reversal(example):
    s = example.scenario.model_copy(deep=True)
    for m in s.members:
        for v in s.vendors:
            s.scores[m.id][v.id] = dict(s.scores[m.id]["huaxin"])
    e = evaluate(s, agreement=False)
    assert [r for r in an.reversal_check(e) if r.changed] == []


def test_sensitivity_report_has_every_part(example):
    from mcda.export.report import check_sensitivity, html_report

    rep = an.sensitivity_report(example, "topsis", samples=500, lang="zh")
    clean = check_sensitivity(rep)
    assert len(clean["acceptability"]["matrix"]) == 5 and len(clean["stability"]) == 19
    assert any("将超过" in row["sentence"] for row in clean["stability"])
    html = html_report(example, "zh", rep)
    assert rep["stability"][0]["sentence"] in html


def test_unknown_node_and_method_are_clear_errors(example):
    with pytest.raises(MCDAError, match="not a criterion"):
        an.node_sweep(example, "nowhere")
    with pytest.raises(MCDAError, match="topsis or wsm"):
        an.stability_table(example, "vikor")


def test_single_child_nodes_are_skipped_not_fatal(example):
    s = example.scenario.model_copy(deep=True)
    quality = next(d for d in s.criteria.children if d.id == "quality")
    keep = quality.children[0].id
    quality.children = quality.children[:1]
    for m in s.members:
        s.judgments[m.id].nodes.pop("quality", None)
        for v in s.vendors:
            s.scores[m.id][v.id] = {c: x for c, x in s.scores[m.id][v.id].items()
                                    if not c.startswith("quality.") or c == keep}
    e = evaluate(s, agreement=False)
    nodes = [r.node for r in an.stability_table(e, "topsis", "all")]
    assert keep not in nodes and "quality" in nodes
