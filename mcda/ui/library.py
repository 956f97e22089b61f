"""The scenario library and file exports, for the pages (the Store honours env ``MCDA_STORE``).

Each call opens the library, does one thing and closes it, so the app never
holds the SQLite file between reruns. Results that take time (the redacted
copy, the diff of two versions) are cached by content digest.
"""
from __future__ import annotations

import hashlib

import streamlit as st

from mcda.engine.diff import ScenarioDiff, diff_scenarios
from mcda.errors import MCDAError
from mcda.export.share import export_json, redact
from mcda.scenario.schema import Scenario
from mcda.store import ScenarioInfo, Store, VersionInfo

__all__ = ["entries", "history", "open_version", "save", "restore", "redacted_json", "diff", "digest_of"]


def entries() -> list[ScenarioInfo]:
    with Store() as store:
        return store.list()


def history(name: str) -> list[VersionInfo]:
    with Store() as store:
        return store.history(name)


def open_version(name: str, version: int | None = None) -> tuple[Scenario, int]:
    """(scenario, version number) of ``name`` (the latest version if None)."""
    with Store() as store:
        stored = store.read(name, version)
    return stored.scenario, stored.info.version


def save(scenario: Scenario, name: str, message: str) -> VersionInfo:
    with Store() as store:
        return store.save(scenario, name, message)


def restore(name: str, version: int) -> VersionInfo:
    with Store() as store:
        return store.restore(name, version)


def digest_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@st.cache_data(show_spinner=False, max_entries=16)
def redacted_json(digest: str, _scenario: Scenario) -> tuple[str | None, str | None]:
    """(redacted JSON text, None) or (None, the engine's message)."""
    try:
        return export_json(redact(_scenario)), None
    except MCDAError as exc:
        return None, str(exc)


@st.cache_data(show_spinner=False, max_entries=16)
def diff(digest_a: str, digest_b: str, _a: Scenario, _b: Scenario) -> tuple[ScenarioDiff | None, str | None]:
    """(diff of a -> b, None) or (None, message); keyed by the two contents' digests."""
    try:
        return diff_scenarios(_a, _b), None
    except MCDAError as exc:
        return None, str(exc)
