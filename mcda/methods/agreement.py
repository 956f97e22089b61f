"""Agreement between the rankings of several methods (pymcdm correlations)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from mcda.errors import MCDAError
from mcda.methods.checks import frozen_array

__all__ = ["Agreement", "agreement"]


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


def _spearman(x: np.ndarray, y: np.ndarray) -> float:
    from pymcdm.correlations import spearman

    sx, sy = np.std(x), np.std(y)
    if sx == 0 or sy == 0:  # undefined: 1 for two identical rankings, 0 otherwise
        return 1.0 if np.array_equal(x, y) else 0.0
    return float(spearman(x, y))


def _ws(x: np.ndarray, y: np.ndarray) -> float:
    from pymcdm.correlations import ws

    if x.size == 1:
        return 1.0
    return float(ws(x, y))


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
        raise MCDAError("rankings must be a non-empty dict {method name: ranks}")
    names = tuple(rankings)
    arrays = []
    n = None
    for name in names:
        try:
            r = np.asarray(rankings[name], dtype=float)
        except (TypeError, ValueError):
            raise MCDAError(f"ranks of {name!r} must be numeric; found {rankings[name]!r}") from None
        if r.ndim != 1 or r.size == 0:
            raise MCDAError(f"ranks of {name!r} must be a non-empty 1-D array; found shape {r.shape}")
        if n is None:
            n = r.size
        elif r.size != n:
            raise MCDAError(f"every ranking must rank the same {n} vendors; {name!r} has {r.size}")
        if not np.all(np.isfinite(r)) or r.min() < 1:
            raise MCDAError(f"ranks of {name!r} must be finite and >= 1; found {r.tolist()}")
        arrays.append(r)
    if reference is not None and reference not in rankings:
        raise MCDAError(f"reference method {reference!r} is not among the rankings {list(names)}")

    k = len(names)
    sp = np.ones((k, k))
    wsm = np.ones((k, k))
    for i in range(k):
        for j in range(k):
            if i != j:
                if j > i:
                    sp[i, j] = sp[j, i] = _spearman(arrays[i], arrays[j])
                wsm[i, j] = _ws(arrays[i], arrays[j])

    winners = {name: tuple(int(v) for v in np.flatnonzero(r == r.min())) for name, r in zip(names, arrays)}
    if reference is not None:
        consensus = winners[reference]
    else:
        counts = Counter(winners.values())
        best = max(counts.values())
        consensus = next(w for w in winners.values() if counts[w] == best)
    dissenters = tuple(name for name in names if winners[name] != consensus)
    return Agreement(names, frozen_array(sp), frozen_array(wsm), winners, consensus, dissenters)
