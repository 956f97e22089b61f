"""Argument checks shared by the sensitivity kernels (run once per call, never per sample)."""
from __future__ import annotations

import numpy as np

from mcda.errors import MCDAError
from mcda.methods import BATCH_METHODS
from mcda.methods import METHODS as _REGISTRY
from mcda.methods.checks import MIN_WEIGHT_SUM, check_weight_sum
from mcda.methods.checks import check_labels as labels
from mcda.normalization import as_real_array
from mcda.text.errors_kernels import Phrase, phrase

__all__ = ["METHODS", "DEFAULT_NORMALIZATION", "check_method", "labels", "as_weights",
           "criterion_index", "criterion_name", "WEIGHT_SUM_TOL", "MIN_WEIGHT_SUM", "check_weight_sum",
           "weight_samples_array", "weight_chunk"]

#: ranking methods the sensitivity kernels understand (the registry's batch methods)
METHODS = BATCH_METHODS

#: normalisation used when ``normalization=None`` (the registry's default for each method)
DEFAULT_NORMALIZATION = {name: _REGISTRY[name].default_normalization for name in BATCH_METHODS}

#: a weight vector must sum to 1 within this tolerance (it is then divided by its sum)
WEIGHT_SUM_TOL = 1e-6


def check_method(method) -> str:
    if method not in METHODS:
        raise MCDAError(code="err.sens.method", known=", ".join(map(repr, METHODS)), found=repr(method)[:80])
    return method


def criterion_name(j: int, criteria=None) -> Phrase:
    """``criterion 'x'`` (or ``criterion j`` without labels), in both languages."""
    if criteria is not None:
        return phrase("err.loc.criterion", criterion=repr(criteria[j]))
    return phrase("err.loc.criterion_index", j=j)


def as_weights(weights, m: int | None = None, criteria=None, *,
               what: Phrase | None = None) -> np.ndarray:
    """A weight vector of ``m`` (any number if None) finite values >= 0 summing to 1 (within 1e-6).

    Returns a new float array divided by its sum, so that later
    ``1 - w_k`` and the other weights agree to rounding.
    """
    what = what or phrase("err.what.weights")
    w = as_real_array(weights, what)
    if m is None and w.ndim == 1 and w.shape[0] >= 1:
        m = w.shape[0]
    if w.ndim != 1 or w.shape[0] != m:
        if m:
            raise MCDAError(code="err.sens.weights_shape", m=m, what=what, shape=str(w.shape))
        raise MCDAError(code="err.sens.weights_shape_any", what=what, shape=str(w.shape))
    bad = np.flatnonzero(~np.isfinite(w) | (w < 0))
    if bad.size:
        j = int(bad[0])
        more = phrase("err.loc.more", n=bad.size - 1) if bad.size > 1 else Phrase("")
        raise MCDAError(code="err.sens.weights_value", what=what, value=float(w[j]),
                        who=criterion_name(j, criteria), more=more)
    with np.errstate(over="ignore"):
        total = float(w.sum())
    if not abs(total - 1.0) <= WEIGHT_SUM_TOL:
        if not np.isfinite(total):
            check_weight_sum(total)
        raise MCDAError(code="err.sens.weights_sum", what=what, total=total)
    return w / total


def criterion_index(k, m: int, criteria=None) -> int:
    """Criterion position from an index (``0 <= k < m``) or, with labels, a label."""
    if criteria is not None and not isinstance(k, (int, np.integer)) and k in criteria:
        return list(criteria).index(k)
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, (int, np.integer)):
        if criteria is not None:
            raise MCDAError(code="err.sens.criterion_label", last=m - 1, found=repr(k)[:80],
                            known=", ".join(map(repr, criteria)))
        raise MCDAError(code="err.sens.criterion_index", last=m - 1, found=repr(k)[:80])
    if not 0 <= k < m:
        raise MCDAError(code="err.sens.criterion_range", last=m - 1, found=int(k))
    return int(k)


def weight_samples_array(weight_samples, m: int) -> np.ndarray:
    """Weight samples as a float (S, m) array, S >= 1 (values checked per chunk: :func:`weight_chunk`)."""
    W = as_real_array(weight_samples, phrase("err.what.weight_samples"))
    if W.ndim != 2 or W.shape[1] != m:
        raise MCDAError(code="err.smaa.samples_shape", m=m, shape=str(W.shape))
    if W.shape[0] == 0:
        raise MCDAError(code="err.smaa.samples_empty")
    return W


def weight_chunk(Wc: np.ndarray, offset: int, criteria, normalise: bool) -> np.ndarray:
    """Checked weight samples: finite, >= 0, each row summing to a normal positive number (the rule
    of every weight vector, :func:`mcda.sensitivity.checks.check_weight_sum`); divided by their
    sums when ``normalise``."""
    if not Wc.min() >= 0:  # one pass: min() propagates NaN
        bad = np.argwhere(~np.isfinite(Wc) | (Wc < 0))[0]
        s, j = int(bad[0]) + offset, int(bad[1])
        raise MCDAError(code="err.smaa.weight_sample", value=float(Wc[bad[0], j]),
                        where=phrase("err.loc.sample", s=s, criterion=criterion_name(j, criteria)))
    with np.errstate(over="ignore"):
        tot = Wc.sum(axis=1, keepdims=True)
    bad_rows = np.flatnonzero(~(np.isfinite(tot[:, 0]) & (tot[:, 0] >= MIN_WEIGHT_SUM)))
    if bad_rows.size:
        r = int(bad_rows[0])
        check_weight_sum(float(tot[r, 0]), sample=r + offset)
    return Wc / tot if normalise else Wc
