"""The one owner of ``st.session_state``: every page reads and writes through here.

Session state holds the scenario being worked on and the interface language;
it is not persistence (the scenario library is).
"""
from __future__ import annotations

import streamlit as st

from mcda.errors import MCDAError
from mcda.files import load_scenario, parse_json, parse_scenario
from mcda.resources import example_path
from mcda.schema import Scenario
from mcda.ui.i18n import label

__all__ = ["lang", "t", "scenario", "set_scenario", "source_label", "open_upload", "language_switch"]

_LANG, _SCENARIO, _SOURCE = "lang", "scenario", "scenario_source"


def lang() -> str:
    return st.session_state.get(_LANG, "zh")


def t(key: str) -> str:
    return label(key, lang())


def language_switch() -> None:
    choice = st.sidebar.radio(label("language", lang()), ["中文", "English"], index=0 if lang() == "zh" else 1, horizontal=True)
    st.session_state[_LANG] = "zh" if choice == "中文" else "en"


def scenario() -> Scenario:
    """The scenario being worked on; the bundled example on first use."""
    if _SCENARIO not in st.session_state:
        path = example_path()
        st.session_state[_SCENARIO] = load_scenario(path, lint=False)
        st.session_state[_SOURCE] = path.name
    return st.session_state[_SCENARIO]


def source_label() -> str:
    scenario()
    return st.session_state[_SOURCE]


def set_scenario(new: Scenario, source: str) -> None:
    st.session_state[_SCENARIO] = new
    st.session_state[_SOURCE] = source


def open_upload(name: str, data: bytes) -> str | None:
    """Open an uploaded file; return the error message (and keep the current scenario) if invalid."""
    try:
        set_scenario(parse_scenario(parse_json(data, name), name), name)
    except MCDAError as exc:
        return str(exc)
    return None
