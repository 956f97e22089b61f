"""Consistency of pairwise comparisons: random index tables, CR, and the geometric consistency index.

Saaty's consistency index and ratio (Saaty 1977; Saaty 1980):

``CI = (lambda_max - n) / (n - 1)``,  ``CR = CI / RI(n)``,

with ``RI(n)`` the mean CI of random reciprocal matrices.  Published RI tables
differ, so the table is a named setting recorded in every result
(:data:`RI_TABLES`).  Policy: ``CR = 0`` (and ``CI = RI = 0``) for ``n <= 2``,
where every reciprocal matrix is consistent; ``lambda_max >= n`` is a theorem
(Saaty 1977), so a CI below zero is rounding and is reported as 0.  A table that
does not cover ``n`` raises :class:`MCDAError` (never an ``IndexError``).  The
acceptance threshold (Saaty's 0.10) is a parameter, not a constant.

The geometric consistency index (Aguarón & Moreno-Jiménez 2003, EJOR 147(1),
137-145) goes with row-geometric-mean weights:

``GCI = 2 / ((n - 1)(n - 2)) * sum_{i<j} ln^2(a_ij w_j / w_i)``

with thresholds 0.31 (n = 3), 0.35 (n = 4), 0.37 (n > 4) (ibid.).
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from mcda.ahp.eigen import principal_eigen
from mcda.ahp.graph import require_connected
from mcda.ahp.incomplete import complete_lambda_max, complete_llsm, llsm_log_weights
from mcda.ahp.matrix import check_matrix, count_judgments
from mcda.errors import MCDAError

__all__ = [
    "RI_TABLES",
    "RI_TABLE_SOURCES",
    "random_index",
    "ConsistencyResult",
    "consistency",
    "GCI_THRESHOLDS",
    "gci_threshold",
    "GCIResult",
    "gci",
]


def _table(start: int, values: Sequence[float]) -> dict[int, float]:
    t = {1: 0.0, 2: 0.0}
    t.update({start + k: v for k, v in enumerate(values)})
    return t


#: Random index tables by name, ``{n: RI}``; see :data:`RI_TABLE_SOURCES`.
RI_TABLES: dict[str, dict[int, float]] = {
    "saaty_1980": _table(3, [.58, .90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]),
    "saaty_2008": _table(3, [.52, .89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]),
    "donegan_dodd": {
        **_table(3, [.4914, .8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497,
                     1.4643, 1.4822, 1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371]),
        25: 1.5619, 30: 1.5772, 40: 1.5976, 50: 1.6102,
    },
    "alonso_lamata": _table(3, [.5247, .8816, 1.1086, 1.2479, 1.3417, 1.4057, 1.4499, 1.4854, 1.5140,
                                1.5365, 1.5551, 1.5713, 1.5838]),
}

#: Where each table comes from and how it extends beyond its last listed n.
RI_TABLE_SOURCES: dict[str, str] = {
    "saaty_1980": "Saaty (1980), The Analytic Hierarchy Process, as commonly reproduced; n = 1..15",
    "saaty_2008": "Saaty (2008), Int. J. Services Sciences 1(1), 83-98; n = 1..15",
    "donegan_dodd": ("Donegan & Dodd (1991), Math. Comput. Modelling 15(10), 135-137; n = 1..20, 25, 30, "
                     "40, 50, linear interpolation between listed n"),
    "alonso_lamata": ("Alonso & Lamata (2006), IJUFKS 14(4), 445-459; table for n = 1..15, "
                      "RI(n) = (1.7699 n - 4.3513) / (n - 1) beyond"),
}


def random_index(n: int, table: str = "alonso_lamata") -> float:
    """Random index ``RI(n)`` from a named table.

    ``donegan_dodd`` interpolates linearly between listed sizes up to 50;
    ``alonso_lamata`` uses its table up to 15 and the fitted line
    ``RI(n) = (1.7699 n - 4.3513) / (n - 1)`` beyond (Alonso & Lamata 2006: their linear
    fit of the random ``lambda_max``, rewritten as an RI); Saaty's tables stop at 15.

    Raises
    ------
    MCDAError
        Unknown table, ``n < 1``, or ``n`` beyond the table.

    Examples
    --------
    >>> random_index(4, "saaty_1980"), round(random_index(20), 4), round(random_index(22, "donegan_dodd"), 5)
    (0.9, 1.634, 1.54702)
    """
    if table not in RI_TABLES:
        raise MCDAError(code="err.ahp.unknown_ri_table", table=table, known=sorted(RI_TABLES))
    if int(n) != n or n < 1:
        raise MCDAError(code="err.ahp.ri_size", n=n)
    n = int(n)
    t = RI_TABLES[table]
    if n in t:
        return t[n]
    if table == "alonso_lamata":
        return (1.7699 * n - 4.3513) / (n - 1)
    last = max(t)
    if table == "donegan_dodd" and n < last:
        lo = max(k for k in t if k < n)
        hi = min(k for k in t if k > n)
        return t[lo] + (t[hi] - t[lo]) * (n - lo) / (hi - lo)
    raise MCDAError(code="err.ahp.ri_table_too_short", table=table, last=last, n=n)


@dataclass(frozen=True)
class ConsistencyResult:
    """Saaty consistency of one matrix (on its ``lambda_max``-optimal completion if incomplete).

    ``missing`` counts the missing pairs; note that the RI tables were computed for
    complete random matrices, so the CR of an incomplete matrix is optimistic
    (Ágoston & Csató give inconsistency thresholds by number missing).
    """

    lambda_max: float
    ci: float
    ri: float
    cr: float
    ri_table: str
    threshold: float
    acceptable: bool
    n: int
    missing: int


def cr_parts(lam: float, n: int, ri_table: str) -> tuple[float, float, float]:
    if n <= 2:
        return 0.0, 0.0, 0.0
    ri = random_index(n, ri_table)
    ci = max((lam - n) / (n - 1), 0.0)
    return ci, ri, ci / ri


def consistency(matrix, ri_table: str = "alonso_lamata", threshold: float = 0.10,
                labels: Sequence | None = None) -> ConsistencyResult:
    """Saaty's consistency index and ratio of a pairwise comparison matrix.

    Parameters
    ----------
    matrix : array_like, shape (n, n)
        Positive reciprocal matrix; ``NaN`` = missing judgment.  An incomplete matrix
        is measured on its ``lambda_max``-optimal completion (Bozóki, Fülöp & Rónyai
        2010: the inconsistency of a partial matrix is that of its best completion).
    ri_table : str
        Name of a table in :data:`RI_TABLES`.
    threshold : float
        Acceptance limit for CR (Saaty's 0.10 by default); ``acceptable = cr <= threshold``.
    labels : sequence of str, optional
        Item names for messages.

    Examples
    --------
    >>> r = consistency([[1, 2, 8], [1 / 2, 1, 4], [1 / 8, 1 / 4, 1]])
    >>> round(r.lambda_max, 12), round(r.cr, 12), r.acceptable
    (3.0, 0.0, True)
    >>> r = consistency([[1, 2, 1], [1 / 2, 1, 2], [1, 1 / 2, 1]], ri_table="saaty_1980")
    >>> round(r.cr, 4), r.ri, r.acceptable
    (0.1874, 0.58, False)
    """
    threshold = _check_threshold(threshold)
    a = check_matrix(matrix, labels)
    n = a.shape[0]
    if n > 2:
        random_index(n, ri_table)  # fail early on a table that does not cover n
    elif ri_table not in RI_TABLES:
        random_index(n, ri_table)
    _, missing = count_judgments(a)
    if missing:
        require_connected(a, labels)
        a = complete_lambda_max(a)
    lam = principal_eigen(a)[0] if n > 2 else float(n)
    ci, ri, cr = cr_parts(lam, n, ri_table)
    return ConsistencyResult(lam, ci, ri, cr, ri_table, threshold, cr <= threshold, n, missing)


def _check_threshold(threshold) -> float:
    try:
        t = float(threshold)
    except (TypeError, ValueError):
        raise MCDAError(code="err.ahp.threshold_not_number", threshold=threshold) from None
    if not np.isfinite(t) or t < 0:
        raise MCDAError(code="err.ahp.threshold_negative", threshold=threshold)
    return t


#: GCI thresholds by n (Aguarón & Moreno-Jiménez 2003); 0.37 for every n > 4.
GCI_THRESHOLDS: dict[int, float] = {3: 0.31, 4: 0.35}


def gci_threshold(n: int, thresholds: Mapping[int, float] | None = None, default: float = 0.37) -> float:
    """GCI acceptance threshold for size ``n``: ``thresholds.get(n, default)`` (``nan`` for ``n <= 2``).

    >>> gci_threshold(3), gci_threshold(4), gci_threshold(9)
    (0.31, 0.35, 0.37)
    """
    if n <= 2:
        return math.nan
    t = GCI_THRESHOLDS if thresholds is None else thresholds
    return _check_threshold(t.get(n, default))


@dataclass(frozen=True)
class GCIResult:
    """Geometric consistency index of one matrix; ``threshold`` is ``nan`` for ``n <= 2`` (always acceptable)."""

    gci: float
    threshold: float
    acceptable: bool
    n: int
    missing: int


def gci(matrix, threshold: float | Mapping[int, float] | None = None,
        labels: Sequence | None = None) -> GCIResult:
    """Geometric consistency index (Aguarón & Moreno-Jiménez 2003, EJOR 147(1), 137-145).

    ``GCI = 2 / ((n - 1)(n - 2)) * sum_{i<j} ln^2(e_ij)``, ``e_ij = a_ij w_j / w_i``,
    with ``w`` the row geometric mean (LLSM weights for incomplete input).  An
    incomplete matrix is measured on its LLSM completion, whose filled cells have
    ``e_ij = 1`` and add nothing.  ``GCI = 0`` for ``n <= 2``.

    Parameters
    ----------
    threshold : float, mapping {n: threshold} or None
        ``None`` uses 0.31 / 0.35 / 0.37 (n = 3 / 4 / > 4); a mapping overrides
        sizes it lists; a float applies to every ``n``.

    Examples
    --------
    A 3x3 cycle with log-inconsistency ``d = ln(a12 a23 / a13)`` has ``GCI = d**2 / 3``:

    >>> r = gci([[1, 2, 1], [1 / 2, 1, 2], [1, 1 / 2, 1]])
    >>> bool(np.isclose(r.gci, 4 * np.log(2) ** 2 / 3, rtol=1e-12)), r.threshold, r.acceptable
    (True, 0.31, False)
    """
    a = check_matrix(matrix, labels)
    n = a.shape[0]
    _, missing = count_judgments(a)
    if missing:
        require_connected(a, labels)
    if isinstance(threshold, Mapping):
        thr = gci_threshold(n, {**GCI_THRESHOLDS, **threshold})
    elif threshold is None:
        thr = gci_threshold(n)
    else:
        thr = math.nan if n <= 2 else _check_threshold(threshold)
    if n <= 2:
        return GCIResult(0.0, thr, True, n, missing)
    y = llsm_log_weights(a)
    full = complete_llsm(a) if missing else a
    iu = np.triu_indices(n, 1)
    e = np.log(full[iu]) - y[iu[0]] + y[iu[1]]
    value = float(2.0 / ((n - 1) * (n - 2)) * np.sum(e ** 2))
    return GCIResult(value, thr, value <= thr, n, missing)
