"""Loading, saving and refusing files (mcda.scenario.io): located messages, atomic saves."""
from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mcda.errors import MCDAError, ScenarioError
from mcda.scenario.io import MAX_FILE_BYTES, dumps, load_document, load_scenario, parse_document, save_scenario

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scenarios" / "example_tender.json"


@pytest.fixture(scope="module")
def example_data() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def _first_pair(data: dict) -> dict:
    return data["judgments"]["cfo"]["nodes"]["quality"][3]


def _mutations():
    """(name, mutate(data) -> data or raw text, expected path, expected words)."""

    def judgment(value):
        def f(d):
            _first_pair(d)["value"] = value
            return d
        return f

    def set_(path, value):
        def f(d):
            obj = d
            for k in path[:-1]:
                obj = obj[k]
            obj[path[-1]] = value
            return d
        return f

    def self_comparison(d):
        p = _first_pair(d)
        p["b"] = p["a"]
        return d

    def unknown_criterion(d):
        _first_pair(d)["b"] = "quality.nonexistent"
        return d

    def unknown_member(d):
        d["judgments"]["ghost"] = d["judgments"]["cfo"]
        return d

    def duplicate_vendor(d):
        d["vendors"].append(copy.deepcopy(d["vendors"][0]))
        return d

    def duplicate_criterion(d):
        d["criteria"]["children"][1]["children"][0]["id"] = d["criteria"]["children"][0]["children"][0]["id"]
        return d

    def score_out_of_scale(d):
        d["scores"]["fin_mgr"]["huaxin"]["quality.expertise"] = 7
        return d

    def repeated_pair(d):
        pairs = d["judgments"]["cfo"]["nodes"]["quality"]
        first = pairs[0]
        pairs.append({"a": first["b"], "b": first["a"], "value": 2})
        return d

    return [
        ("bad_json", lambda d: '{"schema_version": 1,, }', "", "not valid JSON at line 1"),
        ("truncated", lambda d: json.dumps(d, ensure_ascii=False)[:5000], "", "truncated"),
        ("top_level_array", lambda d: [d], "", "expected a JSON object at the top level"),
        ("unknown_key", set_(["settings", "ranking_method"], ["topsis"]), "settings.ranking_method", "unknown key"),
        ("wrong_type", set_(["members", 0, "weight"], "heavy"), "members[0].weight", "valid number"),
        ("judgment_zero", judgment(0), "judgments[cfo].nodes[quality][3].value", "0 is outside 1/9..9"),
        ("judgment_twelve", judgment(12), "judgments[cfo].nodes[quality][3].value", "12 is outside 1/9..9"),
        ("judgment_nan", judgment(float("nan")), "judgments[cfo].nodes[quality][3].value", "finite number, found NaN"),
        ("judgment_text", judgment("much"), "judgments[cfo].nodes[quality][3].value", "fraction such as 1/3"),
        ("self_comparison", self_comparison, "judgments[cfo].nodes[quality][3]", "compared with itself"),
        ("unknown_criterion", unknown_criterion, "judgments[cfo].nodes[quality][3].b", "is not a child of 'quality'"),
        ("unknown_member", unknown_member, "judgments[ghost]", "unknown member id 'ghost'"),
        ("duplicate_vendor_id", duplicate_vendor, "vendors[5].id", "duplicate id 'huaxin'"),
        ("duplicate_criterion_id", duplicate_criterion,
         "criteria.children[1].children[0].id", "duplicate criterion id"),
        ("score_outside_scale", score_out_of_scale,
         "scores[fin_mgr][huaxin][quality.expertise]", "7 is outside the scale 1..5"),
        ("repeated_pair", repeated_pair, "judgments[cfo].nodes[quality][", "judged twice"),
        ("wrong_schema_version", set_(["schema_version"], 2), "schema_version", "expected 1, found 2"),
        ("wrong_kind", set_(["kind"], "decision"), "kind", 'expected "model" or "scenario"'),
        ("bad_id", set_(["vendors", 0, "id"], "bad id; DROP TABLE"), "vendors[0].id", "not a valid id"),
    ]


@pytest.mark.parametrize("name,mutate,path,words", _mutations(), ids=[m[0] for m in _mutations()])
def test_malformed_scenario_is_refused_with_a_located_message(tmp_path, example_data, name, mutate, path, words):
    data = mutate(copy.deepcopy(example_data))
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    f = tmp_path / f"{name}.json"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(f)
    problems = info.value.problems
    assert any(p.path.startswith(path) and words in p.message for p in problems), [str(p) for p in problems]
    assert isinstance(info.value, ValueError)


def test_every_problem_is_reported_not_only_the_first(tmp_path, example_data):
    data = copy.deepcopy(example_data)
    nodes = data["judgments"]["cfo"]["nodes"]["quality"]
    nodes[0]["value"] = 12
    nodes[1]["value"] = 0
    data["members"][1]["weight"] = -2
    data["settings"]["colour"] = "red"
    f = tmp_path / "many.json"
    f.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(f)
    paths = {p.path for p in info.value.problems}
    assert {"judgments[cfo].nodes[quality][0].value", "judgments[cfo].nodes[quality][1].value",
            "members[1].weight", "settings.colour"} <= paths


def test_every_cross_reference_problem_is_reported(tmp_path, example_data):
    data = copy.deepcopy(example_data)
    data["scores"]["cfo"]["huaxin"]["quality.expertise"] = 6
    data["scores"]["cfo"]["nobody"] = {}
    data["judgments"]["it_sec"]["nodes"]["goal"][0]["a"] = "nowhere"
    with pytest.raises(ScenarioError) as info:
        parse_document(data)
    assert len(info.value.problems) == 3


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(ScenarioError, match=r"50.0 MiB\); files over 16 MiB"):
        load_scenario(big)
    assert MAX_FILE_BYTES < 50 * 1024 * 1024


@pytest.mark.parametrize("opener,closer", [("[", "]"), ('{"a":', "}")])
def test_100000_deep_nesting_is_refused_quickly(tmp_path, opener, closer):
    f = tmp_path / "deep.json"
    f.write_text(opener * 100_000 + "1" + closer * 100_000)
    start = time.perf_counter()
    with pytest.raises(ScenarioError, match="nested"):
        load_scenario(f)
    assert time.perf_counter() - start < 1.0  # the requirement: refused in under a second


def test_duplicate_json_keys_are_refused(tmp_path):
    f = tmp_path / "dup.json"
    f.write_text('{"schema_version": 1, "kind": "model", "kind": "scenario"}')
    with pytest.raises(ScenarioError, match="appears twice"):
        load_document(f)


def test_not_utf8_and_empty_and_missing_files(tmp_path):
    f = tmp_path / "latin.json"
    f.write_bytes(b'{"a": "\xe9"}')
    with pytest.raises(ScenarioError, match="not UTF-8"):
        load_document(f)
    (tmp_path / "empty.json").write_text("")
    with pytest.raises(ScenarioError, match="empty"):
        load_document(tmp_path / "empty.json")
    with pytest.raises(MCDAError, match="no such file"):
        load_document(tmp_path / "absent.json")


def test_a_model_is_not_a_scenario(root):
    with pytest.raises(ScenarioError, match="expected a scenario, found a model"):
        load_scenario(root / "models" / "financial_outsourcing.json")


def test_load_save_load_is_identical(tmp_path):
    first = load_scenario(EXAMPLE, lint=False)
    out = tmp_path / "copy.json"
    save_scenario(first, out)
    second = load_scenario(out, lint=False)
    assert first == second
    assert out.read_text(encoding="utf-8") == dumps(second)
    assert out.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


def test_reciprocal_judgments_are_written_as_fractions():
    text = dumps(load_scenario(EXAMPLE, lint=False))
    assert '"value": "1/3"' in text and '"value": 0.333' not in text


def test_a_failed_save_leaves_the_old_file_intact(tmp_path):
    good = load_scenario(EXAMPLE, lint=False)
    out = tmp_path / "kept.json"
    save_scenario(good, out)
    before = out.read_bytes()
    broken = good.model_copy(deep=True)
    broken.judgments["cfo"].nodes["quality"][0].a = "nowhere"  # bypasses validation in memory
    with pytest.raises(ScenarioError, match="nowhere"):
        save_scenario(broken, out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["kept.json"]  # no temporary file left behind


def test_a_save_killed_midway_leaves_the_old_file_intact(tmp_path):
    out = tmp_path / "target.json"
    out.write_text("old content")
    code = (
        "import os, mcda.scenario.io as f\n"
        "real = os.replace\n"
        "os.replace = lambda *a: os.kill(os.getpid(), 9)\n"
        f"f.atomic_write({str(out)!r}, 'new content')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert proc.returncode == -9
    assert out.read_text() == "old content"


def test_save_keeps_the_file_mode(tmp_path):
    out = tmp_path / "mode.json"
    out.write_text("x")
    os.chmod(out, 0o640)
    save_scenario(load_scenario(EXAMPLE, lint=False), out)
    assert out.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("mutate,path,words", [
    (lambda d: d["vendors"][0]["name"].__setitem__("en", "Hua\ud800xin"), "vendors[0].name.en", "surrogate"),
    (lambda d: d["vendors"][0]["name"].__setitem__("en", "Hua\x00xin"), "vendors[0].name.en", "control character"),
    (lambda d: d["scores"]["cfo"]["huaxin"].__setitem__("quality.expertise", True),
     "scores[cfo][huaxin][quality.expertise]", "valid number"),
    (lambda d: d["scores"]["cfo"]["huaxin"].__setitem__("quality.expertise", "4"),
     "scores[cfo][huaxin][quality.expertise]", "valid number"),
    (lambda d: d["scores"]["cfo"]["huaxin"].__setitem__("cost.annual_fee", 1e300),
     "scores[cfo][huaxin][cost.annual_fee]", "less than or equal"),
    (lambda d: d["scales"]["likert5"].__setitem__("max", 10 ** 400), "scales[likert5].max", "less than or equal"),
    (lambda d: d["judgments"]["cfo"]["nodes"]["quality"][0].__setitem__("value", "1e400"),
     "judgments[cfo].nodes[quality][0].value", "fraction such as 1/3"),
    (lambda d: d["judgments"]["cfo"]["nodes"]["quality"][0].__setitem__("value", True),
     "judgments[cfo].nodes[quality][0].value", "found true"),
    (lambda d: d["members"][0].__setitem__("weight", 1e308), "members[0].weight", "less than or equal"),
    (lambda d: d["settings"]["sensitivity"].__setitem__("seed", -5),
     "settings.sensitivity.seed", "greater than or equal"),
], ids=["surrogate", "nul", "bool_score", "string_score", "huge_fee", "huge_scale", "judgment_overflow",
        "bool_judgment", "huge_vote", "negative_seed"])
def test_hostile_values_are_refused_with_their_path(example_data, mutate, path, words):
    data = copy.deepcopy(example_data)
    mutate(data)
    with pytest.raises(ScenarioError) as info:
        parse_document(data)
    assert any(p.path == path and words in p.message for p in info.value.problems), [
        str(p) for p in info.value.problems]
    str(info.value).encode("utf-8")  # the message itself prints, whatever the file held


def test_a_5000_digit_number_is_a_located_error_not_a_crash(tmp_path):
    f = tmp_path / "bigint.json"
    f.write_text('{"schema_version": 1, "kind": "model", "x": ' + "9" * 5000 + "}")
    with pytest.raises(ScenarioError, match="cannot be read"):
        load_document(f)


@pytest.mark.parametrize("target", ["folder", "device", "readonly"])
def test_atomic_write_refuses_targets_it_cannot_replace_safely(tmp_path, target):
    from mcda.scenario.io import atomic_write

    if target == "folder":
        out = tmp_path
    elif target == "device":
        out = Path("/dev/null")
    else:
        out = tmp_path / "ro.json"
        out.write_text("keep")
        out.chmod(0o444)
    with pytest.raises(MCDAError, match="cannot write"):
        atomic_write(out, "new")
    if target == "readonly":
        assert out.read_text() == "keep"
    assert Path("/dev/null").is_char_device()


def test_atomic_write_through_a_symlink_updates_the_target(tmp_path):
    from mcda.scenario.io import atomic_write

    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
