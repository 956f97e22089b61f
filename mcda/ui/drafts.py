"""What the user had open survives a browser reload: a per-browser id in the URL and a server-side draft.

The first run of a browser tab puts a random id in the ``d`` query parameter (kept by a reload).
After every run :func:`keep` writes to the library's draft table (:mod:`mcda.store.drafts`) what is
open: the library entry and version when it is saved as it is, else the unsaved scenario's text.
A reload then reopens it (:func:`restore`), never the example. In a tender the draft's key also
names the signed-in person, so a browser id handed to someone else shows them nothing.
"""
from __future__ import annotations

import hashlib
import json
import re
import secrets

import streamlit as st

from mcda.errors import MCDAError
from mcda.scenario.io import dumps, parse_scenario
from mcda.store import Store
from mcda.store import drafts as table
from mcda.ui import library, state

__all__ = ["browser_id", "draft_key", "restore", "keep", "forget"]

_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def browser_id() -> str:
    """This browser tab's id (the ``d`` query parameter), made on first use."""
    got = st.query_params.get("d")
    if not isinstance(got, str) or not _ID.match(got):
        got = state.kept("browser") or secrets.token_urlsafe(18)  # a page switch clears the query parameters
        st.query_params["d"] = got
    state.keep("browser", got)
    return got


def draft_key(who: str = "") -> str:
    """The draft table's key for this browser and the signed-in person (``who``: their actor name)."""
    return hashlib.sha256(f"{browser_id()}|{who}".encode()).hexdigest()[:64]


def _read(key: str) -> dict | None:
    try:
        with Store() as store:
            body = table.get(store, key)
        return None if body is None else json.loads(body)
    except (MCDAError, ValueError):
        return None


def restore(who: str = "", name: str | None = None) -> bool:
    """On a browser load, reopen what this browser had open (True if something was); in a tender only a
    draft of the tender ``name``."""
    kept = _read(draft_key(who))
    if not kept or (name is not None and (kept.get("library") or [None])[0] != name):
        return False
    entry = kept.get("library")
    try:
        if kept.get("text") is not None:
            sc = parse_scenario(json.loads(kept["text"]), kept.get("source") or "draft")
            state.set_scenario(sc, kept.get("source") or "")
            if entry:
                state.restore_entry((entry[0], int(entry[1])), kept.get("saved_digest"))
        elif entry:
            sc, number = library.open_version(entry[0], int(entry[1]))
            state.set_scenario(sc, f"{entry[0]} v{number}", library=(entry[0], number))
        else:
            return False
    except (MCDAError, ValueError, KeyError, TypeError):
        return False
    state.keep("draft", _body())
    return True


def _body() -> str:
    entry = state.library_entry()
    if entry and not state.unsaved():
        return json.dumps({"library": list(entry)})
    return json.dumps({"library": list(entry) if entry else None, "text": dumps(state.scenario()),
                       "source": state.source_label(), "saved_digest": state.saved_digest()})


def keep(who: str = "") -> None:
    """Write what is open to this browser's draft (only when it changed since last written)."""
    if state.fresh():
        return
    body = _body()
    if state.kept("draft") == body:
        return
    if state.source_label() and not state.unsaved() and not state.library_entry():
        body = ""  # the example as it is: nothing to keep
    try:
        with Store() as store:
            if body:
                table.put(store, draft_key(who), body)
            else:
                table.drop(store, draft_key(who))
    except MCDAError:
        return
    state.keep("draft", body)


def forget(who: str = "") -> None:
    try:
        with Store() as store:
            table.drop(store, draft_key(who))
    except MCDAError:
        pass
    state.keep("draft", None)
