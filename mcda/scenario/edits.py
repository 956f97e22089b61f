"""Edits a committee makes in the app, as pure functions ``Scenario -> Scenario``.

Every edit works on the scenario's plain data and builds a new
:class:`~mcda.scenario.schema.Scenario` through :func:`mcda.scenario.io.parse_scenario`, so an
invalid edit raises :class:`~mcda.errors.ScenarioError` with every located
problem and the scenario the page holds is left unchanged. Edits that remove
something also remove what refers to it (judgments, direct weights, scores),
so that removing a criterion, member or vendor is one valid step.
No maths here: weights, ranks and consistency are the engine's.
"""
from __future__ import annotations

import math
from typing import Any

from mcda.errors import MCDAError, ScenarioError
from mcda.scenario.io import parse_scenario
from mcda.scenario.rules import problem
from mcda.scenario.schema import Model, Scenario

__all__ = [
    "add_criterion",
    "check_weights_given",
    "from_template",
    "remove_criterion",
    "rename_criterion",
    "set_direct",
    "set_leaf",
    "set_members",
    "set_pairwise",
    "set_scores",
    "set_title",
    "set_vendors",
]


def _data(scenario: Scenario) -> dict:
    return scenario.model_dump(mode="json")


def _build(data: dict) -> Scenario:
    return parse_scenario(data)


def from_template(model: Model, title: str = "") -> Scenario:
    """A new scenario with the template's criteria and scales, no committee and no vendors yet.

    The engine accepts such a scenario (:func:`mcda.scenario.io.parse_scenario`); ranking
    needs members and vendors, which the Scenario page adds.
    """
    data = model.model_dump(mode="json")
    data["kind"] = "scenario"
    if title:
        data.setdefault("metadata", {})["title"] = title
    return _build(data)


def set_title(scenario: Scenario, title: str) -> Scenario:
    data = _data(scenario)
    data["metadata"]["title"] = title
    return _build(data)


# --------------------------------------------------------------------------- judgments
def _member_judgments(data: dict, member: str) -> dict:
    return data["judgments"].setdefault(member, {"nodes": {}, "direct": {}})


def set_pairwise(scenario: Scenario, member: str, node: str, a: str, b: str, value: float | None) -> Scenario:
    """Set (or with ``value=None`` remove) ``member``'s judgment of ``a`` against ``b`` at ``node``."""
    data = _data(scenario)
    mj = _member_judgments(data, member)
    pairs = [p for p in mj["nodes"].get(node, []) if {p["a"], p["b"]} != {a, b}]
    if value is not None:
        pairs.append({"a": a, "b": b, "value": float(value)})
    if pairs:
        mj["nodes"][node] = pairs
    else:
        mj["nodes"].pop(node, None)
    return _build(data)


def set_direct(scenario: Scenario, member: str, node: str, weights: dict[str, float] | None) -> Scenario:
    """Give ``member``'s direct weights (any positive scale, e.g. percentages) at ``node``.

    Direct weights replace the member's pairwise judgments at that node (a node
    holds one or the other); ``weights=None`` removes the direct weights.
    """
    data = _data(scenario)
    mj = _member_judgments(data, member)
    if weights is None:
        mj["direct"].pop(node, None)
    else:
        mj["nodes"].pop(node, None)
        mj["direct"][node] = {k: float(v) for k, v in weights.items()}
    return _build(data)


# --------------------------------------------------------------------------- scores
def set_scores(scenario: Scenario, member: str, changes: dict[str, dict[str, float | None]]) -> Scenario:
    """Set ``member``'s scores: ``{vendor: {leaf: value or None (missing)}}``."""
    data = _data(scenario)
    per_vendor = data["scores"].setdefault(member, {})
    for vendor, cells in changes.items():
        row = per_vendor.setdefault(vendor, {})
        for leaf, value in cells.items():
            row[leaf] = None if value is None else float(value)
    return _build(data)


# --------------------------------------------------------------------------- criteria
def _find(node: dict, node_id: str) -> tuple[dict | None, dict | None]:
    """(node, parent) dicts for ``node_id`` in a criteria tree (iterative)."""
    stack: list[tuple[dict, dict | None]] = [(node, None)]
    while stack:
        n, parent = stack.pop()
        if n["id"] == node_id:
            return n, parent
        stack.extend((c, n) for c in n.get("children", []))
    return None, None


def _subtree_ids(node: dict) -> set[str]:
    out, stack = set(), [node]
    while stack:
        n = stack.pop()
        out.add(n["id"])
        stack.extend(n.get("children", []))
    return out


def _require(node: dict | None, node_id: str) -> dict:
    if node is None:
        raise ScenarioError([problem("criteria", "err.edit.no_criterion", id=node_id)])
    return node


def rename_criterion(scenario: Scenario, node_id: str, zh: str, en: str) -> Scenario:
    data = _data(scenario)
    node = _require(_find(data["criteria"], node_id)[0], node_id)
    node["name"] = {"zh": zh.strip(), "en": en.strip()}
    return _build(data)


def add_criterion(scenario: Scenario, parent_id: str, node_id: str, zh: str, en: str,
                  direction: str | None, scale: str | None) -> Scenario:
    """Add a criterion under ``parent_id``.

    If the parent was a leaf it becomes a parent: its own direction, scale and
    scores are dropped (only leaves are scored). Members who gave direct weights
    at the parent give the new criterion 0 until they revise them; pairwise
    judgments stay as they are (the new criterion is simply not compared yet).
    """
    data = _data(scenario)
    parent = _require(_find(data["criteria"], parent_id)[0], parent_id)
    child: dict[str, Any] = {"id": node_id.strip(), "name": {"zh": zh.strip(), "en": en.strip()}}
    if direction:
        child["direction"] = direction
    if scale:
        child["scale"] = scale
    if not parent.get("children"):
        parent.pop("direction", None)
        parent.pop("scale", None)
        for per_vendor in data["scores"].values():
            for cells in per_vendor.values():
                cells.pop(parent_id, None)
    parent.setdefault("children", []).append(child)
    for mj in data["judgments"].values():
        if parent_id in mj.get("direct", {}):
            mj["direct"][parent_id][child["id"]] = 0.0
    return _build(data)


def remove_criterion(scenario: Scenario, node_id: str) -> Scenario:
    """Remove a criterion, its sub-criteria, and every judgment, direct weight and score on them."""
    data = _data(scenario)
    if data["criteria"]["id"] == node_id:
        raise ScenarioError([problem("criteria", "err.edit.goal")])
    node, parent = _find(data["criteria"], node_id)
    node = _require(node, node_id)
    gone = _subtree_ids(node)
    parent["children"] = [c for c in parent["children"] if c["id"] != node_id]
    pid = parent["id"]
    for mj in data["judgments"].values():
        nodes, direct = mj.get("nodes", {}), mj.get("direct", {})
        for nid in list(nodes):
            if nid in gone:
                del nodes[nid]
        if pid in nodes:
            nodes[pid] = [p for p in nodes[pid] if p["a"] != node_id and p["b"] != node_id]
            if not nodes[pid] or len(parent["children"]) < 2:
                del nodes[pid]
        for nid in list(direct):
            if nid in gone:
                del direct[nid]
        if pid in direct:
            direct[pid].pop(node_id, None)
            if not any(v > 0 for v in direct[pid].values()) or len(parent["children"]) < 2:
                del direct[pid]
    for per_vendor in data["scores"].values():
        for cells in per_vendor.values():
            for leaf in list(cells):
                if leaf in gone:
                    del cells[leaf]
    return _build(data)


def set_leaf(scenario: Scenario, node_id: str, direction: str, scale: str) -> Scenario:
    """Set a leaf criterion's direction (benefit/cost) and scale."""
    data = _data(scenario)
    node = _require(_find(data["criteria"], node_id)[0], node_id)
    node["direction"] = direction
    node["scale"] = scale
    return _build(data)


# --------------------------------------------------------------------------- committee and vendors
def _clean_rows(rows: list[dict], keys: tuple[str, ...]) -> list[dict]:
    out = []
    for r in rows:
        if all(r.get(k) in (None, "") or (isinstance(r.get(k), float) and r.get(k) != r.get(k)) for k in keys):
            continue  # an empty row added in the table and left blank
        out.append(r)
    return out


def set_members(scenario: Scenario, rows: list[dict]) -> Scenario:
    """Replace the committee: rows of ``{id, name, role, weight}``.

    Members no longer listed lose their judgments and scores.
    """
    data = _data(scenario)
    members = []
    for r in _clean_rows(rows, ("id", "name")):
        weight = r.get("weight")
        members.append({"id": str(r.get("id") or "").strip(), "name": str(r.get("name") or "").strip(),
                        "role": str(r.get("role") or "").strip(),
                        "weight": 1.0 if weight is None or math.isnan(weight) else float(weight)})
    data["members"] = members
    keep = {m["id"] for m in members}
    data["judgments"] = {k: v for k, v in data["judgments"].items() if k in keep}
    data["scores"] = {k: v for k, v in data["scores"].items() if k in keep}
    return _build(data)


def set_vendors(scenario: Scenario, rows: list[dict]) -> Scenario:
    """Replace the vendors: rows of ``{id, zh, en, notes}``. Vendors no longer listed lose their scores."""
    data = _data(scenario)
    vendors = []
    for r in _clean_rows(rows, ("id", "zh", "en")):
        vendors.append({"id": str(r.get("id") or "").strip(),
                        "name": {"zh": str(r.get("zh") or "").strip(), "en": str(r.get("en") or "").strip()},
                        "notes": str(r.get("notes") or "").strip()})
    data["vendors"] = vendors
    keep = {v["id"] for v in vendors}
    for per_vendor in data["scores"].values():
        for vid in list(per_vendor):
            if vid not in keep:
                del per_vendor[vid]
    return _build(data)


def check_weights_given(weights: dict[str, float]) -> None:
    """Refuse direct weights that are all zero before the schema does, with a plain message."""
    if not any(v > 0 for v in weights.values()):
        raise MCDAError(code="err.edit.all_zero")
