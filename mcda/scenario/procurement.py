"""Tender rules in the file format: gates, price criteria, rating scales, procurement checks.

Two entry points, each called once from the generic modules:

* :func:`tender_problems` (from :func:`mcda.scenario.rules.semantic_problems`): located
  errors. A gate is a leaf, scored 1 (pass) or 0 (fail), never judged pairwise nor given
  a direct weight (nor is a group whose leaves are all gates); the goal keeps at least
  one criterion that is not a gate; a price criterion (``price: true`` or
  ``settings.price_criterion``) is a leaf with a numeric scale and the cost direction.
* :func:`lint_rules` (from :func:`mcda.scenario.lint.lint`): warnings. Under
  ``procurement: "cn_government"`` (Ministry of Finance Order No. 87, 2017) the
  committee has five or more members and an odd number, a price criterion exists and
  is scored by the low-price-priority formula (the price weight's 10 %-30 % band for
  services needs the weights: the engine notes it, :func:`mcda.engine.tender_scoring.tender_notes`).
  In every scenario: gates nobody checked for a vendor, rating intensities that do not
  rise with the level, ``trimmed_mean`` with fewer than five members (nothing is trimmed).
  Generic warnings that do not apply to gates (a gate directly under the goal is
  "scored directly", a group of gates is "unjudged") are dropped.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Annotated

import numpy as np
from pydantic import BaseModel, ConfigDict, Strict, field_validator

from mcda.errors import Problem
from mcda.text import text

__all__ = ["MAX_RATING_LEVELS", "LevelJudgment", "drop_defaults", "gate_nodes", "scale_problems",
           "tender_problems", "lint_rules"]

MAX_RATING_LEVELS = 20
_SAATY_TOL = 1e-3


class LevelJudgment(BaseModel):
    """How much better level ``a`` of a rating scale is than level ``b`` (Saaty 1-9; "1/3" accepted)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
    a: Annotated[int, Strict()]
    b: Annotated[int, Strict()]
    value: float

    @field_validator("value", mode="before")
    @classmethod
    def _as_number(cls, v):
        if isinstance(v, bool):
            raise ValueError(f"expected a number or a fraction such as 1/3, found {str(v).lower()}")
        try:
            return float(Fraction(v.strip())) if isinstance(v, str) else v
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"expected a number or a fraction such as 1/3, found {v!r}") from None


def drop_defaults(data: dict, defaults: dict) -> dict:
    """``data`` without the keys whose value is their default (serialisers: files keep their old shape)."""
    for key, default in defaults.items():
        if data.get(key, default) == default:
            data.pop(key, None)
    return data


def _levels(scale) -> list[int]:
    return list(range(scale.min, scale.max + 1))


def gate_nodes(root) -> set[str]:
    """Ids of the nodes that are gates or have only gates below them (left out of the weight tree)."""
    out: set[str] = set()
    for node, _, _ in root.walk():
        if node is root:
            continue
        leaves = node.leaves()
        if all(getattr(leaf, "kind", "criterion") == "gate" for leaf in leaves):
            out.add(node.id)
    return out


def scale_problems(scale) -> list[str]:
    """Every problem with a scale's intensities or level judgments (empty list if none or fine)."""
    if scale.intensities is None and scale.level_judgments is None:
        return []
    out: list[str] = []
    if scale.intensities is not None and scale.level_judgments is not None:
        out.append("give either intensities or level_judgments, not both")
    n = scale.max - scale.min + 1
    if n > MAX_RATING_LEVELS:
        return out + [f"a rating scale has at most {MAX_RATING_LEVELS} levels; found {n} ({scale.min}..{scale.max})"]
    levels = _levels(scale)
    if scale.intensities is not None:
        bad = [k for k in scale.intensities if not (k.lstrip("-").isdigit() and scale.min <= int(k) <= scale.max)]
        if bad:
            out.append(f"intensity keys {bad} are not levels between {scale.min} and {scale.max}")
        missing = [str(k) for k in levels if str(k) not in scale.intensities]
        if missing:
            out.append(f"intensities must give every level; missing: {', '.join(missing)}")
    if scale.level_judgments is not None:
        seen: set[frozenset] = set()
        parent = {k: k for k in levels}

        def root(k: int) -> int:
            while parent[k] != k:
                k = parent[k]
            return k

        for i, j in enumerate(scale.level_judgments):
            where = f"level_judgments[{i}]"
            if j.a == j.b or not (scale.min <= j.a <= scale.max and scale.min <= j.b <= scale.max):
                out.append(f"{where}: compare two different levels between {scale.min} and {scale.max}; "
                           f"found {j.a} and {j.b}")
                continue
            if not (1 / 9 * (1 - _SAATY_TOL) <= j.value <= 9 * (1 + _SAATY_TOL)):
                out.append(f"{where}: {j.value:g} is outside 1/9..9 (Saaty's scale)")
            key = frozenset((j.a, j.b))
            if key in seen:
                out.append(f"{where}: the levels {j.a} / {j.b} are compared twice; keep one judgment")
            seen.add(key)
            parent[root(j.a)] = root(j.b)
        if not out and len({root(k) for k in levels}) > 1:
            out.append("level_judgments must connect every level of the scale (at least levels - 1 comparisons "
                       "linking them all)")
    return out




def _problem(path: str, key: str, **params) -> Problem:
    return Problem(path, text(key, "en", **params), key, params)


def _tree_problems(doc, paths: dict[str, str], gated: set[str]) -> list[Problem]:
    out: list[Problem] = []
    named = getattr(getattr(doc, "settings", None), "price_criterion", None)
    for node, parent, _ in doc.criteria.walk():
        path = paths.get(node.id, "criteria")
        if node.kind == "gate" and (node.children or parent is None):
            out.append(_problem(f"{path}.kind", "err.rules.gate_not_leaf", a=node.id))
        if node.price or node.id == named:
            scale = doc.scales.get(node.scale) if node.scale else None
            if node.children or node.kind == "gate" or getattr(scale, "kind", None) != "numeric" \
                    or node.direction != "cost":
                where = f"{path}.price" if node.price else "settings.price_criterion"
                out.append(_problem(where, "err.rules.price_leaf", a=node.id))
        elif node.price_points is not None:
            out.append(_problem(f"{path}.price_points", "err.rules.points_without_price", a=node.id))
    if doc.criteria.children and all(c.id in gated for c in doc.criteria.children):
        out.append(_problem("criteria.children", "err.rules.only_gates"))
    if named is not None and named not in paths:
        out.append(_problem("settings.price_criterion", "err.rules.price_unknown", a=named))
    return out


def _judgment_problems(doc, gated: set[str]) -> list[Problem]:
    out: list[Problem] = []
    for mid, mj in doc.judgments.items():
        base = f"judgments[{mid}]"
        for nid, pairs in mj.nodes.items():
            if nid in gated:
                out.append(_problem(f"{base}.nodes[{nid}]", "err.rules.gate_judged", a=nid))
                continue
            for k, p in enumerate(pairs):
                for side in ("a", "b"):
                    if getattr(p, side) in gated:
                        out.append(_problem(f"{base}.nodes[{nid}][{k}].{side}", "err.rules.gate_judged",
                                            a=getattr(p, side)))
        for nid, weights in mj.direct.items():
            if nid in gated:
                out.append(_problem(f"{base}.direct[{nid}]", "err.rules.gate_judged", a=nid))
                continue
            out += [_problem(f"{base}.direct[{nid}][{cid}]", "err.rules.gate_judged", a=cid)
                    for cid in weights if cid in gated]
    return out


def tender_problems(doc, paths: dict[str, str]) -> list[Problem]:
    """Every located error of the tender rules in a model or scenario (``paths``: node id -> JSON path)."""
    gated = gate_nodes(doc.criteria)
    out = _tree_problems(doc, paths, gated)
    if doc.kind != "scenario":
        return out
    out += _judgment_problems(doc, gated)
    gates = {n.id for n, _, _ in doc.criteria.walk() if n.is_leaf and n.kind == "gate"}
    for mid, per_vendor in doc.scores.items():
        for vid, cells in per_vendor.items():
            out += [_problem(f"scores[{mid}][{vid}][{cid}]", "err.rules.gate_score", a=cid, value=f"{x:g}")
                    for cid, x in cells.items() if cid in gates and x is not None and x not in (0, 1)]
    return out


def _drop_generic(doc, problems: list[Problem], lang: str, paths: dict[str, str]) -> list[Problem]:
    gated = gate_nodes(doc.criteria)
    if not gated:
        return problems
    at_gate = {paths[g] for g in gated}
    unjudged = {text("lint.unjudged_node", lang, a=g) for g in gated}
    return [p for p in problems if p.path not in at_gate and not (p.path == "judgments" and p.message in unjudged)]


def _rating_warnings(doc, lang: str) -> list[Problem]:
    from mcda.engine.ratings import intensity_table

    out = []
    for sid, scale in doc.scales.items():
        table = intensity_table(scale)
        if table is not None and np.any(np.diff(table) <= 0):
            shown = ", ".join(f"{scale.min + k}: {v:.3g}" for k, v in enumerate(table))
            out.append(Problem(f"scales[{sid}]", text("rules.lint.intensities_order", lang, a=sid, table=shown)))
    return out


def lint_rules(doc, lang: str, problems: list[Problem], paths: dict[str, str]) -> list[Problem]:
    """The linter's warnings with the tender rules applied (see the module docstring)."""
    from mcda.engine.tender_scoring import TRIM_MIN_MEMBERS

    out = _drop_generic(doc, problems, lang, paths)
    out += _rating_warnings(doc, lang)
    if doc.kind != "scenario":
        return out
    s = doc.settings
    k = len(doc.members)
    if s.procurement == "cn_government":
        if k < 5 or k % 2 == 0:
            out.append(Problem("members", text("rules.lint.committee_size", lang, n=k)))
        leaves = doc.criteria.leaves()
        if s.price_scoring == "scale":
            out.append(Problem("settings.price_scoring", text("rules.lint.price_as_scale", lang)))
        elif not any(leaf.price or leaf.id == s.price_criterion for leaf in leaves):
            out.append(Problem("criteria", text("rules.lint.no_price", lang)))
    if s.score_aggregation == "trimmed_mean" and 0 < k < TRIM_MIN_MEMBERS:
        out.append(Problem("settings.score_aggregation", text("rules.lint.trim_few", lang, n=k,
                                                              minimum=TRIM_MIN_MEMBERS)))
    gates = [n.id for n, _, _ in doc.criteria.walk() if n.is_leaf and n.kind == "gate"]
    if gates and doc.members:
        for v in doc.vendors:
            unchecked = [g for g in gates
                         if all(doc.scores.get(m.id, {}).get(v.id, {}).get(g) is None for m in doc.members)]
            if unchecked:
                out.append(Problem(paths[unchecked[0]], text("rules.lint.gate_unchecked", lang, a=v.id,
                                                             gates=", ".join(unchecked))))
    return out
