"""Input validation shared by the ranking methods: run once per call."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from mcda.errors import MCDAError
from mcda.normalization import as_real_array, check_finite, types_to_cost
from mcda.normalization.checks import criterion_phrase
from mcda.text.errors_kernels import Phrase, join, phrase

__all__ = ["DecisionProblem", "check_problem", "check_scores", "frozen_array", "check_labels",
           "check_weight_sum", "MIN_WEIGHT_SUM"]

#: The one rule on the total of a weight vector (or of one weight sample): a *normal* positive
#: float. Zero (all weights zero), a subnormal total (e.g. 5e-324, where every product
#: underflows and every vendor ties) and an overflowing total are refused, blaming the weights.
MIN_WEIGHT_SUM = float(np.finfo(float).tiny)


def check_weight_sum(total: float, sample: int | None = None) -> None:
    """Raise unless ``total`` (a weight vector's sum) is finite and >= :data:`MIN_WEIGHT_SUM`.

    >>> check_weight_sum(1.0)
    >>> check_weight_sum(5e-324)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    mcda.errors.MCDAError: weights must sum to a normal positive number...
    """
    if np.isfinite(total) and total >= MIN_WEIGHT_SUM:
        return
    kind = "zero" if total == 0 else ("overflow" if not np.isfinite(total) else "subnormal")
    if sample is None:
        raise MCDAError(code=f"err.method.weights_{kind}", total=float(total), tiny=MIN_WEIGHT_SUM)
    raise MCDAError(code=f"err.smaa.sample_{kind}", s=sample, total=float(total), tiny=MIN_WEIGHT_SUM)


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
        raise MCDAError(code=f"err.method.labels_{what}", k=k, found=len(labels))
    return labels


def check_problem(matrix, weights, types, *, vendors=None, criteria=None) -> DecisionProblem:
    """Validate a decision problem once; return float arrays (no copy if already float64).

    Rules: the matrix is 2-D with >= 1 vendor and >= 1 criterion, every cell
    finite (NaN names the cell); weights are finite, >= 0, not all zero, one per
    criterion; types are +1/-1, one per criterion. A single vendor is allowed:
    every method then gives it rank 1 (see each method's note on its score).
    """
    X = as_real_array(matrix, phrase("err.what.matrix"), detail_key="err.method.matrix_numeric")
    if X.ndim != 2:
        raise MCDAError(code="err.method.matrix_2d", shape=str(X.shape))
    n, m = X.shape
    if n == 0 or m == 0:
        raise MCDAError(code="err.method.matrix_empty", shape=str(X.shape))
    vendors = check_labels(vendors, n, "vendor")
    criteria = check_labels(criteria, m, "criterion")
    check_finite(X, vendors, criteria)

    if weights is None:
        raise MCDAError(code="err.method.weights_none", m=m)
    w = as_real_array(weights, phrase("err.what.weights"))
    if w.ndim != 1 or w.shape[0] != m:
        raise MCDAError(code="err.method.weights_shape", m=m, shape=str(w.shape))
    bad = np.flatnonzero(~np.isfinite(w) | (w < 0))
    if bad.size:
        shown = join((phrase("err.loc.value", value=float(w[j]),
                             where=Phrase(repr(criteria[j])) if criteria is not None else criterion_phrase(j))
                      for j in bad), ", ", "，")
        raise MCDAError(code="err.method.weights_value", shown=shown)
    with np.errstate(over="ignore"):
        check_weight_sum(float(w.sum()))

    cost = types_to_cost(types, m, criteria)
    t = np.where(cost, -1, 1)
    return DecisionProblem(X, w, t, cost, vendors, criteria)


def check_scores(scores: np.ndarray, method: str, vendors=None, *, weights=None,
                 normalized=None) -> np.ndarray:
    """Raise if a method produced a non-finite score (overflow on extreme inputs).

    The weights are blamed when the normalised matrix is finite and a weight exceeds 1 (their
    product overflowed); the decision matrix otherwise."""
    bad = np.flatnonzero(~np.isfinite(scores))
    if bad.size:
        method = method if isinstance(method, Phrase) else Phrase(method)
        i = int(bad[0])
        who = (phrase("err.loc.vendor", vendor=repr(vendors[i])) if vendors is not None
               else phrase("err.loc.vendor_index", i=i))
        if (weights is not None and normalized is not None and float(np.max(weights)) > 1
                and np.isfinite(normalized).all()):
            raise MCDAError(code="err.method.weights_overflow_scores", method=method, who=who,
                            largest=float(np.max(weights)))
        raise MCDAError(code="err.method.nonfinite_score", method=method, who=who)
    return scores
