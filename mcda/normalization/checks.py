"""Validation of the numeric inputs of every kernel: one rule each, errors naming the cell.

* :func:`as_real_array`: the one conversion of an array-like to float. Complex values,
  booleans, text and ragged rows are refused (never cast silently: ``complex -> float``
  would drop the imaginary part, ``"3"`` would become 3.0).
* :func:`check_finite`, :func:`check_nonnegative`: NaN / infinite / negative cells, named.
* :func:`check_within` with :data:`BOUND_TOL`: the one bound check of the ``scale``
  normalisation (and of every other place that checks a value against a scale's bounds).
* :func:`types_to_cost`, :func:`cost_mask`, :func:`bounds_arrays`: criterion types and bounds.
"""
from __future__ import annotations

import numpy as np

from mcda.errors import MCDAError
from mcda.text.errors_kernels import Phrase, join, phrase

__all__ = ["BOUND_TOL", "as_real_array", "as_2d", "where", "check_finite", "check_nonnegative",
           "cost_mask", "types_to_cost", "bounds_arrays", "bound_slack", "check_within", "prepare",
           "finish", "criterion_phrase"]

#: Relative tolerance of every bound check: a value counts as within a scale ``lo..hi`` when it
#: lies within ``BOUND_TOL * (hi - lo)`` of it (a rounding step of an aggregation, e.g. the
#: weighted mean of 5 and 5 giving 5.000000000000001); such values are then clipped to the bounds.
BOUND_TOL = 1e-9


def where(i: int, j: int | None, vendors=None, criteria=None) -> Phrase:
    """Name a cell as ``row 3 (vendor 'Acme'), column 1 (criterion 'Cost')`` (both languages)."""
    row = (phrase("err.loc.row_vendor", i=i, vendor=repr(vendors[i])) if vendors is not None
           else phrase("err.loc.row", i=i))
    if j is None:
        return row
    col = (phrase("err.loc.column_criterion", j=j, criterion=repr(criteria[j])) if criteria is not None
           else phrase("err.loc.column", j=j))
    return phrase("err.loc.cell", row=row, column=col)


def criterion_phrase(j: int, criteria=None, column: bool = True) -> Phrase:
    """``criterion 'x'`` with labels, else ``column j`` (or ``criterion j`` if not ``column``)."""
    if criteria is not None:
        return phrase("err.loc.criterion", criterion=repr(criteria[j]))
    return phrase("err.loc.column" if column else "err.loc.criterion_index", j=j)


def _more(n: int) -> Phrase:
    return phrase("err.loc.more", n=n) if n > 0 else Phrase("", "")


def as_real_array(x, what: Phrase | str = "x", *, detail_key: str = "err.num.not_numeric") -> np.ndarray:
    """``x`` as a float ndarray; complex, boolean, text and ragged input refused.

    >>> as_real_array([[1, 2], [3, 4]]).dtype
    dtype('float64')
    >>> as_real_array([1 + 2j])
    Traceback (most recent call last):
    ...
    mcda.errors.MCDAError: x must be real numbers; found complex values (the imaginary part is not dropped silently)
    """
    what = what if isinstance(what, Phrase) else Phrase(what)
    if isinstance(x, np.ndarray) and x.dtype.kind == "f":
        return x if x.dtype == np.float64 else x.astype(float)
    try:
        arr = np.asarray(x)
    except ValueError as exc:  # ragged nested sequences
        raise MCDAError(code="err.num.ragged", what=what, detail=str(exc)) from None
    kind = arr.dtype.kind
    if kind == "O":
        flat = arr.ravel()
        if any(isinstance(v, (complex, np.complexfloating)) for v in flat):
            kind = "c"
        elif any(isinstance(v, (bool, np.bool_)) for v in flat):
            kind = "b"
        elif any(isinstance(v, (str, bytes)) for v in flat):
            found = next(v for v in flat if isinstance(v, (str, bytes)))
            raise MCDAError(code="err.num.text", what=what, found=repr(found)[:60])
        elif any(isinstance(v, (list, tuple, np.ndarray)) for v in flat):
            raise MCDAError(code="err.num.ragged", what=what, detail=f"found shape {arr.shape} of nested rows")
    if kind == "c":
        raise MCDAError(code="err.num.complex", what=what)
    if kind == "b":
        raise MCDAError(code="err.num.bool", what=what)
    if kind in "USV":
        found = arr.ravel()[0].item() if arr.size else ""
        raise MCDAError(code="err.num.text", what=what, found=repr(found)[:60])
    try:
        return np.asarray(arr, dtype=float)
    except (TypeError, ValueError, OverflowError) as exc:
        raise MCDAError(code=detail_key, what=what, detail=str(exc)) from None


def as_2d(x, name: str = "x") -> tuple[np.ndarray, bool]:
    """Return ``x`` as a float (n, m) array (a view when possible) and whether it was 1-D."""
    arr = as_real_array(x, Phrase(name), detail_key="err.num.not_numeric_it")
    if arr.ndim == 1:
        arr = arr[:, None]
        one_d = True
    elif arr.ndim == 2:
        one_d = False
    else:
        raise MCDAError(code="err.norm.shape", name=name, shape=str(arr.shape))
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise MCDAError(code="err.norm.empty", name=name, shape=str(arr.shape))
    return arr, one_d


def check_finite(X: np.ndarray, vendors=None, criteria=None, one_d: bool = False,
                 what: Phrase | None = None) -> None:
    """Raise naming the non-finite cells. Cheap: one column-sum pass, no (n, m) temporary."""
    with np.errstate(over="ignore", invalid="ignore"):
        col = np.add.reduce(X, axis=0)
    bad_cols = np.flatnonzero(~np.isfinite(col))
    if bad_cols.size == 0:
        return
    cells = []
    for j in bad_cols:
        rows = np.flatnonzero(~np.isfinite(X[:, j]))
        cells.extend((int(i), int(j)) for i in rows)
    if not cells:  # only an overflow of the column sum: the values are finite
        return
    shown = join(phrase("err.loc.value", where=where(i, None if one_d else j, vendors, criteria),
                        value=float(X[i, j])) for i, j in cells[:10])
    raise MCDAError(code="err.norm.not_finite", what=what or phrase("err.what.matrix"), count=len(cells),
                    shown=shown, more=_more(len(cells) - 10))


def check_nonnegative(X: np.ndarray, what: Phrase | str, vendors=None, criteria=None,
                      one_d: bool = False) -> None:
    """Raise naming the negative cells (ratio normalisations need values >= 0)."""
    bad_cols = np.flatnonzero(X.min(axis=0) < 0)
    if bad_cols.size == 0:
        return
    cells = [(int(i), int(j)) for j in bad_cols for i in np.flatnonzero(X[:, j] < 0)]
    shown = join(phrase("err.loc.value_g", where=where(i, None if one_d else j, vendors, criteria),
                        value=float(X[i, j])) for i, j in cells[:10])
    raise MCDAError(code="err.norm.negative", what=what if isinstance(what, Phrase) else Phrase(what),
                    count=len(cells), shown=shown, more=_more(len(cells) - 10))


def cost_mask(cost, m: int) -> np.ndarray:
    """``cost`` (bool or (m,) bools) -> bool array (m,)."""
    c = np.asarray(cost)
    if c.dtype != bool:
        if not np.issubdtype(c.dtype, np.number) or not np.all(np.isin(c, (0, 1))):
            raise MCDAError(code="err.norm.cost_type", found=repr(cost))
        c = c.astype(bool)
    if c.ndim == 0:
        return np.full(m, bool(c))
    if c.shape != (m,):
        raise MCDAError(code="err.norm.cost_shape", m=m, shape=str(c.shape))
    return c


def types_to_cost(types, m: int | None = None, criteria=None) -> np.ndarray:
    """Criterion types (+1 benefit, -1 cost) -> bool cost mask.

    >>> types_to_cost([1, -1, 1])
    array([False,  True, False])
    """
    t = np.asarray(types)
    if t.ndim != 1:
        raise MCDAError(code="err.norm.types_shape", shape=str(t.shape))
    if m is not None and t.shape[0] != m:
        raise MCDAError(code="err.norm.types_count", m=m, found=t.shape[0])
    try:
        ok = np.isin(t, (1, -1))
    except TypeError:
        ok = np.zeros(t.shape, bool)
    if not ok.all():
        bad = [(int(j), t[j].item() if hasattr(t[j], "item") else t[j]) for j in np.flatnonzero(~ok)]
        shown = join((phrase("err.loc.type_value", where=criterion_phrase(j, criteria), value=repr(v))
                      for j, v in bad), ", ", "，")
        raise MCDAError(code="err.norm.types_value", shown=shown)
    return t.astype(float) < 0


def bounds_arrays(bounds, m: int, criteria=None) -> tuple[np.ndarray, np.ndarray]:
    """``bounds`` (one (lo, hi) pair or m pairs) -> ``(lo, hi)`` arrays (m,), finite, lo < hi."""
    b = as_real_array(bounds, phrase("err.what.bounds"))
    if b.shape == (2,):
        b = np.broadcast_to(b, (m, 2))
    if b.shape != (m, 2):
        raise MCDAError(code="err.norm.bounds_shape", m=m, shape=str(np.shape(bounds)))
    lo, hi = b[:, 0], b[:, 1]
    bad = np.flatnonzero(~(np.isfinite(lo) & np.isfinite(hi) & (hi > lo)))
    if bad.size:
        j = int(bad[0])
        raise MCDAError(code="err.norm.bounds_value", lo=float(lo[j]), hi=float(hi[j]),
                        who=criterion_phrase(j, criteria))
    return lo, hi


def bound_slack(lo, hi):
    """How far outside ``lo..hi`` a value may lie and still count as within (:data:`BOUND_TOL`)."""
    return BOUND_TOL * (np.asarray(hi, dtype=float) - np.asarray(lo, dtype=float))


def check_within(X: np.ndarray, lo: np.ndarray, hi: np.ndarray, vendors=None, criteria=None,
                 one_d: bool = False) -> None:
    """Raise naming the cells outside their column's bounds (beyond :data:`BOUND_TOL`)."""
    slack = bound_slack(lo, hi)
    low, high = lo - slack, hi + slack
    outside = (X.min(axis=0) < low) | (X.max(axis=0) > high)
    if not outside.any():
        return
    cells = [(int(i), int(j)) for j in np.flatnonzero(outside)
             for i in np.flatnonzero((X[:, j] < low[j]) | (X[:, j] > high[j]))]
    shown = join(phrase("err.loc.value_bounds", where=where(i, None if one_d else j, vendors, criteria),
                        value=float(X[i, j]), lo=float(lo[j]), hi=float(hi[j])) for i, j in cells[:10])
    raise MCDAError(code="err.norm.outside_bounds", count=len(cells), shown=shown)


def prepare(x, cost):
    """A public normalisation's input: (finite float (n, m) array, cost mask (m,), was 1-D)."""
    X, one_d = as_2d(x)
    check_finite(X, one_d=one_d)
    return X, cost_mask(cost, X.shape[1]), one_d


def finish(out: np.ndarray, one_d: bool) -> np.ndarray:
    """Back to 1-D when the input was a column."""
    return out[:, 0] if one_d else out
