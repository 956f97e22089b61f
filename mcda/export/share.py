"""Sharing a scenario: canonical JSON out, fully validated JSON in, and a redacted copy.

:func:`redact` makes a scenario fit to circulate outside the committee. It
keeps what the committee decided together and drops what each member said:

* one pseudo-member :data:`COMMITTEE` (voting weight 1) replaces the members;
* its *direct weights* at every node the committee judged are the committee's
  local weights, so the global weights are those of the original scenario
  (a single member's direct weights ``w`` give the consistent matrix
  ``w_i / w_j``, whose priorities are ``w`` under every priority method and
  aggregation rule; Saaty 1980, ch. 3). Nodes nobody judged stay unjudged
  (equal weights, as before);
* its *scores* are the committee's aggregated decision matrix (imputed cells
  included), so every method ranks and scores the vendors exactly as before;
* ``metadata.notes`` is replaced by a note saying the file is redacted, and
  ``metadata.author`` is cleared when it names a member.

What is removed: member names, roles and voting weights, every individual
judgment and score, the original notes. The criteria, scales, vendors and
settings are kept. Consistency ratios, consensus and score coverage are *not*
reproduced (one consistent pseudo-member has CR 0 and full coverage).
"""
from __future__ import annotations

import numpy as np

from mcda.errors import MCDAError
from mcda.scenario.io import dumps, parse_json, parse_scenario
from mcda.scenario.schema import Scenario

__all__ = ["COMMITTEE", "REDACTED_NOTE", "export_json", "import_json", "redact"]

COMMITTEE = "committee"
REDACTED_NOTE = ("已脱敏 / Redacted: member names, individual judgments and individual scores removed; "
                 "the committee's aggregate kept (local weights as direct weights of one pseudo-member "
                 "'committee', scores = the aggregated decision matrix).")


def export_json(scenario: Scenario) -> str:
    """The scenario as canonical JSON text (UTF-8, two-space indent, the format's key order).

    >>> import mcda
    >>> s = mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)
    >>> export_json(s) == export_json(import_json(export_json(s)))
    True
    """
    if not isinstance(scenario, Scenario):
        raise MCDAError(code="err.type.scenario", found=type(scenario).__name__)
    return dumps(scenario)


def import_json(data: bytes | str, source: str | None = None) -> Scenario:
    """Parse and fully validate scenario JSON (bytes or text); ``source`` names it in errors.

    Raises :class:`~mcda.errors.ScenarioError` listing every problem with its JSON path.
    """
    if not isinstance(data, (bytes, str)):
        raise MCDAError(code="err.type.json_data", found=type(data).__name__)
    return parse_scenario(parse_json(data, source), source)


def _clip(value: float, scale) -> float:
    lo, hi = scale.bounds
    if lo is not None and value < lo:
        return float(lo)
    if hi is not None and value > hi:
        return float(hi)
    return float(value)


def redact(scenario: Scenario) -> Scenario:
    """A valid copy without individual judgments, scores or member names (see the module docstring).

    Parameters
    ----------
    scenario : Scenario
        Must be evaluable (weights and decision matrix), since the aggregate is what is kept.

    Returns
    -------
    Scenario
        Evaluates to the same global weights and the same scores and ranks under every method.

    Examples
    --------
    >>> import mcda
    >>> s = mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)
    >>> r = redact(s)
    >>> [m.id for m in r.members], list(r.scores)
    (['committee'], ['committee'])
    """
    from mcda.engine.evaluation import decision_problem
    from mcda.engine.weights import compute_weights

    if not isinstance(scenario, Scenario):
        raise MCDAError(code="err.type.scenario", found=type(scenario).__name__)
    weights = compute_weights(scenario)
    problem = decision_problem(scenario)
    direct = {nid: dict(node.local) for nid, node in weights.nodes.items() if node.source == "committee"}
    leaves = {leaf.id: leaf for leaf in scenario.criteria.leaves()}
    matrix = np.asarray(problem.matrix)
    scores = {v: {c: _clip(matrix[i, j], scenario.leaf_scale(leaves[c])) for j, c in enumerate(problem.leaves)}
              for i, v in enumerate(problem.vendors)}
    data = scenario.model_dump(mode="json")
    names = [m.name for m in scenario.members] + [m.id for m in scenario.members]
    author = data["metadata"].get("author", "")
    if any(n and n in author for n in names):
        data["metadata"]["author"] = ""
    imputed = int(problem.aggregated.imputed.sum())
    note = REDACTED_NOTE + (f" {imputed} cell(s) nobody scored were imputed in the original." if imputed else "")
    data["metadata"]["notes"] = note
    data["members"] = [{"id": COMMITTEE, "name": "评审委员会(汇总) / Committee (aggregate)", "role": "", "weight": 1.0}]
    data["judgments"] = {COMMITTEE: {"nodes": {}, "direct": direct}} if direct else {}
    data["scores"] = {COMMITTEE: scores}
    return parse_scenario(data, "redacted scenario")
