"""Contribution kernels: why a vendor scores what it scores.

* :func:`weighted_sum_contributions`: ``w_j r_ij``; a vendor's row sums to its
  weighted-sum (or AHP) score.
* :func:`topsis_contributions`: ``(v_ij - A+_j)^2`` and ``(v_ij - A-_j)^2``;
  rows sum to the squared TOPSIS distances ``S+_i^2`` and ``S-_i^2``.
* :func:`group_sum`: sum criteria columns up to dimensions (groups).
* :func:`why_a_beats_b`: the groups where two vendors differ most, signed.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mcda.errors import MCDAError
from mcda.normalization import as_real_array
from mcda.text.errors_kernels import Phrase, phrase

__all__ = ["weighted_sum_contributions", "TopsisContributions", "topsis_contributions",
           "group_sum", "GroupDifference", "why_a_beats_b"]


def _ro(a) -> np.ndarray:
    a = np.asarray(a)
    a.flags.writeable = False
    return a


def weighted_sum_contributions(normalized, weights) -> np.ndarray:
    """Contribution ``w_j r_ij`` of each criterion to each vendor's weighted sum.

    Parameters
    ----------
    normalized : array-like (n, m)
        Benefit-oriented normalised matrix (e.g. ``wsm_details(...).normalized``).
    weights : array-like (m,)

    Returns
    -------
    ndarray (n, m); ``.sum(axis=1)`` is the weighted-sum score.

    >>> weighted_sum_contributions([[1.0, 0.5], [0.5, 1.0]], [0.75, 0.25])
    array([[0.75 , 0.125],
           [0.375, 0.25 ]])
    """
    r = as_real_array(normalized, phrase("err.what.matrix"))
    w = as_real_array(weights, phrase("err.what.weights"))
    if r.ndim != 2 or w.shape != (r.shape[1],):
        raise MCDAError(code="err.explain.shapes", r=str(r.shape), w=str(w.shape))
    return r * w


@dataclass(frozen=True)
class TopsisContributions:
    """Per-criterion squared distance terms (read-only, (n, m) each).

    ``to_ideal.sum(axis=1) == d_plus ** 2`` and
    ``to_anti_ideal.sum(axis=1) == d_minus ** 2``.
    """

    to_ideal: np.ndarray
    to_anti_ideal: np.ndarray


def topsis_contributions(details) -> TopsisContributions:
    """Split TOPSIS's squared distances by criterion.

    Parameters
    ----------
    details : TopsisDetails
        From :func:`mcda.methods.topsis_details` (anything with ``normalized``,
        ``weights``, ``ideal`` and ``anti_ideal``).

    Returns
    -------
    TopsisContributions
        ``(v_ij - A+_j)^2`` and ``(v_ij - A-_j)^2``. Allocates two (n, m) arrays.

    >>> from mcda.methods import topsis_details
    >>> d = topsis_details([[1, 2], [2, 1], [3, 1]], [0.5, 0.5], [1, 1])
    >>> c = topsis_contributions(d)
    >>> bool(np.allclose(c.to_ideal.sum(axis=1), d.d_plus ** 2))
    True
    """
    v = np.asarray(details.normalized, dtype=float) * np.asarray(details.weights, dtype=float)
    plus = v - details.ideal
    plus **= 2
    v -= details.anti_ideal
    v **= 2
    return TopsisContributions(_ro(plus), _ro(v))


def group_sum(values, groups, n_groups: int | None = None) -> np.ndarray:
    """Sum criteria (last axis) into groups, e.g. criteria -> dimensions.

    Parameters
    ----------
    values : array-like (..., m)
        Per-criterion values (a vector or a vendors x criteria matrix).
    groups : array-like of int (m,)
        Group index of each criterion, in ``0 .. n_groups - 1``.
    n_groups : int, optional
        Number of groups (default ``max(groups) + 1``); empty groups sum to 0.

    Returns
    -------
    ndarray (..., n_groups)

    Computed as one matrix product with a one-hot (m, G) matrix.

    >>> group_sum([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [0, 1, 0])
    array([[ 4.,  2.],
           [10.,  5.]])
    """
    x = as_real_array(values, Phrase("values"))
    g = np.asarray(groups)
    if x.ndim == 0:
        raise MCDAError(code="err.explain.values_axis")
    m = x.shape[-1]
    if g.shape != (m,):
        raise MCDAError(code="err.explain.groups_shape", m=m, shape=str(g.shape))
    if m and not np.issubdtype(g.dtype, np.integer):
        if not (np.issubdtype(g.dtype, np.floating) and np.all(g == np.round(g))):
            raise MCDAError(code="err.explain.groups_int", found=str(g.tolist())[:200])
        g = g.astype(int)
    if m and g.min() < 0:
        raise MCDAError(code="err.explain.groups_negative", found=int(g.min()))
    G = (int(g.max()) + 1 if m else 0) if n_groups is None else int(n_groups)
    if m and g.max() >= G:
        raise MCDAError(code="err.explain.groups_range", found=int(g.max()), groups=G)
    onehot = np.zeros((m, G))
    onehot[np.arange(m), g] = 1.0
    return x @ onehot


@dataclass(frozen=True)
class GroupDifference:
    """One group's signed difference: positive means it favours vendor ``a``."""

    group: int
    difference: float


def why_a_beats_b(contrib_by_group, a: int, b: int, top: int = 3,
                  higher_is_better: bool = True) -> list[GroupDifference]:
    """The groups where vendors ``a`` and ``b`` differ most, signed.

    ``difference = contrib[a, g] - contrib[b, g]`` (negated when
    ``higher_is_better=False``, e.g. for distances to the TOPSIS ideal, so a
    positive difference always favours ``a``). Groups are sorted by
    ``|difference|`` (ties by group index); groups with no difference are left
    out, so fewer than ``top`` may be returned.

    Parameters
    ----------
    contrib_by_group : array-like (n, G)
        E.g. ``group_sum(weighted_sum_contributions(...), groups)``.
    a, b : int
        Vendor row indices.
    top : int
        How many groups to return at most.
    higher_is_better : bool
        Orientation of the contributions.

    Returns
    -------
    list of GroupDifference

    >>> c = [[0.30, 0.10, 0.20], [0.10, 0.25, 0.20]]
    >>> [(d.group, round(d.difference, 2)) for d in why_a_beats_b(c, 0, 1)]
    [(0, 0.2), (1, -0.15)]
    """
    c = as_real_array(contrib_by_group, Phrase("contrib_by_group"))
    if c.ndim != 2:
        raise MCDAError(code="err.explain.contrib_shape", shape=str(c.shape))
    n = c.shape[0]
    for name, idx in (("a", a), ("b", b)):
        if not isinstance(idx, (int, np.integer)) or not 0 <= idx < n:
            raise MCDAError(code="err.explain.vendor_index", name=name, last=n - 1, found=repr(idx)[:80])
    if not isinstance(top, (int, np.integer)) or top < 1:
        raise MCDAError(code="err.explain.top", found=repr(top)[:80])
    diff = c[a] - c[b]
    if not higher_is_better:
        diff = -diff
    order = np.lexsort((np.arange(diff.size), -np.abs(diff)))
    return [GroupDifference(int(g), float(diff[g])) for g in order[:top] if diff[g] != 0]
