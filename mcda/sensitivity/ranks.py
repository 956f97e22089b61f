"""Rank counting for many samples at once, with one tie policy.

Input: ordering keys ``K`` of shape (n, c) -- vendor ``i``'s key in sample
``s`` is ``K[i, s]``, higher is better (:mod:`mcda.sensitivity.kernel`).

Tie policy (fractional): vendors with *exactly* equal keys in a sample form
a group occupying ranks ``r .. r + g - 1``; each of them receives ``1/g`` of
each of those ranks. So every sample adds exactly 1 to each vendor (row) and
1 to each rank (column): acceptability rows and columns sum to 1, and
duplicate vendors share their ranks evenly. (Competition ranking, as
:func:`mcda.methods.rank`, would give both duplicates rank 1 and leave rank 2
empty.) With continuous weight distributions ties among distinct vendors have
probability 0; duplicates tie exactly because the kernel scores identical
normalised rows once.

Fast path, no Python loop over samples or vendors: for ``n <= 24`` the
number of strictly better vendors ``g_i = sum_j [K_j > K_i]`` by one
broadcast comparison (n x n x c booleans); beyond, one ``argsort`` per chunk.
A sample has a tie iff ``sum_i g_i < n (n - 1) / 2``; only those samples take
the (vectorised) fractional route. Counts are accumulated with ``bincount``.
"""
from __future__ import annotations

import numpy as np

__all__ = ["RankCounter", "first_shares"]

_COMPARE_MAX_N = 24


class RankCounter:
    """Accumulates rank counts and first-rank shares over chunks of samples."""

    def __init__(self, n: int):
        self.n = n
        self.whole = np.zeros(n * n, dtype=np.int64)  # vendor * n + rank, tie-free samples
        self.frac = np.zeros(n * (n + 1))  # difference array (vendor, rank) for tie samples
        self.samples = 0
        self._vid = (np.arange(n) * n)[:, None]

    def add(self, K: np.ndarray, first: bool = True) -> np.ndarray | None:
        """Count one chunk of keys (n, c); return the first-rank shares F (n, c) (None if not
        ``first``)."""
        n, c = K.shape
        self.samples += c
        if n == 1:
            self.whole[0] += c
            return np.ones((1, c)) if first else None
        if n <= _COMPARE_MAX_N:
            g = (K[None, :, :] > K[:, None, :]).sum(axis=1, dtype=np.int8)  # (n, c)
            tie = g.sum(axis=0, dtype=np.int16) != n * (n - 1) // 2
            F = (g == 0).astype(float) if first else None
            if not tie.any():
                self.whole += np.bincount((self._vid + g).ravel(), minlength=n * n)
                return F
            ok = ~tie
            self.whole += np.bincount((self._vid + g[:, ok]).ravel(), minlength=n * n)
        else:
            KT = K.T
            order = np.argsort(-KT, axis=1)  # (c, n): vendor at each rank
            v = np.take_along_axis(KT, order, axis=1)
            tie = np.any(v[:, 1:] == v[:, :-1], axis=1)
            ok = ~tie
            ranks = np.broadcast_to(np.arange(n), (int(ok.sum()), n))
            self.whole += np.bincount((order[ok] * n + ranks).ravel(), minlength=n * n)
            F = None
            if first:
                F = np.zeros((n, c))
                F[order[:, 0], np.arange(c)] = 1.0
            if not tie.any():
                return F
        Ft = self._fractional(K[:, tie].T)
        if F is not None:
            F[:, tie] = Ft.T
        return F

    def _fractional(self, KT: np.ndarray) -> np.ndarray:
        """Tie samples (t, n): spread each tie group evenly over its ranks; return F (t, n)."""
        t, n = KT.shape
        order = np.argsort(-KT, axis=1, kind="stable")
        v = np.take_along_axis(KT, order, axis=1)
        pos = np.arange(n)
        start = np.ones((t, n), dtype=bool)
        start[:, 1:] = v[:, 1:] != v[:, :-1]
        end = np.ones((t, n), dtype=bool)
        end[:, :-1] = start[:, 1:]
        first = np.maximum.accumulate(np.where(start, pos, 0), axis=1)
        last = np.minimum.accumulate(np.where(end, pos, n)[:, ::-1], axis=1)[:, ::-1]
        share = 1.0 / (last - first + 1)
        size = n * (n + 1)
        row = order * (n + 1)
        self.frac += np.bincount((row + first).ravel(), weights=share.ravel(), minlength=size)
        self.frac -= np.bincount((row + last + 1).ravel(), weights=share.ravel(), minlength=size)
        F = np.zeros((t, n))
        np.put_along_axis(F, order, np.where(first == 0, share, 0.0), axis=1)
        return F

    def counts(self) -> np.ndarray:
        """(n, n) counts: row = vendor, column = rank (fractional for ties)."""
        n = self.n
        frac = np.cumsum(self.frac.reshape(n, n + 1), axis=1)[:, :n]
        return self.whole.reshape(n, n) + frac


def first_shares(K: np.ndarray) -> np.ndarray:
    """First-rank shares (n, c) of keys (n, c), ties split evenly (the policy above), in
    ``O(n c)`` memory (no rank table).

    >>> first_shares(np.array([[1.0, 2.0], [1.0, 0.0]]))
    array([[0.5, 1. ],
           [0.5, 0. ]])
    """
    top = K == K.max(axis=0)
    return top / top.sum(axis=0)
