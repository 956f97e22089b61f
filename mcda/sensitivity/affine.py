"""Scores along any affine weight path ``w(t) = c + t d``, ``t`` in [0, 1], and exact ties.

A criteria *hierarchy* moves its leaf weights along such paths: setting a
node's local weight to ``t`` and rescaling its siblings proportionally
(``w'_l = w_l (1 - t)/(1 - w_k)``) makes every global leaf weight an affine
function of ``t`` (global weights are products of local weights, and only one
factor on each path changes). :mod:`mcda.sensitivity.path` covers the flat
case ``w(t) = t e_k + (1 - t) u``; this module covers every node of a tree.

* Weighted sum: ``s(t) = R c + t R d`` (affine), so two vendors tie at one
  closed-form point.
* TOPSIS (Hwang & Yoon 1981): with ``A+ = (R - max R)^2`` and
  ``A- = (R - min R)^2`` (:mod:`mcda.sensitivity.kernel`), the squared
  distances are quadratics ``S^2(t) = A c^2 + 2 t A (c d) + t^2 A d^2``.
  ``C_i > C_j`` iff ``S-_i S+_j > S-_j S+_i`` iff (all terms >= 0)
  ``F_ij(t) = S-_i^2 S+_j^2 - S-_j^2 S+_i^2 > 0``: a quartic in ``t`` whose sign
  is exactly the order of the pair (derived). Sign changes of ``F`` on a grid
  of ``scan_points`` values bracket the ties, refined by vectorised bisection
  on ``F`` to machine precision. Two ties of one pair closer together than
  the grid step (the pair swaps and swaps back within 1/2000 of the weight
  range) are not reported; the order on both sides of such a sliver is the same.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mcda.errors import MCDAError
from mcda.normalization import as_real_array
from mcda.sensitivity.kernel import ScoreModel
from mcda.sensitivity.limits import adjacent_pairs, all_pairs, leader_pairs, pair_chunks
from mcda.sensitivity.path import Crossover, tie_tolerance
from mcda.text.errors_kernels import phrase

__all__ = ["AffinePath", "affine_path", "SCAN_POINTS"]

SCAN_POINTS = 2001
_BISECT_STEPS = 60
#: |F| below this share of its largest value on the grid counts as zero (F is a quartic in t)
_ZERO_REL = 1e-12
#: at t = 0 and t = 1, the share under which a pair is tied at the end, not crossing
_END_REL = 1e-9
#: distance from t0 of the two extra orders whose adjacent pairs end a ranking interval
_BESIDE = 1e-7


@dataclass(frozen=True, eq=False)
class AffinePath:
    """Scores of every vendor along ``w(t) = c + t d`` (see the module notes)."""

    model: ScoreModel
    c: np.ndarray
    d: np.ndarray
    coef: tuple  # wsm: (a, b) with s = a + b t; topsis: (plus, minus), each (3, n): t^0, t^1, t^2

    def weights(self, t) -> np.ndarray:
        """The weight vectors at each ``t``: (T,) -> (T, m)."""
        t = np.asarray(t, dtype=float).reshape(-1, 1)
        return self.c + t * self.d

    def scores(self, t) -> np.ndarray:
        """Every vendor's score at each ``t``: (T,) -> (T, n)."""
        t = np.asarray(t, dtype=float).reshape(-1, 1)
        if self.model.method == "wsm":
            a, b = self.coef
            return a + t * b
        sp, sm = (np.sqrt(np.clip(_quad(q, t), 0, None)) for q in self.coef)
        total = sp + sm
        with np.errstate(invalid="ignore", divide="ignore"):
            out = sm / total
        out[total == 0] = 1.0
        return out

    def _order_function(self, t: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """A function of ``t`` with the sign of ``score_i - score_j`` (broadcast over t, i, j)."""
        if self.model.method == "wsm":
            a, b = self.coef
            return (a[i] - a[j]) + t * (b[i] - b[j])
        plus, minus = self.coef
        p_i, p_j = _quad(plus[:, i], t), _quad(plus[:, j], t)
        m_i, m_j = _quad(minus[:, i], t), _quad(minus[:, j], t)
        return m_i * p_j - m_j * p_i

    def crossovers(self, scan_points: int = SCAN_POINTS, pairs=None) -> list[Crossover]:
        """Every point in [0, 1] where two vendors swap order, sorted by ``t``.

        ``pairs`` ``(ii, jj)`` limits the scan to those pairs (default: every pair); the pair
        dimension is scanned in chunks within :data:`mcda.sensitivity.limits.PAIR_SCAN_BYTES`."""
        n = self.model.n
        if n < 2:
            return []
        ii, jj = all_pairs(n) if pairs is None else (np.asarray(pairs[0]), np.asarray(pairs[1]))
        grid = np.linspace(0.0, 1.0, max(int(scan_points), 2))[:, None]
        out: list[Crossover] = []
        for part in pair_chunks(ii.size, grid.shape[0]):
            out.extend(self._scan(grid, ii[part], jj[part]))
        out.sort(key=lambda x: (x.t, x.pair))
        return out

    def _scan(self, grid: np.ndarray, ii: np.ndarray, jj: np.ndarray) -> list[Crossover]:
        f = self._order_function(grid, ii, jj)  # (T, pairs of this chunk)
        scale = np.abs(f).max(axis=0)
        unit = np.where(scale > 0, scale, 1.0)
        sign = np.where(np.abs(f) <= _ZERO_REL * unit, 0, np.sign(f)).astype(np.int8)
        # a tie exactly at t = 0 or t = 1 (e.g. equal values on the only weighted criterion) is an
        # end tie, not a crossing: rounding must not turn it into a swap in the last grid cell
        for end in (0, -1):
            sign[end, np.abs(f[end]) <= _END_REL * unit] = 0
        del f
        # bracket every sign change between consecutive nonzero grid signs (zeros are touches)
        T = sign.shape[0]
        rows = np.arange(T, dtype=np.int32)[:, None]
        last_nz = np.maximum.accumulate(np.where(sign != 0, rows, -1), axis=0)  # (T, pairs)
        prev = np.vstack([np.full((1, sign.shape[1]), -1, dtype=last_nz.dtype), last_nz[:-1]])
        prev_sign = np.take_along_axis(sign, np.maximum(prev, 0), axis=0)
        hit_t, hit_p = np.nonzero((sign != 0) & (prev >= 0) & (prev_sign != sign))
        if hit_t.size == 0:
            return []
        lo_idx = prev[hit_t, hit_p]
        s_lo = sign[lo_idx, hit_p]
        i, j = ii[hit_p], jj[hit_p]
        ts = self._bisect(grid[lo_idx, 0], grid[hit_t, 0], i, j, s_lo)
        at = self.vendor_scores(ts, i)
        below = np.where(s_lo > 0, i, j)
        above = np.where(s_lo > 0, j, i)
        return [Crossover(t, sc, (a, b), lo, hi) for t, sc, a, b, lo, hi in
                zip(ts.tolist(), at.tolist(), i.tolist(), j.tolist(), below.tolist(), above.tolist(), strict=False)]

    def vendor_scores(self, t, i: int) -> np.ndarray:
        """Vendor ``i``'s score at each ``t`` (T,)."""
        t = np.asarray(t, dtype=float)
        if self.model.method == "wsm":
            a, b = self.coef
            return a[i] + t * b[i]
        plus, minus = self.coef
        sp = np.sqrt(np.clip(_quad(plus[:, i], t), 0, None))
        sm = np.sqrt(np.clip(_quad(minus[:, i], t), 0, None))
        total = sp + sm
        with np.errstate(invalid="ignore", divide="ignore"):
            out = sm / total
        return np.where(total == 0, 1.0, out)

    def _bisect(self, lo: np.ndarray, hi: np.ndarray, i, j, s_lo: np.ndarray) -> np.ndarray:
        """Vectorised bisection of every bracket at once (``i``, ``j`` per bracket)."""
        lo, hi = lo.copy(), hi.copy()
        for _ in range(_BISECT_STEPS):
            mid = 0.5 * (lo + hi)
            same = np.sign(self._order_function(mid, i, j)) == s_lo
            lo = np.where(same, mid, lo)
            hi = np.where(same, hi, mid)
        return 0.5 * (lo + hi)

    def interval(self, t0: float, kind: str = "winner", scan_points: int = SCAN_POINTS,
                 crossovers: list[Crossover] | None = None):
        """``(low, high, taker_below, taker_above)``: the range of ``t`` around ``t0`` in which
        the leader (``kind="winner"``) or the whole order (``kind="ranking"``) stays;
        ``taker_*`` is the vendor that overtakes past each end (None at 0 or 1).
        Pass ``crossovers`` already computed to avoid scanning the path again."""
        if kind not in ("winner", "ranking"):
            raise MCDAError(code="err.sens.kind_comma", found=repr(kind)[:80])
        base = self.scores([t0])[0]
        tol = tie_tolerance(base)
        leaders = set(np.flatnonzero(base >= base.max() - tol).tolist())
        low, high, below, above = 0.0, 1.0, None, None
        if crossovers is None:  # only the pairs that can end the interval (module limits)
            if kind == "winner":
                pairs = leader_pairs(leaders, self.model.n)
            else:
                pairs = adjacent_pairs(self.scores([max(t0 - _BESIDE, 0.0), t0, min(t0 + _BESIDE, 1.0)]))
            crossovers = self.crossovers(scan_points, pairs)
        for x in crossovers:
            relevant = kind == "ranking" or bool(leaders & set(x.pair))
            if not relevant:
                continue
            if x.t > t0 + 1e-12 and x.t < high:
                high, above = x.t, x.ahead_above
            elif x.t < t0 - 1e-12 and x.t > low:
                low, below = x.t, x.ahead_below
        return low, high, below, above


def _quad(q: np.ndarray, t) -> np.ndarray:
    return q[0] + t * (q[1] + t * q[2])


def affine_path(model: ScoreModel, c, d) -> AffinePath:
    """Prepare the path ``w(t) = c + t d`` (``c``, ``d`` of length m; ``w(t) >= 0`` on [0, 1]).

    >>> from mcda.sensitivity import score_model
    >>> sm = score_model([[1.0, 0.0], [0.0, 1.0]], [1, 1], "wsm", "none")
    >>> path = affine_path(sm, [0.0, 1.0], [1.0, -1.0])   # weight of criterion 1 goes 0 -> 1
    >>> [(round(x.t, 12), x.ahead_below, x.ahead_above) for x in path.crossovers()]
    [(0.5, 1, 0)]
    """
    c = as_real_array(c, phrase("err.what.weights"))
    d = as_real_array(d, phrase("err.what.weights"))
    if c.shape != (model.m,) or d.shape != (model.m,):
        raise MCDAError(code="err.sens.path_shape", m=model.m, c=str(c.shape), d=str(d.shape))
    if not (np.isfinite(c).all() and np.isfinite(d).all()):
        raise MCDAError(code="err.sens.path_finite")
    if (c < -1e-12).any() or (c + d < -1e-12).any():
        raise MCDAError(code="err.sens.path_negative")
    if model.method == "wsm":
        R = model.normalized
        coef = (R @ c, R @ d)
    else:
        cc, cd, dd = c * c, 2 * c * d, d * d
        coef = tuple(np.stack([A @ cc, A @ cd, A @ dd]) for A in (model.to_ideal, model.to_anti))
    return AffinePath(model, c, d, coef)
