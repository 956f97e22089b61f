"""Which backend a library location needs (kept apart from :mod:`mcda.store.backend`, which the backends
import, so that no import cycle runs through it)."""
from __future__ import annotations

import os
from pathlib import Path

from mcda.store.backend import Backend
from mcda.store.records import is_server_url

__all__ = ["open_backend"]


def open_backend(location: str | os.PathLike, timeout: float) -> Backend:
    """The backend for a file path (SQLite) or a ``postgresql://`` / ``postgres://`` URL; nothing is opened yet."""
    if is_server_url(location):
        from mcda.store.postgres import PostgresBackend

        return PostgresBackend(str(location).strip(), timeout)
    from mcda.store.sqlite import SQLiteBackend

    return SQLiteBackend(Path(location).expanduser().absolute(), timeout)
