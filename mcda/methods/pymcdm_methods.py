"""Methods computed by pymcdm: WPM, VIKOR and PROMETHEE II.

pymcdm is imported inside the functions (it loads matplotlib, ~0.9 s), so
importing :mod:`mcda.methods` stays cheap. Inputs are validated here once,
with labelled messages; pymcdm is then called with ``validation=False`` and
its intermediate arrays are read from its verbose output.
"""
from __future__ import annotations

import warnings
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from mcda.errors import MCDAError
from mcda.methods.checks import check_problem, frozen_array
from mcda.normalization import check_nonnegative, column_functions, precheck
from mcda.normalization.checks import criterion_phrase
from mcda.text.errors_kernels import Phrase, phrase

__all__ = [
    "WpmDetails", "wpm", "wpm_details",
    "VikorResult", "vikor",
    "PrometheeDetails", "promethee_ii", "promethee_ii_details",
    "PREFERENCE_FUNCTIONS", "PROMETHEE_MAX_VENDORS",
]


def _tables(result) -> dict[str, np.ndarray]:
    """pymcdm verbose result -> {table label: data}."""
    return {t.desc.label: np.asarray(t.data, dtype=float) for t in result.results}


@contextmanager
def _pymcdm_call(what: str):
    """Run a pymcdm call quietly; its exceptions become MCDAError naming the method.

    Inputs are validated before, so this only guards against pymcdm's own
    surprises (an IndexError or ZeroDivisionError must never reach the caller).
    """
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            yield
    except MCDAError:
        raise
    except (ArithmeticError, ValueError, TypeError, IndexError, KeyError) as exc:
        raise MCDAError(code="err.method.pymcdm_failed", what=what, error=type(exc).__name__,
                        detail=str(exc)) from None


def _finite(arr: np.ndarray, what: str) -> np.ndarray:
    if not np.all(np.isfinite(arr)):
        i = int(np.flatnonzero(~np.isfinite(arr))[0])
        raise MCDAError(code="err.method.pymcdm_nonfinite", what=what, value=float(arr[i]), i=i)
    return arr


# --------------------------------------------------------------------------
# WPM
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class WpmDetails:
    """WPM intermediates from pymcdm (read-only arrays): ``P_i = prod_j r_ij ** w_j``."""

    normalization: str
    normalized: np.ndarray
    weighted: np.ndarray
    scores: np.ndarray


#: normalisations that keep a negative raw value negative (max and sum reject it in precheck)
_SIGN_PRESERVING = {"vector", "none"}


def wpm_details(matrix, weights, types, normalization="max", *, bounds=None,
                vendors=None, criteria=None) -> WpmDetails:
    """Weighted product model via pymcdm's ``WPM`` with our normalisation function.

    ``P_i = prod_j r_ij ** w_j`` (Bridgman 1922; Miller & Starr 1969), weights as
    given. A ratio method: the normalised values must be >= 0, so the raw
    values must be >= 0 for ``vector``, ``max``, ``sum`` and ``none`` (error
    naming the cell), and ``none`` cannot be used with a cost criterion (it
    would give ``-x``). A vendor with a normalised 0 on a criterion with
    positive weight scores 0 (e.g. the worst vendor under ``minmax``).

    >>> wpm_details([[1, 4], [4, 1]], [0.5, 0.5], [1, 1]).scores
    array([0.5, 0.5])
    """
    from pymcdm.methods import WPM

    p = check_problem(matrix, weights, types, vendors=vendors, criteria=criteria)
    label = precheck(p.matrix, normalization, bounds, p.vendors, p.criteria)
    if label in _SIGN_PRESERVING:
        check_nonnegative(p.matrix, phrase("err.what.wpm_with", label=label), p.vendors, p.criteria)
    if label == "none" and p.cost.any():
        j = int(np.flatnonzero(p.cost)[0])
        who = Phrase(repr(p.criteria[j])) if p.criteria is not None else criterion_phrase(j)
        raise MCDAError(code="err.method.wpm_none_cost", who=who)
    funcs = column_functions(normalization, bounds, p.m)
    with _pymcdm_call("WPM"):
        res = WPM(normalization_function=funcs)(p.matrix, p.weights, p.types,
                                                validation=False, verbose=True)
    t = _tables(res)
    r = t["nmatrix"]
    if r.min() < 0 or not np.isfinite(t["pref"]).all():
        i, j = np.unravel_index(int(np.argmin(r)), r.shape)
        raise MCDAError(code="err.method.wpm_negative", label=repr(label), value=float(r[i, j]), i=i, j=j)
    return WpmDetails(label, frozen_array(r), frozen_array(t["wmatrix"]), frozen_array(t["pref"]))


def wpm(matrix, weights, types, normalization="max", *, bounds=None,
        vendors=None, criteria=None) -> np.ndarray:
    """Weighted product scores; higher is better. See :func:`wpm_details`."""
    return wpm_details(matrix, weights, types, normalization, bounds=bounds,
                       vendors=vendors, criteria=criteria).scores


# --------------------------------------------------------------------------
# VIKOR
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class VikorResult:
    """VIKOR results (read-only arrays); lower ``Q`` is better.

    Attributes
    ----------
    S : ndarray (n,)
        Group utility ``S_i = sum_j w_j (f*_j - f_ij) / (f*_j - f-_j)``.
    R : ndarray (n,)
        Individual regret ``R_i = max_j w_j (f*_j - f_ij) / (f*_j - f-_j)``.
    Q : ndarray (n,)
        ``v (S_i - S*) / (S- - S*) + (1 - v) (R_i - R*) / (R- - R*)``.
    v : float
        Weight of the strategy of the majority of criteria.
    f_star, f_minus : ndarray (m,)
        Best and worst value of each criterion, in the matrix's units.
    constant_criteria : tuple of int
        Criteria left out because every vendor has the same value.
    """

    S: np.ndarray
    R: np.ndarray
    Q: np.ndarray
    v: float
    f_star: np.ndarray
    f_minus: np.ndarray
    constant_criteria: tuple

    @property
    def scores(self) -> np.ndarray:
        """``Q`` (lower is better)."""
        return self.Q


def vikor(matrix, weights, types, v=0.5, *, vendors=None, criteria=None) -> VikorResult:
    """VIKOR compromise ranking via pymcdm's ``VIKOR`` (its own linear normalisation).

    ``S``, ``R`` and ``Q`` are read from pymcdm's verbose output. Weights are
    used as given (``S`` and ``R`` scale with them, ``Q`` does not).

    Edge policies (as scikit-criteria): a criterion on which every vendor has
    the same value cannot be normalised by ``f* - f-`` and contributes 0 to
    ``S`` and ``R`` (it is left out of the pymcdm call and listed in
    ``constant_criteria``); when every vendor has the same ``S`` (or ``R``),
    that term of ``Q`` cannot discriminate and counts 0. A single vendor, or
    all criteria constant, gives ``S = R = Q = 0``.

    References
    ----------
    Opricovic, S. & Tzeng, G.-H. (2004). Compromise solution by MCDM methods:
    a comparative analysis of VIKOR and TOPSIS. EJOR 156(2), 445-455.

    >>> res = vikor([[1, 3000], [2, 3750], [5, 4500]], [0.5, 0.5], [-1, 1])
    >>> res.Q
    array([1., 0., 1.])
    """
    if not (isinstance(v, (int, float, np.floating, np.integer)) and 0 <= v <= 1):
        raise MCDAError(code="err.method.vikor_v", found=repr(v)[:80])
    p = check_problem(matrix, weights, types, vendors=vendors, criteria=criteria)
    X = p.matrix
    col_max, col_min = X.max(axis=0), X.min(axis=0)
    varying = col_max > col_min
    f_star = np.where(p.cost, col_min, col_max)
    f_minus = np.where(p.cost, col_max, col_min)
    constant = tuple(int(j) for j in np.flatnonzero(~varying))
    n = p.n
    if not varying.any():
        zeros = np.zeros(n)
        return VikorResult(frozen_array(zeros), frozen_array(zeros.copy()), frozen_array(zeros.copy()),
                           float(v), frozen_array(f_star), frozen_array(f_minus), constant)

    from pymcdm.methods import VIKOR

    with _pymcdm_call("VIKOR"):
        res = VIKOR(v=float(v))(X[:, varying], p.weights[varying], p.types[varying],
                                validation=False, verbose=True)
    t = _tables(res)
    S, R, Q = t["s"], t["r"], t["q"]
    if not np.isfinite(Q).all():  # S or R equal for every vendor: that term counts 0
        s_rng, r_rng = np.ptp(S), np.ptp(R)
        qs = (S - S.min()) / s_rng if s_rng > 0 else np.zeros(n)
        qr = (R - R.min()) / r_rng if r_rng > 0 else np.zeros(n)
        Q = v * qs + (1 - v) * qr
    _finite(S, "VIKOR"), _finite(R, "VIKOR"), _finite(Q, "VIKOR")
    return VikorResult(frozen_array(S), frozen_array(R), frozen_array(Q), float(v),
                       frozen_array(f_star), frozen_array(f_minus), constant)


# --------------------------------------------------------------------------
# PROMETHEE II
# --------------------------------------------------------------------------
#: preference function -> thresholds it needs (Brans & Vincke 1985's types I-V)
PREFERENCE_FUNCTIONS = {
    "usual": (),
    "ushape": ("q",),
    "vshape": ("p",),
    "level": ("p", "q"),
    "vshape_2": ("p", "q"),
}

#: pymcdm builds an n x n table per criterion: refuse problems beyond this many vendors
PROMETHEE_MAX_VENDORS = 5000


@dataclass(frozen=True)
class PrometheeDetails:
    """PROMETHEE flows from pymcdm (read-only arrays); higher net flow is better.

    ``net_flow = positive_flow - negative_flow``; flows are in
    ``[-sum(w), sum(w)]`` (pass weights summing to 1 for [-1, 1]).
    """

    net_flow: np.ndarray
    positive_flow: np.ndarray
    negative_flow: np.ndarray
    preference_function: str
    p: np.ndarray | None
    q: np.ndarray | None

    @property
    def scores(self) -> np.ndarray:
        """Alias of :attr:`net_flow`."""
        return self.net_flow


def _thresholds(value, name: str, m: int, criteria) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise MCDAError(code="err.method.threshold_numeric", name=name, found=repr(value)[:80]) from None
    if arr.ndim == 0:
        arr = np.full(m, float(arr))
    if arr.shape != (m,):
        raise MCDAError(code="err.method.threshold_shape", name=name, m=m, shape=str(arr.shape))
    bad = np.flatnonzero(~np.isfinite(arr) | (arr < 0) | ((arr == 0) if name == "p" else False))
    if bad.size:
        j = int(bad[0])
        who = Phrase(repr(criteria[j])) if criteria is not None else criterion_phrase(j)
        need = "> 0" if name == "p" else ">= 0"
        raise MCDAError(code="err.method.threshold_value", name=name, need=need, value=float(arr[j]), who=who)
    return arr


def promethee_ii_details(matrix, weights, types, preference_function="usual", p=None, q=None, *,
                         vendors=None, criteria=None) -> PrometheeDetails:
    """PROMETHEE II net flows via pymcdm, with the positive and negative flows.

    Default preference function: ``'usual'`` (type I: any positive difference
    is a full preference). It needs no thresholds and is unit-free, which
    suits committee scores; graded functions (``'vshape'``: linear up to ``p``;
    ``'vshape_2'``: linear between ``q`` and ``p``; ``'ushape'``, ``'level'``)
    take thresholds in the criterion's units (one number, or one per criterion).
    The net flow is pymcdm's ``PROMETHEE_II``; the positive and negative flows
    come from pymcdm's ``PROMETHEE_I`` (same preference indices).

    A single vendor gets net flow 0. Memory is O(n^2) per criterion: more than
    :data:`PROMETHEE_MAX_VENDORS` vendors is an error.

    References
    ----------
    Brans, J.-P. & Vincke, Ph. (1985). A preference ranking organisation
    method. Management Science 31(6), 647-656.

    >>> promethee_ii_details([[4, 3, 2], [3, 2, 4], [5, 1, 3]], [0.5, 0.3, 0.2],
    ...                      [1, 1, 1]).net_flow.round(2)
    array([ 0.1, -0.3,  0.2])
    """
    if preference_function not in PREFERENCE_FUNCTIONS:
        raise MCDAError(code="err.method.preference_unknown", name=repr(preference_function)[:80],
                        known=", ".join(PREFERENCE_FUNCTIONS))
    prob = check_problem(matrix, weights, types, vendors=vendors, criteria=criteria)
    needs = PREFERENCE_FUNCTIONS[preference_function]
    given = {"p": p, "q": q}
    for name, value in given.items():
        if name in needs and value is None:
            raise MCDAError(code="err.method.threshold_missing", function=repr(preference_function), name=name)
        if name not in needs and value is not None:
            raise MCDAError(code="err.method.threshold_extra", function=repr(preference_function), name=name,
                            found=repr(value)[:80])
    pa = _thresholds(p, "p", prob.m, prob.criteria) if p is not None else None
    qa = _thresholds(q, "q", prob.m, prob.criteria) if q is not None else None
    if pa is not None and qa is not None:
        bad = np.flatnonzero(pa <= qa) if preference_function == "vshape_2" else np.flatnonzero(pa < qa)
        if bad.size:
            j = int(bad[0])
            who = Phrase(repr(prob.criteria[j])) if prob.criteria is not None else criterion_phrase(j)
            rel = ">" if preference_function == "vshape_2" else ">="
            raise MCDAError(code="err.method.p_q", rel=rel, p=float(pa[j]), q=float(qa[j]), who=who)
    n = prob.n
    if n > PROMETHEE_MAX_VENDORS:
        raise MCDAError(code="err.method.promethee_size", limit=PROMETHEE_MAX_VENDORS, n=n)
    if n == 1:
        z = np.zeros(1)
        return PrometheeDetails(frozen_array(z), frozen_array(z.copy()), frozen_array(z.copy()),
                                preference_function, None if pa is None else frozen_array(pa),
                                None if qa is None else frozen_array(qa))

    from pymcdm.methods import PROMETHEE_II
    from pymcdm.methods.partial import PROMETHEE_I

    kw = {"p": None if pa is None else list(pa), "q": None if qa is None else list(qa)}
    with _pymcdm_call("PROMETHEE II"):
        net = PROMETHEE_II(preference_function, **kw)(prob.matrix, prob.weights, prob.types,
                                                       validation=False)
        plus, minus = PROMETHEE_I(preference_function, **kw)(prob.matrix, prob.weights, prob.types,
                                                              validation=False)
    net = _finite(np.asarray(net, float), "PROMETHEE II")
    return PrometheeDetails(frozen_array(net), frozen_array(np.asarray(plus, float)),
                            frozen_array(np.asarray(minus, float)), preference_function,
                            None if pa is None else frozen_array(pa),
                            None if qa is None else frozen_array(qa))


def promethee_ii(matrix, weights, types, preference_function="usual", p=None, q=None, *,
                 vendors=None, criteria=None) -> np.ndarray:
    """PROMETHEE II net flows; higher is better. See :func:`promethee_ii_details`."""
    return promethee_ii_details(matrix, weights, types, preference_function, p, q,
                                vendors=vendors, criteria=criteria).net_flow
