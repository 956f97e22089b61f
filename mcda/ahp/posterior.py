"""Completions of incomplete judgments consistent with the answers so far, and what a question is worth.

A member's judgments at one node follow the log-normal error model of the
logarithmic least squares method (Crawford & Williams 1985, *J. Math. Psychol.*
29(4):387-405; the Bayesian form: Altuzarra, Moreno-Jiménez & Salvador 2007,
*EJOR* 182(1):367-382):

``ln a_ij = y_i - y_j + e_ij``,  ``e_ij ~ N(0, sigma^2)`` independent,

with ``y = ln w``. With the prior ``y ~ N(0, tau^2 I)`` the posterior of ``y``
given the answered pairs is Gaussian (conjugate normal linear model; Gelman et
al. 2013, *Bayesian Data Analysis*, 3rd ed., sec. 14.2):

``P = B^T B / sigma^2 + I / tau^2``,  ``mean = P^-1 B^T l / sigma^2``,

``B`` the (pairs x items) incidence matrix (+1 at ``i``, -1 at ``j``), so that
``B^T B`` is the Laplacian of the comparison graph (the LLSM normal equations,
Bozóki, Fülöp & Rónyai 2010), ``l`` the answered log judgments. An unanswered
judgment is then drawn from the posterior predictive ``y_i - y_j + e_ij``,
clipped to Saaty's range 1/9..9. With many answers and a small ``tau^-2`` the
posterior mean is the LLSM solution; with none, the completions are the prior.

The value of asking a pair is the mutual information between its sampled answer
and the event "the current leader stays first" (Lindley 1956, *Ann. Math. Stat.*
27(4):986-1005: the expected information of an experiment about a quantity is
their mutual information), estimated by the plug-in estimator on equal-frequency
bins (Cover & Thomas 2006, *Elements of Information Theory*, eq. 2.28).

All functions are vectorised over samples; none loops over samples.
"""
from __future__ import annotations

import numpy as np

__all__ = [
    "LOG9",
    "SIGMA_DEFAULT",
    "TAU_DEFAULT",
    "batch_priorities",
    "has_cycle",
    "log_matrices",
    "mutual_information",
    "posterior_log_weights",
    "residual_variance",
]

LOG9 = float(np.log(9.0))
#: prior sd of a log weight: a pair's log ratio (variance 2 tau^2) stays within 1/9..9 with
#: probability 0.95: tau = ln 9 / (1.96 sqrt 2) (derived)
TAU_DEFAULT = LOG9 / (1.959963984540054 * np.sqrt(2.0))
#: prior residual sd: sigma^2 = 0.185, half the GCI acceptance limit 0.37 for n > 4 (Aguarón &
#: Moreno-Jiménez 2003; for a complete matrix the GCI is the residual variance estimate below)
SIGMA_DEFAULT = float(np.sqrt(0.185))


def has_cycle(n: int, i: np.ndarray, j: np.ndarray) -> bool:
    """Whether the comparison graph of ``n`` items with edges ``(i, j)`` contains a cycle.

    A graph is a forest iff ``edges = n - components``; only with a cycle can an
    inconsistency show (a forest's judgments are always perfectly consistent).

    >>> has_cycle(3, np.array([0, 1]), np.array([1, 2])), has_cycle(3, np.array([0, 1, 0]), np.array([1, 2, 2]))
    (False, True)
    """
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(np.asarray(i).tolist(), np.asarray(j).tolist()):
        ra, rb = find(a), find(b)
        if ra == rb:
            return True
        parent[ra] = rb
    return False


def _incidence(n: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    b = np.zeros((len(i), n))
    b[np.arange(len(i)), i] = 1.0
    b[np.arange(len(i)), j] = -1.0
    return b


def residual_variance(n: int, i: np.ndarray, j: np.ndarray, logs: np.ndarray) -> tuple[float, int]:
    """(sum of squared LLSM residuals, degrees of freedom) of one node's answers.

    Degrees of freedom: ``edges - n + components`` (the number of independent
    cycles). For a complete matrix ``SSR / df`` is the geometric consistency
    index, ``GCI = 2 / ((n-1)(n-2)) sum_{i<j} ln^2(a_ij w_j / w_i)`` (Aguarón &
    Moreno-Jiménez 2003, EJOR 147(1):137-145).

    >>> ssr, df = residual_variance(3, np.array([0, 1, 0]), np.array([1, 2, 2]), np.log([2.0, 2.0, 4.0]))
    >>> round(ssr, 12), df
    (0.0, 1)
    """
    i, j, logs = np.asarray(i), np.asarray(j), np.asarray(logs, dtype=float)
    if len(i) == 0:
        return 0.0, 0
    b = _incidence(n, i, j)
    y, *_ = np.linalg.lstsq(b, logs, rcond=None)
    r = logs - b @ y
    rank = np.linalg.matrix_rank(b)
    return float(r @ r), int(len(i) - rank)


def posterior_log_weights(n: int, i: np.ndarray, j: np.ndarray, logs: np.ndarray, sigma: float, tau: float,
                          rng: np.random.Generator, size: int) -> np.ndarray:
    """``size`` draws of the log weights ``y`` (size, n) from their Gaussian posterior (module formula).

    >>> rng = np.random.default_rng(0)
    >>> y = posterior_log_weights(2, np.array([0]), np.array([1]), np.log([4.0]), 1e-3, 10.0, rng, 5)
    >>> bool(np.allclose(np.exp(y[:, 0] - y[:, 1]), 4, rtol=1e-2))
    True
    """
    b = _incidence(n, np.asarray(i, dtype=int), np.asarray(j, dtype=int))
    prec = b.T @ b / sigma**2 + np.eye(n) / tau**2
    chol = np.linalg.cholesky(prec)
    mean = np.linalg.solve(prec, b.T @ np.asarray(logs, dtype=float) / sigma**2)
    z = rng.standard_normal((n, size))
    return mean + np.linalg.solve(chol.T, z).T  # cov = P^-1 = L^-T L^-1


def log_matrices(n: int, i: np.ndarray, j: np.ndarray, logs: np.ndarray, y: np.ndarray, sigma: float,
                 rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Complete log matrices (S, n, n): answered cells fixed, the others drawn from the predictive.

    Returns ``(L, mi, mj)`` with ``(mi, mj)`` the unanswered pairs (``mi < mj``), whose
    sampled log values are ``L[:, mi, mj]``.
    """
    size = y.shape[0]
    answered = np.zeros((n, n), dtype=bool)
    answered[i, j] = answered[j, i] = True
    mi, mj = np.nonzero(np.triu(~answered, 1))
    out = np.zeros((size, n, n))
    out[:, i, j] = logs
    out[:, j, i] = -np.asarray(logs)
    if len(mi):
        draw = y[:, mi] - y[:, mj] + sigma * rng.standard_normal((size, len(mi)))
        np.clip(draw, -LOG9, LOG9, out=draw)
        out[:, mi, mj] = draw
        out[:, mj, mi] = -draw
    return out, mi, mj


def batch_priorities(log_a: np.ndarray, method: str = "eigenvector", iters: int = 200,
                     tol: float = 1e-12) -> np.ndarray:
    """Priority vectors (S, n) of a stack of complete log matrices (S, n, n).

    ``eigenvector``: the principal right eigenvector by power iteration started at
    the row geometric mean (Saaty 1980; a positive matrix's power iteration converges
    to the Perron vector, Perron 1907); ``geometric_mean``: the row geometric mean
    (Crawford & Williams 1985); ``column_mean``: the mean of the normalised columns.

    >>> a = np.log(np.array([[[1, 2, 8], [0.5, 1, 4], [0.125, 0.25, 1]]]))
    >>> batch_priorities(a).round(6)
    array([[0.615385, 0.307692, 0.076923]])
    """
    y = log_a.mean(axis=2)
    w = np.exp(y - y.max(axis=1, keepdims=True))
    w /= w.sum(axis=1, keepdims=True)
    if method == "geometric_mean":
        return w
    a = np.exp(log_a)
    if method == "column_mean":
        c = a / a.sum(axis=1, keepdims=True)
        return c.mean(axis=2)
    for _ in range(iters):
        v = np.einsum("sij,sj->si", a, w)
        v /= v.sum(axis=1, keepdims=True)
        if np.abs(v - w).max() <= tol:
            return v
        w = v
    return w


def mutual_information(x: np.ndarray, event: np.ndarray, bins: int = 4) -> np.ndarray:
    """Plug-in mutual information (bits) between each column of ``x`` (S, P) and a boolean ``event`` (S,).

    Each column is cut into ``bins`` equal-frequency bins (by rank);
    ``I = sum_{b,e} p(b,e) log2(p(b,e) / (p(b) p(e)))`` (Cover & Thomas 2006, eq. 2.28).

    >>> x = np.arange(8.0)[:, None]
    >>> mutual_information(np.hstack([x, x[::-1] * 0]), x[:, 0] >= 4, bins=2).round(6)
    array([1., 0.])
    """
    s, p = x.shape
    if s == 0 or p == 0:
        return np.zeros(p)
    order = np.argsort(x, axis=0, kind="stable")
    srt = np.take_along_axis(x, order, axis=0)
    # equal values share one bin: each takes the sorted position of the first of its run
    new = np.ones((s, p), dtype=bool)
    new[1:] = srt[1:] != srt[:-1]
    start = np.maximum.accumulate(np.where(new, np.arange(s)[:, None], 0), axis=0)
    first = np.empty_like(start)
    np.put_along_axis(first, order, start, axis=0)
    b = first * bins // s  # (S, P) in 0..bins-1
    e = np.asarray(event, dtype=bool)
    joint = np.empty((p, bins, 2))
    onehot = b[:, :, None] == np.arange(bins)  # (S, P, bins)
    joint[:, :, 1] = onehot[e].sum(axis=0)
    joint[:, :, 0] = onehot[~e].sum(axis=0)
    joint /= s
    pb = joint.sum(axis=2, keepdims=True)
    pe = joint.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(joint > 0, joint * np.log2(joint / (pb * pe)), 0.0)
    return terms.sum(axis=(1, 2))
