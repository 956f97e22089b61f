"""AppTest: the app keeps work (issue 13 item 4): saves name their base version, a merge is shown,
conflicts are shown side by side for the user to choose, leaving unsaved work asks first, and a
browser reload (same ``d`` query parameter) reopens what was open, never the example."""
from __future__ import annotations

from pathlib import Path

from mcda.scenario.bundled import example_path
from mcda.scenario.io import load_scenario
from mcda.store import Store

ROOT = Path(__file__).resolve().parents[2]
BROWSER = "browser-id-0123456789abcdef"


def K(parts: str, lang: str = "zh") -> str:
    return f"w:{lang}|{parts}"


def _ok(at):
    assert not at.exception, [e.value for e in at.exception]
    return at


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def _new(browser: str = BROWSER):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["d"] = browser
    return at


def _saved_first(app, name="tender"):
    _ok(app.run())
    app.text_input(key=K("save_name")).input(name)
    _ok(_button(app, "保存新版本").click().run())
    assert "已保存：tender 第 1 版" in [s.value for s in app.success]


def _retitle(app, title: str):
    app.text_input(key=K("title")).input(title)
    _ok(_button(app, "应用标题").click().run())


def _other_saves(library, change, actor="li.lei"):
    with Store(library, actor=actor) as store:
        sc = store.open("tender")
        data = sc.model_dump(mode="json")
        change(data)
        from mcda.scenario.io import parse_scenario

        return store.save(parse_scenario(data), "tender", "other", base=1)


def test_a_stale_save_of_another_part_is_merged_and_says_so(app, _library):
    _saved_first(app)
    _other_saves(_library, lambda d: d["metadata"].update(notes="their notes"))
    _retitle(app, "My title")
    _ok(_button(app, "保存新版本").click().run())
    assert any("已与 li.lei 保存的版本 2 合并" in i.value for i in app.info), [i.value for i in app.info]
    with Store(_library) as store:
        latest = store.read("tender")
        assert latest.info.version == 3 and latest.info.is_merge and latest.info.base == 1
        assert latest.scenario.metadata.title == "My title" and latest.scenario.metadata.notes == "their notes"
    assert app.session_state["library_entry"] == ("tender", 3)  # the merged version is what is open


def test_a_conflict_is_shown_side_by_side_and_saved_only_with_a_choice(app, _library):
    _saved_first(app)
    _other_saves(_library, lambda d: d["metadata"].update(title="Their title"))
    _retitle(app, "My title")
    _ok(_button(app, "保存新版本").click().run())
    assert any("无法直接保存" in e.value for e in app.error)
    with Store(_library) as store:
        assert store.read("tender").info.version == 2  # nothing saved silently
    assert "metadata.title" in [c.value for c in app.code]
    texts = " ".join(str(m.value) for m in app.markdown)
    assert "My title" in texts and "Their title" in texts
    # saving without a choice is refused
    _ok(_button(app, "按所选保存").click().run())
    assert any("请为每一处冲突选择" in w.value for w in app.warning)
    with Store(_library) as store:
        assert store.read("tender").info.version == 2
    app.radio(key=K("conflict|2|0")).set_value("mine")
    _ok(_button(app, "按所选保存").click().run())
    with Store(_library) as store:
        latest = store.read("tender")
        assert latest.info.version == 3 and latest.scenario.metadata.title == "My title"


def test_choosing_theirs_keeps_their_value_and_my_other_changes(app, _library):
    _saved_first(app)
    _other_saves(_library, lambda d: d["metadata"].update(title="Their title"))
    app.text_input(key=K("title")).input("My title")
    _ok(_button(app, "应用标题").click().run())
    _ok(_button(app, "保存新版本").click().run())
    app.radio(key=K("conflict|2|0")).set_value("theirs")
    _ok(_button(app, "按所选保存").click().run())
    with Store(_library) as store:
        assert store.read("tender").scenario.metadata.title == "Their title"


def test_leaving_unsaved_work_asks_first(app):
    _ok(app.run())
    _retitle(app, "Unsaved work")
    _ok(_button(app, "打开示例方案").click().run())
    assert any("未保存的修改" in w.value for w in app.warning)
    assert app.session_state["scenario"].metadata.title == "Unsaved work"
    _ok(_button(app, "留在当前方案").click().run())
    assert app.session_state["scenario"].metadata.title == "Unsaved work"
    _ok(_button(app, "打开示例方案").click().run())
    _ok(_button(app, "放弃修改并继续").click().run())
    assert app.session_state["scenario"] == load_scenario(example_path(), lint=False)


def test_a_reload_reopens_the_unsaved_draft_never_the_example():
    first = _new()
    _ok(first.run())
    _retitle(first, "Draft kept on the server")
    again = _new()
    _ok(again.run())
    assert again.session_state["scenario"].metadata.title == "Draft kept on the server"
    assert any("未保存" in w.value for w in again.sidebar.warning)
    other = _new("another-browser-0123456789")
    _ok(other.run())
    assert other.session_state["scenario"].metadata.title != "Draft kept on the server"


def test_a_reload_reopens_the_library_version_that_was_open(_library):
    first = _new()
    _saved_first(first)
    _retitle(first, "v2 title")
    _ok(_button(first, "保存新版本").click().run())
    again = _new()
    _ok(again.run())
    assert again.session_state["library_entry"] == ("tender", 2)
    assert again.session_state["scenario"].metadata.title == "v2 title"
    assert not any("未保存" in w.value for w in again.sidebar.warning)


def test_the_browser_id_is_put_in_the_url(app):
    _ok(app.run())
    assert len(app.query_params["d"][0] if isinstance(app.query_params["d"], list) else app.query_params["d"]) >= 16


def test_every_app_text_is_in_the_catalogue_in_both_languages():
    import re

    from mcda.committee import PHASES, ROLES
    from mcda.text import catalogue
    from mcda.text.app_store import ENTRIES

    used = set()
    for path in (ROOT / "mcda" / "ui").rglob("*.py"):
        used |= set(re.findall(r'"(app\.[a-z_.]+[a-z_])"', path.read_text(encoding="utf-8")))
    used |= {f"app.phase.{p}" for p in PHASES} | {f"app.role.{r}" for r in ROLES}
    used |= {f"app.cr.{c}" for c in ("ok", "high", "incomplete", "not_checkable")}
    used |= {"app.conflict.take_mine", "app.conflict.take_theirs"}
    assert sorted(used - set(catalogue())) == []
    cjk = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
    for key, (zh, en) in ENTRIES.items():
        assert key.startswith("app.") and zh and en
        assert not re.search(cjk + r"[(),:;]|[(),:;]" + cjk, zh), (key, zh)
