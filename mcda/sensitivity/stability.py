"""Stability intervals of one weight (others rescaled) and the tornado table.

For each criterion ``k`` the weight moves along the proportional-rescaling
path ``w(t) = t e_k + (1 - t) u`` (:mod:`mcda.sensitivity.whatif`), and the
interval of ``t`` around the current ``w_k`` is found within which

* :func:`weight_stability` -- the top vendor does not change;
* :func:`ranking_stability` -- the whole ranking does not change.

The ends are exact crossovers (:mod:`mcda.sensitivity.path`): closed form for
the weighted sum (scores are affine in ``t``; Triantaphyllou & Sanchez 1997),
closed form plus grid scan and bracketed refinement for TOPSIS.

Edge policies (pinned by tests):

* Ties: scores within ``DEFAULT_TIE_TOL * max(1, max |s|)`` are equal (:func:`tie_tolerance`). The *incumbents*
  are every vendor tied for first at the current weights; the winner interval
  is where no other vendor is strictly ahead of all incumbents (a tie at the
  end is still "on top": the interval is closed). With every vendor tied the
  interval is [0, 1].
* The ranking interval treats a pair tied at the current weights (but not
  along the whole path) as changing at once: the interval is ``[w_k, w_k]``.
  Pairs tied along the whole path (duplicate vendors) never change.
* A node with one criterion: (1, 1).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mcda.errors import MCDAError
from mcda.sensitivity.kernel import prepared
from mcda.sensitivity.limits import adjacent_pairs, leader_pairs
from mcda.sensitivity.path import SCAN_POINTS, OneWayPath, one_way_path, tie_tolerance

__all__ = ["Stability", "stability", "weight_stability", "ranking_stability", "Tornado",
           "tornado"]

#: distance from the current weight of the two extra orders whose neighbours can end a ranking interval
_BESIDE = 1e-7


@dataclass(frozen=True)
class Stability:
    """Stability intervals, one per criterion.

    Attributes
    ----------
    kind : {'winner', 'ranking'}
    method, normalization : str
    weights : ndarray (m,)
        Current weights.
    intervals : ndarray (m, 2)
        ``(low, high)`` of each criterion's weight, ``low <= w_k <= high``.
    incumbents : tuple of int
        Vendors tied for first at the current weights.
    scores : ndarray (n,)
        Current scores.
    below, above : ndarray (m,) of int
        The vendor that takes the lead (``kind='winner'``) or one vendor of the
        first pair to swap (``kind='ranking'``) just past the low / high end;
        -1 when the end is 0 or 1 without a change.
    """

    kind: str
    method: str
    normalization: str
    weights: np.ndarray
    intervals: np.ndarray
    incumbents: tuple
    scores: np.ndarray
    below: np.ndarray
    above: np.ndarray


def _tied_along_path(path: OneWayPath, i: int, j: int, tol: float) -> bool:
    # C_i - C_j has at most two zeros on [0, 1] unless identically zero (path notes);
    # the weighted-sum difference at most one.
    t = np.array([0.0, 0.37, 0.71, 1.0])
    return bool(np.all(np.abs(path.pair_difference(t, i, j)) <= tol))


def _winner_interval(path: OneWayPath, inc: list, others: list, tol, scan_points):
    wk = path.base_weight
    lo, hi, who_lo, who_hi = 0.0, 1.0, -1, -1
    if not others:
        return lo, hi, who_lo, who_hi
    hi_ij = {(i, j): 1.0 for i in inc for j in others}
    lo_ij = {(i, j): 0.0 for i in inc for j in others}
    incs = set(inc)
    for c in path.crossovers(scan_points, leader_pairs(inc, path.model.n)):
        a, b = c.pair
        if a in incs and b not in incs:
            i, j = a, b
        elif b in incs and a not in incs:
            i, j = b, a
        else:
            continue
        if c.t > wk and c.ahead_below == i and c.ahead_above == j:
            hi_ij[i, j] = min(hi_ij[i, j], c.t)
        elif c.t < wk and c.ahead_above == i and c.ahead_below == j:
            lo_ij[i, j] = max(lo_ij[i, j], c.t)
    for j in others:
        hj = max(hi_ij[i, j] for i in inc)
        lj = min(lo_ij[i, j] for i in inc)
        if hj < hi:
            hi, who_hi = hj, j
        if lj > lo:
            lo, who_lo = lj, j
    return lo, hi, who_lo, who_hi


def _ranking_interval(path: OneWayPath, base, tol, scan_points):
    wk = path.base_weight
    lo, hi, who_lo, who_hi = 0.0, 1.0, -1, -1
    order = np.argsort(-base, kind="stable")  # pairs tied now are neighbours in this order
    ii, jj = np.minimum(order[:-1], order[1:]), np.maximum(order[:-1], order[1:])
    tied = np.flatnonzero(np.abs(base[ii] - base[jj]) <= tol)
    for i, j in sorted(zip(ii[tied].tolist(), jj[tied].tolist(), strict=False)):
        if not _tied_along_path(path, i, j, tol):
            return wk, wk, j, j
    # the first swap on either side is between neighbours in rank just beside wk (limits.adjacent_pairs)
    beside = path.scores([max(wk - _BESIDE, 0.0), wk, min(wk + _BESIDE, 1.0)])
    for c in path.crossovers(scan_points, adjacent_pairs(beside)):
        if c.ahead_below is None or c.ahead_above is None:
            continue  # a tie at t = 0 or 1: the closed interval reaches it
        if c.t > wk and c.t < hi:
            hi, who_hi = c.t, c.ahead_above
        elif c.t < wk and c.t > lo:
            lo, who_lo = c.t, c.ahead_below
    return lo, hi, who_lo, who_hi


def stability(matrix, weights, types, method: str = "topsis", normalization=None, *,
              kind: str = "winner", bounds=None, vendors=None, criteria=None,
              scan_points: int = SCAN_POINTS) -> Stability:
    """Stability interval of every criterion's weight (others rescaled proportionally).

    Parameters
    ----------
    matrix : array-like (n, m); weights : (m,) summing to 1; types : (m,) of +1/-1
    method : {'topsis', 'wsm'}
    normalization : str, callable or None
        None: ``'vector'`` for TOPSIS, ``'max'`` for the weighted sum.
    kind : {'winner', 'ranking'}
        Keep the top vendor, or keep the whole ranking.
    bounds, vendors, criteria : optional
        ``scale`` bounds; labels for messages.
    scan_points : int
        Grid of the TOPSIS scan that backs up the closed form.

    Returns
    -------
    Stability

    Examples
    --------
    >>> s = stability([[0.5, 0.2, 0.3], [0.3, 0.5, 0.3], [0.2, 0.3, 0.4]],
    ...               [0.5, 0.3, 0.2], [1, 1, 1], "wsm", "none")
    >>> s.intervals.round(5)
    array([[0.47368, 1.     ],
           [0.     , 0.32258],
           [0.     , 0.6    ]])
    """
    if kind not in ("winner", "ranking"):
        raise MCDAError(code="err.sens.kind", found=repr(kind)[:80])
    model, w = prepared(matrix, weights, types, method, normalization, bounds=bounds, vendors=vendors,
                        criteria=criteria)
    base = model.scores(w)
    tol = tie_tolerance(base)
    inc = [int(i) for i in np.flatnonzero(base >= base.max() - tol)]
    others = [j for j in range(model.n) if j not in inc]
    m = model.m
    iv = np.empty((m, 2))
    below = np.full(m, -1)
    above = np.full(m, -1)
    for k in range(m):
        if m == 1:
            iv[k] = (1.0, 1.0)
            continue
        path = one_way_path(model, w, k)
        if kind == "winner":
            lo, hi, bl, ab = _winner_interval(path, inc, others, tol, scan_points)
        else:
            lo, hi, bl, ab = _ranking_interval(path, base, tol, scan_points)
        iv[k] = (min(lo, w[k]), max(hi, w[k]))
        below[k], above[k] = bl, ab
    for a in (iv, below, above, w, base):
        a.flags.writeable = False
    return Stability(kind, model.method, model.normalization, w, iv, tuple(inc), base,
                     below, above)


def weight_stability(matrix, weights, types, method: str = "topsis", normalization=None, *,
                     bounds=None, vendors=None, criteria=None,
                     scan_points: int = SCAN_POINTS) -> np.ndarray:
    """(m, 2) array: per criterion, the ``(low, high)`` weight interval keeping the top vendor.

    The other weights are rescaled proportionally (``w'_l = w_l (1 - t) / (1 - w_k)``);
    ``0 <= low <= w_k <= high <= 1``. See :func:`stability` for the parameters
    and the tie policy.

    >>> weight_stability([[1, 0], [0, 1]], [0.6, 0.4], [1, 1], "wsm", "none")
    array([[0.5, 1. ],
           [0. , 0.5]])
    """
    return stability(matrix, weights, types, method, normalization, kind="winner", bounds=bounds,
                     vendors=vendors, criteria=criteria, scan_points=scan_points).intervals


def ranking_stability(matrix, weights, types, method: str = "topsis", normalization=None, *,
                      bounds=None, vendors=None, criteria=None,
                      scan_points: int = SCAN_POINTS) -> np.ndarray:
    """(m, 2) array: per criterion, the weight interval within which the whole ranking holds.

    >>> ranking_stability([[3, 0], [2, 1], [0, 3]], [0.5, 0.5], [1, 1], "wsm", "none")
    array([[0.5, 0.6],
           [0.4, 0.5]])
    """
    return stability(matrix, weights, types, method, normalization, kind="ranking", bounds=bounds,
                     vendors=vendors, criteria=criteria, scan_points=scan_points).intervals


@dataclass(frozen=True)
class Tornado:
    """One bar per criterion: the winner's margin (or score) at the two ends of a weight range.

    Attributes
    ----------
    measure : {'margin', 'score'}
        ``margin``: the winner's score minus the best other vendor's score
        (> 0 while it leads, < 0 once overtaken); ``score``: its own score.
    ends : {'relative', 'absolute', 'stability'}
    winner : int
        The vendor followed (first incumbent by index).
    weights, low_weight, high_weight : ndarray (m,)
        Current weight and the two ends of each criterion's range.
    base : float
        Value of the measure at the current weights.
    low, high : ndarray (m,)
        Value of the measure at the low and high end.
    swing : ndarray (m,)
        ``|high - low|``.
    order : ndarray (m,)
        Criteria by decreasing swing (the tornado's top bar first).
    """

    measure: str
    ends: str
    winner: int
    weights: np.ndarray
    low_weight: np.ndarray
    high_weight: np.ndarray
    base: float
    low: np.ndarray
    high: np.ndarray
    swing: np.ndarray
    order: np.ndarray


def tornado(matrix, weights, types, method: str = "topsis", normalization=None, *,
            spread: float = 0.2, ends: str = "relative", measure: str = "margin",
            bounds=None, vendors=None, criteria=None) -> Tornado:
    """Tornado table of one-way weight changes (others rescaled proportionally).

    Ends of each criterion's range:

    * ``'relative'`` (default): ``w_k (1 - spread)`` and ``w_k (1 + spread)``, so
      ``spread=0.2`` is +/-20 % of the weight (a zero weight gives no bar);
    * ``'absolute'``: ``w_k - spread`` and ``w_k + spread`` (percentage points);
    * ``'stability'``: the ends of the winner's stability interval
      (:func:`weight_stability`), where the margin reaches 0 unless the end is 0 or 1.

    Ends are clipped to [0, 1].

    >>> tb = tornado([[1, 0], [0, 1]], [0.6, 0.4], [1, 1], "wsm", "none", spread=0.5)
    >>> tb.low.round(3), tb.high.round(3)
    (array([-0.4,  0.6]), array([ 0.8, -0.2]))
    """
    if ends not in ("relative", "absolute", "stability"):
        raise MCDAError(code="err.sens.ends", found=repr(ends)[:80])
    if measure not in ("margin", "score"):
        raise MCDAError(code="err.sens.measure", found=repr(measure)[:80])
    if not (isinstance(spread, (int, float, np.integer, np.floating)) and np.isfinite(spread) and spread >= 0):
        raise MCDAError(code="err.sens.spread", found=repr(spread)[:80])
    model, w = prepared(matrix, weights, types, method, normalization, bounds=bounds, vendors=vendors,
                        criteria=criteria)
    base_scores = model.scores(w)
    winner = int(np.argmax(base_scores))
    if ends == "relative":
        lo_w, hi_w = w * (1 - spread), w * (1 + spread)
    elif ends == "absolute":
        lo_w, hi_w = w - spread, w + spread
    else:
        iv = weight_stability(matrix, w, types, method, normalization, bounds=bounds,
                              vendors=vendors, criteria=criteria)
        lo_w, hi_w = iv[:, 0], iv[:, 1]
    lo_w, hi_w = np.clip(lo_w, 0.0, 1.0), np.clip(hi_w, 0.0, 1.0)
    if model.m == 1:
        lo_w = hi_w = np.ones(1)

    def value(s):  # s (T, n)
        if measure == "score":
            return s[:, winner]
        rest = np.delete(s, winner, axis=1)
        return s[:, winner] - (rest.max(axis=1) if rest.shape[1] else 0.0)

    low, high = np.empty(model.m), np.empty(model.m)
    for k in range(model.m):
        s = one_way_path(model, w, k).scores([lo_w[k], hi_w[k]]) if model.m > 1 else \
            np.vstack([base_scores, base_scores])
        low[k], high[k] = value(s)
    base = float(value(base_scores[None, :])[0])
    swing = np.abs(high - low)
    order = np.argsort(-swing, kind="stable")
    return Tornado(measure, ends, winner, w, lo_w, hi_w, base, low, high, swing, order)
