"""What-if, one-way sweeps, stability intervals, tornado and critical criteria for any node of the tree.

Setting a node's local weight to ``t`` and rescaling its siblings proportionally
(``w'_l = w_l (1 - t)/(1 - w_k)``) moves every global leaf weight along an affine
path in ``t`` (:func:`mcda.sensitivity.affine_path`), so the exact crossovers give
each node's stability interval.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mcda import sensitivity as sens
from mcda.ahp.hierarchy import global_weights
from mcda.engine.evaluation import Evaluation, with_local_weights
from mcda.errors import MCDAError
from mcda.methods import BATCH_METHODS
from mcda.sensitivity.sentences import percent_pair

__all__ = ["SENSITIVITY_METHODS", "check_method", "parent_map", "rescale_local", "whatif", "NodeSweep", "node_sweep",
           "NodeStability",
           "stability_table", "TornadoRow", "tornado_table", "critical_sentences"]

SENSITIVITY_METHODS = BATCH_METHODS


# --------------------------------------------------------------------------- what-if
def rescale_local(local: dict[str, float], child: str, value: float) -> dict[str, float]:
    """A node's local weights with ``child`` set to ``value`` and its siblings rescaled proportionally.

    >>> rescale_local({"a": 0.5, "b": 0.3, "c": 0.2}, "a", 0.6)
    {'a': 0.6, 'b': 0.24, 'c': 0.16}
    """
    keys = list(local)
    if child not in local:
        raise MCDAError(code="err.node.child", child=repr(child)[:80], known=", ".join(keys))
    w = np.array([local[k] for k in keys], dtype=float)
    out = sens.rescale(w, keys.index(child), value, criteria=keys)
    return {k: round(float(v), 15) for k, v in zip(keys, out, strict=False)}


def whatif(evaluation: Evaluation, overrides: dict[str, dict[str, float]]) -> Evaluation:
    """Re-rank with some nodes' local weights replaced (see :func:`rescale_local`)."""
    return with_local_weights(evaluation, overrides)


# --------------------------------------------------------------------------- paths
def check_method(method: str) -> str:
    """``method`` if sensitivity is computed for it (:data:`SENSITIVITY_METHODS`); an error otherwise."""
    if method not in SENSITIVITY_METHODS:
        raise MCDAError(code="err.node.method", known=" or ".join(SENSITIVITY_METHODS), found=repr(method)[:80])
    return method


def _model(evaluation: Evaluation, method: str) -> sens.ScoreModel:
    p = evaluation.problem
    norm = evaluation.scenario.settings.normalization.get(check_method(method))
    bounds = p.bounds if norm == "scale" else None
    return sens.score_model(p.matrix, p.types, method, norm, bounds=bounds, vendors=list(p.vendors),
                            criteria=list(p.leaves))


def parent_map(evaluation: Evaluation) -> dict[str, str]:
    """Each criterion's parent in the evaluated tree (the goal's children map to the goal)."""
    return {c: parent for parent, kids in evaluation.local.items() for c in kids}


def _node_path(evaluation: Evaluation, model: sens.ScoreModel, node: str):
    """(AffinePath, parent, current local weight) of a node's one-way change."""
    parent = parent_map(evaluation).get(node)
    if parent is None:
        raise MCDAError(code="err.node.node", node=repr(node)[:80], known=", ".join(parent_map(evaluation)))
    root = evaluation.weights.root
    leaves = evaluation.problem.leaves

    def at(t: float) -> np.ndarray:
        local = {**evaluation.local, parent: rescale_local(evaluation.local[parent], node, t)}
        g = global_weights(local, root)
        return np.array([g[c] for c in leaves])

    g0 = at(0.0)
    return sens.affine_path(model, g0, at(1.0) - g0), parent, float(evaluation.local[parent][node])


@dataclass(frozen=True)
class NodeSweep:
    """Every vendor's score as one node's local weight goes from 0 to 1 (siblings rescaled)."""

    node: str
    method: str
    vendors: tuple[str, ...]
    t: np.ndarray  # (points,)
    scores: np.ndarray  # (points, n)
    current: float
    crossovers: tuple[tuple[float, str, str], ...]  # (t, vendor ahead below t, vendor ahead above t)


def node_sweep(evaluation: Evaluation, node_id: str, method: str = "topsis", points: int = 101) -> NodeSweep:
    """One-way sweep of a node with its exact crossover points (closed form for the weighted
    sum, bracketed refinement for TOPSIS: :mod:`mcda.sensitivity.affine`)."""
    path, _, t0 = _node_path(evaluation, _model(evaluation, method), node_id)
    t = np.union1d(np.linspace(0.0, 1.0, max(int(points), 2)), [t0])
    v = evaluation.problem.vendors
    cross = tuple((x.t, v[x.ahead_below], v[x.ahead_above]) for x in path.crossovers()
                  if x.ahead_below is not None and x.ahead_above is not None)
    return NodeSweep(node_id, method, v, t, path.scores(t), t0, cross)


# --------------------------------------------------------------------------- stability
@dataclass(frozen=True)
class NodeStability:
    """Interval of a node's local weight (siblings rescaled) keeping the winner / the ranking."""

    node: str
    parent: str
    name_zh: str
    name_en: str
    current: float
    winner_low: float
    winner_high: float
    ranking_low: float
    ranking_high: float
    leader: str
    taker_below: str | None  # who takes the lead below winner_low
    taker_above: str | None

    def sentence(self, lang: str = "en", vendor_names: dict[str, str] | None = None) -> str:
        """Plain sentences on what would flip the winner, e.g. "B overtakes A if 数据安全 falls
        from 14.2 % to 11.7 % (other weights rescaled)."."""
        names = vendor_names or {}
        name = self.name_zh if lang == "zh" else self.name_en
        lead = names.get(self.leader, self.leader)
        parts = []
        ends = ((self.winner_low, self.taker_below, True), (self.winner_high, self.taker_above, False))
        for end, taker, falls in ends:
            if taker is None:
                continue
            now, new = percent_pair(self.current, end)
            who = names.get(taker, taker)
            if lang == "zh":
                verb = "降至" if falls else "升至"
                parts.append(f"若「{name}」的权重从 {now} {verb} {new}(其他权重按比例调整),{who} 将超过 {lead}。")
            else:
                verb = "falls" if falls else "rises"
                parts.append(f"{who} overtakes {lead} if {name} {verb} from {now} to {new} (other weights rescaled).")
        if not parts:
            return (f"「{name}」的权重在 0%–100% 之间变化都不会改变第一名({lead})。" if lang == "zh"
                    else f"{lead} stays first whatever the weight of {name} (0-100 %, others rescaled).")
        return " ".join(parts)


def _nodes(evaluation: Evaluation, level: str) -> list[str]:
    """The nodes whose local weight can move (siblings rescaled): single children are left out."""
    if level == "dimensions":
        return _movable(evaluation, list(evaluation.local[evaluation.weights.root]))
    if level == "all":
        return _movable(evaluation, [n.id for n, _, depth in evaluation.scenario.criteria.walk() if depth >= 1])
    raise MCDAError(code="err.node.level", found=repr(level)[:80])


def stability_table(evaluation: Evaluation, method: str = "topsis", level: str = "dimensions") -> list[NodeStability]:
    """Stability intervals of every dimension (or every node) in local-weight terms."""
    model = _model(evaluation, method)
    names = {n.id: n.name for n, _, _ in evaluation.scenario.criteria.walk()}
    v = evaluation.problem.vendors
    out = []
    for node in _nodes(evaluation, level):
        path, parent, t0 = _node_path(evaluation, model, node)
        base = path.scores([t0])[0]
        leader = v[int(np.argmax(base))]
        wl, wh, below, above = path.interval(t0, "winner")  # scans only the pairs that can end it
        rl, rh, _, _ = path.interval(t0, "ranking")
        out.append(NodeStability(node, parent, names[node].zh, names[node].en, t0, wl, wh, rl, rh, leader,
                                 None if below is None else v[below], None if above is None else v[above]))
    return out


@dataclass(frozen=True)
class TornadoRow:
    """The winner's margin over the runner-up when a node's local weight moves to each end."""

    node: str
    current: float
    low_value: float
    high_value: float
    margin_low: float
    margin_high: float
    margin_base: float

    @property
    def swing(self) -> float:
        return abs(self.margin_high - self.margin_low)


def tornado_table(evaluation: Evaluation, method: str = "topsis", spread: float = 0.5,
                  level: str = "dimensions") -> list[TornadoRow]:
    """Tornado rows: each node's local weight at ``current * (1 -/+ spread)`` (clipped to [0, 1],
    siblings rescaled); the winner's margin over the best other vendor there; largest swing first."""
    model = _model(evaluation, method)
    rows = []
    for node in _nodes(evaluation, level):
        path, _, t0 = _node_path(evaluation, model, node)
        ts = np.clip([t0 * (1 - spread), t0, t0 * (1 + spread)], 0, 1)
        s = path.scores(ts)
        winner = int(np.argmax(s[1]))
        others = np.delete(s, winner, axis=1)
        margin = s[:, winner] - (others.max(axis=1) if others.shape[1] else 0)
        rows.append(TornadoRow(node, t0, float(ts[0]), float(ts[2]), float(margin[0]), float(margin[2]),
                               float(margin[1])))
    return sorted(rows, key=lambda r: -r.swing)


def _movable(evaluation: Evaluation, nodes: list[str]) -> list[str]:
    """Nodes whose weight can move: a node without siblings always has local weight 1."""
    parents = parent_map(evaluation)
    return [n for n in nodes if len(evaluation.local[parents[n]]) >= 2]


def critical_sentences(evaluation: Evaluation, method: str = "topsis", lang: str = "en", limit: int = 3) -> list[str]:
    """The most critical leaf criteria (Triantaphyllou & Sánchez 1997: smallest relative change
    of a global weight, others rescaled, that changes the winner), as sentences."""
    p = evaluation.problem
    norm = evaluation.scenario.settings.normalization.get(check_method(method))
    changes = sens.critical_changes(p.matrix, evaluation.global_weights, p.types, method, norm, scope="top",
                                    bounds=p.bounds if norm == "scale" else None)
    sc = evaluation.scenario
    vname = {v.id: v.name.get(lang) for v in sc.vendors}
    cname = {n.id: n.name.get(lang) for n, _, _ in sc.criteria.walk()}
    vendors = [vname[v] for v in p.vendors]
    criteria = [cname[c] for c in p.leaves]
    out = []
    for ch in changes[:limit]:
        if lang == "zh":
            now, new = percent_pair(ch.weight, ch.new_weight)
            verb = "降至" if ch.new_weight < ch.weight else "升至"
            out.append(f"若「{criteria[ch.criterion]}」的权重从 {now} {verb} {new}(其他权重按比例调整),"
                       f"{vendors[ch.behind]} 将超过 {vendors[ch.ahead]}。")
        else:
            out.append(sens.change_sentence(ch, vendors, criteria))
    return out
