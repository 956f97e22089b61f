"""Priority (weight) vectors from pairwise comparison matrices.

Methods, by name in :data:`PRIORITY_METHODS`:

``"eigenvector"``
    Principal right eigenvector, ``A w = lambda_max w`` (Saaty 1980; Saaty 2003,
    "Decision-making with the AHP: why is the principal eigenvector necessary",
    EJOR 145, 85-91).  Incomplete input is first completed with the
    ``lambda_max``-optimal completion (Bozóki, Fülöp & Rónyai 2010).
``"geometric_mean"``
    Row geometric mean ``w_i ∝ (prod_j a_ij)^(1/n)`` (Crawford & Williams 1985),
    which is the logarithmic least squares (LLSM) solution; incomplete input uses
    the LLSM solution over the judged pairs (Bozóki, Fülöp & Rónyai 2010, sec. 4).
``"column_mean"``
    The textbook *approximation*: normalise each column to sum 1, average the rows
    (e.g. Saaty 1980).  Offered for comparison only.
    Incomplete input is first completed with the LLSM completion.
``"harker"``
    Harker's (1987) method for incomplete matrices (principal eigenvector of his
    auxiliary matrix); for a complete matrix it is the eigenvector method.

All methods return exact weights ``w`` for a consistent matrix ``a_ij = w_i / w_j``
(up to rounding) and agree for ``n <= 2``; for ``n = 3`` eigenvector and geometric
mean coincide (Crawford & Williams 1985, p. 393).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mcda.ahp.eigen import principal_eigen
from mcda.ahp.graph import require_connected
from mcda.ahp.incomplete import (
    complete_harker,
    complete_lambda_max,
    complete_llsm,
    llsm_log_weights,
    normalise_log,
)
from mcda.ahp.matrix import check_matrix, check_stack, ndim_of
from mcda.errors import MCDAError, NotConnectedError

__all__ = ["priorities", "PRIORITY_METHODS", "eigenvector", "geometric_mean", "column_mean"]


def eigenvector(a: np.ndarray) -> np.ndarray:
    """Principal right eigenvector (sum 1) of a validated matrix or stack (Saaty 1980).

    Incomplete 2-D input is completed with the ``lambda_max``-optimal completion first.

    >>> eigenvector(np.array([[1.0, 3.0], [1 / 3, 1.0]])).round(12)
    array([0.75, 0.25])
    """
    if np.isnan(a).any():
        return principal_eigen(complete_lambda_max(a))[1]
    return principal_eigen(a)[1]


def geometric_mean(a: np.ndarray) -> np.ndarray:
    """Row geometric mean / LLSM weights (sum 1) of a validated matrix or stack (Crawford & Williams 1985).

    >>> geometric_mean(np.array([[1.0, 4.0], [0.25, 1.0]])).round(12)
    array([0.8, 0.2])
    """
    if a.ndim == 3:
        return normalise_log(np.log(a).mean(axis=-1))
    return normalise_log(llsm_log_weights(a))


def column_mean(a: np.ndarray) -> np.ndarray:
    """Normalised-column-mean approximation (sum 1) of a validated matrix or stack.

    ``w_i = (1/n) sum_j a_ij / sum_k a_kj``; incomplete 2-D input is LLSM-completed first.
    An approximation of the eigenvector, exact only for consistent matrices.

    >>> column_mean(np.array([[1.0, 3.0], [1 / 3, 1.0]])).round(12)
    array([0.75, 0.25])
    """
    if np.isnan(a).any():
        a = complete_llsm(a)
    w = (a / a.sum(axis=-2, keepdims=True)).mean(axis=-1)
    return w / w.sum(axis=-1, keepdims=True)


def _harker(a: np.ndarray) -> np.ndarray:
    if np.isnan(a).any():
        return principal_eigen(complete_harker(a))[1]
    return principal_eigen(a)[1]


#: Weighting methods by name; each takes a validated (connected) matrix and returns weights summing to 1.
PRIORITY_METHODS = {
    "eigenvector": eigenvector,
    "geometric_mean": geometric_mean,
    "column_mean": column_mean,
    "harker": _harker,
}


def priorities(matrix, method: str = "eigenvector", labels: Sequence | None = None) -> np.ndarray:
    """Weights (priority vector) of a pairwise comparison matrix, summing to 1.

    Parameters
    ----------
    matrix : array_like, shape (n, n) or (S, n, n)
        Positive reciprocal matrix (``NaN`` = missing judgment, both cells), or a
        stack of ``S`` matrices (e.g. Monte Carlo samples), computed with numpy's
        stacked linear algebra when the stack is complete.
    method : {"eigenvector", "geometric_mean", "column_mean", "harker"}
        See the module documentation; ``"column_mean"`` is an approximation.
    labels : sequence of str, optional
        Item names for error messages.

    Returns
    -------
    numpy.ndarray, shape (n,) or (S, n)
        Positive weights summing to 1; not rounded.

    Raises
    ------
    MCDAError
        Invalid matrix or unknown method.
    NotConnectedError
        Missing judgments leave unconnected groups of items.

    Examples
    --------
    >>> a = [[1, 2, 8], [1 / 2, 1, 4], [1 / 8, 1 / 4, 1]]
    >>> priorities(a).round(12)
    array([0.61538462, 0.30769231, 0.07692308])
    >>> priorities([[1, 2, np.nan], [1 / 2, 1, 4], [np.nan, 1 / 4, 1]], "geometric_mean").round(12)
    array([0.61538462, 0.30769231, 0.07692308])
    """
    if method not in PRIORITY_METHODS:
        raise MCDAError(code="err.ahp.unknown_method", method=method, known=sorted(PRIORITY_METHODS))
    fn = PRIORITY_METHODS[method]
    if ndim_of(matrix) == 3:
        a = check_stack(matrix, labels)
        if not np.isnan(a).any():
            return fn(a)
        out = np.empty(a.shape[:2])
        for s in range(a.shape[0]):
            try:
                require_connected(a[s], labels)
            except NotConnectedError as exc:
                raise NotConnectedError(None, exc.groups, code="err.ahp.sample_not_connected", sample=s,
                                        error=exc) from None
            out[s] = fn(a[s])
        return out
    a = check_matrix(matrix, labels)
    require_connected(a, labels)
    return fn(a)
