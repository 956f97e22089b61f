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
