"""The scenario library and file exports, for the pages (the Store honours env ``MCDA_STORE``).

Each call opens the library, does one thing and closes it, so the app never
holds the SQLite file between reruns. Results that take time (the redacted
copy, the diff of two versions) are cached by content digest.
"""
from __future__ import annotations

import hashlib
import json

import streamlit as st

from mcda.committee import Tender
from mcda.engine.diff import ScenarioDiff, diff_scenarios
from mcda.errors import MCDAError
from mcda.export.share import export_json, redact
from mcda.scenario.io import dumps, parse_scenario
from mcda.scenario.schema import Scenario
from mcda.store import ConflictError, ScenarioInfo, Store, VersionInfo
from mcda.store.merge import describe_value
from mcda.store.resolve import resolve
from mcda.ui import state

__all__ = ["entries", "history", "open_version", "save", "save_resolved", "restore", "redacted_json", "diff",
           "digest_of", "save_open", "conflict_panel", "leave", "leave_panel"]


def entries() -> list[ScenarioInfo]:
    with Store() as store:
        return store.list()


def history(name: str) -> list[VersionInfo]:
    with Store() as store:
        return store.history(name)


def open_version(name: str, version: int | None = None) -> tuple[Scenario, int]:
    """(scenario, version number) of ``name`` (the latest version if None).

    A tender past its set-up holds members' individual inputs: without a personal link (``?t=``)
    it is refused here, so the library page cannot show what the committee's links protect."""
    with Store() as store:
        if state.person() is None and Tender(store, name).state().phase != "setup":
            raise MCDAError(state.t("app.tender_needs_link", name=name))
        stored = store.read(name, version)
    return stored.scenario, stored.info.version


def save(scenario: Scenario, name: str, message: str, base: int | None = None,
         actor: str | None = None) -> VersionInfo:
    """Save as the next version of ``name``, started from version ``base`` (merged with newer versions part
    by part; :class:`~mcda.store.ConflictError` when the same part changed on both sides)."""
    with Store(actor=actor) as store:
        return store.save(scenario, name, message, base=base)


def save_resolved(scenario: Scenario, name: str, message: str, base: int, latest: int, choices: dict[str, str],
                  actor: str | None = None) -> VersionInfo:
    """Save ``scenario`` (edited from ``base``) merged into version ``latest`` with the user's choice for each
    conflicting part ({part: "mine" | "theirs"}); a conflict without a choice raises ConflictError again."""
    with Store(actor=actor) as store:
        old, theirs = store.read(name, base), store.read(name, latest)
        merged = resolve(json.loads(old.text), json.loads(dumps(scenario)), json.loads(theirs.text), choices)
        if merged.conflicts:
            newer = [v for v in store.history(name) if base < v.version <= latest]
            raise ConflictError(name, base, newer, merged.conflicts)
        chosen = parse_scenario(merged.data, f"{name} v{latest}")
        return store.save(chosen, name, message, base=latest)


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


# --------------------------------------------------------------------------- saving with a base, conflicts
def _actor() -> str | None:
    person = state.person()
    return person.who.actor if person is not None else None


def _opened_after_save(info: VersionInfo) -> None:
    """After a save: the saved (possibly merged) version is what is open."""
    if info.is_merge:
        merged, number = open_version(info.name, info.version)
        state.set_scenario(merged, f"{info.name} v{number}", library=(info.name, number))
        by = next((v.actor for v in history(info.name) if v.version == info.merged_with), "") or "?"
        state.flash("info", state.t("app.merged", version=info.merged_with, actor=by, new=info.version))
    else:
        state.mark_saved(info.name, info.version)
    state.flash("success", state.t("saved_version", name=info.name, version=info.version))


def save_open(name: str, message: str) -> None:
    """Save what is open as the next version of ``name``, from the version it was opened at (a callback)."""
    entry = state.library_entry()
    base = entry[1] if entry and entry[0] == name.strip() else None
    try:
        info = save(state.scenario(), name, message, base=base, actor=_actor())
    except ConflictError as exc:
        latest = exc.newer[-1].version if exc.newer else base
        rows = [(c.part, describe_value(c.base), describe_value(c.mine), describe_value(c.theirs))
                for c in exc.conflicts]
        by = ", ".join(sorted({v.actor or "?" for v in exc.newer}))
        state.keep("conflict", {"name": name, "base": base, "latest": latest, "rows": rows, "message": message,
                                "by": by, "problems": list(exc.problems)})
        return
    except MCDAError as exc:
        state.flash("error", str(exc), lead="save_failed")
        return
    state.keep("conflict", None)
    _opened_after_save(info)


def library_entry_saved(name: str) -> bool:
    """True when ``name`` is what is open, saved as it is (after :func:`save_open`)."""
    entry = state.library_entry()
    return bool(entry) and entry[0] == name.strip() and not state.unsaved()


def _save_choices() -> None:
    pending = state.kept("conflict")
    if not pending:
        return
    choices = {row[0]: state.value(state.key("conflict", pending["latest"], i))
               for i, row in enumerate(pending["rows"])}
    if any(v not in ("mine", "theirs") for v in choices.values()):
        state.flash("warning", state.t("app.conflict.choose_all"))
        return
    try:
        info = save_resolved(state.scenario(), pending["name"], pending["message"], pending["base"],
                             pending["latest"], choices, actor=_actor())
    except MCDAError as exc:
        state.flash("error", str(exc), lead="save_failed")
        state.keep("conflict", None)
        return
    state.keep("conflict", None)
    merged, number = open_version(info.name, info.version)
    state.set_scenario(merged, f"{info.name} v{number}", library=(info.name, number))
    state.flash("success", state.t("app.conflict.saved", version=info.version, n=len(choices)))


def conflict_panel() -> None:
    """The conflicts of the last save side by side (part, base, yours, theirs), a choice for each, then save."""
    pending = state.kept("conflict")
    if not pending:
        return
    t = state.t
    st.error(t("app.conflict.head", base=pending["base"], latest=pending["latest"], by=pending["by"]))
    if pending["problems"]:
        st.markdown("\n".join(f"- {p}" for p in pending["problems"]))
        st.button(t("app.conflict.dismiss"), on_click=state.keep, args=("conflict", None))
        return
    head = st.columns([3, 2, 2, 2, 2])
    for col, label_ in zip(head, ("app.conflict.part", "app.conflict.base", "app.conflict.yours",
                                  "app.conflict.theirs", "app.conflict.choice"), strict=True):
        col.markdown(f"**{t(label_)}**")
    tr = state.translator()
    for i, (part, b, m, th) in enumerate(pending["rows"]):
        cols = st.columns([3, 2, 2, 2, 2])
        cols[0].code(part, language=None)
        cols[1].write(b)
        cols[2].write(m)
        cols[3].write(th)
        cols[4].radio(t("app.conflict.choice"), ["mine", "theirs"], index=None,
                      key=state.key("conflict", pending["latest"], i),
                      format_func=lambda x: tr(f"app.conflict.take_{x}"), label_visibility="collapsed")
    c1, c2 = st.columns(2)
    c1.button(t("app.conflict.save"), type="primary", on_click=_save_choices, key=state.key("conflict_save"))
    c2.button(t("app.conflict.dismiss"), on_click=state.keep, args=("conflict", None), key=state.key("conflict_drop"))


# --------------------------------------------------------------------------- leaving unsaved work
def leave(action, *args) -> None:
    """Run ``action(*args)`` (open another scenario, new, the example) now if nothing is unsaved, else ask first
    (:func:`leave_panel`)."""
    if state.unsaved():
        state.keep("leave", (action, args))
    else:
        action(*args)


def _confirm_leave() -> None:
    pending = state.kept("leave")
    state.keep("leave", None)
    if pending:
        pending[0](*pending[1])


def leave_panel() -> None:
    """The question before unsaved work is left: discard it and go on, or stay."""
    if not state.kept("leave"):
        return
    t = state.t
    with st.container(border=True):
        st.warning(t("app.leave.ask"))
        c1, c2 = st.columns(2)
        c1.button(t("app.leave.discard"), on_click=_confirm_leave, key=state.key("leave_yes"), type="primary")
        c2.button(t("app.leave.stay"), on_click=state.keep, args=("leave", None), key=state.key("leave_no"))
