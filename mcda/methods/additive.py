"""Additive value methods: weighted sum (SAW) and AHP synthesis.

Both compute ``P_i = sum_j w_j r_ij`` over a normalised, benefit-oriented
matrix ``r`` (weights used as given, not renormalised). They differ only in
the normalisation, taken from :mod:`mcda.normalization`:

* WSM / SAW: linear ``max`` by default (``x / max``, cost ``min / x``;
  MacCrimmon 1968; Fishburn 1967);
* AHP synthesis, ideal mode: ``max`` (each criterion's best vendor gets 1;
  Belton & Gear 1983; Forman 1993), distributive mode: ``sum`` (each
  criterion's column sums to 1; Saaty 1980).

For AHP the matrix holds ratio-scale local priorities (or positive
measurements) of each vendor under each covering criterion. A cost criterion
(e.g. price) is turned into a priority by the reciprocal, as a ratio scale
requires: a vendor half as expensive is twice as preferred. So ideal mode
gives ``min / x`` and distributive mode ``(1/x) / sum(1/x)``. Ideal mode keeps
the ranks of the other vendors when a vendor is added or removed unless that
vendor becomes the best on some criterion (Saaty & Vargas 1984's counterexample);
distributive mode does not (Belton & Gear 1983's example).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mcda.errors import MCDAError
from mcda.methods.checks import check_problem, check_scores, frozen_array
from mcda.normalization import apply_checked, resolve
from mcda.text.errors_kernels import Phrase

__all__ = ["AdditiveDetails", "wsm", "wsm_details", "ahp_synthesis", "ahp_synthesis_details",
           "AHP_MODES"]

#: AHP synthesis mode -> normalisation name
AHP_MODES = {"ideal": "max", "distributive": "sum"}


@dataclass(frozen=True)
class AdditiveDetails:
    """Intermediates of an additive method (arrays are read-only).

    ``contributions`` (``w_j r_ij``) sum over a row to the vendor's score.
    """

    method: str
    normalization: str
    normalized: np.ndarray
    weights: np.ndarray
    scores: np.ndarray

    @property
    def contributions(self) -> np.ndarray:
        """``w_j r_ij`` (n, m); rows sum to :attr:`scores`."""
        return self.normalized * self.weights


def wsm_details(matrix, weights, types, normalization="max", *, bounds=None,
                vendors=None, criteria=None) -> AdditiveDetails:
    """Weighted sum model with its intermediates.

    Parameters
    ----------
    matrix : array-like (n, m)
    weights : array-like (m,)
        Used as given (pass weights summing to 1 for scores in [0, 1]).
    types : array-like (m,)
        +1 benefit, -1 cost.
    normalization : str or callable
        Default ``'max'`` (classic SAW).
    bounds, vendors, criteria : optional
        ``scale`` bounds; labels for error messages.

    Returns
    -------
    AdditiveDetails

    References
    ----------
    Fishburn, P. C. (1967). Additive utilities with incomplete product set.
    Operations Research Society of America. MacCrimmon, K. R. (1968), RAND RM-4823-ARPA.

    >>> wsm_details([[2, 10], [4, 20]], [0.5, 0.5], [1, -1]).contributions
    array([[0.25, 0.5 ],
           [0.5 , 0.25]])
    """
    p = check_problem(matrix, weights, types, vendors=vendors, criteria=criteria)
    label, _ = resolve(normalization)
    with np.errstate(all="ignore"):  # extreme inputs are caught by check_scores
        r = apply_checked(p.matrix, p.cost, normalization, bounds, p.vendors, p.criteria)
        scores = check_scores(r @ p.weights, Phrase("the weighted sum", "加权求和法"), p.vendors,
                              weights=p.weights, normalized=r)
    return AdditiveDetails("wsm", label, frozen_array(r), frozen_array(p.weights.copy()),
                           frozen_array(scores))


def wsm(matrix, weights, types, normalization="max", *, bounds=None,
        vendors=None, criteria=None) -> np.ndarray:
    """Weighted sum scores ``P_i = sum_j w_j r_ij``; higher is better.

    >>> wsm([[2, 10], [4, 20]], [0.5, 0.5], [1, -1])
    array([0.75, 0.75])
    """
    return wsm_details(matrix, weights, types, normalization, bounds=bounds,
                       vendors=vendors, criteria=criteria).scores


def ahp_synthesis_details(matrix, weights, types, mode="ideal", *, vendors=None,
                          criteria=None) -> AdditiveDetails:
    """AHP synthesis of local priorities with its intermediates.

    Parameters
    ----------
    matrix : array-like (n, m)
        Local priorities (or positive ratio-scale measurements) of each vendor
        under each covering criterion; values >= 0.
    weights : array-like (m,)
        Global weights of the covering criteria, used as given.
    types : array-like (m,)
        +1 benefit, -1 cost (cost values are inverted, see the module notes).
    mode : {'ideal', 'distributive'}
        ``ideal``: divide by the column's best (Belton & Gear 1983; Forman 1993;
        Expert Choice's default); ``distributive``: divide by the column sum
        (Saaty 1980).

    Returns
    -------
    AdditiveDetails

    References
    ----------
    Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill.
    Belton, V. & Gear, T. (1983). On a short-coming of Saaty's method of
    analytic hierarchies. Omega 11(3), 228-230.
    Forman, E. H. (1993). Ideal and distributed synthesis modes for the
    analytic hierarchy process. George Washington University working paper.

    >>> d = ahp_synthesis_details([[1, 9, 8], [9, 1, 9], [1, 1, 1]], [1/3, 1/3, 1/3], [1, 1, 1],
    ...                           mode="distributive")
    >>> d.scores.round(4)
    array([0.4512, 0.4697, 0.0791])
    """
    if mode not in AHP_MODES:
        raise MCDAError(code="err.method.ahp_mode", mode=repr(mode)[:80])
    p = check_problem(matrix, weights, types, vendors=vendors, criteria=criteria)
    name = AHP_MODES[mode]
    with np.errstate(all="ignore"):  # extreme inputs are caught by check_scores
        r = apply_checked(p.matrix, p.cost, name, None, p.vendors, p.criteria)
        scores = check_scores(r @ p.weights, Phrase(f"AHP synthesis ({mode})", f"AHP 综合（{mode}）"), p.vendors,
                              weights=p.weights, normalized=r)
    return AdditiveDetails(f"ahp_{mode}", name, frozen_array(r), frozen_array(p.weights.copy()),
                           frozen_array(scores))


def ahp_synthesis(matrix, weights, types, mode="ideal", *, vendors=None,
                  criteria=None) -> np.ndarray:
    """AHP global priorities ``P_i = sum_j w_j r_ij`` in ideal or distributive mode.

    >>> ahp_synthesis([[1, 9, 8], [9, 1, 9], [1, 1, 1]], [1/3, 1/3, 1/3], [1, 1, 1]).round(4)
    array([0.6667, 0.7037, 0.1111])
    """
    return ahp_synthesis_details(matrix, weights, types, mode, vendors=vendors,
                                 criteria=criteria).scores
