"""Weight samplers for stochastic sensitivity analysis (SMAA).

A *sampler* is any callable ``sampler(rng, size) -> ndarray (size, m)``
returning ``size`` weight vectors (rows >= 0, summing to 1) drawn with the
``numpy.random.Generator`` it is given. The SMAA loop (:func:`mcda.sensitivity.smaa`)
calls it once per chunk, so a sampler never holds more than one chunk.
The engine can plug in its own (e.g. perturbing AHP judgments) as long as it
follows this signature.

Provided:

* :func:`uniform_sampler` -- uniform on the simplex, i.e. Dirichlet(1, ..., 1),
  drawn as normalised standard exponentials (Rubin 1981; Devroye 1986,
  ch. V.2; the sampling used by SMAA, Lahdelma & Salminen 2001): one
  vectorised ``rng.standard_exponential((size, m))`` call per chunk, several
  times faster than ``rng.dirichlet``.
* :func:`dirichlet_sampler` -- around a base vector ``w``: Dirichlet(c * w),
  mean ``w``, variance of each weight ``w_j (1 - w_j) / (c + 1)``.
* :func:`lognormal_sampler` -- around ``w``: ``w_j exp(sigma z_j)``, renormalised.

Zero base weights stay zero in the two "around" samplers (a criterion the
committee switched off is not switched back on by noise).
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from mcda.errors import MCDAError
from mcda.sensitivity.checks import as_weights

__all__ = ["Sampler", "as_generator", "uniform_simplex", "uniform_sampler",
           "dirichlet_sampler", "lognormal_sampler", "draw"]

#: ``sampler(rng, size) -> (size, m)`` weight vectors on the simplex
Sampler = Callable[[np.random.Generator, int], np.ndarray]


def as_generator(seed=None) -> np.random.Generator:
    """A ``numpy.random.Generator`` from an int seed, a ``SeedSequence``, a Generator or None.

    >>> as_generator(1).random() == as_generator(1).random()
    True
    """
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, np.random.RandomState):
        raise MCDAError(code="err.sens.seed_legacy")
    try:
        return np.random.default_rng(seed)
    except (TypeError, ValueError) as exc:
        raise MCDAError(code="err.sens.seed", found=repr(seed)[:80], detail=str(exc)) from None


def _check_size(size) -> int:
    if isinstance(size, (bool, np.bool_)) or not isinstance(size, (int, np.integer)) or size < 0:
        raise MCDAError(code="err.sens.size", found=repr(size)[:80])
    return int(size)


def uniform_simplex(rng: np.random.Generator, size: int, m: int) -> np.ndarray:
    """``size`` weight vectors uniform on the (m-1)-simplex: Dirichlet(1, ..., 1).

    Normalised standard exponentials ``E / sum(E)`` (Devroye 1986, ch. V.2).

    >>> W = uniform_simplex(np.random.default_rng(0), 4, 3)
    >>> W.shape, bool(np.allclose(W.sum(axis=1), 1))
    ((4, 3), True)
    """
    size = _check_size(size)
    if isinstance(m, (bool, np.bool_)) or not isinstance(m, (int, np.integer)) or m < 1:
        raise MCDAError(code="err.sens.m", found=repr(m)[:80])
    E = rng.standard_exponential((size, int(m)))
    E /= E.sum(axis=1, keepdims=True)
    return E


def uniform_sampler(m: int) -> Sampler:
    """Sampler uniform on the simplex of ``m`` criteria (SMAA's "no weight information").

    >>> s = uniform_sampler(3)
    >>> s(np.random.default_rng(0), 2).shape
    (2, 3)
    """
    uniform_simplex(np.random.default_rng(0), 0, m)  # validates m

    def sample_uniform(rng: np.random.Generator, size: int) -> np.ndarray:
        return uniform_simplex(rng, size, m)

    sample_uniform.m = int(m)  # type: ignore[attr-defined]
    return sample_uniform


def dirichlet_sampler(weights, concentration: float = 100.0, *, criteria=None) -> Sampler:
    """Sampler of Dirichlet(c * w) around a base weight vector ``w``.

    Mean ``w``; ``Var(w_j) = w_j (1 - w_j) / (c + 1)`` (Kotz, Balakrishnan &
    Johnson 2000, ch. 49), so ``c = 100`` gives a standard deviation of about
    0.046 for a weight of 0.3. Drawn as normalised gammas (one vectorised call);
    criteria with base weight 0 stay 0.

    >>> s = dirichlet_sampler([0.5, 0.3, 0.2, 0.0], concentration=1e6)
    >>> W = s(np.random.default_rng(0), 1000)
    >>> bool(np.allclose(W.mean(axis=0), [0.5, 0.3, 0.2, 0.0], atol=1e-3)), float(W[:, 3].max())
    (True, 0.0)
    """
    w = as_weights(weights, None, criteria)
    if not (np.isfinite(concentration) and concentration > 0):
        raise MCDAError(code="err.sens.concentration", found=repr(concentration)[:80])
    alpha = concentration * w
    on = alpha > 0

    def sample_dirichlet(rng: np.random.Generator, size: int) -> np.ndarray:
        size = _check_size(size)
        out = np.zeros((size, w.size))
        G = rng.standard_gamma(alpha[on], size=(size, int(on.sum())))
        G /= G.sum(axis=1, keepdims=True)
        out[:, on] = G
        return out

    sample_dirichlet.m = int(w.size)  # type: ignore[attr-defined]
    return sample_dirichlet


def lognormal_sampler(weights, sigma: float = 0.2, *, criteria=None) -> Sampler:
    """Sampler of ``w_j exp(sigma z_j)``, ``z ~ N(0, 1)``, renormalised to sum 1.

    Multiplicative noise: ``sigma = 0.2`` moves a weight by about +/-20 % (one
    standard deviation, before renormalisation). Zero weights stay 0.

    >>> s = lognormal_sampler([0.6, 0.4], sigma=0.1)
    >>> W = s(np.random.default_rng(0), 3)
    >>> bool(np.allclose(W.sum(axis=1), 1))
    True
    """
    w = as_weights(weights, None, criteria)
    if not (np.isfinite(sigma) and sigma >= 0):
        raise MCDAError(code="err.sens.sigma", found=repr(sigma)[:80])

    def sample_lognormal(rng: np.random.Generator, size: int) -> np.ndarray:
        size = _check_size(size)
        Z = rng.standard_normal((size, w.size))
        Z *= sigma
        np.exp(Z, out=Z)
        Z *= w
        Z /= Z.sum(axis=1, keepdims=True)
        return Z

    sample_lognormal.m = int(w.size)  # type: ignore[attr-defined]
    return sample_lognormal


def draw(sampler: Sampler, rng: np.random.Generator, size: int, m: int) -> np.ndarray:
    """Call ``sampler`` and check its output: shape (size, m), finite, >= 0, rows summing to 1."""
    W = np.asarray(sampler(rng, size), dtype=float)
    if W.shape != (size, m):
        raise MCDAError(code="err.sens.sampler_shape", size=size, m=m, shape=str(W.shape))
    if size:
        lo = W.min()
        if not lo >= 0:
            raise MCDAError(code="err.sens.sampler_value", value=float(lo))
        s = W.sum(axis=1)
        dev = np.abs(s - 1.0).max()
        if not dev <= 1e-9:
            raise MCDAError(code="err.sens.sampler_sum", dev=float(dev))
    return W
