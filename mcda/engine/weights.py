"""From a scenario's judgments to local and global criteria weights (the AHP engine seam).

For every parent node of the criteria tree, each member's judgments become a
comparison matrix (``NaN`` = not judged) or a direct weight vector; the
committee's local weights come from the rule in ``settings.aggregation``:

* ``aij``: the weighted geometric mean of the members' judgments, pair by pair,
  over the members who judged the pair (Forman & Peniwati 1998), then the
  priorities of that matrix. Direct weights enter as the consistent matrix of
  their ratios ``w_i / w_j``. If a member's direct weights contain a zero (no
  ratio exists), the node falls back to ``aip_arithmetic`` and says so.
* ``aip_geometric`` / ``aip_arithmetic``: the weighted geometric (renormalised)
  or arithmetic mean of the members' own priority vectors.

Member voting weights are renormalised over the members who judged the node.
A node nobody judged gets equal weights, reported as such; a single-child node
gets weight 1. Global weights are products of local weights down the tree
(:func:`mcda.ahp.hierarchy.global_weights`), never rounded. Each member also gets
personal global weights: their own local weights where they judged a node, the
committee's elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mcda import ahp
from mcda.errors import MCDAError
from mcda.ahp.hierarchy import global_weights
from mcda.engine.gates import without_gates
from mcda.scenario.schema import Criterion, Scenario, Settings

__all__ = [
    "MemberNode",
    "NodeResult",
    "WeightsResult",
    "node_matrix",
    "local_priorities",
    "compute_weights",
    "recompose",
    "node_label",
]


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


@dataclass(frozen=True)
class NodeResult:
    """The committee's local weights at one parent node, with everything needed to explain them."""

    node: str
    children: tuple[str, ...]
    source: str  # "committee" | "equal" | "single_child"
    aggregation: str  # rule actually used (may differ from the setting, see module doc)
    weights: np.ndarray
    matrix: np.ndarray | None  # the AIJ matrix when aggregation is "aij"
    consistency: ahp.ConsistencyResult | None
    members: tuple[MemberNode, ...]
    consensus: ahp.ConsensusResult | None
    spread: tuple[ahp.PairSpread, ...]
    note: str = ""

    @property
    def local(self) -> dict[str, float]:
        return dict(zip(self.children, self.weights.tolist()))


@dataclass(frozen=True)
class WeightsResult:
    """Local weights per node, global leaf weights, per member and for the committee."""

    nodes: dict[str, NodeResult]
    local: dict[str, dict[str, float]]
    global_weights: dict[str, float]
    member_global: dict[str, dict[str, float]]
    root: str
    priority_method: str
    completion: str
    ri_table: str
    cr_threshold: float
    aggregation: str
    member_local: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)

    @property
    def leaves(self) -> list[str]:
        return list(self.global_weights)

    def vector(self) -> np.ndarray:
        """Global weights in leaf order, as an array."""
        return np.fromiter(self.global_weights.values(), dtype=float, count=len(self.global_weights))

    def worst_cr(self) -> tuple[str, str | None, float] | None:
        """(node, member or None for the committee, CR) of the largest CR in the tree."""
        worst = None
        for node in self.nodes.values():
            cands = [(None, node.consistency)] + [(m.member, m.consistency) for m in node.members]
            for member, c in cands:
                if c is not None and (worst is None or c.cr > worst[2]):
                    worst = (node.node, member, c.cr)
        return worst

    def to_dict(self) -> dict:
        """Plain JSON-ready data (``mcda weights --format json``)."""

        def cons(c):
            return None if c is None else {"lambda_max": c.lambda_max, "ci": c.ci, "ri": c.ri, "cr": c.cr,
                                           "acceptable": c.acceptable, "missing": c.missing}

        nodes = {}
        for nid, r in self.nodes.items():
            nodes[nid] = {
                "local": r.local, "source": r.source, "aggregation": r.aggregation, "note": r.note,
                "consistency": cons(r.consistency),
                "consensus": None if r.consensus is None else {"s_star": r.consensus.s_star, "band": r.consensus.band},
                "members": {m.member: {"kind": m.kind, "given": m.given, "total": m.total,
                                       "weights": None if m.weights is None else dict(zip(r.children, m.weights.tolist())),
                                       "consistency": cons(m.consistency), "error": m.error} for m in r.members},
                "deadlocks": [{"a": s.label_i, "b": s.label_j, "values": [None if v != v else v for v in s.values]}
                              for s in r.spread if s.deadlock],
            }
        worst = self.worst_cr()
        return {
            "settings": {"priority_method": self.priority_method, "completion": self.completion, "ri_table": self.ri_table,
                         "cr_threshold": self.cr_threshold, "aggregation": self.aggregation},
            "global": self.global_weights,
            "nodes": nodes,
            "worst_cr": None if worst is None else {"node": worst[0], "member": worst[1], "cr": worst[2]},
            "member_global": self.member_global,
        }

    def inconsistent(self) -> list[tuple[str, str | None, float]]:
        """Every (node, member or None, CR) above the threshold, worst first."""
        out = []
        for node in self.nodes.values():
            for member, c in [(None, node.consistency)] + [(m.member, m.consistency) for m in node.members]:
                if c is not None and not c.acceptable:
                    out.append((node.node, member, c.cr))
        return sorted(out, key=lambda x: -x[2])


def node_label(node: Criterion) -> str:
    """``id (中文名)`` for messages."""
    return f"{node.id} ({node.name.zh})" if node.name.zh else node.id


def node_matrix(scenario: Scenario, member: str, node: Criterion) -> np.ndarray | None:
    """The member's comparison matrix at ``node`` (NaN where not judged), or None if they gave none."""
    mj = scenario.judgments.get(member)
    if mj is None or node.id not in mj.nodes:
        return None
    children = [c.id for c in node.children]
    return ahp.matrix_from_judgments(children, {(p.a, p.b): p.value for p in mj.nodes[node.id]})


def _completion(settings: Settings) -> str:
    if settings.completion != "auto":
        return settings.completion
    return "llsm" if settings.priority_method == "geometric_mean" else "lambda_max"


def local_priorities(matrix: np.ndarray, settings: Settings, labels=None) -> np.ndarray:
    """Priorities of one (possibly incomplete) matrix under the scenario's settings.

    ``completion = auto`` uses the completion that belongs to the method
    (lambda_max-optimal for the eigenvector, LLSM for the geometric mean;
    Bozóki, Fülöp & Rónyai 2010); an explicit completion fills the matrix first.
    """
    completion = _completion(settings)
    if not np.isnan(matrix).any():
        return ahp.priorities(matrix, settings.priority_method, labels=labels)
    if completion == "harker":  # Harker's completion, then the chosen method (eigenvector: Harker's weights)
        return ahp.priorities(ahp.harker_completion(matrix, labels=labels), settings.priority_method, labels=labels)
    natural = {"eigenvector": "lambda_max", "geometric_mean": "llsm"}.get(settings.priority_method)
    if completion == natural:
        return ahp.priorities(matrix, settings.priority_method, labels=labels)
    return ahp.priorities(ahp.complete(matrix, completion, labels=labels), settings.priority_method, labels=labels)


def _member_node(scenario: Scenario, member: str, node: Criterion, settings: Settings) -> MemberNode | None:
    mj = scenario.judgments.get(member)
    if mj is None:
        return None
    children = [c.id for c in node.children]
    n = len(children)
    total = n * (n - 1) // 2
    if node.id in mj.direct:
        raw = np.array([mj.direct[node.id].get(c, 0.0) for c in children], dtype=float)
        w = raw / raw.sum()
        # as judgments, direct weights are the consistent matrix of their ratios; a zero weight has no
        # ratio, and ratios beyond the kernels' range (1e6) are not judgments anyone could give
        matrix = w[:, None] / w[None, :] if (w > 0).all() and w.max() / w.min() <= ahp.MAX_RATIO else None
        return MemberNode(member, "direct", matrix, w, None, None, n, n)
    a = node_matrix(scenario, member, node)
    if a is None:
        return None
    given = int(np.isfinite(a[np.triu_indices(n, 1)]).sum())
    try:
        w = local_priorities(a, settings, labels=children)
        c = ahp.consistency(a, settings.ri_table, settings.cr_threshold, labels=children)
        g = ahp.gci(a, labels=children) if settings.priority_method == "geometric_mean" and n >= 3 else None
    except MCDAError as exc:
        return MemberNode(member, "pairwise", a, None, None, None, given, total, error=str(exc))
    return MemberNode(member, "pairwise", a, w, c, g, given, total)


def _committee(node: Criterion, members: list[MemberNode], voting: dict[str, float], settings: Settings):
    """(aggregation used, weights, AIJ matrix or None, consistency or None, note)."""
    children = [c.id for c in node.children]
    lam = np.array([voting[m.member] for m in members])
    rule = settings.aggregation
    note = ""
    if rule == "aij" and any(m.matrix is None for m in members):
        rule = "aip_arithmetic"
        who = ", ".join(m.member for m in members if m.matrix is None)
        note = (f"direct weights of {who} contain a zero (or ratios beyond 1:1,000,000), which no judgment "
                "can express: aggregated by AIP (arithmetic)")
    if rule == "aij":
        agg = ahp.aggregate_judgments(np.stack([m.matrix for m in members]), lam, labels=children,
                                      members=[m.member for m in members])
        w = local_priorities(agg, settings, labels=children)
        c = ahp.consistency(agg, settings.ri_table, settings.cr_threshold, labels=children)
        return "aij", w, agg, c, note
    usable = [(m, l) for m, l in zip(members, lam) if m.weights is not None]
    if not usable:
        raise MCDAError("no member's judgments are connected, so no priorities exist")
    vecs = np.stack([m.weights for m, _ in usable])
    mode = "geometric" if rule == "aip_geometric" else "arithmetic"
    if mode == "geometric" and (vecs <= 0).any():
        mode, note = "arithmetic", "a zero direct weight has no geometric mean: aggregated by AIP (arithmetic)"
    w = ahp.aggregate_priorities(vecs, np.array([l for _, l in usable]), mode=mode)
    return f"aip_{mode}", w, None, None, note


def _node_result(scenario: Scenario, node: Criterion, settings: Settings, voting: dict[str, float]) -> NodeResult:
    children = tuple(c.id for c in node.children)
    n = len(children)
    if n == 1:
        return NodeResult(node.id, children, "single_child", "none", np.ones(1), None, None, (), None, (),
                          "a single sub-criterion has local weight 1")
    members = [m for m in (_member_node(scenario, mem.id, node, settings) for mem in scenario.members) if m is not None]
    if not members:
        return NodeResult(node.id, children, "equal", "equal", np.full(n, 1.0 / n), None, None, (), None, (),
                          "nobody judged this node: equal weights")
    try:
        rule, w, agg, c, note = _committee(node, members, voting, settings)
    except MCDAError as exc:
        raise MCDAError(f"criteria under {node_label(node)}: {exc}") from None
    vecs = [m.weights for m in members if m.weights is not None]
    cons = ahp.consensus(np.stack(vecs), [voting[m.member] for m in members if m.weights is not None]) if len(vecs) >= 2 else None
    mats = [m.matrix for m in members if m.kind == "pairwise"]
    spread = tuple(ahp.judgment_spread(np.stack(mats), labels=list(children),
                                       members=[m.member for m in members if m.kind == "pairwise"])) if mats else ()
    return NodeResult(node.id, children, "committee", rule, w, agg, c, tuple(members), cons, spread, note)


def _voting(scenario: Scenario) -> dict[str, float]:
    total = sum(m.weight for m in scenario.members)
    return {m.id: m.weight / total for m in scenario.members}


def recompose(nodes: dict[str, NodeResult], root: str, overrides: dict[str, dict[str, float]] | None = None) -> tuple[dict, dict]:
    """(local, global) weights from node results, with some nodes' local weights replaced."""
    local = {nid: r.local for nid, r in nodes.items()}
    if overrides:
        local.update(overrides)
    return local, global_weights(local, root)


def compute_weights(scenario: Scenario) -> WeightsResult:
    """Local, global and per-member weights of a scenario, with consistency at every node.

    Raises :class:`~mcda.errors.MCDAError` (naming the node) when the committee's
    combined judgments at a node do not connect all its sub-criteria.
    """
    scenario = without_gates(scenario)  # qualification gates carry no weight (mcda.engine.gates)
    s = scenario.settings
    voting = _voting(scenario) if scenario.members else {}
    nodes: dict[str, NodeResult] = {}
    for node, _, _ in scenario.criteria.walk():
        if node.children:
            nodes[node.id] = _node_result(scenario, node, s, voting)
    root = scenario.criteria.id
    local, glob = recompose(nodes, root)
    member_local: dict[str, dict[str, dict[str, float]]] = {}
    member_global: dict[str, dict[str, float]] = {}
    for mem in scenario.members:
        own = {nid: dict(zip(r.children, m.weights.tolist()))
               for nid, r in nodes.items() for m in r.members if m.member == mem.id and m.weights is not None}
        member_local[mem.id] = own
        member_global[mem.id] = global_weights({**local, **own}, root)
    return WeightsResult(nodes, local, glob, member_global, root, s.priority_method, _completion(s),
                         s.ri_table, s.cr_threshold, s.aggregation, member_local)
