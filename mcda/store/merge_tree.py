"""The criteria tree's part of the three-way merge (:mod:`mcda.store.merge`).

Each node is one part, ``criteria[<id>]``: its own fields (name, description,
direction, scale, source) together with its parent, so moving a node and
editing it are the same part. The children of each node are then ordered with
:func:`~mcda.store.merge.merge_order`. A node whose parent the other side
removed, two sides moving nodes under each other (a cycle) and two roots are
conflicts too.

>>> from mcda.store.merge import merge_scenarios
>>> leaf = lambda i: {"id": i, "name": {"en": i}, "children": []}
>>> base = {"criteria": {"id": "root", "name": {"en": "goal"}, "children": [leaf("a"), leaf("b")]}}
>>> mine = {"criteria": {"id": "root", "name": {"en": "goal"}, "children": [leaf("a"), leaf("b"), leaf("c")]}}
>>> theirs = {"criteria": {"id": "root", "name": {"en": "Goal"}, "children": [leaf("b"), leaf("a")]}}
>>> merged = merge_scenarios(base, mine, theirs).data["criteria"]
>>> merged["name"], [c["id"] for c in merged["children"]]
({'en': 'Goal'}, ['b', 'a', 'c'])
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from mcda.store.merge_parts import ABSENT, Conflict

if TYPE_CHECKING:
    from mcda.store.merge import _Merger

__all__ = ["merge_tree"]


def _flatten(root) -> tuple[dict, dict] | None:
    """({id: node fields and "parent"}, {id: [child ids]}) of a tree; None unless it is a tree of unique ids."""
    if root is ABSENT:
        return {}, {}
    nodes: dict = {}
    children: dict = {}
    stack = [(root, None)]
    while stack:
        node, parent = stack.pop()
        if not isinstance(node, dict) or not isinstance(node.get("id"), str) or node["id"] in nodes:
            return None
        kids = node.get("children", [])
        if not isinstance(kids, list):
            return None
        nid = node["id"]
        nodes[nid] = {**{k: v for k, v in node.items() if k != "children"}, "parent": parent}
        children[nid] = [k.get("id") if isinstance(k, dict) else None for k in kids]
        stack.extend((k, nid) for k in reversed(kids))
    return nodes, children


def merge_tree(merger: _Merger, b, m, t):
    """The merged criteria tree (conflicts are added to ``merger``)."""
    flat = [_flatten(x) for x in (b, m, t)]
    if any(f is None for f in flat):
        return merger.atom("criteria", b, m, t)
    sides = [f[0] if x is not ABSENT else ABSENT for f, x in zip(flat, (b, m, t), strict=True)]
    nodes = merger.container("criteria", *sides, lambda k, *v: merger.atom(f"criteria[{k}]", *v))
    if not nodes:
        return ABSENT
    kids: dict[str, list[str]] = {nid: [] for nid in nodes}
    roots = []
    for nid, record in nodes.items():
        parent = record["parent"]
        if parent is None:
            roots.append(nid)
        elif parent in nodes:
            kids[parent].append(nid)
        else:  # one side removed the parent, the other put a node under it
            merger.conflicts.append(Conflict(f"criteria[{parent}]", *(f[0].get(parent, ABSENT) for f in flat)))
    if len(roots) != 1:
        merger.conflicts.append(Conflict("criteria (root)", *([k for k, r in f[0].items() if r["parent"] is None]
                                                               for f in flat)))
        return ABSENT
    order: dict[str, list[str]] = {}
    for pid, members in kids.items():
        order[pid] = merger.order(f"criteria[{pid}] (order of its sub-criteria)", *(f[1].get(pid, []) for f in flat),
                                  keep=members)
    reached: set[str] = set()

    def build(nid: str) -> dict:
        reached.add(nid)
        return {**{k: v for k, v in nodes[nid].items() if k != "parent"}, "children": [build(c) for c in order[nid]]}

    tree = build(roots[0])
    if len(reached) != len(nodes):  # both sides moved nodes under each other: a cycle cut off from the root
        lost = sorted(set(nodes) - reached)
        merger.conflicts.append(Conflict(f"criteria[{lost[0]}] (moved under each other)",
                                         *({k: f[0].get(k, ABSENT) for k in lost} for f in flat)))
    return tree
