"""The scenario library in one SQLite file (see :mod:`mcda.store` for the guarantees).

One connection per :class:`Store`, opened on first use; every operation is one
transaction (``BEGIN IMMEDIATE`` for changes, so version numbers are assigned
atomically across processes). SQLite errors never escape: they become
:class:`~mcda.errors.MCDAError` naming the library file.
"""
from __future__ import annotations

import difflib
import hashlib
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from pydantic_core import PydanticSerializationError

from mcda.errors import MCDAError
from mcda.scenario.io import MAX_FILE_BYTES, dumps, parse_json, parse_scenario
from mcda.scenario.schema import Scenario
from mcda.store.records import (
    ScenarioInfo,
    StoreBusyError,
    StoredVersion,
    UnchangedError,
    VersionInfo,
    check_message,
    check_name,
    default_store_path,
)

__all__ = ["STORE_FORMAT", "APPLICATION_ID", "Store"]

APPLICATION_ID = 0x76456C62  # PRAGMA application_id ("vElb"): marks the file as a vendor-eval library
STORE_FORMAT = 1  # PRAGMA user_version: the layout of the tables; a newer one is refused
_SQLITE_MAGIC = b"SQLite format 3\x00"

_TABLES = (
    """CREATE TABLE scenarios (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        deleted_at TEXT
    )""",
    """CREATE TABLE versions (
        scenario_id   INTEGER NOT NULL REFERENCES scenarios(id),
        version       INTEGER NOT NULL CHECK (version >= 1),
        saved_at      TEXT NOT NULL,
        message       TEXT NOT NULL,
        title         TEXT NOT NULL,
        sha256        TEXT NOT NULL,
        size          INTEGER NOT NULL,
        restored_from INTEGER,
        content       TEXT NOT NULL,
        PRIMARY KEY (scenario_id, version)
    )""",
    "CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions BEGIN SELECT RAISE(ABORT, 'scenario versions are append-only'); END",
    "CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions BEGIN SELECT RAISE(ABORT, 'scenario versions are append-only'); END",
    "CREATE TRIGGER scenarios_no_delete BEFORE DELETE ON scenarios BEGIN SELECT RAISE(ABORT, 'scenarios are deleted softly, never removed'); END",
    f"PRAGMA application_id = {APPLICATION_ID}",
    f"PRAGMA user_version = {STORE_FORMAT}",
)
_INFO = "v.version, v.saved_at, v.message, v.title, v.sha256, v.size, v.restored_from"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _canonical(scenario: object) -> tuple[str, bytes]:
    """The canonical text of a scenario, validated again (an object edited in memory may be invalid)."""
    if not isinstance(scenario, Scenario):
        raise MCDAError(f"only scenarios are saved in the library; expected a Scenario, found {type(scenario).__name__}")
    try:
        text = dumps(scenario)
    except (PydanticSerializationError, TypeError, ValueError) as exc:  # e.g. a field set to a wrong type in memory
        raise MCDAError(f"the scenario cannot be written as JSON ({exc}); nothing was saved") from None
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise MCDAError(f"the scenario contains text that is not valid Unicode (character {exc.start} of its JSON text); "
                        "nothing was saved") from None
    if len(raw) > MAX_FILE_BYTES:
        raise MCDAError(f"the scenario is {len(raw) / 1e6:.1f} MB as JSON; over {MAX_FILE_BYTES / 1e6:.0f} MB is refused "
                        "(it could not be opened again); nothing was saved")
    parse_scenario(parse_json(text, "the scenario to save"), "the scenario to save")
    return text, raw


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


T = TypeVar("T")


class Store:
    """The scenario library in the SQLite file ``path`` (default: :func:`default_store_path`).

    Nothing touches the disk until the first operation; then the parent folder
    and the library are created if missing. One instance may be shared by
    threads (its operations are serialised); use it as a context manager or
    call :meth:`close`.
    """

    def __init__(self, path: str | os.PathLike | None = None, *, timeout: float = 10.0):
        self.path = (Path(path).expanduser() if path is not None and str(path) else default_store_path()).absolute()
        self.timeout = float(timeout)
        self._conn: sqlite3.Connection | None = None
        self._closed = False
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

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

    def _connect(self) -> sqlite3.Connection:
        p = self.path
        if p.is_dir():
            raise MCDAError(f"{p} is a folder; give the path of the library file (e.g. {p / 'library.sqlite3'})")
        if p.exists() and not p.is_file():
            raise MCDAError(f"{p} is not a regular file (a device or pipe); give the path of the library file")
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            head = b""
            if p.exists():
                with open(p, "rb") as fh:
                    head = fh.read(16)
        except OSError as exc:
            raise MCDAError(f"{p}: cannot open the scenario library ({exc.strerror})") from None
        if head and head != _SQLITE_MAGIC:
            raise MCDAError(f"{p} is not a scenario library: it is not an SQLite database (nothing was changed)")
        conn = sqlite3.connect(p, timeout=self.timeout, isolation_level=None, check_same_thread=False)
        try:
            self._prepare(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _identity(self, conn: sqlite3.Connection) -> int:
        """Check what the file holds, in one snapshot; return its application id (0: a new, empty file)."""
        app_id, fmt = (conn.execute(f"PRAGMA {k}").fetchone()[0] for k in ("application_id", "user_version"))
        if app_id != APPLICATION_ID:
            if app_id != 0 or conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise MCDAError(f"{self.path} is an SQLite database, but not a vendor-eval scenario library (nothing was changed)")
        elif fmt > STORE_FORMAT:
            raise MCDAError(f"{self.path} is a scenario library in format {fmt}, written by a newer vendor-eval; "
                            f"this release reads format {STORE_FORMAT} (nothing was changed)")
        return app_id

    def _prepare(self, conn: sqlite3.Connection) -> None:
        with self._transaction(conn, write=False):
            app_id = self._identity(conn)
        self._retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if app_id != APPLICATION_ID:
            with self._transaction(conn):
                if self._identity(conn) != APPLICATION_ID:  # still new: nobody else created the tables meanwhile
                    for statement in _TABLES:
                        conn.execute(statement)

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

    @contextmanager
    def _session(self, doing: str, write: bool = False) -> Iterator[sqlite3.Connection]:
        """One transaction on the (lazily opened) connection; SQLite errors become MCDAError."""
        with self._lock:
            if self._closed:
                raise MCDAError(f"the scenario library {self.path} is closed")
            try:
                if self._conn is None:
                    self._conn = self._connect()
                with self._transaction(self._conn, write) as conn:
                    yield conn
            except sqlite3.OperationalError as exc:
                if _is_busy(exc):
                    raise StoreBusyError(f"the scenario library {self.path} is busy: another program kept it locked for over "
                                         f"{self.timeout:g} s; could not {doing}, nothing was changed; try again") from None
                raise MCDAError(f"{self.path}: cannot {doing}: {exc}") from None
            except sqlite3.DatabaseError as exc:
                msg = "it is not an SQLite database" if "not a database" in str(exc) else f"the file is damaged ({exc})"
                raise MCDAError(f"{self.path}: cannot {doing}: {msg}") from None

    # ----------------------------------------------------------------------- lookups
    def _scenario(self, conn: sqlite3.Connection, name: str, *, deleted_ok: bool = False) -> tuple[int, str | None]:
        row = conn.execute("SELECT id, deleted_at FROM scenarios WHERE name = ?", (name,)).fetchone()
        if row is None:
            live = [r[0] for r in conn.execute("SELECT name FROM scenarios WHERE deleted_at IS NULL ORDER BY name")]
            hidden = conn.execute("SELECT count(*) FROM scenarios WHERE deleted_at IS NOT NULL").fetchone()[0]
            close = difflib.get_close_matches(name, live, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            holds = ("it holds " + ", ".join(map(repr, live[:20])) + (f" and {len(live) - 20} more" if len(live) > 20 else "")
                     if live else "it holds no scenario")
            more = f" ({hidden} deleted one{'s' if hidden != 1 else ''} hidden)" if hidden else ""
            raise MCDAError(f"no scenario named {name!r} in the library {self.path}{hint}; {holds}{more}")
        if row[1] is not None and not deleted_ok:
            raise MCDAError(f"the scenario {name!r} was deleted at {row[1]}; undelete it first")
        return row[0], row[1]

    # ----------------------------------------------------------------------- reading
    def list(self, include_deleted: bool = False) -> list[ScenarioInfo]:
        """Every scenario (deleted ones only if asked), by name."""
        with self._session("list the scenarios") as conn:
            rows = conn.execute(
                "SELECT s.name, v.version, s.created_at, v.saved_at, v.title, s.deleted_at FROM scenarios s "
                "JOIN versions v ON v.scenario_id = s.id AND v.version = (SELECT max(version) FROM versions WHERE scenario_id = s.id) "
                "ORDER BY s.name").fetchall()
        return [ScenarioInfo(n, _whole(v, n), c, u, t, d is not None, d) for n, v, c, u, t, d in rows
                if include_deleted or d is None]

    def history(self, name: str) -> list[VersionInfo]:
        """Every version of ``name``, oldest first."""
        name = check_name(name)
        with self._session(f"read the history of {name!r}") as conn:
            sid, _ = self._scenario(conn, name)
            rows = conn.execute(f"SELECT {_INFO} FROM versions v WHERE scenario_id = ? ORDER BY version", (sid,)).fetchall()
        return [_version_info(name, r) for r in rows]

    def read(self, name: str, version: int | None = None) -> StoredVersion:
        """Version ``version`` of ``name`` (the latest if None), checksum verified and validated again."""
        name = check_name(name)
        if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
            raise MCDAError(f"a version is a whole number from 1, found {version!r}")
        with self._session(f"open {name!r}") as conn:
            sid, _ = self._scenario(conn, name)
            latest = conn.execute("SELECT max(version) FROM versions WHERE scenario_id = ?", (sid,)).fetchone()[0]
            wanted = latest if version is None else version
            row = conn.execute(f"SELECT {_INFO}, CAST(content AS BLOB) FROM versions v WHERE scenario_id = ? AND version = ?",
                               (sid, wanted)).fetchone()
        if row is None:
            has = "only version 1" if latest == 1 else f"versions 1..{latest}"
            raise MCDAError(f"{name!r} has {has}; there is no version {version}")
        info, raw = _version_info(name, row[:-1]), row[-1]
        what = f"version {info.version} of {name!r}"
        if not isinstance(raw, bytes) or hashlib.sha256(raw).hexdigest() != info.sha256:
            raise MCDAError(f"{what} is corrupted: its checksum does not match (the library {self.path} was changed outside "
                            "vendor-eval or damaged; other versions may still open)")
        if len(raw) != info.size:
            raise MCDAError(f"{what} is corrupted: its size does not match its record ({len(raw)} bytes, recorded {info.size})")
        text = raw.decode("utf-8")  # cannot fail: the checksum matches text that was encoded as UTF-8
        return StoredVersion(info, text, parse_scenario(parse_json(text, what), what))

    def open(self, name: str, version: int | None = None) -> Scenario:
        """The scenario saved as ``version`` of ``name`` (the latest if None); see :meth:`read`."""
        return self.read(name, version).scenario

    def open_text(self, name: str, version: int | None = None) -> str:
        """The canonical JSON text of a version (equal to ``dumps`` of the scenario); see :meth:`read`."""
        return self.read(name, version).text

    # ----------------------------------------------------------------------- writing
    def _append(self, name: str, text: str, raw: bytes, title: str, message: str,
                restored_from: int | None, allow_unchanged: bool) -> VersionInfo:
        sha = hashlib.sha256(raw).hexdigest()
        with self._session(f"save {name!r}", write=True) as conn:
            row = conn.execute("SELECT id, deleted_at FROM scenarios WHERE name = ?", (name,)).fetchone()
            if row is not None and row[1] is not None:
                raise MCDAError(f"the name {name!r} belongs to a scenario deleted at {row[1]}; "
                                "undelete it to add versions, or choose another name (nothing was saved)")
            now = _now()
            if row is None:
                sid, last = conn.execute("INSERT INTO scenarios (name, created_at) VALUES (?, ?)", (name, now)).lastrowid, None
            else:
                sid = row[0]
                last = conn.execute("SELECT version, sha256, saved_at FROM versions WHERE scenario_id = ? ORDER BY version DESC LIMIT 1",
                                    (sid,)).fetchone()
            if last is not None and last[1] == sha and not allow_unchanged:
                raise UnchangedError(f"{name!r} is unchanged: the scenario equals its latest version {last[0]} "
                                     f"(saved {last[2]}), so nothing was saved")
            info = VersionInfo(name, 1 if last is None else _whole(last[0], name) + 1, now, message, title, sha, len(raw),
                               restored_from)
            conn.execute("INSERT INTO versions (scenario_id, version, saved_at, message, title, sha256, size, restored_from, content) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (sid, info.version, now, message, title, sha, info.size, restored_from, text))
        return info

    def save(self, scenario: Scenario, name: str, message: str = "", *, allow_unchanged: bool = False) -> VersionInfo:
        """Add ``scenario`` as the next version of ``name`` (version 1 of a new name).

        Raises :class:`UnchangedError` if it equals the latest version, unless ``allow_unchanged``.
        """
        name, message = check_name(name), check_message(message)
        text, raw = _canonical(scenario)
        return self._append(name, text, raw, scenario.metadata.title, message, None, allow_unchanged)

    def restore(self, name: str, version: int, message: str | None = None) -> VersionInfo:
        """Add a new version of ``name`` whose content equals ``version`` (history is kept)."""
        old = self.read(name, version)
        note = check_message(message)
        message = f"restore of version {version}" + (f": {note}" if note else "")
        try:
            return self._append(old.info.name, old.text, old.text.encode("utf-8"), old.info.title, message, version, False)
        except UnchangedError:
            raise UnchangedError(f"the latest version of {old.info.name!r} already equals version {version}; nothing was restored") from None

    def rename(self, old: str, new: str) -> None:
        """Give the scenario ``old`` (and all its versions) the name ``new``."""
        old, new = check_name(old), check_name(new)
        with self._session(f"rename {old!r}", write=True) as conn:
            sid, _ = self._scenario(conn, old)
            if new == old:
                raise MCDAError(f"the scenario is already named {old!r}")
            taken = conn.execute("SELECT deleted_at FROM scenarios WHERE name = ?", (new,)).fetchone()
            if taken is not None:
                also = " (a deleted one: its name stays taken so that it can be undeleted)" if taken[0] else ""
                raise MCDAError(f"cannot rename {old!r}: a scenario named {new!r} already exists{also}")
            conn.execute("UPDATE scenarios SET name = ? WHERE id = ?", (new, sid))

    def delete(self, name: str) -> None:
        """Hide ``name`` and its versions; :meth:`undelete` brings them back."""
        name = check_name(name)
        with self._session(f"delete {name!r}", write=True) as conn:
            sid, _ = self._scenario(conn, name)
            conn.execute("UPDATE scenarios SET deleted_at = ? WHERE id = ?", (_now(), sid))

    def undelete(self, name: str) -> None:
        """Bring back a deleted scenario with all its versions."""
        name = check_name(name)
        with self._session(f"undelete {name!r}", write=True) as conn:
            sid, deleted_at = self._scenario(conn, name, deleted_ok=True)
            if deleted_at is None:
                raise MCDAError(f"the scenario {name!r} is not deleted")
            conn.execute("UPDATE scenarios SET deleted_at = NULL WHERE id = ?", (sid,))


def _whole(value, name: str) -> int:
    """A version number or size read back from the database; anything else means the file was damaged."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise MCDAError(f"the scenario library is damaged: {name!r} has a version record holding {value!r} "
                        "where a whole number belongs (changed outside vendor-eval); nothing was changed")
    return value


def _version_info(name: str, row) -> VersionInfo:
    version, saved_at, message, title, sha, size, restored_from = row
    _whole(version, name)
    _whole(size, name)
    if restored_from is not None:
        _whole(restored_from, name)
    if not all(isinstance(x, str) for x in (saved_at, message, title, sha)):
        raise MCDAError(f"the scenario library is damaged: version {version} of {name!r} has a text field of the "
                        "wrong type (changed outside vendor-eval); nothing was changed")
    return VersionInfo(name, version, saved_at, message, title, sha, size, restored_from)
