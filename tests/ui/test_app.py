"""AppTest: every page renders the example in both languages; the key flows work end to end.

Scenario state is read from ``at.session_state`` under the keys :mod:`mcda.ui.state` owns
(``scenario``, ``scenario_digest``): the tests check that an invalid input leaves it unchanged.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mcda.engine.evaluation import evaluate
from mcda.store import Store

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "mcda" / "ui" / "pages").glob("*.py"))

LANGS = ("中文", "English")
SENSITIVITY_TABS = {"中文": ("假设分析", "单因素敏感性", "随机权重（SMAA）"),
                    "English": ("What-if", "One weight at a time", "Random weights (SMAA)")}


LANG_CODE = {"中文": "zh", "English": "en"}


def K(parts: str, lang: str = "zh") -> str:
    """A widget key as :func:`mcda.ui.state.key` makes it (parts joined by |, per language)."""
    return f"w:{lang}|{parts}"


def _ok(at):
    assert not at.exception, [e.value for e in at.exception]
    return at


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def _digest(at) -> str:
    return at.session_state["scenario_digest"]


def test_app_opens_the_example(app):
    _ok(app.run())
    assert app.title[0].value == "方案"
    assert [m.value for m in app.metric][:4] == ["19", "115", "3", "5"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_both_languages(app, page):
    app.run()
    for choice in LANGS:
        app.sidebar.radio[0].set_value(choice).run()
        _ok(app.switch_page(page).run())
        assert app.title, page
        assert not app.error, (page, choice, [e.value for e in app.error])


@pytest.mark.parametrize("lang", LANGS)
def test_every_sensitivity_tab_renders(app, lang):
    app.run()
    app.sidebar.radio[0].set_value(lang).run()
    _ok(app.switch_page("mcda/ui/pages/sensitivity.py").run())
    for tab in SENSITIVITY_TABS[lang]:
        app.session_state[K("sens_tab", lang=LANG_CODE[lang])] = tab
        _ok(app.run())
        assert not app.error, (tab, [e.value for e in app.error])


def test_language_switch_translates_labels_and_names(app):
    app.run()
    app.switch_page("mcda/ui/pages/results.py").run()
    assert app.title[0].value == "排序结果"
    assert "华信财税" in app.dataframe[0].value.iloc[:, 0].tolist()
    app.sidebar.radio[0].set_value("English").run()
    assert app.title[0].value == "Results"
    assert "Huaxin Tax & Accounting" in app.dataframe[0].value.iloc[:, 0].tolist()


# ------------------------------------------------------------------ judgments
def _quality_for_cfo(at):
    at.switch_page("mcda/ui/pages/judgments.py").run()
    return _ok(at.selectbox(key=K("pick|node")).set_value("quality").run())


def test_changing_a_judgment_updates_the_cr_and_the_ranking(app):
    app.run()
    _ok(app.switch_page("mcda/ui/pages/results.py").run())
    before = app.dataframe[0].value
    _quality_for_cfo(app)
    cr_before = float(_metric(app, "一致性比率 CR"))
    slider = next(s for s in app.select_slider if s.label == "专业能力 ↔ 服务态度")
    assert slider.value == pytest.approx(1 / 7)
    _ok(slider.set_value(3.0).run())
    cr_after = float(_metric(app, "一致性比率 CR"))
    assert cr_after != cr_before
    assert cr_after < 0.1  # this judgment was the inconsistent one
    judged = app.session_state["scenario"].judgments["cfo"].nodes["quality"]
    assert any({p.a, p.b} == {"quality.expertise", "quality.service_attitude"} and p.value == 3.0 for p in judged)
    _ok(app.switch_page("mcda/ui/pages/results.py").run())
    after = app.dataframe[0].value
    scores = [c for c in before.columns if c.endswith("得分")]
    assert not np.allclose(before[scores].to_numpy(float), after[scores].to_numpy(float))


def test_applying_a_repair_hint_lowers_the_cr(app):
    app.run()
    _quality_for_cfo(app)
    cr_before = float(_metric(app, "一致性比率 CR"))
    assert cr_before > 0.1
    hints = [b for b in app.button if b.label == "采用"]
    assert hints
    _ok(hints[0].click().run())
    assert float(_metric(app, "一致性比率 CR")) < cr_before
    assert "已采用建议" in [s.value for s in app.success]


def test_not_judged_removes_a_judgment_and_the_count_drops(app):
    app.run()
    _quality_for_cfo(app)
    assert _metric(app, "已回答") == "15 / 15"
    _ok(app.checkbox[0].check().run())
    assert _metric(app, "已回答") == "14 / 15"


def test_direct_percentages_replace_pairwise_judgments(app):
    app.run()
    _quality_for_cfo(app)
    _ok(app.segmented_control[0].set_value("direct").run())
    _ok(_button(app, "保存百分比").click().run())
    mj = app.session_state["scenario"].judgments["cfo"]
    assert "quality" in mj.direct and "quality" not in mj.nodes


# ------------------------------------------------------------------ sensitivity
def test_moving_a_dimension_slider_reranks(app):
    app.run()
    app.sidebar.radio[0].set_value("English").run()
    _ok(app.switch_page("mcda/ui/pages/sensitivity.py").run())
    before = app.dataframe[0].value.iloc[:, 0].tolist()
    cost = next(s for s in app.slider if s.label == "Service cost")
    assert cost.max < 100  # scaled to the weights' range
    _ok(cost.set_value(cost.max).run())
    table = app.dataframe[0].value
    assert table.iloc[:, 0].tolist() != before
    assert table.astype(str).apply(lambda col: col.str.contains("→")).any().any()
    others = [s.value for s in app.slider if s.label != "Service cost"]
    assert sum(others) == pytest.approx(100 - cost.max, abs=19 * 0.05 + 0.01)  # siblings rescaled (0.1 % steps)
    _ok(_button(app, "Back to the committee's weights").click().run())
    assert app.dataframe[0].value.iloc[:, 0].tolist() == before


def test_smaa_runs_with_a_progress_bar_and_shows_acceptability(app):
    app.run()
    app.sidebar.radio[0].set_value("English").run()
    app.switch_page("mcda/ui/pages/sensitivity.py").run()
    app.session_state[K("sens_tab", lang="en")] = "Random weights (SMAA)"
    _ok(app.run())
    app.select_slider(key=K("smaa_samples", lang="en")).set_value(1000)
    _ok(_button(app, "Run the simulation").click().run())
    shares = app.dataframe[-1].value
    assert shares.shape[0] == 5 and "Share ranked first" in shares.columns


# ------------------------------------------------------------------ scores
def test_editing_a_score_changes_the_decision_matrix(app):
    app.run()
    _ok(app.switch_page("mcda/ui/pages/scores.py").run())
    matrix_before = evaluate(app.session_state["scenario"]).problem.matrix.copy()
    editor = app.data_editor[0]
    leaf = editor.value.columns[1]
    assert editor.value.iloc[0, 1] != 1
    app.session_state[editor.key] = {"edited_rows": {0: {leaf: 1}}, "added_rows": [], "deleted_rows": []}
    _ok(app.run())
    assert app.session_state["scenario"].scores["cfo"]["huaxin"][leaf] == 1
    matrix_after = evaluate(app.session_state["scenario"]).problem.matrix
    changed = np.argwhere(~np.isclose(matrix_before, matrix_after))
    assert changed.tolist() == [[0, 0]]


def test_a_score_off_the_scale_is_refused_with_its_location(app):
    app.run()
    app.switch_page("mcda/ui/pages/scores.py").run()
    digest = _digest(app)
    editor = app.data_editor[0]
    leaf = editor.value.columns[1]
    app.session_state[editor.key] = {"edited_rows": {1: {leaf: 9}, 2: {leaf: 7}}, "added_rows": [], "deleted_rows": []}
    _ok(app.run())
    message = app.error[0].value
    assert "2 个单元格无效" in message and "明账通" in message and "9 不在量表范围 1–5 内" in message
    assert "云算科技" in message and "7 不在量表范围 1–5 内" in message  # every invalid entry, never clamped
    assert _digest(app) == digest


def test_a_malformed_score_template_is_refused(app):
    app.run()
    app.switch_page("mcda/ui/pages/scores.py").run()
    digest = _digest(app)
    app.file_uploader(key=K("score_upload|cfo")).set_value(("scores.csv", b"vendor,nonsense\nhuaxin,3\n", "text/csv"))
    _ok(app.run())
    assert app.error and "评分未导入" in app.error[0].value
    assert _digest(app) == digest


# ------------------------------------------------------------------ scenario: open, save, history
BAD = (b'{"schema_version": 1, "kind": "scenario", "criteria": {"id": "goal", "name": {"en": "G"}, "children": '
       b'[{"id": "a", "name": {"en": "A"}, "direction": "up", "scale": "s"}]}, "vendors": [{"id": "v", "name": {}}]}')


def test_a_malformed_upload_shows_the_located_problems_and_keeps_the_scenario(app):
    app.run()
    digest = _digest(app)
    _ok(app.file_uploader(key=K("upload")).set_value(("bad.json", BAD, "application/json")).run())
    message = app.error[0].value
    assert "bad.json" in message and "发现 2 个问题" in message  # the reader's language (zh), exact count
    assert "`criteria.children[0].direction`" in message and "`vendors[0].name`" in message
    assert _digest(app) == digest
    assert [m.value for m in app.metric][:4] == ["19", "115", "3", "5"]


@pytest.mark.parametrize("text, where", [
    ('{"schema_version": 1, "kind": "scenario", "criteria": 5}', "`criteria`"),
    ('{"schema_version": 1, "kind": "scenario", ', "JSON 无效：第 1 行"),
    ('[1, 2]', "顶层应为 JSON 对象"),
])
def test_malformed_pasted_json_shows_the_located_problem_and_keeps_the_scenario(app, text, where):
    app.run()
    digest = _digest(app)
    app.text_area(key=K("paste")).input(text)
    _ok(_button(app, "打开粘贴的 JSON").click().run())
    assert app.error and where in app.error[0].value
    assert _digest(app) == digest


def test_valid_pasted_json_opens(app):
    from mcda.scenario.bundled import example_path
    from mcda.scenario.io import dumps, load_scenario

    app.run()
    sc = load_scenario(example_path(), lint=False)
    text = dumps(sc).replace("示例招标", "粘贴的招标")
    app.text_area(key=K("paste")).input(text)
    _ok(_button(app, "打开粘贴的 JSON").click().run())
    assert app.session_state["scenario"].metadata.title.startswith("粘贴的招标")


def test_saving_adds_a_version_to_the_history(app, _library):
    app.run()
    app.text_input(key=K("save_name")).input("2027 tender")
    app.text_area(key=K("save_message")).input("first draft")
    _ok(_button(app, "保存新版本").click().run())
    assert "已保存：2027 tender 第 1 版" in [s.value for s in app.success]
    history = app.dataframe[0].value
    assert history.iloc[:, 0].tolist() == [1]
    # change something, save again: version 2 appears, newest first
    app.text_input(key=K("title")).input("Second title")
    _ok(_button(app, "应用标题").click().run())
    app.text_area(key=K("save_message")).input("new title")
    _ok(_button(app, "保存新版本").click().run())
    assert app.dataframe[0].value.iloc[:, 0].tolist() == [2, 1]
    with Store(_library) as store:
        assert [(v.version, v.message) for v in store.history("2027 tender")] == [(1, "first draft"), (2, "new title")]
    # the diff between version 1 and the current scenario names the change
    _ok(app.selectbox(key=K("diff_a|2027 tender")).set_value(1).run())
    assert any("Second title" in m.value for m in app.markdown)


def test_saving_unchanged_content_is_refused_plainly(app):
    app.run()
    app.text_input(key=K("save_name")).input("t")
    _button(app, "保存新版本").click().run()
    _ok(_button(app, "保存新版本").click().run())
    assert any("未保存" in e.value and "unchanged" in e.value for e in app.error)


def test_a_new_scenario_from_the_template_renders_every_page(app):
    """New tenders start from the grouped model (5 clusters, 100 criteria); every page renders."""
    app.run()
    _ok(_button(app, "新建方案").click().run())
    assert [m.value for m in app.metric][:4] == ["5", "100", "0", "0"]
    for page in PAGES:
        _ok(app.switch_page(page).run())


def test_the_faithful_template_stays_selectable(app):
    app.run()
    next(r for r in app.radio if r.label == "指标体系").set_value("faithful")
    _ok(_button(app, "新建方案").click().run())
    assert [m.value for m in app.metric][:4] == ["19", "114", "0", "0"]


def test_adding_a_member_and_a_vendor(app):
    app.run()
    _button(app, "新建方案").click().run()
    members, vendors = app.data_editor[0], app.data_editor[1]
    app.session_state[members.key] = {"edited_rows": {}, "deleted_rows": [],
                                      "added_rows": [{"id": "m1", "name": "Member One", "weight": 1.0}]}
    app.run()
    _ok(_button(app, "应用委员会修改").click().run())
    vendors = app.data_editor[1]
    app.session_state[vendors.key] = {"edited_rows": {}, "deleted_rows": [],
                                      "added_rows": [{"id": "v1", "zh": "甲"}, {"id": "v2", "en": "B Co"}]}
    app.run()
    _ok(_button(app, "应用服务商修改").click().run())
    assert [m.value for m in app.metric][:4] == ["5", "100", "1", "2"]


# ------------------------------------------------------------------ criteria
def _criteria_edit(app):
    app.run()
    return _ok(app.switch_page("mcda/ui/pages/criteria.py").run())


def test_an_invalid_criterion_is_refused_with_its_location(app):
    _criteria_edit(app)
    digest = _digest(app)
    app.text_input(key=K("add_id")).input("1bad")
    app.text_input(key=K("add_en")).input("Bad")
    _ok(app.button(key=K("do_add")).click().run())
    assert any("`criteria.children[19].id`" in e.value and "不是有效的编号" in e.value for e in app.error)
    assert _digest(app) == digest


def test_renaming_a_criterion(app):
    _criteria_edit(app)
    app.selectbox(key=K("pick|rename_target")).set_value("cost").run()
    app.text_input(key=K("rename_en|cost")).input("Fees")
    _ok(app.button(key=K("do_rename")).click().run())
    names = {c.id: c.name for c in app.session_state["scenario"].criteria.children}
    assert names["cost"].en == "Fees" and names["cost"].zh == "服务成本"


def test_removing_a_criterion_removes_its_judgments_and_scores(app):
    _criteria_edit(app)
    app.selectbox(key=K("pick|remove_target")).set_value("quality.expertise").run()
    app.checkbox(key=K("remove_sure|quality.expertise")).check().run()
    _ok(app.button(key=K("do_remove")).click().run())
    sc = app.session_state["scenario"]
    assert "quality.expertise" not in {n.id for n, _, _ in sc.criteria.walk()}
    assert all("quality.expertise" not in cells for per in sc.scores.values() for cells in per.values())
    _ok(app.switch_page("mcda/ui/pages/results.py").run())
    assert not app.error


# ------------------------------------------------------------------ report
@pytest.mark.parametrize("with_sensitivity", [False, True])
def test_the_report_files_are_prepared_for_download(app, with_sensitivity):
    app.run()
    app.sidebar.radio[0].set_value("English").run()
    _ok(app.switch_page("mcda/ui/pages/report.py").run())
    assert not app.download_button
    app.toggle(key=K("report_sens", lang="en")).set_value(with_sensitivity)
    app.select_slider(key=K("report_samples", lang="en")).set_value(500)
    _ok(_button(app, "Prepare the report files").click().run())
    assert not app.error, [e.value for e in app.error]
    assert [d.label for d in app.download_button] == ["Download the Excel workbook", "Download the HTML report"]


def test_incomplete_judgments_show_progress_and_the_next_question(app):
    app.run()
    app.sidebar.radio[0].set_value("English").run()
    _ok(app.switch_page("mcda/ui/pages/judgments.py").run())
    _ok(app.selectbox(key=K("pick|member", lang="en")).set_value("fin_mgr").run())
    assert _metric(app, "Answered") == "118 / 171"
    assert _metric(app, "Answers connected") == "Yes"
    assert any(i.value.startswith("The most useful next question") for i in app.info)
    _ok(app.segmented_control(key=K("pick|pair_filter", lang="en")).set_value("missing").run())
    sliders = app.select_slider
    assert sliders and all(s.value == 1.0 for s in sliders)
    assert all(c.value for c in app.checkbox)  # every shown pair is "not judged"
    first = sliders[0]
    assert first.options[0].endswith("is extremely more important (9)") and first.options[8] == "equally important (1)"
    _ok(first.set_value(5.0).run())
    assert _metric(app, "Answered") == "119 / 171"


def test_the_packaged_app_script_runs_the_same_router_from_any_folder(monkeypatch, tmp_path):
    """``mcda app`` runs mcda/ui/entry/app.py: the pages resolve from the package, not the working folder."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.chdir(tmp_path)
    at = AppTest.from_file(str(ROOT / "mcda" / "ui" / "entry" / "app.py"), default_timeout=120)
    _ok(at.run())
    assert at.title[0].value == "方案"
    assert [m.value for m in at.metric][:4] == ["19", "115", "3", "5"]
    _ok(at.switch_page("../pages/results.py").run())
    assert at.title[0].value == "排序结果"
