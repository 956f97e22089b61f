"""The scenario library: :class:`Store`, the same on SQLite and PostgreSQL (see :mod:`mcda.store`).

Every action is one transaction of the backend (:mod:`~mcda.store.sqlite`,
:mod:`~mcda.store.postgres`) and adds its row to the audit log in that same
transaction. Saving with ``base`` (the version the edit started from) never loses
an update: newer versions are merged part by part (:mod:`~mcda.store.merge`) or the
save is refused with :class:`~mcda.store.records.ConflictError`.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import os

from mcda.errors import MCDAError, ScenarioError
from mcda.scenario.io import parse_json, parse_scenario
from mcda.scenario.schema import Scenario
from mcda.store import audit
from mcda.store.backend import Tx
from mcda.store.backends import open_backend
from mcda.store.content import canonical, version_info, whole
from mcda.store.merge import merge_scenarios
from mcda.store.records import (
    AuditEntry,
    ConflictError,
    ScenarioInfo,
    StoreBusyError,
    StoredVersion,
    UnchangedError,
    VersionInfo,
    check_actor,
    check_message,
    check_name,
    default_actor,
    default_store_location,
)

__all__ = ["Store"]

_INFO = "v.version, v.saved_at, v.message, v.title, v.sha256, v.size, v.restored_from, v.actor, v.base, v.merged_with"
_MERGE_TRIES = 20  # a save that keeps meeting newer versions gives up after this many merges


class _Moved(Exception):
    """Internal: the latest version is no longer the one the save expected (carries the latest number)."""

    def __init__(self, latest: int):
        super().__init__(latest)
        self.latest = latest


def _check_version(version: object, what: str = "a version") -> int:
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise MCDAError(f"{what} is a whole number from 1, found {version!r}")
    return version


class Store:
    """The scenario library at ``path``: an SQLite file, or a ``postgresql://`` URL.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A library file (created on first use with its folder) or a PostgreSQL URL
        ``postgresql://user:password@host:5432/database``. Default:
        :func:`~mcda.store.records.default_store_location` (env ``MCDA_STORE``).
    timeout : float
        Seconds to wait for a library another program keeps locked
        (then :class:`~mcda.store.records.StoreBusyError`), or to connect to a server.
    actor : str, optional
        Who acts, recorded with each version and audit entry. Default:
        :func:`~mcda.store.records.default_actor` (env ``MCDA_ACTOR``, else the OS user).

    Nothing is opened until the first operation. One instance may be shared by
    threads (its operations are serialised); use it as a context manager or call
    :meth:`close`. ``path`` is the library file (None for a server); ``location``
    names the library in messages (a server URL without its password).
    """

    def __init__(self, path: str | os.PathLike | None = None, *, timeout: float = 10.0, actor: str | None = None):
        where = path if path is not None and str(path) else default_store_location()
        self.timeout = float(timeout)
        self._db = open_backend(where, self.timeout)
        self.path, self.location, self.backend = self._db.path, self._db.location, self._db.kind
        self.actor = default_actor() if actor is None else check_actor(actor)

    def __repr__(self) -> str:
        return f"Store({self.location!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @property
    def read_only(self) -> bool:
        """True when the library can only be read (e.g. a file without write permission)."""
        return self._db.read_only

    # ----------------------------------------------------------------------- lookups
    def _scenario(self, tx: Tx, name: str, *, deleted_ok: bool = False, lock: bool = False) -> tuple[int, str | None]:
        row = tx.one(f"SELECT id, deleted_at FROM scenarios WHERE name = ?{tx.lock if lock else ''}", (name,))
        if row is None:
            live = [r[0] for r in tx.rows("SELECT name FROM scenarios WHERE deleted_at IS NULL ORDER BY name")]
            hidden = tx.one("SELECT count(*) FROM scenarios WHERE deleted_at IS NOT NULL")[0]
            close = difflib.get_close_matches(name, live, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            more_live = f" and {len(live) - 20} more" if len(live) > 20 else ""
            holds = "it holds " + ", ".join(map(repr, live[:20])) + more_live if live else "it holds no scenario"
            more = f" ({hidden} deleted one{'s' if hidden != 1 else ''} hidden)" if hidden else ""
            raise MCDAError(f"no scenario named {name!r} in the library {self.location}{hint}; {holds}{more}")
        if row[1] is not None and not deleted_ok:
            raise MCDAError(f"the scenario {name!r} was deleted at {row[1]}; undelete it first")
        return row[0], row[1]

    @staticmethod
    def _latest(tx: Tx, sid: int, name: str) -> int:
        return whole(tx.one("SELECT max(version) FROM versions WHERE scenario_id = ?", (sid,))[0], name)

    # ----------------------------------------------------------------------- reading
    def list(self, include_deleted: bool = False) -> list[ScenarioInfo]:
        """Every scenario (deleted ones only if asked), by name."""
        rows = self._db.run("list the scenarios", lambda tx: tx.rows(
            "SELECT s.name, v.version, s.created_at, v.saved_at, v.title, s.deleted_at FROM scenarios s "
            "JOIN versions v ON v.scenario_id = s.id "
            "AND v.version = (SELECT max(version) FROM versions WHERE scenario_id = s.id) ORDER BY s.name"))
        return [ScenarioInfo(n, whole(v, n), c, u, t, d is not None, d) for n, v, c, u, t, d in rows
                if include_deleted or d is None]

    def history(self, name: str) -> list[VersionInfo]:
        """Every version of ``name``, oldest first."""
        name = check_name(name)

        def read(tx: Tx) -> list:
            sid, _ = self._scenario(tx, name)
            return tx.rows(f"SELECT {_INFO} FROM versions v WHERE scenario_id = ? ORDER BY version", (sid,))

        return [version_info(name, r) for r in self._db.run(f"read the history of {name!r}", read)]

    def read(self, name: str, version: int | None = None) -> StoredVersion:
        """Version ``version`` of ``name`` (the latest if None), checksum verified and validated again."""
        name = check_name(name)
        if version is not None:
            _check_version(version)

        def fetch(tx: Tx) -> tuple[int, tuple | None]:
            sid, _ = self._scenario(tx, name)
            latest = self._latest(tx, sid, name)
            row = tx.one(f"SELECT {_INFO}, {tx.blob('content')} FROM versions v WHERE scenario_id = ? AND version = ?",
                         (sid, latest if version is None else version))
            return latest, row

        latest, row = self._db.run(f"open {name!r}", fetch)
        if row is None:
            has = "only version 1" if latest == 1 else f"versions 1..{latest}"
            raise MCDAError(f"{name!r} has {has}; there is no version {version}")
        info, raw = version_info(name, row[:-1]), row[-1]
        what = f"version {info.version} of {name!r}"
        raw = bytes(raw) if isinstance(raw, memoryview) else raw
        if not isinstance(raw, bytes) or hashlib.sha256(raw).hexdigest() != info.sha256:
            raise MCDAError(f"{what} is corrupted: its checksum does not match (the library {self.location} was "
                            "changed outside vendor-eval or damaged; other versions may still open)")
        if len(raw) != info.size:
            raise MCDAError(f"{what} is corrupted: its size does not match its record ({len(raw)} bytes, "
                            f"recorded {info.size})")
        text = raw.decode("utf-8")  # cannot fail: the checksum matches text that was encoded as UTF-8
        return StoredVersion(info, text, parse_scenario(parse_json(text, what), what))

    def open(self, name: str, version: int | None = None) -> Scenario:
        """The scenario saved as ``version`` of ``name`` (the latest if None); see :meth:`read`."""
        return self.read(name, version).scenario

    def open_text(self, name: str, version: int | None = None) -> str:
        """The canonical JSON text of a version (equal to ``dumps`` of the scenario); see :meth:`read`."""
        return self.read(name, version).text

    def log(self, name: str) -> list[AuditEntry]:
        """Every action on ``name`` (also while deleted), oldest first: :class:`~mcda.store.records.AuditEntry`."""
        name = check_name(name)

        def read(tx: Tx) -> list[AuditEntry]:
            sid, _ = self._scenario(tx, name, deleted_ok=True)
            return audit.entries(tx, sid)

        return self._db.run(f"read the audit log of {name!r}", read)

    # ----------------------------------------------------------------------- writing
    def _append(self, name: str, text: str, title: str, message: str, *, allow_unchanged: bool,
                restored_from: int | None = None, base: int | None = None, merged_with: int | None = None,
                expect: int | None = None, action: str = "save", detail: str = "") -> VersionInfo:
        """Add a version in one transaction; with ``expect``, only if the latest version is still ``expect``."""
        raw = text.encode("utf-8")
        sha = hashlib.sha256(raw).hexdigest()

        def change(tx: Tx) -> VersionInfo:
            now = tx.now()
            find = f"SELECT id, deleted_at FROM scenarios WHERE name = ?{tx.lock}"
            row = tx.one(find, (name,))
            if row is None and expect is None:
                tx.run("INSERT INTO scenarios (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                       (name, now))
                row = tx.one(find, (name,))
            if row is None:
                self._scenario(tx, name)  # says which names exist
                raise MCDAError(f"{name!r} was renamed while it was being saved; nothing was saved, try again")
            sid, deleted_at = row
            if deleted_at is not None:
                raise MCDAError(f"the name {name!r} belongs to a scenario deleted at {deleted_at}; "
                                "undelete it to add versions, or choose another name (nothing was saved)")
            last = tx.one("SELECT version, sha256, saved_at FROM versions WHERE scenario_id = ? "
                          "ORDER BY version DESC LIMIT 1", (sid,))
            latest = 0 if last is None else whole(last[0], name)
            if base is not None and latest < base:
                raise MCDAError(f"{name!r} has versions 1..{latest}; there is no version {base} to start from "
                                "(nothing was saved)")
            if expect is not None and latest != expect:
                raise _Moved(latest)
            if last is not None and last[1] == sha and not allow_unchanged:
                if merged_with is not None:
                    raise UnchangedError(f"{name!r} is unchanged: your changes since version {base} are already in its "
                                         f"latest version {latest} (saved {last[2]}), so nothing was saved")
                raise UnchangedError(f"{name!r} is unchanged: the scenario equals its latest version {latest} "
                                     f"(saved {last[2]}), so nothing was saved")
            info = VersionInfo(name, latest + 1, now, message, title, sha, len(raw), restored_from, self.actor, base,
                               merged_with)
            tx.run("INSERT INTO versions (scenario_id, version, saved_at, message, title, sha256, size, restored_from, "
                   "content, actor, base, merged_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (sid, info.version, now, message, title, sha, info.size, restored_from, text, self.actor, base,
                    merged_with))
            audit.record(tx, at=now, actor=self.actor, action=action, scenario_id=sid, name=name, version=info.version,
                         detail=detail)
            return info

        return self._db.run(f"save {name!r}", change, write=True)

    def save(self, scenario: Scenario, name: str, message: str = "", *, allow_unchanged: bool = False,
             base: int | None = None) -> VersionInfo:
        """Add ``scenario`` as the next version of ``name`` (version 1 of a new name).

        Parameters
        ----------
        scenario : Scenario
            Validated again before anything is written.
        name, message : str
            The scenario's name in the library; what changed.
        allow_unchanged : bool
            Record a version equal to the latest one (else :class:`UnchangedError`).
        base : int, optional
            The version this edit started from. If newer versions were saved since, the
            changes ``base -> scenario`` are merged into the latest version part by part
            and the new version records the merge (``base``, ``merged_with``); changes to
            the same part raise :class:`~mcda.store.records.ConflictError` and save nothing.
            Without ``base`` the scenario is saved as given, whatever was saved meanwhile.
        """
        name, message = check_name(name), check_message(message)
        text = canonical(scenario)
        title = scenario.metadata.title
        note = audit.short(message)
        if base is None:
            return self._append(name, text, title, message, allow_unchanged=allow_unchanged, detail=note)
        base = _check_version(base, "the base version")
        expect = base
        for _ in range(_MERGE_TRIES):
            try:
                if expect == base:
                    detail = "; ".join(filter(None, [f"started from version {base}", note]))
                    return self._append(name, text, title, message, allow_unchanged=allow_unchanged, base=base,
                                        expect=base, detail=detail)
                merged, merged_title, parts = self._merge(name, base, expect, text)
                detail = "; ".join(filter(None, [f"merged the changes made since version {base} ({_parts(parts)}) with "
                                                 f"version{'s' if expect - base > 1 else ''} {_span(base + 1, expect)}",
                                                 note]))
                return self._append(name, merged, merged_title, message, allow_unchanged=allow_unchanged,
                                    base=base, merged_with=expect, expect=expect, action="merge", detail=detail)
            except _Moved as moved:
                expect = moved.latest
        raise StoreBusyError(f"could not save {name!r}: other versions kept arriving while merging ({_MERGE_TRIES} "
                             "tries); nothing was saved, try again")

    def _merge(self, name: str, base: int, latest: int, mine: str) -> tuple[str, str, list[str]]:
        """``mine`` (started from ``base``) merged into version ``latest``: text, title, parts taken from mine."""
        old, theirs = self.read(name, base), self.read(name, latest)
        result = merge_scenarios(json.loads(old.text), json.loads(mine), json.loads(theirs.text))
        if result.conflicts:
            raise ConflictError(name, base, self._newer(name, base, latest), result.conflicts)
        try:
            merged = parse_scenario(result.data, f"the merge of your changes with version {latest} of {name!r}")
        except ScenarioError as exc:
            problems = [str(p) for p in exc.problems]
            raise ConflictError(name, base, self._newer(name, base, latest), [], problems) from None
        return canonical(merged), merged.metadata.title, result.from_mine

    def _newer(self, name: str, base: int, latest: int) -> list[VersionInfo]:
        return [v for v in self.history(name) if base < v.version <= latest]

    def restore(self, name: str, version: int, message: str | None = None) -> VersionInfo:
        """Add a new version of ``name`` whose content equals ``version`` (history is kept)."""
        old = self.read(name, version)
        note = check_message(message)
        message = f"restore of version {version}" + (f": {note}" if note else "")
        try:
            return self._append(old.info.name, old.text, old.info.title, message, allow_unchanged=False,
                                restored_from=version, action="restore", detail=audit.short(message))
        except UnchangedError:
            raise UnchangedError(f"the latest version of {old.info.name!r} already equals version {version}; "
                                 "nothing was restored") from None

    def _change(self, doing: str, name: str, fn, *, deleted_ok: bool = False) -> AuditEntry:
        """In one transaction: lock ``name``'s row, ``fn(tx, sid, deleted_at) -> (action, detail, name to record)``,
        and add the audit entry."""
        def change(tx: Tx) -> AuditEntry:
            sid, deleted_at = self._scenario(tx, name, deleted_ok=deleted_ok, lock=True)
            action, detail, recorded_name = fn(tx, sid, deleted_at)
            return audit.record(tx, at=tx.now(), actor=self.actor, action=action, scenario_id=sid, name=recorded_name,
                                version=self._latest(tx, sid, name), detail=detail)

        return self._db.run(doing, change, write=True)

    def rename(self, old: str, new: str) -> None:
        """Give the scenario ``old`` (and all its versions and its log) the name ``new``."""
        old, new = check_name(old), check_name(new)

        def rename(tx: Tx, sid: int, _):
            if new == old:
                raise MCDAError(f"the scenario is already named {old!r}")
            taken = tx.one("SELECT deleted_at FROM scenarios WHERE name = ?", (new,))
            if taken is not None:
                also = " (a deleted one: its name stays taken so that it can be undeleted)" if taken[0] else ""
                raise MCDAError(f"cannot rename {old!r}: a scenario named {new!r} already exists{also}")
            tx.run("UPDATE scenarios SET name = ? WHERE id = ?", (new, sid))
            return "rename", f"renamed from {old!r} to {new!r}", new

        self._change(f"rename {old!r}", old, rename)

    def delete(self, name: str) -> None:
        """Hide ``name`` and its versions; :meth:`undelete` brings them back."""
        name = check_name(name)

        def delete(tx: Tx, sid: int, _):
            tx.run("UPDATE scenarios SET deleted_at = ? WHERE id = ?", (tx.now(), sid))
            return "delete", "", name

        self._change(f"delete {name!r}", name, delete)

    def undelete(self, name: str) -> None:
        """Bring back a deleted scenario with all its versions."""
        name = check_name(name)

        def undelete(tx: Tx, sid: int, deleted_at: str | None):
            if deleted_at is None:
                raise MCDAError(f"the scenario {name!r} is not deleted")
            tx.run("UPDATE scenarios SET deleted_at = NULL WHERE id = ?", (sid,))
            return "undelete", f"deleted at {deleted_at}", name

        self._change(f"undelete {name!r}", name, undelete, deleted_ok=True)

    def log_action(self, action: str, name: str, version: int | None = None, detail: str = "") -> AuditEntry:
        """Record an action taken outside the library (e.g. ``export``, or a committee's ``vote-closed``).

        ``version`` (optional) must exist; the library's own actions (save, merge, ...) cannot be recorded this way.
        """
        action, name, detail = audit.check_custom_action(action), check_name(name), audit.check_detail(detail)
        if version is not None:
            _check_version(version)

        def change(tx: Tx) -> AuditEntry:
            sid, _ = self._scenario(tx, name, lock=True)
            latest = self._latest(tx, sid, name)
            if version is not None and version > latest:
                raise MCDAError(f"{name!r} has versions 1..{latest}; there is no version {version} "
                                "(nothing was recorded)")
            return audit.record(tx, at=tx.now(), actor=self.actor, action=action, scenario_id=sid, name=name,
                                version=version, detail=detail)

        return self._db.run(f"record {action!r} for {name!r}", change, write=True)


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}..{last}"


def _parts(parts: list[str], limit: int = 4) -> str:
    if not parts:
        return "no part differed from theirs"
    shown = ", ".join(parts[:limit])
    return f"{len(parts)} part{'s' if len(parts) != 1 else ''}: {shown}" + (", ..." if len(parts) > limit else "")
