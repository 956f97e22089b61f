"""The UI's pure modules: figure builders, scenario edits, labels, names (no AppTest needed)."""
from __future__ import annotations

import ast
import doctest
import re
import string
from pathlib import Path

import plotly.graph_objects as go
import pytest

from mcda.scenario.io import load_scenario
from mcda.scenario.bundled import example_path
from mcda.ui import charts, names
from mcda.text.ui import LABELS, label

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "mcda" / "ui"


@pytest.fixture(scope="module")
def example():
    return load_scenario(example_path(), lint=False)


# ------------------------------------------------------------------ labels
def _used_labels() -> set[str]:
    """Every literal label key the UI passes to t()/header()/guard()/flash(lead=...)."""
    used: set[str] = set()
    for path in [ROOT / "app.py", *UI.rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in ("t", "tr", "header", "guard", "label") and node.args and isinstance(node.args[0], ast.Constant):
                used.add(node.args[0].value)
            if name == "header" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                used.add(node.args[1].value)
            for kw in node.keywords:
                if kw.arg == "lead" and isinstance(kw.value, ast.Constant):
                    used.add(kw.value.value)
    return {u for u in used if isinstance(u, str)}


DYNAMIC = {  # labels built as prefix + value in the pages
    "mode_": ("pairwise", "direct"), "pairs_": ("all", "missing", "next"),
    "band_": ("very high", "high", "moderate", "low", "very low"), "source_": ("equal", "single_child"),
    "contrib_": ("score", "squared distance to the ideal"), "level_": ("dimensions", "all"),
    "model_": ("judgments", "uniform", "lognormal"), "saaty_": tuple(str(k) for k in range(1, 10)),
}


def test_every_label_used_exists():
    from mcda.text import catalogue  # app.* entries live in mcda/text/app_store.py

    missing = sorted(_used_labels() - set(LABELS) - {k for k in catalogue() if k.startswith("app.")})
    assert missing == []


def test_dynamic_labels_exist():
    wanted = {p + v for p, vs in DYNAMIC.items() for v in vs} | {"contrib_score_help",
                                                                  "contrib_squared distance to the ideal_help"}
    assert sorted(wanted - set(LABELS)) == []


def test_consensus_bands_match_the_engine():
    from mcda.ahp import CONSENSUS_BANDS

    assert {w for _, w in CONSENSUS_BANDS} == set(DYNAMIC["band_"])


@pytest.mark.parametrize("key", sorted(LABELS))
def test_labels_have_both_languages_and_the_same_placeholders(key):
    zh, en = LABELS[key]
    assert zh.strip() and en.strip()
    fields = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (zh, en)]
    assert fields[0] == fields[1], key


def test_label_falls_back_to_the_key():
    assert label("no such label", "zh") == "no such label"


# ------------------------------------------------------------------ names
def test_names_doctests():
    result = doctest.testmod(names, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted and not result.failed


def test_slider_runs_from_a_extreme_to_b_extreme():
    assert names.SLIDER_VALUES[0] == 9.0 and names.SLIDER_VALUES[-1] == pytest.approx(1 / 9)
    assert names.SLIDER_VALUES[8] == 1.0 and len(names.SLIDER_VALUES) == 17


def test_verbal_scale_in_both_languages():
    assert names.verbal(5.0, "A", "B", "en") == "A is strongly more important (5)"
    assert names.verbal(0.2, "A", "B", "zh") == "B 明显重要 (5)"
    assert names.verbal(0.333, "A", "B", "en").endswith("(3)")  # a rounded reciprocal from a file


def test_criterion_and_vendor_names_follow_the_language(example):
    assert names.criterion_names(example, "zh")["cost"] == "服务成本"
    assert names.criterion_names(example, "en")["cost"] == "Service cost"
    assert names.vendor_names(example, "en")["huaxin"] == "Huaxin Tax & Accounting"


# ------------------------------------------------------------------ edits
def test_charts_build_figures():
    figs = [
        charts.weights_sunburst(["g", "a", "b"], ["G", "A", "B"], ["", "g", "g"], [0, 0.4, 0.6]),
        charts.ranking_bars(["x", "y"], [0.2, 0.7], [2, 1]),
        charts.stacked_bars(["x", "y"], ["d1", "d2"], [[0.1, 0.2], [0.3, 0.1]]),
        charts.radar(["x", "y"], ["d1", "d2", "d3"], [[0.1, 0.2, 0.3], [0.3, 0.1, 0.2]]),
        charts.heatmap(["c1", "c2"], ["r1"], [[0.05, None]], mark_above=0.04),
        charts.grouped_bars(["a", "b"], {"m1": [0.5, 0.5], "all": [0.4, 0.6]}, highlight="all"),
        charts.sweep_lines([0, 0.5, 1], [[0.1, 0.2], [0.2, 0.2], [0.3, 0.1]], ["x", "y"], 0.3, [(0.5, "x", "y")]),
        charts.ranges(["a", "b"], [0.1, 0.2], [0.3, 0.4], marks=[0.2, 0.3], reference=0.0),
    ]
    assert all(isinstance(f, go.Figure) for f in figs)
    assert len(figs[2].data) == 2 and figs[2].layout.barmode == "relative"
    assert list(figs[1].data[0].y) == ["y", "x"]  # best rank first
    assert len(figs[4].data) == 2  # the heatmap and the over-threshold frame
    assert len(figs[3].data[0].r) == 4  # polygon closed


def test_ui_never_touches_session_state_outside_state_module():
    offenders = [p.relative_to(ROOT).as_posix() for p in [ROOT / "app.py", *UI.rglob("*.py")]
                 if p.name != "state.py" and re.search(r"\bsession_state\b", p.read_text(encoding="utf-8"))]
    assert offenders == []
