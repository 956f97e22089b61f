"""The Perron (principal) eigenvalue and eigenvectors of positive matrices.

For a positive matrix the eigenvalue of largest modulus, ``lambda_max``, is
real, simple and has a positive eigenvector (Perron 1907); for a reciprocal
matrix ``lambda_max >= n`` with equality exactly when the matrix is consistent
(Saaty 1977; Saaty 1980).  The functions here take
already validated, complete matrices (see :func:`mcda.ahp.check_matrix`).
"""
from __future__ import annotations

import numpy as np

from mcda.errors import MCDAError

__all__ = ["principal_eigen", "perron_pair", "lambda_max_gradient"]


def principal_eigen(a: np.ndarray) -> tuple:
    """Principal eigenvalue and right eigenvector, normalised to sum 1 (Saaty 1980).

    Parameters
    ----------
    a : ndarray, shape (n, n) or (S, n, n)
        Complete positive matrix, or a stack of them.

    Returns
    -------
    lambda_max : float or ndarray of shape (S,)
    w : ndarray, shape (n,) or (S, n)
        Positive eigenvector, ``w.sum(-1) == 1``.

    Examples
    --------
    >>> lam, w = principal_eigen(np.array([[1.0, 2.0], [0.5, 1.0]]))
    >>> round(lam, 12), w.round(12)
    (2.0, array([0.66666667, 0.33333333]))
    """
    vals, vecs = _eig(a)
    k = np.argmax(vals.real, axis=-1)
    if a.ndim == 2:
        w = vecs[:, k].real
        lam, w = float(vals[k].real), w / w.sum()
    else:
        s = np.arange(a.shape[0])
        w = vecs[s, :, k].real
        lam, w = vals[s, k].real, w / w.sum(axis=1, keepdims=True)
    if not (np.all(np.isfinite(w)) and np.all(np.isfinite(lam))):
        raise MCDAError(code="err.ahp.eigen_overflow")
    return lam, w


def _eig(a: np.ndarray):
    try:
        return np.linalg.eig(a)
    except np.linalg.LinAlgError as exc:
        raise MCDAError(code="err.ahp.eigen_failed", error=exc) from None


def perron_pair(a: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """Perron eigenvalue with right (``u``, sum 1) and left (``v``, ``v @ u == 1``) eigenvectors.

    ``v`` satisfies ``v @ a == lambda_max * v``; with this normalisation
    ``d lambda_max / d a_pq = v_p u_q`` (first-order perturbation of a simple
    eigenvalue, e.g. Wilkinson 1965; used for pairwise comparisons by
    Harker 1987).

    >>> lam, u, v = perron_pair(np.array([[1.0, 4.0], [0.25, 1.0]]))
    >>> round(lam, 12), round(float(v @ u), 12)
    (2.0, 1.0)
    """
    lam, u = principal_eigen(a)
    vals, vecs = _eig(a.T)
    k = np.argmax(vals.real)
    v = vecs[:, k].real
    v = v / (v @ u)
    return lam, u, v


def lambda_max_gradient(a: np.ndarray, pairs_i, pairs_j) -> tuple[float, np.ndarray, np.ndarray]:
    """Derivative of ``lambda_max`` with respect to reciprocal pairs (Harker 1987).

    Changing ``a_ij`` changes ``a_ji = 1 / a_ij`` too, so

    ``d lambda_max / d a_ij = v_i u_j - v_j u_i / a_ij**2``

    (Harker 1987, as given in docs/methods.md#incomplete), where ``u`` and ``v`` are the
    right and left Perron vectors with ``v @ u = 1``.  In log coordinates
    ``d lambda_max / d ln a_ij = a_ij * d lambda_max / d a_ij
    = v_i a_ij u_j - v_j a_ji u_i``, which is antisymmetric in ``(i, j)``.

    Parameters
    ----------
    a : ndarray, shape (n, n)
        Complete positive reciprocal matrix.
    pairs_i, pairs_j : array_like of int
        The pairs ``(i, j)`` to differentiate.

    Returns
    -------
    lambda_max : float
    grad : ndarray
        ``d lambda_max / d a_ij`` for each pair.
    grad_log : ndarray
        ``d lambda_max / d ln a_ij`` for each pair.

    Examples
    --------
    A consistent matrix is a minimum of ``lambda_max`` (= n), so the gradient vanishes:

    >>> w = np.array([0.5, 0.3, 0.2]); a = np.outer(w, 1 / w)
    >>> lam, g, gl = lambda_max_gradient(a, [0], [2])
    >>> round(lam, 12), bool(abs(g[0]) < 1e-12)
    (3.0, True)
    """
    i = np.asarray(pairs_i, dtype=int)
    j = np.asarray(pairs_j, dtype=int)
    lam, u, v = perron_pair(a)
    aij = a[i, j]
    grad_log = v[i] * aij * u[j] - v[j] * a[j, i] * u[i]
    return lam, grad_log / aij, grad_log
