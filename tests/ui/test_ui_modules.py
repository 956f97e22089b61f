"""The UI's pure modules: figure builders, scenario edits, labels, names (no AppTest needed)."""
from __future__ import annotations

import ast
import doctest
import re
import string
from pathlib import Path

import plotly.graph_objects as go
import pytest

from mcda.scenario.bundled import example_path
from mcda.scenario.io import load_scenario
from mcda.text.ui import LABELS, label
from mcda.ui import charts, names

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
    "go_": ("judgments", "scores"), "verb_": ("rises", "falls"), "reversal_": ("remove", "copy"),
    "bad_cell_": ("range", "number"), "h2h_x_": ("score", "distance"),
}


def _settings_labels() -> set[str]:
    from mcda.methods import METHOD_NAMES, METHODS
    from mcda.normalization import NORMALIZATIONS
    from mcda.ui import settings_edits as se

    fields = ("ranking_methods", "normalization", *se.CHOICE_FIELDS, *se.NUMBER_FIELDS, *se.SENSITIVITY_FIELDS)
    out = {f"set_{f}" for f in fields} | {f"set_{f}_help" for f in fields}
    out |= {f"opt_{f}_{v}" for f in se.CHOICE_FIELDS for v in se.choices(f)}
    out |= {f"opt_model_{v}" for v in se.choices("model", sensitivity=True)}
    out |= {f"method_{m}_help" for m in METHOD_NAMES} | {f"norm_{n}" for n in NORMALIZATIONS}
    out |= {f"norm_{n}_help" for n in NORMALIZATIONS}
    out |= {f"norm_fixed_{m}" for m in METHOD_NAMES if METHODS[m].default_normalization is None}
    return out


def test_every_setting_choice_method_and_normalisation_has_a_label():
    assert sorted(_settings_labels() - set(LABELS)) == []


CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"


@pytest.mark.parametrize("key", sorted(LABELS))
def test_chinese_labels_use_full_width_punctuation(key):
    zh = LABELS[key][0]
    assert not re.search(CJK + r"[(),:;]|[(),:;]" + CJK, zh), (key, zh)


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
    assert list(figs[1].data[1].y) == ["y", "x"]  # best rank first
    assert len(figs[4].data) == 2  # the heatmap and the over-threshold frame
    assert len(figs[3].data[0].r) == 4  # polygon closed


def _luminance(colour: str) -> float:
    r, g, b = (int(colour[k:k + 2], 16) / 255 for k in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_the_palette_has_a_distinct_visible_colour_for_every_dimension(example):
    assert len(set(charts.PALETTE)) >= 19 and all(_luminance(c) < 0.8 for c in charts.PALETTE)
    nodes = list(example.criteria.walk())
    ids = [n.id for n, _, _ in nodes]
    parent = {c.id: n.id for n, _, _ in nodes for c in n.children}
    colours = charts.tree_colours(ids, [parent.get(i, "") for i in ids])
    dims = [c.id for c in example.criteria.children]
    by_dim = [colours[ids.index(d)] for d in dims]
    assert len(set(by_dim)) == len(dims) == 19
    assert all(_luminance(c) < 0.8 for c in colours[1:])  # only the centre is light
    fig = charts.weights_sunburst(ids, ids, [parent.get(i, "") for i in ids], [0.0] * len(ids))
    assert list(fig.data[0].marker.colors) == colours


def test_small_differences_get_a_zoomed_axis():
    fig = charts.ranking_bars(["a", "b", "c"], [0.854, 0.827, 0.816], [1, 2, 3])
    lo, hi = fig.layout.xaxis.range
    assert 0.7 < lo < 0.816 and 0.854 < hi < 0.9


def test_no_legend_sits_over_a_title():
    figs = [charts.stacked_bars(["x"], ["d1", "d2"], [[0.1, 0.2]], title="T"),
            charts.radar(["x", "y"], ["a", "b", "c"], [[1, 2, 3], [3, 2, 1]], title="T"),
            charts.grouped_bars(["a"], {"m": [0.5], "n": [0.4]}, title="T"),
            charts.sweep_lines([0, 1], [[0.1, 0.2], [0.2, 0.1]], ["x", "y"], 0.5, title="T"),
            charts.ranges(["a"], [0.1], [0.3], title="T")]
    for fig in figs:
        legend = fig.layout.legend
        assert legend.orientation == "h" and legend.y < 0 and legend.yanchor == "top"


def test_diverging_bars_put_the_larger_gap_on_top():
    fig = charts.diverging_bars(["a", "b", "c"], [0.01, -0.05, 0.02], "B", "A")
    assert list(fig.data[0].y) == ["b", "c", "a"] and fig.data[0].x[0] < 0


def test_ui_never_touches_session_state_outside_state_module():
    offenders = [p.relative_to(ROOT).as_posix() for p in [ROOT / "app.py", *UI.rglob("*.py")]
                 if p.name != "state.py" and re.search(r"\bsession_state\b", p.read_text(encoding="utf-8"))]
    assert offenders == []
