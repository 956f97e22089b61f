"""Score uncertainty: sampled decision matrices, scored in a batch.

A *matrix sampler* is any callable ``matrix_sampler(rng, size) -> (size, n, m)``
returning ``size`` decision matrices (raw scores, before normalisation). The
engine can plug in its own (e.g. resampling committee members); for the
common case :func:`normal_matrix_sampler` draws independent normal noise per
cell, e.g. with the spread of the members' scores as standard deviations.

Every sampled matrix is normalised on its own (the normalisation of a column
depends on all vendors' values), with one call of the registry over the
whole stack (:func:`normalize_stack`), and scored for one weight vector per
matrix (:func:`stack_keys`): ``einsum`` over (S, n, m) -- so chunks are
smaller with score uncertainty (:func:`mcda.sensitivity.smaa.default_chunk_size`).
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from mcda.errors import MCDAError
from mcda.normalization import RATIO_NORMALIZATIONS, as_real_array, normalize
from mcda.sensitivity.kernel import ScoreModel
from mcda.text.errors_kernels import Phrase, phrase

__all__ = ["MatrixSampler", "normal_matrix_sampler", "normalize_stack", "stack_keys",
           "matrix_sampler_for"]

#: ``matrix_sampler(rng, size) -> (size, n, m)`` decision matrices
MatrixSampler = Callable[[np.random.Generator, int], np.ndarray]


def normal_matrix_sampler(matrix, score_sd, bounds=None, *, lower: float | None = None
                          ) -> MatrixSampler:
    """Sampler of ``x_ij + sd_ij z``, ``z ~ N(0, 1)`` per cell, clipped to the scale bounds.

    Parameters
    ----------
    matrix : array-like (n, m)
        The (mean) scores.
    score_sd : float or array-like (n, m)
        Standard deviation of each cell (e.g. the spread of the committee
        members' scores); 0 keeps a cell fixed.
    bounds : (lo, hi) or array (m, 2), optional
        Criterion scale bounds; samples are clipped into them.
    lower : float, optional
        Without bounds, clip from below at this value (0 for the ratio
        normalisations 'max' and 'sum', which need values >= 0).

    >>> s = normal_matrix_sampler([[1.0, 5.0]], [[0.0, 10.0]], bounds=(1, 5))
    >>> Xs = s(np.random.default_rng(0), 1000)
    >>> Xs.shape, float(Xs[:, 0, 0].std()), bool(Xs.min() >= 1 and Xs.max() <= 5)
    ((1000, 1, 2), 0.0, True)
    """
    X = as_real_array(matrix, phrase("err.what.matrix"))
    if X.ndim != 2:
        raise MCDAError(code="err.method.matrix_2d", shape=str(X.shape))
    n, m = X.shape
    sd = as_real_array(score_sd, Phrase("score_sd"), detail_key="err.sens.score_sd_numeric")
    if sd.ndim == 0:
        sd = np.full((n, m), float(sd))
    if sd.shape != (n, m):
        raise MCDAError(code="err.sens.score_sd_shape", n=n, m=m, shape=str(np.shape(score_sd)))
    if not np.all(np.isfinite(sd) & (sd >= 0)):
        raise MCDAError(code="err.sens.score_sd_value")
    if bounds is not None:
        b = np.broadcast_to(np.asarray(bounds, dtype=float), (m, 2))
        lo, hi = b[:, 0], b[:, 1]
    elif lower is not None:
        lo, hi = np.full(m, float(lower)), np.full(m, np.inf)
    else:
        lo = hi = None

    def sample_normal(rng: np.random.Generator, size: int) -> np.ndarray:
        Xs = rng.standard_normal((size, n, m))
        Xs *= sd
        Xs += X
        if lo is not None:
            np.clip(Xs, lo, hi, out=Xs)
        return Xs

    return sample_normal


def matrix_sampler_for(matrix, model: ScoreModel, bounds, score_sd,
                       matrix_sampler) -> MatrixSampler | None:
    """The matrix sampler of an SMAA run: ``matrix_sampler``, or normal noise ``score_sd``, or None.

    ``score_sd`` is clipped to ``bounds`` when given, else at 0 from below for
    the ratio normalisations.
    """
    if score_sd is not None and matrix_sampler is not None:
        raise MCDAError(code="err.sens.sd_and_sampler")
    if score_sd is not None:
        lower = 0.0 if model.normalization in RATIO_NORMALIZATIONS else None
        return normal_matrix_sampler(matrix, score_sd, bounds, lower=lower)
    if matrix_sampler is not None and not callable(matrix_sampler):
        raise MCDAError(code="err.sens.matrix_sampler")
    return matrix_sampler


def normalize_stack(Xs: np.ndarray, types, normalization, bounds=None) -> np.ndarray:
    """Normalise each (n, m) matrix of a stack (S, n, m) with one call of the registry.

    The stack is laid side by side as one (n, S m) matrix: column-wise
    normalisations treat every column on its own, so this equals normalising
    each matrix separately.
    """
    S, n, m = Xs.shape
    flat = Xs.transpose(1, 0, 2).reshape(n, S * m)
    tb = None if bounds is None else np.tile(np.broadcast_to(np.asarray(bounds, float), (m, 2)),
                                             (S, 1))
    R = normalize(flat, np.tile(np.asarray(types), S), normalization, tb)
    return R.reshape(n, S, m).transpose(1, 0, 2)


def draw_normalized(sampler: MatrixSampler, rng, size: int, model: ScoreModel, types,
                    normalization, bounds) -> np.ndarray:
    """Call a matrix sampler, check its shape, normalise the stack: (size, n, m)."""
    n, m = model.n, model.m
    Xs = np.asarray(sampler(rng, size), dtype=float)
    if Xs.shape != (size, n, m):
        raise MCDAError(code="err.sens.matrix_sampler_shape", size=size, n=n, m=m, shape=str(Xs.shape))
    return normalize_stack(Xs, types, normalization, bounds)


def stack_keys(model: ScoreModel, Rs: np.ndarray, W: np.ndarray) -> np.ndarray:
    """Ordering keys (n, S) when sample ``s`` has its own matrix ``Rs[s]`` and weights ``W[s]``.

    Same keys as :meth:`ScoreModel.keys_t` (weighted sum: the score; TOPSIS:
    ``S-^2 / S+^2``, 1 when both vanish).
    """
    if model.method == "wsm":
        return np.einsum("snm,sm->ns", Rs, W)
    W2 = W * W
    dp = np.einsum("snm,sm->ns", (Rs - Rs.max(axis=1, keepdims=True)) ** 2, W2)
    dm = np.einsum("snm,sm->ns", (Rs - Rs.min(axis=1, keepdims=True)) ** 2, W2)
    with np.errstate(invalid="ignore", divide="ignore"):
        np.divide(dm, dp, out=dm)
    np.copyto(dm, 1.0, where=np.isnan(dm))
    return dm
