"""Each member's own results at every node (priorities, CR, GCI), the consensus and the judgment spread,
computed together, once, the first time they are read (see :mod:`mcda.engine.weights`).

Every member's pairwise matrix of every node goes into one :func:`mcda.ahp.batch.analyse`
call (one ``eig`` per matrix size, one completion per incomplete matrix); the consensus is
Goepel's S* (:func:`mcda.ahp.consensus`) and the spread :func:`mcda.ahp.judgment_spread`.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from mcda import ahp
from mcda.ahp.batch import analyse
from mcda.engine.weights_cache import JudgmentInputs, NodeInput

__all__ = ["MemberNode"]


@dataclass(frozen=True)
class MemberNode:
    """One member's input at one node and what it gives on its own."""

    member: str
    kind: str  # "pairwise" | "direct"
    matrix: np.ndarray | None  # (n, n), NaN = missing; None for direct weights with a zero
    weights: np.ndarray | None  # None when the member's judgments are not connected
    consistency: ahp.ConsistencyResult | None
    gci: ahp.GCIResult | None
    given: int
    total: int
    error: str | None = None

    @property
    def checkable(self) -> bool:
        """Whether the answers can show inconsistency: pairwise, at least 3 items and at least as many
        answered pairs as items (a connected set of ``n - 1`` answers is a spanning tree, always
        consistent, so its CR of 0 says nothing). Until then ``consistency`` is None."""
        n = 0 if self.matrix is None else self.matrix.shape[0]
        return self.kind == "pairwise" and n >= 3 and self.given >= n


class MemberAnalytics:
    """The per-member analytics of every node, computed together on first use (see the module doc)."""

    def __init__(self, inputs: JudgmentInputs):
        self._inputs = inputs
        self._lock = threading.Lock()
        self._members: dict[str, tuple[MemberNode, ...]] | None = None
        self._consensus: dict[str, ahp.ConsensusResult | None] = {}
        self._spread: dict[str, tuple[ahp.PairSpread, ...]] = {}

    def __getstate__(self) -> dict:  # picklable (Streamlit's st.cache_data pickles results): no lock
        state = dict(self.__dict__)
        del state["_lock"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def members(self, node: str) -> tuple[MemberNode, ...]:
        if self._members is None:
            with self._lock:
                if self._members is None:
                    self._members = self._compute()
        return self._members.get(node, ())

    def _compute(self) -> dict[str, tuple[MemberNode, ...]]:
        s = self._inputs.settings
        where, mats, labels = [], [], []
        for ni in self._inputs.nodes:
            for t, kind in enumerate(ni.kinds):
                if kind == "pairwise":
                    where.append((ni.node, t))
                    mats.append(ni.matrices[t])
                    labels.append(ni.children)
        r = analyse(mats, s["priority_method"], s["completion"], s["ri_table"], s["cr_threshold"], labels=labels)
        found = {key: k for k, key in enumerate(where)}
        out = {}
        for ni in self._inputs.nodes:
            n = len(ni.children)
            total = n * (n - 1) // 2
            members = []
            for t, (mid, kind) in enumerate(zip(ni.members, ni.kinds, strict=True)):
                a = ni.matrices[t]
                if kind == "direct":
                    members.append(MemberNode(mid, "direct", a, ni.direct[t], None, None, n, n))
                    continue
                k = found[(ni.node, t)]
                given = total - int(np.isnan(a).sum()) // 2
                if r.errors[k] is not None:
                    members.append(MemberNode(mid, "pairwise", a, None, None, None, given, total,
                                              error=str(r.errors[k])))
                else:
                    checkable = n >= 3 and given >= n  # see MemberNode.checkable
                    g = r.gci[k] if checkable else None
                    c = r.consistency[k] if checkable or n < 3 else None
                    members.append(MemberNode(mid, "pairwise", a, r.weights[k], c, g, given, total))
            out[ni.node] = tuple(members)
        return out

    def consensus(self, node: str) -> ahp.ConsensusResult | None:
        """Goepel's S* over the members' priority vectors at ``node`` (at least two members with weights)."""
        if node not in self._consensus:
            usable = [m for m in self.members(node) if m.weights is not None]
            voting = self._inputs.voting
            self._consensus[node] = (ahp.consensus(np.stack([m.weights for m in usable]),
                                                   [voting[m.member] for m in usable])
                                     if len(usable) >= 2 else None)
        return self._consensus[node]

    def spread(self, ni: NodeInput) -> tuple[ahp.PairSpread, ...]:
        """The spread of the pairwise judgments at a node (:func:`mcda.ahp.judgment_spread`)."""
        if ni.node not in self._spread:
            pick = [t for t, kind in enumerate(ni.kinds) if kind == "pairwise"]
            self._spread[ni.node] = tuple(ahp.judgment_spread(
                np.stack([ni.matrices[t] for t in pick]), labels=list(ni.children),
                members=[ni.members[t] for t in pick])) if pick else ()
        return self._spread[ni.node]
