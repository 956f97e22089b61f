"""Adaptive questioning (mcda.engine.adaptive) and its kernel (mcda.ahp.posterior).

The target of issue 15: on the example tender, with every member's judgments
removed and the asked pairs answered from the members' original judgments (pairs
they had left out from their original weights' ratio, rounded to Saaty's scale),
the engine says done after at most 60 questions per member, and the winner then
is the winner with all judgments.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose

from mcda import ahp
from mcda.ahp import posterior as post
from mcda.engine.adaptive import next_step, node_status, sample_completions
from mcda.engine.evaluation import evaluate
from mcda.engine.weights import compute_weights
from mcda.errors import MCDAError
from mcda.scenario.io import load_document, load_scenario
from mcda.scenario.schema import Criterion, MemberJudgments, Pairwise, Scenario

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scenarios" / "example_tender.json"
GROUPED = ROOT / "models" / "financial_outsourcing_grouped.json"
SAMPLES = 300


# --------------------------------------------------------------------------- simulation helpers
def _original_answers(full: Scenario):
    """member -> answer(node, a, b): the original judgment, else the rounded ratio of the original weights."""
    w = compute_weights(full)
    table = {}
    for m in full.members:
        judged = {}
        mj = full.judgments.get(m.id)
        for nid, pairs in (mj.nodes.items() if mj else ()):
            for p in pairs:
                judged[(nid, p.a, p.b)], judged[(nid, p.b, p.a)] = p.value, 1 / p.value

        def answer(node, a, b, judged=judged, mid=m.id):
            if (node, a, b) in judged:
                return judged[(node, a, b)]
            loc = w.member_local[mid].get(node) or w.local[node]
            return float(ahp.nearest_scale_value(loc[a] / loc[b]))

        table[m.id] = answer
    return table


def simulate(full: Scenario, samples: int = SAMPLES, limit: int = 120):
    """Ask the members in turn, from no judgments at all, until the engine says done."""
    answers = _original_answers(full)
    sc = full.model_copy(deep=True)
    sc.judgments = {}
    counts = {m.id: 0 for m in full.members}
    step = 0
    while max(counts.values()) <= limit:
        for m in full.members:
            r = next_step(sc, m.id, samples=samples, seed=step, details=False)
            step += 1
            if r.done:
                return r, counts, sc
            q = r.question
            sc.judgments.setdefault(m.id, MemberJudgments()).nodes.setdefault(q.node, []).append(
                Pairwise(a=q.a, b=q.b, value=answers[m.id](q.node, q.a, q.b)))
            counts[m.id] += 1
    raise AssertionError(f"no stop after {limit} questions per member: {counts}")


def grouped_committee() -> Scenario:
    """The example's committee on the grouped model: each member's full pairwise judgments are the rounded
    ratios of their original weights mapped onto it (a merged leaf carries the sum of its faithful leaves),
    scores of a merged leaf are the mean of the faithful leaves' scores; the example's annual fee is kept."""
    example = load_scenario(EXAMPLE, lint=False)
    model = load_document(GROUPED, lint=False)
    weights = compute_weights(example)
    merged_into = {}
    for leaf in model.criteria.leaves():
        found = re.search(r"faithful leaf ids ([^)]*)\)", leaf.source.note or "")
        ids = found.group(1).split(", ") if found else [leaf.id]
        for i in ids:
            merged_into[i] = leaf.id
    data = model.model_dump(mode="python")
    fee = next(c for d in example.criteria.children for c in d.children if c.id == "cost.annual_fee")
    tree = Criterion.model_validate(data["criteria"])
    for cluster in tree.children:
        for dim in cluster.children:
            if dim.id == "cost":
                dim.children.append(fee)
    merged_into[fee.id] = fee.id
    leaves = [leaf.id for leaf in tree.leaves()]
    judgments, scores = {}, {}
    for m in example.members:
        g = dict.fromkeys(leaves, 0.0)
        for leaf, x in weights.member_global[m.id].items():
            g[merged_into[leaf]] += x
        nodes = {}
        for node, _, _ in tree.walk():
            if len(node.children) >= 2:
                sub = [sum(g[x.id] for x in c.leaves()) for c in node.children]
                nodes[node.id] = [Pairwise(a=a.id, b=b.id, value=float(ahp.nearest_scale_value(sub[i] / sub[j])))
                                  for i, a in enumerate(node.children) for j, b in enumerate(node.children) if i < j]
        judgments[m.id] = MemberJudgments(nodes=nodes)
        scores[m.id] = {}
        for v, cells in example.scores[m.id].items():
            acc = {}
            for leaf, x in cells.items():
                if x is not None:
                    acc.setdefault(merged_into[leaf], []).append(x)
            scores[m.id][v] = {k: float(np.mean(xs)) for k, xs in acc.items()}
    scales = {**model.scales, **example.scales}
    return Scenario(schema_version=1, kind="scenario", metadata=example.metadata, scales=scales, criteria=tree,
                    members=example.members, judgments=judgments, vendors=example.vendors, scores=scores,
                    settings=example.settings)


# --------------------------------------------------------------------------- the target
def test_issue15_target_example_tender_stops_within_60_questions_per_member_with_the_full_winner():
    full = load_scenario(EXAMPLE, lint=False)
    winner = evaluate(full, agreement=False).winners()["topsis"]
    result, counts, _ = simulate(full)
    assert result.done and result.reason == "settled"
    assert max(counts.values()) <= 60, counts
    assert (result.leader,) == winner
    assert result.winner_confidence >= 0.95


def test_grouped_model_committee_stops_within_60_questions_per_member_with_the_full_winner():
    full = grouped_committee()
    winner = evaluate(full, agreement=False).winners()["topsis"]
    result, counts, _ = simulate(full)
    assert result.done and max(counts.values()) <= 60, counts
    assert (result.leader,) == winner


# --------------------------------------------------------------------------- engine behaviour
@pytest.fixture(scope="module")
def example():
    return load_scenario(EXAMPLE, lint=False)


def test_full_judgments_settle_at_once_and_the_result_serialises(example):
    r = next_step(example, "cfo", samples=200, seed=1)
    assert r.done and r.reason == "settled" and r.leader == "huaxin"
    d = r.to_dict("zh", example.names("zh").get)
    assert d["done"] is True and d["reason"] == "settled" and d["winner_confidence"] >= 0.95
    assert "华信" in d["why"]
    assert all(s["checkable"] for s in d["nodes"] if not s["direct"])


def test_no_judgments_asks_a_question_with_names_and_not_checkable(example):
    sc = example.model_copy(deep=True)
    sc.judgments = {}
    r = next_step(sc, "fin_mgr", samples=200, seed=0)
    assert not r.done and r.checkable is False
    d = r.to_dict("en", sc.names("en").get)
    assert {"node", "a", "b", "why", "checkable"} <= set(d) and d["done"] is False
    node = next(n for n, _, _ in sc.criteria.walk() if n.id == d["node"])
    assert {d["a"], d["b"]} <= {c.id for c in node.children}
    assert sc.names("en")[d["a"]] in d["why"]
    assert all(s["cr"] is None and not s["checkable"] for s in d["nodes"])
    # same seed, same question
    assert next_step(sc, "fin_mgr", samples=200, seed=0).question == r.question


def test_consistency_is_not_checkable_on_a_spanning_tree_and_checkable_with_a_cycle(example):
    sc = example.model_copy(deep=True)
    node = next(n for n in sc.criteria.children if n.id == "quality")
    kids = [c.id for c in node.children]
    tree = [Pairwise(a=kids[0], b=k, value=3) for k in kids[1:]]  # n - 1 answers: connected, no cycle
    sc.judgments = {"cfo": MemberJudgments(nodes={"quality": tree})}
    s = node_status(sc, "cfo", node)
    assert s.connected and not s.checkable and s.cr is None and s.given == len(kids) - 1
    sc.judgments["cfo"].nodes["quality"].append(Pairwise(a=kids[1], b=kids[2], value=5))  # closes a cycle
    s = node_status(sc, "cfo", node)
    assert s.checkable and s.cr is not None and s.cr > 0


def test_unknown_member_and_bad_confidence_are_errors_in_both_languages(example):
    with pytest.raises(MCDAError) as e:
        next_step(example, "nobody")
    assert "nobody" in str(e.value) and "成员" in e.value.render("zh")
    with pytest.raises(MCDAError):
        next_step(example, "cfo", confidence=1.0)


# --------------------------------------------------------------------------- kernel
def test_posterior_with_many_consistent_answers_is_the_llsm_solution():
    rng = np.random.default_rng(0)
    w = np.array([0.5, 0.3, 0.2])
    i, j = np.triu_indices(3, 1)
    y = post.posterior_log_weights(3, i, j, np.log(w[i] / w[j]), 1e-4, 10.0, rng, 50)
    assert_allclose(np.exp(y - y.max(axis=1, keepdims=True)) / np.exp(y - y.max(axis=1, keepdims=True)).sum(1,
                    keepdims=True), np.broadcast_to(w, (50, 3)), rtol=1e-3)


def test_unanswered_pairs_are_sampled_within_saaty_range_and_answered_cells_kept():
    rng = np.random.default_rng(1)
    y = post.posterior_log_weights(4, np.array([0]), np.array([1]), np.log([3.0]), 0.4, post.TAU_DEFAULT, rng, 500)
    la, mi, _ = post.log_matrices(4, np.array([0]), np.array([1]), np.log([3.0]), y, 0.4, rng)
    assert_allclose(la[:, 0, 1], np.log(3.0))
    assert_allclose(la, -np.swapaxes(la, 1, 2))
    assert np.abs(la).max() <= post.LOG9 + 1e-12 and len(mi) == 5


def test_batch_eigenvector_matches_the_principal_eigenvector():
    rng = np.random.default_rng(2)
    la = np.zeros((20, 5, 5))
    iu = np.triu_indices(5, 1)
    vals = rng.uniform(-2, 2, (20, 10))
    la[:, iu[0], iu[1]] = vals
    la[:, iu[1], iu[0]] = -vals
    got = post.batch_priorities(la)
    want = np.stack([ahp.principal_eigen(np.exp(m))[1] for m in la])
    assert_allclose(got, want, atol=1e-9)


def test_mutual_information_is_one_bit_for_a_decisive_pair_and_zero_for_an_irrelevant_one():
    x = np.linspace(0, 1, 1000)
    rng = np.random.default_rng(3)
    mi = post.mutual_information(np.column_stack([x, rng.permutation(x), np.zeros_like(x)]), x > 0.5, bins=2)
    assert_allclose(mi[0], 1.0, atol=1e-9)
    assert mi[1] < 0.01 and mi[2] == 0.0


def test_cycle_detection_matches_edges_minus_forest_size():
    assert not post.has_cycle(4, np.array([0, 1, 2]), np.array([1, 2, 3]))
    assert post.has_cycle(4, np.array([0, 1, 2, 0]), np.array([1, 2, 3, 3]))
    assert not post.has_cycle(2, np.array([0]), np.array([1]))


def test_grouped_committee_fixture_is_valid():
    sc = grouped_committee()
    assert len(sc.criteria.leaves()) == 101  # 100 grouped leaves + the example's annual fee
    assert max(len(n.children) for n, _, _ in sc.criteria.walk()) == 7


def test_a_member_who_answered_everything_is_done_while_the_others_are_not(example):
    sc = example.model_copy(deep=True)
    sc.judgments = {"cfo": example.judgments["cfo"]}
    r = next_step(sc, "cfo", samples=200, seed=0, confidence=0.999)
    assert r.done and r.reason == "member_complete" and r.question is None
    assert "cfo" in r.to_dict("en")["member"] and r.to_dict("zh")["why"]
    assert not next_step(sc, "fin_mgr", samples=200, seed=0, confidence=0.999).done


@pytest.mark.parametrize("rule", ["aip_geometric", "aip_arithmetic"])
@pytest.mark.parametrize("priority", ["geometric_mean", "column_mean"])
def test_other_aggregation_rules_and_priority_methods_give_a_result(example, rule, priority):
    sc = example.model_copy(deep=True)
    sc.settings.aggregation, sc.settings.priority_method = rule, priority
    r = next_step(sc, "fin_mgr", samples=100, seed=0, method="wsm")
    assert r.method == "wsm" and 0 < r.winner_confidence <= 1
    assert sum(r.acceptability.values()) == pytest.approx(1.0)


def test_with_every_judgment_given_each_completion_is_the_committee_weights(example):
    sc = example.model_copy(deep=True)  # cfo alone has judged every pair: nothing left to sample
    sc.members = [m for m in sc.members if m.id == "cfo"]
    sc.judgments = {"cfo": sc.judgments["cfo"]}
    sc.scores = {"cfo": sc.scores["cfo"]}
    G, pairs, X, _ = sample_completions(sc, "cfo", 5, np.random.default_rng(0))
    assert pairs == [] and X.shape == (5, 0)
    want = compute_weights(sc).vector()
    assert_allclose(G, np.broadcast_to(want, G.shape), atol=1e-9)
