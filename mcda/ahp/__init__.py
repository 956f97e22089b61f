"""AHP weight kernels: pure functions over numpy arrays.

Validation (:mod:`mcda.ahp.matrix`), the comparison graph (:mod:`mcda.ahp.graph`),
judgment scales (:mod:`mcda.ahp.scale`), Perron eigenvectors (:mod:`mcda.ahp.eigen`), priority vectors
(:mod:`mcda.ahp.priorities`), consistency (:mod:`mcda.ahp.consistency`),
incomplete judgments (:mod:`mcda.ahp.incomplete`), repair hints
(:mod:`mcda.ahp.repair`), committee aggregation (:mod:`mcda.ahp.group`) and batches of
matrices analysed together (:mod:`mcda.ahp.batch`).

>>> from mcda import ahp
>>> ahp.priorities([[1, 3], [1 / 3, 1]]).round(12)
array([0.75, 0.25])
"""
from mcda.ahp.consistency import (
    GCI_THRESHOLDS,
    RI_TABLE_SOURCES,
    RI_TABLES,
    ConsistencyResult,
    GCIResult,
    consistency,
    gci,
    gci_threshold,
    random_index,
)
from mcda.ahp.eigen import lambda_max_gradient, perron_pair, principal_eigen
from mcda.ahp.graph import comparison_graph, judgment_groups, require_connected
from mcda.ahp.group import (
    CONSENSUS_BANDS,
    ConsensusResult,
    PairSpread,
    aggregate_judgments,
    aggregate_priorities,
    aij,
    consensus,
    consensus_band,
    judgment_spread,
)
from mcda.ahp.incomplete import (
    COMPLETION_METHODS,
    NextQuestions,
    Question,
    complete,
    harker_completion,
    harker_matrix,
    harker_weights,
    llsm_weights,
    next_question,
)
from mcda.ahp.matrix import MAX_RATIO, check_matrix, check_stack, matrix_from_judgments, missing_pairs
from mcda.ahp.priorities import PRIORITY_METHODS, priorities
from mcda.ahp.repair import RepairHint, repair_hints
from mcda.ahp.scale import SAATY_SCALE, format_value, nearest_scale_value

__all__ = [
    # matrix, graph, scale
    "MAX_RATIO", "check_matrix", "check_stack", "missing_pairs", "matrix_from_judgments",
    "comparison_graph", "judgment_groups", "require_connected",
    "SAATY_SCALE", "nearest_scale_value", "format_value",
    # eigen
    "principal_eigen", "perron_pair", "lambda_max_gradient",
    # priorities
    "priorities", "PRIORITY_METHODS",
    # consistency
    "RI_TABLES", "RI_TABLE_SOURCES", "random_index", "ConsistencyResult", "consistency",
    "GCI_THRESHOLDS", "gci_threshold", "GCIResult", "gci",
    # incomplete
    "complete", "COMPLETION_METHODS", "llsm_weights", "harker_completion", "harker_matrix", "harker_weights",
    "Question", "NextQuestions", "next_question",
    # repair
    "RepairHint", "repair_hints",
    # group
    "aggregate_judgments", "aij", "aggregate_priorities", "CONSENSUS_BANDS", "consensus_band",
    "ConsensusResult", "consensus", "PairSpread", "judgment_spread",
]
