"""The AHP engine seam (mcda.engine.weights): scenario judgments -> local and global weights."""
from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose

from mcda import ahp
from mcda.engine.weights import compute_weights
from mcda.errors import MCDAError
from mcda.scenario.io import load_scenario
from mcda.scenario.schema import Scenario

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example() -> Scenario:
    return load_scenario(ROOT / "scenarios" / "example_tender.json", lint=False)


def tiny(judgments: dict, members=("a", "b"), weights=(1.0, 1.0), settings=None) -> Scenario:
    """Goal -> {x, y, z}; x -> {x1, x2}; y and z are leaves."""
    leaf = {"direction": "benefit", "scale": "s"}
    data = {
        "schema_version": 1, "kind": "scenario",
        "scales": {"s": {"kind": "ordinal", "min": 1, "max": 5}},
        "criteria": {"id": "goal", "name": {"en": "Goal"}, "children": [
            {"id": "x", "name": {"en": "X"}, "children": [
                {"id": "x1", "name": {"en": "X1"}, **leaf}, {"id": "x2", "name": {"en": "X2"}, **leaf}]},
            {"id": "y", "name": {"en": "Y"}, **leaf},
            {"id": "z", "name": {"en": "Z"}, **leaf}]},
        "members": [{"id": m, "name": m, "weight": w} for m, w in zip(members, weights, strict=True)],
        "judgments": judgments,
        "settings": settings or {},
    }
    return Scenario.model_validate(data)


def pairs(**values) -> list[dict]:
    return [{"a": k.split("_")[0], "b": k.split("_")[1], "value": v} for k, v in values.items()]


def test_example_global_weights_sum_to_one_for_committee_and_members(example):
    w = compute_weights(example)
    assert len(w.global_weights) == 115
    assert_allclose(sum(w.global_weights.values()), 1.0, rtol=0, atol=1e-12)
    assert min(w.global_weights.values()) > 0
    for g in w.member_global.values():
        assert_allclose(sum(g.values()), 1.0, atol=1e-12)
        assert list(g) == list(w.global_weights)
    assert list(w.global_weights) == [leaf.id for leaf in example.criteria.leaves()]


def test_example_reports_the_inconsistent_node_and_the_worst_cr(example):
    w = compute_weights(example)
    node, member, cr = w.worst_cr()
    assert (node, member) == ("quality", "cfo") and cr > 0.1
    assert w.inconsistent()[0][:2] == ("quality", "cfo")
    goal = w.nodes["goal"]
    fin = next(m for m in goal.members if m.member == "fin_mgr")
    assert fin.given < fin.total == 171 and fin.consistency.missing == 171 - fin.given
    assert any(s.deadlock and {s.label_i, s.label_j} == {"cost", "innovation"} for s in goal.spread)


def test_direct_weights_are_used_as_given(example):
    w = compute_weights(example)
    node = w.nodes["security"]
    it = next(m for m in node.members if m.member == "it_sec")
    pct = example.judgments["it_sec"].direct["security"]
    assert it.kind == "direct"
    assert_allclose(it.weights, np.array([pct[c] for c in node.children]) / sum(pct.values()))


def test_aij_is_the_weighted_geometric_mean_of_judgments():
    s = tiny({"a": {"nodes": {"goal": pairs(x_y=3, x_z=5, y_z=2)}},
              "b": {"nodes": {"goal": pairs(x_y=1, x_z="1/3", y_z=4)}}},
             weights=(3.0, 1.0))
    w = compute_weights(s)
    agg = w.nodes["goal"].matrix
    assert_allclose(agg[0, 1], 3 ** 0.75 * 1 ** 0.25)
    assert_allclose(agg[0, 2], 5 ** 0.75 * (1 / 3) ** 0.25)
    assert_allclose(w.nodes["goal"].weights, ahp.priorities(agg, "eigenvector"))


def test_aij_equals_geometric_aip_with_the_geometric_mean_method():
    """Forman & Peniwati (1998): with row-geometric-mean priorities AIJ and geometric AIP coincide."""
    judg = {"a": {"nodes": {"goal": pairs(x_y=3, x_z=5, y_z=2)}},
            "b": {"nodes": {"goal": pairs(x_y="1/2", x_z=7, y_z=6)}}}
    aij = compute_weights(tiny(judg, weights=(2, 1), settings={"priority_method": "geometric_mean"}))
    aip = compute_weights(tiny(judg, weights=(2, 1),
                               settings={"priority_method": "geometric_mean", "aggregation": "aip_geometric"}))
    assert_allclose(aij.nodes["goal"].weights, aip.nodes["goal"].weights, rtol=1e-12)


def test_a_node_nobody_judged_gets_equal_weights_and_says_so():
    s = tiny({"a": {"nodes": {"goal": pairs(x_y=3, x_z=5, y_z=2)}}})
    w = compute_weights(s)
    assert w.nodes["x"].source == "equal" and "equal" in w.nodes["x"].note
    assert_allclose(w.nodes["x"].weights, [0.5, 0.5])
    assert_allclose(w.global_weights["x1"], w.local["goal"]["x"] / 2)


def test_members_who_did_not_judge_a_pair_do_not_dilute_it():
    s = tiny({"a": {"nodes": {"goal": pairs(x_y=3, x_z=5, y_z=2)}}, "b": {"nodes": {"goal": pairs(x_y=1)}}})
    agg = compute_weights(s).nodes["goal"].matrix
    assert_allclose([agg[0, 1], agg[0, 2], agg[1, 2]], [3 ** 0.5, 5, 2])


def test_a_disconnected_committee_node_is_an_error_naming_the_node():
    s = tiny({"a": {"nodes": {"x": pairs(x1_x2=2), "goal": pairs(x_y=3)}}})
    with pytest.raises(MCDAError, match=r"criteria under goal.*z"):
        compute_weights(s)


def test_a_members_disconnected_judgments_are_flagged_not_fatal_when_the_committee_connects():
    s = tiny({"a": {"nodes": {"goal": pairs(x_y=3)}}, "b": {"nodes": {"goal": pairs(y_z=2)}}})
    w = compute_weights(s)
    assert all(m.error and "unconnected" in m.error for m in w.nodes["goal"].members)
    assert np.isnan(w.nodes["goal"].matrix[0, 2])  # nobody judged x vs z ...
    assert_allclose(w.nodes["goal"].weights, np.array([6, 2, 1]) / 9)  # ... the completion is consistent: 3 * 2


def test_zero_direct_weight_falls_back_to_arithmetic_aip_and_says_why():
    s = tiny({"a": {"direct": {"goal": {"x": 60, "y": 40, "z": 0}}},
              "b": {"nodes": {"goal": pairs(x_y=1, x_z=1, y_z=1)}}})
    node = compute_weights(s).nodes["goal"]
    assert node.aggregation == "aip_arithmetic" and "zero" in node.note
    assert_allclose(node.weights, (np.array([0.6, 0.4, 0.0]) + 1 / 3) / 2)


def test_every_random_index_table_and_method_combination_runs(example):
    for table in ("alonso_lamata", "donegan_dodd"):
        for method in ("eigenvector", "geometric_mean", "column_mean"):
            settings = example.settings.model_copy(update={"ri_table": table, "priority_method": method})
            s = example.model_copy(update={"settings": settings})
            w = compute_weights(s)
            assert_allclose(sum(w.global_weights.values()), 1.0, atol=1e-12)
            assert w.nodes["goal"].consistency.ri_table == table


def test_saaty_1980_table_cannot_cover_19_dimensions(example):
    s = copy.deepcopy(example)
    s.settings.ri_table = "saaty_1980"
    with pytest.raises(MCDAError, match="alonso_lamata"):
        compute_weights(s)


def test_harker_completion_setting_keeps_the_priority_method():
    judg = {"a": {"nodes": {"goal": pairs(x_y=3, y_z=2)}}}  # x vs z missing
    eig = compute_weights(tiny(judg, settings={"completion": "harker"}))
    gm = compute_weights(tiny(judg, settings={"completion": "harker", "priority_method": "geometric_mean"}))
    a = np.array([[1, 3, np.nan], [1 / 3, 1, 2], [np.nan, 1 / 2, 1]])
    assert_allclose(eig.nodes["goal"].weights, ahp.harker_weights(a))
    assert_allclose(gm.nodes["goal"].weights, ahp.priorities(ahp.harker_completion(a), "geometric_mean"))


# --------------------------------------------------------------------------- results pinned before the speed change
REFERENCE = ROOT / "tests" / "engine" / "data" / "reference_weights.json"


def _assert_same(found, expected, path="") -> None:
    """Recursive comparison of JSON-ready data: numbers to 1e-12 (absolute and relative), the rest exactly."""
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


@pytest.mark.parametrize("variant", [
    f"{m}/{a}/auto" for m in ("eigenvector", "geometric_mean", "column_mean", "harker")
    for a in ("aij", "aip_geometric", "aip_arithmetic")
] + [f"eigenvector/aij/{c}" for c in ("lambda_max", "llsm", "harker")]
  + [f"geometric_mean/aip_geometric/{c}" for c in ("lambda_max", "harker")])
def test_weights_equal_the_reference_computed_before_the_speed_change(example, variant):
    """``tests/engine/data/reference_weights.json`` holds ``compute_weights(...).to_dict()`` of the example
    under each setting, computed by the code at commit eb4060a (before weights were cached and the
    per-member analytics batched): global, local and members' weights, CR, consensus and deadlocks
    must be the same to 1e-12."""
    import json

    expected = json.loads(REFERENCE.read_text(encoding="utf-8"))[variant]
    method, agg, comp = variant.split("/")
    s = example.model_copy(update={"settings": example.settings.model_copy(
        update={"priority_method": method, "aggregation": agg, "completion": comp})})
    _assert_same(compute_weights(s).to_dict(), expected)


# --------------------------------------------------------------------------- lazy analytics and the cache
def test_member_analytics_are_computed_on_first_use_only(example, monkeypatch):
    from mcda.engine import weights as wmod
    from mcda.engine.weights_cache import CACHE

    calls = []
    real = wmod.MemberAnalytics._compute
    monkeypatch.setattr(wmod.MemberAnalytics, "_compute", lambda self: calls.append(1) or real(self))
    CACHE.clear()
    w = compute_weights(example)
    assert calls == []  # the committee's weights need no member analytics with AIJ
    assert w.to_dict()["nodes"]["goal"]["members"]["cfo"]["consistency"] is not None
    assert calls == [1]
    w.member_global, w.worst_cr(), [r.consensus for r in w.nodes.values()]
    assert calls == [1]  # once, for every node


def test_weights_are_cached_by_judgments_and_settings_not_by_scores(example):
    from mcda.engine.weights_cache import CACHE

    CACHE.clear()
    w = compute_weights(example)
    scores = copy.deepcopy(example.scores)
    scores["cfo"]["huaxin"]["quality.expertise"] = 1.0
    edited = example.model_copy(update={"scores": scores})
    assert compute_weights(edited) is w  # a score edit reuses the weights
    other = example.model_copy(
        update={"settings": example.settings.model_copy(update={"priority_method": "geometric_mean"})})
    assert compute_weights(other) is not w
    judgments = copy.deepcopy(example.judgments)
    judgments["cfo"].nodes["goal"][0].value = 9.0 if judgments["cfo"].nodes["goal"][0].value != 9.0 else 1.0
    assert compute_weights(example.model_copy(update={"judgments": judgments})) is not w
    members = [m.model_copy(update={"weight": m.weight * (2 if m.id == "cfo" else 1)}) for m in example.members]
    assert compute_weights(example.model_copy(update={"members": members})) is not w
    assert compute_weights(example) is w


def test_fast_matrices_equal_matrix_from_judgments(example):
    from mcda.engine.weights import node_matrix

    for node, _, _ in example.criteria.walk():
        for m in example.members:
            mj = example.judgments.get(m.id)
            a = node_matrix(example, m.id, node)
            if mj is None or node.id not in mj.nodes:
                assert a is None
                continue
            ref = ahp.matrix_from_judgments([c.id for c in node.children],
                                            {(p.a, p.b): p.value for p in mj.nodes[node.id]})
            np.testing.assert_array_equal(a, ref)


def test_a_result_pickles_before_and_after_its_lazy_parts_are_computed(example):
    """Streamlit's st.cache_data pickles engine results."""
    import pickle

    from mcda.engine.weights_cache import CACHE

    CACHE.clear()
    w = compute_weights(example)
    again = pickle.loads(pickle.dumps(w))
    assert again.global_weights == w.global_weights
    _assert_same(again.to_dict(), w.to_dict())
    assert pickle.loads(pickle.dumps(w)).member_global == w.member_global
