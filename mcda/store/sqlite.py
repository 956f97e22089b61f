"""The library in one SQLite file: the default, embedded backend.

One connection per store, opened on first use. WAL journal, ``synchronous=FULL``;
every change is one ``BEGIN IMMEDIATE`` transaction, so writers take turns on the
whole file (version numbers are assigned atomically across processes) and a
process killed mid-change leaves the file as it was. A locked file is waited for
(``timeout`` seconds, polite retries), then :class:`~mcda.store.records.StoreBusyError`.

A file that cannot be written (no write permission on it or its folder) is
opened read-only (``mode=ro``, or ``immutable=1`` when SQLite cannot even set up
its shared-memory index there): reading works, changes raise
:class:`~mcda.store.records.ReadOnlyError`.
"""
from __future__ import annotations

import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from mcda.errors import MCDAError
from mcda.store.backend import Tx, utc_iso
from mcda.store.migrations import APPLICATION_ID, STORE_FORMAT, check_format, upgrade
from mcda.store.records import ReadOnlyError, StoreBusyError

__all__ = ["SQLiteBackend"]

_SQLITE_MAGIC = b"SQLite format 3\x00"
T = TypeVar("T")


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _cannot_write(p: Path) -> str | None:
    """Why the library file ``p`` (which exists) can only be read, or None if it can be written."""
    def writable(q: Path) -> bool:
        return os.access(q, os.W_OK) and bool(q.stat().st_mode & 0o222)

    if not writable(p):
        return "the file is read-only"
    if not writable(p.parent):
        return f"its folder {p.parent} is read-only"
    return None


class SQLiteBackend:
    """The library in the SQLite file ``path`` (see the module docstring)."""

    kind = "sqlite"

    def __init__(self, path: Path, timeout: float):
        self.path, self.timeout, self.location = path, float(timeout), str(path)
        self._conn: sqlite3.Connection | None = None
        self._closed = False
        self._why_read_only: str | None = None
        self._lock = threading.RLock()

    @property
    def read_only(self) -> bool:
        with self._lock:
            if self._conn is None:
                try:
                    return self.path.is_file() and _cannot_write(self.path) is not None
                except OSError:  # cannot even look at it: the first operation says why
                    return False
            return self._why_read_only is not None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
            self._conn, self._closed = None, True

    # ----------------------------------------------------------------------- connection
    def _retry(self, fn: Callable[[], T]) -> T:
        """Call ``fn`` until SQLite stops answering "busy" (its busy handler waits too), up to the timeout."""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(random.uniform(0.01, 0.05))

    def _open(self, read_only: bool) -> sqlite3.Connection:
        args = {"timeout": self.timeout, "isolation_level": None, "check_same_thread": False}
        if not read_only:
            return sqlite3.connect(self.path, **args)
        uri = "file:" + quote(str(self.path))
        conn = sqlite3.connect(uri + "?mode=ro", uri=True, **args)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:  # a WAL file whose shared-memory index cannot be created in a read-only folder
            conn.close()
            return sqlite3.connect(uri + "?immutable=1", uri=True, **args)

    def _connect(self) -> sqlite3.Connection:
        p = self.path
        try:
            if p.is_dir():
                raise MCDAError(f"{p} is a folder; give the path of the library file (e.g. {p / 'library.sqlite3'})")
            if p.exists() and not p.is_file():
                raise MCDAError(f"{p} is not a regular file (a device or pipe); give the path of the library file")
            head = b""
            if p.exists():
                self._why_read_only = _cannot_write(p)
                with open(p, "rb") as fh:
                    head = fh.read(16)
            else:
                p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise MCDAError(f"{p}: cannot open the scenario library ({exc.strerror})") from None
        if head and head != _SQLITE_MAGIC:
            raise MCDAError(f"{p} is not a scenario library: it is not an SQLite database (nothing was changed)")
        conn = self._open(self._why_read_only is not None)
        try:
            self._prepare(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _format(self, conn: sqlite3.Connection) -> int:
        """The library's format, read in one snapshot (0: a new, empty file); refuses other files and newer formats."""
        app_id, fmt = (conn.execute(f"PRAGMA {k}").fetchone()[0] for k in ("application_id", "user_version"))
        if app_id != APPLICATION_ID:
            if app_id != 0 or conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise MCDAError(f"{self.path} is an SQLite database, but not a vendor-eval scenario library "
                                "(nothing was changed)")
            return 0
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'mcda_meta'").fetchone():
            row = conn.execute("SELECT value FROM mcda_meta WHERE key = 'schema_version'").fetchone()
            if row is not None and str(row[0]).isdigit():
                fmt = max(fmt, int(row[0]))
        return check_format(fmt, str(self.path))

    def _prepare(self, conn: sqlite3.Connection) -> None:
        with self._transaction(conn, write=False):
            found = self._format(conn)
        if self._why_read_only is not None:
            if found < STORE_FORMAT:
                raise ReadOnlyError(
                    f"{self.path} is a scenario library in format {found}, and {self._why_read_only}, so it cannot be "
                    f"upgraded to format {STORE_FORMAT}; open it once where it can be written (or copy it), then it "
                    "reads anywhere (nothing was changed)")
            return
        self._retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if found < STORE_FORMAT:
            with self._transaction(conn):
                upgrade(self._tx(conn), self.kind, self._format(conn))  # again: another process may have upgraded it

    @contextmanager
    def _transaction(self, conn: sqlite3.Connection, write: bool = True) -> Iterator[sqlite3.Connection]:
        self._retry(lambda: conn.execute("BEGIN IMMEDIATE" if write else "BEGIN"))
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise

    @staticmethod
    def _tx(conn: sqlite3.Connection) -> Tx:
        return Tx(conn, placeholder="?", lock="", blob="CAST({} AS BLOB)", now=utc_iso)

    # ----------------------------------------------------------------------- one action
    def run(self, doing: str, fn: Callable[[Tx], T], *, write: bool = False) -> T:
        """``fn(tx)`` in one transaction; SQLite errors become :class:`MCDAError` naming the file."""
        with self._lock:
            if self._closed:
                raise MCDAError(f"the scenario library {self.path} is closed")
            try:
                if self._conn is None:
                    self._conn = self._connect()
                if write and self._why_read_only is not None:
                    raise ReadOnlyError(f"the scenario library {self.path} is read-only ({self._why_read_only}); "
                                        f"cannot {doing}, nothing was changed")
                with self._transaction(self._conn, write) as conn:
                    return fn(self._tx(conn))
            except sqlite3.OperationalError as exc:
                if _is_busy(exc):
                    raise StoreBusyError(f"the scenario library {self.path} is busy: another program kept it locked "
                                         f"for over {self.timeout:g} s; could not {doing}, nothing was changed; "
                                         "try again") from None
                if "readonly" in str(exc).lower() or "read-only" in str(exc).lower():
                    raise ReadOnlyError(f"the scenario library {self.path} is read-only ({exc}); cannot {doing}, "
                                        "nothing was changed") from None
                raise MCDAError(f"{self.path}: cannot {doing}: {exc}") from None
            except sqlite3.IntegrityError as exc:  # a guard of the schema (e.g. an append-only trigger) refused it
                raise MCDAError(f"{self.path}: cannot {doing}: {exc} (nothing was changed)") from None
            except sqlite3.DatabaseError as exc:
                msg = "it is not an SQLite database" if "not a database" in str(exc) else f"the file is damaged ({exc})"
                raise MCDAError(f"{self.path}: cannot {doing}: {msg}") from None
