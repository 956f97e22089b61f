"""The λmax-optimal completion of an incomplete pairwise comparison matrix (array level, no validation).

The missing entries ``x`` (in log coordinates) minimise the principal eigenvalue of the completed
matrix; λmax is log-convex in them, so Newton's method with the analytic gradient and Hessian of
λmax converges to the unique optimum (Bozóki, Fülöp & Rónyai 2010, "On optimal completion of
incomplete pairwise comparison matrices", Mathematical and Computer Modelling 52, 318-333; see
``docs/methods.md#incomplete``). Callers check the matrix (:func:`mcda.ahp.matrix.check_matrix`)
and its connectivity first; :func:`mcda.ahp.incomplete.complete` is the checked entry point.
"""
from __future__ import annotations

import numpy as np

from mcda.ahp.eigen import perron_pair
from mcda.ahp.matrix import judged_mask

__all__ = ["llsm_log_weights", "normalise_log", "complete_llsm", "complete_lambda_max"]


def llsm_log_weights(a: np.ndarray) -> np.ndarray:
    """LLSM log-weights ``y = ln w`` (mean zero) of a validated, connected matrix.

    Minimises ``sum over judged (i, j) of (ln a_ij - y_i + y_j)**2``.  The normal
    equations are the Laplacian system ``L y = r`` with ``L`` the Laplacian of the
    comparison graph and ``r_i = sum_{j in N(i)} ln a_ij`` (Bozóki, Fülöp & Rónyai
    2010, section on LLSM); ``L`` is singular (``L 1 = 0``) but, the graph being
    connected, ``(L + 1 1^T) y = r`` has the unique solution with ``sum y = 0``.
    For a complete matrix ``L + 1 1^T = n I`` and ``y_i = mean_j ln a_ij``: the row
    geometric mean (Crawford & Williams 1985).

    >>> a = np.array([[1, 2, np.nan], [0.5, 1, 2], [np.nan, 0.5, 1]])
    >>> np.exp(llsm_log_weights(a) - llsm_log_weights(a)[2]).round(12)
    array([4., 2., 1.])
    """
    if not np.isnan(a).any():
        return np.log(a).mean(axis=1)
    m = judged_mask(a)
    lap = np.diag(m.sum(axis=1).astype(float)) - m
    r = np.where(m, np.log(np.where(m, a, 1.0)), 0.0).sum(axis=1)
    return np.linalg.solve(lap + 1.0, r)


def normalise_log(y: np.ndarray) -> np.ndarray:
    """Weights from log-weights (last axis), summing to 1, computed without overflow."""
    w = np.exp(y - y.max(axis=-1, keepdims=True))
    return w / w.sum(axis=-1, keepdims=True)


def complete_llsm(a: np.ndarray) -> np.ndarray:
    """The LLSM completion: each missing ``a_ij`` set to ``w_i / w_j`` of the LLSM weights."""
    y = llsm_log_weights(a)
    full = np.exp(y[:, None] - y[None, :])
    return np.where(np.isnan(a), full, a)


def complete_lambda_max(a: np.ndarray, tol: float = 1e-12, max_iter: int = 100) -> np.ndarray:
    """``lambda_max``-minimal completion by Newton's method in log coordinates.

    ``lambda_max`` is a convex function of the logarithms ``x`` of the missing
    entries (Bozóki, Fülöp & Rónyai 2010), strictly convex when the
    comparison graph is connected.  We start from the LLSM completion and take
    Newton steps with the analytic gradient ``g_p = v_i a_ij u_j - v_j a_ji u_i``
    (Harker 1987) and the analytic Hessian of a simple eigenvalue

    ``H_pq = delta_pq (v_i a_ij u_j + v_j a_ji u_i) + h_p^T S g_q + h_q^T S g_p``

    where ``g_q = E_q u``, ``h_p = E_p^T v``, ``E_p = dA/dx_p`` and
    ``S = (lambda I - A + u v^T)^-1 - u v^T`` is the group inverse of
    ``lambda I - A`` (second-order perturbation of a simple eigenvalue, derived
    here in reduced-resolvent form and checked against finite differences).
    Backtracking on ``lambda_max`` keeps the steps descending; iteration stops when
    the largest gradient component is at most ``tol`` or no decrease is measurable.
    """
    mi, mj = np.nonzero(np.triu(np.isnan(a), 1))
    b = complete_llsm(a)
    if mi.size == 0:
        return b
    x = np.log(b[mi, mj])

    def evaluate(xv):
        c = b.copy()
        c[mi, mj] = np.exp(xv)
        c[mj, mi] = np.exp(-xv)
        lam, u, v = perron_pair(c)
        g = v[mi] * c[mi, mj] * u[mj] - v[mj] * c[mj, mi] * u[mi]
        return c, lam, u, v, g

    c, lam, u, v, g = evaluate(x)
    eps = np.finfo(float).eps
    for _ in range(max_iter):
        gmax = np.abs(g).max()
        if gmax <= tol:
            break
        step = _newton_step(_lambda_max_hessian(c, lam, u, v, mi, mj), g)
        slope = g @ step
        t_len, accepted = 1.0, False
        for _ in range(60):
            c2, lam2, u2, v2, g2 = evaluate(x + t_len * step)
            if lam2 <= lam + 1e-4 * t_len * slope or (
                    abs(lam2 - lam) <= 64 * eps * lam and np.abs(g2).max() < gmax):
                accepted = True
                break
            t_len *= 0.5
        if not accepted:  # no further decrease is measurable: converged to rounding
            break
        x = x + t_len * step
        c, lam, u, v, g = c2, lam2, u2, v2, g2
    return c


def _lambda_max_hessian(c: np.ndarray, lam: float, u: np.ndarray, v: np.ndarray,
                        mi: np.ndarray, mj: np.ndarray) -> np.ndarray:
    """Hessian of ``lambda_max`` in the log-coordinates ``x_p = ln c[mi[p], mj[p]]`` (formula above)."""
    n, m = c.shape[0], mi.size
    rows = np.arange(m)
    p, q = c[mi, mj], c[mj, mi]
    gq = np.zeros((m, n))
    gq[rows, mi] = p * u[mj]
    gq[rows, mj] = -q * u[mi]
    hp = np.zeros((m, n))
    hp[rows, mj] = v[mi] * p
    hp[rows, mi] = -v[mj] * q
    uv = np.outer(u, v)
    s = np.linalg.inv(lam * np.eye(n) - c + uv) - uv
    t = hp @ s @ gq.T
    hess = t + t.T
    hess[rows, rows] += v[mi] * p * u[mj] + v[mj] * q * u[mi]
    return hess


def _newton_step(hess: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Solve ``(H + mu I) d = -g`` with the smallest ``mu >= 0`` that makes ``H + mu I`` positive definite."""
    m = g.size
    mu = 0.0
    scale = max(np.abs(hess).max(), 1e-300)
    for _ in range(40):
        try:
            chol = np.linalg.cholesky(hess + mu * np.eye(m))
            z = np.linalg.solve(chol, -g)
            return np.linalg.solve(chol.T, z)
        except np.linalg.LinAlgError:
            mu = max(10.0 * mu, 1e-12 * scale)
    return -g / scale  # pragma: no cover - a gradient step if the Hessian is hopeless
