"""Fixtures for the app tests: AppTest on app.py with a temporary scenario library."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _library(tmp_path, monkeypatch) -> Path:
    """Every test gets its own scenario library (the Store honours MCDA_STORE)."""
    path = tmp_path / "library.sqlite3"
    monkeypatch.setenv("MCDA_STORE", str(path))
    return path


@pytest.fixture
def app(monkeypatch):
    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    monkeypatch.chdir(ROOT)
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
