"""AppTests of issue 16: the honest headline, the reader's language, the settings page, charts,
what-if on any node, head-to-head, SMAA explained, formatting, table checks, central weights, rank reversal."""

from __future__ import annotations

import hashlib

import pytest

from mcda.scenario.bundled import example_path
from mcda.scenario.io import dumps, load_scenario

RESULTS, SETTINGS, SENS = "mcda/ui/pages/results.py", "mcda/ui/pages/settings.py", "mcda/ui/pages/sensitivity.py"


def K(parts: str, lang: str = "zh") -> str:
    return f"w:{lang}|{parts}"


def _ok(at):
    assert not at.exception, [e.value for e in at.exception]
    return at


def _english(app):
    app.run()
    app.sidebar.radio[0].set_value("English").run()
    return app


def _complete():
    """The example with every missing score filled in (mid-scale)."""
    sc = load_scenario(example_path(), lint=False)
    for m in sc.members:
        for v in sc.vendors:
            cells = sc.scores.setdefault(m.id, {}).setdefault(v.id, {})
            for leaf in sc.criteria.leaves():
                if cells.get(leaf.id) is None:
                    lo, hi = sc.scales[leaf.scale].bounds
                    cells[leaf.id] = (lo + hi) / 2
    return load_scenario_from(sc)


def load_scenario_from(sc):
    from mcda.scenario.io import parse_json, parse_scenario

    return parse_scenario(parse_json(dumps(sc), "x.json"), "x.json")


def _open(app, sc):
    """Put a scenario in the session the way mcda.ui.state does (its keys)."""
    app.session_state["scenario"] = sc
    app.session_state["scenario_digest"] = hashlib.sha256(dumps(sc).encode("utf-8")).hexdigest()
    app.session_state["scenario_rev"] = 99


def _text(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


# ------------------------------------------------------------------ 1. the headline
def test_incomplete_inputs_give_a_checklist_with_links_and_no_success_colour(app):
    app.run()
    _ok(app.switch_page(RESULTS).run())
    text = _text(app)
    assert "结果尚未完整" in text
    assert "王敏 (Wang Min)：还有 2 个评分未填" in text and "陈伟 (Chen Wei)：还有 8 个评分未填" in text
    assert len(app.get("page_link")) == 2
    assert not app.success
    assert "暂定结论" in text  # the facts are marked provisional


def test_the_headline_sits_above_the_rankings_and_names_the_flip(app):
    _english(app)
    _ok(app.switch_page(RESULTS).run())
    md = [m.value for m in app.markdown]
    first = next(k for k, m in enumerate(md) if "ranks first" in m)
    flip = next(k for k, m in enumerate(md) if "smallest weight change that flips the winner" in m)
    assert first <= flip and "Service innovation" in md[flip] and "Yunsuan Cloud Accounting overtakes" in md[flip]
    assert app.subheader[0].value == "Ranking by method"  # the headline comes before every section
    assert "of 4,000 random weight sets" in md[flip]
    assert "All 2 distinct methods rank Huaxin Tax & Accounting first." in md[flip]
    assert any("count as one method" in c.value and "Weighted sum" in c.value for c in app.caption)


def test_complete_inputs_show_the_final_headline(app):
    app.run()
    _open(app, _complete())
    _ok(app.switch_page(RESULTS).run())
    text = _text(app)
    assert "结果尚未完整" not in text and "暂定结论" not in text and "#### 结论" in text
    assert not app.get("page_link")


def test_a_new_scenario_without_judgments_lists_who_must_answer(app):
    app.run()
    _ok(next(b for b in app.button if b.label == "新建方案").click().run())
    members = app.data_editor[0]
    app.session_state[members.key] = {
        "edited_rows": {},
        "deleted_rows": [],
        "added_rows": [{"id": "m1", "name": "张三", "weight": 1.0}],
    }
    app.run()
    _ok(next(b for b in app.button if b.label == "应用委员会修改").click().run())
    _ok(app.switch_page(RESULTS).run())
    text = _text(app)
    assert "无人比较过" in text and "张三：尚未比较" in text
    assert not app.success and not app.exception


def test_an_unrankable_scenario_explains_in_the_readers_language(app):
    app.run()
    _ok(app.switch_page(SETTINGS).run())
    app.selectbox(key=K("set|missing_scores|1")).set_value("error")
    _ok(app.button[0].click().run()) if False else None
    form_button = next(b for b in app.button if b.label == "应用设置")
    _ok(form_button.click().run())
    assert app.session_state["scenario"].settings.missing_scores == "error"
    _ok(app.switch_page(RESULTS).run())
    text = _text(app)
    assert "结果尚未完整" in text
    errors = [e.value for e in app.error]
    assert errors and "impute_median" not in errors[0] and "暂时无法排序" in errors[0]


# ------------------------------------------------------------------ 3. settings
def _settings(app):
    app.run()
    return _ok(app.switch_page(SETTINGS).run())


def _rev(app) -> int:
    return app.session_state["scenario_rev"]


def test_every_setting_has_a_widget_and_an_explanation(app):
    _settings(app)
    rev = _rev(app)
    for name in (
        "ranking_methods",
        "missing_scores",
        "score_aggregation",
        "tie_tolerance",
        "aggregation",
        "priority_method",
        "completion",
        "ri_table",
        "cr_threshold",
        "samples",
        "seed",
        "model",
        "lognormal_sigma",
        "norm|topsis",
        "norm|wsm",
        "norm|wpm",
    ):
        assert app.get("multiselect") or True
        key = K(f"set|{name}|{rev}")
        assert any(
            getattr(w, "key", None) == key
            for kind in ("selectbox", "multiselect", "number_input")
            for w in app.get(kind)
        ), name
    assert len(app.caption) >= 14


def test_a_valid_setting_is_applied(app):
    _settings(app)
    rev = _rev(app)
    app.selectbox(key=K(f"set|missing_scores|{rev}")).set_value("impute_median")
    app.multiselect(key=K(f"set|ranking_methods|{rev}")).set_value(["wsm", "vikor"])
    _ok(next(b for b in app.button if b.label == "应用设置").click().run())
    s = app.session_state["scenario"].settings
    assert s.missing_scores == "impute_median" and s.ranking_methods == ["wsm", "vikor"]
    assert "设置已应用。" in [i.value for i in app.info]


@pytest.mark.parametrize(
    "field, value, problem", [("cr_threshold", 1.5, "CR 阈值"), ("ranking_methods", [], "排序方法")]
)
def test_an_invalid_setting_is_explained_and_changes_nothing(app, field, value, problem):
    _settings(app)
    digest, rev = app.session_state["scenario_digest"], _rev(app)
    widget = (
        app.number_input(key=K(f"set|{field}|{rev}"))
        if field == "cr_threshold"
        else app.multiselect(key=K(f"set|{field}|{rev}"))
    )
    widget.set_value(value)
    _ok(next(b for b in app.button if b.label == "应用设置").click().run())
    assert app.session_state["scenario_digest"] == digest
    message = app.error[0].value
    assert "设置未生效" in message and problem in message and "settings." not in message


def test_settings_choices_come_from_the_registries():
    from mcda.methods import METHODS
    from mcda.normalization import NORMALIZATIONS
    from mcda.ui import settings_edits as se

    assert se.normalization_choices() == tuple(NORMALIZATIONS)
    assert set(se.normalisable_methods()) <= set(METHODS)
    assert se.choices("ri_table") == ("alonso_lamata", "saaty_1980", "saaty_2008", "donegan_dodd")


# ------------------------------------------------------------------ 5. what-if on any node, head-to-head, SMAA
def test_whatif_on_a_sub_criterion_moves_its_siblings_only(app):
    _english(app)
    _ok(app.switch_page(SENS).run())
    _ok(app.selectbox(key=K("pick|whatif_node", "en")).set_value("quality").run())
    sliders = app.slider
    assert 2 <= len(sliders) < 19 and all(s.max <= 100 for s in sliders)
    before = [s.value for s in sliders]
    _ok(sliders[0].set_value(min(sliders[0].max, before[0] + 10)).run())
    after = [s.value for s in app.slider]
    assert after[0] != before[0] and sum(a != b for a, b in zip(after[1:], before[1:])) >= 1
    assert sum(after) == pytest.approx(100, abs=0.05 * len(after) + 0.01)
    assert any("changed: Service quality" in i.value for i in app.info)


def test_slider_range_follows_the_weights():
    from mcda.ui.whatif import slider_max

    assert slider_max([0.02, 0.05, 0.10]) == 30.0 and slider_max([0.6, 0.4]) == 100.0


def test_head_to_head_says_who_wins_each_dimension(app):
    _english(app)
    _ok(app.switch_page(RESULTS).run())
    assert app.selectbox(key=K("pick|h2h_a", "en")).value == 0  # the winner ...
    cap = next(c.value for c in app.caption if " is ahead in " in c.value)
    assert cap.startswith("Huaxin Tax & Accounting is ahead in")


def test_smaa_confidence_is_hidden_where_meaningless_and_central_weights_shown(app):
    _english(app)
    app.switch_page(SENS).run()
    app.session_state[K("sens_tab", "en")] = "Random weights (SMAA)"
    _ok(app.run())
    app.select_slider(key=K("smaa_samples", "en")).set_value(1000)
    _ok(next(b for b in app.button if b.label == "Run the simulation").click().run())
    table = app.dataframe[-1].value
    shares = table["Share ranked first"].str.rstrip("%").astype(float)
    assert (table.loc[shares < 1, "Confidence"] == "—").all() and (table.loc[shares >= 1, "Confidence"] != "—").all()
    assert any("without meaning anything" in c.value for c in app.caption)
    assert "Central weights" in [s.value for s in app.subheader]


def test_rank_reversal_tab(app):
    _english(app)
    app.switch_page(SENS).run()
    app.session_state[K("sens_tab", "en")] = "Rank reversal"
    _ok(app.run())
    table = app.dataframe[-1].value
    assert {"Order before", "Order after", "Changed"} <= set(table.columns)
    assert any("Huaxin Tax & Accounting removed" == c for c in table["Check"])
    assert app.warning or app.info


# ------------------------------------------------------------------ 6. formatting
def test_the_annual_fee_column_has_its_unit_and_separators(app):
    app.run()
    app.switch_page("mcda/ui/pages/scores.py").run()
    _ok(app.selectbox(key=K("pick|dimension")).set_value("cost").run())
    assert app.data_editor[0].value["cost.annual_fee"].max() >= 100000
    from mcda.ui.names import num, pct

    assert num(560000, 0) == "560,000" and pct(0.043) == "4.3%"


def test_save_times_are_shown_in_the_readers_zone():
    from mcda.ui.names import local_time

    assert local_time("2026-12-05T03:17:25+00:00", "Asia/Shanghai") == "2026-12-05 11:17 (Asia/Shanghai, UTC+08:00)"
    assert local_time("2026-12-05T03:17:25+00:00", "Not/AZone").endswith("(UTC)")
