"""Argument checks shared by the sensitivity kernels (run once per call, never per sample)."""
from __future__ import annotations


import numpy as np

from mcda.errors import MCDAError
from mcda.methods import BATCH_METHODS
from mcda.methods import METHODS as _REGISTRY
from mcda.methods.checks import check_labels as labels

__all__ = ["METHODS", "DEFAULT_NORMALIZATION", "check_method", "labels", "as_weights",
           "criterion_index", "criterion_name", "WEIGHT_SUM_TOL"]

#: ranking methods the sensitivity kernels understand (the registry's batch methods)
METHODS = BATCH_METHODS

#: normalisation used when ``normalization=None`` (the registry's default for each method)
DEFAULT_NORMALIZATION = {name: _REGISTRY[name].default_normalization for name in BATCH_METHODS}

#: a weight vector must sum to 1 within this tolerance (it is then divided by its sum)
WEIGHT_SUM_TOL = 1e-6


def check_method(method) -> str:
    if method not in METHODS:
        raise MCDAError(f"method must be one of {', '.join(map(repr, METHODS))}; found {method!r}")
    return method


def criterion_name(j: int, criteria=None) -> str:
    return f"criterion {criteria[j]!r}" if criteria is not None else f"criterion {j}"


def as_weights(weights, m: int | None = None, criteria=None, *,
               what: str = "weights") -> np.ndarray:
    """A weight vector of ``m`` (any number if None) finite values >= 0 summing to 1 (within 1e-6).

    Returns a new float array divided by its sum, so that later
    ``1 - w_k`` and the other weights agree to rounding.
    """
    try:
        w = np.array(weights, dtype=float)
    except (TypeError, ValueError) as exc:
        raise MCDAError(f"{what} must be numeric; could not convert them ({exc})") from None
    if m is None and w.ndim == 1 and w.shape[0] >= 1:
        m = w.shape[0]
    if w.ndim != 1 or w.shape[0] != m:
        expected = f"{m} {what} (one per criterion)" if m else f"a non-empty 1-D vector of {what}"
        raise MCDAError(f"expected {expected}; found shape {w.shape}")
    bad = np.flatnonzero(~np.isfinite(w) | (w < 0))
    if bad.size:
        j = int(bad[0])
        raise MCDAError(f"{what} must be finite and >= 0; found {w[j]} for {criterion_name(j, criteria)}"
                        + (f" (and {bad.size - 1} more)" if bad.size > 1 else ""))
    total = w.sum()
    if abs(total - 1.0) > WEIGHT_SUM_TOL:
        raise MCDAError(f"{what} must sum to 1 (a node's local weights); found a sum of {total:.9g}")
    return w / total


def criterion_index(k, m: int, criteria=None) -> int:
    """Criterion position from an index (``0 <= k < m``) or, with labels, a label."""
    if criteria is not None and not isinstance(k, (int, np.integer)) and k in criteria:
        return list(criteria).index(k)
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, (int, np.integer)):
        known = f" (known: {', '.join(map(repr, criteria))})" if criteria is not None else ""
        raise MCDAError(f"criterion must be an index 0..{m - 1}{' or a label' if criteria else ''}; "
                        f"found {k!r}{known}")
    if not 0 <= k < m:
        raise MCDAError(f"criterion index must be in 0..{m - 1}; found {k}")
    return int(k)
