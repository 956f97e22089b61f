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

from mcda.ahp.matrix import check_stack
from mcda.errors import MCDAError

__all__ = [
    "aggregate_judgments",
    "aij",
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
        raise MCDAError(code="err.ahp.member_weights_not_numbers", k=k, weights=weights) from None
    if lam.shape != (k,):
        raise MCDAError(code="err.ahp.member_weights_count", k=k, shape=lam.shape)
    bad = np.flatnonzero(~np.isfinite(lam) | (lam < 0))
    if bad.size:
        raise MCDAError(code="err.ahp.member_weight_negative", member=_member(int(bad[0]), members), weight=lam[bad[0]])
    top = lam.max()
    if top <= 0:
        raise MCDAError(code="err.ahp.member_weights_zero")
    lam = lam / top  # scale first: weights near the float maximum would overflow their sum
    return lam / lam.sum()


def _stack(matrices, labels, members) -> np.ndarray:
    if isinstance(matrices, np.ndarray):
        raw = matrices
    else:
        mats = list(matrices)
        if not mats:
            raise MCDAError(code="err.ahp.no_member_matrix")
        shapes = [np.shape(m) for m in mats]
        if len(set(shapes)) > 1:
            k = next(t for t, s in enumerate(shapes) if s != shapes[0])
            raise MCDAError(code="err.ahp.member_shapes", first=_member(0, members), first_shape=shapes[0],
                            other=_member(k, members), other_shape=shapes[k])
        raw = mats
    if members is not None and len(members) != len(raw):
        raise MCDAError(code="err.ahp.member_names_count", expected=len(raw), found=len(members))
    try:
        return check_stack(raw, labels, what="member")
    except MCDAError as exc:
        if members is None:
            raise
        prefix = exc.params.get("prefix") if exc.code else None
        for k in range(len(members)):  # name the member instead of its index
            if prefix == f"member {k}: ":
                raise MCDAError(code=exc.code, **{**exc.params, "prefix": f"member '{members[k]}': "}) from None
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
    return aij(a, _member_weights(weights, a.shape[0], members))


def aij(a: np.ndarray, lam: np.ndarray) -> np.ndarray:
    """The AIJ kernel of :func:`aggregate_judgments` on a validated ``(K, n, n)`` stack and
    member weights ``lam`` (K,) summing to 1, or on ``(G, K, n, n)`` with ``lam`` (G, K) for ``G``
    nodes at once (no checks; Forman & Peniwati 1998).  A member with weight 0 or no judgment
    (``NaN``) of a pair does not count for it.

    >>> g = aij(np.array([[[1, 4], [1 / 4, 1]], [[1, 1], [1, 1]]]), np.array([0.5, 0.5]))
    >>> g.round(12).tolist()
    [[1.0, 2.0], [0.5, 1.0]]
    """
    n = a.shape[-1]
    judged = ~np.isnan(a)
    logs = np.where(judged, np.log(np.where(judged, a, 1.0)), 0.0)
    if a.ndim == 3:
        wsum = np.tensordot(lam, judged, axes=1)
        total = np.tensordot(lam, logs, axes=1)
    else:
        wsum = np.einsum("gk,gkij->gij", lam, judged)
        total = np.einsum("gk,gkij->gij", lam, logs)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_log = total / wsum
    out = np.where(wsum > 0, np.exp(mean_log), np.nan)
    iu = np.triu_indices(n, 1)
    out[..., iu[1], iu[0]] = 1.0 / out[..., iu[0], iu[1]]
    idx = np.arange(n)
    out[..., idx, idx] = 1.0
    return out


def _vectors(vectors, allow_zero: bool, what: str = "priority vectors") -> np.ndarray:
    try:
        v = np.array(vectors, dtype=float)
    except (TypeError, ValueError):
        raise MCDAError(code="err.ahp.vectors_not_numbers", what=what) from None
    if v.ndim != 2 or v.shape[0] < 1 or v.shape[1] < 1:
        raise MCDAError(code="err.ahp.vectors_shape", what=what, shape=v.shape)
    bad = ~np.isfinite(v) | ((v < 0) if allow_zero else (v <= 0))
    if bad.any():
        k, i = np.argwhere(bad)[0]
        kind = "finite priorities >= 0" if allow_zero else "positive finite priorities (a geometric mean needs them)"
        raise MCDAError(code="err.ahp.vectors_values", kind=kind, member=k, value=v[k, i], item=i)
    s = v.sum(axis=1)
    off = np.flatnonzero(np.abs(s - 1.0) > 1e-6)
    if off.size:
        raise MCDAError(code="err.ahp.vectors_sum", member=off[0], total=s[off[0]])
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
        raise MCDAError(code="err.ahp.unknown_aggregation_mode", mode=mode)
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
        raise MCDAError(code="err.ahp.consensus_members", found=kk)
    if n < 2:
        raise MCDAError(code="err.ahp.consensus_items", found=n)
    if not np.isfinite(scale_max) or scale_max <= 1:
        raise MCDAError(code="err.ahp.scale_max", found=scale_max)
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
        raise MCDAError(code="err.ahp.strong", found=strong)
    a = _stack(matrices, labels, members)
    kk, n, _ = a.shape
    iu, ju = np.triu_indices(n, 1)
    vals = a[:, iu, ju]  # (K, pairs)
    got = ~np.isnan(vals)
    count = got.sum(axis=0)
    logs = np.where(got, np.log(np.where(got, vals, 1.0)), 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = logs.sum(axis=0) / count
        dev = np.where(got, logs - mean, 0.0)
        sd = np.where(count > 1, np.sqrt((dev ** 2).sum(axis=0) / (count - 1)), 0.0)  # sample sd (ddof = 1)
    lo = np.where(got, vals, np.inf).min(axis=0)
    hi = np.where(got, vals, -np.inf).max(axis=0)
    deadlock = (hi >= strong * (1 - 1e-12)) & (lo <= (1 + 1e-12) / strong)
    with np.errstate(invalid="ignore", divide="ignore"):  # pairs nobody judged are dropped below
        gmean, gsd, lrange = np.exp(mean), np.exp(sd), np.log(hi) - np.log(lo)
    columns = vals.T.tolist()
    out = []
    for p in np.flatnonzero(count > 0).tolist():
        i, j = int(iu[p]), int(ju[p])
        out.append(PairSpread(
            i=i, j=j,
            label_i=labels[i] if labels is not None else i,
            label_j=labels[j] if labels is not None else j,
            values=tuple(columns[p]), count=int(count[p]),
            geometric_mean=float(gmean[p]), geometric_sd=float(gsd[p]),
            log_range=float(lrange[p]), min=float(lo[p]), max=float(hi[p]), deadlock=bool(deadlock[p]),
        ))
    return out
