"""Checks of cells typed into the Scores table, before they reach the scenario: every invalid entry
is reported with its vendor, criterion and value, and nothing is applied (no silent clamping)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from mcda.scenario.schema import NumericScale, OrdinalScale, Scenario

__all__ = ["BadCell", "bad_cells"]


@dataclass(frozen=True)
class BadCell:
    """One typed score that cannot be stored: ``reason`` is ``"range"`` (outside ``low``..``high``, the
    scenario's own rule) or ``"number"`` (not a finite number)."""

    vendor: str
    criterion: str
    value: float
    reason: str
    low: float | None
    high: float | None


def bad_cells(scenario: Scenario, changes: dict[str, dict[str, float | None]]) -> list[BadCell]:
    """Every changed cell (``{vendor: {leaf: value}}``, None = cleared) that its scale refuses.

    >>> from mcda.scenario.bundled import example_path
    >>> from mcda.scenario.io import load_scenario
    >>> sc = load_scenario(example_path(), lint=False)
    >>> [(b.value, b.reason, b.low, b.high) for b in bad_cells(sc, {"huaxin": {"quality.expertise": 7.0}})]
    [(7.0, 'range', 1, 5)]
    """
    leaves = {leaf.id: leaf for leaf in scenario.criteria.leaves()}
    out = []
    for vendor, cells in changes.items():
        for leaf_id, value in cells.items():
            if value is None:
                continue
            scale = scenario.scales[leaves[leaf_id].scale]
            lo, hi = scale.min, scale.max
            if not math.isfinite(value):
                reason = "number"
            elif (lo is not None and value < lo) or (hi is not None and value > hi):
                reason = "range"
            else:
                continue
            assert isinstance(scale, (OrdinalScale, NumericScale))
            out.append(BadCell(vendor, leaf_id, value, reason, lo, hi))
    return out
