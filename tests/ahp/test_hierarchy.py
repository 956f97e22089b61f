"""mcda.ahp.hierarchy: global weights as products of local weights down a tree."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda.ahp.hierarchy import global_weights, leaves, parents, paths, validate_hierarchy
from mcda.errors import MCDAError

LOCAL = {
    "goal": {"cost": 0.5, "quality": 0.3, "risk": 0.2},
    "quality": {"sla": 0.6, "staff": 0.4},
    "risk": {"security": 0.7, "continuity": 0.3},
}


def test_global_weights_are_products_without_rounding():
    g = global_weights(LOCAL, "goal")
    assert list(g) == ["cost", "sla", "staff", "security", "continuity"]
    assert g == {"cost": 0.5, "sla": 0.3 * 0.6, "staff": 0.3 * 0.4, "security": 0.2 * 0.7,
                 "continuity": 0.2 * 0.3}
    assert math.fsum(g.values()) == pytest.approx(1.0, abs=1e-15)


def test_helpers():
    assert leaves(LOCAL, "goal") == ["cost", "sla", "staff", "security", "continuity"]
    assert paths(LOCAL, "goal")["continuity"] == ("goal", "risk", "continuity")
    assert parents(LOCAL)["sla"] == "quality"
    validate_hierarchy(LOCAL, "goal")


def test_parents_outside_the_root_are_refused():
    """Policy: every parent listed must lie under the root (an unknown parent is a typo, not a subtree)."""
    with pytest.raises(MCDAError, match=r"parent\(s\) \['goal', 'quality'\] are not under root 'risk'"):
        global_weights(LOCAL, "risk")


def test_120_leaves_sum_to_one():
    """AHPy rounds at every level (120 global weights summed to 0.9996, docs/methods.md#hierarchy); we do not."""
    local = {"goal": {f"c{i}": 1 / 8 for i in range(8)}}
    for i in range(8):
        local[f"c{i}"] = {f"c{i}s{j}": 1 / 15 for j in range(15)}
    g = global_weights(local, "goal")
    assert len(g) == 120
    assert math.fsum(g.values()) == pytest.approx(1.0, abs=1e-14)


@st.composite
def trees(draw):
    """Random weighted trees: each node gets 1-4 children, depth <= 3."""
    local = {}
    counter = [0]

    def grow(node, depth):
        k = draw(st.integers(1, 4))
        raw = [draw(st.floats(0.0, 1.0)) for _ in range(k)]
        if sum(raw) == 0:
            raw[0] = 1.0
        total = sum(raw)
        kids = {}
        for r in raw:
            counter[0] += 1
            kids[f"n{counter[0]}"] = r / total
        local[node] = kids
        for child in kids:
            if depth < 3 and draw(st.booleans()):
                grow(child, depth + 1)

    grow("root", 0)
    return local


@settings(max_examples=80, deadline=None)
@given(trees())
def test_global_weights_sum_to_one(local):
    g = global_weights(local, "root")
    assert math.fsum(g.values()) == pytest.approx(1.0, abs=1e-12)
    assert all(w >= 0 for w in g.values())
    assert set(g) == set(leaves(local, "root"))


@pytest.mark.parametrize(
    "local, root, fragment",
    [
        ({"goal": {"a": 0.5, "b": 0.6}}, "goal", "must sum to 1"),
        ({"goal": {"a": 1.2, "b": -0.2}}, "goal", "finite and >= 0"),
        ({"goal": {"a": float("nan"), "b": 1.0}}, "goal", "finite and >= 0"),
        ({"goal": {"a": "x", "b": 1.0}}, "goal", "must be a number"),
        ({"goal": {"a": 1.0}, "a": {"goal": 1.0}}, "goal", "cycle"),
        ({"goal": {"a": 1.0}, "a": {"b": 1.0}, "b": {"a": 1.0}}, "goal", "cycle"),
        ({"goal": {"a": 1.0}, "x": {"y": 1.0}}, "goal", "not under root"),
        ({"goal": {"a": 1.0}}, "top", "root 'top' has no children"),
        ({"goal": {"a": 0.5, "b": 0.5}, "a": {"c": 1.0}, "b": {"c": 1.0}}, "goal", "appears under both"),
        ({"goal": {}}, "goal", "must map each child"),
        (["goal"], "goal", "expected a mapping"),
    ],
)
def test_invalid_hierarchies(local, root, fragment):
    with pytest.raises(MCDAError, match=fragment):
        global_weights(local, root)


def test_sum_tolerance_is_1e_9():
    global_weights({"goal": {"a": 0.5, "b": 0.5 + 5e-10}}, "goal")
    with pytest.raises(MCDAError):
        global_weights({"goal": {"a": 0.5, "b": 0.5 + 5e-9}}, "goal")
