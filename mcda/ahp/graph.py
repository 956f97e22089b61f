"""The comparison graph: items as nodes, judged pairs as edges (networkx).

Missing judgments determine unique weights (and a unique optimal completion) if
and only if this graph is connected (Bozóki, Fülöp & Rónyai
2010), which needs at least ``n - 1`` judgments.  A disconnected graph raises
:class:`mcda.errors.NotConnectedError`, whose ``groups`` and message name the
connected groups of items.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from mcda.ahp.matrix import check_matrix, count_judgments, judged_pairs
from mcda.errors import NotConnectedError

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["comparison_graph", "judgment_groups", "require_connected", "not_connected_message"]


def comparison_graph(matrix, labels: Sequence | None = None) -> nx.Graph:
    """The comparison graph: items as nodes ``0..n-1`` (attribute ``label``), judged pairs as edges.

    Each edge carries ``value`` = ``a_ij`` for ``i < j``.

    >>> g = comparison_graph([[1, 2, np.nan], [0.5, 1, 3], [np.nan, 1 / 3, 1]], labels="abc")
    >>> sorted(g.edges), g.nodes[2]["label"]
    ([(0, 1), (1, 2)], 'c')
    """
    import networkx as nx  # imported on use: it costs ~0.3 s, and complete matrices never need it

    a = check_matrix(matrix, labels)
    n = a.shape[0]
    g = nx.Graph()
    for i in range(n):
        g.add_node(i, label=labels[i] if labels is not None else i)
    for i, j in judged_pairs(a):
        g.add_edge(i, j, value=float(a[i, j]))
    return g


def _all_reachable(a: np.ndarray) -> bool:
    """Fast path: is every item reachable from item 0 through judged pairs? (boolean
    reachability, at most n small products; networkx is then only needed to name groups)."""
    adj = np.isfinite(a)
    reach = adj[0].copy()
    while True:
        grown = adj[reach].any(axis=0)
        if grown.sum() == reach.sum():
            return bool(reach.all())
        reach = grown


def components(a: np.ndarray) -> list[list[int]]:
    if _all_reachable(a):
        return [list(range(a.shape[0]))]
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(a.shape[0]))
    g.add_edges_from(judged_pairs(a))
    groups = [sorted(c) for c in nx.connected_components(g)]
    groups.sort(key=lambda c: c[0])
    return groups


def judgment_groups(matrix, labels: Sequence | None = None) -> list[list]:
    """Connected groups of items (components of the comparison graph), each sorted, ordered by first item.

    Items are given by label when ``labels`` is given, else by index.

    >>> judgment_groups([[1, 2, np.nan], [0.5, 1, np.nan], [np.nan, np.nan, 1]], labels=["cost", "quality", "security"])
    [['cost', 'quality'], ['security']]
    """
    a = check_matrix(matrix, labels)
    return [[labels[i] for i in grp] if labels is not None else grp for grp in components(a)]


def _join_names(groups_named: list[str]) -> str:
    if len(groups_named) == 2:
        return f"{groups_named[0]} and {groups_named[1]}"
    return ", ".join(groups_named[:-1]) + f" and {groups_named[-1]}"


def not_connected_message(a: np.ndarray, groups: list[list[int]], labels: Sequence | None) -> str:
    """The message of :class:`NotConnectedError` for index groups of a validated matrix."""
    n = a.shape[0]
    given, _ = count_judgments(a)

    def name(i):
        return str(labels[i]) if labels is not None else str(i)

    named = ["{" + ", ".join(name(i) for i in grp) + "}" for grp in groups]
    if len(groups) == 2:
        tail = "compare at least one item of each group with the other"
    else:
        tail = "compare at least one item of each group with an item of another group until all are linked"
    return (f"the judgments fall into {len(groups)} unconnected groups: {_join_names(named)}; {tail} "
            f"(at least n - 1 = {n - 1} judgments are needed for {n} items; {given} given)")


def require_connected(a: np.ndarray, labels: Sequence | None = None) -> None:
    """Raise :class:`NotConnectedError` unless the comparison graph of validated ``a`` is connected.

    The error's ``groups`` lists the items of each group (labels if given).

    >>> a = check_matrix([[1, 2, np.nan], [0.5, 1, np.nan], [np.nan, np.nan, 1]])
    >>> try:
    ...     require_connected(a, labels=["cost", "quality", "security"])
    ... except NotConnectedError as err:
    ...     print(err.groups); print(str(err).split("; ")[0])
    [['cost', 'quality'], ['security']]
    the judgments fall into 2 unconnected groups: {cost, quality} and {security}
    """
    if not np.isnan(a).any():
        return
    groups = components(a)
    if len(groups) > 1:
        named = [[labels[i] for i in grp] if labels is not None else grp for grp in groups]
        raise NotConnectedError(None, named, code="err.ahp.not_connected",
                                detail=not_connected_message(a, groups, labels))
