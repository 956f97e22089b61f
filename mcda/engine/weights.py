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

Speed: the committee's weights are computed eagerly, every node's matrices of one
size in one batch (:func:`mcda.ahp.batch.analyse`); the per-member analytics (each
member's priorities, CR and GCI, the consensus, the judgment spread and the members'
own global weights) are computed lazily, for all nodes at once, the first time a
page, report or command reads them.  Results are cached by a digest of the
criteria, members, judgments and weight settings (:mod:`mcda.engine.weights_cache`),
so score edits and what-if analyses never recompute them; a cached result is shared
and must be treated as read-only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from mcda import ahp
from mcda.ahp.batch import analyse, natural_completion
from mcda.ahp.hierarchy import global_weights
from mcda.engine.gates import without_gates
from mcda.engine.member_analytics import MemberAnalytics, MemberNode
from mcda.engine.weights_cache import CACHE, JudgmentInputs, NodeInput, judgment_inputs, member_matrix
from mcda.errors import MCDAError
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
class NodeResult:
    """The committee's local weights at one parent node, with everything needed to explain them.

    ``members``, ``consensus`` and ``spread`` are computed on first use (for every node at once).
    """

    node: str
    children: tuple[str, ...]
    source: str  # "committee" | "equal" | "single_child"
    aggregation: str  # rule actually used (may differ from the setting, see module doc)
    weights: np.ndarray
    matrix: np.ndarray | None  # the AIJ matrix when aggregation is "aij"
    consistency: ahp.ConsistencyResult | None
    note: str = ""
    analytics: MemberAnalytics | None = field(default=None, repr=False, compare=False)
    node_input: NodeInput | None = field(default=None, repr=False, compare=False)

    @property
    def local(self) -> dict[str, float]:
        return dict(zip(self.children, self.weights.tolist(), strict=True))

    @property
    def members(self) -> tuple[MemberNode, ...]:
        """Each member's input and own results here (members who gave none are left out)."""
        return self.analytics.members(self.node) if self.analytics is not None else ()

    @property
    def consensus(self) -> ahp.ConsensusResult | None:
        return self.analytics.consensus(self.node) if self.analytics is not None else None

    @property
    def spread(self) -> tuple[ahp.PairSpread, ...]:
        return self.analytics.spread(self.node_input) if self.analytics is not None else ()


@dataclass(frozen=True)
class WeightsResult:
    """Local weights per node, global leaf weights, per member (on first use) and for the committee."""

    nodes: dict[str, NodeResult]
    local: dict[str, dict[str, float]]
    global_weights: dict[str, float]
    root: str
    priority_method: str
    completion: str
    ri_table: str
    cr_threshold: float
    aggregation: str
    member_ids: tuple[str, ...] = ()

    @cached_property
    def member_local(self) -> dict[str, dict[str, dict[str, float]]]:
        """Member -> {node: their own local weights} where they judged the node (connected judgments)."""
        own: dict[str, dict[str, dict[str, float]]] = {m: {} for m in self.member_ids}
        for nid, r in self.nodes.items():
            for m in r.members:
                if m.weights is not None:
                    own[m.member][nid] = dict(zip(r.children, m.weights.tolist(), strict=True))
        return own

    @cached_property
    def member_global(self) -> dict[str, dict[str, float]]:
        """Member -> their personal global weights (own local weights where given, the committee's elsewhere)."""
        return {m: global_weights({**self.local, **own}, self.root) for m, own in self.member_local.items()}

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
                                       "weights": (None if m.weights is None
                                                   else dict(zip(r.children, m.weights.tolist(), strict=True))),
                                       "consistency": cons(m.consistency), "error": m.error} for m in r.members},
                "deadlocks": [{"a": s.label_i, "b": s.label_j, "values": [None if v != v else v for v in s.values]}
                              for s in r.spread if s.deadlock],
            }
        worst = self.worst_cr()
        return {
            "settings": {"priority_method": self.priority_method, "completion": self.completion,
                         "ri_table": self.ri_table,
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
    return member_matrix(children, {c: k for k, c in enumerate(children)}, mj.nodes[node.id])


def _completion(settings: Settings) -> str:
    return natural_completion(settings.priority_method, settings.completion)


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


def recompose(nodes: dict[str, NodeResult], root: str,
              overrides: dict[str, dict[str, float]] | None = None) -> tuple[dict, dict]:
    """(local, global) weights from node results, with some nodes' local weights replaced."""
    local = {nid: r.local for nid, r in nodes.items()}
    if overrides:
        local.update(overrides)
    return local, global_weights(local, root)


_DIRECT_ZERO = ("direct weights of {who} contain a zero (or ratios beyond 1:1,000,000), which no judgment "
                "can express: aggregated by AIP (arithmetic)")


def _aip(ni: NodeInput, rule: str, analytics: MemberAnalytics, voting: dict[str, float]) -> tuple[str, np.ndarray, str]:
    """(rule used, weights, note) of AIP at one node (Forman & Peniwati 1998)."""
    usable = [m for m in analytics.members(ni.node) if m.weights is not None]
    if not usable:
        raise MCDAError(code="err.ahp.no_connected_member")
    vecs = np.stack([m.weights for m in usable])
    mode, note = ("geometric" if rule == "aip_geometric" else "arithmetic"), ""
    if mode == "geometric" and (vecs <= 0).any():
        mode, note = "arithmetic", "a zero direct weight has no geometric mean: aggregated by AIP (arithmetic)"
    return f"aip_{mode}", ahp.aggregate_priorities(vecs, np.array([voting[m.member] for m in usable]), mode=mode), note


def _compute(inputs: JudgmentInputs) -> WeightsResult:
    s = inputs.settings
    analytics = MemberAnalytics(inputs)
    rules: dict[str, tuple[str, str]] = {}
    for ni in inputs.nodes:
        if len(ni.children) < 2 or not ni.members:
            continue
        rule, note = s["aggregation"], ""
        if rule == "aij" and any(a is None for a in ni.matrices):
            rule = "aip_arithmetic"
            who = ", ".join(m for m, a in zip(ni.members, ni.matrices, strict=True) if a is None)
            note = _DIRECT_ZERO.format(who=who)
        rules[ni.node] = rule, note
    aggs: dict[str, np.ndarray] = {}
    voting = np.array([inputs.voting[m] for m in inputs.judged])
    by_id = {ni.node: ni for ni in inputs.nodes}
    for ids, stack in inputs.stacks.values():  # AIJ of every node of one size at once
        pick = [g for g, nid in enumerate(ids) if rules.get(nid, ("",))[0] == "aij"]
        if not pick:
            continue
        sub = stack[pick]
        present = np.array([[m in by_id[ids[g]].members for m in inputs.judged] for g in pick]).reshape(len(pick), -1)
        lam = np.where(present, voting, 0.0)  # voting weights renormalised over the members who judged the node
        lam = lam / lam.max(axis=1, keepdims=True)
        agg = ahp.aij(sub, lam / lam.sum(axis=1, keepdims=True))
        aggs.update((ids[g], agg[t]) for t, g in enumerate(pick))
    names = list(aggs)
    labels = {ni.node: ni.children for ni in inputs.nodes}
    r = analyse([aggs[k] for k in names], s["priority_method"], s["completion"], s["ri_table"], s["cr_threshold"],
                labels=[labels[k] for k in names], gci=False)
    batch = dict(zip(names, zip(r.weights, r.consistency, r.errors, strict=True), strict=True))
    nodes: dict[str, NodeResult] = {}
    for ni in inputs.nodes:
        n = len(ni.children)
        if n == 1:
            nodes[ni.node] = NodeResult(ni.node, ni.children, "single_child", "none", np.ones(1), None, None,
                                        "a single sub-criterion has local weight 1")
            continue
        if not ni.members:
            nodes[ni.node] = NodeResult(ni.node, ni.children, "equal", "equal", np.full(n, 1.0 / n), None, None,
                                        "nobody judged this node: equal weights")
            continue
        rule, note = rules[ni.node]
        try:
            if rule == "aij":
                w, c, err = batch[ni.node]
                if err is not None:
                    raise err
            else:
                rule, w, note2 = _aip(ni, rule, analytics, inputs.voting)
                c, note = None, note or note2
        except MCDAError as exc:
            raise MCDAError(code="err.ahp.node_failed", node=ni.label, error=exc) from None
        nodes[ni.node] = NodeResult(ni.node, ni.children, "committee", rule, w, aggs.get(ni.node), c, note,
                                    analytics, ni)
    local, glob = recompose(nodes, inputs.root)
    return WeightsResult(nodes, local, glob, inputs.root, s["priority_method"],
                         natural_completion(s["priority_method"], s["completion"]), s["ri_table"], s["cr_threshold"],
                         s["aggregation"], inputs.members)


def compute_weights(scenario: Scenario) -> WeightsResult:
    """Local, global and per-member weights of a scenario, with consistency at every node.

    The committee's weights are computed at once; each member's priorities, CR, GCI, the
    consensus and the spread when first read.  A result is cached by the digest of the
    judgments and weight settings (:mod:`mcda.engine.weights_cache`) and shared: treat it
    as read-only.

    Raises :class:`~mcda.errors.MCDAError` (naming the node) when the committee's
    combined judgments at a node do not connect all its sub-criteria.
    """
    scenario = without_gates(scenario)  # qualification gates carry no weight (mcda.engine.gates)
    inputs = judgment_inputs(scenario)
    hit = CACHE.get(inputs.digest)
    if hit is not None:
        return hit
    result = _compute(inputs)
    CACHE.put(inputs.digest, result)
    return result
