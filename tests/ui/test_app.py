"""AppTest smoke tests: every page renders the example scenario without an exception."""
from __future__ import annotations

from pathlib import Path

import pytest

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "mcda" / "ui" / "pages").glob("*.py") if p.name != "__init__.py")


@pytest.fixture
def app(monkeypatch) -> AppTest:
    monkeypatch.chdir(ROOT)
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)


def test_app_opens_the_example(app):
    app.run()
    assert not app.exception
    assert app.title[0].value == "财务外包服务商评估"
    assert [m.value for m in app.metric][:4] == ["19", "115", "3", "5"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_both_languages(app, page):
    app.run()
    for choice in ("中文", "English"):
        app.sidebar.radio[0].set_value(choice).run()
        app.switch_page(page).run()
        assert not app.exception, (page, choice, app.exception)
