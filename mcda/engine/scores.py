"""Committee members' scores -> one decision matrix (pure kernels).

``scores`` is a (K members, n vendors, m criteria) float array, NaN where a
member did not score. Member voting weights are non-negative, not all zero.
For each vendor x criterion cell, the rule aggregates the scores of the
members who scored it, with their voting weights renormalised over them.

Rules (registry :data:`AGGREGATION_RULES`):

* ``mean``: weighted arithmetic mean ``sum_k w_k x_k / sum_k w_k``.
* ``median``: weighted median. Sort the scores; with cumulative weight
  ``F`` (total ``W``), the median is the smallest score whose ``F >= W / 2``;
  if that score's ``F`` equals ``W / 2`` exactly (relative tolerance 1e-12),
  the median is the mean of it and the next score (so equal weights give the
  usual median). This is the lower weighted median of Edgeworth (1888) with the
  midpoint rule at an exact half, as in Cormen et al., *Introduction to
  Algorithms*, problem 9-2.
* ``geometric_mean``: weighted geometric mean ``exp(sum_k w_k ln x_k / sum_k w_k)``;
  every score must be > 0 (error naming member, vendor and criterion).

Every rule's result is clipped to the range of the scores it aggregates (members with a
positive weight): in exact arithmetic each rule lies in that range, in floating point a
weighted mean of equal scores can land one rounding step outside it (5 and 5 with weights
0.6 / 0.3 gave 5.000000000000001, outside a 1..5 scale).

Missing-score policies (:data:`MISSING_POLICIES`):

* ``error``: any NaN is an error naming every missing member x vendor x criterion.
* ``skip``: aggregate over those who scored; a cell no member with positive
  weight scored is an error naming it.
* ``impute_median``: as ``skip``, but a cell nobody scored gets the median
  (plain, unweighted) of that criterion's aggregated values over the other
  vendors, and is flagged in ``imputed``; a criterion nobody scored for any
  vendor is an error.

``coverage`` is the share of the total voting weight of the members who
scored the cell (1 = everyone with a vote); ``counts`` is how many members
scored it (whatever their weight).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from mcda.engine.tender_scoring import weighted_trimmed_mean
from mcda.errors import MCDAError
from mcda.methods.checks import MIN_WEIGHT_SUM
from mcda.normalization import as_real_array
from mcda.text.errors_kernels import Phrase, join, phrase

__all__ = ["AggregatedScores", "aggregate_scores", "AGGREGATION_RULES", "MISSING_POLICIES",
           "weighted_mean", "weighted_median", "weighted_geometric_mean"]

MISSING_POLICIES = ("error", "skip", "impute_median")
_HALF_TOL = 1e-12


@dataclass(frozen=True)
class AggregatedScores:
    """Result of :func:`aggregate_scores` (read-only arrays).

    Attributes
    ----------
    matrix : ndarray (n, m)
        The decision matrix.
    coverage : ndarray (n, m)
        Share of the voting weight that scored each cell, in [0, 1].
    counts : ndarray of int (n, m)
        Number of members who scored each cell.
    imputed : ndarray of bool (n, m)
        Cells filled by imputation.
    missing : tuple of (k, i, j)
        Every missing member x vendor x criterion score, as indices.
    rule, missing_policy : str
    """

    matrix: np.ndarray
    coverage: np.ndarray
    counts: np.ndarray
    imputed: np.ndarray
    missing: tuple
    rule: str
    missing_policy: str


def _ro(a) -> np.ndarray:
    a = np.asarray(a)
    a.flags.writeable = False
    return a


def _name(labels, idx: int, kind: str) -> Phrase:
    """``member 'cfo'`` (or ``member 2`` without labels), in both languages."""
    if labels is not None:
        return phrase(f"err.scores.{kind}", name=repr(labels[idx]))
    return phrase(f"err.scores.{kind}", name=idx)


def _cell3(k, i, j, members, vendors, criteria) -> Phrase:
    return phrase("err.scores.cell3", member=_name(members, k, "member"), vendor=_name(vendors, i, "vendor"),
                  criterion=_name(criteria, j, "criterion"))


def _cell2(i, j, vendors, criteria) -> Phrase:
    return phrase("err.scores.cell2", vendor=_name(vendors, i, "vendor"), criterion=_name(criteria, j, "criterion"))


def _listing(items: list, limit: int = 50) -> Phrase:
    more = phrase("err.scores.more", n=len(items) - limit) if len(items) > limit else Phrase("")
    return join([*items[:limit], more] if len(items) > limit else items)


def _clip_to_members(matrix: np.ndarray, S: np.ndarray, wp: np.ndarray) -> np.ndarray:
    """Each aggregated cell clipped to the range of the scores that entered it (members with a
    positive weight): a mean of 5 and 5 is exactly 5, never one rounding step above."""
    counted = wp > 0
    with np.errstate(invalid="ignore"):
        lo = np.where(counted, S, np.inf).min(axis=0)
        hi = np.where(counted, S, -np.inf).max(axis=0)
        return np.where(np.isfinite(matrix) & (lo <= hi), np.clip(matrix, lo, hi), matrix)


# -- rules: S (K, n, m) with NaN filled by any value, wp (K, n, m) weights of
#    the members who scored (0 elsewhere), wsum (n, m) = wp.sum(0) > 0 where used
def weighted_mean(S: np.ndarray, wp: np.ndarray, wsum: np.ndarray) -> np.ndarray:
    """Weighted arithmetic mean over axis 0."""
    return np.einsum("knm,knm->nm", S, wp) / wsum


def weighted_geometric_mean(S: np.ndarray, wp: np.ndarray, wsum: np.ndarray) -> np.ndarray:
    """Weighted geometric mean over axis 0 (scores > 0 where ``wp > 0``)."""
    logs = np.log(np.where(wp > 0, S, 1.0))
    return np.exp(np.einsum("knm,knm->nm", logs, wp) / wsum)


def weighted_median(S: np.ndarray, wp: np.ndarray, wsum: np.ndarray) -> np.ndarray:
    """Weighted median over axis 0 (definition in the module docstring)."""
    key = np.where(wp > 0, S, np.inf)  # entries without weight sort last
    order = np.argsort(key, axis=0, kind="stable")
    vals = np.take_along_axis(key, order, axis=0)
    cum = np.cumsum(np.take_along_axis(wp, order, axis=0), axis=0)
    half = wsum / 2
    eps = _HALF_TOL * np.maximum(wsum, 1e-300)
    k1 = np.argmax(cum >= half - eps, axis=0)[None]
    k2 = np.argmax(cum > half + eps, axis=0)[None]
    v1 = np.take_along_axis(vals, k1, axis=0)[0]
    v2 = np.take_along_axis(vals, k2, axis=0)[0]
    exact = np.abs(np.take_along_axis(cum, k1, axis=0)[0] - half) <= eps
    with np.errstate(invalid="ignore"):
        return np.where(exact, (v1 + v2) / 2, v1)


#: rule name -> kernel ``f(S, wp, wsum) -> (n, m)``
AGGREGATION_RULES: dict[str, Callable] = {
    "mean": weighted_mean,
    "median": weighted_median,
    "geometric_mean": weighted_geometric_mean,
    "trimmed_mean": weighted_trimmed_mean,  # mcda.engine.tender_scoring: drop one highest and one lowest (>= 5)
}


def aggregate_scores(scores, member_weights=None, rule: str = "mean", missing: str = "error", *,
                     vendors=None, criteria=None, members=None) -> AggregatedScores:
    """Aggregate members' scores into a decision matrix.

    Parameters
    ----------
    scores : array-like (K, n, m)
        Member x vendor x criterion scores; NaN = not scored.
    member_weights : array-like (K,), optional
        Voting weights, >= 0, not all zero; equal weights if omitted.
    rule : {'mean', 'median', 'geometric_mean'}
    missing : {'error', 'skip', 'impute_median'}
    vendors, criteria, members : sequence of str, optional
        Labels used in error messages.

    Returns
    -------
    AggregatedScores

    Examples
    --------
    >>> nan = float("nan")
    >>> s = [[[4, 2]], [[2, nan]], [[3, 4]]]      # 3 members, 1 vendor, 2 criteria
    >>> res = aggregate_scores(s, [1, 1, 2], missing="skip")
    >>> res.matrix
    array([[3.        , 3.33333333]])
    >>> res.coverage
    array([[1.  , 0.75]])
    >>> res.missing
    ((1, 0, 1),)
    >>> aggregate_scores(s, [1, 1, 2], rule="median", missing="skip").matrix
    array([[3., 4.]])
    """
    if rule not in AGGREGATION_RULES:
        raise MCDAError(code="err.scores.rule", found=repr(rule)[:80], known=", ".join(AGGREGATION_RULES))
    if missing not in MISSING_POLICIES:
        raise MCDAError(code="err.scores.policy", found=repr(missing)[:80], known=", ".join(MISSING_POLICIES))
    S = np.array(as_real_array(scores, phrase("err.what.member_scores"), detail_key="err.scores.numeric"))
    if S.ndim != 3 or 0 in S.shape:
        raise MCDAError(code="err.scores.shape", shape=str(S.shape))
    K, n, m = S.shape
    for labels, size, kind in ((members, K, "member"), (vendors, n, "vendor"), (criteria, m, "criterion")):
        if labels is not None and len(labels) != size:
            raise MCDAError(code=f"err.scores.labels_{kind}", size=size, found=len(labels))

    if member_weights is None:
        W = np.ones(K)
    else:
        W = as_real_array(member_weights, phrase("err.what.member_weights"),
                          detail_key="err.scores.weights_numeric")
        if W.shape != (K,):
            raise MCDAError(code="err.scores.weights_shape", k=K, shape=str(W.shape))
        bad = np.flatnonzero(~np.isfinite(W) | (W < 0))
        if bad.size:
            shown = join((phrase("err.loc.value", where=_name(members, int(k), "member"), value=float(W[k]))
                          for k in bad), ", ", "，")
            raise MCDAError(code="err.scores.weights_value", shown=shown)
        with np.errstate(over="ignore"):
            total = float(W.sum())
        if not total > 0:
            raise MCDAError(code="err.scores.weights_zero")
        if not (np.isfinite(total) and total >= MIN_WEIGHT_SUM):
            raise MCDAError(code="err.scores.weights_sum", total=total, tiny=MIN_WEIGHT_SUM)

    infinite = np.argwhere(np.isinf(S))
    if infinite.size:
        raise MCDAError(code="err.scores.infinite", shown=_listing(
            [phrase("err.loc.value", where=_cell3(*map(int, c), members, vendors, criteria), value=float(S[tuple(c)]))
             for c in infinite]))
    present = ~np.isnan(S)
    missing_cells = tuple(tuple(int(v) for v in c) for c in np.argwhere(~present))
    if missing == "error" and missing_cells:
        raise MCDAError(code="err.scores.missing", count=len(missing_cells),
                        shown=_listing([_cell3(*c, members, vendors, criteria) for c in missing_cells]))

    if rule == "geometric_mean":
        nonpos = np.argwhere(present & (S <= 0))
        if nonpos.size:
            raise MCDAError(code="err.scores.geometric", shown=_listing(
                [phrase("err.loc.value_g", where=_cell3(*map(int, c), members, vendors, criteria),
                        value=float(S[tuple(c)])) for c in nonpos]))

    wp = W[:, None, None] * present
    wsum = wp.sum(axis=0)
    counts = present.sum(axis=0)
    coverage = wsum / W.sum()
    empty = wsum == 0
    filled = np.where(present, S, 0.0)
    with np.errstate(all="ignore"):
        matrix = _clip_to_members(AGGREGATION_RULES[rule](filled, wp, np.where(empty, 1.0, wsum)), filled, wp)
    overflow = np.argwhere(~empty & ~np.isfinite(matrix))
    if overflow.size:
        raise MCDAError(code="err.scores.overflow",
                        shown=_listing([_cell2(int(i), int(j), vendors, criteria) for i, j in overflow]))
    matrix = np.where(empty, np.nan, matrix)
    imputed = np.zeros((n, m), dtype=bool)

    if empty.any():
        cells = [_cell2(int(i), int(j), vendors, criteria) for i, j in np.argwhere(empty)]
        if missing == "skip":
            raise MCDAError(code="err.scores.unscored", count=len(cells), shown=_listing(cells))
        # impute_median
        all_empty = np.flatnonzero(empty.all(axis=0))
        if all_empty.size:
            raise MCDAError(code="err.scores.impute_none",
                            shown=join((_name(criteria, int(j), "criterion") for j in all_empty), ", ", "，"))
        with np.errstate(all="ignore"):
            col_median = np.nanmedian(matrix, axis=0)
        needed = np.flatnonzero(empty.any(axis=0) & ~np.isfinite(col_median))
        if needed.size:
            raise MCDAError(code="err.scores.impute_overflow",
                            shown=join((_name(criteria, int(j), "criterion") for j in needed), ", ", "，"))
        matrix = np.where(empty, col_median[None, :], matrix)
        imputed = empty.copy()

    return AggregatedScores(_ro(matrix), _ro(coverage), _ro(counts), _ro(imputed), missing_cells,
                            rule, missing)
