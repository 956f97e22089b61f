"""Sensitivity analysis of a ranking to the criteria weights.

Kernels take arrays and return arrays or small frozen dataclasses; the
methods are TOPSIS (``method='topsis'``, vector normalisation by default) and
the weighted sum (``'wsm'``, linear max normalisation by default), scored by
:mod:`mcda.normalization`'s column-wise normalisations.

* Hierarchy nodes: :func:`affine_path` (any affine weight path, exact ties).
* Limits and memory budgets, in one place: :mod:`mcda.sensitivity.limits` (pair scans
  chunked, rank acceptability refused beyond :data:`MAX_VENDORS_ACCEPTABILITY` vendors).
* What-if: :func:`rescale` (one weight changed, the others rescaled
  proportionally), :func:`rescale_path`.
* One-way: :func:`sweep` (scores and exact crossovers), :func:`weight_stability`
  (interval keeping the winner), :func:`ranking_stability` (keeping the whole
  ranking), :func:`stability` (both, with details), :func:`tornado`.
* Reversals: :func:`critical_changes`, :func:`most_critical` (Triantaphyllou &
  Sanchez 1997, renormalised), :func:`ts_deltas`; sentences:
  :func:`change_sentence`, :func:`stability_sentence`, :func:`flip_sentences`.
* Stochastic (SMAA-2, Lahdelma & Salminen 2001): :func:`smaa`,
  :func:`rank_acceptability`, :func:`central_weights`, :func:`confidence_factors`;
  samplers ``sampler(rng, size) -> (size, m)``: :func:`uniform_sampler`,
  :func:`dirichlet_sampler`, :func:`lognormal_sampler`; score uncertainty
  ``matrix_sampler(rng, size) -> (size, n, m)``: :func:`normal_matrix_sampler`.
"""
from mcda.sensitivity.affine import AffinePath, affine_path
from mcda.sensitivity.kernel import ScoreModel, score_model
from mcda.sensitivity.limits import MAX_VENDORS_ACCEPTABILITY, MAX_VENDORS_REVERSAL, PAIR_SCAN_BYTES, check_vendor_count
from mcda.sensitivity.path import Crossover
from mcda.sensitivity.reversal import CriticalChange, critical_changes, most_critical, ts_deltas
from mcda.sensitivity.sampling import (
                                     Sampler,
                                     as_generator,
                                     dirichlet_sampler,
                                     lognormal_sampler,
                                     uniform_sampler,
                                     uniform_simplex,
)
from mcda.sensitivity.sentences import change_sentence, flip_sentences, stability_sentence
from mcda.sensitivity.smaa import (
                                     Cancelled,
                                     SMAAResult,
                                     central_weights,
                                     confidence_factors,
                                     default_chunk_size,
                                     rank_acceptability,
                                     smaa,
)
from mcda.sensitivity.stability import (
                                     Stability,
                                     Tornado,
                                     ranking_stability,
                                     stability,
                                     tornado,
                                     weight_stability,
)
from mcda.sensitivity.sweep import Sweep, sweep
from mcda.sensitivity.uncertainty import MatrixSampler, normal_matrix_sampler
from mcda.sensitivity.whatif import others_direction, rescale, rescale_path

__all__ = [
    # what-if
    "rescale", "rescale_path", "others_direction",
    # one-way
    "sweep", "Sweep", "Crossover",
    "weight_stability", "ranking_stability", "stability", "Stability", "tornado", "Tornado",
    # reversals
    "critical_changes", "most_critical", "ts_deltas", "CriticalChange",
    "change_sentence", "stability_sentence", "flip_sentences",
    # SMAA
    "smaa", "SMAAResult", "rank_acceptability", "central_weights", "confidence_factors",
    "Cancelled", "default_chunk_size",
    # sampling
    "Sampler", "as_generator", "uniform_simplex", "uniform_sampler", "dirichlet_sampler",
    "lognormal_sampler", "MatrixSampler", "normal_matrix_sampler",
    # kernel
    "ScoreModel", "score_model",
    # affine paths (hierarchy nodes)
    "AffinePath", "affine_path",
    # size limits and memory budgets (mcda.sensitivity.limits)
    "MAX_VENDORS_ACCEPTABILITY", "MAX_VENDORS_REVERSAL", "PAIR_SCAN_BYTES", "check_vendor_count",
]
