"""Criteria hierarchies as plain mappings: global weights by products down the tree.

A hierarchy is ``local = {parent_id: {child_id: local weight}}``; ids that are
never a parent are leaves.  The global weight of a leaf is the product of the
local weights on its path from the root (Saaty 1980, hierarchic
composition).  Nothing is rounded, so the global weights sum to 1 up to
floating-point rounding (unlike tools that round at every level).

Validation (every failure raises :class:`mcda.errors.MCDAError`): each node's
local weights are finite, ``>= 0`` and sum to 1 within ``1e-9``; the tree has no
cycle; each node has one parent; every parent in ``local`` is reachable from the
root; a parent has at least one child.
"""
from __future__ import annotations

import math
from collections.abc import Hashable, Mapping

from mcda.errors import MCDAError

__all__ = ["validate_hierarchy", "global_weights", "leaves", "paths", "parents"]

SUM_TOL = 1e-9


def _walk(local: Mapping, root: Hashable) -> list[tuple[Hashable, tuple]]:
    """Depth-first (children in mapping order) list of ``(node, path from root)``, validating as it goes."""
    if not isinstance(local, Mapping):
        raise MCDAError(code="err.ahp.tree_not_mapping", found=type(local).__name__)
    if root not in local:
        raise MCDAError(code="err.ahp.root_without_children", root=root, parents=list(local))
    seen_parent: dict = {root: None}
    order: list[tuple[Hashable, tuple]] = []
    stack: list[tuple[Hashable, tuple]] = [(root, (root,))]
    while stack:
        node, path = stack.pop()
        order.append((node, path))
        if node not in local:
            continue
        children = local[node]
        if not isinstance(children, Mapping) or len(children) == 0:
            raise MCDAError(code="err.ahp.node_children", node=node, children=children)
        total = 0.0
        for child, w in children.items():
            try:
                wf = float(w)
            except (TypeError, ValueError):
                raise MCDAError(code="err.ahp.local_not_number", child=child, node=node, w=w) from None
            if not math.isfinite(wf) or wf < 0:
                raise MCDAError(code="err.ahp.local_negative", child=child, node=node, w=w)
            total += wf
            if child in path:
                raise MCDAError(code="err.ahp.cycle", path=" -> ".join(map(repr, path + (child,))))
            if child in seen_parent:
                other = seen_parent[child]
                raise MCDAError(code="err.ahp.two_parents", child=child, other=other, node=node)
            seen_parent[child] = node
        if abs(total - 1.0) > SUM_TOL:
            raise MCDAError(code="err.ahp.local_sum", node=node, tol=SUM_TOL, total=total)
        for child in reversed(list(children)):
            stack.append((child, path + (child,)))
    unreachable = [p for p in local if p not in seen_parent]
    if unreachable:
        raise MCDAError(code="err.ahp.unreachable", parents=unreachable, root=root)
    return order


def validate_hierarchy(local: Mapping, root: Hashable) -> None:
    """Raise :class:`MCDAError` unless ``local`` is a valid weighted tree under ``root``.

    >>> validate_hierarchy({"goal": {"a": 0.5, "b": 0.6}}, "goal")
    Traceback (most recent call last):
    ...
    mcda.errors.MCDAError: local weights under 'goal' must sum to 1 (within 1e-09); they sum to 1.1
    """
    _walk(local, root)


def global_weights(local: Mapping, root: Hashable) -> dict:
    """Global weight of every leaf: the product of local weights from ``root`` down (Saaty 1980).

    Parameters
    ----------
    local : mapping
        ``{parent_id: {child_id: local weight}}``.
    root : hashable
        The goal node.

    Returns
    -------
    dict
        ``{leaf_id: global weight}`` in depth-first order; not rounded.

    Examples
    --------
    >>> local = {"goal": {"cost": 0.6, "quality": 0.4}, "quality": {"sla": 0.75, "security": 0.25}}
    >>> global_weights(local, "goal")
    {'cost': 0.6, 'sla': 0.30000000000000004, 'security': 0.1}
    """
    out = {}
    for node, path in _walk(local, root):
        if node in local:
            continue
        w = 1.0
        for parent, child in zip(path[:-1], path[1:], strict=True):
            w *= float(local[parent][child])
        out[node] = w
    return out


def leaves(local: Mapping, root: Hashable) -> list:
    """Leaf ids under ``root`` in depth-first order.

    >>> leaves({"goal": {"cost": 0.6, "quality": 0.4}, "quality": {"sla": 0.75, "security": 0.25}}, "goal")
    ['cost', 'sla', 'security']
    """
    return [node for node, _ in _walk(local, root) if node not in local]


def paths(local: Mapping, root: Hashable) -> dict:
    """Path (tuple of ids from ``root``) to every leaf, in depth-first order.

    >>> paths({"goal": {"cost": 0.6, "quality": 0.4}, "quality": {"sla": 0.75, "security": 0.25}}, "goal")["sla"]
    ('goal', 'quality', 'sla')
    """
    return {node: path for node, path in _walk(local, root) if node not in local}


def parents(local: Mapping) -> dict:
    """``{child_id: parent_id}`` for every child listed in ``local`` (no validation).

    >>> parents({"goal": {"cost": 0.6, "quality": 0.4}, "quality": {"sla": 1.0}})
    {'cost': 'goal', 'quality': 'goal', 'sla': 'quality'}
    """
    return {child: parent for parent, children in local.items() for child in children}
