"""``mcda sensitivity`` end to end on the bundled example (table and JSON)."""
from __future__ import annotations

import json

from mcda.cli import main
from mcda.scenario.bundled import EXAMPLE


def test_sensitivity_json_has_every_part_for_each_method(capsys):
    assert main(["sensitivity", str(EXAMPLE), "--samples", "200", "--seed", "1", "--quiet", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    methods = data["methods"] if "methods" in data else data
    assert set(methods) == {"topsis", "wsm"}
    for part in methods.values():
        assert {"stability", "tornado"} <= set(part)
        assert part["stability"] and part["tornado"]


def test_sensitivity_table_prints_sentences(capsys):
    assert main(["sensitivity", str(EXAMPLE), "--samples", "200", "--quiet", "--method", "topsis"]) == 0
    out = capsys.readouterr().out
    assert "%" in out and len(out.splitlines()) > 10


def test_rank_json_has_the_headline_the_app_shows(capsys):
    from mcda.engine.evaluation import evaluate
    from mcda.engine.headline import headline
    from mcda.scenario.io import load_scenario

    assert main(["rank", str(EXAMPLE), "--format", "json", "--headline-samples", "300", "--no-agreement"]) == 0
    data = json.loads(capsys.readouterr().out)["headline"]
    assert {"winner", "runner_up", "margin", "first_rank_share", "flip", "distinct_methods",
            "distinct_methods_agree"} <= set(data)
    expected = headline(evaluate(load_scenario(EXAMPLE, lint=False), agreement=False), smaa_samples=300).to_dict()
    assert data == json.loads(json.dumps(expected))
    assert set(data["flip"]) == {"node", "from", "to", "vendor"} and data["flip"]["from"] < data["flip"]["to"]
    assert 0 <= data["first_rank_share"] <= 1 and data["margin"] >= 0
