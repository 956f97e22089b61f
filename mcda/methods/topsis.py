"""TOPSIS: closeness to the ideal solution (Hwang & Yoon 1981).

Steps (Hwang & Yoon 1981, pp. 130-134):

1. normalise each column, ``r_ij`` (vector normalisation by default);
2. weight, ``v_ij = w_j r_ij``;
3. ideal ``A+_j = max_i v_ij``, anti-ideal ``A-_j = min_i v_ij`` (every
   normalised column is benefit-oriented, see :mod:`mcda.normalization`; for a
   cost criterion this is the classic "min is ideal" rule reflected);
4. ``S+_i = ||v_i - A+||``, ``S-_i = ||v_i - A-||`` (Euclidean);
5. closeness ``C_i = S-_i / (S+_i + S-_i)``; higher is better.

Edge policy: when ``S+_i + S-_i = 0`` no criterion with positive weight
separates the vendors (every weighted column is constant, e.g. a single
vendor): every vendor is then at the ideal, ``C_i = 1``, and the details flag
``degenerate``.

Scale: distances are accumulated over row blocks of a few MB, so the only
(n, m) array allocated is the normalised matrix (kept in the details); the
weighted matrix is derived on demand. The closeness equals pymcdm's TOPSIS
with the same normalisation function to rounding.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mcda.methods.checks import check_problem, check_scores, frozen_array
from mcda.normalization import apply_checked, resolve
from mcda.text.errors_kernels import Phrase

__all__ = ["TopsisDetails", "topsis", "topsis_details"]

_BLOCK_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class TopsisDetails:
    """Intermediate results of TOPSIS (arrays are read-only).

    Attributes
    ----------
    normalization : str
        Name of the normalisation used.
    normalized : ndarray (n, m)
        ``r_ij``, benefit-oriented.
    weights : ndarray (m,)
        Weights as given.
    ideal, anti_ideal : ndarray (m,)
        ``A+`` and ``A-`` in weighted units (``max_i v_ij`` and ``min_i v_ij``).
    d_plus, d_minus : ndarray (n,)
        Euclidean distances ``S+`` and ``S-``.
    closeness : ndarray (n,)
        ``C_i``, in [0, 1], higher is better.
    degenerate : bool
        True when no weighted criterion separates the vendors (all ``C_i = 1``).
    """

    normalization: str
    normalized: np.ndarray
    weights: np.ndarray
    ideal: np.ndarray
    anti_ideal: np.ndarray
    d_plus: np.ndarray
    d_minus: np.ndarray
    closeness: np.ndarray
    degenerate: bool

    @property
    def weighted(self) -> np.ndarray:
        """``v_ij = w_j r_ij`` (allocates a new (n, m) array)."""
        return self.normalized * self.weights

    @property
    def scores(self) -> np.ndarray:
        """Alias of :attr:`closeness` (uniform name across methods)."""
        return self.closeness


def _distances(r: np.ndarray, w: np.ndarray, ideal: np.ndarray, anti: np.ndarray):
    """Squared weighted distances to ``ideal`` and ``anti`` by row blocks (no (n, m) temporary)."""
    n, m = r.shape
    rows = max(1, min(n, _BLOCK_BYTES // (8 * m)))
    buf = np.empty((rows, m))
    dp = np.empty(n)
    dm = np.empty(n)
    for start in range(0, n, rows):
        blk = r[start:start + rows]
        b = buf[: blk.shape[0]]
        np.multiply(blk, w, out=b)
        b -= ideal
        np.einsum("ij,ij->i", b, b, out=dp[start:start + blk.shape[0]])
        np.multiply(blk, w, out=b)
        b -= anti
        np.einsum("ij,ij->i", b, b, out=dm[start:start + blk.shape[0]])
    np.sqrt(dp, out=dp)
    np.sqrt(dm, out=dm)
    return dp, dm


def topsis_details(matrix, weights, types, normalization="vector", *, bounds=None,
                   vendors=None, criteria=None) -> TopsisDetails:
    """TOPSIS with every intermediate result.

    Parameters
    ----------
    matrix : array-like (n, m)
        Vendors in rows, criteria in columns.
    weights : array-like (m,)
        Non-negative, not all zero; used as given (closeness is invariant to
        their scale).
    types : array-like (m,)
        +1 benefit, -1 cost.
    normalization : str or callable
        A name in :data:`mcda.normalization.NORMALIZATIONS` or ``f(x, cost)``.
    bounds : optional
        Criterion bounds for ``normalization='scale'``.
    vendors, criteria : optional
        Labels for error messages.

    Returns
    -------
    TopsisDetails

    References
    ----------
    Hwang, C.-L. & Yoon, K. (1981). *Multiple Attribute Decision Making:
    Methods and Applications*. Springer, pp. 128-140.

    Examples
    --------
    >>> d = topsis_details([[1, 2], [2, 1], [3, 1]], [0.5, 0.5], [1, 1])
    >>> d.closeness.round(4)
    array([0.433 , 0.3539, 0.567 ])
    >>> d.ideal.round(4)
    array([0.4009, 0.4082])
    """
    p = check_problem(matrix, weights, types, vendors=vendors, criteria=criteria)
    label, _ = resolve(normalization)
    w = p.weights
    with np.errstate(all="ignore"):  # extreme inputs are caught by check_scores below
        r = apply_checked(p.matrix, p.cost, normalization, bounds, p.vendors, p.criteria)
        ideal = w * r.max(axis=0)
        anti = w * r.min(axis=0)
        dp, dm = _distances(r, w, ideal, anti)
        total = dp + dm
        c = np.where(total > 0, dm / np.where(total > 0, total, 1.0), 1.0)
    check_scores(np.where(np.isfinite(total), c, np.nan), Phrase("TOPSIS"), p.vendors, weights=w, normalized=r)
    degenerate = bool(np.any(total == 0))
    return TopsisDetails(
        normalization=label,
        normalized=frozen_array(r),
        weights=frozen_array(w.copy()),
        ideal=frozen_array(ideal),
        anti_ideal=frozen_array(anti),
        d_plus=frozen_array(dp),
        d_minus=frozen_array(dm),
        closeness=frozen_array(c),
        degenerate=degenerate,
    )


def topsis(matrix, weights, types, normalization="vector", *, bounds=None,
           vendors=None, criteria=None) -> np.ndarray:
    """TOPSIS closeness coefficients ``C_i = S-_i / (S+_i + S-_i)``; higher is better.

    See :func:`topsis_details` for the parameters and the intermediates.

    >>> topsis([[1, 2], [2, 1], [3, 1]], [0.5, 0.5], [1, 1]).round(4)
    array([0.433 , 0.3539, 0.567 ])
    """
    return topsis_details(matrix, weights, types, normalization, bounds=bounds,
                          vendors=vendors, criteria=criteria).closeness
