"""Fictitious committees for the bundled example tender and for benchmarks.

Everything here is invented (vendors, people, fees); it is seeded, so the same
call builds the same scenario. ``python -m mcda.scenario.synthetic`` rewrites
``scenarios/example_tender.json`` from ``models/financial_outsourcing.json``.
"""
from __future__ import annotations

import itertools
from datetime import datetime, timezone

import numpy as np

from mcda.ahp import nearest_scale_value
from mcda.scenario.schema import Criterion, Model, Scenario

__all__ = ["member_judgments", "example_scenario"]

def member_judgments(ids: list[str], importance: np.ndarray, rng: np.random.Generator,
                     noise: float = 0.25, drop: float = 0.0) -> list[dict]:
    """Pairwise judgments a member with latent ``importance`` would give: the ratio of
    importances times log-normal noise, rounded to Saaty's scale. ``drop`` leaves that
    share of pairs out while keeping a spanning path, so the judgments stay connected."""
    pairs = list(itertools.combinations(range(len(ids)), 2))
    keep_always = {(i, i + 1) for i in range(len(ids) - 1)}
    out = []
    for i, j in pairs:
        if (i, j) not in keep_always and rng.random() < drop:
            continue
        ratio = importance[i] / importance[j] * np.exp(rng.normal(0, noise))
        value = float(nearest_scale_value(ratio))
        out.append({"a": ids[i], "b": ids[j], "value": round(value, 6) if value >= 1 else f"1/{round(1 / value)}"})
    return out


_MEMBERS = [
    {"id": "cfo", "name": "王敏 (Wang Min)", "role": "首席财务官 / CFO", "weight": 0.4},
    {"id": "fin_mgr", "name": "李娜 (Li Na)", "role": "财务经理 / Finance manager", "weight": 0.35},
    {"id": "it_sec", "name": "陈伟 (Chen Wei)", "role": "信息安全负责人 / IT & security lead", "weight": 0.25},
]

_VENDORS = [
    ("huaxin", "华信财税", "Huaxin Tax & Accounting", "Large national firm; strong compliance, premium price."),
    ("mingzhang", "明账通", "MingZhang Bookkeeping", "Mid-sized, fast and friendly; thinner security controls."),
    ("yunsuan", "云算科技", "Yunsuan Cloud Accounting", "Technology-led BPO with automation; young team."),
    ("chengtai", "诚泰企业服务", "Chengtai Business Services", "Regional generalist; the cheapest quote."),
    ("yuanfan", "远帆外包", "Yuanfan Outsourcing", "Balanced offer; recently expanded nationwide."),
]
_FEES = [560_000, 395_000, 470_000, 300_000, 430_000]  # CNY per year, fictitious quotes

# Latent 1-5 quality of each vendor on each dimension (by dimension id); others default to 3.4.
_PROFILE = {
    "huaxin": {"compliance": 4.8, "security": 4.5, "stability": 4.6, "quality": 4.4, "cost": 2.6,
               "responsiveness": 3.4, "brand": 4.7, "innovation": 3.2},
    "mingzhang": {"responsiveness": 4.7, "communication": 4.5, "satisfaction": 4.4, "security": 2.7,
                  "compliance": 3.5, "cost": 4.0, "efficiency": 4.3},
    "yunsuan": {"innovation": 4.8, "efficiency": 4.6, "security": 4.2, "team": 3.0, "stability": 3.1, "quality": 4.0,
                "training": 3.2},
    "chengtai": {"cost": 4.8, "scope": 2.8, "quality": 3.2, "security": 3.0, "compliance": 3.6, "brand": 2.6,
                 "stability": 3.6},
    "yuanfan": {"scope": 4.6, "expansion": 4.5, "partnership": 4.2, "quality": 3.9, "security": 3.8,
                "compliance": 4.1, "responsiveness": 3.9},
}

# Latent importance of each dimension to each member (1-9 like; others default to 3).
_IMPORTANCE = {
    "cfo": {"compliance": 9, "cost": 8, "quality": 7, "stability": 6, "security": 6, "responsiveness": 4, "brand": 2,
            "culture": 1.5, "training": 1.5},
    "fin_mgr": {"quality": 8, "responsiveness": 8, "efficiency": 7, "communication": 6, "compliance": 6, "cost": 5,
                "team": 5, "brand": 1.5},
    "it_sec": {"security": 9, "stability": 8, "compliance": 6, "efficiency": 4, "innovation": 4, "cost": 2,
               "brand": 1, "culture": 1},
}


def _set_pair(pairs: list[dict], a: str, b: str, value) -> None:
    """Overwrite the judgment of ``a`` versus ``b`` (whichever way round it was stored)."""
    for p in pairs:
        if {p["a"], p["b"]} == {a, b}:
            p["a"], p["b"], p["value"] = a, b, value
            return
    pairs.append({"a": a, "b": b, "value": value})


def _annual_fee() -> dict:
    return {
        "id": "cost.annual_fee",
        "name": {"zh": "年服务费", "en": "Annual fee"},
        "description": {"zh": "服务商报价的年度服务费总额(含税,人民币)。",
                        "en": "The vendor's quoted total annual fee (tax included, CNY)."},
        "direction": "cost",
        "scale": "cny_per_year",
        "source": {"sections": [], "item": None, "restored": False,
                   "note": "added in the example scenario: a numeric cost criterion"},
        "children": [],
    }


def example_scenario(model: Model, seed: int = 2026) -> Scenario:
    """The bundled, clearly fictitious tender: 5 vendors, a committee of 3, judgments at
    every node by every member (the finance manager leaves some pairs out; the IT lead
    gives direct weights for security), scores on every leaf with a few gaps, and a
    numeric annual-fee cost criterion added under 服务成本."""
    rng = np.random.default_rng(seed)
    data = model.model_dump(mode="json")
    data["kind"] = "scenario"
    data["scales"]["cny_per_year"] = {"kind": "numeric", "unit": {"zh": "元/年", "en": "CNY per year"},
                                      "min": 100_000, "max": 1_000_000}
    cost = next(d for d in data["criteria"]["children"] if d["id"] == "cost")
    cost["children"].append(_annual_fee())
    tree = Criterion.model_validate(data["criteria"])
    now = datetime(2026, 11, 27, tzinfo=timezone.utc).isoformat()
    data["metadata"] = {
        "title": "示例招标:2027 年财务外包服务商遴选 / Example tender: choosing a 2027 finance-outsourcing provider",
        "author": "vendor-eval example (fictitious)",
        "created": now,
        "updated": now,
        "notes": "All companies, people and figures are fictitious. "
                 "Built by mcda.scenario.synthetic.example_scenario(seed=2026).",
    }
    data["members"] = _MEMBERS
    data["vendors"] = [{"id": v, "name": {"zh": zh, "en": en}, "notes": note} for v, zh, en, note in _VENDORS]
    dims = tree.children
    judgments: dict = {}
    for m in _MEMBERS:
        mid = m["id"]
        imp = np.array([_IMPORTANCE[mid].get(d.id, 3.0) for d in dims])
        nodes = {"goal": member_judgments([d.id for d in dims], imp, rng, drop=0.35 if mid == "fin_mgr" else 0.0)}
        direct = {}
        for d in dims:
            kids = [c.id for c in d.children]
            sub = rng.lognormal(0, 0.5, len(kids))
            if mid == "it_sec" and d.id == "security":
                pct = np.round(sub / sub.sum() * 100).astype(int)
                pct[np.argmax(pct)] += 100 - pct.sum()
                direct[d.id] = {k: int(p) for k, p in zip(kids, pct, strict=True)}
            else:
                nodes[d.id] = member_judgments(kids, sub, rng,
                                               drop=0.2 if mid == "fin_mgr" and rng.random() < 0.3 else 0.0)
        judgments[mid] = {"nodes": nodes, "direct": direct}
    # an inconsistent slip
    _set_pair(judgments["cfo"]["nodes"]["quality"], "quality.expertise", "quality.service_attitude", "1/7")
    _set_pair(judgments["cfo"]["nodes"]["goal"], "cost", "innovation", 5)  # a deadlock between CFO and IT lead
    _set_pair(judgments["it_sec"]["nodes"]["goal"], "cost", "innovation", "1/5")
    data["judgments"] = judgments
    scores: dict = {}
    for m in _MEMBERS:
        mid = m["id"]
        per_vendor = {}
        for (vid, *_), fee in zip(_VENDORS, _FEES, strict=True):
            cells = {}
            for d in dims:
                level = _PROFILE[vid].get(d.id, 3.4)
                for leaf in d.children:
                    if leaf.id == "cost.annual_fee":
                        cells[leaf.id] = None if mid == "it_sec" else float(fee)
                        continue
                    x = level + rng.normal(0, 0.6) + (
                        0.4 if mid == "it_sec" and d.id == "security" and vid == "yunsuan" else 0)
                    cells[leaf.id] = float(np.clip(np.rint(x), 1, 5))
            per_vendor[vid] = cells
        scores[mid] = per_vendor
    # a few gaps: the IT lead skipped some service-culture items, the CFO two brand items
    leaves = {c.id for c in tree.leaves()}
    for mid, vid, cid in [("it_sec", "chengtai", "culture.corporate_culture"), ("it_sec", "yuanfan", "culture.values"),
                          ("it_sec", "mingzhang", "brand.brand_extension"), ("cfo", "yunsuan", "brand.brand_heritage"),
                          ("cfo", "chengtai", "brand.brand_heritage")]:
        if cid in leaves:
            scores[mid][vid][cid] = None
    data["scores"] = scores
    return Scenario.model_validate(data)


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    from mcda.scenario.bundled import EXAMPLE, TEMPLATE
    from mcda.scenario.io import load_document, save_scenario

    model = load_document(TEMPLATE, lint=False)
    save_scenario(example_scenario(model), EXAMPLE)
    print("wrote scenarios/example_tender.json")
