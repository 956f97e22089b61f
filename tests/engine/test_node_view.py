"""The judgments page's per-node data (:func:`mcda.engine.node_view.node_view`)."""
from __future__ import annotations

import numpy as np
import pytest

import mcda
from mcda.engine.node_view import node_view
from mcda.errors import MCDAError
from mcda.scenario import edits


@pytest.fixture(scope="module")
def example():
    return mcda.load_scenario(mcda.bundled.EXAMPLE, lint=False)


def test_a_fully_judged_node_is_checkable_with_a_cr(example):
    member = example.members[0].id
    view = node_view(example, member, "goal")
    n = view.matrix.shape[0]
    assert view.checkable and view.consistency is not None and view.answered == n * (n - 1) // 2
    np.testing.assert_allclose(view.weights.sum(), 1.0)


def test_a_spanning_tree_of_answers_is_not_checkable_yet(example):
    """n - 1 answers connect every item but contain no cycle: CR would be 0 and mean nothing."""
    member = example.members[0].id
    node = next(n for n, _, _ in example.criteria.walk() if n.id == "quality")
    kids = [c.id for c in node.children]
    s = example
    for a, b in [(a, b) for i, a in enumerate(kids) for b in kids[i + 1:]]:
        s = edits.set_pairwise(s, member, "quality", a, b, None)
    for a, b in zip(kids, kids[1:], strict=False):
        s = edits.set_pairwise(s, member, "quality", a, b, 2.0)
    view = node_view(s, member, "quality")
    assert view.answered == len(kids) - 1 and view.questions.connected
    assert not view.checkable and view.consistency is None and view.weights is not None
    s = edits.set_pairwise(s, member, "quality", kids[0], kids[2], 4.0)  # closes a cycle
    view = node_view(s, member, "quality")
    assert view.checkable and view.consistency is not None


def test_an_unknown_node_is_a_clear_error(example):
    with pytest.raises(MCDAError, match="no criterion 'nope'") as info:
        node_view(example, example.members[0].id, "nope")
    assert "指标" in info.value.render("zh")


def test_the_weights_report_no_cr_for_answers_without_a_cycle(example):
    """compute_weights: a member's spanning tree of answers has no CR (not 0) until a cycle closes."""
    from mcda.engine.weights import compute_weights

    member = example.members[0].id
    node = next(n for n, _, _ in example.criteria.walk() if n.id == "quality")
    kids = [c.id for c in node.children]
    s = example
    for a, b in [(a, b) for i, a in enumerate(kids) for b in kids[i + 1:]]:
        s = edits.set_pairwise(s, member, "quality", a, b, None)
    for a, b in zip(kids, kids[1:], strict=False):
        s = edits.set_pairwise(s, member, "quality", a, b, 3.0)
    mine = next(m for m in compute_weights(s).nodes["quality"].members if m.member == member)
    assert not mine.checkable and mine.consistency is None and mine.weights is not None
    assert all(entry[:2] != ("quality", member) for entry in compute_weights(s).inconsistent())
    s = edits.set_pairwise(s, member, "quality", kids[0], kids[2], 1 / 5)
    mine = next(m for m in compute_weights(s).nodes["quality"].members if m.member == member)
    assert mine.checkable and mine.consistency is not None and mine.consistency.cr > 0
