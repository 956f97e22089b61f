"""``mcda ask``: JSON contract, stop rule, languages, errors."""
from __future__ import annotations

import json
from pathlib import Path

from mcda.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scenarios" / "example_tender.json"


def _empty(tmp_path) -> str:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["judgments"] = {}
    path = tmp_path / "empty.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_full_judgments_json_says_done_with_the_winner_confidence(capsys):
    assert main(["ask", str(EXAMPLE), "--member", "cfo", "--samples", "200", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["done"] is True and out["reason"] == "settled" and out["winner_confidence"] >= 0.95
    assert out["leader"] == "huaxin"


def test_no_judgments_json_asks_a_pair_not_checkable_yet(tmp_path, capsys):
    path = _empty(tmp_path)
    assert main(["ask", path, "--member", "it_sec", "--samples", "200", "--format", "json", "--lang", "zh"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["done"] is False and {"node", "a", "b", "why"} <= set(out)
    assert out["checkable"] is False and "「" in out["why"]
    assert all(n["cr"] is None for n in out["nodes"])


def test_table_output_names_the_question_in_the_reader_language(tmp_path, capsys):
    path = _empty(tmp_path)
    assert main(["ask", path, "--member", "cfo", "--samples", "200", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "下一个问题" in out and "一致性暂无法检验" in out
    assert main(["ask", path, "--member", "cfo", "--samples", "200", "--lang", "en"]) == 0
    assert "not checkable yet" in capsys.readouterr().out


def test_unknown_member_is_a_clean_error(capsys):
    assert main(["ask", str(EXAMPLE), "--member", "nobody", "--lang", "zh"]) == 1
    err = capsys.readouterr().err
    assert "nobody" in err and "成员" in err and "Traceback" not in err
