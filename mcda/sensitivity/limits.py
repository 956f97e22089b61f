"""Size limits and memory budgets of the sensitivity kernels, in one place.

Every sensitivity result is bounded in memory by these numbers, whatever the
number of vendors ``n``, criteria ``m`` and samples ``S``:

* Pair scans (exact crossovers along a weight path) evaluate ``points x pairs``
  values; the pair dimension is cut into chunks of at most :data:`PAIR_SCAN_BYTES`.
  Stability intervals only scan the pairs that can end them (the leader against
  every other vendor; for the whole ranking, the pairs adjacent in rank near the
  current weight), so they cost ``O(points x n)``; listing *every* crossover of
  every pair (a sweep) costs ``O(points x n^2)`` time but still bounded memory.
* SMAA draws weights chunk by chunk (:data:`mcda.sensitivity.smaa.CHUNK_BYTES`),
  ``O(chunk x (n + m))`` memory; the rank-acceptability table itself is ``n x n``,
  so it is refused beyond :data:`MAX_VENDORS_ACCEPTABILITY` vendors (shortlist
  the vendors first; stability intervals and critical criteria work for more).
* Rank reversal (remove a vendor, add a copy) re-ranks once per vendor tried:
  beyond :data:`MAX_VENDORS_REVERSAL` vendors only the :data:`REVERSAL_TOP`
  best vendors of each method are tried.
"""
from __future__ import annotations

import numpy as np

from mcda.errors import MCDAError

__all__ = ["check_vendor_count", "MAX_VENDORS_ACCEPTABILITY", "PAIR_SCAN_BYTES", "MAX_VENDORS_REVERSAL", "REVERSAL_TOP",
           "pair_chunks", "adjacent_pairs", "leader_pairs", "all_pairs"]

#: largest number of vendors for a rank-acceptability table (n x n shares, 32 MB at 2,000)
MAX_VENDORS_ACCEPTABILITY = 2000
#: memory budget of one chunk of a pair scan (grid points x pairs x a few float64 temporaries)
PAIR_SCAN_BYTES = 32 * 1024 * 1024
#: beyond this many vendors, rank reversal tries only the best :data:`REVERSAL_TOP` of each method
MAX_VENDORS_REVERSAL = 200
#: vendors tried by the rank-reversal check beyond :data:`MAX_VENDORS_REVERSAL`
REVERSAL_TOP = 10

_TEMPORARIES = 6  # float64 arrays of (points, pairs) alive at once in a scan


def pair_chunks(n_pairs: int, points: int):
    """Slices of the pair dimension so that ``points x chunk`` stays within :data:`PAIR_SCAN_BYTES`.

    >>> [(s.start, s.stop) for s in pair_chunks(5, 2001)]
    [(0, 5)]
    """
    size = max(1, PAIR_SCAN_BYTES // (8 * _TEMPORARIES * max(int(points), 1)))
    for s in range(0, n_pairs, size):
        yield slice(s, min(s + size, n_pairs))


def all_pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Every pair ``i < j`` (``n (n - 1) / 2`` of them)."""
    return np.triu_indices(n, 1)


def _ordered(i: np.ndarray, j: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    keep = lo != hi
    code = np.unique(lo[keep].astype(np.int64) * n + hi[keep])
    return code // n, code % n


def leader_pairs(leaders, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Every pair with at least one of ``leaders`` (lower index first, no duplicates).

    >>> [p.tolist() for p in leader_pairs([1], 3)]
    [[0, 1], [1, 2]]
    """
    lead = np.asarray(sorted({int(x) for x in leaders}), dtype=np.int64)
    i = np.repeat(lead, n)
    j = np.tile(np.arange(n), lead.size)
    return _ordered(i, j, n)


def adjacent_pairs(score_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs adjacent in rank in any row of ``score_rows`` (T, n) (lower index first, no duplicates).

    The first change of order when a weight moves away from ``t0`` is a swap of two
    vendors adjacent in rank just past ``t0`` (kinetic argument: the order is constant
    until then, and a vendor between the two would tie with them there too), so the
    rows at ``t0`` and just beside it hold every pair that can end a ranking interval.

    >>> [p.tolist() for p in adjacent_pairs(np.array([[0.1, 0.3, 0.2]]))]
    [[0, 1], [2, 2]]
    """
    S = np.atleast_2d(np.asarray(score_rows, dtype=float))
    n = S.shape[1]
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order = np.argsort(-S, axis=1, kind="stable")
    return _ordered(order[:, :-1].ravel(), order[:, 1:].ravel(), n)


def check_vendor_count(n: int) -> None:
    """Refuse a rank-acceptability table beyond :data:`MAX_VENDORS_ACCEPTABILITY` vendors, up front."""
    if n > MAX_VENDORS_ACCEPTABILITY:
        raise MCDAError(code="err.smaa.too_many_vendors", n=n, limit=MAX_VENDORS_ACCEPTABILITY)
