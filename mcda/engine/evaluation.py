"""The one seam: a scenario in, labelled results out (STYLE habit 1).

:func:`evaluate` turns a :class:`~mcda.scenario.schema.Scenario` into arrays, runs the
AHP weights (:mod:`mcda.engine.weights`), the committee's decision matrix
(:mod:`mcda.engine.scores`), every ranking method (:mod:`mcda.methods`) and the
explanations (:mod:`mcda.engine.explain`), and returns them labelled by vendor,
criterion and dimension ids. The UI, the CLI and the tests all go through it.

For live what-if analysis, :func:`decision_problem` and :func:`rank_methods`
are exposed separately: the weights and the decision matrix are computed once,
and only the (cheap) ranking is redone for new weights.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from mcda.engine import gates, ratings, tender_scoring
from mcda.engine.explain import group_sum, topsis_contributions, why_a_beats_b
from mcda.engine.notes import Note
from mcda.engine.scores import AggregatedScores, aggregate_scores
from mcda.engine.weights import WeightsResult, compute_weights, recompose
from mcda.errors import MCDAError
from mcda.methods import METHODS, run_method
from mcda.scenario.schema import NumericScale, Scenario
from mcda.scenario.validated import is_trusted, trusted

__all__ = [
    "DecisionProblem",
    "MethodOutcome",
    "Reason",
    "Evaluation",
    "decision_problem",
    "rank_methods",
    "evaluate",
    "with_local_weights",
]


@dataclass(frozen=True)
class DecisionProblem:
    """The scenario as arrays: n vendors x m leaf criteria, grouped into dimensions."""

    vendors: tuple[str, ...]
    leaves: tuple[str, ...]
    dimensions: tuple[str, ...]
    group: np.ndarray  # (m,) index of each leaf's dimension
    types: np.ndarray  # (m,) +1 benefit, -1 cost
    bounds: np.ndarray  # (m, 2) declared scale bounds (observed range where a numeric scale has none;
    #                     a constant undeclared column gets (x, x + 1): equal for every vendor)
    members: tuple[str, ...]
    raw: np.ndarray  # (K, n, m) members' scores, NaN = missing
    aggregated: AggregatedScores
    excluded: tuple = ()  # mcda.engine.gates.Exclusion: vendors that failed a qualification gate

    @property
    def matrix(self) -> np.ndarray:
        return self.aggregated.matrix


@dataclass(frozen=True)
class Reason:
    """A dimension where the winner differs most from the runner-up.

    ``difference`` is in the method's own units (positive favours the winner);
    ``share`` is that difference over the sum of all dimensions' absolute
    differences, so reasons of different methods read alike.
    """

    dimension: str
    difference: float
    share: float


@dataclass(frozen=True)
class MethodOutcome:
    """One method's scores and ranks, with its explanation where the method is additive or TOPSIS."""

    name: str
    label_zh: str
    label_en: str
    scores: np.ndarray
    ranks: np.ndarray
    normalization: str
    higher_is_better: bool
    details: object = field(repr=False)
    contributions: np.ndarray | None = field(default=None, repr=False)  # (n, dimensions), sums to the score
    contribution_kind: str = ""  # what `contributions` holds
    reasons: tuple[Reason, ...] = ()  # winner vs runner-up

    def order(self) -> np.ndarray:
        """Vendor indices from best to worst (stable for ties)."""
        return np.argsort(self.ranks, kind="stable")


@dataclass(frozen=True)
class Evaluation:
    """Everything :func:`evaluate` computes, labelled."""

    scenario: Scenario = field(repr=False)
    weights: WeightsResult
    problem: DecisionProblem
    global_weights: np.ndarray  # (m,) in problem.leaves order
    methods: dict[str, MethodOutcome]
    agreement: object | None = None  # mcda.methods.Agreement
    given_notes: tuple[Note, ...] | None = field(default=None, repr=False)  # None: found on first use of `notes`
    local: dict[str, dict[str, float]] = field(default_factory=dict)  # local weights used (after what-if overrides)
    excluded: tuple = ()  # mcda.engine.gates.Exclusion: vendors left out by the qualification gates

    @cached_property
    def notes(self) -> tuple[Note, ...]:
        """What the committee should know about this result (see mcda.engine.notes); found when first read,
        since it needs the members' CR (computed lazily by the weights)."""
        if self.given_notes is not None:
            return self.given_notes
        return (_notes(self.weights, self.agreement, self.problem)
                + tender_scoring.tender_notes(self.scenario, self.problem, self.global_weights))

    @property
    def vendors(self) -> tuple[str, ...]:
        return self.problem.vendors

    @property
    def warnings(self) -> tuple[str, ...]:
        """The notes in English (``notes[k].text(lang, name)`` for other languages)."""
        return tuple(n.text("en") for n in self.notes)

    def names(self, lang: str):
        """id -> display name in ``lang`` for criteria, vendors and members of this scenario."""
        table = self.scenario.names(lang)
        return lambda i: table.get(i, i)

    def winners(self) -> dict[str, tuple[str, ...]]:
        """Method -> the vendor ids ranked first (several on a tie)."""
        return {k: tuple(self.vendors[i] for i in np.flatnonzero(m.ranks == 1)) for k, m in self.methods.items()}

    def dimension_weights(self) -> dict[str, float]:
        s = np.bincount(self.problem.group, weights=self.global_weights, minlength=len(self.problem.dimensions))
        return dict(zip(self.problem.dimensions, s.tolist(), strict=True))

    def to_dict(self) -> dict:
        """Plain JSON-ready data (the CLI's ``--format json``)."""
        methods = {}
        for name, m in self.methods.items():
            rows = [{"vendor": self.vendors[i], "score": float(m.scores[i]), "rank": int(m.ranks[i])}
                    for i in m.order()]
            methods[name] = rows
        details = {
            name: {"label_zh": m.label_zh, "label_en": m.label_en, "normalization": m.normalization,
                   "higher_is_better": m.higher_is_better,
                   "reasons": [{"dimension": r.dimension, "difference": r.difference, "share": r.share}
                               for r in m.reasons]}
            for name, m in self.methods.items()
        }
        agreement = None
        if self.agreement is not None:
            a = self.agreement
            agreement = {"methods": list(a.names), "spearman": np.asarray(a.spearman).tolist(),
                         "ws": np.asarray(a.ws).tolist(), "dissenters": list(a.dissenters)}
        return {
            "methods": methods,
            "method_details": details,
            "winners": {k: list(v) for k, v in self.winners().items()},
            "weights": {"global": dict(zip(self.problem.leaves, self.global_weights.tolist(), strict=True)),
                        "dimensions": self.dimension_weights()},
            "decision_matrix": {
                "vendors": list(self.vendors), "criteria": list(self.problem.leaves),
                "values": self.problem.matrix.tolist(), "coverage": self.problem.aggregated.coverage.tolist(),
                "imputed": int(self.problem.aggregated.imputed.sum()),
                "missing_member_scores": len(self.problem.aggregated.missing),
            },
            "agreement": agreement,
            "warnings": list(self.warnings),
            "settings": self.scenario.settings.model_dump(mode="json"),
            "excluded": [e.to_dict() for e in self.excluded],
        }


def decision_problem(scenario: Scenario) -> DecisionProblem:
    """The committee's decision matrix and the arrays every method needs.

    Scores are aggregated per cell with the members' voting weights
    (``settings.score_aggregation``, ``settings.missing_scores``; see
    :func:`mcda.engine.scores.aggregate_scores`).
    """
    scenario, excluded = gates.screen(scenario)  # qualification gates (mcda.engine.gates)
    if not scenario.vendors:
        raise MCDAError(code="err.ahp.no_vendors")
    if not scenario.members:
        raise MCDAError(code="err.ahp.no_members")
    dims = scenario.criteria.children
    leaves, dim_index = [], {}
    stack = [(d, g) for g, d in reversed(list(enumerate(dims)))]
    while stack:  # pre-order, as Criterion.walk, in one pass: the leaves and each node's dimension
        node, g = stack.pop()
        dim_index[node.id] = g
        if node.children:
            stack += [(c, g) for c in reversed(node.children)]
        else:
            leaves.append(node)
    vendors = tuple(v.id for v in scenario.vendors)
    members = tuple(m.id for m in scenario.members)
    leaf_ids = tuple(leaf.id for leaf in leaves)
    col = {c: j for j, c in enumerate(leaf_ids)}
    row = {v: i for i, v in enumerate(vendors)}
    raw = np.full((len(members), len(vendors), len(leaf_ids)), np.nan)
    known = is_trusted(scenario)  # validated: every criterion id in the scores is a leaf
    for k, mid in enumerate(members):  # one row of scores per member and vendor (None -> NaN)
        given = scenario.scores.get(mid, {})
        if given and (known or set().union(*given.values()) <= col.keys()):
            rows = [row[vid] for vid in given]
            raw[k, rows] = np.array([list(map(cells.get, leaf_ids)) for cells in given.values()], dtype=float)
        else:  # an unknown criterion id (unvalidated data): fail as before
            for vid, cells in given.items():
                for cid, value in cells.items():
                    if value is not None:
                        raw[k, row[vid], col[cid]] = value
    rated = ratings.rated_scores(scenario, leaves, raw)  # rating scales: levels -> intensities (mcda.engine.ratings)
    agg = aggregate_scores(rated, [m.weight for m in scenario.members], scenario.settings.score_aggregation,
                           scenario.settings.missing_scores, vendors=vendors, criteria=leaf_ids, members=members)
    bounds = np.empty((len(leaf_ids), 2))
    for j, leaf in enumerate(leaves):
        lo, hi = scenario.scales[leaf.scale].bounds
        if isinstance(scenario.scales[leaf.scale], NumericScale):
            column = agg.matrix[:, j]
            lo = float(column.min()) if lo is None else lo
            hi = float(column.max()) if hi is None else hi
            if hi <= lo:  # undeclared bounds and one observed value: the criterion cannot discriminate
                hi = lo + 1.0
        bounds[j] = lo, hi
    types = np.array([1 if leaf.direction == "benefit" else -1 for leaf in leaves])
    group = np.array([dim_index[c] for c in leaf_ids], dtype=int)
    bounds = ratings.rating_bounds(scenario, leaves, bounds)  # rating scales, low-price-priority price score
    agg, types, bounds = tender_scoring.price_columns(scenario, leaves, agg, types, bounds, vendors)
    return DecisionProblem(vendors, leaf_ids, tuple(d.id for d in dims), group, types, bounds, members, raw, agg,
                           excluded)


def _explain(name: str, result, problem: DecisionProblem) -> tuple[np.ndarray | None, str, tuple[Reason, ...]]:
    details = result.details
    explanation = METHODS[name].explanation
    if explanation == "additive":
        by_dim = group_sum(details.contributions, problem.group, len(problem.dimensions))
        kind, higher = "score", True
    elif explanation == "distance":
        by_dim = group_sum(topsis_contributions(details).to_ideal, problem.group, len(problem.dimensions))
        kind, higher = "squared distance to the ideal", False
    else:
        return None, "", ()
    order = np.argsort(result.ranks, kind="stable")
    if len(order) < 2:
        return by_dim, kind, ()
    a, b = int(order[0]), int(order[1])
    diffs = why_a_beats_b(by_dim, a, b, top=3, higher_is_better=higher)
    total = float(np.abs(by_dim[a] - by_dim[b]).sum()) or 1.0
    return by_dim, kind, tuple(Reason(problem.dimensions[d.group], float(d.difference), float(d.difference) / total)
                               for d in diffs)


def rank_methods(problem: DecisionProblem, weights: np.ndarray, scenario: Scenario,
                 methods: list[str] | None = None, explain: bool = True) -> dict[str, MethodOutcome]:
    """Run each ranking method on the decision problem with the given global weights."""
    s = scenario.settings
    out: dict[str, MethodOutcome] = {}
    for name in methods or s.ranking_methods:
        spec = METHODS[name]
        norm = s.normalization.get(name)
        options = {}
        if spec.default_normalization is not None and (norm or spec.default_normalization) == "scale":
            options["bounds"] = problem.bounds
        res = run_method(name, problem.matrix, weights, problem.types, norm, vendors=problem.vendors,
                         criteria=problem.leaves, tol=s.tie_tolerance, **options)
        contrib, kind, reasons = _explain(name, res, problem) if explain else (None, "", ())
        out[name] = MethodOutcome(name, spec.label_zh, spec.label_en, res.scores, res.ranks, res.normalization,
                                  res.higher_is_better, res.details, contrib, kind, reasons)
    return out


def _notes(weights: WeightsResult, agreement, problem: DecisionProblem) -> tuple[Note, ...]:
    out = []
    for node, member, cr in weights.inconsistent():
        out.append(Note("inconsistent", {"node": node, "who": member, "cr": cr, "threshold": weights.cr_threshold}))
    for r in weights.nodes.values():
        if r.source == "equal":
            out.append(Note("equal_weights", {"node": r.node}))
        for m in r.members:
            if m.error:
                code = "member_left_out_aij" if r.aggregation == "aij" else "member_left_out"
                out.append(Note(code, {"node": r.node, "member": m.member, "error": m.error}))
        if r.source == "committee" and r.note:
            out.append(Note("direct_fallback",
                            {"node": r.node, "members": [m.member for m in r.members if m.matrix is None]}))
    if agreement is not None and agreement.dissenters:
        win = {k: [problem.vendors[i] for i in v] for k, v in agreement.winners.items()}
        out.append(Note("methods_disagree", {"winners": win}))
    imputed = int(problem.aggregated.imputed.sum())
    if imputed:
        out.append(Note("imputed", {"count": imputed}))
    return tuple(out)


def _agreement(outcomes: dict[str, MethodOutcome]):
    if len(outcomes) < 2:
        return None
    from mcda.methods import agreement

    return agreement({k: m.ranks for k, m in outcomes.items()})


def _revalidated(scenario: Scenario) -> Scenario:
    """The scenario validated: an object edited in memory (``model_copy``, attribute assignment)
    bypasses pydantic, and the engine must never run on an invalid one; an object already
    validated and unchanged is not validated again (:func:`mcda.scenario.validated.trusted`)."""
    return trusted(scenario)


def evaluate(scenario: Scenario, *, methods: list[str] | None = None,
             weights: WeightsResult | None = None, local_overrides: dict[str, dict[str, float]] | None = None,
             agreement: bool = True) -> Evaluation:
    """Evaluate a whole scenario: weights, decision matrix, every method's ranking, explanations.

    Parameters
    ----------
    scenario : Scenario
    methods : list of str, optional
        Ranking methods (default: ``scenario.settings.ranking_methods``).
    weights : WeightsResult, optional
        Reuse weights already computed for this scenario (what-if analysis).
    local_overrides : dict, optional
        ``{parent id: {child id: local weight}}`` replacing the committee's
        local weights at those nodes (what-if); global weights are recomposed.
    agreement : bool
        Compute the agreement between methods (Spearman and WS, in numpy).
    """
    scenario = _revalidated(scenario)
    scenario, excluded = gates.screen(scenario)  # gates: left out of weights, ranking and sensitivity
    if isinstance(methods, str):
        methods = [methods]
    unknown = [m for m in methods or () if m not in METHODS]
    if unknown:
        raise MCDAError(code="err.ahp.unknown_ranking_methods", names=", ".join(map(repr, unknown)),
                        known=", ".join(METHODS))
    w = weights if weights is not None else compute_weights(scenario)
    local, glob = recompose(w.nodes, w.root, local_overrides) if local_overrides else (w.local, w.global_weights)
    problem = decision_problem(scenario)
    vec = np.array([glob[c] for c in problem.leaves])
    outcomes = rank_methods(problem, vec, scenario, methods)
    agr = _agreement(outcomes) if agreement else None
    return Evaluation(scenario, w, problem, vec, outcomes, agr, None, local, excluded)


def with_local_weights(evaluation: Evaluation, overrides: dict[str, dict[str, float]],
                       problem: DecisionProblem | None = None, explain: bool = False) -> Evaluation:
    """Re-rank an evaluation with some nodes' local weights replaced (no AHP, no score aggregation;
    explanations only if asked: the live what-if path needs scores and ranks)."""
    local, glob = recompose(evaluation.weights.nodes, evaluation.weights.root, overrides)
    p = problem or evaluation.problem
    vec = np.array([glob[c] for c in p.leaves])
    outcomes = rank_methods(p, vec, evaluation.scenario, list(evaluation.methods), explain=explain)
    return Evaluation(evaluation.scenario, evaluation.weights, p, vec, outcomes, None, (), local, evaluation.excluded)
