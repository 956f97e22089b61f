"""Real browsers against two app servers over one PostgreSQL (issue 13 item 6, issue 14 item 7).

Two ``streamlit run`` processes on two free ports share one PostgreSQL library (the throwaway
cluster of tests/store/pg_cluster.py, or ``MCDA_TEST_PG_URL``); two browser contexts, the members
``cfo`` (server 1) and ``fin_mgr`` (server 2) with their personal links, each change one of their
own scores and save at once: both edits are in the latest version, nothing else changed.
Without chromium, Playwright or PostgreSQL the test skips with the reason, except under ``CI=true``.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from mcda.committee import Tender
from mcda.store import Store

ROOT = Path(__file__).resolve().parents[2]
NAME = "tender"


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


browser = _module(ROOT / "tests" / "ui" / "test_browser.py", "browser_helpers")


def _token(url: str) -> str:
    return parse_qs(urlsplit(url).query)["t"][0]


def needs_browser():
    if not browser.CHROMIUM.exists():
        browser._unavailable(f"{browser.CHROMIUM} is not installed (apt install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser._unavailable("the playwright Python package is not installed (pip install -e '.[test]')")
    return sync_playwright


def start_server(stack: ExitStack, store: str, tmp_path: Path, label: str) -> str:
    """``streamlit run app.py`` on a free port over ``store``; its URL (stopped when ``stack`` closes)."""
    port = browser._free_port()
    url = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, MCDA_STORE=store, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    streamlit = shutil.which("streamlit", path=str(Path(sys.executable).parent)) or "streamlit"
    log = stack.enter_context(open(tmp_path / f"streamlit-{label}.log", "wb"))
    proc = subprocess.Popen([streamlit, "run", "app.py", "--server.headless", "true", "--server.port", str(port),
                             "--server.address", "127.0.0.1"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)

    def stop():
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    stack.callback(stop)
    browser._wait_healthy(url, proc)
    return url


def set_first_score(page, value: str) -> None:
    """On the Scores page: type ``value`` into the first vendor's first sub-criterion cell (again if the grid
    was not ready), until the sidebar says there are unsaved changes."""
    for attempt in range(3):
        grid = page.locator('[data-testid="stDataFrame"]').first
        grid.wait_for()
        page.wait_for_timeout(1000)
        box = grid.bounding_box()
        page.mouse.click(box["x"] + box["width"] * 0.45, box["y"] + 35 + 17)  # select the cell
        page.wait_for_timeout(400)
        page.keyboard.type(value)  # typing on a selected cell opens its editor with the text
        page.wait_for_timeout(400)
        page.keyboard.press("Enter")
        try:
            page.get_by_text("有未保存到方案库的修改").wait_for(timeout=20_000)  # the edit reached the server
            break
        except Exception:
            if attempt == 2:
                raise
    browser._settle(page)


def go(page, link: str) -> None:
    page.get_by_role("link", name=link).click()
    page.wait_for_timeout(1200)
    browser._settle(page)


def small_tender(location: str) -> dict[str, str]:
    """The small tender of tests/committee in ``location``, in the individual phase: the tokens."""
    small = _module(ROOT / "tests" / "committee" / "conftest.py", "committee_conftest").small_scenario()
    with Store(location, actor="secretary") as store:
        store.save(small, NAME, "set-up")
        tender = Tender(store, NAME)
        links = tender.invite("http://127.0.0.1/", observers=["auditor"])
        tokens = {"moderator": _token(links.moderator), **{m: _token(u) for m, u in links.members.items()},
                  "auditor": _token(links.observers["auditor"])}
        tender.set_phase(tender.identify(tokens["moderator"]), "individual")
    return tokens


@pytest.mark.slow
def test_two_servers_two_members_save_at_once_over_one_postgresql(pg_url, tmp_path):
    sync_playwright = needs_browser()
    tokens = small_tender(pg_url)
    with ExitStack() as stack:
        one = start_server(stack, pg_url, tmp_path, "one")
        two = start_server(stack, pg_url, tmp_path, "two")
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=str(browser.CHROMIUM), args=browser.ARGS)
            try:
                pages = {}
                for member, url in (("cfo", one), ("fin_mgr", two)):
                    page = chromium.new_context(viewport={"width": 1400, "height": 1600}).new_page()
                    page.goto(f"{url}scores?t={tokens[member]}")
                    browser._settle(page)
                    assert page.locator("h1").first.inner_text().strip() == "评分"
                    set_first_score(page, "1" if member == "cfo" else "2")
                    go(page, "评审委员会")
                    pages[member] = page
                for page in pages.values():  # both at once: the second click does not wait for the first save
                    page.get_by_role("button", name="保存我的输入").click(no_wait_after=True)
                for member, page in pages.items():
                    page.get_by_text("已保存（版本").wait_for(timeout=60_000)
                    assert page.locator('[data-testid="stException"]').count() == 0
                    page.screenshot(path=str(tmp_path / f"saved-{member}.png"), full_page=True)
            finally:
                chromium.close()
    with Store(pg_url) as store:
        first, latest = store.read(NAME, 1).scenario, store.read(NAME)
    assert latest.info.version == 3
    assert latest.scenario.scores["cfo"]["huaxin"]["quality.expertise"] == 1.0
    assert latest.scenario.scores["fin_mgr"]["huaxin"]["quality.expertise"] == 2.0
    assert latest.scenario.scores["it_sec"] == first.scores["it_sec"]
    assert latest.scenario.judgments == first.judgments
