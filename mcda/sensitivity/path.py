"""Scores along a one-way weight path and the exact points where two vendors tie.

Along the proportional-rescaling path ``w(t) = t e_k + (1 - t) u``
(:mod:`mcda.sensitivity.whatif`), with ``R`` the normalised matrix:

* weighted sum: ``s_i(t) = a_i + (b_i - a_i) t`` with ``a = R u`` and
  ``b = R[:, k]``: two vendors tie at the single point
  ``t = A / (A - B)``, ``A = a_i - a_j``, ``B = b_i - b_j`` (closed form;
  the renormalised form of Triantaphyllou & Sanchez 1997, eq. for ``delta``).
* TOPSIS (Hwang & Yoon 1981): the squared distances are
  ``S+_i^2(t) = t^2 P_i + (1 - t)^2 Q_i`` and ``S-_i^2(t) = t^2 p_i + (1 - t)^2 q_i``,
  with ``P = A+[:, k]``, ``Q = A+ (u*u)``, ``p``, ``q`` likewise from ``A-``
  (:mod:`mcda.sensitivity.kernel`), because ``e_k`` and ``u`` have disjoint supports.
  ``C_i = C_j`` iff ``S-_i S+_j = S-_j S+_i``; squaring (all terms >= 0) and
  dividing by ``(1 - t)^4`` gives a quadratic in ``y = (t / (1 - t))^2``:
  ``c2 y^2 + c1 y + c0 = 0`` (derived; tested against a fine grid), so a pair
  ties at most twice in ``(0, 1)``. Candidate roots from this closed form and
  from a vectorised grid scan (``scan_points`` values of ``t``) are bracketed
  and refined by vectorised bracketed false position (Illinois) on
  ``C_i(t) - C_j(t)`` to a few ulps of ``t`` (score difference far below 1e-9).

A *crossover* is a ``t`` in [0, 1] where two vendors' scores are equal and
their order differs on the two sides; at ``t = 0`` or ``t = 1`` a tie with a
strict order inside the interval is also reported. A pair that touches
without changing order, or that ties along the whole path, has no crossover.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mcda.methods.ranking import DEFAULT_TIE_TOL
from mcda.sensitivity.kernel import ScoreModel
from mcda.sensitivity.limits import PAIR_SCAN_BYTES, all_pairs, pair_chunks
from mcda.sensitivity.whatif import others_direction

__all__ = ["Crossover", "OneWayPath", "one_way_path", "SCAN_POINTS", "tie_tolerance"]

#: default number of grid values of t scanned for sign changes (TOPSIS)
SCAN_POINTS = 2001

_MAX_STEPS = 200


def tie_tolerance(scores) -> float:
    """Absolute tolerance under which two scores count as a tie: ``TIE_TOL * max(1, max |s|)``.

    :data:`mcda.methods.ranking.DEFAULT_TIE_TOL` is the one relative tie tolerance of the
    package: :func:`mcda.methods.rank` groups consecutive scores within it, and the
    sensitivity kernels treat scores within it as tied.

    >>> tie_tolerance([0.5, 2.0]) == 2.0 * DEFAULT_TIE_TOL
    True
    """
    s = np.asarray(scores, dtype=float)
    return DEFAULT_TIE_TOL * max(1.0, float(np.max(np.abs(s))) if s.size else 1.0)


@dataclass(frozen=True)
class Crossover:
    """Two vendors tie at weight ``t`` of the path's criterion.

    Attributes
    ----------
    t : float
        Weight of the criterion (others rescaled) at the tie.
    score : float
        The common score there.
    pair : (int, int)
        The two vendors, lower index first.
    ahead_below, ahead_above : int or None
        The vendor of the pair ahead just below / just above ``t`` (None at
        ``t = 0`` / ``t = 1`` respectively).
    """

    t: float
    score: float
    pair: tuple[int, int]
    ahead_below: int | None
    ahead_above: int | None


@dataclass(frozen=True, eq=False)
class OneWayPath:
    """The one-way path of criterion ``k`` for a prepared problem (see module notes)."""

    model: ScoreModel
    k: int
    weights: np.ndarray
    u: np.ndarray
    coef: tuple  # wsm: (a, b); topsis: (P, Q, p, q)

    @property
    def base_weight(self) -> float:
        return float(self.weights[self.k])

    def scores(self, t) -> np.ndarray:
        """Scores of every vendor at each ``t``: (T,) -> (T, n)."""
        t = np.asarray(t, dtype=float).reshape(-1, 1)
        if self.model.method == "wsm":
            a, b = self.coef
            return a + (b - a) * t
        return _closeness(t, *self.coef)

    def pair_difference(self, t, i, j) -> np.ndarray:
        """``s_i(t) - s_j(t)`` elementwise for arrays ``t``, ``i``, ``j`` (broadcast)."""
        t = np.asarray(t, dtype=float)
        if self.model.method == "wsm":
            a, b = self.coef
            return (a[i] - a[j]) + ((b[i] - a[i]) - (b[j] - a[j])) * t
        P, Q, p, q = self.coef
        return _closeness(t, P[i], Q[i], p[i], q[i]) - _closeness(t, P[j], Q[j], p[j], q[j])

    def crossovers(self, scan_points: int = SCAN_POINTS, pairs=None) -> list[Crossover]:
        """Every crossover of every pair of vendors on [0, 1], sorted by ``t``.

        ``pairs`` ``(ii, jj)`` limits the search to those pairs (default: every pair); pairs are
        scanned in chunks within :data:`mcda.sensitivity.limits.PAIR_SCAN_BYTES`."""
        n = self.model.n
        if n < 2:
            return []
        ii, jj = all_pairs(n) if pairs is None else (np.asarray(pairs[0]), np.asarray(pairs[1]))
        base = self.scores([self.base_weight])[0]
        tol = tie_tolerance(base)
        out: list[Crossover] = []
        G = max(int(scan_points), 3)
        # every vendor's closeness on the grid once, when it fits the budget (else per chunk)
        grid = None
        if self.model.method == "topsis" and G * n * 8 <= PAIR_SCAN_BYTES:
            grid = self.scores(np.linspace(0.0, 1.0, G))
        for part in pair_chunks(ii.size, 1 if self.model.method == "wsm" else G):
            if self.model.method == "wsm":
                out.extend(self._wsm_crossovers(ii[part], jj[part], tol))
            else:
                out.extend(self._topsis_crossovers(ii[part], jj[part], tol, G, grid))
        out.sort(key=lambda c: (c.t, c.pair))
        return out

    # ---------------------------------------------------------------- wsm
    def _wsm_crossovers(self, ii, jj, tol) -> list[Crossover]:
        a, b = self.coef
        A = a[ii] - a[jj]
        B = b[ii] - b[jj]
        zA, zB = np.abs(A) <= tol, np.abs(B) <= tol
        out = []
        inner = ~zA & ~zB & (np.sign(A) != np.sign(B))
        t = np.zeros_like(A)
        t[inner] = A[inner] / (A[inner] - B[inner])
        for p in np.flatnonzero(inner):
            i, j = int(ii[p]), int(jj[p])
            hi, lo = (i, j) if A[p] > 0 else (j, i)
            tp = float(min(max(t[p], 0.0), 1.0))
            out.append(Crossover(tp, float(a[i] + (b[i] - a[i]) * tp), (i, j), hi, lo))
        for p in np.flatnonzero(zA & ~zB):
            i, j = int(ii[p]), int(jj[p])
            out.append(Crossover(0.0, float(a[i]), (i, j), None, i if B[p] > 0 else j))
        for p in np.flatnonzero(zB & ~zA):
            i, j = int(ii[p]), int(jj[p])
            out.append(Crossover(1.0, float(b[i]), (i, j), i if A[p] > 0 else j, None))
        return out

    # ------------------------------------------------------------- topsis
    def _topsis_crossovers(self, ii, jj, tol, scan_points, grid=None) -> list[Crossover]:
        P, Q, p, q = self.coef
        # closed-form candidates: roots of c2 y^2 + c1 y + c0, y = (t / (1 - t))^2
        c2 = p[ii] * P[jj] - p[jj] * P[ii]
        c1 = p[ii] * Q[jj] + q[ii] * P[jj] - p[jj] * Q[ii] - q[jj] * P[ii]
        c0 = q[ii] * Q[jj] - q[jj] * Q[ii]
        y1, y2 = _quadratic_roots(c2, c1, c0)
        cand_pair, cand_t = [], []
        for y in (y1, y2):
            ok = np.isfinite(y) & (y > 0)
            x = np.sqrt(y[ok])
            cand_pair.append(np.flatnonzero(ok))
            cand_t.append(x / (1.0 + x))
        # grid scan: sign changes of C_i - C_j
        G = max(int(scan_points), 3)
        tg = np.linspace(0.0, 1.0, G)
        if grid is not None:
            CI, CJ = grid[:, ii], grid[:, jj]
        else:  # only the vendors of this chunk's pairs
            CI = _closeness(tg[:, None], P[ii], Q[ii], p[ii], q[ii])
            CJ = _closeness(tg[:, None], P[jj], Q[jj], p[jj], q[jj])
        D = CI - CJ  # (G, npair)
        pos, neg = D > tol, D < -tol
        cell_g, cell_p = np.nonzero((pos[:-1] & neg[1:]) | (neg[:-1] & pos[1:]))
        cand_pair = np.concatenate(cand_pair)
        cand_t = np.concatenate(cand_t)
        # brackets around closed-form roots: +/- half a grid cell, split between two roots
        h = 0.5 / (G - 1)
        lo = np.clip(cand_t - h, 0.0, 1.0)
        hi = np.clip(cand_t + h, 0.0, 1.0)
        if cand_t.size:
            order = np.lexsort((cand_t, cand_pair))
            cp, ct = cand_pair[order], cand_t[order]
            same = cp[1:] == cp[:-1]
            mid = 0.5 * (ct[1:] + ct[:-1])
            lo_o, hi_o = lo[order], hi[order]
            hi_o[:-1] = np.where(same, np.minimum(hi_o[:-1], mid), hi_o[:-1])
            lo_o[1:] = np.where(same, np.maximum(lo_o[1:], mid), lo_o[1:])
            cand_pair, lo, hi = cp, lo_o, hi_o
        # plus every grid cell with a sign change (safety net; duplicates removed below)
        b_pair = np.concatenate([cand_pair, cell_p])
        b_lo = np.concatenate([lo, tg[cell_g]])
        b_hi = np.concatenate([hi, tg[cell_g + 1]])
        bi, bj = ii[b_pair], jj[b_pair]
        d_lo = self.pair_difference(b_lo, bi, bj)
        d_hi = self.pair_difference(b_hi, bi, bj)
        change = (d_lo * d_hi < 0) & (np.abs(d_lo) > 0) & (np.abs(d_hi) > 0)
        roots = _refine(self.pair_difference, b_lo[change], b_hi[change], d_lo[change],
                        bi[change], bj[change])
        out: list[Crossover] = []
        seen: dict[int, list[float]] = {}
        P_r, Q_r, p_r, q_r = (x[bi[change]] for x in self.coef)
        at_root = _closeness(roots, P_r, Q_r, p_r, q_r)
        for pp, r, dl, s in zip(b_pair[change].tolist(), roots.tolist(), d_lo[change].tolist(),
                                at_root.tolist(), strict=False):
            if any(abs(r - x) <= 1e-12 for x in seen.get(pp, ())):
                continue  # the same root found from the closed form and the grid
            seen.setdefault(pp, []).append(r)
            i, j = int(ii[pp]), int(jj[pp])
            below, above = (i, j) if dl > 0 else (j, i)
            out.append(Crossover(r, s, (i, j), below, above))
        # ties at the ends with a strict order inside
        nonzero = pos | neg
        moving = nonzero.any(axis=0)
        for end, row in ((0.0, 0), (1.0, G - 1)):
            for pp in np.flatnonzero(~nonzero[row] & moving):
                nz = np.flatnonzero(nonzero[:, pp])
                k = nz[0] if end == 0.0 else nz[-1]
                i, j = int(ii[pp]), int(jj[pp])
                lead = i if pos[k, pp] else j
                s = float(CI[row, pp])
                out.append(Crossover(end, s, (i, j), None if end == 0.0 else lead,
                                     lead if end == 0.0 else None))
        return out


def _closeness(t, P, Q, p, q):
    """TOPSIS closeness along the path; 1 where both distances vanish (degenerate)."""
    s = 1.0 - t
    dp = np.sqrt(t * t * P + s * s * Q)
    dm = np.sqrt(t * t * p + s * s * q)
    total = dp + dm
    with np.errstate(invalid="ignore", divide="ignore"):
        c = dm / total
    return np.where(total > 0, c, 1.0)


def _quadratic_roots(a, b, c):
    """Real roots of ``a y^2 + b y + c`` (NaN where absent), numerically stable form."""
    with np.errstate(invalid="ignore", divide="ignore"):
        disc = b * b - 4 * a * c
        sq = np.sqrt(np.where(disc >= 0, disc, np.nan))
        qq = -0.5 * (b + np.where(b >= 0, sq, -sq))
        r1 = np.where(a != 0, qq / a, np.where(b != 0, -c / b, np.nan))
        r2 = np.where((a != 0) & (qq != 0), c / qq, np.nan)
    return r1, r2


def _refine(f, lo, hi, flo, i, j):
    """Vectorised bracketed root refinement of ``f(t, i, j)`` (Illinois false position).

    Each bracket ``[lo, hi]`` has a sign change; the Illinois modification of
    regula falsi (Dowell & Jarratt 1971) keeps a sign change in every step
    and converges superlinearly. Stops when every bracket is within a few ulps
    or has hit an exact zero; returns, per bracket, the end with smaller ``|f|``.
    """
    a, b = lo.copy(), hi.copy()
    fa, fb = flo.copy(), f(b, i, j)
    for _ in range(_MAX_STEPS):
        width = np.abs(b - a)
        done = (width <= 4 * np.finfo(float).eps * np.maximum(np.abs(b), 1e-300)) | (fb == 0)
        if done.all():
            break
        with np.errstate(invalid="ignore", divide="ignore"):
            x = b - fb * (b - a) / (fb - fa)
        inside = (x - np.minimum(a, b)) * (np.maximum(a, b) - x) > 0
        x = np.where(inside, x, 0.5 * (a + b))
        x = np.where(done, b, x)
        fx = f(x, i, j)
        flip = (fx * fb < 0) & ~done
        keep = ~flip & ~done
        a, fa = np.where(flip, b, a), np.where(flip, fb, np.where(keep, 0.5 * fa, fa))
        b, fb = np.where(done, b, x), np.where(done, fb, fx)
    return np.where(np.abs(fa) < np.abs(fb), a, b)


def one_way_path(model: ScoreModel, weights, k) -> OneWayPath:
    """Prepare the path of criterion ``k`` from validated ``weights`` (sum 1)."""
    w = np.asarray(weights, dtype=float)
    u = others_direction(w, k)
    if model.method == "wsm":
        R = model.normalized
        coef = (R @ u, R[:, k].copy())
    else:
        u2 = u * u
        coef = (model.to_ideal[:, k].copy(), model.to_ideal @ u2,
                model.to_anti[:, k].copy(), model.to_anti @ u2)
    return OneWayPath(model, int(k), w, u, coef)
