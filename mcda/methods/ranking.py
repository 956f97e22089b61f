"""Scores -> ranks, with one documented tie policy."""
from __future__ import annotations

import numpy as np

from mcda.errors import MCDAError
from mcda.normalization import as_real_array
from mcda.text.errors_kernels import Phrase, phrase

__all__ = ["rank", "DEFAULT_TIE_TOL"]

#: The one relative tie tolerance of the package: two scores ``a``, ``b`` tie when
#: ``|a - b| <= DEFAULT_TIE_TOL * max(1, |a|, |b|)`` (:func:`rank`); the sensitivity kernels
#: use the same (:func:`mcda.sensitivity.path.tie_tolerance`). A scenario may set its own
#: (``settings.tie_tolerance``, default this value) for the final ranking.
DEFAULT_TIE_TOL = 1e-9


def rank(scores, higher_is_better: bool = True, tol: float = DEFAULT_TIE_TOL) -> np.ndarray:
    """Competition ranks ("1224"), 1 = best.

    Tie policy: sort the scores from best to worst; two *consecutive* sorted
    scores ``a``, ``b`` belong to the same group when
    ``|a - b| <= tol * max(1, |a|, |b|)``. Groups are chained, so a group can
    span more than ``tol`` when many scores sit within ``tol`` of their
    neighbour. Every vendor of a group shares the best rank of the group and
    the next group starts after the group's size (1, 1, 3). ``tol=0`` gives
    exact ties only.

    Parameters
    ----------
    scores : array-like, shape (n,)
        Finite scores.
    higher_is_better : bool
        False for methods where the lowest score wins (VIKOR's Q).
    tol : float
        Relative tie tolerance, >= 0.

    Returns
    -------
    ndarray of int, shape (n,)

    >>> rank([0.5, 0.9, 0.5, 0.1])
    array([2, 1, 2, 4])
    >>> rank([0.2, 0.1, 0.3], higher_is_better=False)
    array([2, 1, 3])
    >>> rank([1.0, 1.0 + 1e-12, 0.5])
    array([1, 1, 3])
    """
    s = as_real_array(scores, phrase("err.what.scores"))
    if s.ndim != 1 or s.size == 0:
        raise MCDAError(code="err.method.scores_shape", shape=str(s.shape))
    bad = np.flatnonzero(~np.isfinite(s))
    if bad.size:
        more = phrase("err.loc.and_more", n=bad.size - 1) if bad.size > 1 else Phrase("")
        raise MCDAError(code="err.method.scores_finite", value=float(s[bad[0]]), i=int(bad[0]), more=more)
    if not (isinstance(tol, (int, float, np.integer, np.floating)) and np.isfinite(tol) and tol >= 0):
        raise MCDAError(code="err.method.tol", found=repr(tol)[:80])
    key = -s if higher_is_better else s
    order = np.argsort(key, kind="stable")
    sk = key[order]
    a, b = sk[:-1], sk[1:]
    gap = (b - a) > tol * np.maximum(1.0, np.maximum(np.abs(a), np.abs(b)))
    starts = np.concatenate(([True], gap))
    positions = np.arange(1, s.size + 1)
    group_rank = np.maximum.accumulate(np.where(starts, positions, 0))
    out = np.empty(s.size, dtype=int)
    out[order] = group_rank
    return out
