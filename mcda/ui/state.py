"""The one owner of ``st.session_state``: every page reads and writes through here.

Session state holds the scenario being worked on (with its content digest,
the cache key of every engine call), the interface language, the what-if
weights of the Sensitivity page, messages to show after a callback, and the
widget keys (all made by :func:`key`). It is not persistence: the scenario
library is (Scenario page, "save").
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from mcda.errors import MCDAError
from mcda.scenario.bundled import example_path
from mcda.scenario.io import dumps, load_scenario, parse_json, parse_scenario
from mcda.scenario.schema import Scenario
from mcda.text import text as catalogue_text
from mcda.text.ui import label

__all__ = [
    "apply",
    "clear_whatif",
    "digest",
    "edit_callback",
    "ensure",
    "flash",
    "key",
    "lang",
    "language_switch",
    "library_entry",
    "mark_saved",
    "memo",
    "open_bytes",
    "open_text",
    "pick",
    "pop_flashes",
    "result",
    "revision",
    "scenario",
    "set_result",
    "set_scenario",
    "set_value",
    "set_whatif_local",
    "source_label",
    "sync",
    "t",
    "translator",
    "unsaved",
    "value",
    "whatif_local",
]

_LANG, _LANG_WIDGET = "lang", "w:lang"
_SCENARIO, _SOURCE, _DIGEST, _REV = "scenario", "scenario_source", "scenario_digest", "scenario_rev"
_SAVED, _LIBRARY = "saved_digest", "library_entry"
_FLASH, _WHATIF, _RESULTS, _MEMO, _SYNCED, _CHOICES = "flash", "whatif", "results", "memo", "synced", "choices"
_LANGS = {"中文": "zh", "English": "en"}


# --------------------------------------------------------------------------- language
def lang() -> str:
    return st.session_state.get(_LANG, "zh")


def _label(name: str, lang_: str) -> str:
    """A label of :mod:`mcda.text.ui`, or an ``app.`` entry of the catalogue (:mod:`mcda.text.app_store`)."""
    return catalogue_text(name, lang_) if name.startswith("app.") else label(name, lang_)


def t(name: str, /, **fmt: Any) -> str:
    """The interface label ``name`` in the current language, formatted with ``fmt``."""
    text = _label(name, lang())
    return text.format(**fmt) if fmt else text


def translator() -> Callable[..., str]:
    """:func:`t` with the language of this run fixed: safe in ``format_func`` and callbacks,
    which Streamlit (and AppTest) may call outside the run."""
    now = lang()

    def tr(name: str, /, **fmt: Any) -> str:
        text = _label(name, now)
        return text.format(**fmt) if fmt else text

    return tr


def language_switch() -> None:
    """The zh/en switch in the sidebar (its label stays bilingual so it never changes identity)."""
    choice = st.sidebar.radio(label("language", "zh"), list(_LANGS), index=0 if lang() == "zh" else 1,
                              horizontal=True, key=_LANG_WIDGET)
    st.session_state[_LANG] = _LANGS[choice]


# --------------------------------------------------------------------------- the scenario
def _digest_of(sc: Scenario) -> str:
    return hashlib.sha256(dumps(sc).encode("utf-8")).hexdigest()


def scenario() -> Scenario:
    """The scenario being worked on; the bundled example on first use."""
    if _SCENARIO not in st.session_state:
        path = example_path()
        set_scenario(load_scenario(path, lint=False), path.name, pristine=True)
    return st.session_state[_SCENARIO]


def digest() -> str:
    """sha256 of the scenario's canonical text: the cache key of every engine call."""
    scenario()
    return st.session_state[_DIGEST]


def revision() -> int:
    """Counts scenario changes; widget keys that show scenario data include it."""
    scenario()
    return st.session_state[_REV]


def source_label() -> str:
    scenario()
    return st.session_state[_SOURCE]


def set_scenario(new: Scenario, source: str | None = None, library: tuple[str, int] | None = None,
                 pristine: bool = False, digest_of_new: str | None = None) -> None:
    """Make ``new`` the scenario being worked on (what-if weights and results of the old one are dropped).

    ``source`` names where it came from (kept if None); ``library`` is the
    (name, version) it was opened from or saved as, if any; ``pristine`` marks
    a bundled file (the example), which needs no saving as it is.
    """
    st.session_state[_SCENARIO] = new
    if source is not None:
        st.session_state[_SOURCE] = source
    st.session_state.setdefault(_SOURCE, "")
    st.session_state[_DIGEST] = digest_of_new or _digest_of(new)
    st.session_state[_REV] = st.session_state.get(_REV, 0) + 1
    if library is not None:
        st.session_state[_LIBRARY] = library
        st.session_state[_SAVED] = st.session_state[_DIGEST]
    elif source is not None:
        st.session_state.pop(_LIBRARY, None)
        st.session_state.pop(_SAVED, None)
    if pristine:
        st.session_state[_SAVED] = st.session_state[_DIGEST]
    clear_whatif()


def open_bytes(name: str, data: bytes | str) -> str | None:
    """Open a scenario file's content; on an invalid file return the located message and keep the current one."""
    try:
        new = parse_scenario(parse_json(data, name), name)
    except MCDAError as exc:
        return exc.render(lang())
    set_scenario(new, name)
    return None


def open_text(text: str, name: str) -> str | None:
    """Open pasted JSON text (see :func:`open_bytes`)."""
    return open_bytes(name, text)


def library_entry() -> tuple[str, int] | None:
    """(name, version) of the library entry the scenario was opened from or last saved as."""
    return st.session_state.get(_LIBRARY)


def mark_saved(name: str, version: int) -> None:
    scenario()
    st.session_state[_LIBRARY] = (name, version)
    st.session_state[_SAVED] = st.session_state[_DIGEST]


def restore_entry(entry: tuple[str, int], saved: str | None) -> None:
    """After reopening a kept draft: the library entry it was edited from and the digest saved there."""
    st.session_state[_LIBRARY] = entry
    if saved:
        st.session_state[_SAVED] = saved


def saved_digest() -> str | None:
    return st.session_state.get(_SAVED)


def unsaved() -> bool:
    """True when the scenario differs from what was last opened from or saved to the library / the example."""
    return st.session_state.get(_SAVED) != digest()


# --------------------------------------------------------------------------- edits and messages
def apply(edit: Callable[..., Scenario], *args: Any) -> str | None:
    """Apply ``edit(scenario, *args)``; on an invalid result return its located message and change nothing.

    An edit that changes nothing (same content) is not a new revision. While the signed-in person may
    not edit (:func:`set_read_only`), every edit is refused with the reason.
    """
    if read_only():
        return read_only()
    try:
        new = edit(scenario(), *args)
    except MCDAError as exc:
        return exc.render(lang())
    new_digest = _digest_of(new)
    if new_digest != digest():
        set_scenario(new, digest_of_new=new_digest)
    return None


def edit_callback(edit: Callable[..., Scenario], *args: Any, done: str | None = None,
                  lead: str = "edit_refused") -> None:
    """A widget callback applying an edit; the outcome is shown on the next run (see :func:`pop_flashes`)."""
    error = apply(edit, *args)
    if error:
        flash("error", error, lead)
    elif done:
        flash("success", done)


def flash(kind: str, message: str, lead: str = "edit_refused") -> None:
    """Queue a message ("error", "warning", "success", "info") for the next run of the page;
    an error is shown under the label ``lead``."""
    st.session_state.setdefault(_FLASH, []).append((kind, message, lead))


def pop_flashes() -> list[tuple[str, str, str]]:
    return st.session_state.pop(_FLASH, [])


# --------------------------------------------------------------------------- widget keys
def key(*parts: Any) -> str:
    """The key of a widget: pages never spell session-state keys themselves.

    The key includes the interface language: a widget whose labels change with the
    language is a new widget in the other language. (Streamlit's browser side resets
    an index-based widget, such as a select_slider whose value came from session
    state, to its first option when its option labels change; the next interaction
    would then report that as the user's choice.)
    """
    return f"w:{lang()}|" + "|".join(map(str, parts))


def pick(widget: Callable[..., Any], label_: str, options: Sequence[Any], name: str, **kw: Any) -> Any:
    """A selection widget (selectbox, radio, segmented_control) whose choice is kept under ``name``
    across reruns, pages and languages (the widget itself is per language, see :func:`key`)."""
    options = list(options)
    choices = st.session_state.setdefault(_CHOICES, {})
    chosen = choices.get(name)
    if chosen not in options:
        chosen = options[0] if options else None
    if widget in (st.segmented_control, st.pills):
        got = widget(label_, options, default=chosen, required=True, key=key("pick", name), **kw)
    else:
        got = widget(label_, options, index=options.index(chosen) if options else None, key=key("pick", name), **kw)
    choices[name] = got
    return got


def value(widget_key: str, default: Any = None) -> Any:
    """The current value of a widget (for callbacks)."""
    return st.session_state.get(widget_key, default)


def set_value(widget_key: str, new: Any) -> None:
    """Set a widget's value; only from a callback or before the widget is drawn in this run."""
    st.session_state[widget_key] = new


def sync(group: str, values: dict[str, Any]) -> None:
    """Give widgets showing scenario data their values, before they are drawn.

    All of ``values`` are written when the scenario changed since ``group`` was last
    drawn (an edit, a repair hint, another scenario opened); otherwise only widgets
    without a value yet. Widget keys stay stable, so the browser never sees a
    widget replaced under the user's hand.
    """
    synced = st.session_state.setdefault(_SYNCED, {})
    group = f"{lang()}|{group}"
    stale = synced.get(group) != revision()
    for widget_key, v in values.items():
        if stale or widget_key not in st.session_state:
            st.session_state[widget_key] = v
    synced[group] = revision()


def ensure(widget_key: str, default: Any) -> None:
    """Give a widget its initial value through session state (so no ``value=`` argument is needed)."""
    if widget_key not in st.session_state:
        st.session_state[widget_key] = default


# --------------------------------------------------------------------------- what-if and long results
def whatif_local() -> dict[str, dict[str, float]] | None:
    """The what-if local weights ``{parent: {child: w}}`` for the current scenario, if any were set."""
    w = st.session_state.get(_WHATIF)
    if w is None or w[0] != digest():
        return None
    return w[1]


def set_whatif_local(overrides: dict[str, dict[str, float]]) -> None:
    st.session_state[_WHATIF] = (digest(), overrides)


def clear_whatif() -> None:
    st.session_state.pop(_WHATIF, None)


def memo(name: str, cache_key: str, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per session for ``cache_key`` (one entry per ``name``).

    Sits in front of the ``st.cache_data`` functions: their cache is shared by all
    sessions but hands out a fresh unpickled copy on every call (~20 ms for an
    evaluation); keeping this session's copy makes a rerun after a slider move cheap.
    """
    memos = st.session_state.setdefault(_MEMO, {})
    got = memos.get(name)
    if got is None or got[0] != cache_key:
        got = (cache_key, compute())
        memos[name] = got
    return got[1]


def result(name: str, params: str) -> Any:
    """A long computation's result kept for this scenario and these parameters (e.g. SMAA)."""
    got = st.session_state.get(_RESULTS, {}).get(name)
    if got is None or got[0] != (digest(), params):
        return None
    return got[1]


def set_result(name: str, params: str, value_: Any) -> None:
    st.session_state.setdefault(_RESULTS, {})[name] = ((digest(), params), value_)


# --------------------------------------------------------------------------- the signed-in person and drafts
_PERSON, _READ_ONLY, _KEPT = "person", "read_only", "kept"


def fresh() -> bool:
    """True until a scenario is opened in this session (the first run after a browser load)."""
    return _SCENARIO not in st.session_state


def set_person(person: Any) -> None:
    """The signed-in person of a tender (an identity and its view, :mod:`mcda.ui.identity`; never a token)."""
    if person is None:
        st.session_state.pop(_PERSON, None)
    else:
        st.session_state[_PERSON] = person


def person() -> Any:
    return st.session_state.get(_PERSON)


def set_read_only(reason: str | None) -> None:
    """Refuse every edit with ``reason`` (None: edits allowed)."""
    st.session_state[_READ_ONLY] = reason


def read_only() -> str | None:
    return st.session_state.get(_READ_ONLY)


def shows_ranking() -> bool:
    """Whether pages may show a ranking beside the inputs (not to a tender's members and observers)."""
    who = person()
    return who is None or who.role == "moderator"


def kept(name: str) -> Any:
    """App bookkeeping kept across reruns (e.g. what was last written as a draft)."""
    return st.session_state.get(_KEPT, {}).get(name)


def keep(name: str, value_: Any) -> None:
    st.session_state.setdefault(_KEPT, {})[name] = value_
