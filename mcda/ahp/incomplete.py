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

from mcda.ahp.completion import complete_lambda_max, complete_llsm, llsm_log_weights, normalise_log
from mcda.ahp.eigen import lambda_max_gradient, principal_eigen
from mcda.ahp.graph import components, not_connected_message, require_connected
from mcda.ahp.matrix import check_k, check_matrix, count_judgments, item_name, missing_pairs
from mcda.errors import MCDAError

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


def llsm_weights(matrix, labels: Sequence | None = None) -> np.ndarray:
    """LLSM weights of a possibly incomplete matrix (row geometric mean if complete), summing to 1.

    >>> llsm_weights([[1, 4], [0.25, 1]]).round(12)
    array([0.8, 0.2])
    """
    a = check_matrix(matrix, labels)
    require_connected(a, labels)
    return normalise_log(llsm_log_weights(a))


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


def complete_harker(a: np.ndarray) -> np.ndarray:
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
    return complete_harker(a)


#: Completion methods by name: each takes a validated, connected matrix and returns a complete one.
COMPLETION_METHODS = {
    "lambda_max": complete_lambda_max,
    "llsm": complete_llsm,
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
    groups = components(a)
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
            full = complete_harker(a) if completion == "harker" else complete_llsm(a)
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
