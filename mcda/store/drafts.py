"""Server-side drafts of the app (format 4, table ``app_drafts``): unsaved work kept per browser.

A draft is one JSON text under a key the app derives from a per-browser id (the ``d`` query
parameter) and, in a tender, the signed-in person; saving it again replaces it. Drafts are
scratch space, not history: they are neither versioned nor audited, and a read-only library
keeps none (:func:`put` does nothing there).
"""
from __future__ import annotations

import re

from mcda.errors import MCDAError

__all__ = ["SQLITE_4", "POSTGRES_4", "put", "get", "drop", "check_key"]

_KEY = re.compile(r"^[A-Za-z0-9_-]{16,128}$")
MAX_DRAFT = 20_000_000  # characters

_TABLE = """CREATE TABLE app_drafts (
    draft_key TEXT PRIMARY KEY,
    saved_at  TEXT NOT NULL,
    body      TEXT NOT NULL
)"""

SQLITE_4 = (_TABLE,
            "INSERT INTO mcda_meta (key, value) VALUES ('schema_version', '4') "
            "ON CONFLICT (key) DO UPDATE SET value = '4'",
            "PRAGMA user_version = 4")
POSTGRES_4 = (_TABLE,
              "INSERT INTO mcda_meta (key, value) VALUES ('schema_version', '4') "
              "ON CONFLICT (key) DO UPDATE SET value = '4'")


def check_key(key: object) -> str:
    if not isinstance(key, str) or not _KEY.match(key):
        raise MCDAError("a draft key is 16-128 letters, digits, '-' or '_'")
    return key


def put(store, key: str, body: str) -> bool:
    """Keep ``body`` under ``key`` (replacing an older draft); False on a read-only library."""
    check_key(key)
    if len(body) > MAX_DRAFT:
        raise MCDAError("the draft is too large to keep")
    if store.read_only:
        return False

    def write(tx) -> bool:
        tx.run("INSERT INTO app_drafts (draft_key, saved_at, body) VALUES (?, ?, ?) ON CONFLICT (draft_key) "
               "DO UPDATE SET saved_at = excluded.saved_at, body = excluded.body", (key, tx.now(), body))
        return True

    return store._db.run("keep a draft", write, write=True)


def get(store, key: str) -> str | None:
    """The draft kept under ``key``, if any."""
    check_key(key)
    row = store._db.run("read a draft", lambda tx: tx.one("SELECT body FROM app_drafts WHERE draft_key = ?", (key,)))
    return None if row is None else row[0]


def drop(store, key: str) -> None:
    """Forget the draft under ``key`` (nothing if there is none or the library is read-only)."""
    check_key(key)
    if not store.read_only:
        store._db.run("forget a draft", lambda tx: tx.run("DELETE FROM app_drafts WHERE draft_key = ?", (key,)),
                      write=True)
