"""Ranking methods: pure kernels over a decision matrix, and their registry.

Every method takes ``(matrix, weights, types)``: ``matrix`` (n vendors, m
criteria), ``weights`` (m,) non-negative and not all zero (used as given),
``types`` (m,) with +1 benefit and -1 cost. Validation runs once per call
and raises :class:`mcda.errors.MCDAError` naming the offending cell,
criterion or vendor (pass ``vendors=`` / ``criteria=`` labels).

A single vendor is allowed and ranks 1 under every method (TOPSIS gives it
closeness 1, VIKOR Q = 0, PROMETHEE II net flow 0).

pymcdm is imported lazily, only by :func:`wpm`, :func:`vikor`,
:func:`promethee_ii` and :func:`agreement`.

>>> res = run_method("topsis", [[1, 2], [2, 1], [3, 1]], [0.5, 0.5], [1, 1])
>>> res.ranks
array([2, 3, 1])
>>> METHODS["ahp_ideal"].label_en
'AHP synthesis, ideal mode'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable

import numpy as np

from mcda.errors import MCDAError
from mcda.methods.additive import AdditiveDetails, ahp_synthesis, ahp_synthesis_details, wsm, wsm_details
from mcda.methods.agreement import Agreement, agreement
from mcda.methods.pymcdm_methods import (
    PrometheeDetails,
    VikorResult,
    WpmDetails,
    promethee_ii,
    promethee_ii_details,
    vikor,
    wpm,
    wpm_details,
)
from mcda.methods.ranking import DEFAULT_TIE_TOL, rank
from mcda.methods.topsis import TopsisDetails, topsis, topsis_details

__all__ = [
    "topsis", "topsis_details", "TopsisDetails",
    "wsm", "wsm_details", "AdditiveDetails",
    "ahp_synthesis", "ahp_synthesis_details",
    "wpm", "wpm_details", "WpmDetails",
    "vikor", "VikorResult",
    "promethee_ii", "promethee_ii_details", "PrometheeDetails",
    "rank", "DEFAULT_TIE_TOL",
    "agreement", "Agreement",
    "MethodSpec", "MethodResult", "METHODS", "METHOD_NAMES", "BATCH_METHODS", "run_method",
]


@dataclass(frozen=True)
class MethodSpec:
    """A ranking method in the registry.

    Attributes
    ----------
    name : str
        Registry key.
    label_zh, label_en : str
        Labels shown in the UI.
    function : callable
        Public scoring function ``f(matrix, weights, types, ...) -> scores``
        (:func:`vikor` returns its :class:`VikorResult`).
    details_function : callable
        ``f(matrix, weights, types, [normalization,] **options, vendors=, criteria=)``
        returning an object with ``.scores`` and the intermediates.
    default_normalization : str or None
        None when the method fixes its own (see ``fixed_normalization``).
    higher_is_better : bool
        False when the lowest score wins (VIKOR's Q).
    reference : str
        Primary source.
    options : tuple of str
        Extra keyword options :func:`run_method` accepts for this method.
    fixed_normalization : str or None
        What the method uses when it fixes its own normalisation.
    explanation : {"additive", "distance"} or None
        How a score splits into criterion contributions (:mod:`mcda.engine.explain`):
        ``"additive"`` (weighted-sum terms), ``"distance"`` (TOPSIS squared distance
        to the ideal), or None (not explained).
    batch : bool
        The sensitivity kernels (:mod:`mcda.sensitivity`) score this method for many
        weight vectors at once: one-way sweeps, stability, SMAA.

    ``"bounds" in options`` says the method accepts the ``scale`` normalisation's bounds.
    """

    name: str
    label_zh: str
    label_en: str
    function: Callable
    details_function: Callable
    default_normalization: str | None
    higher_is_better: bool
    reference: str
    options: tuple = ()
    fixed_normalization: str | None = None
    explanation: str | None = None
    batch: bool = False


@dataclass(frozen=True)
class MethodResult:
    """Uniform result of :func:`run_method` (read-only arrays)."""

    method: str
    scores: np.ndarray
    ranks: np.ndarray
    normalization: str
    higher_is_better: bool
    details: Any = field(repr=False)


_HWANG_YOON = ("Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and "
               "Applications. Springer.")
_SAATY = ("Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill; Belton, V. & Gear, T. "
          "(1983). Omega 11(3), 228-230; Forman, E. H. (1993), ideal and distributive synthesis modes.")

METHODS: dict[str, MethodSpec] = {
    spec.name: spec
    for spec in (
        MethodSpec("topsis", "TOPSIS（逼近理想解排序法）", "TOPSIS (closeness to the ideal)",
                   topsis, topsis_details, "vector", True, _HWANG_YOON, ("bounds",),
                   explanation="distance", batch=True),
        MethodSpec("wsm", "加权求和法（SAW）", "Weighted sum (SAW)", wsm, wsm_details, "max", True,
                   "Fishburn, P. C. (1967). Additive utilities with incomplete product set. ORSA; "
                   "MacCrimmon, K. R. (1968). RAND RM-4823-ARPA.", ("bounds",),
                   explanation="additive", batch=True),
        MethodSpec("wpm", "加权乘积法（WPM）", "Weighted product (WPM)", wpm, wpm_details, "max", True,
                   "Bridgman, P. W. (1922). Dimensional Analysis. Yale University Press; Miller, D. W. & "
                   "Starr, M. K. (1969). Executive Decisions and Operations Research. Prentice-Hall.",
                   ("bounds",)),
        MethodSpec("ahp_ideal", "AHP 综合（理想模式）", "AHP synthesis, ideal mode",
                   partial(ahp_synthesis, mode="ideal"), partial(ahp_synthesis_details, mode="ideal"),
                   None, True, _SAATY, (), "max (ideal mode: best vendor = 1)", explanation="additive"),
        MethodSpec("ahp_distributive", "AHP 综合（分配模式）", "AHP synthesis, distributive mode",
                   partial(ahp_synthesis, mode="distributive"),
                   partial(ahp_synthesis_details, mode="distributive"),
                   None, True, _SAATY, (), "sum (distributive mode: columns sum to 1)",
                   explanation="additive"),
        MethodSpec("vikor", "VIKOR（多准则妥协排序法）", "VIKOR (compromise ranking)", vikor, vikor,
                   None, False,
                   "Opricovic, S. & Tzeng, G.-H. (2004). EJOR 156(2), 445-455; (2007) EJOR 178(2), 514-529.",
                   ("v",), "VIKOR linear: (f* - f) / (f* - f-)"),
        MethodSpec("promethee_ii", "PROMETHEE II（偏好顺序结构评估法）", "PROMETHEE II (net outranking flow)",
                   promethee_ii, promethee_ii_details, None, True,
                   "Brans, J.-P. & Vincke, Ph. (1985). Management Science 31(6), 647-656.",
                   ("preference_function", "p", "q"), "none: preference functions on raw differences"),
    )
}

#: Every method's name, in registry order (the scenario format's ``ranking_methods`` choices).
METHOD_NAMES: tuple[str, ...] = tuple(METHODS)
#: Methods the sensitivity kernels score in batches (one-way sweeps, stability, SMAA).
BATCH_METHODS: tuple[str, ...] = tuple(name for name, spec in METHODS.items() if spec.batch)


def run_method(name: str, matrix, weights, types, normalization=None, *, vendors=None,
               criteria=None, tol: float = DEFAULT_TIE_TOL, **options) -> MethodResult:
    """Run a registered method and rank its scores.

    Parameters
    ----------
    name : str
        A key of :data:`METHODS`.
    matrix, weights, types
        The decision problem (see the module docstring).
    normalization : str or callable, optional
        Overrides the method's default normalisation; an error for methods
        that fix their own (AHP modes, VIKOR, PROMETHEE II).
    vendors, criteria : optional
        Labels used in error messages.
    tol : float
        Tie tolerance passed to :func:`rank`.
    **options
        Method options listed in ``METHODS[name].options`` (e.g. ``v`` for
        VIKOR, ``preference_function``/``p``/``q`` for PROMETHEE II,
        ``bounds`` for the ``scale`` normalisation).

    Returns
    -------
    MethodResult
        ``scores``, ``ranks`` (1 = best), the ``normalization`` used, and the
        method's ``details`` object.
    """
    spec = METHODS.get(name)
    if spec is None:
        raise MCDAError(code="err.method.unknown", name=repr(name)[:80], known=", ".join(METHODS))
    unknown = sorted(set(options) - set(spec.options))
    if unknown:
        allowed = ", ".join(spec.options) or "none"
        raise MCDAError(code="err.method.options", name=repr(name), unknown=", ".join(unknown), allowed=allowed)
    kwargs = dict(options, vendors=vendors, criteria=criteria)
    if spec.default_normalization is None:
        if normalization is not None:
            raise MCDAError(code="err.method.fixed_normalisation", name=repr(name), fixed=spec.fixed_normalization,
                            found=repr(normalization)[:80])
        details = spec.details_function(matrix, weights, types, **kwargs)
        used = spec.fixed_normalization
        if name == "promethee_ii":
            used = f"{used} ({details.preference_function})"
    else:
        chosen = spec.default_normalization if normalization is None else normalization
        details = spec.details_function(matrix, weights, types, chosen, **kwargs)
        used = details.normalization
    scores = np.asarray(details.scores)
    ranks = rank(scores, higher_is_better=spec.higher_is_better, tol=tol)
    ranks.flags.writeable = False
    return MethodResult(name, scores, ranks, used, spec.higher_is_better, details)
