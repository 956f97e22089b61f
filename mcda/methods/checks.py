"""Input validation shared by the ranking methods: run once per call."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from mcda.errors import MCDAError
from mcda.normalization.core import check_finite, types_to_cost

__all__ = ["DecisionProblem", "check_problem", "check_scores", "frozen_array"]


@dataclass(frozen=True)
class DecisionProblem:
    """A validated decision problem: float (n, m) matrix, weights (m,), cost mask (m,)."""

    matrix: np.ndarray
    weights: np.ndarray
    types: np.ndarray
    cost: np.ndarray
    vendors: Sequence | None
    criteria: Sequence | None

    @property
    def n(self) -> int:
        return self.matrix.shape[0]

    @property
    def m(self) -> int:
        return self.matrix.shape[1]


def frozen_array(a) -> np.ndarray:
    """Return ``a`` as an ndarray marked read-only (results are immutable)."""
    a = np.asarray(a)
    a.flags.writeable = False
    return a


def check_labels(labels, k: int, what: str) -> list | None:
    """Optional labels for messages: ``k`` of them (one per vendor / criterion), or None."""
    if labels is None:
        return None
    labels = list(labels)
    if len(labels) != k:
        raise MCDAError(f"expected {k} {what} labels (one per {what}); found {len(labels)}")
    return labels


def check_problem(matrix, weights, types, *, vendors=None, criteria=None) -> DecisionProblem:
    """Validate a decision problem once; return float arrays (no copy if already float64).

    Rules: the matrix is 2-D with >= 1 vendor and >= 1 criterion, every cell
    finite (NaN names the cell); weights are finite, >= 0, not all zero, one per
    criterion; types are +1/-1, one per criterion. A single vendor is allowed:
    every method then gives it rank 1 (see each method's note on its score).
    """
    try:
        X = np.asarray(matrix, dtype=float)
    except (TypeError, ValueError) as exc:
        raise MCDAError(f"the decision matrix must be numeric; could not convert it ({exc})") from None
    if X.ndim != 2:
        raise MCDAError(f"the decision matrix must be 2-D (vendors x criteria); found shape {X.shape}")
    n, m = X.shape
    if n == 0 or m == 0:
        raise MCDAError(f"the decision matrix needs at least one vendor and one criterion; found shape {X.shape}")
    vendors = check_labels(vendors, n, "vendor")
    criteria = check_labels(criteria, m, "criterion")
    check_finite(X, vendors, criteria)

    if weights is None:
        raise MCDAError(f"expected {m} weights (one per criterion); found None")
    try:
        w = np.asarray(weights, dtype=float)
    except (TypeError, ValueError) as exc:
        raise MCDAError(f"weights must be numeric; could not convert them ({exc})") from None
    if w.ndim != 1 or w.shape[0] != m:
        raise MCDAError(f"expected {m} weights (one per criterion); found shape {w.shape}")
    bad = np.flatnonzero(~np.isfinite(w) | (w < 0))
    if bad.size:
        shown = ", ".join(
            (f"{criteria[j]!r}" if criteria is not None else f"column {j}") + f" = {w[j]}" for j in bad)
        raise MCDAError(f"weights must be finite and >= 0; found {shown}")
    if not w.sum() > 0:
        raise MCDAError("weights must not all be zero; found all zero")

    cost = types_to_cost(types, m, criteria)
    t = np.where(cost, -1, 1)
    return DecisionProblem(X, w, t, cost, vendors, criteria)


def check_scores(scores: np.ndarray, method: str, vendors=None) -> np.ndarray:
    """Raise if a method produced a non-finite score (overflow on extreme inputs)."""
    bad = np.flatnonzero(~np.isfinite(scores))
    if bad.size:
        i = int(bad[0])
        who = f"vendor {vendors[i]!r}" if vendors is not None else f"vendor {i}"
        raise MCDAError(f"{method} produced a non-finite score for {who}: the decision matrix holds "
                        "values too large or too small to normalise in floating point; rescale the "
                        "criterion (e.g. express amounts in thousands)")
    return scores
