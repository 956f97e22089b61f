"""One-way sweep: every vendor's score as one criterion's weight runs from 0 to 1.

The other weights are rescaled proportionally (:mod:`mcda.sensitivity.whatif`);
the crossovers (weights at which two vendors' scores are equal) are exact and
do not depend on the display grid: closed form for the weighted sum, closed
form plus grid scan and bracketed bisection for TOPSIS
(:mod:`mcda.sensitivity.path`).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mcda.errors import MCDAError
from mcda.sensitivity.checks import criterion_index
from mcda.sensitivity.kernel import prepared
from mcda.sensitivity.path import SCAN_POINTS, Crossover, one_way_path

__all__ = ["Sweep", "sweep", "Crossover"]


@dataclass(frozen=True)
class Sweep:
    """Scores along one criterion's weight.

    Attributes
    ----------
    criterion : int
    method, normalization : str
    weight : float
        Current weight of the criterion.
    t : ndarray (T,)
        Weights of the criterion: an even grid on [0, 1] plus the current weight.
    scores : ndarray (T, n)
        Every vendor's score at each ``t``.
    base_scores : ndarray (n,)
        Scores at the current weights.
    crossovers : tuple of Crossover
        Every crossover of every pair on [0, 1], by increasing ``t``.
    """

    criterion: int
    method: str
    normalization: str
    weight: float
    t: np.ndarray
    scores: np.ndarray
    base_scores: np.ndarray
    crossovers: tuple

    @property
    def leaders(self) -> np.ndarray:
        """Index of the vendor with the highest score at each ``t`` (first on ties)."""
        return np.argmax(self.scores, axis=1)


def sweep(matrix, weights, types, k, method: str = "topsis", normalization=None, *,
          points: int = 101, bounds=None, vendors=None, criteria=None,
          scan_points: int = SCAN_POINTS) -> Sweep:
    """Sweep the weight of criterion ``k`` over [0, 1], others rescaled proportionally.

    Parameters
    ----------
    matrix : array-like (n, m); weights : (m,) summing to 1; types : (m,) of +1/-1
    k : int or label
        The criterion (a label if ``criteria`` is given).
    method : {'topsis', 'wsm'}
    normalization : str, callable or None
        None: ``'vector'`` for TOPSIS, ``'max'`` for the weighted sum.
    points : int
        Size of the even display grid (>= 2); the current weight is added.
    scan_points : int
        Grid of the TOPSIS scan that backs up the closed-form crossovers.

    Returns
    -------
    Sweep

    Examples
    --------
    Triantaphyllou & Sanchez (1997)-style example (derived), weighted sum on
    the raw values: A2 overtakes A1 when C1 falls to 0.47368.

    >>> sw = sweep([[0.5, 0.2, 0.3], [0.3, 0.5, 0.3], [0.2, 0.3, 0.4]],
    ...            [0.5, 0.3, 0.2], [1, 1, 1], 0, "wsm", "none", points=3)
    >>> sw.t
    array([0. , 0.5, 1. ])
    >>> [(round(c.t, 5), c.ahead_below, c.ahead_above) for c in sw.crossovers]
    [(0.25, 2, 0), (0.47368, 1, 0)]
    """
    if isinstance(points, (bool, np.bool_)) or not isinstance(points, (int, np.integer)) \
            or points < 2:
        raise MCDAError(code="err.sens.points", found=repr(points)[:80])
    model, w = prepared(matrix, weights, types, method, normalization, bounds=bounds, vendors=vendors,
                        criteria=criteria)
    k = criterion_index(k, model.m, model.criteria)
    base = model.scores(w)
    if model.m == 1:
        t = np.array([1.0])
        return Sweep(k, model.method, model.normalization, 1.0, t, base[None, :].copy(), base, ())
    path = one_way_path(model, w, k)
    t = np.union1d(np.linspace(0.0, 1.0, int(points)), [w[k]])
    scores = path.scores(t)
    scores[t == w[k]] = base  # the current point exactly as the method scores it
    return Sweep(k, model.method, model.normalization, float(w[k]), t, scores, base,
                 tuple(path.crossovers(scan_points)))
