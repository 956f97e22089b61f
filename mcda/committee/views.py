"""What a person may see of a tender in its current phase: pure functions over a scenario.

:func:`visible_scenario` is the scenario cut down to what the identity may read:

* the moderator: everything;
* a member: their own judgments and scores only, and the committee reduced to
  themselves (no other member's name, weight, judgments or scores), in every phase;
  from ``review`` on, the spread of the others' answers comes separately and without
  names (:func:`spread`);
* an observer: criteria, vendors and settings, never anyone's inputs (results come
  from :meth:`mcda.committee.Tender.results`, as aggregates only, after the decision).

:func:`spread` gives, per judgment pair and per score cell, the sorted values of every
member who answered, the median, and flags: ``outlier`` (a value more than a factor 3
from the median for judgments, more than 25 % of the scale from the median for scores)
and ``deadlock`` (answers on both sides of "equal": someone prefers ``a``, someone ``b``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from mcda.scenario.io import parse_scenario
from mcda.scenario.schema import Scenario

__all__ = ["View", "visible_scenario", "Spread", "spread", "pair_key", "score_key"]


@dataclass(frozen=True)
class View:
    """What a page may show to one identity (see :meth:`mcda.committee.Tender.view`)."""

    role: str
    person: str
    phase: str
    scenario: Scenario  # cut down by visible_scenario
    may_edit: bool  # own inputs (members, individual and review)
    locked: bool  # own part submitted for this phase
    show_results: bool  # ranking, weights and results pages
    show_spread: bool
    show_progress: bool
    comment_required: bool  # a change needs a comment (review)


def visible_scenario(scenario: Scenario, role: str, person: str = "") -> Scenario:
    """``scenario`` without what ``role`` / ``person`` may not read (see the module docstring)."""
    if role == "moderator":
        return scenario
    data = scenario.model_dump(mode="json")
    if role == "member":
        data["members"] = [m for m in data["members"] if m["id"] == person]
        data["judgments"] = {k: v for k, v in data["judgments"].items() if k == person}
        data["scores"] = {k: v for k, v in data["scores"].items() if k == person}
    else:
        data["members"], data["judgments"], data["scores"] = [], {}, {}
    return parse_scenario(data)


def pair_key(node: str, a: str, b: str) -> str:
    """The target name of a judgment pair, its items in sorted order: ``judgment:node:a:b``."""
    first, second = sorted((a, b))
    return f"judgment:{node}:{first}:{second}"


def score_key(vendor: str, leaf: str) -> str:
    """The target name of a score cell: ``score:vendor:leaf``."""
    return f"score:{vendor}:{leaf}"


@dataclass(frozen=True)
class Spread:
    """The answers to one judgment pair or score cell, without names."""

    target: str
    values: tuple[float, ...]  # sorted; judgments as "a over b" ratios
    median: float | None
    outliers: int  # how many values are flagged as outliers
    deadlock: bool


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    s, k = sorted(values), len(values) // 2
    return s[k] if len(s) % 2 else (s[k - 1] + s[k]) / 2


def _judgment_values(scenario: Scenario) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for mj in scenario.judgments.values():
        for node, pairs in mj.nodes.items():
            for p in pairs:
                first = min(p.a, p.b)
                ratio = p.value if p.a == first else 1 / p.value
                out.setdefault(pair_key(node, p.a, p.b), []).append(ratio)
    return out


def spread(scenario: Scenario) -> list[Spread]:
    """The spread of every judgment pair (ratio of the first id over the second, sorted) and score cell."""
    out = []
    for target, values in sorted(_judgment_values(scenario).items()):
        logs = [math.log(v) for v in values]
        mid = _median(logs)
        outliers = sum(abs(x - mid) > math.log(3) + 1e-9 for x in logs)
        deadlock = any(x > 1e-9 for x in logs) and any(x < -1e-9 for x in logs)
        out.append(Spread(target, tuple(sorted(values)), math.exp(mid), outliers, deadlock))
    leaves = {leaf.id: scenario.leaf_scale(leaf).bounds for leaf in scenario.criteria.leaves()}
    cells: dict[str, list[float]] = {}
    for per_vendor in scenario.scores.values():
        for vendor, row in per_vendor.items():
            for leaf, value in row.items():
                if value is not None and leaf in leaves:
                    cells.setdefault(score_key(vendor, leaf), []).append(float(value))
    for target, values in sorted(cells.items()):
        lo, hi = leaves[target.rsplit(":", 1)[1]]
        width = (hi - lo) if lo is not None and hi is not None else (max(values) - min(values)) or 1.0
        mid = _median(values)
        outliers = sum(abs(v - mid) > 0.25 * width + 1e-9 for v in values)
        out.append(Spread(target, tuple(sorted(values)), mid, outliers, False))
    return out
