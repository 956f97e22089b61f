"""Column normalisations of a decision matrix.

* :mod:`.kernels`: the rules as pure functions of a finite float matrix and a cost mask;
* :mod:`.checks`: input validation (the one float conversion, finite, non-negative, bounds
  with the one tolerance :data:`BOUND_TOL`);
* :mod:`.registry`: the normalisations by name (:data:`NORMALIZATIONS`), :func:`resolve`,
  :func:`apply_checked`, :func:`normalize`.
"""
from mcda.normalization.checks import (
                                       BOUND_TOL,
                                       as_real_array,
                                       bound_slack,
                                       bounds_arrays,
                                       check_finite,
                                       check_nonnegative,
                                       check_within,
                                       types_to_cost,
)
from mcda.normalization.registry import (
                                       NORMALIZATIONS,
                                       RATIO_NORMALIZATIONS,
                                       Normalization,
                                       apply_checked,
                                       column_functions,
                                       make_scale,
                                       max_norm,
                                       minmax,
                                       none,
                                       normalize,
                                       precheck,
                                       resolve,
                                       scale,
                                       sum_norm,
                                       vector,
)

__all__ = [
    "NORMALIZATIONS", "RATIO_NORMALIZATIONS", "Normalization", "normalize", "make_scale", "types_to_cost",
    "precheck", "apply_checked", "column_functions", "resolve", "check_finite", "check_nonnegative",
    "check_within", "bounds_arrays", "bound_slack", "BOUND_TOL", "as_real_array",
    "vector", "max_norm", "minmax", "sum_norm", "scale", "none",
]
