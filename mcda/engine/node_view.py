"""One member's judgments at one node of the criteria tree, as the judgments page shows them.

Everything here comes from the AHP kernels: completeness and the next questions
(:func:`mcda.ahp.next_question`), consistency (:func:`mcda.ahp.consistency`), repair hints
(:func:`mcda.ahp.repair_hints`) and the member's own local weights. Consistency can only be
checked once the answers contain a cycle: with ``n`` items that needs at least ``n`` answered
pairs forming a connected graph (a spanning tree, ``n - 1`` pairs, is always perfectly
consistent, so its CR of 0 says nothing); before that ``checkable`` is False and
``consistency`` is None.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mcda import ahp
from mcda.engine.weights import local_priorities, node_matrix
from mcda.errors import MCDAError
from mcda.scenario.schema import Scenario

__all__ = ["NodeView", "node_view"]


@dataclass(frozen=True)
class NodeView:
    """One member's judgments at one node (``matrix``: (n, n), NaN = not judged)."""

    matrix: np.ndarray
    questions: ahp.NextQuestions
    consistency: ahp.ConsistencyResult | None
    hints: tuple[ahp.RepairHint, ...]
    weights: np.ndarray | None  # the member's own local weights at the node
    error: dict[str, str] | None = None  # {"zh": ..., "en": ...} when the weights cannot be computed
    answered: int = 0
    checkable: bool = False  # the answers contain a cycle, so the CR means something


def _answered(matrix: np.ndarray) -> int:
    n = matrix.shape[0]
    upper = matrix[np.triu_indices(n, 1)]
    return int(np.count_nonzero(~np.isnan(upper)))


def node_view(scenario: Scenario, member: str, node_id: str) -> NodeView:
    """Completeness, the next questions, consistency, repair hints and the member's weights at a node."""
    s = scenario.settings
    node = next((n for n, _, _ in scenario.criteria.walk() if n.id == node_id), None)
    if node is None:
        raise MCDAError(code="err.engine.no_node", node=node_id)
    children = [c.id for c in node.children]
    matrix = node_matrix(scenario, member, node)
    if matrix is None:
        matrix = ahp.matrix_from_judgments(children, {})
    answered = _answered(matrix)
    questions = ahp.next_question(matrix, labels=children, k=3)
    if not questions.connected:
        return NodeView(matrix, questions, None, (), None, None, answered, False)
    checkable = len(children) >= 3 and answered >= len(children)
    try:
        own = local_priorities(matrix, s, labels=children)
        if not checkable:
            return NodeView(matrix, questions, None, (), own, None, answered, False)
        cons = ahp.consistency(matrix, s.ri_table, s.cr_threshold, labels=children)
        hints = () if cons.acceptable else tuple(ahp.repair_hints(matrix, k=3, method=s.priority_method,
                                                                  ri_table=s.ri_table, labels=children))
    except MCDAError as exc:
        return NodeView(matrix, questions, None, (), None, {"zh": exc.render("zh"), "en": exc.render("en")}, answered,
                        checkable)
    return NodeView(matrix, questions, cons, hints, own, None, answered, True)
