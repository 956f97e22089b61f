"""Sensitivity of a scenario's result, node by node of the criteria tree (engine level).

The kernels in :mod:`mcda.sensitivity` work on flat weight vectors; this module
maps a committee's criteria hierarchy onto them:

* **What-if**: set a node's local weight; its siblings rescale proportionally,
  ``w'_l = w_l (1 - w'_k)/(1 - w_k)``; global weights are recomposed and every
  method re-ranks (:func:`whatif`).
* **One-way sweeps and stability**: along that change every global leaf weight
  is affine in the node's local weight ``t``, so the exact crossovers of
  :func:`mcda.sensitivity.affine_path` give each node's stability interval
  (winner, and whole ranking) and plain sentences.
* **Critical criterion** in the sense of Triantaphyllou & Sánchez (1997), on the
  global leaf weights, reported in renormalised terms.
* **SMAA-2** (Lahdelma & Salminen 2001) with weights sampled uniformly on the
  simplex, or around the committee's judgments (each node's committee judgments
  perturbed by the members' own spread, or by log-normal noise of a chosen
  size, carried through the hierarchy), optionally with score uncertainty from
  the members' spread (:func:`run_smaa`).
* **Rank reversal**: remove a vendor or add a copy of one; report order changes
  among the others for each method (:func:`reversal_check`).

Sensitivity methods are ``"topsis"`` and ``"wsm"`` with the scenario's
normalisation for that method (``ahp_ideal`` equals ``wsm`` with ``max``).
"""
from mcda.engine.node_paths import (
    SENSITIVITY_METHODS,
    NodeStability,
    NodeSweep,
    TornadoRow,
    critical_sentences,
    node_sweep,
    rescale_local,
    stability_table,
    tornado_table,
    whatif,
)
from mcda.engine.node_smaa import SmaaSummary, judgment_sampler, run_smaa
from mcda.engine.sensitivity_report import sensitivity_report
from mcda.engine.vendor_reversal import ReversalRow, reversal_check

__all__ = [
    "SENSITIVITY_METHODS",
    "rescale_local",
    "whatif",
    "NodeSweep",
    "node_sweep",
    "NodeStability",
    "stability_table",
    "TornadoRow",
    "tornado_table",
    "critical_sentences",
    "SmaaSummary",
    "run_smaa",
    "judgment_sampler",
    "ReversalRow",
    "reversal_check",
    "sensitivity_report",
]
