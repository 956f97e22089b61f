"""Open the backend a library location names: a file path (SQLite) or a PostgreSQL URL."""
from __future__ import annotations

import os
from pathlib import Path

from mcda.store.backend import Backend
from mcda.store.records import is_server_url
from mcda.store.sqlite import SQLiteBackend

__all__ = ["open_backend"]


def open_backend(location: str | os.PathLike, timeout: float) -> Backend:
    """The backend for a file path (SQLite) or a ``postgresql://`` / ``postgres://`` URL; nothing is opened yet."""
    if is_server_url(location):
        from mcda.store.postgres import PostgresBackend  # psycopg is imported only for a server

        return PostgresBackend(str(location).strip(), timeout)
    return SQLiteBackend(Path(location).expanduser().absolute(), timeout)
