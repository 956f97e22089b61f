"""Repair hints for inconsistent judgments.

For weights ``w`` the error of judgment ``a_ij`` is ``e_ij = a_ij w_j / w_i``
(``e_ij = 1`` when the judgment agrees with the weights); the most inconsistent
judgments are those with the largest ``|ln e_ij|``, and the value consistent
with the weights is ``w_i / w_j`` (Saaty 2003, "Decision-making with the AHP:
why is the principal eigenvector necessary", EJOR 145, 85-91).

A hint shows the continuous implied ratio, the nearest value of Saaty's scale,
the CR the matrix would have with that value, and flags a suggestion that
rounds back to the current judgment (changing nothing) or whose implied ratio
lies beyond the 1/9..9 scale.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mcda.ahp.consistency import consistency
from mcda.ahp.graph import require_connected
from mcda.ahp.matrix import check_k, check_matrix, judged_pairs
from mcda.ahp.priorities import PRIORITY_METHODS
from mcda.ahp.scale import nearest_scale_value
from mcda.errors import MCDAError

__all__ = ["RepairHint", "repair_hints"]


@dataclass(frozen=True)
class RepairHint:
    """One suggested change of judgment ``a_ij`` (``i < j``; the reciprocal cell changes with it).

    ``current`` is ``a_ij``; ``error`` is ``e_ij = a_ij w_j / w_i`` and ``log_error`` its
    natural log (the ranking key is ``|log_error|``); ``implied`` is ``w_i / w_j``;
    ``suggested`` is the Saaty-scale value nearest to ``implied``; ``cr_before`` and
    ``cr_after`` are the consistency ratios before and after setting
    ``a_ij = suggested``, ``a_ji = 1 / suggested``.
    """

    i: int
    j: int
    label_i: object
    label_j: object
    current: float
    error: float
    log_error: float
    implied: float
    suggested: float
    cr_before: float
    cr_after: float
    rounds_back: bool
    beyond_scale: bool


def repair_hints(matrix, k: int | None = 3, method: str = "eigenvector", ri_table: str = "alonso_lamata",
                 labels: Sequence | None = None) -> list[RepairHint]:
    """The ``k`` judged pairs most at odds with the weights, with a suggested scale value each.

    Parameters
    ----------
    matrix : array_like, shape (n, n)
        Positive reciprocal matrix; ``NaN`` = missing (only judged pairs are candidates;
        weights and CR come from the completion used by ``method`` and
        :func:`mcda.ahp.consistency`).
    k : int or None
        Number of hints (``None``: one per judged pair).
    method : str
        Weighting method, a key of :data:`mcda.ahp.PRIORITY_METHODS` (Saaty 2003 uses
        the eigenvector).
    ri_table : str
        Random index table for ``cr_before`` / ``cr_after``.
    labels : sequence of str, optional

    Returns
    -------
    list of RepairHint
        Sorted by ``|ln e_ij|`` descending (ties by pair order).

    Examples
    --------
    A consistent matrix ``w = (8, 4, 2, 1)`` with ``a_14`` spoiled from 8 to 1/2:

    >>> w = np.array([8.0, 4.0, 2.0, 1.0]); a = np.outer(w, 1 / w); a[0, 3], a[3, 0] = 0.5, 2.0
    >>> h = repair_hints(a, k=1, labels="ABCD")[0]
    >>> (h.label_i, h.label_j, h.current, h.suggested, h.rounds_back, h.cr_after < h.cr_before)
    ('A', 'D', 0.5, 2.0, False, True)
    """
    if method not in PRIORITY_METHODS:
        raise MCDAError(code="err.ahp.unknown_method", method=method, known=sorted(PRIORITY_METHODS))
    k = check_k(k)
    a = check_matrix(matrix, labels)
    require_connected(a, labels)
    w = PRIORITY_METHODS[method](a)
    pairs = judged_pairs(a)
    if not pairs:  # pragma: no cover - a connected graph has at least one judged pair
        return []
    pi = np.array([p[0] for p in pairs])
    pj = np.array([p[1] for p in pairs])
    cur = a[pi, pj]
    implied = w[pi] / w[pj]
    log_err = np.log(cur) - np.log(implied)
    order = sorted(range(len(pairs)), key=lambda t: (-abs(log_err[t]), pairs[t]))
    if k is not None:
        order = order[:k]
    cr_before = consistency(a, ri_table=ri_table).cr
    hints = []
    for t in order:
        i, j = int(pi[t]), int(pj[t])
        sug = nearest_scale_value(implied[t])
        rounds_back = abs(sug / cur[t] - 1.0) <= 1e-9
        if rounds_back:
            cr_after = cr_before
        else:
            b = a.copy()
            b[i, j], b[j, i] = sug, 1.0 / sug
            cr_after = consistency(b, ri_table=ri_table).cr
        hints.append(RepairHint(
            i=i, j=j,
            label_i=labels[i] if labels is not None else i,
            label_j=labels[j] if labels is not None else j,
            current=float(cur[t]), error=float(np.exp(log_err[t])), log_error=float(log_err[t]),
            implied=float(implied[t]), suggested=float(sug),
            cr_before=float(cr_before), cr_after=float(cr_after),
            rounds_back=bool(rounds_back),
            beyond_scale=bool(implied[t] > 9.0 * (1 + 1e-12) or implied[t] < 1.0 / 9.0 * (1 - 1e-12)),
        ))
    return hints
