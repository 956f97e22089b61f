"""How far each member has got: the moderator's progress board, computed from a scenario.

Per member:

* **judgments** ``answered`` / ``needed``: at every parent node with ``n >= 2`` children,
  ``needed`` is the minimum that connects its children (``n - 1`` pairs) and ``all`` is
  every pair (``n (n - 1) / 2``); a node answered with direct weights counts as complete
  (all its pairs answered);
* **CR state** (worst over the member's nodes, :func:`mcda.engine.node_view.node_view`):
  ``"incomplete"`` (some node's answers do not connect its children), ``"high"`` (some
  CR over the threshold), ``"ok"``, or ``"not checkable"`` (every node connected but no
  answers forming a cycle yet, so no CR means anything); ``max_cr`` is the largest CR found;
* **scores** ``filled`` / ``needed``: non-empty cells of vendors x leaf criteria.

Submission, lock and last activity come from the committee's records (:mod:`mcda.committee.tender`).
"""
from __future__ import annotations

from dataclasses import dataclass

from mcda.engine.node_view import node_view
from mcda.scenario.schema import Scenario

__all__ = ["MemberProgress", "parent_nodes", "member_progress"]


@dataclass(frozen=True)
class MemberProgress:
    """One member's row of the progress board."""

    member: str
    answered: int
    needed: int
    all_pairs: int
    cr_state: str
    max_cr: float | None
    filled: int
    cells: int
    submitted: bool = False
    locked: bool = False
    submitted_version: int | None = None
    last_activity: str | None = None

    def as_dict(self) -> dict:
        return {"judgments": [self.answered, self.needed], "judgments_all": self.all_pairs, "cr": self.cr_state,
                "max_cr": self.max_cr, "scores": [self.filled, self.cells], "submitted": self.submitted,
                "locked": self.locked, "submitted_version": self.submitted_version,
                "last_activity": self.last_activity}


def parent_nodes(scenario: Scenario) -> list:
    """The criteria nodes with two or more children (where judgments are asked)."""
    return [n for n, _, _ in scenario.criteria.walk() if len(n.children) >= 2]


def member_progress(scenario: Scenario, member: str) -> MemberProgress:
    """``member``'s judgments, consistency and scores (see the module docstring)."""
    answered = needed = all_pairs = 0
    states: list[str] = []
    max_cr: float | None = None
    direct = scenario.judgments.get(member).direct if member in scenario.judgments else {}
    for node in parent_nodes(scenario):
        n = len(node.children)
        needed += n - 1
        all_pairs += n * (n - 1) // 2
        if node.id in direct:
            answered += n * (n - 1) // 2
            states.append("ok")
            continue
        view = node_view(scenario, member, node.id)
        answered += view.answered
        if not view.questions.connected:
            states.append("incomplete")
        elif view.consistency is not None:
            max_cr = view.consistency.cr if max_cr is None else max(max_cr, view.consistency.cr)
            states.append("ok" if view.consistency.acceptable else "high")
        else:
            states.append("not checkable")
    order = ("incomplete", "high", "not checkable", "ok")
    state = next((s for s in order if s in states), "ok")
    leaves = [leaf.id for leaf in scenario.criteria.leaves()]
    own = scenario.scores.get(member, {})
    filled = sum(1 for v in scenario.vendors for leaf in leaves if own.get(v.id, {}).get(leaf) is not None)
    cells = len(leaves) * len(scenario.vendors)
    return MemberProgress(member, answered, needed, all_pairs, state, max_cr, filled, cells)
