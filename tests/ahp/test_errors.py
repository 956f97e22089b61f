"""Every error raised by the AHP kernels, the weights and evaluation seam and the agreement has a catalogue code."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from mcda.errors import MCDAError, NotConnectedError
from mcda.text import errors_ahp

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "mcda" / "ahp").glob("*.py")) + [
    ROOT / "mcda" / "engine" / f for f in ("weights.py", "weights_cache.py", "evaluation.py")
] + [ROOT / "mcda" / "scenario" / "validated.py", ROOT / "mcda" / "methods" / "agreement.py"]


def _raises(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and getattr(node.exc.func, "id", "") in (
                "MCDAError", "NotConnectedError"):
            yield node.lineno, node.exc


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_error_has_a_code_in_the_catalogue(path):
    for line, call in _raises(path):
        codes = [k.value for k in call.keywords if k.arg == "code"]
        assert codes, f"{path.name}:{line} raises without a code"
        for code in codes:
            names = [code.body.value, code.orelse.value] if isinstance(code, ast.IfExp) else [code]
            if not isinstance(code, (ast.IfExp, ast.Constant)):  # re-raised with the code of the error it renames
                continue
            names = [n.value if isinstance(n, ast.Constant) else n for n in names]
            for name in names:
                assert name in errors_ahp.ENTRIES, f"{path.name}:{line}: {name} is not in mcda.text.errors_ahp"


def test_chinese_entries_use_full_width_punctuation():
    for key, (zh, _) in errors_ahp.ENTRIES.items():
        bare = zh.replace("(K, n)", "").replace("(S, n, n)", "").replace("(item_a, item_b)", "")
        assert ";" not in zh and "(" not in bare, key


def test_an_error_renders_in_both_languages():
    from mcda import ahp

    with pytest.raises(MCDAError) as err:
        ahp.check_matrix([[1, 3], [0.5, 1]], labels=["cost", "quality"])
    assert str(err.value) == "judgment 'cost' vs 'quality' is 3 but its reciprocal cell holds 0.5 (expected 1/3)"
    assert err.value.code == "err.ahp.not_reciprocal" and "互反单元格" in err.value.render("zh")
    with pytest.raises(NotConnectedError) as err:
        ahp.priorities([[1, 2, float("nan")], [0.5, 1, float("nan")], [float("nan"), float("nan"), 1]], labels="abc")
    assert err.value.groups == [["a", "b"], ["c"]] and str(err.value).startswith("the judgments fall into 2")
    with pytest.raises(MCDAError) as err:  # a member's index in a stack is replaced by their name, code kept
        ahp.aggregate_judgments([[[1, 2], [0.5, 1]], [[1, 0], [0, 1]]], members=["ann", "bo"])
    assert str(err.value).startswith("member 'bo': expected positive judgments")
    assert err.value.code == "err.ahp.not_positive"
