"""The headline of a result: the few facts a committee reads first, and what is still missing.

:func:`headline` condenses an :class:`~mcda.engine.evaluation.Evaluation` into

* the **winner** and the **runner-up** of the primary method (the first of
  ``settings.ranking_methods``) and the **margin** between them, in that method's
  score units;
* the winner's **first-rank share** under SMAA-2 (Lahdelma & Salminen 2001), with
  the scenario's weight model and a few thousand samples;
* the **smallest weight change that flips the winner**: over every node of the
  tree, the end of its stability interval (:func:`mcda.engine.node_paths.stability_table`,
  the node's local weight moving, its siblings rescaled) nearest to the current weight,
  measured in global weight (local weight times the parent's global weight, so a
  sub-criterion and a dimension compare fairly), with the vendor who takes the lead there;
* how many **distinct methods** were run and whether they **agree** on the winner.
  Two methods are the same method on this scenario when one's scores are a
  positive affine map of the other's (``s_b = a s_a + c`` with ``a > 0``, scores
  oriented so that higher is better): they must rank alike and prove nothing by
  agreeing. The weighted sum with ``max`` normalisation and AHP ideal synthesis
  are the usual pair (Belton & Gear 1983: both divide each column by its best value);
* whether the inputs are **complete** and, if not, the checklist :attr:`Headline.missing`:
  members without judgments at a node, nodes nobody judged (equal weights are
  used there), members' missing scores. :func:`missing_inputs` gives the same
  checklist from a scenario alone, for a scenario that cannot be evaluated yet.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mcda.engine.evaluation import Evaluation
from mcda.engine.node_paths import SENSITIVITY_METHODS, stability_table
from mcda.engine.node_smaa import run_smaa
from mcda.errors import MCDAError
from mcda.scenario.schema import Scenario

__all__ = ["Flip", "Headline", "Missing", "affine_groups", "headline", "missing_inputs"]

#: Relative tolerance of the affine-equivalence test (scores are computed in double precision).
AFFINE_RTOL = 1e-9


@dataclass(frozen=True)
class Missing:
    """One line of the checklist of missing inputs.

    ``kind``: ``"judgments"`` (``member`` has not answered at the nodes ``items``),
    ``"nobody_judged"`` (no member answered at the nodes ``items``: equal weights are
    used), ``"scores"`` (``member`` has ``count`` empty cells, for the vendors ``items``).
    ``page``: where the answer is given (``"judgments"`` or ``"scores"``).
    """

    kind: str
    member: str | None
    items: tuple[str, ...]
    count: int

    @property
    def page(self) -> str:
        return "scores" if self.kind == "scores" else "judgments"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "member": self.member, "items": list(self.items), "count": self.count}


@dataclass(frozen=True)
class Flip:
    """The smallest change of one node's weight (its siblings rescaled) that changes the winner.

    ``start`` and ``end`` are global weights (the node's share of the whole decision); the
    local weights are ``start / parent_weight`` and ``end / parent_weight``.
    """

    node: str
    start: float  # current global weight
    end: float  # global weight where ``vendor`` takes the lead
    vendor: str
    leader: str = ""  # who leads now (the sensitivity method's winner)
    parent_weight: float = 1.0  # global weight of the node's parent

    @property
    def change(self) -> float:
        return abs(self.end - self.start)

    def to_dict(self) -> dict:
        return {"node": self.node, "from": self.start, "to": self.end, "vendor": self.vendor}


@dataclass(frozen=True)
class Headline:
    """The facts of :func:`headline` (ids, not names; shares as fractions)."""

    method: str  # the primary method: winner, runner-up and margin are its
    sensitivity_method: str  # the method of the SMAA share and the flip (a batch method)
    winner: str
    runner_up: str | None
    margin: float  # the winner's lead in the primary method's score units (>= 0)
    first_rank_share: float | None  # None when SMAA was not run (smaa_samples=0)
    flip: Flip | None  # None when no single weight change flips the winner
    method_groups: tuple[tuple[str, ...], ...]  # methods identical up to a positive affine map, grouped
    distinct_methods_agree: bool
    missing: tuple[Missing, ...] = field(default=())

    @property
    def distinct_methods(self) -> int:
        return len(self.method_groups)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def duplicates(self) -> tuple[tuple[str, ...], ...]:
        """The groups of two or more methods counted once."""
        return tuple(g for g in self.method_groups if len(g) > 1)

    def to_dict(self) -> dict:
        """``{"winner", "runner_up", "margin", "first_rank_share", "flip", "distinct_methods",
        "distinct_methods_agree"}``, plus ``"complete"`` and the ``"missing"`` checklist."""
        return {
            "winner": self.winner,
            "runner_up": self.runner_up,
            "margin": self.margin,
            "first_rank_share": self.first_rank_share,
            "flip": self.flip.to_dict() if self.flip else None,
            "distinct_methods": self.distinct_methods,
            "distinct_methods_agree": self.distinct_methods_agree,
            "complete": self.complete,
            "missing": [m.to_dict() for m in self.missing],
        }


def missing_inputs(scenario: Scenario, raw: np.ndarray | None = None) -> tuple[Missing, ...]:
    """The checklist of missing inputs of a scenario (see :class:`Missing`), in tree and member order.

    ``raw`` is the (members, vendors, leaves) score array of
    :class:`~mcda.engine.evaluation.DecisionProblem` when already built.

    >>> from mcda.scenario.bundled import example_path
    >>> from mcda.scenario.io import load_scenario
    >>> [(m.kind, m.member, m.count) for m in missing_inputs(load_scenario(example_path(), lint=False))]
    [('scores', 'cfo', 2), ('scores', 'it_sec', 8)]
    """
    parents = [n.id for n, _, _ in scenario.criteria.walk() if len(n.children) >= 2]
    out: list[Missing] = []
    answered: dict[str, int] = dict.fromkeys(parents, 0)
    gaps: list[Missing] = []
    for m in scenario.members:
        mj = scenario.judgments.get(m.id)
        missing = []
        for node in parents:
            if mj is not None and (mj.nodes.get(node) or node in mj.direct):
                answered[node] += 1
            else:
                missing.append(node)
        if missing:
            gaps.append(Missing("judgments", m.id, tuple(missing), len(missing)))
    nobody = tuple(n for n in parents if answered[n] == 0)
    if nobody:
        out.append(Missing("nobody_judged", None, nobody, len(nobody)))
    out += gaps
    leaves = [leaf.id for leaf in scenario.criteria.leaves()]
    for k, m in enumerate(scenario.members):
        if raw is not None:
            empty = np.isnan(raw[k])
            count = int(empty.sum())
            vendors = tuple(v.id for i, v in enumerate(scenario.vendors) if empty[i].any())
        else:
            cells = scenario.scores.get(m.id, {})
            per = {v.id: sum(cells.get(v.id, {}).get(c) is None for c in leaves) for v in scenario.vendors}
            count = sum(per.values())
            vendors = tuple(v for v, n in per.items() if n)
        if count:
            out.append(Missing("scores", m.id, vendors, count))
    return tuple(out)


def affine_groups(scores: dict[str, np.ndarray], higher_is_better: dict[str, bool],
                  rtol: float = AFFINE_RTOL) -> tuple[tuple[str, ...], ...]:
    """Group methods whose scores are a positive affine map of each other (in the order given).

    >>> affine_groups({"a": np.array([1., 2, 4]), "b": np.array([3., 5, 9]), "c": np.array([1., 3, 2])},
    ...               {"a": True, "b": True, "c": True})
    (('a', 'b'), ('c',))
    """
    oriented = {k: np.asarray(v, float) * (1.0 if higher_is_better[k] else -1.0) for k, v in scores.items()}
    groups: list[list[str]] = []
    for name, y in oriented.items():
        for g in groups:
            if _affine(oriented[g[0]], y, rtol):
                g.append(name)
                break
        else:
            groups.append([name])
    return tuple(tuple(g) for g in groups)


def _affine(x: np.ndarray, y: np.ndarray, rtol: float) -> bool:
    """Whether ``y = a x + c`` with ``a > 0`` (both constant counts too)."""
    sx, sy = float(np.ptp(x)), float(np.ptp(y))
    if sx == 0.0 or sy == 0.0:
        return sx == 0.0 and sy == 0.0
    xc, yc = x - x.mean(), y - y.mean()
    a = float(xc @ yc) / float(xc @ xc)
    if a <= 0:
        return False
    return bool(np.max(np.abs(yc - a * xc)) <= rtol * sy + 1e-15)


def _sensitivity_method(evaluation: Evaluation) -> str:
    for name in evaluation.methods:
        if name in SENSITIVITY_METHODS:
            return name
    return SENSITIVITY_METHODS[0]


def _global(evaluation: Evaluation, node: str) -> float:
    """A node's global weight: the product of the local weights from the goal down to it."""
    parent_of = {c: p for p, kids in evaluation.local.items() for c in kids}
    weight = 1.0
    while node in parent_of:
        parent = parent_of[node]
        weight *= evaluation.local[parent][node]
        node = parent
    return weight


def _flip(evaluation: Evaluation, method: str) -> Flip | None:
    best: Flip | None = None
    for row in stability_table(evaluation, method=method, level="all"):
        scale = _global(evaluation, row.parent)
        for end, taker in ((row.winner_low, row.taker_below), (row.winner_high, row.taker_above)):
            if taker is None:
                continue
            candidate = Flip(row.node, row.current * scale, end * scale, taker, row.leader, scale)
            if best is None or candidate.change < best.change - 1e-12:
                best = candidate
    return best


def headline(evaluation: Evaluation, smaa_samples: int = 4000, seed: int | None = None) -> Headline:
    """The headline facts of an evaluation (see the module docstring).

    Parameters
    ----------
    evaluation : Evaluation
    smaa_samples : int
        SMAA samples for the winner's first-rank share (0: not computed).
    seed : int, optional
        SMAA seed (default: ``settings.sensitivity.seed``).

    Examples
    --------
    >>> from mcda.scenario.bundled import example_path
    >>> from mcda.scenario.io import load_scenario
    >>> from mcda.engine.evaluation import evaluate
    >>> h = headline(evaluate(load_scenario(example_path(), lint=False)), smaa_samples=500)
    >>> h.winner, h.distinct_methods, h.method_groups[1], h.complete
    ('huaxin', 2, ('wsm', 'ahp_ideal'), False)
    """
    if not evaluation.methods:
        raise MCDAError("the evaluation ranks with no method")
    method = next(iter(evaluation.methods))
    out = evaluation.methods[method]
    vendors = evaluation.vendors
    order = out.order()
    winner = vendors[int(order[0])]
    runner_up = vendors[int(order[1])] if len(order) > 1 else None
    sign = 1.0 if out.higher_is_better else -1.0
    margin = float(sign * (out.scores[order[0]] - out.scores[order[1]])) if len(order) > 1 else 0.0
    batch = _sensitivity_method(evaluation)
    share = None
    s = evaluation.scenario.settings.sensitivity
    if smaa_samples > 0 and len(vendors) > 1:
        smaa = run_smaa(evaluation, method=batch, samples=int(smaa_samples),
                        seed=s.seed if seed is None else seed, model=s.model)
        share = float(smaa.acceptability[int(order[0]), 0])
    flip = _flip(evaluation, batch) if len(vendors) > 1 else None
    groups = affine_groups({k: m.scores for k, m in evaluation.methods.items()},
                           {k: m.higher_is_better for k, m in evaluation.methods.items()})
    firsts = {frozenset(np.flatnonzero(evaluation.methods[g[0]].ranks == 1).tolist()) for g in groups}
    missing = missing_inputs(evaluation.scenario, evaluation.problem.raw)
    return Headline(method, batch, winner, runner_up, max(margin, 0.0), share, flip, groups, len(firsts) == 1,
                    missing)
