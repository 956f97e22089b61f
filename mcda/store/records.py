"""What the scenario library stores and returns: version and scenario records, names, errors.

Names are the library's keys: text, NFC-normalised, surrounding whitespace
removed, 1-100 characters, no control or invisible characters (see
:func:`check_name`). They only ever reach SQL as bound parameters.
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mcda.errors import MCDAError
from mcda.scenario.schema import Scenario

__all__ = [
    "MAX_NAME_LENGTH",
    "MAX_MESSAGE_LENGTH",
    "VersionInfo",
    "ScenarioInfo",
    "StoredVersion",
    "UnchangedError",
    "StoreBusyError",
    "check_name",
    "check_message",
    "default_store_path",
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


class UnchangedError(MCDAError):
    """A save would add a version identical to the latest one (see ``allow_unchanged``)."""


class StoreBusyError(MCDAError):
    """Another program kept the library locked for longer than the timeout; nothing was written."""


def default_store_path() -> Path:
    """``MCDA_STORE`` if set, else ``library.sqlite3`` in the user's data folder for vendor-eval."""
    env = os.environ.get("MCDA_STORE", "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("vendor-eval", appauthor=False)) / "library.sqlite3"


def _shown(text: str, limit: int = 40) -> str:
    return repr(text) if len(text) <= limit else repr(text[:limit]) + "..."


def check_name(name: object) -> str:
    """The name as stored (NFC, surrounding whitespace removed), or :class:`MCDAError` saying why not.

    >>> check_name("  2027 财务外包招标 ")
    '2027 财务外包招标'
    >>> check_name("a\\x1b[31m")
    Traceback (most recent call last):
    mcda.errors.MCDAError: a scenario name cannot contain control or invisible characters: 'a\\x1b[31m' has U+001B at position 2
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
