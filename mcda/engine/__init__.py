"""The engine: the only bridge from a :class:`~mcda.scenario.schema.Scenario` to numpy arrays
and back to labelled results.

* :mod:`~mcda.engine.weights`: judgments -> local and global weights, consistency, consensus;
* :mod:`~mcda.engine.scores`: members' scores -> the committee's decision matrix;
* :mod:`~mcda.engine.evaluation`: :func:`evaluate`, every ranking method, explanations, notes;
* :mod:`~mcda.engine.analysis`: sensitivity node by node of the criteria tree (what-if,
  stability, critical criteria, SMAA, vendor rank reversal);
* :mod:`~mcda.engine.diff`: what changed between two scenarios and what it did to the results.
"""
from mcda.engine.evaluation import (
    DecisionProblem,
    Evaluation,
    MethodOutcome,
    Reason,
    decision_problem,
    evaluate,
    rank_methods,
    with_local_weights,
)

__all__ = ["DecisionProblem", "MethodOutcome", "Reason", "Evaluation", "decision_problem", "rank_methods",
           "evaluate", "with_local_weights"]
