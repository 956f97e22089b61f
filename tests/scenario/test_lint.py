"""The linter (mcda.scenario.lint): warnings on valid but risky documents, in zh and en."""
from __future__ import annotations

from pathlib import Path

import pytest

from mcda.scenario.io import load_document
from mcda.scenario.lint import lint

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example():
    return load_document(ROOT / "scenarios" / "example_tender.json", lint=False)


def test_chinese_and_english_lint_report_the_same_places(example):
    en, zh = lint(example, "en"), lint(example, "zh")
    assert [p.path for p in en] == [p.path for p in zh] and en
    assert any("重复计算" in p.message for p in zh)
    assert any("double-counting" in p.message for p in en)


def test_scenario_rules(example):
    s = example.model_copy(deep=True)
    s.judgments.pop("it_sec")
    for per_vendor in s.scores.values():
        per_vendor["yuanfan"] = {}
    found = {p.path: p.message for p in lint(s)}
    assert found["judgments[it_sec]"] == "member 'it_sec' has given no judgments"
    assert found["vendors[4]"] == "nobody has scored vendor 'yuanfan'"
