"""AppTest: the committee workflow in the app (issue 14, app side) and its security.

A small tender (tests/committee/conftest.py's scenario) in the test's library; each person opens the
app with their own ``?t=`` link. Checked: a link that is not valid gets one page in the reader's
language and nothing else; pages follow the permission table; a member sees and edits only their
own inputs, in every page and whatever query parameters are added; an observer never sees
individual inputs; in review a change needs a comment; the moderator moves phases, sees the
progress board, reissues and revokes links and signs off; the token never shows in any page text.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from mcda.committee import Tender
from mcda.store import Store

ROOT = Path(__file__).resolve().parents[2]
NAME = "招标 2027"
PAGES = ROOT / "mcda" / "ui" / "pages"


def _small():
    spec = importlib.util.spec_from_file_location("committee_conftest", ROOT / "tests" / "committee" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.small_scenario()


def K(parts: str, lang: str = "zh") -> str:
    return f"w:{lang}|{parts}"


def _ok(at):
    assert not at.exception, [e.value for e in at.exception]
    return at


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def _token(url: str) -> str:
    return parse_qs(urlsplit(url).query)["t"][0]


@pytest.fixture
def tender(_library):
    with Store(_library, actor="secretary") as store:
        store.save(_small(), NAME, "set-up")
        links = Tender(store, NAME).invite("http://localhost:8501/", observers=["auditor"])
    tokens = {"moderator": _token(links.moderator), **{m: _token(u) for m, u in links.members.items()},
              "auditor": _token(links.observers["auditor"])}
    return tokens


def _phase(_library, tokens, phase: str) -> None:
    from mcda.committee.roles import PHASES

    with Store(_library) as store:
        t = Tender(store, NAME)
        mod = t.identify(tokens["moderator"])
        while t.phase != phase:
            nxt = PHASES[PHASES.index(t.phase) + 1]
            t.signoff(mod, "Huaxin wins") if nxt == "decision" else t.set_phase(mod, nxt)


def _open(token: str, **params):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["t"] = token
    for k, v in params.items():
        at.query_params[k] = v
    return at


def _all_text(at) -> str:
    """Every text the page shows (element values, labels, options, dataframes)."""
    out = []

    def walk(node):
        yield node
        for child in (getattr(node, "children", None) or {}).values():
            yield from walk(child)

    for el in walk(at._tree):
        if getattr(el, "type", "") == "arrow_data_frame":
            continue
        for attr in ("value", "label", "body", "options", "help", "placeholder"):
            v = getattr(el, attr, None)
            if v is not None:
                out.append(v.to_csv() if hasattr(v, "to_csv") else str(v))
    for df in at.dataframe:
        out.append(df.value.to_csv())
    return "\n".join(out)


def _page(name: str) -> str:
    return str(PAGES / f"{name}.py")


# --------------------------------------------------------------------------- links that are not valid
@pytest.mark.parametrize("bad", ["nope", "x" * 43, ""])
def test_an_unknown_link_gets_one_clear_page_and_nothing_else(tender, bad):
    at = _ok(_open(bad).run())
    assert [t.value for t in at.title] == ["无法打开此链接"]
    assert "个人链接无效" in at.error[0].value
    assert not at.button and not at.metric and not at.dataframe and not at.sidebar.radio
    assert "scenario" not in at.session_state and "person" not in at.session_state


def test_a_revoked_link_gets_nothing(tender, _library):
    with Store(_library) as store:
        Tender(store, NAME).revoke("member", "cfo")
    at = _ok(_open(tender["cfo"]).run())
    assert [t.value for t in at.title] == ["无法打开此链接"] and "撤销" in at.error[0].value
    assert not at.button and not at.dataframe and "scenario" not in at.session_state


def test_the_refusal_is_in_the_readers_language_and_never_shows_the_token(tender):
    token = "A" * 43
    at = _ok(_open(token).run())
    assert token not in _all_text(at)


# --------------------------------------------------------------------------- a member
def test_a_member_sees_only_their_own_part_in_every_page(tender, _library):
    _phase(_library, tender, "individual")
    at = _ok(_open(tender["cfo"], member="fin_mgr", m="it_sec").run())
    assert [m.id for m in at.session_state["scenario"].members] == ["cfo"]
    assert set(at.session_state["scenario"].scores) == {"cfo"}
    for page in ("committee", "judgments", "scores"):
        _ok(at.switch_page(_page(page)).run())
        text = _all_text(at)
        assert "李娜" not in text and "陈伟" not in text and "fin_mgr" not in text and "it_sec" not in text, page
        assert tender["cfo"] not in text
    # no results, sensitivity, report, scenario or criteria page is registered for a member
    for page in ("results", "sensitivity", "report", "scenario", "criteria"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(_page(page))


def test_a_member_page_shows_no_ranking(tender, _library):
    _phase(_library, tender, "individual")
    at = _ok(_open(tender["cfo"]).run())
    _ok(at.switch_page(_page("judgments")).run())
    assert not any("当前排序" in c.value or "排序" in c.value for c in at.caption)


def test_a_member_saves_and_submits_only_their_own_part(tender, _library):
    _phase(_library, tender, "individual")
    at = _ok(_open(tender["fin_mgr"]).run())
    _ok(at.switch_page(_page("judgments")).run())
    key = K("pw|fin_mgr|goal|quality|cost")
    _ok(at.select_slider(key=key).set_value(5.0).run())
    _ok(at.switch_page(_page("committee")).run())
    _ok(_button(at, "保存我的输入").click().run())
    with Store(_library) as store:
        before, after = store.read(NAME, 1).scenario, store.read(NAME).scenario
    pair = next(p for p in after.judgments["fin_mgr"].nodes["goal"])
    assert pair.value in (5.0, 0.2)
    assert after.judgments["cfo"] == before.judgments["cfo"] and after.scores == before.scores
    _ok(_button(at, "提交我的部分").click().run())
    assert any("已提交" in s.value for s in at.success)
    _ok(at.switch_page(_page("judgments")).run())
    _ok(at.select_slider(key=key).set_value(3.0).run())
    assert any("已提交并锁定" in e.value for e in at.error)  # a locked part refuses edits


def test_in_review_a_change_needs_a_comment(tender, _library):
    _phase(_library, tender, "review")
    at = _ok(_open(tender["cfo"]).run())
    assert any("分布" in s.value for s in at.subheader)  # the spread shows in review
    text = _all_text(at)
    assert "李娜" not in text and "陈伟" not in text
    _ok(at.switch_page(_page("judgments")).run())
    _ok(at.select_slider(key=K("pw|cfo|goal|quality|cost")).set_value(1.0).run())
    _ok(at.switch_page(_page("committee")).run())
    _ok(_button(at, "保存我的输入").click().run())
    assert at.error  # refused without a comment
    with Store(_library) as store:
        assert store.read(NAME).info.version == 1
    at.text_input(key=K("own_comment")).input("after the discussion on cost")
    _ok(_button(at, "保存我的输入").click().run())
    with Store(_library) as store:
        record = Tender(store, NAME).record()
    assert any(e.kind == "change" and e.text == "after the discussion on cost" for e in record.entries)


# --------------------------------------------------------------------------- an observer
def test_an_observer_never_sees_individual_inputs_and_results_only_after_the_decision(tender, _library):
    at = _ok(_open(tender["auditor"]).run())
    assert not at.session_state["scenario"].members and not at.session_state["scenario"].scores
    assert any("决定签署后" in i.value for i in at.info)
    assert not at.dataframe
    for page in ("judgments", "scores", "results", "scenario"):
        with pytest.raises(ValueError):
            at.switch_page(_page(page))
    _phase(_library, tender, "decision")
    at = _ok(_open(tender["auditor"]).run())
    assert at.dataframe and "huaxin" in at.dataframe[-1].value.to_csv()
    text = _all_text(at)
    assert "王敏" not in text and "李娜" not in text and "cfo" not in text


# --------------------------------------------------------------------------- the moderator
def test_the_moderator_runs_the_workflow(tender, _library):
    at = _ok(_open(tender["moderator"]).run())
    assert at.session_state["person"].role == "moderator"
    _ok(_button(at, "进入：独立评审").click().run())
    assert any("阶段已改为" in s.value for s in at.success)
    board = at.dataframe[0].value
    assert len(board) == 3
    # links: reissued and shown once; old ones stop working
    _ok(_button(at, "发出 / 重新发出链接").click().run())
    assert len(at.code) >= 4, [e.value for e in at.error]
    old = _ok(_open(tender["cfo"]).run())
    assert [t.value for t in old.title] == ["无法打开此链接"]
    _ok(_button(at, "进入：集体评议").click().run())
    at.text_area(key=K("decision_note")).input("Huaxin: best on quality at a fair fee")
    _ok(_button(at, "签署决定").click().run())
    with Store(_library) as store:
        state = Tender(store, NAME).state()
    assert state.phase == "decision" and state.decision_note.startswith("Huaxin")
    assert any(b.label.startswith("下载最终报告") for b in at.get("download_button"))


def test_the_moderator_going_back_needs_a_reason(tender, _library):
    _phase(_library, tender, "individual")
    at = _ok(_open(tender["moderator"]).run())
    _ok(_button(at, "返回：准备").click().run())
    assert at.error
    at.text_input(key=K("phase_reason")).input("a vendor was missing")
    _ok(_button(at, "返回：准备").click().run())
    with Store(_library) as store:
        assert Tender(store, NAME).phase == "setup"


def test_the_moderator_cannot_edit_inputs_outside_setup(tender, _library):
    _phase(_library, tender, "individual")
    at = _ok(_open(tender["moderator"]).run())
    _ok(at.switch_page(_page("scenario")).run())
    at.text_input(key=K("title")).input("changed")
    _ok(_button(at, "应用标题").click().run())
    assert at.session_state["scenario"].metadata.title != "changed"


def test_another_members_browser_id_shows_nothing_of_theirs(tender, _library):
    _phase(_library, tender, "individual")
    a = _ok(_open(tender["cfo"], d="shared-browser-id-0123456789").run())
    _ok(a.switch_page(_page("judgments")).run())
    _ok(a.select_slider(key=K("pw|cfo|goal|quality|cost")).set_value(9.0).run())  # unsaved: kept as a draft
    b = _ok(_open(tender["fin_mgr"], d="shared-browser-id-0123456789").run())
    assert [m.id for m in b.session_state["scenario"].members] == ["fin_mgr"]
    assert "cfo" not in b.session_state["scenario"].judgments
    again = _ok(_open(tender["cfo"], d="shared-browser-id-0123456789").run())
    pair = again.session_state["scenario"].judgments["cfo"].nodes["goal"][0]
    assert pair.value in (9.0, 1 / 9)  # the member's own draft came back


def test_the_token_is_never_kept_in_session_state(tender, _library):
    for who in ("moderator", "cfo", "auditor"):
        at = _ok(_open(tender[who]).run())
        kept = repr(at._session_state.filtered_state)
        assert tender[who] not in kept and tender[who] not in _all_text(at)


# --------------------------------------------------------------------------- real browsers: the whole workflow
@pytest.mark.slow
def test_the_workflow_in_three_browsers(_library, tmp_path):
    """A moderator and two members in three browser contexts against one server: invite -> individual entry
    (no ranking, no other member) -> submit -> review -> a revision with a comment -> sign-off; the final
    report lists the consensus record."""
    from contextlib import ExitStack

    two = importlib.util.spec_from_file_location("two_servers", ROOT / "tests" / "ui" / "test_two_servers.py")
    helpers = importlib.util.module_from_spec(two)
    two.loader.exec_module(helpers)
    settle = helpers.browser._settle
    sync_playwright = helpers.needs_browser()
    with Store(str(_library), actor="secretary") as store:
        store.save(_small(), NAME, "set-up")
        first = Tender(store, NAME).invite("http://127.0.0.1/")
    with ExitStack() as stack:
        url = helpers.start_server(stack, str(_library), tmp_path, "one")
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=str(helpers.browser.CHROMIUM), args=helpers.browser.ARGS)
            try:
                def new_page():
                    return chromium.new_context(viewport={"width": 1400, "height": 1800},
                                                accept_downloads=True).new_page()

                def body(page) -> str:
                    return page.evaluate("document.body.innerText")

                mod = new_page()
                mod.goto(f"{url}?t={_token(first.moderator)}")
                settle(mod)
                assert "评审委员会" in mod.locator("h1").first.inner_text()
                # invite: the links are shown once, for the app's own address
                mod.get_by_role("tab", name="个人链接").click()
                field = mod.get_by_role("textbox", name="应用地址")
                field.fill(url)
                field.press("Enter")
                settle(mod)
                mod.get_by_role("button", name="发出 / 重新发出链接").click()
                mod.get_by_text("这些链接只显示这一次").wait_for(timeout=60_000)
                settle(mod)
                links = [c for c in mod.locator('[data-testid="stCode"]').all_inner_texts() if "t=" in c]
                assert len(links) == 4 and all(link.strip().startswith(url) for link in links), body(mod)[:1500]
                cfo_link, fin_link = links[1].strip(), links[2].strip()
                mod.get_by_role("tab", name="阶段").click()
                mod.get_by_role("button", name="进入：独立评审").click()
                mod.get_by_text("阶段已改为").wait_for(timeout=60_000)
                settle(mod)
                # individual entry: each member their own scores, no ranking, no other member
                members = {}
                for member, link, value, other in (("cfo", cfo_link, "1", "李娜"), ("fin_mgr", fin_link, "2", "王敏")):
                    page = new_page()
                    page.goto(link)
                    settle(page)
                    helpers.go(page, "评分")
                    text = body(page)
                    assert other not in text and "排序" not in text
                    helpers.go(page, "两两比较")
                    text = body(page)
                    assert other not in text and "排序" not in text and "当前排名" not in text
                    helpers.go(page, "评分")
                    helpers.set_first_score(page, value)
                    helpers.go(page, "评审委员会")
                    page.get_by_role("button", name="提交我的部分").click()
                    settle(page)
                    page.get_by_text("您的部分已提交并锁定").wait_for(timeout=60_000)
                    members[member] = page
                # reveal
                mod.reload()
                settle(mod)
                mod.get_by_role("button", name="进入：集体评议").click()
                mod.get_by_text("阶段已改为").wait_for(timeout=60_000)
                settle(mod)
                # a revision with a comment
                cfo = members["cfo"]
                cfo.reload()
                settle(cfo)
                assert "各项判断与评分的分布" in body(cfo)
                helpers.go(cfo, "评分")
                helpers.set_first_score(cfo, "3")
                helpers.go(cfo, "评审委员会")
                comment = cfo.get_by_role("textbox", name="修改说明 *")
                comment.fill("after the discussion of the references")
                comment.press("Enter")
                settle(cfo)
                cfo.get_by_role("button", name="保存我的输入").click()
                settle(cfo)
                cfo.get_by_text("已保存（版本").wait_for(timeout=60_000)
                # sign-off
                mod.reload()
                settle(mod)
                note = mod.get_by_role("textbox", name="决定说明")
                note.fill("Huaxin: best on quality at a fair fee")
                mod.get_by_role("button", name="签署决定").click()
                settle(mod)
                mod.get_by_text("决定已签署").wait_for(timeout=60_000)
                with mod.expect_download(timeout=120_000) as got:
                    mod.get_by_role("button", name="下载最终报告（含共识记录）").click()
                report = Path(got.value.path()).read_text(encoding="utf-8")
                assert "共识记录" in report and "after the discussion of the references" in report
                assert "Huaxin: best on quality at a fair fee" in report
                for page in (mod, *members.values()):
                    assert page.locator('[data-testid="stException"]').count() == 0
                    assert not any(_token(link) in body(page) for link in links)
            finally:
                chromium.close()
    with Store(str(_library)) as store:
        t = Tender(store, NAME)
        assert t.phase == "decision"
        assert store.read(NAME).scenario.scores["cfo"]["huaxin"]["quality.expertise"] == 3.0


def test_without_a_link_a_tender_under_way_does_not_open_from_the_library(tender, _library):
    from streamlit.testing.v1 import AppTest

    _phase(_library, tender, "individual")
    at = _ok(AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run())
    assert [s.key for s in at.selectbox], [e.value for e in at.error]
    _ok(_button(at, "打开此版本").click().run())
    assert any("只能通过个人链接打开" in e.value for e in at.error)
    assert not at.session_state["scenario"].scores.get("fin_mgr", {}).get("zhongcai")  # the example stays open
