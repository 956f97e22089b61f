"""SMAA-2: rank acceptability, central weights and confidence factors.

Stochastic multicriteria acceptability analysis (Lahdelma & Salminen 2001,
*Operations Research* 49(3):444-454), for TOPSIS and the weighted sum:

* rank acceptability ``b_i^r``: the share of sampled weight vectors for which
  vendor ``i`` has rank ``r`` (eq. 7);
* central weight ``w_i^c``: the mean of the sampled weight vectors for which
  ``i`` ranks first (eq. 8);
* confidence factor ``p_i^c``: the first-rank acceptability of ``i`` when the
  weights are fixed at ``w_i^c`` (eq. 9); it is 0 or 1 without score
  uncertainty, a share of the sampled decision matrices with it.

Ties are split fractionally (:mod:`mcda.sensitivity.ranks`), so rows and
columns of the acceptability matrix sum to 1. Central weights of a vendor
that never ranks first are NaN, and so is its confidence factor.

Hot path (:mod:`mcda.sensitivity.kernel`, :mod:`mcda.sensitivity.ranks`): per
chunk of S weight vectors, one matrix product (S x m by m x 2n for TOPSIS,
m x n for the weighted sum), one broadcast comparison or argsort, one
``bincount``, and (for central weights) one product of the first-rank shares
with the chunk. No Python loop over samples or vendors.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from mcda.errors import MCDAError
from mcda.normalization import as_real_array
from mcda.sensitivity.checks import weight_chunk, weight_samples_array
from mcda.sensitivity.kernel import ScoreModel, score_model
from mcda.sensitivity.limits import check_vendor_count
from mcda.sensitivity.ranks import RankCounter, first_shares
from mcda.sensitivity.sampling import Sampler, as_generator, draw, uniform_sampler
from mcda.sensitivity.uncertainty import MatrixSampler, draw_normalized, matrix_sampler_for, stack_keys
from mcda.text.errors_kernels import phrase

__all__ = ["Cancelled", "SMAAResult", "smaa", "rank_acceptability", "central_weights",
           "confidence_factors", "default_chunk_size", "check_vendor_count", "CHUNK_BYTES"]

#: memory budget of one chunk's temporaries (bytes)
CHUNK_BYTES = 64 * 1024 * 1024
#: upper bound of the default chunk (small chunks stay in cache; measured in bench/bench_smaa.py)
MAX_DEFAULT_CHUNK = 8192


class Cancelled(MCDAError):
    """Raise from a ``progress`` or ``should_stop`` callback to stop a run early.

    :func:`smaa` catches it and returns the samples evaluated so far, flagged
    ``cancelled=True`` (as when ``should_stop()`` returns True).
    """


@dataclass(frozen=True)
class SMAAResult:
    """Result of :func:`smaa` (arrays read-only).

    Attributes
    ----------
    acceptability : ndarray (n, n)
        ``b_i^r``: row = vendor, column = rank 1..n; rows and columns sum to 1.
    central_weights : ndarray (n, m)
        Mean weights given rank 1 (NaN row if the vendor never ranks first).
    confidence : ndarray (n,)
        Confidence factors (NaN when the central weights are).
    n_samples : int
        Samples evaluated (less than requested when cancelled).
    n_requested : int
    method, normalization : str
    cancelled : bool
    score_uncertainty : {'none', 'score_sd', 'matrix_sampler'}
    """

    acceptability: np.ndarray
    central_weights: np.ndarray
    confidence: np.ndarray
    n_samples: int
    n_requested: int
    method: str
    normalization: str
    cancelled: bool
    score_uncertainty: str

    @property
    def first_rank(self) -> np.ndarray:
        """``b_i^1``, the first-rank acceptability of each vendor."""
        return self.acceptability[:, 0]

    @property
    def standard_error(self) -> np.ndarray:
        """Monte Carlo standard error of each acceptability, ``sqrt(b (1 - b) / S)``."""
        b = self.acceptability
        return np.sqrt(b * (1 - b) / max(self.n_samples, 1))


# ------------------------------------------------------------------ helpers
def default_chunk_size(n: int, m: int, uncertain: bool = False) -> int:
    """Samples per chunk so that one chunk's temporaries stay under :data:`CHUNK_BYTES`.

    Per sample: the weights, their squares and a spare copy (3 m doubles), the
    products and keys (3 n doubles), the comparison (n^2 bytes, up to 24 vendors) or
    the sort (order and sorted keys, 3 n words) and the shares (n doubles); with
    score uncertainty 4 more (n, m) double arrays. Capped at 8192 samples.

    >>> default_chunk_size(10, 114)
    8192
    >>> default_chunk_size(10, 114, uncertain=True)
    1536
    """
    per = 8 * (3 * m + 4 * n) + (n * n if n <= 24 else 24 * n) + (32 * n * m if uncertain else 0)
    c = max(1, min(MAX_DEFAULT_CHUNK, CHUNK_BYTES // per))
    return int(c if c < 256 else c - c % 256)


def _check_int(v, name: str, lo: int) -> int:
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, np.integer)) or v < lo:
        raise MCDAError(code="err.smaa.int", name=name, lo=lo, found=repr(v)[:80])
    return int(v)


def _check_chunk(chunk_size, n, m, uncertain) -> int:
    if chunk_size is None:
        return default_chunk_size(n, m, uncertain)
    return _check_int(chunk_size, "chunk_size", 1)


def _run(model: ScoreModel, total: int, chunk: int, draw_chunk, *, central: bool,
         progress=None, should_stop=None):
    """The one chunked sampling loop: ``draw_chunk(start, size) -> (W, K)`` (weights (size, m),
    ordering keys (n, size)); ranks counted (:class:`RankCounter`), and with ``central`` the
    first-rank shares times the weights summed for the central weights.

    Returns ``(counter, central_sum, first_sum, cancelled)``; ``should_stop`` or a
    :class:`Cancelled` from either callback stops early (``cancelled`` True)."""
    check_vendor_count(model.n)
    counter = RankCounter(model.n)
    csum = np.zeros((model.n, model.m))
    fsum = np.zeros(model.n)
    cancelled = False
    try:
        while counter.samples < total:
            if should_stop is not None and should_stop():
                cancelled = True
                break
            start = counter.samples
            W, K = draw_chunk(start, min(chunk, total - start))
            F = counter.add(K, first=central)
            if central:
                csum += F @ W
                fsum += F.sum(axis=1)
            if progress is not None:
                progress(counter.samples, total)
    except Cancelled:
        cancelled = True
    return counter, csum, fsum, cancelled


def _finish(counter: RankCounter, central_sum, first_sum, model: ScoreModel):
    done = counter.samples
    if done == 0:
        n, m = model.n, model.m
        return np.full((n, n), np.nan), np.full((n, m), np.nan)
    acc = counter.counts() / done
    with np.errstate(invalid="ignore", divide="ignore"):
        cw = central_sum / first_sum[:, None]
    cw[first_sum <= 0] = np.nan
    return acc, cw


# --------------------------------------------------------------- public API
def rank_acceptability(matrix, types, weight_samples, method: str = "topsis",
                       normalization=None, *, bounds=None, chunk_size: int | None = None,
                       vendors=None, criteria=None) -> np.ndarray:
    """Rank acceptability matrix ``b_i^r`` for given weight samples (SMAA-2, eq. 7).

    Parameters
    ----------
    matrix : array-like (n, m)
    types : array-like (m,) of +1 (benefit) / -1 (cost)
    weight_samples : array-like (S, m)
        Weight vectors, >= 0 (rows need not sum to 1: both methods' rankings
        are invariant to the scale of the weights).
    method : {'topsis', 'wsm'}
    normalization : str, callable or None
        None: ``'vector'`` for TOPSIS, ``'max'`` for the weighted sum.
    chunk_size : int, optional
        Samples per chunk (default :func:`default_chunk_size`).

    Returns
    -------
    ndarray (n, n)
        Row ``i``: the share of samples in which vendor ``i`` has rank 1, 2, ..., n.
        Ties split fractionally (rows and columns sum to 1).

    Examples
    --------
    >>> W = [[0.9, 0.1], [0.2, 0.8], [0.6, 0.4], [0.5, 0.5]]
    >>> rank_acceptability([[1, 0], [0, 1]], [1, 1], W, "wsm", "none")
    array([[0.625, 0.375],
           [0.375, 0.625]])
    """
    model = score_model(matrix, types, method, normalization, bounds=bounds, vendors=vendors,
                        criteria=criteria)
    W = weight_samples_array(weight_samples, model.m)
    chunk = _check_chunk(chunk_size, model.n, model.m, False)
    buf = np.empty((min(chunk, W.shape[0]), model.m))

    def draw_chunk(start, size):
        Wc = weight_chunk(W[start:start + size], start, model.criteria, normalise=False)
        return Wc, model.keys_t(Wc, buf[:size])

    counter = _run(model, W.shape[0], chunk, draw_chunk, central=False)[0]
    return counter.counts() / counter.samples


def central_weights(matrix, types, weight_samples, method: str = "topsis",
                    normalization=None, *, bounds=None, chunk_size: int | None = None,
                    vendors=None, criteria=None) -> np.ndarray:
    """Central weight vectors (SMAA-2, eq. 8): mean sample given rank 1, (n, m).

    Rows of ``weight_samples`` are divided by their sums first. A tie for
    first counts with its share. NaN rows for vendors never ranked first.

    >>> W = [[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]]
    >>> central_weights([[1, 0], [0, 1]], [1, 1], W, "wsm", "none")
    array([[0.75, 0.25],
           [0.2 , 0.8 ]])
    """
    model = score_model(matrix, types, method, normalization, bounds=bounds, vendors=vendors,
                        criteria=criteria)
    W = weight_samples_array(weight_samples, model.m)
    chunk = _check_chunk(chunk_size, model.n, model.m, False)

    def draw_chunk(start, size):
        Wc = weight_chunk(W[start:start + size], start, model.criteria, normalise=True)
        return Wc, model.keys_t(Wc)

    return _finish(*_run(model, W.shape[0], chunk, draw_chunk, central=True)[:3], model)[1]


def confidence_factors(matrix, types, central, method: str = "topsis", normalization=None, *,
                       bounds=None, score_sd=None, matrix_sampler: MatrixSampler | None = None,
                       n_samples: int = 10_000, seed=None, vendors=None,
                       criteria=None) -> np.ndarray:
    """Confidence factors (SMAA-2, eq. 9): first-rank acceptability of ``i`` at its central weights.

    Without score uncertainty this is 1 if vendor ``i`` ranks first at
    ``central[i]`` (``1/g`` for a ``g``-way tie), else 0. With ``score_sd`` or
    ``matrix_sampler`` (see :func:`smaa`) it is the share of ``n_samples``
    sampled decision matrices (the same matrices for every vendor) in which
    ``i`` ranks first. NaN where ``central[i]`` is NaN.

    >>> confidence_factors([[1, 0], [0, 1]], [1, 1], [[0.75, 0.25], [0.25, 0.75]], "wsm", "none")
    array([1., 1.])
    """
    model = score_model(matrix, types, method, normalization, bounds=bounds, vendors=vendors,
                        criteria=criteria)
    C = as_real_array(central, phrase("err.what.central_weights"))
    if C.shape != (model.n, model.m):
        raise MCDAError(code="err.smaa.central_shape", n=model.n, m=model.m, shape=str(C.shape))
    msampler = matrix_sampler_for(matrix, model, bounds, score_sd, matrix_sampler)
    norm = normalization if normalization is not None else model.normalization
    out = np.full(model.n, np.nan)
    ok = np.flatnonzero(np.all(np.isfinite(C), axis=1))
    if msampler is None:
        if ok.size:
            F = first_shares(model.keys_t(C[ok]))
            out[ok] = F[ok, np.arange(ok.size)]
        return out
    n_samples = _check_int(n_samples, "n_samples", 1)
    rng = as_generator(seed)
    chunk = default_chunk_size(model.n, model.m, True)
    sums = np.zeros(model.n)
    for s in range(0, n_samples, chunk):
        Rs = draw_normalized(msampler, rng, min(chunk, n_samples - s), model, types,
                             norm, bounds)
        for i in ok:  # one small evaluation per vendor
            Wc = np.broadcast_to(C[i], (Rs.shape[0], model.m))
            K = stack_keys(model, Rs, np.ascontiguousarray(Wc))
            sums[i] += first_shares(K)[i].mean() * Rs.shape[0]
    out[ok] = sums[ok] / n_samples
    return out


def smaa(matrix, types, method: str = "topsis", normalization=None, *,
         n_samples: int = 10_000, seed=None, sampler: Sampler | None = None,
         chunk_size: int | None = None, bounds=None, score_sd=None,
         matrix_sampler: MatrixSampler | None = None, confidence_samples: int | None = None,
         progress: Callable[[int, int], None] | None = None,
         should_stop: Callable[[], bool] | None = None,
         vendors=None, criteria=None) -> SMAAResult:
    """SMAA-2 in one pass: rank acceptability, central weights, confidence factors.

    Parameters
    ----------
    matrix : array-like (n, m); types : (m,) of +1/-1
    method : {'topsis', 'wsm'}
    normalization : str, callable or None
        None: ``'vector'`` for TOPSIS, ``'max'`` for the weighted sum.
    n_samples : int
        Weight vectors to draw.
    seed : int, Generator or None
        One generator drives the weights and (then) the matrices, chunk by chunk.
    sampler : callable ``(rng, size) -> (size, m)``, optional
        Weight sampler (rows on the simplex); default uniform on the simplex
        (:func:`mcda.sensitivity.sampling.uniform_sampler`). With the default the
        result does not depend on ``chunk_size``.
    chunk_size : int, optional
        Samples per chunk; default keeps a chunk under 64 MB (:func:`default_chunk_size`).
    score_sd : float or array (n, m), optional
        Score uncertainty: each sample also draws a matrix ``x + sd * N(0, 1)``,
        clipped to ``bounds`` when given (else at 0 for 'max' / 'sum'), e.g.
        the spread of the committee members' scores.
    matrix_sampler : callable ``(rng, size) -> (size, n, m)``, optional
        Score uncertainty from the engine's own sampler of decision matrices.
    confidence_samples : int, optional
        Matrices drawn for the confidence factors under score uncertainty
        (default ``min(n_samples, 10000)``).
    progress : callable ``(done, total)``, optional
        Called after each chunk.
    should_stop : callable ``() -> bool``, optional
        Checked before each chunk; True stops the run. Either callback may also
        raise :class:`Cancelled`. A stopped run returns the samples done so far
        with ``cancelled=True`` (confidence factors computed on that part).

    Returns
    -------
    SMAAResult

    References
    ----------
    Lahdelma, R. & Salminen, P. (2001). SMAA-2: Stochastic multicriteria
    acceptability analysis for group decision making. *Operations Research*
    49(3):444-454.

    Examples
    --------
    >>> r = smaa([[1, 0], [0, 1]], [1, 1], "wsm", "none", n_samples=20000, seed=1)
    >>> r.acceptability.round(1)
    array([[0.5, 0.5],
           [0.5, 0.5]])
    >>> bool(np.abs(r.central_weights - [[0.75, 0.25], [0.25, 0.75]]).max() < 0.01)
    True
    """
    model = score_model(matrix, types, method, normalization, bounds=bounds, vendors=vendors,
                        criteria=criteria)
    n, m = model.n, model.m
    n_samples = _check_int(n_samples, "n_samples", 1)
    msampler = matrix_sampler_for(matrix, model, bounds, score_sd, matrix_sampler)
    uncertain = msampler is not None
    norm = normalization if normalization is not None else model.normalization
    kind = "none" if not uncertain else ("score_sd" if score_sd is not None else "matrix_sampler")
    chunk = _check_chunk(chunk_size, n, m, uncertain)
    if sampler is None:
        sampler = uniform_sampler(m)
    elif not callable(sampler):
        raise MCDAError(code="err.smaa.sampler")
    rng = as_generator(seed)
    buf = np.empty((min(chunk, n_samples), m))

    def draw_chunk(start, size):
        Wc = draw(sampler, rng, size, m)
        if uncertain:
            return Wc, stack_keys(model, draw_normalized(msampler, rng, size, model, types, norm, bounds), Wc)
        return Wc, model.keys_t(Wc, buf[:size])

    counter, csum, fsum, cancelled = _run(model, n_samples, chunk, draw_chunk, central=True,
                                          progress=progress, should_stop=should_stop)
    acc, cw = _finish(counter, csum, fsum, model)
    if counter.samples == 0:
        conf = np.full(n, np.nan)
    else:
        cs = confidence_samples if confidence_samples is not None else min(n_samples, 10_000)
        conf = confidence_factors(matrix, types, cw, method, normalization, bounds=bounds,
                                  score_sd=score_sd, matrix_sampler=matrix_sampler,
                                  n_samples=cs, seed=rng)
    for a in (acc, cw, conf):
        a.flags.writeable = False
    return SMAAResult(acc, cw, conf, counter.samples, n_samples, model.method,
                      model.normalization, cancelled, kind)
