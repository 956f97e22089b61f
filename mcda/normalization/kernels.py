"""Column normalisation kernels: pure functions of a finite float (n, m) matrix and a cost mask.

Every normalisation is a function ``f(x, cost=False)``:

* ``x`` is one column, shape ``(n,)``, or a matrix, shape ``(n, m)``,
  normalised column by column (vectorised: no Python loop over rows);
* ``cost`` is a bool (one column, or every column) or a bool array of
  shape ``(m,)``.

The functions also work as pymcdm ``normalization_function`` arguments,
which pymcdm calls with one 1-D column at a time.

**One convention for every normalisation: the output is benefit-oriented**
(higher is better) for benefit and cost criteria alike, as in pymcdm.  A
method therefore never needs to know a criterion's direction once the
matrix is normalised.  For ``vector`` this means a cost column becomes
``1 - x / ||x||`` (pymcdm's rule); TOPSIS is unaffected by this choice,
because reflecting a column about a constant leaves every distance to the
ideal and the anti-ideal unchanged (Hwang & Yoon 1981's classic rule keeps
``x / ||x||`` and takes the minimum as the ideal: same closeness).

Edge policies (each pinned by a test in ``tests/normalization/test_normalization.py``):

========  =====================  ==========================  =============================
name      constant column        all-zero column             zeros in a cost column
========  =====================  ==========================  =============================
vector    1/sqrt(n) (cost:       benefit 0, cost 1           fine (1 - 0 = 1)
          1 - 1/sqrt(n))
max       benefit 1, cost 1      0 (benefit), 1 (cost)       zero -> 1, others -> 0 (limit
                                                             of min/x as min -> 0)
minmax    1 (no discrimination,  1                           fine
          as pymcdm)
sum       1/n                    0 (benefit), 1/n (cost)     the zeros share 1 equally,
                                                             others 0 (limit of 1/x)
scale     (x-lo)/(hi-lo): fixed  (0-lo)/(hi-lo)              fine
          by the bounds
none      x (cost: -x)           0                           fine
========  =====================  ==========================  =============================

``max`` and ``sum`` are ratio normalisations: a negative value is an error
naming the cell.  ``scale`` needs the criterion's declared bounds
(:func:`make_scale` or ``normalize(..., bounds=...)``); a value outside
them is an error naming the cell.  NaN or infinite values are errors
naming the cell, for every normalisation.

References
----------
Hwang, C.-L. & Yoon, K. (1981). *Multiple Attribute Decision Making*.
Springer, pp. 131-133 (vector normalisation).
MacCrimmon, K. R. (1968). Decisionmaking among multiple-attribute
alternatives. RAND RM-4823-ARPA (simple additive weighting, linear max).
"""
from __future__ import annotations

import numpy as np

__all__ = ["KERNELS", "shift_scale", "vector_kernel", "max_kernel", "minmax_kernel", "sum_kernel",
           "none_kernel", "scale_kernel"]


def shift_scale(X: np.ndarray, c: np.ndarray, shift: np.ndarray, denom: np.ndarray) -> np.ndarray:
    """``(x - shift) / denom`` for benefit, ``(shift - x) / denom`` for cost; one (n, m) allocation.

    Written as ``(sign x - sign shift) / denom`` so a cost value equal to the
    shift gives +0.0, never -0.0.
    """
    sign = np.where(c, -1.0, 1.0)
    out = np.multiply(X, sign)
    out -= shift * sign
    out /= denom
    return out


def vector_kernel(X: np.ndarray, c: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore", under="ignore"):
        norms = np.sqrt(np.einsum("ij,ij->j", X, X))
    bad = ~np.isfinite(norms) | (norms == 0)
    denom = np.where(bad, 1.0, norms)  # all-zero column: 0 / 1 = 0
    out = np.divide(X, np.where(c, -denom, denom))
    if c.any():
        out += c  # cost: 1 - x/||x||
    # sum of squares overflowed or underflowed: divide by max |x| first (rare columns; the
    # norm itself may not be representable, the ratios always are)
    for j in np.flatnonzero(bad):
        big = np.abs(X[:, j]).max()
        if big > 0:
            scaled = X[:, j] / big
            r = scaled / np.sqrt(np.sum(scaled ** 2))
            out[:, j] = 1.0 - r if c[j] else r
    return out


def max_kernel(X: np.ndarray, c: np.ndarray) -> np.ndarray:
    mx = X.max(axis=0)
    out = np.divide(X, np.where(mx > 0, mx, 1.0))  # all-zero benefit column -> 0
    for j in np.flatnonzero(c):
        col = X[:, j]
        mn = col.min()
        if mn > 0:
            out[:, j] = mn / col
        else:  # limit of min/x as min -> 0: a zero cost is best (1), every other value 0
            out[:, j] = col == 0
    return out


def minmax_kernel(X: np.ndarray, c: np.ndarray) -> np.ndarray:
    mn = X.min(axis=0)
    mx = X.max(axis=0)
    rng = mx - mn
    const = rng == 0
    out = shift_scale(X, c, np.where(c, mx, mn), np.where(const, 1.0, rng))
    if const.any():
        out[:, const] = 1.0
    return out


def sum_kernel(X: np.ndarray, c: np.ndarray) -> np.ndarray:
    s = X.sum(axis=0)
    out = np.divide(X, np.where(s > 0, s, 1.0))  # all-zero benefit column -> 0
    for j in np.flatnonzero(c):
        col = X[:, j]
        zero = col == 0
        if zero.any():  # limit of (1/x)/sum(1/x): the zeros share 1 equally
            out[:, j] = zero / zero.sum()
        else:  # (1/x) / sum(1/x), written as (min/x) / sum(min/x): no overflow for tiny x
            inv = col.min() / col
            out[:, j] = inv / inv.sum()
    return out


def none_kernel(X: np.ndarray, c: np.ndarray) -> np.ndarray:
    return np.multiply(X, np.where(c, -1.0, 1.0))


def scale_kernel(X: np.ndarray, c: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """``(x - lo) / (hi - lo)`` (cost ``(hi - x) / (hi - lo)``) of values already checked against the
    bounds (:func:`mcda.normalization.checks.check_within`); values within the tolerance outside
    are clipped first, so the result stays in [0, 1]."""
    return shift_scale(np.clip(X, lo, hi), c, np.where(c, hi, lo), hi - lo)


#: registry name -> kernel ``k(X, cost)`` (``scale`` takes its bounds too: :func:`scale_kernel`)
KERNELS = {"vector": vector_kernel, "max": max_kernel, "minmax": minmax_kernel, "sum": sum_kernel,
           "none": none_kernel}
