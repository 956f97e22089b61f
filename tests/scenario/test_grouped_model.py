"""The grouped recommended model (issue 15, item 1): valid, lint-clean, at most 7 children per node,
every repeated sub-criterion merged once with its sources, Chinese text kept from the faithful template."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from mcda.cli import main
from mcda.scenario.io import load_document

ROOT = Path(__file__).resolve().parents[2]
FAITHFUL = ROOT / "models" / "financial_outsourcing.json"
GROUPED = ROOT / "models" / "financial_outsourcing_grouped.json"

#: faithful leaf id -> grouped leaf id, for every leaf merged away (documented in models/README.md)
MERGED = {
    "responsiveness.continuous_improvement": "quality.continuous_improvement",
    "satisfaction.continuous_improvement": "quality.continuous_improvement",
    "efficiency.continuous_improvement": "quality.continuous_improvement",
    "communication.continuous_improvement": "quality.continuous_improvement",
    "reputation.continuous_improvement": "quality.continuous_improvement",
    "culture.continuous_improvement": "quality.continuous_improvement",
    "expansion.continuous_improvement": "quality.continuous_improvement",
    "responsiveness.channels": "communication.channels",
    "stability.data_security": "security.data_security",
    "communication.client_feedback": "satisfaction.client_feedback",
    "satisfaction.word_of_mouth": "reputation.word_of_mouth",
    "scope.service_expansion": "expansion.service_expansion",
    "efficiency.teamwork": "team.teamwork",
    "expansion.partner_sourcing": "partnership.partner_selection",
}


@pytest.fixture(scope="module")
def docs():
    return load_document(FAITHFUL, lint=False), load_document(GROUPED, lint=False)


def _pairs(node) -> tuple[int, int]:
    """(pairwise questions for full AHP, minimum connecting questions) of a tree."""
    full = minimum = 0
    for n, _, _ in node.walk():
        k = len(n.children)
        if k >= 2:
            full += k * (k - 1) // 2
            minimum += k - 1
    return full, minimum


def test_validate_json_is_valid_without_warnings(capsys):
    assert main(["validate", str(GROUPED), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is True and report["problems"] == [] and report["warnings"] == []
    assert report["dimensions"] == 5 and report["criteria"] == 100


def test_every_parent_has_at_most_seven_children_and_19_dimensions_sit_under_5_clusters(docs):
    faithful, grouped = docs
    assert all(len(n.children) <= 7 for n, _, _ in grouped.criteria.walk())
    assert 4 <= len(grouped.criteria.children) <= 6
    dims = [d.id for c in grouped.criteria.children for d in c.children]
    assert sorted(dims) == sorted(d.id for d in faithful.criteria.children)


def test_every_faithful_leaf_maps_to_one_grouped_leaf_with_its_text_and_sources(docs):
    faithful, grouped = docs
    new = {leaf.id: leaf for leaf in grouped.criteria.leaves()}
    old = {leaf.id: leaf for leaf in faithful.criteria.leaves()}
    for leaf_id, leaf in old.items():
        target = new[MERGED.get(leaf_id, leaf_id)]
        assert set(leaf.source.sections) <= set(target.source.sections), leaf_id
        if leaf_id in new:  # kept: the article's Chinese text unchanged
            assert (target.name.zh, target.description.zh) == (leaf.name.zh, leaf.description.zh)
        else:
            assert target.name.zh == leaf.name.zh and leaf_id in target.source.note
    assert set(new) == set(old) - set(MERGED)
    assert max(Counter(leaf.name.zh for leaf in new.values()).values()) == 1  # nothing repeated any more


def test_question_counts_faithful_456_vs_grouped_259(docs):
    faithful, grouped = docs
    assert _pairs(faithful.criteria) == (456, 113)
    assert _pairs(grouped.criteria) == (259, 99)


def test_models_readme_documents_clusters_mapping_and_counts(docs):
    readme = (ROOT / "models" / "README.md").read_text(encoding="utf-8")
    _, grouped = docs
    for cluster in grouped.criteria.children:
        assert cluster.id in readme and cluster.name.zh in readme
    for old, new in MERGED.items():
        assert re.search(rf"`{re.escape(old)}`[^\n]*`{re.escape(new)}`", readme), old
    assert "456" in readme and "259" in readme and "113" in readme and "99" in readme
