"""Incomplete pairwise comparison matrices: completion, Harker's method, the next question.

Missing judgments are ``NaN`` in both cells of the pair.  When the comparison
graph is connected, both the logarithmic least squares (LLSM) and the
``lambda_max``-minimal (eigenvector) completions are unique (Bozóki, Fülöp &
Rónyai 2010).  A disconnected graph raises
:class:`mcda.errors.NotConnectedError` naming the groups.

References
----------
Bozóki, S., Fülöp, J. & Rónyai, L. (2010). On optimal completion of incomplete
pairwise comparison matrices. Mathematical and Computer Modelling 52, 318-333.

Harker, P. T. (1987). Incomplete pairwise comparisons in the analytic hierarchy
process. Mathematical Modelling 9(11), 837-848.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mcda.errors import MCDAError
from mcda.ahp.eigen import lambda_max_gradient, perron_pair, principal_eigen
from mcda.ahp.graph import _groups, not_connected_message, require_connected
from mcda.ahp.matrix import check_k, check_matrix, count_judgments, item_name, judged_mask, missing_pairs

__all__ = [
    "llsm_log_weights",
    "llsm_weights",
    "complete",
    "harker_matrix",
    "harker_weights",
    "COMPLETION_METHODS",
    "harker_completion",
    "Question",
    "NextQuestions",
    "next_question",
]


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


def _normalise_log(y: np.ndarray) -> np.ndarray:
    w = np.exp(y - y.max(axis=-1, keepdims=True))
    return w / w.sum(axis=-1, keepdims=True)


def llsm_weights(matrix, labels: Sequence | None = None) -> np.ndarray:
    """LLSM weights of a possibly incomplete matrix (row geometric mean if complete), summing to 1.

    >>> llsm_weights([[1, 4], [0.25, 1]]).round(12)
    array([0.8, 0.2])
    """
    a = check_matrix(matrix, labels)
    require_connected(a, labels)
    return _normalise_log(llsm_log_weights(a))


def _llsm_completion(a: np.ndarray) -> np.ndarray:
    y = llsm_log_weights(a)
    full = np.exp(y[:, None] - y[None, :])
    return np.where(np.isnan(a), full, a)


def _lambda_max_completion(a: np.ndarray, tol: float = 1e-12, max_iter: int = 100) -> np.ndarray:
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
    b = _llsm_completion(a)
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


def harker_matrix(matrix, labels: Sequence | None = None) -> np.ndarray:
    """Harker's auxiliary matrix ``B`` of an incomplete matrix (Harker 1987).

    ``b_ij = a_ij`` for judged pairs, ``b_ij = 0`` for missing ones and
    ``b_ii = 1 + m_i`` with ``m_i`` the number of missing judgments in row ``i``.
    Its principal eigenvector is Harker's weight vector.

    >>> harker_matrix([[1, 2, np.nan], [0.5, 1, 2], [np.nan, 0.5, 1]])
    array([[2. , 2. , 0. ],
           [0.5, 1. , 2. ],
           [0. , 0.5, 2. ]])
    """
    a = check_matrix(matrix, labels)
    require_connected(a, labels)
    nan = np.isnan(a)
    b = np.where(nan, 0.0, a)
    np.fill_diagonal(b, 1.0 + nan.sum(axis=1))
    return b


def harker_weights(matrix, labels: Sequence | None = None) -> np.ndarray:
    """Harker's weights: the principal eigenvector of :func:`harker_matrix` (Harker 1987), summing to 1.

    Equivalently, ``w`` is the principal eigenvector of the matrix completed with
    ``a_ij = w_i / w_j`` in the missing cells (Harker 1987).

    >>> harker_weights([[1, 2, np.nan], [0.5, 1, 2], [np.nan, 0.5, 1]]).round(12)
    array([0.57142857, 0.28571429, 0.14285714])
    """
    return principal_eigen(harker_matrix(matrix, labels))[1]


def _harker_completion(a: np.ndarray) -> np.ndarray:
    nan = np.isnan(a)
    b = np.where(nan, 0.0, a)
    np.fill_diagonal(b, 1.0 + nan.sum(axis=1))
    w = principal_eigen(b)[1]
    return np.where(nan, w[:, None] / w[None, :], a)


def harker_completion(matrix, labels: Sequence | None = None) -> np.ndarray:
    """The matrix completed with ``a_ij = w_i / w_j`` in the missing cells, ``w`` Harker's weights.

    Its principal eigenvector is Harker's ``w`` again (Harker 1987); other priority
    methods applied to it give their own weights of Harker's completion.

    >>> harker_completion([[1, 2, np.nan], [0.5, 1, 2], [np.nan, 0.5, 1]]).round(12)[0, 2]
    np.float64(4.0)
    """
    a = check_matrix(matrix, labels)
    require_connected(a, labels)
    return _harker_completion(a)


#: Completion methods by name: each takes a validated, connected matrix and returns a complete one.
COMPLETION_METHODS = {
    "lambda_max": _lambda_max_completion,
    "llsm": _llsm_completion,
}


def complete(matrix, method: str = "lambda_max", labels: Sequence | None = None) -> np.ndarray:
    """Fill the missing judgments of a pairwise comparison matrix.

    Parameters
    ----------
    matrix : array_like, shape (n, n)
        Positive reciprocal matrix, ``NaN`` for missing judgments; its comparison
        graph must be connected.
    method : {"lambda_max", "llsm", "harker"}
        ``"lambda_max"``: the completion minimising the principal eigenvalue, i.e. the
        most consistent one in Saaty's sense (Bozóki, Fülöp & Rónyai 2010;
        unique for a connected graph).  ``"llsm"``: ``a_ij = w_i / w_j`` with
        the LLSM weights (ibid.).  ``"harker"``: *not* a
        completion but Harker's auxiliary matrix (:func:`harker_matrix`, Harker 1987).
    labels : sequence of str, optional
        Item names for messages.

    Returns
    -------
    numpy.ndarray
        The completed positive reciprocal matrix (Harker's matrix for ``"harker"``).
        Judged cells are kept unchanged.

    Raises
    ------
    NotConnectedError
        The judgments fall into unconnected groups.

    Examples
    --------
    One missing pair in a 3x3 matrix: both optimal completions close the cycle consistently.

    >>> complete([[1, 2, np.nan], [0.5, 1, 3], [np.nan, 1 / 3, 1]]).round(12)
    array([[1.        , 2.        , 6.        ],
           [0.5       , 1.        , 3.        ],
           [0.16666667, 0.33333333, 1.        ]])
    """
    if method == "harker":
        return harker_matrix(matrix, labels)
    if method not in COMPLETION_METHODS:
        raise MCDAError(code="err.ahp.unknown_completion", method=method, known=sorted([*COMPLETION_METHODS, "harker"]))
    a = check_matrix(matrix, labels)
    require_connected(a, labels)
    return COMPLETION_METHODS[method](a)


@dataclass(frozen=True)
class Question:
    """One candidate next judgment: compare item ``i`` with item ``j`` (``i < j``).

    ``score`` is ``|d lambda_max / d ln a_ij|`` on the completed matrix, ``gradient``
    is Harker's ``d lambda_max / d a_ij`` and ``estimate`` the completed value of
    ``a_ij``; the three are ``None`` when the question joins unconnected groups
    (``joins_groups``), which then comes first whatever the score.
    """

    i: int
    j: int
    label_i: object
    label_j: object
    joins_groups: bool
    score: float | None
    gradient: float | None
    estimate: float | None


@dataclass(frozen=True)
class NextQuestions:
    """Ranked next questions plus the bookkeeping a questionnaire shows.

    ``given`` judged pairs out of ``total = n (n - 1) / 2``; ``minimum = n - 1`` is
    the fewest that can connect all items; ``connected`` says whether they do;
    ``groups`` lists the connected groups (labels if given); ``message`` is one
    plain sentence.
    """

    questions: tuple[Question, ...]
    n: int
    given: int
    minimum: int
    total: int
    connected: bool
    groups: tuple[tuple, ...]
    completion: str
    message: str


def next_question(matrix, labels: Sequence | None = None, k: int | None = 3,
                  completion: str = "harker") -> NextQuestions:
    """Rank the missing pairs by how much their value would move ``lambda_max``.

    With a connected comparison graph the matrix is completed (Harker's completion
    ``a_ij = w_i / w_j`` by default, or ``"llsm"``) and each missing pair is scored
    by ``|d lambda_max / d ln a_ij| = |a_ij (v_i u_j - v_j u_i / a_ij**2)|``, Harker's
    (1987) gradient taken in log coordinates so that the score of ``(i, j)`` equals
    that of ``(j, i)`` and does not depend on the order of the items.  The
    ``lambda_max``-optimal completion is not offered: its gradient vanishes on every
    missing pair (that is its optimality condition).

    With a disconnected graph no completion exists; the questions are then the
    pairs that join two groups, largest groups first (ties by item order), and
    ``score`` is ``None``.

    Parameters
    ----------
    matrix : array_like, shape (n, n)
    labels : sequence, optional
    k : int or None
        Number of questions to return (``None``: all candidates).
    completion : {"harker", "llsm"}

    Examples
    --------
    >>> a = [[1, 2, np.nan], [0.5, 1, np.nan], [np.nan, np.nan, 1]]
    >>> r = next_question(a, labels=["cost", "quality", "security"], k=1)
    >>> r.connected, r.given, r.minimum, (r.questions[0].label_i, r.questions[0].label_j)
    (False, 1, 2, ('cost', 'security'))
    """
    if completion not in ("harker", "llsm"):
        raise MCDAError(code="err.ahp.next_question_completion", completion=completion)
    k = check_k(k)
    a = check_matrix(matrix, labels)
    n = a.shape[0]
    given, missing = count_judgments(a)
    total = n * (n - 1) // 2
    groups = _groups(a)
    named = tuple(tuple(labels[i] for i in g) if labels is not None else tuple(g) for g in groups)

    def lab(i):
        return labels[i] if labels is not None else i

    if len(groups) > 1:
        size = {i: len(g) for g in groups for i in g}
        comp = {i: c for c, g in enumerate(groups) for i in g}
        cand = [(i, j) for i, j in missing_pairs(a) if comp[i] != comp[j]]
        cand.sort(key=lambda p: (-(size[p[0]] + size[p[1]]), p))
        qs = tuple(Question(i, j, lab(i), lab(j), True, None, None, None) for i, j in cand)
        message = not_connected_message(a, groups, labels)
        if qs:
            message += f"; for example compare {item_name(qs[0].i, labels)} with {item_name(qs[0].j, labels)}"
        connected = False
    else:
        connected = True
        pairs = missing_pairs(a)
        if not pairs:
            qs = ()
            message = f"all {total} judgments are given; nothing to ask"
        else:
            full = _harker_completion(a) if completion == "harker" else _llsm_completion(a)
            pi = np.array([p[0] for p in pairs])
            pj = np.array([p[1] for p in pairs])
            _, grad, grad_log = lambda_max_gradient(full, pi, pj)
            score = np.abs(grad_log)
            order = sorted(range(len(pairs)), key=lambda t: (-score[t], pairs[t]))
            qs = tuple(Question(int(pi[t]), int(pj[t]), lab(int(pi[t])), lab(int(pj[t])), False,
                                float(score[t]), float(grad[t]), float(full[pi[t], pj[t]])) for t in order)
            q0 = qs[0]
            message = (f"{given} of {total} judgments given (minimum {n - 1}); the judgments are connected; "
                       f"the most informative next question is {item_name(q0.i, labels)} vs "
                       f"{item_name(q0.j, labels)}")
    if k is not None:
        qs = qs[:k]
    return NextQuestions(qs, n, given, n - 1, total, connected, named, completion, message)
