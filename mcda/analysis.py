"""Sensitivity of a scenario's result, node by node of the criteria tree (engine level).

The kernels in :mod:`mcda.sensitivity` work on flat weight vectors; this module
maps a committee's criteria hierarchy onto them:

* **What-if**: set a node's local weight; its siblings rescale proportionally,
  ``w'_l = w_l (1 - w'_k)/(1 - w_k)``; global weights are recomposed and every
  method re-ranks (:func:`whatif`).
* **One-way sweeps and stability**: along that change every global leaf weight
  is affine in the node's local weight ``t``, so the exact crossovers of
  :func:`mcda.sensitivity.affine_path` give each node's stability interval
  (winner, and whole ranking) and plain sentences.
* **Critical criterion** in the sense of Triantaphyllou & Sánchez (1997), on the
  global leaf weights, reported in renormalised terms.
* **SMAA-2** (Lahdelma & Salminen 2001) with weights sampled uniformly on the
  simplex, or around the committee's judgments (each node's committee judgments
  perturbed by the members' own spread, or by log-normal noise of a chosen
  size, carried through the hierarchy), optionally with score uncertainty from
  the members' spread (:func:`run_smaa`).
* **Rank reversal**: remove a vendor or add a copy of one; report order changes
  among the others for each method (:func:`reversal_check`).

Sensitivity methods are ``"topsis"`` and ``"wsm"`` with the scenario's
normalisation for that method (``ahp_ideal`` equals ``wsm`` with ``max``).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mcda import sensitivity as sens
from mcda.engine import DecisionProblem, Evaluation, rank_methods, with_local_weights
from mcda.errors import MCDAError
from mcda.hierarchy import global_weights
from mcda.sensitivity.sentences import percent_pair
from mcda.sensitivity.uncertainty import normal_matrix_sampler

__all__ = [
    "SENSITIVITY_METHODS",
    "rescale_local",
    "whatif",
    "NodeSweep",
    "node_sweep",
    "NodeStability",
    "stability_table",
    "TornadoRow",
    "tornado_table",
    "critical_sentences",
    "SmaaSummary",
    "run_smaa",
    "judgment_sampler",
    "ReversalRow",
    "reversal_check",
    "sensitivity_report",
]

SENSITIVITY_METHODS = ("topsis", "wsm")


# --------------------------------------------------------------------------- what-if
def rescale_local(local: dict[str, float], child: str, value: float) -> dict[str, float]:
    """A node's local weights with ``child`` set to ``value`` and its siblings rescaled proportionally.

    >>> rescale_local({"a": 0.5, "b": 0.3, "c": 0.2}, "a", 0.6)
    {'a': 0.6, 'b': 0.24, 'c': 0.16}
    """
    keys = list(local)
    if child not in local:
        raise MCDAError(f"{child!r} is not one of {', '.join(keys)}")
    w = np.array([local[k] for k in keys], dtype=float)
    out = sens.rescale(w, keys.index(child), value, criteria=keys)
    return {k: round(float(v), 15) for k, v in zip(keys, out)}


def whatif(evaluation: Evaluation, overrides: dict[str, dict[str, float]]) -> Evaluation:
    """Re-rank with some nodes' local weights replaced (see :func:`rescale_local`)."""
    return with_local_weights(evaluation, overrides)


# --------------------------------------------------------------------------- paths
def _check_method(method: str) -> str:
    if method not in SENSITIVITY_METHODS:
        raise MCDAError(f"sensitivity is computed for {' or '.join(SENSITIVITY_METHODS)}; found {method!r}")
    return method


def _model(evaluation: Evaluation, method: str) -> sens.ScoreModel:
    p = evaluation.problem
    norm = evaluation.scenario.settings.normalization.get(_check_method(method))
    bounds = p.bounds if norm == "scale" else None
    return sens.score_model(p.matrix, p.types, method, norm, bounds=bounds, vendors=list(p.vendors),
                            criteria=list(p.leaves))


def _parents(evaluation: Evaluation) -> dict[str, str]:
    return {c: parent for parent, kids in evaluation.local.items() for c in kids}


def _node_path(evaluation: Evaluation, model: sens.ScoreModel, node: str):
    """(AffinePath, parent, current local weight) of a node's one-way change."""
    parent = _parents(evaluation).get(node)
    if parent is None:
        raise MCDAError(f"{node!r} is not a criterion below the goal (known: {', '.join(_parents(evaluation))})")
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
        for end, taker, falls in ((self.winner_low, self.taker_below, True), (self.winner_high, self.taker_above, False)):
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
    raise MCDAError(f"level must be 'dimensions' or 'all', found {level!r}")


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
        wl, wh, below, above = path.interval(t0, "winner")
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
        rows.append(TornadoRow(node, t0, float(ts[0]), float(ts[2]), float(margin[0]), float(margin[2]), float(margin[1])))
    return sorted(rows, key=lambda r: -r.swing)


def _movable(evaluation: Evaluation, nodes: list[str]) -> list[str]:
    """Nodes whose weight can move: a node without siblings always has local weight 1."""
    parents = _parents(evaluation)
    return [n for n in nodes if len(evaluation.local[parents[n]]) >= 2]


def critical_sentences(evaluation: Evaluation, method: str = "topsis", lang: str = "en", limit: int = 3) -> list[str]:
    """The most critical leaf criteria (Triantaphyllou & Sánchez 1997: smallest relative change
    of a global weight, others rescaled, that changes the winner), as sentences."""
    p = evaluation.problem
    norm = evaluation.scenario.settings.normalization.get(_check_method(method))
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


# --------------------------------------------------------------------------- SMAA
def _edge_layout(evaluation: Evaluation):
    """For each depth level, the index of each leaf's ancestor edge in a flat edge list."""
    root = evaluation.weights.root
    parents = _parents(evaluation)
    edges = [(p, c) for p, kids in evaluation.local.items() for c in kids]
    index = {e: k for k, e in enumerate(edges)}
    paths = []
    for leaf in evaluation.problem.leaves:
        path, node = [], leaf
        while node != root:
            path.append(index[(parents[node], node)])
            node = parents[node]
        paths.append(path)
    depth = max(len(p) for p in paths)
    levels = np.full((depth, len(paths)), -1, dtype=int)
    for j, path in enumerate(paths):
        levels[: len(path), j] = path
    return edges, index, levels


def _node_sampler(node, base: np.ndarray, mode: str, sigma: float):
    """rng, size -> (size, k) local weights of one node around ``base``."""
    k = len(base)
    matrix = node.matrix if node.source == "committee" else None
    if node.source != "committee" or k < 2:
        return lambda rng, size: np.broadcast_to(base, (size, k))
    if matrix is None:  # direct weights / AIP: log-normal noise on the weights themselves
        def weights_noise(rng, size):
            w = base * np.exp(sigma * rng.standard_normal((size, k)))
            return w / w.sum(axis=1, keepdims=True)
        return weights_noise
    I, J = np.nonzero(np.triu(np.isfinite(matrix), 1))
    mu = np.log(matrix[I, J])
    if mode == "judgments":
        spread = {(s.i, s.j): np.log(s.geometric_sd) for s in node.spread if s.count >= 2}
        known = [v for v in spread.values() if v > 0]
        fallback = float(np.median(known)) if known else sigma
        sd = np.array([spread.get((i, j), fallback) or fallback for i, j in zip(I, J)])
    else:
        sd = np.full(len(I), sigma)
    B = np.zeros((len(I), k))  # r_i = sum over judged j of ln a_ij
    B[np.arange(len(I)), I] = 1.0
    B[np.arange(len(I)), J] = -1.0
    L = B.T @ B  # the comparison graph's Laplacian (LLSM normal equations; Bozóki et al. 2010)
    L11 = L[1:, 1:]
    y0 = np.concatenate([[0.0], np.linalg.solve(L11, (mu @ B)[1:])])

    def judged_noise(rng, size):
        logs = mu + sd * rng.standard_normal((size, len(mu)))
        r = logs @ B
        y = np.zeros((size, k))
        y[:, 1:] = np.linalg.solve(L11, r[:, 1:].T).T
        w = base * np.exp(y - y0)  # keep the committee's own weights at the centre
        return w / w.sum(axis=1, keepdims=True)

    return judged_noise


def judgment_sampler(evaluation: Evaluation, mode: str = "judgments", sigma: float | None = None) -> Callable:
    """Sampler ``(rng, size) -> (size, m)`` of global leaf weights around the committee's judgments.

    Each node's committee judgments (the AIJ matrix) are perturbed in log space, pair
    by pair, with the standard deviation of the members' own log judgments of that
    pair (``mode="judgments"``; pairs judged by one member take the node's median
    spread) or with a fixed ``sigma`` (``mode="lognormal"``). The perturbed matrix is
    weighted by LLSM (one Laplacian solve for all samples) and applied as a
    multiplicative change to the committee's local weights, so the sample centre is
    the committee's own weights whatever the priority method. Nodes aggregated
    without a matrix get log-normal noise on their weights; unjudged nodes stay put.
    Global weights are products down the tree, vectorised over samples.
    """
    if mode not in ("judgments", "lognormal"):
        raise MCDAError(f"mode must be 'judgments' or 'lognormal', found {mode!r}")
    sigma = float(evaluation.scenario.settings.sensitivity.lognormal_sigma if sigma is None else sigma)
    edges, index, levels = _edge_layout(evaluation)
    samplers = []
    for parent, kids in evaluation.local.items():
        base = np.array(list(kids.values()), dtype=float)
        cols = [index[(parent, c)] for c in kids]
        samplers.append((cols, _node_sampler(evaluation.weights.nodes[parent], base, mode, sigma)))

    def sample(rng: np.random.Generator, size: int) -> np.ndarray:
        E = np.empty((size, len(edges)))
        for cols, draw in samplers:  # a loop over tree nodes, never over samples
            E[:, cols] = draw(rng, size)
        G = np.ones((size, levels.shape[1]))
        for lev in levels:
            has = lev >= 0
            G[:, has] *= E[:, lev[has]]
        return G

    return sample


@dataclass(frozen=True)
class SmaaSummary:
    """SMAA-2 results labelled by vendor and criterion."""

    method: str
    model: str
    vendors: tuple[str, ...]
    leaves: tuple[str, ...]
    acceptability: np.ndarray  # (n, n): row = vendor, column = rank 1..n
    central_weights: np.ndarray  # (n, m), NaN for a vendor that never ranks first
    confidence: np.ndarray  # (n,)
    samples: int
    requested: int
    cancelled: bool
    score_uncertainty: bool

    @property
    def standard_error(self) -> float:
        """Largest Monte Carlo standard error of an acceptability index (at 0.5)."""
        return float(0.5 / np.sqrt(max(self.samples, 1)))


def _score_sd(problem: DecisionProblem, scenario) -> np.ndarray:
    """Spread of the members' scores per cell (weighted standard deviation; 0 for one scorer)."""
    w = np.array([m.weight for m in scenario.members], dtype=float)[:, None, None]
    x = problem.raw
    has = np.isfinite(x)
    ww = np.where(has, w, 0.0)
    tot = ww.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (np.where(has, x, 0) * ww).sum(axis=0) / tot
        var = (ww * np.where(has, x - mean, 0) ** 2).sum(axis=0) / tot
    return np.nan_to_num(np.sqrt(var))


def run_smaa(evaluation: Evaluation, method: str = "topsis", samples: int = 10_000, seed=0, model: str = "judgments",
             sigma: float | None = None, score_uncertainty: bool = False,
             progress: Callable[[int, int], None] | None = None,
             should_stop: Callable[[], bool] | None = None) -> SmaaSummary:
    """SMAA-2 rank acceptability, central weights and confidence factors for one method.

    ``model``: ``"uniform"`` (uniform on the simplex of leaf weights: no preference
    information, Lahdelma & Salminen 2001), ``"judgments"`` or ``"lognormal"``
    (around the committee's judgments: :func:`judgment_sampler`).
    ``score_uncertainty`` adds normal noise with the members' spread per cell,
    clipped to each criterion's scale.
    """
    p = evaluation.problem
    if model == "uniform":
        sampler = None
    elif model in ("judgments", "lognormal"):
        sampler = judgment_sampler(evaluation, model, sigma)
    else:
        raise MCDAError(f"model must be 'uniform', 'judgments' or 'lognormal', found {model!r}")
    norm = evaluation.scenario.settings.normalization.get(_check_method(method))
    scores = normal_matrix_sampler(p.matrix, _score_sd(p, evaluation.scenario), p.bounds) if score_uncertainty else None
    r = sens.smaa(p.matrix, p.types, method, norm, n_samples=samples, seed=seed, sampler=sampler,
                  bounds=p.bounds if norm == "scale" else None, matrix_sampler=scores, progress=progress,
                  should_stop=should_stop, vendors=list(p.vendors), criteria=list(p.leaves))
    return SmaaSummary(method, model, p.vendors, p.leaves, r.acceptability, r.central_weights, r.confidence,
                       r.n_samples, r.n_requested, r.cancelled, score_uncertainty)


# --------------------------------------------------------------------------- rank reversal
@dataclass(frozen=True)
class ReversalRow:
    """Order of the other vendors before and after removing (or adding a copy of) one vendor."""

    method: str
    action: str  # "remove" | "copy"
    vendor: str
    before: tuple[tuple[str, ...], ...]  # tie groups, best first
    after: tuple[tuple[str, ...], ...]

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _subproblem(p: DecisionProblem, rows: np.ndarray) -> DecisionProblem:
    a = p.aggregated
    agg = dataclasses.replace(a, matrix=a.matrix[rows], coverage=a.coverage[rows], counts=a.counts[rows],
                              imputed=a.imputed[rows])
    return dataclasses.replace(p, vendors=tuple(p.vendors[i] for i in rows), raw=p.raw[:, rows], aggregated=agg)


def _order(problem: DecisionProblem, outcome, keep: list[str]) -> tuple[tuple[str, ...], ...]:
    """The vendors in ``keep`` grouped by rank, best group first (ties share a group, in vendor order)."""
    pos = {v: k for k, v in enumerate(problem.vendors)}
    groups: dict[int, list[str]] = {}
    for v in keep:
        groups.setdefault(int(outcome.ranks[pos[v]]), []).append(v)
    return tuple(tuple(groups[r]) for r in sorted(groups))


def reversal_check(evaluation: Evaluation, methods: list[str] | None = None) -> list[ReversalRow]:
    """For each method and vendor: the order of the others with that vendor removed, and with a
    copy of it added. A change is a rank reversal (Belton & Gear 1983; METHODS.md example)."""
    p = evaluation.problem
    names = methods or list(evaluation.methods)
    n = len(p.vendors)
    out = []
    for i, v in enumerate(p.vendors):
        others = [u for u in p.vendors if u != v]
        variants = {"remove": np.array([k for k in range(n) if k != i]), "copy": np.append(np.arange(n), i)}
        for action, rows in variants.items():
            if len(rows) < 2:
                continue
            sub = _subproblem(p, rows)
            if action == "copy":
                sub = dataclasses.replace(sub, vendors=sub.vendors[:-1] + (f"{v} (copy)",))
            res = rank_methods(sub, evaluation.global_weights, evaluation.scenario, names, explain=False)
            for name in names:
                before = _order(p, evaluation.methods[name], others if action == "remove" else list(p.vendors))
                after = _order(sub, res[name], others if action == "remove" else list(p.vendors))
                out.append(ReversalRow(name, action, v, before, after))
    return out


# --------------------------------------------------------------------------- report
def sensitivity_report(evaluation: Evaluation, method: str = "topsis", samples: int = 2000, seed=0,
                       lang: str = "en") -> dict:
    """Plain data for the HTML report and the Excel export, in the format of
    :func:`mcda.export.report.check_sensitivity`: stability per dimension, SMAA-2 rank
    acceptability (the scenario's weight model), tornado, and the critical criteria as notes."""
    sc = evaluation.scenario
    vnames = {v.id: v.name.get(lang) for v in sc.vendors}
    names = {n.id: n.name.get(lang) for n, _, _ in sc.criteria.walk()}
    smaa = run_smaa(evaluation, method, samples=samples, seed=seed, model=sc.settings.sensitivity.model)
    model = {"zh": {"uniform": "单纯形上均匀抽样", "judgments": "围绕委员会判断(成员分歧)", "lognormal": "判断对数正态扰动"},
             "en": {"uniform": "uniform on the simplex", "judgments": "around the committee's judgments (members' spread)",
                    "lognormal": "log-normal noise on the judgments"}}["zh" if lang == "zh" else "en"][smaa.model]
    note = (f"SMAA-2:{smaa.samples} 组权重样本,{model}。" if lang == "zh"
            else f"SMAA-2: {smaa.samples} weight samples, {model}.")
    return {
        "method": method,
        "stability": [{"node": s.node, "name": names[s.node], "current": s.current, "low": s.winner_low,
                       "high": s.winner_high, "winner_low": s.taker_below, "winner_high": s.taker_above,
                       "sentence": s.sentence(lang, vnames)} for s in stability_table(evaluation, method)],
        "acceptability": {"vendors": list(smaa.vendors), "matrix": smaa.acceptability.tolist(), "samples": smaa.samples},
        "tornado": [{"criterion": r.node, "name": names[r.node], "low_weight": r.low_value, "high_weight": r.high_value,
                     "low": r.margin_low, "high": r.margin_high, "base": r.margin_base}
                    for r in tornado_table(evaluation, method)],
        "notes": [note, *critical_sentences(evaluation, method, lang)],
    }
