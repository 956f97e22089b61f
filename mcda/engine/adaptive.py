"""Adaptive questioning: the next pairwise question for a member, and when to stop asking.

Every member's unanswered judgments are drawn from their posterior predictive
given the answers so far (the log-normal LLSM error model with a Gaussian prior,
:mod:`mcda.ahp.posterior`; Crawford & Williams 1985, Altuzarra, Moreno-Jiménez &
Salvador 2007). Each sample is one *completion* of every member's judgments
consistent with what they have answered. For every completion the committee's
local weights (the scenario's aggregation rule and priority method), the global
weights (products down the tree) and the ranking (the batch kernels of
:mod:`mcda.sensitivity.kernel`) are computed, vectorised over samples; the loops
run over tree nodes and members, never over samples.

Stop rule: the leader (the vendor first in most completions) is first in at
least ``confidence`` of them (SMAA's first-rank acceptability, Lahdelma &
Salminen 2001, over the completions). Otherwise the question is the member's
unanswered pair whose sampled answer carries the most information about whether
the leader stays first (mutual information; Lindley 1956).

Each member's residual spread ``sigma`` pools the LLSM residuals of all their
nodes with a cycle, shrunk to the prior value (``nu0 = 2`` pseudo degrees of
freedom, our choice): ``sigma^2 = (nu0 sigma0^2 + SSR) / (nu0 + df)``. Direct
weights are complete, perfectly consistent answers (zero weights floored at
1/1,000,000 of the largest). Consistency is *checkable* at a node only once the
member's answers there contain a cycle: before that, any answers are perfectly
consistent and a CR of 0 says nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mcda import ahp
from mcda.ahp import posterior as post
from mcda.engine.evaluation import decision_problem
from mcda.errors import MCDAError
from mcda.methods import BATCH_METHODS
from mcda.scenario.schema import Scenario
from mcda.sensitivity.kernel import score_model
from mcda.sensitivity.sampling import as_generator
from mcda.text import percent, text

__all__ = ["DEFAULT_SAMPLES", "AskResult", "Candidate", "NodeStatus", "next_step", "node_status", "sample_completions"]

DEFAULT_SAMPLES = 1000
NU0 = 2.0


@dataclass(frozen=True)
class NodeStatus:
    """One member's answers at one parent node."""

    node: str
    given: int
    total: int
    minimum: int
    connected: bool
    checkable: bool  # the answers contain a cycle, so an inconsistency could show
    cr: float | None  # the member's CR where checkable and connected; None otherwise
    direct: bool = False


@dataclass(frozen=True)
class Candidate:
    node: str
    a: str
    b: str
    information: float  # bits
    estimate: float  # posterior median of a_ab


@dataclass(frozen=True)
class AskResult:
    """What :func:`next_step` decided, with the data behind it."""

    member: str
    done: bool
    reason: str  # "settled" | "member_complete" | "ask"
    leader: str
    winner_confidence: float
    confidence: float
    method: str
    samples: int
    seed: int
    sigma: float
    question: Candidate | None
    checkable: bool | None  # for the asked node
    candidates: tuple[Candidate, ...] = ()
    nodes: tuple[NodeStatus, ...] = ()
    acceptability: dict[str, float] = field(default_factory=dict)  # vendor -> share of completions ranked first

    def why(self, lang: str = "en", names=None) -> str:
        """The reason in ``lang``, with names (``names``: id -> display name)."""
        name = names or (lambda x: x)
        common = {"leader": name(self.leader), "p": percent(self.winner_confidence), "target": percent(self.confidence)}
        if self.reason == "ask":
            q = self.question
            return text("ask.why", lang, node=name(q.node), a=name(q.a), b=name(q.b), bits=q.information,
                        estimate=ahp.format_value(float(ahp.nearest_scale_value(q.estimate))), **common)
        return text(f"ask.done.{self.reason}", lang, member=name(self.member), **common)

    def to_dict(self, lang: str = "en", names=None) -> dict:
        """Plain JSON-ready data (``mcda ask --format json``)."""
        out: dict = {"done": self.done, "member": self.member, "winner_confidence": self.winner_confidence,
                     "leader": self.leader, "confidence": self.confidence, "method": self.method,
                     "samples": self.samples, "seed": self.seed}
        if self.done:
            out["reason"] = self.reason
        else:
            q = self.question
            out.update({"node": q.node, "a": q.a, "b": q.b, "information_bits": q.information,
                        "estimate": q.estimate, "checkable": self.checkable})
        out["why"] = self.why(lang, names)
        out["acceptability"] = self.acceptability
        out["candidates"] = [{"node": c.node, "a": c.a, "b": c.b, "information_bits": c.information,
                              "estimate": c.estimate} for c in self.candidates]
        out["nodes"] = [{"node": s.node, "given": s.given, "total": s.total, "minimum": s.minimum,
                         "connected": s.connected, "checkable": s.checkable, "cr": s.cr, "direct": s.direct}
                        for s in self.nodes]
        out["residual_sd"] = self.sigma
        return out


# --------------------------------------------------------------------------- answers
def _answers(scenario: Scenario, member: str, node) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
    """(i, j, log a_ij, direct) of a member's answers at ``node``, ``i < j`` in children order."""
    idx = {c.id: k for k, c in enumerate(node.children)}
    n = len(idx)
    mj = scenario.judgments.get(member)
    if mj is not None and node.id in mj.direct:
        w = np.array([mj.direct[node.id].get(c.id, 0.0) for c in node.children], dtype=float)
        w = np.maximum(w, w.max() / ahp.MAX_RATIO) if w.max() > 0 else np.ones(n)
        i, j = np.triu_indices(n, 1)
        return i, j, np.log(w[i] / w[j]), True
    rows = []
    for p in (mj.nodes.get(node.id, []) if mj is not None else []):
        a, b = idx[p.a], idx[p.b]
        rows.append((a, b, np.log(p.value)) if a < b else (b, a, -np.log(p.value)))
    if not rows:
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0), False
    arr = np.array(rows)
    return arr[:, 0].astype(int), arr[:, 1].astype(int), arr[:, 2], False


def _sigma(scenario: Scenario, member: str, parents) -> float:
    """Pooled residual sd of a member's answers, shrunk to the prior (module doc)."""
    ssr, df = 0.0, 0
    for node in parents:
        i, j, logs, direct = _answers(scenario, member, node)
        if not direct and len(i) >= 3:
            s, d = post.residual_variance(len(node.children), i, j, logs)
            ssr, df = ssr + s, df + d
    return float(np.sqrt((NU0 * post.SIGMA_DEFAULT**2 + ssr) / (NU0 + df)))


def node_status(scenario: Scenario, member: str, node) -> NodeStatus:
    """Given / total / connected / checkable and the CR (only where checkable) of one member at one node."""
    n = len(node.children)
    i, j, logs, direct = _answers(scenario, member, node)
    total = n * (n - 1) // 2
    if direct:
        return NodeStatus(node.id, total, total, n - 1, True, False, None, True)
    checkable = post.has_cycle(n, i, j)
    a = np.full((n, n), np.nan)
    np.fill_diagonal(a, 1.0)
    a[i, j], a[j, i] = np.exp(logs), np.exp(-logs)
    connected = n == 1 or (len(i) >= n - 1 and len(ahp.judgment_groups(a)) == 1)
    cr = None
    if checkable and connected and n >= 3:
        s = scenario.settings
        cr = float(ahp.consistency(a, s.ri_table, s.cr_threshold).cr)
    return NodeStatus(node.id, len(i), total, n - 1, connected, checkable, cr)


# --------------------------------------------------------------------------- sampling
def _layout(scenario: Scenario):
    """(parent nodes, number of edges, each parent's child-edge columns, levels): ``levels[d, k]`` is the
    column of leaf ``k``'s ancestor edge ``d`` steps up (-1: none), so global weights are one product per level."""
    parents, edges, parent_of = [], [], {}
    for node, parent, _ in scenario.criteria.walk():
        if parent is not None:
            parent_of[node.id] = (parent.id, len(edges))
            edges.append((parent.id, node.id))
        if node.children:
            parents.append(node)
    paths = []
    for leaf in scenario.criteria.leaves():
        path, nid = [], leaf.id
        while nid in parent_of:
            pid, col = parent_of[nid]
            path.append(col)
            nid = pid
        paths.append(path)
    depth = max((len(p) for p in paths), default=0)
    levels = np.full((depth, len(paths)), -1, dtype=int)
    for k, path in enumerate(paths):
        levels[: len(path), k] = path
    cols: dict[str, list[int]] = {}  # a parent's children edges (not contiguous: the walk is pre-order)
    for col, (pid, _) in enumerate(edges):
        cols.setdefault(pid, []).append(col)
    return parents, len(edges), {p: np.array(c) for p, c in cols.items()}, levels


def sample_completions(scenario: Scenario, member: str, size: int, rng: np.random.Generator):
    """Completions of every member's judgments and what they give, vectorised over samples.

    Returns ``(G, pairs, X, sigma)``: global leaf weights (size, m) in
    ``scenario.criteria.leaves()`` order; the asking member's unanswered pairs
    ``(node, a, b)``; their sampled log values (size, len(pairs)); the member's residual sd.
    With every judgment given, every row of ``G`` is the committee's AIJ global weights.
    """
    s = scenario.settings
    parents, n_edges, cols, levels = _layout(scenario)
    members = [m.id for m in scenario.members]
    lam = np.array([m.weight for m in scenario.members], dtype=float)
    lam /= lam.sum()
    sigmas = {m: _sigma(scenario, m, parents) for m in members}
    E = np.ones((size, n_edges))
    pairs, columns = [], []
    for node in parents:  # a loop over tree nodes and members, never over samples
        n = len(node.children)
        if n == 1:
            continue
        logs_by_member = []
        for mid in members:
            i, j, logs, direct = _answers(scenario, mid, node)
            y = post.posterior_log_weights(n, i, j, logs, sigmas[mid], post.TAU_DEFAULT, rng, size)
            la, mi, mj = post.log_matrices(n, i, j, logs, y, sigmas[mid], rng)
            logs_by_member.append(la)
            if mid == member and not direct and len(mi):
                kids = [c.id for c in node.children]
                pairs.extend((node.id, kids[a], kids[b]) for a, b in zip(mi.tolist(), mj.tolist()))
                columns.append(la[:, mi, mj])
        stack = np.stack(logs_by_member)  # (K, S, n, n)
        if s.aggregation == "aij":  # Forman & Peniwati 1998: weighted geometric mean of judgments
            w = post.batch_priorities(np.tensordot(lam, stack, axes=1), s.priority_method)
        else:
            own = np.stack([post.batch_priorities(x, s.priority_method) for x in stack])  # (K, S, n)
            if s.aggregation == "aip_geometric":
                w = np.exp(np.tensordot(lam, np.log(own), axes=1))
                w /= w.sum(axis=1, keepdims=True)
            else:
                w = np.tensordot(lam, own, axes=1)
        E[:, cols[node.id]] = w
    G = np.ones((size, levels.shape[1]))
    for lev in levels:
        has = lev >= 0
        G[:, has] *= E[:, lev[has]]
    X = np.hstack(columns) if columns else np.zeros((size, 0))
    return G, pairs, X, sigmas[member]


def _method(scenario: Scenario, method: str | None) -> str:
    if method is not None:
        if method not in BATCH_METHODS:
            raise MCDAError(code="ask.err.method", found=repr(method), known=", ".join(BATCH_METHODS))
        return method
    return next((m for m in scenario.settings.ranking_methods if m in BATCH_METHODS), BATCH_METHODS[0])


def next_step(scenario: Scenario, member_id: str, *, samples: int = DEFAULT_SAMPLES, seed: int = 0,
              confidence: float = 0.95, method: str | None = None, top: int = 3, details: bool = True) -> AskResult:
    """The next question for ``member_id``, or that the committee's winner is settled.

    Parameters
    ----------
    scenario : Scenario
        A validated scenario (as loaded); judgments may be incomplete or absent.
    member_id : str
    samples : int
        Completions drawn (Monte Carlo standard error of the confidence about
        ``sqrt(p (1 - p) / samples)``: 0.007 at 0.95 with 1000).
    seed : int
    confidence : float
        Stop when the leader is first in at least this share of the completions.
    method : {'topsis', 'wsm'}, optional
        Ranking method of the stop rule (default: the scenario's first batch method).
    top : int
        Number of candidate questions returned.
    details : bool
        Report every node's status (given, connected, checkable, CR); False reports
        only the asked node's (the CR of incomplete matrices costs a completion each).
    """
    ids = [m.id for m in scenario.members]
    if member_id not in ids:
        raise MCDAError(code="ask.err.member", member=repr(member_id), known=", ".join(ids) or "-")
    if not 0.5 <= confidence < 1:
        raise MCDAError(code="ask.err.confidence", found=repr(confidence))
    if int(samples) < 10:
        raise MCDAError(code="ask.err.samples", found=repr(samples))
    size = int(samples)
    method = _method(scenario, method)
    problem = decision_problem(scenario)
    norm = scenario.settings.normalization.get(method)
    sm = score_model(problem.matrix, problem.types, method, norm, bounds=problem.bounds if norm == "scale" else None,
                     vendors=list(problem.vendors), criteria=list(problem.leaves))
    rng = as_generator(seed)
    G, pairs, X, sigma = sample_completions(scenario, member_id, size, rng)
    first = np.argmax(sm.scores(G), axis=1)  # (S,) higher is better for both batch methods
    share = np.bincount(first, minlength=len(problem.vendors)) / size
    lead = int(np.argmax(share))
    p = float(share[lead])
    acc = {v: float(x) for v, x in zip(problem.vendors, share)}
    parents = [n for n, _, _ in scenario.criteria.walk() if len(n.children) >= 2]
    status = tuple(node_status(scenario, member_id, n) for n in parents) if details else ()
    base = {"member": member_id, "leader": problem.vendors[lead], "winner_confidence": p, "confidence": confidence,
            "method": method, "samples": size, "seed": int(seed), "sigma": sigma, "nodes": status,
            "acceptability": acc}
    if p >= confidence:
        return AskResult(done=True, reason="settled", question=None, checkable=None, **base)
    if not pairs:
        return AskResult(done=True, reason="member_complete", question=None, checkable=None, **base)
    info = post.mutual_information(X, first == lead)
    order = np.argsort(-info, kind="stable")[:max(1, top)]
    cands = tuple(Candidate(*pairs[k], float(info[k]), float(np.exp(np.median(X[:, k])))) for k in order)
    q = cands[0]
    if not details:
        status = (node_status(scenario, member_id, next(n for n in parents if n.id == q.node)),)
    checkable = next(s.checkable for s in status if s.node == q.node)
    return AskResult(done=False, reason="ask", question=q, checkable=checkable, candidates=cands, **base)
