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
from mcda.text import text

if TYPE_CHECKING:  # pragma: no cover
    from mcda.scenario.schema import Criterion, Document

__all__ = ["MAX_SAMPLES", "MAX_TREE_DEPTH", "problem", "semantic_problems", "tree_paths"]

MAX_TREE_DEPTH = 8
#: The most Monte Carlo samples a file (``settings.sensitivity.samples``) or the command line may ask for.
MAX_SAMPLES = 10_000_000


def problem(path: str, code: str, **params) -> Problem:
    """A located :class:`~mcda.errors.Problem` whose message is the catalogue entry ``code``
    (English text; :meth:`Problem.render` gives the other language).

    >>> problem("vendors[1].id", "err.dup_id", id="acme", other="vendors[0]").render("zh")
    "vendors[1].id: 重复的编号 'acme'（另见 vendors[0]）"
    """
    return Problem(path, text(code, "en", **params), code, params)


def _known(code: str, path: str, ids, **params) -> Problem:
    """An unknown-id problem listing the known ids (the ``_none`` variant of ``code`` when there are none)."""
    known = ", ".join(sorted(ids))
    return problem(path, code, known=known, **params) if known else problem(path, code + "_none", **params)


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
            out.append(problem(f"{path}.id", "err.tree.duplicate_id", id=node.id, other=seen[node.id]))
        else:
            seen[node.id] = path
        if depth > MAX_TREE_DEPTH:
            out.append(problem(path, "err.tree.too_deep", max=MAX_TREE_DEPTH))
            continue
        if node.is_leaf and node is not doc.criteria and node.kind != "gate":  # a gate is pass/fail: no scale
            if depth == 1 and node.direction is None and node.scale is None:
                out.append(problem(path, "err.tree.empty_dimension", id=node.id))
                continue
            if node.direction is None:
                out.append(problem(f"{path}.direction", "err.tree.no_direction", id=node.id))
            if node.scale is None:
                out.append(problem(f"{path}.scale", "err.tree.no_scale", id=node.id))
            elif node.scale not in doc.scales:
                out.append(_known("err.tree.unknown_scale", f"{path}.scale", doc.scales, scale=node.scale))
        stack.extend((c, f"{path}.children[{i}]", depth + 1) for i, c in reversed(list(enumerate(node.children))))
    if doc.criteria.is_leaf:
        out.append(problem("criteria.children", "err.tree.no_criteria"))
    return out


def _unique(items, field: str) -> list[Problem]:
    out, seen = [], {}
    for i, item in enumerate(items):
        if item.id in seen:
            out.append(problem(f"{field}[{i}].id", "err.dup_id", id=item.id, other=f"{field}[{seen[item.id]}]"))
        seen.setdefault(item.id, i)
    return out


def _judgment_problems(doc, nodes: dict[str, Criterion], members: set[str]) -> list[Problem]:
    out: list[Problem] = []
    gated = gate_nodes(doc.criteria)  # gates carry no direct weight
    for mid, mj in doc.judgments.items():
        base = f"judgments[{mid}]"
        if mid not in members:
            out.append(_known("err.unknown_member", base, members, id=mid))
        for nid, pairs in mj.nodes.items():
            npath = f"{base}.nodes[{nid}]"
            node = nodes.get(nid)
            if node is None:
                out.append(problem(npath, "err.unknown_criterion", id=nid))
                continue
            if node.is_leaf:
                out.append(problem(npath, "err.judg.leaf", id=nid))
                continue
            children = {c.id for c in node.children}
            seen: dict[frozenset, int] = {}
            for k, p in enumerate(pairs):
                ppath = f"{npath}[{k}]"
                for side in ("a", "b"):
                    cid = getattr(p, side)
                    if cid not in children:
                        out.append(problem(f"{ppath}.{side}", "err.judg.not_child", id=cid, parent=nid,
                                           children=", ".join(sorted(children))))
                key = frozenset((p.a, p.b))
                if key in seen:
                    out.append(problem(ppath, "err.judg.twice", a=p.a, b=p.b, other=f"{npath}[{seen[key]}]"))
                seen.setdefault(key, k)
            if nid in mj.direct:
                out.append(problem(f"{base}.direct[{nid}]", "err.judg.both", id=nid))
        for nid, weights in mj.direct.items():
            dpath = f"{base}.direct[{nid}]"
            node = nodes.get(nid)
            if node is None:
                out.append(problem(dpath, "err.unknown_criterion", id=nid))
                continue
            children = [c.id for c in node.children]
            for cid, w in weights.items():
                if cid not in children:
                    out.append(problem(f"{dpath}[{cid}]", "err.direct.not_child", id=cid, parent=nid))
                elif not (math.isfinite(w) and w >= 0):
                    out.append(problem(f"{dpath}[{cid}]", "err.direct.negative", w=w))
            missing = [c for c in children if c not in weights and c not in gated]
            if missing and children:
                out.append(problem(dpath, "err.direct.missing", parent=nid, missing=", ".join(missing)))
            elif children and not any(w > 0 for w in weights.values()):
                out.append(problem(dpath, "err.direct.all_zero"))
    return out


def _score_problems(doc, nodes: dict[str, Criterion], members: set[str]) -> list[Problem]:
    out: list[Problem] = []
    vendors = {v.id for v in doc.vendors}
    for mid, per_vendor in doc.scores.items():
        if mid not in members:
            out.append(problem(f"scores[{mid}]", "err.scores.unknown_member", id=mid))
        for vid, per_leaf in per_vendor.items():
            vpath = f"scores[{mid}][{vid}]"
            if vid not in vendors:
                out.append(_known("err.unknown_vendor", vpath, vendors, id=vid))
            for cid, value in per_leaf.items():
                cpath = f"{vpath}[{cid}]"
                node = nodes.get(cid)
                if node is None:
                    out.append(problem(cpath, "err.unknown_criterion", id=cid))
                elif not node.is_leaf:
                    out.append(problem(cpath, "err.scores.not_leaf", id=cid))
                elif value is not None and node.scale in doc.scales:
                    lo, hi = doc.scales[node.scale].bounds
                    if (lo is not None and value < lo) or (hi is not None and value > hi):
                        lo_s = "-inf" if lo is None else f"{lo:g}"
                        hi_s = "inf" if hi is None else f"{hi:g}"
                        out.append(problem(cpath, "err.scores.outside", value=f"{value:g}", lo=lo_s, hi=hi_s, id=cid))
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
