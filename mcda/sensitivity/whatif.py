"""What-if kernel: change one weight, rescale the others proportionally.

One-way sensitivity with proportional rescaling: when the weight of
criterion ``k`` moves from ``w_k`` to ``t``, every other weight keeps its share
of the remainder,

    ``w'_l = w_l (1 - t) / (1 - w_k)``,   ``l != k``

(e.g. Barron & Schmidt 1988; Triantaphyllou & Sanchez 1997 in renormalised
form), so the vector still sums to 1 and the ratios among the others are
unchanged. Written as a path, ``w(t) = t e_k + (1 - t) u`` with
``u = (w - w_k e_k) / (1 - w_k)``: scores are affine in ``t`` for the weighted
sum and the TOPSIS squared distances are quadratic in ``t``.

Edge policies (pinned by tests):

* ``t`` must lie in [0, 1] (an error otherwise, naming the criterion);
* when every other weight is 0 (so ``w_k = 1``) and ``t < 1``, the remainder
  ``1 - t`` is spread *equally* over the other criteria (no ratios to keep);
* a node with one criterion: its weight is 1 and cannot change (``t = 1``
  is accepted, anything else is an error);
* the weights are applied to a node's local weights; they must sum to 1
  (within 1e-6) and are divided by their sum first.
"""
from __future__ import annotations

import numpy as np

from mcda.errors import MCDAError
from mcda.normalization import as_real_array
from mcda.sensitivity.checks import as_weights, criterion_index, criterion_name
from mcda.text.errors_kernels import Phrase

__all__ = ["rescale", "rescale_path", "others_direction"]


def others_direction(weights, k, *, criteria=None) -> np.ndarray:
    """``u``: the other criteria's shares of the remainder (``u_k = 0``, ``sum u = 1``).

    ``u_l = w_l / sum_{l' != k} w_l'``; equal shares when the others are all 0.
    For a single criterion, ``u`` is all zero.

    >>> others_direction([0.5, 0.3, 0.2], 0)
    array([0. , 0.6, 0.4])
    >>> others_direction([0.0, 1.0, 0.0], 1)
    array([0.5, 0. , 0.5])
    """
    w = as_weights(weights, None, criteria)
    k = criterion_index(k, w.size, criteria)
    u = w.copy()
    u[k] = 0.0
    rest = u.sum()  # more accurate than 1 - w_k
    if rest > 0:
        u /= rest
    elif w.size > 1:
        u[:] = 1.0 / (w.size - 1)
        u[k] = 0.0
    return u


def _check_t(t, k: int, m: int, criteria) -> np.ndarray:
    t = as_real_array(t, Phrase("t"))
    bad = ~np.isfinite(t) | (t < 0) | (t > 1)
    if bad.any():
        v = t.reshape(-1)[np.flatnonzero(bad.reshape(-1))[0]]
        raise MCDAError(code="err.sens.new_weight", who=criterion_name(k, criteria), value=float(v))
    if m == 1 and np.any(t != 1):
        raise MCDAError(code="err.sens.only_criterion", who=criterion_name(k, criteria),
                        value=float(t.reshape(-1)[0]))
    return t


def rescale(weights, k, new_value, *, criteria=None) -> np.ndarray:
    """Set weight ``k`` to ``new_value``; rescale the others proportionally (sum stays 1).

    Parameters
    ----------
    weights : array-like (m,)
        A node's local weights (>= 0, summing to 1).
    k : int or label
        The criterion to change (a label if ``criteria`` is given).
    new_value : float in [0, 1]
    criteria : sequence of str, optional
        Labels, for ``k`` and messages.

    Returns
    -------
    ndarray (m,)

    Examples
    --------
    >>> rescale([0.5, 0.3, 0.2], 0, 0.6)
    array([0.6 , 0.24, 0.16])
    >>> rescale([1.0, 0.0, 0.0], 0, 0.4)          # others all 0: spread equally
    array([0.4, 0.3, 0.3])
    >>> rescale([0.2, 0.8], "price", 0.5, criteria=["quality", "price"])
    array([0.5, 0.5])
    """
    w = as_weights(weights, None, criteria)
    k = criterion_index(k, w.size, criteria)
    t = float(_check_t(new_value, k, w.size, criteria))
    return rescale_path(w, k, [t], criteria=criteria)[0]


def rescale_path(weights, k, t, *, criteria=None) -> np.ndarray:
    """Weight vectors along the one-way path: ``w(t) = t e_k + (1 - t) u`` for each ``t``.

    Parameters
    ----------
    weights : array-like (m,)
    k : int or label
    t : array-like (T,) of values in [0, 1]

    Returns
    -------
    ndarray (T, m); row ``r`` is :func:`rescale` ``(weights, k, t[r])``.

    >>> rescale_path([0.5, 0.3, 0.2], 0, [0.0, 0.5, 1.0])
    array([[0. , 0.6, 0.4],
           [0.5, 0.3, 0.2],
           [1. , 0. , 0. ]])
    """
    w = as_weights(weights, None, criteria)
    k = criterion_index(k, w.size, criteria)
    t = _check_t(np.atleast_1d(t), k, w.size, criteria).reshape(-1)
    u = others_direction(w, k, criteria=criteria)
    out = np.outer(1.0 - t, u)
    out[:, k] = t
    # the current weight maps back exactly to the current vector
    out[t == w[k]] = w
    return out
