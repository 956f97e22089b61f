"""Column normalisations of a decision matrix, in one registry.

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

Edge policies (each pinned by a test in ``tests/test_normalization.py``):

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

from typing import Callable, Sequence

import numpy as np

from mcda.errors import MCDAError

__all__ = [
    "NORMALIZATIONS",
    "RATIO_NORMALIZATIONS",
    "normalize",
    "make_scale",
    "types_to_cost",
    "precheck",
    "apply_checked",
    "column_functions",
    "check_finite",
    "check_nonnegative",
    "vector",
    "max_norm",
    "minmax",
    "sum_norm",
    "scale",
    "none",
]

Normalization = Callable[..., np.ndarray]

#: names of the normalisations that divide by the data and need values >= 0
RATIO_NORMALIZATIONS = frozenset({"max", "sum"})


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def _where(i: int, j: int | None, vendors=None, criteria=None) -> str:
    """Name a cell as ``row 3 (vendor 'Acme'), column 1 (criterion 'Cost')``."""
    row = f"row {i}" + (f" (vendor {vendors[i]!r})" if vendors is not None else "")
    if j is None:
        return row
    col = f"column {j}" + (f" (criterion {criteria[j]!r})" if criteria is not None else "")
    return f"{row}, {col}"


def _as_2d(x, name: str = "x") -> tuple[np.ndarray, bool]:
    """Return ``x`` as a float (n, m) array (a view when possible) and whether it was 1-D."""
    try:
        arr = np.asarray(x, dtype=float)
    except (TypeError, ValueError) as exc:
        raise MCDAError(f"{name} must be numeric; could not convert it to numbers ({exc})") from None
    if arr.ndim == 1:
        arr = arr[:, None]
        one_d = True
    elif arr.ndim == 2:
        one_d = False
    else:
        raise MCDAError(f"{name} must be a column (n,) or a matrix (n, m); found shape {arr.shape}")
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise MCDAError(f"{name} must have at least one row and one column; found shape {arr.shape}")
    return arr, one_d


def check_finite(X: np.ndarray, vendors=None, criteria=None, one_d: bool = False,
                 what: str = "the decision matrix") -> None:
    """Raise naming the non-finite cells. Cheap: one column-sum pass, no (n, m) temporary."""
    with np.errstate(over="ignore", invalid="ignore"):
        col = np.add.reduce(X, axis=0)
    bad_cols = np.flatnonzero(~np.isfinite(col))
    if bad_cols.size == 0:
        return
    cells = []
    for j in bad_cols:
        rows = np.flatnonzero(~np.isfinite(X[:, j]))
        cells.extend((int(i), int(j)) for i in rows)
    if not cells:  # only an overflow of the column sum: the values are finite
        return
    shown = "; ".join(
        f"{_where(i, None if one_d else j, vendors, criteria)} = {X[i, j]}" for i, j in cells[:10]
    )
    more = f" (and {len(cells) - 10} more)" if len(cells) > 10 else ""
    raise MCDAError(f"expected finite numbers in {what}; found {len(cells)} "
                    f"missing or infinite value(s): {shown}{more}")


def check_nonnegative(X: np.ndarray, what: str, vendors=None, criteria=None,
                       one_d: bool = False) -> None:
    bad_cols = np.flatnonzero(X.min(axis=0) < 0)
    if bad_cols.size == 0:
        return
    cells = [(int(i), int(j)) for j in bad_cols for i in np.flatnonzero(X[:, j] < 0)]
    shown = "; ".join(
        f"{_where(i, None if one_d else j, vendors, criteria)} = {X[i, j]:g}" for i, j in cells[:10]
    )
    more = f" (and {len(cells) - 10} more)" if len(cells) > 10 else ""
    raise MCDAError(f"{what} needs values >= 0 (a ratio scale); found "
                    f"{len(cells)} negative value(s): {shown}{more}")


def _cost_mask(cost, m: int) -> np.ndarray:
    """``cost`` (bool or (m,) bools) -> bool array (m,)."""
    c = np.asarray(cost)
    if c.dtype != bool:
        if not np.issubdtype(c.dtype, np.number) or not np.all(np.isin(c, (0, 1))):
            raise MCDAError(
                "cost must be a bool or an array of bools (True = cost criterion); found "
                f"{cost!r}. Convert criterion types (+1/-1) with types_to_cost(types)")
        c = c.astype(bool)
    if c.ndim == 0:
        return np.full(m, bool(c))
    if c.shape != (m,):
        raise MCDAError(f"cost must be one bool or {m} bools (one per column); found shape {c.shape}")
    return c


def _finish(out: np.ndarray, one_d: bool) -> np.ndarray:
    return out[:, 0] if one_d else out


def _prepare(x, cost):
    X, one_d = _as_2d(x)
    check_finite(X, one_d=one_d)
    return X, _cost_mask(cost, X.shape[1]), one_d


def types_to_cost(types, m: int | None = None, criteria=None) -> np.ndarray:
    """Criterion types (+1 benefit, -1 cost) -> bool cost mask.

    >>> types_to_cost([1, -1, 1])
    array([False,  True, False])
    """
    t = np.asarray(types)
    if t.ndim != 1:
        raise MCDAError(f"types must be a 1-D sequence of +1 (benefit) / -1 (cost); found shape {t.shape}")
    if m is not None and t.shape[0] != m:
        raise MCDAError(f"expected {m} criterion types (one per criterion); found {t.shape[0]}")
    try:
        ok = np.isin(t, (1, -1))
    except TypeError:
        ok = np.zeros(t.shape, bool)
    if not ok.all():
        bad = [(int(j), t[j].item() if hasattr(t[j], 'item') else t[j]) for j in np.flatnonzero(~ok)]
        shown = ", ".join(
            f"criterion {criteria[j]!r}: {v!r}" if criteria is not None else f"column {j}: {v!r}"
            for j, v in bad)
        raise MCDAError(f"criterion types must be +1 (benefit) or -1 (cost); found {shown}")
    return t.astype(float) < 0


# --------------------------------------------------------------------------
# kernels: X is a finite float (n, m) array, c a bool (m,) array
# --------------------------------------------------------------------------
def _shift_scale(X: np.ndarray, c: np.ndarray, shift: np.ndarray, denom: np.ndarray) -> np.ndarray:
    """``(x - shift) / denom`` for benefit, ``(shift - x) / denom`` for cost; one (n, m) allocation.

    Written as ``(sign x - sign shift) / denom`` so a cost value equal to the
    shift gives +0.0, never -0.0.
    """
    sign = np.where(c, -1.0, 1.0)
    out = np.multiply(X, sign)
    out -= shift * sign
    out /= denom
    return out


def _vector(X: np.ndarray, c: np.ndarray) -> np.ndarray:
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


def _max(X: np.ndarray, c: np.ndarray) -> np.ndarray:
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


def _minmax(X: np.ndarray, c: np.ndarray) -> np.ndarray:
    mn = X.min(axis=0)
    mx = X.max(axis=0)
    rng = mx - mn
    const = rng == 0
    out = _shift_scale(X, c, np.where(c, mx, mn), np.where(const, 1.0, rng))
    if const.any():
        out[:, const] = 1.0
    return out


def _sum(X: np.ndarray, c: np.ndarray) -> np.ndarray:
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


def _none(X: np.ndarray, c: np.ndarray) -> np.ndarray:
    return np.multiply(X, np.where(c, -1.0, 1.0))


def _bounds_arrays(bounds, m: int, criteria=None) -> tuple[np.ndarray, np.ndarray]:
    b = np.asarray(bounds, dtype=float)
    if b.shape == (2,):
        b = np.broadcast_to(b, (m, 2))
    if b.shape != (m, 2):
        raise MCDAError(f"bounds must be one (lo, hi) pair or {m} pairs (one per criterion); "
                        f"found shape {np.shape(bounds)}")
    lo, hi = b[:, 0], b[:, 1]
    bad = np.flatnonzero(~(np.isfinite(lo) & np.isfinite(hi) & (hi > lo)))
    if bad.size:
        j = int(bad[0])
        who = f"criterion {criteria[j]!r}" if criteria is not None else f"column {j}"
        raise MCDAError(f"scale bounds must be finite with lo < hi; found ({lo[j]}, {hi[j]}) for {who}")
    return lo, hi


def _check_within(X: np.ndarray, lo: np.ndarray, hi: np.ndarray, vendors=None, criteria=None,
                  one_d: bool = False) -> None:
    outside = (X.min(axis=0) < lo) | (X.max(axis=0) > hi)
    if not outside.any():
        return
    cells = [(int(i), int(j)) for j in np.flatnonzero(outside)
             for i in np.flatnonzero((X[:, j] < lo[j]) | (X[:, j] > hi[j]))]
    shown = "; ".join(
        f"{_where(i, None if one_d else j, vendors, criteria)} = {X[i, j]:g} "
        f"(bounds {lo[j]:g}..{hi[j]:g})" for i, j in cells[:10])
    raise MCDAError(f"scale normalisation expects values within the criterion's declared "
                    f"bounds; found {len(cells)} outside: {shown}")


def _scale_kernel(X: np.ndarray, c: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    return _shift_scale(X, c, np.where(c, hi, lo), hi - lo)


# --------------------------------------------------------------------------
# public normalisation functions f(x, cost)
# --------------------------------------------------------------------------
def vector(x, cost=False) -> np.ndarray:
    """Vector normalisation: ``x / sqrt(sum x^2)``; cost ``1 - x / sqrt(sum x^2)``.

    Hwang & Yoon (1981, p. 131); the cost rule is pymcdm's, so that the output
    is benefit-oriented. Constant column: ``1/sqrt(n)`` (cost ``1 - 1/sqrt(n)``),
    no discrimination. All-zero column: 0 (benefit) or 1 (cost). Zeros in a
    cost column: ordinary values (they get 1, the best). Negative values are
    allowed.

    >>> vector([3.0, 4.0])
    array([0.6, 0.8])
    >>> vector([3.0, 4.0], cost=True)
    array([0.4, 0.2])
    """
    X, c, one_d = _prepare(x, cost)
    return _finish(_vector(X, c), one_d)


def max_norm(x, cost=False) -> np.ndarray:
    """Linear max normalisation (classic SAW): ``x / max``; cost ``min / x``.

    Needs values >= 0 (error naming the cell). Constant column: all 1.
    All-zero column: 0 (benefit) or 1 (cost). Cost column containing zeros:
    1 where the value is 0, 0 elsewhere (the limit of ``min / x`` as
    ``min -> 0``: a costless vendor is infinitely better in ratio terms).

    >>> max_norm([2.0, 4.0])
    array([0.5, 1. ])
    >>> max_norm([2.0, 4.0], cost=True)
    array([1. , 0.5])
    """
    X, c, one_d = _prepare(x, cost)
    check_nonnegative(X, "max normalisation", one_d=one_d)
    return _finish(_max(X, c), one_d)


def minmax(x, cost=False) -> np.ndarray:
    """Min-max: ``(x - min) / (max - min)``; cost ``(max - x) / (max - min)``.

    Constant column, including all-zero: all 1 (no discrimination; pymcdm's
    rule). Zeros in a cost column: ordinary values. Negative values allowed.

    >>> minmax([1.0, 2.0, 3.0])
    array([0. , 0.5, 1. ])
    >>> minmax([5.0, 5.0])
    array([1., 1.])
    """
    X, c, one_d = _prepare(x, cost)
    return _finish(_minmax(X, c), one_d)


def sum_norm(x, cost=False) -> np.ndarray:
    """Sum normalisation: ``x / sum x``; cost ``(1/x) / sum(1/x)``.

    Needs values >= 0 (error naming the cell). Constant column: all ``1/n``.
    All-zero column: 0 (benefit) or ``1/n`` (cost). Cost column containing
    zeros: the zero entries share 1 equally, the others get 0 (the limit of
    ``1/x``).

    >>> sum_norm([1.0, 3.0])
    array([0.25, 0.75])
    >>> sum_norm([1.0, 3.0], cost=True)
    array([0.75, 0.25])
    """
    X, c, one_d = _prepare(x, cost)
    check_nonnegative(X, "sum normalisation", one_d=one_d)
    return _finish(_sum(X, c), one_d)


def scale(x, cost=False, bounds=None) -> np.ndarray:
    """Normalise by a criterion's declared bounds ``(lo, hi)``: absolute measurement.

    ``(x - lo) / (hi - lo)``; cost ``(hi - x) / (hi - lo)``. The result of a
    vendor does not depend on the other vendors, so adding or removing one
    cannot reorder the rest. ``bounds`` is one ``(lo, hi)`` pair or one pair
    per column; values outside the bounds are an error naming the cell.
    Constant and all-zero columns are not special: each value is placed on
    the declared scale. Zeros in a cost column: ordinary values.

    >>> scale([1.0, 3.0, 5.0], bounds=(1, 5))
    array([0. , 0.5, 1. ])
    """
    if bounds is None:
        raise MCDAError("scale normalisation needs the criteria's bounds (lo, hi): use "
                        "make_scale(bounds) or normalize(..., 'scale', bounds=...)")
    X, c, one_d = _prepare(x, cost)
    lo, hi = _bounds_arrays(bounds, X.shape[1])
    _check_within(X, lo, hi, one_d=one_d)
    return _finish(_scale_kernel(X, c, lo, hi), one_d)


def make_scale(bounds) -> Normalization:
    """Bind bounds to :func:`scale`, giving an ``f(x, cost)`` usable as a pymcdm normalisation.

    >>> f = make_scale((1, 5))
    >>> f([2.0, 4.0], cost=True)
    array([0.75, 0.25])
    """
    _bounds_arrays(bounds, np.asarray(bounds, dtype=float).reshape(-1, 2).shape[0])

    def scale_bound(x, cost=False) -> np.ndarray:
        return scale(x, cost, bounds=bounds)

    scale_bound.__name__ = "scale"
    scale_bound.__doc__ = f"scale normalisation with bounds {bounds!r}"
    scale_bound._mcda_vectorized = True  # type: ignore[attr-defined]
    return scale_bound


def none(x, cost=False) -> np.ndarray:
    """No normalisation: ``x`` for benefit, ``-x`` for cost (so higher is still better).

    Only meaningful when the columns already share a scale. Constant and
    all-zero columns and zeros are returned as they are (negated for cost).

    >>> none([1.0, 2.0], cost=True)
    array([-1., -2.])
    """
    X, c, one_d = _prepare(x, cost)
    return _finish(_none(X, c), one_d)


#: name -> normalisation function ``f(x, cost)``
NORMALIZATIONS: dict[str, Normalization] = {
    "vector": vector,
    "max": max_norm,
    "minmax": minmax,
    "sum": sum_norm,
    "scale": scale,
    "none": none,
}
for _f in NORMALIZATIONS.values():
    _f._mcda_vectorized = True  # type: ignore[attr-defined]

_KERNELS = {"vector": _vector, "max": _max, "minmax": _minmax, "sum": _sum, "none": _none}


def resolve(name) -> tuple[str, Normalization]:
    """Return ``(label, function)`` for a registry name or a callable ``f(x, cost)``."""
    if callable(name):
        for key, f in NORMALIZATIONS.items():
            if f is name:
                return key, f
        return getattr(name, "__name__", "custom"), name
    if isinstance(name, str) and name in NORMALIZATIONS:
        return name, NORMALIZATIONS[name]
    raise MCDAError(f"unknown normalisation {name!r}; expected one of "
                    f"{', '.join(sorted(NORMALIZATIONS))} or a function f(x, cost)")


def precheck(X: np.ndarray, name, bounds=None, vendors: Sequence | None = None,
             criteria: Sequence | None = None) -> str:
    """Run a normalisation's own input checks on a validated finite (n, m) matrix.

    Negative values for the ratio normalisations (``max``, ``sum``) and values
    outside the bounds for ``scale`` are errors naming the cell with the labels.
    Returns the normalisation's label.
    """
    label, f = resolve(name)
    if bounds is not None and f is not scale:
        raise MCDAError(f"bounds are only used by the 'scale' normalisation; got normalization={label!r}")
    if f is scale:
        if bounds is None:
            scale(X[:, 0])  # raises the 'needs bounds' error
        lo, hi = _bounds_arrays(bounds, X.shape[1], criteria)
        _check_within(X, lo, hi, vendors, criteria)
    elif label in RATIO_NORMALIZATIONS and f is NORMALIZATIONS[label]:
        check_nonnegative(X, f"{label} normalisation", vendors, criteria)
    return label


def column_functions(name, bounds, m: int) -> list[Normalization]:
    """One ``f(x, cost)`` per column, for pymcdm's ``normalization_function``.

    ``scale`` gets each column's own bounds bound in.
    """
    label, f = resolve(name)
    if f is scale:
        lo, hi = _bounds_arrays(bounds, m)
        return [make_scale((lo[j], hi[j])) for j in range(m)]
    return [f] * m


def apply_checked(X: np.ndarray, cost: np.ndarray, name, bounds=None,
                  vendors: Sequence | None = None, criteria: Sequence | None = None) -> np.ndarray:
    """Normalise an already validated finite (n, m) float matrix (used by the methods).

    Performs only the normalisation's own checks (:func:`precheck`), naming
    cells with the labels. A foreign callable (e.g. a pymcdm normalisation) is
    applied column by column, since it may assume a 1-D input.
    """
    label = precheck(X, name, bounds, vendors, criteria)
    _, f = resolve(name)
    if f is scale:
        return _scale_kernel(X, cost, *_bounds_arrays(bounds, X.shape[1], criteria))
    if label in _KERNELS and f is NORMALIZATIONS[label]:
        return _KERNELS[label](X, cost)
    try:
        if getattr(f, "_mcda_vectorized", False):
            out = np.asarray(f(X, cost), dtype=float)
        else:
            out = np.column_stack([np.asarray(f(X[:, j], cost=bool(cost[j])), dtype=float)
                                   for j in range(X.shape[1])])
    except MCDAError:
        raise
    except (ArithmeticError, ValueError, TypeError, IndexError) as exc:
        raise MCDAError(f"normalisation {label!r} failed on this matrix: {exc}") from None
    if out.shape != X.shape:
        raise MCDAError(f"normalisation {label!r} returned shape {out.shape}; expected {X.shape}")
    check_finite(out, vendors, criteria, what=f"the output of normalisation {label!r}")
    return out


def normalize(matrix, types, name="vector", bounds=None, *,
              vendors: Sequence | None = None, criteria: Sequence | None = None) -> np.ndarray:
    """Normalise a decision matrix column-wise.

    Parameters
    ----------
    matrix : array-like, shape (n, m)
        Vendors in rows, criteria in columns.
    types : array-like, shape (m,)
        +1 benefit, -1 cost.
    name : str or callable
        A key of :data:`NORMALIZATIONS` or a function ``f(x, cost)``.
    bounds : (lo, hi) or array (m, 2), optional
        Declared criterion bounds; required by ``'scale'`` only.
    vendors, criteria : sequence of str, optional
        Labels used in error messages.

    Returns
    -------
    ndarray, shape (n, m)
        A new benefit-oriented matrix (higher is better in every column).

    >>> normalize([[1, 10], [3, 30]], [1, -1], "max")
    array([[0.33333333, 1.        ],
           [1.        , 0.33333333]])
    """
    X, one_d = _as_2d(matrix, "matrix")
    if one_d:
        raise MCDAError(f"matrix must be 2-D (vendors x criteria); found shape {np.shape(matrix)}")
    check_finite(X, vendors, criteria)
    cost = types_to_cost(types, X.shape[1], criteria)
    return apply_checked(X, cost, name, bounds, vendors, criteria)
