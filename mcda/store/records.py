"""What the scenario library stores and returns: version, scenario and audit records, names, errors.

Names are the library's keys: text, NFC-normalised, surrounding whitespace
removed, 1-100 characters, no control or invisible characters (see
:func:`check_name`). They only ever reach SQL as bound parameters. Actors
(who did something) follow the same rules (see :func:`check_actor`).
"""
from __future__ import annotations

import getpass
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mcda.errors import MCDAError
from mcda.scenario.schema import Scenario
from mcda.store.merge import Conflict, describe_value, differing

__all__ = [
    "MAX_NAME_LENGTH",
    "MAX_MESSAGE_LENGTH",
    "VersionInfo",
    "ScenarioInfo",
    "StoredVersion",
    "AuditEntry",
    "UnchangedError",
    "StoreBusyError",
    "ReadOnlyError",
    "ConflictError",
    "check_name",
    "check_message",
    "check_actor",
    "check_action",
    "default_actor",
    "default_store_path",
    "default_store_location",
    "is_server_url",
]

MAX_NAME_LENGTH = 100
MAX_MESSAGE_LENGTH = 10_000
_REFUSED_IN_NAMES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}  # control, invisible, unassigned


@dataclass(frozen=True)
class VersionInfo:
    """One saved version (its content is read with :meth:`Store.read`)."""

    name: str
    version: int
    saved_at: str  # UTC, ISO 8601, e.g. 2026-11-27T09:30:00.123Z
    message: str
    title: str  # the scenario's metadata.title when saved
    sha256: str  # of the UTF-8 canonical text
    size: int  # bytes of the UTF-8 canonical text
    restored_from: int | None = None  # set when this version was made by Store.restore
    actor: str = ""  # who saved it ("" for versions saved before the library recorded actors)
    base: int | None = None  # the version the saver started from, when the save named one
    merged_with: int | None = None  # set on a merge: the latest version the saver's changes were merged into

    @property
    def is_merge(self) -> bool:
        """True if this version merged the saver's changes (from ``base``) with newer versions."""
        return self.merged_with is not None


@dataclass(frozen=True)
class ScenarioInfo:
    """One scenario of the library, as :meth:`Store.list` shows it."""

    name: str
    versions: int  # numbered 1..versions, so this is also the latest version's number
    created_at: str
    updated_at: str  # when the latest version was saved
    title: str  # of the latest version
    deleted: bool
    deleted_at: str | None = None

    @property
    def latest(self) -> int:
        return self.versions


@dataclass(frozen=True)
class StoredVersion:
    """A version read back, checked and validated: its record, canonical text and scenario."""

    info: VersionInfo
    text: str
    scenario: Scenario


@dataclass(frozen=True)
class AuditEntry:
    """One action of the audit log (:meth:`Store.log`); :meth:`as_dict` is the ``--format json`` record."""

    at: str  # UTC, ISO 8601
    actor: str
    action: str  # save, merge, restore, rename, delete, undelete, export, or a committee action
    name: str  # the scenario's name when the action was taken
    version: int | None
    detail: str

    def as_dict(self) -> dict:
        return {"at": self.at, "actor": self.actor, "action": self.action, "version": self.version,
                "detail": self.detail}


class UnchangedError(MCDAError):
    """A save would add a version identical to the latest one (see ``allow_unchanged``)."""


class StoreBusyError(MCDAError):
    """Another program kept the library locked for longer than the timeout; nothing was written."""


class ReadOnlyError(MCDAError):
    """A change was asked of a library that can only be read; nothing was written."""


class ConflictError(MCDAError):
    """A save started from an older version changes the same parts as newer versions did.

    ``conflicts`` lists each part (:class:`~mcda.store.merge.Conflict`: part, base, mine, theirs);
    ``newer`` the versions saved since the base (:class:`VersionInfo`); ``problems`` the
    validation problems when the parts merge but the merged scenario is invalid. Nothing was saved.
    """

    def __init__(self, name: str, base: int, newer: list[VersionInfo], conflicts: list[Conflict],
                 problems: list[str] | None = None):
        self.name, self.base, self.newer = name, base, list(newer)
        self.conflicts, self.problems = list(conflicts), list(problems or [])
        saved = "; ".join(f"version {v.version} was saved by {v.actor or 'an unknown user'} at {v.saved_at}"
                          for v in self.newer)
        head = f"cannot save {name!r}: your changes start from version {base}, but since then {saved}.\n"
        if self.conflicts:
            n = len(self.conflicts)
            lines = "\n".join(_conflict_line(c, base, self.newer[-1].version) for c in self.conflicts[:50])
            more = f"\n  ... and {n - 50} more" if n > 50 else ""
            body = f"{n} conflicting change{'s' if n != 1 else ''} (both sides changed the same part):\n{lines}{more}"
        else:
            lines = "\n".join(f"  - {p}" for p in self.problems[:50])
            body = f"The changes touch different parts, but together they make an invalid scenario:\n{lines}"
        super().__init__(f"{head}{body}\nNothing was saved: open the latest version, choose for each part, "
                         "and save again.")


def _conflict_line(conflict: Conflict, base: int, latest: int) -> str:
    b, m, t = (describe_value(v) for v in differing(conflict))
    return f"  - {conflict.part}: version {base} had {b}, yours has {m}, version {latest} has {t}"


def is_server_url(location: object) -> bool:
    """True for a PostgreSQL URL (``postgresql://...`` or ``postgres://...``), False for a file path."""
    return isinstance(location, str) and location.strip().lower().startswith(("postgresql://", "postgres://"))


def default_store_location() -> str | Path:
    """``MCDA_STORE`` if set (a file path or a PostgreSQL URL), else ``library.sqlite3`` in the user's data folder."""
    env = os.environ.get("MCDA_STORE", "").strip()
    if is_server_url(env):
        return env
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("vendor-eval", appauthor=False)) / "library.sqlite3"


def default_store_path() -> Path:
    """The library file: ``MCDA_STORE`` if set, else ``library.sqlite3`` in the user's data folder.

    Raises :class:`MCDAError` if ``MCDA_STORE`` is a server URL (see :func:`default_store_location`).
    """
    location = default_store_location()
    if not isinstance(location, Path):
        raise MCDAError("MCDA_STORE names a PostgreSQL server, not a library file; use default_store_location()")
    return location


def _shown(text: str, limit: int = 40) -> str:
    return repr(text) if len(text) <= limit else repr(text[:limit]) + "..."


def check_name(name: object) -> str:
    """The name as stored (NFC, surrounding whitespace removed), or :class:`MCDAError` saying why not.

    >>> check_name("  2027 财务外包招标 ")
    '2027 财务外包招标'
    >>> check_name("a\\x1b[31m")
    Traceback (most recent call last):
    mcda.errors.MCDAError: a scenario name cannot contain control or invisible characters:
    'a\\x1b[31m' has U+001B at position 2
    """
    if not isinstance(name, str):
        raise MCDAError(f"a scenario name must be text, found {type(name).__name__}")
    clean = unicodedata.normalize("NFC", name).strip()
    if not clean:
        raise MCDAError("a scenario name cannot be empty or only spaces")
    if len(clean) > MAX_NAME_LENGTH:
        raise MCDAError(f"a scenario name has at most {MAX_NAME_LENGTH} characters; {_shown(clean)} has {len(clean)}")
    for i, ch in enumerate(clean, start=1):
        if unicodedata.category(ch) in _REFUSED_IN_NAMES:
            raise MCDAError(f"a scenario name cannot contain control or invisible characters: "
                            f"{_shown(clean)} has U+{ord(ch):04X} at position {i}")
    return clean


def check_actor(actor: object) -> str:
    """Who acts, as recorded (same rules as a name: 1-100 characters, no control characters).

    >>> check_actor(" 王芳 ")
    '王芳'
    """
    if not isinstance(actor, str):
        raise MCDAError(f"an actor (who saves) must be text, found {type(actor).__name__}")
    try:
        return check_name(actor)
    except MCDAError as exc:
        raise MCDAError(str(exc).replace("a scenario name", "an actor (who saves)")) from None


def default_actor() -> str:
    """``MCDA_ACTOR`` if set, else the operating-system user name, else ``"unknown"``."""
    env = os.environ.get("MCDA_ACTOR", "").strip()
    if env:
        return check_actor(env)
    try:
        return check_actor(getpass.getuser())
    except (OSError, KeyError, ImportError, MCDAError):  # no login name (e.g. a container with an unnamed uid)
        return "unknown"


_ACTION = re.compile(r"^[a-z][a-z0-9_\-]{0,39}$")


def check_action(action: object) -> str:
    """An audit action name: a lower-case word (letters, digits, ``_`` and ``-``; 40 at most).

    >>> check_action("vote-closed")
    'vote-closed'
    """
    if not isinstance(action, str) or not _ACTION.match(action):
        raise MCDAError(f"an audit action is a lower-case word such as 'vote-closed' (a letter, then letters, digits, "
                        f"_ or -; 40 at most), found {action!r}")
    return action


def check_message(message: object) -> str:
    if message is None:
        return ""
    if not isinstance(message, str):
        raise MCDAError(f"a version message must be text, found {type(message).__name__}")
    if len(message) > MAX_MESSAGE_LENGTH:
        raise MCDAError(f"a version message has at most {MAX_MESSAGE_LENGTH} characters; this one has {len(message)}")
    bad = next((c for c in message if unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\t"), None)
    if bad is not None:
        raise MCDAError(f"a version message cannot contain control characters (found U+{ord(bad):04X})")
    return message.strip()
