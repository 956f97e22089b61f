"""Pairwise comparison matrices: validation and bookkeeping of judged and missing pairs.

A pairwise comparison matrix ``A`` holds in ``A[i, j]`` how many times item
``i`` is preferred to (more important than) item ``j``.  It must be positive,
have ones on its diagonal and be reciprocal, ``A[j, i] = 1 / A[i, j]``
(Saaty 1980).  A missing judgment is ``NaN`` in *both* cells of its pair.

Connectivity of the judged pairs is checked in :mod:`mcda.ahp.graph`; the
scale and value formatting live in :mod:`mcda.ahp.scale`.

Every check raises :class:`mcda.errors.MCDAError` with a message naming the
items, using ``labels`` when they are given.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mcda.ahp.scale import format_value
from mcda.errors import MCDAError

__all__ = [
    "MAX_RATIO",
    "check_matrix",
    "check_stack",
    "check_k",
    "ndim_of",
    "judged_mask",
    "missing_pairs",
    "judged_pairs",
    "count_judgments",
    "matrix_from_judgments",
    "item_name",
]

#: Largest judgment accepted (and smallest ``1 / MAX_RATIO``).  Far beyond any AHP scale
#: (Saaty's 9, the power scale's 81), it keeps products along paths of judgments, which
#: completions and eigenvectors form, inside floating-point range.
MAX_RATIO = 1e6


def item_name(i: int, labels: Sequence | None = None) -> str:
    """Name item ``i`` for a message: ``'label'`` if labels are given, else ``item i``.

    >>> item_name(1, ["cost", "quality"])
    "'quality'"
    >>> item_name(1)
    'item 1'
    """
    if labels is not None:
        return f"'{labels[i]}'"
    return f"item {i}"


def _pair(i: int, j: int, labels: Sequence | None) -> str:
    if labels is not None:
        return f"judgment '{labels[i]}' vs '{labels[j]}'"
    return f"judgment ({i}, {j})"


def _check_labels(labels: Sequence | None, n: int) -> None:
    if labels is not None and len(labels) != n:
        raise MCDAError(code="err.ahp.labels_count", n=n, found=len(labels))


def _to_float_array(matrix, what: str = "matrix") -> np.ndarray:
    try:
        return np.array(matrix, dtype=float)
    except (TypeError, ValueError) as exc:
        raise MCDAError(code="err.ahp.not_numbers", what=what, error=exc) from None


def check_matrix(matrix, labels: Sequence | None = None, allow_missing: bool = True,
                 rtol: float = 1e-6) -> np.ndarray:
    """Validate a pairwise comparison matrix and return it as a new float array.

    Parameters
    ----------
    matrix : array_like, shape (n, n)
        Positive reciprocal matrix; ``NaN`` (or ``None``) marks a missing judgment and
        must then appear in both cells of the pair.
    labels : sequence of str, optional
        Item names, used only in error messages.
    allow_missing : bool
        If False, any missing judgment is an error.
    rtol : float
        Relative tolerance of the reciprocity check ``|a_ij a_ji - 1| <= rtol`` and
        of the diagonal check ``|a_ii - 1| <= rtol``.

    Any positive reciprocal matrix is accepted (scale values, committee aggregates,
    exact ratios) as long as every judgment lies within ``[1/MAX_RATIO, MAX_RATIO]``.

    Returns
    -------
    numpy.ndarray
        A float copy with an exact unit diagonal and cells below the diagonal replaced
        by the exact reciprocals of the cells above it (they agreed within ``rtol``).

    Raises
    ------
    MCDAError
        Non-square, fewer than 2 items, infinite, zero or negative entries, judgments
        beyond ``MAX_RATIO`` (or below its reciprocal), a diagonal
        entry other than 1, a non-reciprocal pair, a NaN not mirrored by NaN, or a
        missing judgment when ``allow_missing`` is False.

    Examples
    --------
    >>> check_matrix([[1, 3], [1 / 3, 1]])
    array([[1.        , 3.        ],
           [0.33333333, 1.        ]])
    >>> check_matrix([[1, 3], [0.5, 1]], labels=["cost", "quality"])
    Traceback (most recent call last):
    ...
    mcda.errors.MCDAError: judgment 'cost' vs 'quality' is 3 but its reciprocal cell holds 0.5 (expected 1/3)
    """
    a = _to_float_array(matrix)
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        raise MCDAError(code="err.ahp.not_square", shape=a.shape)
    n = a.shape[0]
    if n < 2:
        raise MCDAError(code="err.ahp.too_small", n=n)
    _check_labels(labels, n)
    _check_cells(a, labels, allow_missing, rtol, prefix="")
    iu = np.triu_indices(n, 1)
    a[iu[1], iu[0]] = 1.0 / a[iu]
    np.fill_diagonal(a, 1.0)
    return a


def _check_cells(a: np.ndarray, labels, allow_missing: bool, rtol: float, prefix: str) -> None:
    """Run the cell checks of :func:`check_matrix` on one square matrix."""
    a.shape[0]
    if np.isinf(a).any():
        i, j = np.argwhere(np.isinf(a))[0]
        raise MCDAError(code="err.ahp.not_finite", prefix=prefix, pair=_pair(i, j, labels), value=a[i, j])
    nan = np.isnan(a)
    diag = np.diagonal(a)
    bad = np.flatnonzero(np.isnan(diag) | (np.abs(diag - 1.0) > rtol))
    if bad.size:
        i = bad[0]
        raise MCDAError(code="err.ahp.diagonal", prefix=prefix, item=item_name(i, labels),
                        value=format_value(a[i, i], fraction=False))
    with np.errstate(invalid="ignore"):
        nonpos = (a <= 0) & ~nan
    if nonpos.any():
        i, j = np.argwhere(nonpos)[0]
        raise MCDAError(code="err.ahp.not_positive", prefix=prefix, pair=_pair(i, j, labels), value=a[i, j])
    with np.errstate(invalid="ignore"):
        huge = ((a > MAX_RATIO * (1 + rtol)) | (a < 1 / (MAX_RATIO * (1 + rtol)))) & ~nan
    if huge.any():
        i, j = np.argwhere(huge)[0]
        raise MCDAError(code="err.ahp.beyond_ratio", prefix=prefix, max=MAX_RATIO, pair=_pair(i, j, labels),
                        value=a[i, j])
    if nan.any():
        mism = nan != nan.T
        if mism.any():
            i, j = np.argwhere(mism & ~nan)[0]
            raise MCDAError(code="err.ahp.half_missing", prefix=prefix, pair=_pair(i, j, labels),
                            value=format_value(a[i, j]))
        if not allow_missing:
            i, j = np.argwhere(np.triu(nan, 1))[0]
            k = int(np.triu(nan, 1).sum())
            raise MCDAError(code="err.ahp.incomplete" if k > 1 else "err.ahp.incomplete_one", prefix=prefix,
                            pair=_pair(i, j, labels), others=k - 1)
    with np.errstate(invalid="ignore"):
        off = np.abs(a * a.T - 1.0) > rtol
    off &= ~nan
    off = np.triu(off, 1)
    if off.any():
        i, j = np.argwhere(off)[0]
        more = int(off.sum()) - 1
        found, back = format_value(a[i, j], fraction=False), format_value(a[j, i], fraction=False)
        raise MCDAError(code="err.ahp.not_reciprocal_more" if more else "err.ahp.not_reciprocal", prefix=prefix,
                        pair=_pair(i, j, labels), found=found, back=back, expected=format_value(1.0 / a[i, j]),
                        more=more)


def check_stack(stack, labels: Sequence | None = None, allow_missing: bool = True,
                rtol: float = 1e-6, what: str = "sample") -> np.ndarray:
    """Validate a stack of pairwise comparison matrices, shape ``(S, n, n)``.

    Each matrix is checked as by :func:`check_matrix`; the message names the
    offending ``what`` (e.g. ``sample 3`` or ``member 2``).

    >>> check_stack(np.ones((2, 3, 3))).shape
    (2, 3, 3)
    """
    a = _to_float_array(stack, what="stack of matrices")
    if a.ndim != 3 or a.shape[1] != a.shape[2]:
        raise MCDAError(code="err.ahp.not_stack", shape=a.shape)
    if a.shape[0] == 0:
        raise MCDAError(code="err.ahp.empty_stack")
    n = a.shape[1]
    if n < 2:
        raise MCDAError(code="err.ahp.stack_too_small", n=n)
    _check_labels(labels, n)
    iu = np.triu_indices(n, 1)
    with np.errstate(invalid="ignore"):
        fine = (np.isfinite(a[:, iu[0], iu[1]]).all()
                and (a[:, iu[0], iu[1]] >= 1 / MAX_RATIO).all() and (a[:, iu[0], iu[1]] <= MAX_RATIO).all()
                and (np.abs(a[:, iu[0], iu[1]] * a[:, iu[1], iu[0]] - 1.0) <= rtol).all()
                and (np.abs(np.diagonal(a, axis1=1, axis2=2) - 1.0) <= rtol).all())
    if not fine:  # locate and explain the first bad matrix
        for s in range(a.shape[0]):
            _check_cells(a[s].copy(), labels, allow_missing, rtol, prefix=f"{what} {s}: ")
    a[:, iu[1], iu[0]] = 1.0 / a[:, iu[0], iu[1]]
    idx = np.arange(n)
    a[:, idx, idx] = 1.0
    return a


def check_k(k) -> int | None:
    """Validate a "top k" argument: a positive integer or ``None`` (meaning all)."""
    if k is None:
        return None
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, (int, np.integer)) or k < 1:
        raise MCDAError(code="err.ahp.bad_k", k=k)
    return int(k)


def ndim_of(matrix) -> int:
    """Number of dimensions of array-like input, refusing ragged nesting with :class:`MCDAError`."""
    try:
        return np.ndim(matrix)
    except ValueError as exc:
        raise MCDAError(code="err.ahp.ragged", error=exc) from None


def judged_mask(a: np.ndarray) -> np.ndarray:
    """Boolean mask of judged off-diagonal cells of a validated matrix (symmetric, False on the diagonal)."""
    m = ~np.isnan(a)
    np.fill_diagonal(m, False)
    return m


def missing_pairs(a: np.ndarray) -> list[tuple[int, int]]:
    """The missing pairs ``(i, j)``, ``i < j``, of a validated matrix, in row order.

    >>> missing_pairs(np.array([[1, 2, np.nan], [0.5, 1, 2], [np.nan, 0.5, 1]]))
    [(0, 2)]
    """
    i, j = np.nonzero(np.triu(np.isnan(a), 1))
    return [(int(p), int(q)) for p, q in zip(i, j, strict=True)]


def judged_pairs(a: np.ndarray) -> list[tuple[int, int]]:
    """The judged pairs ``(i, j)``, ``i < j``, of a validated matrix, in row order."""
    i, j = np.nonzero(np.triu(judged_mask(a), 1))
    return [(int(p), int(q)) for p, q in zip(i, j, strict=True)]


def count_judgments(a: np.ndarray) -> tuple[int, int]:
    """``(given, missing)`` numbers of pairs ``i < j`` of a validated matrix."""
    n = a.shape[0]
    missing = int(np.triu(np.isnan(a), 1).sum())
    return n * (n - 1) // 2 - missing, missing


def matrix_from_judgments(items: Sequence, judgments) -> np.ndarray:
    """Build a matrix (NaN where not judged) from ``{(item_a, item_b): value}``.

    ``value`` says how many times ``item_a`` is preferred to ``item_b``; the
    reciprocal cell is filled in.  A pair given twice (in either order) must agree.

    >>> matrix_from_judgments(["cost", "quality", "security"], {("cost", "quality"): 3})
    array([[1.        , 3.        ,        nan],
           [0.33333333, 1.        ,        nan],
           [       nan,        nan, 1.        ]])
    """
    items = list(items)
    index = {name: k for k, name in enumerate(items)}
    if len(index) != len(items):
        raise MCDAError(code="err.ahp.duplicate_items", items=items)
    n = len(items)
    a = np.full((n, n), np.nan)
    np.fill_diagonal(a, 1.0)
    for key, value in dict(judgments).items():
        try:
            p, q = key
        except (TypeError, ValueError):
            raise MCDAError(code="err.ahp.judgment_key", key=key) from None
        for name in (p, q):
            if name not in index:
                raise MCDAError(code="err.ahp.unknown_item", a=p, b=q, name=name, items=items)
        i, j = index[p], index[q]
        if i == j:
            raise MCDAError(code="err.ahp.self_comparison", a=p, b=q)
        v = float(value)
        if not np.isfinite(v) or v <= 0:
            raise MCDAError(code="err.ahp.judgment_not_positive", a=p, b=q, value=value)
        if not np.isnan(a[i, j]) and abs(a[i, j] * (1.0 / v) - 1.0) > 1e-9:
            raise MCDAError(code="err.ahp.judged_twice", a=p, b=q, first=format_value(a[i, j]), second=format_value(v))
        a[i, j], a[j, i] = v, 1.0 / v
    return a
