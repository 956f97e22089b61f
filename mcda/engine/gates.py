"""Qualification gates: pass/fail requirements screened before any scoring (资格审查 / 符合性审查).

A gate is a leaf criterion with ``kind: "gate"`` (e.g. the bookkeeping licence
代理记账许可证, no major tax penalty in three years, ISO/IEC 27001). Each member
scores it 1 (pass) or 0 (fail). Gates carry no weight and are never compared
pairwise: the weights, the decision matrix and every ranking and sensitivity
analysis see the criteria tree without them (a parent whose leaves are all gates,
e.g. a 资格审查 group, is left out with them).

Committee rule (``settings.gate_rule``):

* ``any_fail`` (default): a vendor fails a gate if any member scored it 0;
* ``majority``: a vendor fails a gate if the members who scored it 0 hold more
  than half of the voting weight of the members who scored it (a tie passes).

A gate nobody scored for a vendor excludes nobody (the linter warns). A vendor
that fails at least one gate is left out of the ranking and listed, with its failed
gates, in :attr:`mcda.engine.evaluation.Evaluation.excluded`. If every vendor
fails, there is nothing to rank: an error names each vendor's failed gates.

Worked example: three members, gates ``licence`` and ``tax``; vendor A is scored
(1, 1, 1) and (1, 1, 1); vendor B (1, 1, 1) and (1, 0, 1); vendor C (0, 0, 1) and
(1, 1, 1). Under ``any_fail`` B fails ``tax`` and C fails ``licence``: only A is
ranked. Under ``majority`` B passes (one fail in three) and C fails ``licence``
(two fails in three).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mcda.errors import MCDAError
from mcda.scenario.procurement import gate_nodes

__all__ = ["GATE_RULES", "Exclusion", "gate_ids", "gate_nodes", "gate_failures", "without_gates", "screen"]

GATE_RULES = ("any_fail", "majority")


@dataclass(frozen=True)
class Exclusion:
    """A vendor left out of the ranking and the gates it failed (in tree order)."""

    vendor: str
    gates: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"vendor": self.vendor, "gates": list(self.gates)}


def gate_ids(root) -> list[str]:
    """Ids of the gate leaves of a criteria tree, in tree order."""
    return [n.id for n, _, _ in root.walk() if n.is_leaf and getattr(n, "kind", "criterion") == "gate"]


def gate_failures(scores, member_weights, rule: str = "any_fail") -> np.ndarray:
    """Which vendor fails which gate: (n, g) bool from scores (K, n, g) of 1 / 0 / NaN.

    >>> nan = float("nan")
    >>> s = np.array([[[1, 1], [1, 1], [0, 1]],
    ...               [[1, 1], [1, 0], [0, 1]],
    ...               [[1, 1], [1, 1], [1, nan]]])   # 3 members, 3 vendors, 2 gates
    >>> gate_failures(s, [1, 1, 1]).astype(int).tolist()
    [[0, 0], [0, 1], [1, 0]]
    >>> gate_failures(s, [1, 1, 1], "majority").astype(int).tolist()
    [[0, 0], [0, 0], [1, 0]]
    """
    if rule not in GATE_RULES:
        raise MCDAError(f"unknown gate rule {rule!r}; expected one of {', '.join(GATE_RULES)}")
    S = np.asarray(scores, dtype=float)
    W = np.asarray(member_weights, dtype=float)[:, None, None]
    present = np.isfinite(S)
    fail = present & (S < 0.5)
    if rule == "any_fail":
        return fail.any(axis=0)
    voted = (W * present).sum(axis=0)
    return (W * fail).sum(axis=0) > 0.5 * voted + 1e-12 * voted


def _prune(node, drop: set[str]):
    kept = [_prune(c, drop) for c in node.children if c.id not in drop]
    if len(kept) == len(node.children) and all(a is b for a, b in zip(kept, node.children, strict=True)):
        return node
    return node.model_copy(update={"children": kept})


def without_gates(scenario, vendors_out: frozenset = frozenset()):
    """The scenario without its gate criteria (and their scores) and without the vendors in ``vendors_out``.

    The same object when there is nothing to remove; otherwise a shallow copy (no revalidation).
    """
    drop = gate_nodes(scenario.criteria)
    if not drop and not vendors_out:
        return scenario
    update = {"criteria": _prune(scenario.criteria, drop)}
    if getattr(scenario, "kind", "model") == "scenario":
        update["vendors"] = [v for v in scenario.vendors if v.id not in vendors_out]
        update["scores"] = {mid: {vid: {c: x for c, x in cells.items() if c not in drop}
                                  for vid, cells in per_vendor.items() if vid not in vendors_out}
                            for mid, per_vendor in scenario.scores.items()}
    return scenario.model_copy(update=update)


def screen(scenario):
    """Apply the qualification gates: ``(scenario without gates and failing vendors, exclusions)``."""
    gates = gate_ids(scenario.criteria)
    if not gates:
        return without_gates(scenario), ()
    vendors = [v.id for v in scenario.vendors]
    row = {v: i for i, v in enumerate(vendors)}
    col = {g: j for j, g in enumerate(gates)}
    members = [m.id for m in scenario.members]
    G = np.full((len(members), len(vendors), len(gates)), np.nan)
    for k, mid in enumerate(members):
        for vid, cells in scenario.scores.get(mid, {}).items():
            for cid, value in cells.items():
                if cid in col and value is not None and vid in row:
                    G[k, row[vid], col[cid]] = value
    failed = gate_failures(G, [m.weight for m in scenario.members], scenario.settings.gate_rule)
    out = tuple(Exclusion(vendors[i], tuple(gates[j] for j in np.flatnonzero(failed[i])))
                for i in np.flatnonzero(failed.any(axis=1)))
    if vendors and len(out) == len(vendors):
        detail = "; ".join(f"{e.vendor}: {', '.join(e.gates)}" for e in out)
        raise MCDAError(code="err.rules.all_excluded", detail=detail, rule=scenario.settings.gate_rule)
    return without_gates(scenario, frozenset(e.vendor for e in out)), out
