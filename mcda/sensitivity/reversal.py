"""Smallest weight changes that reverse two vendors (most critical criterion).

Triantaphyllou & Sanchez (1997), *Decision Sciences* 28(1):151-194, for the
weighted sum ``P_i = sum_j W_j a_ij``: the smallest change ``delta`` of weight
``W_k`` (the others unchanged) that makes ``A_i`` and ``A_j`` tie is

    ``delta_{k,i,j} = (P_j - P_i) / (a_jk - a_ik)``

(the weight becomes ``W_k - delta``), feasible when the new weight stays
>= 0 (``delta <= W_k``); its relative size ``delta / W_k`` measures how
critical criterion ``k`` is, and the most critical criterion has the smallest
``|delta| / W_k`` -- over the pairs involving the top vendor ("percent-top")
or over any pair ("percent-any").

Renormalised (derived; docs/methods.md#critical-criteria): dividing every weight by ``1 - delta``
gives the same ranking with weights summing to 1, and the criterion's weight
is then ``t* = (W_k - delta) / (1 - delta)``, exactly the proportional-rescaling
path of :mod:`mcda.sensitivity.whatif`. Conversely ``delta = (W_k - t*) / (1 - t*)``.
This module finds ``t*`` on that path (closed form for the weighted sum, the
root machinery of :mod:`mcda.sensitivity.path` for TOPSIS -- the analogous
critical change for TOPSIS) and reports both forms. A tie reached only at
``t* = 1`` has ``delta = -inf``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mcda.errors import MCDAError
from mcda.sensitivity.kernel import prepared
from mcda.sensitivity.limits import leader_pairs
from mcda.sensitivity.path import SCAN_POINTS, one_way_path, tie_tolerance

__all__ = ["CriticalChange", "critical_changes", "most_critical", "ts_deltas"]


@dataclass(frozen=True)
class CriticalChange:
    """The weight of ``criterion`` at which ``behind`` catches up with ``ahead``.

    Attributes
    ----------
    criterion, ahead, behind : int
        Indices; ``ahead`` scores higher than ``behind`` at the current weights.
    weight : float
        Current weight ``W_k``.
    new_weight : float
        ``t*``: the weight at which the two tie, other weights rescaled
        proportionally (the nearest such weight to ``W_k``).
    change, relative_change : float
        ``t* - W_k`` and ``(t* - W_k) / W_k`` (``inf`` if ``W_k = 0``).
    delta, delta_relative : float
        Triantaphyllou & Sanchez's un-normalised change ``delta = (W_k - t*) / (1 - t*)``
        and its criticality ``delta / W_k``.
    score : float
        Their common score at ``t*``.
    """

    criterion: int
    ahead: int
    behind: int
    weight: float
    new_weight: float
    change: float
    relative_change: float
    delta: float
    delta_relative: float
    score: float


def _ratio(a: float, b: float) -> float:
    if b > 0:
        return a / b
    return 0.0 if a == 0 else float(np.copysign(np.inf, a))


def critical_changes(matrix, weights, types, method: str = "topsis", normalization=None, *,
                     scope: str = "any", bounds=None, vendors=None, criteria=None,
                     scan_points: int = SCAN_POINTS) -> tuple[CriticalChange, ...]:
    """Every feasible critical change, most critical first.

    For each pair (``ahead`` scoring strictly higher than ``behind`` now) and
    each criterion, the nearest weight ``t*`` in [0, 1] on the one-way path at
    which the pair ties. Pairs that cannot tie by moving that weight are left
    out (infeasible, in Triantaphyllou & Sanchez's terms).

    Parameters
    ----------
    matrix, weights, types, method, normalization, bounds, vendors, criteria
        As in :func:`mcda.sensitivity.sweep`.
    scope : {'any', 'top'}
        All pairs, or only pairs whose ``ahead`` is tied for first now
        (percent-any / percent-top).

    Returns
    -------
    tuple of CriticalChange, sorted by ``|delta_relative|`` then ``|change|``.

    Examples
    --------
    The derived check of docs/methods.md#critical-criteria: A2 ties A1 when C1's weight falls by
    ``delta = 0.05``, i.e. to ``t* = 0.45 / 0.95``.

    >>> cc = critical_changes([[0.5, 0.2, 0.3], [0.3, 0.5, 0.3], [0.2, 0.3, 0.4]],
    ...                       [0.5, 0.3, 0.2], [1, 1, 1], "wsm", "none", scope="top")
    >>> c = cc[0]
    >>> (c.criterion, c.ahead, c.behind), round(c.delta, 6), round(c.new_weight, 5)
    ((0, 0, 1), 0.05, 0.47368)
    """
    if scope not in ("any", "top"):
        raise MCDAError(code="err.sens.scope", found=repr(scope)[:80])
    model, w = prepared(matrix, weights, types, method, normalization, bounds=bounds, vendors=vendors,
                        criteria=criteria)
    base = model.scores(w)
    tol = tie_tolerance(base)
    top = base >= base.max() - tol
    out: list[CriticalChange] = []
    if model.m == 1:
        return ()
    for k in range(model.m):
        path = one_way_path(model, w, k)
        wk = float(w[k])
        best: dict[tuple[int, int], tuple[float, float]] = {}
        pairs = leader_pairs(np.flatnonzero(top), model.n) if scope == "top" else None
        for c in path.crossovers(scan_points, pairs):
            i, j = c.pair
            if abs(base[i] - base[j]) <= tol:
                continue  # tied now: nothing to reverse
            ahead, behind = (i, j) if base[i] > base[j] else (j, i)
            if scope == "top" and not top[ahead]:
                continue
            # the tie must be reached from the current order: `ahead` leads on wk's side
            lead = c.ahead_below if c.t > wk else c.ahead_above
            if lead is not None and lead != ahead:
                continue
            prev = best.get((ahead, behind))
            if prev is None or abs(c.t - wk) < abs(prev[0] - wk):
                best[ahead, behind] = (c.t, c.score)
        for (ahead, behind), (t, score) in best.items():
            delta = (wk - t) / (1.0 - t) if t < 1 else -np.inf
            out.append(CriticalChange(k, ahead, behind, wk, t, t - wk, _ratio(t - wk, wk),
                                      float(delta), _ratio(float(delta), wk), score))
    out.sort(key=lambda c: (abs(c.delta_relative), abs(c.change), c.criterion, c.ahead, c.behind))
    return tuple(out)


def most_critical(matrix, weights, types, method: str = "topsis", normalization=None, *,
                  scope: str = "top", bounds=None, vendors=None, criteria=None,
                  scan_points: int = SCAN_POINTS) -> CriticalChange | None:
    """The most critical criterion (Triantaphyllou & Sanchez 1997): smallest ``|delta| / W_k``.

    ``scope='top'`` (percent-top): changes that let another vendor catch up
    with the current top vendor; ``'any'`` (percent-any): any pair. Returns
    the first of :func:`critical_changes`, or None when no change of a single
    weight can reverse any such pair.

    >>> c = most_critical([[0.5, 0.2, 0.3], [0.3, 0.5, 0.3], [0.2, 0.3, 0.4]],
    ...                   [0.5, 0.3, 0.2], [1, 1, 1], "wsm", "none")
    >>> c.criterion, round(c.delta_relative, 3)
    (0, 0.1)
    """
    cc = critical_changes(matrix, weights, types, method, normalization, scope=scope,
                          bounds=bounds, vendors=vendors, criteria=criteria,
                          scan_points=scan_points)
    return cc[0] if cc else None


def ts_deltas(matrix, weights, types, normalization="max", *, bounds=None, vendors=None,
              criteria=None) -> np.ndarray:
    """Triantaphyllou & Sanchez's ``delta_{k,i,j}`` for the weighted sum, as an (n, n, m) array.

    ``out[i, j, k] = (P_j - P_i) / (a_jk - a_ik)`` on the normalised matrix
    ``a`` (NaN where ``a_jk = a_ik``: no change of ``W_k`` can tie them; NaN on
    the diagonal). Feasible when ``delta <= W_k``; for ``i`` ahead of ``j`` the
    tie is at the renormalised weight ``(W_k - delta) / (1 - delta)``.

    >>> d = ts_deltas([[0.5, 0.2, 0.3], [0.3, 0.5, 0.3], [0.2, 0.3, 0.4]],
    ...               [0.5, 0.3, 0.2], [1, 1, 1], "none")
    >>> round(float(d[0, 1, 0]), 6)
    0.05
    """
    model, w = prepared(matrix, weights, types, "wsm", normalization, bounds=bounds, vendors=vendors,
                        criteria=criteria)
    a = model.normalized
    P = a @ w
    dP = P[None, :] - P[:, None]  # P_j - P_i
    da = a[None, :, :] - a[:, None, :]  # a_jk - a_ik
    with np.errstate(invalid="ignore", divide="ignore"):
        out = dP[:, :, None] / da
    out[da == 0] = np.nan
    return out
