"""mcda.export.share: canonical JSON in and out, and the redacted copy."""
from __future__ import annotations

import json

import numpy as np
import pytest
from numpy.testing import assert_allclose

import mcda
from mcda.engine.evaluation import evaluate
from mcda.errors import ScenarioError
from mcda.export.share import COMMITTEE, export_json, import_json, redact
from mcda.methods import METHOD_NAMES
from mcda.scenario.io import dumps, parse_scenario

MEMBER_NAMES = ("王敏", "Wang Min", "李娜", "Li Na", "陈伟", "Chen Wei", "首席财务官")


@pytest.fixture(scope="module")
def example():
    return mcda.load_scenario(mcda.scenario.bundled.EXAMPLE, lint=False)


def edit(scenario, fn):
    data = scenario.model_dump(mode="json")
    fn(data)
    return parse_scenario(data)


def test_export_json_is_the_canonical_text_and_round_trips(example):
    text = export_json(example)
    assert text == dumps(example)
    assert import_json(text) == example
    assert import_json(text.encode("utf-8"), "shared.json") == example
    assert json.loads(text)["members"][0]["name"] == "王敏 (Wang Min)"  # UTF-8, not \\u escapes
    assert "王敏" in text


def test_import_json_validates_fully_and_locates_problems(example):
    data = example.model_dump(mode="json")
    data["scores"]["cfo"]["huaxin"]["quality.expertise"] = 9
    with pytest.raises(ScenarioError) as err:
        import_json(json.dumps(data), "from_partner.json")
    assert err.value.source == "from_partner.json"
    assert [str(p) for p in err.value.problems] == [
        "scores[cfo][huaxin][quality.expertise]: 9 is outside the scale 1..5 of 'quality.expertise'"]
    with pytest.raises(ScenarioError, match="not valid JSON"):
        import_json(b"{ not json")
    with pytest.raises(mcda.MCDAError, match="expected JSON text"):
        import_json({"kind": "scenario"})


def _same_results(original, redacted):
    methods = list(METHOD_NAMES)
    e1, e2 = evaluate(original, methods=methods, agreement=False), evaluate(redacted, methods=methods, agreement=False)
    assert e1.problem.leaves == e2.problem.leaves and e1.vendors == e2.vendors
    assert_allclose(e2.global_weights, e1.global_weights, rtol=1e-12, atol=1e-15)
    assert_allclose(e2.problem.matrix, e1.problem.matrix, rtol=1e-15)
    for name in methods:
        assert_allclose(e2.methods[name].scores, e1.methods[name].scores, rtol=1e-12, atol=1e-14, err_msg=name)
        np.testing.assert_array_equal(e2.methods[name].ranks, e1.methods[name].ranks, err_msg=name)


def test_redaction_preserves_weights_scores_and_ranks_for_every_method(example):
    _same_results(example, redact(example))


@pytest.mark.parametrize("settings", [
    {"aggregation": "aip_geometric", "priority_method": "geometric_mean"},
    {"aggregation": "aip_arithmetic", "score_aggregation": "median", "priority_method": "column_mean"},
    {"score_aggregation": "geometric_mean", "missing_scores": "impute_median"},
])
def test_redaction_preserves_results_under_other_settings(example, settings):
    def change(d):
        d["settings"].update(settings)
        if settings.get("missing_scores") == "impute_median":  # a cell nobody scored
            for per_vendor in d["scores"].values():
                per_vendor["yuanfan"]["quality.expertise"] = None

    original = edit(example, change)
    redacted = redact(original)
    _same_results(original, redacted)
    if settings.get("missing_scores") == "impute_median":
        assert "imputed" in redacted.metadata.notes


def test_redacted_file_has_no_member_names_judgments_or_individual_scores(example):
    redacted = redact(example)
    text = export_json(redacted)
    for name in MEMBER_NAMES:
        assert name not in text
    data = json.loads(text)
    assert [m["id"] for m in data["members"]] == [COMMITTEE] and data["members"][0]["weight"] == 1
    assert list(data["scores"]) == [COMMITTEE] and list(data["judgments"]) == [COMMITTEE]
    assert data["judgments"][COMMITTEE]["nodes"] == {}  # no pairwise judgment survives
    for member in ("cfo", "fin_mgr", "it_sec"):
        assert f'"{member}"' not in text
    assert "Redacted" in redacted.metadata.notes and "已脱敏" in redacted.metadata.notes
    # the committee's scores are the aggregate, not anyone's: a cell the members scored differently
    e = evaluate(example, agreement=False)
    raw = e.problem.raw
    i, j = np.argwhere(np.nanmax(raw, axis=0) != np.nanmin(raw, axis=0))[0]
    vendor, leaf = e.vendors[i], e.problem.leaves[j]
    assert redacted.scores[COMMITTEE][vendor][leaf] == pytest.approx(e.problem.matrix[i, j])
    assert redacted.scores[COMMITTEE][vendor][leaf] not in raw[:, i, j]


def test_an_author_naming_a_member_is_cleared(example):
    signed = edit(example, lambda d: d["metadata"].update(author="李娜 (Li Na)"))
    assert redact(signed).metadata.author == ""
    assert redact(example).metadata.author == example.metadata.author
