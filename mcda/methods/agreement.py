"""Agreement between the rankings of several methods: Spearman's rho and the WS coefficient, in numpy.

Both matrices are computed for all pairs of methods at once (no pymcdm import, so a
ranking command loads neither pymcdm nor matplotlib):

* Spearman's rank correlation as the Pearson correlation of the rank vectors,
  ``rho(x, y) = cov(x, y) / (sd(x) sd(y))`` with population moments (Spearman 1904;
  the definition pymcdm's ``spearman`` uses, which stays meaningful with tied ranks);
* the WS rank similarity coefficient with ``x`` the reference ranking,
  ``WS = 1 - sum_i 2^(-x_i) |x_i - y_i| / max(|x_i - 1|, |x_i - N|)`` (Sałabun & Urbaniak
  2020, eq. 4), which weighs disagreements near the top more.

The tests check both against pymcdm (``pymcdm.correlations.spearman`` and ``ws``).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from mcda.errors import MCDAError
from mcda.methods.checks import frozen_array

__all__ = ["Agreement", "agreement", "spearman_matrix", "ws_matrix"]


@dataclass(frozen=True)
class Agreement:
    """Pairwise agreement of rankings (read-only arrays).

    Attributes
    ----------
    names : tuple of str
        Method names, in the order of the matrix rows and columns.
    spearman : ndarray (k, k)
        Spearman's rank correlation (Pearson correlation of the ranks, as
        pymcdm's ``spearman``); symmetric.
    ws : ndarray (k, k)
        WS rank similarity coefficient (Sałabun & Urbaniak 2020), which weighs
        disagreements at the top more; **asymmetric**: ``ws[i, j]`` takes
        ranking ``i`` as the reference.
    winners : dict
        Method name -> tuple of the vendor indices ranked 1.
    consensus_winner : tuple of int
        The reference winner set: the ``reference`` method's, or else the
        winner set most methods share (the earliest method's on a tie).
    dissenters : tuple of str
        Methods whose winner set differs from ``consensus_winner``.
    """

    names: tuple
    spearman: np.ndarray
    ws: np.ndarray
    winners: dict
    consensus_winner: tuple
    dissenters: tuple


def spearman_matrix(ranks: np.ndarray) -> np.ndarray:
    """Spearman's rho between every pair of rank vectors (rows of ``ranks``, shape (k, n)).

    ``rho = cov(x, y) / (sd(x) sd(y))`` with population moments (Spearman 1904). Edge policy:
    undefined when a ranking is constant; then 1 if both rankings are identical, else 0; the
    diagonal is 1.

    >>> spearman_matrix(np.array([[1, 2, 3], [3, 2, 1], [1, 1, 1]])).tolist()
    [[1.0, -1.0, 0.0], [-1.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
    """
    r = np.asarray(ranks, dtype=float)
    c = r - r.mean(axis=1, keepdims=True)
    cov = c @ c.T / r.shape[1]
    sd = np.sqrt(np.diag(cov))
    with np.errstate(invalid="ignore", divide="ignore"):
        rho = cov / np.outer(sd, sd)
    undefined = (sd[:, None] == 0) | (sd[None, :] == 0)
    same = (r[:, None, :] == r[None, :, :]).all(axis=2)
    rho = np.where(undefined, np.where(same, 1.0, 0.0), rho)
    np.fill_diagonal(rho, 1.0)
    return rho


def ws_matrix(ranks: np.ndarray) -> np.ndarray:
    """WS rank similarity of every ordered pair of rank vectors, ``ws[i, j] = WS(ranks[i], ranks[j])``.

    ``WS(x, y) = 1 - sum_t 2^(-x_t) |x_t - y_t| / max(|x_t - 1|, |x_t - N|)`` (Sałabun & Urbaniak
    2020, eq. 4); asymmetric (row ``i`` is the reference). With a single vendor (``N = 1``) every
    coefficient is 1.

    >>> ws_matrix(np.array([[1, 2, 3, 4], [2, 3, 4, 1]])).round(6).tolist()
    [[1.0, 0.583333], [0.291667, 1.0]]
    """
    x = np.asarray(ranks, dtype=float)
    k, n = x.shape
    if n == 1:
        return np.ones((k, k))
    weight = 2.0 ** -x / np.maximum(np.abs(1 - x), np.abs(n - x))  # (k, n), row i as the reference
    return 1 - np.einsum("it,ijt->ij", weight, np.abs(x[:, None, :] - x[None, :, :]))


def agreement(rankings: dict, reference: str | None = None) -> Agreement:
    """Spearman and WS coefficient matrices between rankings, and who picks another winner.

    Parameters
    ----------
    rankings : dict
        Method name -> ranks (1 = best, one per vendor, same vendor order).
    reference : str, optional
        Compare winners with this method's winner instead of the majority's.

    Edge policies: Spearman is undefined when a ranking is constant (all
    tied); it is reported as 1 when both rankings are identical and 0
    otherwise. With a single vendor every coefficient is 1.

    References
    ----------
    Spearman, C. (1904). The proof and measurement of association between two
    things. American Journal of Psychology 15(1), 72-101.

    Sałabun, W. & Urbaniak, K. (2020). A new coefficient of rankings
    similarity in decision-making problems. ICCS 2020, LNCS 12138, 632-645.

    >>> a = agreement({"topsis": [1, 2, 3], "wsm": [1, 3, 2], "vikor": [2, 1, 3]})
    >>> a.spearman.round(2)
    array([[ 1. ,  0.5,  0.5],
           [ 0.5,  1. , -0.5],
           [ 0.5, -0.5,  1. ]])
    >>> a.dissenters
    ('vikor',)
    """
    if not isinstance(rankings, dict) or not rankings:
        raise MCDAError(code="err.ahp.rankings_not_dict")
    names = tuple(rankings)
    arrays = []
    n = None
    for name in names:
        try:
            r = np.asarray(rankings[name], dtype=float)
        except (TypeError, ValueError):
            raise MCDAError(code="err.ahp.ranks_not_numbers", name=name, found=rankings[name]) from None
        if r.ndim != 1 or r.size == 0:
            raise MCDAError(code="err.ahp.ranks_shape", name=name, shape=r.shape)
        if n is None:
            n = r.size
        elif r.size != n:
            raise MCDAError(code="err.ahp.ranks_count", n=n, name=name, found=r.size)
        if not np.all(np.isfinite(r)) or r.min() < 1:
            raise MCDAError(code="err.ahp.ranks_values", name=name, found=r.tolist())
        arrays.append(r)
    if reference is not None and reference not in rankings:
        raise MCDAError(code="err.ahp.reference_missing", reference=reference, names=list(names))

    stacked = np.stack(arrays)
    sp, wsm = spearman_matrix(stacked), ws_matrix(stacked)

    winners = {name: tuple(int(v) for v in np.flatnonzero(r == r.min())) for name, r in zip(names, arrays, strict=True)}
    if reference is not None:
        consensus = winners[reference]
    else:
        counts = Counter(winners.values())
        best = max(counts.values())
        consensus = next(w for w in winners.values() if counts[w] == best)
    dissenters = tuple(name for name in names if winners[name] != consensus)
    return Agreement(names, frozen_array(sp), frozen_array(wsm), winners, consensus, dissenters)
