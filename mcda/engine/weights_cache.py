"""A scenario's judgments as arrays, their digest, and a small LRU cache of AHP weights keyed by it.

:func:`judgment_inputs` reads, once, what the AHP weights depend on: the criteria
tree (parent nodes and their children), the members' voting weights, each
member's comparison matrix (``NaN`` = not judged) or direct weights per node, and
the weight settings.  Its ``digest`` (BLAKE2b over those arrays and ids) keys
:data:`CACHE`, so editing scores, vendors, texts or ranking settings, and every
what-if, reuses the weights instead of recomputing them.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from mcda import ahp
from mcda.scenario.schema import Criterion, Scenario

__all__ = ["NodeInput", "JudgmentInputs", "judgment_inputs", "member_matrix", "WeightsCache", "CACHE"]

_A, _B, _V = attrgetter("a"), attrgetter("b"), attrgetter("value")

#: The settings the weights depend on (the rest, e.g. ranking methods, do not enter the digest).
WEIGHT_SETTINGS = ("priority_method", "completion", "ri_table", "cr_threshold", "aggregation")


@dataclass(frozen=True)
class NodeInput:
    """What the members gave at one parent node: per member who gave something, in committee order,
    ``kind`` ("pairwise" or "direct"), the comparison matrix (for direct weights the consistent matrix
    of their ratios, or ``None`` when a weight is 0 or a ratio exceeds ``ahp.MAX_RATIO``) and the
    direct weight vector (``None`` for pairwise judgments)."""

    node: str
    label: str
    children: tuple[str, ...]
    members: tuple[str, ...]
    kinds: tuple[str, ...]
    matrices: tuple[np.ndarray | None, ...]
    direct: tuple[np.ndarray | None, ...]


@dataclass(frozen=True)
class JudgmentInputs:
    """Everything the AHP weights of a scenario depend on, as arrays, with its digest.

    ``stacks[n]`` is ``(node ids, array (G, K, n, n))``: the comparison matrices of the ``K`` members
    with judgments (committee order) at each of the ``G`` parent nodes with ``n`` children, ``NaN`` where
    a member gave nothing; ``NodeInput.matrices`` are views into it.
    """

    root: str
    nodes: tuple[NodeInput, ...]  # parent nodes in depth-first order
    members: tuple[str, ...]
    judged: tuple[str, ...]  # members with judgments, the K axis of the stacks
    voting: dict[str, float]
    settings: dict[str, object]
    stacks: dict[int, tuple[tuple[str, ...], np.ndarray]]
    digest: str


def _label(node: Criterion) -> str:
    return f"{node.id} ({node.name.zh})" if node.name.zh else node.id


def member_matrix(children: list[str], index: dict[str, int], pairs) -> np.ndarray:
    """The comparison matrix of one member's pairs at a node (NaN where not judged).

    Same result as :func:`mcda.ahp.matrix_from_judgments`, filled with one indexed
    assignment; anything that function would refuse or treat specially (unknown or
    repeated items, a non-positive value, a pair given twice) is handed to it.
    """
    n = len(children)
    a = np.full((1, n, n), np.nan)
    a[0, np.arange(n), np.arange(n)] = 1.0
    try:
        _fill(a, [0] * len(pairs), [index[p.a] for p in pairs], [index[p.b] for p in pairs],
              [p.value for p in pairs], np.array([len(pairs)]))
    except (KeyError, TypeError, ValueError):
        return ahp.matrix_from_judgments(children, {(p.a, p.b): p.value for p in pairs})
    return a[0]


def _fill(a: np.ndarray, slot, i, j, v, count: np.ndarray) -> None:
    """Write judgments ``(slot, i, j, v)`` and reciprocals into the flattened stack ``a`` (S, n, n);
    raise ValueError if any is not a plain valid judgment or a slot got fewer cells than judgments."""
    slot, i, j = (np.asarray(x, dtype=np.intp) for x in (slot, i, j))
    v = np.asarray(v, dtype=float)
    if not (np.isfinite(v).all() and (v > 0).all() and (i != j).all()):
        raise ValueError("not plain judgments")
    before = np.count_nonzero(~np.isnan(a), axis=(1, 2))
    a[slot, i, j] = v
    a[slot, j, i] = 1.0 / v
    if (np.count_nonzero(~np.isnan(a), axis=(1, 2)) - before != 2 * count).any():  # a pair given twice
        raise ValueError("repeated pairs")


def _direct(raw: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    w = raw / raw.sum()
    # as judgments, direct weights are the consistent matrix of their ratios; a zero weight has no
    # ratio, and ratios beyond the kernels' range (1e6) are not judgments anyone could give
    ok = (w > 0).all() and w.max() / w.min() <= ahp.MAX_RATIO
    return w, (w[:, None] / w[None, :] if ok else None)


def _size_group(parents: list[Criterion], judged: list, n: int) -> tuple[np.ndarray, dict]:
    """The (G, K, n, n) stack of the parent nodes of size n, and {(g, k): direct weights}."""
    kk = len(judged)
    a = np.full((len(parents), kk, n, n), np.nan)
    a[:, :, np.arange(n), np.arange(n)] = 1.0
    flat = a.reshape(-1, n, n)
    slot, ii, jj, vv, direct = [], [], [], [], {}
    count = np.zeros(len(parents) * kk, dtype=np.intp)
    for g, node in enumerate(parents):
        children = [c.id for c in node.children]
        index = {c: t for t, c in enumerate(children)}
        for k, (_, mj) in enumerate(judged):
            if node.id in mj.direct:
                w, m = _direct(np.array([mj.direct[node.id].get(c, 0.0) for c in children], dtype=float))
                direct[g, k] = w, m
                if m is not None:
                    a[g, k] = m
            elif node.id in mj.nodes:
                pairs = mj.nodes[node.id]
                s = g * kk + k
                count[s] = len(pairs)
                direct[g, k] = None, None  # judged, pairwise
                try:  # C-level loops over the pairs (attrgetter, dict lookup)
                    ii += map(index.__getitem__, map(_A, pairs))
                    jj += map(index.__getitem__, map(_B, pairs))
                except KeyError:  # an unknown item: matrix_from_judgments says which
                    ahp.matrix_from_judgments(children, {(p.a, p.b): p.value for p in pairs})
                    raise
                slot += [s] * len(pairs)
                vv += map(_V, pairs)
    try:
        _fill(flat, slot, ii, jj, vv, count)
    except (TypeError, ValueError):  # something unusual: one member and node at a time, as the reference does
        for g, node in enumerate(parents):
            children = [c.id for c in node.children]
            for k, (_, mj) in enumerate(judged):
                if direct.get((g, k), (0,))[0] is None:
                    a[g, k] = ahp.matrix_from_judgments(children, {(p.a, p.b): p.value for p in mj.nodes[node.id]})
    return a, direct


def judgment_inputs(scenario: Scenario) -> JudgmentInputs:
    """Read the scenario's judgments into arrays and digest them (see the module doc)."""
    s = scenario.settings
    settings = {k: getattr(s, k) for k in WEIGHT_SETTINGS}
    total = sum(m.weight for m in scenario.members)
    voting = {m.id: m.weight / total for m in scenario.members} if scenario.members else {}
    judged = [(m.id, scenario.judgments[m.id]) for m in scenario.members if m.id in scenario.judgments]
    parents, stack = [], [scenario.criteria]
    while stack:  # the parent nodes in pre-order, as Criterion.walk
        node = stack.pop()
        if node.children:
            parents.append(node)
            stack += node.children[::-1]
    by_size: dict[int, list[Criterion]] = {}
    for node in parents:
        if len(node.children) > 1:
            by_size.setdefault(len(node.children), []).append(node)
    h = hashlib.blake2b(digest_size=20)
    h.update(repr((sorted(settings.items()), list(voting.items()), scenario.criteria.id,
                   [(p.id, [c.id for c in p.children]) for p in parents], [m for m, _ in judged])).encode())
    stacks, found = {}, {}
    for n, group in sorted(by_size.items()):
        a, direct = _size_group(group, judged, n)
        stacks[n] = tuple(node.id for node in group), a
        h.update(repr(sorted((g, k, w is None) for (g, k), (w, _) in direct.items())).encode())
        h.update(a.tobytes())
        for w, _m in direct.values():
            if w is not None:
                h.update(w.tobytes())
        for g, node in enumerate(group):
            found[node.id] = g, a, direct
    nodes = []
    for node in parents:
        children = tuple(c.id for c in node.children)
        members, kinds, mats, dw = [], [], [], []
        if node.id in found:
            g, a, direct = found[node.id]
            for k, (mid, _) in enumerate(judged):
                if (g, k) in direct:
                    w, m = direct[g, k]
                    members.append(mid)
                    kinds.append("pairwise" if w is None else "direct")
                    mats.append(a[g, k] if w is None or m is not None else None)
                    dw.append(w)
        nodes.append(NodeInput(node.id, _label(node), children, tuple(members), tuple(kinds), tuple(mats), tuple(dw)))
    return JudgmentInputs(scenario.criteria.id, tuple(nodes), tuple(m.id for m in scenario.members),
                          tuple(m for m, _ in judged), voting, settings, stacks, h.hexdigest())


class WeightsCache:
    """A bounded, thread-safe LRU mapping digests to computed weights.

    >>> c = WeightsCache(maxsize=2); c.put("a", 1); c.put("b", 2); c.get("a"); c.put("c", 3)
    1
    >>> c.get("b") is None, len(c)
    (True, 2)
    """

    def __init__(self, maxsize: int = 32):
        self.maxsize = maxsize
        self._data: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: str):
        with self._lock:
            value = self._data.get(key)
            if value is None:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key: str, value) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._data)


#: The engine's cache of :class:`mcda.engine.weights.WeightsResult` by judgment digest.
CACHE = WeightsCache()
