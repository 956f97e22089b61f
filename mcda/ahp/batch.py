"""Priorities, consistency and GCI of many comparison matrices at once (one ``eig`` call per size).

A committee's judgments give one matrix per member and parent node; the engine
needs, for each, the priorities under a priority method and completion setting,
Saaty's CR and (for the geometric mean) the GCI.  :func:`analyse` computes them for
a whole list of matrices:

* each incomplete matrix is completed **once**: its ``lambda_max``-optimal
  completion (Bozóki, Fülöp & Rónyai 2010) serves both the eigenvector priorities
  and the CR, which is always measured on that completion
  (:func:`mcda.ahp.consistency`);
* the complete matrices that need an eigen-decomposition are stacked by size and
  decomposed by one :func:`numpy.linalg.eig` call per size (Perron eigenvalue and
  vector, Saaty 1980); ``CI = (lambda_max - n) / (n - 1)``, ``CR = CI / RI(n)``
  (Saaty 1977);
* row geometric means (Crawford & Williams 1985) and the GCI
  ``2 / ((n - 1)(n - 2)) sum_{i<j} ln^2(a_ij w_j / w_i)`` (Aguarón &
  Moreno-Jiménez 2003) are computed on the stacks too.

The results equal those of :func:`mcda.ahp.priorities`, :func:`mcda.ahp.consistency`
and :func:`mcda.ahp.gci` applied matrix by matrix (the tests pin them to 1e-12).
The matrices are trusted: they must be reciprocal with a unit diagonal, as built
by :func:`mcda.ahp.matrix_from_judgments` or :func:`mcda.ahp.aggregate_judgments`
(``NaN`` = missing).  A matrix whose judgments are not connected, or whose size
the random index table does not cover, gets an error instead of results; the
others are unaffected.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from mcda.ahp.consistency import ConsistencyResult, GCIResult, cr_parts, gci_threshold, random_index
from mcda.ahp.eigen import principal_eigen
from mcda.ahp.graph import require_connected
from mcda.ahp.incomplete import complete_harker, complete_lambda_max, complete_llsm, llsm_log_weights, normalise_log
from mcda.errors import MCDAError

__all__ = ["Analysis", "analyse", "natural_completion", "upper_indices"]

#: The completion that belongs to each priority method (Bozóki, Fülöp & Rónyai 2010).
_NATURAL = {"eigenvector": "lambda_max", "geometric_mean": "llsm"}


@lru_cache(maxsize=64)
def upper_indices(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.triu_indices(n, 1)``, computed once per size (read-only arrays).

    >>> upper_indices(3)[0].tolist(), upper_indices(3)[1].tolist()
    ([0, 0, 1], [1, 2, 2])
    """
    i, j = np.triu_indices(n, 1)
    i.flags.writeable = j.flags.writeable = False
    return i, j


def natural_completion(method: str, completion: str) -> str:
    """The completion actually used: ``auto`` means LLSM for the geometric mean, else ``lambda_max``.

    >>> natural_completion("geometric_mean", "auto"), natural_completion("eigenvector", "auto")
    ('llsm', 'lambda_max')
    """
    if completion != "auto":
        return completion
    return "llsm" if method == "geometric_mean" else "lambda_max"


@dataclass(frozen=True)
class Analysis:
    """Per input matrix (same order): ``weights`` (sum 1), ``consistency``, ``gci`` and ``errors``.

    Where ``errors[k]`` is an :class:`~mcda.errors.MCDAError` the other three are ``None``;
    ``consistency`` is ``None`` when not asked, ``gci`` when not asked or ``n <= 2``.
    """

    weights: tuple[np.ndarray | None, ...]
    consistency: tuple[ConsistencyResult | None, ...]
    gci: tuple[GCIResult | None, ...]
    errors: tuple[MCDAError | None, ...]


def _eig_all(mats: dict[int, np.ndarray]) -> dict[int, tuple[float, np.ndarray]]:
    """Perron pairs of complete matrices keyed by id, one stacked ``eig`` per size (Saaty 1980)."""
    by_size: dict[int, list[int]] = {}
    for key, a in mats.items():
        by_size.setdefault(a.shape[0], []).append(key)
    out: dict[int, tuple[float, np.ndarray]] = {}
    for keys in by_size.values():
        try:
            lam, w = principal_eigen(np.stack([mats[k] for k in keys]))
            out.update((k, (float(lam[t]), w[t])) for t, k in enumerate(keys))
        except MCDAError:  # locate the matrix that fails; the others keep their results
            for k in keys:
                try:
                    lam1, w1 = principal_eigen(mats[k])
                    out[k] = (float(lam1), w1)
                except MCDAError as exc:
                    out[k] = exc  # type: ignore[assignment]
    return out


def analyse(matrices: Sequence[np.ndarray], method: str = "eigenvector", completion: str = "auto",
            ri_table: str = "alonso_lamata", threshold: float = 0.10, *,
            labels: Sequence[Sequence] | None = None, consistency: bool = True,
            gci: bool | None = None) -> Analysis:
    """Priorities, consistency and GCI of a list of comparison matrices, batched.

    Parameters
    ----------
    matrices : sequence of (n, n) ndarray
        Reciprocal matrices with unit diagonal, ``NaN`` = missing (sizes may differ).
    method : {"eigenvector", "geometric_mean", "column_mean", "harker"}
        Priority method (:data:`mcda.ahp.PRIORITY_METHODS`).
    completion : {"auto", "lambda_max", "llsm", "harker"}
        How an incomplete matrix is completed before ``method`` (``auto``: the method's own,
        :func:`natural_completion`); the method's natural completion is applied by the method.
    ri_table, threshold
        Random index table and CR acceptance limit (:func:`mcda.ahp.consistency`).
    labels : sequence of item-name sequences, optional
        Per matrix, for messages.
    consistency : bool
        Compute Saaty's CR (checking first that the RI table covers ``n``).
    gci : bool, optional
        Compute the GCI (default: for the geometric mean method only).

    Examples
    --------
    >>> a = np.array([[1, 2, 8], [1 / 2, 1, 4], [1 / 8, 1 / 4, 1]])
    >>> b = np.array([[1, 2, np.nan], [1 / 2, 1, 3], [np.nan, 1 / 3, 1]])
    >>> r = analyse([a, b])
    >>> r.weights[0].round(6), round(r.consistency[0].cr, 12), round(float(r.weights[1][0] / r.weights[1][2]), 9)
    (array([0.615385, 0.307692, 0.076923]), 0.0, 6.0)
    """
    want_gci = (method == "geometric_mean") if gci is None else gci
    comp = natural_completion(method, completion)
    natural = _NATURAL.get(method) == comp
    count = len(matrices)
    errors: list = [None] * count
    prepared: dict[int, np.ndarray] = {}  # complete matrix the method is applied to
    direct: dict[int, np.ndarray] = {}  # weights found without a complete matrix (LLSM of an incomplete one)
    for_cr: dict[int, np.ndarray] = {}  # the lambda_max completion (or the matrix) the CR is measured on
    missing = [0] * count
    for k, a in enumerate(matrices):
        n = a.shape[0]
        lab = labels[k] if labels is not None else None
        nan = np.isnan(a)
        missing[k] = int(nan.sum()) // 2
        lam_full = None
        try:
            if missing[k]:
                require_connected(a, lab)
            if consistency and n > 2:
                random_index(n, ri_table)  # fail (for this matrix) when the table does not cover n
        except MCDAError as exc:
            errors[k] = exc
            continue
        if not missing[k]:
            prepared[k] = a
        elif comp == "harker":
            prepared[k] = complete_harker(a)
        elif natural and method == "geometric_mean":
            direct[k] = normalise_log(llsm_log_weights(a))
        elif comp == "lambda_max":  # natural for the eigenvector, explicit for the others
            lam_full = prepared[k] = complete_lambda_max(a)
        else:
            prepared[k] = complete_llsm(a)
        if consistency:
            if not missing[k]:
                for_cr[k] = a
            elif n > 2:
                for_cr[k] = lam_full if lam_full is not None else complete_lambda_max(a)
    eig_in = {k: m for k, m in for_cr.items() if m.shape[0] > 2}
    if method in ("eigenvector", "harker"):  # the CR's decomposition serves the priorities when it is the same matrix
        eig_in.update({k + count: p for k, p in prepared.items() if eig_in.get(k) is not p})
    pairs = _eig_all(eig_in)
    weights: list = [None] * count
    cons: list = [None] * count
    for k in range(count):
        if errors[k] is not None:
            continue
        if k in direct:
            weights[k] = direct[k]
        elif method in ("eigenvector", "harker"):
            got = pairs[k + count] if k + count in pairs else pairs[k]
            if isinstance(got, MCDAError):
                errors[k] = got
                continue
            weights[k] = got[1]
    _stacked_means(method, prepared, weights, errors)
    for k in range(count):
        if errors[k] is None and consistency:
            n = matrices[k].shape[0]
            if n > 2:
                got = pairs[k]
                if isinstance(got, MCDAError):
                    errors[k], weights[k] = got, None
                    continue
                lam = got[0]
            else:
                lam = float(n)
            ci, ri, cr = cr_parts(lam, n, ri_table)
            cons[k] = ConsistencyResult(lam, ci, ri, cr, ri_table, threshold, cr <= threshold, n, missing[k])
    g = _stacked_gci(matrices, errors, missing) if want_gci else [None] * count
    return Analysis(tuple(weights), tuple(cons), tuple(g), tuple(errors))


def _stacked_means(method: str, prepared: dict[int, np.ndarray], weights: list, errors: list) -> None:
    """Row geometric means (Crawford & Williams 1985) or normalised column means (Saaty 1980), per size."""
    if method not in ("geometric_mean", "column_mean"):
        return
    by_size: dict[int, list[int]] = {}
    for k, a in prepared.items():
        if errors[k] is None:
            by_size.setdefault(a.shape[0], []).append(k)
    for keys in by_size.values():
        stack = np.stack([prepared[k] for k in keys])
        if method == "geometric_mean":
            w = normalise_log(np.log(stack).mean(axis=-1))
        else:
            w = (stack / stack.sum(axis=-2, keepdims=True)).mean(axis=-1)
            w = w / w.sum(axis=-1, keepdims=True)
        for t, k in enumerate(keys):
            weights[k] = w[t]


def _stacked_gci(matrices: Sequence[np.ndarray], errors: list, missing: list) -> list:
    """GCI (Aguarón & Moreno-Jiménez 2003) per matrix; complete ones stacked by size."""
    out: list = [None] * len(matrices)
    by_size: dict[int, list[int]] = {}
    for k, a in enumerate(matrices):
        n = a.shape[0]
        if errors[k] is not None:
            continue
        if n <= 2:
            out[k] = GCIResult(0.0, gci_threshold(n), True, n, missing[k])
            continue
        by_size.setdefault(n, []).append(k)
    for n, keys in by_size.items():
        iu, ju = upper_indices(n)
        logs = np.empty((len(keys), n, n))
        y = np.empty((len(keys), n))
        for t, k in enumerate(keys):
            a = matrices[k]
            y[t] = llsm_log_weights(a)
            logs[t] = np.log(complete_llsm(a) if missing[k] else a)
        e = logs[:, iu, ju] - y[:, iu] + y[:, ju]
        values = 2.0 / ((n - 1) * (n - 2)) * np.sum(e ** 2, axis=1)
        thr = gci_threshold(n)
        for t, k in enumerate(keys):
            v = float(values[t])
            out[k] = GCIResult(v, thr, v <= thr, n, missing[k])
    return out
