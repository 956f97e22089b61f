"""Committee aggregation of AHP judgments and priorities, consensus and disagreement.

* AIJ, aggregation of individual judgments: the entrywise weighted geometric
  mean ``a_ij = prod_k a_ij(k)^lambda_k`` (Forman & Peniwati 1998, EJOR 108(1),
  165-169), which keeps reciprocity; the arithmetic mean does not.
* AIP, aggregation of individual priorities: weighted geometric (renormalised)
  or arithmetic mean of the members' priority vectors (ibid.).
* Consensus: Goepel's AHP consensus indicator S* based on Shannon alpha and beta
  entropy (Goepel 2013, ISAHP Kuala Lumpur; Goepel 2018, IJAHP 10(3), 469-487,
  as implemented in AHP-OS ``AhpGroup::getConsensus``).
* Spread: per judged pair, the geometric standard deviation and log-range of the
  members' judgments, with a ``deadlock`` flag when some members judged the pair
  strongly one way and others strongly the other way, so that ``x`` versus ``1/x``
  shows up instead of averaging into "equal".
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mcda.errors import MCDAError
from mcda.ahp.matrix import check_stack

__all__ = [
    "aggregate_judgments",
    "aggregate_priorities",
    "CONSENSUS_BANDS",
    "consensus_band",
    "ConsensusResult",
    "consensus",
    "PairSpread",
    "judgment_spread",
]


def _member(k: int, members: Sequence | None) -> str:
    return f"member '{members[k]}'" if members is not None else f"member {k}"


def _member_weights(weights, k: int, members: Sequence | None = None) -> np.ndarray:
    if weights is None:
        return np.full(k, 1.0 / k)
    try:
        lam = np.array(weights, dtype=float)
    except (TypeError, ValueError):
        raise MCDAError(f"expected {k} numeric member weights; found {weights!r}") from None
    if lam.shape != (k,):
        raise MCDAError(f"expected {k} member weights, one per member; found shape {lam.shape}")
    bad = np.flatnonzero(~np.isfinite(lam) | (lam < 0))
    if bad.size:
        raise MCDAError(f"expected member weights >= 0; {_member(int(bad[0]), members)} has weight {lam[bad[0]]}")
    top = lam.max()
    if top <= 0:
        raise MCDAError("expected member weights with a positive sum; all are 0")
    lam = lam / top  # scale first: weights near the float maximum would overflow their sum
    return lam / lam.sum()


def _stack(matrices, labels, members) -> np.ndarray:
    if isinstance(matrices, np.ndarray):
        raw = matrices
    else:
        mats = list(matrices)
        if not mats:
            raise MCDAError("expected at least one member's matrix; found none")
        shapes = [np.shape(m) for m in mats]
        if len(set(shapes)) > 1:
            k = next(t for t, s in enumerate(shapes) if s != shapes[0])
            raise MCDAError(f"expected every member's matrix to have the same shape; {_member(0, members)} "
                            f"has {shapes[0]} but {_member(k, members)} has {shapes[k]}")
        raw = mats
    if members is not None and len(members) != len(raw):
        raise MCDAError(f"expected {len(raw)} member names, one per matrix; found {len(members)}")
    try:
        return check_stack(raw, labels, what="member")
    except MCDAError as exc:
        if members is None:
            raise
        msg = str(exc)
        for k in range(len(members)):  # name the member instead of its index
            tag = f"member {k}: "
            if msg.startswith(tag):
                raise MCDAError(f"member '{members[k]}': " + msg[len(tag):]) from None
        raise


def aggregate_judgments(matrices, weights=None, labels: Sequence | None = None,
                        members: Sequence | None = None) -> np.ndarray:
    """AIJ: weighted geometric mean of the members' judgments, pair by pair (Forman & Peniwati 1998).

    ``a_ij = exp(sum_k lambda_k ln a_ij(k) / sum_k lambda_k)`` over the members ``k``
    who judged pair ``(i, j)`` (``NaN`` = not judged): member weights are
    renormalised over those members.  A pair nobody judged (or only members of
    weight 0) stays ``NaN``.  The result is exactly reciprocal: cells below the
    diagonal are the reciprocals of those above.

    Parameters
    ----------
    matrices : sequence of (n, n) array_like, or array of shape (K, n, n)
    weights : sequence of K floats >= 0, optional
        Member weights (equal if omitted); renormalised to sum 1.
    labels, members : sequence, optional
        Item and member names for messages.

    Examples
    --------
    Judgments 2, 3 and 4 aggregate to ``24**(1/3)`` and their reciprocals to its reciprocal:

    >>> ms = [[[1, x], [1 / x, 1]] for x in (2, 3, 4)]
    >>> g = aggregate_judgments(ms)
    >>> bool(np.isclose(g[0, 1], 24 ** (1 / 3), rtol=1e-12)), float(g[0, 1] * g[1, 0])
    (True, 1.0)
    """
    a = _stack(matrices, labels, members)
    kk, n, _ = a.shape
    lam = _member_weights(weights, kk, members)
    judged = ~np.isnan(a)
    wsum = np.tensordot(lam, judged, axes=1)
    logs = np.where(judged, np.log(np.where(judged, a, 1.0)), 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_log = np.tensordot(lam, logs, axes=1) / wsum
    out = np.where(wsum > 0, np.exp(mean_log), np.nan)
    iu = np.triu_indices(n, 1)
    out[iu[1], iu[0]] = 1.0 / out[iu]
    np.fill_diagonal(out, 1.0)
    return out


def _vectors(vectors, allow_zero: bool, what: str = "priority vectors") -> np.ndarray:
    try:
        v = np.array(vectors, dtype=float)
    except (TypeError, ValueError):
        raise MCDAError(f"expected a (K, n) array of {what}; could not read numbers") from None
    if v.ndim != 2 or v.shape[0] < 1 or v.shape[1] < 1:
        raise MCDAError(f"expected a (K, n) array of {what}, one row per member; found shape {v.shape}")
    bad = ~np.isfinite(v) | ((v < 0) if allow_zero else (v <= 0))
    if bad.any():
        k, i = np.argwhere(bad)[0]
        kind = "finite priorities >= 0" if allow_zero else "positive finite priorities (a geometric mean needs them)"
        raise MCDAError(f"expected {kind}; member {k} has {v[k, i]} for item {i}")
    s = v.sum(axis=1)
    off = np.flatnonzero(np.abs(s - 1.0) > 1e-6)
    if off.size:
        raise MCDAError(f"expected each member's priorities to sum to 1; member {off[0]} sums to {s[off[0]]:.9g}")
    return v


def aggregate_priorities(vectors, weights=None, mode: str = "geometric") -> np.ndarray:
    """AIP: combine members' priority vectors (Forman & Peniwati 1998).

    ``mode="geometric"``: ``w_i ∝ prod_k w_i(k)^lambda_k``, renormalised to sum 1;
    ``mode="arithmetic"``: ``w_i = sum_k lambda_k w_i(k)``.  With row-geometric-mean
    priorities, geometric AIP equals the priorities of the AIJ matrix.

    Parameters
    ----------
    vectors : array_like, shape (K, n)
        One priority vector per member, each summing to 1 (within 1e-6); entries must be
        positive for ``"geometric"`` and may be 0 for ``"arithmetic"``.
    weights : sequence of K floats >= 0, optional
    mode : {"geometric", "arithmetic"}

    Examples
    --------
    >>> aggregate_priorities([[0.8, 0.2], [0.2, 0.8]])
    array([0.5, 0.5])
    >>> aggregate_priorities([[0.8, 0.2], [0.5, 0.5]], weights=[3, 1], mode="arithmetic")
    array([0.725, 0.275])
    """
    if mode not in ("geometric", "arithmetic"):
        raise MCDAError(f"unknown aggregation mode {mode!r}; expected 'geometric' or 'arithmetic'")
    v = _vectors(vectors, allow_zero=(mode == "arithmetic"))
    lam = _member_weights(weights, v.shape[0])
    if mode == "geometric":
        y = lam @ np.log(v)
        w = np.exp(y - y.max())
        return w / w.sum()
    return lam @ v


#: Goepel's qualitative scale for S*: lower bounds of "low", "moderate", "high" and
#: "very high" (four equal segments from 50 % to 100 %; below 50 % "very low";
#: BPMSG, "AHP consensus word scale").
CONSENSUS_BANDS: tuple[tuple[float, str], ...] = (
    (0.875, "very high"), (0.75, "high"), (0.625, "moderate"), (0.5, "low"), (-np.inf, "very low"),
)


def consensus_band(s: float, bands: Sequence[tuple[float, str]] = CONSENSUS_BANDS) -> str:
    """Word for consensus ``s``: the first band whose lower bound ``<= s`` (bands sorted descending).

    >>> consensus_band(0.9), consensus_band(0.7), consensus_band(0.3)
    ('very high', 'moderate', 'very low')
    """
    for low, word in bands:
        if s >= low:
            return word
    return bands[-1][1]


def _xlogx(x: np.ndarray) -> np.ndarray:
    """``x ln x`` with the entropy convention ``0 ln 0 = 0``."""
    return np.where(x > 0, x * np.log(np.where(x > 0, x, 1.0)), 0.0)


@dataclass(frozen=True)
class ConsensusResult:
    """Goepel's AHP consensus of one node's priority vectors.

    ``s_star <= 1`` (1 = identical priorities; below 0 only for priorities more extreme
    than the scale allows, such as direct weights with zeros); ``band`` its word;
    ``relative_homogeneity`` is the uncorrected ``(1/D_beta - 1/n) / (1 - 1/n)``;
    ``h_alpha``, ``h_beta``, ``h_gamma`` are the Shannon entropies (natural log)
    and ``d_beta = exp(h_beta)``; ``scale_max`` is the scale's largest value ``M``.
    """

    s_star: float
    band: str
    relative_homogeneity: float
    h_alpha: float
    h_beta: float
    h_gamma: float
    d_beta: float
    k: int
    n: int
    scale_max: float


def consensus(vectors, weights=None, scale_max: float = 9.0,
              bands: Sequence[tuple[float, str]] = CONSENSUS_BANDS) -> ConsensusResult:
    """Goepel's AHP consensus indicator S* across members' priority vectors of one node.

    With member weights ``lambda_k`` (equal by default, as in AHP-OS):
    ``H_alpha = sum_k lambda_k H(w(k))`` (mean Shannon entropy),
    ``H_gamma = H(sum_k lambda_k w(k))`` (entropy of the mean vector),
    ``H_beta = H_gamma - H_alpha``, ``D_beta = exp(H_beta)`` (Goepel 2013; BPMSG notes
    on the AHP consensus indicator, eqs. 1.1-1.3).  The extremes for an ``n``-item node
    on a scale with maximum ``M`` are ``D_gamma,max = n`` and ``D_alpha,min = exp(H_alpha,min)``,
    ``H_alpha,min = -(p ln p + (n - 1) q ln q)``, ``p = M / (n + M - 1)``,
    ``q = 1 / (n + M - 1)`` (one item ``M`` times more important than all others;
    ibid., eqs. 1.6-1.8), giving

    ``S* = (1/D_beta - c) / (1 - c)``,  ``c = D_alpha,min / D_gamma,max``

    (ibid., eq. 1.10; Goepel 2018; AHP-OS ``AhpGroup::getConsensus``).  ``S* = 1`` for identical
    vectors.  Values are not clipped.

    Parameters
    ----------
    vectors : array_like, shape (K, n), K >= 2
        Members' priority vectors (each summing to 1; a zero entry counts ``0 ln 0 = 0``).
    weights : sequence of K floats >= 0, optional
    scale_max : float
        Largest judgment of the scale used (9 for Saaty's scale).
    bands : sequence of (lower bound, word)
        Qualitative scale, default :data:`CONSENSUS_BANDS`.

    Examples
    --------
    >>> r = consensus([[0.6, 0.3, 0.1], [0.6, 0.3, 0.1]])
    >>> round(r.s_star, 12), r.band
    (1.0, 'very high')
    >>> round(consensus([[0.9, 0.1], [0.1, 0.9]]).s_star, 12)  # two extreme opposite members
    0.0
    """
    v = _vectors(vectors, allow_zero=True)
    kk, n = v.shape
    if kk < 2:
        raise MCDAError(f"consensus needs the priorities of at least 2 members; found {kk}")
    if n < 2:
        raise MCDAError(f"consensus needs at least 2 items per vector; found {n}")
    if not np.isfinite(scale_max) or scale_max <= 1:
        raise MCDAError(f"expected the scale maximum M > 1 (9 for Saaty's scale); found {scale_max!r}")
    lam = _member_weights(weights, kk)
    h_each = -_xlogx(v).sum(axis=1)
    h_alpha = float(lam @ h_each)
    mean = lam @ v
    h_gamma = float(-_xlogx(mean).sum())
    h_beta = h_gamma - h_alpha
    d_beta = float(np.exp(h_beta))
    p = scale_max / (n + scale_max - 1.0)
    q = 1.0 / (n + scale_max - 1.0)
    h_alpha_min = -(p * np.log(p) + (n - 1) * q * np.log(q))
    c = float(np.exp(h_alpha_min) / n)
    s_star = (1.0 / d_beta - c) / (1.0 - c)
    rel = (1.0 / d_beta - 1.0 / n) / (1.0 - 1.0 / n)
    return ConsensusResult(float(s_star), consensus_band(s_star, bands), float(rel), h_alpha, float(h_beta),
                           h_gamma, d_beta, kk, n, float(scale_max))


@dataclass(frozen=True)
class PairSpread:
    """How the members judged pair ``(i, j)``, ``i < j`` (values are ``a_ij`` per member, ``NaN`` if not judged).

    ``geometric_mean`` is the unweighted geometric mean over the ``count`` members who
    judged the pair; ``geometric_sd = exp(sd of ln a_ij)`` (sample sd, 1 for a single
    member); ``log_range = ln max - ln min``; ``deadlock`` is True when some member
    judged ``>= strong`` and another ``<= 1 / strong``.
    """

    i: int
    j: int
    label_i: object
    label_j: object
    values: tuple[float, ...]
    count: int
    geometric_mean: float
    geometric_sd: float
    log_range: float
    min: float
    max: float
    deadlock: bool


def judgment_spread(matrices, labels: Sequence | None = None, members: Sequence | None = None,
                    strong: float = 3.0) -> list[PairSpread]:
    """Spread of the members' judgments for every pair judged by at least one member, in pair order.

    Parameters
    ----------
    matrices : sequence of (n, n) array_like, or array of shape (K, n, n)
    labels, members : sequence, optional
    strong : float > 1
        A judgment ``>= strong`` (or ``<= 1/strong``) is strong; opposite strong
        judgments of the same pair set ``deadlock``.

    Examples
    --------
    Two members judging 5 and 1/5 aggregate to "equal" (1) yet are deadlocked:

    >>> s = judgment_spread([[[1, 5], [1 / 5, 1]], [[1, 1 / 5], [5, 1]]], labels=["cost", "quality"])[0]
    >>> round(s.geometric_mean, 12), s.deadlock, round(s.log_range, 4)
    (1.0, True, 3.2189)
    """
    if not np.isfinite(strong) or strong <= 1:
        raise MCDAError(f"expected strong > 1 (e.g. 3 on Saaty's scale); found {strong!r}")
    a = _stack(matrices, labels, members)
    kk, n, _ = a.shape
    out = []
    for i in range(n):
        for j in range(i + 1, n):
            vals = a[:, i, j]
            got = vals[~np.isnan(vals)]
            if got.size == 0:
                continue
            logs = np.log(got)
            sd = float(np.std(logs, ddof=1)) if got.size > 1 else 0.0
            out.append(PairSpread(
                i=i, j=j,
                label_i=labels[i] if labels is not None else i,
                label_j=labels[j] if labels is not None else j,
                values=tuple(float(x) for x in vals), count=int(got.size),
                geometric_mean=float(np.exp(logs.mean())), geometric_sd=float(np.exp(sd)),
                log_range=float(logs.max() - logs.min()), min=float(got.min()), max=float(got.max()),
                deadlock=bool(got.max() >= strong * (1 - 1e-12) and got.min() <= (1 + 1e-12) / strong),
            ))
    return out

