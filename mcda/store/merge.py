"""Three-way merge of two edits of one scenario, part by part, on its JSON data (plain dicts).

Both edits start from the same ``base`` (a version of the library); ``mine`` is the
edit being saved and ``theirs`` the latest version, saved by someone else meanwhile.
Each scenario is seen as a set of **parts**, each merged on its own:

* ``metadata.<field>``, ``settings.<field>`` (``settings.sensitivity.<field>`` and
  ``settings.normalization[<method>]`` one level deeper), ``scales[<id>]``;
* each member ``members[<id>]`` and vendor ``vendors[<id>]`` (plus the order of each list);
* each criteria node ``criteria[<id>]`` (its own fields and its parent; its children are
  parts of their own) and the order of every node's children;
* each judgment ``judgments[<member>].nodes[<node>][<a> vs <b>]`` (``a vs b`` and ``b vs a``
  with the reciprocal value are the same judgment), each member's direct weights of a node
  ``judgments[<member>].direct[<node>]``;
* each score cell ``scores[<member>][<vendor>][<criterion>]``;
* anything else at the top level (``schema_version``, ``kind``, unknown keys) as a whole.

The rule per part is the usual one: a part changed on one side only takes that change;
a part changed identically on both sides takes it; a part changed differently on both
sides (including removed on one side and changed on the other) is a :class:`Conflict`.
Nothing is resolved silently: with any conflict the result has no data. The order of
judgments in a list and of keys in a mapping never conflicts (theirs, then mine's
additions); the order of members, vendors and a node's children conflicts only when both
sides reordered the items they share differently.

The merged data is *not* validated here (cross references such as a score for a
criterion the other side removed are checked by the caller, with the scenario schema).

>>> base = {"metadata": {"title": "t", "notes": ""}, "scores": {"cfo": {"v1": {"c1": 3, "c2": 4}}}}
>>> mine = {"metadata": {"title": "t", "notes": "mine"}, "scores": {"cfo": {"v1": {"c1": 5, "c2": 4}}}}
>>> theirs = {"metadata": {"title": "t2", "notes": ""}, "scores": {"cfo": {"v1": {"c1": 3, "c2": 1}}}}
>>> result = merge_scenarios(base, mine, theirs)
>>> result.data == {"metadata": {"title": "t2", "notes": "mine"}, "scores": {"cfo": {"v1": {"c1": 5, "c2": 1}}}}
True
>>> merge_scenarios(base, mine, mine | {"metadata": {"title": "t", "notes": "other"}}).conflicts
[Conflict(part='metadata.notes', base='', mine='mine', theirs='other')]
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

from mcda.store.merge_parts import ABSENT, Conflict

__all__ = ["ABSENT", "Conflict", "MergeResult", "merge_scenarios", "merge_order", "describe_value", "differing"]


@dataclass
class MergeResult:
    """The merged data (None if there are conflicts), the conflicts, and the parts taken from mine."""

    data: dict | None
    conflicts: list[Conflict] = field(default_factory=list)
    from_mine: list[str] = field(default_factory=list)


def describe_value(value: object, limit: int = 60) -> str:
    """A short text for a part's value in messages (``(absent)`` for :data:`ABSENT`).

    >>> describe_value(ABSENT), describe_value(None), describe_value("1/3"), describe_value(4)
    ('(absent)', 'null', '"1/3"', '4')
    """
    if value is ABSENT:
        return "(absent)"
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def differing(conflict: Conflict) -> tuple[object, object, object]:
    """(base, mine, theirs) of a conflict, objects cut down to the fields that differ between them.

    >>> differing(Conflict("members[cfo]", {"id": "cfo", "weight": 1}, {"id": "cfo", "weight": 2}, ABSENT))
    ({'weight': 1}, {'weight': 2}, ABSENT)
    """
    sides = (conflict.base, conflict.mine, conflict.theirs)
    objects = [s for s in sides if s is not ABSENT]
    if not objects or not all(isinstance(s, dict) for s in objects):
        return sides
    keys = [k for k in _ordered_keys(*objects) if len({json.dumps(s.get(k, None), sort_keys=True) for s in objects}) > 1
            or any(k not in s for s in objects)]
    return tuple(s if s is ABSENT else {k: s[k] for k in keys if k in s} for s in sides)


def merge_order(base: list, mine: list, theirs: list, keep: list, strict: bool = True) -> list | None:
    """The order of the merged items ``keep`` from three orders of (some of) them.

    The side that reordered the items all three share gives the order (theirs if neither
    did); an item the other side added stands before the item that follows it there (at
    the end if none does). Returns None when ``strict`` and both sides reordered the shared
    items differently.

    >>> merge_order(["a", "b"], ["a", "x", "b"], ["b", "a"], keep=["a", "b", "x"])
    ['x', 'b', 'a']
    >>> merge_order(["a", "b"], ["a", "b", "x"], ["b", "a"], keep=["a", "b", "x"])
    ['b', 'a', 'x']
    >>> merge_order(["a", "b", "c"], ["b", "a", "c"], ["a", "c", "b"], keep=["a", "b", "c"]) is None
    True
    """
    wanted = set(keep)
    common = set(base) & set(mine) & set(theirs)

    def shared(seq: list) -> list:
        return [x for x in seq if x in common]

    b, m, t = shared(base), shared(mine), shared(theirs)
    if m == b or m == t:
        primary, other = theirs, mine
    elif t == b:
        primary, other = mine, theirs
    elif strict:
        return None
    else:
        primary, other = theirs, mine
    out = [x for x in dict.fromkeys(primary) if x in wanted]
    for seq in (other, base, keep):
        placed = set(out)
        for i in range(len(seq) - 1, -1, -1):  # backwards, so that added runs keep their order
            x = seq[i]
            if x in wanted and x not in placed:
                after = next((n for n in seq[i + 1:] if n in placed), None)
                out.insert(len(out) if after is None else out.index(after), x)
                placed.add(x)
    return out


def _ordered_keys(*mappings) -> list:
    """Keys of theirs first (its order), then those only mine has, then those only the base has."""
    keys: dict = {}
    for mapping in mappings:
        if isinstance(mapping, dict):
            keys.update(dict.fromkeys(mapping))
    return list(keys)


def _get(mapping, key):
    return mapping.get(key, ABSENT) if isinstance(mapping, dict) else ABSENT


def _ratio(pair: dict, key: tuple) -> float | None:
    """A judgment's value oriented as ``key`` (a sorted pair), or None if it cannot be read."""
    try:
        v = pair["value"]
        v = float(Fraction(v.strip())) if isinstance(v, str) else float(v)
        return v if (pair["a"], pair["b"]) == key else 1 / v
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return None


def _same_judgment(key: tuple) -> Callable[[object, object], bool]:
    def same(x, y) -> bool:
        if x is ABSENT or y is ABSENT or x == y:
            return x == y
        rx, ry = _ratio(x, key), _ratio(y, key)
        return rx is not None and ry is not None and math.isclose(rx, ry, rel_tol=1e-9)

    return same


def _by_id(items) -> dict | None:
    """A list of {"id": ...} objects as {id: object}; None if it is not one (then it merges as a whole)."""
    if not isinstance(items, list):
        return None
    out = {}
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or item["id"] in out:
            return None
        out[item["id"]] = item
    return out


class _Merger:
    """Walks the three versions once, collecting the merged data and the conflicts."""

    def __init__(self):
        self.conflicts: list[Conflict] = []
        self.from_mine: list[str] = []

    def atom(self, part: str, b, m, t, same: Callable[[object, object], bool] = lambda x, y: x == y):
        if same(m, t) or same(m, b):
            return t
        if same(t, b):
            self.from_mine.append(part)
            return m
        self.conflicts.append(Conflict(part, b, m, t))
        return t

    def container(self, part: str, b, m, t, child: Callable[[object, object, object, object], object]):
        """A mapping whose keys merge one by one (``child(key, b, m, t)``); it exists if one side did not remove it."""
        before = len(self.conflicts)
        out = {}
        for key in _ordered_keys(t, m, b):
            value = child(key, _get(b, key), _get(m, key), _get(t, key))
            if value is not ABSENT:
                out[key] = value
        present = [x is not ABSENT for x in (b, m, t)]
        exists = present[1] if present[1] != present[0] else present[2]
        if exists:
            return out
        if out and len(self.conflicts) == before:  # removed by one side, added to by the other
            self.conflicts.append(Conflict(part, b, m, t))
        return ABSENT

    def atoms(self, prefix: str, b, m, t):
        """A mapping of independent parts ``prefix.key`` (e.g. metadata)."""
        return self.container(prefix, b, m, t, lambda k, *v: self.atom(f"{prefix}.{k}", *v))

    def settings(self, b, m, t):
        def child(key, bv, mv, tv):
            sides = (bv, mv, tv)
            if any(isinstance(x, dict) for x in sides) and all(isinstance(x, dict) or x is ABSENT for x in sides):
                return self.container(f"settings.{key}", bv, mv, tv,
                                      lambda k, *v: self.atom(f"settings.{key}[{k}]" if key == "normalization"
                                                              else f"settings.{key}.{k}", *v))
            return self.atom(f"settings.{key}", bv, mv, tv)

        return self.container("settings", b, m, t, child)

    def id_list(self, what: str, b, m, t):
        """Members or vendors: one part per id, plus their order."""
        maps = [_by_id(x) if x is not ABSENT else {} for x in (b, m, t)]
        if any(x is None for x in maps):
            return self.atom(what, b, m, t)
        merged = self.container(what, *(x if y is not ABSENT else ABSENT for x, y in zip(maps, (b, m, t), strict=True)),
                                lambda k, *v: self.atom(f"{what}[{k}]", *v))
        if merged is ABSENT:
            return ABSENT
        order = self.order(f"{what} (order)", *(list(x) for x in maps), keep=list(merged))
        return [merged[k] for k in order]

    def order(self, part: str, b: list, m: list, t: list, keep: list) -> list:
        """The merged order of ``keep`` (:func:`merge_order`); both sides reordering differently is a conflict."""
        order = merge_order(b, m, t, keep=keep)
        if order is None:
            self.conflicts.append(Conflict(part, b, m, t))
            return keep
        if [k for k in order if k in t] != [k for k in t if k in keep]:
            self.from_mine.append(part)
        return order

    def pairs(self, part: str, b, m, t):
        """A member's judgments at one node: one part per pair of items, whatever its orientation."""
        def keyed(items):
            if items is ABSENT:
                return ABSENT
            if not isinstance(items, list) or not all(isinstance(p, dict) and {"a", "b"} <= set(p) for p in items):
                return None
            return {tuple(sorted((str(p["a"]), str(p["b"])))): p for p in items}

        maps = [keyed(x) for x in (b, m, t)]
        if any(x is None for x in maps):
            return self.atom(part, b, m, t)
        merged = self.container(part, *maps,
                                lambda k, *v: self.atom(f"{part}[{k[0]} vs {k[1]}]", *v, same=_same_judgment(k)))
        if merged is ABSENT:
            return ABSENT
        order = merge_order(*(list(x or {}) for x in maps), keep=list(merged), strict=False)
        return [merged[k] for k in order]

    def judgments(self, b, m, t):
        def member(mid, bv, mv, tv):
            def section(key, bs, ms, ts):
                where = f"judgments[{mid}].{key}"
                if key == "nodes":
                    return self.container(where, bs, ms, ts, lambda n, *v: self.pairs(f"{where}[{n}]", *v))
                if key == "direct":
                    return self.container(where, bs, ms, ts, lambda n, *v: self.atom(f"{where}[{n}]", *v))
                return self.atom(where, bs, ms, ts)

            return self.container(f"judgments[{mid}]", bv, mv, tv, section)

        return self.container("judgments", b, m, t, member)

    def scores(self, b, m, t):
        return self.container("scores", b, m, t, lambda mid, *v: self.container(
            f"scores[{mid}]", *v, lambda vid, *w: self.container(
                f"scores[{mid}][{vid}]", *w, lambda cid, *x: self.atom(f"scores[{mid}][{vid}][{cid}]", *x))))

    def criteria(self, b, m, t):
        from mcda.store.merge_tree import merge_tree

        return merge_tree(self, b, m, t)


#: The merger walking the three versions, for variants that settle chosen conflicts (:mod:`mcda.store.resolve`).
Merger = _Merger


def merge_scenarios(base: dict, mine: dict, theirs: dict) -> MergeResult:
    """Merge the changes ``base -> mine`` into ``theirs``, part by part (see the module docstring).

    Parameters
    ----------
    base, mine, theirs : dict
        JSON data of three scenarios (``json.loads`` of their canonical text).

    Returns
    -------
    MergeResult
        ``data`` is the merged scenario data, or None when ``conflicts`` is not empty;
        ``from_mine`` names the parts taken from ``mine`` that differ from ``theirs``.
    """
    return run_merger(_Merger(), base, mine, theirs)


def run_merger(merger, base: dict, mine: dict, theirs: dict) -> MergeResult:
    """Walk the scenario's parts with ``merger`` (a :class:`Merger`, or one that resolves conflicts by choice)."""
    sections = {"metadata": lambda *v: merger.atoms("metadata", *v), "settings": merger.settings,
                "scales": lambda *v: merger.container("scales", *v, lambda k, *w: merger.atom(f"scales[{k}]", *w)),
                "members": lambda *v: merger.id_list("members", *v),
                "vendors": lambda *v: merger.id_list("vendors", *v),
                "judgments": merger.judgments, "scores": merger.scores, "criteria": merger.criteria}
    data = merger.container("", base, mine, theirs,
                            lambda key, *v: sections[key](*v) if key in sections else merger.atom(key, *v))
    if merger.conflicts:
        return MergeResult(None, merger.conflicts, merger.from_mine)
    return MergeResult(data, [], merger.from_mine)
