"""What changed between two scenarios, and what that did to the weights and rankings.

:func:`diff_scenarios` compares two :class:`~mcda.scenario.schema.Scenario` objects:

* **inputs** (:func:`input_changes`): criteria (added, removed, renamed id,
  name, description, direction, scale, parent; an id removed and another added
  with the same names is a rename, and the judgments and scores are compared
  under the new id), scales, judgments per member,
  node and pair (a pair judged as ``(b, a)`` in one file is compared as its
  reciprocal), direct weights, scores per member, vendor and leaf (a missing
  key and ``null`` are both "missing"), vendors, members and voting weights,
  settings (dotted paths) and metadata. Numbers are equal within a relative
  tolerance of 1e-9. Changes of order (vendors, children) are not reported:
  they change no result.
* **effects**: global weights per leaf and per dimension (only the ones that
  changed by more than 1e-12), and for every method of either scenario the
  score and rank of every vendor before and after.
* **attribution**: when both scenarios have the same vendors and the same
  leaf criteria, each vendor's score change is split into a *weights* part
  and a *scores* part (the decision matrix: members' scores and their
  aggregation, directions, scale bounds) by the symmetric two-factor
  (Shapley) decomposition over the four combinations ``f(w, X)``:

  .. math:: \\Delta_w = \\tfrac12[(f(w_B, X_A) - f(w_A, X_A)) + (f(w_B, X_B) - f(w_A, X_B))]
  .. math:: \\Delta_X = \\tfrac12[(f(w_A, X_B) - f(w_A, X_A)) + (f(w_B, X_B) - f(w_B, X_A))]

  so ``Delta_w + Delta_X = f(w_B, X_B) - f(w_A, X_A)`` exactly (Shapley 1953;
  the two-factor case of Shorrocks' 2013 decomposition). A method
  whose normalisation setting changed is a third factor and is not split.

References
----------
Shapley, L. S. (1953). A value for n-person games. Contributions to the Theory of Games II, 307-317.
Shorrocks, A. F. (2013). Decomposition procedures for distributional analysis: a unified framework
based on the Shapley value. Journal of Economic Inequality 11(1), 99-126.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from mcda.errors import MCDAError
from mcda.scenario.schema import Scenario

__all__ = ["Change", "MethodDiff", "ScenarioDiff", "VendorChange", "WeightChange", "diff_scenarios", "input_changes",
           "shapley_two_factor"]

TOPICS = ("metadata", "criteria", "scales", "members", "vendors", "judgments", "direct", "scores", "settings")
_REL = 1e-9
_WEIGHT_TOL = 1e-12


@dataclass(frozen=True)
class Change:
    """One changed input.

    ``topic`` is one of :data:`TOPICS`; ``action`` is ``added``, ``removed``,
    ``changed`` or ``renamed`` (a criterion id: ``before`` old id, ``after`` new
    id). ``key`` locates it: ``(criterion,)``, ``(member, node, a, b)`` for a
    judgment, ``(member, node, child)`` for a direct weight, ``(member, vendor,
    leaf)`` for a score, ``(dotted.setting,)``; ``field`` names the changed
    attribute of a record (``name``, ``direction``, ``weight``, ...).
    """

    topic: str
    action: str
    key: tuple
    field: str = ""
    before: Any = None
    after: Any = None

    def to_dict(self) -> dict:
        return {**asdict(self), "key": list(self.key)}


@dataclass(frozen=True)
class WeightChange:
    """A global weight before and after (None where the criterion does not exist)."""

    id: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before

    def to_dict(self) -> dict:
        return {**asdict(self), "delta": self.delta}


@dataclass(frozen=True)
class VendorChange:
    """One vendor under one method; the parts are None when the change cannot be split."""

    vendor: str
    rank_before: int | None
    rank_after: int | None
    score_before: float | None
    score_after: float | None
    weights_part: float | None = None
    scores_part: float | None = None

    @property
    def delta(self) -> float | None:
        return None if self.score_before is None or self.score_after is None else self.score_after - self.score_before

    @property
    def moved(self) -> bool:
        return self.rank_before != self.rank_after

    def to_dict(self) -> dict:
        return {**asdict(self), "delta": self.delta}


@dataclass(frozen=True)
class MethodDiff:
    """A method's ranking before and after; ``split`` says whether the parts are given, ``note`` why not."""

    name: str
    label_zh: str
    label_en: str
    vendors: tuple[VendorChange, ...]
    split: bool
    note: str = ""

    def to_dict(self) -> dict:
        return {"label_zh": self.label_zh, "label_en": self.label_en, "split": self.split, "note": self.note,
                "vendors": [v.to_dict() for v in self.vendors]}


@dataclass(frozen=True)
class ScenarioDiff:
    """Result of :func:`diff_scenarios` (see the module docstring)."""

    changes: tuple[Change, ...]
    leaf_weights: tuple[WeightChange, ...] = ()
    dimension_weights: tuple[WeightChange, ...] = ()
    methods: dict[str, MethodDiff] = field(default_factory=dict)
    evaluated: bool = False
    note: str = ""  # why effects are missing, or why they are not split
    names: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)  # id -> (zh, en)

    @property
    def empty(self) -> bool:
        """No input changed."""
        return not self.changes

    def by_topic(self, topic: str) -> list[Change]:
        return [c for c in self.changes if c.topic == topic]

    def to_dict(self) -> dict:
        """Plain JSON-ready data (``mcda diff --format json``)."""
        return {"empty": self.empty, "changes": [c.to_dict() for c in self.changes],
                "weights": {"leaves": [w.to_dict() for w in self.leaf_weights],
                            "dimensions": [w.to_dict() for w in self.dimension_weights]},
                "methods": {k: m.to_dict() for k, m in self.methods.items()},
                "evaluated": self.evaluated, "note": self.note}


# ----------------------------------------------------------------------------- inputs
def _close(x, y) -> bool:
    if isinstance(x, (int, float)) and isinstance(y, (int, float)) and not isinstance(x, bool):
        return math.isclose(x, y, rel_tol=_REL, abs_tol=0.0)
    return x == y


def _flat(data: dict, prefix: str = "") -> dict:
    out = {}
    for k, v in data.items():
        if isinstance(v, dict) and v:
            out.update(_flat(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


def _records(topic: str, a: dict, b: dict, fields: tuple[str, ...]) -> list[Change]:
    """Added / removed / field-changed records (dicts of dumped models, by id), in file order."""
    out: list[Change] = []
    for k in list(a) + [k for k in b if k not in a]:
        if k not in b:
            out.append(Change(topic, "removed", (k,), before=a[k]))
        elif k not in a:
            out.append(Change(topic, "added", (k,), after=b[k]))
        else:
            out += [Change(topic, "changed", (k,), f, a[k].get(f), b[k].get(f)) for f in fields
                    if not _close(a[k].get(f), b[k].get(f))]
    return out


def _tree(s: Scenario) -> dict[str, dict]:
    out = {}
    for node, parent, _ in s.criteria.walk():
        d = node.model_dump(mode="json", exclude={"children", "source"})
        d["parent"] = parent.id if parent is not None else None
        d["leaf"] = node.is_leaf
        out[node.id] = d
    return out


def _criteria(a: Scenario, b: Scenario) -> list[Change]:
    ta, tb = _tree(a), _tree(b)
    out = _records("criteria", ta, tb, ("name", "description", "direction", "scale", "parent"))
    removed = [c for c in out if c.action == "removed"]
    added = [c for c in out if c.action == "added"]
    for r in removed:  # an id renamed: same names, same kind of node, matched one to one
        match = [c for c in added if c.after["name"] == r.before["name"] and c.after["leaf"] == r.before["leaf"]]
        twins = [c for c in removed if c.before["name"] == r.before["name"] and c.before["leaf"] == r.before["leaf"]]
        if len(match) == 1 and len(twins) == 1:
            out[out.index(r)] = Change("criteria", "renamed", (r.key[0],), "id", r.key[0], match[0].key[0])
            out.remove(match[0])
            added.remove(match[0])
    return out


def _nested(topic: str, a: dict, b: dict, depth: int) -> list[Change]:
    """Leaf values of nested dicts ``depth`` levels deep; None and absent are both missing."""
    out: list[Change] = []

    def walk(x, y, key):
        if len(key) == depth:
            if x is None and y is not None:
                out.append(Change(topic, "added", key, "value", None, y))
            elif y is None and x is not None:
                out.append(Change(topic, "removed", key, "value", x, None))
            elif not _close(x, y):
                out.append(Change(topic, "changed", key, "value", x, y))
            return
        x, y = x or {}, y or {}
        for k in list(x) + [k for k in y if k not in x]:
            walk(x.get(k), y.get(k), key + (k,))

    walk(a, b, ())
    return out


def input_changes(a: Scenario, b: Scenario) -> list[Change]:
    """Every changed input from ``a`` to ``b``, grouped by topic in :data:`TOPICS` order."""
    meta_a, meta_b = a.metadata.model_dump(mode="json"), b.metadata.model_dump(mode="json")
    out = [Change("metadata", "changed", (k,), k, meta_a[k], meta_b[k]) for k in meta_a if meta_a[k] != meta_b[k]]
    out += _criteria(a, b)
    sa = {k: {"definition": v.model_dump(mode="json")} for k, v in a.scales.items()}
    sb = {k: {"definition": v.model_dump(mode="json")} for k, v in b.scales.items()}
    out += _records("scales", sa, sb, ("definition",))
    out += _records("members", {m.id: m.model_dump(mode="json") for m in a.members},
                    {m.id: m.model_dump(mode="json") for m in b.members}, ("name", "role", "weight"))
    out += _records("vendors", {v.id: v.model_dump(mode="json") for v in a.vendors},
                    {v.id: v.model_dump(mode="json") for v in b.vendors}, ("name", "notes"))
    renames = {c.before: c.after for c in out if c.topic == "criteria" and c.action == "renamed"}
    def r(x):  # compare a's judgments and scores under b's ids
        return renames.get(x, x)
    ja = {m: {r(n): {(r(p.a), r(p.b)): p.value for p in ps} for n, ps in j.nodes.items()}
          for m, j in a.judgments.items()}
    jb: dict = {}
    for m, j in b.judgments.items():  # a pair judged the other way round is compared as its reciprocal
        for n, ps in j.nodes.items():
            own = ja.get(m, {}).get(n, {})
            jb.setdefault(m, {})[n] = dict(((p.b, p.a), 1 / p.value) if (p.b, p.a) in own else ((p.a, p.b), p.value)
                                           for p in ps)
    out += [Change("judgments", c.action, c.key[:2] + c.key[2], c.field, c.before, c.after)
            for c in _nested("judgments", ja, jb, 3)]
    out += _nested("direct", {m: {r(n): {r(c): w for c, w in ws.items()} for n, ws in j.direct.items()}
                              for m, j in a.judgments.items()}, {m: j.direct for m, j in b.judgments.items()}, 3)
    out += _nested("scores", {m: {v: {r(c): x for c, x in cells.items()} for v, cells in per.items()}
                              for m, per in a.scores.items()}, b.scores, 3)
    fa, fb = _flat(a.settings.model_dump(mode="json")), _flat(b.settings.model_dump(mode="json"))
    out += [Change("settings", "changed", (k,), k, fa.get(k), fb.get(k))
            for k in list(fa) + [k for k in fb if k not in fa] if not _close(fa.get(k), fb.get(k))]
    return out


# ----------------------------------------------------------------------------- effects
def shapley_two_factor(f_aa, f_ba, f_ab, f_bb) -> tuple[np.ndarray, np.ndarray]:
    """Split ``f_bb - f_aa`` into the parts of two factors (Shapley 1953; Shorrocks 2013).

    ``f_xy`` is the outcome with the first factor from x and the second from y
    (so ``f_ba`` has the first factor changed only). Returns ``(first, second)``
    with ``first + second == f_bb - f_aa``.

    >>> [float(x) for x in shapley_two_factor(0.0, 2.0, 1.0, 4.0)]
    [2.5, 1.5]
    """
    f_aa, f_ba, f_ab, f_bb = (np.asarray(x, dtype=float) for x in (f_aa, f_ba, f_ab, f_bb))
    first = 0.5 * ((f_ba - f_aa) + (f_bb - f_ab))
    second = 0.5 * ((f_ab - f_aa) + (f_bb - f_ba))
    return first, second


def _weight_changes(ga: dict, gb: dict, order: list[str]) -> tuple[WeightChange, ...]:
    out = []
    for k in order:
        x, y = ga.get(k), gb.get(k)
        if x is None or y is None or abs(y - x) > _WEIGHT_TOL:
            out.append(WeightChange(k, x, y))
    return tuple(out)


def _dimension_weights(s: Scenario, glob: dict) -> dict[str, float]:
    return {d.id: float(sum(glob.get(leaf.id, 0.0) for leaf in d.leaves())) for d in s.criteria.children}


def _effects(a: Scenario, b: Scenario, methods: list[str], renames: dict[str, str]):
    from mcda.engine.evaluation import decision_problem, rank_methods
    from mcda.engine.weights import compute_weights

    wa, wb = compute_weights(a), compute_weights(b)
    pa, pb = decision_problem(a), decision_problem(b)
    ga = {renames.get(k, k): v for k, v in wa.global_weights.items()}  # a's weights under b's ids
    gb = wb.global_weights
    la = tuple(renames.get(c, c) for c in pa.leaves)
    da = {renames.get(k, k): v for k, v in _dimension_weights(a, wa.global_weights).items()}
    db = _dimension_weights(b, gb)

    def vec(glob, leaves):
        return np.array([glob[c] for c in leaves])

    oa = rank_methods(pa, vec(ga, la), a, methods, explain=False)
    ob = rank_methods(pb, vec(gb, pb.leaves), b, methods, explain=False)
    same = set(pa.vendors) == set(pb.vendors) and set(la) == set(pb.leaves)
    note = "" if same else (
        "the vendors changed" if set(pa.vendors) != set(pb.vendors) else "the leaf criteria changed")
    cross_ba = cross_ab = None
    if same:  # f(w_B, X_A) in a's vendor order, f(w_A, X_B) in b's
        cross_ba = rank_methods(pa, vec(gb, la), a, methods, explain=False)
        cross_ab = rank_methods(pb, vec(ga, pb.leaves), b, methods, explain=False)
    out = {}
    for name in methods:
        ma, mb = oa[name], ob[name]
        sa = dict(zip(pa.vendors, ma.scores.tolist(), strict=True))
        sb = dict(zip(pb.vendors, mb.scores.tolist(), strict=True))
        ra = dict(zip(pa.vendors, ma.ranks.tolist(), strict=True))
        rb = dict(zip(pb.vendors, mb.ranks.tolist(), strict=True))
        m_note = note
        split = same and a.settings.normalization.get(name) == b.settings.normalization.get(name)
        if same and not split:
            m_note = "the method's normalisation setting changed"
        parts = {}
        if split:
            s_ba = dict(zip(pa.vendors, cross_ba[name].scores.tolist(), strict=True))
            s_ab = dict(zip(pb.vendors, cross_ab[name].scores.tolist(), strict=True))
            for v in pa.vendors:
                w_part, x_part = shapley_two_factor(sa[v], s_ba[v], s_ab[v], sb[v])
                parts[v] = (float(w_part), float(x_part))
        rows = tuple(VendorChange(v, ra.get(v), rb.get(v), sa.get(v), sb.get(v), *parts.get(v, (None, None)))
                     for v in list(pa.vendors) + [v for v in pb.vendors if v not in sa])
        out[name] = MethodDiff(name, mb.label_zh, mb.label_en, rows, split, m_note)
    return (_weight_changes(ga, gb, list(ga) + [k for k in gb if k not in ga]),
            _weight_changes(da, db, list(da) + [k for k in db if k not in da]), out, note)


def _names(a: Scenario, b: Scenario) -> dict[str, tuple[str, str]]:
    """id -> (zh, en) display name of every criterion, vendor and member of either scenario (``b`` wins)."""
    out = {}
    for s in (a, b):
        zh, en = s.names("zh"), s.names("en")
        out.update({i: (zh[i], en[i]) for i in zh})
    return out


def diff_scenarios(a: Scenario, b: Scenario, *, methods: list[str] | None = None,
                   effects: bool = True) -> ScenarioDiff:
    """Compare scenario ``a`` (before) with ``b`` (after).

    Parameters
    ----------
    a, b : Scenario
    methods : list of str, optional
        Ranking methods to compare (default: those of ``a``'s settings, then
        those only ``b``'s settings name).
    effects : bool
        Also evaluate both scenarios (weights, rankings, attribution). When a
        scenario cannot be evaluated (e.g. no vendors), the diff keeps the input
        changes and ``note`` says why the effects are missing.

    Returns
    -------
    ScenarioDiff
    """
    if not isinstance(a, Scenario) or not isinstance(b, Scenario):
        raise MCDAError(code="err.type.two_scenarios", a=type(a).__name__, b=type(b).__name__)
    changes = tuple(input_changes(a, b))
    names = _names(a, b)
    if not effects:
        return ScenarioDiff(changes, names=names)
    if methods is None:
        methods = list(a.settings.ranking_methods) + [m for m in b.settings.ranking_methods
                                                      if m not in a.settings.ranking_methods]
    try:
        renames = {c.before: c.after for c in changes if c.action == "renamed"}
        leaves, dims, outcomes, note = _effects(a, b, methods, renames)
    except MCDAError as exc:
        return ScenarioDiff(changes, note=f"the effects could not be computed: {exc}", names=names)
    return ScenarioDiff(changes, leaves, dims, outcomes, True, note, names)
