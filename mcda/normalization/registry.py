"""The normalisation registry: every normalisation as ``f(x, cost=False)`` by name.

Every normalisation is a function ``f(x, cost=False)``:

* ``x`` is one column, shape ``(n,)``, or a matrix, shape ``(n, m)``,
  normalised column by column (vectorised: no Python loop over rows);
* ``cost`` is a bool (one column, or every column) or a bool array of
  shape ``(m,)``.

The functions also work as pymcdm ``normalization_function`` arguments,
which pymcdm calls with one 1-D column at a time. The rules and edge
policies are in :mod:`mcda.normalization.kernels`; the input checks in
:mod:`mcda.normalization.checks`.

``max`` and ``sum`` are ratio normalisations: a negative value is an error
naming the cell.  ``scale`` needs the criterion's declared bounds
(:func:`make_scale` or ``normalize(..., bounds=...)``); a value outside
them (beyond :data:`mcda.normalization.checks.BOUND_TOL`) is an error naming
the cell.  NaN or infinite values are errors naming the cell, for every
normalisation.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from mcda.errors import MCDAError
from mcda.normalization.checks import (
    as_2d,
    bounds_arrays,
    check_finite,
    check_nonnegative,
    check_within,
    finish,
    prepare,
    types_to_cost,
)
from mcda.normalization.kernels import (
    KERNELS,
    max_kernel,
    minmax_kernel,
    none_kernel,
    scale_kernel,
    sum_kernel,
    vector_kernel,
)
from mcda.text.errors_kernels import phrase

__all__ = ["NORMALIZATIONS", "RATIO_NORMALIZATIONS", "Normalization", "normalize", "make_scale", "resolve",
           "precheck", "apply_checked", "column_functions", "vector", "max_norm", "minmax", "sum_norm",
           "scale", "none"]

Normalization = Callable[..., np.ndarray]

#: names of the normalisations that divide by the data and need values >= 0
RATIO_NORMALIZATIONS = frozenset({"max", "sum"})


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
    X, c, one_d = prepare(x, cost)
    return finish(vector_kernel(X, c), one_d)


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
    X, c, one_d = prepare(x, cost)
    check_nonnegative(X, phrase("err.what.normalisation", label="max"), one_d=one_d)
    return finish(max_kernel(X, c), one_d)


def minmax(x, cost=False) -> np.ndarray:
    """Min-max: ``(x - min) / (max - min)``; cost ``(max - x) / (max - min)``.

    Constant column, including all-zero: all 1 (no discrimination; pymcdm's
    rule). Zeros in a cost column: ordinary values. Negative values allowed.

    >>> minmax([1.0, 2.0, 3.0])
    array([0. , 0.5, 1. ])
    >>> minmax([5.0, 5.0])
    array([1., 1.])
    """
    X, c, one_d = prepare(x, cost)
    return finish(minmax_kernel(X, c), one_d)


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
    X, c, one_d = prepare(x, cost)
    check_nonnegative(X, phrase("err.what.normalisation", label="sum"), one_d=one_d)
    return finish(sum_kernel(X, c), one_d)


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
        raise MCDAError(code="err.norm.scale_needs_bounds")
    X, c, one_d = prepare(x, cost)
    lo, hi = bounds_arrays(bounds, X.shape[1])
    check_within(X, lo, hi, one_d=one_d)
    return finish(scale_kernel(X, c, lo, hi), one_d)


def make_scale(bounds) -> Normalization:
    """Bind bounds to :func:`scale`, giving an ``f(x, cost)`` usable as a pymcdm normalisation.

    >>> f = make_scale((1, 5))
    >>> f([2.0, 4.0], cost=True)
    array([0.75, 0.25])
    """
    bounds_arrays(bounds, np.asarray(bounds, dtype=float).reshape(-1, 2).shape[0])

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
    X, c, one_d = prepare(x, cost)
    return finish(none_kernel(X, c), one_d)


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



def resolve(name) -> tuple[str, Normalization]:
    """Return ``(label, function)`` for a registry name or a callable ``f(x, cost)``."""
    if callable(name):
        for key, f in NORMALIZATIONS.items():
            if f is name:
                return key, f
        return getattr(name, "__name__", "custom"), name
    if isinstance(name, str) and name in NORMALIZATIONS:
        return name, NORMALIZATIONS[name]
    raise MCDAError(code="err.norm.unknown", name=repr(name)[:80], known=", ".join(sorted(NORMALIZATIONS)))


def precheck(X: np.ndarray, name, bounds=None, vendors: Sequence | None = None,
             criteria: Sequence | None = None) -> str:
    """Run a normalisation's own input checks on a validated finite (n, m) matrix.

    Negative values for the ratio normalisations (``max``, ``sum``) and values
    outside the bounds for ``scale`` are errors naming the cell with the labels.
    Returns the normalisation's label.
    """
    label, f = resolve(name)
    if bounds is not None and f is not scale:
        raise MCDAError(code="err.norm.bounds_unused", label=repr(label))
    if f is scale:
        if bounds is None:
            scale(X[:, 0])  # raises the 'needs bounds' error
        lo, hi = bounds_arrays(bounds, X.shape[1], criteria)
        check_within(X, lo, hi, vendors, criteria)
    elif label in RATIO_NORMALIZATIONS and f is NORMALIZATIONS[label]:
        check_nonnegative(X, phrase("err.what.normalisation", label=label), vendors, criteria)
    return label


def column_functions(name, bounds, m: int) -> list[Normalization]:
    """One ``f(x, cost)`` per column, for pymcdm's ``normalization_function``.

    ``scale`` gets each column's own bounds bound in.
    """
    label, f = resolve(name)
    if f is scale:
        lo, hi = bounds_arrays(bounds, m)
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
        return scale_kernel(X, cost, *bounds_arrays(bounds, X.shape[1], criteria))
    if label in KERNELS and f is NORMALIZATIONS[label]:
        return KERNELS[label](X, cost)
    try:
        if getattr(f, "_mcda_vectorized", False):
            out = np.asarray(f(X, cost), dtype=float)
        else:
            out = np.column_stack([np.asarray(f(X[:, j], cost=bool(cost[j])), dtype=float)
                                   for j in range(X.shape[1])])
    except MCDAError:
        raise
    except (ArithmeticError, ValueError, TypeError, IndexError) as exc:
        raise MCDAError(code="err.norm.failed", label=repr(label), detail=str(exc)) from None
    if out.shape != X.shape:
        raise MCDAError(code="err.norm.bad_shape", label=repr(label), shape=str(out.shape), expected=str(X.shape))
    check_finite(out, vendors, criteria, what=phrase("err.what.normalized", label=repr(label)))
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
    X, one_d = as_2d(matrix, "matrix")
    if one_d:
        raise MCDAError(code="err.norm.matrix_2d", shape=str(np.shape(matrix)))
    check_finite(X, vendors, criteria)
    cost = types_to_cost(types, X.shape[1], criteria)
    return apply_checked(X, cost, name, bounds, vendors, criteria)
