"""Every file in models/ and scenarios/ is discovered, validated, linted and round-tripped."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from mcda.scenario.io import LintWarning, dumps, load_document, parse_document
from mcda.scenario.lint import lint

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "models").glob("*.json")) + sorted((ROOT / "scenarios").glob("*.json"))


def test_data_folders_are_not_empty():
    assert any(f.parent.name == "models" for f in FILES)
    assert any(f.parent.name == "scenarios" for f in FILES)


@pytest.mark.parametrize("path", FILES, ids=[f"{f.parent.name}/{f.name}" for f in FILES])
def test_data_file_is_valid_and_round_trips(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = load_document(path)
    assert doc.schema_version == 1
    assert doc.kind == ("model" if path.parent.name == "models" else "scenario")
    found = lint(doc)
    assert bool(found) == any(issubclass(w.category, LintWarning) for w in caught)
    assert parse_document(json.loads(dumps(doc))) == doc


def test_template_has_19_dimensions_and_114_criteria():
    doc = load_document(ROOT / "models" / "financial_outsourcing.json", lint=False)
    dims = doc.criteria.children
    assert len(dims) == 19
    assert len(doc.criteria.leaves()) == 114
    assert all(len(d.children) == 6 for d in dims)
    innovation = [d for d in dims if d.name.zh == "服务创新"]
    assert len(innovation) == 1 and innovation[0].source.sections == [5, 13]
    restored = [leaf for leaf in doc.criteria.leaves() if leaf.source and leaf.source.restored]
    assert [(r.source.sections, r.source.item) for r in restored] == [([14], 5)]
    assert all(leaf.direction == "benefit" and leaf.scale == "likert5" for leaf in doc.criteria.leaves())
    assert dims[0].name.zh == "服务响应速度"
    assert all(n.name.zh and n.name.en for n, _, _ in doc.criteria.walk())


def test_template_numbering_covers_every_section_and_item_of_the_article_once():
    """The article has 20 sections of 6 items; sections 5 and 13 are the same dimension (kept once),
    so the template holds 19 dimensions and every (section, item) exactly once."""
    doc = load_document(ROOT / "models" / "financial_outsourcing.json", lint=False)
    seen = [(tuple(leaf.source.sections), leaf.source.item) for leaf in doc.criteria.leaves()]
    assert len(seen) == len(set(seen)) == 114
    sections = sorted({s for d in doc.criteria.children for s in d.source.sections})
    assert sections == list(range(1, 21))
    for d in doc.criteria.children:
        assert [leaf.source.item for leaf in d.children] == list(range(1, 7)), d.id
        assert all(leaf.source.sections == d.source.sections for leaf in d.children), d.id
        assert all(leaf.description.zh and leaf.name.zh for leaf in d.children), d.id


def test_template_lint_flags_the_articles_repeated_leaves():
    doc = load_document(ROOT / "models" / "financial_outsourcing.json", lint=False)
    messages = " ".join(p.message for p in lint(doc))
    for name in ("持续改进", "数据安全", "沟通渠道"):
        assert f"'{name}' appears in" in messages


def test_example_scenario_matches_the_issue():
    doc = load_document(ROOT / "scenarios" / "example_tender.json", lint=False)
    assert len(doc.vendors) == 5 and len(doc.members) == 3
    assert len({m.weight for m in doc.members}) == 3
    leaves = doc.criteria.leaves()
    fee = [leaf for leaf in leaves if leaf.direction == "cost"]
    assert len(fee) == 1 and doc.scales[fee[0].scale].kind == "numeric"
    parents = [n.id for n, _, _ in doc.criteria.walk() if n.children]
    for m in doc.members:
        judged = set(doc.judgments[m.id].nodes) | set(doc.judgments[m.id].direct)
        assert judged == set(parents), m.id
    n_dims = len(doc.criteria.children)
    counts = {m: len(j.nodes["goal"]) for m, j in doc.judgments.items()}
    assert min(counts.values()) < n_dims * (n_dims - 1) // 2 == max(counts.values())
    missing = sum(v is None for per_v in doc.scores.values() for cells in per_v.values() for v in cells.values())
    total = sum(len(cells) for per_v in doc.scores.values() for cells in per_v.values())
    assert total == 3 * 5 * len(leaves) and 0 < missing < 0.05 * total
