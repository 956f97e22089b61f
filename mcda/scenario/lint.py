"""Warnings on valid but risky documents: ``mcda lint FILE`` and every load.

Each rule returns located :class:`~mcda.errors.Problem` objects; none is fatal.

* identical sibling subtrees (the same criterion entered twice);
* leaf names repeated across dimensions: the same property judged and scored
  under several dimensions counts several times (double-counting risk; the
  template repeats 持续改进 in many dimensions, 数据安全 and 沟通渠道 twice);
* single-child nodes (their only local weight is 1: nothing to compare);
* leaves directly under the goal (dimensions scored directly, no sub-criteria);
* a name given in only one language;
* in scenarios: members who judged nothing, parent nodes nobody judged (equal
  weights will be used), vendors nobody scored, numeric criteria without bounds.
"""
from __future__ import annotations

from collections import defaultdict

from mcda.errors import Problem
from mcda.scenario import procurement
from mcda.scenario.rules import tree_paths
from mcda.scenario.schema import Criterion, Model, NumericScale, Scenario
from mcda.text import text

__all__ = ["lint"]



def _say(ui_lang: str, code: str, **params) -> str:
    if "lang" in params:
        params["lang_name"] = text("lang_name_" + params["lang"], ui_lang)
    return text("lint." + code, ui_lang, **params)


def _signature(node: Criterion) -> tuple:
    """Structure and names of a subtree, for spotting identical siblings (iterative)."""
    out = []
    for n, _, depth in node.walk():
        out.append((depth, n.name.zh.strip(), n.name.en.strip().lower(), n.direction, n.scale))
    return tuple(out)


def _tree_rules(doc: Model | Scenario, say) -> list[Problem]:
    out: list[Problem] = []
    paths = tree_paths(doc.criteria)
    dimension_of: dict[str, str] = {}
    for dim in doc.criteria.children:
        for n, _, _ in dim.walk():
            dimension_of[n.id] = dim.id
    untranslated: dict[str, list[str]] = {"zh": [], "en": []}
    for node, _parent, depth in doc.criteria.walk():
        path = paths[node.id]
        sigs: dict[tuple, str] = {}
        for child in node.children:
            sig = _signature(child)
            if sig in sigs:
                out.append(Problem(paths[child.id], say("identical_siblings", a=child.id, b=sigs[sig])))
            sigs.setdefault(sig, child.id)
        if len(node.children) == 1:
            out.append(Problem(path, say("single_child", a=node.id)))
        if depth == 1 and node.is_leaf:
            out.append(Problem(path, say("leaf_dimension", a=node.id)))
        if depth >= 1 and not node.is_leaf and (node.direction or node.scale):
            out.append(Problem(path, say("ignored_scale", a=node.id)))
        for lang in ("zh", "en"):
            if not getattr(node.name, lang).strip():
                untranslated[lang].append(node.id)
    for lang, ids in untranslated.items():
        if ids:
            shown = ", ".join(ids[:5]) + (" ..." if len(ids) > 5 else "")
            out.append(Problem("criteria", say("untranslated", n=len(ids), lang=lang, ids=shown)))
    by_name: dict[str, list[str]] = defaultdict(list)
    for leaf in doc.criteria.leaves():
        key = leaf.name.zh.strip() or leaf.name.en.strip().lower()
        by_name[key].append(leaf.id)
    for name, ids in by_name.items():
        dims = sorted({dimension_of.get(i, i) for i in ids})
        if len(dims) > 1:
            out.append(Problem(paths[ids[0]], say("repeated_leaf", name=name, n=len(dims), dims=", ".join(dims))))
    return out


def _scenario_rules(doc: Scenario, say) -> list[Problem]:
    out: list[Problem] = []
    parents = [n for n, _, _ in doc.criteria.walk() if len(n.children) >= 2]
    judged: set[str] = set()
    for m in doc.members:
        mj = doc.judgments.get(m.id)
        if mj is None or not (mj.nodes or mj.direct):
            out.append(Problem(f"judgments[{m.id}]", say("no_judgments", a=m.id)))
            continue
        judged.update(mj.nodes)
        judged.update(mj.direct)
    for n in parents:
        if doc.members and n.id not in judged:
            out.append(Problem("judgments", say("unjudged_node", a=n.id)))
    scored = {vid for per_vendor in doc.scores.values() for vid, cells in per_vendor.items()
              if any(v is not None for v in cells.values())}
    for i, v in enumerate(doc.vendors):
        if v.id not in scored:
            out.append(Problem(f"vendors[{i}]", say("unscored_vendor", a=v.id)))
    if len(doc.vendors) == 1:
        out.append(Problem("vendors", say("single_vendor")))
    paths = tree_paths(doc.criteria)
    for leaf in doc.criteria.leaves():
        scale = doc.scales.get(leaf.scale)
        if isinstance(scale, NumericScale) and (scale.min is None or scale.max is None):
            out.append(Problem(paths[leaf.id], say("unbounded_numeric", a=leaf.id)))
    return out


def lint(doc: Model | Scenario, lang: str = "en") -> list[Problem]:
    """Every warning for a valid model or scenario, in tree order then scenario order,
    with messages in ``lang`` ("en" or "zh").

    >>> from mcda.scenario.schema import Model
    >>> doc = Model.model_validate({"schema_version": 1, "kind": "model",
    ...     "scales": {"s": {"kind": "ordinal", "min": 1, "max": 5}},
    ...     "criteria": {"id": "goal", "name": {"en": "Goal"}, "children": [
    ...         {"id": "a", "name": {"en": "A"}, "children": [
    ...             {"id": "a1", "name": {"en": "Speed"}, "direction": "benefit", "scale": "s"}]},
    ...         {"id": "b", "name": {"en": "B"}, "direction": "benefit", "scale": "s"}]}})
    >>> for p in lint(doc): print(p)
    criteria.children[0]: 'a' has a single sub-criterion, whose local weight is always 1; merge them or add siblings
    criteria.children[1]: dimension 'b' has no sub-criteria: it is scored directly
    criteria: 4 criteria have no zh name (goal, a, a1, b); the zh interface shows the other language
    """
    def say(code: str, **params) -> str:
        return _say(lang, code, **params)

    out = _tree_rules(doc, say)
    if isinstance(doc, Scenario):
        out += _scenario_rules(doc, say)
    return procurement.lint_rules(doc, lang, out, tree_paths(doc.criteria))  # gates, ratings, tender rules
