"""A small tender scenario for the tender-rule tests: two dimensions, a price criterion, a group of gates."""
from __future__ import annotations

import copy

from mcda.scenario.io import parse_scenario

RATING = {"kind": "ordinal", "min": 1, "max": 5, "labels": {
    "5": {"zh": "优秀"}, "4": {"zh": "良好"}, "3": {"zh": "一般"}, "2": {"zh": "较差"}, "1": {"zh": "差"}}}


def tender(members: int = 3, gates: bool = True, **settings) -> dict:
    """Vendors A, B, C; leaves q1, q2 (1-5 ratings), fee (numeric, cost); gates licence and tax."""
    children = [
        {"id": "quality", "name": {"zh": "质量", "en": "Quality"}, "children": [
            {"id": "q1", "name": {"en": "Accuracy"}, "direction": "benefit", "scale": "r5"},
            {"id": "q2", "name": {"en": "Timeliness"}, "direction": "benefit", "scale": "r5"}]},
        {"id": "fee", "name": {"zh": "报价", "en": "Fee"}, "direction": "cost", "scale": "cny"},
    ]
    if gates:
        children.append({"id": "qualification", "name": {"zh": "资格审查", "en": "Qualification"}, "children": [
            {"id": "licence", "name": {"zh": "代理记账许可证", "en": "Bookkeeping licence"}, "kind": "gate"},
            {"id": "tax", "name": {"zh": "三年内无重大税务处罚", "en": "No major tax penalty"}, "kind": "gate"}]})
    ids = [f"m{k + 1}" for k in range(members)]
    base = {"A": {"q1": 4, "q2": 4, "fee": 500_000}, "B": {"q1": 5, "q2": 3, "fee": 400_000},
            "C": {"q1": 3, "q2": 5, "fee": 800_000}}
    scores = {}
    for mid in ids:
        scores[mid] = copy.deepcopy(base)
        if gates:
            for v in base:
                scores[mid][v].update(licence=1, tax=1)
    return {
        "schema_version": 1, "kind": "scenario",
        "scales": {"r5": copy.deepcopy(RATING), "cny": {"kind": "numeric", "min": 0, "max": 2_000_000}},
        "criteria": {"id": "goal", "name": {"en": "Provider"}, "children": children},
        "members": [{"id": m, "name": m.upper()} for m in ids],
        "judgments": {m: {"nodes": {"goal": [{"a": "quality", "b": "fee", "value": 3}],
                                    "quality": [{"a": "q1", "b": "q2", "value": 1}]}} for m in ids},
        "vendors": [{"id": v, "name": {"en": f"Vendor {v}"}} for v in base],
        "scores": scores,
        "settings": {"ranking_methods": ["wsm", "ahp_ideal"], **settings},
    }


def load(data: dict):
    return parse_scenario(data, "tender test")
