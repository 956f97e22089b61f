"""The mcda command line: every command documented, clean errors, JSON contracts."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mcda.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "scenarios" / "example_tender.json")
MODEL = str(ROOT / "models" / "financial_outsourcing.json")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mcda.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          check=False)


def test_every_command_is_documented_in_the_readme():
    _, handlers = build_parser()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in handlers if f"mcda {c}" not in readme]
    assert missing == []


def test_validate_json_reports_dimensions_and_criteria(capsys):
    assert main(["validate", MODEL, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is True and report["dimensions"] == 19 and report["criteria"] == 114
    assert report["problems"] == [] and any("持续改进" in w["message"] for w in report["warnings"])


def test_validate_an_invalid_file_lists_problems_and_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    data = json.loads(Path(EXAMPLE).read_text(encoding="utf-8"))
    data["judgments"]["cfo"]["nodes"]["quality"][3]["value"] = 12
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(bad), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    assert report["problems"] == [
        {"path": "judgments[cfo].nodes[quality][3].value", "message": "12 is outside 1/9..9 (Saaty's scale)"}]


def test_library_errors_become_messages_not_tracebacks(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{ not json")
    for cmd in (["validate", str(bad)], ["weights", str(bad)], ["rank", str(bad)],
                ["weights", str(tmp_path / "absent.json")]):
        proc = run(*cmd)
        assert proc.returncode == 1, cmd
        assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    proc = run("weights", str(tmp_path / "absent.json"))
    assert "no such file" in proc.stderr


def test_weights_json(capsys):
    assert main(["weights", EXAMPLE, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["settings"]["ri_table"] == "alonso_lamata"
    assert len(data["global"]) == 115 and abs(sum(data["global"].values()) - 1) < 1e-12
    assert data["worst_cr"]["node"] == "quality" and data["worst_cr"]["member"] == "cfo"
    assert data["nodes"]["goal"]["members"]["fin_mgr"]["given"] < 171


def test_weights_table_names_criteria_in_chinese(capsys):
    assert main(["weights", EXAMPLE, "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "服务质量" in out and "worst CR" in out


def test_rank_json_contract(capsys):
    assert main(["rank", EXAMPLE, "--format", "json", "--method", "topsis", "--method", "wsm"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data["methods"]) == ["topsis", "wsm"]
    for rows in data["methods"].values():
        assert len(rows) == 5 and {"vendor", "score", "rank"} == set(rows[0])


def test_rank_csv(capsys):
    assert main(["rank", EXAMPLE, "--format", "csv", "--method", "wsm"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "method,normalization,rank,vendor,name,score" and len(lines) == 6


def test_usage_errors_exit_2():
    assert run("rank", EXAMPLE, "--method", "magic").returncode == 2
    assert run().returncode == 2


@pytest.mark.parametrize("kind", ["scenario", "model"])
def test_schema_is_json_schema(kind, capsys):
    assert main(["schema", "--kind", kind]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["type"] == "object" and "criteria" in schema["properties"]


def test_weights_and_rank_without_agreement_do_not_load_pymcdm():
    code = (
        "import sys, io, contextlib\n"
        "from mcda.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['weights', {EXAMPLE!r}, '--format', 'json']) == 0\n"
        f"    assert main(['rank', {EXAMPLE!r}, '--no-agreement', '--format', 'json']) == 0\n"
        "assert 'pymcdm' not in sys.modules and 'matplotlib' not in sys.modules and 'streamlit' not in sys.modules\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr


def test_validate_reports_every_file_even_after_a_missing_one(capsys):
    assert main(["validate", EXAMPLE, "/nonexistent/x.json", MODEL, "--format", "json"]) == 1
    reports = json.loads(capsys.readouterr().out)
    assert [r["valid"] for r in reports] == [True, False, True]
    assert "no such file" in reports[1]["problems"][0]["message"]


def test_rank_csv_cannot_inject_formulas(tmp_path, capsys):
    data = json.loads(Path(EXAMPLE).read_text(encoding="utf-8"))
    data["vendors"][0]["name"]["en"] = '=HYPERLINK("http://x","y")'
    f = tmp_path / "inject.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["rank", str(f), "--format", "csv", "--method", "wsm", "--no-agreement"]) == 0
    assert "'=HYPERLINK" in capsys.readouterr().out


def test_weights_table_shows_every_level_of_a_deeper_tree(tmp_path, capsys):
    data = json.loads(Path(EXAMPLE).read_text(encoding="utf-8"))
    expertise = data["criteria"]["children"][1]["children"][0]
    leaf = {k: expertise[k] for k in ("direction", "scale")}
    expertise.update(children=[{"id": "qa", "name": {"en": "QA"}, **leaf, "children": []},
                               {"id": "qb", "name": {"en": "QB"}, **leaf, "children": []}])
    del expertise["direction"], expertise["scale"]
    data["judgments"]["cfo"]["nodes"]["quality.expertise"] = [{"a": "qa", "b": "qb", "value": 3}]
    for per_vendor in data["scores"].values():
        for cells in per_vendor.values():
            value = cells.pop("quality.expertise")
            cells["qa"] = cells["qb"] = value
    f = tmp_path / "deep.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["weights", str(f)]) == 0
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if "· · qa" in ln)
    assert "0.7500" in line


# ---------------------------------------------------------------------------- every problem in Chinese
def _broken(tmp_path: Path, name: str, change) -> str:
    data = json.loads(Path(EXAMPLE).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


BROKEN = {
    "judgment": lambda d: d["judgments"]["cfo"]["nodes"]["quality"][3].update(value=12),
    "score": lambda d: d["scores"]["cfo"]["huaxin"].update({"responsiveness.response_time": 6}),
    "ids": lambda d: (d["vendors"][0].update(id="1 bad"), d["scores"]["cfo"].update(ghost={})),
    "types": lambda d: (d["members"][0].update(weight="heavy"), d["vendors"][1].update(colour="red")),
    "text": lambda d: d["vendors"][0].update(name={"zh": "a\x01", "en": ""}),
    "version": lambda d: d.update(schema_version=7),
    "tree": lambda d: d["criteria"]["children"][0].update(children=[], direction=None),
}
#: Words of the English messages that must not reach a Chinese reader.
ENGLISH = ("expected", "found", "input should", "unknown", "outside", "problem", "missing", "must", "duplicate")


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_validate_and_rank_print_every_problem_in_chinese(kind, tmp_path, capsys):
    bad = _broken(tmp_path, "坏.json", BROKEN[kind])
    assert main(["validate", bad, "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].endswith("个问题：") and "无效" in lines[0]
    assert all(line.startswith("  错误   ") for line in lines[1:]), out
    assert main(["rank", bad, "--lang", "zh"]) == 1
    err = capsys.readouterr().err
    assert "发现" in err and "个问题" in err
    for text in (out, err):
        assert not any(word in text.lower() for word in ENGLISH), text


def test_files_that_are_not_json_are_refused_in_chinese(tmp_path, capsys):
    for content, words in ((b"", "文件为空"), (b"\xff\xfe", "不是 UTF-8"), (b'{"a": 1,', "JSON 无效：第 1 行"),
                           (b"[" * 1000, "嵌套过深"), (b'{"a": ' + b"9" * 5000 + b"}", "数字无法读取")):
        bad = tmp_path / "x.json"
        bad.write_bytes(content)
        assert main(["validate", str(bad), "--lang", "zh"]) == 1
        assert words in capsys.readouterr().out
        assert main(["rank", str(bad), "--lang", "zh"]) == 1
        assert words in capsys.readouterr().err
    assert main(["validate", str(tmp_path / "absent.json"), "--lang", "zh"]) == 1
    assert "文件不存在" in capsys.readouterr().out


def test_validate_speaks_mcda_lang_and_english_output_is_unchanged(tmp_path, monkeypatch):
    assert run("validate", EXAMPLE).stdout.startswith(f"{EXAMPLE}: valid scenario: 19 dimensions, 115 criteria, "
                                                      "3 members, 5 vendors")
    monkeypatch.setenv("MCDA_LANG", "zh")
    done = run("validate", EXAMPLE, "--no-warnings")
    assert done.stdout.startswith(f"{EXAMPLE}：有效的 scenario：19 个维度，115 个指标，3 位成员，5 个服务商")
    lint = run("lint", MODEL)
    assert "警告" in lint.stdout and "warning" not in lint.stdout


def test_whole_numbers_on_the_command_line_are_capped_at_the_formats_limits():
    import argparse

    from mcda.cli.args import MAX_WHOLE, REPORT_SAMPLES, SAMPLES, VERSION
    from mcda.scenario.schema import SensitivitySettings

    assert VERSION(str(MAX_WHOLE)) == 2**63 - 1 and SAMPLES("10000000") == 10_000_000 and REPORT_SAMPLES("0") == 0
    assert SensitivitySettings.model_fields["samples"].metadata[-1].le == 10_000_000  # the one shared constant
    for parse, value in ((VERSION, str(2**63)), (VERSION, "9" * 5000), (SAMPLES, "10000001"), (SAMPLES, "0"),
                         (REPORT_SAMPLES, "-1"), (VERSION, "1.5")):
        with pytest.raises(argparse.ArgumentTypeError):
            parse(value)


def test_safe_escapes_what_could_crash_or_forge_a_terminal_line():
    from mcda.cli.output import field, safe, table

    assert safe(b"caf\xff.json") == "caf\\xff.json" and safe("ok") == "ok"
    assert safe("a\nb\r\x85\u202e\u2066") == "a\nb\\r\\x85\\u202e\\u2066"
    assert field("a\nb") == "a\\nb" and field("\ud800") == "\\ud800"
    safe(bytes(range(256))).encode("utf-8", "strict")
    assert "\u202e" not in table([["evil\u202etxt", 1.0]], ["name", "score"])
