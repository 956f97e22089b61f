"""Every error code raised by the boundary modules has a catalogue entry in both languages,
and English texts with the same placeholders render without a missing parameter."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from mcda.errors import MCDAError
from mcda.scenario.rules import problem
from mcda.text import catalogue, text

ROOT = Path(__file__).resolve().parents[2]
BOUNDARY = [*sorted((ROOT / "mcda" / "scenario").glob("*.py")), *sorted((ROOT / "mcda" / "export").glob("*.py")),
            *sorted(p for p in (ROOT / "mcda" / "cli").glob("*.py") if p.name != "store.py"),
            ROOT / "mcda" / "engine" / "diff.py", ROOT / "mcda" / "engine" / "diff_text.py"]
CODE = re.compile(r"""["'](err\.[a-z_.]+|cli\.[a-z_.]+)["']""")


def _codes() -> set[str]:
    found = set()
    for path in BOUNDARY:
        found |= {m for m in CODE.findall(path.read_text(encoding="utf-8")) if not m.endswith(".")}
    return found


@pytest.mark.parametrize("code", sorted(_codes()))
def test_every_code_in_the_boundary_modules_is_in_the_catalogue(code):
    assert code in catalogue(), code


def test_no_uncoded_error_is_raised_in_the_boundary_modules():
    offenders = []
    for path in BOUNDARY:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"MCDAError\(f?[\"']|Problem\([^,()]*, f?[\"']", line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []


def test_an_error_renders_in_both_languages_with_full_width_punctuation():
    e = MCDAError(code="err.file.missing", path="a.json")
    assert str(e) == "a.json: no such file" and e.render("zh") == "a.json：文件不存在"
    p = problem("scores[cfo][v1][q]", "err.scores.outside", value="6", lo="1", hi="5", id="q")
    assert p.render() == "scores[cfo][v1][q]: 6 is outside the scale 1..5 of 'q'"
    assert p.render("zh") == "scores[cfo][v1][q]: 6 超出 'q' 的量表 1..5"
    for key, (zh, _) in catalogue().items():
        if key.startswith("err.") and not key.startswith("err.pyd"):
            assert not re.search(r"[\u4e00-\u9fff][,;:()]", zh), (key, zh)  # Chinese punctuation is full-width


def test_every_json_decoder_message_has_both_texts():
    assert (text("err.json.expecting_value", "en", line=1, col=2)
            == "not valid JSON at line 1, column 2: Expecting value")
    assert text("err.json.other", "zh", line=1, col=2, msg="x") == "JSON 无效：第 1 行第 2 列，格式错误"
