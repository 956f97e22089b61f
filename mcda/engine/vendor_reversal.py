"""Rank reversal: remove a vendor, or add a copy of one, and compare the order of the others."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from mcda.engine.evaluation import DecisionProblem, Evaluation, rank_methods
from mcda.sensitivity.limits import MAX_VENDORS_REVERSAL, REVERSAL_TOP

__all__ = ["ReversalRow", "reversal_check"]


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


def _tried(evaluation: Evaluation, names: list[str]) -> list[int]:
    """Positions of the vendors to remove or copy, in vendor order (see :func:`reversal_check`)."""
    n = len(evaluation.problem.vendors)
    if n <= MAX_VENDORS_REVERSAL:
        return list(range(n))
    best: set[int] = set()
    for name in names:
        ranks = np.asarray(evaluation.methods[name].ranks)
        best.update(np.argsort(ranks, kind="stable")[:REVERSAL_TOP].tolist())
    return sorted(best)


def reversal_check(evaluation: Evaluation, methods: list[str] | None = None) -> list[ReversalRow]:
    """For each method and vendor: the order of the others with that vendor removed, and with a
    copy of it added. A change is a rank reversal (Belton & Gear 1983; docs/methods.md#rank-reversal example).

    Every vendor is tried up to :data:`mcda.sensitivity.limits.MAX_VENDORS_REVERSAL` vendors;
    beyond, the :data:`~mcda.sensitivity.limits.REVERSAL_TOP` best of each method (each try
    re-ranks every vendor)."""
    p = evaluation.problem
    names = methods or list(evaluation.methods)
    n = len(p.vendors)
    out = []
    for i in _tried(evaluation, names):
        v = p.vendors[i]
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
