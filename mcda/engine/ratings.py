"""Rating scales: the ratio-scale value (intensity) of each level of an ordinal scale.

An ordinal scale such as 优秀 / 良好 / 一般 / 较差 / 差 (5..1) is linear by default:
level 4 counts as 4, and normalisation by the scale bounds makes it 0.75. A rating
scale says instead what each level is *worth*, e.g. 1.0 / 0.6 / 0.3 / 0.15 / 0.05:
"good" is 60 % of "excellent", not 75 %. The intensities are either

* **preset**: ``intensities: {"5": 1.0, "4": 0.6, ...}`` on the scale, one per level; or
* **derived** from a pairwise comparison of the levels, ``level_judgments``
  (``{"a": 5, "b": 4, "value": 2}``: excellent is twice as good as good): the
  principal eigenvector of the levels' comparison matrix, divided by its largest
  entry so the best level is 1 (the ideal mode of Saaty's *ratings* model:
  T. L. Saaty, "Rank from comparisons and from ratings in the analytic hierarchy/
  network processes", EJOR 168 (2006) 557-570, section 3).

Each member's score is mapped through the intensities before aggregation and
normalisation (a fractional score between two levels is interpolated linearly);
the criterion's bounds become the intensities of its lowest and highest level.
A scale without intensities is linear, exactly as before.

Worked example (the preset above): members rate a vendor 5, 4 and 3; the means are
4 on the linear scale (0.75 after scale normalisation 1..5) and
(1.0 + 0.6 + 0.3) / 3 = 0.6333 on the rating scale (0.6140 after normalisation
0.05..1: (0.6333 - 0.05) / 0.95).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from mcda import ahp

if TYPE_CHECKING:  # pragma: no cover
    from mcda.scenario.schema import OrdinalScale

__all__ = ["PRESET_FIVE_LEVELS", "ratings_from_judgments", "intensity_table", "rate", "rated_scores",
           "rating_bounds"]

#: the usual five-level tender rating scale 优秀 / 良好 / 一般 / 较差 / 差 (levels 5..1)
PRESET_FIVE_LEVELS = {"5": 1.0, "4": 0.6, "3": 0.3, "2": 0.15, "1": 0.05}


def ratings_from_judgments(matrix) -> np.ndarray:
    """Intensities of rating levels from their pairwise comparison matrix (Saaty 2006).

    The principal right eigenvector, divided by its largest entry (the ideal level
    is 1). Missing judgments (NaN) are completed lambda_max-optimally (Bozóki,
    Fülöp & Rónyai 2010), as everywhere else in the package.

    >>> m = [[1, 2, 4], [1/2, 1, 2], [1/4, 1/2, 1]]      # consistent: 4 : 2 : 1
    >>> ratings_from_judgments(m).round(4)
    array([1.  , 0.5 , 0.25])
    """
    w = ahp.priorities(np.asarray(matrix, dtype=float), "eigenvector")
    return w / w.max()


def _levels(scale: OrdinalScale) -> list[int]:
    return list(range(scale.min, scale.max + 1))


def intensity_table(scale) -> np.ndarray | None:
    """Intensity of each level ``min..max`` (array), or None for a linear scale."""
    if getattr(scale, "kind", None) != "ordinal":
        return None
    if scale.intensities is not None:
        return np.array([scale.intensities[str(k)] for k in _levels(scale)], dtype=float)
    if scale.level_judgments is not None:
        m = ahp.matrix_from_judgments(_levels(scale), {(j.a, j.b): j.value for j in scale.level_judgments})
        return ratings_from_judgments(m)
    return None


def rate(values, lowest: int, table) -> np.ndarray:
    """Map scores on levels ``lowest, lowest + 1, ...`` through ``table`` (linear between levels; NaN stays NaN).

    >>> rate([5, 4, 3, float("nan"), 4.5], 1, [0.05, 0.15, 0.3, 0.6, 1.0])
    array([1. , 0.6, 0.3, nan, 0.8])
    """
    x = np.asarray(values, dtype=float)
    table = np.asarray(table, dtype=float)
    levels = lowest + np.arange(table.size, dtype=float)
    out = np.interp(np.where(np.isnan(x), levels[0], x), levels, table)
    return np.where(np.isnan(x), np.nan, out)


def rated_scores(scenario, leaves, raw: np.ndarray) -> np.ndarray:
    """Members' scores (K, n, m) with every rating-scale column mapped through its intensities."""
    out = None
    for j, leaf in enumerate(leaves):  # one pass over criteria (columns), vectorised over members x vendors
        scale = scenario.scales.get(leaf.scale)
        table = intensity_table(scale)
        if table is None:
            continue
        out = raw.copy() if out is None else out
        out[:, :, j] = rate(raw[:, :, j], scale.min, table)
    return raw if out is None else out


def rating_bounds(scenario, leaves, bounds: np.ndarray) -> np.ndarray:
    """Scale bounds with rating-scale criteria bounded by their lowest and highest intensity."""
    out = bounds
    for j, leaf in enumerate(leaves):
        table = intensity_table(scenario.scales.get(leaf.scale))
        if table is not None:
            out = out.copy() if out is bounds else out
            out[j] = table.min(), table.max()
    return out
