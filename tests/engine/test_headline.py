"""The headline (mcda.engine.headline): winner, margin, SMAA share, smallest flip, distinct methods, checklist."""
from __future__ import annotations

import doctest
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose

from mcda.engine import headline as hl
from mcda.engine.analysis import rescale_local, stability_table
from mcda.engine.evaluation import evaluate, with_local_weights
from mcda.scenario.io import load_scenario

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"winner", "runner_up", "margin", "first_rank_share", "flip", "distinct_methods", "distinct_methods_agree",
        "complete", "missing"}


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(ROOT / "scenarios" / "example_tender.json", lint=False)


@pytest.fixture(scope="module")
def evaluation(scenario):
    return evaluate(scenario)


@pytest.fixture(scope="module")
def head(evaluation):
    return hl.headline(evaluation, smaa_samples=2000, seed=1)


def test_doctests():
    result = doctest.testmod(hl, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted and not result.failed


def test_to_dict_has_exactly_the_documented_keys(head):
    d = head.to_dict()
    assert set(d) == KEYS
    assert set(d["flip"]) == {"node", "from", "to", "vendor"}
    assert d["distinct_methods"] == 2 and d["distinct_methods_agree"] is True


def test_winner_runner_up_and_margin_are_the_primary_methods(evaluation, head):
    out = evaluation.methods["topsis"]
    order = out.order()
    assert head.method == "topsis"
    assert (head.winner, head.runner_up) == (evaluation.vendors[order[0]], evaluation.vendors[order[1]])
    assert_allclose(head.margin, out.scores[order[0]] - out.scores[order[1]])
    assert head.margin > 0


def test_first_rank_share_is_a_probability_and_seeded(evaluation, head):
    assert 0.5 < head.first_rank_share <= 1.0
    assert hl.headline(evaluation, smaa_samples=2000, seed=1).first_rank_share == head.first_rank_share
    assert hl.headline(evaluation, smaa_samples=0).first_rank_share is None


def test_the_flip_is_the_smallest_change_in_the_stability_table_and_really_flips(evaluation, head):
    flip = head.flip
    rows = stability_table(evaluation, method="topsis", level="all")
    changes = [abs(end - r.current) * hl._global(evaluation, r.parent) for r in rows
               for end, who in ((r.winner_low, r.taker_below), (r.winner_high, r.taker_above)) if who]
    assert_allclose(flip.change, min(changes))
    parent = next(p for p, kids in evaluation.local.items() if flip.node in kids)
    assert_allclose(flip.start, evaluation.local[parent][flip.node] * flip.parent_weight)
    local_end = flip.end / flip.parent_weight
    beyond = local_end + 1e-3 * np.sign(flip.end - flip.start)
    moved = with_local_weights(evaluation, {parent: rescale_local(evaluation.local[parent], flip.node, beyond)})
    topsis = moved.methods["topsis"]
    assert evaluation.vendors[int(topsis.order()[0])] == flip.vendor != head.winner
    assert flip.leader == head.winner


def test_wsm_with_max_and_ahp_ideal_count_once(head):
    assert head.method_groups == (("topsis",), ("wsm", "ahp_ideal"))
    assert head.duplicates == (("wsm", "ahp_ideal"),)


def test_affine_groups_respect_orientation():
    scores = {"a": np.array([0.1, 0.5, 0.9]), "q": np.array([0.9, 0.5, 0.1]), "r": np.array([0.9, 0.5, 0.1])}
    assert hl.affine_groups(scores, {"a": True, "q": False, "r": True}) == (("a", "q"), ("r",))
    const = {"x": np.ones(3), "y": np.full(3, 2.0), "z": np.array([1.0, 2, 3])}
    assert hl.affine_groups(const, dict.fromkeys(const, True)) == (("x", "y"), ("z",))


def test_methods_that_disagree_are_reported(scenario):
    sc = scenario.model_copy(deep=True)
    sc.settings.ranking_methods = ["topsis", "wsm"]
    ev = evaluate(sc)
    h = hl.headline(ev, smaa_samples=0)
    winners = {frozenset(np.flatnonzero(m.ranks == 1).tolist()) for m in ev.methods.values()}
    assert h.distinct_methods_agree == (len(winners) == 1)


def test_the_example_lacks_scores_only(head):
    assert not head.complete
    assert [(m.kind, m.member, m.count, m.page) for m in head.missing] == [("scores", "cfo", 2, "scores"),
                                                                            ("scores", "it_sec", 8, "scores")]


def test_missing_judgments_and_nobody_judged(scenario):
    sc = scenario.model_copy(deep=True)
    sc.judgments.pop("it_sec")
    for mj in sc.judgments.values():
        mj.nodes.pop("cost", None)
        mj.direct.pop("cost", None)
    got = hl.missing_inputs(sc)
    kinds = [(m.kind, m.member) for m in got]
    assert ("nobody_judged", None) in kinds and ("judgments", "it_sec") in kinds
    nobody = next(m for m in got if m.kind == "nobody_judged")
    assert nobody.items == ("cost",)
    it_sec = next(m for m in got if m.member == "it_sec" and m.kind == "judgments")
    parents = [n.id for n, _, _ in sc.criteria.walk() if len(n.children) >= 2]
    assert it_sec.count == len(parents) and it_sec.page == "judgments"


def test_missing_from_the_scenario_equals_missing_from_the_problem(scenario, evaluation):
    assert hl.missing_inputs(scenario) == hl.missing_inputs(scenario, evaluation.problem.raw)


def _fill(sc, leaf_id):
    leaf = next(leaf for leaf in sc.criteria.leaves() if leaf.id == leaf_id)
    lo, hi = sc.scales[leaf.scale].bounds
    return (lo + hi) / 2


def test_a_complete_scenario_is_complete(scenario):
    sc = scenario.model_copy(deep=True)
    leaves = [leaf.id for leaf in sc.criteria.leaves()]
    for m in sc.members:
        for v in sc.vendors:
            cells = sc.scores.setdefault(m.id, {}).setdefault(v.id, {})
            for c in leaves:
                if cells.get(c) is None:
                    cells[c] = _fill(sc, c)
    h = hl.headline(evaluate(sc), smaa_samples=0)
    assert h.complete and h.to_dict()["missing"] == []
