"""Cross-reference rules of a model or scenario: every problem, each with its JSON path.

Structural rules (types, ranges, unknown keys) are pydantic's; the rules here
need the whole document: ids that must exist, pairs that must not repeat,
scores that must lie on their criterion's scale. They run from the documents'
after-validator (:mod:`mcda.scenario.schema`), so no invalid document object exists.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from mcda.errors import Problem
from mcda.scenario.procurement import gate_nodes, tender_problems

if TYPE_CHECKING:  # pragma: no cover
    from mcda.scenario.schema import Criterion, Document

__all__ = ["semantic_problems", "tree_paths", "MAX_TREE_DEPTH"]

MAX_TREE_DEPTH = 8


def tree_paths(root: Criterion) -> dict[str, str]:
    """JSON path of every node id (first occurrence), e.g. ``criteria.children[2].children[0]``."""
    paths: dict[str, str] = {}
    stack = [(root, "criteria")]
    while stack:
        node, path = stack.pop()
        paths.setdefault(node.id, path)
        stack.extend((c, f"{path}.children[{i}]") for i, c in reversed(list(enumerate(node.children))))
    return paths


def _criteria_problems(doc: Document) -> list[Problem]:
    out: list[Problem] = []
    seen: dict[str, str] = {}
    stack = [(doc.criteria, "criteria", 0)]
    while stack:
        node, path, depth = stack.pop()
        if node.id in seen:
            out.append(Problem(f"{path}.id", f"duplicate criterion id {node.id!r} (also at {seen[node.id]})"))
        else:
            seen[node.id] = path
        if depth > MAX_TREE_DEPTH:
            out.append(Problem(path, f"the criteria tree is deeper than {MAX_TREE_DEPTH} levels"))
            continue
        if node.is_leaf and node is not doc.criteria and node.kind != "gate":  # a gate is pass/fail: no scale
            if depth == 1 and node.direction is None and node.scale is None:
                out.append(Problem(path, f"dimension {node.id!r} is empty: add sub-criteria, or give it a direction and a scale to score it directly"))
                continue
            if node.direction is None:
                out.append(Problem(f"{path}.direction", f"leaf criterion {node.id!r} needs a direction (benefit or cost)"))
            if node.scale is None:
                out.append(Problem(f"{path}.scale", f"leaf criterion {node.id!r} needs a scale"))
            elif node.scale not in doc.scales:
                known = ", ".join(sorted(doc.scales)) or "none defined"
                out.append(Problem(f"{path}.scale", f"unknown scale {node.scale!r} (known: {known})"))
        stack.extend((c, f"{path}.children[{i}]", depth + 1) for i, c in reversed(list(enumerate(node.children))))
    if doc.criteria.is_leaf:
        out.append(Problem("criteria.children", "the goal has no criteria below it"))
    return out


def _unique(items, field: str) -> list[Problem]:
    out, seen = [], {}
    for i, item in enumerate(items):
        if item.id in seen:
            out.append(Problem(f"{field}[{i}].id", f"duplicate id {item.id!r} (also {field}[{seen[item.id]}])"))
        seen.setdefault(item.id, i)
    return out


def _judgment_problems(doc, nodes: dict[str, Criterion], members: set[str]) -> list[Problem]:
    out: list[Problem] = []
    gated = gate_nodes(doc.criteria)  # gates carry no direct weight
    for mid, mj in doc.judgments.items():
        base = f"judgments[{mid}]"
        if mid not in members:
            out.append(Problem(base, f"unknown member id {mid!r} (members: {', '.join(sorted(members)) or 'none'})"))
        for nid, pairs in mj.nodes.items():
            npath = f"{base}.nodes[{nid}]"
            node = nodes.get(nid)
            if node is None:
                out.append(Problem(npath, f"unknown criterion id {nid!r}"))
                continue
            if node.is_leaf:
                out.append(Problem(npath, f"{nid!r} is a leaf criterion: judgments compare the children of a parent node"))
                continue
            children = {c.id for c in node.children}
            seen: dict[frozenset, int] = {}
            for k, p in enumerate(pairs):
                ppath = f"{npath}[{k}]"
                for side in ("a", "b"):
                    cid = getattr(p, side)
                    if cid not in children:
                        out.append(Problem(f"{ppath}.{side}", f"{cid!r} is not a child of {nid!r} (children: {', '.join(sorted(children))})"))
                key = frozenset((p.a, p.b))
                if key in seen:
                    out.append(Problem(ppath, f"the pair {p.a!r} / {p.b!r} is judged twice (also {npath}[{seen[key]}]); keep one judgment"))
                seen.setdefault(key, k)
            if nid in mj.direct:
                out.append(Problem(f"{base}.direct[{nid}]", f"node {nid!r} has both pairwise judgments and direct weights; keep one"))
        for nid, weights in mj.direct.items():
            dpath = f"{base}.direct[{nid}]"
            node = nodes.get(nid)
            if node is None:
                out.append(Problem(dpath, f"unknown criterion id {nid!r}"))
                continue
            children = [c.id for c in node.children]
            for cid, w in weights.items():
                if cid not in children:
                    out.append(Problem(f"{dpath}[{cid}]", f"{cid!r} is not a child of {nid!r}"))
                elif not (math.isfinite(w) and w >= 0):
                    out.append(Problem(f"{dpath}[{cid}]", f"a weight must be zero or positive, found {w}"))
            missing = [c for c in children if c not in weights and c not in gated]
            if missing and children:
                out.append(Problem(dpath, f"direct weights must cover every child of {nid!r}; missing: {', '.join(missing)}"))
            elif children and not any(w > 0 for w in weights.values()):
                out.append(Problem(dpath, "direct weights are all zero"))
    return out


def _score_problems(doc, nodes: dict[str, Criterion], members: set[str]) -> list[Problem]:
    out: list[Problem] = []
    vendors = {v.id for v in doc.vendors}
    for mid, per_vendor in doc.scores.items():
        if mid not in members:
            out.append(Problem(f"scores[{mid}]", f"unknown member id {mid!r}"))
        for vid, per_leaf in per_vendor.items():
            vpath = f"scores[{mid}][{vid}]"
            if vid not in vendors:
                out.append(Problem(vpath, f"unknown vendor id {vid!r} (vendors: {', '.join(sorted(vendors)) or 'none'})"))
            for cid, value in per_leaf.items():
                cpath = f"{vpath}[{cid}]"
                node = nodes.get(cid)
                if node is None:
                    out.append(Problem(cpath, f"unknown criterion id {cid!r}"))
                elif not node.is_leaf:
                    out.append(Problem(cpath, f"{cid!r} is not a leaf criterion: scores go on leaves"))
                elif value is not None and node.scale in doc.scales:
                    lo, hi = doc.scales[node.scale].bounds
                    if (lo is not None and value < lo) or (hi is not None and value > hi):
                        lo_s = "-inf" if lo is None else f"{lo:g}"
                        hi_s = "inf" if hi is None else f"{hi:g}"
                        out.append(Problem(cpath, f"{value:g} is outside the scale {lo_s}..{hi_s} of {cid!r}"))
    return out


def semantic_problems(doc: Document) -> list[Problem]:
    """Every cross-reference problem of a model or scenario, in file order."""
    out = _criteria_problems(doc) + tender_problems(doc, tree_paths(doc.criteria))  # gates, price (procurement)
    if doc.kind != "scenario":
        return out
    nodes = {n.id: n for n, _, _ in doc.criteria.walk()}
    out += _unique(doc.members, "members") + _unique(doc.vendors, "vendors")
    members = {m.id for m in doc.members}
    out += _judgment_problems(doc, nodes, members)
    out += _score_problems(doc, nodes, members)
    return out
